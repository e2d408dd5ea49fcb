import MediasecCore

/// `m=` (RFC 8866 §5.14, §9):
///
/// ```
/// media-field = %s"m" "=" media SP port ["/" integer] SP proto 1*(SP fmt) CRLF
/// media       = token
/// port        = 1*DIGIT
/// proto       = token *("/" token)
/// fmt         = token
/// ```
/// Port and port count stay ``DecimalToken``s: `m=audio 4294967296 …` is a
/// range finding (`sdp.m.port-range`), not a conversion trap.
public struct MediaField: Hashable, Sendable {
    public var media: String
    public var port: DecimalToken
    public var numberOfPorts: DecimalToken?
    public var proto: String
    public var formats: [String]

    public init(media: String, port: DecimalToken, numberOfPorts: DecimalToken? = nil, proto: String, formats: [String]) {
        self.media = media
        self.port = port
        self.numberOfPorts = numberOfPorts
        self.proto = proto
        self.formats = formats
    }

    static let specRef = "RFC 8866 §5.14"

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> MediaField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> MediaField {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let code = "sdp.m.syntax"
        let media = try FieldScan.token(&s, "media", code: code)
        try s.expect(0x20, "media", code: code)
        let port = try s.readDecimal("port", code: code)
        var count: DecimalToken? = nil
        if s.consume(0x2f) { count = try s.readDecimal("numberOfPorts", code: code) }
        try s.expect(0x20, "port", code: code)
        // token *("/" token): the same checks, one string for the run
        // (token characters never include '/', so the text is the join).
        let protoStart = s.index
        try FieldScan.skipToken(&s, "proto", code: code)
        while s.consume(0x2f) { try FieldScan.skipToken(&s, "proto", code: code) }
        let proto = SDPGrammar.string(value[protoStart..<s.index])
        var formats: [String] = []
        // At most one format per remaining space: one allocation.
        var spaces = 0
        for k in s.index..<value.endIndex where value[k] == 0x20 { spaces += 1 }
        formats.reserveCapacity(spaces)
        while s.consume(0x20) { formats.append(try FieldScan.token(&s, "fmts[\(formats.count)]", code: code)) }
        if formats.isEmpty { throw s.fail(code, "fmts: at least one <fmt> is required", field: "fmts") }
        try s.expectEnd("fmts", code: code)
        return MediaField(media: media, port: port, numberOfPorts: count, proto: proto, formats: formats)
    }

    public var encodedValue: String {
        var p = port.text
        if let n = numberOfPorts { p += "/" + n.text }
        return ([media, p, proto] + formats).joined(separator: " ")
    }

    /// The ``TransportProtocol`` registry entry of ``proto`` (exact match).
    public var transport: TransportProtocol { TransportProtocol(rawValue: proto) }

    public var isRejected: Bool { port.text.utf8.allSatisfy { $0 == 0x30 } }
}
