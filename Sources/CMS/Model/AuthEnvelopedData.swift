import MediasecCore

/// Authenticated-enveloped data (RFC 5083 §2.1):
///
/// ```asn1
/// id-ct-authEnvelopedData OBJECT IDENTIFIER ::= { iso(1)
///     member-body(2) us(840) rsadsi(113549) pkcs(1) pkcs-9(9)
///     smime(16) ct(1) 23 }
///
/// AuthEnvelopedData ::= SEQUENCE {
///   version CMSVersion,
///   originatorInfo [0] IMPLICIT OriginatorInfo OPTIONAL,
///   recipientInfos RecipientInfos,
///   authEncryptedContentInfo EncryptedContentInfo,
///   authAttrs [1] IMPLICIT AuthAttributes OPTIONAL,
///   mac MessageAuthenticationCode,
///   unauthAttrs [2] IMPLICIT UnauthAttributes OPTIONAL }
///
/// AuthAttributes ::= SET SIZE (1..MAX) OF Attribute
/// UnauthAttributes ::= SET SIZE (1..MAX) OF Attribute
/// MessageAuthenticationCode ::= OCTET STRING
/// ```
///
/// The model holds no lengths and no DER/BER choices; ``encoded()`` writes
/// DER (plus whatever raw elements the model keeps). Value rules —
/// `version` MUST be 0, at least one recipient, authAttrs present when the
/// content type is not id-data, `mac` as long as ICVlen — are validation
/// findings (``CMSValidator``), so that a non-conforming value can still be
/// decoded, reported and built. Two tag confusions are decoding errors,
/// because the element cannot be read as authAttrs at all:
/// `cms.authattrs.universal-tag` (a universal SET instead of `[1]`) and
/// `cms.authattrs.explicit-tag` (`[1]` wrapped around a SET, i.e. EXPLICIT).
public struct AuthEnvelopedData: Hashable, Sendable {
    public var version: Int
    public var originatorInfo: OriginatorInfo?
    public var recipientInfos: [RecipientInfo]
    public var authEncryptedContentInfo: EncryptedContentInfo
    public var authAttrs: [Attribute]?
    public var mac: [UInt8]
    public var unauthAttrs: [Attribute]?

    public init(
        version: Int = 0, originatorInfo: OriginatorInfo? = nil, recipientInfos: [RecipientInfo],
        authEncryptedContentInfo: EncryptedContentInfo, authAttrs: [Attribute]? = nil, mac: [UInt8], unauthAttrs: [Attribute]? = nil
    ) {
        self.version = version
        self.originatorInfo = originatorInfo
        self.recipientInfos = recipientInfos
        self.authEncryptedContentInfo = authEncryptedContentInfo
        self.authAttrs = authAttrs
        self.mac = mac
        self.unauthAttrs = unauthAttrs
    }

    static let specRef = "RFC 5083 §2.1"
    public static let authAttrsTag = ASN1Identifier.context(1, constructed: true)
    public static let unauthAttrsTag = ASN1Identifier.context(2, constructed: true)

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> AuthEnvelopedData {
        ctx.record(path, n)
        var c = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "AuthEnvelopedData")
        let versionNode = try c.next("version", .integer, ctx)
        let version = try ctx.smallInt(versionNode, ctx.path(path, "version"))
        var originator: OriginatorInfo? = nil
        if let o = c.optional(.context(0, constructed: true), ctx) {
            originator = try OriginatorInfo.decode(o, &ctx, path: ctx.path(path, "originatorInfo"))
        }
        let ri = try c.next("recipientInfos", .set, ctx)
        let rp = ctx.path(path, "recipientInfos")
        try ctx.requireConstructed(ri, rp, "RecipientInfos SET")
        ctx.record(rp, ri)
        try ctx.checkSetOfOrder(ri, rp)
        var recipients: [RecipientInfo] = []
        let count = Int(ctx.nodes[ri].childCount)
        recipients.reserveCapacity(count)
        var r = ri + 1
        for i in 0..<count {
            let next = Int(ctx.nodes[r].next)
            recipients.append(try RecipientInfo.decode(r, &ctx, path: ctx.path(rp, index: i)))
            r = next
        }
        let eciNode = try c.next("authEncryptedContentInfo", .sequence, ctx)
        let eci = try EncryptedContentInfo.decode(eciNode, &ctx, path: ctx.path(path, "authEncryptedContentInfo"))

