import MediasecCore

/// `a=crypto` (RFC 4568 §4, §9.1):
///
/// ```
/// "a=crypto:" tag 1*WSP crypto-suite 1*WSP key-params *(1*WSP session-param)
/// tag          = 1*9DIGIT
/// crypto-suite = 1*(ALPHA / DIGIT / "_")
/// key-params   = key-param *(";" key-param)
/// session-param = 1*(VCHAR)
/// ```
/// Media level only (§4). The decoder enforces the grammar (the SRTP
/// `inline` key-info of §9.2 included); every rule of §6 — key length per
/// suite, lifetime, MKI, KDR, WSH, unknown parameters, tag uniqueness — is a
/// named validation rule (`sdp.crypto.*`). The encoder writes single spaces.
public struct CryptoAttribute: SDPAttributeCodable {
    public static let attributeName = "crypto"
    public static let specRef = "RFC 4568 §9.1"

    public var tag: DecimalToken
    public var suite: SRTPCryptoSuite
    public var keyParams: [CryptoKeyParameter]
    public var sessionParams: [SRTPSessionParameter]

    public init(tag: DecimalToken, suite: SRTPCryptoSuite, keyParams: [CryptoKeyParameter], sessionParams: [SRTPSessionParameter] = []) {
        self.tag = tag
        self.suite = suite
        self.keyParams = keyParams
        self.sessionParams = sessionParams
    }

    /// The inline keys, in order.
    public var inlineKeys: [SRTPInlineKey] { keyParams.compactMap(\.inlineKey) }

    public func sessionParams(_ kind: SRTPSessionParameter.Kind) -> [SRTPSessionParameter] {
        sessionParams.filter { $0.kind == kind }
    }

    public var encodedValue: String {
        ([tag.text, suite.rawValue, keyParams.map(\.encodedValue).joined(separator: ";")] + sessionParams.map(\.description)).joined(separator: " ")
    }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> CryptoAttribute {
        try decode(value, base: base, path: path, limits: .default, offsets: &offsets)
    }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, limits: SDPLimits, offsets: inout SDPFieldOffsets) throws(DecodingError) -> CryptoAttribute {
        let scan = try SRTPCryptoScan.scan(value, base: base, path: path, limits: limits)
        scan.record(into: &offsets)
        return scan.attribute
    }
}
