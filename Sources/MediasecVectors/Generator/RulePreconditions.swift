import MediasecCore
import MIKEY

/// When each error/warning rule *applies* to a message: the situation its
/// clause talks about is present, so a conforming message is one where the
/// rule holds but does not fire. Written from the clauses, over the model
/// the generator built (never from the validator's code paths).
///
/// Every valid/acceptable vector lists the applicable rules that must not
/// fire as `expected.absentFindings`; together with the invalid vectors
/// where each rule fires, this gives the fire / no-fire coverage.
enum RulePreconditions {
    struct Context {
        let m: MIKEYMessage
        let profiles: Set<MIKEYProfileName>
        let keys: MIKEYKeys
        let cp: CodePointProfile
        /// Top-level payloads.
        var top: [Payload] { m.payloads }
        /// Every payload, nested chains included (TP Data, Ticket Data,
        /// Initiator Data), in document order.
        let all: [Payload]
        /// Paths of `all` that lie inside a TP Data chain.
        let inTPData: [Bool]

        var dt: DataType { m.header.dataType }
        var isTicketMessage: Bool { dt.isTicketMessage }
        var isResponse: Bool { [1, 3, 5, 8, 10, 13, 15, 18].contains(dt.rawValue) }
        var generic: [GenericIDMapEntry] { if case .generic(let e) = m.header.csIDMap { e } else { [] } }
        var hasComposition: Bool { (0...18).contains(dt.rawValue) || dt.rawValue == 26 }

        func has(_ t: PayloadType, nested: Bool = false) -> Bool { (nested ? all : top).contains { $0.type == t } }
        func count(_ t: PayloadType) -> Int { top.filter { $0.type == t }.count }
        var policies: [TicketPolicy] {
            all.compactMap {
                switch $0 {
                case .ticketPolicy(let tp): return tp.policy
                case .ticket(let t): return t.policy
                default: return nil
                }
            }
        }
        var tickets: [TicketPayload] { all.compactMap { if case .ticket(let t) = $0 { t } else { nil } } }
        var baseTickets: [BaseTicket] { tickets.compactMap { if case .base(let b) = $0.ticketData { b } else { nil } } }
        var srtpPolicies: [SecurityPolicyPayload] { all.compactMap { if case .securityPolicy(let s) = $0, s.protType == .srtp { s } else { nil } } }
        func extensions(_ t: GeneralExtensionType) -> [GeneralExtensionPayload] {
            top.compactMap { if case .generalExtension(let g) = $0, g.type == t { g } else { nil } }
        }
        var trProts: Set<ProtType> { [cp.protTypeTLS, cp.protTypePSKMIME, cp.protTypeApplicationSpecific] }
        var hasPSKMIME: Bool { generic.contains { $0.protType == cp.protTypePSKMIME } }

        /// Key data chains readable in clear (NULL-encrypted KEMACs), with
        /// whether they sit in TP Data.
        var clearKeyData: [(keys: [Payload], inTP: Bool)] {
            zip(all, inTPData).compactMap { p, tp in
                guard case .kemac(let k) = p, k.encryptionAlgorithm == .null, let keys = try? k.plainKeyData(profile: cp), !keys.isEmpty else { return nil }
                return (keys, tp)
            }
        }
    }

    static func flatten(_ ps: [Payload], inTP: Bool, into all: inout [Payload], _ flags: inout [Bool]) {
        for p in ps {
            all.append(p)
            flags.append(inTP)
            switch p {
            case .ticketPolicy(let tp):
                flatten(tp.policy.tpData, inTP: true, into: &all, &flags)
            case .ticket(let t):
                flatten(t.policy.tpData, inTP: true, into: &all, &flags)
                if case .base(let b) = t.ticketData { flatten(b.payloads, inTP: inTP, into: &all, &flags) }
                flatten(t.initiatorData, inTP: inTP, into: &all, &flags)
            default:
                break
            }
        }
    }

    /// The error/warning rules of the enabled profiles that apply to `m`.
    static func applicable(message m: MIKEYMessage, profiles: Set<MIKEYProfileName>, keys: MIKEYKeys, codePoints cp: CodePointProfile) -> [MIKEYRule] {
        var all: [Payload] = []
        var flags: [Bool] = []
        flatten(m.payloads, inTP: false, into: &all, &flags)
        let c = Context(m: m, profiles: profiles, keys: keys, cp: cp, all: all, inTPData: flags)
        return MIKEYRules.all.filter { r in
            r.severity != .info && profiles.contains(r.profile) && (table[r.code]?(c) ?? false)
        }
    }

    typealias Predicate = @Sendable (Context) -> Bool

