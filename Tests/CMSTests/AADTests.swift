import Testing
import MediasecCore
import MediasecCrypto
@testable import CMS

/// RFC 5083 §2.2: the AAD is the authAttrs re-tagged as universal SET OF
/// (0x31), computed from the received bytes, empty when absent.
@Suite struct AADTests {
    static let cek = [UInt8](repeating: 0x5a, count: 16)
    static let nonce = [UInt8](repeating: 0x4e, count: 12)
    static let contentTypeAttr = try! Attribute.contentType(CMSOID.data)  // fixed, valid OID

    /// Hand-computed: SET { SEQUENCE { id-contentType, SET { id-data } } }.
    static let contentTypeAAD = hex("31 1a 30 18 06 09 2a 86 48 86 f7 0d 01 09 03 31 0b 06 09 2a 86 48 86 f7 0d 01 07 01")

    @Test func senderSideAAD() throws {
        #expect(try AuthAttributesAAD.aad(for: nil) == [])
        #expect(try AuthAttributesAAD.aad(for: [Self.contentTypeAttr]) == Self.contentTypeAAD)
    }

    @Test func absentAuthAttrsGiveAnEmptyAAD() throws {
        let d = try CMSDecoder(rules: .der).decode(Fixtures.opensslGCM128)
        #expect(AuthAttributesAAD.aad(for: d) == [])
        #expect(try d.decrypt(using: .kek(Fixtures.kek128)).aad == [])
    }

    @Test func receivedAuthAttrsAreRetagged() throws {
        let bytes = try Fixtures.builtKEKRI()
        let d = try CMSDecoder(rules: .der).decode(bytes)
        let r = try #require(d.authAttrsRange)
        #expect(bytes[r.lowerBound] == 0xa1)
        #expect(AuthAttributesAAD.aad(for: d) == Self.contentTypeAAD)
        #expect(AuthAttributesAAD.aad(for: d) == [0x31] + bytes[(r.lowerBound + 1)..<r.upperBound])
        #expect(try d.decrypt(using: .kek(Fixtures.kek128)).aad == Self.contentTypeAAD)
    }

