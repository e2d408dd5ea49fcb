import MediasecCore
import MediasecCrypto
import MIKEY
import CMS

/// Message builders for the CMS and S/MIME vectors. Every key, nonce and
/// identifier is drawn from the vector's own ``SeededRandom`` stream, so the
/// files are byte-identical for a seed (the builders never use
/// `SecureRandom`).
final class CMSFixtures {
    var rng: SeededRandom

    init(rng: SeededRandom) { self.rng = rng }

    func bytes(_ n: Int) -> [UInt8] { rng.bytes(n) }

    /// The MIME entity of TR 33.829 clause 8.3.1.1.1's example, canonical (CRLF).
    static let innerEntity = Array("Content-Type: text/plain\r\n\r\nAll your base are belong to us.\r\n".utf8)

    /// A message built by the suite's builder: one kekri (AES key wrap under
    /// a KEK of `kekLength` octets, unless `kek` is given) or an
    /// `id-ori-mikey` recipient, the algorithm's recommended nonce, a random
    /// CEK, and a content-type authAttr unless `configure` says otherwise.
    struct Built {
        var bytes: [UInt8]
        var model: ContentInfo
        var cek: [UInt8]
        var kek: [UInt8]
        var kekID: [UInt8]
        var mpk: [UInt8]
        var nonce: [UInt8]
        var aad: [UInt8]
        var content: [UInt8]

        var aed: AuthEnvelopedData? { model.authEnvelopedData }
        var kekKey: CMSVectorKey { .kek(kek, id: kekID) }
        var mikeyKey: CMSVectorKey { .mikey(PSKMIMETransferInit(mpk: mpk).receiverKeys) }
    }

    enum RecipientKind { case kekri, ori, both }

    func build(_ alg: AuthEncryptionAlgorithm = .aesGCM(.bits128), recipients: RecipientKind = .kekri, kekLength: Int = 16,
               content: [UInt8] = innerEntity, authAttrs: Bool = true, proofOfOrigin: Bool = false,
               configure: (inout AuthEnvelopedDataBuilder) throws -> Void = { _ in }) throws -> Built {
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = alg
        if authAttrs { b.authAttrs = [try Attribute.contentType(CMSOID.data)] }
        try configure(&b)
        if b.nonce == nil { b.nonce = bytes(b.algorithm.recommendedNonceLength) }
        let cek = bytes(b.algorithm.keyLength)
        let kek = bytes(kekLength)
        let kid = bytes(8)
        let mpk = bytes(16)
        var rs: [AuthEnvelopedDataBuilder.Recipient] = []
        if recipients != .ori { rs.append(.kek(kek: kek, keyIdentifier: kid)) }
        if recipients != .kekri {
            var t = PSKMIMETransferInit(mpk: mpk)
            t.randRi = bytes(16)
            rs.append(.mikey(t, proofOfOrigin: proofOfOrigin))
        }
        let ci = try b.build(content: content, cek: cek, recipients: rs)
        let aad = try AuthAttributesAAD.aad(for: ci.authEnvelopedData?.authAttrs)
        return Built(bytes: try ci.encoded(), model: ci, cek: cek, kek: kek, kekID: kid, mpk: mpk, nonce: b.nonce ?? [], aad: aad, content: content)
    }

    /// `built` with its AuthEnvelopedData changed by `f` and re-encoded
    /// (a model mutation: every length consistent).
    func mutate(_ built: Built, _ f: (inout AuthEnvelopedData) throws -> Void) throws -> [UInt8] {
        guard var a = built.aed else { throw GenerationError(description: "no AuthEnvelopedData") }
        try f(&a)
        return try ContentInfo(authEnvelopedData: a).encoded()
    }

    /// `built`'s bytes with one element edited in the BER tree (lengths recomputed).
    func edit(_ bytes: [UInt8], _ path: [Int], _ f: (inout BERTree) throws -> Void) throws -> [UInt8] {
        var t = try BERTree.parse(bytes)
        try t.edit(path, f)
        return t.encoded
    }

    /// Re-seals the content of `built` with another AAD (for the AAD bug
    /// shapes: the tag then verifies only with that AAD).
    func resealed(_ built: Built, aad: [UInt8]) throws -> [UInt8] {
        guard let a = built.aed, let alg = a.algorithm, let p = a.authEncryptedContentInfo.contentEncryptionAlgorithm.aeadParameters else {
            throw GenerationError(description: "not an AEAD message")
        }
        let box = try AEAD.seal(alg.aead, key: built.cek, nonce: p.nonce, plaintext: built.content, aad: aad, tagLength: p.effectiveICVLength)
        return try mutate(built) {
            $0.authEncryptedContentInfo.encryptedContent = box.ciphertext
            $0.mac = box.tag
        }
    }

    // MARK: raw elements

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag] + DERWriter.lengthOctets(content.count) + content }
    static func oid(_ dotted: String) -> [UInt8] {
        var w = DERWriter()
        try? w.writeOID(dotted)
        return w.bytes
    }

    /// An attribute of `type` whose single value is `value` (raw).
    static func attribute(_ type: String, _ values: [[UInt8]]) -> Attribute { Attribute(attrType: type, attrValues: values) }

    /// A ContentInfo of another content type holding `inner` (one element).
    static func contentInfo(_ type: String, _ inner: [UInt8]) -> [UInt8] {
        tlv(0x30, oid(type) + tlv(0xa0, inner))
    }

    // MARK: S/MIME

    /// The canonical S/MIME entity around `cms`.
    static func entity(_ cms: [UInt8], smimeType: String? = SMIMEEntity.registeredSMIMEType, name: String? = "smime.p7m", disposition: Bool = true) -> [UInt8] {
        SMIMEEntity.make(cms: cms, smimeType: smimeType, name: name, disposition: disposition).encoded()
    }

    /// An entity from header lines (CRLF added) and a body.
    static func entity(headers: [String], body: [UInt8]) -> [UInt8] {
        Array((headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }

    static func base64Lines(_ b: [UInt8], width: Int = 76, eol: String = "\r\n") -> [UInt8] {
        let t = Base64.encode(b)
        var out = ""
        var i = t.startIndex
        while i < t.endIndex {
            let e = t.index(i, offsetBy: width, limitedBy: t.endIndex) ?? t.endIndex
            out += t[i..<e] + eol
            i = e
        }
        return Array(out.utf8)
    }
}
