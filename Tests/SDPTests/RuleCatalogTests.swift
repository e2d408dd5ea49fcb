import Testing
import MediasecCore
import MIKEY
@testable import SDP

/// The rule catalog is complete and reachable: codes are unique and
/// namespaced, and every rule (and every decoding code) has an input in
/// this table that makes it fire (STYLE.md §13: a vector table).
@Suite struct RuleCatalogTests {
    typealias K = SDPTestKit
    static let key = CryptoRuleTests.rfcKey
    static let fp = TransportRuleTests.fp

    static func crypto(_ v: String, _ choices: SDPAmbiguityChoices = .default) -> [Finding] { K.validateCrypto(v, choices: choices).findings }
    static func media(_ m: String, _ a: [String], role: SDPRole = .unknown) -> [Finding] { K.validateMedia(m, a, role: role).findings }
    static func doc(_ lines: [String], role: SDPRole = .unknown) -> [Finding] { K.validate(K.description(lines), role: role).findings }
    static func raw(_ lines: [String]) -> [Finding] { K.validate(K.sdp(lines)).findings }
    static func pair(_ o: [UInt8], _ a: [UInt8]) -> [Finding] { SDPValidator().validateOfferAnswer(offer: o, answer: a).allFindings }
    static func choose(_ f: (inout SDPAmbiguityChoices) -> Void) -> SDPAmbiguityChoices { var c = SDPAmbiguityChoices.default; f(&c); return c }
    static func mikey(_ t: DataType, tls: Bool = false, csb: UInt32 = 0x1234_5678) -> String {
        "key-mgmt:mikey " + Base64.encode(t == .transferInit ? ((try? KeyMgmtTests.transferInit(tls: tls, csbID: csb)) ?? []) : ((try? KeyMgmtTests.message(t, csbID: csb)) ?? []))
    }
    static func tcpTLS(_ s: String) -> [UInt8] { K.description(["m=image 54111 TCP/TLS t38", "a=" + fp, "a=setup:" + s, "a=connection:new"]) }
    static let dtls = ["setup:actpass", fp, TransportRuleTests.tlsID]
    static let msrp = ["accept-types:text/plain", "path:" + RFCExamples.rfc4975Section14_4Path, fp]
    static let bfcp = TransportRuleTests.bfcpBase

