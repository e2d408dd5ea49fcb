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
    struct Fields: Sendable {
        var media: String
        var port: DecimalToken
        var numberOfPorts: DecimalToken?
        var proto: String
        var formats: Formats
    }

    /// The fields in one ``CopyOnWrite`` box: the validator's checks read
    /// the m= field of a section many times, and a copy is one reference
    /// count.
    private var storage: CopyOnWrite<Fields>

    public var media: String {
        get { storage.value.media }
        set { storage.value.media = newValue }
    }

    public var port: DecimalToken {
        get { storage.value.port }
        set { storage.value.port = newValue }
    }

    public var numberOfPorts: DecimalToken? {
        get { storage.value.numberOfPorts }
        set { storage.value.numberOfPorts = newValue }
    }

    public var proto: String {
        get { storage.value.proto }
        set { storage.value.proto = newValue }
    }

    /// The `<fmt>` list. A decoded field keeps the list as the text it was
    /// read from and builds the strings when asked (the validator reads
    /// the bytes).
    public var formats: [String] {
        get {
            switch storedFormats {
            case .strings(let f): return f
            case .text(let t, let count): return Self.split(t, count: count)
            }
        }
        set { storedFormats = .strings(newValue) }
    }

    /// ``formats`` as given, or as the decoded text: tokens separated by
    /// single spaces (a token has no space, so the text and the list
    /// determine each other).
    enum Formats: Sendable {
        case strings([String])
        case text(ArraySlice<UInt8>, count: Int)
    }
    var storedFormats: Formats {
        get { storage.value.formats }
        set { storage.value.formats = newValue }
    }

    public init(media: String, port: DecimalToken, numberOfPorts: DecimalToken? = nil, proto: String, formats: [String]) {
        self.init(media: media, port: port, numberOfPorts: numberOfPorts, proto: proto, storedFormats: .strings(formats))
    }

    static let specRef = "RFC 8866 §5.14"

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> MediaField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> MediaField {
        let f = try scan(value, base: base, path: path)
        return MediaField(media: SDPGrammar.string(value[f.media]), port: FieldScan.decimal(value, f.port),
                          numberOfPorts: f.numberOfPorts.map { FieldScan.decimal(value, $0) },
                          proto: SDPGrammar.string(value[f.proto]), storedFormats: .text(value[f.formats], count: f.formatCount))
    }

    init(media: String, port: DecimalToken, numberOfPorts: DecimalToken?, proto: String, storedFormats: Formats) {
        storage = CopyOnWrite(Fields(media: media, port: port, numberOfPorts: numberOfPorts, proto: proto, formats: storedFormats))
    }

    /// Where each field lies in the value (indices of the slice).
    struct Spans {
        var media, port: Range<Int>
        var numberOfPorts: Range<Int>?
        var proto: Range<Int>
        /// The `<fmt>` list: tokens separated by single spaces.
        var formats: Range<Int>
        var formatCount: Int
    }

    /// The grammar, over either reader (see ``FieldReader``).
    static func grammar<R: FieldReader>(_ s: inout R) throws(R.Failure) -> Spans {
        let code = "sdp.m.syntax"
        let media = try s.token("media", code: code)
        try s.expect(0x20, "media", code: code)
        let port = try s.decimal("port", code: code)
        var count: Range<Int>? = nil
        if s.consume(0x2f) { count = try s.decimal("numberOfPorts", code: code) }
        try s.expect(0x20, "port", code: code)
        // token *("/" token): token characters never include '/', so the
        // text is the join.
        let protoStart = s.index
        _ = try s.token("proto", code: code)
        while s.consume(0x2f) { _ = try s.token("proto", code: code) }
        let proto = protoStart..<s.index
        var formats = 0
        var fmtStart = s.index
        while s.consume(0x20) {
            let t = try s.token("fmts[\(formats)]", code: code)
            if formats == 0 { fmtStart = t.lowerBound }
            formats += 1
        }
        if formats == 0 { throw s.fail(code, "fmts: at least one <fmt> is required", field: "fmts", atIndex: nil) }
        try s.expectEnd("fmts", code: code)
        return Spans(media: media, port: port, numberOfPorts: count, proto: proto, formats: fmtStart..<s.index, formatCount: formats)
    }

    /// The tokens of a decoded format text.
    static func split(_ t: ArraySlice<UInt8>, count: Int) -> [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        var start = t.startIndex
        var k = start
        while k < t.endIndex {
            if t[k] == 0x20 {
                out.append(SDPGrammar.string(t[start..<k]))
                start = k + 1
            }
            k += 1
        }
        if start < t.endIndex { out.append(SDPGrammar.string(t[start..<t.endIndex])) }
        return out
    }

    public static func == (a: MediaField, b: MediaField) -> Bool {
        guard a.media == b.media, a.port == b.port, a.numberOfPorts == b.numberOfPorts, a.proto == b.proto else { return false }
        if case .text(let x, _) = a.storedFormats, case .text(let y, _) = b.storedFormats { return x == y }
        return a.formats == b.formats
    }

    public func hash(into h: inout Hasher) {
        h.combine(media)
        h.combine(port)
        h.combine(numberOfPorts)
        h.combine(proto)
        h.combine(formats)
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

/// The syntax check and the field spans, no string built (``FieldSyntax/scan(_:base:path:)``).
extension MediaField: FieldSyntax {
    static var syntaxSpecRef: String { specRef }
}
