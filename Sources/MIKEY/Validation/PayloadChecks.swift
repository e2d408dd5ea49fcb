import MediasecCore

extension ValidationRun {
    /// Visits every payload, nested ones included (TP Data, Ticket Data,
    /// Initiator Data), with its path and span.
    func walk(_ visit: (Payload, PayloadPath, PayloadSpan?) -> Void) {
        func rec(_ ps: [Payload], _ spans: [PayloadSpan]?, _ prefix: String) {
            for (i, p) in ps.enumerated() {
                let span = spans.flatMap { i < $0.count ? $0[i] : nil }
                let path = PayloadPath(prefix: prefix, index: i)
                visit(p, path, span)
                func nested(_ n: String) -> [PayloadSpan]? { span?.nested.first { $0.name == n }?.spans }
                switch p {
                case .ticketPolicy(let tp):
                    rec(tp.policy.tpData, nested("tpData"), "\(path).tpData")
                case .ticket(let t):
                    rec(t.policy.tpData, nested("tpData"), "\(path).tpData")
                    if case .base(let b) = t.ticketData { rec(b.payloads, nested("ticketData"), "\(path).ticketData.payloads") }
                    rec(t.initiatorData, nested("initiatorData"), "\(path).initiatorData")
                default: break
                }
            }
        }
        rec(m.payloads, d.spans, "payloads")
    }

    /// Field-level rules of RFC 3830 §6 that apply wherever a payload sits.
    /// (Paths are ``PayloadPath`` values, rendered only inside a finding.)
    mutating func checkPayloads() {
        var items: [(Payload, PayloadPath, Int?)] = []
        walk { p, path, span in items.append((p, path, span?.range.lowerBound)) }
        var policyNumbers: [UInt8: PayloadPath] = [:]
        for (p, path, at) in items {
            switch p {
            case .rand(let r):
                if r.rand.isEmpty { add(MIKEYRules.randEmpty, at: at, "\(path).rand") }
                else if r.rand.count < 16 { add(MIKEYRules.randShort, at: at, "\(path).rand", "RAND is \(r.rand.count) bytes") }
            case .randRole(let r):
                registry(r.role, at: at.map { $0 + 1 }, "\(path).randRole")
                if r.rand.isEmpty { add(MIKEYRules.randEmpty, at: at, "\(path).rand") }
                else if r.rand.count < 16 { add(MIKEYRules.randShort, at: at, "\(path).rand", "RAND is \(r.rand.count) bytes") }
            case .error(let e):
                registry(e.errorNumber, at: at.map { $0 + 1 }, "\(path).errNo")
                if e.reserved != 0 { add(MIKEYRules.errReserved, at: at.map { $0 + 2 }, "\(path).reserved") }
            case .dh(let dh):
                if dh.reserved != 0 { add(MIKEYRules.dhReserved, at: at.map { $0 + 2 + dh.value.count }, "\(path).reserved") }
                if !dh.validity.type.isAssigned { registry(dh.validity.type, at: at, "\(path).kv") }
            case .kemac(let k):
                if !k.encryptionAlgorithm.isAssigned || k.encryptionAlgorithm.keyLength == nil {
                    add(MIKEYRules.kemacEncrUnknown, at: at.map { $0 + 1 }, "\(path).encrAlg", "Encr alg \(k.encryptionAlgorithm.rawValue) is not known")
                }
                if k.encryptionAlgorithm == .aesKW128 && (k.encryptedData.count % 8 != 0 || k.encryptedData.count < 24) && !k.encryptedData.isEmpty {
                    add(MIKEYRules.kemacAlgorithmKeyLength, at: at.map { $0 + 4 }, "\(path).encrData", "AES-KW data is \(k.encryptedData.count) bytes")
                }
            case .securityPolicy(let sp):
                if let other = policyNumbers[sp.policyNumber] {
                    add(MIKEYRules.spDuplicatePolicyNo, at: at.map { $0 + 1 }, "\(path).policyNo", "Policy no \(sp.policyNumber) is also used by \(other)")
                } else {
                    policyNumbers[sp.policyNumber] = path
                }
                if !sp.protType.isAssigned && cp.name(of: sp.protType) == nil {
                    add(MIKEYRules.protTypeUnassigned, at: at.map { $0 + 2 }, "\(path).protType", "Prot type \(sp.protType.rawValue) is not known")
                }
                if sp.protType == .srtp { checkSRTPPolicy(sp, path: path, at: at) }
            case .id(let id):
                checkIdentity(id.idType, id.data, path: path, at: at)
            case .idRole(let idr):
                registry(idr.role, at: at.map { $0 + 1 }, "\(path).idRole")
                checkIdentity(idr.idType, idr.data, path: path, at: at)
            case .cert(let c):
                registry(c.certType, at: at.map { $0 + 1 }, "\(path).certType")
            case .certHash(let c):
                if c.hashFunction == .md5 { add(MIKEYRules.chashMD5, at: at.map { $0 + 1 }, "\(path).hashFunc") }
            case .timestampRole(let t):
                registry(t.role, at: at.map { $0 + 1 }, "\(path).tsRole")
            case .sign(let s):
                registry(s.signatureType, at: at, "\(path).sType")
            case .pke(let e):
                registry(e.cache, at: at.map { $0 + 1 }, "\(path).c")
            case .sakke(let s):
                registry(s.params, at: at.map { $0 + 1 }, "\(path).sakkeParams")
                registry(s.idScheme, at: at.map { $0 + 2 }, "\(path).idScheme")
            case .generalExtension(let g):
                if cp.name(of: g.type) == nil { registry(g.type, at: at.map { $0 + 1 }, "\(path).type") }
                let isTR = g.type == cp.extensionIMSConference || g.type == cp.extensionProofOfOrigin
                if !isTR {
                    do { _ = try g.content(profile: cp) } catch {
                        add(MIKEYRules.extContentMalformed, at: at.map { $0 + 4 + error.offset }, "\(path).data", "\(error.code): \(error.message)")
                    }
                }
            case .ticketPolicy(let tp):
                registry(tp.policy.ticketType, at: at.map { $0 + 1 }, "\(path).ticketType")
            case .ticket(let t):
                registry(t.policy.ticketType, at: at.map { $0 + 1 }, "\(path).ticketType")
            case .timestamp, .verification, .keyData:
                break
            }
        }
    }

