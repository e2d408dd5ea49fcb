import MediasecCore

/// An algorithm and its parameters (RFC 5652 §10.1, X.509):
///
/// ```asn1
/// AlgorithmIdentifier ::= SEQUENCE {
///   algorithm   OBJECT IDENTIFIER,
///   parameters  ANY DEFINED BY algorithm OPTIONAL }
/// ```
///
/// Parameters of the AEAD OIDs (RFC 5084) are typed when they are a
/// SEQUENCE; every other parameter value is kept as its received encoding,
/// so that it re-encodes unchanged and the validator can say what it was
/// (NULL, an IV of a CBC OID, …).
public struct AlgorithmIdentifier: Hashable, Sendable {
    public enum Parameters: Hashable, Sendable {
        case absent
        case aead(AEADParameters)
        /// A complete encoding (identifier, length, content).
        case encoded([UInt8])
    }

    public var algorithm: String
    public var parameters: Parameters

    public init(algorithm: String, parameters: Parameters = .absent) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    /// An AES-GCM / AES-CCM identifier with its parameters.
    public static func aead(_ a: AuthEncryptionAlgorithm, _ p: AEADParameters) -> AlgorithmIdentifier {
        AlgorithmIdentifier(algorithm: a.oid, parameters: .aead(p))
    }

    static let specRef = "RFC 5652 §10.1"

    public var aeadParameters: AEADParameters? {
        if case .aead(let p) = parameters { return p }
        return nil
    }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> AlgorithmIdentifier {
        _ = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "AlgorithmIdentifier")
        return try decodeContent(n, &ctx, path: path)
    }

    /// Decodes the components under any tag (`[0] IMPLICIT` in pwri).
    static func decodeContent(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> AlgorithmIdentifier {
        ctx.record(path, n)
        var c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "AlgorithmIdentifier")
        let oidNode = try c.next("algorithm", .objectIdentifier, ctx)
        let oid = try ctx.oid(oidNode, ctx.path(path, "algorithm"))
        var params = Parameters.absent
        if let p = c.peek() {
            _ = try c.next("parameters", ctx)
            let pp = ctx.path(path, "parameters")
            ctx.record(pp, p)
            if ctx.nodes[p].hasTag(of: .sequence), AuthEncryptionAlgorithm(oid: oid) != nil {
                params = .aead(try AEADParameters.decode(p, &ctx, path: pp))
            } else {
                params = .encoded(ctx.encoded(p))
            }
        }
        try c.finish(ctx)
        return AlgorithmIdentifier(algorithm: oid, parameters: params)
    }

    func encode(_ w: inout DERWriter, path: String, tag: ASN1Identifier = .sequence) throws(EncodingError) {
        try w.writeConstructed(tag) { (s: inout DERWriter) throws(EncodingError) in
            try s.writeOID(algorithm)
            switch parameters {
            case .absent: break
            case .aead(let p): p.encode(&s)
            case .encoded(let raw):
                if AuthEncryptionAlgorithm(oid: algorithm) != nil, raw.first == 0x30 {
                    throw EncodingError(code: "cms.encode.aead-params-untyped", path: "\(path).parameters",
                                        message: "parameters of \(algorithm) that are a SEQUENCE must be given as .aead")
                }
                try CMSEncoding.checkSingleElement(raw, path: "\(path).parameters")
                s.writeRaw(raw)
            }
        }
    }
}
