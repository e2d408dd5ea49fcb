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
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        offsets.record("tag", s.offset)
        let tagAt = s.offset
        let tag = s.read(while: SDPGrammar.isDigit)
        if tag.isEmpty || tag.count > 9 {
            throw s.fail("sdp.crypto.tag-syntax", tag.isEmpty ? "tag: expected 1*9DIGIT" : "tag: \(tag.count) digits, the grammar allows at most 9", field: "tag", at: tagAt)
        }
        try wsp(&s, "tag", code: "sdp.crypto.tag-syntax")
        offsets.record("suite", s.offset)
        let suiteAt = s.offset
        let suite = s.read { SDPGrammar.isAlphaNum($0) || $0 == 0x5f }
        if suite.isEmpty { throw s.fail("sdp.crypto.suite-syntax", "suite: expected 1*(ALPHA / DIGIT / \"_\")", field: "suite", at: suiteAt) }
        try wsp(&s, "suite", code: "sdp.crypto.suite-syntax")
        let keys = try CryptoKeyParameter.decodeList(&s, SDPListField("keyParams"), limits: limits, offsets: &offsets)
        if let c = s.peek(), !SDPGrammar.isWSP(c) {
            throw s.fail("sdp.crypto.key-params-syntax", "keyParams: unexpected '\(SDPTextScanner.show(c))'", field: "keyParams")
        }
        var params: [SRTPSessionParameter] = []
        while let c = s.peek(), SDPGrammar.isWSP(c) {
            _ = s.read(while: SDPGrammar.isWSP)
            let at = s.offset
            let tok = s.read(while: SDPGrammar.isVCHAR)
            if tok.isEmpty {
                let f = "sessionParams[\(params.count)]"
                let what = s.isAtEnd ? "trailing whitespace" : "'\(SDPTextScanner.show(s.peek() ?? 0))' is not a visible character"
                throw s.fail("sdp.crypto.session-param-syntax", "\(f): \(what)", field: f)
            }
            var sub = SDPTextScanner(tok, base: at, path: path, specRef: "RFC 4568 §9.2")
            params.append(try SRTPSessionParameter.decode(&sub, index: params.count, limits: limits, offsets: &offsets))
        }
        if !s.isAtEnd { throw s.fail("sdp.crypto.session-param-syntax", "unexpected '\(SDPTextScanner.show(s.peek() ?? 0))'", field: "sessionParams") }
        return CryptoAttribute(tag: DecimalToken(digits: tag), suite: SRTPCryptoSuite(nameBytes: suite), keyParams: keys, sessionParams: params)
    }

    static func wsp(_ s: inout SDPTextScanner, _ field: String, code: String) throws(DecodingError) {
        if s.read(while: SDPGrammar.isWSP).isEmpty {
            let got = s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value"
            throw s.fail(code, "\(field): expected whitespace, found \(got)", field: field)
        }
    }
}
