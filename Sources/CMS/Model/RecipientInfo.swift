import MediasecCore

/// Per-recipient key management information (RFC 5652 §6.2):
///
/// ```asn1
/// RecipientInfos ::= SET SIZE (1..MAX) OF RecipientInfo
///
/// RecipientInfo ::= CHOICE {
///   ktri KeyTransRecipientInfo,
///   kari [1] KeyAgreeRecipientInfo,
///   kekri [2] KEKRecipientInfo,
///   pwri [3] PasswordRecipientinfo,
///   ori [4] OtherRecipientInfo }
/// ```
///
/// The CMS module uses IMPLICIT tagging, so `[2]` replaces the SEQUENCE tag
/// of KEKRecipientInfo (identifier 0xA2). All five alternatives are decoded
/// structurally; kekri (AES key wrap) and ori (`id-ori-mikey`) can also be
/// opened (``CMSDecryptor``).
public enum RecipientInfo: Hashable, Sendable {
    case ktri(KeyTransRecipientInfo)
    case kari(KeyAgreeRecipientInfo)
    case kekri(KEKRecipientInfo)
    case pwri(PasswordRecipientInfo)
    case ori(OtherRecipientInfo)

    static let specRef = "RFC 5652 §6.2"

    /// The alternative's name as used in field paths.
    public var choiceName: String {
        switch self {
        case .ktri: return "ktri"
        case .kari: return "kari"
        case .kekri: return "kekri"
        case .pwri: return "pwri"
        case .ori: return "ori"
        }
    }

    static func decode(_ n: Int, _ ctx: inout CMSDecodeContext, path: FieldPath) throws(DecodingError) -> RecipientInfo {
        ctx.record(path, n)
        let e = ctx.nodes[n]
        if e.hasTag(of: .sequence) {
            return .ktri(try KeyTransRecipientInfo.decode(n, &ctx, path: ctx.path(path, "ktri")))
        }
        guard e.tagClass == .contextSpecific else {
            throw DecodingError(code: "cms.recipient.unknown-choice", offset: e.start, path: ctx.render(path), specRef: specRef,
                                message: "\(e.identifier) is not a RecipientInfo alternative")
        }
        switch e.tagNumber {
        case 1: return .kari(try KeyAgreeRecipientInfo.decode(n, &ctx, path: ctx.path(path, "kari")))
        case 2: return .kekri(try KEKRecipientInfo.decode(n, &ctx, path: ctx.path(path, "kekri")))
        case 3: return .pwri(try PasswordRecipientInfo.decode(n, &ctx, path: ctx.path(path, "pwri")))
        case 4: return .ori(try OtherRecipientInfo.decode(n, &ctx, path: ctx.path(path, "ori")))
        default:
            throw DecodingError(code: "cms.recipient.unknown-choice", offset: e.start, path: ctx.render(path), specRef: specRef,
                                message: "\(e.identifier) is not a RecipientInfo alternative (ktri, [1] kari, [2] kekri, [3] pwri, [4] ori)")
        }
    }

    func encode(_ w: inout DERWriter, path: String) throws(EncodingError) {
        switch self {
        case .ktri(let r): try r.encode(&w, path: "\(path).ktri")
        case .kari(let r): try r.encode(&w, path: "\(path).kari")
        case .kekri(let r): try r.encode(&w, path: "\(path).kekri")
        case .pwri(let r): try r.encode(&w, path: "\(path).pwri")
        case .ori(let r): try r.encode(&w, path: "\(path).ori")
        }
    }

    /// The complete encoding of this alternative.
    public func encoded() throws(EncodingError) -> [UInt8] {
        var w = DERWriter()
        try encode(&w, path: "recipientInfo")
        return w.bytes
    }
}
