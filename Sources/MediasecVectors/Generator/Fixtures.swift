import MediasecCore
import MIKEY

/// Payload and message builders for the vector generator. Every random
/// field is drawn from the vector's own ``SeededRandom`` stream.
///
/// The `…Message` builders return a *clean* message of each data type: one
/// that the exchange definition allows and that no rule should flag (the
/// baseline that each invalid case mutates in one place).
final class Fixtures {
    var rng: SeededRandom
    let cp = CodePointProfile.default

    init(rng: SeededRandom) { self.rng = rng }

    // MARK: primitives

    func bytes(_ n: Int) -> [UInt8] { rng.bytes(n) }
    func csb() -> UInt32 { rng.u32() | 1 }
    func key(_ n: Int = 16) -> [UInt8] { rng.bytes(n) }

    /// An NTP-UTC timestamp in 2024–2030 (seconds since 1900 ≈ 0xE9…–0xED…).
    func ntpUTC() -> TimestampPayload {
        let seconds = 0xE900_0000 &+ rng.u32() % 0x0400_0000
        var v = ByteWriter()
        v.writeUInt32(seconds)
        v.writeUInt32(rng.u32())
        return TimestampPayload(tsType: .ntpUTC, value: v.bytes)
    }

    func ntpUTC32Value() -> [UInt8] {
        var v = ByteWriter()
        v.writeUInt32(0xE900_0000 &+ rng.u32() % 0x0400_0000)
        return v.bytes
    }

    func t() -> Payload { .timestamp(ntpUTC()) }
    func rand(_ n: Int = 16) -> Payload { .rand(RANDPayload(rand: bytes(n))) }
    func randr(_ role: RANDRole, _ n: Int = 16) -> Payload { .randRole(RANDRPayload(role: role, rand: bytes(n))) }

    // MARK: identities

    static let alice = "sip:alice@example.com"
    static let bob = "sip:bob@example.com"
    static let carol = "sip:carol@example.org"
    static let kms = "https://kms.example.com/mikey"

    func id(_ uri: String) -> Payload { .id(IDPayload(uri: uri)) }
    func idr(_ role: IDRole, _ uri: String) -> Payload { .idRole(IDRPayload(role: role, idType: .uri, data: Array(uri.utf8))) }
    func idrBytes(_ role: IDRole, _ data: [UInt8]) -> Payload { .idRole(IDRPayload(role: role, idType: .byteString, data: data)) }
    func idrPSK() -> Payload { idrBytes(.psk, bytes(8)) }

    // MARK: HDR

    func header(_ dt: DataType, map: CSIDMap, v: Bool = false, prf: PRFFunction = .mikey1, csb: UInt32? = nil) -> CommonHeader {
        CommonHeader(dataType: dt, verifyFlag: v, prfFunction: prf, csbID: csb ?? self.csb(), csIDMap: map)
    }

    func srtpMap(_ n: Int = 1, policy: UInt8 = 0) -> CSIDMap {
        .srtp(SRTPMap((0..<n).map { _ in SRTPMapEntry(policyNumber: policy, ssrc: rng.u32(), roc: 0) }))
    }

    func ssrc() -> [UInt8] {
        var w = ByteWriter()
        w.writeUInt32(rng.u32())
        return w.bytes
    }

    /// A GENERIC-ID SRTP entry; `response` adds SSRC session data and an SPI.
    func genericSRTP(cs: UInt8 = 1, policies: [UInt8] = [0], response: Bool = false) -> GenericIDMapEntry {
        GenericIDMapEntry(csID: cs, protType: .srtp, policies: policies, sessionData: response ? ssrc() : [], spi: response ? bytes(4) : [])
    }

    // MARK: SP

    /// A complete SRTP policy (RFC 3830 §6.10.1): AES-CM-128, HMAC-SHA-1-80.
    func srtpPolicy(_ no: UInt8 = 0) -> SecurityPolicyPayload {
        let params: [(UInt8, [UInt8])] = [
            (0, [1]), (1, [16]), (2, [1]), (3, [20]), (4, [14]), (5, [0]), (6, [0]), (7, [1]), (8, [1]), (10, [1]), (11, [10]), (13, [1]),
        ]
        return SecurityPolicyPayload(policyNumber: no, protType: .srtp, parameters: params.map { PolicyParameter(type: $0.0, value: $0.1) })
    }

