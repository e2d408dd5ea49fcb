import MediasecCore

/// The MIME entity inside an `id-data` AuthEnvelopedData (RFC 8551 §3.1,
/// §3.2: "The carried CMS object always contains a MIME entity"; TR 33.829
/// Annex B.2 a): header fields, an empty line, the body. Parsed only from a
/// ``VerifiedPlaintext``, i.e. after the authentication tag verified.
///
/// Offsets are positions in the plaintext, not in the input; findings
/// therefore carry no input offset and say the plaintext line and column
/// in their message, under the path `inner`.
public struct InnerMIMEEntity: Hashable, Sendable {
    public var fields: [MIMEHeaderField]
    public var body: [UInt8]
    /// Parsed Content-Type; nil when absent (RFC 2045 §5.2: text/plain) or malformed.
    public var contentType: MIMEContentType?

    /// The media type in force: text/plain when no Content-Type is given.
    public var mediaType: String { contentType?.mediaType ?? "text/plain" }

    /// Parses `plaintext`; the entity is nil when it is not a MIME entity.
    public static func parse(_ plaintext: [UInt8], limits: MIMELimits = .default) -> (entity: InnerMIMEEntity?, findings: [Finding]) {
        func note(_ f: Finding) -> Finding {
            var g = f
            if let o = f.offset {
                let (l, c) = LineEndings.location(of: o, in: plaintext)
                g.message += " (plaintext line \(l), column \(c))"
            }
            g.offset = nil
            g.path = f.path.isEmpty ? "inner" : "inner.\(f.path)"
            return g
        }
        let block = MIMEHeaderBlock.parse(plaintext, limits: limits, path: "headers")
        guard let start = block.bodyStart, !block.findings.contains(where: { $0.code == SMIMERules.headerSyntax.code || $0.code == SMIMERules.headerCount.code }) else {
            let first = block.findings.first { $0.code != SMIMERules.headerLineLength.code && $0.code != SMIMERules.headerNonASCII.code }
            let why = first.map { "\($0.message)" } ?? "no header block"
            return (nil, [note(SMIMERules.innerNotMIME.finding(at: first?.offset ?? 0, "", "the content is not a MIME entity: \(why)"))])
        }
        var findings = block.findings.map(note)
        var entity = InnerMIMEEntity(fields: block.fields, body: Array(plaintext[start...]), contentType: nil)
        if let (f, i, _) = block.field("Content-Type") {
            switch MIMEContentType.parse(f, limits: limits) {
            case .success(let ct): entity.contentType = ct
            case .failure(let e): findings.append(note(SMIMERules.contentTypeSyntax.finding(at: e.offset, "headers[\(i)].Content-Type", e.message)))
            }
        }
        // RFC 8551 §3.1.1: CRLF in the headers always, and in a text body.
        let range = entity.mediaType.hasPrefix("text/") ? 0..<plaintext.count : 0..<start
        let le = LineEndings.scan(plaintext, range)
        if let o = le.firstBareLF ?? le.firstBareCR {
            findings.append(note(SMIMERules.innerLineEnding.finding(at: o, o < start ? "headers" : "body",
                "\(le.bareLFCount) bare LF and \(le.bareCRCount) bare CR in the \(entity.mediaType) entity")))
        }
        findings.append(note(SMIMERules.innerParsed.finding(at: nil, "", "\(entity.mediaType), \(block.fields.count) header field(s), \(entity.body.count)-octet body")))
        return (entity, findings)
    }
}
