import MediasecCore

/// The validation profiles. By default `rfc4826` and `rfc5364` run;
/// `rfc5366` is for request-contained lists (a `recipient-list` body of a
/// SIP INVITE or MESSAGE, e.g. the conference-factory INVITE of TR 33.829
/// clause 5.3.3.4.1), which the document alone cannot reveal.
public enum ResourceListsProfileName: String, Sendable, Hashable, CaseIterable, Codable {
    /// RFC 4826: the IANA schema's structure and §3.1 / §3.4.5 prose rules.
    case rfc4826
    /// RFC 5364 copy control (`cp:copyControl`, `cp:anonymize`, `cp:count`).
    case rfc5364
    /// RFC 5366 / RFC 5365 / RFC 5363 request-contained URI lists.
    case rfc5366
}

/// One named validation rule. Every finding the validator emits goes
/// through a rule, so ``ResourceListsRules/all`` is the complete list of
/// what it can say.
public struct ResourceListsRule: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let specRef: String
    /// The profile the rule belongs to; nil for the XSD cross-check's own
    /// findings, which appear whenever the cross-check runs.
    public let profile: ResourceListsProfileName?
    /// True when the IANA schemas (resource-lists + copycontrol + xml.xsd)
    /// express the same constraint: these rules decide the suite's schema
    /// verdict that the XSD cross-check compares with libxml2's.
    public let xsdExpressible: Bool
    public let summary: String

    init(_ code: String, _ severity: Severity, _ specRef: String, _ profile: ResourceListsProfileName?, xsd: Bool = false, _ summary: String) {
        self.code = code
        self.severity = severity
        self.specRef = specRef
        self.profile = profile
        self.xsdExpressible = xsd
        self.summary = summary
    }
}

/// The rule catalog.
public enum ResourceListsRules {
    // MARK: RFC 4826 — what the schema says
    public static let rootAttribute = ResourceListsRule("resource-lists.root.attribute", .error, "RFC 4826 §3.1 / §3.2", .rfc4826, xsd: true, "<resource-lists> has no attributes")
    public static let elementUnexpected = ResourceListsRule("resource-lists.element.unexpected", .error, "RFC 4826 §3.2", .rfc4826, xsd: true, "An element the schema does not allow here (unknown resource-lists element, element in no namespace, markup inside display-name)")
    public static let elementOrder = ResourceListsRule("resource-lists.element.order", .error, "RFC 4826 §3.2", .rfc4826, xsd: true, "Children out of the schema's order: display-name first and at most once, then list members, then extension elements")
    public static let textUnexpected = ResourceListsRule("resource-lists.text.unexpected", .error, "RFC 4826 §3.2", .rfc4826, xsd: true, "Character data in element-only content")
    public static let attributeUnexpected = ResourceListsRule("resource-lists.attribute.unexpected", .error, "RFC 4826 §3.2 / §6", .rfc4826, xsd: true, "An attribute the schema does not allow (unqualified or resource-lists-namespace, anything but xml:lang on display-name, xsi:type/xsi:nil)")
    public static let uriMissing = ResourceListsRule("resource-lists.entry.uri-missing", .error, "RFC 4826 §3.1 / §3.2", .rfc4826, xsd: true, "<entry> without the mandatory uri attribute")
    public static let refMissing = ResourceListsRule("resource-lists.entry-ref.ref-missing", .error, "RFC 4826 §3.1 / §3.2", .rfc4826, xsd: true, "<entry-ref> without the mandatory ref attribute")
    public static let anchorMissing = ResourceListsRule("resource-lists.external.anchor-missing", .error, "RFC 4826 §3.1 / IANA resource-lists.xsd (RFC 4826 §3.2 as printed makes it optional)", .rfc4826, xsd: true, "<external> without the mandatory anchor attribute")
    public static let anyURI = ResourceListsRule("resource-lists.attribute.any-uri", .error, "RFC 4826 §3.2 / XML Schema Part 2 §3.2.17", .rfc4826, xsd: true, "uri, ref, anchor or xml:base is not an xs:anyURI (checked as libxml2 does: RFC 3986 URI-reference after escaping disallowed characters)")
    /// An ambiguity in the manner of FACTS §10: XML Schema 1.0 defines xs:anyURI by RFC 2396 as amended by
    /// RFC 2732, which admits `[` `]` anywhere a URI character may stand; RFC
    /// 3986, which libxml2 applies, admits them only around an IP literal
    /// after `//`. A SIP URI names its host without `//`, so an IPv6 entry
    /// is an xs:anyURI and a valid RFC 3261 URI, yet libxml2-based schema
    /// validators reject the document. The suite accepts it and says so.
    public static let anyURIIPv6 = ResourceListsRule("resource-lists.attribute.any-uri-ipv6", .warning, "XML Schema Part 2 §3.2.17 (RFC 2396 + RFC 2732) / RFC 3261 §19.1.1", .rfc4826, "A sip:/sips: entry uri with an IPv6 reference host: an xs:anyURI under XML Schema 1.0 and valid per RFC 3261, but rejected by libxml2's xs:anyURI check (RFC 3986), so libxml2-based XSD validators refuse the document")
    public static let xmlLangValue = ResourceListsRule("resource-lists.xml-lang.value", .error, "XML 1.0 §2.12 / xml.xsd", .rfc4826, xsd: true, "xml:lang is neither an xs:language tag nor empty")
    public static let xmlSpaceValue = ResourceListsRule("resource-lists.xml-space.value", .error, "XML 1.0 §2.10 / xml.xsd", .rfc4826, xsd: true, "xml:space is neither default nor preserve")

