import MediasecCore
import MIKEY

/// One hand-built, valid message per Data Type 0–26 (FACTS.md §2), shaped
/// after the message compositions of RFC 3830 §3, RFC 4650, RFC 4738,
/// RFC 6043 §5, RFC 6509 §4 and TR 33.829 Annexes C–F. Together they contain
/// every payload type the codec knows (checked by a test), at top level and
/// nested (TP Data, base-ticket Ticket Data, Initiator Data). The IBAKE data
/// types 19–25 carry only payloads this suite supports (RFC 6267 payloads
/// 22–25 have no known layout).
enum HandBuiltMessages {
    static func fill(_ byte: UInt8, _ n: Int) -> [UInt8] { [UInt8](repeating: byte, count: n) }
    static func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let ntpUTC = TimestampPayload(tsType: .ntpUTC, value: [0xe8, 0x4f, 0x2a, 0x10, 0x80, 0, 0, 0])
    static let t: Payload = .timestamp(ntpUTC)
    static let rand16: Payload = .rand(RANDPayload(rand: fill(0x5a, 16)))
    static let idAlice: Payload = .id(IDPayload(uri: "sip:alice@example.com"))
    static let idBob: Payload = .id(IDPayload(uri: "sip:bob@example.com"))
    static let cert: Payload = .cert(CertPayload(certType: .x509v3, data: [0x30, 0x03, 0x02, 0x01, 0x00]))
    static let srtpPolicy: Payload = .securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: .srtp, parameters: [
        PolicyParameter(type: 0, value: [1]), PolicyParameter(type: 1, value: [16]), PolicyParameter(type: 2, value: [1]),
        PolicyParameter(type: 11, value: [10]),
    ]))
    static func sign(_ type: SignatureType = .rsaPKCS1, _ n: Int = 16) -> Payload { .sign(SignaturePayload(signatureType: type, signature: fill(0x5e, n))) }
    static func v(_ alg: MACAlgorithm) -> Payload { .verification(VerificationPayload(authAlgorithm: alg, verificationData: fill(0x76, alg.macLength!))) }
    static func idr(_ role: IDRole, _ uri: String) -> Payload { .idRole(IDRPayload(role: role, idType: .uri, data: utf8(uri))) }
    static func tr(_ role: TimestampRole, _ type: TimestampType = .ntpUTC) -> Payload {
        .timestampRole(TimestampRolePayload(role: role, tsType: type, value: fill(0x71, type.valueLength!)))
    }
    static func randr(_ role: RANDRole) -> Payload { .randRole(RANDRPayload(role: role, rand: fill(0x52, 16))) }
    static func clearKEMAC(_ keys: [KeyDataPayload], mac: MACAlgorithm = .hmacSHA1_160) -> Payload {
        .kemac(try! KEMACPayload.clear(keyData: keys, macAlgorithm: mac))  // fixed small fixture
    }
    static func encryptedKEMAC(_ alg: EncryptionAlgorithm, _ n: Int, mac: MACAlgorithm = .hmacSHA1_160) -> Payload {
        .kemac(KEMACPayload(encryptionAlgorithm: alg, encryptedData: fill(0xe0, n), macAlgorithm: mac, mac: fill(0x4d, mac.macLength!)))
    }
    static let tgk = KeyDataPayload(type: .tgk, keyData: fill(0x11, 16))
    static let tgkSalt = KeyDataPayload(type: .tgkSalt, keyData: fill(0x12, 16), salt: fill(0x13, 14), validity: .spi([0x01, 0x02]))
    static let tekSalt = KeyDataPayload(type: .tekSalt, keyData: fill(0x21, 16), salt: fill(0x22, 14), validity: .interval(validFrom: [0, 0, 0, 0, 0, 0], validTo: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))
    static let gtgkSalt = KeyDataPayload(type: .gtgkSalt, keyData: fill(0x41, 16), salt: [], validity: .spi([0x09]))
    static let gtgk = KeyDataPayload(type: .gtgk, keyData: fill(0x42, 16))
    static let tek = KeyDataPayload(type: .tek, keyData: fill(0x23, 16), validity: .spi([0x0a]))
    static let mpk = KeyDataPayload(type: .mpk, keyData: fill(0x61, 16))
    static let kPR = KeyDataPayload(type: .kPR, keyData: fill(0x71, 32))

    static let srtpMap: CSIDMap = .srtp([SRTPMapEntry(policyNumber: 0, ssrc: 0xdead_beef, roc: 0), SRTPMapEntry(policyNumber: 0, ssrc: 0xcafe_babe, roc: 7)])
    /// TR 33.829: an SRTP CS with S = 1 session data, a TLS CS (Annex D.1:
    /// S = 0, #P = 0, no Session Data, SPI of any length) and a PSK/MIME CS
    /// (Annex E: #P = 0, no Session Data, no SPI).
    static let trMap: CSIDMap = .generic([
        GenericIDMapEntry(csID: 1, protType: .srtp, sFlag: true, policies: [0], sessionData: [0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0, 0x12, 0x34], spi: [0x01, 0x02, 0x03, 0x04]),
        GenericIDMapEntry(csID: 2, protType: CodePointProfile.default.protTypeTLS, spi: [0x05, 0x06, 0x07, 0x08]),
        GenericIDMapEntry(csID: 3, protType: CodePointProfile.default.protTypePSKMIME),
    ])

    static let imsFlags: TicketFlags = [.d, .e, .f, .h, .l, .n, .o]

    /// TP Data = First Payload, [IDRkms], [IDRi], [TRs], [TRe], [TRr], [KEMAC], {IDRapp}, (IDRr) (RFC 6043 §6.10).
    static let fullTPData: [Payload] = [
        idr(.kms, "sip:kms@example.com"), idr(.initiator, "sip:alice@example.com"),
        tr(.validFrom), tr(.validTo), tr(.rekeyInterval, .ntpUTC32),
        clearKEMAC([mpk, tekSalt], mac: .null),
        idr(.application, "PSK/MIME"), idr(.responder, "sip:bob@example.com"),
    ]

    /// Ticket Data = THDR, T, RAND, KEMAC, [IDRpsk], V (RFC 6043 Appendix A).
    static let baseTicketData = BaseTicket(thdrData: [0x00, 0x01], payloads: [
        .timestamp(TimestampPayload(tsType: .counter, value: [0, 0, 0, 9])), rand16,
        encryptedKEMAC(.aesCM128, 32, mac: .null), idr(.psk, "psk-id-1"), v(.hmacSHA256_256),
    ])

    static func policy(_ type: TicketType = .mikeyBase, flags: TicketFlags = imsFlags, tpData: [Payload] = []) -> TicketPolicy {
        TicketPolicy(ticketType: type, subtype: 1, version: 1, prfFunction: .hmacSHA256, flags: flags, tpData: tpData)
    }

    static func header(_ dt: UInt8, _ map: CSIDMap, v: Bool = false) -> CommonHeader {
        CommonHeader(dataType: DataType(rawValue: dt), verifyFlag: v, prfFunction: dt >= 11 ? .hmacSHA256 : .mikey1, csbID: 0x1234_5678 &+ UInt32(dt), csIDMap: map)
    }

    static func message(dataType dt: UInt8) -> MIKEYMessage {
        let payloads: [Payload]
        var map = srtpMap
        switch dt {
        case 0: payloads = [t, rand16, srtpPolicy, clearKEMAC([tgk])]
        case 1: payloads = [t, idAlice, idBob, v(.hmacSHA1_160)]
        case 2:
            payloads = [t, rand16, idAlice, cert, .certHash(CertHashPayload(hashFunction: .sha256, hash: fill(0xc4, 32))), srtpPolicy,
                        encryptedKEMAC(.aesCM128, 24), .pke(EnvelopePayload(cache: .init(rawValue: 1), data: fill(0xe5, 128))), sign(.rsaPSS, 128)]
        case 3: payloads = [t, idAlice, v(.hmacSHA1_160)]
        case 4:
            payloads = [t, rand16, idAlice, cert, srtpPolicy,
                        .dh(DHPayload(group: .oakley1, value: fill(0xd1, 96), validity: .spi([0x77]))), sign()]
        case 5:
            payloads = [t, idBob, cert, .dh(DHPayload(group: .oakley2, value: fill(0xd2, 128), validity: .interval(validFrom: [0], validTo: [0xff]))), sign()]
        case 6: payloads = [t, .error(ErrorPayload(errorNumber: .init(rawValue: 3))), .error(ErrorPayload(errorNumber: .init(rawValue: 14), reserved: 0x1234)), v(.hmacSHA1_160)]
        case 7:
            payloads = [t, rand16, idAlice, idBob, srtpPolicy, .dh(DHPayload(group: .oakley5, value: fill(0xd5, 192))), clearKEMAC([], mac: .hmacSHA256_256)]
        case 8: payloads = [t, idBob, idAlice, .dh(DHPayload(group: .oakley1, value: fill(0xd6, 96), reserved: 0)), clearKEMAC([], mac: .hmacSHA1_160)]
        case 9:
            payloads = [t, rand16, idAlice, cert, srtpPolicy, .generalExtension(GeneralExtensionPayload(type: .csbID, data: [0x12, 0x34, 0x56, 0x78])), sign()]
        case 10: payloads = [t, rand16, idBob, cert, .pke(EnvelopePayload(cache: .init(rawValue: 2), data: fill(0xe6, 64))), encryptedKEMAC(.aesKW128, 24), sign(.rsaPSS)]
        case 11:
            payloads = [idr(.initiator, "sip:alice@example.com"), idr(.kms, "sip:kms@example.com"), tr(.issue), randr(.initiator),
                        .ticketPolicy(TicketPolicyPayload(policy: policy(tpData: fullTPData))), v(.hmacSHA256_256)]
        case 12:
            payloads = [idr(.initiator, "sip:alice@example.com"), idr(.kms, "sip:kms@example.com"), tr(.issue), randr(.initiator),
                        .ticketPolicy(TicketPolicyPayload(policy: policy(flags: [.d, .e]))), cert, .pke(EnvelopePayload(cache: .init(rawValue: 0), data: fill(0xe7, 32))),
                        encryptedKEMAC(.aesCM256, 16, mac: .hmacSHA256_256), sign(.rsaPKCS1, 64)]
        case 13:
            payloads = [idr(.kms, "sip:kms@example.com"), idr(.initiator, "sip:alice@example.com"), tr(.issue), randr(.kms),
                        .ticket(TicketPayload(policy: policy(tpData: [idr(.kms, "sip:kms@example.com")]), ticketData: .base(baseTicketData))),
                        clearKEMAC([gtgkSalt, mpk], mac: .hmacSHA256_256), v(.hmacSHA256_256)]
        case 14:
            map = trMap
            payloads = [tr(.issue), idr(.initiator, "sip:alice@example.com"), idr(.responder, "sip:bob@example.com"), randr(.initiator),
                        .securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: .srtp, parameters: [PolicyParameter(type: 0, value: [6])])),
                        .ticket(TicketPayload(policy: policy(flags: imsFlags.union(.i)), ticketData: .base(baseTicketData), initiatorData: [v(.hmacSHA256_256)])),
                        clearKEMAC([tekSalt], mac: .hmacSHA256_256),
                        .generalExtension(try! GeneralExtensionPayload.imsConference(participants: [IDPayload(uri: "sip:bob@example.com"), IDPayload(uri: "sip:carol@example.com")])),
                        .generalExtension(GeneralExtensionPayload.proofOfOrigin(fill(0x9f, 16))),
                        v(.hmacSHA256_256)]
        case 15: payloads = [tr(.issue), idr(.responder, "sip:bob@example.com"), randr(.responder), clearKEMAC([tek]), v(.hmacSHA256_256)]
        case 16:
            payloads = [idr(.initiator, "sip:bob@example.com"), idr(.kms, "sip:kms@example.com"), tr(.issue), randr(.initiator),
                        .ticket(TicketPayload(policy: policy(.threeGPPBase), ticketData: .opaque(fill(0x3b, 40)))), v(.hmacSHA256_256)]
        case 17:
            payloads = [tr(.issue), randr(.initiator), .ticket(TicketPayload(policy: policy(TicketType(rawValue: 0xf000)), ticketData: .opaque([]))), cert, sign()]
        case 18:
            payloads = [idr(.kms, "sip:kms@example.com"), tr(.issue), .ticketPolicy(TicketPolicyPayload(policy: policy(tpData: [tr(.validTo)]))),
                        clearKEMAC([mpk, kPR, tgkSalt], mac: .hmacSHA256_256), v(.hmacSHA256_256)]
        case 19...25:
            // RFC 6267 IBAKE data types with RFC 3830 / 6043 payloads only.
            map = .empty(csCount: dt - 18)
            payloads = [t, .rand(RANDPayload(rand: fill(dt, Int(dt)))), idr(.initiator, "sip:alice@example.com"),
                        .generalExtension(GeneralExtensionPayload(type: .keyID, data: [0x01, 0x02, 0xab, 0xcd])),
                        .keyData(dt % 2 == 0 ? gtgk : tgkSalt), sign(.eccsi, 129)]
        default:
            // 26: SAKKE (RFC 6509 §4.1): HDR, T, RAND, [IDRi], [IDRr], [IDRkmsi], [IDRkmsr], [CERT], SAKKE, SIGN.
            payloads = [t, rand16, idr(.initiator, "tel:+15555550100"), idr(.responder, "tel:+15555550101"),
                        idr(.initiatorKMS, "kms.example.org"), idr(.responderKMS, "kms.example.org"),
                        .generalExtension(GeneralExtensionPayload(type: .sakkeToSelf, data: [])),
                        .sakke(SAKKEPayload(params: .init(rawValue: 1), idScheme: .init(rawValue: 1), data: fill(0x5a, 273))),
                        sign(.eccsi, 129)]
        }
        return MIKEYMessage(header: header(dt, map, v: dt % 3 == 0), payloads: payloads)
    }

    static let all: [(dataType: UInt8, message: MIKEYMessage)] = (0...26).map { ($0, message(dataType: $0)) }
}
