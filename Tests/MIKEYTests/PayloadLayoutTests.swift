import Testing
import MediasecCore
import MIKEY

/// Per-payload layout tests. Every expected byte string below was written by
/// reading the bit diagrams of RFC 3830 §6, RFC 6043 §6 + Appendix A.3,
/// RFC 6509 §4.2, RFC 4563 §5 and TR 33.829 Annex C.1 / D.1 / F.1 — never by
/// running the encoder. Each case checks encode == hand bytes and both
/// round-trip laws (``assertRoundTrips``).
@Suite struct PayloadLayoutTests {
    typealias K = MIKEYTestKit
    static func rep(_ byteHex: String, _ n: Int) -> String { String(repeating: byteHex, count: n) }

    /// One single-message layout: the HDR's Next Payload byte, the payloads,
    /// and the hand-computed bytes after the 10-byte Empty-map HDR.
    struct LayoutCase: Sendable, CustomTestStringConvertible {
        var name: String
        var hdrNext: UInt8
        var payloads: [Payload]
        var hex: String
        var testDescription: String { name }
    }

    static let fill = HandBuiltMessages.fill

    static let layoutCases: [LayoutCase] = [
        // RFC 3830 §6.6 / RFC 6043 §6.3: ! Next ! TS type ! TS value ~ (8 B for NTP-UTC/NTP, 4 B for COUNTER/NTP-UTC-32)
        LayoutCase(name: "T NTP-UTC", hdrNext: 0x05, payloads: [.timestamp(.init(tsType: .ntpUTC, value: [0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18]))],
                   hex: "00 00 1112131415161718"),
        LayoutCase(name: "T NTP", hdrNext: 0x05, payloads: [.timestamp(.init(tsType: .ntp, value: [1, 2, 3, 4, 5, 6, 7, 8]))], hex: "00 01 0102030405060708"),
        LayoutCase(name: "T COUNTER", hdrNext: 0x05, payloads: [.timestamp(.init(tsType: .counter, value: [0, 0, 0, 0x2a]))], hex: "00 02 0000002a"),
        LayoutCase(name: "T NTP-UTC-32", hdrNext: 0x05, payloads: [.timestamp(.init(tsType: .ntpUTC32, value: [0xde, 0xad, 0xbe, 0xef]))], hex: "00 03 deadbeef"),
        // Two payloads: T's Next Payload names RAND (11), RAND's is 0.
        LayoutCase(name: "T then RAND", hdrNext: 0x05, payloads: [.timestamp(.init(tsType: .counter, value: [0, 0, 0, 0x2a])), .rand(.init(rand: [0xff]))],
                   hex: "0b 02 0000002a 00 01 ff"),
        // RFC 3830 §6.7: ! Next ! ID Type ! ID len (16) ! ID Data ~
        LayoutCase(name: "ID URI", hdrNext: 0x06, payloads: [.id(IDPayload(uri: "sip:a@x"))], hex: "00 01 0007 7369703a614078"),
        LayoutCase(name: "ID empty byte string", hdrNext: 0x06, payloads: [.id(IDPayload(idType: .byteString, data: []))], hex: "00 02 0000"),
        LayoutCase(name: "CERT", hdrNext: 0x07, payloads: [.cert(CertPayload(certType: .x509v3, data: [0x30, 0x00]))], hex: "00 00 0002 3000"),
        // RFC 3830 §6.8 / RFC 6043 §6.7: hash length implicit (SHA-1 20, MD5 16, SHA-256 32).
        LayoutCase(name: "CHASH SHA-1", hdrNext: 0x08, payloads: [.certHash(.init(hashFunction: .sha1, hash: fill(0xaa, 20)))], hex: "00 00" + rep("aa", 20)),
        LayoutCase(name: "CHASH MD5", hdrNext: 0x08, payloads: [.certHash(.init(hashFunction: .md5, hash: fill(0xbb, 16)))], hex: "00 01" + rep("bb", 16)),
        LayoutCase(name: "CHASH SHA-256", hdrNext: 0x08, payloads: [.certHash(.init(hashFunction: .sha256, hash: fill(0xcc, 32)))], hex: "00 02" + rep("cc", 32)),
        // RFC 3830 §6.9: ! Next ! Auth alg ! Ver data ~ (length from the MAC alg: 0 / 20 / 32).
        LayoutCase(name: "V NULL", hdrNext: 0x09, payloads: [.verification(.init(authAlgorithm: .null, verificationData: []))], hex: "00 00"),
        LayoutCase(name: "V HMAC-SHA-1-160", hdrNext: 0x09, payloads: [.verification(.init(authAlgorithm: .hmacSHA1_160, verificationData: fill(0x76, 20)))], hex: "00 01" + rep("76", 20)),
        LayoutCase(name: "V HMAC-SHA-256-256", hdrNext: 0x09, payloads: [.verification(.init(authAlgorithm: .hmacSHA256_256, verificationData: fill(0x76, 32)))], hex: "00 02" + rep("76", 32)),
        // RFC 3830 §6.10: ! Next ! Policy no ! Prot type ! Policy param length (16) ! {Type(8) Length(8) Value} ~
        LayoutCase(name: "SP two params", hdrNext: 0x0a,
                   payloads: [.securityPolicy(.init(policyNumber: 7, protType: .srtp, parameters: [.init(type: 0, value: [1]), .init(type: 1, value: [16])]))],
                   hex: "00 07 00 0006 000101 010110"),
        LayoutCase(name: "SP no params, TLS prot type", hdrNext: 0x0a, payloads: [.securityPolicy(.init(policyNumber: 0, protType: .init(rawValue: 241), parameters: []))],
                   hex: "00 00 f1 0000"),
        LayoutCase(name: "SP 255-byte value", hdrNext: 0x0a, payloads: [.securityPolicy(.init(policyNumber: 1, protType: .srtp, parameters: [.init(type: 3, value: fill(0xee, 255))]))],
                   hex: "00 01 00 0101 03 ff" + rep("ee", 255)),
        // RFC 3830 §6.11: ! Next ! RAND len (8) ! RAND ~
        LayoutCase(name: "RAND 16", hdrNext: 0x0b, payloads: [.rand(.init(rand: fill(0x5a, 16)))], hex: "00 10" + rep("5a", 16)),
        LayoutCase(name: "RAND empty", hdrNext: 0x0b, payloads: [.rand(.init(rand: []))], hex: "00 00"),
        LayoutCase(name: "RAND 255", hdrNext: 0x0b, payloads: [.rand(.init(rand: fill(0x5a, 255)))], hex: "00 ff" + rep("5a", 255)),
        // RFC 3830 §6.12: ! Next ! Error no ! Reserved (16) !
        LayoutCase(name: "ERR Invalid TICKET", hdrNext: 0x0c, payloads: [.error(.init(errorNumber: .init(rawValue: 14)))], hex: "00 0e 0000"),
        LayoutCase(name: "ERR reserved kept", hdrNext: 0x0c, payloads: [.error(.init(errorNumber: .init(rawValue: 3), reserved: 0xbeef))], hex: "00 03 beef"),
        // RFC 6043 §6.4: ! Next ! TS Role ! TS Type ! TS Value ~
        LayoutCase(name: "TR TRs NTP-UTC-32", hdrNext: 0x0d, payloads: [.timestampRole(.init(role: .validFrom, tsType: .ntpUTC32, value: [1, 2, 3, 4]))],
                   hex: "00 02 03 01020304"),
        // RFC 6043 §6.6: ! Next ! ID Role ! ID Type ! ID len (16) ! ID Data ~
        LayoutCase(name: "IDR IDRkms", hdrNext: 0x0e, payloads: [.idRole(.init(role: .kms, idType: .uri, data: Array("kms".utf8)))], hex: "00 03 01 0003 6b6d73"),
        // RFC 6043 §6.8: ! Next ! RAND Role ! RAND length ! RAND ~
        LayoutCase(name: "RANDR RANDRi", hdrNext: 0x0f, payloads: [.randRole(.init(role: .initiator, rand: [0xa1, 0xa2, 0xa3, 0xa4]))], hex: "00 01 04 a1a2a3a4"),
        // RFC 3830 §6.4: ! Next ! DH-Group ! DH-value ~ ! Reserv(4) ! KV(4) ! KV data ~ (value 192/96/128 B)
        LayoutCase(name: "DH OAKLEY 1 with SPI", hdrNext: 0x03, payloads: [.dh(.init(group: .oakley1, value: fill(0xd1, 96), validity: .spi([1, 2])))],
                   hex: "00 01" + rep("d1", 96) + "01 02 0102"),
        LayoutCase(name: "DH OAKLEY 2, interval, reserved bits", hdrNext: 0x03,
                   payloads: [.dh(.init(group: .oakley2, value: fill(0xd2, 128), reserved: 0xa, validity: .interval(validFrom: [0], validTo: [0xff, 0xff])))],
                   hex: "00 02" + rep("d2", 128) + "a2 01 00 02 ffff"),
        LayoutCase(name: "DH OAKLEY 5", hdrNext: 0x03, payloads: [.dh(.init(group: .oakley5, value: fill(0xd5, 192)))], hex: "00 00" + rep("d5", 192) + "00"),
        // RFC 3830 §6.3: ! Next ! C(2) ! Data len(14) ! Data ~
        LayoutCase(name: "PKE C=2", hdrNext: 0x02, payloads: [.pke(.init(cache: .init(rawValue: 2), data: [1, 2, 3]))], hex: "00 8003 010203"),
        LayoutCase(name: "PKE C=1 empty", hdrNext: 0x02, payloads: [.pke(.init(cache: .init(rawValue: 1), data: []))], hex: "00 4000"),
        LayoutCase(name: "PKE C=3, 14-bit maximum", hdrNext: 0x02, payloads: [.pke(.init(cache: .init(rawValue: 3), data: fill(0xe5, 16383)))],
                   hex: "00 ffff" + rep("e5", 16383)),
        // RFC 3830 §6.13 / RFC 6043 §6.2.1: ! Next ! Type(4) ! KV(4) ! Key data len ! Key data ~ [! Salt len ! Salt ~] ! KV data ~
        LayoutCase(name: "Key data TGK", hdrNext: 0x14, payloads: [.keyData(.init(type: .tgk, keyData: [0x11, 0x22]))], hex: "00 00 0002 1122"),
        LayoutCase(name: "Key data TGK+SALT, SPI", hdrNext: 0x14, payloads: [.keyData(.init(type: .tgkSalt, keyData: [0xa0, 0xa1, 0xa2, 0xa3], salt: [0xb0, 0xb1], validity: .spi([0x99])))],
                   hex: "00 11 0004 a0a1a2a3 0002 b0b1 01 99"),
        LayoutCase(name: "Key data TEK, interval", hdrNext: 0x14, payloads: [.keyData(.init(type: .tek, keyData: [0xcc], validity: .interval(validFrom: [1], validTo: [0xff, 0xff])))],
                   hex: "00 22 0001 cc 01 01 02 ffff"),
        LayoutCase(name: "Key data TEK+SALT, SPI", hdrNext: 0x14, payloads: [.keyData(.init(type: .tekSalt, keyData: [0x33], salt: [0x44], validity: .spi([0x55, 0x66])))],
                   hex: "00 31 0001 33 0001 44 02 5566"),
        LayoutCase(name: "Key data GTGK, empty interval", hdrNext: 0x14, payloads: [.keyData(.init(type: .gtgk, keyData: [], validity: .interval(validFrom: [], validTo: [])))],
                   hex: "00 42 0000 00 00"),
        LayoutCase(name: "Key data GTGK+SALT, empty salt", hdrNext: 0x14, payloads: [.keyData(.init(type: .gtgkSalt, keyData: [0xab, 0xcd], salt: []))],
                   hex: "00 50 0002 abcd 0000"),
        LayoutCase(name: "Key data MPK", hdrNext: 0x14, payloads: [.keyData(.init(type: .mpk, keyData: []))], hex: "00 60 0000"),
        LayoutCase(name: "Key data K_PR", hdrNext: 0x14, payloads: [.keyData(.init(type: .kPR, keyData: [0xee]))], hex: "00 70 0001 ee"),
        // RFC 3830 §6.15: ! Next ! Type ! Length (16) ! Data ~ ; TR 33.829 Annex F.1 at the profile default 242.
        LayoutCase(name: "General Ext vendor ID", hdrNext: 0x15, payloads: [.generalExtension(.init(type: .vendorID, data: [1, 2]))], hex: "00 00 0002 0102"),
        LayoutCase(name: "General Ext proof-of-origin", hdrNext: 0x15, payloads: [.generalExtension(.proofOfOrigin([0x9f, 0x9e]))], hex: "00 f2 0002 9f9e"),
        // RFC 6509 §4.2: ! Next ! SAKKE params ! ID scheme ! SAKKE data length (16) ! SAKKE data ~
        LayoutCase(name: "SAKKE", hdrNext: 0x1a, payloads: [.sakke(.init(params: .init(rawValue: 1), idScheme: .init(rawValue: 1), data: [4, 5, 6]))],
                   hex: "00 01 01 0003 040506"),
        // RFC 3830 §6.2: ! Next ! Encr alg ! Encr data len (16) ! Encr data ~ ! Mac alg ! MAC ~ (MAC length from the alg)
        LayoutCase(name: "KEMAC NULL-encrypted TGK, HMAC-SHA-1", hdrNext: 0x01,
                   payloads: [.kemac(try! KEMACPayload.clear(keyData: [.init(type: .tgk, keyData: fill(0x11, 16))], macAlgorithm: .hmacSHA1_160))],
                   hex: "00 00 0014 00 00 0010" + rep("11", 16) + "01" + rep("00", 20)),
        // Key data chain inside Encr data: TEK+SALT names the next Key data (20), TGK ends it.
        LayoutCase(name: "KEMAC NULL-encrypted two keys, NULL MAC", hdrNext: 0x01,
                   payloads: [.kemac(try! KEMACPayload.clear(keyData: [.init(type: .tekSalt, keyData: [0xaa, 0xbb], salt: [0xcc]), .init(type: .tgk, keyData: [0xdd])], macAlgorithm: .null))],
                   hex: "00 00 000e 14 30 0002 aabb 0001 cc 00 00 0001 dd 00"),
        LayoutCase(name: "KEMAC AES-CM-128, HMAC-SHA-256-256", hdrNext: 0x01,
                   payloads: [.kemac(.init(encryptionAlgorithm: .aesCM128, encryptedData: fill(0xe0, 5), macAlgorithm: .hmacSHA256_256, mac: fill(0x4d, 32)))],
                   hex: "00 01 0005" + rep("e0", 5) + "02" + rep("4d", 32)),
        // RFC 3830 §6.5: ! S type(4) ! Signature len(12) ! Signature ~ — no Next Payload field; the
        // payload before SIGN names it with 4.
        LayoutCase(name: "SIGN after RAND", hdrNext: 0x0b,
                   payloads: [.rand(.init(rand: [0x10, 0x11])), .sign(.init(signatureType: .eccsi, signature: [0xa1, 0xa2, 0xa3]))],
                   hex: "04 02 1011 2003 a1a2a3"),
        LayoutCase(name: "SIGN alone, RSA/PSS, empty", hdrNext: 0x04, payloads: [.sign(.init(signatureType: .rsaPSS, signature: []))], hex: "1000"),
        // SIGN may end a nested chain too: TP Data = first payload byte 4 ‖ SIGN(RSA/PSS, len 1, aa).
        LayoutCase(name: "SIGN last inside TP Data", hdrNext: 0x10,
                   payloads: [.ticketPolicy(.init(policy: TicketPolicy(flags: [], tpData: [.sign(.init(signatureType: .rsaPSS, signature: [0xaa]))])))],
                   hex: "00 0001 01 01 000000 0004 04 1001 aa"),
        LayoutCase(name: "SIGN S type 15, 12-bit maximum", hdrNext: 0x04, payloads: [.sign(.init(signatureType: .init(rawValue: 15), signature: fill(0x5e, 4095)))],
                   hex: "ffff" + rep("5e", 4095)),
    ]

