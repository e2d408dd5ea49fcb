import MediasecCore

extension ValidationRun {
    /// RFC 6043 §6.6, §6.8, §6.10 and Appendix A.
    mutating func checkTicketPayloads() {
        if dataType.isTicketMessage {
            for (i, _) in indexed({ if case .id(let x) = $0 { x } else { nil } }) {
                add(MIKEYRules.ticketIDPayload, at: offset(i), path(i))
            }
            checkRANDRRoles()
            checkTicketKEMACs()
        }
        var items: [(Payload, PayloadPath, PayloadSpan?)] = []
        walk { p, path, span in items.append((p, path, span)) }
        for (p, path, span) in items {
            let at = span?.range.lowerBound
            switch p {
            case .ticketPolicy(let tp):
                checkPolicy(tp.policy, granted: false, path: path, at: at, ticket: nil)
            case .ticket(let t):
                checkPolicy(t.policy, granted: true, path: path, at: at, ticket: t)
                checkTicket(t, path: path, span: span)
            default: break
            }
        }
        checkKeyDataSPI()
    }

    /// RFC 6043 §4.2.1.5 / §4.2.3.5 (KEMAC MAC in KMS responses) and §6.10
    /// (session keys from the Initiator only when L = 1).
    mutating func checkTicketKEMACs() {
        let kemacs = indexed { if case .kemac(let k) = $0 { k } else { nil } }
        if dataType == .requestResp || dataType == .resolveResp {
            for (i, k) in kemacs where k.macAlgorithm != .null {
                add(MIKEYRules.responseKEMACNullMAC, at: offset(i).map { $0 + 4 + k.encryptedData.count }, "\(path(i)).macAlg", "MAC alg \(k.macAlgorithm.rawValue)")
            }
        }
        if dataType == .transferInit, let t = ticket?.1, !t.policy.flags.contains(.l) {
            for (i, _) in kemacs { add(MIKEYRules.transferKEMACWithoutL, at: offset(i), path(i), "a KEMAC with flags \(t.policy.flags.letterString)") }
        }
    }

    mutating func checkRANDRRoles() {
        let expected: RANDRole?
        switch dataType {
        case .requestInitPSK, .requestInitPK, .transferInit: expected = .initiator
        case .resolveInitPSK, .resolveInitPK: expected = .responder
        default: expected = nil
        }
        guard let e = expected else { return }
        for (i, r) in indexed({ if case .randRole(let x) = $0 { x } else { nil } }) where r.role != e {
            add(MIKEYRules.randrRole, at: offset(i).map { $0 + 1 }, "\(path(i)).randRole", "\(dataType.name ?? "") carries \(e.name ?? "") but this RANDR has role \(r.role.rawValue)")
        }
    }

    mutating func checkPolicy(_ p: TicketPolicy, granted: Bool, path: PayloadPath, at: Int?, ticket: TicketPayload?) {
        let f = p.flags
        let flagAt = at.map { $0 + 5 }
        func fp() -> String { "\(path).flags" }
        if !f.contains(.d) && !f.contains(.l) { add(MIKEYRules.flagNotDImpliesL, at: flagAt, fp(), "flags \(f.letterString): D is 0 but L is 0") }
        if f.contains(.g) && !f.contains(.f) { add(MIKEYRules.flagGImpliesF, at: flagAt, fp(), "flags \(f.letterString): G without F") }
        if !f.contains(.g) && !f.contains(.h) { add(MIKEYRules.flagGOrH, at: flagAt, fp(), "flags \(f.letterString): neither G nor H") }
        if f.contains(.i) && !f.contains(.e) { add(MIKEYRules.flagIImpliesE, at: flagAt, fp(), "flags \(f.letterString): I without E") }
        if f.contains(.k) && !f.contains(.d) { add(MIKEYRules.flagKImpliesD, at: flagAt, fp(), "flags \(f.letterString): K without D") }
        if f.contains(.m) && !f.contains(.f) { add(MIKEYRules.flagMImpliesF, at: flagAt, fp(), "flags \(f.letterString): M without F") }
        if !granted && f.contains(.k) { add(MIKEYRules.tpKFlag, at: flagAt, fp()) }
        if p.reserved != 0 { add(MIKEYRules.tpReserved, at: flagAt.map { $0 + 2 }, "\(path).reserved") }
        if let t = ticket, f.contains(.i), !f.contains(.f), ticketCarriesTGK(t) {
            add(MIKEYRules.flagIWithTGKImpliesF, at: flagAt, fp(), "flags \(f.letterString): forking with a TGK in the ticket requires F")
        }
        // TP Data = First Payload, [IDRkms], [IDRi], [TRs], [TRe], [TRr], [KEMAC], {IDRapp}, (IDRr)
        let hasIDRr = p.tpData.contains { if case .idRole(let r) = $0 { r.role == .responder } else { false } }
        if !hasIDRr { add(MIKEYRules.tpMissingIDRr, at: at, "\(path).tpData", "TP Data has no IDRr payload") }
        for (i, q) in p.tpData.enumerated() {
            func qp() -> String { "\(path).tpData[\(i)]" }
            switch q {
            case .kemac(let k):
                if granted { add(MIKEYRules.tpKEMACInGranted, at: at, qp()) }
                if k.encryptionAlgorithm != .null || k.macAlgorithm != .null {
                    add(MIKEYRules.tpKEMACNotNull, at: at, qp(), "TP KEMAC uses Encr alg \(k.encryptionAlgorithm.rawValue) / MAC alg \(k.macAlgorithm.rawValue)")
                }
            case .timestampRole(let tr):
                if tr.role == .rekeyInterval && tr.tsType != .ntpUTC32 {
                    add(MIKEYRules.tpTRrType, at: at, "\(qp).tsType", "TRr has TS type \(tr.tsType.rawValue)")
                }
            case .idRole, .generalExtension:
                break
            default:
                add(MIKEYRules.tpUnexpected, at: at, qp(), "\(q.type.name ?? "?") in TP Data")
            }
        }
    }

