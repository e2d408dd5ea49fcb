import MIKEY
import MediasecCrypto
import Testing

/// KEMAC encryption and the MIKEY MAC (RFC 3830 §4.2.3, §4.2.4; RFC 6043 §6.2, §6.3).
@Suite("KEMAC cipher and MAC")
struct KEMACTests {
    // Expected values printed by this independent Python script (IV from the
    // RFC 3830 §4.2.3 formula written out here, AES from pyca/cryptography,
    // RFC 3394 §2.2.1 wrap written out over AES-ECB):
    //
    //     from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    //     def aes_cm(key, salt, csb, t64, data):
    //         block = b"\x00\x00" + csb.to_bytes(4, "big") + t64
    //         iv = bytes(a ^ b for a, b in zip(salt, block)) + b"\x00\x00"
    //         e = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    //         return iv, e.update(data) + e.finalize()
    //     def kw_wrap(kek, iv, p):
    //         n = len(p) // 8
    //         a, r = iv, [p[8 * i:8 * i + 8] for i in range(n)]
    //         enc = Cipher(algorithms.AES(kek), modes.ECB()).encryptor()
    //         for j in range(6):
    //             for i in range(n):
    //                 b = enc.update(a + r[i])
    //                 a = (int.from_bytes(b[:8], "big") ^ (n * j + i + 1)).to_bytes(8, "big")
    //                 r[i] = b[8:]
    //         return a + b"".join(r)
    //     key16 = bytes(range(0x10, 0x20)); key32 = bytes(range(0x20, 0x40))
    //     salt14 = bytes(range(0xA0, 0xAE)); salt8 = bytes(range(0xB0, 0xB8))
    //     csb = 0xDEADBEEF; data = bytes((3 * i + 5) & 0xFF for i in range(45))
    //     aes_cm(key16, salt14, csb, b"\0" * 4 + (0x01020304).to_bytes(4, "big"), data)   # COUNTER
    //     aes_cm(key32, salt14, csb, (0xE1234567).to_bytes(4, "big") + b"\0" * 4, data)   # NTP-UTC-32
    //     aes_cm(key16, salt14, csb, bytes.fromhex("E123456789ABCDEF"), data)             # NTP-UTC
    //     kw_wrap(key16, salt8, data[:40]); kw_wrap(key16, b"\xA6" * 8, data[:40])
    static let key16 = [UInt8](0x10..<0x20)
    static let key32 = [UInt8](0x20..<0x40)
    static let salt14 = [UInt8](0xA0..<0xAE)
    static let salt8 = [UInt8](0xB0..<0xB8)
    static let csbID: UInt32 = 0xDEAD_BEEF
    static let data: [UInt8] = (0..<45).map { UInt8(truncatingIfNeeded: 3 * $0 + 5) }

