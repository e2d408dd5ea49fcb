import MediasecCore

/// Key transport to a recipient's public key (RFC 5652 §6.2.1). Decoded
/// structurally; this suite does not open it (no private keys).
///
/// ```asn1
/// KeyTransRecipientInfo ::= SEQUENCE {
///   version CMSVersion,  -- always set to 0 or 2
///   rid RecipientIdentifier,
///   keyEncryptionAlgorithm KeyEncryptionAlgorithmIdentifier,
///   encryptedKey EncryptedKey }
///
/// RecipientIdentifier ::= CHOICE {
///   issuerAndSerialNumber IssuerAndSerialNumber,
///   subjectKeyIdentifier [0] SubjectKeyIdentifier }
/// ```
public struct KeyTransRecipientInfo: Hashable, Sendable {
    public enum RecipientIdentifier: Hashable, Sendable {
        /// The complete IssuerAndSerialNumber SEQUENCE.
        case issuerAndSerialNumber(encoded: [UInt8])
        case subjectKeyIdentifier([UInt8])
    }

    public var version: Int
    public var rid: RecipientIdentifier
    public var keyEncryptionAlgorithm: AlgorithmIdentifier
    public var encryptedKey: [UInt8]

    public init(version: Int, rid: RecipientIdentifier, keyEncryptionAlgorithm: AlgorithmIdentifier, encryptedKey: [UInt8]) {
        self.version = version
        self.rid = rid
        self.keyEncryptionAlgorithm = keyEncryptionAlgorithm
        self.encryptedKey = encryptedKey
    }

    static let specRef = "RFC 5652 §6.2.1"
    static let skiTag = ASN1Identifier.context(0, constructed: false)

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> KeyTransRecipientInfo {
        var c = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "KeyTransRecipientInfo")
        let versionNode = try c.next("version", .integer, ctx)
        let version = try ctx.smallInt(versionNode, ctx.path(path, "version"))
        let ridNode = try c.next("rid", ctx)
        let ridPath = ctx.path(path, "rid")
        ctx.record(ridPath, ridNode)
        let rid: RecipientIdentifier
        let r = ctx.nodes[ridNode]
        if r.hasTag(of: skiTag) {
            rid = .subjectKeyIdentifier(try ctx.octets(ridNode, ctx.path(path, "rid.subjectKeyIdentifier")))
        } else if r.hasTag(of: .sequence) {
            try ctx.requireConstructed(ridNode, ridPath, "IssuerAndSerialNumber")
            rid = .issuerAndSerialNumber(encoded: ctx.encoded(ridNode))
        } else {
            throw DecodingError(code: "cms.structure.unexpected-tag", offset: r.start, path: ctx.render(ridPath), specRef: specRef,
                                message: "rid must be IssuerAndSerialNumber or [0] SubjectKeyIdentifier, found \(r.identifier)")
        }
        let algNode = try c.next("keyEncryptionAlgorithm", .sequence, ctx)
        let alg = try AlgorithmIdentifier.decode(algNode, &ctx, path: ctx.path(path, "keyEncryptionAlgorithm"))
        let keyNode = try c.next("encryptedKey", .octetString, ctx)
        let key = try ctx.octets(keyNode, ctx.path(path, "encryptedKey"))
        try c.finish(ctx)
        return KeyTransRecipientInfo(version: version, rid: rid, keyEncryptionAlgorithm: alg, encryptedKey: key)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            s.writeInteger(version)
            switch rid {
            case .issuerAndSerialNumber(let raw):
                guard raw.first == 0x30 else {
                    throw EncodingError(code: "cms.encode.raw-element", path: "\(path).rid", message: "IssuerAndSerialNumber must be a SEQUENCE")
                }
                try CMSEncoding.checkSingleElement(raw, path: "\(path).rid")
                s.writeRaw(raw)
            case .subjectKeyIdentifier(let ski):
                s.writeOctetString(ski, tag: Self.skiTag)
            }
            try keyEncryptionAlgorithm.encode(&s, path: "\(path).keyEncryptionAlgorithm")
            s.writeOctetString(encryptedKey)
        }
    }
}
