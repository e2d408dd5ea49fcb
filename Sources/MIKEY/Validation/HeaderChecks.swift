import MediasecCore

extension ValidationRun {
    /// RFC 3830 §6.1, RFC 6043 §6.1 / §6.1.1.
    mutating func checkHeader() {
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
            let requests: [DataType] = [.requestInitPSK, .requestInitPK, .resolveInitPSK, .resolveInitPK]
            if requests.contains(h.dataType) {
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
        let policies = indexed { if case .securityPolicy(let s) = $0 { s } else { nil } }
        let policyProt = Dictionary(policies.map { ($0.1.policyNumber, $0.1.protType) }, uniquingKeysWith: { a, _ in a })
        switch h.csIDMap {
        case .srtp(let entries):
            // Policy_no with no SP payload: SRTP defaults would apply silently.
            if !policies.isEmpty {
                for (i, e) in entries.enumerated() where policyProt[e.policyNumber] == nil {
                    add(MIKEYRules.srtpPolicyUnresolved, at: 10 + 9 * i, "hdr.csIdMapInfo[\(i)].policyNo", "Policy_no \(e.policyNumber) has no SP payload")
                }
            }
        case .empty:
            break
        case .generic(let entries):
            var offset = 10
            var seen = Set<UInt8>()
            for (i, e) in entries.enumerated() {
                let p = "hdr.csIdMapInfo[\(i)]"
                if !seen.insert(e.csID).inserted {
                    add(MIKEYRules.genericDuplicateCSID, at: offset, "\(p).csId", "CS ID \(e.csID) is used twice")
                }
                if !e.protType.isAssigned && cp.name(of: e.protType) == nil {
                    add(MIKEYRules.protTypeUnassigned, at: offset + 1, "\(p).protType", "Prot type \(e.protType.rawValue) is not known")
                }
                for (j, no) in e.policies.enumerated() {
                    if let pt = policyProt[no], pt != e.protType {
                        add(MIKEYRules.genericPolicyProtMismatch, at: offset + 3 + j, "\(p).ps[\(j)]", "policy \(no) is an SP of Prot type \(pt.rawValue), the CS is \(e.protType.rawValue)")
                    } else if policyProt[no] == nil && !dataType.isTicketMessage {
                        add(MIKEYRules.srtpPolicyUnresolved, at: offset + 3 + j, "\(p).ps[\(j)]", "Policy_no \(no) has no SP payload")
                    }
                }
                if e.protType == .srtp && !e.sessionData.isEmpty && e.srtpSessionData == nil {
                    add(MIKEYRules.genericSRTPSessionData, at: offset + 5 + e.policies.count, "\(p).sessionData",
                        "SRTP Session Data is \(e.sessionData.count) bytes with S=\(e.sFlag ? 1 : 0); expected \(e.sFlag ? 10 : 4)")
                }
                let isTRProt = e.protType == cp.protTypeTLS || e.protType == cp.protTypePSKMIME || e.protType == cp.protTypeApplicationSpecific
                if dataType.isTicketMessage && isResponse {
                    if e.policies.count != 1 {
                        if e.protType == cp.protTypeTLS && e.policies.isEmpty && sink.profiles.contains(.tr33829) {
                            add(MIKEYRules.trTLSRFC6043Conflict, at: offset + 2, "\(p).#p",
                                "TLS CS \(e.csID) has #P = 0 in a response; RFC 6043 §6.1.1 requires exactly 1, TR 33.829 Annex D.1 requires 0")
                        } else {
                            add(MIKEYRules.responsePolicyCount, at: offset + 2, "\(p).#p", "#P is \(e.policies.count) in a response")
                        }
                    }
                    if e.spi.isEmpty { add(MIKEYRules.responseSPI, at: offset + 6 + e.policies.count + e.sessionData.count, "\(p).spi") }
                    if e.protType == .srtp && e.sessionData.isEmpty { add(MIKEYRules.responseSessionData, at: offset + 4 + e.policies.count, "\(p).sessionData") }
                } else if dataType.isTicketMessage && e.protType == cp.protTypeTLS && e.policies.isEmpty && dataType == .transferInit {
                    add(MIKEYRules.trTLSRFC6043Conflict, at: offset + 2, "\(p).#p",
                        "TLS CS \(e.csID) has #P = 0; RFC 6043 §6.1.1 then requires a policy in the response, which TR 33.829 Annex D.1 forbids")
                }
                _ = isTRProt
                offset += 6 + e.policies.count + e.sessionData.count + e.spi.count
            }
        }
    }
}
