import MediasecCore

/// A content-encryption key wrapped in a previously distributed symmetric
/// key-encryption key (RFC 5652 §6.2.3), with AES key wrap per RFC 3565
/// §2.4 (the form TS 33.328 Annex I uses: AES-KW 128/256).
///
/// ```asn1
/// KEKRecipientInfo ::= SEQUENCE {
///   version CMSVersion,  -- always set to 4
///   kekid KEKIdentifier,
///   keyEncryptionAlgorithm KeyEncryptionAlgorithmIdentifier,
///   encryptedKey EncryptedKey }
///
/// EncryptedKey ::= OCTET STRING
/// ```
public struct KEKRecipientInfo: Hashable, Sendable {
    public var version: Int
    public var kekid: KEKIdentifier
    public var keyEncryptionAlgorithm: AlgorithmIdentifier
    public var encryptedKey: [UInt8]

    public init(version: Int = 4, kekid: KEKIdentifier, keyEncryptionAlgorithm: AlgorithmIdentifier, encryptedKey: [UInt8]) {
        self.version = version
        self.kekid = kekid
        self.keyEncryptionAlgorithm = keyEncryptionAlgorithm
        self.encryptedKey = encryptedKey
    }

    static let specRef = "RFC 5652 §6.2.3"
    public static let tag = ASN1Identifier.context(2, constructed: true)

    /// The key wrap algorithm, when the OID names one.
    public var keyWrapAlgorithm: KeyWrapAlgorithm? { KeyWrapAlgorithm(oid: keyEncryptionAlgorithm.algorithm) }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> KEKRecipientInfo {
        var c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "KEKRecipientInfo")
        let versionNode = try c.next("version", .integer, ctx)
        let version = try ctx.smallInt(versionNode, ctx.path(path, "version"))
        let kekidNode = try c.next("kekid", .sequence, ctx)
        let kekid = try KEKIdentifier.decode(kekidNode, &ctx, path: ctx.path(path, "kekid"))
        let algNode = try c.next("keyEncryptionAlgorithm", .sequence, ctx)
        let alg = try AlgorithmIdentifier.decode(algNode, &ctx, path: ctx.path(path, "keyEncryptionAlgorithm"))
        let keyNode = try c.next("encryptedKey", .octetString, ctx)
        let key = try ctx.octets(keyNode, ctx.path(path, "encryptedKey"))
        try c.finish(ctx)
        return KEKRecipientInfo(version: version, kekid: kekid, keyEncryptionAlgorithm: alg, encryptedKey: key)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(Self.tag) { (s: inout DERWriter) throws(EncodingError) in
            s.writeInteger(version)
            try kekid.encode(&s, path: "\(path).kekid")
            try keyEncryptionAlgorithm.encode(&s, path: "\(path).keyEncryptionAlgorithm")
            s.writeOctetString(encryptedKey)
        }
    }
}
