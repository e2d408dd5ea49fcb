import MediasecCore

/// A key wrapped in a password-derived key (RFC 5652 §6.2.4, RFC 3211).
/// Decoded structurally; this suite does not derive password keys.
///
/// ```asn1
/// PasswordRecipientInfo ::= SEQUENCE {
///   version CMSVersion,   -- always set to 0
///   keyDerivationAlgorithm [0] KeyDerivationAlgorithmIdentifier OPTIONAL,
///   keyEncryptionAlgorithm KeyEncryptionAlgorithmIdentifier,
///   encryptedKey EncryptedKey }
/// ```
public struct PasswordRecipientInfo: Hashable, Sendable {
    public var version: Int
    public var keyDerivationAlgorithm: AlgorithmIdentifier?
    public var keyEncryptionAlgorithm: AlgorithmIdentifier
    public var encryptedKey: [UInt8]

    public init(version: Int = 0, keyDerivationAlgorithm: AlgorithmIdentifier? = nil, keyEncryptionAlgorithm: AlgorithmIdentifier, encryptedKey: [UInt8]) {
        self.version = version
        self.keyDerivationAlgorithm = keyDerivationAlgorithm
        self.keyEncryptionAlgorithm = keyEncryptionAlgorithm
        self.encryptedKey = encryptedKey
    }

    static let specRef = "RFC 5652 §6.2.4"
    static let kdfTag = ASN1Identifier.context(0, constructed: true)

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> PasswordRecipientInfo {
        var c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "PasswordRecipientInfo")
        let versionNode = try c.next("version", .integer, ctx)
        let version = try ctx.smallInt(versionNode, ctx.path(path, "version"))
        var kdf: AlgorithmIdentifier? = nil
        if let k = c.optional(kdfTag, ctx) {
            kdf = try AlgorithmIdentifier.decodeContent(k, &ctx, path: ctx.path(path, "keyDerivationAlgorithm"))
        }
        let algNode = try c.next("keyEncryptionAlgorithm", .sequence, ctx)
        let alg = try AlgorithmIdentifier.decode(algNode, &ctx, path: ctx.path(path, "keyEncryptionAlgorithm"))
        let keyNode = try c.next("encryptedKey", .octetString, ctx)
        let key = try ctx.octets(keyNode, ctx.path(path, "encryptedKey"))
        try c.finish(ctx)
        return PasswordRecipientInfo(version: version, keyDerivationAlgorithm: kdf, keyEncryptionAlgorithm: alg, encryptedKey: key)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.context(3, constructed: true)) { (s: inout DERWriter) throws(EncodingError) in
            s.writeInteger(version)
            if let k = keyDerivationAlgorithm { try k.encode(&s, path: "\(path).keyDerivationAlgorithm", tag: Self.kdfTag) }
            try keyEncryptionAlgorithm.encode(&s, path: "\(path).keyEncryptionAlgorithm")
            s.writeOctetString(encryptedKey)
        }
    }
}
