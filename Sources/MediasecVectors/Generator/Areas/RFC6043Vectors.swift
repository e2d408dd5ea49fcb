import MediasecCore
import MIKEY

/// `Vectors/mikey/rfc6043.json`: MIKEY-TICKET (RFC 6043) — the eight
/// ticket messages, the GENERIC-ID response rules, the Ticket Policy flags
/// and payloads, the MIKEY base ticket (Appendix A).
enum RFC6043Vectors {
    typealias R = MIKEYRules

    static func build(_ s: VectorSet) {
        clean(s)
        header(s)
        policies(s)
        tickets(s)
    }

    // MARK: clean messages and variants

    static func clean(_ s: VectorSet) {
        for dt: UInt8 in 11...18 {
            let request = [11, 12, 16, 17].contains(dt)
            let flags = request ? ["clean-baseline", "rfc6043-v-flag-conflict", "rfc6043-empty-map-request"] : ["clean-baseline"]
            let extra = request ? [dt < 16 ? "RFC 6043 §4.2.1.1" : "RFC 6043 §4.2.3.1"] : []
            s.add("\(DataTypeInfo.slug(dt))::clean", "A \(DataTypeInfo.name(dt)) message composed as RFC 6043 describes\(request ? " (V = 1, #CS 0, Empty map)" : "").",
                  refs: [DataTypeInfo.ref(dt)] + extra + ["RFC 6043 §6"], flags: flags) { g in .valid(try g.clean(dt)) }
        }
        // V flag (RFC 6043 §4.2.1.1 / §4.2.3.1 against §6.1; §4.2.1.5, §4.2.2.3, §4.2.3.5).
        for dt: UInt8 in [11, 12, 16, 17] {
            let clause = dt < 16 ? "RFC 6043 §4.2.1.1" : "RFC 6043 §4.2.3.1"
            s.add("\(DataTypeInfo.slug(dt))::v-flag-0", "\(DataTypeInfo.name(dt)) with V = 0: \(clause.dropFirst(9)) says the V flag MUST be 1 (ignored by the KMS), §6.1 says 0.",
                  refs: [clause, "RFC 6043 §6.1"], flags: ["model-mutation", "rfc6043-v-flag-conflict"]) { g in
                .acceptable(try g.clean(dt).with { $0.header.verifyFlag = false }, [R.ticketVFlagRequest])
            }
        }
        for dt: UInt8 in [13, 15, 18] {
            s.add("\(DataTypeInfo.slug(dt))::v-flag-1", "\(DataTypeInfo.name(dt)) with V = 1: it SHALL be set to 0 (and is ignored).",
                  refs: [DataTypeInfo.ref(dt), "RFC 6043 §6.1"], flags: ["model-mutation", "rfc6043-v-flag-conflict"]) { g in
                .acceptable(try g.clean(dt).with { $0.header.verifyFlag = true }, [R.ticketVFlag])
            }
        }
        s.add("request-init-psk::minimal", "REQUEST_INIT_PSK with only HDR, T, RANDRi, TP, V (IDRi, IDRkms and IDRpsk omitted).",
              refs: ["RFC 6043 §4.2.1.1", "RFC 6043 §4.2.1.2"], flags: ["ambiguity-07-optional-identities"]) { g in
            .valid(try g.requestInitPSK().with { $0.payloads.removeAll(.idRole) })
        }
        s.add("request-init-psk::empty-tp-data", "TP with TP Data length 0: TP Data = First Payload, …, (IDRr) needs at least one IDRr.",
              refs: ["RFC 6043 §6.10"], flags: ["model-mutation", "ambiguity-08-empty-tp-data"]) { g in
            .invalid(try g.requestInitPSK(tpData: []), [R.tpMissingIDRr])
        }
        s.add("request-init-psk::tp-only-idrr", "TP Data holding only the mandatory (IDRr).", refs: ["RFC 6043 §6.10"], flags: ["ambiguity-08-empty-tp-data"]) { g in
            .valid(try g.requestInitPSK(tpData: [g.idr(.responder, Fixtures.bob)]))
        }
        s.add("request-init-psk::tp-all-fields", "TP Data with IDRkms, IDRi, TRs, TRe, TRr (NTP-UTC-32), KEMAC, two IDRapp and two IDRr.", refs: ["RFC 6043 §6.10", "RFC 6043 §6.4"]) { g in
            var d = try g.desiredTPData()
            d.insert(.timestampRole(TimestampRolePayload(role: .rekeyInterval, tsType: .ntpUTC32, value: [0, 0, 0x0e, 0x10])), at: 4)
            d.insert(g.idrBytes(.application, Array("app-1".utf8)), at: 6)
            d.insert(g.idrBytes(.application, Array("app-2".utf8)), at: 7)
            d.append(g.idr(.responder, Fixtures.carol))
            return .valid(try g.requestInitPSK(tpData: d))
        }
        s.add("request-init-psk::tp-kemac-tek-gtgk", "Desired KEMAC in TP Data asks for a TEK and a GTGK+SALT (key data zero).", refs: ["RFC 6043 §6.10", "RFC 6043 §6.2.1"]) { g in
            let keys = [KeyDataPayload(type: .tek, keyData: [UInt8](repeating: 0, count: 16)),
                        KeyDataPayload(type: .gtgkSalt, keyData: [UInt8](repeating: 0, count: 16), salt: [UInt8](repeating: 0, count: 14))]
            return .valid(try g.requestInitPSK(tpData: [.kemac(try KEMACPayload.clear(keyData: keys, macAlgorithm: .null)), g.idr(.responder, Fixtures.bob)]))
        }
        s.add("request-init-psk::prf-hmac-sha-256", "REQUEST_INIT_PSK with PRF-HMAC-SHA-256 in HDR and TP and an HMAC-SHA-256-256 V.", refs: ["RFC 6043 §6.1", "RFC 6043 §6.10", "RFC 6043 §6.2"]) { g in
            .valid(try g.requestInitPSK().with { m in
                m.header.prfFunction = .hmacSHA256
                if let i = m.index(of: .ticketPolicy), case .ticketPolicy(var tp) = m.payloads[i] { tp.policy.prfFunction = .hmacSHA256; m.payloads[i] = .ticketPolicy(tp) }
                m.payloads[m.payloads.count - 1] = g.v(.hmacSHA256_256)
            })
        }
        s.add("request-init-psk::idr-roles", "REQUEST_INIT_PSK with an IDRi of ID type NAI and an IDRkms of type byte string.", refs: ["RFC 6043 §6.6", "RFC 6043 §6.5"]) { g in
            .valid(try g.requestInitPSK().with {
                $0.payloads[2] = .idRole(IDRPayload(role: .initiator, idType: .nai, data: Array("alice@example.com".utf8)))
                $0.payloads[3] = g.idrBytes(.kms, g.bytes(6))
            })
        }
        s.add("request-resp::3gpp-base-ticket", "REQUEST_RESP carrying a 3GPP base ticket (Ticket Type 2, opaque Ticket Data).", refs: ["RFC 6043 §6.10", "TS 33.328 Annex D"]) { g in
            let t = TicketPayload(policy: g.policy(type: .threeGPPBase), ticketData: .opaque(g.bytes(96)))
            return .valid(g.requestResp(ticket: t))
        }
        s.add("request-resp::ticket-type-private-use", "TICKET with Ticket Type 61440 (private use, opaque data): info.", refs: ["RFC 6043 §6.10", "RFC 6309 §2"], flags: ["private-use"]) { g in
            let t = TicketPayload(policy: g.policy(type: TicketType(rawValue: 61440)), ticketData: .opaque(g.bytes(40)))
            return .valid(g.requestResp(ticket: t), infos: [R.registryPrivateUse])
        }
        s.add("request-resp::ticket-type-unassigned", "TICKET with Ticket Type 3 (not assigned).", refs: ["RFC 6043 §6.10", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            let t = TicketPayload(policy: g.policy(type: TicketType(rawValue: 3)), ticketData: .opaque(g.bytes(40)))
            return .acceptable(g.requestResp(ticket: t), [R.registryUnassigned])
        }
        s.add("request-resp::granted-k-flag", "Granted policy with K = 1 (the KMS changed the desired policy) and D = 1.", refs: ["RFC 6043 §6.10"]) { g in
            .valid(g.requestResp(ticket: g.ticket(Fixtures.standardFlags.union(.k))))
        }
        s.add("request-resp::empty-thdr", "Base ticket whose THDR Data is empty.", refs: ["RFC 6043 Appendix A.3", "RFC 6043 Appendix A"]) { g in
            var b = g.baseTicket()
            b.thdrData = []
            return .valid(g.requestResp(ticket: g.ticket(data: b)))
        }
        s.add("request-resp::base-ticket-idrpsk", "Base ticket data THDR, T, RAND, KEMAC, IDRpsk, V: the optional IDRpsk names the TPK.", refs: ["RFC 6043 Appendix A", "RFC 6043 Appendix A.1"]) { g in
            .valid(g.requestResp(ticket: g.ticket(data: g.baseTicket(idrPSK: true))))
        }
        s.add("transfer-init::base-ticket-idrpsk", "TRANSFER_INIT whose base ticket carries IDRpsk.", refs: ["RFC 6043 Appendix A", "RFC 6043 §4.2.2.1"]) { g in
            .valid(g.transferInit(ticket: g.ticket(data: g.baseTicket(idrPSK: true))))
        }
        s.add("request-resp::base-ticket-idrpsk-after-v", "Base ticket data T, RAND, KEMAC, V, IDRpsk: V SHALL be the last payload.", refs: ["RFC 6043 Appendix A", "RFC 6043 Appendix A.1"], flags: ["model-mutation"]) { g in
            var b = g.baseTicket()
            b.payloads.append(g.idrPSK())
            return .invalid(g.requestResp(ticket: g.ticket(data: b)), [R.baseTicketShape])
        }
        s.add("transfer-init::f0-v0", "TRANSFER_INIT with F = 0 (no TRANSFER_RESP) and V = 0, as §4.2.2.1 requires.", refs: ["RFC 6043 §4.2.2.1", "RFC 6043 §6.10"], flags: ["rfc6043-v-agrees-with-f"]) { g in
            .valid(g.transferInit(ticket: g.ticket([.d, .h, .n, .o])))
        }
        s.add("transfer-init::f1-v0", "TRANSFER_INIT with F = 1 (TRANSFER_RESP requested) but V = 0: V SHALL agree with F.",
              refs: ["RFC 6043 §4.2.2.1", "RFC 6043 §6.10"], flags: ["model-mutation", "rfc6043-v-agrees-with-f"]) { g in
            .invalid(g.transferInit().with { $0.header.verifyFlag = false }, [R.ticketVFlagF])
        }
        s.add("transfer-init::f0-v1", "TRANSFER_INIT with F = 0 (no TRANSFER_RESP) but V = 1: V SHALL agree with F.",
              refs: ["RFC 6043 §4.2.2.1", "RFC 6043 §6.10"], flags: ["model-mutation", "rfc6043-v-agrees-with-f"]) { g in
            .invalid(g.transferInit(ticket: g.ticket([.d, .h, .n, .o])).with { $0.header.verifyFlag = true }, [R.ticketVFlagF])
        }
        s.add("transfer-init::kemac-without-l", "TRANSFER_INIT with an Initiator KEMAC although the ticket's L flag is 0 (the Initiator SHALL NOT supply session keys).",
              refs: ["RFC 6043 §6.10", "RFC 6043 §4.2.2.1"], flags: ["model-mutation"]) { g in
            .invalid(g.transferInit().with {
                $0.payloads.insert(.kemac(g.opaqueKEMAC(encr: .aesCM128, mac: .null, length: 32)), before: .verification)
            }, [R.transferKEMACWithoutL])
        }
        s.add("transfer-init::forking", "TRANSFER_INIT with key forking: I = 1, E = 1 and Initiator Data = First Payload, Vi, Vr.", refs: ["RFC 6043 §6.10", "RFC 6043 §5.1.1"]) { g in
            .valid(g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData())))
        }
        s.add("transfer-init::forking-with-tgk", "Key forking with a TGK in the ticket and F = 1.", refs: ["RFC 6043 §6.10"]) { g in
            let b = g.baseTicket(kemac: try g.clearTicketKEMAC([g.keyData(.mpk), g.tgk()]))
            return .valid(g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]), data: b, initiatorData: g.forkingInitiatorData())))
        }
        s.add("transfer-init::initiator-kemac", "TRANSFER_INIT with its own KEMAC (L = 1: the Initiator may supply session keys).", refs: ["RFC 6043 §4.2.2.1", "RFC 6043 §6.10"]) { g in
            let m = g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union(.l))).with {
                $0.payloads.insert(.kemac(g.opaqueKEMAC(encr: .aesCM128, mac: .null, length: 32)), before: .verification)
            }
            return .valid(m)
        }
        s.add("transfer-init::two-crypto-sessions", "TRANSFER_INIT with two GENERIC-ID SRTP crypto sessions sharing SP 0.", refs: ["RFC 6043 §6.1.1", "RFC 6043 §4.2.2.1"]) { g in
            .valid(g.transferInit(entries: [g.genericSRTP(cs: 1), g.genericSRTP(cs: 2)]))
        }
        s.add("transfer-init::policy-0-empty", "TRANSFER_INIT whose CS suggests no policy (#P = 0): the response must then provide one.", refs: ["RFC 6043 §6.1.1"]) { g in
            .valid(g.transferInit(entries: [g.genericSRTP(policies: [])], sp: false))
        }
        s.add("transfer-init::without-identities", "TRANSFER_INIT without IDRi and IDRr (the MAC then covers identities known by other means).",
              refs: ["RFC 6043 §4.2.2.1", "RFC 6043 §5.5"], flags: ["ambiguity-07-optional-identities"]) { g in
            .valid(g.transferInit().with { $0.payloads.removeAll(.idRole) })
        }
        s.add("transfer-resp::kemac-and-sp", "TRANSFER_RESP with an additional SP and a Responder KEMAC (M = 1 in the ticket).", refs: ["RFC 6043 §4.2.2.3"]) { g in
            .valid(g.transferResp().with {
                $0.payloads.insert(g.sp(1), before: .verification)
                $0.payloads.insert(.kemac(g.opaqueKEMAC(encr: .aesCM128, mac: .null, length: 32)), before: .verification)
            })
        }
        s.add("transfer-resp::randr-kms", "TRANSFER_RESP repeating the RANDRkms from RESOLVE_RESP after IDRr.", refs: ["RFC 6043 §4.2.2.3"]) { g in
            .valid(g.transferResp().with { $0.payloads.insert(g.randr(.kms), before: .verification) })
        }
        s.add("transfer-resp::srtp-session-data-s1", "TRANSFER_RESP whose CS has S = 1 and SSRC+ROC+SEQ Session Data.", refs: ["RFC 6043 §6.1.1"]) { g in
            .valid(g.transferResp(entries: [GenericIDMapEntry(csID: 1, protType: .srtp, sFlag: true, policies: [0], sessionData: g.ssrc() + [0, 0, 0, 0, 0x01, 0x00], spi: g.bytes(4))]))
        }
        s.add("resolve-resp::without-optional", "RESOLVE_RESP with only HDR, T, KEMAC, V.", refs: ["RFC 6043 §4.2.3.5"]) { g in
            .valid(g.resolveResp().with {
                $0.payloads.removeAll(.idRole)
                $0.payloads.removeAll(.randRole)
            })
        }
    }

    // MARK: HDR rules of RFC 6043 §6.1 and §6.1.1

    static func header(_ s: VectorSet) {
        s.add("transfer-init::srtp-id-map", "TRANSFER_INIT using the SRTP-ID map type, which SHALL NOT be used in the Ticket Transfer exchange.",
              refs: ["RFC 6043 §6.1"], flags: ["model-mutation"]) { g in
            .invalid(g.transferInit().with { $0.header.csIDMap = g.srtpMap() }, [R.ticketSRTPMap])
        }
        s.add("transfer-resp::srtp-id-map", "TRANSFER_RESP using the SRTP-ID map type.", refs: ["RFC 6043 §6.1"], flags: ["model-mutation"]) { g in
            .invalid(g.transferResp().with { $0.header.csIDMap = g.srtpMap() }, [R.ticketSRTPMap])
        }
        for dt: UInt8 in [14, 15] {
            s.add("\(DataTypeInfo.slug(dt))::empty-map", "\(DataTypeInfo.name(dt)) with the Empty map (#CS 0): the Ticket Transfer exchange SHOULD use GENERIC-ID.",
                  refs: ["RFC 6043 §6.1", "RFC 4563 §5"], flags: ["model-mutation", "ambiguity-05-empty-map-info"]) { g in
                .acceptable(try g.clean(dt).with { $0.header.csIDMap = .empty(csCount: 0) }, [R.transferMapType])
            }
        }
        // REQUEST_INIT / RESOLVE_INIT: #CS 0 and the Empty map (§4.2.1.1, §4.2.3.1).
        let maps: [(UInt8, String, String, (Fixtures) -> CSIDMap)] = [
            (11, "srtp-id-map", "an SRTP-ID map with one CS", { g in g.srtpMap(1) }),
            (12, "generic-id-map", "a GENERIC-ID map with one SRTP CS", { g in .generic([g.genericSRTP()]) }),
            (16, "empty-map-cs-count-1", "the Empty map but #CS = 1", { _ in .empty(csCount: 1) }),
            (17, "srtp-id-map-0cs", "an SRTP-ID map with #CS 0", { _ in .srtp([]) }),
            (13, "srtp-id-map", "an SRTP-ID map with one CS (REQUEST_RESP copies the request's #CS 0 and Empty map, §4.2.1.5)", { g in g.srtpMap(1) }),
            (18, "empty-map-cs-count-1", "the Empty map but #CS = 1 (RESOLVE_RESP copies the request's #CS 0 and Empty map, §4.2.3.5)", { _ in .empty(csCount: 1) }),
        ]
        for (dt, label, what, map) in maps {
            s.add("\(DataTypeInfo.slug(dt))::\(label)", "\(DataTypeInfo.name(dt)) with \(what): it handles no CS, so #CS MUST be 0 and the map type the Empty map.",
                  refs: [dt < 16 ? (dt == 13 ? "RFC 6043 §4.2.1.5" : "RFC 6043 §4.2.1.1") : (dt == 18 ? "RFC 6043 §4.2.3.5" : "RFC 6043 §4.2.3.1"), "RFC 4563 §5"],
                  flags: ["model-mutation", "rfc6043-empty-map-request"] + (label.hasPrefix("empty-map") ? ["ambiguity-05-empty-map-info"] : [])) { g in
                .invalid(try g.clean(dt).with { $0.header.csIDMap = map(g) }, [R.ticketRequestMap])
            }
        }
        for (n, label) in [(0, "0"), (2, "2")] {
            s.add("transfer-resp::policy-count-\(label)", "TRANSFER_RESP whose CS has #P = \(n): in responses #P SHALL be exactly 1.", refs: ["RFC 6043 §6.1.1", "RFC 6043 §4.2.2.3"], flags: ["model-mutation"]) { g in
                .invalid(g.transferResp(entries: [GenericIDMapEntry(csID: 1, protType: .srtp, policies: Array(repeating: 0, count: n), sessionData: g.ssrc(), spi: g.bytes(4))]), [R.responsePolicyCount])
            }
        }
        s.add("transfer-resp::no-spi", "TRANSFER_RESP whose CS has no SPI: it MUST be provided in the response.", refs: ["RFC 6043 §6.1.1"], flags: ["model-mutation"]) { g in
            .invalid(g.transferResp(entries: [GenericIDMapEntry(csID: 1, protType: .srtp, policies: [0], sessionData: g.ssrc())]), [R.responseSPI])
        }
        s.add("transfer-resp::no-session-data", "TRANSFER_RESP whose SRTP CS has no Session Data: it MUST be provided in the response.", refs: ["RFC 6043 §6.1.1"], flags: ["model-mutation"]) { g in
            .invalid(g.transferResp(entries: [GenericIDMapEntry(csID: 1, protType: .srtp, policies: [0], spi: g.bytes(4))]), [R.responseSessionData])
        }
        s.add("transfer-resp::bare-cs", "TRANSFER_RESP whose CS has #P 0, no Session Data and no SPI: three response rules fail.", refs: ["RFC 6043 §6.1.1"], flags: ["model-mutation"]) { g in
            .invalid(g.transferResp(entries: [GenericIDMapEntry(csID: 1, protType: .srtp)]), [R.responsePolicyCount, R.responseSPI, R.responseSessionData])
        }
        s.add("request-init-psk::id-payload", "REQUEST_INIT_PSK identifying the Initiator with an RFC 3830 ID payload instead of IDRi.", refs: ["RFC 6043 §6.6"], flags: ["model-mutation"]) { g in
            .invalid(try g.requestInitPSK().with { $0.payloads[2] = g.id(Fixtures.alice) }, [R.ticketIDPayload])
        }
        s.add("resolve-resp::id-payload", "RESOLVE_RESP with an ID payload.", refs: ["RFC 6043 §6.6"], flags: ["model-mutation"]) { g in
            .invalid(g.resolveResp().with { $0.payloads.insert(g.id(Fixtures.bob), before: .verification) }, [R.ticketIDPayload])
        }
        let roles: [(UInt8, RANDRole, String)] = [(11, .responder, "RANDRr"), (12, .kms, "RANDRkms"), (14, .responder, "RANDRr"), (16, .initiator, "RANDRi"), (17, .kms, "RANDRkms")]
        for (dt, role, name) in roles {
            s.add("\(DataTypeInfo.slug(dt))::randr-role-\(role.rawValue)", "\(DataTypeInfo.name(dt)) whose RANDR is \(name) instead of the \(dt == 16 || dt == 17 ? "RANDRr" : "RANDRi") it MUST carry.",
                  refs: [DataTypeInfo.ref(dt), "RFC 6043 §6.8"], flags: ["model-mutation"]) { g in
                .invalid(try g.clean(dt).with { $0.payloads.replaceFirst(.randRole, with: g.randr(role)) }, [R.randrRole])
            }
        }
        s.add("request-init-psk::randr-role-unassigned", "RANDR with role 9 (not assigned) in REQUEST_INIT_PSK.", refs: ["RFC 6043 §6.8", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            .invalid(try g.requestInitPSK().with { $0.payloads.replaceFirst(.randRole, with: g.randr(RANDRole(rawValue: 9))) }, [R.randrRole])
        }
        s.add("transfer-resp::randr-role-private-use", "TRANSFER_RESP with a RANDR of role 245 (private use) besides RANDRr.", refs: ["RFC 6043 §6.8", "RFC 6309 §2"], flags: ["private-use"]) { g in
            .valid(g.transferResp().with { $0.payloads.insert(g.randr(RANDRole(rawValue: 245)), before: .verification) }, infos: [R.registryPrivateUse])
        }
        s.add("request-init-psk::randr-empty", "REQUEST_INIT_PSK whose RANDRi is empty.", refs: ["RFC 6043 §6.8", "RFC 3830 §6.11"], flags: ["bug-shape-rand-empty"]) { g in
            .invalid(try g.requestInitPSK().with { $0.payloads.replaceFirst(.randRole, with: g.randr(.initiator, 0)) }, [R.randEmpty])
        }
        s.add("request-init-psk::randr-short", "REQUEST_INIT_PSK whose RANDRi is 8 bytes.", refs: ["RFC 6043 §6.8", "RFC 3830 §6.11"]) { g in
            .acceptable(try g.requestInitPSK().with { $0.payloads.replaceFirst(.randRole, with: g.randr(.initiator, 8)) }, [R.randShort])
        }
        s.add("transfer-init::kemac-keydata-without-spi", "TRANSFER_INIT KEMAC (NULL) whose TEK has no SPI: every key in MIKEY-TICKET needs one.",
              refs: ["RFC 6043 §6.2.1"], flags: ["model-mutation"]) { g in
            let m = try g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union(.l))).with {
                $0.payloads.insert(.kemac(try g.clearTicketKEMAC([g.keyData(.tek, spi: false)])), before: .verification)
            }
            return .invalid(m, [R.keyDataSPI])
        }
        s.add("request-resp::ticket-key-without-spi", "Base ticket KEMAC (in clear) holding an MPK with KV Null.", refs: ["RFC 6043 §6.2.1", "RFC 6043 Appendix A.1"], flags: ["model-mutation"]) { g in
            .invalid(g.requestResp(ticket: g.ticket(data: g.baseTicket(kemac: try g.clearTicketKEMAC([g.keyData(.mpk, spi: false)])))), [R.keyDataSPI])
        }
        s.add("request-resp::ticket-keys-with-spi", "Base ticket KEMAC (in clear) holding an MPK and a TGK, each with an SPI.", refs: ["RFC 6043 §6.2.1", "RFC 6043 Appendix A.1"]) { g in
            .valid(g.requestResp(ticket: g.ticket(data: g.baseTicket(kemac: try g.clearTicketKEMAC([g.keyData(.mpk), g.tgk()])))))
        }
        // KMS responses: the KEMAC SHALL use the NULL authentication algorithm (§4.2.1.5, §4.2.3.5).
        for (dt, mac) in [(UInt8(13), MACAlgorithm.hmacSHA1_160), (18, .hmacSHA256_256)] {
            s.add("\(DataTypeInfo.slug(dt))::kemac-mac-\(mac == .hmacSHA1_160 ? "hmac-sha-1" : "hmac-sha-256")",
                  "\(DataTypeInfo.name(dt)) whose KEMAC carries an \(mac.name ?? "") MAC: it SHALL use the NULL authentication algorithm, the V payload carries the MAC.",
                  refs: [DataTypeInfo.ref(dt)], flags: ["model-mutation"]) { g in
                .invalid(try g.clean(dt).with { $0.payloads.replaceFirst(.kemac, with: .kemac(g.opaqueKEMAC(encr: .aesCM128, mac: mac, length: 40))) }, [R.responseKEMACNullMAC])
            }
        }
        // TP Data = First Payload, …, (IDRr): at least one IDRr, desired and granted (§6.10).
        s.add("request-init-psk::tp-without-idrr", "Desired Ticket Policy listing IDRkms, IDRi, TRs, TRe and a KEMAC but no IDRr.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            var d = try g.desiredTPData()
            d.removeLast()
            return .invalid(try g.requestInitPSK(tpData: d), [R.tpMissingIDRr])
        }
        s.add("request-init-psk::tp-idri-not-idrr", "Desired Ticket Policy whose last IDR has role IDRi instead of IDRr.", refs: ["RFC 6043 §6.10", "RFC 6043 §6.6"], flags: ["model-mutation"]) { g in
            var d = try g.desiredTPData()
            d[d.count - 1] = g.idr(.initiator, Fixtures.bob)
            return .invalid(try g.requestInitPSK(tpData: d), [R.tpMissingIDRr])
        }
        s.add("request-resp::granted-without-idrr", "Granted Ticket Policy (TICKET) without IDRr: the granted TP Data, like the desired one, ends with (IDRr), one or more.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            var d = g.grantedTPData()
            d.removeAll(.idRole)
            return .invalid(g.requestResp(ticket: g.ticket(tpData: d)), [R.tpMissingIDRr])
        }
        s.add("transfer-init::granted-without-idrr", "TRANSFER_INIT whose ticket's granted policy has no IDRr.", refs: ["RFC 6043 §6.10", "RFC 6043 §4.2.2.1"], flags: ["model-mutation"]) { g in
            var d = g.grantedTPData()
            d.removeLast()
            return .invalid(g.transferInit(ticket: g.ticket(tpData: d)), [R.tpMissingIDRr])
        }
        s.add("request-resp::granted-two-idrr", "Granted Ticket Policy authorizing two responders, each in its own IDRr.", refs: ["RFC 6043 §6.10"]) { g in
            var d = g.grantedTPData()
            d.append(g.idr(.responder, Fixtures.carol))
            return .valid(g.requestResp(ticket: g.ticket(tpData: d)))
        }
        // Composition of ticket messages.
        let required: [(UInt8, PayloadType)] = [(11, .randRole), (11, .ticketPolicy), (11, .verification), (12, .pke), (13, .ticket), (13, .kemac),
                                                (14, .randRole), (14, .ticket), (14, .timestamp), (16, .ticket), (17, .sign), (18, .kemac)]
        for (dt, t) in required {
            let name = (PayloadType.names[t.rawValue] ?? "\(t.rawValue)").lowercased()
            s.add("\(DataTypeInfo.slug(dt))::missing-\(name)", "\(DataTypeInfo.name(dt)) without its mandatory \(PayloadType.names[t.rawValue] ?? "") payload.",
                  refs: [DataTypeInfo.ref(dt)], flags: ["model-mutation"]) { g in
                .invalid(try g.clean(dt).with { $0.payloads.removeAll(t) }, [R.missingPayload])
            }
        }
        s.add("request-resp::two-tickets", "REQUEST_RESP with two TICKET payloads.", refs: ["RFC 6043 §4.2.1.5"], flags: ["model-mutation"]) { g in
            .invalid(g.requestResp().with { $0.payloads.insert(.ticket(g.ticket()), before: .kemac) }, [R.tooManyPayloads])
        }
        s.add("transfer-init::v-not-last", "TRANSFER_INIT with the TICKET after the V payload.", refs: ["RFC 6043 §4.2.2.1", "RFC 3830 §5.2"], flags: ["model-mutation"]) { g in
            .invalid(g.transferInit().with { m in
                let t = m.payloads.remove(at: m.index(of: .ticket)!)
                m.payloads.append(t)
            }, [R.lastPayload])
        }
        s.add("resolve-init-psk::ticket-before-randr", "RESOLVE_INIT_PSK with the TICKET before RANDRr.", refs: ["RFC 6043 §4.2.3"], flags: ["model-mutation"]) { g in
            .acceptable(g.resolveInitPSK().with { m in
                let t = m.payloads.remove(at: m.index(of: .ticket)!)
                m.payloads.insert(t, at: 1)
            }, [R.payloadOrder])
        }
        s.add("request-resp::unexpected-rand", "REQUEST_RESP carrying an RFC 3830 RAND payload (receivers ignore it).", refs: ["RFC 6043 §4.2.1.6"], flags: ["model-mutation"]) { g in
            .acceptable(g.requestResp().with { $0.payloads.insert(g.rand(), before: .ticket) }, [R.unexpectedPayload])
        }
    }

    // MARK: Ticket Policy (RFC 6043 §6.10)

    /// A REQUEST_INIT_PSK with desired `flags` (TP) and a REQUEST_RESP with
    /// granted `flags` (TICKET), for the flag implication rules.
    static func flagCase(_ s: VectorSet, _ name: String, _ what: String, _ flags: TicketFlags, _ errors: [MIKEYRule], initiatorData: Bool = false) {
        s.add("request-init-psk::tp-flags-\(name)", "Desired Ticket Policy with flags \(flags.letterString): \(what).", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(try g.requestInitPSK(flags: flags), errors)
        }
        s.add("request-resp::ticket-flags-\(name)", "Granted Ticket Policy with flags \(flags.letterString): \(what).", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(g.requestResp(ticket: g.ticket(flags, initiatorData: initiatorData || flags.contains(.i) ? g.forkingInitiatorData() : [])), errors)
        }
    }

    static func policies(_ s: VectorSet) {
        flagCase(s, "not-d-not-l", "NOT D implies L", [.f, .g, .h, .n, .o], [R.flagNotDImpliesL])
        flagCase(s, "g-without-f", "G implies F", [.d, .g, .h, .n, .o], [R.flagGImpliesF])
        flagCase(s, "neither-g-nor-h", "NOT G implies H and NOT H implies G", [.d, .f, .n, .o], [R.flagGOrH])
        flagCase(s, "i-without-e", "I implies E", [.d, .f, .g, .h, .i, .n, .o], [R.flagIImpliesE])
        flagCase(s, "m-without-f", "M implies F", [.d, .h, .m, .n, .o], [R.flagMImpliesF])
        s.add("request-resp::ticket-flags-k-without-d", "Granted Ticket Policy with flags FGHKLNO: K implies D.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(g.requestResp(ticket: g.ticket([.f, .g, .h, .k, .l, .n, .o])), [R.flagKImpliesD])
        }
        s.add("request-init-psk::tp-flags-k-without-d", "Desired Ticket Policy with K = 1 and D = 0: K implies D, and K SHALL be 0 in TP.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(try g.requestInitPSK(flags: [.f, .g, .h, .k, .l, .n, .o]), [R.flagKImpliesD])
        }
        s.add("request-init-psk::tp-k-flag", "Desired Ticket Policy with K = 1 (and D = 1): K SHALL be set to 0 by the Initiator.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .acceptable(try g.requestInitPSK(flags: Fixtures.standardFlags.union(.k)), [R.tpKFlag])
        }
        s.add("request-init-psk::tp-flags-all-implications", "Desired policy with D, E, F, G, H, I, J, L, M, N, O set: every implication holds.", refs: ["RFC 6043 §6.10"]) { g in
            .valid(try g.requestInitPSK(flags: [.d, .e, .f, .g, .h, .i, .j, .l, .m, .n, .o]))
        }
        s.add("request-init-psk::tp-flags-not-d-with-l", "Desired policy generated by the Initiator (D = 0) with L = 1.", refs: ["RFC 6043 §6.10"]) { g in
            .valid(try g.requestInitPSK(flags: [.h, .l, .n, .o]))
        }
        s.add("request-init-psk::tp-reserved", "Ticket Policy Res bits are 10001.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .acceptable(try g.requestInitPSK().with { m in
                if let i = m.index(of: .ticketPolicy), case .ticketPolicy(var tp) = m.payloads[i] { tp.policy.reserved = 0x11; m.payloads[i] = .ticketPolicy(tp) }
            }, [R.tpReserved])
        }
        s.add("request-resp::ticket-reserved", "Granted policy Res bits are 00001.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            var t = g.ticket()
            t.policy.reserved = 1
            return .acceptable(g.requestResp(ticket: t), [R.tpReserved])
        }
        for (label, encr, mac) in [("encrypted", EncryptionAlgorithm.aesCM128, MACAlgorithm.null), ("mac", .null, .hmacSHA1_160)] {
            s.add("request-init-psk::tp-kemac-\(label)", "TP Data KEMAC with Encr alg \(encr.rawValue) / MAC alg \(mac.rawValue): it SHALL use NULL and NULL.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
                var d = try g.desiredTPData()
                let zero = KeyDataPayload(type: .tgk, keyData: [UInt8](repeating: 0, count: 16))
                var k = try KEMACPayload.clear(keyData: [zero], macAlgorithm: mac)
                k.encryptionAlgorithm = encr
                d[4] = .kemac(k)
                return .invalid(try g.requestInitPSK(tpData: d), [R.tpKEMACNotNull])
            }
        }
        s.add("request-resp::granted-kemac", "Granted policy (TICKET) whose TP Data still holds the desired KEMAC.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(g.requestResp(ticket: g.ticket(tpData: try g.desiredTPData())), [R.tpKEMACInGranted])
        }
        s.add("request-init-psk::tp-trr-ntp-utc", "TRr of TS type NTP-UTC (8 bytes): TRr SHALL be NTP-UTC-32.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            var d = try g.desiredTPData()
            d.insert(.timestampRole(TimestampRolePayload(role: .rekeyInterval, tsType: .ntpUTC, value: [0, 0, 0x0e, 0x10, 0, 0, 0, 0])), at: 4)
            return .invalid(try g.requestInitPSK(tpData: d), [R.tpTRrType])
        }
        s.add("request-init-psk::tp-tr-role-unassigned", "TR payload in TP Data with TS Role 7 (not assigned).", refs: ["RFC 6043 §6.4", "RFC 6309 §2"], flags: ["unknown-code-point"]) { g in
            var d = try g.desiredTPData()
            d.insert(.timestampRole(TimestampRolePayload(role: TimestampRole(rawValue: 7), tsType: .ntpUTC32, value: g.ntpUTC32Value())), at: 4)
            return .acceptable(try g.requestInitPSK(tpData: d), [R.registryUnassigned])
        }
        for (label, p) in [("rand", { (g: Fixtures) in g.rand() }), ("timestamp", { (g: Fixtures) in g.t() })] {
            s.add("request-init-psk::tp-unexpected-\(label)", "TP Data carrying a \(label == "rand" ? "RAND" : "T") payload, which its definition does not list (ignored).",
                  refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
                var d = try g.desiredTPData()
                d.insert(p(g), at: 2)
                return .acceptable(try g.requestInitPSK(tpData: d), [R.tpUnexpected])
            }
        }
    }

    // MARK: TICKET (RFC 6043 §6.10, Appendix A)

    static func tickets(_ s: VectorSet) {
        s.add("request-resp::ticket-flags-i-tgk-without-f", "Key forking (I = 1, E = 1) with a TGK in the ticket but F = 0: F SHALL be 1.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            let b = g.baseTicket(kemac: try g.clearTicketKEMAC([g.keyData(.mpk), g.tgk()]))
            return .invalid(g.requestResp(ticket: g.ticket([.d, .e, .h, .i, .n, .o], data: b, initiatorData: g.forkingInitiatorData())), [R.flagIWithTGKImpliesF])
        }
        s.add("request-resp::forking-mpk-only-f0", "Key forking with only an MPK in the ticket: F may be 0.", refs: ["RFC 6043 §6.10"]) { g in
            let b = g.baseTicket(kemac: try g.clearTicketKEMAC([g.keyData(.mpk)]))
            return .valid(g.requestResp(ticket: g.ticket([.d, .e, .h, .i, .n, .o], data: b, initiatorData: g.forkingInitiatorData())))
        }
        s.add("transfer-init::forking-without-initiator-data", "I = 1 but the TICKET has no Initiator Data.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]))), [R.initiatorDataPresence])
        }
        s.add("transfer-init::initiator-data-without-forking", "Initiator Data present although I = 0.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
            .invalid(g.transferInit(ticket: g.ticket(initiatorData: g.forkingInitiatorData())), [R.initiatorDataPresence])
        }
        let shapes: [(String, String, (Fixtures) -> [Payload])] = [
            ("vi-only", "Vi only", { g in [g.v()] }),
            ("three-v", "Vi, Vr and a third V", { g in [g.v(), g.v(), g.v()] }),
            ("rand-v", "RAND, V", { g in [g.rand(), g.v()] }),
        ]
        for (label, what, data) in shapes {
            s.add("transfer-init::initiator-data-\(label)", "Initiator Data holding \(what); it SHALL be First Payload, Vi, Vr.", refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
                .invalid(g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]), initiatorData: data(g))), [R.initiatorDataShape])
            }
        }
        let bases: [(String, String, (Fixtures) -> BaseTicket)] = [
            ("missing-v", "without its V payload", { g in var b = g.baseTicket(); b.payloads.removeAll(.verification); return b }),
            ("missing-t", "without its T payload", { g in var b = g.baseTicket(); b.payloads.removeAll(.timestamp); return b }),
            ("rand-before-t", "with RAND before T", { g in var b = g.baseTicket(); b.payloads.swapAt(0, 1); return b }),
            ("extra-rand", "with a second RAND", { g in var b = g.baseTicket(); b.payloads.insert(g.rand(), at: 2); return b }),
        ]
        for (label, what, base) in bases {
            s.add("request-resp::base-ticket-\(label)", "MIKEY base ticket data \(what): it SHALL be THDR, T, RAND, KEMAC, [IDRpsk], V.",
                  refs: ["RFC 6043 Appendix A"], flags: ["model-mutation"]) { g in
                .invalid(g.requestResp(ticket: g.ticket(data: base(g))), [R.baseTicketShape])
            }
        }
        s.add("request-resp::base-ticket-general-extension", "MIKEY base ticket data with a General Extension after RAND (unexpected payloads are ignored).",
              refs: ["RFC 6043 Appendix A"], flags: ["peer-gstreamer-loop"]) { g in
            var b = g.baseTicket()
            b.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .vendorID, data: g.bytes(3))), at: 2)
            return .valid(g.requestResp(ticket: g.ticket(data: b)))
        }
        s.add("request-resp::base-ticket-kemac-mac", "Base ticket KEMAC with HMAC-SHA-1: it SHALL use the NULL authentication algorithm.", refs: ["RFC 6043 Appendix A.1"], flags: ["model-mutation"]) { g in
            .invalid(g.requestResp(ticket: g.ticket(data: g.baseTicket(kemac: g.opaqueKEMAC(encr: .aesCM128, mac: .hmacSHA1_160)))), [R.baseTicketKEMACMAC])
        }
        for (label, sub, ver) in [("subtype-2", UInt8(2), UInt8(1)), ("version-2", 1, 2)] {
            s.add("request-resp::base-ticket-\(label)", "Ticket Type 1 with Subtype \(sub) and Version \(ver): the MIKEY base ticket is Subtype 1, Version 1.",
                  refs: ["RFC 6043 §6.10"], flags: ["model-mutation"]) { g in
                var t = g.ticket()
                t.policy.subtype = sub
                t.policy.version = ver
                return .acceptable(g.requestResp(ticket: t), [R.baseTicketVersion])
            }
        }
        s.add("resolve-init-psk::forking-ticket", "RESOLVE_INIT_PSK forwarding a forking ticket (I = 1, E = 1, Initiator Data Vi, Vr).", refs: ["RFC 6043 §4.2.3.2", "RFC 6043 §6.10"]) { g in
            .valid(g.resolveInitPSK(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData())))
        }
    }
}
