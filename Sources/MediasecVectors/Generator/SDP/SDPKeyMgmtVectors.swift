import MediasecCore
import MIKEY
import SDP

/// RFC 4567 `a=key-mgmt` with MIKEY messages inside (RFC 3830 PSK and
/// DH-HMAC exchanges, RFC 6043 TRANSFER_INIT).
enum SDPKeyMgmtVectors {
    typealias R = SDPRules
    typealias T = SDPText
    typealias M = SDPMIKEYData
    static let savp = "m=audio 49170 RTP/SAVP 0"
    /// The PSK-init and DH-HMAC templates carry their TGK in a KEMAC with
    /// NULL encryption (RFC 3830 §6.2): the nested MIKEY validator warns.
    static let nullKEMAC = "mikey.kemac.null-encryption"

    static func build(_ s: SDPVectorSet) {
        s.add("psk-init-media", "A MIKEY PSK init (data type 0) keying an RTP/SAVP stream.", refs: ["RFC 4567 §3.1", "RFC 3830 §3.1"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([savp, try M.line(.psk)]), [nullKEMAC])
                .pinning(.object([("media", .array([.object([("keyMgmtLevel", .string("media")), ("attributes", .array([.object([("keyMgmt", .object([("protocolId", .string("mikey")),
                    ("mikey", .object([("hdr", .object([("dataType", .int(0))]))]))]))])]))])]))]))
        }
        s.add("psk-init-session", "A session-level key-mgmt applies to both streams.", refs: ["RFC 4567 §3.1"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([try M.line(.psk), savp, "m=video 51372 RTP/SAVP 31"]), [nullKEMAC])
                .pinning(.object([("media", .array([.object([("keyMgmtLevel", .string("session"))]), .object([("keyMgmtLevel", .string("session"))])]))]))
        }
        s.add("media-overrides-session", "Media-level key-mgmt overrides the session-level one (info).", refs: ["RFC 4567 §3.1"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([try M.line(.psk, csbID: 1), savp, try M.line(.psk, csbID: 2)]), [nullKEMAC], infos: [R.keyMgmtMediaOverrides.c])
        }
        s.add("dhhmac-init", "A MIKEY DH-HMAC init (data type 7).", refs: ["RFC 4567 §3.1", "RFC 4650 §3"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([savp, try M.line(.dhhmacInit)]), [nullKEMAC])
        }
        s.add("leading-space", "'a=key-mgmt: mikey …' (0*1SP before the protocol id).", refs: ["RFC 4567 §3.1"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([savp, "a=key-mgmt: mikey " + (try M.base64(.psk))]), [nullKEMAC])
        }
        s.add("protocol-unknown", "A protocol identifier other than mikey (warning); the data is still base64.", refs: ["RFC 4567 §9.3"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp([savp, "a=key-mgmt:zrtp " + Base64.encode(Array("opaque key management data".utf8))]), [R.keyMgmtProtocolUnknown.c])
        }
        s.add("protocol-case", "'MIKEY': KMPID is case-sensitive (warning); the data is not interpreted.", refs: ["RFC 4567 §3"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp([savp, "a=key-mgmt:MIKEY " + (try M.base64(.psk))]), [R.keyMgmtProtocolCase.c])
        }
        s.add("data-not-base64", "keymgmt-data with characters outside base64: the grammar (keymgmt-data = base64) already fails.", refs: ["RFC 4567 §3.1", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([savp, "a=key-mgmt:mikey AQAF*&^%$#@!"]), ["sdp.keymgmt.syntax"])
        }
        s.add("data-bad-padding", "keymgmt-data with a '=' in the middle.", refs: ["RFC 4567 §3.1", "RFC 8866 §9"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([savp, "a=key-mgmt:mikey AQ==AQAA"]), [R.keyMgmtBase64.c])
        }
        s.add("duplicate-protocol", "Two mikey key-mgmt lines at one level (warning).", refs: ["RFC 4567 §4.1.2"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([savp, try M.line(.psk, csbID: 1), try M.line(.psk, csbID: 2)]), [R.keyMgmtDuplicateProtocol.c, nullKEMAC])
        }
        s.add("two-protocols", "mikey and another protocol offered as alternatives.", refs: ["RFC 4567 §4.1.2"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp([savp, try M.line(.psk), "a=key-mgmt:kmp2 " + Base64.encode([1, 2, 3])]), [R.keyMgmtProtocolUnknown.c, nullKEMAC])
        }
        s.add("on-rtp-avp", "key-mgmt on an RTP/AVP stream (neither SRTP nor TLS; warning).", refs: ["RFC 4567 §5.2"], flags: ["one-change", "nested-mikey"]) { _ in
            .acceptable(T.sdp(["m=audio 49170 RTP/AVP 0", try M.line(.psk)]), [R.keyMgmtProto.c, nullKEMAC])
        }
        s.add("crypto-and-keymgmt-answer", "An answer with both a=crypto and a=key-mgmt for one stream.", refs: ["RFC 4568 §7.5"], flags: ["one-change", "nested-mikey", "role"]) { g in
            SDPVectorCase.invalid(T.answer([savp, g.crypto(), try M.line(.pskVerify)]), [R.cryptoWithKeyMgmt.c]).role(.answer)
        }
        s.add("crypto-and-keymgmt-offer", "An offer may carry both a=crypto and a=key-mgmt as alternatives.", refs: ["RFC 4568 §7.5", "RFC 4567 §4.1"], flags: ["one-change", "nested-mikey", "role"]) { g in
            SDPVectorCase.acceptable(T.sdp([savp, g.crypto(), try M.line(.psk)]), [nullKEMAC]).role(.offer)
        }
        s.add("keymgmt-answer-verify", "An answer keyed by a MIKEY PSK verify message.", refs: ["RFC 4567 §4.1.1", "RFC 3830 §3.1"], flags: ["clean-baseline", "nested-mikey", "role"]) { _ in
            SDPVectorCase.valid(T.answer([savp, try M.line(.pskVerify)])).role(.answer)
        }
        s.add("syntax-no-data", "'a=key-mgmt:mikey' without data.", refs: ["RFC 4567 §3.1"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([savp, "a=key-mgmt:mikey"]), ["sdp.keymgmt.syntax"])
        }
        s.add("syntax-two-spaces", "'a=key-mgmt:mikey  AQ…': two spaces.", refs: ["RFC 4567 §3.1"], flags: ["one-change"]) { _ in
            .invalid(T.sdp([savp, "a=key-mgmt:mikey  " + (try M.base64(.psk))]), ["sdp.keymgmt.syntax"])
        }
        s.add("mikey-truncated", "The MIKEY message is cut 5 bytes short: the nested MIKEY decoder fails.", refs: ["RFC 4567 §3.1", "RFC 3830 §6"], flags: ["one-change", "nested-mikey"]) { _ in
            .invalid(T.sdp([savp, "a=key-mgmt:mikey " + Base64.encode(Array(try M.message(.psk).dropLast(5)))]), ["mikey.truncated"])
        }
    }
}