    func sp(_ no: UInt8 = 0) -> Payload { .securityPolicy(srtpPolicy(no)) }

    // MARK: keys

    func keyData(_ type: KeyDataType, _ n: Int = 16, salt: Int? = nil, spi: Bool = true) -> KeyDataPayload {
        let hasSalt = type.hasSalt ?? false
        return KeyDataPayload(type: type, keyData: bytes(n), salt: hasSalt ? bytes(salt ?? 14) : nil, validity: spi ? .spi(bytes(4)) : .null)
    }

    func tgk(spi: Bool = true) -> KeyDataPayload { keyData(.tgk, spi: spi) }

    /// A TGK whose Key data sub-payload is 24 bytes (16-byte key, 3-byte
    /// SPI): AES key wrap needs a multiple of 64 bits (RFC 3394 §2).
    func kwTGK() -> KeyDataPayload { KeyDataPayload(type: .tgk, keyData: bytes(16), validity: .spi(bytes(3))) }

    /// A KEMAC whose `encryptedData` holds the *plaintext* chain: NULL stays
    /// clear, any other algorithm is encrypted by `MIKEYMessageBuilder.protect`.
    func kemac(_ keys: [KeyDataPayload], encr: EncryptionAlgorithm = .aesCM128, mac: MACAlgorithm = .hmacSHA1_160) throws -> KEMACPayload {
        var k = try KEMACPayload.clear(keyData: keys, macAlgorithm: mac)
        k.encryptionAlgorithm = encr
        k.mac = bytes(mac.macLength ?? 0)
        return k
    }

    /// A KEMAC with random "ciphertext" and a random MAC, for messages that
    /// are not built with keys (the validator cannot open them either).
    func opaqueKEMAC(encr: EncryptionAlgorithm = .aesCM128, mac: MACAlgorithm = .hmacSHA1_160, length: Int = 48) -> KEMACPayload {
        KEMACPayload(encryptionAlgorithm: encr, encryptedData: bytes(length), macAlgorithm: mac, mac: bytes(mac.macLength ?? 0))
    }

    func v(_ alg: MACAlgorithm = .hmacSHA1_160) -> Payload {
        .verification(VerificationPayload(authAlgorithm: alg, verificationData: bytes(alg.macLength ?? 0)))
    }

    // MARK: public-key payloads

    /// Random bytes shaped like a DER SEQUENCE (30 82 len …), for CERT/PKE.
    func der(_ n: Int) -> [UInt8] {
        var w = ByteWriter()
        w.writeUInt8(0x30)
        w.writeUInt8(0x82)
        w.writeUInt16(UInt16(n - 4))
        w.writeBytes(bytes(n - 4))
        return w.bytes
    }

    func cert(_ n: Int = 320) -> Payload { .cert(CertPayload(certType: .x509v3, data: der(n))) }
    func chash() -> Payload { .certHash(CertHashPayload(hashFunction: .sha256, hash: bytes(32))) }
    func pke(_ n: Int = 128) -> Payload { .pke(EnvelopePayload(cache: EnvelopeCacheType(rawValue: 0), data: bytes(n))) }
    func sign(_ type: SignatureType = .rsaPKCS1, _ n: Int = 128) -> Payload { .sign(SignaturePayload(signatureType: type, signature: bytes(n))) }
    func dh(_ group: DHGroup = .oakley2, validity: KeyValidity = .null) -> Payload {
        .dh(DHPayload(group: group, value: bytes(group.valueLength ?? 0), validity: validity))
    }

    // MARK: MIKEY-TICKET

