import MediasecCore

/// RFC 4975 §6, §8: MSRP m-lines, `a=path`, `a=accept-types`.
extension SDPValidationRun {
    mutating func checkMSRP() {
        for mi in 0..<index.mediaCount {
            guard index.application(mi) == .msrp, let p = index.proto(mi), let f = index.decodedMedia(mi) else { continue }
            func mPath() -> String { SDPPathText.indexed("media", mi) }
            let mAt = index.mLineOffset(mi)
            let level = SDPLevel.media(mi)
            if !f.mediaIs("message") { add(SDPRules.msrpMedia, at: mAt + 2, mPath() + ".media", "media '\(f.text(f.spans.media))' (MSRP requires 'message')") }
            if !f.isStarOnly { add(SDPRules.msrpFormat, at: mAt, mPath() + ".fmts", "format list '\(f.text(f.spans.formats))'") }
            if !index.has(.acceptTypes, level) { add(SDPRules.msrpAcceptTypesMissing, at: mAt, mPath()) }
            guard index.has(.path, level) else {
                add(SDPRules.msrpPathMissing, at: mAt, mPath())
                continue
            }
            for (da, pa) in index.each(level, SDPIndex.path) {
                for k in pa.uris.indices {
                    let u = pa.uris[k]
                    // Field keys and paths are built only for a finding.
                    func uf() -> String { SDPPathText.indexed("uris", k) }
                    func up() -> String { da.located.path + ".path." + uf() }
                    if u.portNumber == nil { add(SDPRules.msrpPortMissing, at: at(da, uf()), up() + ".port", "\(u) has no explicit port") }
                    if p.isTCP && !SDPGrammar.equalsIgnoringCase(u.transport, "tcp") {
                        add(SDPRules.msrpTransport, at: at(da, uf() + ".transport"), up() + ".transport", "transport '\(u.transport)' on a \(p) m-line")
                    }
                    if let ui = u.userinfo, ui.contains(":") {
                        add(SDPRules.msrpUserinfoPassword, at: at(da, uf()), up() + ".userinfo")
                    }
                    if u.isSecure != (p.security == .tls) {
                        add(SDPRules.msrpScheme, at: at(da, uf()), up() + ".scheme", "\(u.scheme): URI on a \(p) m-line")
                    }
                }
                if let e = pa.endpoint, f.isRejected == false {
                    let k = pa.uris.count - 1
                    if let port = e.portNumber, port.value != f.portValue {
                        add(SDPRules.msrpPortMismatch, at: at(da, "uris[\(k)].port"), "\(da.located.path).path.uris[\(k)].port", "URI port \(port) vs m-line port \(f.text(f.spans.port))")
                    }
                    if let c = firstConnectionLine(index.sections.media[mi]) ?? firstConnectionLine(index.sections.session),
                       !connectionAddress(ofLine: c, matches: e.host) {
                        let address = (try? ConnectionField.decode(sd.lines[c].bytes, path: "").address) ?? ""
                        add(SDPRules.msrpAddressMismatch, at: lineOffset(c), "\(mPath()).connection", "c= address \(address) vs URI host \(e.host)")
                    }
                }
            }
        }
    }

    /// Whether the address of c= line `c` equals `host` ignoring ASCII
    /// case (RFC 4975 §8.1); true when the line does not decode (no
    /// finding then). An ASCII address is compared as bytes; any other as
    /// the strings the finding would show.
    func connectionAddress(ofLine c: Int, matches host: String) -> Bool {
        let bytes = sd.lines[c].bytes
        guard let spans = try? ConnectionField.scan(bytes, base: 0, path: "") else { return true }
        let address = bytes[spans.address]
        if address.allSatisfy({ $0 < 0x80 }) && !SDPGrammar.containsByte(host, where: { $0 >= 0x80 }) {
            return SDPGrammar.equalsIgnoringCase(address, host)
        }
        return SDPGrammar.lowercased(SDPGrammar.string(address)) == SDPGrammar.lowercased(host)
    }

    /// The first `c=` line of a line range.
    func firstConnectionLine(_ r: Range<Int>) -> Int? {
        let lines = sd.lines
        for i in r where i >= 0 && i < lines.count && lines[i].type == 0x63 { return i }
        return nil
    }
}