    mutating func checkIdentity(_ type: IDType, _ data: [UInt8], path: PayloadPath, at: Int?) {
        registry(type, at: at, "\(path).idType")
        if data.isEmpty { add(MIKEYRules.idEmpty, at: at, "\(path).idData"); return }
        if type == .uri {
            let noScheme: Bool
            if data.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) {
                // Printable ASCII (the common case): one byte scan, no String.
                let colon = data.firstIndex(of: 0x3a)
                noScheme = colon == nil || colon == 0
            } else {
                let s = MIKEYJSON.printable(data) ?? ""
                noScheme = s.firstIndex(of: ":") == nil || s.hasPrefix(":")
            }
            if noScheme {
                add(MIKEYRules.idTypeURIInvalid, at: at, "\(path).idData", "ID of type URI has no scheme")
            }
        }
    }

    /// RFC 3830 §6.10.1: the one-byte parameters, registry values, duplicates.
    mutating func checkSRTPPolicy(_ sp: SecurityPolicyPayload, path: PayloadPath, at: Int?) {
        // Types seen so far: a 256-bit set in four words (no Set per policy).
        var seen: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        func insert(_ t: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(t & 63)
            switch t >> 6 {
            case 0: defer { seen.0 |= bit }; return seen.0 & bit == 0
            case 1: defer { seen.1 |= bit }; return seen.1 & bit == 0
            case 2: defer { seen.2 |= bit }; return seen.2 & bit == 0
            default: defer { seen.3 |= bit }; return seen.3 & bit == 0
            }
        }
        sp.forEachParameter { i, type, value in
            let count = value.count, first = value.first
            if !insert(type) {
                add(MIKEYRules.spParamDuplicate, at: at, "\(path).policyParam[\(i)]", "parameter type \(type) is set twice")
            }
            let t = SRTPPolicyParameterType(rawValue: type)
            if !t.isAssigned {
                add(MIKEYRules.spParamUnassigned, at: at, "\(path).policyParam[\(i)].type", "SRTP parameter type \(type) is not registered")
                return
            }
            let oneByte: Bool
            switch type {
            case 0, 2, 5, 7, 8, 9, 10: oneByte = true
            default: oneByte = false
            }
            if oneByte && count != 1 {
                add(MIKEYRules.spParamLength, at: at, "\(path).policyParam[\(i)].length", "\(t.name ?? "parameter") value is \(count) bytes, expected 1")
                return
            }
            if let names = SRTPPolicyParameterType.valueNames[type], let v = first, names[v] == nil, v < 241 {
                add(MIKEYRules.spParamUnassigned, at: at, "\(path).policyParam[\(i)].value", "\(t.name ?? "parameter") value \(v) is not registered")
            }
            if (7...10).contains(type) && type != 9, let v = first, v > 1 {
                add(MIKEYRules.spParamUnassigned, at: at, "\(path).policyParam[\(i)].value", "\(t.name ?? "parameter") must be 0 (off) or 1 (on), is \(v)")
            }
        }
    }
}

/// `prefix[index]`, the path of a payload in a chain, rendered as a string
/// only when a finding needs it.
struct PayloadPath: CustomStringConvertible {
    let prefix: String
    let index: Int
    var description: String { "\(prefix)[\(index)]" }
}
