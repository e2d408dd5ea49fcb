/// RFC 5366 §4 (INVITE) and RFC 5365 §4/§6 (MESSAGE): a request-contained
/// URI list is a flat list of recipient URIs.
extension ValidationRun {
    mutating func checkRequestContained() {
        for (path, _, topLevel) in lists where !topLevel {
            add(ResourceListsRules.nestedList, path, "nested <list>: request-contained lists SHOULD be flat")
        }
        for (path, _) in entryRefs {
            add(ResourceListsRules.entryRef, path, "<entry-ref> in a request-contained list (SHOULD NOT be used)")
        }
        for (path, _) in externals {
            add(ResourceListsRules.external, path, "<external> in a request-contained list: the recipients are not in the request")
        }
        let top = lists.filter(\.topLevel)
        if top.count > 1 {
            add(ResourceListsRules.multipleLists, top[1].path, "\(top.count) top-level lists; a flat list is one <list>")
        }
        if entries.isEmpty {
            add(ResourceListsRules.noEntries, ResourceListsPath.root, "no <entry>: the request names no recipient")
        }
        for (path, entry) in entries {
            guard let uri = entry.uri else { continue }
            let scheme = SIPURI.scheme(of: uri)
            if scheme != "sip", scheme != "sips", scheme != "tel" {
                add(ResourceListsRules.uriScheme, "\(path)@uri", "recipient \(Self.quote(uri)) is not a sip:, sips: or tel: URI")
            }
        }
    }
}
