import MIKEY
import Testing

/// The MIKEY PRF and key derivations (RFC 3830 §4.1, RFC 6043 §5.1, §6.1,
/// §6.10, Appendix A.2).
@Suite("MIKEY PRF and key derivation")
struct MIKEYPRFTests {
    // Expected values printed by this independent Python implementation
    // (python3, hmac/hashlib only), written from RFC 3830 §4.1.2 / RFC 6043 §6.1:
    //
    //     import hmac, hashlib
    //     def p_function(h, s, label, m):
    //         out, a = b"", label                      # A_0 = label
    //         for _ in range(m):
    //             a = hmac.new(s, a, h).digest()       # A_i = HMAC(s, A_(i-1))
    //             out += hmac.new(s, a + label, h).digest()
    //         return out
    //     def prf(h, inkey, label, outlen, buggy=False):
    //         hl = h().digest_size                     # 160 or 256 bits
    //         m = -(-outlen // hl)                     # ceil(outkey_len / hl)
    //         chunks = [inkey[i:i + 32] for i in range(0, len(inkey), 32)]  # n = ceil(len/256 bits)
    //         if buggy and len(inkey) % 32 == 0:
    //             chunks.append(b"")                   # the known bug: extra empty chunk
    //         acc = bytes(m * hl)
    //         for s in chunks:
    //             acc = bytes(x ^ y for x, y in zip(acc, p_function(h, s, label, m)))
    //         return acc[:outlen]
    //     label = bytes.fromhex("2AD01C640405A85C16") + bytes.fromhex("4339F62F55AAC86348846A482C893802")
    //     for name, h in (("mikey1", hashlib.sha1), ("hmacSHA256", hashlib.sha256)):
    //         for n in (16, 31, 32, 33, 64):
    //             inkey = bytes((7 * i + 1) & 0xFF for i in range(n))
    //             print(name, n, prf(h, inkey, label, 65).hex())
    //         print(name, "buggy32", prf(h, bytes((7 * i + 1) & 0xFF for i in range(32)), label, 65, buggy=True).hex())
    static let referenceLabel = h("2AD01C640405A85C16 4339F62F55AAC86348846A482C893802")