    // MARK: RFC 4826 — prose only
    public static let xmlVersion = ResourceListsRule("resource-lists.xml.version", .error, "RFC 4826 §3.1", .rfc4826, "Resource lists documents MUST be based on XML 1.0")
    public static let listNameDuplicate = ResourceListsRule("resource-lists.list.name-duplicate", .error, "RFC 4826 §3.4.5 / §3.1", .rfc4826, "Two sibling lists share a name (case-sensitive)")
    public static let uriDuplicate = ResourceListsRule("resource-lists.entry.uri-duplicate", .error, "RFC 4826 §3.4.5 / §3.1", .rfc4826, "Two sibling entries share a uri (case-sensitive)")
    public static let refDuplicate = ResourceListsRule("resource-lists.entry-ref.ref-duplicate", .error, "RFC 4826 §3.4.5 / §3.1", .rfc4826, "Two sibling entry-refs share a ref (case-sensitive)")
    public static let anchorDuplicate = ResourceListsRule("resource-lists.external.anchor-duplicate", .error, "RFC 4826 §3.4.5 / §3.1", .rfc4826, "Two sibling externals share an anchor (case-sensitive)")
    public static let refRelativePath = ResourceListsRule("resource-lists.entry-ref.ref-relative-path", .error, "RFC 4826 §3.4.5 / §3.1, RFC 3986 §4.2", .rfc4826, "ref MUST be a percent-encoded relative-path reference (no scheme, no leading /)")
    public static let anchorHTTP = ResourceListsRule("resource-lists.external.anchor-http", .error, "RFC 4826 §3.4.5 / §3.1, RFC 3986 §4.3", .rfc4826, "anchor MUST be a percent-encoded absolute HTTP URI")
    public static let uriSyntax = ResourceListsRule("resource-lists.entry.uri-syntax", .error, "RFC 4826 §3.1 / RFC 3986 §3, §4.3", .rfc4826, "uri is not an absolute URI: no scheme, a character that must be percent-encoded, or a malformed % escape")
    public static let sipURI = ResourceListsRule("resource-lists.entry.sip-uri", .error, "RFC 3261 §19.1.1 / §25.1", .rfc4826, "A sip: or sips: entry URI that does not follow the SIP-URI grammar")
    public static let telURI = ResourceListsRule("resource-lists.entry.tel-uri", .error, "RFC 3966 §3", .rfc4826, "A tel: entry URI that does not follow the telephone-uri grammar")

    // MARK: RFC 5364 copy control
    public static let copyControlValue = ResourceListsRule("resource-lists.copy-control.value", .error, "RFC 5364 §4 / §5", .rfc5364, xsd: true, "cp:copyControl is not exactly to, cc or bcc")
    public static let anonymizeValue = ResourceListsRule("resource-lists.copy-control.anonymize-value", .error, "RFC 5364 §5", .rfc5364, xsd: true, "cp:anonymize is not an xs:boolean")
    public static let countValue = ResourceListsRule("resource-lists.copy-control.count-value", .error, "RFC 5364 §5", .rfc5364, xsd: true, "cp:count is not an xs:nonNegativeInteger")
    public static let namespaceCase = ResourceListsRule("resource-lists.copy-control.namespace-case", .warning, "RFC 5364 §5 / RFC 5366 §6 (Figure 3)", .rfc5364, "Attributes in a namespace that differs from urn:ietf:params:xml:ns:copycontrol only in case: schema-valid, but not copy-control attributes (namespace names are case-sensitive), so the entry is treated as bcc")
    public static let unknownAttribute = ResourceListsRule("resource-lists.copy-control.unknown-attribute", .info, "RFC 5364 §5", .rfc5364, "An attribute in the copycontrol namespace that RFC 5364 does not define")
    public static let duplicateURI = ResourceListsRule("resource-lists.copy-control.duplicate-uri", .warning, "RFC 5364 §4 / RFC 5363 §4.1", .rfc5364, "The same URI (compared as RFC 4826 §5 canonicalizes) appears in more than one entry: an error a URI-list server resolves by the highest copyControl (to > cc > bcc)")
    public static let anonymousDuplicate = ResourceListsRule("resource-lists.copy-control.anonymous-duplicate", .warning, "RFC 5364 §3 / §6 (Figure 4) vs RFC 4826 §3.4.5", .rfc5364, "Sibling entries share the anonymous URI sip:anonymous@anonymous.invalid: RFC 5364's recipient-history lists do this, RFC 4826's uniqueness rule forbids it")
    public static let anonymizeBCC = ResourceListsRule("resource-lists.copy-control.anonymize-bcc", .info, "RFC 5364 §4", .rfc5364, "cp:anonymize on a bcc entry (explicit or by default) is ignored: bcc URIs are removed from recipient-history lists")
    public static let countNotAnonymous = ResourceListsRule("resource-lists.copy-control.count-not-anonymous", .info, "RFC 5364 §3 / §4", .rfc5364, "cp:count is expected only on anonymized URIs (sip:anonymous@anonymous.invalid)")
    public static let placement = ResourceListsRule("resource-lists.copy-control.placement", .info, "RFC 5364 §4", .rfc5364, "Copy-control attributes qualify children of a <list>; a top-level list is not one")