    /// Whether the base ticket's KEMAC (when readable) holds a TGK.
    func ticketCarriesTGK(_ t: TicketPayload) -> Bool {
        guard case .base(let b) = t.ticketData else { return false }
        for q in b.payloads {
            if case .kemac(let k) = q, k.encryptionAlgorithm == .null, let keys = try? k.plainKeyData(profile: cp) {
                return keys.contains { if case .keyData(let kd) = $0 { kd.type == .tgk || kd.type == .tgkSalt } else { false } }
            }
        }
        return false
    }

    mutating func checkTicket(_ t: TicketPayload, path: PayloadPath, span: PayloadSpan?) {
        let at = span?.range.lowerBound
        let forking = t.policy.flags.contains(.i)
        if forking != !t.initiatorData.isEmpty {
            add(MIKEYRules.initiatorDataPresence, at: span?.initiatorDataField?.lowerBound, "\(path).initiatorData",
                forking ? "I = 1 but Initiator Data is empty" : "Initiator Data present although I = 0")
        }
        if !t.initiatorData.isEmpty {
            let types = t.initiatorData.map(\.type)
            if types != [.verification, .verification] {
                add(MIKEYRules.initiatorDataShape, at: span?.initiatorDataField?.lowerBound, "\(path).initiatorData",
                    "Initiator Data is \(types.map { $0.name ?? "?" }.joined(separator: ", ")); expected V, V")
            }
        }
        guard case .base(let b) = t.ticketData else { return }
        if t.policy.subtype != 1 || t.policy.version != 1 {
            add(MIKEYRules.baseTicketVersion, at: at.map { $0 + 3 }, "\(path).subtype", "Subtype \(t.policy.subtype), Version \(t.policy.version)")
        }
        // Ticket Data = THDR, T, RAND, KEMAC, [IDRpsk], V
        let core = b.payloads.filter { $0.type != .generalExtension }
        var types = core.map(\.type)
        if types.count >= 5, types[3] == .idRole { types.remove(at: 3) }
        if types != [.timestamp, .rand, .kemac, .verification] {
            add(MIKEYRules.baseTicketShape, at: at, "\(path).ticketData",
                "base ticket payloads are THDR, \(core.map { $0.type.name ?? "?" }.joined(separator: ", "))")
        }
        for (i, q) in b.payloads.enumerated() {
            if case .kemac(let k) = q, k.macAlgorithm != .null {
                add(MIKEYRules.baseTicketKEMACMAC, at: at, "\(path).ticketData.payloads[\(i)].macAlg")
            }
        }
    }

    /// RFC 6043 §6.2.1: every key in a MIKEY-TICKET message carries an SPI.
    mutating func checkKeyDataSPI() {
        guard dataType.isTicketMessage else { return }
        var items: [(Payload, PayloadPath, Int?)] = []
        walk { p, path, span in items.append((p, path, span?.range.lowerBound)) }
        for (p, path, at) in items {
            guard case .kemac(let k) = p, k.encryptionAlgorithm == .null, let keys = try? k.plainKeyData(profile: cp) else { continue }
            for (j, q) in keys.enumerated() {
                if case .keyData(let kd) = q, kd.validity.type != .spi, !path.prefix.contains("tpData") {
                    add(MIKEYRules.keyDataSPI, at: at, "\(path).keyData[\(j)].kv", "key \(kd.type.name ?? "?") has KV \(kd.validity.type.rawValue)")
                }
            }
        }
    }
}
