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
    /// Built or edited fields (a class: an optional reference is one
    /// nullable pointer, where an optional struct is copied through the
    /// runtime's generic value witnesses).
    final class Built: Sendable {
        let media: String
        let port: DecimalToken
        let numberOfPorts: DecimalToken?
        let proto: String
        let formats: Formats

        init(media: String, port: DecimalToken, numberOfPorts: DecimalToken?, proto: String, formats: Formats) {
            self.media = media
            self.port = port
            self.numberOfPorts = numberOfPorts
            self.proto = proto
            self.formats = formats
        }
    }

    /// A decoded field keeps the line's bytes and where each field lies
    /// (no string is built until one is asked for: the validator reads
    /// lengths and numbers straight from the bytes); a built or edited one
    /// keeps ``Built`` fields instead.
    struct Storage: Sendable {
        var bytes: ArraySlice<UInt8>
        var spans: Spans
        var built: Built?
    }

    /// One box: a copy of the field is one reference count.
    private var box: CopyOnWrite<Storage>

    /// Applies an edit to the fields (a decoded field becomes a built one).
    private mutating func edit(_ change: (inout (media: String, port: DecimalToken, numberOfPorts: DecimalToken?, proto: String, formats: Formats)) -> Void) {
        var f = (media: media, port: port, numberOfPorts: numberOfPorts, proto: proto, formats: storedFormats)
        change(&f)
        box.value.built = Built(media: f.media, port: f.port, numberOfPorts: f.numberOfPorts, proto: f.proto, formats: f.formats)
    }

    /// The value's bytes and the field spans, for a decoded field.
    var decodedSpans: (bytes: ArraySlice<UInt8>, spans: Spans)? {
        let s = box.value
        return s.built == nil ? (s.bytes, s.spans) : nil
    }

    public var media: String {
        get {
            let s = box.value
            return s.built?.media ?? SDPGrammar.string(s.bytes[s.spans.media])
        }
        set { edit { $0.media = newValue } }
    }

    public var port: DecimalToken {
        get {
            let s = box.value
            return s.built?.port ?? FieldScan.decimal(s.bytes, s.spans.port)
        }
        set { edit { $0.port = newValue } }
    }

    public var numberOfPorts: DecimalToken? {
        get {
            let s = box.value
            if let b = s.built { return b.numberOfPorts }
            return s.spans.numberOfPorts.map { FieldScan.decimal(s.bytes, $0) }
        }
        set { edit { $0.numberOfPorts = newValue } }
    }

    public var proto: String {
        get {
            let s = box.value
            return s.built?.proto ?? SDPGrammar.string(s.bytes[s.spans.proto])
        }
        set { edit { $0.proto = newValue } }
    }

    public var formats: [String] {
        get {
            switch storedFormats {
            case .strings(let f): return f
            case .text(let t, let count): return Self.split(t, count: count)
            }
        }
        set { storedFormats = .strings(newValue) }
    }

    enum Formats: Sendable {
        case strings([String])
        case text(ArraySlice<UInt8>, count: Int)
    }
    var storedFormats: Formats {
        get {
            let s = box.value
            return s.built?.formats ?? .text(s.bytes[s.spans.formats], count: s.spans.formatCount)
        }
        set { edit { $0.formats = newValue } }
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
        MediaField(storage: Storage(bytes: value, spans: try scan(value, base: base, path: path), built: nil))
    }

    private init(storage: Storage) {
        box = CopyOnWrite(storage)
    }

    /// A field decoded from `bytes` into `spans` (by ``scan(_:base:path:)``).
    init(decoded bytes: ArraySlice<UInt8>, spans: Spans) {
        self.init(storage: Storage(bytes: bytes, spans: spans, built: nil))
    }

    init(media: String, port: DecimalToken, numberOfPorts: DecimalToken?, proto: String, storedFormats: Formats) {
        box = CopyOnWrite(Storage(bytes: [], spans: .none,
                                  built: Built(media: media, port: port, numberOfPorts: numberOfPorts, proto: proto, formats: storedFormats)))
    }

    /// Where each field lies in the value (indices of the slice).
    struct Spans: Sendable {
        var media, port: Range<Int>
        var numberOfPorts: Range<Int>?
        var proto: Range<Int>
        /// The `<fmt>` list: tokens separated by single spaces.
        var formats: Range<Int>
        var formatCount: Int

        /// No field (the spans of a line that did not decode).
        static let none = Spans(media: 0..<0, port: 0..<0, numberOfPorts: nil, proto: 0..<0, formats: 0..<0, formatCount: 0)
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
    public var transport: TransportProtocol {
        let s = box.value
        if let b = s.built { return TransportProtocol(rawValue: b.proto) }
        return TransportProtocol(bytes: s.bytes[s.spans.proto])
    }

    public var isRejected: Bool {
        let s = box.value
        if let b = s.built { return b.port.text.utf8.allSatisfy { $0 == 0x30 } }
        return s.bytes[s.spans.port].allSatisfy { $0 == 0x30 }
    }
}

/// The syntax check and the field spans, no string built (``FieldSyntax/scan(_:base:path:)``).
extension MediaField: FieldSyntax {
    static var syntaxSpecRef: String { specRef }
}
