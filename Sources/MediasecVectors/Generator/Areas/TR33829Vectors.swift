import MediasecCore
import MIKEY

/// `Vectors/mikey/tr33829.json`: the TR 33.829 extensions at the suite's
/// default code points (FACTS.md §1) — Annex A (Prot Types), C (3GPP IMS
/// CONF extension), D (TLS crypto sessions), E (PSK/MIME profile), F
/// (proof-of-origin extension) — and the same bytes under other code-point
/// profiles.
enum TR33829Vectors {
    typealias R = MIKEYRules
    static let cp = CodePointProfile.default

    static func build(_ s: VectorSet) {
        annexD(s)
        annexA(s)
        annexC(s)
        annexE(s)
        annexF(s)
    }

    // MARK: helpers

    static func tls(cs: UInt8 = 1, s: Bool = false, policies: [UInt8] = [], sessionData: [UInt8] = [], spi: [UInt8]) -> GenericIDMapEntry {
        GenericIDMapEntry(csID: cs, protType: cp.protTypeTLS, sFlag: s, policies: policies, sessionData: sessionData, spi: spi)
    }

    static func emptySP(_ no: UInt8, _ prot: ProtType) -> Payload {
        .securityPolicy(SecurityPolicyPayload(policyNumber: no, protType: prot, parameters: []))
    }

    /// TRANSFER_INIT for an MSRP (TCP/TLS/MSRP) session: one TLS CS, no SP.
    static func tlsTransferInit(_ g: Fixtures, entries: [GenericIDMapEntry]? = nil) -> MIKEYMessage {
        g.transferInit(entries: entries ?? [tls(spi: g.bytes(4))], sp: false)
    }

    static func participants(_ uris: [String]) throws -> Payload {
        .generalExtension(try GeneralExtensionPayload.imsConference(participants: uris.map { IDPayload(uri: $0) }, profile: cp))
    }

    static func conferenceTransferInit(_ g: Fixtures, _ ext: Payload) -> MIKEYMessage {
        g.transferInit().with { $0.payloads.insert(ext, before: .verification) }
    }

    /// TR 33.829 Annex E ticket flags: D (KMS), H (NOT G), L (Initiator keys),
    /// N, O; F = G = I = 0.
    static let pskMimeFlags: TicketFlags = [.d, .h, .l, .n, .o]

    /// Annex E TRANSFER_INIT: one PSK/MIME CS (#P 0, no Session Data, no SPI),
    /// V = 0, a TICKET whose base-ticket KEMAC (in clear) holds only the MPK,
    /// IDRapp "PSK/MIME" in the policy, and the TEK in an (encrypted) KEMAC.
    static func pskMime(_ g: Fixtures, flags: TicketFlags = pskMimeFlags, ticketKeys: [KeyDataPayload]? = nil, initiatorData: [Payload] = [],
                        entries: [GenericIDMapEntry]? = nil, kemac: KEMACPayload? = nil) throws -> MIKEYMessage {
        var tp = g.grantedTPData()
        tp.insert(g.idrBytes(.application, Array("PSK/MIME".utf8)), at: tp.count - 1)
        let base = g.baseTicket(kemac: try g.clearTicketKEMAC(ticketKeys ?? [g.keyData(.mpk)]))
        let ticket = TicketPayload(policy: g.policy(flags, tpData: tp), ticketData: .base(base), initiatorData: initiatorData)
        var m = g.transferInit(ticket: ticket, entries: entries ?? [GenericIDMapEntry(csID: 1, protType: cp.protTypePSKMIME)], sp: false)
        m.header.verifyFlag = false
        m.payloads.insert(.kemac(kemac ?? g.opaqueKEMAC(encr: .aesCM128, mac: .null, length: 40)), before: .verification)
        return m
    }

    /// Annex E with proof-of-origin (Annex F): forking (I, E) with Initiator
    /// Data Vi, Vr, and the extension holding `proof`.
    static func proofOfOrigin(_ g: Fixtures, _ proof: [UInt8], flags: TicketFlags = pskMimeFlags.union([.e, .i]), initiatorData: Bool = true) throws -> MIKEYMessage {
        try pskMime(g, flags: flags, initiatorData: initiatorData ? g.forkingInitiatorData() : []).with {
            $0.payloads.insert(.generalExtension(GeneralExtensionPayload.proofOfOrigin(proof, profile: cp)), before: .verification)
        }
    }

