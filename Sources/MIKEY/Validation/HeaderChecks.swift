import MediasecCore

extension ValidationRun {
    /// RFC 3830 §6.1, RFC 6043 §6.1 / §6.1.1.
    func checkHeader() {
        let h = m.header
        if !h.dataType.isAssigned {
            if h.dataType.isPrivateUse {
                add(MIKEYRules.dataTypeNotValidated, at: 1, "hdr.dataType", "private-use data type \(h.dataType.rawValue): contents not validated")
            } else {
                add(MIKEYRules.dataTypeUnassigned, at: 1, "hdr.dataType", "data type \(h.dataType.rawValue) is not assigned")
            }
        } else if (19...25).contains(h.dataType.rawValue) {
            add(MIKEYRules.dataTypeNotValidated, at: 1, "hdr.dataType", "\(h.dataType): IBAKE (RFC 6267) messages are decoded but not validated")
        }
        if !h.prfFunction.isAssigned {
            if h.prfFunction.isPrivateUse { registry(h.prfFunction, at: 3, "hdr.prfFunc") }
            else { add(MIKEYRules.prfUnassigned, at: 3, "hdr.prfFunc", "PRF func \(h.prfFunction.rawValue) is not assigned") }
        }
        if h.verifyFlag, h.dataType == .dhInit || h.dataType == .dhResp {
            add(MIKEYRules.vFlagIgnoredDH, at: 3, "hdr.v")
        }
        if h.dataType.isTicketMessage {
            // REQUEST_INIT_PSK/PK, RESOLVE_INIT_PSK/PK.
            let isRequest = h.dataType == .requestInitPSK || h.dataType == .requestInitPK || h.dataType == .resolveInitPSK || h.dataType == .resolveInitPK
            if isRequest {
                if !h.verifyFlag {
                    add(MIKEYRules.ticketVFlagRequest, at: 3, "hdr.v", "V is 0 in \(h.dataType.name ?? ""); §4.2 says MUST be 1, §6.1 says 0")
                }
                if h.csIDMap != .empty(csCount: 0) {
                    add(MIKEYRules.ticketRequestMap, at: 8, "hdr.csIdMapType", "#CS \(h.csIDMap.csCount), map type \(h.csIDMap.type.rawValue)")
                }
            } else if h.dataType == .transferInit {
                if let t = ticket?.1, t.policy.flags.contains(.f) != h.verifyFlag {
                    add(MIKEYRules.ticketVFlagF, at: 3, "hdr.v", "V is \(h.verifyFlag ? 1 : 0) but the ticket's F flag is \(t.policy.flags.contains(.f) ? 1 : 0)")
                }
            } else if h.verifyFlag {
                add(MIKEYRules.ticketVFlag, at: 3, "hdr.v", "V is 1 in \(h.dataType.name ?? "a MIKEY-TICKET response")")
            }
            // §4.2.1.5 / §4.2.3.5: the responses copy #CS and the map type
            // from the request, which must carry #CS 0 and the Empty map.
            if (h.dataType == .requestResp || h.dataType == .resolveResp) && h.csIDMap != .empty(csCount: 0) {
                add(MIKEYRules.ticketRequestMap, at: 8, "hdr.csIdMapType", "#CS \(h.csIDMap.csCount), map type \(h.csIDMap.type.rawValue) in \(h.dataType.name ?? "a response"), which copies the request's #CS 0 and Empty map")
            }
            if h.dataType == .transferInit || h.dataType == .transferResp {
                switch h.csIDMap {
                case .srtp: add(MIKEYRules.ticketSRTPMap, at: 9, "hdr.csIdMapType")
                case .empty: add(MIKEYRules.transferMapType, at: 9, "hdr.csIdMapType", "Empty map in \(h.dataType.name ?? "")")
                case .generic: break
                }
            }
        }
        switch h.csIDMap {
        case .srtp(let entries):
            // Policy_no with no SP payload: SRTP defaults would apply silently.
            if hasSecurityPolicy {
                for (i, e) in entries.enumerated() where policyProtType(e.policyNumber) == nil {
                    add(MIKEYRules.srtpPolicyUnresolved, at: 10 + 9 * i, "hdr.csIdMapInfo[\(i)].policyNo", "Policy_no \(e.policyNumber) has no SP payload")
                }
            }
        case .empty:
            break
        case .generic(let entries):
            var offset = 10
            // CS IDs seen so far: a 256-bit set in four words (no Set per message).
            var seen = ByteSet()
            let ticketResponse = dataType.isTicketMessage && isResponse
            for (i, e) in entries.enumerated() {
                func p() -> String { MIKEYPaths.csIDMapInfo(i) }
                if !seen.insert(e.csID) {
                    add(MIKEYRules.genericDuplicateCSID, at: offset, "\(p()).csId", "CS ID \(e.csID) is used twice")
                }
                if !e.protType.isAssigned && cp.name(of: e.protType) == nil {
                    add(MIKEYRules.protTypeUnassigned, at: offset + 1, "\(p()).protType", "Prot type \(e.protType.rawValue) is not known")
                }
                for (j, no) in e.policies.enumerated() {
                    let pt = policyProtType(no)
                    if let pt, pt != e.protType {
                        add(MIKEYRules.genericPolicyProtMismatch, at: offset + 3 + j, "\(p()).ps[\(j)]", "policy \(no) is an SP of Prot type \(pt.rawValue), the CS is \(e.protType.rawValue)")
                    } else if pt == nil && !dataType.isTicketMessage {
                        add(MIKEYRules.srtpPolicyUnresolved, at: offset + 3 + j, "\(p()).ps[\(j)]", "Policy_no \(no) has no SP payload")
                    }
                }
                if e.protType == .srtp && !e.sessionData.isEmpty && e.srtpSessionData == nil {
                    add(MIKEYRules.genericSRTPSessionData, at: offset + 5 + e.policies.count, "\(p()).sessionData",
                        "SRTP Session Data is \(e.sessionData.count) bytes with S=\(e.sFlag ? 1 : 0); expected \(e.sFlag ? 10 : 4)")
                }
                if ticketResponse {
                    if e.policies.count != 1 {
                        if e.protType == cp.protTypeTLS && e.policies.isEmpty && profiles.contains(.tr33829) {
                            add(MIKEYRules.trTLSRFC6043Conflict, at: offset + 2, "\(p()).#p",
                                "TLS CS \(e.csID) has #P = 0 in a response; RFC 6043 §6.1.1 requires exactly 1, TR 33.829 Annex D.1 requires 0")
                        } else {
                            add(MIKEYRules.responsePolicyCount, at: offset + 2, "\(p()).#p", "#P is \(e.policies.count) in a response")
                        }
                    }
                    if e.spi.isEmpty { add(MIKEYRules.responseSPI, at: offset + 6 + e.policies.count + e.sessionData.count, "\(p()).spi") }
                    if e.protType == .srtp && e.sessionData.isEmpty { add(MIKEYRules.responseSessionData, at: offset + 4 + e.policies.count, "\(p()).sessionData") }
                } else if dataType.isTicketMessage && e.protType == cp.protTypeTLS && e.policies.isEmpty && dataType == .transferInit {
                    add(MIKEYRules.trTLSRFC6043Conflict, at: offset + 2, "\(p()).#p",
                        "TLS CS \(e.csID) has #P = 0; RFC 6043 §6.1.1 then requires a policy in the response, which TR 33.829 Annex D.1 forbids")
                }
                offset += 6 + e.policies.count + e.sessionData.count + e.spi.count
            }
        }
    }

    /// Whether a top-level SP payload exists.
    var hasSecurityPolicy: Bool { has(.securityPolicy) }

    /// The Prot type of the first top-level SP payload with this Policy no
    /// (a linear scan: messages carry a handful of payloads).
    func policyProtType(_ no: UInt8) -> ProtType? {
        guard hasSecurityPolicy else { return nil }
        for p in m.payloads { if case .securityPolicy(let s) = p, s.policyNumber == no { return s.protType } }
        return nil
    }
}
