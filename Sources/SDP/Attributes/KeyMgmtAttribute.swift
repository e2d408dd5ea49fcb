import MediasecCore

/// `a=key-mgmt` (RFC 4567 §3.1):
///
/// ```
/// key-mgmt-attribute = key-mgmt-att-field ":" key-mgmt-att-value
/// key-mgmt-att-value = 0*1SP prtcl-id SP keymgmt-data
/// prtcl-id           = KMPID          ; KMPID = 1*(ALPHA / DIGIT), case-sensitive
/// keymgmt-data       = base64         ; RFC 8866 §9 base64
/// ```
/// Session or media level; a media-level attribute overrides the session
/// level for its media (§3.1). The only registered protocol identifier is
/// `mikey` (§9.3); its data is a MIKEY message, decoded and validated
/// through the MIKEY module's public API (``KeyMgmtAttribute/mikeyMessage``
/// here, the validator's key-mgmt checks for the findings).
public struct KeyMgmtAttribute: SDPAttributeCodable {
    public static let attributeName = "key-mgmt"
    public static let specRef = "RFC 4567 §3.1"

    public var leadingSpace: Bool
    public var protocolID: String
    /// The base64 text as written.
    public var data: String

    public init(protocolID: String = "mikey", data: String, leadingSpace: Bool = false) {
        self.protocolID = protocolID
        self.data = data
        self.leadingSpace = leadingSpace
    }

    /// Encodes `message` (e.g. `MIKEYMessage.encoded()`) as base64.
    public init(protocolID: String = "mikey", message: [UInt8]) {
        self.init(protocolID: protocolID, data: Base64.encode(message))
    }

    public static let registeredProtocols: Set<String> = ["mikey"]

    public var isMIKEY: Bool { protocolID == "mikey" }

    /// The decoded key management message (strict RFC 8866 base64).
    public var decodedData: Result<[UInt8], SDPBase64.Failure> { SDPBase64.decode(data.utf8) }

    /// The absolute offset of `protocolId` in a value that starts at
    /// `valueOffset` and decoded to this attribute: what the decoder records
    /// for the field, without decoding the value again.
    func protocolIDOffset(valueOffset: Int) -> Int { valueOffset + (leadingSpace ? 1 : 0) }

    /// The absolute offset of `data` (after the protocol identifier and
    /// its space), as ``protocolIDOffset(valueOffset:)``.
    func dataOffset(valueOffset: Int) -> Int { protocolIDOffset(valueOffset: valueOffset) + protocolID.utf8.count + 1 }

    public var encodedValue: String { (leadingSpace ? " " : "") + protocolID + " " + data }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> KeyMgmtAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let code = "sdp.keymgmt.syntax"
        let lead = s.consume(0x20)
        offsets.record("protocolId", s.offset)
        let at = s.offset
        let id = s.readString(while: SDPGrammar.isAlphaNum)
        if id.isEmpty { throw s.fail(code, "protocolId: expected KMPID = 1*(ALPHA / DIGIT)", field: "protocolId", at: at) }
        try s.expect(0x20, "protocolId", code: code)
        offsets.record("data", s.offset)
        let d = s.readString { SDPGrammar.isBase64($0) || $0 == 0x3d }
        try s.expectEnd("data", code: code)
        return KeyMgmtAttribute(protocolID: id, data: d, leadingSpace: lead)
    }
}
