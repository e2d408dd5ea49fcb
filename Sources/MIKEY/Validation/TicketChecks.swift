import MediasecCore

extension ValidationRun {
    /// RFC 6043 §6.6, §6.8, §6.10 and Appendix A.
    func checkTicketPayloads() {
        if dataType.isTicketMessage {
            if has(.id) {
                for (i, p) in m.payloads.enumerated() {
                    if case .id = p { add(MIKEYRules.ticketIDPayload, at: offset(i), path(i)) }
                }
            }
            checkRANDRRoles()
            checkTicketKEMACs()
        }
        if hasTicketOrPolicy {
            walk { p, path, info in
                switch p {
                case .ticketPolicy(let tp):
                    checkPolicy(tp.policy, granted: false, path: path, at: info.at, ticket: nil)
                case .ticket(let t):
                    checkPolicy(t.policy, granted: true, path: path, at: info.at, ticket: t)
                    checkTicket(t, path: path, info: info)
                default: break
                }
            }
        }
        checkKeyDataSPI()
    }

    /// Whether the message has a TP or TICKET payload (the only payloads
    /// with nested chains, so none can sit deeper otherwise).
    var hasTicketOrPolicy: Bool { has(.ticketPolicy) || has(.ticket) }

    /// RFC 6043 §4.2.1.5 / §4.2.3.5 (KEMAC MAC in KMS responses) and §6.10
    /// (session keys from the Initiator only when L = 1).
    func checkTicketKEMACs() {
        guard has(.kemac) else { return }
        if dataType == .requestResp || dataType == .resolveResp {
            for (i, p) in m.payloads.enumerated() {
                if case .kemac(let k) = p, k.macAlgorithm != .null {
                    add(MIKEYRules.responseKEMACNullMAC, at: offset(i).map { $0 + 4 + k.encryptedDataStorage.count }, "\(path(i)).macAlg", "MAC alg \(k.macAlgorithm.rawValue)")
                }
            }
        }
        if dataType == .transferInit, let t = ticket?.1, !t.policy.flags.contains(.l) {
            for (i, p) in m.payloads.enumerated() {
                if case .kemac = p { add(MIKEYRules.transferKEMACWithoutL, at: offset(i), path(i), "a KEMAC with flags \(t.policy.flags.letterString)") }
            }
        }
    }

    func checkRANDRRoles() {
        let expected: RANDRole?
        switch dataType {
        case .requestInitPSK, .requestInitPK, .transferInit: expected = .initiator
        case .resolveInitPSK, .resolveInitPK: expected = .responder
        default: expected = nil
        }
        guard let e = expected, has(.randRole) else { return }
        for (i, p) in m.payloads.enumerated() {
            if case .randRole(let r) = p, r.role != e {
                add(MIKEYRules.randrRole, at: offset(i).map { $0 + 1 }, "\(path(i)).randRole", "\(dataType.name ?? "") carries \(e.name ?? "") but this RANDR has role \(r.role.rawValue)")
            }
        }
    }

    func checkPolicy(_ p: TicketPolicy, granted: Bool, path: PayloadPath, at: Int?, ticket: TicketPayload?) {
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

    func checkTicket(_ t: TicketPayload, path: PayloadPath, info: SpanInfo) {
        let at = info.at
        let forking = t.policy.flags.contains(.i)
        if forking != !t.initiatorData.isEmpty {
            add(MIKEYRules.initiatorDataPresence, at: info.initiatorDataField?.lowerBound, "\(path).initiatorData",
                forking ? "I = 1 but Initiator Data is empty" : "Initiator Data present although I = 0")
        }
        if !t.initiatorData.isEmpty {
            let id = t.initiatorData
            if !(id.count == 2 && id[0].type == .verification && id[1].type == .verification) {
                add(MIKEYRules.initiatorDataShape, at: info.initiatorDataField?.lowerBound, "\(path).initiatorData",
                    "Initiator Data is \(id.map { $0.type.name ?? "?" }.joined(separator: ", ")); expected V, V")
            }
        }
        guard case .base(let b) = t.ticketData else { return }
        if t.policy.subtype != 1 || t.policy.version != 1 {
            add(MIKEYRules.baseTicketVersion, at: at.map { $0 + 3 }, "\(path).subtype", "Subtype \(t.policy.subtype), Version \(t.policy.version)")
        }
        // Ticket Data = THDR, T, RAND, KEMAC, [IDRpsk], V
        if !Self.isBaseTicketShape(b.payloads) {
            add(MIKEYRules.baseTicketShape, at: at, "\(path).ticketData",
                "base ticket payloads are THDR, \(b.payloads.filter { $0.type != .generalExtension }.map { $0.type.name ?? "?" }.joined(separator: ", "))")
        }
        for (i, q) in b.payloads.enumerated() {
            if case .kemac(let k) = q, k.macAlgorithm != .null {
                add(MIKEYRules.baseTicketKEMACMAC, at: at, "\(path).ticketData.payloads[\(i)].macAlg")
            }
        }
    }

    /// Ticket Data without General Extensions is T, RAND, KEMAC, [IDR], V
    /// (RFC 6043 Appendix A), checked without building the type list.
    static func isBaseTicketShape(_ payloads: [Payload]) -> Bool {
        var n = 0
        var idrAt3 = false
        for p in payloads {
            let t = p.type
            if t == .generalExtension { continue }
            let ok: Bool
            switch n {
            case 0: ok = t == .timestamp
            case 1: ok = t == .rand
            case 2: ok = t == .kemac
            case 3:
                idrAt3 = t == .idRole
                ok = idrAt3 || t == .verification
            case 4: ok = idrAt3 && t == .verification
            default: ok = false
            }
            if !ok { return false }
            n += 1
        }
        return n == 4 ? !idrAt3 : n == 5
    }

    /// RFC 6043 §6.2.1: every key in a MIKEY-TICKET message carries an SPI.
    func checkKeyDataSPI() {
        guard dataType.isTicketMessage else { return }
        walk { p, path, info in
            // Keys inside TP Data are not checked.
            guard case .kemac(let k) = p, !path.inTPData, k.encryptionAlgorithm == .null else { return }
            let decoded: Result<[Payload], DecodingError>
            if case .top = path.chain {
                decoded = keyData(ofTopLevel: path.index, k, firstType: .keyData)
            } else {
                decoded = Result { () throws(DecodingError) in try k.plainKeyData(profile: cp) }
            }
            guard case .success(let keys) = decoded else { return }
            for (j, q) in keys.enumerated() {
                if case .keyData(let kd) = q, kd.validity.type != .spi {
                    add(MIKEYRules.keyDataSPI, at: info.at, "\(path).keyData[\(j)].kv", "key \(kd.type.name ?? "?") has KV \(kd.validity.type.rawValue)")
                }
            }
        }
    }
}
