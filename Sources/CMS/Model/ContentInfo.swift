import MediasecCore

/// The outer CMS wrapper (RFC 5652 §3):
///
/// ```asn1
/// ContentInfo ::= SEQUENCE {
///   contentType ContentType,
///   content [0] EXPLICIT ANY DEFINED BY contentType }
///
/// ContentType ::= OBJECT IDENTIFIER
/// ```
///
/// Content of type id-ct-authEnvelopedData is decoded; any other content is
/// kept as its encoding.
///
/// Round-trip laws (as for MIKEY): for every input accepted under
/// ``EncodingRules/der``, ``encoded()`` reproduces it byte for byte; for
/// every model value that encodes, decoding the output (under
/// ``EncodingRules/ber``, or ``EncodingRules/der`` when the value's raw
/// elements are DER, its SET OFs sorted and ICVlen 12 omitted) gives the
/// value back.
public struct ContentInfo: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case authEnvelopedData(AuthEnvelopedData)
        /// Another content type; the complete encoding inside `[0]`.
        case other(contentType: String, encoded: [UInt8])
    }

    public var content: Content

    public init(_ content: Content) { self.content = content }

    public init(authEnvelopedData: AuthEnvelopedData) { self.content = .authEnvelopedData(authEnvelopedData) }

    /// Decodes a complete ContentInfo (``CMSDecoder`` with `rules`).
    public init(decoding bytes: [UInt8], rules: EncodingRules = .der, codePoints: CMSCodePoints = .default) throws(DecodingError) {
        self = try CMSDecoder(rules: rules, codePoints: codePoints).decode(bytes).contentInfo
    }

    public var contentType: String {
        switch content {
        case .authEnvelopedData: return CMSOID.authEnvelopedData
        case .other(let t, _): return t
        }
    }

    public var authEnvelopedData: AuthEnvelopedData? {
        if case .authEnvelopedData(let a) = content { return a }
        return nil
    }

    static let specRef = "RFC 5652 §3"
    static let contentTag = ASN1Identifier.context(0, constructed: true)

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext) throws(DecodingError) -> ContentInfo {
        var c = try ElementCursor.sequence(n, ctx, path: .root, specRef: specRef, what: "ContentInfo")
        let typeNode = try c.next("contentType", .objectIdentifier, ctx)
        let type = try ctx.oid(typeNode, ctx.path(.root, "contentType"))
        let wrapper = try c.next("content", contentTag, ctx)
        let inner = try KeyAgreeRecipientInfo.explicitInner(wrapper, path: ctx.path(.root, "content"), &ctx)
        try c.finish(ctx)
        if type == CMSOID.authEnvelopedData {
            return ContentInfo(authEnvelopedData: try AuthEnvelopedData.decode(inner, &ctx, path: ctx.path(.root, "authEnvelopedData")))
        }
        return ContentInfo(.other(contentType: type, encoded: ctx.encoded(inner)))
    }

    /// The DER encoding.
    public func encoded() throws(EncodingError) -> [UInt8] {
        var w = DERWriter()
        try w.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            try s.writeOID(contentType)
            try s.writeConstructed(Self.contentTag) { (x: inout DERWriter) throws(EncodingError) in
                switch content {
                case .authEnvelopedData(let a):
                    try a.encode(&x, path: "authEnvelopedData")
                case .other(let t, let raw):
                    guard t != CMSOID.authEnvelopedData else {
                        throw EncodingError(code: "cms.encode.content-type", path: "contentType", message: "use .authEnvelopedData for id-ct-authEnvelopedData")
                    }
                    try CMSEncoding.checkSingleElement(raw, path: "content")
                    x.writeRaw(raw)
                }
            }
        }
        return w.bytes
    }
}
