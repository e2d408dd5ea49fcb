import MediasecCore
import SDP

/// The m-lines of the media the TR protects besides RTP: MSRP (RFC 4975),
/// BFCP (RFC 8856) and T.38 UDPTL (RFC 7345).
enum SDPApplicationVectors {
    typealias R = SDPRules
    typealias T = SDPText

    static func build(_ s: SDPVectorSet) {
        msrp(s)
        bfcp(s)
    }

    /// A TCP/TLS/MSRP section, lines replaceable by prefix.
    static func msrp(_ g: inout SDPText, mline: String = "m=message 7394 TCP/TLS/MSRP *", path: String? = "msrps://192.0.2.10:7394/s111271;tcp",
                     accept: String? = "text/plain message/cpim", extra: [String] = []) -> [String] {
        var l = [mline]
        if let a = accept { l.append("a=accept-types:\(a)") }
        if let p = path { l.append("a=path:\(p)") }
        if mline.contains("TLS") { l.append("a=fingerprint:sha-256 \(g.fingerprint())") }
        return l + extra
    }

    static func msrp(_ s: SDPVectorSet) {
        s.add("msrp-tls", "A TCP/TLS/MSRP stream with an msrps path.", refs: ["RFC 4975 §8.1", "RFC 4975 §8.2"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(msrp(&g))).pinning(.object([("media", .array([.object([("media", .string("message")), ("fmts", .array([.string("*")])),
                ("attributes", .array([.object([("acceptTypes", .object([("entries", .array([.string("text/plain"), .string("message/cpim")]))]))]),
                                       .object([("path", .object([("uris", .array([.object([("scheme", .string("msrps")), ("port", .int(7394)), ("sessionId", .string("s111271")), ("transport", .string("tcp"))])]))]))]),
                                       .object([])]))])]))]))
        }
        s.add("msrp-tcp", "A TCP/MSRP stream with an msrp path (RFC 4975 §8.7 style).", refs: ["RFC 4975 §8.1", "RFC 4975 §8.7"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(msrp(&g, mline: "m=message 7394 TCP/MSRP *", path: "msrp://192.0.2.10:7394/s111271;tcp")))
        }
        s.add("msrp-relay-path", "A path through a relay: the endpoint URI is the last one.", refs: ["RFC 4975 §8.2"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(msrp(&g, path: "msrps://relay.example.net:2855/r3la7;tcp msrps://192.0.2.10:7394/s111271;tcp")))
        }
        s.add("msrp-wildcard-accept", "accept-types:* with an accept-wrapped-types list.", refs: ["RFC 4975 §8.6"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(msrp(&g, accept: "message/cpim text/plain", extra: ["a=accept-wrapped-types:*"])))
        }
        s.add("msrp-media-text", "m=text with TCP/TLS/MSRP: the media MUST be 'message'.", refs: ["RFC 4975 §8.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, mline: "m=text 7394 TCP/TLS/MSRP *")), [R.msrpMedia.c])
        }
        s.add("msrp-fmt-not-star", "An MSRP m-line with fmt '1'.", refs: ["RFC 4975 §8.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, mline: "m=message 7394 TCP/TLS/MSRP 1")), [R.msrpFormat.c])
        }
        s.add("msrp-no-path", "An MSRP m-line without a=path.", refs: ["RFC 4975 §8.2"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, path: nil)), [R.msrpPathMissing.c])
        }
        s.add("msrp-no-accept-types", "An MSRP m-line without a=accept-types.", refs: ["RFC 4975 §8.6"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, accept: nil)), [R.msrpAcceptTypesMissing.c])
        }
        s.add("msrp-uri-no-port", "An msrps URI without a port.", refs: ["RFC 4975 §8.2"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, path: "msrps://192.0.2.10/s111271;tcp")), [R.msrpPortMissing.c])
        }
        s.add("msrp-port-mismatch", "m-line port 7394, endpoint URI port 7395.", refs: ["RFC 4975 §8.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, path: "msrps://192.0.2.10:7395/s111271;tcp")), [R.msrpPortMismatch.c])
        }
        s.add("msrp-scheme-mismatch", "An msrp: URI on a TCP/TLS/MSRP m-line.", refs: ["RFC 4975 §6", "RFC 4975 §8.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, path: "msrp://192.0.2.10:7394/s111271;tcp")), [R.msrpScheme.c])
        }
        s.add("msrps-on-tcp-msrp", "An msrps: URI on a TCP/MSRP m-line.", refs: ["RFC 4975 §6", "RFC 4975 §8.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, mline: "m=message 7394 TCP/MSRP *")), [R.msrpScheme.c])
        }
        s.add("msrp-transport-sctp", "A URI with ;sctp on a TCP m-line (warning).", refs: ["RFC 4975 §6"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(msrp(&g, path: "msrps://192.0.2.10:7394/s111271;sctp")), [R.msrpTransport.c])
        }
        s.add("msrp-userinfo-password", "A URI userinfo with a password.", refs: ["RFC 4975 §6"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, path: "msrps://alice:secret@192.0.2.10:7394/s111271;tcp")), [R.msrpUserinfoPassword.c])
        }
        s.add("msrp-userinfo-user", "A URI userinfo without a password.", refs: ["RFC 4975 §6"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(msrp(&g, path: "msrps://alice@192.0.2.10:7394/s111271;tcp")))
        }
        s.add("msrp-address-mismatch", "c= 192.0.2.10, URI host 192.0.2.99 (warning).", refs: ["RFC 4975 §8.1"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(msrp(&g, path: "msrps://192.0.2.99:7394/s111271;tcp")), [R.msrpAddressMismatch.c])
        }
        s.add("msrp-path-duplicate", "Two a=path lines.", refs: ["RFC 4975 §8.2"], flags: ["one-change"]) { g in
            .invalid(T.sdp(msrp(&g, extra: ["a=path:msrps://192.0.2.10:7394/s2;tcp"])), [R.attributeDuplicate.c])
        }
        let syntax: [(String, String, String, String)] = [
            ("scheme-sip", "a sip: URI in a=path", "sdp.msrp.uri-syntax", "a=path:sip:bob@example.com"),
            ("no-colon-slash-slash", "a URI without ':' after the scheme", "sdp.msrp.uri-syntax", "a=path:msrps//192.0.2.10:7394/s111271;tcp"),
            ("no-transport", "a URI without ';transport'", "sdp.msrp.uri-syntax", "a=path:msrps://192.0.2.10:7394/s111271"),
            ("host-empty", "a URI with an empty host", "sdp.msrp.uri-syntax", "a=path:msrps://:7394/s111271;tcp"),
            ("percent-bad-hex", "userinfo with '%G1'", "sdp.msrp.uri-syntax", "a=path:msrps://al%G1ce@192.0.2.10:7394/s111271;tcp"),
            ("accept-types-empty", "'a=accept-types:' empty", "sdp.msrp.accept-types-syntax", "a=accept-types:"),
            ("accept-types-slash", "an accept-types entry 'text/'", "sdp.msrp.accept-types-syntax", "a=accept-types:text/"),
        ]
        for (n, what, code, line) in syntax {
            s.add("msrp-syntax-\(n)", "\(what) (\(code)).", refs: ["RFC 4975 §9", "RFC 4975 §8.6", "RFC 3986 §2.1"], flags: ["one-change"]) { g in
                let base = msrp(&g, path: line.hasPrefix("a=path") ? nil : "msrps://192.0.2.10:7394/s111271;tcp", accept: line.hasPrefix("a=accept") ? nil : "text/plain")
                return .invalid(T.sdp(base + [line]), [code])
            }
        }
    }

    /// A TCP/TLS/BFCP section with its attributes, and an audio section labelled 10.
    static func bfcp(_ g: inout SDPText, mline: String = "m=application 50000 TCP/TLS/BFCP *", setup: String = "passive", floorctrl: String? = "s-only",
                     confid: String? = "4321", userid: String? = "1234", floorid: String? = "1 mstrm:10", extra: [String] = []) -> [String] {
        var l = [mline, "a=setup:\(setup)", "a=connection:new", "a=fingerprint:sha-256 \(g.fingerprint())"]
        if let f = floorctrl { l.append("a=floorctrl:\(f)") }
        if let c = confid { l.append("a=confid:\(c)") }
        if let u = userid { l.append("a=userid:\(u)") }
        if let f = floorid { l.append("a=floorid:\(f)") }
        return l + extra + ["m=audio 50002 RTP/AVP 0", "a=label:10"]
    }

    static func bfcp(_ s: SDPVectorSet) {
        s.add("bfcp-server", "A floor control server: s-only with confid, userid, floorid and the labelled stream.", refs: ["RFC 8856 §5", "RFC 8856 §10.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(bfcp(&g))).pinning(.object([("media", .array([.object([("proto", .string("TCP/TLS/BFCP")), ("application", .string("bfcp"))]), .object([])]))]))
        }
        s.add("bfcp-client", "A floor control client: c-only, no server attributes needed.", refs: ["RFC 8856 §5.1", "RFC 8856 §10.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(bfcp(&g, floorctrl: "c-only", confid: nil, userid: nil, floorid: nil)))
        }
        s.add("bfcp-both-roles", "An offer of both roles as 'c-only s-only'.", refs: ["RFC 8856 §5.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(bfcp(&g, floorctrl: "c-only s-only")))
        }
        s.add("bfcp-c-s", "The obsolete 'c-s' token (warning).", refs: ["RFC 8856 §5.1"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(bfcp(&g, floorctrl: "c-s")), [R.bfcpClientServer.c])
        }
        s.add("bfcp-media-audio", "m=audio with TCP/TLS/BFCP.", refs: ["RFC 8856 §4"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, mline: "m=audio 50000 TCP/TLS/BFCP *")), [R.bfcpMedia.c])
        }
        s.add("bfcp-fmt", "A BFCP m-line with fmt '1'.", refs: ["RFC 8856 §4"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, mline: "m=application 50000 TCP/TLS/BFCP 1")), [R.bfcpFormat.c])
        }
        s.add("bfcp-no-floorctrl", "A BFCP m-line without floorctrl (RFC 4583 endpoints; warning).", refs: ["RFC 8856 §10.1"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(bfcp(&g, floorctrl: nil, confid: nil, userid: nil, floorid: nil)), [R.bfcpFloorctrlMissing.c])
        }
        s.add("bfcp-server-no-confid", "s-only without confid.", refs: ["RFC 8856 §10.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, confid: nil)), [R.bfcpServerAttributes.c])
        }
        s.add("bfcp-server-no-floorid", "s-only without floorid.", refs: ["RFC 8856 §10.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, floorid: nil)), [R.bfcpServerAttributes.c])
        }
        s.add("bfcp-confid-2-32", "confid 4294967296 does not fit 32 bits.", refs: ["RFC 8856 §5.2"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, confid: "4294967296")), [R.bfcpConfidRange.c])
        }
        s.add("bfcp-confid-max", "confid 4294967295 (2^32-1).", refs: ["RFC 8856 §5.2"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(bfcp(&g, confid: "4294967295")))
        }
        s.add("bfcp-userid-65536", "userid 65536 does not fit 16 bits.", refs: ["RFC 8856 §5.3"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, userid: "65536")), [R.bfcpUseridRange.c])
        }
        s.add("bfcp-floorid-65536", "floorid 65536 does not fit 16 bits.", refs: ["RFC 8856 §5.4"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, floorid: "65536 mstrm:10")), [R.bfcpFlooridRange.c])
        }
        s.add("bfcp-floorid-unknown-label", "floorid names mstrm:12, no a=label:12 (warning).", refs: ["RFC 8856 §5.4"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(bfcp(&g, floorid: "1 mstrm:12")), [R.bfcpFlooridLabel.c])
        }
        s.add("bfcp-answer-two-roles", "An answer with two roles.", refs: ["RFC 8856 §5.1"], flags: ["one-change", "role"]) { g in
            SDPVectorCase.invalid(T.answer(bfcp(&g, floorctrl: "c-only s-only")), [R.bfcpAnswerRoles.c]).role(.answer)
        }
        s.add("bfcp-answer-server", "An answer taking the server role.", refs: ["RFC 8856 §5.1"], flags: ["clean-baseline", "role"]) { g in
            SDPVectorCase.valid(T.answer(bfcp(&g))).role(.answer)
        }
        s.add("bfcp-floorctrl-duplicate", "Two a=floorctrl lines.", refs: ["RFC 8856 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(bfcp(&g, extra: ["a=floorctrl:c-only"])), [R.attributeDuplicate.c])
        }
        let syntax: [(String, String, String, String?, String?, String?, String?)] = [
            ("floorctrl", "floorctrl 'boss'", "sdp.bfcp.floorctrl-syntax", "boss", nil, nil, nil),
            ("confid", "confid 'abc'", "sdp.bfcp.confid-syntax", "c-only", "abc", nil, nil),
            ("userid", "userid '-1'", "sdp.bfcp.userid-syntax", "c-only", nil, "-1", nil),
            ("floorid", "floorid '1 stream:10'", "sdp.bfcp.floorid-syntax", "c-only", nil, nil, "1 stream:10"),
        ]
        for (n, what, code, fc, c, u, f) in syntax {
            s.add("bfcp-syntax-\(n)", "\(what) (\(code)).", refs: ["RFC 8856 §5"], flags: ["one-change"]) { g in
                .invalid(T.sdp(bfcp(&g, floorctrl: fc, confid: c, userid: u, floorid: f)), [code])
            }
        }
        s.add("udptl-plain", "A plain udptl T.38 stream (no security rules apply).", refs: ["RFC 7345 §1", "RFC 8866 §5.14"], flags: ["clean-baseline"]) { _ in
            .valid(T.sdp(["m=image 54111 udptl t38", "a=T38FaxVersion:0"]))
        }
    }
}