    /// RFC 6043 §6.10 flags used by the clean tickets: KMS-generated (D),
    /// TRANSFER_RESP sent (F), Responder RAND (G), RANDRi used (H), and both
    /// sides follow the RFC (N, O). Satisfies every implication. L = 0: the
    /// Initiator SHALL NOT supply session keys (no KEMAC in TRANSFER_INIT).
    static let standardFlags: TicketFlags = [.d, .f, .g, .h, .n, .o]

    /// Desired policy (REQUEST_INIT TP Data): IDRkms, IDRi, TRs, TRe, KEMAC
    /// (NULL/NULL, zero key data), IDRr.
    func desiredTPData(withKEMAC: Bool = true) throws -> [Payload] {
        var d: [Payload] = [
            idr(.kms, Self.kms), idr(.initiator, Self.alice),
            .timestampRole(TimestampRolePayload(role: .validFrom, tsType: .ntpUTC32, value: ntpUTC32Value())),
            .timestampRole(TimestampRolePayload(role: .validTo, tsType: .ntpUTC32, value: ntpUTC32Value())),
        ]
        if withKEMAC {
            let zeroTGK = KeyDataPayload(type: .tgk, keyData: [UInt8](repeating: 0, count: 16), validity: .null)
            d.append(.kemac(try KEMACPayload.clear(keyData: [zeroTGK], macAlgorithm: .null)))
        }
        d.append(idr(.responder, Self.bob))
        return d
    }

    /// Granted policy (TICKET TP Data): no KEMAC; like every TP Data it ends
    /// with the mandatory (IDRr) (RFC 6043 §6.10).
    func grantedTPData() -> [Payload] {
        [
            idr(.kms, Self.kms), idr(.initiator, Self.alice),
            .timestampRole(TimestampRolePayload(role: .validFrom, tsType: .ntpUTC32, value: ntpUTC32Value())),
            .timestampRole(TimestampRolePayload(role: .validTo, tsType: .ntpUTC32, value: ntpUTC32Value())),
            idr(.responder, Self.bob),
        ]
    }

    /// MIKEY base ticket data (RFC 6043 Appendix A): THDR, T, RAND, KEMAC
    /// (encrypted with the TPK, NULL MAC), [IDRpsk], V. IDRpsk is left out
    /// by default (it MAY be omitted); the `base-ticket-idrpsk` vectors
    /// carry it.
    func baseTicket(kemac: KEMACPayload? = nil, idrPSK: Bool = false) -> BaseTicket {
        var p: [Payload] = [t(), rand(), .kemac(kemac ?? opaqueKEMAC(encr: .aesCM128, mac: .null, length: 60))]
        if idrPSK { p.append(self.idrPSK()) }
        p.append(v())
        return BaseTicket(thdrData: bytes(4), payloads: p)
    }

    /// A base-ticket KEMAC in clear (NULL/NULL) holding `keys`, so that the
    /// rules reading the ticket's keys can see them.
    func clearTicketKEMAC(_ keys: [KeyDataPayload]) throws -> KEMACPayload {
        try KEMACPayload.clear(keyData: keys, macAlgorithm: .null)
    }

    func policy(_ flags: TicketFlags = standardFlags, tpData: [Payload]? = nil, type: TicketType = .mikeyBase) -> TicketPolicy {
        TicketPolicy(ticketType: type, subtype: 1, version: 1, prfFunction: .mikey1, flags: flags, tpData: tpData ?? grantedTPData())
    }

    func ticket(_ flags: TicketFlags = standardFlags, tpData: [Payload]? = nil, data: BaseTicket? = nil, initiatorData: [Payload] = []) -> TicketPayload {
        TicketPayload(policy: policy(flags, tpData: tpData), ticketData: .base(data ?? baseTicket()), initiatorData: initiatorData)
    }

    /// Initiator Data for key forking: First Payload, Vi, Vr (RFC 6043 §6.10).
    func forkingInitiatorData(_ alg: MACAlgorithm = .hmacSHA1_160) -> [Payload] { [v(alg), v(alg)] }

    // MARK: clean messages, one per data type

