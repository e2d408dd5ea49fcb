import MediasecCore

/// BFCP `a=confid` (RFC 8856 §5.2): `conference-id = 1*DIGIT`, at most the
/// 32-bit Conference ID of the BFCP COMMON-HEADER (RFC 8855).
public struct BFCPConferenceIDAttribute: SDPAttributeCodable {
    public static let attributeName = "confid"
    public static let specRef = "RFC 8856 §5.2"
    public static let maximum: UInt64 = 0xffff_ffff

    public var conferenceID: DecimalToken

    public init(_ id: DecimalToken) { self.conferenceID = id }

    public var encodedValue: String { conferenceID.text }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> BFCPConferenceIDAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let d = try s.readDecimal("conferenceId", code: "sdp.bfcp.confid-syntax")
        try s.expectEnd("conferenceId", code: "sdp.bfcp.confid-syntax")
        return BFCPConferenceIDAttribute(d)
    }
}