    /// A message whose AuthEnvelopedData is built by hand, sealed with `aad`.
    static func message(authAttrsTLV: [UInt8]?, aad: [UInt8]) throws -> [UInt8] {
        let box = try AEAD.seal(.aesGCM, key: cek, nonce: nonce, plaintext: Fixtures.content, aad: aad, tagLength: 16)
        let aed = AuthEnvelopedData(
            recipientInfos: [.kekri(KEKRecipientInfo(kekid: KEKIdentifier(keyIdentifier: [1]), keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: CMSOID.aes128Wrap),
                                                     encryptedKey: try AESKeyWrap.wrap(kek: Fixtures.kek128, keyData: cek)))],
            authEncryptedContentInfo: EncryptedContentInfo(contentEncryptionAlgorithm: .aead(.aesGCM(.bits128), AEADParameters(nonce: nonce, icvLength: 16)),
                                                           encryptedContent: box.ciphertext),
            mac: box.tag)
        // Splice the authAttrs TLV in front of the mac (the model would write DER).
        guard let attrs = authAttrsTLV else { return try ContentInfo(authEnvelopedData: aed).encoded() }
        let body = try aed.encoded()
        var r = ASN1Reader(rules: .der)
        let inner = Array(body[try r.parse(body).contentRange])
        let macTLV = DERWriter.tlv(.octetString, box.tag)
        let aedTLV = DERWriter.tlv(.sequence, Array(inner.dropLast(macTLV.count)) + attrs + macTLV)
        return DERWriter.tlv(.sequence, hex("06 0b 2a 86 48 86 f7 0d 01 09 10 01 17") + DERWriter.tlv(.context(0, constructed: true), aedTLV))
    }

    /// A BER sender whose authAttrs use a long-form length: the AAD is built
    /// from the received bytes (0x31 81 1a …), so the tag verifies; a
    /// re-serializing receiver would compute 0x31 1a … and fail. RFC 5083
    /// §2.1 still requires DER there: an error finding.
    @Test func aadComesFromTheReceivedBytesNotAReserialization() throws {
        let content = Array(Self.contentTypeAAD.dropFirst(2))
        let received = hex("a1 81 1a") + content
        let bytes = try Self.message(authAttrsTLV: received, aad: hex("31 81 1a") + content)
        expectDecodingError("der.length.non-minimal") { () throws(DecodingError) in try CMSDecoder(rules: .der).decode(bytes) }
        let d = try CMSDecoder(rules: .ber).decode(bytes)
        #expect(AuthAttributesAAD.aad(for: d) == hex("31 81 1a") + content)
        #expect(try AuthAttributesAAD.aad(for: d.authEnvelopedData?.authAttrs) != AuthAttributesAAD.aad(for: d))
        #expect(try d.decrypt(using: .cek(Self.cek)).content == Fixtures.content)
        let report = CMSValidator(options: CMSValidationOptions(key: .kek(Fixtures.kek128))).validate(bytes)
        #expect(report.findings.contains { $0.code == "cms.authattrs.not-der" && $0.severity == .error })
        #expect(report.findings.contains { $0.code == "der.length.non-minimal" })
        #expect(report.findings.contains { $0.code == "cms.aead.verified" })
    }

    /// FACTS.md §9: a sender that keeps the [1] tag in the AAD.
    @Test func tagConfusionIsDiagnosed() throws {
        let tlv = [0xa1] + Self.contentTypeAAD.dropFirst()
        let bytes = try Self.message(authAttrsTLV: Array(tlv), aad: Array(tlv))
        let d = try CMSDecoder(rules: .der).decode(bytes)
        expectCryptoError(CMSCryptoError.authenticationFailure) { () throws(CMSCryptoError) in try d.decrypt(using: .cek(Self.cek)) }
        #expect(CMSDecryptor.diagnoseAAD(d, cek: Self.cek) == .implicitTagKept)
        let codes = CMSValidator(options: CMSValidationOptions(key: .cek(Self.cek))).validate(d).findings.map(\.code)
        #expect(codes.contains("cms.aead.tag-mismatch") && codes.contains("cms.aad.implicit-tag-kept"))
    }

    /// FACTS.md §9 and OpenSSL 3.0 (see OpenSSLInteropTests): authAttrs not in the AAD.
    @Test func unauthenticatedAuthAttrsAreDiagnosed() throws {
        let tlv = [0xa1] + Self.contentTypeAAD.dropFirst()
        let bytes = try Self.message(authAttrsTLV: Array(tlv), aad: [])
        let d = try CMSDecoder(rules: .der).decode(bytes)
        expectCryptoError(CMSCryptoError.authenticationFailure) { () throws(CMSCryptoError) in try d.decrypt(using: .kek(Fixtures.kek128)) }
        #expect(CMSDecryptor.diagnoseAAD(d, cek: Self.cek) == .authAttrsOmitted)
        let codes = CMSValidator(options: CMSValidationOptions(key: .cek(Self.cek))).validate(d).findings.map(\.code)
        #expect(codes.contains("cms.aead.tag-mismatch") && codes.contains("cms.aad.authattrs-not-authenticated"))
    }

    @Test func correctlySealedSpliceVerifies() throws {
        let tlv = [0xa1] + Self.contentTypeAAD.dropFirst()
        let bytes = try Self.message(authAttrsTLV: Array(tlv), aad: Self.contentTypeAAD)
        let d = try CMSDecoder(rules: .der).decode(bytes)
        #expect(try d.decrypt(using: .kek(Fixtures.kek128)).content == Fixtures.content)
        #expect(CMSDecryptor.diagnoseAAD(d, cek: Self.cek) == nil)
    }
}
