import MediasecCore

/// Key data transport payload (RFC 3830 §6.2; RFC 6043 §6.2 adds AES-CM-256
/// and HMAC-SHA-256-256).
///
/// ```
/// ! Next payload  ! Encr alg      ! Encr data len                 !
/// !                        Encr data                              ~
/// ! Mac alg       !        MAC                                    ~
/// ```
/// `encrData` holds the (possibly encrypted) Key data sub-payloads; with the
/// NULL algorithm they are in clear and ``plainKeyData(profile:)`` decodes
/// them. The MAC length is implicit from the MAC algorithm, so an unknown
/// MAC algorithm makes the payload's length unknowable and is a decoding
/// error.
public struct KEMACPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.kemac
    static let specRef = "RFC 3830 §6.2"
    static let pathName = "kemac"

    public var encryptionAlgorithm: EncryptionAlgorithm
    var encryptedDataStorage: SmallBytes
    public var macAlgorithm: MACAlgorithm
    var macStorage: SmallBytes

    /// Encr data: the key-data chain, encrypted unless Encr alg is NULL.
    public var encryptedData: [UInt8] {
        get { encryptedDataStorage.array }
        set { encryptedDataStorage = SmallBytes(newValue) }
    }

    public var mac: [UInt8] {
        get { macStorage.array }
        set { macStorage = SmallBytes(newValue) }
    }

    public init(encryptionAlgorithm: EncryptionAlgorithm, encryptedData: [UInt8], macAlgorithm: MACAlgorithm, mac: [UInt8]) {
        self.encryptionAlgorithm = encryptionAlgorithm
        self.encryptedDataStorage = SmallBytes(encryptedData)
        self.macAlgorithm = macAlgorithm
        self.macStorage = SmallBytes(mac)
    }

    init(encryptionAlgorithm: EncryptionAlgorithm, encryptedData: SmallBytes, macAlgorithm: MACAlgorithm, mac: SmallBytes) {
        self.encryptionAlgorithm = encryptionAlgorithm
        self.encryptedDataStorage = encryptedData
        self.macAlgorithm = macAlgorithm
        self.macStorage = mac
    }

    /// A NULL-encrypted KEMAC carrying `keyData` in clear, with a zero MAC
    /// of the right length (to be filled in by ``MIKEYMessageBuilder``).
    public static func clear(keyData: [KeyDataPayload], macAlgorithm: MACAlgorithm) throws(EncodingError) -> KEMACPayload {
        try clear(chain: keyData.map { .keyData($0) }, macAlgorithm: macAlgorithm)
    }

    /// As ``clear(keyData:macAlgorithm:)`` for any sub-payload chain, e.g.
    /// `[ID, Key data…]` in the public-key method (RFC 3830 §6.2).
    public static func clear(chain: [Payload], macAlgorithm: MACAlgorithm) throws(EncodingError) -> KEMACPayload {
        let plain = try PayloadChainCodec.encodeChain(chain, leadingType: false, path: "kemac.keyData")
        return KEMACPayload(
            encryptionAlgorithm: .null, encryptedData: plain, macAlgorithm: macAlgorithm,
            mac: [UInt8](repeating: 0, count: macAlgorithm.macLength ?? 0)
        )
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> KEMACPayload {
        let ea = EncryptionAlgorithm(rawValue: try c.mikeyU8("encrAlg"))
        let len = Int(try c.mikeyU16("encrDataLen"))
        let data = try SmallBytes.read(&c, count: len, "encrData")
        let macAt = c.position
        let ma = MACAlgorithm(rawValue: try c.mikeyU8("macAlg"))
        guard let macLen = ma.macLength else {
            throw fail(c, "mikey.kemac.mac-alg-unknown", "MAC alg \(ma) has no known length; the payload cannot be delimited", field: "macAlg", at: macAt)
        }
        let mac = try SmallBytes.read(&c, count: macLen, "mac")
        return KEMACPayload(encryptionAlgorithm: ea, encryptedData: data, macAlgorithm: ma, mac: mac)
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(encryptionAlgorithm.rawValue)
        try w.writeLength(encryptedDataStorage.count, bits: 16, path: "kemac.encrDataLen")
        encryptedDataStorage.write(to: &w)
        w.writeUInt8(macAlgorithm.rawValue)
        guard let n = macAlgorithm.macLength, n == macStorage.count else {
            throw Self.encodeFail("mikey.kemac.mac-length", "mac", "MAC is \(macStorage.count) bytes; \(macAlgorithm) needs \(macAlgorithm.macLength.map(String.init) ?? "a known length")")
        }
        macStorage.write(to: &w)
    }

    /// Decodes `encryptedData` as a chain of sub-payloads when the encryption
    /// algorithm is NULL. In the public-key method the chain starts with the
    /// Initiator's ID payload (RFC 3830 §6.2), so the first type is a parameter.
    public func plainKeyData(firstType: PayloadType = .keyData, profile: CodePointProfile = .default) throws(DecodingError) -> [Payload] {
        try KEMACPayload.decodeKeyData(plaintext: encryptedData, firstType: firstType, profile: profile)
    }

    /// Decodes a decrypted Key data chain (RFC 3830 §6.13).
    public static func decodeKeyData(plaintext: [UInt8], firstType: PayloadType = .keyData, profile: CodePointProfile = .default) throws(DecodingError) -> [Payload] {
        if plaintext.isEmpty { return [] }
        var ctx = DecodeContext(profile: profile, limits: .default)
        ctx.recordSpans = false   // the spans of a key-data chain are not kept
        var c = ByteCursor(plaintext)
        var spans: [PayloadSpan] = []
        return try PayloadChainCodec.decodeChain(&c, firstType: firstType, ctx: &ctx, pathPrefix: "keyData", spans: &spans, requireEnd: true)
    }
}
