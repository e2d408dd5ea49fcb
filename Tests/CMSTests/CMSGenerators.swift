import PropertyBased
import MediasecCore
@testable import CMS

/// PropertyBased generators for the CMS model.
///
/// Generated values are ones the encoder accepts and the decoder must give
/// back unchanged: raw elements (attribute values, parameters, rids,
/// unknown ori values) are single DER elements; the parameters of AEAD OIDs
/// are typed (`.aead`), those of other OIDs raw or absent; `.mikey` ori
/// values only under the configured `id-ori-mikey`. ``canonical(_:)`` sorts
/// the SET OFs and omits ICVlen 12, which is what DER decoding needs on top.
enum CMSGen {
    typealias RNG = any SeededRandomNumberGenerator

    static func int(_ r: ClosedRange<Int>, _ rng: inout RNG) -> Int { Int.random(in: r, using: &rng) }
    static func chance(_ p: Double, _ rng: inout RNG) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    static func pick<T>(_ xs: [T], _ rng: inout RNG) -> T { xs[int(0...(xs.count - 1), &rng)] }
    static func bytes(_ r: ClosedRange<Int>, _ rng: inout RNG) -> [UInt8] {
        (0..<int(r, &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    static func oid(_ rng: inout RNG) -> String {
        if chance(0.5, &rng) {
            return pick([CMSOID.data, CMSOID.signedData, CMSOID.contentTypeAttribute, CMSOID.aes128Wrap, CMSOID.oriKEM, CMSOID.oriMIKEYDefault,
                         "1.2.840.113549.1.1.1", "2.999.3"], &rng)
        }
        var arcs = [String(int(0...2, &rng)), String(int(0...39, &rng))]
        for _ in 0..<int(0...6, &rng) {
            arcs.append(chance(0.1, &rng) ? String(UInt64.random(in: 0...UInt64.max, using: &rng)) : String(int(0...100_000, &rng)))
        }
        return arcs.joined(separator: ".")
    }

    /// One DER element.
    static func element(_ rng: inout RNG) -> [UInt8] {
        switch int(0...5, &rng) {
        case 0: return DERWriter.tlv(.octetString, bytes(0...20, &rng))
        case 1: return DERWriter.tlv(.integer, ASN1Integer(int(-100_000...100_000, &rng)).bytes)
        case 2:
            var w = DERWriter()
            try? w.writeOID(oid(&rng))
            return w.bytes
        case 3: return hex("05 00")
        case 4: return DERWriter.tlv(.utf8String, Array("x\(int(0...999, &rng))".utf8))
        default: return DERWriter.tlv(.sequence, DERWriter.tlv(.boolean, [0xff]) + DERWriter.tlv(.octetString, bytes(0...4, &rng)))
        }
    }

    static func algorithm(_ rng: inout RNG) -> AlgorithmIdentifier {
        if chance(0.4, &rng) {
            let a = pick(AuthEncryptionAlgorithm.allCases, &rng)
            return .aead(a, AEADParameters(nonce: bytes(0...20, &rng), icvLength: chance(0.5, &rng) ? pick([4, 12, 16, 200, -1], &rng) : nil))
        }
        let o = pick([CMSOID.aes128Wrap, CMSOID.aes256WrapPad, CMSOID.aes128CBC, "1.2.840.113549.1.1.1"], &rng)
        return AlgorithmIdentifier(algorithm: o, parameters: chance(0.5, &rng) ? .absent : .encoded(element(&rng)))
    }

    static func attributes(_ rng: inout RNG) -> [Attribute]? {
        guard chance(0.6, &rng) else { return nil }
        return (0..<int(0...3, &rng)).map { _ in Attribute(attrType: oid(&rng), attrValues: (0..<int(0...3, &rng)).map { _ in element(&rng) }) }
    }

    static func recipient(_ rng: inout RNG) -> RecipientInfo {
        switch int(0...5, &rng) {
        case 0:
            let rid: KeyTransRecipientInfo.RecipientIdentifier = chance(0.5, &rng)
                ? .subjectKeyIdentifier(bytes(0...20, &rng)) : .issuerAndSerialNumber(encoded: DERWriter.tlv(.sequence, element(&rng)))
            return .ktri(KeyTransRecipientInfo(version: int(-1...5, &rng), rid: rid, keyEncryptionAlgorithm: algorithm(&rng), encryptedKey: bytes(0...40, &rng)))
        case 1:
            return .kari(KeyAgreeRecipientInfo(version: 3, originator: element(&rng), ukm: chance(0.5, &rng) ? bytes(0...8, &rng) : nil,
                                               keyEncryptionAlgorithm: algorithm(&rng),
                                               recipientEncryptedKeys: (0..<int(0...2, &rng)).map { _ in .init(rid: element(&rng), encryptedKey: bytes(0...8, &rng)) }))
        case 2, 3:
            let other: KEKIdentifier.OtherKeyAttribute? = chance(0.3, &rng) ? .init(keyAttrId: oid(&rng), keyAttr: chance(0.5, &rng) ? element(&rng) : nil) : nil
            return .kekri(KEKRecipientInfo(version: int(3...5, &rng),
                                           kekid: KEKIdentifier(keyIdentifier: bytes(0...16, &rng), date: chance(0.3, &rng) ? "20250101000000Z" : nil, other: other),
                                           keyEncryptionAlgorithm: algorithm(&rng), encryptedKey: bytes(0...40, &rng)))
        case 4:
            return .pwri(PasswordRecipientInfo(version: 0, keyDerivationAlgorithm: chance(0.5, &rng) ? algorithm(&rng) : nil,
                                               keyEncryptionAlgorithm: algorithm(&rng), encryptedKey: bytes(0...24, &rng)))
        default:
            if chance(0.5, &rng) { return .ori(.mikey(bytes(0...60, &rng))) }
            return .ori(OtherRecipientInfo(oriType: pick([CMSOID.oriKEM, "1.2.3.4"], &rng), oriValue: .encoded(element(&rng))))
        }
    }

    static let authEnvelopedData = Generator<ContentInfo, Shrink.None<ContentInfo>> { rng in
        let aed = AuthEnvelopedData(
            version: int(-2...3, &rng),
            originatorInfo: chance(0.2, &rng) ? OriginatorInfo(certs: chance(0.5, &rng) ? [element(&rng), element(&rng)] : nil, crls: chance(0.5, &rng) ? [element(&rng)] : nil) : nil,
            recipientInfos: (0..<int(0...4, &rng)).map { _ in recipient(&rng) },
            authEncryptedContentInfo: EncryptedContentInfo(contentType: oid(&rng), contentEncryptionAlgorithm: algorithm(&rng),
                                                           encryptedContent: chance(0.9, &rng) ? bytes(0...200, &rng) : nil),
            authAttrs: attributes(&rng), mac: bytes(0...20, &rng), unauthAttrs: attributes(&rng))
        return ContentInfo(authEnvelopedData: aed)
    }

    /// What DER adds to the encoder's constraints: SET OFs in order, ICVlen 12 omitted.
    static func canonical(_ ci: ContentInfo) throws -> ContentInfo {
        guard var aed = ci.authEnvelopedData else { return ci }
        func canon(_ a: AlgorithmIdentifier) -> AlgorithmIdentifier {
            var a = a
            if case .aead(var p) = a.parameters, p.icvLength == 12 { p.icvLength = nil; a.parameters = .aead(p) }
            return a
        }
        aed.authEncryptedContentInfo.contentEncryptionAlgorithm = canon(aed.authEncryptedContentInfo.contentEncryptionAlgorithm)
        aed.recipientInfos = aed.recipientInfos.map { r in
            switch r {
            case .ktri(var k): k.keyEncryptionAlgorithm = canon(k.keyEncryptionAlgorithm); return .ktri(k)
            case .kari(var k): k.keyEncryptionAlgorithm = canon(k.keyEncryptionAlgorithm); return .kari(k)
            case .kekri(var k): k.keyEncryptionAlgorithm = canon(k.keyEncryptionAlgorithm); return .kekri(k)
            case .pwri(var k):
                k.keyEncryptionAlgorithm = canon(k.keyEncryptionAlgorithm)
                k.keyDerivationAlgorithm = k.keyDerivationAlgorithm.map(canon)
                return .pwri(k)
            case .ori: return r
            }
        }
        var keyed: [([UInt8], RecipientInfo)] = []
        for r in aed.recipientInfos { keyed.append((try r.encoded(), r)) }
        aed.recipientInfos = keyed.sorted { ASN1Reader.setOfOrdered($0.0, $1.0) && $0.0 != $1.0 }.map(\.1)
        aed.authAttrs = try aed.authAttrs.map { try Attribute.derSorted($0) }
        aed.unauthAttrs = try aed.unauthAttrs.map { try Attribute.derSorted($0) }
        if var o = aed.originatorInfo {
            o.certs = o.certs.map(DERWriter.sortedSetOf)
            o.crls = o.crls.map(DERWriter.sortedSetOf)
            aed.originatorInfo = o
        }
        return ContentInfo(authEnvelopedData: aed)
    }
}