    @Test(arguments: layoutCases)
    func payloadLayout(_ c: LayoutCase) {
        let expected = K.hex(K.emptyMapHeaderHex(next: c.hdrNext) + c.hex)
        let m = K.message(c.payloads)
        assertRoundTrips(m, encodesTo: expected)
        #expect((try? MIKEYMessage(decoding: expected)) == m, "the hand bytes decode to the model")
    }

    // MARK: HDR (RFC 3830 §6.1, RFC 4563 §5, RFC 6043 §6.1.1)

    @Test func hdrWithSRTPMap() {
        // ! version ! data type ! next payload ! V ! PRF func ! CSB ID ! #CS ! map type ! #CS × (Policy_no SSRC ROC)
        let h = CommonHeader(dataType: .psk, verifyFlag: true, prfFunction: .mikey1, csbID: 0x0102_0304,
                             csIDMap: .srtp([.init(policyNumber: 0, ssrc: 0xdead_beef, roc: 0), .init(policyNumber: 1, ssrc: 0xcafe_babe, roc: 5)]))
        assertRoundTrips(MIKEYMessage(header: h, payloads: []),
                         encodesTo: K.hex("01 00 00 80 01020304 02 00 00 deadbeef 00000000 01 cafebabe 00000005"))
    }

    @Test func hdrWithEmptyMapKeepsCSCount() {
        // RFC 4563 §5: Empty map, #CS kept, no map info (ambiguity 5: 0 bytes).
        let h = CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 3))
        assertRoundTrips(MIKEYMessage(header: h, payloads: []), encodesTo: K.hex("01 00 00 00 00000000 03 01"))
    }

    @Test func hdrVFlagAndSevenBitPRF() {
        let h = CommonHeader(dataType: .sakke, verifyFlag: true, prfFunction: .init(rawValue: 0x7f), csbID: 0xffff_ffff, csIDMap: .empty(csCount: 0))
        assertRoundTrips(MIKEYMessage(header: h, payloads: []), encodesTo: K.hex("01 1a 00 ff ffffffff 00 01"))
        let h2 = CommonHeader(dataType: .transferInit, verifyFlag: false, prfFunction: .hmacSHA256, csbID: 1, csIDMap: .empty(csCount: 0))
        assertRoundTrips(MIKEYMessage(header: h2, payloads: []), encodesTo: K.hex("01 0e 00 01 00000001 00 01"))
    }

    @Test func hdrWithGenericIDMap() throws {
        // ! CS ID ! Prot type ! S(1) #P(7) ! Ps ~ ! Session Data Length (16) ! Session Data ~ ! SPI Length ! SPI ~
        // CS 1: SRTP, S=1, #P=2 → 0x82; Session Data SSRC ‖ ROC ‖ SEQ (10 B); SPI 1 byte.
        // CS 2: TLS (profile 241 = 0xf1), S=0, #P=0 → 0x00 (TR 33.829 Annex D.1); no Session Data; SPI 2 bytes.
        let h = CommonHeader(dataType: .transferInit, verifyFlag: true, prfFunction: .hmacSHA256, csbID: 0x1122_3344, csIDMap: .generic([
            GenericIDMapEntry(csID: 1, protType: .srtp, sFlag: true, policies: [5, 6], sessionData: [0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 1, 0x12, 0x34], spi: [7]),
            GenericIDMapEntry(csID: 2, protType: CodePointProfile.default.protTypeTLS, sFlag: false, policies: [], sessionData: [], spi: [0xaa, 0xbb]),
        ]))
        let hand = K.hex("01 0e 00 81 11223344 02 02" + "01 00 82 05 06 000a deadbeef 00000001 1234 01 07" + "02 f1 00 0000 02 aabb")
        assertRoundTrips(MIKEYMessage(header: h, payloads: []), encodesTo: hand)
        let decoded = try MIKEYMessage(decoding: hand)
        guard case .generic(let es) = decoded.header.csIDMap else { Issue.record("not GENERIC-ID"); return }
        #expect(es[0].sFlag && es[0].policies == [5, 6])
        let srtp = try #require(es[0].srtpSessionData)
        #expect(srtp.ssrc == 0xdead_beef && srtp.roc == 1 && srtp.seq == 0x1234)
        #expect(!es[1].sFlag && es[1].policies.isEmpty && es[1].spi == [0xaa, 0xbb])
    }

    @Test func genericIDSBitAndSevenBitPolicyCount() throws {
        // #P = 127 is the 7-bit maximum; with S = 1 the byte is 0xff, with S = 0 it is 0x7f.
        let ps = (0..<127).map { UInt8($0) }
        let psHex = Hex.encode(ps)
        for (s, byte) in [(true, "ff"), (false, "7f")] {
            let h = CommonHeader(dataType: .psk, csbID: 0, csIDMap: .generic([GenericIDMapEntry(csID: 9, protType: .srtp, sFlag: s, policies: ps)]))
            assertRoundTrips(MIKEYMessage(header: h, payloads: []), encodesTo: K.hex("01 00 00 00 00000000 01 02 09 00 \(byte) \(psHex) 0000 00"))
        }
        // 128 policies do not fit #P: the encoder refuses instead of wrapping into the S bit.
        let tooMany = CommonHeader(dataType: .psk, csbID: 0, csIDMap: .generic([GenericIDMapEntry(csID: 9, protType: .srtp, policies: [UInt8](repeating: 1, count: 128))]))
        #expect(throws: EncodingError.self) { _ = try MIKEYMessage(header: tooMany, payloads: []).encoded() }
    }

    @Test func lengthFieldOverflowsAreRefusedByTheEncoder() {
        func refuses(_ p: Payload, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: EncodingError.self, sourceLocation: sourceLocation) { _ = try K.message([p]).encoded() }
        }
        refuses(.sign(.init(signatureType: .rsaPKCS1, signature: HandBuiltMessages.fill(0, 4096))))   // 12-bit length
        refuses(.sign(.init(signatureType: .init(rawValue: 16), signature: [])))                      // 4-bit S type
        refuses(.pke(.init(cache: .init(rawValue: 0), data: HandBuiltMessages.fill(0, 16384))))       // 14-bit length
        refuses(.pke(.init(cache: .init(rawValue: 4), data: [])))                                     // 2-bit C
        refuses(.rand(.init(rand: HandBuiltMessages.fill(0, 256))))                                   // 8-bit length
        refuses(.dh(.init(group: .oakley1, value: HandBuiltMessages.fill(0, 95))))                    // implicit length
        refuses(.keyData(.init(type: .tgkSalt, keyData: [1])))                                        // salt required
        refuses(.keyData(.init(type: .tgk, keyData: [1], salt: [])))                                  // salt forbidden
        refuses(.kemac(.init(encryptionAlgorithm: .null, encryptedData: [], macAlgorithm: .hmacSHA1_160, mac: [])))
        refuses(.ticket(TicketPayload(policy: HandBuiltMessages.policy(.mikeyBase), ticketData: .opaque([]))))
        refuses(.ticket(TicketPayload(policy: HandBuiltMessages.policy(.threeGPPBase), ticketData: .base(BaseTicket(payloads: [])))))
        #expect(throws: EncodingError.self) {
            _ = try K.message([.sign(.init(signatureType: .rsaPKCS1, signature: [])), .rand(.init(rand: []))]).encoded()
        }
    }

    // MARK: TP / TICKET (RFC 6043 §6.10, Appendix A.3)

    /// ! Version ! PRF Func(7) ! D ! E F G H I J K L ! M N O ! Res(5) ! — each flag read off the diagram.
    static let flagBits: [(String, TicketFlags, String)] = [
        ("D", .d, "01 00 00"), ("E", .e, "00 80 00"), ("F", .f, "00 40 00"), ("G", .g, "00 20 00"),
        ("H", .h, "00 10 00"), ("I", .i, "00 08 00"), ("J", .j, "00 04 00"), ("K", .k, "00 02 00"),
        ("L", .l, "00 01 00"), ("M", .m, "00 00 80"), ("N", .n, "00 00 40"), ("O", .o, "00 00 20"),
    ]

    @Test func ticketPolicyFlagBitPositions() {
        for (letter, flag, bits) in Self.flagBits {
            let tp = TicketPolicy(ticketType: .mikeyBase, subtype: 1, version: 1, prfFunction: .mikey1, flags: flag, reserved: 0, tpData: [])
            let expected = K.hex(K.emptyMapHeaderHex(next: 0x10) + "00 0001 01 01 \(bits) 0000")
            assertRoundTrips(K.message([.ticketPolicy(.init(policy: tp))]), encodesTo: expected)
            #expect(flag.letterString == letter)
        }
    }

    @Test func ticketPolicyPRFAndReservedBits() {
        // PRF 0x7f fills bits 0–6 of the 3-byte group, Res the low 5 bits: all ones is ff ff ff.
        let all = TicketPolicy(ticketType: .init(rawValue: 0xffff), subtype: 0xff, version: 0xff, prfFunction: .init(rawValue: 0x7f),
                               flags: .init(rawValue: 0x0fff), reserved: 0x1f, tpData: [])
        assertRoundTrips(K.message([.ticketPolicy(.init(policy: all))]), encodesTo: K.hex(K.emptyMapHeaderHex(next: 0x10) + "00 ffff ff ff ffffff 0000"))
        let res = TicketPolicy(ticketType: .mikeyBase, subtype: 1, version: 1, prfFunction: .mikey1, flags: [], reserved: 0x15, tpData: [])
        assertRoundTrips(K.message([.ticketPolicy(.init(policy: res))]), encodesTo: K.hex(K.emptyMapHeaderHex(next: 0x10) + "00 0001 01 01 00 00 15 0000"))
        // Res needs 5 bits: 32 does not fit.
        var bad = res
        bad.reserved = 0x20
        #expect(throws: EncodingError.self) { _ = try K.message([.ticketPolicy(.init(policy: bad))]).encoded() }
    }

    @Test func ticketPolicyWithTPData() {
        // PRF 1, flags DEFHLNO: 0000001|1 ‖ 1101 0001 ‖ 011|00000 = 03 d1 60.
        // TP Data = first payload byte (14, IDR) ‖ IDR(next 0, IDRkms 3, URI 1, len 1, "k").
        let tp = TicketPolicy(ticketType: .mikeyBase, subtype: 1, version: 1, prfFunction: .hmacSHA256, flags: HandBuiltMessages.imsFlags,
                              tpData: [.idRole(.init(role: .kms, idType: .uri, data: [0x6b]))])
        #expect(HandBuiltMessages.imsFlags.letterString == "DEFHLNO")
        assertRoundTrips(K.message([.ticketPolicy(.init(policy: tp))], dataType: .requestInitPSK),
                         encodesTo: K.hex(K.emptyMapHeaderHex(next: 0x10, dataType: 0x0b) + "00 0001 01 01 03d160 0007 0e 00 03 01 0001 6b"))
    }

    @Test func ticketWithMIKEYBaseTicket() throws {
        // Ticket Data = THDR(next 5, len 2, eeef) ‖ T(next 11, COUNTER, 00000007) ‖ RAND(next 1, len 1, 42)
        //             ‖ KEMAC(next 9, NULL, len 0, MAC NULL) ‖ V(next 0, NULL) = 5+6+3+5+2 = 21 = 0x15 bytes.
        let ticket = TicketPayload(
            policy: TicketPolicy(ticketType: .mikeyBase, subtype: 1, version: 1, prfFunction: .mikey1, flags: [], tpData: []),
            ticketData: .base(BaseTicket(thdrData: [0xee, 0xef], payloads: [
                .timestamp(.init(tsType: .counter, value: [0, 0, 0, 7])), .rand(.init(rand: [0x42])),
                .kemac(.init(encryptionAlgorithm: .null, encryptedData: [], macAlgorithm: .null, mac: [])),
                .verification(.init(authAlgorithm: .null, verificationData: [])),
            ])))
        let hand = K.hex(K.emptyMapHeaderHex(next: 0x11, dataType: 0x0e)
            + "00 0001 01 01 000000 0000" + "0015" + "05 0002 eeef" + "0b 02 00000007" + "01 01 42" + "09 00 0000 00" + "00 00" + "0000")
        assertRoundTrips(K.message([.ticket(ticket)], dataType: .transferInit), encodesTo: hand)
        // The spans put the base ticket's payloads at their absolute offsets (TICKET at 10, Ticket Data at 22).
        let d = try MIKEYDecoder().decode(hand)
        let nested = try #require(d.spans.first?.nested.first { $0.name == "ticketData" })
        #expect(nested.spans.map { $0.range } == [27..<33, 33..<36, 36..<41, 41..<43])
        #expect(d.spans.first?.initiatorDataField == 43..<45)
    }

    @Test func ticketWithTPDataAndInitiatorData() {
        // PRF 1, flags DEFHILNO → 03 d9 60; TP Data 0e‖IDR; empty base ticket = THDR(next 0, len 0);
        // Initiator Data = first payload byte 9 ‖ V(next 0, NULL).
        let ticket = TicketPayload(
            policy: TicketPolicy(ticketType: .mikeyBase, subtype: 1, version: 1, prfFunction: .hmacSHA256, flags: HandBuiltMessages.imsFlags.union(.i),
                                 tpData: [.idRole(.init(role: .kms, idType: .uri, data: [0x6b]))]),
            ticketData: .base(BaseTicket(thdrData: [], payloads: [])),
            initiatorData: [.verification(.init(authAlgorithm: .null, verificationData: []))])
        assertRoundTrips(K.message([.ticket(ticket)], dataType: .transferInit),
                         encodesTo: K.hex(K.emptyMapHeaderHex(next: 0x11, dataType: 0x0e)
                            + "00 0001 01 01 03d960 0007 0e00030100016b" + "0003 00 0000" + "0003 09 00 00"))
    }

    @Test func ticketWithOpaque3GPPTicketData() {
        let ticket = TicketPayload(policy: TicketPolicy(ticketType: .threeGPPBase, subtype: 5, version: 7, prfFunction: .mikey1, flags: [], tpData: []),
                                   ticketData: .opaque([0xaa, 0xbb, 0xcc]))
        assertRoundTrips(K.message([.ticket(ticket)], dataType: .transferInit),
                         encodesTo: K.hex(K.emptyMapHeaderHex(next: 0x11, dataType: 0x0e) + "00 0002 05 07 000000 0000 0003 aabbcc 0000"))
    }

    @Test func baseTicketWithoutTHDRIsRejected() {
        // Ticket Type 1 with Ticket Data length 0: Appendix A.1 requires THDR first. Ticket Data field at offset 22.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x11) + "00 0001 01 01 000000 0000 0000 0000"), code: "mikey.ticket.thdr-missing", offset: 22)
        // A leading-type chain holding only the 'Last payload' byte is not canonical (TP Data at 20).
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x10) + "00 0001 01 01 000000 0001 00"), code: "mikey.chain.empty-leading-type", offset: 20)
    }

    // MARK: rejections with a stable code at the right offset

    @Test func securityPolicyParameterOverrun() {
        // SP at 10: next(10) policy no(11) prot(12) length(13–14) param type(15) param length(16).
        // Length 3 holds type 1, length 5, and only one value byte: overrun at the Length byte.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0a) + "00 00 00 0003 01 05 10"), code: "mikey.sp.param-overrun", offset: 16)
        // Length 1 holds only a Type byte: no Length byte inside the region.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0a) + "00 00 00 0001 01"), code: "mikey.sp.param-overrun", offset: 16)
        // Second parameter overruns (first one fits exactly): its Length byte is at 19.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0a) + "00 00 00 0005 01 01 aa 02 01"), code: "mikey.sp.param-overrun", offset: 19)
        // A policy param longer than the input is plain truncation.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0a) + "00 00 00 0009 01 01 aa"), code: "mikey.truncated")
    }

    @Test func unknownPayloadTypeIsReportedWhereItWasNamed() {
        // Named by the HDR's Next Payload field (offset 2): unassigned 18, IBAKE 22, private use 241.
        for t in ["12", "16", "f1"] {
            K.expectRejects(K.hex("01 00 \(t) 00 00000000 00 01"), code: "mikey.payload.unknown-type", offset: 2)
        }
        // Named by a RAND's Next Payload field: RAND starts at 10.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0b) + "13 00"), code: "mikey.payload.unknown-type", offset: 10)
        // Named by the third payload (second RAND at 12).
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0b) + "0b 00 18 00"), code: "mikey.payload.unknown-type", offset: 12)
        // Named by the first-payload byte of TP Data: TP at 10, TP Data at 20.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x10) + "00 0001 01 01 000000 0002 13 00"), code: "mikey.payload.unknown-type", offset: 20)
        // Named by THDR's Next Payload field: Ticket Data at 22.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x11) + "00 0001 01 01 000000 0000 0003 18 0000 0000"), code: "mikey.payload.unknown-type", offset: 22)
        // Named by the first-payload byte of Initiator Data: TICKET type 2, Initiator Data at 24.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x11) + "00 0002 01 01 000000 0000 0000 0002 19 00"), code: "mikey.payload.unknown-type", offset: 24)
    }

    @Test func unknownPayloadTypePathNamesTheFieldAtTheOffset() {
        // RAND (payloads[0]) at 10 names type 19; the offset is payloads[0]'s Next Payload field,
        // so the path must name that field too (STYLE.md §8: offset and field path locate the same input).
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0b) + "13 00"), code: "mikey.payload.unknown-type", offset: 10, path: "payloads[0].nextPayload")
        // Second RAND (payloads[1]) at 12 names type 24.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0b) + "0b 00 18 00"), code: "mikey.payload.unknown-type", offset: 12, path: "payloads[1].nextPayload")
        // The first-payload byte of payloads[0]'s TP Data (offset 20) names type 19: the path must
        // lead into payloads[0]'s TP Data, not be empty.
        let e = K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x10) + "00 0001 01 01 000000 0002 13 00"), code: "mikey.payload.unknown-type", offset: 20)
        #expect(e?.path.hasPrefix("payloads[0].tp.tpData") == true, "path is \"\(e?.path ?? "")\"")
    }

    @Test func implicitLengthFromUnknownCodePointIsRejected() {
        // KEMAC at 10: next(10) encr(11) len(12–13) [no data] MAC alg(14) = 3.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x01) + "00 00 0000 03"), code: "mikey.kemac.mac-alg-unknown", offset: 14)
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x01) + "00 01 0002 abcd f1"), code: "mikey.kemac.mac-alg-unknown", offset: 16)
        // V at 10: auth alg at 11.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x09) + "00 03"), code: "mikey.v.auth-alg-unknown", offset: 11)
        // DH group at 11, T type at 11, CHASH func at 11, TR type at 12 (after the role).
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x03) + "00 03"), code: "mikey.dh.group-unknown", offset: 11)
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x05) + "00 04 00000000"), code: "mikey.ts.type-unknown", offset: 11)
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x08) + "00 03"), code: "mikey.chash.func-unknown", offset: 11)
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x0d) + "00 01 04 00000000"), code: "mikey.ts.type-unknown", offset: 12)
        // Key data Type 8 (nibble in byte 11) has no known salt rule.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x14) + "00 80 0000"), code: "mikey.keydata.type-unknown", offset: 11)
    }

    @Test func unknownKVTypeIsReportedAtTheByteHoldingIt() {
        // Key data at 10: the KV nibble is in byte 11 (Type|KV = 0x03, KV 3 unassigned).
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x14) + "00 03 0000"), code: "mikey.kv.unknown", offset: 11)
        // DH at 10: group(11) value(12–107) Reserv|KV(108) = 0x0f.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x03) + "00 01" + Self.rep("d1", 96) + "0f"), code: "mikey.kv.unknown", offset: 108)
    }

    @Test func hdrRejections() {
        // version ≠ 1 (RFC 3830 §6.1), reported at byte 0.
        for v in ["00", "02", "ff"] {
            K.expectRejects(K.hex("\(v) 00 00 00 00000000 00 01"), code: "mikey.hdr.version", offset: 0)
        }
        // CS ID map type 3 or 255 has no known layout; the map type byte is at 9.
        for t in ["03", "ff"] {
            K.expectRejects(K.hex("01 00 00 00 00000000 00 \(t)"), code: "mikey.hdr.map-type-unknown", offset: 9)
        }
        // Truncated GENERIC-ID entry: #P = 2 but one policy byte.
        K.expectRejects(K.hex("01 00 00 00 00000000 01 02 01 00 02 05"), code: "mikey.truncated")
    }

    @Test func signMustBeLast() {
        // SIGN at 10–11 (S type 0, length 0), then one stray byte at 12.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x04) + "0000 00"), code: "mikey.sign.not-last", offset: 12)
        // A RAND after the SIGN (the SIGN has no Next Payload field to name it): at 13.
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x04) + "2001 aa 00 00"), code: "mikey.sign.not-last", offset: 13)
        // Inside a base ticket: SIGN is not last in Ticket Data (THDR at 22, SIGN at 25, stray byte at 27).
        K.expectRejects(K.hex(K.emptyMapHeaderHex(next: 0x11) + "00 0001 01 01 000000 0000 0006 04 0000 0000 ee 0000"),
                        code: "mikey.sign.not-last", offset: 27)
    }

    // MARK: limits (STYLE.md §4)

    /// TICKET (type 2, empty TP Data and Ticket Data) nested through Initiator Data.
    static func nestedTickets(_ depth: Int) -> Payload {
        var p: Payload = .ticket(TicketPayload(policy: HandBuiltMessages.policy(.threeGPPBase, flags: []), ticketData: .opaque([])))
        for _ in 0..<depth {
            p = .ticket(TicketPayload(policy: HandBuiltMessages.policy(.threeGPPBase, flags: []), ticketData: .opaque([]), initiatorData: [p]))
        }
        return p
    }

    @Test func nestingDepthLimit() throws {
        // Each such TICKET is 14 fixed bytes + Initiator Data; the chain at depth d starts with its
        // first-payload byte at 10 + 14 + 15·(d−1). Depth 4 is the default maximum.
        let ok = try K.message([Self.nestedTickets(4)]).encoded()
        MIKEYTestKit.expectOracleAccepts(ok)
        let deep = try K.message([Self.nestedTickets(5)]).encoded()
        let e = K.expectRejects(deep, code: "mikey.limit.depth", offset: 24 + 15 * 4)
        #expect(e.map { deep[$0.offset] } == 0x11)
        // The limit is a parameter.
        K.expectRejects(ok, code: "mikey.limit.depth", offset: 24 + 15, limits: DecodingLimits(maxDepth: 1))
    }

    @Test func payloadCountLimit() throws {
        // 5000 empty RAND payloads (2 bytes each) after the 10-byte HDR: the 4097th starts at 10 + 4096·2.
        let many = K.message([Payload](repeating: .rand(.init(rand: [])), count: 5000))
        let bytes = try many.encoded()
        #expect(bytes.count == 10 + 5000 * 2)
        K.expectRejects(bytes, code: "mikey.limit.payloads", offset: 8202)
        // Exactly at the limit is accepted.
        let atLimit = try K.message([Payload](repeating: .rand(.init(rand: [])), count: 4096)).encoded()
        #expect(throws: Never.self) { _ = try MIKEYMessage(decoding: atLimit) }
        // Nested payloads count too: TP(tpData: RAND, RAND) is 3 payloads; the RAND after it (at 25) is the 4th.
        let nested = K.message([
            .ticketPolicy(.init(policy: TicketPolicy(flags: [], tpData: [.rand(.init(rand: [])), .rand(.init(rand: []))]))),
            .rand(.init(rand: [])),
        ])
        let nb = try nested.encoded()
        #expect(Hex.encode(nb) == Hex.encode(K.hex(K.emptyMapHeaderHex(next: 0x10) + "0b 0001 01 01 000000 0005 0b 0b00 0000" + "00 00")))
        K.expectRejects(nb, code: "mikey.limit.payloads", offset: 25, limits: DecodingLimits(maxPayloads: 3))
    }

    // MARK: TR 33.829 Annex C.1 conference extension

    @Test func conferenceExtensionLayoutAndContent() throws {
        // Data = ID(next 6, URI, len 7, "sip:a@x") ‖ ID(next 0, URI, len 7, "sip:b@x") = 2 × 11 = 22 bytes;
        // General Ext at the profile default 241 (0xf1).
        let a = IDPayload(uri: "sip:a@x"), b = IDPayload(uri: "sip:b@x")
        let ext = try GeneralExtensionPayload.imsConference(participants: [a, b])
        let hand = K.hex(K.emptyMapHeaderHex(next: 0x15, dataType: 0x0e) + "00 f1 0016" + "06 01 0007 7369703a614078" + "00 01 0007 7369703a624078")
        assertRoundTrips(K.message([.generalExtension(ext)], dataType: .transferInit), encodesTo: hand)
        let decoded = try MIKEYMessage(decoding: hand)
        guard case .generalExtension(let g)? = decoded.payloads.first else { Issue.record("no General Ext"); return }
        #expect(try g.content() == .imsConference(participants: [a, b]))
        // Empty participant list: zero ID payloads, data length 0.
        #expect(try GeneralExtensionPayload.imsConference(participants: []).data == [])
        // Under another code-point profile, 241 is just opaque data and 200 is the conference type.
        var profile = CodePointProfile()
        try profile.apply(setting: "ext-conf=200")
        #expect(try g.content(profile: profile) == .opaque(g.data))
        #expect(try GeneralExtensionPayload(type: .init(rawValue: 200), data: g.data).content(profile: profile) == .imsConference(participants: [a, b]))
        // Annex F proof-of-origin at 242.
        #expect(try GeneralExtensionPayload(type: .init(rawValue: 242), data: [1, 2]).content() == .proofOfOrigin([1, 2]))
    }

    @Test func conferenceExtensionRejectsNonIDPayloads() {
        // ID(next 11 → RAND, URI, len 1, "a") ‖ RAND(next 0, len 1, 55): the RAND at data offset 5 is not an ID.
        let withRand = GeneralExtensionPayload(type: CodePointProfile.default.extensionIMSConference, data: K.hex("0b 01 0001 61 00 01 55"))
        do {
            let c = try withRand.content()
            Issue.record("accepted a RAND among the participants: \(c)")
        } catch {
            #expect(error.code == "mikey.ext.conf.not-id")
            #expect(error.offset == 5)
            #expect(error.path == "participants[1]")
        }
        // The outer message is still well delimited: the finding is about the content only.
        let m = K.message([.generalExtension(withRand)])
        assertRoundTrips(m)
        // An unknown type named inside the list cannot be delimited at all.
        let withUnknown = GeneralExtensionPayload(type: CodePointProfile.default.extensionIMSConference, data: K.hex("12 01 0001 61"))
        #expect(throws: DecodingError.self) { _ = try withUnknown.content() }
    }
}

