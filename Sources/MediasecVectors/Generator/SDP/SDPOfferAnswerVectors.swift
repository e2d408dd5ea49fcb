import MediasecCore
import MIKEY
import SDP

/// Offer/answer pairs (RFC 3264 §6, RFC 4145 §4.1 / §5.1, RFC 4568 §5.1 /
/// §7.1.2 / §7.5, RFC 4567 §4.1, RFC 8122 §5, RFC 8842 §5.3, RFC 8856 §5.1,
/// TR 33.829 §8.3.1.2), each as `offer ‖ NUL ‖ answer`.
enum SDPOfferAnswerVectors {
    typealias R = SDPRules
    typealias T = SDPText
    typealias M = SDPMIKEYData
    static let savp = "m=audio 49170 RTP/SAVP 0"
    static let savpAnswer = "m=audio 32640 RTP/SAVP 0"

    static func pair(_ offer: [String], _ answer: [String]) -> [UInt8] {
        SDPVectorCase.pairBytes(T.sdp(offer), T.answer(answer))
    }

    static func valid(_ o: [String], _ a: [String], infos: [String] = []) -> SDPVectorCase { SDPVectorCase.valid(pair(o, a), infos: infos).asPair() }
    static func acceptable(_ o: [String], _ a: [String], _ w: [String]) -> SDPVectorCase { SDPVectorCase.acceptable(pair(o, a), w).asPair() }
    static func invalid(_ o: [String], _ a: [String], _ e: [String]) -> SDPVectorCase { SDPVectorCase.invalid(pair(o, a), e).asPair() }

    static func udptl(_ g: inout SDPText, _ setup: String, tlsID: Bool = true) -> [String] {
        ["m=image 54111 UDP/TLS/UDPTL t38", "a=setup:\(setup)"] + (tlsID ? ["a=tls-id:\(g.tlsID())"] : []) + ["a=fingerprint:sha-256 \(g.fingerprint())"]
    }

    static func tcpTLS(_ g: inout SDPText, _ setup: String, _ connection: String, fingerprint: Bool = true) -> [String] {
        ["m=image 54111 TCP/TLS t38", "a=setup:\(setup)", "a=connection:\(connection)"] + (fingerprint ? ["a=fingerprint:sha-256 \(g.fingerprint())"] : [])
    }