    static let triggers: [String: @Sendable () -> [Finding]] = [
        // RFC 8866
        "sdp.v.first": { raw(["s=-", "v=0"]) },
        "sdp.v.version": { raw(["v=1", "o=- 1 1 IN IP4 h", "s=-", "t=0 0"]) },
        "sdp.o.missing": { raw(["v=0", "s=-", "t=0 0"]) },
        "sdp.s.missing": { raw(["v=0", "o=- 1 1 IN IP4 h", "t=0 0"]) },
        "sdp.s.empty": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=", "t=0 0"]) },
        "sdp.t.missing": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-"]) },
        "sdp.order": { raw(["v=0", "s=-", "o=- 1 1 IN IP4 h", "t=0 0"]) },
        "sdp.line.duplicate": { raw(["v=0", "v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0"]) },
        "sdp.line.bare-lf": { K.validate(K.sdp(K.head, ending: "\n")).findings },
        "sdp.line.mixed-endings": { K.validate(Array("v=0\r\no=- 1 1 IN IP4 h\ns=-\r\nt=0 0\r\n".utf8)).findings },
        "sdp.line.no-final-eol": { K.validate(Array("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0".utf8)).findings },
        "sdp.line.text-utf8": { K.validate(Array("v=0\r\no=- 1 1 IN IP4 h\r\ns=".utf8) + [0xff] + Array("\r\nt=0 0\r\n".utf8)).findings },
        "sdp.c.missing": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0"]) },
        "sdp.c.unicast-slash": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1/2", "t=0 0"]) },
        "sdp.c.multicast-ttl": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 233.252.0.1", "t=0 0"]) },
        "sdp.c.ttl-range": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 233.252.0.1/300", "t=0 0"]) },
        "sdp.c.ip6-ttl": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP6 ff02::1/1/2", "t=0 0"]) },
        "sdp.t.time-value": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=01 0"]) },
        "sdp.z.without-repeat": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "z=3730928400 -1h"]) },
        "sdp.k.obsolete": { doc(["k=clear:secret"]) },
        "sdp.m.port-range": { doc(["m=audio 70000 RTP/AVP 0"]) },
        "sdp.m.port-count": { doc(["m=audio 9/0 RTP/AVP 0"]) },
        "sdp.m.payload-type": { doc(["m=audio 9 RTP/AVP 4294967296"]) },
        "sdp.m.fmt-duplicate": { doc(["m=audio 9 RTP/AVP 0 0"]) },
        "sdp.m.proto-case": { doc(["m=audio 9 RTP/Savp 0"]) },
        "sdp.a.name-syntax": { doc(["a=a@b"]) },
        "sdp.a.name-case": { doc(["a=Setup:active"]) },
        "sdp.a.duplicate": { media("m=image 9 TCP/TLS t38", ["setup:active", "setup:passive", fp]) },
        "sdp.a.media-level-only": { doc(["a=" + TransportRuleTests.tlsID]) },
        // RFC 4568
        "sdp.crypto.session-level": { doc(["a=crypto:" + RFCExamples.rfc4568Section4Crypto]) },
        "sdp.crypto.proto": { media("m=audio 9 RTP/AVP 0", ["crypto:" + RFCExamples.rfc4568Section4Crypto]) },
        "sdp.crypto.dtls-srtp": { media("m=audio 9 UDP/TLS/RTP/SAVP 0", ["crypto:" + RFCExamples.rfc4568Section4Crypto] + dtls) },
        "sdp.crypto.tag-duplicate": { media("m=audio 9 RTP/SAVP 0", ["crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(1), "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(2)]) },
        "sdp.crypto.leading-zero": { crypto("01 AES_CM_128_HMAC_SHA1_80 inline:\(key)") },
        "sdp.crypto.case": { crypto("1 aes_cm_128_hmac_sha1_80 inline:\(key)") },
        "sdp.crypto.suite-unknown": { crypto("1 NULL_NULL inline:\(key)") },
        "sdp.crypto.suite-abnf-only": { crypto("1 F8_128_HMAC_SHA1_32 inline:\(key)", choose { $0.abnfOnlySuite = .abnf }) },
        "sdp.crypto.key-method": { crypto("1 AES_CM_128_HMAC_SHA1_80 uri:x") },
        "sdp.crypto.key-base64": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:A") },
        "sdp.crypto.key-base64-padding": { crypto("1 AEAD_AES_128_GCM inline:" + K.key(28, 1).filter { $0 != "=" }) },
        "sdp.crypto.key-length": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:" + K.key(16, 1)) },
        "sdp.crypto.key-reuse": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|1:1;inline:\(key)|2:1") },
        "sdp.crypto.lifetime-zero": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|0") },
        "sdp.crypto.lifetime-max": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|2^64") },
        "sdp.crypto.lifetime-srtcp": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|2^32") },
        "sdp.crypto.mki-length-range": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|1:129") },
        "sdp.crypto.mki-value-range": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|65536:2") },
        "sdp.crypto.mki-zero": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|0:1") },
        "sdp.crypto.multi-key-mki": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1));inline:\(K.key30(2))") },
        "sdp.crypto.mki-length-mismatch": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))|1:1;inline:\(K.key30(2))|2:2") },
        "sdp.crypto.mki-duplicate": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))|1:1;inline:\(K.key30(2))|1:1") },
        "sdp.crypto.kdr-range": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) KDR=0") },
        "sdp.crypto.kdr-zero-abnf": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) KDR=0", choose { $0.kdrRange = .abnf }) },
        "sdp.crypto.wsh-minimum": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) WSH=10") },
        "sdp.crypto.wsh-hint": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) WSH=10", choose { $0.wshMinimum = .hint }) },
        "sdp.crypto.fec-order": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) FEC_ORDER=X") },
        "sdp.crypto.unknown-mandatory-param": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) NEW_PARAM") },
        "sdp.crypto.optional-param": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) -NEW_PARAM") },
        "sdp.crypto.param-duplicate": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) WSH=64 WSH=128") },
        "sdp.crypto.unauthenticated-srtp": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) UNAUTHENTICATED_SRTP") },
        "sdp.crypto.with-keymgmt": { media("m=audio 9 RTP/SAVP 0", ["crypto:" + RFCExamples.rfc4568Section4Crypto, mikey(.transferResp)], role: .answer) },
        "sdp.srtp.no-keying": { doc(["m=audio 9 RTP/SAVP 0"]) },
        // RFC 4567
        "sdp.keymgmt.protocol-unknown": { media("m=audio 9 RTP/SAVP 0", ["key-mgmt:zrtp AQID"]) },
        "sdp.keymgmt.protocol-case": { media("m=audio 9 RTP/SAVP 0", ["key-mgmt:Mikey AQID"]) },
        "sdp.keymgmt.base64": { media("m=audio 9 RTP/SAVP 0", ["key-mgmt:mikey AQI"]) },
        "sdp.keymgmt.duplicate-protocol": { media("m=audio 9 RTP/SAVP 0", ["key-mgmt:x AQID", "key-mgmt:x AQID"]) },
        "sdp.keymgmt.media-overrides-session": { doc(["a=" + mikey(.psk), "m=audio 9 RTP/SAVP 0", "a=" + mikey(.psk)]) },
        "sdp.keymgmt.proto": { media("m=audio 9 RTP/AVP 0", [mikey(.psk)]) },
        // RFC 8122 family
        "sdp.fingerprint.hash-unknown": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:blake3 AB"]) },
        "sdp.fingerprint.hash-forbidden": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:md5 " + Array(repeating: "AB", count: 16).joined(separator: ":")]) },
        "sdp.fingerprint.length": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:sha-256 AB"]) },
        "sdp.fingerprint.lowercase-hex": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:sha-1 " + FingerprintTests.sha1.lowercased()]) },
        "sdp.fingerprint.leading-space": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint: sha-1 " + FingerprintTests.sha1]) },
        "sdp.fingerprint.hash-case": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:SHA-1 " + FingerprintTests.sha1]) },
        "sdp.fingerprint.hash-case-strict": { K.validateMedia("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:SHA-1 " + FingerprintTests.sha1], choices: choose { $0.hashNameCase = .lowercase }).findings },
        "sdp.fingerprint.no-sha256": { media("m=image 9 TCP/TLS t38", ["setup:active", "fingerprint:sha-1 " + FingerprintTests.sha1]) },
        "sdp.tls.fingerprint-missing": { media("m=image 9 TCP/TLS t38", ["setup:active"]) },
        "sdp.dtls.setup-missing": { media("m=image 9 UDP/TLS/UDPTL t38", [fp, TransportRuleTests.tlsID]) },
        "sdp.dtls.holdconn": { media("m=image 9 UDP/TLS/UDPTL t38", ["setup:holdconn", fp, TransportRuleTests.tlsID]) },
        "sdp.dtls.connection-forbidden": { media("m=image 9 UDP/TLS/UDPTL t38", dtls + ["connection:new"]) },
        "sdp.dtls.offer-actpass": { media("m=image 9 UDP/TLS/UDPTL t38", ["setup:passive", fp, TransportRuleTests.tlsID], role: .offer) },
        "sdp.setup.answer-actpass": { media("m=image 9 TCP/TLS t38", ["setup:actpass", fp], role: .answer) },
        "sdp.tls-id.length": { media("m=image 9 UDP/TLS/UDPTL t38", ["setup:actpass", fp, "tls-id:short"]) },
        "sdp.tls-id.missing": { media("m=image 9 UDP/TLS/UDPTL t38", ["setup:actpass", fp]) },
        "sdp.connection.missing": { media("m=image 9 TCP/TLS t38", ["setup:active", fp]) },
        // RFC 4975
        "sdp.msrp.media": { media("m=text 7654 TCP/TLS/MSRP *", msrp) },
        "sdp.msrp.fmt": { media("m=message 7654 TCP/TLS/MSRP text", msrp) },
        "sdp.msrp.path-missing": { media("m=message 7654 TCP/TLS/MSRP *", [msrp[0], fp]) },
        "sdp.msrp.accept-types-missing": { media("m=message 7654 TCP/TLS/MSRP *", [msrp[1], fp]) },
        "sdp.msrp.port-missing": { media("m=message 7654 TCP/TLS/MSRP *", [msrp[0], "path:msrps://a.example.com/x;tcp", fp]) },
        "sdp.msrp.port-mismatch": { media("m=message 1 TCP/TLS/MSRP *", msrp) },
        "sdp.msrp.scheme": { media("m=message 7654 TCP/TLS/MSRP *", [msrp[0], "path:msrp://atlanta.example.com:7654/x;tcp", fp]) },
        "sdp.msrp.transport": { media("m=message 7654 TCP/TLS/MSRP *", [msrp[0], "path:msrps://atlanta.example.com:7654/x;sctp", fp]) },
        "sdp.msrp.userinfo-password": { media("m=message 7654 TCP/TLS/MSRP *", [msrp[0], "path:msrps://a:b@atlanta.example.com:7654/x;tcp", fp]) },
        "sdp.msrp.address-mismatch": { media("m=message 7654 TCP/TLS/MSRP *", msrp) },
        // RFC 8856
        "sdp.bfcp.media": { media("m=video 5000 TCP/TLS/BFCP *", bfcp) },
        "sdp.bfcp.fmt": { media("m=application 5000 TCP/TLS/BFCP 1", bfcp) },
        "sdp.bfcp.c-s": { media("m=application 5000 TCP/TLS/BFCP *", ["floorctrl:c-s"] + bfcp.filter { !$0.hasPrefix("floorctrl") }) },
        "sdp.bfcp.floorctrl-missing": { media("m=application 5000 TCP/TLS/BFCP *", ["setup:actpass", "connection:new", fp]) },
        "sdp.bfcp.server-attributes": { media("m=application 5000 TCP/TLS/BFCP *", ["setup:actpass", "connection:new", fp, "floorctrl:s-only"]) },
        "sdp.bfcp.confid-range": { media("m=application 5000 TCP/TLS/BFCP *", bfcp + ["confid:99999999999"]) },
        "sdp.bfcp.userid-range": { media("m=application 5000 TCP/TLS/BFCP *", ["userid:70000"]) },
        "sdp.bfcp.floorid-range": { media("m=application 5000 TCP/TLS/BFCP *", ["floorid:70000 mstrm:1", "label:1"]) },
        "sdp.bfcp.floorid-label": { media("m=application 5000 TCP/TLS/BFCP *", ["floorid:7 mstrm:nowhere"]) },
        "sdp.bfcp.answer-roles": { media("m=application 5000 TCP/TLS/BFCP *", ["floorctrl:c-only s-only"], role: .answer) },
        // 3GPP
        "sdp.3ge2ae.session-level": { doc(["a=3ge2ae:requested"]) },
        "sdp.3ge2ae.unknown-token": { media("m=message 7654 TCP/TLS/MSRP *", msrp + ["3ge2ae:x"]) },
        "tr33829.sdp.e2ae-transport": { media("m=message 7654 TCP/MSRP *", ["accept-types:text/plain", "path:msrp://a.example.com:7654/x;tcp", "3ge2ae:requested"]) },
        "tr33829.sdp.e2ae-with-e2e": { media("m=audio 9 RTP/SAVP 0", [mikey(.transferInit), "3ge2ae:requested"]) },
        "tr33829.sdp.tls-cs-missing": { media("m=message 7654 TCP/TLS/MSRP *", msrp + [mikey(.transferInit)]) },
        "tr33829.sdp.mixed-levels": { doc(["a=" + mikey(.transferInit), "m=audio 9 RTP/SAVP 0", "a=" + mikey(.transferInit, csb: 7)]) },
        "tr33829.sdp.msrp-shared-port": {
            let m = ["m=message 7654 TCP/TLS/MSRP *"] + msrp.map { "a=" + $0 } + ["a=" + mikey(.transferInit, tls: true)]
            return doc(m + m)
        },
        "tr33829.sdp.offer-data-type": { media("m=audio 9 RTP/SAVP 0", [mikey(.transferResp)], role: .offer) },
        "tr33829.sdp.answer-data-type": { media("m=audio 9 RTP/SAVP 0", [mikey(.transferInit)], role: .answer) },
        // offer/answer
        "sdp.oa.media-count": { pair(RFCExamples.rfc4568Section7_1_5Offer, K.description([])) },
        "sdp.oa.media-type": { pair(RFCExamples.rfc4568Section7_1_5Offer, K.description(["m=video 9 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(9)])) },
        "sdp.oa.proto": { pair(RFCExamples.rfc4568Section7_1_5Offer, K.description(["m=audio 9 RTP/AVP 0"])) },
        "sdp.oa.setup-role": { pair(tcpTLS("active"), tcpTLS("active")) },
        "sdp.oa.connection": { pair(K.description(["m=image 9 TCP/TLS t38", "a=" + fp, "a=connection:new"]), K.description(["m=image 9 TCP/TLS t38", "a=" + fp, "a=connection:existing"])) },
        "sdp.oa.fingerprint-missing": { pair(tcpTLS("actpass"), K.description(["m=image 9 TCP/TLS t38", "a=setup:active"])) },
        "sdp.oa.tls-id-unexpected": { pair(K.description(["m=image 9 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=" + fp]), K.description(["m=image 9 UDP/TLS/UDPTL t38"] + ["setup:active", fp, TransportRuleTests.tlsID].map { "a=" + $0 })) },
        "sdp.oa.crypto-missing": { pair(RFCExamples.rfc4568Section7_1_5Offer, K.description(["m=audio 9 RTP/SAVP 0"])) },
        "sdp.oa.crypto-count": { pair(RFCExamples.rfc4568Section7_1_5Offer, OfferAnswerTests.answerWith(["1 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(1), "2 F8_128_HMAC_SHA1_80 inline:" + K.key30(2)])) },
        "sdp.oa.crypto-tag": { pair(RFCExamples.rfc4568Section7_1_5Offer, OfferAnswerTests.answerWith(["9 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(1)])) },
        "sdp.oa.crypto-suite": { pair(RFCExamples.rfc4568Section7_1_5Offer, OfferAnswerTests.answerWith(["2 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(1)])) },
        "sdp.oa.crypto-key-reuse": { pair(RFCExamples.rfc4568Section7_1_5Offer, OfferAnswerTests.answerWith(["1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"])) },
        "sdp.oa.crypto-and-keymgmt": { pair(K.description(["m=audio 9 RTP/SAVP 0", "a=crypto:" + RFCExamples.rfc4568Section4Crypto, "a=" + mikey(.transferInit)]), K.description(["m=audio 9 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + K.key30(1), "a=" + mikey(.transferResp)])) },
        "sdp.oa.keymgmt-missing": { pair(OfferAnswerTests.km((try? KeyMgmtTests.transferInit()) ?? []), K.description(["m=audio 9 RTP/SAVP 0"])) },
        "sdp.oa.keymgmt-protocol": { pair(OfferAnswerTests.km((try? KeyMgmtTests.transferInit()) ?? []), K.description(["m=audio 9 RTP/SAVP 0", "a=key-mgmt:other AQID"])) },
        "sdp.oa.keymgmt-response-type": { pair(OfferAnswerTests.km((try? KeyMgmtTests.message(.psk)) ?? []), OfferAnswerTests.km((try? KeyMgmtTests.message(.dhResp)) ?? [])) },
        "sdp.oa.keymgmt-csb-id": { pair(OfferAnswerTests.km((try? KeyMgmtTests.message(.psk)) ?? []), OfferAnswerTests.km((try? KeyMgmtTests.message(.pskVerify, csbID: 3)) ?? [])) },
        "tr33829.sdp.transfer-pair": { pair(OfferAnswerTests.km((try? KeyMgmtTests.transferInit()) ?? []), OfferAnswerTests.km((try? KeyMgmtTests.message(.transferInit)) ?? [])) },
        "sdp.oa.floorctrl": { pair(K.description(["m=application 9 TCP/TLS/BFCP *", "a=floorctrl:c-only"]), K.description(["m=application 9 TCP/TLS/BFCP *", "a=floorctrl:c-only"])) },
        "sdp.oa.dtls-answer-setup": { pair(K.description(["m=image 9 UDP/TLS/UDPTL t38"] + dtls.map { "a=" + $0 }), K.description(["m=image 9 UDP/TLS/UDPTL t38", "a=setup:holdconn", "a=" + fp])) },
        // decoding codes of fields and attributes (line-level codes: ParserTests)
        "sdp.o.syntax": { raw(["v=0", "o=x", "s=-", "t=0 0"]) },
        "sdp.c.syntax": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN", "t=0 0"]) },
        "sdp.b.syntax": { doc(["b=AS:x"]) },
        "sdp.t.syntax": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=x"]) },
        "sdp.r.syntax": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "r=x"]) },
        "sdp.z.syntax": { raw(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "r=1 1 1", "z=x"]) },
        "sdp.m.syntax": { doc(["m=audio"]) },
        "sdp.a.value-missing": { media("m=audio 9 RTP/SAVP 0", ["fingerprint"]) },
        "sdp.limit.key-params": { crypto("1 AES_CM_128_HMAC_SHA1_80 " + Array(repeating: "inline:\(key)|1:1", count: 65).joined(separator: ";")) },
        "sdp.crypto.tag-syntax": { crypto("x") },
        "sdp.crypto.suite-syntax": { crypto("1 A-B inline:\(key)") },
        "sdp.crypto.key-params-syntax": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline") },
        "sdp.crypto.inline-syntax": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|1|2|3") },
        "sdp.crypto.lifetime-syntax": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|2^") },
        "sdp.crypto.mki-syntax": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|1:x") },
        "sdp.crypto.session-param-syntax": { crypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key) WSH=") },
        "sdp.fingerprint.syntax": { media("m=image 9 TCP/TLS t38", ["fingerprint:sha-1"]) },
        "sdp.keymgmt.syntax": { media("m=audio 9 RTP/SAVP 0", ["key-mgmt:mikey"]) },
        "sdp.setup.syntax": { media("m=image 9 TCP/TLS t38", ["setup:x", fp]) },
        "sdp.connection.syntax": { media("m=image 9 TCP/TLS t38", ["connection:x", fp]) },
        "sdp.tls-id.syntax": { media("m=image 9 UDP/TLS/UDPTL t38", ["tls-id:%%%"]) },
        "sdp.3ge2ae.syntax": { media("m=audio 9 RTP/AVP 0", ["3ge2ae:a b"]) },
        "sdp.msrp.uri-syntax": { media("m=message 7654 TCP/TLS/MSRP *", ["path:msrps://a%"]) },
        "sdp.msrp.accept-types-syntax": { media("m=message 7654 TCP/TLS/MSRP *", ["accept-types:text"]) },
        "sdp.bfcp.floorctrl-syntax": { media("m=application 9 TCP/TLS/BFCP *", ["floorctrl:x"]) },
        "sdp.bfcp.confid-syntax": { media("m=application 9 TCP/TLS/BFCP *", ["confid:x"]) },
        "sdp.bfcp.userid-syntax": { media("m=application 9 TCP/TLS/BFCP *", ["userid:-1"]) },
        "sdp.bfcp.floorid-syntax": { media("m=application 9 TCP/TLS/BFCP *", ["floorid:1"]) },
    ]

    @Test func codesAreUniqueAndNamespaced() {
        let codes = SDPRules.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        let decoding = SDPRules.decodingCodes.map(\.code)
        #expect(Set(decoding).count == decoding.count)
        #expect(Set(codes).isDisjoint(with: decoding))
        for c in codes + decoding {
            #expect(c.hasPrefix("sdp.") || c.hasPrefix("tr33829.sdp."), "\(c)")
            #expect(c.range(of: #"^[a-z0-9.-]+$"#, options: .regularExpression) != nil, "\(c)")
        }
        for r in SDPRules.all {
            #expect(!r.specRef.isEmpty && !r.summary.isEmpty, "\(r.code)")
            #expect(SDPRules.rule(code: r.code) == r)
        }
    }

    /// Every rule and every field/attribute decoding code fires on its input.
    @Test(arguments: SDPRules.all.map(\.code) + SDPRules.decodingCodes.map(\.code).filter { !$0.hasPrefix("sdp.line.") && !["sdp.empty", "sdp.limit.bytes", "sdp.limit.lines", "sdp.limit.line-length", "sdp.limit.media", "sdp.limit.formats"].contains($0) })
    func everyCodeIsReachable(_ code: String) {
        guard let trigger = Self.triggers[code] else {
            Issue.record("no trigger for \(code)")
            return
        }
        let findings = trigger()
        expectCodes(findings, contain: code)
        // The finding carries its rule's severity, clause and a position.
        if let rule = SDPRules.rule(code: code), let f = findings.first(where: { $0.code == code }) {
            #expect(f.severity == rule.severity)
            #expect(f.specRef == rule.specRef)
            #expect(f.offset != nil)
        }
    }

    @Test func everyTriggerNamesACatalogCode() {
        let known = Set(SDPRules.all.map(\.code) + SDPRules.decodingCodes.map(\.code))
        for k in Self.triggers.keys { #expect(known.contains(k), "\(k)") }
    }
}
