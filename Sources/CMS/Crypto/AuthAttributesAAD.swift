import MediasecCore

/// The additional authenticated data of AuthEnvelopedData (RFC 5083 §2.2):
///
/// > For the purposes of constructing the AAD, the IMPLICIT [1] tag in the
/// > authAttrs field is not used for the DER encoding: rather a universal
/// > SET OF tag is used. […] If optional authenticated attributes are
/// > absent, then zero bits of input are provided for the AAD.
///
/// On the receiving side the AAD is computed from the *received* bytes: the
/// identifier octets of the `[1]` element are replaced by 0x31 and its
/// length and content octets are taken as they are. A re-serialization of
/// the decoded attributes would hide a non-DER sender (the AAD would then
/// differ from what the sender authenticated) — that is for the validator
/// to report (`cms.authattrs.not-der`), not for the AAD to paper over.
public enum AuthAttributesAAD {
    /// The AAD for a decoded message: empty without authAttrs.
    public static func aad(for decoded: DecodedContentInfo) -> [UInt8] {
        guard let r = decoded.authAttrsRange else { return [] }
        let idLength = identifierLength(decoded.bytes, at: r.lowerBound, end: r.upperBound)
        return [0x31] + decoded.bytes[(r.lowerBound + idLength)..<r.upperBound]
    }

    /// The AAD a sender computes for `authAttrs` (nil = absent): the DER
    /// SET OF in the order given, tagged 0x31.
    public static func aad(for authAttrs: [Attribute]?) throws(EncodingError) -> [UInt8] {
        guard let a = authAttrs else { return [] }
        return DERWriter.tlv(.set, try Attribute.encodeSetContent(a, path: "authAttrs"))
    }

    /// AADs that broken senders are known to use, for diagnosing a tag
    /// mismatch (never for accepting a message): the authAttrs with their
    /// `[1]` tag kept (tag confusion), and no AAD at all although authAttrs
    /// are present (authAttrs not authenticated).
    public enum Variant: String, Sendable, CaseIterable {
        case implicitTagKept = "implicit-tag-kept"
        case authAttrsOmitted = "authattrs-omitted"
    }

    public static func aad(for decoded: DecodedContentInfo, variant: Variant) -> [UInt8]? {
        guard let r = decoded.authAttrsRange else { return nil }
        switch variant {
        case .implicitTagKept: return Array(decoded.bytes[r])
        case .authAttrsOmitted: return []
        }
    }

    static func identifierLength(_ b: [UInt8], at i: Int, end: Int) -> Int {
        guard i < end, b[i] & 0x1f == 0x1f else { return 1 }
        var k = i + 1
        while k < end, b[k] & 0x80 != 0 { k += 1 }
        return min(k + 1, end) - i
    }
}