    static func build(_ s: SDPVectorSet) {
        let f = ["offer-answer"]
        s.add("rfc4568-7-1-5", "The offer and answer of RFC 4568 §7.1.5 (two suites offered, tag 1 accepted).", refs: ["RFC 4568 §7.1.5", "RFC 4568 §5.1.2"], flags: f + ["rfc-example"]) { _ in
            let offer = T.join(["v=0", "o=sam 2890844526 2890842807 IN IP4 10.47.16.5", "s=SRTP Discussion", "i=A discussion of Secure RTP",
                                "u=http://www.example.com/seminars/srtp.pdf", "e=marge@example.com (Marge Simpson)", "c=IN IP4 168.2.17.12", "t=2873397496 2873404696",
                                "m=audio 49170 RTP/SAVP 0",
                                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4 FEC_ORDER=FEC_SRTP",
                                "a=crypto:2 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|2^20|1:4;inline:QUJjZGVmMTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5|2^20|2:4 FEC_ORDER=FEC_SRTP"])
            let answer = T.join(["v=0", "o=jill 25690844 8070842634 IN IP4 10.47.16.5", "s=SRTP Discussion", "i=A discussion of Secure RTP",
                                 "u=http://www.example.com/seminars/srtp.pdf", "e=homer@example.com (Homer Simpson)", "c=IN IP4 168.2.17.11", "t=2873397526 2873405696",
                                 "m=audio 32640 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4"])
            return SDPVectorCase.valid(SDPVectorCase.pairBytes(offer, answer)).asPair()
                .pinning(.object([("offer", .object([("media", .array([.object([("proto", .string("RTP/SAVP"))])]))])), ("answer", .object([("media", .array([.object([("port", .int(32640))])]))]))]))
        }
        s.add("crypto-accept-second-tag", "Three offered tags, the answer accepts tag 2 with its suite and a fresh key.", refs: ["RFC 4568 §5.1.2", "RFC 4568 §7.1.2"], flags: f + ["clean-baseline"]) { g in
            valid([savp, g.crypto("1"), g.crypto("2", "AES_CM_128_HMAC_SHA1_32"), g.crypto("3", "AEAD_AES_128_GCM", keyLength: 28)], [savpAnswer, g.crypto("2", "AES_CM_128_HMAC_SHA1_32")])
        }
        s.add("crypto-answer-missing", "The answer accepts the stream without a=crypto.", refs: ["RFC 4568 §5.1.3", "RFC 4568 §5.3"], flags: f + ["one-change"]) { g in
            invalid([savp, g.crypto()], [savpAnswer], [R.oaCryptoMissing.c])
        }
        s.add("crypto-answer-two", "The answer carries two a=crypto lines.", refs: ["RFC 4568 §5.1.2", "RFC 4568 §7.1.2"], flags: f + ["one-change"]) { g in
            invalid([savp, g.crypto("1"), g.crypto("2")], [savpAnswer, g.crypto("1"), g.crypto("2")], [R.oaCryptoCount.c])
        }
        s.add("crypto-answer-tag-not-offered", "The answer's tag 3 was not offered.", refs: ["RFC 4568 §5.1.2", "RFC 4568 §5.1.3"], flags: f + ["one-change"]) { g in
            invalid([savp, g.crypto("1"), g.crypto("2")], [savpAnswer, g.crypto("3")], [R.oaCryptoTag.c])
        }
        s.add("crypto-answer-suite-changed", "Tag 1 offered with _80, answered with _32.", refs: ["RFC 4568 §5.1.2"], flags: f + ["one-change"]) { g in
            invalid([savp, g.crypto("1")], [savpAnswer, g.crypto("1", "AES_CM_128_HMAC_SHA1_32")], [R.oaCryptoSuite.c])
        }
        s.add("crypto-answer-echoes-key", "The answer reuses the offered master key.", refs: ["RFC 4568 §7.1.2"], flags: f + ["one-change"]) { g in
            let k = g.key()
            return invalid([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + k], [savpAnswer, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + k], [R.oaCryptoKeyReuse.c])
        }
        s.add("crypto-answer-plus-keymgmt", "The answer has a=crypto and a=key-mgmt for the stream.", refs: ["RFC 4568 §7.5"], flags: f + ["one-change", "nested-mikey"]) { g in
            invalid([savp, g.crypto(), try M.line(.psk)], [savpAnswer, g.crypto(), try M.line(.pskVerify)], [R.oaCryptoAndKeyMgmt.c, R.cryptoWithKeyMgmt.c])
        }
        s.add("crypto-offer-keymgmt-answer", "Crypto and key-mgmt offered, the answer picks key-mgmt.", refs: ["RFC 4568 §7.5", "RFC 4567 §4.1"], flags: f + ["clean-baseline", "nested-mikey"]) { g in
            acceptable([savp, g.crypto(), try M.line(.psk)], [savpAnswer, try M.line(.pskVerify)], [SDPKeyMgmtVectors.nullKEMAC])
        }
        s.add("crypto-rejected-stream", "The answer rejects the SRTP stream (port 0) without a=crypto.", refs: ["RFC 3264 §6", "RFC 4568 §5.1.3"], flags: f + ["clean-baseline"]) { g in
            valid([savp, g.crypto()], ["m=audio 0 RTP/SAVP 0"])
        }
        s.add("media-count", "One offered stream, two answered.", refs: ["RFC 3264 §6"], flags: f + ["one-change"]) { _ in
            invalid(["m=audio 49170 RTP/AVP 0"], ["m=audio 32640 RTP/AVP 0", "m=video 32642 RTP/AVP 31"], [R.oaMediaCount.c])
        }
        s.add("media-count-fewer", "Two offered streams, one answered.", refs: ["RFC 3264 §6"], flags: f + ["one-change"]) { _ in
            invalid(["m=audio 49170 RTP/AVP 0", "m=video 51372 RTP/AVP 31"], ["m=audio 32640 RTP/AVP 0"], [R.oaMediaCount.c])
        }
        s.add("media-type", "audio offered, video answered.", refs: ["RFC 3264 §6"], flags: f + ["one-change"]) { _ in
            invalid(["m=audio 49170 RTP/AVP 0"], ["m=video 32640 RTP/AVP 0"], [R.oaMediaType.c])
        }
        s.add("proto-changed", "RTP/AVP offered, RTP/AVPF answered (warning).", refs: ["RFC 3264 §6"], flags: f + ["one-change"]) { _ in
            acceptable(["m=audio 49170 RTP/AVP 0"], ["m=audio 32640 RTP/AVPF 0"], [R.oaProto.c])
        }
        s.add("plain-rtp", "A plain RTP/AVP exchange.", refs: ["RFC 3264 §6"], flags: f + ["clean-baseline"]) { _ in
            valid(["m=audio 49170 RTP/AVP 0 8"], ["m=audio 32640 RTP/AVP 0"])
        }
        s.add("dtls-actpass-active", "UDPTL over DTLS: actpass offered, active answered, tls-id both sides.", refs: ["RFC 7345 §4.2", "RFC 7345 §4.3", "RFC 8842 §5.3"], flags: f + ["clean-baseline"]) { g in
            valid(udptl(&g, "actpass"), udptl(&g, "active"))
        }
        s.add("dtls-actpass-passive", "actpass offered, passive answered, no tls-id in the answer.", refs: ["RFC 7345 §4.3", "RFC 4145 §4.1"], flags: f + ["clean-baseline"]) { g in
            valid(udptl(&g, "actpass"), udptl(&g, "passive", tlsID: false))
        }
        s.add("dtls-answer-holdconn", "holdconn answered on a DTLS stream.", refs: ["RFC 7345 §4.3", "RFC 8842 §5.1"], flags: f + ["one-change"]) { g in
            invalid(udptl(&g, "actpass"), udptl(&g, "holdconn"), [R.oaDTLSAnswerSetup.c, R.dtlsHoldconn.c])
        }
        s.add("dtls-answer-actpass", "actpass answered on a DTLS stream.", refs: ["RFC 4145 §4.1", "RFC 7345 §4.3"], flags: f + ["one-change"]) { g in
            invalid(udptl(&g, "actpass"), udptl(&g, "actpass"), [R.oaSetupRole.c, R.oaDTLSAnswerSetup.c, R.setupAnswerActpass.c])
        }
        s.add("tls-id-unexpected", "The offer has no tls-id, the answer inserts one.", refs: ["RFC 8842 §5.3"], flags: f + ["one-change"]) { g in
            invalid(udptl(&g, "actpass", tlsID: false), udptl(&g, "active"), [R.oaTLSIDUnexpected.c])
        }
        s.add("tcp-setup-active-passive", "TCP/TLS: active offered, passive answered, connection new both sides.", refs: ["RFC 4145 §4.1", "RFC 4145 §5.1"], flags: f + ["clean-baseline"]) { g in
            valid(tcpTLS(&g, "active", "new"), tcpTLS(&g, "passive", "new"))
        }
        s.add("tcp-setup-active-active", "active offered, active answered.", refs: ["RFC 4145 §4.1"], flags: f + ["one-change"]) { g in
            invalid(tcpTLS(&g, "active", "new"), tcpTLS(&g, "active", "new"), [R.oaSetupRole.c])
        }
        s.add("tcp-setup-default-passive", "No setup in the offer (default active), passive answered.", refs: ["RFC 4145 §4.1"], flags: f + ["clean-baseline"]) { g in
            valid(["m=image 54111 TCP/TLS t38", "a=connection:new", "a=fingerprint:sha-256 \(g.fingerprint())"], tcpTLS(&g, "passive", "new"))
        }
        s.add("tcp-connection-new-existing", "connection:new offered, existing answered.", refs: ["RFC 4145 §5.1"], flags: f + ["one-change"]) { g in
            invalid(tcpTLS(&g, "active", "new"), tcpTLS(&g, "passive", "existing"), [R.oaConnection.c])
        }
        s.add("tcp-connection-existing-new", "connection:existing offered, new answered (allowed).", refs: ["RFC 4145 §5.1"], flags: f + ["clean-baseline"]) { g in
            valid(tcpTLS(&g, "active", "existing"), tcpTLS(&g, "passive", "new"))
        }
        s.add("tls-answer-no-fingerprint", "The answer's TCP/TLS stream has no fingerprint.", refs: ["RFC 8122 §5"], flags: f + ["one-change"]) { g in
            invalid(tcpTLS(&g, "active", "new"), tcpTLS(&g, "passive", "new", fingerprint: false), [R.oaFingerprintMissing.c, R.tlsFingerprintMissing.c])
        }
        s.add("keymgmt-psk", "MIKEY PSK init offered, PSK verify answered (same CSB ID).", refs: ["RFC 4567 §4.1", "RFC 3830 §5"], flags: f + ["clean-baseline", "nested-mikey"]) { _ in
            acceptable([savp, try M.line(.psk)], [savpAnswer, try M.line(.pskVerify)], [SDPKeyMgmtVectors.nullKEMAC])
        }
        s.add("keymgmt-answer-missing", "Offered with key-mgmt, answered without keying.", refs: ["RFC 4567 §4.1.1"], flags: f + ["one-change", "nested-mikey"]) { _ in
            invalid([savp, try M.line(.psk)], [savpAnswer], [R.oaKeyMgmtMissing.c])
        }
        s.add("keymgmt-protocol-not-offered", "The answer uses a protocol that was not offered.", refs: ["RFC 4567 §4.1.2"], flags: f + ["one-change", "nested-mikey"]) { _ in
            invalid([savp, try M.line(.psk)], [savpAnswer, "a=key-mgmt:kmp2 " + Base64.encode([1, 2, 3, 4])], [R.oaKeyMgmtProtocol.c])
        }
        s.add("keymgmt-response-type", "PSK init offered, DH-HMAC response answered.", refs: ["RFC 3830 §5", "RFC 4567 §4.1"], flags: f + ["one-change", "nested-mikey"]) { _ in
            invalid([savp, try M.line(.psk)], [savpAnswer, try M.line(.dhhmacResp)], [R.oaKeyMgmtResponseType.c])
        }
        s.add("keymgmt-csb-id", "The PSK verify carries another CSB ID.", refs: ["RFC 3830 §6.1"], flags: f + ["one-change", "nested-mikey"]) { _ in
            invalid([savp, try M.line(.psk, csbID: 1)], [savpAnswer, try M.line(.pskVerify, csbID: 2)], [R.oaKeyMgmtCSBID.c])
        }
        s.add("keymgmt-error-answer", "A MIKEY Error message answers the PSK init (allowed response).", refs: ["RFC 3830 §5.1.2", "RFC 4567 §4.1"], flags: f + ["clean-baseline", "nested-mikey"]) { _ in
            acceptable([savp, try M.line(.psk)], [savpAnswer, try M.line(.error)], [SDPKeyMgmtVectors.nullKEMAC])
        }
        s.add("transfer-pair", "TRANSFER_INIT offered, TRANSFER_RESP answered.", refs: ["TR 33.829 §8.3.1.2", "RFC 6043 §4.1"], flags: f + ["clean-baseline", "nested-mikey"]) { _ in
            valid([savp, try M.line(.transferInit)], [savpAnswer, try M.line(.transferResp)])
        }
        s.add("transfer-answered-verify", "TRANSFER_INIT offered, PSK verify answered.", refs: ["TR 33.829 §8.3.1.2", "RFC 3830 §5"], flags: f + ["one-change", "nested-mikey"]) { _ in
            invalid([savp, try M.line(.transferInit)], [savpAnswer, try M.line(.pskVerify)], [R.oaKeyMgmtResponseType.c, R.oaTransferPair.c, R.trAnswerDataType.c])
        }
        s.add("bfcp-roles", "Both roles offered, client role answered.", refs: ["RFC 8856 §5.1", "RFC 8856 §10.2"], flags: f + ["clean-baseline"]) { g in
            let o = SDPApplicationVectors.bfcp(&g, floorctrl: "c-only s-only")
            let a = SDPApplicationVectors.bfcp(&g, setup: "active", floorctrl: "c-only", confid: nil, userid: nil, floorid: nil)
            return valid(o, a)
        }
        s.add("bfcp-roles-clash", "c-only offered, c-only answered.", refs: ["RFC 8856 §5.1"], flags: f + ["one-change"]) { g in
            let o = SDPApplicationVectors.bfcp(&g, floorctrl: "c-only", confid: nil, userid: nil, floorid: nil)
            let a = SDPApplicationVectors.bfcp(&g, setup: "active", floorctrl: "c-only", confid: nil, userid: nil, floorid: nil)
            return invalid(o, a, [R.oaFloorctrl.c])
        }
        s.add("msrp-pair", "An MSRP over TLS exchange.", refs: ["RFC 4975 §8.1", "RFC 3264 §6"], flags: f + ["clean-baseline"]) { g in
            let o = SDPApplicationVectors.msrp(&g)
            let a = ["m=message 12763 TCP/TLS/MSRP *", "a=accept-types:text/plain", "a=path:msrps://192.0.2.20:12763/kjhd37s2s20w2a;tcp", "a=fingerprint:sha-256 \(g.fingerprint())"]
            return valid(o, a)
        }
        s.add("answer-undecodable", "The answer is not a description (a 1-byte line): its decoding error is the pair's finding.", refs: ["RFC 8866 §5", "RFC 3264 §6"], flags: f + ["one-change"]) { _ in
            SDPVectorCase.invalid(SDPVectorCase.pairBytes(T.sdp(["m=audio 49170 RTP/AVP 0"]), Array("v=0\r\nx\r\n".utf8)), ["sdp.line.too-short"]).asPair()
        }
    }
}
