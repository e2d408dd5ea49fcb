import MediasecCore

/// BFCP `a=userid` (RFC 8856 §5.3): `user-id = 1*DIGIT`, at most the
/// 16-bit User ID of the BFCP COMMON-HEADER (RFC 8855).
public struct BFCPUserIDAttribute: SDPAttributeCodable {
    public static let attributeName = "userid"
    public static let specRef = "RFC 8856 §5.3"
    public static let maximum: UInt64 = 0xffff

    public var userID: DecimalToken

    public init(_ id: DecimalToken) { self.userID = id }

    public var encodedValue: String { userID.text }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> BFCPUserIDAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let d = try s.readDecimal("userId", code: "sdp.bfcp.userid-syntax")
        try s.expectEnd("userId", code: "sdp.bfcp.userid-syntax")
        return BFCPUserIDAttribute(d)
    }
}
