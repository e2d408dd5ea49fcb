import MediasecCore

/// Splits a SIP message body into its MIME parts (RFC 2046 §5.1.1) given
/// the value of the message's Content-Type header.
///
/// ```
/// multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF
///                   body-part *encapsulation close-delimiter
///                   transport-padding [CRLF epilogue]
/// dash-boundary  := "--" boundary
/// delimiter      := CRLF dash-boundary
/// close-delimiter := delimiter "--"
/// ```
/// One pass over the bytes: a delimiter is recognised only at a line start
/// and a boundary never holds CR or LF, so each byte is compared a bounded
/// number of times. Bare LF line ends are reported but still split (the
/// LF-only reading is what lenient parsers do). A body whose Content-Type is
/// not `multipart/*` is one part without headers.
public struct SIPBodyDecoder: Sendable {
    public var limits: SIPBodyLimits

    public init(limits: SIPBodyLimits = .default) {
        self.limits = limits
    }

    static let knownTypes: Set<String> = [
        "application/sdp", "application/resource-lists+xml", "application/mikey",
        "application/pkcs7-mime", "application/x-pkcs7-mime",
    ]

    public func decode(contentType: String, body: [UInt8]) -> DecodedSIPBody {
        var out = DecodedSIPBody(bytes: body, contentType: nil, boundary: nil, isMultipart: false, parts: [],
                                 preambleRange: nil, epilogueRange: nil, closeDelimiterOffset: nil, findings: [])
        let ct: MediaType
        switch MediaType.parse(contentType) {
        case .failure(let f):
            out.findings.append(SIPBodyRules.contentTypeSyntax.finding(at: nil, "contentType", "Content-Type \"\(contentType)\": \(f.rawValue)"))
            return out
        case .success(let t): ct = t
        }
        out.contentType = ct
        if body.count > limits.maxBodySize {
            out.findings.append(SIPBodyRules.tooLarge.finding(at: limits.maxBodySize, "", "\(body.count) bytes, limit \(limits.maxBodySize)"))
            return out
        }
        guard ct.type == "multipart" else {
            var part = SIPBodyPart(index: 0, range: 0..<body.count, delimiterOffset: 0, headers: [], bodyRange: 0..<body.count,
                                   contentType: ct, transferEncoding: nil, disposition: nil, content: nil)
            var sink: [Finding] = []
            interpret(&part, body, &sink, path: "parts[0]")
            out.parts = [part]
            out.findings += sink
            return out
        }
        out.isMultipart = true
        if ct.subtype != "mixed" {
            out.findings.append(SIPBodyRules.notMultipartMixed.finding(at: nil, "contentType", "Content-Type is \(ct.essence)"))
        }
        guard let boundary = ct.parameter("boundary") else {
            out.findings.append(SIPBodyRules.boundaryMissing.finding(at: nil, "contentType.boundary", "\(ct.essence) without boundary parameter"))
            return out
        }
        out.boundary = boundary
        if let why = Self.boundaryProblem(boundary) {
            out.findings.append(SIPBodyRules.boundaryInvalid.finding(at: nil, "contentType.boundary", why))
            if boundary.isEmpty || boundary.utf8.contains(where: { $0 == 0x0d || $0 == 0x0a }) { return out }
        }
        split(body, dashBoundary: [0x2d, 0x2d] + Array(boundary.utf8), into: &out)
        return out
    }

    /// RFC 2046 §5.1.1: `boundary := 0*69<bchars> bcharsnospace`.
    static func boundaryProblem(_ b: String) -> String? {
        let u = Array(b.utf8)
        if u.isEmpty { return "the boundary is empty" }
        if u.count > 70 { return "the boundary has \(u.count) characters (at most 70)" }
        if u.last == 0x20 { return "the boundary ends in a space" }
        if let bad = u.first(where: { !isBChar($0) }) { return "the boundary holds byte 0x\(Hex.encode([bad])), not a bchar" }
        return nil
    }

    static func isBChar(_ c: UInt8) -> Bool {
        switch c {
        case 0x30...0x39, 0x41...0x5a, 0x61...0x7a: return true
        case 0x27, 0x28, 0x29, 0x2b, 0x5f, 0x2c, 0x2d, 0x2e, 0x2f, 0x3a, 0x3d, 0x3f, 0x20: return true
        default: return false
        }
    }

    /// A delimiter line found at a line start.
    struct Delimiter {
        var lineStart: Int
        /// Length of the line ending before `lineStart` (0, 1 or 2): part of
        /// the delimiter, not of the preceding part.
        var precedingEOL: Int
        /// First byte after the delimiter line's own line ending.
        var contentStart: Int
        var isClose: Bool
    }