/// The `--json` tree contract (MIKEYJSON.swift): field names after the spec
/// in lowerCamelCase, code points as integers, and a `payloadType` on every
/// payload object, nested chains included.
@Suite struct MIKEYJSONTreeTests {
    static func tree(dataType: UInt8) throws -> (MIKEYMessage, JSONValue) {
        let m = HandBuiltMessages.message(dataType: dataType)
        let d = try MIKEYDecoder().decode(try m.encoded())
        return (m, MIKEYJSON.tree(d))
    }

    /// Arrays of payload objects in the tree, with the name of the key they sit under.
    static func payloadArrays(_ v: JSONValue, under key: String = "", into out: inout [(String, [JSONValue])]) {
        switch v {
        case .object(let o):
            for (k, child) in o {
                if ["payloads", "tpData", "initiatorData", "keyData", "participants"].contains(k), let a = child.arrayValue {
                    out.append((k, a))
                }
                payloadArrays(child, under: k, into: &out)
            }
        case .array(let a):
            for child in a { payloadArrays(child, under: key, into: &out) }
        default:
            break
        }
    }

    @Test func headerFieldNames() throws {
        let (m, t) = try Self.tree(dataType: 14)
        let hdr = try #require(t["hdr"])
        #expect(hdr["payloadType"] == .string("HDR"))
        #expect(hdr["dataType"] == .int(14))
        #expect(hdr["nextPayload"] == .int(13))
        #expect(hdr["csbId"] == .int(Int(m.header.csbID)))
        #expect(hdr["csIdMapType"] == .int(2))
        let entries = try #require(hdr["csIdMapInfo"]?.arrayValue)
        #expect(entries.count == 3)
        #expect(entries.map { $0["protType"] } == [.int(0), .int(241), .int(242)])
        #expect(entries[0]["s"] == .bool(true))
        #expect(entries[1]["spi"] == .string("05060708"))
        #expect(entries[1]["protTypeName"] == .string("TLS"))
        #expect(entries[2]["protTypeName"] == .string("PSK/MIME"))
        #expect(entries[0]["srtpSessionData"]?["seq"] == .int(0x1234))
    }

