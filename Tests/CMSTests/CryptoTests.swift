import Testing
import MediasecCore
import MediasecCrypto
import MIKEY
@testable import CMS

/// AEAD (RFC 5084) and key recovery: kekri with AES key wrap (RFC 3565,
/// TS 33.328 Annex I) and the TR 33.829 Annex B.3 TRANSFER_INIT.
@Suite struct CryptoTests {
    static let algorithms = AuthEncryptionAlgorithm.allCases
    static let keks = [Fixtures.kek128, Fixtures.kek192, Fixtures.kek256]

    @Test(arguments: algorithms, keks)
    func kekriRoundTrip(_ alg: AuthEncryptionAlgorithm, _ kek: [UInt8]) throws {
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = alg
        let bytes = try b.buildEncoded(content: Fixtures.content, recipients: [.kek(kek: kek, keyIdentifier: hex("4b4944"))])
        let d = try CMSDecoder(rules: .der).decode(bytes)
        #expect(d.authEnvelopedData?.algorithm == alg)
        guard case .kekri(let k) = d.authEnvelopedData?.recipientInfos.first else { Issue.record("no kekri"); return }
        #expect(k.keyWrapAlgorithm == KeyWrapAlgorithm(kekLength: kek.count))
        let pt = try d.decrypt(using: .kek(kek, keyIdentifier: hex("4b4944")))
        #expect(pt.content == Fixtures.content && pt.algorithm == alg && pt.contentType == CMSOID.data)
        let p = try #require(d.authEnvelopedData?.authEncryptedContentInfo.contentEncryptionAlgorithm.aeadParameters)
        #expect(p.nonce.count == alg.recommendedNonceLength && p.icvLength == nil && d.authEnvelopedData?.mac.count == 12)
    }

    @Test(arguments: [AuthEncryptionAlgorithm.aesGCM(.bits128), .aesCCM(.bits256)])
    func everyICVLength(_ alg: AuthEncryptionAlgorithm) throws {
        for icv in alg.allowedICVLengths.sorted() {
            var b = AuthEnvelopedDataBuilder()
            b.algorithm = alg
            b.icvLength = icv
            let d = try CMSDecoder(rules: .der).decode(try b.buildEncoded(content: [1, 2, 3], cek: [UInt8](repeating: 9, count: alg.keyLength), recipients: [.kek(kek: Fixtures.kek128, keyIdentifier: [1])]))
            #expect(d.authEnvelopedData?.mac.count == icv)
            #expect(d.authEnvelopedData?.authEncryptedContentInfo.contentEncryptionAlgorithm.aeadParameters?.icvLength == (icv == 12 ? nil : icv))
            #expect(try d.decrypt(using: .cek([UInt8](repeating: 9, count: alg.keyLength))).content == [1, 2, 3])
        }
    }

    @Test func ccmNonceLengths() throws {
        for n in 7...13 {
            var b = AuthEnvelopedDataBuilder()
            b.algorithm = .aesCCM(.bits128)
            b.nonce = [UInt8](repeating: 0x77, count: n)
            let d = try CMSDecoder(rules: .der).decode(try b.buildEncoded(content: Fixtures.content, recipients: [.kek(kek: Fixtures.kek128, keyIdentifier: [1])]))
            #expect(try d.decrypt(using: .kek(Fixtures.kek128)).content == Fixtures.content)
        }
    }

    @Test func keyRecoveryFailures() throws {
        let d = try CMSDecoder(rules: .der).decode(try Fixtures.builtKEKRI())
        expectCryptoError(CMSCryptoError.unwrapFailed) { () throws(CMSCryptoError) in try d.decrypt(using: .kek([UInt8](repeating: 0, count: 16))) }
        expectCryptoError(CMSCryptoError.kekLength) { () throws(CMSCryptoError) in try d.decrypt(using: .kek(Fixtures.kek256)) }
        expectCryptoError(CMSCryptoError.noRecipient) { () throws(CMSCryptoError) in try d.decrypt(using: .kek(Fixtures.kek128, keyIdentifier: [9])) }
        expectCryptoError(CMSCryptoError.noRecipient) { () throws(CMSCryptoError) in try d.decrypt(using: .mikey(MIKEYKeys())) }
        expectCryptoError(CMSCryptoError.cekLength) { () throws(CMSCryptoError) in try d.decrypt(using: .cek([1, 2, 3])) }
        expectCryptoError(CMSCryptoError.authenticationFailure) { () throws(CMSCryptoError) in try d.decrypt(using: .cek([UInt8](repeating: 0, count: 16))) }
    }

