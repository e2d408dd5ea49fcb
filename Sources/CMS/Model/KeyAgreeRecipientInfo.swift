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
    static func explicitInner(_ n: Int, path: FieldPath, _ ctx: inout CMSDecodeContext) throws(DecodingError) -> Int {
        let c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "EXPLICIT \(ctx.nodes[n].identifier)")
        guard c.count == 1 else {
            throw DecodingError(code: "cms.structure.explicit-count", offset: ctx.nodes[n].start, path: ctx.render(path), specRef: specRef,
                                message: "an EXPLICIT tag must hold exactly one element, found \(c.count)")
        }
        ctx.record(path, n)
        return n + 1
    }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> KeyAgreeRecipientInfo {
        var c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "KeyAgreeRecipientInfo")
        let versionNode = try c.next("version", .integer, ctx)
        let version = try ctx.smallInt(versionNode, ctx.path(path, "version"))
        let origNode = try c.next("originator", .context(0, constructed: true), ctx)
        let orig = try explicitInner(origNode, path: ctx.path(path, "originator"), &ctx)
        var ukm: [UInt8]? = nil
        if let u = c.optional(.context(1, constructed: true), ctx) {
            let up = ctx.path(path, "ukm")
            let inner = try explicitInner(u, path: up, &ctx)
            guard ctx.nodes[inner].hasTag(of: .octetString) else {
                throw DecodingError(code: "cms.structure.unexpected-tag", offset: ctx.nodes[inner].start, path: ctx.render(up), specRef: specRef,
                                    message: "UserKeyingMaterial must be an OCTET STRING, found \(ctx.nodes[inner].identifier)")
            }
            ukm = try ctx.octets(inner, up)
        }
        let algNode = try c.next("keyEncryptionAlgorithm", .sequence, ctx)
        let alg = try AlgorithmIdentifier.decode(algNode, &ctx, path: ctx.path(path, "keyEncryptionAlgorithm"))
        let keysNode = try c.next("recipientEncryptedKeys", .sequence, ctx)
        let keysPath = ctx.path(path, "recipientEncryptedKeys")
        var kc = try ElementCursor(keysNode, ctx, path: keysPath, specRef: specRef, what: "RecipientEncryptedKeys")
        var keys: [RecipientEncryptedKey] = []
        while let k = kc.peek() {
            _ = try kc.next("[\(keys.count)]", ctx)
            let kp = ctx.path(keysPath, index: keys.count)
            var e = try ElementCursor.sequence(k, ctx, path: kp, specRef: specRef, what: "RecipientEncryptedKey")
            let rid = try e.next("rid", ctx)
            let ekNode = try e.next("encryptedKey", .octetString, ctx)
            let ek = try ctx.octets(ekNode, ctx.path(kp, "encryptedKey"))
            try e.finish(ctx)
            keys.append(RecipientEncryptedKey(rid: ctx.encoded(rid), encryptedKey: ek))
        }
        try c.finish(ctx)
        return KeyAgreeRecipientInfo(version: version, originator: ctx.encoded(orig), ukm: ukm, keyEncryptionAlgorithm: alg, recipientEncryptedKeys: keys)
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