    // MARK: RFC 5366 request-contained lists
    public static let nestedList = ResourceListsRule("resource-lists.request.nested-list", .warning, "RFC 5366 §4 / RFC 5365 §6", .rfc5366, "Request-contained lists SHOULD be flat (no hierarchical lists)")
    public static let entryRef = ResourceListsRule("resource-lists.request.entry-ref", .warning, "RFC 5366 §4 / RFC 5365 §6", .rfc5366, "Request-contained lists SHOULD NOT use <entry-ref> (XCAP-relative references)")
    public static let external = ResourceListsRule("resource-lists.request.external", .warning, "RFC 5366 §4 / RFC 5365 §4", .rfc5366, "Request-contained lists carry the URIs themselves, not references to lists stored elsewhere")
    public static let multipleLists = ResourceListsRule("resource-lists.request.multiple-lists", .info, "RFC 5366 §4", .rfc5366, "A request-contained list is one flat list; several top-level lists are merged by the server")
    public static let noEntries = ResourceListsRule("resource-lists.request.no-entries", .warning, "RFC 5363 §3.1 (REQ 1)", .rfc5366, "The list names no recipient")
    public static let uriScheme = ResourceListsRule("resource-lists.request.uri-scheme", .warning, "RFC 5366 §4 / TR 33.829 clause 5.3.3.4.1", .rfc5366, "A recipient URI is not sip:, sips: or tel:")

    // MARK: XSD cross-check
    public static let xsdError = ResourceListsRule("resource-lists.xsd.error", .info, "RFC 4826 §3.2 / RFC 5364 §5 (IANA XSD)", nil, "A diagnostic of libxml2's XML Schema validation")
    public static let xsdDisagreement = ResourceListsRule("resource-lists.xsd.disagreement", .warning, "RFC 4826 §3.1 (MUST be valid per the schemas)", nil, "The suite's schema-level verdict and libxml2's XSD verdict differ")
    public static let xsdProseOnly = ResourceListsRule("resource-lists.xsd.prose-only", .info, "RFC 4826 §3.4.5 / FACTS §7", nil, "The XSD accepts the document; its errors are prose-only rules that no schema can express")
    public static let xsdUnavailable = ResourceListsRule("resource-lists.xsd.unavailable", .warning, "RFC 4826 §3.2", nil, "The XSD cross-check could not run (schema did not compile, or the document did not parse)")

    public static let all: [ResourceListsRule] = [
        rootAttribute, elementUnexpected, elementOrder, textUnexpected, attributeUnexpected, uriMissing, refMissing, anchorMissing,
        anyURI, anyURIIPv6, xmlLangValue, xmlSpaceValue,
        xmlVersion, listNameDuplicate, uriDuplicate, refDuplicate, anchorDuplicate, refRelativePath, anchorHTTP, uriSyntax, sipURI, telURI,
        copyControlValue, anonymizeValue, countValue, namespaceCase, unknownAttribute, duplicateURI, anonymousDuplicate, anonymizeBCC,
        countNotAnonymous, placement,
        nestedList, entryRef, external, multipleLists, noEntries, uriScheme,
        xsdError, xsdDisagreement, xsdProseOnly, xsdUnavailable,
    ]

    public static func rule(code: String) -> ResourceListsRule? { all.first { $0.code == code } }

