import MediasecCore

/// Key agreement (RFC 5652 §6.2.2). Decoded structurally; the originator
/// key and the recipient identifiers are kept as their encodings.
///
/// ```asn1
/// KeyAgreeRecipientInfo ::= SEQUENCE {
///   version CMSVersion,  -- always set to 3
///   originator [0] EXPLICIT OriginatorIdentifierOrKey,
///   ukm [1] EXPLICIT UserKeyingMaterial OPTIONAL,
///   keyEncryptionAlgorithm KeyEncryptionAlgorithmIdentifier,
///   recipientEncryptedKeys RecipientEncryptedKeys }
///
/// RecipientEncryptedKeys ::= SEQUENCE OF RecipientEncryptedKey
///
/// RecipientEncryptedKey ::= SEQUENCE {
///   rid KeyAgreeRecipientIdentifier,
///   encryptedKey EncryptedKey }
/// ```
public struct KeyAgreeRecipientInfo: Hashable, Sendable {
    public struct RecipientEncryptedKey: Hashable, Sendable {
        /// The complete KeyAgreeRecipientIdentifier (CHOICE) encoding.
        public var rid: [UInt8]
        public var encryptedKey: [UInt8]

        public init(rid: [UInt8], encryptedKey: [UInt8]) {
            self.rid = rid
            self.encryptedKey = encryptedKey
        }
    }

    public var version: Int
    /// The complete OriginatorIdentifierOrKey (CHOICE) encoding inside `[0]`.
    public var originator: [UInt8]
    public var ukm: [UInt8]?
    public var keyEncryptionAlgorithm: AlgorithmIdentifier
    public var recipientEncryptedKeys: [RecipientEncryptedKey]

    public init(version: Int, originator: [UInt8], ukm: [UInt8]? = nil, keyEncryptionAlgorithm: AlgorithmIdentifier, recipientEncryptedKeys: [RecipientEncryptedKey]) {
        self.version = version
        self.originator = originator
        self.ukm = ukm
        self.keyEncryptionAlgorithm = keyEncryptionAlgorithm
        self.recipientEncryptedKeys = recipientEncryptedKeys
    }

    static let specRef = "RFC 5652 §6.2.2"

    /// The single component of an EXPLICIT tag.
    static func explicitInner(_ n: ASN1Node, path: String, _ ctx: inout CMSDecodeContext) throws(DecodingError) -> ASN1Node {
        let c = try ElementCursor(n, path: path, specRef: specRef, what: "EXPLICIT \(n.identifier)")
        guard c.children.count == 1 else {
            throw DecodingError(code: "cms.structure.explicit-count", offset: n.offset, path: path, specRef: specRef,
                                message: "an EXPLICIT tag must hold exactly one element, found \(c.children.count)")
        }
        ctx.record(path, n)
        return c.children[0]
    }

    static func decode(_ n: ASN1Node, _ ctx: inout CMSDecodeContext, path: String) throws(DecodingError) -> KeyAgreeRecipientInfo {
        var c = try ElementCursor(n, path: path, specRef: specRef, what: "KeyAgreeRecipientInfo")
        let version = try ctx.smallInt(try c.next("version", .integer), c.fieldPath("version"))
        let orig = try explicitInner(try c.next("originator", .context(0, constructed: true)), path: c.fieldPath("originator"), &ctx)
        var ukm: [UInt8]? = nil
        if let u = c.optional(.context(1, constructed: true)) {
            let inner = try explicitInner(u, path: c.fieldPath("ukm"), &ctx)
            guard inner.identifier.hasTag(of: .octetString) else {
                throw DecodingError(code: "cms.structure.unexpected-tag", offset: inner.offset, path: c.fieldPath("ukm"), specRef: specRef,
                                    message: "UserKeyingMaterial must be an OCTET STRING, found \(inner.identifier)")
            }
            ukm = try ctx.octets(inner, c.fieldPath("ukm"))
        }
        let alg = try AlgorithmIdentifier.decode(try c.next("keyEncryptionAlgorithm", .sequence), &ctx, path: c.fieldPath("keyEncryptionAlgorithm"))
        let keysNode = try c.next("recipientEncryptedKeys", .sequence)
        var kc = try ElementCursor(keysNode, path: c.fieldPath("recipientEncryptedKeys"), specRef: specRef, what: "RecipientEncryptedKeys")
        var keys: [RecipientEncryptedKey] = []
        while let k = kc.peek() {
            _ = try kc.next("[\(keys.count)]")
            let kp = "\(kc.path)[\(keys.count)]"
            var e = try ElementCursor.sequence(k, path: kp, specRef: specRef, what: "RecipientEncryptedKey")
            let rid = try e.next("rid")
            let ek = try ctx.octets(try e.next("encryptedKey", .octetString), e.fieldPath("encryptedKey"))
            try e.finish()
            keys.append(RecipientEncryptedKey(rid: Array(rid.encoded), encryptedKey: ek))
        }
        try c.finish()
        return KeyAgreeRecipientInfo(version: version, originator: Array(orig.encoded), ukm: ukm, keyEncryptionAlgorithm: alg, recipientEncryptedKeys: keys)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.context(1, constructed: true)) { (s: inout DERWriter) throws(EncodingError) in
            s.writeInteger(version)
            try CMSEncoding.checkSingleElement(originator, path: "\(path).originator")
            s.writeConstructed(.context(0, constructed: true)) { (o: inout DERWriter) in o.writeRaw(originator) }
            if let u = ukm {
                s.writeConstructed(.context(1, constructed: true)) { (o: inout DERWriter) in o.writeOctetString(u) }
            }
            try keyEncryptionAlgorithm.encode(&s, path: "\(path).keyEncryptionAlgorithm")
            try s.writeConstructed(.sequence) { (ks: inout DERWriter) throws(EncodingError) in
                for (i, k) in recipientEncryptedKeys.enumerated() {
                    try CMSEncoding.checkSingleElement(k.rid, path: "\(path).recipientEncryptedKeys[\(i)].rid")
                    ks.writeConstructed(.sequence) { (e: inout DERWriter) in
                        e.writeRaw(k.rid)
                        e.writeOctetString(k.encryptedKey)
                    }
                }
            }
        }
    }
}
