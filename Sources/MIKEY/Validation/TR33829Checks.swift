import MediasecCore

extension ValidationRun {
    /// TR 33.829 Annexes A, C, D, E, F, with the code points of the profile.
    func checkTR33829() {
        guard profiles.contains(.tr33829) else { return }
        checkTRCryptoSessions()
        checkConferenceExtension()
        checkPSKMIMEProfile()
        checkProofOfOrigin()
    }

    /// Annex D.1 (TLS) and Annex A.1 (Application Specific) CS rules.
    func checkTRCryptoSessions() {
        guard case .generic(let entries) = m.header.csIDMap else {
            for (i, p) in m.payloads.enumerated() {
                guard case .securityPolicy(let sp) = p,
                      sp.protType == cp.protTypeTLS || sp.protType == cp.protTypePSKMIME || sp.protType == cp.protTypeApplicationSpecific else { continue }
                add(MIKEYRules.trTLSMapType, at: offset(i), path(i), "an SP of a TR Prot Type in a message whose map type is \(m.header.csIDMap.type.rawValue)")
            }
            return
        }
        var offset = 10
        for (i, e) in entries.enumerated() {
            var p: String { MIKEYPaths.csIDMapInfo(i) }
            if e.protType == cp.protTypeTLS {
                if e.sFlag { add(MIKEYRules.trTLSSFlag, at: offset + 2, "\(p).s") }
                if !e.policies.isEmpty && !isResponse { add(MIKEYRules.trTLSPolicies, at: offset + 2, "\(p).#p", "#P is \(e.policies.count)") }
                if !e.sessionData.isEmpty { add(MIKEYRules.trTLSSessionData, at: offset + 3 + e.policies.count, "\(p).sessionDataLen", "Session Data is \(e.sessionData.count) bytes") }
            }
            if e.protType == cp.protTypeApplicationSpecific && !e.policies.isEmpty && !isResponse {
                add(MIKEYRules.trAppPolicies, at: offset + 2, "\(p).#p", "#P is \(e.policies.count)")
            }
            offset += 6 + e.policies.count + e.sessionData.count + e.spi.count
        }
    }

    /// Annex C.1: the participant list.
    func checkConferenceExtension() {
        guard has(.generalExtension) else { return }
        for (i, q) in m.payloads.enumerated() {
            guard case .generalExtension(let g) = q, g.type == cp.extensionIMSConference else { continue }
            let base = offset(i).map { $0 + 4 }
            if dataType != .transferInit { add(MIKEYRules.trConfDataType, at: offset(i), path(i), "participant list in \(dataType.name ?? "data type \(dataType.rawValue)")") }
            let content: GeneralExtensionContent
            do { content = try g.content(profile: cp) } catch {
                let rule = error.code == "mikey.ext.conf.not-id" ? MIKEYRules.trConfNotID : MIKEYRules.trConfMalformed
                add(rule, at: base.map { $0 + error.offset }, "\(path(i)).data.\(error.path)", "\(error.code): \(error.message)")
                continue
            }
            guard case .imsConference(let ids) = content else { continue }
            if !ids.isEmpty { add(MIKEYRules.trConfIDvsIDR, at: offset(i), "\(path(i)).participants") }
            var seen = Set<[UInt8]>()
            for (j, id) in ids.enumerated() {
                let s = MIKEYJSON.printable(id.data)?.lowercased() ?? ""
                if id.idType != .uri || !(s.hasPrefix("sip:") || s.hasPrefix("sips:") || s.hasPrefix("tel:")) {
                    add(MIKEYRules.trConfIDType, at: offset(i), "\(path(i)).participants[\(j)]", "participant is ID type \(id.idType.rawValue) '\(s.isEmpty ? Hex.encode(id.data) : s)'")
                }
                if !seen.insert(id.data).inserted {
                    add(MIKEYRules.trConfDuplicate, at: offset(i), "\(path(i)).participants[\(j)]")
                }
            }
        }
    }

    var proofOfOriginIndices: [Int] {
        var out: [Int] = []
        for (i, p) in m.payloads.enumerated() {
            if case .generalExtension(let x) = p, x.type == cp.extensionProofOfOrigin { out.append(i) }
        }
        return out
    }

    var hasProofOfOrigin: Bool {
        guard has(.generalExtension) else { return false }
        for p in m.payloads {
            if case .generalExtension(let x) = p, x.type == cp.extensionProofOfOrigin { return true }
        }
        return false
    }

