import MediasecCore

/// `b=` (RFC 8866 §5.8, §9): `bwtype ":" bandwidth`, `bwtype = token`,
/// `bandwidth = 1*DIGIT`.
public struct BandwidthField: Hashable, Sendable {
    public var bwType: String
    public var bandwidth: DecimalToken

    public init(bwType: String, bandwidth: DecimalToken) {
        self.bwType = bwType
        self.bandwidth = bandwidth
    }

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> BandwidthField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> BandwidthField {
        let (t, bw) = try scan(value, base: base, path: path)
        return BandwidthField(bwType: SDPGrammar.string(value[t]), bandwidth: FieldScan.decimal(value, bw))
    }

    /// The grammar, over either reader (see ``FieldReader``).
    static func grammar<R: FieldReader>(_ s: inout R) throws(R.Failure) -> (bwType: Range<Int>, bandwidth: Range<Int>) {
        let code = "sdp.b.syntax"
        let t = try s.token("bwtype", code: code)
        try s.expect(0x3a, "bwtype", code: code)
        let bw = try s.decimal("bandwidth", code: code)
        try s.expectEnd("bandwidth", code: code)
        return (t, bw)
    }

    public var encodedValue: String { "\(bwType):\(bandwidth)" }
}

/// The syntax check and the field spans, no string built (``FieldSyntax/scan(_:base:path:)``).
extension BandwidthField: FieldSyntax {
    typealias Spans = (bwType: Range<Int>, bandwidth: Range<Int>)
    static var syntaxSpecRef: String { "RFC 8866 §5.8" }
}