    /// Decryption fails closed: any changed ciphertext, mac or AAD byte.
    @Test func tamperingFailsClosed() throws {
        let bytes = try Fixtures.builtKEKRI()
        let d = try CMSDecoder(rules: .der).decode(bytes)
        var targets: [Int] = []
        for path in ["authEnvelopedData.authEncryptedContentInfo.encryptedContent", "authEnvelopedData.mac", "authEnvelopedData.authAttrs"] {
            let r = try #require(d.spans[path])
            targets.append(r.upperBound - 1)
        }
        for i in targets {
            var m = bytes
            m[i] ^= 0x40
            let t = try CMSDecoder(rules: .der).decode(m)
            expectCryptoError(CMSCryptoError.authenticationFailure) { () throws(CMSCryptoError) in try t.decrypt(using: .kek(Fixtures.kek128)) }
        }
    }

    /// The RFC 5084 checks run before the key is touched.
    @Test func parameterChecksComeFirst() throws {
        func variant(_ change: (inout AuthEnvelopedData) -> Void) throws -> DecodedContentInfo {
            var ci = try ContentInfo(decoding: try Fixtures.builtKEKRI(authAttrs: false))
            guard var a = ci.authEnvelopedData else { throw CMSCryptoError(code: "test", specRef: "", message: "") }
            change(&a)
            ci = ContentInfo(authEnvelopedData: a)
            return try CMSDecoder(rules: .ber).decode(try ci.encoded())
        }
        let cek = [UInt8](repeating: 0xce, count: 16)
        expectCryptoError(CMSCryptoError.macLength) { () throws(CMSCryptoError) in try CMSDecryptor().decrypt(try! variant { $0.mac.removeLast() }, cek: cek) }
        expectCryptoError(CMSCryptoError.notAEAD) { () throws(CMSCryptoError) in
            try CMSDecryptor().decrypt(try! variant { $0.authEncryptedContentInfo.contentEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes128CBC, parameters: .encoded(DERWriter.tlv(.octetString, [UInt8](repeating: 0, count: 16)))) }, cek: cek)
        }
        expectCryptoError(CMSCryptoError.parameters) { () throws(CMSCryptoError) in
            try CMSDecryptor().decrypt(try! variant { $0.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .absent }, cek: cek)
        }
        expectCryptoError(CMSCryptoError.nonceLength) { () throws(CMSCryptoError) in
            try CMSDecryptor().decrypt(try! variant { $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesCCM(.bits128), AEADParameters(nonce: [1, 2, 3, 4, 5, 6])) }, cek: cek)
        }
        expectCryptoError(CMSCryptoError.icvLength) { () throws(CMSCryptoError) in
            try CMSDecryptor().decrypt(try! variant {
                $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 0x4e, count: 12), icvLength: 11))
                $0.mac.removeLast()
            }, cek: cek)
        }
        expectCryptoError(CMSCryptoError.contentAbsent) { () throws(CMSCryptoError) in
            try CMSDecryptor().decrypt(try! variant { $0.authEncryptedContentInfo.encryptedContent = nil }, cek: cek)
        }
        expectCryptoError(CMSCryptoError.notAuthEnveloped) { () throws(CMSCryptoError) in
            try CMSDecryptor().decrypt(try! CMSDecoder().decode(try! ContentInfo(.other(contentType: CMSOID.data, encoded: hex("04 00"))).encoded()), cek: cek)
        }
    }

    /// TR 33.829 Annex B.3: the CEK travels as the TEK of a TRANSFER_INIT
    /// (Annex E profile), recovered with the MPKi through the MIKEY module.
    @Test func mikeyTransferInitCarriesTheCEK() throws {
        let bytes = try Fixtures.builtORI()
        let d = try CMSDecoder(rules: .der).decode(bytes)
        let t = PSKMIMETransferInit(mpk: Fixtures.mpk)
        let rec = try CMSKeyRecovery.recover(d, key: .mikey(t.receiverKeys))
        #expect(rec.cek == [UInt8](repeating: 0xce, count: 16) && rec.recipientIndex == 0)
        let report = try #require(rec.mikeyReport)
        #expect(report.findings.contains { $0.code == "mikey.mac.verified" })
        #expect(report.isValid, "\(report.findings)")
        #expect(try d.decrypt(using: .mikey(t.receiverKeys)).content == Fixtures.content)
        // A wrong MPK: the TRANSFER_INIT MAC does not verify, the key is refused.
        expectCryptoError(CMSCryptoError.mikeyMACMismatch) { () throws(CMSCryptoError) in
            try d.decrypt(using: .mikey(MIKEYKeys(["psk": [UInt8](repeating: 0x62, count: 16)])))
        }
        // No key at all: the KEMAC cannot be decrypted.
        expectCryptoError(CMSCryptoError.mikeyNoTEK) { () throws(CMSCryptoError) in try d.decrypt(using: .mikey(MIKEYKeys(["idi": [1]]))) }
    }

    @Test(arguments: [AuthEncryptionAlgorithm.aesGCM(.bits256), .aesCCM(.bits128), .aesCCM(.bits256)])
    func mikeyRecipientWithOtherAlgorithms(_ alg: AuthEncryptionAlgorithm) throws {
        var t = PSKMIMETransferInit(mpk: Fixtures.mpk)
        t.tekType = .tekSalt
        t.kemacEncryption = alg.keyLength == 32 ? .aesCM256 : .aesCM128
        t.mpk = [UInt8](repeating: 0x61, count: alg.keyLength)
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = alg
        let d = try CMSDecoder(rules: .der).decode(try b.buildEncoded(content: Fixtures.content, recipients: [.mikey(t)]))
        #expect(try d.decrypt(using: .mikey(t.receiverKeys)).content == Fixtures.content)
    }

    @Test func proofOfOrigin() throws {
        let d = try CMSDecoder(rules: .der).decode(try Fixtures.builtORI())
        let aed = try #require(d.authEnvelopedData)
        guard case .ori(let o) = aed.recipientInfos.first, let m = try o.mikeyMessage() else { Issue.record("no TRANSFER_INIT"); return }
        #expect(ProofOfOrigin.check(transferInit: m, mac: aed.mac) == .match)
        #expect(ProofOfOrigin.check(transferInit: m, mac: [0] + aed.mac.dropFirst()) == .mismatch(carried: aed.mac))
        let without = try CMSDecoder(rules: .der).decode(try Fixtures.builtORI(proofOfOrigin: false))
        guard case .ori(let o2) = without.authEnvelopedData?.recipientInfos.first, let m2 = try o2.mikeyMessage() else { Issue.record("no TRANSFER_INIT"); return }
        #expect(ProofOfOrigin.check(transferInit: m2, mac: aed.mac) == .absent)
    }

    /// KWP (RFC 5649) is named, not silently mistaken for KW.
    @Test func keyWrapWithPaddingIsRecognizedButUnsupported() throws {
        let k = KEKRecipientInfo(kekid: KEKIdentifier(keyIdentifier: [1]), keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: CMSOID.aes128WrapPad),
                                 encryptedKey: [UInt8](repeating: 0, count: 24))
        #expect(k.keyWrapAlgorithm == .aesWrapPad(.bits128))
        expectCryptoError(CMSCryptoError.keyWrapUnsupported) { () throws(CMSCryptoError) in try CMSKeyRecovery.unwrap(k, kek: Fixtures.kek128) }
    }
}
