import MediasecCore

/// Where a visited payload lies: its offset and, for a TICKET, its
/// Initiator Data field (trivial values: no span is copied per payload).
struct SpanInfo {
    var at: Int?
    var initiatorDataField: Range<Int>?
}

extension ValidationRun {
    /// Visits every payload, nested ones included (TP Data, Ticket Data,
    /// Initiator Data), with its path and span, in order. No arrays or
    /// strings are built: paths are ``PayloadPath`` values.
    func walk(_ visit: (Payload, PayloadPath, SpanInfo) -> Void) {
        walkChain(m.payloads, d.spans, .top, inTPData: false, visit)
    }

    private func walkChain(_ ps: [Payload], _ spans: [PayloadSpan]?, _ chain: PayloadPath.Chain, inTPData: Bool,
                           _ visit: (Payload, PayloadPath, SpanInfo) -> Void) {
        for i in ps.indices {
            let p = ps[i]
            var info = SpanInfo()
            var nested: [NestedSpans]? = nil
            if let spans, i < spans.count {
                info.at = spans[i].range.lowerBound
                info.initiatorDataField = spans[i].initiatorDataField
                if case .ticketPolicy = p { nested = spans[i].nested } else if case .ticket = p { nested = spans[i].nested }
            }
            let path = PayloadPath(chain: chain, index: i, inTPData: inTPData)
            visit(p, path, info)
            func spansOf(_ n: String) -> [PayloadSpan]? { nested?.first { $0.name == n }?.spans }
            switch p {
            case .ticketPolicy(let tp):
                walkChain(tp.policy.tpData, spansOf("tpData"), path.child(.tpData), inTPData: true, visit)
            case .ticket(let t):
                walkChain(t.policy.tpData, spansOf("tpData"), path.child(.tpData), inTPData: true, visit)
                if case .base(let b) = t.ticketData { walkChain(b.payloads, spansOf("ticketData"), path.child(.ticketData), inTPData: inTPData, visit) }
                walkChain(t.initiatorData, spansOf("initiatorData"), path.child(.initiatorData), inTPData: inTPData, visit)
            default: break
            }
        }
    }

    /// The path of the first SP payload (in walk order) with this Policy no.
    func firstPolicyPath(_ no: UInt8) -> PayloadPath? {
        var found: PayloadPath? = nil
        walk { p, path, _ in
            if found == nil, case .securityPolicy(let sp) = p, sp.policyNumber == no { found = path }
        }
        return found
    }

