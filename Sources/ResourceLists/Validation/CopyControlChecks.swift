/// RFC 5364 semantics beyond the attribute types (which the walk checks):
/// duplicated recipients and their precedence, anonymize with bcc, count
/// outside recipient-history lists, placement.
extension ValidationRun {
    /// Entries a duplicate-uri message lists before "… (n entries)".
    static let shownEntries = 8

    mutating func checkCopyControl() {
        for (path, list, topLevel) in lists where topLevel && !list.copyControl.isEmpty {
            add(ResourceListsRules.placement, path, "copy-control attributes on a top-level <list>, which is not a child of a <list>")
        }
        var groups: [String: [(path: String, entry: Entry)]] = [:]
        var order: [String] = []
        for (path, entry) in entries {
            guard let uri = entry.uri else { continue }
            let canonical = canonicalRecipient(uri)
            let cp = entry.copyControl
            if cp.anonymizeFlag == true, cp.effectiveLevel == .bcc {
                add(ResourceListsRules.anonymizeBCC, "\(path)@cp:anonymize",
                    cp.copyControl == nil ? "cp:anonymize on an entry without cp:copyControl (bcc by default) is ignored" : "cp:anonymize on a bcc entry is ignored")
            }
            if cp.count != nil, canonical != anonymousURI {
                add(ResourceListsRules.countNotAnonymous, "\(path)@cp:count", "cp:count on \(Self.quote(uri)), which is not \(anonymousURI)")
            }
            guard canonical != anonymousURI else { continue }
            if groups[canonical] == nil { order.append(canonical) }
            groups[canonical, default: []].append((path, entry))
        }
        for key in order {
            guard let group = groups[key], group.count > 1 else { continue }
            let levels = group.map { $0.entry.copyControl.effectiveLevel }
            let effective = levels.compactMap { $0 }.max()
            // Built once per group and at most `shownEntries` long: every
            // finding of the group repeats it, so a longer list would make
            // the report quadratic in the number of duplicates.
            var shown = zip(group, levels).prefix(Self.shownEntries).map { "\($0.0.path) (\($0.1?.rawValue ?? "invalid"))" }.joined(separator: ", ")
            if group.count > Self.shownEntries { shown += ", … (\(group.count) entries)" }
            let tail = effective.map { "; a URI-list server uses copyControl \($0.rawValue)" } ?? ""
            let firstPath = group[0].path
            for (path, entry) in group.dropFirst() {
                add(ResourceListsRules.duplicateURI, "\(path)@uri",
                    "\(Self.quote(entry.uri ?? "")) is the same recipient as \(firstPath) (RFC 4826 §5 form \(Self.quote(key))); entries \(shown)" + tail)
            }
        }
    }
}
