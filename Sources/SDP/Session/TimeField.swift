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
        let (a, b) = try scan(value, base: base, path: path)
        return TimeField(startTime: FieldScan.decimal(value, a), stopTime: FieldScan.decimal(value, b))
    }

    /// The grammar, over either reader (see ``FieldReader``).
    static func grammar<R: FieldReader>(_ s: inout R) throws(R.Failure) -> (start: Range<Int>, stop: Range<Int>) {
        let code = "sdp.t.syntax"
        let a = try s.decimal("startTime", code: code)
        try s.expect(0x20, "startTime", code: code)
        let b = try s.decimal("stopTime", code: code)
        try s.expectEnd("stopTime", code: code)
        return (a, b)
    }

    public var encodedValue: String { "\(startTime) \(stopTime)" }

    /// `time / "0"`: "0", or at least 10 digits without a leading zero.
    public static func isValidTime(_ t: DecimalToken) -> Bool {
        t.text == "0" || (t.digitCount >= 10 && !t.hasLeadingZero)
    }

    /// ``isValidTime(_:)`` of the digits (`1*DIGIT`) as written.
    static func isValidTime(digits d: ArraySlice<UInt8>) -> Bool {
        guard let first = d.first else { return false }
        return d.count == 1 ? first == 0x30 : d.count >= 10 && first != 0x30
    }
}

/// The syntax check and the field spans, no string built (``FieldSyntax/scan(_:base:path:)``).
extension TimeField: FieldSyntax {
    typealias Spans = (start: Range<Int>, stop: Range<Int>)
    static var syntaxSpecRef: String { "RFC 8866 §5.9" }
}
