import MediasecCore

/// Names a previously distributed key-encryption key (RFC 5652 §6.2.3,
/// §10.2.7):
///
/// ```asn1
/// KEKIdentifier ::= SEQUENCE {
///   keyIdentifier OCTET STRING,
///   date GeneralizedTime OPTIONAL,
///   other OtherKeyAttribute OPTIONAL }
///
/// OtherKeyAttribute ::= SEQUENCE {
///   keyAttrId OBJECT IDENTIFIER,
///   keyAttr ANY DEFINED BY keyAttrId OPTIONAL }
/// ```
///
/// `date` is kept as the GeneralizedTime characters (e.g. `20240101120000Z`).
public struct KEKIdentifier: Hashable, Sendable {
    public struct OtherKeyAttribute: Hashable, Sendable {
        public var keyAttrId: String
        /// The complete encoding of keyAttr, when present.
        public var keyAttr: [UInt8]?

        public init(keyAttrId: String, keyAttr: [UInt8]? = nil) {
            self.keyAttrId = keyAttrId
            self.keyAttr = keyAttr
        }
    }

    public var keyIdentifier: [UInt8]
    public var date: String?
    public var other: OtherKeyAttribute?

    public init(keyIdentifier: [UInt8], date: String? = nil, other: OtherKeyAttribute? = nil) {
        self.keyIdentifier = keyIdentifier
        self.date = date
        self.other = other
    }

    static let specRef = "RFC 5652 §6.2.3"

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> KEKIdentifier {
        ctx.record(path, n)
        var c = try ElementCursor.sequence(n, ctx, path: path, specRef: specRef, what: "KEKIdentifier")
        let kidNode = try c.next("keyIdentifier", .octetString, ctx)
        let kid = try ctx.octets(kidNode, ctx.path(path, "keyIdentifier"))
        var date: String? = nil
        if let d = c.optional(.generalizedTime, ctx) {
            let dp = ctx.path(path, "date")
            ctx.record(dp, d)
            date = try ctx.time(d, dp)
        }
        var other: OtherKeyAttribute? = nil
        if let o = c.optional(.sequence, ctx) {
            let op = ctx.path(path, "other")
            ctx.record(op, o)
            var oc = try ElementCursor(o, ctx, path: op, specRef: "RFC 5652 §10.2.7", what: "OtherKeyAttribute")
            let idNode = try oc.next("keyAttrId", .objectIdentifier, ctx)
            let id = try ctx.oid(idNode, ctx.path(op, "keyAttrId"))
            var attr: [UInt8]? = nil
            if let a = oc.peek() {
                _ = try oc.next("keyAttr", ctx)
                attr = ctx.encoded(a)
            }
            try oc.finish(ctx)
            other = OtherKeyAttribute(keyAttrId: id, keyAttr: attr)
        }
        try c.finish(ctx)
        return KEKIdentifier(keyIdentifier: kid, date: date, other: other)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(.sequence) { (s: inout DERWriter) throws(EncodingError) in
            s.writeOctetString(keyIdentifier)
            if let d = date { s.writeTLV(.generalizedTime, content: Array(d.utf8)) }
            if let o = other {
                try s.writeConstructed(.sequence) { (x: inout DERWriter) throws(EncodingError) in
                    try x.writeOID(o.keyAttrId)
                    if let a = o.keyAttr {
                        try CMSEncoding.checkSingleElement(a, path: "\(path).other.keyAttr")
                        x.writeRaw(a)
                    }
                }
            }
        }
    }
}
