import PropertyBased
import MediasecCore
import MIKEY

/// PropertyBased generators for every MIKEY payload and for whole messages.
///
/// Each generator only produces model values that the encoder accepts and
/// that the decoder must give back unchanged: implicit lengths match their
/// algorithm (DH group, MAC alg, TS type, hash func), a Key data payload has
/// a salt iff its type has one, Ticket Type 1 carries a structured base
/// ticket and every other type opaque Ticket Data, SIGN appears only as the
/// last top-level payload, and nesting stays two levels deep (far inside
/// ``DecodingLimits/default``).
///
/// Sizes are small (byte strings of 0–40) so that hundreds of messages run
/// in well under a second, with a few boundaries mixed in: empty fields
/// everywhere, 255 bytes behind 8-bit lengths (RAND, RANDR, SPI, KV data,
/// SP parameter values), #P = 127 in GENERIC-ID entries, a 4095-byte SIGN
/// (12-bit length) and a 16383-byte PKE (14-bit length) once in a while.
///
/// Leaves are composed from the library's built-in generators (so they
/// shrink); recursive structures use a custom `run` that draws from them.
enum MIKEYGen {
    typealias RNG = any SeededRandomNumberGenerator

    // MARK: drawing primitives

    static func int(_ r: ClosedRange<Int>, _ rng: inout RNG) -> Int { Int.random(in: r, using: &rng) }
    static func chance(_ p: Double, _ rng: inout RNG) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    static func u8(_ rng: inout RNG) -> UInt8 { UInt8.random(in: .min ... .max, using: &rng) }
    static func u16(_ rng: inout RNG) -> UInt16 { UInt16.random(in: .min ... .max, using: &rng) }
    static func u32(_ rng: inout RNG) -> UInt32 { UInt32.random(in: .min ... .max, using: &rng) }
    static func pick<T>(_ xs: [T], _ rng: inout RNG) -> T { xs[int(0...(xs.count - 1), &rng)] }
    static func bytes(count n: Int, _ rng: inout RNG) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(u8(&rng)) }
        return out
    }
    /// A code point: mostly one of `usual`, sometimes any byte (unassigned
    /// and private-use values must survive a round trip too).
    static func codePoint(_ usual: ClosedRange<UInt8>, _ rng: inout RNG) -> UInt8 {
        chance(0.85, &rng) ? UInt8(int(Int(usual.lowerBound)...Int(usual.upperBound), &rng)) : u8(&rng)
    }
    static func draw<T>(_ g: Generator<T, some Sequence>, _ rng: inout RNG) -> T { g.run(using: &rng) }
    /// SRTP, TESLA, the TR 33.829 Annex A types at their profile defaults
    /// (TLS 241, PSK/MIME 242, Application Specific 243), or any byte.
    static func protType(_ rng: inout RNG) -> ProtType {
        let any = u8(&rng)
        return ProtType(rawValue: pick([0, 1, 241, 242, 243, any], &rng))
    }

    // MARK: byte strings

    /// Field behind an 8-bit length: 0–40 bytes, sometimes exactly 0 or 255.
    static let bytes8 = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        switch int(0...19, &rng) {
        case 0: return []
        case 1: return bytes(count: 255, &rng)
        default: return bytes(count: int(0...40, &rng), &rng)
        }
    }

    /// Field behind a 16-bit length: 0–40 bytes, sometimes exactly 0.
    static let bytes16 = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        chance(0.1, &rng) ? [] : bytes(count: int(0...40, &rng), &rng)
    }

    /// Small byte strings with the library's shrinking, for leaf fields.
    static let smallBytes = Gen.uint8().array(of: 0...40)

    // MARK: HDR (RFC 3830 §6.1, RFC 4563, RFC 6043 §6.1.1)

    static let srtpMapEntry = zip(Gen.uint8(), Gen.uint32(), Gen.uint32())
        .map { p, s, r in SRTPMapEntry(policyNumber: p, ssrc: s, roc: r) }

    /// GENERIC-ID entries with SRTP, TESLA, the TR's TLS / PSK/MIME /
    /// Application Specific Prot Types (profile defaults 241–243) and
    /// random ones; SRTP Session Data is SSRC (S = 0) or SSRC+ROC+SEQ (S = 1).
    static let genericIDMapEntry = Generator<GenericIDMapEntry, Shrink.None<GenericIDMapEntry>> { rng in
        let prot = protType(&rng)
        let s = chance(0.5, &rng)
        let np = chance(0.05, &rng) ? 127 : int(0...5, &rng)
        let policies = bytes(count: np, &rng)
        let sessionData: [UInt8]
        if prot == .srtp && chance(0.7, &rng) {
            sessionData = bytes(count: s ? 10 : 4, &rng)
        } else {
            sessionData = draw(bytes16, &rng)
        }
        return GenericIDMapEntry(csID: u8(&rng), protType: prot, sFlag: s, policies: policies, sessionData: sessionData, spi: draw(bytes8, &rng))
    }

    static let csIDMap = Generator<CSIDMap, Shrink.None<CSIDMap>> { rng in
        switch int(0...2, &rng) {
        case 0: return .srtp(SRTPMap(draw(srtpMapEntry.array(of: 0...3), &rng)))
        case 1:
            let any = u8(&rng)
            return .empty(csCount: pick([0, 1, 255, any], &rng))
        default: return .generic(draw(genericIDMapEntry.array(of: 0...3), &rng))
        }
    }

    static let header = Generator<CommonHeader, Shrink.None<CommonHeader>> { rng in
        CommonHeader(
            version: 1,
            dataType: DataType(rawValue: codePoint(0...26, &rng)),
            verifyFlag: chance(0.5, &rng),
            prfFunction: PRFFunction(rawValue: chance(0.8, &rng) ? UInt8(int(0...1, &rng)) : UInt8(int(0...127, &rng))),
            csbID: u32(&rng),
            csIDMap: draw(csIDMap, &rng)
        )
    }

    // MARK: leaf payloads

    static let keyValidity = Generator<KeyValidity, Shrink.None<KeyValidity>> { rng in
        switch int(0...2, &rng) {
        case 0: return .null
        case 1: return .spi(draw(bytes8, &rng))
        default: return .interval(validFrom: draw(bytes8, &rng), validTo: draw(bytes8, &rng))
        }
    }

    /// Key data sub-payload of every type 0–7 (RFC 3830 §6.13, RFC 6043
    /// §6.2.1); salt present exactly for TGK+SALT, TEK+SALT, GTGK+SALT.
    static let keyData = Generator<KeyDataPayload, Shrink.None<KeyDataPayload>> { rng in
        let type = KeyDataType(rawValue: UInt8(int(0...7, &rng)))
        let salt: [UInt8]? = type.hasSalt == true ? draw(bytes16, &rng) : nil
        return KeyDataPayload(type: type, keyData: draw(bytes16, &rng), salt: salt, validity: draw(keyValidity, &rng))
    }

    static func macAlgorithm(_ rng: inout RNG) -> MACAlgorithm { MACAlgorithm(rawValue: UInt8(int(0...2, &rng))) }

    /// KEMAC whose Encr data is either a NULL-encrypted Key data chain
    /// (``KEMACPayload/clear(keyData:macAlgorithm:)``) or random bytes under
    /// any Encr alg; the MAC has the length of its MAC alg.
    static let kemac = Generator<KEMACPayload, Shrink.None<KEMACPayload>> { rng in
        let mac = macAlgorithm(&rng)
        var k: KEMACPayload
        if chance(0.6, &rng) {
            let keys = draw(keyData.array(of: 0...3), &rng)
            k = try! KEMACPayload.clear(keyData: keys, macAlgorithm: mac)  // small values always encode
        } else {
            k = KEMACPayload(encryptionAlgorithm: EncryptionAlgorithm(rawValue: codePoint(0...3, &rng)), encryptedData: draw(bytes16, &rng), macAlgorithm: mac, mac: [])
        }
        k.mac = bytes(count: mac.macLength!, &rng)
        return k
    }

    static let pke = Generator<EnvelopePayload, Shrink.None<EnvelopePayload>> { rng in
        let data = chance(0.01, &rng) ? bytes(count: 16383, &rng) : draw(bytes16, &rng)
        return EnvelopePayload(cache: EnvelopeCacheType(rawValue: UInt8(int(0...3, &rng))), data: data)
    }

    /// DH with the value length of its group (192 / 96 / 128 bytes).
    static let dh = Generator<DHPayload, Shrink.None<DHPayload>> { rng in
        let group = DHGroup(rawValue: UInt8(int(0...2, &rng)))
        return DHPayload(group: group, value: bytes(count: group.valueLength!, &rng),
                         reserved: chance(0.8, &rng) ? 0 : UInt8(int(0...15, &rng)), validity: draw(keyValidity, &rng))
    }

    static let sign = Generator<SignaturePayload, Shrink.None<SignaturePayload>> { rng in
        let sig = chance(0.01, &rng) ? bytes(count: 4095, &rng) : draw(bytes16, &rng)
        return SignaturePayload(signatureType: SignatureType(rawValue: UInt8(int(0...15, &rng))), signature: sig)
    }

    static func timestampValue(_ rng: inout RNG) -> (TimestampType, [UInt8]) {
        let t = TimestampType(rawValue: UInt8(int(0...3, &rng)))
        return (t, bytes(count: t.valueLength!, &rng))
    }

    static let timestamp = Generator<TimestampPayload, Shrink.None<TimestampPayload>> { rng in
        let (t, v) = timestampValue(&rng)
        return TimestampPayload(tsType: t, value: v)
    }

    /// ID data: a SIP URI in UTF-8 or arbitrary bytes.
    static func idData(_ rng: inout RNG) -> [UInt8] {
        if chance(0.4, &rng) {
            return Array("sip:\(pick(["alice", "bob", "conf-42", "?"], &rng))@\(pick(["example.com", "ims.test", "?"], &rng))".utf8)
        }
        return draw(bytes16, &rng)
    }

    static let id = Generator<IDPayload, Shrink.None<IDPayload>> { rng in
        IDPayload(idType: IDType(rawValue: codePoint(0...2, &rng)), data: idData(&rng))
    }

    static let cert = zip(Gen.uint8(), smallBytes).map { t, d in CertPayload(certType: CertType(rawValue: t), data: d) }

    static let certHash = Generator<CertHashPayload, Shrink.None<CertHashPayload>> { rng in
        let f = HashFunction(rawValue: UInt8(int(0...2, &rng)))
        return CertHashPayload(hashFunction: f, hash: bytes(count: f.hashLength!, &rng))
    }

    static let verification = Generator<VerificationPayload, Shrink.None<VerificationPayload>> { rng in
        let a = macAlgorithm(&rng)
        return VerificationPayload(authAlgorithm: a, verificationData: bytes(count: a.macLength!, &rng))
    }

    static let policyParameter = Generator<PolicyParameter, Shrink.None<PolicyParameter>> { rng in
        PolicyParameter(type: codePoint(0...20, &rng), value: draw(bytes8, &rng))
    }

    static let securityPolicy = Generator<SecurityPolicyPayload, Shrink.None<SecurityPolicyPayload>> { rng in
        SecurityPolicyPayload(policyNumber: u8(&rng), protType: protType(&rng), parameters: draw(policyParameter.array(of: 0...4), &rng))
    }

    static let rand = bytes8.map { RANDPayload(rand: $0) }

    static let err = zip(Gen.uint8(), Gen.uint16(), Gen.bool(0.8))
        .map { e, r, zero in ErrorPayload(errorNumber: ErrorNumber(rawValue: e), reserved: zero ? 0 : r) }

    static let timestampRole = Generator<TimestampRolePayload, Shrink.None<TimestampRolePayload>> { rng in
        let (t, v) = timestampValue(&rng)
        return TimestampRolePayload(role: TimestampRole(rawValue: codePoint(1...4, &rng)), tsType: t, value: v)
    }

    static let idRole = Generator<IDRPayload, Shrink.None<IDRPayload>> { rng in
        IDRPayload(role: IDRole(rawValue: codePoint(1...9, &rng)), idType: IDType(rawValue: codePoint(0...2, &rng)), data: idData(&rng))
    }

    static let randRole = Generator<RANDRPayload, Shrink.None<RANDRPayload>> { rng in
        RANDRPayload(role: RANDRole(rawValue: codePoint(1...3, &rng)), rand: draw(bytes8, &rng))
    }

    /// General Extension: random type and data, the RFC 4563 Key ID and RFC
    /// 4738 CSB_ID layouts, TR 33.829 Annex C conference participants and
    /// Annex F proof-of-origin (profile defaults 241 / 242).
    static let generalExtension = Generator<GeneralExtensionPayload, Shrink.None<GeneralExtensionPayload>> { rng in
        switch int(0...4, &rng) {
        case 0:
            return GeneralExtensionPayload(type: GeneralExtensionType(rawValue: u8(&rng)), data: draw(bytes16, &rng))
        case 1:
            let ids = draw(id.array(of: 0...3), &rng)
            return try! GeneralExtensionPayload.imsConference(participants: ids)  // small values always encode
        case 2:
            return GeneralExtensionPayload.proofOfOrigin(draw(bytes16, &rng))
        case 3:
            var data: [UInt8] = []
            for _ in 0..<int(0...3, &rng) {
                let kid = bytes(count: int(0...20, &rng), &rng)
                data += [u8(&rng), UInt8(kid.count)] + kid
            }
            return GeneralExtensionPayload(type: .keyID, data: data)
        default:
            return GeneralExtensionPayload(type: .csbID, data: bytes(count: 4, &rng))
        }
    }

    static let sakke = zip(Gen.uint8(), Gen.uint8(), smallBytes)
        .map { p, s, d in SAKKEPayload(params: SAKKEParams(rawValue: p), idScheme: SAKKEIDScheme(rawValue: s), data: d) }

    // MARK: TP / TICKET (RFC 6043 §6.10, Appendix A)

    static func ticketPolicy(ticketType: TicketType, nesting: Int, _ rng: inout RNG) -> TicketPolicy {
        TicketPolicy(
            ticketType: ticketType,
            subtype: chance(0.7, &rng) ? 1 : u8(&rng),
            version: chance(0.7, &rng) ? 1 : u8(&rng),
            prfFunction: PRFFunction(rawValue: UInt8(int(0...127, &rng))),
            flags: TicketFlags(rawValue: UInt16(int(0...0x0fff, &rng))),
            reserved: chance(0.8, &rng) ? 0 : UInt8(int(0...31, &rng)),
            tpData: chain(nesting: nesting - 1, count: 0...3, &rng)
        )
    }

    static func ticket(nesting: Int, _ rng: inout RNG) -> TicketPayload {
        let base = chance(0.6, &rng)
        let other = u16(&rng) | 2  // never 1
        let type: TicketType = base ? .mikeyBase : TicketType(rawValue: pick([2, 0, 0xf000, 0xffff, other], &rng))
        let policy = ticketPolicy(ticketType: type, nesting: nesting, &rng)
        let data: TicketData
        if base {
            // Usually the Appendix A shape THDR, T, RAND, KEMAC, [IDRpsk], V;
            // sometimes any chain (unexpected payloads SHOULD be ignored).
            let payloads: [Payload]
            if chance(0.5, &rng) {
                var p: [Payload] = [.timestamp(draw(timestamp, &rng)), .rand(draw(rand, &rng)), .kemac(draw(kemac, &rng))]
                if chance(0.5, &rng) { p.append(.idRole(IDRPayload(role: .psk, idType: .byteString, data: draw(bytes16, &rng)))) }
                p.append(.verification(draw(verification, &rng)))
                payloads = p
            } else {
                payloads = chain(nesting: nesting - 1, count: 0...3, &rng)
            }
            data = .base(BaseTicket(thdrData: draw(bytes16, &rng), payloads: payloads))
        } else {
            data = .opaque(draw(bytes16, &rng))
        }
        return TicketPayload(policy: policy, ticketData: data, initiatorData: chain(nesting: nesting - 1, count: 0...2, &rng))
    }

    // MARK: payloads and chains

    /// One case per Next Payload code point the codec knows.
    enum PayloadKind: String, CaseIterable, Sendable, CustomStringConvertible {
        case kemac, pke, dh, sign, timestamp, id, cert, certHash, verification, securityPolicy, rand, error
        case timestampRole, idRole, randRole, ticketPolicy, ticket, keyData, generalExtension, sakke

        var description: String { rawValue }

        var payloadType: PayloadType {
            switch self {
            case .kemac: return .kemac
            case .pke: return .pke
            case .dh: return .dh
            case .sign: return .sign
            case .timestamp: return .timestamp
            case .id: return .id
            case .cert: return .cert
            case .certHash: return .chash
            case .verification: return .verification
            case .securityPolicy: return .securityPolicy
            case .rand: return .rand
            case .error: return .error
            case .timestampRole: return .timestampRole
            case .idRole: return .idRole
            case .randRole: return .randRole
            case .ticketPolicy: return .ticketPolicy
            case .ticket: return .ticket
            case .keyData: return .keyData
            case .generalExtension: return .generalExtension
            case .sakke: return .sakke
            }
        }

        var isRecursive: Bool { self == .ticketPolicy || self == .ticket }
    }

    /// One payload of `kind`. `nesting` is how many more levels of nested
    /// chains TP and TICKET may open.
    static func payload(_ kind: PayloadKind, nesting: Int, _ rng: inout RNG) -> Payload {
        switch kind {
        case .kemac: return .kemac(draw(kemac, &rng))
        case .pke: return .pke(draw(pke, &rng))
        case .dh: return .dh(draw(dh, &rng))
        case .sign: return .sign(draw(sign, &rng))
        case .timestamp: return .timestamp(draw(timestamp, &rng))
        case .id: return .id(draw(id, &rng))
        case .cert: return .cert(draw(cert, &rng))
        case .certHash: return .certHash(draw(certHash, &rng))
        case .verification: return .verification(draw(verification, &rng))
        case .securityPolicy: return .securityPolicy(draw(securityPolicy, &rng))
        case .rand: return .rand(draw(rand, &rng))
        case .error: return .error(draw(err, &rng))
        case .timestampRole: return .timestampRole(draw(timestampRole, &rng))
        case .idRole: return .idRole(draw(idRole, &rng))
        case .randRole: return .randRole(draw(randRole, &rng))
        case .ticketPolicy: return .ticketPolicy(TicketPolicyPayload(policy: ticketPolicy(ticketType: .mikeyBase, nesting: max(nesting, 0), &rng)))
        case .ticket: return .ticket(ticket(nesting: max(nesting, 0), &rng))
        case .keyData: return .keyData(draw(keyData, &rng))
        case .generalExtension: return .generalExtension(draw(generalExtension, &rng))
        case .sakke: return .sakke(draw(sakke, &rng))
        }
    }

    /// A chain without SIGN; TP and TICKET only while `nesting > 0`.
    static func chain(nesting: Int, count: ClosedRange<Int>, _ rng: inout RNG) -> [Payload] {
        let kinds = PayloadKind.allCases.filter { $0 != .sign && (nesting > 0 || !$0.isRecursive) }
        return (0..<int(count, &rng)).map { _ in payload(pick(kinds, &rng), nesting: nesting, &rng) }
    }

    /// Generator of one payload of every kind but SIGN, at top level.
    static func payload(_ kind: PayloadKind) -> Generator<Payload, Shrink.None<Payload>> {
        Generator { rng in payload(kind, nesting: 2, &rng) }
    }

    /// Whole messages: a random HDR (all three CS ID map types), 0–6
    /// payloads of any kind with TP/TICKET nested up to two levels, and a
    /// SIGN as the last payload in about a third of them.
    static let message = Generator<MIKEYMessage, Shrink.None<MIKEYMessage>> { rng in
        var payloads = chain(nesting: 2, count: 0...6, &rng)
        if chance(0.33, &rng) { payloads.append(.sign(draw(sign, &rng))) }
        return MIKEYMessage(header: draw(header, &rng), payloads: payloads)
    }

    /// Messages built around one payload kind (SIGN goes last, as it must).
    static func message(featuring kind: PayloadKind) -> Generator<MIKEYMessage, Shrink.None<MIKEYMessage>> {
        Generator { rng in
            var payloads = chain(nesting: 1, count: 0...2, &rng)
            let p = payload(kind, nesting: 2, &rng)
            if kind == .sign { payloads.append(p) } else { payloads.insert(p, at: int(0...payloads.count, &rng)) }
            return MIKEYMessage(header: draw(header, &rng), payloads: payloads)
        }
    }

    // MARK: hostile inputs

    /// Random byte strings of 0–200 bytes; half start with version 0x01 so
    /// that the decoder gets past the first byte.
    static let randomBytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        var b = bytes(count: int(0...200, &rng), &rng)
        if !b.isEmpty && chance(0.5, &rng) { b[0] = 0x01 }
        return b
    }

    enum Mutation: Sendable { case flipBit, insertByte, deleteByte }

    static func mutate(_ b: inout [UInt8], _ rng: inout RNG) {
        switch pick([Mutation.flipBit, .insertByte, .deleteByte], &rng) {
        case .flipBit where !b.isEmpty:
            b[int(0...(b.count - 1), &rng)] ^= UInt8(1) << UInt8(int(0...7, &rng))
        case .deleteByte where !b.isEmpty:
            b.remove(at: int(0...(b.count - 1), &rng))
        default:
            b.insert(u8(&rng), at: int(0...b.count, &rng))
        }
    }

    /// Encodings of generated messages with 1–4 random bit flips, byte
    /// insertions and deletions.
    static let mutatedEncoding = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        var b = try! draw(message, &rng).encoded()  // the generator only builds encodable messages
        for _ in 0..<int(1...4, &rng) { mutate(&b, &rng) }
        return b
    }
}
