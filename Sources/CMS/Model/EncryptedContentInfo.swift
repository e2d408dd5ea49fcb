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

    static func decode(_ n: ASN1Node, _ ctx: inout CMSDecodeContext, path: String) throws(DecodingError) -> EncryptedContentInfo {
        ctx.record(path, n)
        var c = try ElementCursor.sequence(n, path: path, specRef: specRef, what: "EncryptedContentInfo")
        let type = try ctx.oid(try c.next("contentType", .objectIdentifier), c.fieldPath("contentType"))
        let algNode = try c.next("contentEncryptionAlgorithm", .sequence)
        ctx.record(c.fieldPath("contentEncryptionAlgorithm"), algNode)
        let alg = try AlgorithmIdentifier.decode(algNode, &ctx, path: c.fieldPath("contentEncryptionAlgorithm"))
        var content: [UInt8]? = nil
        if let e = c.optional(encryptedContentTag) {
            content = try ctx.octets(e, c.fieldPath("encryptedContent"))
        }
        try c.finish()
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