    /// Field-level rules of RFC 3830 §6 that apply wherever a payload sits.
    /// (Paths are ``PayloadPath`` values, rendered only inside a finding.)
    func checkPayloads() {
        // Policy numbers seen so far: a 256-bit set (the first path is found
        // again only for a duplicate).
        var policyNumbers = ByteSet()
        walk { p, path, info in
            let at = info.at
            switch p {
            case .rand(let r):
                let n = r.randStorage.count
                if n == 0 { add(MIKEYRules.randEmpty, at: at, "\(path).rand") }
                else if n < 16 { add(MIKEYRules.randShort, at: at, "\(path).rand", "RAND is \(n) bytes") }
            case .randRole(let r):
                registry(r.role, at: at.map { $0 + 1 }, "\(path).randRole")
                let n = r.randStorage.count
                if n == 0 { add(MIKEYRules.randEmpty, at: at, "\(path).rand") }
                else if n < 16 { add(MIKEYRules.randShort, at: at, "\(path).rand", "RAND is \(n) bytes") }
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
                let n = k.encryptedDataStorage.count
                if k.encryptionAlgorithm == .aesKW128 && (n % 8 != 0 || n < 24) && n != 0 {
                    add(MIKEYRules.kemacAlgorithmKeyLength, at: at.map { $0 + 4 }, "\(path).encrData", "AES-KW data is \(n) bytes")
                }
            case .securityPolicy(let sp):
                if !policyNumbers.insert(sp.policyNumber) {
                    add(MIKEYRules.spDuplicatePolicyNo, at: at.map { $0 + 1 }, "\(path).policyNo",
                        "Policy no \(sp.policyNumber) is also used by \(firstPolicyPath(sp.policyNumber).map { "\($0)" } ?? "")")
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
                    do throws(DecodingError) { _ = try g.content(profile: cp) } catch {
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

    func checkIdentity(_ type: IDType, _ data: [UInt8], path: PayloadPath, at: Int?) {
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
    func checkSRTPPolicy(_ sp: SecurityPolicyPayload, path: PayloadPath, at: Int?) {
        // Types seen so far: a 256-bit set in four words (no Set per policy).
        var seen = ByteSet()
        sp.forEachParameter { i, type, value in
            let count = value.count, first = value.first
            if !seen.insert(type) {
                add(MIKEYRules.spParamDuplicate, at: at, "\(path).policyParam[\(i)]", "parameter type \(type) is set twice")
            }
            let t = SRTPPolicyParameterType(rawValue: type)
            let info = SRTPParameterTable.entries[Int(type)]
            if !info.assigned {
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
            if info.hasValueRegistry, let v = first, !info.valueAssigned(v), v < 241 {
                add(MIKEYRules.spParamUnassigned, at: at, "\(path).policyParam[\(i)].value", "\(t.name ?? "parameter") value \(v) is not registered")
            }
            if (7...10).contains(type) && type != 9, let v = first, v > 1 {
                add(MIKEYRules.spParamUnassigned, at: at, "\(path).policyParam[\(i)].value", "\(t.name ?? "parameter") must be 0 (off) or 1 (on), is \(v)")
            }
        }
    }
}

/// ``SRTPPolicyParameterType`` registry facts per parameter type, built
/// once from its tables (a load per parameter instead of dictionary lookups).
struct SRTPParameterTable {
    var assigned = false
    var hasValueRegistry = false
    /// The registered values of the type's value registry, as a 256-bit set.
    var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    func valueAssigned(_ v: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(v & 63)
        switch v >> 6 {
        case 0: return values.0 & bit != 0
        case 1: return values.1 & bit != 0
        case 2: return values.2 & bit != 0
        default: return values.3 & bit != 0
        }
    }

    static let entries: [SRTPParameterTable] = (0..<256).map { i in
        let type = UInt8(i)
        var e = SRTPParameterTable()
        e.assigned = SRTPPolicyParameterType(rawValue: type).isAssigned
        if let names = SRTPPolicyParameterType.valueNames[type] {
            e.hasValueRegistry = true
            for v in names.keys {
                let bit = UInt64(1) << UInt64(v & 63)
                switch v >> 6 {
                case 0: e.values.0 |= bit
                case 1: e.values.1 |= bit
                case 2: e.values.2 |= bit
                default: e.values.3 |= bit
                }
            }
        }
        return e
    }
}

/// The path of a payload in a chain, rendered as a string only when a
/// finding needs it: `payloads[i]`, `payloads[i].tpData[j]`, …
struct PayloadPath: CustomStringConvertible {
    /// The nested chains of TP and TICKET payloads.
    enum Field {
        case tpData, ticketData, initiatorData
        var suffix: String {
            switch self {
            case .tpData: return ".tpData"
            case .ticketData: return ".ticketData.payloads"
            case .initiatorData: return ".initiatorData"
            }
        }
    }

    /// The chain a payload sits in: the message, a chain of a top-level
    /// payload (held as indices), or a deeper one (prefix rendered).
    enum Chain {
        case top
        case nested(parent: Int, field: Field)
        case deep(String)
    }

    let chain: Chain
    let index: Int
    /// Whether some enclosing chain is TP Data.
    let inTPData: Bool

    var prefix: String {
        switch chain {
        case .top: return "payloads"
        case .nested(let parent, let field): return MIKEYPaths.payload(parent) + field.suffix
        case .deep(let p): return p
        }
    }

    var description: String {
        if case .top = chain { return MIKEYPaths.payload(index) }
        return "\(prefix)[\(index)]"
    }

    /// The chain of one of this payload's nested fields.
    func child(_ field: Field) -> Chain {
        if case .top = chain { return .nested(parent: index, field: field) }
        return .deep(description + field.suffix)
    }
}
