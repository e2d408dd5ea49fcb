import MediasecCore

/// One attribute of authAttrs / unauthAttrs (RFC 5652 §5.3, §9.1):
///
/// ```asn1
/// Attribute ::= SEQUENCE {
///   attrType OBJECT IDENTIFIER,
///   attrValues SET OF AttributeValue }
///
/// AttributeValue ::= ANY
///
/// AuthAttributes ::= SET SIZE (1..MAX) OF Attribute
/// UnauthAttributes ::= SET SIZE (1..MAX) OF Attribute
/// ```
///
/// Values are kept as their complete encodings, in the received order.
public struct Attribute: Hashable, Sendable {
    public var attrType: String
    public var attrValues: [[UInt8]]

    public init(attrType: String, attrValues: [[UInt8]]) {
        self.attrType = attrType
        self.attrValues = attrValues
    }

    static let specRef = "RFC 5652 §5.3"

    /// The content-type attribute (RFC 5652 §11.1) naming `contentType`.
    public static func contentType(_ contentType: String) throws(EncodingError) -> Attribute {
        var w = DERWriter()
        try w.writeOID(contentType)
        return Attribute(attrType: CMSOID.contentTypeAttribute, attrValues: [w.bytes])
    }

    /// When every value is an OBJECT IDENTIFIER: their dotted strings.
    public var oidValues: [String]? {
        var out: [String] = []
        for v in attrValues {
            var r = ASN1Reader(rules: .ber)
            guard let n = try? r.parse(v), n.identifier == .objectIdentifier, let s = try? r.decodeOID(n, path: "") else { return nil }
            out.append(s)
        }
        return out
    }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> Attribute {
        ctx.record(path, n)
        var c = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "Attribute")
        let typeNode = try c.next("attrType", .objectIdentifier, ctx)
        let type = try ctx.oid(typeNode, ctx.path(path, "attrType"))
        let set = try c.next("attrValues", .set, ctx)
        let setPath = ctx.path(path, "attrValues")
        try ctx.requireConstructed(set, setPath, "attrValues SET OF")
        ctx.record(setPath, set)
        try ctx.checkSetOfOrder(set, setPath)
        // AttributeValue is ANY: read its universal values so that the
        // value-level DER rules apply inside it too (authAttrs MUST be DER).
        let count = Int(ctx.nodes[set].childCount)
        var values: [[UInt8]] = []
        values.reserveCapacity(count)
        var v = set + 1
        for i in 0..<count {
            try ctx.checkValueForms(v, ctx.path(setPath, index: i))
            values.append(ctx.encoded(v))
            v = Int(ctx.nodes[v].next)
        }
        try c.finish(ctx)
        return Attribute(attrType: type, attrValues: values)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            try s.writeOID(attrType)
            try s.writeConstructed(.set) { (v: inout DERWriter) throws(EncodingError) in
                for (i, raw) in attrValues.enumerated() {
                    try CMSEncoding.checkSingleElement(raw, path: "\(path).attrValues[\(i)]")
                    v.writeRaw(raw)
                }
            }
        }
    }

    /// The attribute with its values in DER SET OF order.
    public var sorted: Attribute { Attribute(attrType: attrType, attrValues: DERWriter.sortedSetOf(attrValues)) }

    // MARK: attribute sets

    /// Decodes `SET SIZE (1..MAX) OF Attribute` carried under any tag (the
    /// IMPLICIT [1] / [2] of AuthEnvelopedData). An empty set decodes (the
    /// SIZE constraint is a validation rule).
    static func decodeSet(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> [Attribute] {
        try ctx.requireConstructed(n, path, "SET OF Attribute")
        ctx.record(path, n)
        try ctx.checkSetOfOrder(n, path)
        let count = Int(ctx.nodes[n].childCount)
        var out: [Attribute] = []
        out.reserveCapacity(count)
        var a = n + 1
        for i in 0..<count {
            let next = Int(ctx.nodes[a].next)
            out.append(try decode(a, &ctx, path: ctx.path(path, index: i)))
            a = next
        }
        return out
    }

    /// The content octets of a SET OF Attribute (elements in the given order).
    static func encodeSetContent(_ attrs: [Attribute], path: String) throws(EncodingError) -> [UInt8] {
        var w = DERWriter()
        for (i, a) in attrs.enumerated() { try a.encode(&w, path: "\(path)[\(i)]") }
        return w.bytes
    }

    /// `attrs` with each value set and the attribute set in DER order.
    public static func derSorted(_ attrs: [Attribute]) throws(EncodingError) -> [Attribute] {
        let sortedAttrs = attrs.map(\.sorted)
        var keyed: [([UInt8], Attribute)] = []
        for (i, a) in sortedAttrs.enumerated() {
            var w = DERWriter()
            try a.encode(&w, path: "attrs[\(i)]")
            keyed.append((w.bytes, a))
        }
        keyed.sort { ASN1Reader.setOfOrdered($0.0, $1.0) && $0.0 != $1.0 }
        return keyed.map(\.1)
    }
}