    /// 0, RFC 3830 §3.1: HDR, T, RAND, IDi, IDr, SP, KEMAC(AES-CM-128, HMAC-SHA-1).
    func pskInit(encr: EncryptionAlgorithm = .aesCM128, mac: MACAlgorithm = .hmacSHA1_160, prf: PRFFunction = .mikey1, v: Bool = true,
                 map: CSIDMap? = nil, ids: Bool = true, sp: Bool = true, keys: [KeyDataPayload]? = nil) throws -> MIKEYMessage {
        var p: [Payload] = [t(), rand()]
        if ids { p += [id(Self.alice), id(Self.bob)] }
        if sp { p.append(self.sp(0)) }
        p.append(.kemac(try kemac(keys ?? [encr == .aesKW128 ? kwTGK() : tgk()], encr: encr, mac: mac)))
        return MIKEYMessage(header: header(.psk, map: map ?? srtpMap(), v: v, prf: prf), payloads: p)
    }

    /// 1, RFC 3830 §3.1: HDR, T, IDr, V.
    func pskVerify(prf: PRFFunction = .mikey1, mac: MACAlgorithm = .hmacSHA1_160) -> MIKEYMessage {
        MIKEYMessage(header: header(.pskVerify, map: srtpMap(), prf: prf), payloads: [t(), id(Self.bob), v(mac)])
    }

    /// 2, RFC 3830 §3.2: HDR, T, RAND, CERTi, IDr, SP, KEMAC, CHASH, PKE, SIGN.
    func pkInit() -> MIKEYMessage {
        MIKEYMessage(header: header(.publicKey, map: srtpMap(), v: true), payloads: [
            t(), rand(), cert(), id(Self.bob), sp(0), .kemac(opaqueKEMAC()), chash(), pke(), sign(),
        ])
    }

    /// 3, RFC 3830 §3.2: HDR, T, IDr, V.
    func pkVerify() -> MIKEYMessage {
        MIKEYMessage(header: header(.pkVerify, map: srtpMap()), payloads: [t(), id(Self.bob), v()])
    }

    /// 4, RFC 3830 §3.3: HDR, T, RAND, IDi, IDr, SP, DHi, SIGNi.
    func dhInit(group: DHGroup = .oakley2) -> MIKEYMessage {
        MIKEYMessage(header: header(.dhInit, map: srtpMap()), payloads: [t(), rand(), id(Self.alice), id(Self.bob), sp(0), dh(group), sign()])
    }

    /// 5, RFC 3830 §3.3: HDR, T, IDr, IDi, DHr, DHi, SIGNr.
    func dhResp(group: DHGroup = .oakley2) -> MIKEYMessage {
        MIKEYMessage(header: header(.dhResp, map: srtpMap()), payloads: [t(), id(Self.bob), id(Self.alice), dh(group), dh(group), sign()])
    }

    /// 6, RFC 3830 §5.1.2: HDR, T, ERR, SP.
    func errorMessage(_ no: UInt8 = 9) -> MIKEYMessage {
        MIKEYMessage(header: header(.error, map: srtpMap()), payloads: [t(), .error(ErrorPayload(errorNumber: ErrorNumber(rawValue: no))), sp(0)])
    }

    /// 7, RFC 4650 §3: HDR, T, RAND, IDi, IDr, SP, DHi, KEMAC(NULL, no key data, HMAC).
    func dhhmacInit(mac: MACAlgorithm = .hmacSHA1_160) throws -> MIKEYMessage {
        MIKEYMessage(header: header(.dhhmacInit, map: srtpMap(), v: true), payloads: [
            t(), rand(), id(Self.alice), id(Self.bob), sp(0), dh(), .kemac(try kemac([], encr: .null, mac: mac)),
        ])
    }

    /// 8, RFC 4650 §3: HDR, T, IDr, IDi, DHr, DHi, KEMAC.
    func dhhmacResp(mac: MACAlgorithm = .hmacSHA1_160) throws -> MIKEYMessage {
        MIKEYMessage(header: header(.dhhmacResp, map: srtpMap()), payloads: [
            t(), id(Self.bob), id(Self.alice), dh(), dh(), .kemac(try kemac([], encr: .null, mac: mac)),
        ])
    }

