import MediasecCore
import SDP

/// TLS and DTLS media: RFC 8122 `a=fingerprint`, RFC 4145 `a=setup` /
/// `a=connection`, RFC 8842 `a=tls-id`, UDPTL over DTLS (RFC 7345) and
/// DTLS-SRTP (RFC 5763); the hash-name case choice (FACTS.md §10 item 19).
enum SDPTLSVectors {
    typealias R = SDPRules
    typealias T = SDPText

    /// A UDP/TLS/UDPTL (RFC 7345) section: setup, tls-id, fingerprint, and `extra`.
    static func udptl(_ g: inout SDPText, setup: String? = "actpass", fingerprint: String? = nil, tlsID: Bool = true, extra: [String] = []) -> [String] {
        var l = ["m=image 54111 UDP/TLS/UDPTL t38"]
        if let s = setup { l.append("a=setup:\(s)") }
        if tlsID { l.append("a=tls-id:\(g.tlsID())") }
        l.append(fingerprint.map { "a=fingerprint:" + $0 } ?? "a=fingerprint:sha-256 \(g.fingerprint())")
        return l + extra
    }

    /// A TCP/TLS section (RFC 8122 §3.4 style) with setup passive and connection new.
    static func tcpTLS(_ g: inout SDPText, fingerprints: [String]? = nil) -> [String] {
        ["m=image 54111 TCP/TLS t38", "a=setup:passive", "a=connection:new"] + (fingerprints ?? ["sha-256 \(g.fingerprint())"]).map { "a=fingerprint:" + $0 }
    }

    static func build(_ s: SDPVectorSet) {
        fingerprints(s)
        transport(s)
        syntax(s)
    }

