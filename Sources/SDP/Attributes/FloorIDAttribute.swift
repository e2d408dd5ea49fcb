import MediasecCore

/// BFCP `a=floorid` (RFC 8856 §5.4):
///
/// ```
/// floor-id = 1*DIGIT SP "mstrm:" token *(SP token)
/// ```
/// The floor ID is at most 16 bits (RFC 8855 FLOOR-ID). The RFC 4583
/// example's `m-stream:` label is accepted as RECOMMENDED and kept as
/// written.
public struct FloorIDAttribute: SDPAttributeCodable {
    public static let attributeName = "floorid"
    public static let specRef = "RFC 8856 §5.4"
    public static let maximum: UInt64 = 0xffff

    public var floorID: DecimalToken
    /// `mstrm` (or the legacy `m-stream`).
    public var label: String
    /// The `a=label` values of the BFCP-controlled streams.
    public var mediaStreams: [String]

    public init(floorID: DecimalToken, label: String = "mstrm", mediaStreams: [String]) {
        self.floorID = floorID
        self.label = label
        self.mediaStreams = mediaStreams
    }

    public var encodedValue: String { ([floorID.text, label + ":" + (mediaStreams.first ?? "")] + mediaStreams.dropFirst()).joined(separator: " ") }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> FloorIDAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let code = "sdp.bfcp.floorid-syntax"
        offsets.record("floorId", s.offset)
        let id = try s.readDecimal("floorId", code: code)
        try s.expect(0x20, "floorId", code: code)
        let at = s.offset
        let label: String
        if s.consume("mstrm:") { label = "mstrm" } else if s.consume("m-stream:") { label = "m-stream" } else {
            throw s.fail(code, "mediaStreams: expected \"mstrm:\"", field: "mediaStreams", at: at)
        }
        var streams = [try FieldScan.token(&s, "mediaStreams[0]", code: code)]
        while s.consume(0x20) { streams.append(try FieldScan.token(&s, "mediaStreams[\(streams.count)]", code: code)) }
        try s.expectEnd("mediaStreams", code: code)
        return FloorIDAttribute(floorID: id, label: label, mediaStreams: streams)
    }
}
