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
        var s = SDPTextScanner(value, base: base, path: path, specRef: "RFC 8866 §5.8")
        let code = "sdp.b.syntax"
        let t = try FieldScan.token(&s, "bwtype", code: code)
        try s.expect(0x3a, "bwtype", code: code)
        let bw = try s.readDecimal("bandwidth", code: code)
        try s.expectEnd("bandwidth", code: code)
        return BandwidthField(bwType: t, bandwidth: bw)
    }

    public var encodedValue: String { "\(bwType):\(bandwidth)" }
}