    // MARK: Annex D — TLS

    static func annexD(_ s: VectorSet) {
        let d1 = "TR 33.829 Annex D.1"
        s.add("annex-d::transfer-init-tls", "TRANSFER_INIT with one TLS CS (#P 0, no Session Data, SPI): the TLS-PSK set-up of an MSRP session. #P = 0 here forces a response that breaks RFC 6043 or the TR.",
              refs: [d1, "TR 33.829 Annex D.3", "RFC 6043 §6.1.1"], flags: ["tr-code-points", "ambiguity-11-tls-policy-count"]) { g in
            .acceptable(tlsTransferInit(g), [R.trTLSRFC6043Conflict])
        }
        s.add("annex-d::transfer-init-tls-and-srtp", "TRANSFER_INIT with a TLS CS (MSRP) and an SRTP CS (audio).",
              refs: [d1, "RFC 6043 §6.1.1"], flags: ["tr-code-points", "ambiguity-11-tls-policy-count"]) { g in
            .acceptable(g.transferInit(entries: [tls(spi: g.bytes(4)), g.genericSRTP(cs: 2)]), [R.trTLSRFC6043Conflict])
        }
        s.add("annex-d::transfer-init-tls-rfc6043-profile", "The TLS TRANSFER_INIT validated with profiles rfc3830 + rfc6043 only: #P = 0 is fine in an initial message.",
              refs: ["RFC 6043 §6.1.1", d1], flags: ["tr-code-points", "profile-selection", "ambiguity-11-tls-policy-count"]) { g in
            .valid(tlsTransferInit(g)).profiles([.rfc3830, .rfc6043])
        }
        s.add("annex-d::transfer-init-tls-empty-spi", "TLS CS with SPI Length 0 ('can be set arbitrarily').", refs: [d1], flags: ["tr-code-points", "ambiguity-11-tls-policy-count", "boundary-length"]) { g in
            .acceptable(tlsTransferInit(g, entries: [tls(spi: [])]), [R.trTLSRFC6043Conflict])
        }
        s.add("annex-d::transfer-resp-tls-p0", "TRANSFER_RESP whose TLS CS keeps #P = 0: the TR's rule against RFC 6043's 'exactly 1 in responses'.",
              refs: [d1, "RFC 6043 §6.1.1"], flags: ["tr-code-points", "ambiguity-11-tls-policy-count"]) { g in
            .acceptable(g.transferResp(entries: [tls(spi: g.bytes(4))]), [R.trTLSRFC6043Conflict])
        }
        s.add("annex-d::transfer-resp-tls-p0-rfc6043-profile", "The same TRANSFER_RESP with profiles rfc3830 + rfc6043 only: RFC 6043's rule applies.",
              refs: ["RFC 6043 §6.1.1", d1], flags: ["tr-code-points", "profile-selection", "ambiguity-11-tls-policy-count"]) { g in
            .invalid(g.transferResp(entries: [tls(spi: g.bytes(4))]), [R.responsePolicyCount]).profiles([.rfc3830, .rfc6043])
        }
        s.add("annex-d::transfer-resp-tls-dummy-policy", "TRANSFER_RESP whose TLS CS names a 'dummy' TLS Security Policy without parameters (the editor's note's second option).",
              refs: [d1, "RFC 6043 §6.1.1"], flags: ["tr-code-points", "ambiguity-11-tls-policy-count"]) { g in
            .valid(g.transferResp(entries: [tls(policies: [1], spi: g.bytes(4))]).with { $0.payloads.insert(emptySP(1, cp.protTypeTLS), before: .verification) })
        }
        s.add("annex-d::tls-s-flag", "TLS CS with S = 1: 'must be set to 0, but shall be ignored by the receiver'.",
              refs: [d1], flags: ["tr-code-points", "ambiguity-12-must-be-zero-but-ignored", "ambiguity-11-tls-policy-count"]) { g in
            .acceptable(tlsTransferInit(g, entries: [tls(s: true, spi: g.bytes(4))]), [R.trTLSSFlag, R.trTLSRFC6043Conflict])
        }
        s.add("annex-d::tls-policy", "TLS CS with #P = 1 naming a TLS SP in TRANSFER_INIT: #P shall be 0 for Prot Type TLS.",
              refs: [d1, "TR 33.829 Annex A.1"], flags: ["tr-code-points", "model-mutation"]) { g in
            .invalid(tlsTransferInit(g, entries: [tls(policies: [1], spi: g.bytes(4))]).with { $0.payloads.insert(emptySP(1, cp.protTypeTLS), before: .ticket) }, [R.trTLSPolicies])
        }
        s.add("annex-d::tls-session-data", "TLS CS with 4 bytes of Session Data: the length shall be 0.",
              refs: [d1], flags: ["tr-code-points", "model-mutation", "ambiguity-11-tls-policy-count"]) { g in
            .invalid(tlsTransferInit(g, entries: [tls(sessionData: g.bytes(4), spi: g.bytes(4))]), [R.trTLSSessionData])
        }
        s.add("annex-d::tls-policy-with-srtp-map", "PSK I_MESSAGE with an SRTP-ID map and an SP of Prot Type TLS: the TLS CS needs the GENERIC-ID map.",
              refs: [d1, "TR 33.829 Annex A.1"], flags: ["tr-code-points", "model-mutation"]) { g in
            .invalid(try g.pskInit().with { $0.payloads.insert(emptySP(1, cp.protTypeTLS), before: .kemac) }, [R.trTLSMapType])
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("annex-d::psk-init-tls", "RFC 3830 PSK I_MESSAGE with a GENERIC-ID TLS CS (the TR Prot Types can be used by any MIKEY mode).",
              refs: ["TR 33.829 Annex A.1", d1], flags: ["tr-code-points"]) { g in
            .valid(try g.pskInit(map: .generic([tls(spi: g.bytes(4))]), sp: false)).protected(with: MIKEYKeys(("psk", g.key())))
        }
        // The same bytes under two code-point profiles.
        let moved = CodePointProfile(protTypeTLS: ProtType(rawValue: 200))
        s.add("annex-d::tls-at-200-profile", "TLS at Prot Type 200 under a profile that assigns it there: the TLS rules apply.",
              refs: [d1, "TR 33.829 Annex A.1"], flags: ["code-point-profile", "ambiguity-11-tls-policy-count"]) { g in
            .acceptable(tlsTransferInit(g, entries: [GenericIDMapEntry(csID: 1, protType: ProtType(rawValue: 200), spi: g.bytes(4))]), [R.trTLSRFC6043Conflict]).codePoints(moved)
        }
        s.add("annex-d::tls-at-200-default-profile", "The same Prot Type 200 under the default profile: an unknown Prot Type.",
              refs: ["RFC 3830 §6.10", "RFC 6043 §6.1.1"], flags: ["code-point-profile", "unknown-code-point"]) { g in
            .acceptable(tlsTransferInit(g, entries: [GenericIDMapEntry(csID: 1, protType: ProtType(rawValue: 200), spi: g.bytes(4))]), [R.protTypeUnassigned])
        }
    }

    // MARK: Annex A — Application Specific

    static func annexA(_ s: VectorSet) {
        let a1 = "TR 33.829 Annex A.1"
        s.add("annex-a::application-specific-cs", "TRANSFER_INIT with an Application Specific CS (#P 0, SPI).", refs: [a1], flags: ["tr-code-points"]) { g in
            .valid(g.transferInit(entries: [GenericIDMapEntry(csID: 1, protType: cp.protTypeApplicationSpecific, spi: g.bytes(2))], sp: false))
        }
        s.add("annex-a::application-specific-policy", "Application Specific CS with #P = 1: security policies shall not be associated with it.",
              refs: [a1], flags: ["tr-code-points", "model-mutation"]) { g in
            .invalid(g.transferInit(entries: [GenericIDMapEntry(csID: 1, protType: cp.protTypeApplicationSpecific, policies: [4], spi: g.bytes(2))], sp: false)
                        .with { $0.payloads.insert(emptySP(4, cp.protTypeApplicationSpecific), before: .ticket) },
                     [R.trAppPolicies])
        }
        s.add("annex-a::application-specific-psk-init", "RFC 3830 PSK I_MESSAGE with an Application Specific CS and Session Data.", refs: [a1], flags: ["tr-code-points"]) { g in
            .valid(try g.pskInit(map: .generic([GenericIDMapEntry(csID: 7, protType: cp.protTypeApplicationSpecific, sessionData: g.bytes(6))]), sp: false))
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("annex-a::application-specific-sp-with-srtp-map", "SP of Prot Type Application Specific in a message with an SRTP-ID map.", refs: [a1, "TR 33.829 Annex D.1"], flags: ["tr-code-points", "model-mutation"]) { g in
            .invalid(g.dhInit().with { $0.payloads.insert(emptySP(3, cp.protTypeApplicationSpecific), before: .dh) }, [R.trTLSMapType])
        }
    }

    // MARK: Annex C — 3GPP IMS CONF

    static func annexC(_ s: VectorSet) {
        let c1 = "TR 33.829 Annex C.1"
        let confFlags = ["tr-code-points", "ambiguity-09-id-vs-idr", "ambiguity-10-conf-chaining", "peer-gstreamer-loop"]
        s.add("annex-c::participants", "TRANSFER_INIT creating an ad-hoc conference: the 3GPP IMS CONF extension lists three SIP URIs (ID payloads chained 6, 6, 0).",
              refs: [c1, "TR 33.829 §5.3.3"], flags: confFlags) { g in
            .valid(conferenceTransferInit(g, try participants([Fixtures.alice, Fixtures.bob, Fixtures.carol])), infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::one-participant", "3GPP IMS CONF with a single sips: participant.", refs: [c1], flags: confFlags) { g in
            .valid(conferenceTransferInit(g, try participants(["sips:dave@example.net"])), infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::tel-participant", "3GPP IMS CONF with a tel: URI participant.", refs: [c1], flags: confFlags) { g in
            .valid(conferenceTransferInit(g, try participants([Fixtures.alice, "tel:+15551234567"])), infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::no-participants", "3GPP IMS CONF with no ID payload (the data is 'zero or more' IDs): Length 0.", refs: [c1], flags: ["tr-code-points", "boundary-length", "peer-gstreamer-loop"]) { g in
            .valid(conferenceTransferInit(g, try participants([])))
        }
        s.add("annex-c::many-participants", "3GPP IMS CONF listing 40 participants.", refs: [c1], flags: confFlags) { g in
            .valid(conferenceTransferInit(g, try participants((1...40).map { "sip:user\($0)@conf.example.com" })), infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::idr-payload", "3GPP IMS CONF data whose first ID chains to an IDR payload: the data is ID payloads only.",
              refs: [c1, "RFC 6043 §6.6"], flags: ["tr-code-points", "ambiguity-09-id-vs-idr", "model-mutation"]) { g in
            var w = ByteWriter()
            let id1 = try MIKEYMessage(header: CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 0)),
                                       payloads: [.id(IDPayload(uri: Fixtures.alice)), .idRole(IDRPayload(role: .responder, idType: .uri, data: Array(Fixtures.bob.utf8)))]).encoded()
            w.writeBytes(id1.dropFirst(10))   // the two payloads without the 10-byte HDR
            return .invalid(conferenceTransferInit(g, .generalExtension(GeneralExtensionPayload(type: cp.extensionIMSConference, data: w.bytes))), [R.trConfNotID])
        }
        s.add("annex-c::rand-payload", "3GPP IMS CONF data whose ID chains to a RAND payload.", refs: [c1], flags: ["tr-code-points", "model-mutation"]) { g in
            let bytes = try MIKEYMessage(header: CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 0)),
                                         payloads: [.id(IDPayload(uri: Fixtures.alice)), g.rand()]).encoded()
            return .invalid(conferenceTransferInit(g, .generalExtension(GeneralExtensionPayload(type: cp.extensionIMSConference, data: Array(bytes.dropFirst(10))))), [R.trConfNotID])
        }
        s.add("annex-c::each-next-payload-0", "3GPP IMS CONF data where every ID payload has Next Payload 0 (an alternative reading of C.1): the first ID ends the chain, the rest is left over.",
              refs: [c1], flags: ["tr-code-points", "ambiguity-10-conf-chaining", "byte-corruption"]) { g in
            var data: [UInt8] = []
            for u in [Fixtures.alice, Fixtures.bob] {
                data += [0, IDType.uri.rawValue, 0, UInt8(u.utf8.count)] + Array(u.utf8)
            }
            return .invalid(conferenceTransferInit(g, .generalExtension(GeneralExtensionPayload(type: cp.extensionIMSConference, data: data))), [R.trConfMalformed])
        }
        s.add("annex-c::last-next-payload-outer", "3GPP IMS CONF data whose last ID names the next payload of the message (V, 9) instead of 0.",
              refs: [c1], flags: ["tr-code-points", "ambiguity-10-conf-chaining", "byte-corruption"]) { g in
            let u = Fixtures.alice
            let data: [UInt8] = [PayloadType.verification.rawValue, IDType.uri.rawValue, 0, UInt8(u.utf8.count)] + Array(u.utf8)
            return .invalid(conferenceTransferInit(g, .generalExtension(GeneralExtensionPayload(type: cp.extensionIMSConference, data: data))), [R.trConfMalformed])
        }
        s.add("annex-c::truncated-id", "3GPP IMS CONF data whose ID len runs past the extension data.", refs: [c1], flags: ["tr-code-points", "byte-corruption"]) { g in
            let data: [UInt8] = [0, IDType.uri.rawValue, 0, 40] + Array(Fixtures.alice.utf8)
            return .invalid(conferenceTransferInit(g, .generalExtension(GeneralExtensionPayload(type: cp.extensionIMSConference, data: data))), [R.trConfMalformed])
        }
        s.add("annex-c::nai-participant", "3GPP IMS CONF participant given as an NAI (ID type 0) instead of a SIP URI.", refs: [c1, "TR 33.829 §5.3.3"], flags: confFlags) { g in
            let ext = try GeneralExtensionPayload.imsConference(participants: [IDPayload(uri: Fixtures.alice), IDPayload(idType: .nai, data: Array("bob@example.com".utf8))], profile: cp)
            return .acceptable(conferenceTransferInit(g, .generalExtension(ext)), [R.trConfIDType], infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::https-participant", "3GPP IMS CONF participant with an https: URI (not sip/sips/tel).", refs: [c1], flags: confFlags) { g in
            .acceptable(conferenceTransferInit(g, try participants([Fixtures.alice, "https://bob.example.com/"])), [R.trConfIDType], infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::duplicate-participant", "3GPP IMS CONF listing the same participant twice.", refs: [c1], flags: confFlags) { g in
            .acceptable(conferenceTransferInit(g, try participants([Fixtures.alice, Fixtures.bob, Fixtures.alice])), [R.trConfDuplicate], infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::in-transfer-resp", "3GPP IMS CONF in a TRANSFER_RESP (the participant list is sent in TRANSFER_INIT).", refs: ["TR 33.829 Annex C", "TR 33.829 §5.3.3"], flags: confFlags) { g in
            .acceptable(try g.transferResp().with { $0.payloads.insert(try participants([Fixtures.alice]), before: .verification) }, [R.trConfDataType], infos: [R.trConfIDvsIDR])
        }
        s.add("annex-c::in-psk-init", "3GPP IMS CONF in an RFC 3830 PSK I_MESSAGE.", refs: ["TR 33.829 Annex C"], flags: confFlags) { g in
            .acceptable(try g.pskInit().with { $0.payloads.insert(try participants([Fixtures.bob]), before: .kemac) }, [R.trConfDataType], infos: [R.trConfIDvsIDR])
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("annex-c::after-v", "3GPP IMS CONF after the V payload: it would not be integrity protected.", refs: [c1, "RFC 6043 §4.2.2.1", "RFC 3830 §5.2"], flags: ["tr-code-points", "model-mutation"]) { g in
            .invalid(try g.transferInit().with { $0.payloads.append(try participants([Fixtures.alice])) }, [R.lastPayload])
        }
        let moved = CodePointProfile(extensionIMSConference: GeneralExtensionType(rawValue: 200))
        s.add("annex-c::conf-at-200-profile", "3GPP IMS CONF at General Extension type 200 under a profile that assigns it there.", refs: [c1], flags: ["code-point-profile", "ambiguity-09-id-vs-idr"]) { g in
            let ext = try GeneralExtensionPayload.imsConference(participants: [IDPayload(uri: Fixtures.alice)], profile: moved)
            return .valid(conferenceTransferInit(g, .generalExtension(ext)), infos: [R.trConfIDvsIDR]).codePoints(moved)
        }
        s.add("annex-c::conf-at-200-default-profile", "The same General Extension type 200 under the default profile: an unassigned type with opaque data.",
              refs: ["RFC 3830 §6.15", "RFC 6309 §2"], flags: ["code-point-profile", "unknown-code-point"]) { g in
            let ext = try GeneralExtensionPayload.imsConference(participants: [IDPayload(uri: Fixtures.alice)], profile: moved)
            return .acceptable(conferenceTransferInit(g, .generalExtension(ext)), [R.registryUnassigned])
        }
    }

    // MARK: Annex E — PSK/MIME

    static func annexE(_ s: VectorSet) {
        let e = "TR 33.829 Annex E"
        let f = ["tr-code-points"]
        s.add("annex-e::transfer-init", "The Annex E TRANSFER_INIT: one PSK/MIME CS (#P 0, no Session Data, no SPI), V = 0, F = G = I = 0, L = 1, MPK-only ticket, the TEK in a KEMAC.",
              refs: [e, "TR 33.829 Annex B.3"], flags: f) { g in .valid(try pskMime(g)) }
        s.add("annex-e::tek-in-clear", "Annex E TRANSFER_INIT whose KEMAC carries the TEK (with SPI) in clear.", refs: [e, "RFC 3830 §4.2.3"], flags: f) { g in
            .acceptable(try pskMime(g, kemac: try g.clearTicketKEMAC([g.keyData(.tek)])), [R.kemacNullEncryption])
        }
        s.add("annex-e::tek-salt", "Annex E TEK carried as TEK+SALT.", refs: [e], flags: f + ["ambiguity-13-psk-mime-ticket-keys"]) { g in
            .acceptable(try pskMime(g, kemac: try g.clearTicketKEMAC([g.keyData(.tekSalt, 16, salt: 12)])), [R.kemacNullEncryption])
        }
        s.add("annex-e::tek-validity-period", "Annex E TEK with a key validity period (KV Interval) instead of an SPI: RFC 6043 §6.2.1 requires an SPI for every key.",
              refs: [e, "RFC 6043 §6.2.1"], flags: f + ["ambiguity-13-psk-mime-ticket-keys"]) { g in
            let tek = KeyDataPayload(type: .tek, keyData: g.bytes(16), validity: .interval(validFrom: g.ntpUTC32Value(), validTo: g.ntpUTC32Value()))
            return .invalid(try pskMime(g, kemac: try g.clearTicketKEMAC([tek])), [R.keyDataSPI])
        }
        s.add("annex-e::tgk-not-tek", "Annex E KEMAC (in clear) carrying a TGK: the TEK itself shall be carried.", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, kemac: try g.clearTicketKEMAC([g.tgk()])), [R.trPSKMIMEKEMACContent])
        }
        s.add("annex-e::no-kemac", "Annex E TRANSFER_INIT without the KEMAC that carries the TEK.", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g).with { $0.payloads.removeAll(.kemac) }, [R.trPSKMIMEKEMAC])
        }
        s.add("annex-e::two-crypto-sessions", "Annex E TRANSFER_INIT with a PSK/MIME CS and an SRTP CS: the HDR shall contain a single CS.", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, entries: [GenericIDMapEntry(csID: 1, protType: cp.protTypePSKMIME), g.genericSRTP(cs: 2)]).with { $0.payloads.insert(g.sp(0), before: .ticket) },
                     [R.trPSKMIMESingleCS])
        }
        s.add("annex-e::policy", "PSK/MIME CS with #P = 1 (naming a PSK/MIME SP).", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, entries: [GenericIDMapEntry(csID: 1, protType: cp.protTypePSKMIME, policies: [2])]).with { $0.payloads.insert(emptySP(2, cp.protTypePSKMIME), before: .ticket) },
                     [R.trPSKMIMEPolicies])
        }
        s.add("annex-e::session-data", "PSK/MIME CS with Session Data.", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, entries: [GenericIDMapEntry(csID: 1, protType: cp.protTypePSKMIME, sessionData: g.bytes(3))]), [R.trPSKMIMESessionData])
        }
        s.add("annex-e::spi", "PSK/MIME CS with an SPI.", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, entries: [GenericIDMapEntry(csID: 1, protType: cp.protTypePSKMIME, spi: g.bytes(4))]), [R.trPSKMIMESPI])
        }
        s.add("annex-e::v-flag", "Annex E TRANSFER_INIT with V = 1: no answer is expected, V shall be 0.", refs: [e, "RFC 6043 §4.2.2.1"],
              flags: f + ["model-mutation", "ambiguity-12-must-be-zero-but-ignored", "rfc6043-v-agrees-with-f"]) { g in
            .invalid(try pskMime(g).with { $0.header.verifyFlag = true }, [R.trPSKMIMEVFlag, R.ticketVFlagF])
        }
        s.add("annex-e::in-psk-init", "A PSK/MIME CS in an RFC 3830 PSK I_MESSAGE: the PSK/MIME exchange is TRANSFER_INIT only.", refs: [e], flags: f + ["model-mutation"]) { g in
            .invalid(try g.pskInit(v: false, map: .generic([GenericIDMapEntry(csID: 1, protType: cp.protTypePSKMIME)]), sp: false), [R.trPSKMIMEDataType])
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("annex-e::flag-f", "Annex E ticket with F = 1 (TRANSFER_RESP requested); V stays 0 and so no longer agrees with F.",
              refs: [e, "RFC 6043 §6.10", "RFC 6043 §4.2.2.1"], flags: f + ["model-mutation", "rfc6043-v-agrees-with-f"]) { g in
            .invalid(try pskMime(g, flags: pskMimeFlags.union(.f)), [R.trPSKMIMEFlagF, R.ticketVFlagF])
        }
        s.add("annex-e::flag-g", "Annex E ticket with F = G = 1 (Responder RAND requested); V stays 0 and so no longer agrees with F.",
              refs: [e, "RFC 6043 §6.10", "RFC 6043 §4.2.2.1"], flags: f + ["model-mutation", "rfc6043-v-agrees-with-f"]) { g in
            .invalid(try pskMime(g, flags: pskMimeFlags.union([.f, .g])), [R.trPSKMIMEFlagF, R.trPSKMIMEFlagG, R.ticketVFlagF])
        }
        s.add("annex-e::flag-l", "Annex E ticket with L = 0: the Initiator SHALL NOT supply session keys, yet the TRANSFER_INIT carries the TEK in a KEMAC.",
              refs: [e, "RFC 6043 §6.10", "RFC 6043 §4.2.2.1"], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, flags: pskMimeFlags.subtracting(.l)), [R.trPSKMIMEFlagL, R.transferKEMACWithoutL])
        }
        s.add("annex-e::flag-i-without-proof", "Annex E ticket with forking (I = 1, E = 1, Initiator Data) but no proof-of-origin extension.", refs: [e, "TR 33.829 Annex F"], flags: f + ["model-mutation"]) { g in
            .invalid(try pskMime(g, flags: pskMimeFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData()), [R.trPSKMIMEFlagI])
        }
        s.add("annex-e::ticket-tek", "Annex E ticket whose KEMAC holds a TEK besides the MPK.", refs: [e], flags: f + ["ambiguity-13-psk-mime-ticket-keys", "model-mutation"]) { g in
            .invalid(try pskMime(g, ticketKeys: [g.keyData(.mpk), g.keyData(.tek)]), [R.trPSKMIMETicketKeys])
        }
        s.add("annex-e::ticket-two-mpk", "Annex E ticket whose KEMAC holds two MPKs (the ticket keys are MPKs only).", refs: [e, "RFC 6043 Appendix A.1"], flags: f + ["ambiguity-13-psk-mime-ticket-keys"]) { g in
            .valid(try pskMime(g, ticketKeys: [g.keyData(.mpk), g.keyData(.mpk)]))
        }
        let moved = CodePointProfile(protTypePSKMIME: ProtType(rawValue: 200))
        s.add("annex-e::psk-mime-at-200-profile", "PSK/MIME at Prot Type 200 under a profile that assigns it there: a clean Annex E message.", refs: [e], flags: ["code-point-profile"]) { g in
            .valid(try pskMime(g, entries: [GenericIDMapEntry(csID: 1, protType: ProtType(rawValue: 200))])).codePoints(moved)
        }
        s.add("annex-e::psk-mime-at-200-default-profile", "The same message under the default profile: Prot Type 200 is unknown and no Annex E rule applies.",
              refs: ["RFC 3830 §6.10"], flags: ["code-point-profile", "unknown-code-point"]) { g in
            .acceptable(try pskMime(g, entries: [GenericIDMapEntry(csID: 1, protType: ProtType(rawValue: 200))]), [R.protTypeUnassigned])
        }
    }

    // MARK: Annex F — proof-of-origin

    static func annexF(_ s: VectorSet) {
        let f1 = "TR 33.829 Annex F.1"
        let f = ["tr-code-points", "ambiguity-13-psk-mime-ticket-keys", "ambiguity-14-proof-of-origin-length"]
        s.add("annex-f::proof-of-origin", "Annex E TRANSFER_INIT with forking and the proof-of-origin extension holding the 16-byte AES-GCM tag of the MIME entity.",
              refs: [f1, "TR 33.829 Annex E", "TR 33.829 Annex B.3"], flags: f) { g in .valid(try proofOfOrigin(g, g.bytes(16))) }
        for n in [1, 12, 32, 64, 512] {
            s.add("annex-f::proof-length-\(n)", "Proof-of-origin data of \(n) byte(s) (the length is application specific).", refs: [f1], flags: f) { g in
                .valid(try proofOfOrigin(g, g.bytes(n)))
            }
        }
        s.add("annex-f::empty", "Proof-of-origin extension with no data.", refs: [f1], flags: f + ["boundary-length"]) { g in
            .invalid(try proofOfOrigin(g, []), [R.trProofEmpty])
        }
        s.add("annex-f::without-forking", "Proof-of-origin without forking (I = 0, no Initiator Data): the origin cannot be asserted.", refs: ["TR 33.829 Annex E", f1], flags: f + ["model-mutation"]) { g in
            .invalid(try proofOfOrigin(g, g.bytes(16), flags: pskMimeFlags, initiatorData: false), [R.trProofForking])
        }
        s.add("annex-f::forking-flag-without-initiator-data", "Proof-of-origin with I = 1 but no Initiator Data.", refs: ["TR 33.829 Annex E", "RFC 6043 §6.10"], flags: f + ["model-mutation"]) { g in
            .invalid(try proofOfOrigin(g, g.bytes(16), initiatorData: false), [R.trProofForking, R.initiatorDataPresence])
        }
        s.add("annex-f::duplicate", "Two proof-of-origin extensions.", refs: [f1], flags: f + ["model-mutation"]) { g in
            .invalid(try proofOfOrigin(g, g.bytes(16)).with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload.proofOfOrigin(g.bytes(16), profile: cp)), before: .verification) },
                     [R.trProofDuplicate])
        }
        s.add("annex-f::in-transfer-resp", "Proof-of-origin in a TRANSFER_RESP.", refs: ["TR 33.829 Annex F", "TR 33.829 Annex B.3"], flags: f) { g in
            .acceptable(g.transferResp().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload.proofOfOrigin(g.bytes(16), profile: cp)), before: .verification) }, [R.trProofDataType])
        }
        s.add("annex-f::in-psk-init", "Proof-of-origin in an RFC 3830 PSK I_MESSAGE.", refs: ["TR 33.829 Annex F"], flags: f) { g in
            .acceptable(try g.pskInit().with { $0.payloads.insert(.generalExtension(GeneralExtensionPayload.proofOfOrigin(g.bytes(20), profile: cp)), before: .kemac) }, [R.trProofDataType])
                .protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("annex-f::srtp-transfer-init", "Proof-of-origin in an SRTP TRANSFER_INIT with forking (the extension is not tied to PSK/MIME).", refs: [f1], flags: f) { g in
            .valid(g.transferInit(ticket: g.ticket(Fixtures.standardFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData())).with {
                $0.payloads.insert(.generalExtension(GeneralExtensionPayload.proofOfOrigin(g.bytes(32), profile: cp)), before: .verification)
            })
        }
        let moved = CodePointProfile(extensionProofOfOrigin: GeneralExtensionType(rawValue: 201))
        s.add("annex-f::proof-at-201-profile", "Proof-of-origin at General Extension type 201 under a profile that assigns it there; empty data is then an error.",
              refs: [f1], flags: ["code-point-profile", "ambiguity-14-proof-of-origin-length"]) { g in
            .invalid(try pskMime(g, flags: pskMimeFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData()).with {
                $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: GeneralExtensionType(rawValue: 201), data: [])), before: .verification)
            }, [R.trProofEmpty]).codePoints(moved)
        }
        s.add("annex-f::proof-at-201-default-profile", "The same bytes under the default profile: type 201 is an unassigned extension, and the forking ticket lacks its proof-of-origin.",
              refs: ["RFC 3830 §6.15", "TR 33.829 Annex E"], flags: ["code-point-profile", "unknown-code-point"]) { g in
            .invalid(try pskMime(g, flags: pskMimeFlags.union([.e, .i]), initiatorData: g.forkingInitiatorData()).with {
                $0.payloads.insert(.generalExtension(GeneralExtensionPayload(type: GeneralExtensionType(rawValue: 201), data: [])), before: .verification)
            }, [R.trPSKMIMEFlagI])
        }
    }
}