    /// Codes the decoder itself can raise (a failed decode), with clauses.
    public static let decodingCodes: [(code: String, specRef: String, summary: String)] = [
        ("resource-lists.limit.bytes", "mediasec limits", "Input larger than ResourceListsLimits.maxBytes"),
        ("resource-lists.limit.depth", "mediasec limits", "Elements nested deeper than maxDepth"),
        ("resource-lists.limit.elements", "mediasec limits", "More elements than maxElements"),
        ("resource-lists.limit.attributes", "mediasec limits", "More attributes on one element than maxAttributesPerElement"),
        ("resource-lists.limit.diagnostics", "mediasec limits", "More libxml2 diagnostics than maxDiagnostics, or more findings of one rule than maxFindingsPerRule (warning; the rest are counted)"),
        ("resource-lists.xml.encoding", "RFC 4826 §3.1", "Not UTF-8: a UTF-16/32 or EBCDIC signature, an invalid UTF-8 sequence, or another declared encoding"),
        ("resource-lists.xml.doctype", "XML 1.0 §2.8, §4.2 (mediasec hardening)", "A DOCTYPE declaration (rejected before its internal subset is read)"),
        ("resource-lists.xml.entity-reference", "XML 1.0 §4.2 (mediasec hardening)", "An entity reference left unexpanded in the tree"),
        ("resource-lists.xml.not-well-formed", "XML 1.0", "Any libxml2 parser error (not well-formed, undeclared entity, …)"),
        ("resource-lists.xml.namespace", "Namespaces in XML 1.0", "A libxml2 namespace error (undeclared prefix, a namespace name that is not a URI, …)"),
        ("resource-lists.xml.validity", "xml:id 1.0 §4", "An xml:id that is not an NCName or is defined twice (libxml2 checks xml:id while parsing)"),
        ("resource-lists.xml.warning", "XML 1.0", "A libxml2 warning (the document still decodes)"),
        ("resource-lists.xml.internal", "mediasec", "libxml2 refused the parser options"),
        ("resource-lists.root.element", "RFC 4826 §3.1", "The root is not {urn:ietf:params:xml:ns:resource-lists}resource-lists"),
    ]
}

/// Collects findings; only rules of enabled profiles (and profile-less
/// cross-check rules) are recorded. Positions come from the decoded
/// document: the offset goes in `offset`, `line:column` starts the message.
///
/// At most `maxPerRule` findings of one rule are kept (the first ones in
/// document order); the rest are only counted in `suppressed`, which the
/// validator reports as one `resource-lists.limit.diagnostics` warning, so
/// the findings of a hostile document stay bounded whatever its size.
struct FindingSink {
    var profiles: Set<ResourceListsProfileName>
    /// Read only when a finding is added: a clean document never builds it.
    let positions: PositionTable
    var maxPerRule: Int = ResourceListsLimits.default.maxFindingsPerRule
    var findings: [Finding] = []
    /// Findings kept so far, by rule code.
    private var kept: [String: Int] = [:]
    /// Findings dropped after `maxPerRule`, by rule code.
    private(set) var suppressed: [String: Int] = [:]

    init(profiles: Set<ResourceListsProfileName>, positions: PositionTable, maxPerRule: Int = ResourceListsLimits.default.maxFindingsPerRule) {
        self.profiles = profiles
        self.positions = positions
        self.maxPerRule = maxPerRule
    }

    mutating func add(_ rule: ResourceListsRule, _ path: String, _ message: @autoclosure () -> String? = nil, at position: XMLPosition? = nil) {
        if let p = rule.profile, !profiles.contains(p) { return }
        let n = kept[rule.code, default: 0]
        guard n < maxPerRule else {
            suppressed[rule.code, default: 0] += 1
            return
        }
        kept[rule.code] = n + 1
        let pos = position ?? self.position(path)
        let text = (pos.map { "\($0): " } ?? "") + (message() ?? rule.summary)
        findings.append(Finding(code: rule.code, severity: rule.severity, offset: pos?.offset, path: path, specRef: rule.specRef, message: text))
    }

    /// The position of a path, falling back from an attribute or text to
    /// its element.
    func position(_ path: String) -> XMLPosition? {
        let table = positions.positions
        if let p = table[path] { return p }
        return ResourceListsPath.owner(of: path).flatMap { table[$0] }
    }

    /// One `resource-lists.limit.diagnostics` warning for the findings
    /// dropped after `maxPerRule` (only rules `include` accepts), or nil.
    func suppressedFinding(include: (ResourceListsRule) -> Bool) -> Finding? {
        let dropped = suppressed.compactMap { code, count in
            ResourceListsRules.rule(code: code).flatMap { include($0) ? (code, count) : nil }
        }.sorted { $0.0 < $1.0 }
        guard !dropped.isEmpty else { return nil }
        let total = dropped.reduce(0) { $0 + $1.1 }
        let detail = dropped.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        return Finding(code: "resource-lists.limit.diagnostics", severity: .warning, offset: nil, path: "", specRef: "mediasec limits",
                       message: "\(total) further findings not shown (at most \(maxPerRule) per rule): \(detail)")
    }
}