    /// 9, RFC 4738 §3.1: HDR, T, RAND, CERTi, IDr, SP, SIGNi.
    func rsaRInit() -> MIKEYMessage {
        MIKEYMessage(header: header(.rsaRInit, map: srtpMap(), v: true), payloads: [t(), rand(), cert(), id(Self.bob), sp(0), sign()])
    }

    /// 10, RFC 4738 §3.1: HDR, GenExt(CSB_ID), T, RAND, CERTr, SP, KEMAC, PKE, SIGNr.
    func rsaRResp() -> MIKEYMessage {
        var csb = ByteWriter()
        csb.writeUInt32(self.csb())
        return MIKEYMessage(header: header(.rsaRResp, map: srtpMap()), payloads: [
            .generalExtension(GeneralExtensionPayload(type: .csbID, data: csb.bytes)),
            t(), rand(), cert(), sp(0), .kemac(opaqueKEMAC()), pke(), sign(),
        ])
    }

    /// 11, RFC 6043 §4.2.1: HDR(V = 1, #CS 0, Empty map), T, RANDRi, IDRi, IDRkms, TP, IDRpsk, V.
    /// §4.2.1.1: "The V flag MUST be set to '1'" (§6.1 says 0: see the
    /// `rfc6043-v-flag-conflict` note), "#CS MUST be set to '0'" and the
    /// map type "SHALL be the Empty map".
    func requestInitPSK(flags: TicketFlags = standardFlags, tpData: [Payload]? = nil) throws -> MIKEYMessage {
        MIKEYMessage(header: header(.requestInitPSK, map: .empty(csCount: 0), v: true), payloads: [
            t(), randr(.initiator), idr(.initiator, Self.alice), idr(.kms, Self.kms),
            .ticketPolicy(TicketPolicyPayload(policy: policy(flags, tpData: try tpData ?? desiredTPData()))), idrPSK(), v(),
        ])
    }

    /// 12, RFC 6043 §4.2.1: HDR(V = 1, Empty map), T, RANDRi, IDRi, CERTi, IDRkms, TP, CHASH, PKE, SIGNi.
    func requestInitPK() throws -> MIKEYMessage {
        MIKEYMessage(header: header(.requestInitPK, map: .empty(csCount: 0), v: true), payloads: [
            t(), randr(.initiator), idr(.initiator, Self.alice), cert(), idr(.kms, Self.kms),
            .ticketPolicy(TicketPolicyPayload(policy: policy(tpData: try desiredTPData()))), chash(), pke(), sign(),
        ])
    }

    /// 13, RFC 6043 §4.2.1.5: HDR(V = 0, map as in REQUEST_INIT), T, IDRkms, TICKET, KEMAC(encrypted, NULL MAC), V.
    func requestResp(ticket: TicketPayload? = nil) -> MIKEYMessage {
        MIKEYMessage(header: header(.requestResp, map: .empty(csCount: 0)), payloads: [
            t(), idr(.kms, Self.kms), .ticket(ticket ?? self.ticket()), .kemac(opaqueKEMAC(encr: .aesCM128, mac: .null, length: 40)), v(),
        ])
    }

    /// 14, RFC 6043 §4.2.2: HDR(GENERIC-ID, V = F), T, RANDRi, IDRi, IDRr, SP, TICKET, V.
    func transferInit(ticket: TicketPayload? = nil, entries: [GenericIDMapEntry]? = nil, sp: Bool = true) -> MIKEYMessage {
        let tk = ticket ?? self.ticket()
        var p: [Payload] = [t(), randr(.initiator), idr(.initiator, Self.alice), idr(.responder, Self.bob)]
        if sp { p.append(self.sp(0)) }
        p += [.ticket(tk), v()]
        return MIKEYMessage(header: header(.transferInit, map: .generic(entries ?? [genericSRTP()]), v: tk.policy.flags.contains(.f)), payloads: p)
    }

