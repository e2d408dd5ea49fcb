import MediasecCore

/// `r=` (RFC 8866 §5.10, §9):
///
/// ```
/// repeat-field    = %s"r" "=" repeat-interval SP typed-time 1*(SP typed-time) CRLF
/// repeat-interval = POS-DIGIT *DIGIT [fixed-len-time-unit]
/// ```
/// i.e. the interval, the active duration and one or more offsets.
public struct RepeatField: Hashable, Sendable {
    public var interval: TypedTime
    public var activeDuration: TypedTime
    public var offsets: [TypedTime]

    public init(interval: TypedTime, activeDuration: TypedTime, offsets: [TypedTime]) {
        self.interval = interval
        self.activeDuration = activeDuration
        self.offsets = offsets
    }

    public static func decode(_ value: [UInt8], base: Int = 0, path: String) throws(DecodingError) -> RepeatField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String) throws(DecodingError) -> RepeatField {
        var s = SDPTextScanner(value, base: base, path: path, specRef: "RFC 8866 §5.10")
        let code = "sdp.r.syntax"
        if s.peek() == 0x30 { throw s.fail(code, "repeatInterval: must start with a non-zero digit (POS-DIGIT)", field: "repeatInterval") }
        let interval = try TypedTime.read(&s, "repeatInterval", code: code)
        try s.expect(0x20, "repeatInterval", code: code)
        let duration = try TypedTime.read(&s, "activeDuration", code: code)
        var offsets: [TypedTime] = []
        while s.consume(0x20) { offsets.append(try TypedTime.read(&s, "offsets[\(offsets.count)]", code: code)) }
        if offsets.isEmpty { throw s.fail(code, "offsets: at least one offset is required", field: "offsets") }
        try s.expectEnd("offsets", code: code)
        return RepeatField(interval: interval, activeDuration: duration, offsets: offsets)
    }

    public var encodedValue: String { ([interval, activeDuration] + offsets).map(\.description).joined(separator: " ") }
}