    private func split(_ b: [UInt8], dashBoundary db: [UInt8], into out: inout DecodedSIPBody) {
        let n = b.count
        var delimiters: [Delimiter] = []
        var closed = false
        var bareLF: (first: Int, count: Int)? = nil
        var bareCR: (first: Int, count: Int)? = nil
        var suffixReported = false
        var limitReported = false
        var pos = 0
        var precedingEOL = 0
        while pos <= n {
            if !closed, pos + db.count <= n, b[pos] == 0x2d {
                var k = 0
                while k < db.count, b[pos + k] == db[k] { k += 1 }
                if k == db.count {
                    var q = pos + db.count
                    var isClose = false
                    if q + 1 < n, b[q] == 0x2d, b[q + 1] == 0x2d { isClose = true; q += 2 }
                    while q < n, b[q] == 0x20 || b[q] == 0x09 { q += 1 }
                    var contentStart: Int? = nil
                    if q == n { contentStart = n }
                    else if b[q] == 0x0a { contentStart = q + 1 }
                    else if b[q] == 0x0d, q + 1 < n, b[q + 1] == 0x0a { contentStart = q + 2 }
                    else if b[q] == 0x0d, q + 1 == n { contentStart = n }
                    if let cs = contentStart {
                        let partCount = delimiters.filter { !$0.isClose }.count
                        if !isClose && partCount >= limits.maxParts {
                            if !limitReported {
                                out.findings.append(SIPBodyRules.tooManyParts.finding(at: pos, "parts[\(partCount)]", "more than \(limits.maxParts) parts"))
                                limitReported = true
                            }
                        } else {
                            delimiters.append(Delimiter(lineStart: pos, precedingEOL: precedingEOL, contentStart: cs, isClose: isClose))
                            if isClose { closed = true }
                        }
                    } else if !suffixReported {
                        out.findings.append(SIPBodyRules.delimiterSuffix.finding(at: pos, "parts", "line at \(pos) starts with the dash-boundary but continues with byte 0x\(Hex.encode([b[q]]))"))
                        suffixReported = true
                    }
                }
            }
            // Advance to the next line start.
            var j = pos
            while j < n, b[j] != 0x0a {
                if b[j] == 0x0d, j + 1 < n, b[j + 1] != 0x0a {
                    bareCR = (bareCR?.first ?? j, (bareCR?.count ?? 0) + 1)
                }
                j += 1
            }
            if j >= n { break }
            if j == 0 || b[j - 1] != 0x0d {
                bareLF = (bareLF?.first ?? j, (bareLF?.count ?? 0) + 1)
                precedingEOL = 1
            } else {
                precedingEOL = 2
            }
            pos = j + 1
        }
        if let (at, count) = bareLF {
            out.findings.append(SIPBodyRules.bareLF.finding(at: at, "", "\(count) line(s) end in a bare LF; the first at \(at)"))
        }
        if let (at, count) = bareCR {
            out.findings.append(SIPBodyRules.bareCR.finding(at: at, "", "\(count) bare CR(s); the first at \(at)"))
        }
        guard let first = delimiters.first else {
            out.findings.append(SIPBodyRules.noDelimiter.finding(at: 0, "parts", "no line \"--\(out.boundary ?? "")\" in \(n) bytes"))
            return
        }
        if first.lineStart > 0 {
            let r = 0..<max(0, first.lineStart - first.precedingEOL)
            out.preambleRange = r
            if !r.isEmpty { out.findings.append(SIPBodyRules.preamble.finding(at: 0, "preamble", "\(r.count) bytes before the first delimiter")) }
        }
        if first.isClose {
            // "--boundary--" first: no body part at all.
            out.findings.append(SIPBodyRules.noDelimiter.finding(at: first.lineStart, "parts", "the first delimiter is the close delimiter"))
        }
        for (i, d) in delimiters.enumerated() where !d.isClose {
            let end: Int
            if i + 1 < delimiters.count {
                let next = delimiters[i + 1]
                end = max(d.contentStart, next.lineStart - next.precedingEOL)
            } else {
                end = n
            }
            let path = "parts[\(out.parts.count)]"
            var part = parsePart(b, d.contentStart..<end, index: out.parts.count, delimiterOffset: d.lineStart, path: path, &out.findings)
            interpret(&part, b, &out.findings, path: path)
            out.parts.append(part)
        }
        if let close = delimiters.last, close.isClose {
            out.closeDelimiterOffset = close.lineStart
            let r = close.contentStart..<n
            out.epilogueRange = r
            if b[r].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0d && $0 != 0x0a }) {
                out.findings.append(SIPBodyRules.epilogue.finding(at: r.lowerBound, "epilogue", "\(r.count) bytes after the close delimiter"))
            }
        } else {
            out.findings.append(SIPBodyRules.closeMissing.finding(at: n, "parts", "no \"--\(out.boundary ?? "")--\" line; the last part runs to the end of the body"))
        }
    }

    /// Reads the header block of a part: fields up to the empty line.
    func parsePart(_ b: [UInt8], _ r: Range<Int>, index: Int, delimiterOffset: Int, path: String, _ findings: inout [Finding]) -> SIPBodyPart {
        var headers: [MIMEHeaderField] = []
        var p = r.lowerBound
        var lines = 0
        var bodyStart: Int? = nil
        while p < r.upperBound {
            var e = p
            while e < r.upperBound, b[e] != 0x0a { e += 1 }
            let next = min(e + 1, r.upperBound)
            var lineEnd = e
            if lineEnd > p, b[lineEnd - 1] == 0x0d { lineEnd -= 1 }
            if lineEnd == p {
                bodyStart = next
                break
            }
            lines += 1
            if lines > limits.maxHeaderLines {
                findings.append(SIPBodyRules.tooManyHeaderLines.finding(at: p, "\(path).headers", "more than \(limits.maxHeaderLines) header lines"))
                bodyStart = r.upperBound
                break
            }
            if b[p] == 0x20 || b[p] == 0x09 {
                if headers.isEmpty {
                    findings.append(SIPBodyRules.headerSyntax.finding(at: p, "\(path).headers", "a continuation line before any field"))
                } else {
                    let more = Self.trimmed(b[p..<lineEnd])
                    headers[headers.count - 1].value += headers[headers.count - 1].value.isEmpty ? more : " " + more
                }
            } else {
                var c = p
                while c < lineEnd, MediaType.isTokenByte(b[c]) { c += 1 }
                var colon = c
                while colon < lineEnd, b[colon] == 0x20 || b[colon] == 0x09 { colon += 1 }
                if c == p || colon >= lineEnd || b[colon] != 0x3a {
                    findings.append(SIPBodyRules.headerSyntax.finding(at: p, "\(path).headers[\(headers.count)]", "line is not name \":\" value"))
                } else {
                    headers.append(MIMEHeaderField(name: String(decoding: b[p..<c], as: UTF8.self),
                                                   value: Self.trimmed(b[(colon + 1)..<lineEnd]), offset: p))
                }
            }
            p = next
        }
        if bodyStart == nil {
            if !r.isEmpty {
                findings.append(SIPBodyRules.headerBlockUnterminated.finding(at: r.upperBound, "\(path).headers", "no empty line after the part headers"))
            }
            bodyStart = r.upperBound
        }
        let bs = bodyStart ?? r.upperBound
        return SIPBodyPart(index: index, range: r, delimiterOffset: delimiterOffset, headers: headers, bodyRange: bs..<r.upperBound,
                           contentType: nil, transferEncoding: nil, disposition: nil, content: nil)
    }

    static func trimmed(_ s: ArraySlice<UInt8>) -> String {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, s[lo] == 0x20 || s[lo] == 0x09 || s[lo] == 0x0d { lo += 1 }
        while hi > lo, s[hi - 1] == 0x20 || s[hi - 1] == 0x09 || s[hi - 1] == 0x0d { hi -= 1 }
        return String(decoding: s[lo..<hi], as: UTF8.self)
    }

    /// Content-Type, Content-Transfer-Encoding, Content-Disposition, and the
    /// transfer decoding of the body.
    private func interpret(_ part: inout SIPBodyPart, _ b: [UInt8], _ findings: inout [Finding], path: String) {
        var seen: Set<String> = []
        for h in part.headers {
            let name = h.name.lowercased()
            guard ["content-type", "content-transfer-encoding", "content-disposition"].contains(name) else { continue }
            if !seen.insert(name).inserted {
                findings.append(SIPBodyRules.duplicateHeader.finding(at: h.offset, "\(path).headers", "\(h.name) repeated; the first is used"))
                continue
            }
            switch name {
            case "content-type":
                switch MediaType.parse(h.value) {
                case .success(let t): part.contentType = t
                case .failure(let f): findings.append(SIPBodyRules.partContentTypeSyntax.finding(at: h.offset, "\(path).contentType", "\"\(h.value)\": \(f.rawValue)"))
                }
            case "content-transfer-encoding":
                part.transferEncoding = TransferEncoding(h.value)
            default:
                switch MediaType.parse(h.value, subtypeRequired: false) {
                case .success(let t): part.disposition = t
                case .failure(let f): findings.append(SIPBodyRules.dispositionSyntax.finding(at: h.offset, "\(path).contentDisposition", "\"\(h.value)\": \(f.rawValue)"))
                }
            }
        }
        let at = part.headers.first?.offset ?? part.range.lowerBound
        if part.contentType == nil && !seen.contains("content-type") {
            findings.append(SIPBodyRules.contentTypeMissing.finding(at: at, "\(path).contentType"))
        }
        let media = part.mediaType
        if part.contentType != nil, !Self.knownTypes.contains(media) {
            findings.append(SIPBodyRules.typeUnknown.finding(at: at, "\(path).contentType", "\(media) is not validated"))
        }
        if media == "application/resource-lists+xml", part.disposition?.type != "recipient-list" {
            let h = part.header("Content-Disposition")
            findings.append(SIPBodyRules.recipientListDisposition.finding(at: h?.offset ?? at, "\(path).contentDisposition",
                                                                           h.map { "Content-Disposition is \"\($0.value)\"" } ?? "no Content-Disposition"))
        }
        let cteAt = part.header("Content-Transfer-Encoding")?.offset ?? at
        switch part.transferEncoding ?? .binary {
        case .sevenBit, .eightBit, .binary:
            part.content = Array(b[part.bodyRange])
            if media == "application/mikey" {
                findings.append(SIPBodyRules.mikeyEncoding.finding(at: cteAt, "\(path).contentTransferEncoding",
                                                                   "Content-Transfer-Encoding is \(part.transferEncoding?.name ?? "absent"); the body is read as binary MIKEY"))
            }
        case .base64:
            switch Self.decodeBase64(b, part.bodyRange) {
            case .success(let (bytes, chars)):
                part.content = bytes
                part.base64CharOffsets = chars
            case .failure(let e):
                findings.append(SIPBodyRules.base64Invalid.finding(at: e.offset, "\(path).body", e.reason))
            }
        case .quotedPrintable:
            findings.append(SIPBodyRules.cteUnsupported.finding(at: cteAt, "\(path).contentTransferEncoding"))
        case .other(let s):
            findings.append(SIPBodyRules.cteUnknown.finding(at: cteAt, "\(path).contentTransferEncoding", "Content-Transfer-Encoding \"\(s)\""))
        }
    }

    struct Base64Failure: Error { var offset: Int; var reason: String }

    /// RFC 2045 §6.8 base64 with line breaks and blanks ignored; padding
    /// only at the end. Returns the octets and the offset of every
    /// significant character.
    static func decodeBase64(_ b: [UInt8], _ r: Range<Int>) -> Result<([UInt8], [Int]), Base64Failure> {
        var vals: [UInt8] = []
        var chars: [Int] = []
        vals.reserveCapacity(r.count)
        chars.reserveCapacity(r.count)
        var pad = 0
        for i in r {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0d || c == 0x0a { continue }
            if c == 0x3d { pad += 1; if pad > 2 { return .failure(Base64Failure(offset: i, reason: "more than two '=' pad characters")) }; continue }
            if pad > 0 { return .failure(Base64Failure(offset: i, reason: "data after '=' padding")) }
            let v: UInt8
            switch c {
            case 0x41...0x5a: v = c - 0x41
            case 0x61...0x7a: v = c - 0x61 + 26
            case 0x30...0x39: v = c - 0x30 + 52
            case 0x2b: v = 62
            case 0x2f: v = 63
            default: return .failure(Base64Failure(offset: i, reason: "byte 0x\(Hex.encode([c])) is not in the base64 alphabet"))
            }
            vals.append(v)
            chars.append(i)
        }
        if (vals.count + pad) % 4 != 0 || vals.count % 4 == 1 {
            return .failure(Base64Failure(offset: r.upperBound, reason: "\(vals.count) base64 characters and \(pad) '=' do not form whole quanta"))
        }
        var out: [UInt8] = []
        out.reserveCapacity(vals.count * 3 / 4)
        var i = 0
        while i + 4 <= vals.count {
            let n = UInt32(vals[i]) << 18 | UInt32(vals[i + 1]) << 12 | UInt32(vals[i + 2]) << 6 | UInt32(vals[i + 3])
            out.append(UInt8(n >> 16 & 0xff)); out.append(UInt8(n >> 8 & 0xff)); out.append(UInt8(n & 0xff))
            i += 4
        }
        let rest = vals.count - i
        if rest >= 2 {
            let n = UInt32(vals[i]) << 18 | UInt32(vals[i + 1]) << 12 | (rest == 3 ? UInt32(vals[i + 2]) << 6 : 0)
            out.append(UInt8(n >> 16 & 0xff))
            if rest == 3 { out.append(UInt8(n >> 8 & 0xff)) }
        }
        return .success((out, chars))
    }
}
