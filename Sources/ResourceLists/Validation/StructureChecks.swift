/// The walk over the document: the schema's content models and attribute
/// rules (the `xsdExpressible` rules), the sibling uniqueness of
/// RFC 4826 §3.4.5 and the per-attribute URI rules of §3.1.
extension ValidationRun {
    mutating func walkDocument() {
        let path = ResourceListsPath.root
        for a in document.attributes { attribute(a, on: path, .root) }
        var counter = SiblingCounter(parent: path)
        var names = Uniqueness()
        for c in document.children {
            switch c {
            case .list(let l):
                let p = counter.next("list")
                if let n = l.name { names.check(n, p, &self, rule: ResourceListsRules.listNameDuplicate, "name", kind: "list") }
                walkList(l, p, topLevel: true)
            case .other(let g):
                let p = counter.next(namespace: g.namespace, name: g.name)
                add(ResourceListsRules.elementUnexpected, p, "<\(g.expandedName)> is not allowed in <resource-lists> (only <list>)")
                walkExtension(g, p)
            case .text(let t):
                add(ResourceListsRules.textUnexpected, ResourceListsPath.text(path), "text \(Self.quote(t)) in <resource-lists>")
            }
        }
    }

    private mutating func walkList(_ l: ResourceList, _ path: String, topLevel: Bool) {
        lists.append((path, l, topLevel))
        memberCopyControl(l.copyControl, path)
        for a in l.attributes { attribute(a, on: path, .member) }
        var counter = SiblingCounter(parent: path)
        var names = Uniqueness(), uris = Uniqueness(), refs = Uniqueness(), anchors = Uniqueness()
        var order = ContentOrder()
        for c in l.children {
            switch c {
            case .displayName(let d):
                let p = counter.next("display-name")
                order.displayName(p, &self)
                walkDisplayName(d, p)
            case .list(let s):
                let p = counter.next("list")
                order.member(p, "list", &self)
                if let n = s.name { names.check(n, p, &self, rule: ResourceListsRules.listNameDuplicate, "name", kind: "list") }
                walkList(s, p, topLevel: false)
            case .entry(let e):
                let p = counter.next("entry")
                order.member(p, "entry", &self)
                if let u = e.uri {
                    let anonymous = enabled.contains(.rfc5364) && canonicalRecipient(u) == anonymousURI
                    uris.check(u, p, &self, rule: anonymous ? ResourceListsRules.anonymousDuplicate : ResourceListsRules.uriDuplicate, "uri", kind: "entry")
                }
                walkEntry(e, p)
            case .entryRef(let r):
                let p = counter.next("entry-ref")
                order.member(p, "entry-ref", &self)
                if let v = r.ref { refs.check(v, p, &self, rule: ResourceListsRules.refDuplicate, "ref", kind: "entry-ref") }
                walkEntryRef(r, p)
            case .external(let x):
                let p = counter.next("external")
                order.member(p, "external", &self)
                if let v = x.anchor { anchors.check(v, p, &self, rule: ResourceListsRules.anchorDuplicate, "anchor", kind: "external") }
                walkExternal(x, p)
            case .other(let g):
                let p = counter.next(namespace: g.namespace, name: g.name)
                order.other(g, p, allowed: "display-name, list, external, entry, entry-ref", &self)
                walkExtension(g, p)
            case .text(let t):
                add(ResourceListsRules.textUnexpected, ResourceListsPath.text(path), "text \(Self.quote(t)) in <list>")
            }
        }
    }

    private mutating func walkEntry(_ e: Entry, _ path: String) {
        entries.append((path, e))
        leaf(key: "uri", e.uri, missing: ResourceListsRules.uriMissing, e.copyControl, e.attributes, e.children, path, element: "entry")
        guard let uri = e.uri else { return }
        let at = "\(path)@uri"
        switch SIPURI.scheme(of: uri) {
        case "sip", "sips":
            if case .failure(let problem) = SIPURI.parse(uri) { add(ResourceListsRules.sipURI, at, "\(Self.quote(uri)): \(problem.message)") }
        case "tel":
            if let problem = TelURI.problem(uri) { add(ResourceListsRules.telURI, at, "\(Self.quote(uri)): \(problem)") }
        default:
            if URISyntax.parseURI(uri) == nil {
                let why = SIPURI.scheme(of: uri) == nil ? "no scheme" : "a character that must be %-escaped or a malformed % escape"
                add(ResourceListsRules.uriSyntax, at, "\(Self.quote(uri)) is not an absolute URI (\(why))")
            }
        }
    }

