import MediasecCrypto
import Testing

/// Wycheproof vectors (external truth) for every primitive MediasecCrypto
/// offers. Each test counts what it checked and requires the whole file, so
/// a loader that silently loads nothing fails.
@Suite("Wycheproof")
struct WycheproofTests {
    // MARK: HMAC (mac_test_schema_v1)

    @Test("HMAC", arguments: [
        ("hmac_sha1_test.json", HashAlgorithm.sha1, 170),
        ("hmac_sha256_test.json", HashAlgorithm.sha256, 174),
    ])
    func hmac(file: String, algorithm: HashAlgorithm, minimum: Int) throws {
        let vectors = try Wycheproof.load(file, schema: "mac_test_schema_v1.json")
        var checked = 0
        for c in vectors.cases {
            let key = try c.bytes("key"), msg = try c.bytes("msg"), tag = try c.bytes("tag")
            // tagSize may truncate the tag (80/128 bits): compare the leftmost bytes.
            #expect(tag.count * 8 == (try c.parameter("tagSize")), "\(c)")
            let full = try HMAC.authenticate(algorithm, key: key, data: msg)
            let verified = try HMAC.verify(algorithm, key: key, data: msg, tag: tag)
            switch c.result {
            case .valid:
                #expect(Array(full.prefix(tag.count)) == tag, "\(c)")
                #expect(verified, "\(c)")
                // The incremental form agrees with the one-shot form.
                let ctx = try HMACContext(algorithm, key: key)
                try ctx.update(Array(msg.prefix(msg.count / 2)))
                try ctx.update(Array(msg.dropFirst(msg.count / 2)))
                #expect(try ctx.finalize() == full, "\(c)")
            case .invalid:
                #expect(!verified, "\(c)")
            case .acceptable:
                Issue.record("no acceptable HMAC vectors expected: \(c)")
            }
            checked += 1
        }
        #expect(checked == vectors.numberOfTests)
        #expect(checked >= minimum)
    }

    // MARK: AES key wrap (keywrap_test_schema_v1)

    /// "acceptable" vectors here are the 8-byte (single block) keys: RFC 3394
    /// §2 requires n ≥ 2 and NIST SP 800-38F does not define them, so
    /// ``AESKeyWrap`` rejects them in both directions (a documented choice).
    @Test("AES-KW")
    func aesKeyWrap() throws {
        let vectors = try Wycheproof.load("aes_wrap_test.json", schema: "keywrap_test_schema_v1.json")
        var checked = 0, acceptableRejected = 0
        for c in vectors.cases {
            let key = try c.bytes("key"), msg = try c.bytes("msg"), ct = try c.bytes("ct")
            #expect(key.count * 8 == (try c.parameter("keySize")), "\(c)")
            switch c.result {
            case .valid:
                #expect(try AESKeyWrap.wrap(kek: key, keyData: msg) == ct, "\(c)")
                #expect(try AESKeyWrap.unwrap(kek: key, wrapped: ct) == msg, "\(c)")
            case .invalid:
                #expect(throws: CryptoError.self, "\(c)") { try AESKeyWrap.unwrap(kek: key, wrapped: ct) }
                if let wrapped = try? AESKeyWrap.wrap(kek: key, keyData: msg) {
                    #expect(wrapped != ct, "\(c)")
                }
            case .acceptable:
                #expect(c.flags == ["ShortKey"], "\(c)")
                #expect(throws: CryptoError.self, "\(c)") { try AESKeyWrap.wrap(kek: key, keyData: msg) }
                #expect(throws: CryptoError.self, "\(c)") { try AESKeyWrap.unwrap(kek: key, wrapped: ct) }
                acceptableRejected += 1
            }
            checked += 1
        }
        #expect(checked == vectors.numberOfTests)
        #expect(checked >= 165)
        #expect(acceptableRejected == 3)
    }

    // MARK: AEAD (aead_test_schema_v1)

    /// GCM IVs longer than 128 bytes are outside ``AEADAlgorithm/nonceLengths``
    /// (libcrypto 3.0's limit); those valid vectors are required to fail
    /// with `crypto.nonce-length` and are counted separately.
    @Test("AEAD", arguments: [
        ("aes_gcm_test.json", AEADAlgorithm.aesGCM, 316),
        ("aes_ccm_test.json", AEADAlgorithm.aesCCM, 552),
    ])
    func aead(file: String, algorithm: AEADAlgorithm, minimum: Int) throws {
        let vectors = try Wycheproof.load(file, schema: "aead_test_schema_v1.json")
        var checked = 0, unsupported = 0
        for c in vectors.cases {
            let key = try c.bytes("key"), iv = try c.bytes("iv"), aad = try c.bytes("aad")
            let msg = try c.bytes("msg"), ct = try c.bytes("ct"), tag = try c.bytes("tag")
            if c.result == .valid, !algorithm.nonceLengths.contains(iv.count) {
                let error = #expect(throws: CryptoError.self, "\(c)") {
                    try AEAD.open(algorithm, key: key, nonce: iv, ciphertext: ct, tag: tag, aad: aad)
                }
                #expect(error?.code == .invalidNonceLength, "\(c)")
                unsupported += 1
                continue
            }
            switch c.result {
            case .valid:
                let sealed = try AEAD.seal(algorithm, key: key, nonce: iv, plaintext: msg, aad: aad, tagLength: tag.count)
                #expect(sealed.ciphertext == ct, "\(c)")
                #expect(sealed.tag == tag, "\(c)")
                #expect(try AEAD.open(algorithm, key: key, nonce: iv, ciphertext: ct, tag: tag, aad: aad) == msg, "\(c)")
            case .invalid:
                #expect(throws: CryptoError.self, "\(c)") {
                    try AEAD.open(algorithm, key: key, nonce: iv, ciphertext: ct, tag: tag, aad: aad)
                }
                if let sealed = try? AEAD.seal(algorithm, key: key, nonce: iv, plaintext: msg, aad: aad, tagLength: tag.count) {
                    #expect(sealed != AEADSealedBox(ciphertext: ct, tag: tag), "\(c)")
                }
            case .acceptable:
                Issue.record("no acceptable AEAD vectors expected: \(c)")
            }
            checked += 1
        }
        #expect(checked + unsupported == vectors.numberOfTests)
        #expect(checked >= minimum - 3)
        #expect(unsupported == (algorithm == .aesGCM ? 3 : 0))
    }
}
