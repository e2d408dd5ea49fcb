import MediasecCrypto
import Testing

/// Published known-answer vectors for the primitives, each with its source.
@Suite("Primitives")
struct PrimitiveTests {
    /// NIST SP 800-38A Appendix F.5.1 (CTR-AES128.Encrypt) and F.5.5
    /// (CTR-AES256.Encrypt): four blocks from counter f0f1…feff.
    @Test("AES-CTR, SP 800-38A F.5.1 / F.5.5", arguments: [
        ("2b7e151628aed2a6abf7158809cf4f3c",
         "874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff 5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee"),
        ("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
         "601ec313775789a5b7a7f504bbf3d228 f443e3ca4d62b59aca84e990cacaf5c5 2b0930daa23de94ce87017ba2d84988d dfc9c58db67aada613c2dd08457941a6"),
    ])
    func aesCTR(key: String, ciphertext: String) throws {
        let counter = h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
        let plaintext = h("""
            6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
            30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
            """)
        #expect(try AES.ctr(key: h(key), initialCounterBlock: counter, data: plaintext) == h(ciphertext))
        #expect(try AES.ctr(key: h(key), initialCounterBlock: counter, data: h(ciphertext)) == plaintext)
        // A partial last block is a prefix of the full key stream.
        #expect(try AES.ctr(key: h(key), initialCounterBlock: counter, data: Array(plaintext.prefix(37)))
                == Array(h(ciphertext).prefix(37)))
        #expect(try AES.ctr(key: h(key), initialCounterBlock: counter, data: []) == [])
    }

    /// FIPS 197 Appendix C.1 (AES-128) and C.3 (AES-256).
    @Test("AES block, FIPS 197 C.1 / C.3")
    func aesBlock() throws {
        let pt = h("00112233445566778899aabbccddeeff")
        #expect(try AES.encryptBlock(key: h("000102030405060708090a0b0c0d0e0f"), block: pt)
                == h("69c4e0d86a7b0430d8cdb78070b4c55a"))
        #expect(try AES.encryptBlock(key: h("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), block: pt)
                == h("8ea2b7ca516745bfeafc49904b496089"))
        let short = #expect(throws: CryptoError.self) { try AES.encryptBlock(key: h("00"), block: pt) }
        #expect(short?.code == .invalidKeyLength)
        let partial = #expect(throws: CryptoError.self) { try AES.encryptBlock(key: Array(repeating: 0, count: 16), block: [1]) }
        #expect(partial?.code == .invalidInputLength)
    }

    /// RFC 3394 §4.1–§4.6: every KEK size / key data size combination.
    @Test("AES-KW, RFC 3394 §4", arguments: [
        ("000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF",
         "1FA68B0A8112B447 AEF34BD8FB5A7B82 9D3E862371D2CFE5"),  // §4.1
        ("000102030405060708090A0B0C0D0E0F1011121314151617", "00112233445566778899AABBCCDDEEFF",
         "96778B25AE6CA435 F92B5B97C050AED2 468AB8A17AD84E5D"),  // §4.2
        ("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF",
         "64E8C3F9CE0F5BA2 63E9777905818A2A 93C8191E7D6E8AE7"),  // §4.3
        ("000102030405060708090A0B0C0D0E0F1011121314151617", "00112233445566778899AABBCCDDEEFF0001020304050607",
         "031D33264E15D332 68F24EC260743EDC E1C6C7DDEE725A93 6BA814915C6762D2"),  // §4.4
        ("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF0001020304050607",
         "A8F9BC1612C68B3F F6E6F4FBE30E71E4 769C8B80A32CB895 8CD5D17D6B254DA1"),  // §4.5
        ("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F",
         "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F",
         "28C9F404C4B810F4 CBCCB35CFB87F826 3F5786E2D80ED326 CBC7F0E71A99F43B FB988B9B7A02DD21"),  // §4.6
    ])
    func keyWrapRFC3394(kek: String, keyData: String, wrapped: String) throws {
        #expect(try AESKeyWrap.wrap(kek: h(kek), keyData: h(keyData)) == h(wrapped))
        #expect(try AESKeyWrap.unwrap(kek: h(kek), wrapped: h(wrapped)) == h(keyData))
        var tampered = h(wrapped)
        tampered[tampered.count - 1] ^= 0x01
        let error = #expect(throws: CryptoError.self) { try AESKeyWrap.unwrap(kek: h(kek), wrapped: tampered) }
        #expect(error?.code == .integrityCheckFailure)
        // A different initial value (RFC 3394 §2.2.3.2 alternative IVs) must be checked too.
        let iv = h("0011223344556677")
        let custom = try AESKeyWrap.wrap(kek: h(kek), keyData: h(keyData), iv: iv)
        #expect(custom != h(wrapped))
        #expect(try AESKeyWrap.unwrap(kek: h(kek), wrapped: custom, iv: iv) == h(keyData))
        #expect(throws: CryptoError.self) { try AESKeyWrap.unwrap(kek: h(kek), wrapped: custom) }
    }

    /// FIPS 180-2 Appendix A/B one-block example ("abc") and the empty string.
    @Test("SHA-1 / SHA-256")
    func digests() throws {
        let abc = Array("abc".utf8)
        #expect(try Digest.sha1(abc) == h("a9993e364706816aba3e25717850c26c9cd0d89d"))
        #expect(try Digest.sha256(abc) == h("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(try Digest.sha1([]) == h("da39a3ee5e6b4b0d3255bfef95601890afd80709"))
        #expect(try Digest.sha256([]) == h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    /// RFC 2202 §3 test case 2 and RFC 4231 §4.3 test case 2 ("Jefe").
    @Test("HMAC, RFC 2202 / RFC 4231 test case 2")
    func hmacKnownAnswers() throws {
        let key = Array("Jefe".utf8), data = Array("what do ya want for nothing?".utf8)
        #expect(try HMAC.authenticate(.sha1, key: key, data: data) == h("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))
        #expect(try HMAC.authenticate(.sha256, key: key, data: data)
                == h("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        // Empty key and empty data are legal HMAC inputs (RFC 2104 §2).
        #expect(try HMAC.authenticate(.sha1, key: [], data: []).count == 20)
        // Truncation limits (RFC 2104 §5).
        let tag = try HMAC.authenticate(.sha256, key: key, data: data)
        #expect(try HMAC.verify(.sha256, key: key, data: data, tag: Array(tag.prefix(16))))
        let tooShort = #expect(throws: CryptoError.self) { try HMAC.verify(.sha256, key: key, data: data, tag: Array(tag.prefix(15))) }
        #expect(tooShort?.code == .invalidTagLength)
        // A finalized context refuses further use.
        let ctx = try HMACContext(.sha1, key: key)
        _ = try ctx.finalize()
        #expect(throws: CryptoError.self) { try ctx.update([1]) }
        #expect(throws: CryptoError.self) { try ctx.finalize() }
    }

    @Test("AEAD parameter checks")
    func aeadParameters() throws {
        let key = [UInt8](repeating: 7, count: 16)
        let gcmEmptyNonce = #expect(throws: CryptoError.self) {
            try AEAD.seal(.aesGCM, key: key, nonce: [], plaintext: [1])
        }
        #expect(gcmEmptyNonce?.code == .invalidNonceLength)
        let ccmLongNonce = #expect(throws: CryptoError.self) {
            try AEAD.seal(.aesCCM, key: key, nonce: [UInt8](repeating: 0, count: 14), plaintext: [1])
        }
        #expect(ccmLongNonce?.code == .invalidNonceLength)
        let ccmOddTag = #expect(throws: CryptoError.self) {
            try AEAD.seal(.aesCCM, key: key, nonce: [UInt8](repeating: 0, count: 13), plaintext: [1], tagLength: 5)
        }
        #expect(ccmOddTag?.code == .invalidTagLength)
        // RFC 3610 §2: a 13-byte nonce leaves L = 2, so at most 65535 bytes.
        let ccmTooLong = #expect(throws: CryptoError.self) {
            try AEAD.seal(.aesCCM, key: key, nonce: [UInt8](repeating: 0, count: 13), plaintext: [UInt8](repeating: 0, count: 65536))
        }
        #expect(ccmTooLong?.code == .invalidInputLength)
        let badKey = #expect(throws: CryptoError.self) {
            try AEAD.seal(.aesGCM, key: [1, 2, 3], nonce: [UInt8](repeating: 0, count: 12), plaintext: [1])
        }
        #expect(badKey?.code == .invalidKeyLength)
        // Tampered AAD is an authentication failure for both modes, every key size.
        for algorithm in AEADAlgorithm.allCases {
            for keyLength in [16, 24, 32] {
                let k = [UInt8](repeating: 3, count: keyLength), nonce = [UInt8](repeating: 9, count: 12)
                let box = try AEAD.seal(algorithm, key: k, nonce: nonce, plaintext: Array("key data".utf8), aad: [1, 2], tagLength: 12)
                #expect(box.tag.count == 12)
                #expect(try AEAD.open(algorithm, key: k, nonce: nonce, ciphertext: box.ciphertext, tag: box.tag, aad: [1, 2])
                        == Array("key data".utf8))
                let failure = #expect(throws: CryptoError.self) {
                    try AEAD.open(algorithm, key: k, nonce: nonce, ciphertext: box.ciphertext, tag: box.tag, aad: [1, 3])
                }
                #expect(failure?.code == .authenticationFailure)
            }
        }
    }

    @Test("constant-time comparison and random bytes")
    func comparisonAndRandom() throws {
        #expect(ConstantTime.equal([], []))
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
        let a = try SecureRandom.bytes(count: 32), b = try SecureRandom.bytes(count: 32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
        #expect(try SecureRandom.bytes(count: 0) == [])
        let negative = #expect(throws: CryptoError.self) { try SecureRandom.bytes(count: -1) }
        #expect(negative?.code == .invalidArgument)
    }
}
