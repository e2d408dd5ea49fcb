import Testing
import MediasecCore
import MIKEY
@testable import SDP

/// validateOfferAnswer: setup pairs, crypto tag acceptance, fingerprints
/// on TLS/DTLS, key-mgmt TRANSFER_INIT → TRANSFER_RESP, floorctrl roles.
@Suite struct OfferAnswerTests {
    typealias K = SDPTestKit

    static func pair(_ offer: [UInt8], _ answer: [UInt8], choices: SDPAmbiguityChoices = .default) -> SDPOfferAnswerReport {
        SDPValidator(options: SDPValidationOptions(choices: choices)).validateOfferAnswer(offer: offer, answer: answer)
    }

    static func codes(_ r: SDPOfferAnswerReport) -> [String] { r.findings.map(\.code) }

    static func expectPair(_ r: SDPOfferAnswerReport, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.findings.contains { $0.code == code }, "expected \(code); got:\n\(r.findings.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    static func expectNoPair(_ r: SDPOfferAnswerReport, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!r.findings.contains { $0.code == code }, "unexpected \(code):\n\(r.findings.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// RFC 4568 §7.1.5: the published exchange is clean.
    @Test func rfc4568Section7_1_5() {
        let r = Self.pair(RFCExamples.rfc4568Section7_1_5Offer, RFCExamples.rfc4568Section7_1_5Answer)
        #expect(r.findings.isEmpty, "\(r.findings)")
        #expect(r.isValid)
        #expect(r.answer.decoded != nil)
    }

    static func answerWith(_ crypto: [String], port: Int = 32640) -> [UInt8] {
        K.description(["m=audio \(port) RTP/SAVP 0"] + crypto.map { "a=crypto:" + $0 })
    }

    @Test func cryptoAcceptance() {
        let offer = RFCExamples.rfc4568Section7_1_5Offer
        let k = K.key30(77)
        Self.expectPair(Self.pair(offer, Self.answerWith(["3 AES_CM_128_HMAC_SHA1_80 inline:\(k)"])), "sdp.oa.crypto-tag")
        Self.expectPair(Self.pair(offer, Self.answerWith(["1 AES_CM_128_HMAC_SHA1_32 inline:\(k)"])), "sdp.oa.crypto-suite")
        Self.expectNoPair(Self.pair(offer, Self.answerWith(["2 F8_128_HMAC_SHA1_80 inline:\(k)|2^20|1:4"])), "sdp.oa.crypto-suite")
        Self.expectPair(Self.pair(offer, Self.answerWith(["1 AES_CM_128_HMAC_SHA1_80 inline:\(k)", "2 F8_128_HMAC_SHA1_80 inline:\(K.key30(78))"])), "sdp.oa.crypto-count")
        Self.expectPair(Self.pair(offer, Self.answerWith([])), "sdp.oa.crypto-missing")
        Self.expectNoPair(Self.pair(offer, Self.answerWith([], port: 0)), "sdp.oa.crypto-missing")
        // The answerer must not reuse the offerer's key (§7.1.2).
        Self.expectPair(Self.pair(offer, Self.answerWith(["1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4"])), "sdp.oa.crypto-key-reuse")
    }

    @Test func mediaCountTypeAndProto() {
        let offer = RFCExamples.rfc4568Section7_1_5Offer
        Self.expectPair(Self.pair(offer, K.description(["m=audio 1 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))", "m=video 2 RTP/AVP 31"])), "sdp.oa.media-count")
        Self.expectPair(Self.pair(offer, K.description(["m=video 1 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))"])), "sdp.oa.media-type")
        Self.expectPair(Self.pair(offer, K.description(["m=audio 1 RTP/SAVPF 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))"])), "sdp.oa.proto")
    }

    static func tcpTLS(_ setup: String?, connection: String? = "new", port: Int = 54111) -> [UInt8] {
        var a = ["m=image \(port) TCP/TLS t38", "a=fingerprint:sha-256 " + FingerprintTests.sha256]
        if let s = setup { a.append("a=setup:" + s) }
        if let c = connection { a.append("a=connection:" + c) }
        return K.description(a)
    }

    /// RFC 4145 §4.1, the whole table, with the defaults (offer active,
    /// answer passive) when the attribute is absent.
    @Test(arguments: [nil, "active", "passive", "actpass", "holdconn"] as [String?])
    func setupRolePairs(_ offered: String?) {
        let allowed: [String?: Set<String?>] = [
            "active": ["passive", "holdconn", nil], nil: ["passive", "holdconn", nil],
            "passive": ["active", "holdconn"], "actpass": ["active", "passive", "holdconn", nil], "holdconn": ["holdconn"],
        ]
        for answered in [nil, "active", "passive", "actpass", "holdconn"] as [String?] {
            let r = Self.pair(Self.tcpTLS(offered), Self.tcpTLS(answered))
            let ok = allowed[offered]?.contains(answered) ?? false
            if ok {
                Self.expectNoPair(r, "sdp.oa.setup-role")
            } else {
                Self.expectPair(r, "sdp.oa.setup-role")
            }
        }
        // An answer is never actpass.
        #expect(Self.pair(Self.tcpTLS("actpass"), Self.tcpTLS("actpass")).answer.findings.contains { $0.code == "sdp.setup.answer-actpass" })
    }

    @Test func connectionPairs() {
        Self.expectPair(Self.pair(Self.tcpTLS("actpass", connection: "new"), Self.tcpTLS("active", connection: "existing")), "sdp.oa.connection")
        Self.expectNoPair(Self.pair(Self.tcpTLS("actpass", connection: "existing"), Self.tcpTLS("active", connection: "new")), "sdp.oa.connection")
        Self.expectNoPair(Self.pair(Self.tcpTLS("actpass", connection: "existing"), Self.tcpTLS("active", connection: "existing")), "sdp.oa.connection")
    }

    @Test func dtlsAnswers() {
        let offer = K.description(["m=image 6056 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=" + TransportRuleTests.fp, "a=" + TransportRuleTests.tlsID])
        let answer = { (s: String) in K.description(["m=image 7000 UDP/TLS/UDPTL t38", "a=setup:" + s, "a=" + TransportRuleTests.fp, "a=tls-id:zyx3de65cddef001be82"]) }
        let ok = Self.pair(offer, answer("active"))
        #expect(ok.findings.isEmpty, "\(ok.findings)")
        #expect(ok.isValid, "\(ok.allFindings)")
        Self.expectPair(Self.pair(offer, answer("holdconn")), "sdp.oa.dtls-answer-setup")
        // No tls-id in the offer: none in the answer (RFC 8842 §5.3).
        let offerNoID = K.description(["m=image 6056 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=" + TransportRuleTests.fp])
        Self.expectPair(Self.pair(offerNoID, answer("passive")), "sdp.oa.tls-id-unexpected")
    }

    @Test func fingerprintWhereverTLSIsUsed() {
        let offer = Self.tcpTLS("actpass")
        let answer = K.description(["m=image 9 TCP/TLS t38", "a=setup:active", "a=connection:new"])
        let r = Self.pair(offer, answer)
        Self.expectPair(r, "sdp.oa.fingerprint-missing")
        #expect(r.findings.first { $0.code == "sdp.oa.fingerprint-missing" }?.path == "answer.media[0]")
        // Session-level fingerprints count.
        let sessionFP = K.description(["a=fingerprint:sha-256 " + FingerprintTests.sha256, "m=image 9 TCP/TLS t38", "a=setup:active", "a=connection:new"])
        Self.expectNoPair(Self.pair(offer, sessionFP), "sdp.oa.fingerprint-missing")
        // Rejected streams need none.
        Self.expectNoPair(Self.pair(offer, K.description(["m=image 0 TCP/TLS t38"])), "sdp.oa.fingerprint-missing")
    }

    static func km(_ bytes: [UInt8]) -> [UInt8] {
        K.description(["m=audio 49170 RTP/SAVP 0", "a=key-mgmt:mikey " + Base64.encode(bytes)])
    }

    /// TR 33.829: TRANSFER_INIT (14) in the offer, TRANSFER_RESP (15) in the answer.
    @Test func keyMgmtTransferExchange() throws {
        let offer = Self.km(try KeyMgmtTests.transferInit())
        let good = Self.pair(offer, Self.km(try KeyMgmtTests.message(.transferResp)))
        #expect(good.findings.isEmpty, "\(good.findings)")
        let wrongType = Self.pair(offer, Self.km(try KeyMgmtTests.message(.pskVerify)))
        Self.expectPair(wrongType, "sdp.oa.keymgmt-response-type")
        Self.expectPair(wrongType, "tr33829.sdp.transfer-pair")
        let offerPSK = Self.km(try KeyMgmtTests.message(.psk))
        Self.expectNoPair(Self.pair(offerPSK, Self.km(try KeyMgmtTests.message(.pskVerify))), "sdp.oa.keymgmt-response-type")
        // An Error message is always an acceptable MIKEY response.
        Self.expectNoPair(Self.pair(offer, Self.km(try KeyMgmtTests.message(.error))), "sdp.oa.keymgmt-response-type")
        Self.expectPair(Self.pair(offer, Self.km(try KeyMgmtTests.message(.transferResp, csbID: 99))), "sdp.oa.keymgmt-csb-id")
        Self.expectPair(Self.pair(offer, K.description(["m=audio 49170 RTP/SAVP 0"])), "sdp.oa.keymgmt-missing")
        Self.expectPair(Self.pair(offer, K.description(["m=audio 49170 RTP/SAVP 0", "a=key-mgmt:keyp1 AQID"])), "sdp.oa.keymgmt-protocol")
        // The answer may key with a=crypto instead only when the offer offered it too.
        let both = K.description(["m=audio 49170 RTP/SAVP 0", "a=key-mgmt:mikey " + Base64.encode(try KeyMgmtTests.transferInit()), "a=crypto:" + RFCExamples.rfc4568Section4Crypto])
        let answerBoth = K.description(["m=audio 49170 RTP/SAVP 0", "a=key-mgmt:mikey " + Base64.encode(try KeyMgmtTests.message(.transferResp)), "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(5))"])
        Self.expectPair(Self.pair(both, answerBoth), "sdp.oa.crypto-and-keymgmt")
        Self.expectNoPair(Self.pair(both, K.description(["m=audio 49170 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(5))"])), "sdp.oa.keymgmt-missing")
        // The role-aware single-description checks see the same exchange.
        #expect(wrongType.answer.findings.contains { $0.code == "tr33829.sdp.answer-data-type" })
    }

    /// RFC 8856 §5.1 Table 1.
    @Test func floorControlRoles() {
        let offer = { (roles: String) in K.description(["m=application 50000 TCP/TLS/BFCP *", "a=setup:actpass", "a=connection:new", "a=" + TransportRuleTests.fp, "a=floorctrl:" + roles, "a=confid:1", "a=userid:2", "a=floorid:1 mstrm:10", "a=label:10"]) }
        let answer = { (roles: String?) in K.description(["m=application 9 TCP/TLS/BFCP *", "a=setup:active", "a=connection:new", "a=" + TransportRuleTests.fp] + (roles.map { ["a=floorctrl:" + $0, "a=confid:1", "a=userid:2", "a=floorid:1 mstrm:10", "a=label:10"] } ?? [])) }
        let table: [(String, String?, Bool)] = [
            ("c-only", "s-only", true), ("c-only", "c-only", false), ("s-only", "c-only", true), ("s-only", "s-only", false),
            ("c-s", "c-only", true), ("c-s", "s-only", true), ("c-only s-only", "s-only", true), ("c-only s-only", "c-only", true),
            ("c-only s-only", "c-only s-only", false), ("c-only", nil, false),
        ]
        for (o, a, ok) in table {
            let r = Self.pair(offer(o), answer(a))
            if ok { Self.expectNoPair(r, "sdp.oa.floorctrl") } else { Self.expectPair(r, "sdp.oa.floorctrl") }
        }
    }

    @Test func undecodableSideGivesNoPairFindings() {
        let r = Self.pair(RFCExamples.rfc4568Section7_1_5Offer, [0x76])
        #expect(r.findings.isEmpty)
        #expect(!r.isValid)
        #expect(r.answer.findings.first?.code == "sdp.line.too-short")
        let json = r.json()
        #expect(json["format"]?.stringValue == "sdp-offer-answer")
        #expect(json["valid"]?.boolValue == false)
    }
}
