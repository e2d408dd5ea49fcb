import MediasecCore

/// Which keys protect a message and exactly which bytes its MAC covers
/// (RFC 3830 §4.1.4, §5.2; RFC 6043 §5.1.2, §5.5). Shared by the validator
/// (to verify) and ``MIKEYMessageBuilder`` (to compute), so the two can
/// never disagree.
public enum MessageProtection {
    /// What the MAC check of a message needs and covers.
    public enum MACInput: Sendable {
        /// No KEMAC/V MAC in the message, or the NULL MAC.
        case none
        /// A MAC exists but an input is missing; the string says which.
        case missing(String)
        case ready(algorithm: MACAlgorithm, key: [UInt8], covered: [UInt8], field: Range<Int>, path: String)
    }

    static func isResponse(_ t: DataType) -> Bool {
        // PSK ver msg, PK ver msg, D-H resp, DHHMAC resp, RSA-R R_MSG,
        // REQUEST_RESP, TRANSFER_RESP, RESOLVE_RESP (no array per call).
        switch t.rawValue {
        case 1, 3, 5, 8, 10, 13, 15, 18: return true
        default: return false
        }
    }

    /// Why a MAC is not checked when no key is given at all.
    static let noKeyGiven = "no key given (use --key psk=HEX or --key auth=HEX)"

    static func isPublicKeyMethod(_ t: DataType) -> Bool { t == .publicKey || t == .rsaRResp }

    /// The transport-key derivation context of a message: RFC 6043 §5.1.2
    /// for MIKEY-TICKET messages, RFC 3830 §4.1.4 otherwise.
    public static func transportContext(_ m: MIKEYMessage, keys: MIKEYKeys) -> MIKEYKeyDerivation.Context? {
        let csb = m.header.csbID
        if m.header.dataType.isTicketMessage {
            func randR(_ role: RANDRole, _ key: String) -> [UInt8] {
                m.first { if case .randRole(let r) = $0, r.role == role { r.rand } else { nil } } ?? keys[key] ?? []
            }
            let ri = randR(.initiator, "randri"), rr = randR(.responder, "randrr")
            if ri.isEmpty && rr.isEmpty { return nil }
            return .ticketMessage(isResponse(m.header.dataType) ? .response : .initial, csbID: csb, randRi: ri, randRr: rr)
        }
        guard let r = m.first({ if case .rand(let x) = $0 { x.rand } else { nil } }) ?? keys["rand"] else { return nil }
        return .transport(csbID: csb, rand: r)
    }

    /// encr/auth/salt keys from `psk` (derived) or given directly (`auth`, `encr`, `salt`).
    public static func messageKeys(_ m: MIKEYMessage, keys: MIKEYKeys, encryption: EncryptionAlgorithm, mac: MACAlgorithm) -> MIKEYKeyDerivation.MessageKeys? {
        var out: MIKEYKeyDerivation.MessageKeys? = nil
        if let psk = keys["psk"], let ctx = transportContext(m, keys: keys) {
            out = try? MIKEYKeyDerivation.messageKeys(inkey: psk, context: ctx, prf: m.header.prfFunction, encryption: encryption, mac: mac)
        }
        if out == nil && (keys["auth"] != nil || keys["encr"] != nil) {
            out = MIKEYKeyDerivation.MessageKeys(encryptionKey: [], authenticationKey: [], saltKey: [])
        }
        guard var k = out else { return nil }
        if let a = keys["auth"] { k.authenticationKey = a }
        if let e = keys["encr"] { k.encryptionKey = e }
        if let s = keys["salt"] { k.saltKey = s }
        return k
    }

