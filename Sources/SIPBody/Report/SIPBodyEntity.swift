import MediasecCore
import MIKEY

/// A SIP body as a file or a pipe carries it: the body together with the
/// header that says how to split it. Three shapes are read:
///
/// 1. a MIME entity (RFC 2045 §3): header fields (`Content-Type:` and any
///    other, e.g. `MIME-Version`, `Content-Disposition`, `Content-Length`),
///    an empty line, the body;
/// 2. a whole SIP message (RFC 3261 §7): a request line
///    (`INVITE sip:… SIP/2.0`) or status line (`SIP/2.0 200 OK`), then the
///    message headers (the compact `c:` counts as Content-Type, §7.3.3), an
///    empty line, the body;
/// 3. the bare body, with the Content-Type value given apart
///    (``init(body:contentType:)``, the CLI's `--content-type`).
///
/// Every offset (header fields, the body, and those of the report made from
/// it) is an offset into the whole input, so a finding points at the byte
/// the user sees in the file.
public struct SIPBodyEntity: Sendable {
    /// Where the Content-Type value came from.
    public enum ContentTypeSource: String, Sendable, Hashable {
        /// A `Content-Type` (or compact `c`) header field of the input.
        case header
        /// Given apart from the input (the input is the body only).
        case given
        /// Nowhere: the input has no Content-Type field.
        case missing
    }

    public var input: [UInt8]
    /// The SIP request or status line, when the input is a whole message.
    public var startLine: String?
    /// The header fields before the body (empty for a bare body).
    public var headers: [MIMEHeaderField]
    public var contentType: String?
    public var contentTypeSource: ContentTypeSource
    /// Offset of the Content-Type field (nil when given apart or missing).
    public var contentTypeOffset: Int?
    /// The body: everything after the empty line that ends the headers.
    public var bodyRange: Range<Int>
    /// Header-block findings (`entity.headers…`); the body's own come from
    /// the validator.
    public var findings: [Finding]

    public var body: ArraySlice<UInt8> { input[bodyRange] }

    /// A bare body with its Content-Type value.
    public init(body: [UInt8], contentType: String) {
        input = body
        startLine = nil
        headers = []
        self.contentType = contentType
        contentTypeSource = .given
        contentTypeOffset = nil
        bodyRange = 0..<body.count
        findings = []
    }

    init(input: [UInt8], startLine: String?, headers: [MIMEHeaderField], bodyRange: Range<Int>, findings: [Finding]) {
        self.input = input
        self.startLine = startLine
        self.headers = headers
        self.bodyRange = bodyRange
        self.findings = findings
        contentType = nil
        contentTypeSource = .missing
        contentTypeOffset = nil
    }

    /// Reads shape 1 or 2: an optional SIP start line, the header block
    /// (the part-header grammar and limits of ``SIPBodyDecoder``), the body.
    public static func parse(_ input: [UInt8], limits: SIPBodyLimits = .default) -> SIPBodyEntity {
        var start = 0
        var startLine: String? = nil
        if let (line, next) = sipStartLine(input) {
            startLine = line
            start = next
        }
        var findings: [Finding] = []
        let block = SIPBodyDecoder(limits: limits).parsePart(input, start..<input.count, index: 0, delimiterOffset: start, path: "entity", &findings)
        var e = SIPBodyEntity(input: input, startLine: startLine, headers: block.headers, bodyRange: block.bodyRange, findings: findings)
        let ct = block.headers.filter { isContentTypeName($0.name) }
        if let first = ct.first {
            e.contentType = first.value
            e.contentTypeSource = .header
            e.contentTypeOffset = first.offset
        }
        for extra in ct.dropFirst() {
            e.findings.append(SIPBodyRules.duplicateHeader.finding(at: extra.offset, "entity.headers", "\(extra.name) repeated; the first is used"))
        }
        return e
    }

    /// `Content-Type`, or its RFC 3261 §7.3.3 compact form `c`.
    static func isContentTypeName(_ n: String) -> Bool {
        let l = n.lowercased()
        return l == "content-type" || l == "c"
    }

    /// RFC 3261 §7.1 / §7.2: `Method SP Request-URI SP SIP-Version CRLF` or
    /// `SIP-Version SP Status-Code SP Reason-Phrase CRLF`. Returns the line
    /// (without its ending) and the offset of the next line.
    public static func sipStartLine(_ b: [UInt8]) -> (String, Int)? {
        var e = 0
        while e < b.count, e < 1024, b[e] != 0x0a { e += 1 }
        guard e < b.count, b[e] == 0x0a else { return nil }
        var lineEnd = e
        if lineEnd > 0, b[lineEnd - 1] == 0x0d { lineEnd -= 1 }
        let line = String(decoding: b[0..<lineEnd], as: UTF8.self)
        let upper = line.uppercased()
        let isRequest = upper.hasSuffix(" SIP/2.0") && upper.split(separator: " ").count == 3
        let isStatus = upper.hasPrefix("SIP/2.0 ") && upper.split(separator: " ", maxSplits: 2).count >= 2
        guard isRequest || isStatus else { return nil }
        return (line, e + 1)
    }

