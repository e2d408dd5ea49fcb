import MediasecCore

/// MSRP `a=path` (RFC 4975 §8.2):
///
/// ```
/// path      = path-label ":" path-list
/// path-list = MSRP-URI *(SP MSRP-URI)
/// ```
/// The rightmost URI identifies the endpoint that wrote the description;
/// the leftmost is the adjacent hop (§8.2, §8.3).
public struct MSRPPathAttribute: SDPAttributeCodable {
    public static let attributeName = "path"
    public static let specRef = "RFC 4975 §8.2"

    public var uris: [MSRPURI]

    public init(_ uris: [MSRPURI]) { self.uris = uris }

    public var endpoint: MSRPURI? { uris.last }

    public var encodedValue: String { uris.map(\.description).joined(separator: " ") }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> MSRPPathAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        var uris: [MSRPURI] = []
        repeat {
            uris.append(try MSRPURI.decode(&s, index: uris.count, offsets: &offsets))
        } while s.consume(0x20)
        try s.expectEnd("uris", code: "sdp.msrp.uri-syntax")
        return MSRPPathAttribute(uris)
    }
}