    /// The MAC of the last KEMAC or V payload: its key and covered bytes.
    public static func macInput(_ d: DecodedMIKEYMessage, keys: MIKEYKeys) -> MACInput {
        let m = d.message
        guard let i = m.payloads.lastIndex(where: { $0.type == .kemac || $0.type == .verification }),
              i < d.spans.count, let field = d.spans[i].authField else { return .none }
        let alg: MACAlgorithm, enc: EncryptionAlgorithm
        let isKEMAC: Bool
        switch m.payloads[i] {
        case .kemac(let k): (alg, enc, isKEMAC) = (k.macAlgorithm, k.encryptionAlgorithm, true)
        case .verification(let v): (alg, enc, isKEMAC) = (v.authAlgorithm, .null, false)
        default: return .none
        }
        if alg == .null { return .none }
        guard !keys.isEmpty else { return .missing(noKeyGiven) }
        let path = isKEMAC ? "payloads[\(i)].mac" : "payloads[\(i)].verData"
        guard let mk = messageKeys(m, keys: keys, encryption: enc.keyLength == nil ? .null : enc, mac: alg) else {
            return .missing("the key derivation needs RAND/RANDR (give --key rand=… / randri=…) or an auth key")
        }
        let dt = m.header.dataType
        var covered: [UInt8]
        if isPublicKeyMethod(dt) {
            // Public-key method: the KEMAC only, with its Next Payload set to zero (RFC 3830 §5.2).
            covered = Array(d.bytes[d.spans[i].range.lowerBound..<field.lowerBound])
            if !covered.isEmpty { covered[0] = 0 }
            return .ready(algorithm: alg, key: mk.authenticationKey, covered: covered, field: field, path: path)
        }
        covered = Array(d.bytes[0..<field.lowerBound])
        if dt == .transferInit,
           let ti = m.payloads.firstIndex(where: { $0.type == .ticket }), ti < d.spans.count,
           let idf = d.spans[ti].initiatorDataField, idf.upperBound <= covered.count {
            // TRANSFER_INIT: not the Initiator Data length and Initiator Data (RFC 6043 §5.5).
            covered.removeSubrange(idf)
        }
        func identity(_ role: IDRole, _ key: String) -> [UInt8]? {
            m.first { if case .idRole(let r) = $0, r.role == role { r.data } else { nil } } ?? keys[key]
        }
        switch dt {
        case .pskVerify, .pkVerify:
            // Identity_i ‖ Identity_r ‖ Timestamp (RFC 3830 §5.2): the ID data
            // and the TS value, not whole payloads (FACTS.md §10, ambiguity 2).
            let idr = keys["idr"] ?? m.first { if case .id(let x) = $0 { x.data } else { nil } }
            guard let idi = keys["idi"], let r = idr, let t = m.first({ if case .timestamp(let x) = $0 { x.value } else { nil } }) else {
                return .missing("Identity_i and Identity_r (give --key idi=… idr=…)")
            }
            covered += idi + r + t
        case .requestInitPSK, .requestInitPK:
            guard let a = identity(.initiator, "idi"), let b = identity(.kms, "idkms") else { return .missing("IDRi and IDRkms identities (give --key idi=… idkms=…)") }
            covered += a + b
        case .transferInit:
            guard let a = identity(.initiator, "idi"), let b = identity(.responder, "idr") else { return .missing("IDRi and IDRr identities (give --key idi=… idr=…)") }
            covered += a + b
        case .resolveInitPSK, .resolveInitPK:
            guard let a = identity(.responder, "idr"), let b = identity(.kms, "idkms") else { return .missing("IDRr and IDRkms identities (give --key idr=… idkms=…)") }
            covered += a + b
        case .requestResp, .transferResp, .resolveResp:
            guard let initial = keys["init"] else { return .missing("the initial message (give --key init=HEX)") }
            covered += initial
        default:
            break
        }
        return .ready(algorithm: alg, key: mk.authenticationKey, covered: covered, field: field, path: path)
    }
}

/// Builds protected messages: encrypts KEMAC key data and fills in the MAC
/// of the KEMAC or V payload, with the same key derivation and coverage the
/// validator checks.
public enum MIKEYMessageBuilder {
    public struct BuildError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// `m`'s KEMAC payloads whose encryption algorithm is not NULL carry
    /// their *plaintext* key-data chain in `encryptedData`; they are
    /// encrypted here. MAC fields may hold anything of the right length.
    public static func protect(_ m: MIKEYMessage, keys: MIKEYKeys, profile: CodePointProfile = .default) throws -> [UInt8] {
        var msg = m
        let t = m.first { if case .timestamp(let x) = $0 { x } else { nil } }
        for (i, p) in msg.payloads.enumerated() {
            guard case .kemac(var k) = p, k.encryptionAlgorithm != .null else { continue }
            guard let mk = MessageProtection.messageKeys(m, keys: keys, encryption: k.encryptionAlgorithm, mac: k.macAlgorithm), let ts = t else {
                throw BuildError(description: "KEMAC encryption needs keys and a T payload")
            }
            k.encryptedData = try KEMACCipher.encrypt(algorithm: k.encryptionAlgorithm, encrKey: mk.encryptionKey, saltKey: mk.saltKey,
                                                      csbID: m.header.csbID, timestamp: ts.value, timestampType: ts.tsType, plaintext: k.encryptedData)
            msg.payloads[i] = .kemac(k)
        }
        var bytes = try msg.encoded()
        let d = try MIKEYDecoder(profile: profile).decode(bytes)
        switch MessageProtection.macInput(d, keys: keys) {
        case .none:
            return bytes
        case .missing(let why):
            throw BuildError(description: "cannot compute the MAC: \(why)")
        case .ready(let alg, let key, let covered, let field, _):
            let mac = try MIKEYMAC.compute(algorithm: alg, key: key, data: covered)
            bytes.replaceSubrange(field, with: mac)
            return bytes
        }
    }
}