    @Test func payloadFieldNames() throws {
        let (_, t) = try Self.tree(dataType: 14)
        let ps = try #require(t["payloads"]?.arrayValue)
        #expect(ps.map { $0["payloadType"]?.intValue } == [13, 14, 14, 15, 10, 17, 1, 21, 21, 9])
        // Next Payload of each payload is the type of the one after it; the last is 0.
        #expect(ps.map { $0["nextPayload"]?.intValue } == [14, 14, 15, 10, 17, 1, 21, 21, 9, 0])
        #expect(ps[1]["idRole"] == .int(1) && ps[1]["idType"] == .int(1) && ps[1]["idData"] == .string("sip:alice@example.com"))
        #expect(ps[2]["idRole"] == .int(2))
        #expect(ps[4]["protType"] == .int(0))
        let ticket = ps[5]
        #expect(ticket["ticketType"] == .int(1))
        #expect(ticket["flags"] == .string("DEFHILNO"))
        #expect(ticket["ticketData"]?["thdrData"] == .string("0001"))
        let keyData = try #require(ps[6]["keyData"]?.arrayValue)
        #expect(keyData.first?["keyDataType"] == .int(3))
        #expect(keyData.first?["validFrom"] == .string("000000000000"))
        let conf = ps[7]
        #expect(conf["typeName"] == .string("3GPP IMS CONF"))
        #expect(conf["participants"]?.arrayValue?.map { $0["idData"] } == [.string("sip:bob@example.com"), .string("sip:carol@example.com")])
        #expect(ps[8]["proofOfOrigin"] == .string(String(repeating: "9f", count: 16)))
        // Key data SPI (RFC 3830 §6.14) under "spi".
        let (_, t13) = try Self.tree(dataType: 13)
        let kemac13 = try #require(t13["payloads"]?.arrayValue?.first { $0["payloadType"] == .int(1) })
        #expect(kemac13["keyData"]?.arrayValue?.first?["spi"] == .string("09"))
        #expect(kemac13["keyData"]?.arrayValue?.map { $0["keyDataType"] } == [.int(5), .int(6)])
        // SIGN has no Next Payload field, so its object has no nextPayload.
        let (_, t2) = try Self.tree(dataType: 2)
        let sign = try #require(t2["payloads"]?.arrayValue?.last)
        #expect(sign["payloadType"] == .int(4) && sign["nextPayload"] == nil && sign["sType"] == .int(1))
    }

