import MediasecCore

/// RFC 4975 §6, §8: MSRP m-lines, `a=path`, `a=accept-types`.
extension SDPValidationRun {
    mutating func checkMSRP() {
        for mi in 0..<index.mediaCount {
            guard let p = index.proto(mi), p.info?.application == .msrp, let f = index.mediaField(mi) else { continue }
            func mPath() -> String { "media[\(mi)]" }
            let mAt = index.mLineOffset(mi)
            let level = SDPLevel.media(mi)
            if f.media != "message" { add(SDPRules.msrpMedia, at: mAt + 2, mPath() + ".media", "media '\(f.media)' (MSRP requires 'message')") }
            if f.formats != ["*"] { add(SDPRules.msrpFormat, at: mAt, mPath() + ".fmts", "format list '\(f.formats.joined(separator: " "))'") }
            if !index.has(.acceptTypes, level) { add(SDPRules.msrpAcceptTypesMissing, at: mAt, mPath()) }
            let paths = index.typed(level, SDPIndex.path)
            if !index.has(.path, level) { add(SDPRules.msrpPathMissing, at: mAt, mPath()) }
            for (da, pa) in paths {
                for (k, u) in pa.uris.enumerated() {
                    let uf = "uris[\(k)]"
                    let up = "\(da.located.path).path.\(uf)"
                    if u.portNumber == nil { add(SDPRules.msrpPortMissing, at: at(da, uf), up + ".port", "\(u) has no explicit port") }
                    if SDPGrammar.lowercased(u.transport) != "tcp" && p.isTCP {
                        add(SDPRules.msrpTransport, at: at(da, uf + ".transport"), up + ".transport", "transport '\(u.transport)' on a \(p) m-line")
                    }
                    if let ui = u.userinfo, ui.contains(":") {
                        add(SDPRules.msrpUserinfoPassword, at: at(da, uf), up + ".userinfo")
                    }
                    if u.isSecure != (p.security == .tls) {
                        add(SDPRules.msrpScheme, at: at(da, uf), up + ".scheme", "\(u.scheme): URI on a \(p) m-line")
                    }
                }
                if let e = pa.endpoint, !f.isRejected {
                    let k = pa.uris.count - 1
                    if let port = e.portNumber, port.value != f.port.value {
                        add(SDPRules.msrpPortMismatch, at: at(da, "uris[\(k)].port"), "\(da.located.path).path.uris[\(k)].port", "URI port \(port) vs m-line port \(f.port)")
                    }
                    let ranges = [index.sections.media[mi], index.sections.session]
                    let c = ranges.lazy.compactMap { r in r.first { self.sd.lines[$0].type == 0x63 } }.first
                    if let c, let cf = try? ConnectionField.decode(sd.lines[c].value, path: ""),
                       SDPGrammar.lowercased(cf.address) != SDPGrammar.lowercased(e.host) {
                        add(SDPRules.msrpAddressMismatch, at: lineOffset(c), "\(mPath()).connection", "c= address \(cf.address) vs URI host \(e.host)")
                    }
                }
            }
        }
    }
}