    static func referenceInkey(_ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: 7 * $0 + 1) } }

    @Test("PRF against the independent reference", arguments: [
        (PRFFunction.mikey1, 16, "b828b0385034989846d251536678ea2ad6388b7feb741bdf363228bf070bfaf4e409500b2f3b4d0619789426d92ebb40d7389bc8f33bf30ce64ab77dc793efbf51"),
        (.mikey1, 31, "91be06e9d0e42cf9512189bc971d49327fb2a7863fa7c0cf9c0adb6c14b0c69fc41c3dcfe7b9be3315ba33e97efb42ec4ec0e851884d24aea38ef1e4f1db901809"),
        (.mikey1, 32, "f4d9d55f8ee1a72a55ec5c3a9ec2b9e8cf3db8ba2483a49f6d51013612e07fa75fe050564a884892d4f877b1e3464661347b255f376450727969353af43c051c93"),
        (.mikey1, 33, "3d4973ffd4f0e5b5ff9d753a3dd38682c883eb901d38018e0234745ba41680485db630e9407fecda412942a6762fd800535ed35568ff54d581e3bafa625d907363"),
        (.mikey1, 64, "58b071db1a9cd4e92c5154335c3227d7c82bc4f43388364c2e97c29728976fa060ab277b8707c8b29d1d25782152d2de481587bdd477b11ca5d1fbe690efa025e9"),
        (.hmacSHA256, 16, "966daa595b7f14f4537eee1a8bd579d1f0a0c89785c703b53a23e38843032ed94eab3776570c40208453cfe488664fe7219872db8e2bfec9d6f5055cd76cde35b0"),
        (.hmacSHA256, 31, "e51f9803abc81389eba031603abecc7959587a04dfbc2b55680e85702c36eda0a2c178778d67ad0535a67c5bc6cd99fe0be09a9ecb6c60d43c2b9313016ea842fb"),
        (.hmacSHA256, 32, "3ffe925644b6d5e11c7724037a504baf838fab45ca9d24636d82627a84a2530b38ea20e62830935e30b3a257dea38f1bdcba0707aa782686bcb5a4b1ebc6eca94d"),
        (.hmacSHA256, 33, "1e6e7fd7b6d98c45e0f0b55a614337464190c560b0bb7e34c841b64e1f2afb7db6c13df26de7853e2a20c78b976518a877be2825f8682104d7b849a956f2f59e79"),
        (.hmacSHA256, 64, "7fe87c9756f4a20dda3723abf707dfbcd3054d6e7c3ae0a40732029b081e13c3eb26354c95f85d9aeba4b755c3a08c18e51c83db7ad0afc7a1082d230e10dada3e"),
    ])
    func prfReference(function: PRFFunction, inkeyLength: Int, expected: String) throws {
        let inkey = Self.referenceInkey(inkeyLength)
        let out = try MIKEYPRF.derive(function: function, inkey: inkey, label: Self.referenceLabel, outputLength: 65)
        #expect(out == h(expected))
        // outkey is the leading outkey_len bits: shorter outputs are prefixes.
        for length in [0, 1, 14, 16, 20, 32, 33] {
            #expect(try MIKEYPRF.derive(function: function, inkey: inkey, label: Self.referenceLabel, outputLength: length)
                    == Array(h(expected).prefix(length)))
        }
    }

    /// The old-implementation bug (a 32-byte inkey hashed as one full and one
    /// empty chunk) gives these values; the correct PRF must not.
    @Test("32-byte inkey is one chunk", arguments: [
        (PRFFunction.mikey1, "475d8759c010fa9ebc47838b5c3921952e8de10f23e737fb5faabfb006d18838c3c3a38e88087e394faf071b3cb43b4d3101ab73a17aa14ddfedd035db5674c489"),
        (.hmacSHA256, "315f9cfe8a5d61ff06272f0caad4af9c0d70a985dd9487e838526ff4f4fd60070068272a9bd03994e14317124b0601e1e059bc8b04cce7c71bb0afe94768939852"),
    ])
    func thirtyTwoByteInkey(function: PRFFunction, buggy: String) throws {
        let out = try MIKEYPRF.derive(function: function, inkey: Self.referenceInkey(32), label: Self.referenceLabel, outputLength: 65)
        #expect(out != h(buggy))
    }

    @Test("PRF argument errors")
    func prfErrors() throws {
        let empty = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYPRF.derive(function: .mikey1, inkey: [], label: [1], outputLength: 16)
        }
        #expect(empty?.code == MIKEYCryptoError.emptyInkey)
        let unknown = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYPRF.derive(function: PRFFunction(rawValue: 5), inkey: [1], label: [1], outputLength: 16)
        }
        #expect(unknown?.code == MIKEYCryptoError.unsupportedPRF)
        let negative = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYPRF.derive(function: .hmacSHA256, inkey: [1], label: [1], outputLength: -1)
        }
        #expect(negative?.code == MIKEYCryptoError.invalidOutputLength)
    }

    // MARK: FACTS.md §3 published vectors

    /// FACTS.md §3 (PRF-HMAC-SHA-256, inkey A27B…D300, RAND 4339…3802). All
    /// three reproduce with the RFC 3830 §4.1.3 TGK label
    /// (const ‖ CS ID ‖ CSB ID ‖ RAND): the first two with the encryption-key
    /// constant 0x15798CEF and the salt constant 0x39A2C14B, the third with
    /// the TEK constant 0x2AD01C64 and the salt constant 0x39A2C14B. None
    /// reproduces with the §4.1.4 transport label (const ‖ 0xFF ‖ CSB ID ‖ RAND).
    @Test("FACTS §3 KDF vectors", arguments: [
        (UInt32(0x05A8_5C16), UInt8(4), MIKEYKeyDerivation.DerivedKey.encryptionKey,
         "3924935940c154ccbc3c2ad05c8f5181", "1725869b80f370cc9f24e13b"),
        (0x05A8_5C16, 0, .encryptionKey, "f17c80a8d2f9befa47cf712603d7229a", "c3b7b561a291a1d3abef482b"),
        (0x0633_F457, 4, .tek, "59aaa49ebb54813602b7cc165961b4e8", "745eb4df7d155c473114a799"),
    ])
    func factsVectors(csbID: UInt32, csID: UInt8, key: MIKEYKeyDerivation.DerivedKey, expectedKey: String, expectedSalt: String) throws {
        let inkey = h("A27B7D578EEB9B1EE7705E385996D300"), rand = h("4339F62F55AAC86348846A482C893802")
        let context = MIKEYKeyDerivation.Context.tgk(csID: csID, csbID: csbID, rand: rand)
        let derivedKey = try MIKEYKeyDerivation.derive(key, inkey: inkey, context: context, prf: .hmacSHA256, outputLength: 16)
        let derivedSalt = try MIKEYKeyDerivation.derive(.saltKey, inkey: inkey, context: context, prf: .hmacSHA256, outputLength: 12)
        #expect(derivedKey == h(expectedKey))
        #expect(derivedSalt == h(expectedSalt))
        // The transport-key reading (RFC 3830 §4.1.4) does not give these numbers.
        let transport = MIKEYKeyDerivation.Context.transport(csbID: csbID, rand: rand)
        #expect(try MIKEYKeyDerivation.derive(.encryptionKey, inkey: inkey, context: transport, prf: .hmacSHA256, outputLength: 16)
                != h(expectedKey))
        #expect(try MIKEYKeyDerivation.derive(.saltKey, inkey: inkey, context: transport, prf: .hmacSHA256, outputLength: 12)
                != h(expectedSalt))
    }

    // MARK: Labels, byte by byte from the clause layouts

    @Test("label layouts", arguments: [
        // RFC 3830 §4.1.3: const || cs_id || csb_id || RAND
        (MIKEYKeyDerivation.DerivedKey.tek, MIKEYKeyDerivation.Context.tgk(csID: 4, csbID: 0x05A8_5C16, rand: [0xAA, 0xBB]),
         "2AD01C64 04 05A85C16 AABB"),
        (.authenticationKey, .tgk(csID: 1, csbID: 2, rand: [0xAA]), "1B5C7973 01 00000002 AA"),
        (.encryptionKey, .tgk(csID: 1, csbID: 2, rand: [0xAA]), "15798CEF 01 00000002 AA"),
        (.saltKey, .tgk(csID: 1, csbID: 2, rand: [0xAA]), "39A2C14B 01 00000002 AA"),
        // RFC 3830 §4.1.4: const || 0xFF || csb_id || RAND
        (.encryptionKey, .transport(csbID: 0x0102_0304, rand: [0x11, 0x22]), "150533E1 FF 01020304 1122"),
        (.authenticationKey, .transport(csbID: 0x0102_0304, rand: [0x11]), "2D22AC75 FF 01020304 11"),
        (.saltKey, .transport(csbID: 0x0102_0304, rand: [0x11]), "29B88916 FF 01020304 11"),
        // RFC 6043 §5.1.1: const || 0xFF || 0xFFFFFFFF || 0x00 || len ID Data (16) || ID Data || len RANDRkms (8) || RANDRkms
        (.forkedMPKr, .keyForking(idData: Array("abc".utf8), randRkms: [0xAA, 0xBB]),
         "2B288856 FF FFFFFFFF 00 0003 616263 02 AABB"),
        (.forkedTGK, .keyForking(idData: [], randRkms: [0x01]), "1512B54A FF FFFFFFFF 00 0000 01 01"),
        // RFC 6043 §5.1.2: const || 0xFF || CSB ID || 0x01/0x02 || len RANDRi || RANDRi || len RANDRr || RANDRr
        (.encryptionKey, .ticketMessage(.initial, csbID: 0x0A0B_0C0D, randRi: [1, 2], randRr: []),
         "150533E1 FF 0A0B0C0D 01 02 0102 00"),
        (.saltKey, .ticketMessage(.response, csbID: 0x0A0B_0C0D, randRi: [1, 2], randRr: [3]),
         "29B88916 FF 0A0B0C0D 02 02 0102 01 03"),
        // RFC 6043 §5.1.3: const || CS ID || 0xFFFFFFFF || 0x03 || len RANDRi || RANDRi || len RANDRr || RANDRr
        (.tek, .ticketTGK(csID: 7, randRi: [], randRr: [9]), "2AD01C64 07 FFFFFFFF 03 00 01 09"),
        (.saltKey, .ticketTGK(csID: 7, randRi: [8], randRr: [9]), "39A2C14B 07 FFFFFFFF 03 01 08 01 09"),
        // RFC 6043 §6.10: const || 0xFF || 0xFFFFFFFF || 0x04
        (.authenticationKey, .initiatorData, "2D22AC75 FF FFFFFFFF 04"),
        // RFC 6043 Appendix A.2.1: const || 0xFF || 0xFFFFFFFF || 0x05 || len RAND || RAND
        (.encryptionKey, .ticketProtectionKey(rand: [5, 6, 7]), "150533E1 FF FFFFFFFF 05 03 050607"),
        // RFC 6043 Appendix A.2.2: const || 0xFF || 0xFFFFFFFF || 0x06 || len RAND || RAND
        (.mpkI, .mikeyProtectionKey(rand: [1]), "220E99A2 FF FFFFFFFF 06 01 01"),
        (.mpkR, .mikeyProtectionKey(rand: [1]), "1F4D675B FF FFFFFFFF 06 01 01"),
    ])
    func labels(key: MIKEYKeyDerivation.DerivedKey, context: MIKEYKeyDerivation.Context, expected: String) throws {
        #expect(try MIKEYKeyDerivation.label(for: key, context: context) == h(expected))
    }

    @Test("derivation errors")
    func derivationErrors() throws {
        // A TEK is only derived from a TGK (RFC 3830 §4.1.3 vs §4.1.4).
        let tekFromPSK = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYKeyDerivation.label(for: .tek, context: .transport(csbID: 1, rand: [1]))
        }
        #expect(tekFromPSK?.code == MIKEYCryptoError.invalidKeyForContext)
        #expect(tekFromPSK?.specRef == "RFC 3830 §4.1.4")
        // 8-bit RAND length fields (RFC 6043 §5.1.2).
        let longRand = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYKeyDerivation.label(
                for: .encryptionKey,
                context: .ticketMessage(.initial, csbID: 1, randRi: [UInt8](repeating: 0, count: 256), randRr: []))
        }
        #expect(longRand?.code == MIKEYCryptoError.fieldTooLong)
        // outkey_len SHALL equal inkey_len for MPKi/MPKr and forked keys.
        let mpk = [UInt8](repeating: 0x42, count: 16)
        #expect(try MIKEYKeyDerivation.derive(.mpkI, inkey: mpk, context: .mikeyProtectionKey(rand: [1]), prf: .hmacSHA256).count == 16)
        let mismatch = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYKeyDerivation.derive(.forkedTGK, inkey: mpk, context: .keyForking(idData: [], randRkms: [1]), prf: .mikey1, outputLength: 20)
        }
        #expect(mismatch?.code == MIKEYCryptoError.invalidOutputLength)
        let missingLength = #expect(throws: MIKEYCryptoError.self) {
            try MIKEYKeyDerivation.derive(.tek, inkey: mpk, context: .tgk(csID: 1, csbID: 1, rand: [1]), prf: .mikey1)
        }
        #expect(missingLength?.code == MIKEYCryptoError.invalidOutputLength)
    }

    @Test("message keys have the algorithms' lengths", arguments: [
        (EncryptionAlgorithm.null, MACAlgorithm.null, 0, 0, 0),
        (.aesCM128, .hmacSHA1_160, 16, 20, 14),
        (.aesKW128, .hmacSHA1_160, 16, 20, 8),
        (.aesCM256, .hmacSHA256_256, 32, 32, 14),
    ])
    func messageKeys(encryption: EncryptionAlgorithm, mac: MACAlgorithm, encr: Int, auth: Int, salt: Int) throws {
        let psk = [UInt8](repeating: 0x5A, count: 20)
        let context = MIKEYKeyDerivation.Context.transport(csbID: 0x1234_5678, rand: [UInt8](repeating: 0x33, count: 16))
        let keys = try MIKEYKeyDerivation.messageKeys(inkey: psk, context: context, prf: .mikey1, encryption: encryption, mac: mac)
        #expect(keys.encryptionKey.count == encr)
        #expect(keys.authenticationKey.count == auth)
        #expect(keys.saltKey.count == salt)
        if encr > 0 {
            #expect(keys.encryptionKey
                    == (try MIKEYKeyDerivation.derive(.encryptionKey, inkey: psk, context: context, prf: .mikey1, outputLength: encr)))
        }
        if auth > 0 {
            #expect(keys.authenticationKey
                    == (try MIKEYKeyDerivation.derive(.authenticationKey, inkey: psk, context: context, prf: .mikey1, outputLength: auth)))
        }
    }
}
