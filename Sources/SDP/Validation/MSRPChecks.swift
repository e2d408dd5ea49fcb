import MediasecCore

/// RFC 4975 §6, §8: MSRP m-lines, `a=path`, `a=accept-types`.
extension SDPValidationRun {
    mutating func checkMSRP() {
        for mi in 0..<index.mediaCount {
            guard index.application(mi) == .msrp, let p = index.proto(mi), let f = index.mediaField(mi) else { continue }
            func mPath() -> String { SDPPathText.indexed("media", mi) }
            let mAt = index.mLineOffset(mi)
            let level = SDPLevel.media(mi)
            if f.media != "message" { add(SDPRules.msrpMedia, at: mAt + 2, mPath() + ".media", "media '\(f.media)' (MSRP requires 'message')") }
            if !Self.isStarOnly(f.formats) { add(SDPRules.msrpFormat, at: mAt, mPath() + ".fmts", "format list '\(f.formats.joined(separator: " "))'") }
            if !index.has(.acceptTypes, level) { add(SDPRules.msrpAcceptTypesMissing, at: mAt, mPath()) }
            guard index.has(.path, level) else {
                add(SDPRules.msrpPathMissing, at: mAt, mPath())
                continue
            }
            for (da, pa) in index.typed(level, SDPIndex.path) {
                for k in pa.uris.indices {
                    let u = pa.uris[k]
                    // Field keys and paths are built only for a finding.
                    func uf() -> String { SDPPathText.indexed("uris", k) }
                    func up() -> String { da.located.path + ".path." + uf() }
                    if u.portNumber == nil { add(SDPRules.msrpPortMissing, at: at(da, uf()), up() + ".port", "\(u) has no explicit port") }
                    if p.isTCP && SDPGrammar.lowercased(u.transport) != "tcp" {
                        add(SDPRules.msrpTransport, at: at(da, uf() + ".transport"), up() + ".transport", "transport '\(u.transport)' on a \(p) m-line")
                    }
                    if let ui = u.userinfo, ui.contains(":") {
                        add(SDPRules.msrpUserinfoPassword, at: at(da, uf()), up() + ".userinfo")
                    }
                    if u.isSecure != (p.security == .tls) {
                        add(SDPRules.msrpScheme, at: at(da, uf()), up() + ".scheme", "\(u.scheme): URI on a \(p) m-line")
                    }
                }
                if let e = pa.endpoint, !f.isRejected {
                    let k = pa.uris.count - 1
                    if let port = e.portNumber, port.value != f.port.value {
                        add(SDPRules.msrpPortMismatch, at: at(da, "uris[\(k)].port"), "\(da.located.path).path.uris[\(k)].port", "URI port \(port) vs m-line port \(f.port)")
                    }
                    let c = firstConnectionLine(index.sections.media[mi]) ?? firstConnectionLine(index.sections.session)
                    if let c, let cf = try? ConnectionField.decode(sd.lines[c].value, path: ""),
                       SDPGrammar.lowercased(cf.address) != SDPGrammar.lowercased(e.host) {
                        add(SDPRules.msrpAddressMismatch, at: lineOffset(c), "\(mPath()).connection", "c= address \(cf.address) vs URI host \(e.host)")
                    }
                }
            }
        }
    }

    /// The `<fmt>` list is the single `*` of RFC 4975 §8.1 / RFC 8856 §4
    /// (`formats == ["*"]` without building the array literal).
    static func isStarOnly(_ formats: [String]) -> Bool { formats.count == 1 && formats[0] == "*" }

    /// The first `c=` line of a line range.
    func firstConnectionLine(_ r: Range<Int>) -> Int? {
        let lines = sd.lines
        for i in r where i >= 0 && i < lines.count && lines[i].type == 0x63 { return i }
        return nil
    }
}
