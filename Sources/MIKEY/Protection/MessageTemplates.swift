import MediasecCore

/// Minimal well-formed messages for every data type 0–26, built from the
/// exchange definitions (the same ones ``MessageComposition`` checks). A
/// template is a starting point: callers replace payloads, then encode (all
/// lengths, counts and Next Payload fields are computed) or protect it with
/// ``MIKEYMessageBuilder/protect(_:keys:profile:)``.
public enum MIKEYMessageTemplates {
    public struct Parameters: Sendable {
        public var csbID: UInt32 = 0x1234_5678
        public var prf: PRFFunction = .mikey1
        public var timestamp: [UInt8] = [0xE9, 0x8F, 0x1A, 0x00, 0, 0, 0, 0]
        public var rand: [UInt8] = Array(0x10..<0x20)
        public var mac: MACAlgorithm = .hmacSHA1_160
        public var key: [UInt8] = [UInt8](repeating: 0x42, count: 16)
        public init() {}
    }

    static func t(_ p: Parameters) -> Payload { .timestamp(TimestampPayload(tsType: .ntpUTC, value: p.timestamp)) }
    static func rand(_ p: Parameters) -> Payload { .rand(RANDPayload(rand: p.rand)) }
    static func randR(_ role: RANDRole, _ p: Parameters) -> Payload { .randRole(RANDRPayload(role: role, rand: p.rand)) }
    static func kemac(_ p: Parameters, type: KeyDataType = .tgk, mac: MACAlgorithm? = nil, initiatorID: Payload? = nil) -> Payload {
        let kd = KeyDataPayload(type: type, keyData: p.key, salt: type.hasSalt == true ? [UInt8](repeating: 0x53, count: 14) : nil, validity: .spi([0x01]))
        let chain: [Payload] = (initiatorID.map { [$0] } ?? []) + [.keyData(kd)]
        let k = (try? KEMACPayload.clear(chain: chain, macAlgorithm: mac ?? p.mac))
            ?? KEMACPayload(encryptionAlgorithm: .null, encryptedData: [], macAlgorithm: .null, mac: [])
        return .kemac(k)
    }
    static func v(_ p: Parameters) -> Payload { .verification(.placeholder(p.mac)) }
    static let sign = Payload.sign(SignaturePayload(signatureType: .rsaPKCS1, signature: [UInt8](repeating: 0x5A, count: 128)))
    static let pke = Payload.pke(EnvelopePayload(cache: .init(rawValue: 0), data: [UInt8](repeating: 0xE7, count: 128)))
    static func dh(_ fill: UInt8) -> Payload { .dh(DHPayload(group: .oakley2, value: [UInt8](repeating: fill, count: 128))) }
    static let idi = Payload.id(IDPayload(uri: "sip:alice@example.org"))
    static let idr = Payload.id(IDPayload(uri: "sip:bob@example.org"))

    /// The Ticket Policy a template uses: KMS-generated ticket with the
    /// flags RFC 6043 §6.10's dependencies allow (D E F H L N O).
    public static func policy(tpData: [Payload]? = nil) -> TicketPolicy {
        let responder = Payload.idRole(IDRPayload(role: .responder, idType: .uri, data: Array("sip:bob@example.org".utf8)))
        return TicketPolicy(flags: [.d, .e, .f, .h, .l, .n, .o], tpData: tpData ?? [responder])
    }

    /// A MIKEY base ticket (RFC 6043 Appendix A): THDR, T, RAND, KEMAC, V.
    public static func ticket(_ p: Parameters) -> TicketPayload {
        let inner: [Payload] = [t(p), rand(p), kemac(p, type: .mpk, mac: .null), .verification(.placeholder(.hmacSHA256_256))]
        return TicketPayload(policy: policy(), ticketData: .base(BaseTicket(thdrData: [], payloads: inner)))
    }

    public static func map(for d: DataType) -> CSIDMap {
        switch d.rawValue {
        case 11...13, 16...18: return .empty(csCount: 0)
        case 14, 15: return .generic([GenericIDMapEntry(csID: 1, protType: .srtp, policies: [0], sessionData: [0, 0, 0, 1], spi: [0x01])])
        case 26: return .generic([GenericIDMapEntry(csID: 1, protType: .srtp, policies: [], sessionData: [0, 0, 0, 1], spi: [0x01])])
        default: return .srtp([SRTPMapEntry(policyNumber: 0, ssrc: 0xDEAD_BEEF, roc: 0)])
        }
    }