    /// 15, RFC 6043 §4.2.2.3: HDR(GENERIC-ID, #P = 1, Session Data, SPI), T, RANDRr, IDRr, V.
    func transferResp(entries: [GenericIDMapEntry]? = nil) -> MIKEYMessage {
        MIKEYMessage(header: header(.transferResp, map: .generic(entries ?? [genericSRTP(response: true)])), payloads: [
            t(), randr(.responder), idr(.responder, Self.bob), v(),
        ])
    }

    /// 16, RFC 6043 §4.2.3: HDR(V = 1, #CS 0, Empty map), T, RANDRr, IDRr, IDRkms, TICKET, IDRpsk, V
    /// (§4.2.3.1, as for REQUEST_INIT).
    func resolveInitPSK(ticket: TicketPayload? = nil) -> MIKEYMessage {
        MIKEYMessage(header: header(.resolveInitPSK, map: .empty(csCount: 0), v: true), payloads: [
            t(), randr(.responder), idr(.responder, Self.bob), idr(.kms, Self.kms), .ticket(ticket ?? self.ticket()), idrPSK(), v(),
        ])
    }

    /// 17, RFC 6043 §4.2.3: HDR(V = 1, Empty map), T, RANDRr, IDRr, CERTr, IDRkms, TICKET, CHASH, PKE, SIGNr.
    func resolveInitPK() -> MIKEYMessage {
        MIKEYMessage(header: header(.resolveInitPK, map: .empty(csCount: 0), v: true), payloads: [
            t(), randr(.responder), idr(.responder, Self.bob), cert(), idr(.kms, Self.kms), .ticket(ticket()), chash(), pke(), sign(),
        ])
    }

    /// 18, RFC 6043 §4.2.3.5: HDR(V = 0, map as in RESOLVE_INIT), T, IDRkms, KEMAC(encrypted, NULL MAC), IDRr, RANDRkms, V.
    func resolveResp() -> MIKEYMessage {
        MIKEYMessage(header: header(.resolveResp, map: .empty(csCount: 0)), payloads: [
            t(), idr(.kms, Self.kms), .kemac(opaqueKEMAC(encr: .aesCM128, mac: .null, length: 40)), idr(.responder, Self.bob), randr(.kms), v(),
        ])
    }

    /// 26, RFC 6509 §2.1: HDR, T, RAND, IDRi, IDRr, IDRkmsi, IDRkmsr, SAKKE, SIGN(ECCSI).
    func sakke() -> MIKEYMessage {
        MIKEYMessage(header: header(.sakke, map: srtpMap(), v: false), payloads: [
            t(), rand(), idr(.initiator, "tel:+447700900123"), idr(.responder, "tel:+447700900456"),
            idr(.initiatorKMS, "https://kms.example.org"), idr(.responderKMS, "https://kms.example.org"),
            .sakke(SAKKEPayload(params: SAKKEParams(rawValue: 1), idScheme: SAKKEIDScheme(rawValue: 1), data: [0x04] + bytes(272))),
            sign(.eccsi, 129),
        ])
    }

    /// The clean message of any composition-defined data type (0–18, 26).
    func clean(_ dt: UInt8) throws -> MIKEYMessage {
        switch dt {
        case 0: return try pskInit()
        case 1: return pskVerify()
        case 2: return pkInit()
        case 3: return pkVerify()
        case 4: return dhInit()
        case 5: return dhResp()
        case 6: return errorMessage()
        case 7: return try dhhmacInit()
        case 8: return try dhhmacResp()
        case 9: return rsaRInit()
        case 10: return rsaRResp()
        case 11: return try requestInitPSK()
        case 12: return try requestInitPK()
        case 13: return requestResp()
        case 14: return transferInit()
        case 15: return transferResp()
        case 16: return resolveInitPSK()
        case 17: return resolveInitPK()
        case 18: return resolveResp()
        case 26: return sakke()
        default: throw GenerationError(description: "no clean message for data type \(dt)")
        }
    }

    /// Data types whose clean message is valid without any finding.
    static let cleanDataTypes: [UInt8] = Array(0...18) + [26]
}
