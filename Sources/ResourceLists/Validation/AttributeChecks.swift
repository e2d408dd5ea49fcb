/// Attribute rules by where the attribute stands: what the schema's
/// `anyAttribute` wildcards allow, the values of the globally declared
/// `xml:*` and `cp:*` attributes (checked even under lax wildcards, as
/// libxml2 does), and the wrong-case copycontrol namespace.
extension ValidationRun {
    /// Where an attribute stands, which decides what the schema allows.
    enum AttributeContext {
        /// `<resource-lists>`: no attributes at all.
        case root
        /// list, entry, entry-ref, external: `anyAttribute namespace="##other" processContents="lax"`.
        case member
        /// `<display-name>`: `xml:lang` only.
        case displayName
        /// Inside an extension element (`xs:any processContents="lax"`):
        /// anything, but attributes with a global declaration (`xml:*`,
        /// `cp:*`) are still validated.
        case extensionContent
    }

    mutating func attribute(_ a: GenericAttribute, on element: String, _ context: AttributeContext) {
        let path = ResourceListsPath.attribute(element, namespace: a.namespace, name: a.name)
        // The path ends in `@name` (ResourceListsPath.attribute); show just that part.
        let shown = path.lastIndex(of: "@").map { path[path.index(after: $0)...] } ?? Substring(path)
        func unexpected(_ why: String) { add(ResourceListsRules.attributeUnexpected, path, "attribute \(shown) \(why)") }
        let schemaLocation = a.namespace == XMLNamespaces.xsi && (a.name == "schemaLocation" || a.name == "noNamespaceSchemaLocation")
        if context == .root, !schemaLocation {
            add(ResourceListsRules.rootAttribute, path, "attribute \(shown) on <resource-lists>, which has no attributes")
            return
        }
        switch a.namespace {
        case nil:
            if context != .extensionContent { unexpected("is not defined here (extension attributes must be namespace-qualified, RFC 4826 §6)") }
        case XMLNamespaces.resourceLists?:
            if context != .extensionContent { unexpected("is in the resource-lists namespace, which defines no attributes") }
        case XMLNamespaces.xsi?:
            if a.name != "schemaLocation", a.name != "noNamespaceSchemaLocation" { unexpected("(xsi:type / xsi:nil) is not supported by the resource-lists schema") }
        case XMLNamespaces.xml?:
            switch context {
            case .root: unexpected("is not allowed: <resource-lists> has no attributes")
            case .displayName: unexpected("is not allowed: <display-name> takes xml:lang only")
            case .member, .extensionContent: xmlAttributeValue(a, path)
            }
        case XMLNamespaces.copyControl?:
            switch context {
            case .root: unexpected("is not allowed: <resource-lists> has no attributes")
            case .displayName: unexpected("is not allowed: <display-name> takes xml:lang only")
            case .member, .extensionContent:
                if ["copyControl", "anonymize", "count"].contains(a.name) {
                    copyControlValue(a.name, a.value, path)
                } else {
                    add(ResourceListsRules.unknownAttribute, path, "cp:\(a.name) is not defined by RFC 5364")
                }
            }
        case let ns?:
            switch context {
            case .root: unexpected("is not allowed: <resource-lists> has no attributes")
            case .displayName: unexpected("is not allowed: <display-name> takes xml:lang only")
            case .member, .extensionContent: break
            }
            if XMLNamespaces.differOnlyInCase(ns, XMLNamespaces.copyControl) {
                add(ResourceListsRules.namespaceCase, path,
                    "attribute {\(ns)}\(a.name) is not cp:\(a.name): namespace \"\(ns)\" is not \"\(XMLNamespaces.copyControl)\" (namespace names are case-sensitive); the copy-control value is lost and the entry counts as bcc")
            }
        }
    }

    private mutating func xmlAttributeValue(_ a: GenericAttribute, _ path: String) {
        switch a.name {
        case "lang":
            if !XSDLexical.isXMLLang(a.value) { add(ResourceListsRules.xmlLangValue, path, "xml:lang \(Self.quote(a.value)) is not a language tag") }
        case "space":
            if !XSDLexical.isXMLSpace(a.value) { add(ResourceListsRules.xmlSpaceValue, path, "xml:space \(Self.quote(a.value)) is neither default nor preserve") }
        case "base":
            if !URISyntax.isAnyURI(a.value) { add(ResourceListsRules.anyURI, path, "xml:base \(Self.quote(a.value)) is not an xs:anyURI") }
        default:
            break
        }
    }

    /// The typed copy-control attributes of a list member.
    mutating func memberCopyControl(_ cp: CopyControlAttributes, _ path: String) {
        if let v = cp.copyControl { copyControlValue("copyControl", v, "\(path)@cp:copyControl") }
        if let v = cp.anonymize { copyControlValue("anonymize", v, "\(path)@cp:anonymize") }
        if let v = cp.count { copyControlValue("count", v, "\(path)@cp:count") }
    }

    private mutating func copyControlValue(_ name: String, _ value: String, _ path: String) {
        switch name {
        case "copyControl":
            if CopyControlLevel(rawValue: value) == nil {
                add(ResourceListsRules.copyControlValue, path, "cp:copyControl \(Self.quote(value)) is not to, cc or bcc")
            }
        case "anonymize":
            if XSDLexical.boolean(value) == nil {
                add(ResourceListsRules.anonymizeValue, path, "cp:anonymize \(Self.quote(value)) is not true, false, 1 or 0")
            }
        default:
            if !XSDLexical.isNonNegativeInteger(value) {
                add(ResourceListsRules.countValue, path, "cp:count \(Self.quote(value)) is not a non-negative integer")
            }
        }
    }
}
