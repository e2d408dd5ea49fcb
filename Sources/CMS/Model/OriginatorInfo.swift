import MediasecCore

/// Originator certificates and CRLs (RFC 5652 §6.1), present only when the
/// key management algorithm needs them (RFC 5083 §2.1). None of the
/// recipient types this suite processes does, so the contents are kept as
/// their raw structure: each certificate / revocation entry is one complete
/// encoding.
///
/// ```asn1
/// OriginatorInfo ::= SEQUENCE {
///   certs [0] IMPLICIT CertificateSet OPTIONAL,
///   crls [1] IMPLICIT RevocationInfoChoices OPTIONAL }
///
/// CertificateSet ::= SET OF CertificateChoices
/// RevocationInfoChoices ::= SET OF RevocationInfoChoice
/// ```
public struct OriginatorInfo: Hashable, Sendable {
    public var certs: [[UInt8]]?
    public var crls: [[UInt8]]?

    public init(certs: [[UInt8]]? = nil, crls: [[UInt8]]? = nil) {
        self.certs = certs
        self.crls = crls
    }

    static let specRef = "RFC 5652 §6.1"

    /// Decodes the content of the `[0] IMPLICIT OriginatorInfo` element.
    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> OriginatorInfo {
        ctx.record(path, n)
        var c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "OriginatorInfo")
        func set(_ node: Int, _ field: StaticString, _ ctx: inout CMSDecodeContext) throws(DecodingError) -> [[UInt8]] {
            let p = ctx.path(path, field)
            try ctx.requireConstructed(node, p, field.description)
            ctx.record(p, node)
            try ctx.checkSetOfOrder(node, p)
            var out: [[UInt8]] = []
            var k = node + 1
            for _ in 0..<Int(ctx.nodes[node].childCount) {
                out.append(ctx.encoded(k))
                k = Int(ctx.nodes[k].next)
            }
            return out
        }
        var info = OriginatorInfo()
        if let certs = c.optional(.context(0, constructed: true), ctx) { info.certs = try set(certs, "certs", &ctx) }
        if let crls = c.optional(.context(1, constructed: true), ctx) { info.crls = try set(crls, "crls", &ctx) }
        try c.finish(ctx)
        return info
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.context(0, constructed: true)) { (s: inout DERWriter) throws(EncodingError) in
            for (tag, field, items) in [(UInt32(0), "certs", certs), (1, "crls", crls)] {
                guard let items else { continue }
                try s.writeConstructed(.context(tag, constructed: true)) { (x: inout DERWriter) throws(EncodingError) in
                    for (i, raw) in items.enumerated() {
                        try CMSEncoding.checkSingleElement(raw, path: "\(path).\(field)[\(i)]")
                        x.writeRaw(raw)
                    }
                }
            }
        }
    }
}