    /// Annex E: the PSK/MIME profile of TRANSFER_INIT and its ticket.
    func checkPSKMIMEProfile() {
        guard case .generic(let entries) = m.header.csIDMap, entries.contains(where: { $0.protType == cp.protTypePSKMIME }) else { return }
        if dataType != .transferInit {
            add(MIKEYRules.trPSKMIMEDataType, at: 1, "hdr.dataType", "a PSK/MIME CS in \(dataType.name ?? "data type \(dataType.rawValue)")")
        }
        if entries.count != 1 { add(MIKEYRules.trPSKMIMESingleCS, at: 8, "hdr.#cs", "#CS is \(entries.count)") }
        var mapOffset = 10
        for (i, e) in entries.enumerated() {
            var p: String { MIKEYPaths.csIDMapInfo(i) }
            let offset = mapOffset
            if e.protType == cp.protTypePSKMIME {
                if !e.policies.isEmpty { add(MIKEYRules.trPSKMIMEPolicies, at: offset + 2, "\(p).#p", "#P is \(e.policies.count)") }
                if !e.sessionData.isEmpty { add(MIKEYRules.trPSKMIMESessionData, at: offset + 3 + e.policies.count, "\(p).sessionData") }
                if !e.spi.isEmpty { add(MIKEYRules.trPSKMIMESPI, at: offset + 5 + e.policies.count + e.sessionData.count, "\(p).spi") }
            }
            mapOffset += 6 + e.policies.count + e.sessionData.count + e.spi.count
        }
        if m.header.verifyFlag { add(MIKEYRules.trPSKMIMEVFlag, at: 3, "hdr.v") }
        if !has(.kemac) {
            add(MIKEYRules.trPSKMIMEKEMAC, at: nil, "payloads")
        }
        for (i, q) in m.payloads.enumerated() {
            guard case .kemac(let k) = q, k.encryptionAlgorithm == .null else { continue }
            if let keys = try? k.plainKeyData(profile: cp) {
                let hasTEK = keys.contains { if case .keyData(let kd) = $0 { kd.type == .tek || kd.type == .tekSalt } else { false } }
                if !hasTEK { add(MIKEYRules.trPSKMIMEKEMACContent, at: offset(i), "\(path(i)).keyData") }
            }
        }
        guard let (ti, t) = ticket else { return }
        let flagAt = self.offset(ti).map { $0 + 5 }
        let f = t.policy.flags
        var fp: String { "\(path(ti)).flags" }
        if f.contains(.f) { add(MIKEYRules.trPSKMIMEFlagF, at: flagAt, fp) }
        if f.contains(.g) { add(MIKEYRules.trPSKMIMEFlagG, at: flagAt, fp) }
        if !f.contains(.l) { add(MIKEYRules.trPSKMIMEFlagL, at: flagAt, fp) }
        if f.contains(.i) && !hasProofOfOrigin {
            add(MIKEYRules.trPSKMIMEFlagI, at: flagAt, fp, "I = 1 without a proof-of-origin extension")
        }
        if case .base(let b) = t.ticketData {
            for q in b.payloads {
                guard case .kemac(let k) = q, k.encryptionAlgorithm == .null, let keys = try? k.plainKeyData(profile: cp) else { continue }
                for case .keyData(let kd) in keys where kd.type != .mpk {
                    add(MIKEYRules.trPSKMIMETicketKeys, at: self.offset(ti), "\(path(ti)).ticketData", "the ticket carries a \(kd.type.name ?? "key") besides the MPK")
                }
            }
        }
    }

    /// Annex F.1 and the forking requirement of Annex E.
    func checkProofOfOrigin() {
        guard hasProofOfOrigin else { return }
        let idx = proofOfOriginIndices
        if idx.count > 1 { add(MIKEYRules.trProofDuplicate, at: offset(idx[1]), path(idx[1])) }
        for i in idx {
            guard case .generalExtension(let g) = m.payloads[i] else { continue }
            if g.data.isEmpty { add(MIKEYRules.trProofEmpty, at: offset(i), "\(path(i)).data") }
            if dataType != .transferInit { add(MIKEYRules.trProofDataType, at: offset(i), path(i)) }
            if let (ti, t) = ticket {
                if !t.policy.flags.contains(.i) || t.initiatorData.isEmpty {
                    add(MIKEYRules.trProofForking, at: offset(ti), "\(path(ti)).flags", "proof-of-origin with flags \(t.policy.flags.letterString) and \(t.initiatorData.isEmpty ? "no" : "some") Initiator Data")
                }
            } else if dataType == .transferInit {
                add(MIKEYRules.trProofForking, at: offset(i), path(i), "proof-of-origin without a TICKET")
            }
        }
    }
}