    static func id(_ c: Context) -> [(IDType, [UInt8])] {
        c.all.compactMap {
            switch $0 {
            case .id(let x): return (x.idType, x.data)
            case .idRole(let x): return (x.idType, x.data)
            default: return nil
            }
        }
    }

    static func macPresent(_ c: Context) -> Bool {
        guard let last = c.top.last(where: { $0.type == .kemac || $0.type == .verification }) else { return false }
        switch last {
        case .kemac(let k): return k.macAlgorithm != .null
        case .verification(let v): return v.authAlgorithm != .null
        default: return false
        }
    }

    /// Rule code → precondition.
    static let table: [String: Predicate] = [
        // RFC 3830 — header and registries: every message has a data type and a PRF.
        MIKEYRules.dataTypeUnassigned.code: { _ in true },
        MIKEYRules.prfUnassigned.code: { _ in true },
        MIKEYRules.srtpPolicyUnresolved.code: { c in
            if case .srtp(let e) = c.m.header.csIDMap { return !e.isEmpty && c.has(.securityPolicy) }
            return !c.isTicketMessage && c.generic.contains { !$0.policies.isEmpty }
        },
        MIKEYRules.genericDuplicateCSID.code: { c in c.generic.count >= 2 },
        MIKEYRules.genericPolicyProtMismatch.code: { c in
            let nos = Set(c.top.compactMap { if case .securityPolicy(let s) = $0 { s.policyNumber } else { nil } })
            return c.generic.contains { $0.policies.contains { nos.contains($0) } }
        },
        MIKEYRules.genericSRTPSessionData.code: { c in c.generic.contains { $0.protType == .srtp && !$0.sessionData.isEmpty } },
        MIKEYRules.protTypeUnassigned.code: { c in !c.generic.isEmpty || c.has(.securityPolicy, nested: true) },
        MIKEYRules.registryUnassigned.code: { c in
            c.all.contains { [.randRole, .error, .dh, .idRole, .id, .cert, .timestampRole, .sign, .pke, .sakke, .generalExtension, .ticketPolicy, .ticket].contains($0.type) }
        },
        // RFC 3830 — message composition (data types with an exchange definition).
        MIKEYRules.missingPayload.code: { c in c.hasComposition },
        MIKEYRules.tooManyPayloads.code: { c in c.hasComposition },
        MIKEYRules.unexpectedPayload.code: { c in c.hasComposition && !c.top.isEmpty },
        MIKEYRules.payloadOrder.code: { c in c.hasComposition && c.top.filter { $0.type != .generalExtension }.count >= 2 },
        MIKEYRules.lastPayload.code: { c in c.hasComposition && !c.top.isEmpty },
        MIKEYRules.emptyMessage.code: { _ in true },
        // RFC 3830 — payload contents.
        MIKEYRules.randShort.code: { c in
            c.all.contains { if case .rand(let r) = $0 { !r.rand.isEmpty } else if case .randRole(let r) = $0 { !r.rand.isEmpty } else { false } }
        },
        MIKEYRules.randEmpty.code: { c in c.has(.rand, nested: true) || c.has(.randRole, nested: true) },
        MIKEYRules.errReserved.code: { c in c.has(.error, nested: true) },
        MIKEYRules.dhReserved.code: { c in c.has(.dh, nested: true) },
        MIKEYRules.kemacEncrUnknown.code: { c in c.has(.kemac, nested: true) },
        MIKEYRules.kemacNullEncryption.code: { c in c.has(.kemac) },
        MIKEYRules.kemacNullMAC.code: { c in [0, 7, 8].contains(c.dt.rawValue) && c.has(.kemac) },
        MIKEYRules.kemacKeyDataMalformed.code: { c in
            c.top.contains {
                guard case .kemac(let k) = $0 else { return false }
                return (k.encryptionAlgorithm == .null && !k.encryptedData.isEmpty) || (!c.keys.isEmpty && k.encryptionAlgorithm != .null)
            }
        },
        MIKEYRules.kemacAlgorithmKeyLength.code: { c in
            c.all.contains { if case .kemac(let k) = $0 { k.encryptionAlgorithm == .aesKW128 } else { false } }
        },
        MIKEYRules.spParamLength.code: { c in c.srtpPolicies.contains { !$0.parameters.isEmpty } },
        MIKEYRules.spParamDuplicate.code: { c in c.srtpPolicies.contains { $0.parameters.count >= 2 } },
        MIKEYRules.spDuplicatePolicyNo.code: { c in c.all.filter { $0.type == .securityPolicy }.count >= 2 },
        MIKEYRules.spParamUnassigned.code: { c in c.srtpPolicies.contains { !$0.parameters.isEmpty } },
        MIKEYRules.idTypeURIInvalid.code: { c in id(c).contains { $0.0 == .uri && !$0.1.isEmpty } },
        MIKEYRules.idEmpty.code: { c in !id(c).isEmpty },
        MIKEYRules.chashMD5.code: { c in c.has(.chash, nested: true) },
        MIKEYRules.extContentMalformed.code: { c in
            c.all.contains { if case .generalExtension(let g) = $0 { [3, 4, 5].contains(g.type.rawValue) } else { false } }
        },
        // Crypto: only when keys are given.
        MIKEYRules.macMismatch.code: { c in !c.keys.isEmpty && macPresent(c) },
        MIKEYRules.kemacDecryptFailed.code: { c in
            !c.keys.isEmpty && c.top.contains { if case .kemac(let k) = $0 { k.encryptionAlgorithm != .null && k.encryptionAlgorithm.isAssigned } else { false } }
        },
        // RFC 6043.
        // §4.2.1.5, §4.2.2.3, §4.2.3.5: V SHALL be 0 in the three responses.
        MIKEYRules.ticketVFlag.code: { c in [13, 15, 18].contains(c.dt.rawValue) },
        // §4.2.1.1, §4.2.3.1: V MUST be 1, #CS 0 and the Empty map in REQUEST_INIT and RESOLVE_INIT.
        MIKEYRules.ticketVFlagRequest.code: { c in [11, 12, 16, 17].contains(c.dt.rawValue) },
        MIKEYRules.ticketRequestMap.code: { c in [11, 12, 13, 16, 17, 18].contains(c.dt.rawValue) },
        // §4.2.2.1: the TRANSFER_INIT V flag agrees with the F flag of the ticket it carries.
        MIKEYRules.ticketVFlagF.code: { c in c.dt == .transferInit && c.has(.ticket) },
        // §6.1: the Ticket Transfer exchange SHOULD use GENERIC-ID, SHALL NOT use SRTP-ID.
        MIKEYRules.transferMapType.code: { c in c.dt == .transferInit || c.dt == .transferResp },
        MIKEYRules.ticketSRTPMap.code: { c in c.dt == .transferInit || c.dt == .transferResp },
        // §4.2.1.5, §4.2.3.5: the KEMAC of REQUEST_RESP / RESOLVE_RESP uses the NULL MAC.
        MIKEYRules.responseKEMACNullMAC.code: { c in (c.dt == .requestResp || c.dt == .resolveResp) && c.has(.kemac) },
        // §6.10 (L flag), §4.2.2.1: a KEMAC in TRANSFER_INIT is session keys from the Initiator.
        MIKEYRules.transferKEMACWithoutL.code: { c in c.dt == .transferInit && c.has(.ticket) && c.has(.kemac) },
        MIKEYRules.responsePolicyCount.code: { c in c.isTicketMessage && c.isResponse && !c.generic.isEmpty },
        MIKEYRules.responseSPI.code: { c in c.isTicketMessage && c.isResponse && !c.generic.isEmpty },
        MIKEYRules.responseSessionData.code: { c in c.isTicketMessage && c.isResponse && c.generic.contains { $0.protType == .srtp } },
        MIKEYRules.ticketIDPayload.code: { c in c.isTicketMessage },
        MIKEYRules.randrRole.code: { c in [11, 12, 14, 16, 17].contains(c.dt.rawValue) && c.has(.randRole) },
        MIKEYRules.flagNotDImpliesL.code: { c in !c.policies.isEmpty },
        MIKEYRules.flagGImpliesF.code: { c in !c.policies.isEmpty },
        MIKEYRules.flagGOrH.code: { c in !c.policies.isEmpty },
        MIKEYRules.flagIImpliesE.code: { c in !c.policies.isEmpty },
        MIKEYRules.flagKImpliesD.code: { c in !c.policies.isEmpty },
        MIKEYRules.flagMImpliesF.code: { c in !c.policies.isEmpty },
        MIKEYRules.flagIWithTGKImpliesF.code: { c in c.tickets.contains { $0.policy.flags.contains(.i) } },
        MIKEYRules.tpKFlag.code: { c in c.has(.ticketPolicy, nested: true) },
        MIKEYRules.tpReserved.code: { c in !c.policies.isEmpty },
        MIKEYRules.tpKEMACNotNull.code: { c in c.policies.contains { $0.tpData.contains { $0.type == .kemac } } },
        MIKEYRules.tpKEMACInGranted.code: { c in !c.tickets.isEmpty },
        MIKEYRules.tpTRrType.code: { c in
            c.policies.contains { $0.tpData.contains { if case .timestampRole(let t) = $0 { t.role == .rekeyInterval } else { false } } }
        },
        MIKEYRules.tpUnexpected.code: { c in c.policies.contains { !$0.tpData.isEmpty } },
        // §6.10: TP Data = First Payload, …, (IDRr) — in the desired (TP) and the granted (TICKET) policy.
        MIKEYRules.tpMissingIDRr.code: { c in !c.policies.isEmpty },
        MIKEYRules.initiatorDataPresence.code: { c in !c.tickets.isEmpty },
        MIKEYRules.initiatorDataShape.code: { c in c.tickets.contains { !$0.initiatorData.isEmpty } },
        MIKEYRules.baseTicketShape.code: { c in !c.baseTickets.isEmpty },
        MIKEYRules.baseTicketKEMACMAC.code: { c in c.baseTickets.contains { $0.payloads.contains { $0.type == .kemac } } },
        MIKEYRules.baseTicketVersion.code: { c in !c.baseTickets.isEmpty },
        MIKEYRules.keyDataSPI.code: { c in c.isTicketMessage && c.clearKeyData.contains { !$0.inTP } },
        // TR 33.829.
        MIKEYRules.trTLSSFlag.code: { c in c.generic.contains { $0.protType == c.cp.protTypeTLS } },
        MIKEYRules.trTLSPolicies.code: { c in c.generic.contains { $0.protType == c.cp.protTypeTLS } },
        MIKEYRules.trTLSSessionData.code: { c in c.generic.contains { $0.protType == c.cp.protTypeTLS } },
        MIKEYRules.trTLSRFC6043Conflict.code: { c in c.isTicketMessage && c.generic.contains { $0.protType == c.cp.protTypeTLS } },
        MIKEYRules.trTLSMapType.code: { c in c.top.contains { if case .securityPolicy(let s) = $0 { c.trProts.contains(s.protType) } else { false } } },
        MIKEYRules.trAppPolicies.code: { c in c.generic.contains { $0.protType == c.cp.protTypeApplicationSpecific } },
        MIKEYRules.trPSKMIMESingleCS.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMEPolicies.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMESessionData.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMESPI.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMEVFlag.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMEDataType.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMEKEMAC.code: { c in c.hasPSKMIME },
        MIKEYRules.trPSKMIMEKEMACContent.code: { c in
            c.hasPSKMIME && c.top.contains { if case .kemac(let k) = $0 { k.encryptionAlgorithm == .null } else { false } }
        },
        MIKEYRules.trPSKMIMEFlagF.code: { c in c.hasPSKMIME && c.has(.ticket) },
        MIKEYRules.trPSKMIMEFlagG.code: { c in c.hasPSKMIME && c.has(.ticket) },
        MIKEYRules.trPSKMIMEFlagL.code: { c in c.hasPSKMIME && c.has(.ticket) },
        MIKEYRules.trPSKMIMEFlagI.code: { c in c.hasPSKMIME && c.has(.ticket) },
        MIKEYRules.trPSKMIMETicketKeys.code: { c in
            c.hasPSKMIME && c.baseTickets.contains { $0.payloads.contains { if case .kemac(let k) = $0 { k.encryptionAlgorithm == .null } else { false } } }
        },
        MIKEYRules.trConfNotID.code: { c in !c.extensions(c.cp.extensionIMSConference).isEmpty },
        MIKEYRules.trConfMalformed.code: { c in !c.extensions(c.cp.extensionIMSConference).isEmpty },
        MIKEYRules.trConfIDType.code: { c in c.extensions(c.cp.extensionIMSConference).contains { !$0.data.isEmpty } },
        MIKEYRules.trConfDataType.code: { c in !c.extensions(c.cp.extensionIMSConference).isEmpty },
        MIKEYRules.trConfDuplicate.code: { c in
            c.extensions(c.cp.extensionIMSConference).contains { if case .imsConference(let ids)? = try? $0.content(profile: c.cp) { ids.count >= 2 } else { false } }
        },
        MIKEYRules.trProofEmpty.code: { c in !c.extensions(c.cp.extensionProofOfOrigin).isEmpty },
        MIKEYRules.trProofDataType.code: { c in !c.extensions(c.cp.extensionProofOfOrigin).isEmpty },
        MIKEYRules.trProofForking.code: { c in !c.extensions(c.cp.extensionProofOfOrigin).isEmpty },
        MIKEYRules.trProofDuplicate.code: { c in !c.extensions(c.cp.extensionProofOfOrigin).isEmpty },
    ]
}
