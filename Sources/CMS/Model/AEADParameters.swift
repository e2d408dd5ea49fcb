import MediasecCore

/// The parameters of the AES-GCM and AES-CCM content-authenticated
/// encryption algorithms (RFC 5084 §3.2, §3.1), which share one shape:
///
/// ```asn1
/// GCMParameters ::= SEQUENCE {
///   aes-nonce        OCTET STRING, -- recommended size is 12 octets
///   aes-ICVlen       AES-GCM-ICVlen DEFAULT 12 }
///
/// AES-GCM-ICVlen ::= INTEGER (12 | 13 | 14 | 15 | 16)
///
/// CCMParameters ::= SEQUENCE {
///   aes-nonce         OCTET STRING (SIZE(7..13)),
///   aes-ICVlen        AES-CCM-ICVlen DEFAULT 12 }
///
/// AES-CCM-ICVlen ::= INTEGER (4 | 6 | 8 | 10 | 12 | 14 | 16)
/// ```
///
/// `icvLength` is nil when the component is absent (DER: the DEFAULT 12
/// must be omitted, X.690 §11.5). An explicit 12 is kept as `12`, so that it
/// re-encodes explicitly: OpenSSL 3.0 only decrypts that form (FACTS.md
/// §10, ambiguity 16). Value constraints (nonce size, ICVlen set) are
/// validation rules, not decoding errors.
public struct AEADParameters: Hashable, Sendable {
    public var nonce: [UInt8]
    public var icvLength: Int?

    public init(nonce: [UInt8], icvLength: Int? = nil) {
        self.nonce = nonce
        self.icvLength = icvLength
    }

    public static let defaultICVLength = 12
    static let specRef = "RFC 5084 §3"

    /// The ICV length in force (the DEFAULT when absent).
    public var effectiveICVLength: Int { icvLength ?? Self.defaultICVLength }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> AEADParameters {
        var c = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "GCMParameters/CCMParameters")
        let nonceNode = try c.next("nonce", .octetString, ctx)
        let nonce = try ctx.octets(nonceNode, ctx.path(path, "nonce"))
        var icv: Int? = nil
        if let i = c.optional(.integer, ctx) {
            let ip = ctx.path(path, "icvLen")
            let v = try ctx.smallInt(i, ip)
            if v == defaultICVLength {
                try ctx.deviation(.defaultValueEncoded, at: ctx.nodes[i].start, ip,
                                  "aes-ICVlen 12 equals its DEFAULT and must be omitted in DER (OpenSSL 3.0 requires it: FACTS.md §10, ambiguity 16)")
            }
            icv = v
        }
        try c.finish(ctx)
        return AEADParameters(nonce: nonce, icvLength: icv)
    }

    func encode(_ w: inout DERWriter) {
        w.writeConstructed(.sequence) { (s: inout DERWriter) in
            s.writeOctetString(nonce)
            if let icv = icvLength { s.writeInteger(icv) }
        }
    }

    /// The DER encoding of the SEQUENCE.
    public func encoded() -> [UInt8] {
        var w = DERWriter()
        encode(&w)
        return w.bytes
    }
}
