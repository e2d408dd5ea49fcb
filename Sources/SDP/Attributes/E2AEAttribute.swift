import MediasecCore

/// `a=3ge2ae` (3GPP TS 24.229; IANA SDP attribute, usage media; the TR
/// 33.829 e2ae indication of clauses 8.3.2.4 and 11.4):
///
/// ```
/// a=3ge2ae:requested | applied     ; other tokens are ignored
/// ```
/// The value is kept as written; ``indication`` is nil for a token that is
/// neither (the receiver ignores it: `sdp.3ge2ae.unknown-token`).
public struct E2AEAttribute: SDPAttributeCodable {
    public static let attributeName = "3ge2ae"
    public static let specRef = "TS 24.229 / TR 33.829 §8.3.2.4"

    public enum Indication: String, Sendable, Hashable, CaseIterable {
        /// "e2ae-security requested by UE".
        case requested
        /// "e2ae-security applied by network".
        case applied
    }

    public var value: String

    public init(_ value: String) { self.value = value }
    public init(_ indication: Indication) { self.value = indication.rawValue }

    public var indication: Indication? { Indication(rawValue: value) }

    public var encodedValue: String { value }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> E2AEAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let v = s.readString(while: SDPGrammar.isTokenChar)
        if v.isEmpty { throw s.fail("sdp.3ge2ae.syntax", "value: expected a token (requested or applied)", field: "value") }
        try s.expectEnd("value", code: "sdp.3ge2ae.syntax")
        return E2AEAttribute(v)
    }
}