    @Test("AES-CM against the reference", arguments: [
        (EncryptionAlgorithm.aesCM128, TimestampType.counter, "01020304",
         "a0a17c0e1a4aa6a7a8a9aba9afa90000",
         "8568ef2b279b4a817b74b38777b4ed1cdc34e6b395e12afb691ea9eafac25571ad9b7735401d876958caf3f746"),
        (.aesCM256, .ntpUTC32, "E1234567",
         "a0a17c0e1a4a4784edceaaabacad0000",
         "7d6b24cb3d780f6393d11b6b3b1ea3579e81683ee5b793e239f97e8383d4e71055feba6eec553111c35fc34b55"),
        (.aesCM128, .ntpUTC, "E123456789ABCDEF",
         "a0a17c0e1a4a4784edce230061420000",
         "98df9e4aaf037e15f77058edc497f5a7f179c20790629fa0349c2455c4c00c0f732041f539dee1c97cee967e1a"),
    ])
    func aesCM(algorithm: EncryptionAlgorithm, tsType: TimestampType, ts: String, iv: String, ciphertext: String) throws {
        let key = algorithm == .aesCM256 ? Self.key32 : Self.key16
        let t = try KEMACCipher.timestamp64(h(ts), type: tsType)
        #expect(try KEMACCipher.counterModeIV(saltKey: Self.salt14, csbID: Self.csbID, timestamp64: t) == h(iv))
        let ct = try KEMACCipher.encrypt(
            algorithm: algorithm, encrKey: key, saltKey: Self.salt14, csbID: Self.csbID,
            timestamp: h(ts), timestampType: tsType, plaintext: Self.data)
        #expect(ct == h(ciphertext))
        #expect(try KEMACCipher.decrypt(
            algorithm: algorithm, encrKey: key, saltKey: Self.salt14, csbID: Self.csbID,
            timestamp: h(ts), timestampType: tsType, ciphertext: ct) == Self.data)
    }

    @Test("AES-KW-128 against the reference")
    func aesKW() throws {
        let plain = Array(Self.data.prefix(40))
        let withSalt = h("0b6bb76ec94f69ddede771cec06018811a7189bf5c8fd7a98ba314719737b2fa7b84065e3079e0c8741ad0f0427cdbdd")
        let withDefault = h("1e494c7b53456529892b555319f8be11a3f8ec87793d29318146b95a2b451920123de6d91790f5978855047da9abfd65")
        func run(_ iv: KEMACCipher.KeyWrapIV, encrypt input: [UInt8]) throws -> [UInt8] {
            try KEMACCipher.encrypt(
                algorithm: .aesKW128, encrKey: Self.key16, saltKey: Self.salt8, csbID: Self.csbID,
                timestamp: [], timestampType: .ntpUTC, plaintext: input, keyWrapIV: iv)
        }
        #expect(try run(.saltKey, encrypt: plain) == withSalt)
        #expect(try run(.rfc3394Default, encrypt: plain) == withDefault)
        // Decrypting with the other IV choice fails the RFC 3394 integrity check.
        let wrongIV = #expect(throws: MIKEYCryptoError.self) {
            try KEMACCipher.decrypt(
                algorithm: .aesKW128, encrKey: Self.key16, saltKey: Self.salt8, csbID: Self.csbID,
                timestamp: [], timestampType: .ntpUTC, ciphertext: withDefault, keyWrapIV: .saltKey)
        }
        #expect(wrongIV?.code == MIKEYCryptoError.keyWrapIntegrity)
        #expect(wrongIV?.underlying?.code == .integrityCheckFailure)
        // Key data that is not a whole number of 64-bit blocks cannot be wrapped.
        let ragged = #expect(throws: MIKEYCryptoError.self) { try run(.saltKey, encrypt: Array(Self.data.prefix(41))) }
        #expect(ragged?.code == MIKEYCryptoError.dataLength)
    }

    @Test("round trip for every algorithm", arguments: [
        (EncryptionAlgorithm.null, KEMACCipher.KeyWrapIV.saltKey),
        (.aesCM128, .saltKey), (.aesCM256, .saltKey), (.aesKW128, .saltKey), (.aesKW128, .rfc3394Default),
    ])
    func roundTrip(algorithm: EncryptionAlgorithm, keyWrapIV: KEMACCipher.KeyWrapIV) throws {
        let keys = try MIKEYKeyDerivation.messageKeys(
            inkey: [UInt8](repeating: 0x77, count: 16), context: .transport(csbID: 7, rand: [UInt8](repeating: 1, count: 16)),
            prf: .hmacSHA256, encryption: algorithm, mac: .hmacSHA256_256)
        for length in [16, 24, 32, 48, 1024] {
            let plain = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 31) }
            for (ts, type) in [([UInt8](repeating: 9, count: 8), TimestampType.ntpUTC), ([0, 0, 0, 1], .counter), ([1, 2, 3, 4], .ntpUTC32)] {
                let ct = try KEMACCipher.encrypt(
                    algorithm: algorithm, encrKey: keys.encryptionKey, saltKey: keys.saltKey, csbID: 7,
                    timestamp: ts, timestampType: type, plaintext: plain, keyWrapIV: keyWrapIV)
                #expect(ct.count == plain.count + (algorithm == .aesKW128 ? 8 : 0))
                #expect((ct == plain) == (algorithm == .null))
                #expect(try KEMACCipher.decrypt(
                    algorithm: algorithm, encrKey: keys.encryptionKey, saltKey: keys.saltKey, csbID: 7,
                    timestamp: ts, timestampType: type, ciphertext: ct, keyWrapIV: keyWrapIV) == plain)
            }
        }
    }

    @Test("timestamps widen per type (RFC 3830 §6.6, RFC 6043 §6.3)")
    func timestamps() throws {
        #expect(try KEMACCipher.timestamp64([1, 2, 3, 4], type: .counter) == [0, 0, 0, 0, 1, 2, 3, 4])
        #expect(try KEMACCipher.timestamp64([1, 2, 3, 4], type: .ntpUTC32) == [1, 2, 3, 4, 0, 0, 0, 0])
        #expect(try KEMACCipher.timestamp64([1, 2, 3, 4, 5, 6, 7, 8], type: .ntp) == [1, 2, 3, 4, 5, 6, 7, 8])
        let wrongLength = #expect(throws: MIKEYCryptoError.self) { try KEMACCipher.timestamp64([1, 2, 3, 4], type: .ntpUTC) }
        #expect(wrongLength?.code == MIKEYCryptoError.timestampLength)
        let unknown = #expect(throws: MIKEYCryptoError.self) { try KEMACCipher.timestamp64([1, 2, 3, 4], type: TimestampType(rawValue: 9)) }
        #expect(unknown?.code == MIKEYCryptoError.unsupportedTimestampType)
        // IV arithmetic by hand: S = 00 01 … 0d, CSB ID 0x11223344, T = 01 … 08.
        #expect(try KEMACCipher.counterModeIV(saltKey: [UInt8](0..<14), csbID: 0x1122_3344, timestamp64: [1, 2, 3, 4, 5, 6, 7, 8])
                == h("00011321374107050b0d0f0d0b05 0000"))
    }

    @Test("KEMAC cipher argument errors")
    func cipherErrors() throws {
        func encrypt(_ a: EncryptionAlgorithm, key: [UInt8], salt: [UInt8], data: [UInt8] = [UInt8](repeating: 0, count: 16)) throws -> [UInt8] {
            try KEMACCipher.encrypt(algorithm: a, encrKey: key, saltKey: salt, csbID: 1, timestamp: [0, 0, 0, 1], timestampType: .counter, plaintext: data)
        }
        let unknown = #expect(throws: MIKEYCryptoError.self) { try encrypt(EncryptionAlgorithm(rawValue: 9), key: Self.key16, salt: Self.salt14) }
        #expect(unknown?.code == MIKEYCryptoError.unsupportedEncryption)
        let keyLength = #expect(throws: MIKEYCryptoError.self) { try encrypt(.aesCM256, key: Self.key16, salt: Self.salt14) }
        #expect(keyLength?.code == MIKEYCryptoError.encryptionKeyLength)
        let saltLength = #expect(throws: MIKEYCryptoError.self) { try encrypt(.aesCM128, key: Self.key16, salt: Self.salt8) }
        #expect(saltLength?.code == MIKEYCryptoError.saltKeyLength)
        let kwSalt = #expect(throws: MIKEYCryptoError.self) { try encrypt(.aesKW128, key: Self.key16, salt: Self.salt14) }
        #expect(kwSalt?.code == MIKEYCryptoError.saltKeyLength)
        let tooLong = #expect(throws: MIKEYCryptoError.self) {
            try encrypt(.aesCM128, key: Self.key16, salt: Self.salt14, data: [UInt8](repeating: 0, count: KEMACCipher.maximumCounterModeLength + 1))
        }
        #expect(tooLong?.code == MIKEYCryptoError.dataLength)
        #expect(try encrypt(.null, key: [], salt: [], data: [1, 2, 3]) == [1, 2, 3])
    }

    /// RFC 2202 §3 test case 2 / RFC 4231 §4.3 test case 2 through the
    /// MIKEY MAC algorithms.
    @Test("MIKEY MAC")
    func mac() throws {
        let key = Array("Jefe".utf8), data = Array("what do ya want for nothing?".utf8)
        let sha1 = h("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        let sha256 = h("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(try MIKEYMAC.compute(algorithm: .hmacSHA1_160, key: key, data: data) == sha1)
        #expect(try MIKEYMAC.compute(algorithm: .hmacSHA256_256, key: key, data: data) == sha256)
        #expect(try MIKEYMAC.verify(algorithm: .hmacSHA1_160, key: key, data: data, mac: sha1))
        #expect(try MIKEYMAC.verify(algorithm: .hmacSHA256_256, key: key, data: data, mac: sha256))
        var forged = sha256
        forged[0] ^= 0x80
        #expect(try !MIKEYMAC.verify(algorithm: .hmacSHA256_256, key: key, data: data, mac: forged))
        let truncated = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYMAC.verify(algorithm: .hmacSHA256_256, key: key, data: data, mac: Array(sha256.prefix(20)))
        }
        #expect(truncated?.code == MIKEYCryptoError.macLength)
        #expect(try MIKEYMAC.compute(algorithm: .null, key: key, data: data) == [])
        #expect(try MIKEYMAC.verify(algorithm: .null, key: [], data: data, mac: []))
        let unknown = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYMAC.compute(algorithm: MACAlgorithm(rawValue: 7), key: key, data: data)
        }
        #expect(unknown?.code == MIKEYCryptoError.unsupportedMAC)
    }
}