        var authAttrs: [Attribute]? = nil
        if let p = c.peek(), ctx.nodes[p].hasTag(of: .set), c.count > c.index + 1 {
            throw DecodingError(code: "cms.authattrs.universal-tag", offset: ctx.nodes[p].start, path: ctx.paths.render(path, "authAttrs"), specRef: "RFC 5083 §2.1",
                                message: "authAttrs encoded with the universal SET tag (0x31) instead of [1] IMPLICIT (0xA1); 0x31 belongs only in the AAD (RFC 5083 §2.2)")
        }
        if let a = c.optional(Self.authAttrsTag, ctx) {
            let e = ctx.nodes[a]
            if e.isConstructed, e.childCount == 1, ctx.nodes[a + 1].hasTag(of: .set) {
                throw DecodingError(code: "cms.authattrs.explicit-tag", offset: e.start, path: ctx.paths.render(path, "authAttrs"), specRef: "RFC 5083 §2.1",
                                    message: "authAttrs is [1] wrapped around a SET (EXPLICIT tagging); the module uses IMPLICIT tags")
            }
            authAttrs = try Attribute.decodeSet(a, &ctx, path: ctx.path(path, "authAttrs"))
            ctx.authAttrsRange = e.range
        }
        let macNode = try c.next("mac", .octetString, ctx)
        let mac = try ctx.octets(macNode, ctx.path(path, "mac"))
        var unauth: [Attribute]? = nil
        if let u = c.optional(Self.unauthAttrsTag, ctx) {
            unauth = try Attribute.decodeSet(u, &ctx, path: ctx.path(path, "unauthAttrs"))
        }
        try c.finish(ctx)
        return AuthEnvelopedData(version: version, originatorInfo: originator, recipientInfos: recipients, authEncryptedContentInfo: eci,
                                 authAttrs: authAttrs, mac: mac, unauthAttrs: unauth)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            s.writeInteger(version)
            if let o = originatorInfo { try o.encode(&s, path: "\(path).originatorInfo") }
            try s.writeConstructed(.set) { (r: inout DERWriter) throws(EncodingError) in
                for (i, ri) in recipientInfos.enumerated() { try ri.encode(&r, path: "\(path).recipientInfos[\(i)]") }
            }
            try authEncryptedContentInfo.encode(&s, path: "\(path).authEncryptedContentInfo")
            if let a = authAttrs {
                s.writeTLV(Self.authAttrsTag, content: try Attribute.encodeSetContent(a, path: "\(path).authAttrs"))
            }
            s.writeOctetString(mac)
            if let u = unauthAttrs {
                s.writeTLV(Self.unauthAttrsTag, content: try Attribute.encodeSetContent(u, path: "\(path).unauthAttrs"))
            }
        }
    }

    /// The DER encoding of the AuthEnvelopedData SEQUENCE (without ContentInfo).
    public func encoded() throws(EncodingError) -> [UInt8] {
        var w = DERWriter()
        try encode(&w, path: "authEnvelopedData")
        return w.bytes
    }

    /// The content type carried inside (`authEncryptedContentInfo.contentType`).
    public var innerContentType: String { authEncryptedContentInfo.contentType }

    /// The content-authenticated encryption algorithm, when it is an AEAD OID.
    public var algorithm: AuthEncryptionAlgorithm? { AuthEncryptionAlgorithm(oid: authEncryptedContentInfo.contentEncryptionAlgorithm.algorithm) }
}