    /// The decoded body with every offset moved to the input; nil when there
    /// is no Content-Type to split it by.
    public func decode(limits: SIPBodyLimits = .default) -> DecodedSIPBody? {
        guard let ct = contentType else { return nil }
        let d = SIPBodyDecoder(limits: limits).decode(contentType: ct, body: Array(body))
        return d.relocated(by: bodyRange.lowerBound, in: input, contentTypeOffset: contentTypeOffset)
    }

    public var json: JSONValue {
        .object([
            ("startLine", startLine.map { .string($0) } ?? .null),
            ("headers", .array(headers.map { .object([("name", .string($0.name)), ("value", .string($0.value)), ("offset", .int($0.offset))]) })),
            ("contentType", contentType.map { .string($0) } ?? .null),
            ("contentTypeSource", .string(contentTypeSource.rawValue)),
            ("body", .object([("offset", .int(bodyRange.lowerBound)), ("length", .int(bodyRange.count))])),
        ])
    }
}

extension DecodedSIPBody {
    /// The same split of a body that sits at `base` in `input`: ranges,
    /// header offsets, base64 character maps and finding offsets move by
    /// `base`; findings about the Content-Type value (which have no body
    /// offset) point at its header field when there is one.
    func relocated(by base: Int, in input: [UInt8], contentTypeOffset: Int?) -> DecodedSIPBody {
        func move(_ r: Range<Int>?) -> Range<Int>? { r.map { ($0.lowerBound + base)..<($0.upperBound + base) } }
        var d = self
        d.bytes = input
        d.preambleRange = move(preambleRange)
        d.epilogueRange = move(epilogueRange)
        d.closeDelimiterOffset = closeDelimiterOffset.map { $0 + base }
        d.parts = parts.map { p in
            var q = p
            q.range = move(p.range) ?? p.range
            q.bodyRange = move(p.bodyRange) ?? p.bodyRange
            q.delimiterOffset = p.delimiterOffset + base
            q.headers = p.headers.map { h in var g = h; g.offset += base; return g }
            q.base64CharOffsets = p.base64CharOffsets?.map { $0 + base }
            return q
        }
        d.findings = findings.map { f in
            var g = f
            if let o = f.offset { g.offset = o + base } else if f.path.hasPrefix("contentType") { g.offset = contentTypeOffset }
            return g
        }
        return d
    }
}

/// The validation of a ``SIPBodyEntity``: the header-block findings, then
/// the body's (offsets into the whole input).
public struct SIPBodyEntityReport: Sendable {
    public var entity: SIPBodyEntity
    public var body: SIPBodyValidationReport

    public var findings: [Finding] { entity.findings + body.findings }
    public var isValid: Bool { findings.isValid }

    /// Parts of a type the module has a codec for whose content could not
    /// be decoded (transfer decoding or the codec failed): what makes
    /// `decode` exit 1, besides a body with no part at all.
    public var undecodedParts: [Int] {
        body.decoded.parts.compactMap { p in
            guard SIPBodyDecoder.knownTypes.contains(p.mediaType) else { return nil }
            switch body.partReports[p.index] {
            case .sdp(let r)?: return r.decoded == nil ? p.index : nil
            case .resourceLists(let r)?: return r.decoded == nil ? p.index : nil
            case .mikey(let r)?: return r.decoded == nil ? p.index : nil
            case .cms(let r)?: return r.decodedTree() == .null ? p.index : nil
            case nil: return p.index
            }
        }
    }

    /// Whether the body was split and every part with a codec decoded.
    public var isDecoded: Bool { !body.decoded.parts.isEmpty && undecodedParts.isEmpty }

    /// The CLI's JSON object, the same contract as every format:
    /// `{"format": "sip-body", "valid", "findings", "decoded"}`, where
    /// `decoded` is ``SIPBodyJSON`` with the entity's headers first.
    public func json(codePoints: CodePointProfile = .default) -> JSONValue {
        var tree: [(String, JSONValue)] = [("entity", entity.json)]
        tree += SIPBodyJSON.tree(body, codePoints: codePoints).objectValue ?? []
        return .object([
            ("format", .string("sip-body")),
            ("valid", .bool(isValid)),
            ("findings", JSONValue(findings)),
            ("decoded", .object(tree)),
        ])
    }
}

extension SIPBodyValidator {
    /// Validates the body of `entity` (nil when it has no Content-Type).
    public func validate(_ entity: SIPBodyEntity) -> SIPBodyEntityReport? {
        guard let d = entity.decode(limits: options.limits) else { return nil }
        return SIPBodyEntityReport(entity: entity, body: validate(d))
    }
}
