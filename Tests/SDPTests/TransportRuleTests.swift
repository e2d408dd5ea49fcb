import Testing
import MediasecCore
@testable import SDP

/// m-line rules per proto (FACTS.md §5): TCP/TLS/MSRP, TCP/TLS/BFCP,
/// UDP/TLS/UDPTL, RTP/SAVP(F), UDP/TLS/RTP/SAVP(F); RFC 4145 setup and
/// connection, RFC 8842 tls-id, 3GPP a=3ge2ae.
@Suite struct TransportRuleTests {
    typealias K = SDPTestKit
    static let fp = "fingerprint:sha-256 " + FingerprintTests.sha256
    static let tlsID = "tls-id:abc3de65cddef001be82"

    // MARK: MSRP (RFC 4975)

    @Test func rfc4975ExamplesAreValid() {
        for ex in [RFCExamples.rfc4975Figure9, RFCExamples.rfc4975Figure10] {
            let r = K.validate(ex)
            expectValid(r)
            #expect(!r.findings.contains { $0.code.hasPrefix("sdp.msrp") }, "\(r.findings)")
        }
    }

    @Test func msrpPathDecodes() throws {
        let p = try MSRPPathAttribute(parsing: "msrp://relay.example.net:2855/z9;tcp msrps://bob@alice.example.com:7394/2s93i93idj;tcp;x=y")
        #expect(p.uris.count == 2)
        #expect(p.endpoint?.isSecure == true)
        #expect(p.endpoint?.userinfo == "bob")
        #expect(p.endpoint?.portNumber == 7394)
        #expect(p.endpoint?.sessionID == "2s93i93idj")
        #expect(p.endpoint?.parameters == ["x=y"])
        assertRoundTrips(p)
        assertRoundTrips(MSRPPathAttribute([MSRPURI(host: "[2001:db8::1]", port: 2855, sessionID: "abc")]), encodesTo: "msrps://[2001:db8::1]:2855/abc;tcp")
    }

    static let msrpTLS = ["accept-types:message/cpim text/plain", "path:" + RFCExamples.rfc4975Section14_4Path, fp]