    /// A minimal message of data type `d`: the mandatory payloads in the
    /// recommended order, with zero MAC/signature fields to be filled in.
    public static func make(_ d: DataType, _ p: Parameters = Parameters()) -> MIKEYMessage {
        let sp = Payload.securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: .srtp, parameters: [PolicyParameter(type: 0, value: [1])]))
        let payloads: [Payload]
        switch d.rawValue {
        case 0: payloads = [t(p), rand(p), idi, idr, sp, kemac(p)]
        case 1, 3: payloads = [t(p), idr, v(p)]
        case 2: payloads = [t(p), rand(p), idi, idr, sp, kemac(p, initiatorID: idi), pke, sign]
        case 4: payloads = [t(p), rand(p), idi, idr, sp, dh(0x11), sign]
        case 5: payloads = [t(p), idr, idi, dh(0x22), dh(0x11), sign]
        case 6: payloads = [t(p), .error(ErrorPayload(errorNumber: .init(rawValue: 12))), v(p)]
        case 7: payloads = [t(p), rand(p), idi, idr, sp, dh(0x11), kemac(p)]
        case 8: payloads = [t(p), idr, idi, dh(0x22), dh(0x11), kemac(p)]
        case 9: payloads = [t(p), rand(p), idi, idr, sp, sign]
        case 10: payloads = [t(p), rand(p), idr, sp, kemac(p, initiatorID: idr), pke, sign]
        case 11:
            payloads = [t(p), randR(.initiator, p), .idRole(IDRPayload(role: .initiator, idType: .uri, data: Array("sip:alice@example.org".utf8))),
                        .idRole(IDRPayload(role: .kms, idType: .uri, data: Array("https://kms.example.org".utf8))),
                        .ticketPolicy(TicketPolicyPayload(policy: policy())), v(p)]
        case 12: payloads = [t(p), randR(.initiator, p), .ticketPolicy(TicketPolicyPayload(policy: policy())), pke, sign]
        case 13: payloads = [t(p), .ticket(ticket(p)), kemac(p, type: .mpk, mac: .null), v(p)]
        case 14:
            payloads = [t(p), randR(.initiator, p), .idRole(IDRPayload(role: .initiator, idType: .uri, data: Array("sip:alice@example.org".utf8))),
                        .idRole(IDRPayload(role: .responder, idType: .uri, data: Array("sip:bob@example.org".utf8))), sp, .ticket(ticket(p)), v(p)]
        case 15: payloads = [t(p), randR(.initiator, p), sp, v(p)]
        case 16: payloads = [t(p), randR(.responder, p), .ticket(ticket(p)), v(p)]
        case 17: payloads = [t(p), randR(.responder, p), .ticket(ticket(p)), pke, sign]
        case 18: payloads = [t(p), kemac(p, type: .tgk, mac: .null), v(p)]
        case 26:
            payloads = [t(p), rand(p), .idRole(IDRPayload(role: .initiator, idType: .uri, data: Array("tel:+15555550100".utf8))),
                        .sakke(SAKKEPayload(params: .init(rawValue: 1), idScheme: .init(rawValue: 1), data: [UInt8](repeating: 0x04, count: 64))), sign]
        default:
            // IBAKE (19–25) and unassigned types: header, T and RAND only.
            payloads = [t(p), rand(p)]
        }
        // RFC 3830: a verification message is requested; RFC 6043 §4.2:
        // V = 1 in REQUEST_INIT/RESOLVE_INIT, and = F (set) in TRANSFER_INIT.
        let verify = [DataType.psk, .publicKey, .requestInitPSK, .requestInitPK, .transferInit, .resolveInitPSK, .resolveInitPK].contains(d)
        return MIKEYMessage(header: CommonHeader(dataType: d, verifyFlag: verify, prfFunction: p.prf, csbID: p.csbID, csIDMap: map(for: d)), payloads: payloads)
    }
}
