import MediasecCore

/// `t=` (RFC 8866 §5.9, §9):
///
/// ```
/// time-field = %s"t" "=" start-time SP stop-time CRLF
/// start-time = time / "0"
/// time       = POS-DIGIT 9*DIGIT
/// ```
/// Times are unbounded decimals (no 2036 wrap), so they stay
/// ``DecimalToken``s; ``isValidTime(_:)`` checks the `time / "0"` shape.
public struct TimeField: Hashable, Sendable {
    public var startTime: DecimalToken
    public var stopTime: DecimalToken

    public init(startTime: DecimalToken = 0, stopTime: DecimalToken = 0) {
        self.startTime = startTime
        self.stopTime = stopTime
    }

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> TimeField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> TimeField {
        var s = SDPTextScanner(value, base: base, path: path, specRef: "RFC 8866 §5.9")
        let code = "sdp.t.syntax"
        let a = try s.readDecimal("startTime", code: code)
        try s.expect(0x20, "startTime", code: code)
        let b = try s.readDecimal("stopTime", code: code)
        try s.expectEnd("stopTime", code: code)
        return TimeField(startTime: a, stopTime: b)
    }

    public var encodedValue: String { "\(startTime) \(stopTime)" }

    /// `time / "0"`: "0", or at least 10 digits without a leading zero.
    public static func isValidTime(_ t: DecimalToken) -> Bool {
        t.text == "0" || (t.digitCount >= 10 && !t.hasLeadingZero)
    }
}
