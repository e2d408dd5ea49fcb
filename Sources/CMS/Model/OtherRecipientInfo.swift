import MediasecCore
import MIKEY

/// An extension recipient type (RFC 5652 §6.2.5). TR 33.829 Annex B.3
/// defines `id-ori-mikey`, whose oriValue is an OCTET STRING holding a MIKEY
/// TRANSFER_INIT with one PSK/MIME crypto session; its TEK is the
/// content-encryption key.
///
/// ```asn1
/// OtherRecipientInfo ::= SEQUENCE {
///   oriType OBJECT IDENTIFIER,
///   oriValue ANY DEFINED BY oriType }
///
/// id-ori-mikey OBJECT IDENTIFIER ::= { x y z }  -- TR 33.829 Annex B.3
/// ```
///
/// The oriType of `id-ori-mikey` was never assigned; the decoder takes it
/// from ``CMSCodePoints/oriMIKEY``. Any other ori is preserved as its
/// encoding.
public struct OtherRecipientInfo: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        /// `id-ori-mikey`: the OCTET STRING content, a MIKEY message.
        case mikey(transferInit: [UInt8])
        /// Any other value: its complete encoding.
        case encoded([UInt8])
    }

    public var oriType: String
    public var oriValue: Value

    public init(oriType: String, oriValue: Value) {
        self.oriType = oriType
        self.oriValue = oriValue
    }

    /// An `id-ori-mikey` recipient carrying `transferInit`.
    public static func mikey(_ transferInit: [UInt8], codePoints: CMSCodePoints = .default) -> OtherRecipientInfo {
        OtherRecipientInfo(oriType: codePoints.oriMIKEY, oriValue: .mikey(transferInit: transferInit))
    }

    static let specRef = "RFC 5652 §6.2.5"
    public static let tag = ASN1Identifier.context(4, constructed: true)

    /// The MIKEY message bytes of an `id-ori-mikey` recipient.
    public var mikeyMessageBytes: [UInt8]? {
        if case .mikey(let b) = oriValue { return b }
        return nil
    }

    /// Decodes the carried TRANSFER_INIT with the MIKEY module.
    public func mikeyMessage(codePoints: CMSCodePoints = .default) throws(DecodingError) -> MIKEYMessage? {
        guard let b = mikeyMessageBytes else { return nil }
        return try MIKEYMessage(decoding: b, profile: codePoints.mikey)
    }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> OtherRecipientInfo {
        var c = try ElementCursor(n, ctx, path: path, specRef: specRef, what: "OtherRecipientInfo")
        let typeNode = try c.next("oriType", .objectIdentifier, ctx)
        let type = try ctx.oid(typeNode, ctx.path(path, "oriType"))
        let v = try c.next("oriValue", ctx)
        let vp = ctx.path(path, "oriValue")
        ctx.record(vp, v)
        let value: Value
        let e = ctx.nodes[v]
        if type == ctx.codePoints.oriMIKEY, e.hasTag(of: .octetString) {
            let bytes = try ctx.octetString(v, vp)
            if !e.isConstructed { ctx.record(ctx.path(vp, "content"), e.contentRange) }
            value = .mikey(transferInit: bytes)
        } else {
            value = .encoded(ctx.encoded(v))
        }
        try c.finish(ctx)
        return OtherRecipientInfo(oriType: type, oriValue: value)
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        try w.writeConstructed(Self.tag) { (s: inout DERWriter) throws(EncodingError) in
            try s.writeOID(oriType)
            switch oriValue {
            case .mikey(let b): s.writeOctetString(b)
            case .encoded(let raw):
                try CMSEncoding.checkSingleElement(raw, path: "\(path).oriValue")
                s.writeRaw(raw)
            }
        }
    }
}
