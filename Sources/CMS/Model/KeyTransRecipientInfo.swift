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

    static func decode(_ n: ASN1Node, _ ctx: inout CMSDecodeContext, path: String) throws(DecodingError) -> KeyTransRecipientInfo {
        var c = try ElementCursor.sequence(n, path: path, specRef: specRef, what: "KeyTransRecipientInfo")
        let version = try ctx.smallInt(try c.next("version", .integer), c.fieldPath("version"))
        let ridNode = try c.next("rid")
        ctx.record(c.fieldPath("rid"), ridNode)
        let rid: RecipientIdentifier
        if ridNode.identifier.hasTag(of: skiTag) {
            rid = .subjectKeyIdentifier(try ctx.octets(ridNode, c.fieldPath("rid.subjectKeyIdentifier")))
        } else if ridNode.identifier.hasTag(of: .sequence) {
            try ctx.reader.requireConstructed(ridNode, path: c.fieldPath("rid"), "IssuerAndSerialNumber")
            rid = .issuerAndSerialNumber(encoded: Array(ridNode.encoded))
        } else {
            throw DecodingError(code: "cms.structure.unexpected-tag", offset: ridNode.offset, path: c.fieldPath("rid"), specRef: specRef,
                                message: "rid must be IssuerAndSerialNumber or [0] SubjectKeyIdentifier, found \(ridNode.identifier)")
        }
        let alg = try AlgorithmIdentifier.decode(try c.next("keyEncryptionAlgorithm", .sequence), &ctx, path: c.fieldPath("keyEncryptionAlgorithm"))
        let key = try ctx.octets(try c.next("encryptedKey", .octetString), c.fieldPath("encryptedKey"))
        try c.finish()
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
