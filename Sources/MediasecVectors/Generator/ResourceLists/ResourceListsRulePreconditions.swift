import MediasecCore
import ResourceLists

/// Which resource-lists rules *apply* to an input: the situation their
/// clause speaks about is present (an `<entry-ref>` for the ref rules, a
/// `sip:` entry for the SIP-URI grammar, a `cp:count` for the count type,
/// two sibling lists for the name uniqueness, …). A valid or acceptable
/// vector lists the applicable error/warning rules that do not fire as
/// `absentFindings`: the "held silent" half of rule coverage. The input is
/// decoded here only to learn which elements and attributes exist, never
/// an outcome.
enum ResourceListsRulePreconditions {
    typealias R = ResourceListsRules

    /// What the walk saw.
    private struct Seen {
        var entries: [Entry] = []
        var entryRefs = 0
        var externals = 0
        var lists = 0
        var siblingLists = false, siblingEntries = false, siblingRefs = false, siblingExternals = false
        var childElements = false
        var displayNames = false
        var attributes: [GenericAttribute] = []
        var copyControl: [CopyControlAttributes] = []
    }

    static func applicable(input: [UInt8], profiles: Set<ResourceListsProfileName>, xsd: Bool, tightLimits: Bool) -> [String] {
        let limits = tightLimits ? ResourceListsVectorCodec.tightLimits : .default
        // Every input goes through libxml2: its warnings and the diagnostics cap apply.
        var out = ResourceListsVectorGenerator.decoderWarnings
        guard let decoded = ResourceListsDecoder(limits: limits).decodeReportingAll(input).decoded else { return out }
        var s = Seen()
        s.attributes = decoded.document.attributes
        for c in decoded.document.children {
            if case .list(let l) = c { walk(l, &s) }
        }
        s.siblingLists = s.siblingLists || decoded.document.lists.count > 1
        var rules: [ResourceListsRule] = []
        // RFC 4826: the structure rules apply to every document.
        rules += [R.rootAttribute, R.elementUnexpected, R.textUnexpected, R.attributeUnexpected]
        if decoded.xmlVersion != nil { rules.append(R.xmlVersion) }
        if s.childElements { rules.append(R.elementOrder) }
        if s.siblingLists { rules.append(R.listNameDuplicate) }
        if !s.entries.isEmpty { rules += [R.uriMissing, R.uriSyntax, R.anyURI, R.anyURIIPv6] }
        if s.siblingEntries { rules.append(R.uriDuplicate) }
        if s.entryRefs > 0 { rules += [R.refMissing, R.refRelativePath, R.anyURI] }
        if s.siblingRefs { rules.append(R.refDuplicate) }
        if s.externals > 0 { rules += [R.anchorMissing, R.anchorHTTP, R.anyURI] }
        if s.siblingExternals { rules.append(R.anchorDuplicate) }
        let schemes = Set(s.entries.compactMap { $0.uri.flatMap(scheme) })
        if schemes.contains("sip") || schemes.contains("sips") { rules.append(R.sipURI) }
        if schemes.contains("tel") { rules.append(R.telURI) }
        if s.displayNames || s.attributes.contains(where: { $0.namespace == XMLNamespaces.xml && $0.name == "lang" }) { rules.append(R.xmlLangValue) }
        if s.attributes.contains(where: { $0.namespace == XMLNamespaces.xml && $0.name == "space" }) { rules.append(R.xmlSpaceValue) }
        if s.attributes.contains(where: { $0.namespace == XMLNamespaces.xml && $0.name == "base" }) { rules.append(R.anyURI) }
        // RFC 5364: the value rules where the attribute is present; the
        // namespace case where any attribute is in the copycontrol namespace
        // or one that differs from it in case only.
        if s.copyControl.contains(where: { $0.copyControl != nil }) { rules.append(R.copyControlValue) }
        if s.copyControl.contains(where: { $0.anonymize != nil }) { rules.append(R.anonymizeValue) }
        if s.copyControl.contains(where: { $0.count != nil }) { rules.append(R.countValue) }
        if s.copyControl.contains(where: { !$0.isEmpty })
            || s.attributes.contains(where: { $0.namespace?.lowercased() == XMLNamespaces.copyControl }) { rules.append(R.namespaceCase) }
        if s.entries.count > 1 { rules.append(R.duplicateURI) }
        if s.entries.contains(where: { $0.uri == "sip:anonymous@anonymous.invalid" }) { rules.append(R.anonymousDuplicate) }
        // RFC 5366: a request-contained list is the situation itself.
        rules += [R.nestedList, R.entryRef, R.external, R.noEntries]
        if !s.entries.isEmpty { rules.append(R.uriScheme) }
        out += rules.filter { r in r.severity != .info && r.profile.map(profiles.contains) == true }.map(\.code)
        if xsd { out.append(R.xsdDisagreement.code) }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    private static func scheme(_ uri: String) -> String? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        return uri[..<colon].lowercased()
    }

    private static func walk(_ l: ResourceList, _ s: inout Seen) {
        s.lists += 1
        s.copyControl.append(l.copyControl)
        s.attributes += l.attributes
        var lists = 0, entries = 0, refs = 0, externals = 0
        for c in l.children {
            switch c {
            case .displayName(let d):
                s.childElements = true
                s.displayNames = true
                s.attributes += d.attributes
            case .list(let x):
                s.childElements = true
                lists += 1
                walk(x, &s)
            case .entry(let e):
                s.childElements = true
                entries += 1
                s.entries.append(e)
                leaf(e.copyControl, e.attributes, e.children, &s)
            case .entryRef(let r):
                s.childElements = true
                refs += 1
                s.entryRefs += 1
                leaf(r.copyControl, r.attributes, r.children, &s)
            case .external(let x):
                s.childElements = true
                externals += 1
                s.externals += 1
                leaf(x.copyControl, x.attributes, x.children, &s)
            case .other(let g):
                s.childElements = true
                generic(g, &s)
            case .text:
                break
            }
        }
        if lists > 1 { s.siblingLists = true }
        if entries > 1 { s.siblingEntries = true }
        if refs > 1 { s.siblingRefs = true }
        if externals > 1 { s.siblingExternals = true }
    }

    private static func leaf(_ cp: CopyControlAttributes, _ attributes: [GenericAttribute], _ children: [EntryChild], _ s: inout Seen) {
        s.copyControl.append(cp)
        s.attributes += attributes
        for c in children {
            s.childElements = true
            switch c {
            case .displayName(let d):
                s.displayNames = true
                s.attributes += d.attributes
            case .other(let g): generic(g, &s)
            case .text: break
            }
        }
    }

    private static func generic(_ g: GenericElement, _ s: inout Seen) {
        s.attributes += g.attributes
        for c in g.children {
            if case .element(let e) = c { generic(e, &s) }
        }
    }
}
