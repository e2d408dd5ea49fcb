import MediasecCore

/// The encrypted content and how it was encrypted (RFC 5652 §6.1; RFC 5083
/// §2.1 reuses it as `authEncryptedContentInfo`):
///
/// ```asn1
/// EncryptedContentInfo ::= SEQUENCE {
///   contentType ContentType,
///   contentEncryptionAlgorithm ContentEncryptionAlgorithmIdentifier,
///   encryptedContent [0] IMPLICIT EncryptedContent OPTIONAL }
///
/// EncryptedContent ::= OCTET STRING
/// ContentType ::= OBJECT IDENTIFIER
/// ```
///
/// A BER-segmented `encryptedContent` (constructed `[0]`, as OpenSSL's
/// streaming output uses) is reassembled.
public struct EncryptedContentInfo: Hashable, Sendable {
    public var contentType: String
    public var contentEncryptionAlgorithm: AlgorithmIdentifier
    /// Absent when the content is detached (RFC 5652 §6.1).
    public var encryptedContent: [UInt8]?

    public init(contentType: String = CMSOID.data, contentEncryptionAlgorithm: AlgorithmIdentifier, encryptedContent: [UInt8]?) {
        self.contentType = contentType
        self.contentEncryptionAlgorithm = contentEncryptionAlgorithm
        self.encryptedContent = encryptedContent
    }

    static let specRef = "RFC 5652 §6.1"
    static let encryptedContentTag = ASN1Identifier.context(0, constructed: false)

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> EncryptedContentInfo {
        ctx.record(path, n)
        var c = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "EncryptedContentInfo")
        let typeNode = try c.next("contentType", .objectIdentifier, ctx)
        let type = try ctx.oid(typeNode, ctx.path(path, "contentType"))
        let algNode = try c.next("contentEncryptionAlgorithm", .sequence, ctx)
        let ap = ctx.path(path, "contentEncryptionAlgorithm")
        ctx.record(ap, algNode)
        let alg = try AlgorithmIdentifier.decode(algNode, &ctx, path: ap)
        var content: [UInt8]? = nil
        if let e = c.optional(encryptedContentTag, ctx) {
            content = try ctx.octets(e, ctx.path(path, "encryptedContent"))
        }
        try c.finish(ctx)
        return EncryptedContentInfo(contentType: type, contentEncryptionAlgorithm: alg, encryptedContent: content)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            try s.writeOID(contentType)
            try contentEncryptionAlgorithm.encode(&s, path: "\(path).contentEncryptionAlgorithm")
            if let e = encryptedContent { s.writeOctetString(e, tag: Self.encryptedContentTag) }
        }
    }
}
