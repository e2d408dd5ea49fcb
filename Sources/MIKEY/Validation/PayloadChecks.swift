import MediasecCore

extension ValidationRun {
    /// Visits every payload, nested ones included (TP Data, Ticket Data,
    /// Initiator Data), with its path and span.
    func walk(_ visit: (Payload, String, PayloadSpan?) -> Void) {
        func rec(_ ps: [Payload], _ spans: [PayloadSpan]?, _ prefix: String) {
            for (i, p) in ps.enumerated() {
                let span = spans.flatMap { i < $0.count ? $0[i] : nil }
                let path = "\(prefix)[\(i)]"
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
    mutating func checkPayloads() {
        var items: [(Payload, String, Int?)] = []
        walk { p, path, span in items.append((p, path, span?.range.lowerBound)) }
        var policyNumbers: [UInt8: String] = [:]
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

    mutating func checkIdentity(_ type: IDType, _ data: [UInt8], path: String, at: Int?) {
        registry(type, at: at, "\(path).idType")
        if data.isEmpty { add(MIKEYRules.idEmpty, at: at, "\(path).idData"); return }
        if type == .uri {
            let s = MIKEYJSON.printable(data) ?? ""
            if s.firstIndex(of: ":") == nil || s.hasPrefix(":") {
                add(MIKEYRules.idTypeURIInvalid, at: at, "\(path).idData", "ID of type URI has no scheme")
            }
        }
    }

    /// RFC 3830 §6.10.1: the one-byte parameters, registry values, duplicates.
    mutating func checkSRTPPolicy(_ sp: SecurityPolicyPayload, path: String, at: Int?) {
        var seen = Set<UInt8>()
        let oneByte: Set<UInt8> = [0, 2, 5, 7, 8, 9, 10]
        for (i, param) in sp.parameters.enumerated() {
            let p = "\(path).policyParam[\(i)]"
            if !seen.insert(param.type).inserted {
                add(MIKEYRules.spParamDuplicate, at: at, p, "parameter type \(param.type) is set twice")
            }
            let t = SRTPPolicyParameterType(rawValue: param.type)
            if !t.isAssigned {
                add(MIKEYRules.spParamUnassigned, at: at, "\(p).type", "SRTP parameter type \(param.type) is not registered")
                continue
            }
            if oneByte.contains(param.type) && param.value.count != 1 {
                add(MIKEYRules.spParamLength, at: at, "\(p).length", "\(t.name ?? "parameter") value is \(param.value.count) bytes, expected 1")
                continue
            }
            if let names = SRTPPolicyParameterType.valueNames[param.type], let v = param.value.first, names[v] == nil, v < 241 {
                add(MIKEYRules.spParamUnassigned, at: at, "\(p).value", "\(t.name ?? "parameter") value \(v) is not registered")
            }
            if (7...10).contains(param.type) && param.type != 9, let v = param.value.first, v > 1 {
                add(MIKEYRules.spParamUnassigned, at: at, "\(p).value", "\(t.name ?? "parameter") must be 0 (off) or 1 (on), is \(v)")
            }
        }
    }
}
