import MediasecCore

/// `o=` (RFC 8866 §5.2, §9):
///
/// ```
/// origin-field = %s"o" "=" username SP sess-id SP sess-version SP
///                nettype SP addrtype SP unicast-address CRLF
/// username     = non-ws-string
/// sess-id      = 1*DIGIT
/// sess-version = 1*DIGIT
/// nettype      = token
/// addrtype     = token
/// ```
public struct OriginField: Hashable, Sendable {
    public var username: String
    public var sessionID: DecimalToken
    public var sessionVersion: DecimalToken
    public var netType: String
    public var addrType: String
    public var unicastAddress: String

    public init(username: String, sessionID: DecimalToken, sessionVersion: DecimalToken, netType: String = "IN", addrType: String = "IP4", unicastAddress: String) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.netType = netType
        self.addrType = addrType
        self.unicastAddress = unicastAddress
    }

    static let specRef = "RFC 8866 §5.2"

    public static func decode(_ value: [UInt8], base: Int = 0, path: String = "session.origin") throws(DecodingError) -> OriginField {
        try decode(value[...], base: base, path: path)
    }

    /// Decodes a slice of the description (a decoded line's ``SDPLine/bytes``); `base` is the
    /// absolute offset of its first byte.
    public static func decode(_ value: ArraySlice<UInt8>, base: Int = 0, path: String = "session.origin") throws(DecodingError) -> OriginField {
        let f = try scan(value, base: base, path: path)
        return OriginField(username: SDPGrammar.string(value[f.username]), sessionID: FieldScan.decimal(value, f.sessionID),
                           sessionVersion: FieldScan.decimal(value, f.sessionVersion), netType: SDPGrammar.string(value[f.netType]),
                           addrType: SDPGrammar.string(value[f.addrType]), unicastAddress: SDPGrammar.string(value[f.unicastAddress]))
    }

    /// Where each field lies in the value (indices of the slice).
    struct Spans {
        var username, sessionID, sessionVersion, netType, addrType, unicastAddress: Range<Int>
    }

    /// The grammar, over either reader (see ``FieldReader``).
    static func grammar<R: FieldReader>(_ s: inout R) throws(R.Failure) -> Spans {
        let code = "sdp.o.syntax"
        let user = try s.nonWS("username", code: code)
        try s.expect(0x20, "username", code: code)
        let id = try s.decimal("sessId", code: code)
        try s.expect(0x20, "sessId", code: code)
        let version = try s.decimal("sessVersion", code: code)
        try s.expect(0x20, "sessVersion", code: code)
        let net = try s.token("nettype", code: code)
        try s.expect(0x20, "nettype", code: code)
        let addr = try s.token("addrtype", code: code)
        try s.expect(0x20, "addrtype", code: code)
        let unicast = try s.nonWS("unicastAddress", code: code)
        try s.expectEnd("unicastAddress", code: code)
        return Spans(username: user, sessionID: id, sessionVersion: version, netType: net, addrType: addr, unicastAddress: unicast)
    }

    public var encodedValue: String {
        "\(username) \(sessionID) \(sessionVersion) \(netType) \(addrType) \(unicastAddress)"
    }
}

/// The syntax check and the field spans, no string built (``FieldSyntax/scan(_:base:path:)``).
extension OriginField: FieldSyntax {
    static var syntaxSpecRef: String { specRef }
}
