import MediasecCore
import MIKEY
import SDP

/// 3GPP: `a=3ge2ae` (TS 24.229) and the TR 33.829 §8.3.1.2 / Annex D use
/// of key-mgmt with MIKEY-TICKET TRANSFER messages for SRTP and TLS media.
enum SDP3GPPVectors {
    typealias R = SDPRules
    typealias T = SDPText
    typealias M = SDPMIKEYData
    static let savp = "m=audio 49170 RTP/SAVP 0"
    /// A TLS crypto session has #P = 0 (TR 33.829 Annex D.1), which RFC 6043
    /// §6.1.1 does not allow (FACTS.md §10 item 11): the nested MIKEY
    /// validator's profile rule warns.
    static let policyConflict = "tr33829.d1.rfc6043-policy-conflict"

    static func msrp(_ g: inout SDPText, port: Int = 7394, session: String = "s111271") -> [String] {
        ["m=message \(port) TCP/TLS/MSRP *", "a=accept-types:text/plain", "a=path:msrps://192.0.2.10:\(port)/\(session);tcp", "a=fingerprint:sha-256 \(g.fingerprint())"]
    }

    static func build(_ s: SDPVectorSet) {
        s.add("e2ae-requested", "a=3ge2ae:requested on an RTP/SAVP stream keyed by a=crypto.", refs: ["TS 24.229", "TR 33.829 §8.3.2.4.2"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp([savp, g.crypto(), "a=3ge2ae:requested"]))
                .pinning(.object([("media", .array([.object([("attributes", .array([.object([]), .object([("e2ae", .object([("indication", .string("requested"))]))])]))])]))]))
        }
        s.add("e2ae-applied", "a=3ge2ae:applied.", refs: ["TS 24.229"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp([savp, g.crypto(), "a=3ge2ae:applied"]))
        }
        s.add("e2ae-unknown-token", "a=3ge2ae:future: other tokens are ignored (info).", refs: ["TS 24.229"], flags: ["one-change"]) { g in
            .valid(T.sdp([savp, g.crypto(), "a=3ge2ae:future"]), infos: [R.e2aeUnknownToken.c])
        }
        s.add("e2ae-session-level", "a=3ge2ae at session level.", refs: ["TS 24.229"], flags: ["one-change"]) { g in
            .invalid(T.sdp(["a=3ge2ae:requested", savp, g.crypto()]), [R.e2aeSessionLevel.c])
        }
        s.add("e2ae-unsecured-transport", "a=3ge2ae:requested on RTP/AVP (warning).", refs: ["TR 33.829 §8.3.2.4.2", "TR 33.829 §11.4"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp(["m=audio 49170 RTP/AVP 0", "a=3ge2ae:requested"]), [R.e2aeTransport.c])
        }
        s.add("e2ae-with-keymgmt", "a=3ge2ae and a=key-mgmt on one stream (warning).", refs: ["TR 33.829 §8.3.2.4.2"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([savp, try M.line(.psk), "a=3ge2ae:requested"]), [R.e2aeWithE2E.c, SDPKeyMgmtVectors.nullKEMAC])
        }
        s.add("e2ae-duplicate", "Two a=3ge2ae on one stream.", refs: ["TS 24.229", "RFC 8866 §5.13"], flags: ["one-change"]) { g in
            .invalid(T.sdp([savp, g.crypto(), "a=3ge2ae:requested", "a=3ge2ae:applied"]), [R.attributeDuplicate.c])
        }
        s.add("e2ae-syntax", "'a=3ge2ae:' with an empty value.", refs: ["TS 24.229"], flags: ["one-change"]) { g in
            .invalid(T.sdp([savp, g.crypto(), "a=3ge2ae:"]), ["sdp.3ge2ae.syntax"])
        }
        s.add("e2ae-msrp", "a=3ge2ae:requested on a TCP/TLS/MSRP stream.", refs: ["TR 33.829 §8.3.2.4.2"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(msrp(&g) + ["a=3ge2ae:requested"]))
        }
        s.add("transfer-init-srtp-offer", "An offer keyed by a TRANSFER_INIT (data type 14) for SRTP.", refs: ["TR 33.829 §8.3.1.2", "RFC 6043 §4.1"], flags: ["clean-baseline", "nested-mikey", "role"]) { _ in
            SDPVectorCase.valid(T.sdp([savp, try M.line(.transferInit)])).role(.offer)
        }
        s.add("transfer-init-tls-msrp-offer", "A TCP/TLS/MSRP offer keyed by a TRANSFER_INIT with a crypto session of Prot Type TLS.", refs: ["TR 33.829 §8.3.1.2", "TR 33.829 Annex D.3"], flags: ["clean-baseline", "nested-mikey", "role", "tr-code-points"]) { g in
            SDPVectorCase.acceptable(T.sdp(msrp(&g) + [try M.line(.transferInit, tls: true)]), [policyConflict]).role(.offer)
        }
        s.add("transfer-init-tls-missing-cs", "A TCP/TLS/MSRP stream keyed by a TRANSFER_INIT with only an SRTP crypto session.", refs: ["TR 33.829 §8.3.1.2", "TR 33.829 Annex D.3"], flags: ["one-change", "nested-mikey"]) { g in
            .invalid(T.sdp(msrp(&g) + [try M.line(.transferInit)]), [R.trTLSCSMissing.c])
        }
        s.add("transfer-mixed-levels", "TRANSFER_INIT key-mgmt at session level and in a media section (warning).", refs: ["TR 33.829 Annex D.3"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([try M.line(.transferInit, csbID: 1), savp, try M.line(.transferInit, csbID: 2)]), [R.trMixedLevels.c], infos: [R.keyMgmtMediaOverrides.c])
        }
        s.add("transfer-msrp-shared-port", "Two TCP/TLS/MSRP streams keyed by MIKEY-TICKET on one port.", refs: ["TR 33.829 §8.3.1.2"], flags: ["one-change", "nested-mikey", "tr-code-points"]) { g in
            .invalid(T.sdp([try M.line(.transferInit, tls: true)] + msrp(&g, session: "s1") + msrp(&g, session: "s2")), [R.trMSRPSharedPort.c])
        }
        s.add("transfer-msrp-two-ports", "Two TCP/TLS/MSRP streams keyed by MIKEY-TICKET on two ports.", refs: ["TR 33.829 §8.3.1.2"], flags: ["clean-baseline", "nested-mikey", "tr-code-points"]) { g in
            .acceptable(T.sdp([try M.line(.transferInit, tls: true)] + msrp(&g, session: "s1") + msrp(&g, port: 7395, session: "s2")), [policyConflict])
        }
        s.add("offer-not-transfer-init", "An offer in the TR 33.829 profile whose MIKEY message is a TRANSFER_RESP.", refs: ["TR 33.829 §8.3.1.2", "TR 33.829 §5.3.3.3"], flags: ["one-change", "nested-mikey", "role"]) { _ in
            SDPVectorCase.invalid(T.sdp([savp, try M.line(.transferResp)]), [R.trOfferDataType.c]).role(.offer)
        }
        s.add("answer-transfer-resp", "An answer keyed by a TRANSFER_RESP (data type 15).", refs: ["TR 33.829 §8.3.1.2"], flags: ["clean-baseline", "nested-mikey", "role"]) { _ in
            SDPVectorCase.valid(T.answer([savp, try M.line(.transferResp)])).role(.answer)
        }
        s.add("answer-not-transfer-resp", "An answer in the TR 33.829 profile whose MIKEY message is a TRANSFER_INIT.", refs: ["TR 33.829 §8.3.1.2", "TR 33.829 §5.3.3.3"], flags: ["one-change", "nested-mikey", "role"]) { _ in
            SDPVectorCase.invalid(T.answer([savp, try M.line(.transferInit)]), [R.trAnswerDataType.c]).role(.answer)
        }
        s.add("profile-without-tr", "A TRANSFER_RESP offer under rfc8866+rfc4567 only: the TR 33.829 rules do not run.", refs: ["TR 33.829 §8.3.1.2", "RFC 4567 §3.1"], flags: ["profile-selection", "nested-mikey", "role"]) { _ in
            SDPVectorCase.valid(T.sdp([savp, try M.line(.transferResp)])).role(.offer).profiles([.rfc8866, .rfc4567])
        }
    }
}