    @Test func tcpTLSMSRPRequirements() {
        let ok = K.validate(K.description(["m=message 7654 TCP/TLS/MSRP *", "c=IN IP4 atlanta.example.com"] + Self.msrpTLS.map { "a=" + $0 }))
        expectValid(ok)
        #expect(!ok.findings.contains { $0.code.hasPrefix("sdp.msrp") }, "\(ok.findings)")
        expectCode(K.validateMedia("m=text 7654 TCP/TLS/MSRP *", Self.msrpTLS), "sdp.msrp.media")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP 0", Self.msrpTLS), "sdp.msrp.fmt")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", [Self.msrpTLS[1], Self.fp]), "sdp.msrp.accept-types-missing")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", [Self.msrpTLS[0], Self.fp]), "sdp.msrp.path-missing")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", Array(Self.msrpTLS.prefix(2))), "sdp.tls.fingerprint-missing")
        expectCode(K.validateMedia("m=message 9999 TCP/TLS/MSRP *", Self.msrpTLS), "sdp.msrp.port-mismatch")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", [Self.msrpTLS[0], "path:msrp://atlanta.example.com:7654/jshA7weso3ks;tcp", Self.fp]), "sdp.msrp.scheme")
        expectCode(K.validate(RFCExamples.rfc4975Figure9.replacing(Array("TCP/MSRP".utf8), with: Array("TCP/TLS/MSRP".utf8))), "sdp.msrp.scheme")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", [Self.msrpTLS[0], "path:msrps://atlanta.example.com/jshA7weso3ks;tcp", Self.fp]), "sdp.msrp.port-missing")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", [Self.msrpTLS[0], "path:msrps://atlanta.example.com:7654/jshA7weso3ks;udp", Self.fp]), "sdp.msrp.transport")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", [Self.msrpTLS[0], "path:msrps://u:pw@atlanta.example.com:7654/x;tcp", Self.fp]), "sdp.msrp.userinfo-password")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", Self.msrpTLS), "sdp.msrp.address-mismatch")
        expectCode(K.validate(K.description(["a=path:" + RFCExamples.rfc4975Section14_4Path, "m=message 7654 TCP/TLS/MSRP *"] + Self.msrpTLS.map { "a=" + $0 })), "sdp.a.media-level-only")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", Self.msrpTLS + ["accept-types:text/html"]), "sdp.a.duplicate")
    }

    @Test(arguments: ["", "text", "text/", "/plain", "text/plain;", "text/plain;a", "text/plain;a=", "text/plain;a=\"x", "text/plain  text/html"])
    func acceptTypesGrammar(_ v: String) {
        #expect(throws: DecodingError.self) { try AcceptTypesAttribute(parsing: v) }
    }

    @Test func acceptTypesDecodes() throws {
        let a = try AcceptTypesAttribute(parsing: "message/cpim text/* * text/plain;charset=\"utf-8\";q=x")
        #expect(a.entries == ["message/cpim", "text/*", "*", "text/plain;charset=\"utf-8\";q=x"])
        assertRoundTrips(a)
    }

    // MARK: BFCP (RFC 8856)

    @Test func rfc8856TCPExamplesAreValid() {
        let r = K.validate(RFCExamples.rfc8856Offer, role: .offer)
        expectValid(r)
        #expect(!r.findings.contains { $0.code.hasPrefix("sdp.bfcp") }, "\(r.findings)")
        let pair = SDPValidator().validateOfferAnswer(offer: RFCExamples.rfc8856Offer, answer: RFCExamples.rfc8856Answer)
        #expect(pair.isValid, "\(pair.allFindings)")
        #expect(pair.findings.isEmpty, "\(pair.findings)")
    }

    /// The DTLS example of RFC 8856 §11 predates RFC 8842's attribute name
    /// and its answer omits the a=label lines that §10.2 requires.
    @Test func rfc8856UDPExamplesShowTheirDeviations() {
        let pair = SDPValidator().validateOfferAnswer(offer: RFCExamples.rfc8856UDPOffer, answer: RFCExamples.rfc8856UDPAnswer)
        #expect(pair.offer.findings.contains { $0.code == "sdp.tls-id.missing" })
        #expect(pair.answer.findings.contains { $0.code == "sdp.bfcp.floorid-label" })
        #expect(pair.findings.isEmpty, "\(pair.findings)")
        #expect(pair.isValid)
    }

    @Test func bfcpAttributesDecode() throws {
        #expect(try FloorControlAttribute(parsing: "c-only s-only").roles == [.clientOnly, .serverOnly])
        #expect(try BFCPConferenceIDAttribute(parsing: "4321").conferenceID == 4321)
        #expect(try BFCPUserIDAttribute(parsing: "1234").userID == 1234)
        let f = try FloorIDAttribute(parsing: "1 mstrm:10 11")
        #expect(f.floorID == 1 && f.mediaStreams == ["10", "11"] && f.label == "mstrm")
        assertRoundTrips(f)
        // RFC 4583's erroneous 'm-stream' is accepted and kept.
        assertRoundTrips(try FloorIDAttribute(parsing: "2 m-stream:12"), encodesTo: "2 m-stream:12")
        for bad in ["", "c-only  s-only", "server", "c-only "] {
            #expect(throws: DecodingError.self) { try FloorControlAttribute(parsing: bad) }
        }
        for bad in ["1", "1 mstrm:", "x mstrm:1", "1 stream:1"] {
            #expect(throws: DecodingError.self) { try FloorIDAttribute(parsing: bad) }
        }
    }

    static let bfcpBase = ["setup:actpass", "connection:new", fp, "floorctrl:c-only s-only", "confid:4321", "userid:1234", "floorid:1 mstrm:10", "label:10"]

    @Test func tcpTLSBFCPRequirements() {
        expectValid(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase))
        expectCode(K.validateMedia("m=audio 50000 TCP/TLS/BFCP *", Self.bfcpBase), "sdp.bfcp.media")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP 0", Self.bfcpBase), "sdp.bfcp.fmt")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.filter { !$0.hasPrefix("fingerprint") }), "sdp.tls.fingerprint-missing")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.filter { !$0.hasPrefix("floorctrl") }), "sdp.bfcp.floorctrl-missing")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.filter { !$0.hasPrefix("confid") }), "sdp.bfcp.server-attributes")
        expectNoCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", ["setup:actpass", "connection:new", Self.fp, "floorctrl:c-only"]), "sdp.bfcp.server-attributes")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0 == "floorctrl:c-only s-only" ? "floorctrl:c-s" : $0 }), "sdp.bfcp.c-s")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0 == "confid:4321" ? "confid:4294967296" : $0 }), "sdp.bfcp.confid-range")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0 == "userid:1234" ? "userid:65536" : $0 }), "sdp.bfcp.userid-range")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0 == "floorid:1 mstrm:10" ? "floorid:65536 mstrm:10" : $0 }), "sdp.bfcp.floorid-range")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0 == "floorid:1 mstrm:10" ? "floorid:1 mstrm:99" : $0 }), "sdp.bfcp.floorid-label")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.filter { !$0.hasPrefix("connection") }), "sdp.connection.missing")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0.hasPrefix("setup") ? "setup:passive" : $0 } + ["floorctrl:s-only"], role: .answer), "sdp.a.duplicate")
        expectCode(K.validateMedia("m=application 50000 TCP/TLS/BFCP *", Self.bfcpBase.map { $0.hasPrefix("setup") ? "setup:passive" : $0 }, role: .answer), "sdp.bfcp.answer-roles")
    }

    // MARK: UDPTL over DTLS (RFC 7345, RFC 8842)

    @Test func rfc7345Figure4() {
        let r = K.validate(RFCExamples.rfc7345Figure4, role: .offer)
        // The example's own deviations: the space after "fingerprint:", an
        // uppercase hash name, SHA-1 only, and no tls-id (RFC 7345 predates RFC 8842).
        expectCode(r, "sdp.fingerprint.leading-space")
        expectCode(r, "sdp.fingerprint.hash-case")
        expectCode(r, "sdp.fingerprint.no-sha256")
        expectCode(r, "sdp.tls-id.missing")
        expectValid(r)
    }

    static let udptl = ["setup:actpass", fp, tlsID]

    @Test func udpTLSUDPTLRequirements() {
        let ok = K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", Self.udptl, role: .offer)
        expectValid(ok)
        #expect(ok.findings.isEmpty, "\(ok.findings)")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", [Self.fp, Self.tlsID]), "sdp.dtls.setup-missing")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:holdconn", Self.fp, Self.tlsID]), "sdp.dtls.holdconn")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", Self.udptl + ["connection:new"]), "sdp.dtls.connection-forbidden")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:active", Self.fp, Self.tlsID], role: .offer), "sdp.dtls.offer-actpass")
        expectNoCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:active", Self.fp, Self.tlsID], role: .answer), "sdp.dtls.offer-actpass")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:actpass", Self.fp, Self.tlsID], role: .answer), "sdp.setup.answer-actpass")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:actpass", Self.tlsID]), "sdp.tls.fingerprint-missing")
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:actpass", Self.fp]), "sdp.tls-id.missing")
    }

    @Test func tlsIDLengthAndGrammar() throws {
        for (v, ok) in [(String(repeating: "a", count: 19), false), (String(repeating: "a", count: 20), true),
                        (String(repeating: "Z", count: 255), true), (String(repeating: "+", count: 256), false)] {
            let r = K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:actpass", Self.fp, "tls-id:" + v])
            if ok { expectNoCode(r, "sdp.tls-id.length") } else { expectCode(r, "sdp.tls-id.length") }
        }
        expectCode(K.validateMedia("m=image 6056 UDP/TLS/UDPTL t38", ["setup:actpass", Self.fp, "tls-id:abc3de65cddef001be82!"]), "sdp.tls-id.syntax")
        expectCode(K.validate(K.description(["a=" + Self.tlsID, "m=image 6056 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=" + Self.fp])), "sdp.a.media-level-only")
        assertRoundTrips(TLSIDAttribute("abc3de65cddef001be82"))
    }

    @Test func setupAndConnectionGrammar() throws {
        for r in SetupAttribute.Role.allCases { assertRoundTrips(SetupAttribute(r), encodesTo: r.rawValue) }
        for v in ConnectionAttribute.Value.allCases { assertRoundTrips(ConnectionAttribute(v), encodesTo: v.rawValue) }
        #expect(throws: DecodingError.self) { try SetupAttribute(parsing: "Active") }
        #expect(throws: DecodingError.self) { try ConnectionAttribute(parsing: "old") }
        expectCode(K.validateMedia("m=image 9 TCP/TLS t38", ["setup:both", Self.fp]), "sdp.setup.syntax")
        expectCode(K.validateMedia("m=image 9 TCP/TLS t38", ["setup:active", "connection:reuse", Self.fp]), "sdp.connection.syntax")
    }

    // MARK: SRTP m-lines

    @Test func srtpMediaNeedsKeying() {
        expectCode(K.validate(K.description(["m=audio 9 RTP/SAVP 0"])), "sdp.srtp.no-keying")
        expectCode(K.validate(K.description(["m=audio 9 RTP/SAVPF 0"])), "sdp.srtp.no-keying")
        expectNoCode(K.validate(K.description(["m=audio 0 RTP/SAVP 0"])), "sdp.srtp.no-keying")
        expectNoCode(K.validateCrypto(RFCExamples.rfc4568Section4Crypto), "sdp.srtp.no-keying")
    }

    @Test func dtlsSRTPMedia() {
        let ok = K.validateMedia("m=audio 9 UDP/TLS/RTP/SAVPF 111", ["setup:actpass", Self.fp, Self.tlsID], role: .offer)
        expectValid(ok)
        expectCode(K.validateMedia("m=audio 9 UDP/TLS/RTP/SAVP 0", ["setup:actpass", Self.tlsID]), "sdp.tls.fingerprint-missing")
        expectCode(K.validateMedia("m=audio 9 UDP/TLS/RTP/SAVP 0", [Self.fp, Self.tlsID]), "sdp.dtls.setup-missing")
        expectCode(K.validateMedia("m=audio 9 UDP/TLS/RTP/SAVP 0", ["setup:actpass", "connection:new", Self.fp, Self.tlsID]), "sdp.dtls.connection-forbidden")
        expectCode(K.validateMedia("m=audio 9 UDP/TLS/RTP/SAVP 0", ["setup:holdconn", Self.fp, Self.tlsID]), "sdp.dtls.holdconn")
    }

    // MARK: 3GPP a=3ge2ae

    @Test func e2aeIndicator() throws {
        #expect(try E2AEAttribute(parsing: "requested").indication == .requested)
        #expect(try E2AEAttribute(parsing: "applied").indication == .applied)
        #expect(try E2AEAttribute(parsing: "other").indication == nil)
        #expect(throws: DecodingError.self) { try E2AEAttribute(parsing: "") }
        #expect(throws: DecodingError.self) { try E2AEAttribute(parsing: "requested applied") }
        let msrp = Self.msrpTLS + ["3ge2ae:requested"]
        let r = K.validateMedia("m=message 7654 TCP/TLS/MSRP *", msrp)
        #expect(r.profiles.contains(.tr33829))
        expectValid(r)
        expectNoCode(r, "tr33829.sdp.e2ae-transport")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", Self.msrpTLS + ["3ge2ae:maybe"]), "sdp.3ge2ae.unknown-token")
        expectCode(K.validate(K.description(["a=3ge2ae:requested", "m=audio 9 RTP/AVP 0"])), "sdp.3ge2ae.session-level")
        expectCode(K.validateMedia("m=audio 9 RTP/AVP 0", ["3ge2ae:requested"]), "tr33829.sdp.e2ae-transport")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", msrp + ["3ge2ae:applied"]), "sdp.a.duplicate")
        expectCode(K.validateMedia("m=message 7654 TCP/TLS/MSRP *", ["3ge2ae:"] + Self.msrpTLS), "sdp.3ge2ae.syntax")
        // Without a TR element, the tr33829 profile does not run.
        #expect(!K.validateMedia("m=message 7654 TCP/TLS/MSRP *", Self.msrpTLS).profiles.contains(.tr33829))
    }
}