    private mutating func walkEntryRef(_ r: EntryRef, _ path: String) {
        entryRefs.append((path, r))
        leaf(key: "ref", r.ref, missing: ResourceListsRules.refMissing, r.copyControl, r.attributes, r.children, path, element: "entry-ref")
        guard let ref = r.ref else { return }
        let problem: String?
        if ref.isEmpty {
            problem = "it is empty"
        } else if let c = URISyntax.parseReference(ref) {
            if c.scheme != nil { problem = "it has a scheme (an absolute URI)" } else if c.authority != nil { problem = "it starts with // (a network-path reference)" } else if ref.hasPrefix("/") { problem = "it starts with / (an absolute-path reference)" } else { problem = nil }
        } else {
            problem = "it has a character that must be %-escaped or a malformed % escape"
        }
        if let problem { add(ResourceListsRules.refRelativePath, "\(path)@ref", "ref \(Self.quote(ref)) is not a relative-path reference: \(problem)") }
    }

    private mutating func walkExternal(_ x: External, _ path: String) {
        externals.append((path, x))
        leaf(key: "anchor", x.anchor, missing: ResourceListsRules.anchorMissing, x.copyControl, x.attributes, x.children, path, element: "external")
        guard let anchor = x.anchor else { return }
        let problem: String?
        if let c = URISyntax.parseURI(anchor) {
            let scheme = c.scheme?.lowercased()
            if scheme != "http", scheme != "https" { problem = "its scheme is \(c.scheme ?? "missing"), not http" } else if (c.authority ?? "").isEmpty { problem = "it has no host" } else { problem = nil }
        } else {
            problem = URISyntax.parseReference(anchor) != nil ? "it is a relative reference" : "it has a character that must be %-escaped or a malformed % escape"
        }
        if let problem { add(ResourceListsRules.anchorHTTP, "\(path)@anchor", "anchor \(Self.quote(anchor)) is not an absolute HTTP URI: \(problem)") }
    }

    /// What entry, entry-ref and external share: the required URI-typed
    /// attribute, copy control, other attributes and `display-name?, ##other*`.
    private mutating func leaf(key: String, _ value: String?, missing: ResourceListsRule, _ cp: CopyControlAttributes,
                               _ attributes: [GenericAttribute], _ children: [EntryChild], _ path: String, element: String) {
        if let value {
            if !URISyntax.isAnyURI(value) {
                if key == "uri", case .success(let sip) = SIPURI.parse(value), sip.host.hasPrefix("[") {
                    add(ResourceListsRules.anyURIIPv6, "\(path)@\(key)", "uri \(Self.quote(value)) has an IPv6 reference host: an xs:anyURI per XML Schema 1.0 (RFC 2732) and RFC 3261, but libxml2 (RFC 3986) rejects it")
                } else {
                    add(ResourceListsRules.anyURI, "\(path)@\(key)", "\(key) \(Self.quote(value)) is not an xs:anyURI")
                }
            }
        } else {
            add(missing, path, "<\(element)> has no \(key) attribute")
        }
        memberCopyControl(cp, path)
        for a in attributes { attribute(a, on: path, .member) }
        var counter = SiblingCounter(parent: path)
        var order = ContentOrder()
        for c in children {
            switch c {
            case .displayName(let d):
                let p = counter.next("display-name")
                order.displayName(p, &self)
                walkDisplayName(d, p)
            case .other(let g):
                let p = counter.next(namespace: g.namespace, name: g.name)
                order.other(g, p, allowed: "display-name", &self)
                walkExtension(g, p)
            case .text(let t):
                add(ResourceListsRules.textUnexpected, ResourceListsPath.text(path), "text \(Self.quote(t)) in <\(element)>")
            }
        }
    }

    private mutating func walkDisplayName(_ d: DisplayName, _ path: String) {
        if let lang = d.lang, !XSDLexical.isXMLLang(lang) {
            add(ResourceListsRules.xmlLangValue, "\(path)@xml:lang", "xml:lang \(Self.quote(lang)) is not a language tag")
        }
        for a in d.attributes { attribute(a, on: path, .displayName) }
        var counter = SiblingCounter(parent: path)
        for c in d.content {
            if case .element(let g) = c {
                add(ResourceListsRules.elementUnexpected, counter.next(namespace: g.namespace, name: g.name),
                    "<\(g.expandedName)> inside <display-name>, which has simple (text) content")
            }
        }
    }

    /// An extension element's subtree: lax, only attribute values with a
    /// global declaration are checked.
    private mutating func walkExtension(_ g: GenericElement, _ path: String) {
        for a in g.attributes { attribute(a, on: path, .extensionContent) }
        var counter = SiblingCounter(parent: path)
        for c in g.children {
            if case .element(let e) = c { walkExtension(e, counter.next(namespace: e.namespace, name: e.name)) }
        }
    }

    /// A value in quotes, shortened for messages.
    static func quote(_ s: String) -> String {
        let short = s.count > 80 ? String(s.prefix(77)) + "…" : s
        return "\"" + short.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
    }
}
