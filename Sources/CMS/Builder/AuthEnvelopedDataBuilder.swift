import MediasecCore
import MediasecCrypto

/// Builds AuthEnvelopedData (RFC 5083 §2.2): encrypts and authenticates the
/// content with AES-GCM or AES-CCM (RFC 5084), then adds one RecipientInfo
/// per recipient — a KEKRecipientInfo with AES key wrap (RFC 3565 §2.4,
/// TS 33.328 Annex I) or an `id-ori-mikey` OtherRecipientInfo carrying a
/// TRANSFER_INIT (TR 33.829 Annex B.3) — and wraps it in a ContentInfo.
///
/// Output is DER by default: attributes and recipientInfos in SET OF order,
/// ICVlen 12 omitted. ``ICVLengthEncoding/explicit`` writes ICVlen 12
/// anyway, which OpenSSL 3.0 needs to decrypt (FACTS.md §10, ambiguity 16)
/// and which is then *not* DER.
///
/// Thrown errors: ``CMSCryptoError`` (`cms.build.failed`, with the
/// primitive ``CryptoError`` underneath), ``EncodingError``, and whatever a
/// ``Recipient/mikey(_:)`` closure throws.
public struct AuthEnvelopedDataBuilder: Sendable {
    public enum ICVLengthEncoding: String, Sendable, Hashable {
        /// Omit ICVlen when it equals the DEFAULT 12 (X.690 §11.5).
        case der
        /// Always encode ICVlen (OpenSSL 3.0 interop; not DER for 12).
        case explicit
    }

    public enum Recipient: Sendable {
        /// AES key wrap of the CEK under `kek` (16, 24 or 32 bytes).
        case kek(kek: [UInt8], keyIdentifier: [UInt8], date: String? = nil)
        /// An `id-ori-mikey` recipient. The closure receives the CEK (to
        /// carry as TEK) and the `mac` (for a proof-of-origin extension,
        /// TR 33.829 Annex F) and returns the TRANSFER_INIT bytes, e.g.
        /// ``PSKMIMETransferInit/make(tek:proofOfOrigin:)``; see
        /// ``mikey(_:proofOfOrigin:)``.
        case mikey(@Sendable (_ cek: [UInt8], _ mac: [UInt8]) throws -> [UInt8])

        /// An `id-ori-mikey` recipient whose TRANSFER_INIT `t` builds.
        public static func mikey(_ t: PSKMIMETransferInit, proofOfOrigin: Bool = false) -> Recipient {
            .mikey { cek, mac in try t.make(tek: cek, proofOfOrigin: proofOfOrigin ? mac : nil) }
        }
        /// A ready RecipientInfo, added as it is.
        case prebuilt(RecipientInfo)
    }

    public var algorithm: AuthEncryptionAlgorithm = .aesGCM(.bits128)
    /// The inner content type (TR 33.829 Annex B.1: id-data).
    public var contentType: String = CMSOID.data
    /// nil: a random nonce of the recommended length.
    public var nonce: [UInt8]? = nil
    public var icvLength: Int = AEADParameters.defaultICVLength
    public var icvLengthEncoding: ICVLengthEncoding = .der
    public var authAttrs: [Attribute]? = nil
    public var unauthAttrs: [Attribute]? = nil
    /// Put attributes, their values and recipientInfos in DER SET OF order.
    public var derSetOrder = true
    public var codePoints: CMSCodePoints = .default

    public init() {}

    /// Encrypts `content` under `cek` (random when nil) for `recipients`.
    public func build(content: [UInt8], cek: [UInt8]? = nil, recipients: [Recipient]) throws -> ContentInfo {
        let key = try cek ?? random(algorithm.keyLength)
        guard key.count == algorithm.keyLength else {
            throw CMSCryptoError(code: CMSCryptoError.build, specRef: algorithm.specRef, path: "cek", message: "\(algorithm) needs a \(algorithm.keyLength)-byte CEK, got \(key.count)")
        }
        let n = try nonce ?? random(algorithm.recommendedNonceLength)
        let auth = try authAttrs.map { (a) throws(EncodingError) in derSetOrder ? try Attribute.derSorted(a) : a }
        let unauth = try unauthAttrs.map { (a) throws(EncodingError) in derSetOrder ? try Attribute.derSorted(a) : a }
        let aad = try AuthAttributesAAD.aad(for: auth)
        let box: AEADSealedBox
        do {
            box = try AEAD.seal(algorithm.aead, key: key, nonce: n, plaintext: content, aad: aad, tagLength: icvLength)
        } catch {
            throw CMSCryptoError(code: CMSCryptoError.build, specRef: algorithm.specRef, path: "authEncryptedContentInfo", message: error.message, underlying: error)
        }
        var infos: [RecipientInfo] = []
        for (i, r) in recipients.enumerated() {
            switch r {
            case .kek(let kek, let kid, let date):
                guard let wrap = KeyWrapAlgorithm(kekLength: kek.count) else {
                    throw CMSCryptoError(code: CMSCryptoError.build, specRef: "RFC 3565 §2.3.2", path: "recipientInfos[\(i)]", message: "a KEK must be 16, 24 or 32 bytes, got \(kek.count)")
                }
                let wrapped: [UInt8]
                do {
                    wrapped = try AESKeyWrap.wrap(kek: kek, keyData: key)
                } catch {
                    throw CMSCryptoError(code: CMSCryptoError.build, specRef: "RFC 3394 §2.2.1", path: "recipientInfos[\(i)]", message: error.message, underlying: error)
                }
                infos.append(.kekri(KEKRecipientInfo(kekid: KEKIdentifier(keyIdentifier: kid, date: date),
                                                     keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: wrap.oid), encryptedKey: wrapped)))
            case .mikey(let make):
                infos.append(.ori(.mikey(try make(key, box.tag), codePoints: codePoints)))
            case .prebuilt(let ri):
                infos.append(ri)
            }
        }
        if derSetOrder {
            var keyed: [([UInt8], RecipientInfo)] = []
            for ri in infos { keyed.append((try ri.encoded(), ri)) }
            keyed.sort { ASN1Reader.setOfOrdered($0.0, $1.0) && $0.0 != $1.0 }
            infos = keyed.map(\.1)
        }
        let explicit = icvLengthEncoding == .explicit || icvLength != AEADParameters.defaultICVLength
        let params = AEADParameters(nonce: n, icvLength: explicit ? icvLength : nil)
        let eci = EncryptedContentInfo(contentType: contentType, contentEncryptionAlgorithm: .aead(algorithm, params), encryptedContent: box.ciphertext)
        return ContentInfo(authEnvelopedData: AuthEnvelopedData(recipientInfos: infos, authEncryptedContentInfo: eci, authAttrs: auth, mac: box.tag, unauthAttrs: unauth))
    }

    /// ``build(content:cek:recipients:)`` and encode.
    public func buildEncoded(content: [UInt8], cek: [UInt8]? = nil, recipients: [Recipient]) throws -> [UInt8] {
        try build(content: content, cek: cek, recipients: recipients).encoded()
    }

    private func random(_ n: Int) throws -> [UInt8] {
        do { return try SecureRandom.bytes(count: n) } catch {
            throw CMSCryptoError(code: CMSCryptoError.build, specRef: "RFC 5083 §2.2", message: error.message, underlying: error)
        }
    }
}