    /// Every payload object in every chain — top level, TP Data, Ticket Data,
    /// Initiator Data, KEMAC key data — carries its own `payloadType`, for
    /// every hand-built message.
    @Test(arguments: TruncationSweepTests.dataTypes)
    func everyChainedPayloadHasPayloadType(_ dataType: UInt8) throws {
        let (m, t) = try Self.tree(dataType: dataType)
        var arrays: [(String, [JSONValue])] = []
        Self.payloadArrays(t, into: &arrays)
        var count = 0
        for (key, a) in arrays where key != "participants" {
            for o in a {
                count += 1
                #expect(o["payloadType"]?.intValue != nil, "\(key) entry without payloadType: \(o.serialized(pretty: false))")
                #expect(o["name"]?.stringValue != nil)
            }
        }
        #expect(count == MIKEYTestKit.allPayloads(m.payloads, participants: false).count)
    }

    /// Annex C participants are ID payloads (TR 33.829 Annex C.1: "zero or
    /// more ID payloads"), so by the tree's own contract ("every payload
    /// object carries its own payloadType") each needs `payloadType` 6.
    @Test func conferenceParticipantsCarryPayloadType() throws {
        let (_, t) = try Self.tree(dataType: 14)
        let conf = try #require(t["payloads"]?.arrayValue?.first { $0["typeName"] == .string("3GPP IMS CONF") })
        let participants = try #require(conf["participants"]?.arrayValue)
        #expect(participants.count == 2)
        for p in participants {
            #expect(p["payloadType"] == .int(6), "participant without payloadType: \(p.serialized(pretty: false))")
        }
    }
}
