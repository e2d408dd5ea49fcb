import MediasecCore

/// `a=tls-id` (RFC 8842 §4):
///
/// ```
/// tls-id-value = 20*255(tls-id-char)
/// tls-id-char  = ALPHA / DIGIT / "+" / "/" / "-" / "_"
/// ```
/// Media level. The decoder accepts one or more `tls-id-char`s; the 20..255
/// length is a validation rule (`sdp.tls-id.length`) so that a short value
/// is still shown.
public struct TLSIDAttribute: SDPAttributeCodable {
    public static let attributeName = "tls-id"
    public static let specRef = "RFC 8842 §4"

    public var value: String

    public init(_ value: String) { self.value = value }

    public static let lengthRange = 20...255

    public var encodedValue: String { value }

    static func isTLSIDChar(_ c: UInt8) -> Bool { SDPGrammar.isAlphaNum(c) || c == 0x2b || c == 0x2f || c == 0x2d || c == 0x5f }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> TLSIDAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let v = s.readString(while: isTLSIDChar)
        if v.isEmpty { throw s.fail("sdp.tls-id.syntax", "value: expected tls-id-char (ALPHA / DIGIT / + / / / - / _)", field: "value") }
        try s.expectEnd("value", code: "sdp.tls-id.syntax")
        return TLSIDAttribute(v)
    }
}
