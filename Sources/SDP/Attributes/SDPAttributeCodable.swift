import MediasecCore

/// A typed attribute value with a decoder and an encoder. One conformance
/// per attribute file; ``SDPAttributeRegistry`` dispatches `a=` lines to
/// them by name.
///
/// Laws (checked by the tests): for every model value `m`,
/// `decode(m.encodedValue) == m`; for every value text `t` the decoder
/// accepts in canonical form (single spaces), `decode(t).encodedValue == t`.
/// Whole descriptions are re-serialized from their raw lines, so a
/// non-canonical attribute still round-trips byte for byte at that level.
public protocol SDPAttributeCodable: Hashable, Sendable {
    /// The attribute name (case-sensitive), e.g. `crypto`.
    static var attributeName: String { get }
    /// The clause that defines the value grammar.
    static var specRef: String { get }
    /// Decodes a value. `base` is the absolute offset of `value[0]`, `path`
    /// the field path of the attribute; `offsets` receives the absolute
    /// offset of named sub-fields (relative paths such as
    /// `keyParams[0].lifetime`) for precise findings.
    static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> Self
    /// The value text (what follows `a=<name>:`).
    var encodedValue: String { get }
}

extension SDPAttributeCodable {
    /// ``decode(_:base:path:offsets:)`` of a whole array.
    public static func decode(_ value: [UInt8], base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> Self {
        try decode(value[...], base: base, path: path, offsets: &offsets)
    }

    public static func decode(_ value: [UInt8], base: Int = 0, path: String? = nil) throws(DecodingError) -> Self {
        var o = SDPFieldOffsets(recording: false)
        return try decode(value, base: base, path: path ?? attributeName, offsets: &o)
    }

    /// Decodes a value given as text (`try CryptoAttribute(parsing: "1 AES_CM_…")`).
    public init(parsing text: String) throws(DecodingError) {
        self = try Self.decode(Array(text.utf8))
    }

    public var attribute: SDPAttribute { SDPAttribute(name: Self.attributeName, value: encodedValue) }

    /// The whole `a=` line.
    public func line(ending: LineEnding = .crlf) -> SDPLine { attribute.line(ending: ending) }
}
