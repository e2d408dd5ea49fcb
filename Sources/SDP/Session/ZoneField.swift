import MediasecCore

/// `z=` (RFC 8866 §5.11, §9):
///
/// ```
/// zone-field = %s"z" "=" time SP ["-"] typed-time *(SP time SP ["-"] typed-time) CRLF
/// ```
public struct ZoneField: Hashable, Sendable {
    public struct Adjustment: Hashable, Sendable {
        public var time: DecimalToken
        public var negative: Bool
        public var offset: TypedTime

        public init(time: DecimalToken, negative: Bool = false, offset: TypedTime) {
            self.time = time
            self.negative = negative
            self.offset = offset
        }
    }

    public var adjustments: [Adjustment]

    public init(adjustments: [Adjustment]) { self.adjustments = adjustments }

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> ZoneField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> ZoneField {
        var s = SDPTextScanner(value, base: base, path: path, specRef: "RFC 8866 §5.11")
        let code = "sdp.z.syntax"
        var out: [Adjustment] = []
        repeat {
            let f = "adjustments[\(out.count)]"
            let t = try s.readDecimal(f + ".time", code: code)
            try s.expect(0x20, f + ".time", code: code)
            let neg = s.consume(0x2d)
            out.append(Adjustment(time: t, negative: neg, offset: try TypedTime.read(&s, f + ".offset", code: code)))
        } while s.consume(0x20)
        try s.expectEnd("adjustments", code: code)
        return ZoneField(adjustments: out)
    }

    public var encodedValue: String {
        adjustments.map { "\($0.time) \($0.negative ? "-" : "")\($0.offset)" }.joined(separator: " ")
    }
}