    static func fingerprints(_ s: SDPVectorSet) {
        for (h, n) in [("sha-1", 20), ("sha-224", 28), ("sha-384", 48), ("sha-512", 64)] {
            s.add("fingerprint-\(h)", "A \(h) fingerprint of \(n) bytes next to the sha-256 one.", refs: ["RFC 8122 §5", "RFC 8122 §5.1"], flags: ["clean-baseline"]) { g in
                .valid(T.sdp(tcpTLS(&g, fingerprints: ["sha-256 \(g.fingerprint())", "\(h) \(g.fingerprint(n))"])))
            }
            s.add("fingerprint-\(h)-short", "A \(h) fingerprint of \(n - 1) bytes.", refs: ["RFC 8122 §5"], flags: ["one-change"]) { g in
                .invalid(T.sdp(tcpTLS(&g, fingerprints: ["sha-256 \(g.fingerprint())", "\(h) \(g.fingerprint(n - 1))"])), [R.fingerprintLength.c])
            }
        }
        s.add("fingerprint-sha-256", "One sha-256 fingerprint on a TCP/TLS stream.", refs: ["RFC 8122 §5"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(tcpTLS(&g))).pinning(.object([("media", .array([.object([("security", .string("tls"))])]))]))
        }
        s.add("fingerprint-sha-256-long", "A sha-256 fingerprint of 33 bytes.", refs: ["RFC 8122 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(tcpTLS(&g, fingerprints: ["sha-256 \(g.fingerprint(33))"])), [R.fingerprintLength.c])
        }
        s.add("rfc8122-figure1", "RFC 8122 §3.4 Figure 1 (upper-case hash names: info, case-insensitive choice).", refs: ["RFC 8122 §3.4", "RFC 8122 §5"], flags: ["rfc-example", "ambiguity-19-hash-case"]) { _ in
            .valid(T.sdp(["m=image 54111 TCP/TLS t38", "c=IN IP4 192.0.2.2", "a=setup:passive", "a=connection:new",
                          "a=fingerprint:SHA-256 12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD",
                          "a=fingerprint:SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB"]), infos: [R.fingerprintHashCase.c])
        }
        s.add("hash-uppercase-lowercase-choice", "SHA-256 under hash-case-lowercase: the registry token is sha-256.", refs: ["RFC 8122 §8", "RFC 8122 §5"], flags: ["ambiguity-19-hash-case"]) { g in
            SDPVectorCase.invalid(T.sdp(tcpTLS(&g, fingerprints: ["SHA-256 \(g.fingerprint())"])), [R.fingerprintHashCaseStrict.c]).option("hash-case-lowercase")
        }
        s.add("hash-lowercase-lowercase-choice", "sha-256 under hash-case-lowercase: nothing to say.", refs: ["RFC 8122 §8", "RFC 8122 §5"], flags: ["ambiguity-19-hash-case"]) { g in
            SDPVectorCase.valid(T.sdp(tcpTLS(&g))).option("hash-case-lowercase")
        }
        s.add("hash-mixed-case", "Sha-256 under the default choice: info.", refs: ["RFC 8122 §5", "RFC 5234 §2.3"], flags: ["ambiguity-19-hash-case"]) { g in
            .valid(T.sdp(tcpTLS(&g, fingerprints: ["Sha-256 \(g.fingerprint())"])), infos: [R.fingerprintHashCase.c])
        }
        s.add("hash-unknown", "An unregistered hash name (warning); no sha-256 (info).", refs: ["RFC 8122 §5", "RFC 8122 §8"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(tcpTLS(&g, fingerprints: ["sha3-256 \(g.fingerprint())"])), [R.fingerprintHashUnknown.c], infos: [R.fingerprintNoSHA256.c])
        }
        s.add("hash-md5", "An md5 fingerprint: MUST NOT be used.", refs: ["RFC 8122 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(tcpTLS(&g, fingerprints: ["sha-256 \(g.fingerprint())", "md5 \(g.fingerprint(16))"])), [R.fingerprintHashForbidden.c])
        }
        s.add("hash-md2", "An md2 fingerprint alone.", refs: ["RFC 8122 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(tcpTLS(&g, fingerprints: ["md2 \(g.fingerprint(16))"])), [R.fingerprintHashForbidden.c])
        }
        s.add("sha-1-only", "Only a sha-1 fingerprint: sha-256 is required unless a stronger hash is used (info).", refs: ["RFC 8122 §5.1"], flags: ["one-change"]) { g in
            .valid(T.sdp(tcpTLS(&g, fingerprints: ["sha-1 \(g.fingerprint(20))"])), infos: [R.fingerprintNoSHA256.c])
        }
        s.add("sha-512-only", "Only a sha-512 fingerprint: stronger than sha-256.", refs: ["RFC 8122 §5.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(tcpTLS(&g, fingerprints: ["sha-512 \(g.fingerprint(64))"])))
        }
        s.add("lowercase-hex", "A sha-256 fingerprint in lower-case hex.", refs: ["RFC 8122 §5"], flags: ["one-change", "bug-shape-lowercase-fingerprint"]) { g in
            .invalid(T.sdp(tcpTLS(&g, fingerprints: ["sha-256 " + g.fingerprint().lowercased()])), [R.fingerprintLowercaseHex.c])
        }
        s.add("leading-space", "'a=fingerprint: sha-256 …' (the RFC 5763 §7.1 example form).", refs: ["RFC 8122 §5", "RFC 5763 §7.1"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(tcpTLS(&g, fingerprints: [" sha-256 \(g.fingerprint())"])), [R.fingerprintLeadingSpace.c])
        }
        s.add("session-level-fingerprint", "The fingerprint at session level applies to the TLS stream.", refs: ["RFC 8122 §5"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(["a=fingerprint:sha-256 \(g.fingerprint())", "m=image 54111 TCP/TLS t38", "a=setup:passive", "a=connection:new"]))
        }
    }

    static func transport(_ s: SDPVectorSet) {
        s.add("tls-no-fingerprint", "A TCP/TLS stream without a fingerprint.", refs: ["RFC 8122 §5"], flags: ["one-change"]) { _ in
            .invalid(T.sdp(["m=image 54111 TCP/TLS t38", "a=setup:passive", "a=connection:new"]), [R.tlsFingerprintMissing.c])
        }
        s.add("tcp-no-connection-attr", "A TCP/TLS stream without a=connection (SHOULD; info).", refs: ["RFC 4145 §5.1"], flags: ["one-change"]) { g in
            .valid(T.sdp(["m=image 54111 TCP/TLS t38", "a=setup:passive", "a=fingerprint:sha-256 \(g.fingerprint())"]), infos: [R.connectionAttrTCP.c])
        }
        s.add("tcp-connection-existing", "setup:active with connection:existing.", refs: ["RFC 4145 §4", "RFC 4145 §5"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(["m=image 54111 TCP/TLS t38", "a=setup:active", "a=connection:existing", "a=fingerprint:sha-256 \(g.fingerprint())"]))
        }
        s.add("udptl-offer", "UDP/TLS/UDPTL offer: actpass, tls-id, fingerprint (RFC 7345 §4).", refs: ["RFC 7345 §4.1", "RFC 8842 §5.2"], flags: ["clean-baseline", "role"]) { g in
            SDPVectorCase.valid(T.sdp(udptl(&g))).role(.offer).pinning(.object([("media", .array([.object([("proto", .string("UDP/TLS/UDPTL")), ("security", .string("dtls"))])]))]))
        }
        s.add("udptl-unknown-role", "UDP/TLS/UDPTL with setup:active when the side is not known.", refs: ["RFC 7345 §4.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(udptl(&g, setup: "active")))
        }
        s.add("udptl-answer", "UDP/TLS/UDPTL answer: setup:active, no tls-id needed.", refs: ["RFC 7345 §4.3", "RFC 4145 §4.1"], flags: ["clean-baseline", "role"]) { g in
            SDPVectorCase.valid(T.sdp(udptl(&g, setup: "active", tlsID: false))).role(.answer)
        }
        s.add("udptl-offer-active", "An offer with setup:active on a DTLS stream (RFC 8842 MUST actpass, RFC 7345 SHOULD: warning).", refs: ["RFC 8842 §5.2", "RFC 7345 §4.2"], flags: ["one-change", "role"]) { g in
            SDPVectorCase.acceptable(T.sdp(udptl(&g, setup: "active")), [R.dtlsOfferActpass.c]).role(.offer)
        }
        s.add("udptl-answer-actpass", "An answer with setup:actpass.", refs: ["RFC 4145 §4.1", "RFC 5763 §5"], flags: ["one-change", "role"]) { g in
            SDPVectorCase.invalid(T.sdp(udptl(&g, tlsID: false)), [R.setupAnswerActpass.c]).role(.answer)
        }
        s.add("tcp-answer-actpass", "An answer with setup:actpass on a TCP/TLS stream.", refs: ["RFC 4145 §4.1"], flags: ["one-change", "role"]) { g in
            SDPVectorCase.invalid(T.sdp(["m=image 54111 TCP/TLS t38", "a=setup:actpass", "a=connection:new", "a=fingerprint:sha-256 \(g.fingerprint())"]), [R.setupAnswerActpass.c]).role(.answer)
        }
        s.add("udptl-holdconn", "setup:holdconn on a DTLS stream.", refs: ["RFC 8842 §5.1", "RFC 7345 §4.2"], flags: ["one-change"]) { g in
            .invalid(T.sdp(udptl(&g, setup: "holdconn")), [R.dtlsHoldconn.c])
        }
        s.add("udptl-no-setup", "A DTLS stream without a=setup.", refs: ["RFC 7345 §4.1", "RFC 5763 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(udptl(&g, setup: nil)), [R.dtlsSetupMissing.c])
        }
        s.add("udptl-connection-attr", "a=connection on UDP/TLS/UDPTL.", refs: ["RFC 7345 §4.1"], flags: ["one-change"]) { g in
            .invalid(T.sdp(udptl(&g, extra: ["a=connection:new"])), [R.dtlsConnectionForbidden.c])
        }
        s.add("udptl-no-fingerprint", "UDP/TLS/UDPTL without a fingerprint.", refs: ["RFC 7345 §4.1", "RFC 8122 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(["m=image 54111 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=tls-id:\(g.tlsID())"]), [R.tlsFingerprintMissing.c])
        }
        s.add("udptl-no-tls-id", "A DTLS stream without a=tls-id (the offerer MUST insert one; warning).", refs: ["RFC 8842 §5.2"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(udptl(&g, tlsID: false)), [R.tlsIDMissing.c])
        }
        s.add("tls-id-19", "A tls-id of 19 characters.", refs: ["RFC 8842 §4"], flags: ["one-change"]) { g in
            let l = ["m=image 54111 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=tls-id:\(g.tlsID(19))", "a=fingerprint:sha-256 \(g.fingerprint())"]
            return .invalid(T.sdp(l), [R.tlsIDLength.c])
        }
        s.add("tls-id-256", "A tls-id of 256 characters.", refs: ["RFC 8842 §4"], flags: ["one-change"]) { g in
            let l = ["m=image 54111 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=tls-id:\(g.tlsID(256))", "a=fingerprint:sha-256 \(g.fingerprint())"]
            return .invalid(T.sdp(l), [R.tlsIDLength.c])
        }
        s.add("tls-id-20-and-255", "tls-id lengths 20 and 255 on two DTLS streams (the bounds).", refs: ["RFC 8842 §4"], flags: ["clean-baseline"]) { g in
            let a = ["m=image 54111 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=tls-id:\(g.tlsID(20))", "a=fingerprint:sha-256 \(g.fingerprint())"]
            let b = ["m=image 54112 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=tls-id:\(g.tlsID(255))", "a=fingerprint:sha-256 \(g.fingerprint())"]
            return .valid(T.sdp(a + b))
        }
        s.add("tls-id-duplicate", "Two a=tls-id in one media section.", refs: ["RFC 8842 §4"], flags: ["one-change"]) { g in
            .invalid(T.sdp(udptl(&g, extra: ["a=tls-id:\(g.tlsID())"])), [R.attributeDuplicate.c])
        }
        s.add("tls-id-session-level", "a=tls-id at session level.", refs: ["RFC 8842 §4"], flags: ["one-change"]) { g in
            .invalid(T.sdp(["a=tls-id:\(g.tlsID())"] + udptl(&g)), [R.attributeMediaOnly.c])
        }
        s.add("dtls-srtp-offer", "UDP/TLS/RTP/SAVP (DTLS-SRTP) offer without a=crypto.", refs: ["RFC 5763 §5", "RFC 5764 §8"], flags: ["clean-baseline", "role"]) { g in
            SDPVectorCase.valid(T.sdp(["m=audio 49170 UDP/TLS/RTP/SAVP 0", "a=setup:actpass", "a=tls-id:\(g.tlsID())", "a=fingerprint:sha-256 \(g.fingerprint())"])).role(.offer)
        }
        s.add("dtls-srtp-connection-attr", "a=connection on DTLS-SRTP.", refs: ["RFC 5763 §5"], flags: ["one-change"]) { g in
            .invalid(T.sdp(["m=audio 49170 UDP/TLS/RTP/SAVP 0", "a=setup:actpass", "a=connection:new", "a=tls-id:\(g.tlsID())", "a=fingerprint:sha-256 \(g.fingerprint())"]), [R.dtlsConnectionForbidden.c])
        }
        s.add("setup-session-level", "a=setup at session level applies to the stream.", refs: ["RFC 4145 §4"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(["a=setup:actpass", "m=image 54111 UDP/TLS/UDPTL t38", "a=tls-id:\(g.tlsID())", "a=fingerprint:sha-256 \(g.fingerprint())"]))
        }
    }

    static func syntax(_ s: SDPVectorSet) {
        let cases: [(String, String, String, String, String)] = [
            ("fingerprint-no-space", "a fingerprint without the space after the hash", "sdp.fingerprint.syntax", "a=fingerprint:sha-256", "RFC 8122 §5"),
            ("fingerprint-odd-hex", "a three-digit hex group", "sdp.fingerprint.syntax", "a=fingerprint:sha-256 ABC:DE", "RFC 8122 §5"),
            ("fingerprint-trailing-colon", "a fingerprint ending in ':'", "sdp.fingerprint.syntax", "a=fingerprint:sha-256 AB:CD:", "RFC 8122 §5"),
            ("fingerprint-non-hex", "a 'GG' pair", "sdp.fingerprint.syntax", "a=fingerprint:sha-256 AB:GG", "RFC 8122 §5"),
            ("setup-unknown-role", "setup:server", "sdp.setup.syntax", "a=setup:server", "RFC 4145 §4"),
            ("setup-uppercase", "setup:ACTIVE", "sdp.setup.syntax", "a=setup:ACTIVE", "RFC 4145 §4"),
            ("connection-unknown", "connection:reuse", "sdp.connection.syntax", "a=connection:reuse", "RFC 4145 §5"),
            ("tls-id-bad-char", "a tls-id with '!'", "sdp.tls-id.syntax", "a=tls-id:abcdefghij!klmnopqrstu", "RFC 8842 §4"),
        ]
        for (n, what, code, line, ref) in cases {
            s.add("syntax-\(n)", "\(what) (\(code)).", refs: [ref], flags: ["one-change"]) { g in
                var l = ["m=image 54111 TCP/TLS t38"]
                if !line.hasPrefix("a=setup") { l.append("a=setup:passive") }
                if !line.hasPrefix("a=connection") { l.append("a=connection:new") }
                l.append("a=fingerprint:sha-256 \(g.fingerprint())")
                return .invalid(T.sdp(l + [line]), [code])
            }
        }
    }
}
