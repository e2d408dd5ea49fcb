import MediasecCore
import SDP

/// The SDP bug shapes of FACTS.md §9, each as its own small family: 1-byte
/// lines, NUL bytes, 2^32 payload types, huge fmt lists, `%` at the end of
/// a URI, lifetimes `2^` / `0` / `020`, MKI length 0 / 129, lower-case
/// fingerprint hex, session-level crypto, duplicate tags.
enum SDPBugShapeVectors {
    typealias R = SDPRules
    typealias T = SDPText
    static let savp = "m=audio 49170 RTP/SAVP 0"

    static func build(_ s: SDPVectorSet) {
        oneByteLines(s)
        nul(s)
        payloadTypes(s)
        crypto(s)
        uris(s)
    }

    static func oneByteLines(_ s: SDPVectorSet) {
        let f = ["bug-shape-one-byte-line"]
        s.add("one-byte-line-after-v", "'v=0' then a line 'x'.", refs: ["RFC 8866 §5"], flags: f + ["peer-sofia-sip"]) { _ in
            .invalid(Array("v=0\r\nx\r\n".utf8) + T.join(Array(T.head.dropFirst())), ["sdp.line.too-short"])
        }
        s.add("one-byte-line-first", "The first line is 'v'.", refs: ["RFC 8866 §5"], flags: f) { _ in
            .invalid(Array("v\r\n".utf8) + T.join(Array(T.head.dropFirst())), ["sdp.line.too-short"])
        }
        s.add("one-byte-line-in-media", "A line 'a' inside a media section, before its a=crypto.", refs: ["RFC 8866 §5"], flags: f + ["peer-sofia-sip"]) { g in
            .invalid(T.sdp([savp, "a", g.crypto()]), ["sdp.line.too-short"])
        }
        s.add("one-byte-line-last-no-eol", "The input ends with a 1-byte line 'm' and no terminator.", refs: ["RFC 8866 §5"], flags: f) { _ in
            .invalid(T.sdp([]) + Array("m".utf8), ["sdp.line.too-short"])
        }
        s.add("one-byte-line-lf", "A 1-byte line among bare-LF lines.", refs: ["RFC 8866 §5"], flags: f) { _ in
            .invalid(T.join(T.head + ["=", "m=audio 49170 RTP/AVP 0"], ending: "\n"), ["sdp.line.too-short"])
        }
        s.add("one-byte-input", "The whole input is 'v'.", refs: ["RFC 8866 §5"], flags: f) { _ in .invalid(Array("v".utf8), ["sdp.line.too-short"]) }
        s.add("two-byte-line-v-equals", "'v=' (a 2-byte line: decodable, but v= must be 0).", refs: ["RFC 8866 §5.1"], flags: f) { _ in
            .invalid(T.join(["v="] + Array(T.head.dropFirst())), [R.version.c])
        }
    }

    static func nul(_ s: SDPVectorSet) {
        let f = ["bug-shape-nul-byte"]
        s.add("nul-in-session-name", "s=a<NUL>b.", refs: ["RFC 8866 §5", "RFC 8866 §9"], flags: f) { _ in
            .invalid(T.join(["v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10"]) + Array("s=a".utf8) + [0] + Array("b\r\n".utf8) + T.join(["c=IN IP4 192.0.2.10", "t=0 0"]), ["sdp.line.nul"])
        }
        s.add("nul-first-byte", "The input starts with NUL.", refs: ["RFC 8866 §9"], flags: f) { _ in .invalid([0] + T.sdp([]), ["sdp.line.nul"]) }
        s.add("nul-only", "The input is one NUL byte.", refs: ["RFC 8866 §9"], flags: f) { _ in .invalid([0], ["sdp.line.nul"]) }
        s.add("nul-in-crypto-key", "A NUL inside the inline key (C string truncation would shorten the key).", refs: ["RFC 8866 §9", "RFC 4568 §9.2"], flags: f) { g in
            let k = g.key()
            let i = k.index(k.startIndex, offsetBy: 10)
            return .invalid(T.sdp([savp]) + Array("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(k[..<i])".utf8) + [0] + Array("\(k[i...])\r\n".utf8), ["sdp.line.nul"])
        }
        s.add("nul-before-crlf", "A NUL right before the CRLF of the last line.", refs: ["RFC 8866 §9"], flags: f) { _ in
            .invalid(T.sdp([]) + Array("m=audio 49170 RTP/AVP 0".utf8) + [0] + Array("\r\n".utf8), ["sdp.line.nul"])
        }
        s.add("nul-after-final-crlf", "A NUL after the final CRLF.", refs: ["RFC 8866 §9"], flags: f) { _ in
            .invalid(T.sdp(["m=audio 49170 RTP/AVP 0"]) + [0], ["sdp.line.nul"])
        }
    }

    static func payloadTypes(_ s: SDPVectorSet) {
        let f = ["bug-shape-payload-type-2-32"]
        for (n, pt) in [("2-32", "4294967296"), ("2-32-plus-8", "4294967304"), ("2-64", "18446744073709551616"), ("2-31", "2147483648"), ("minus-1", "-1")] {
            s.add("payload-type-\(n)", "RTP payload type \(pt) (would wrap to a small type in a 32-bit parse).", refs: ["RFC 8866 §5.14", "RFC 3550 §5.1"], flags: f) { _ in
                .invalid(T.sdp(["m=audio 49170 RTP/AVP 0 \(pt)"]), [R.payloadType.c])
            }
        }
        s.add("payload-type-2-32-savp", "Payload type 2^32 on an RTP/SAVP stream with a=crypto.", refs: ["RFC 8866 §5.14", "RFC 3550 §5.1"], flags: f) { g in
            .invalid(T.sdp(["m=audio 49170 RTP/SAVP 4294967296", g.crypto()]), [R.payloadType.c])
        }
        let h = ["bug-shape-huge-fmt-list", "hostile-input"]
        s.add("fmt-list-513", "513 <fmt>s on one m= line (default maxFormats 512).", refs: ["RFC 8866 §5.14"], flags: h + ["limit"]) { _ in
            .invalid(T.sdp(["m=application 9 udp " + (0..<513).map { "f\($0)" }.joined(separator: " ")]), ["sdp.limit.formats"])
        }
        s.add("fmt-list-512", "512 distinct <fmt>s (udp, not checked as payload types): at the limit.", refs: ["RFC 8866 §5.14"], flags: h + ["limit"]) { _ in
            .valid(T.sdp(["m=application 9 udp " + (0..<512).map { "f\($0)" }.joined(separator: " ")]))
        }
        s.add("fmt-list-rtp-500", "500 RTP payload types 0..499: 372 of them out of range.", refs: ["RFC 8866 §5.14", "RFC 3550 §5.1"], flags: h) { _ in
            .invalid(T.sdp(["m=audio 49170 RTP/AVP " + (0..<500).map { String($0) }.joined(separator: " ")]), [R.payloadType.c])
        }
        s.add("fmt-list-rtp-repeated", "The payload types 0..127 listed four times (512 <fmt>s, warnings).", refs: ["RFC 8866 §5.14"], flags: h) { _ in
            .acceptable(T.sdp(["m=audio 49170 RTP/AVP " + (0..<512).map { String($0 % 128) }.joined(separator: " ")]), [R.formatDuplicate.c])
        }
        s.add("fmt-list-lowered-limit", "5 <fmt>s under max-formats-4.", refs: ["RFC 8866 §5.14"], flags: ["bug-shape-huge-fmt-list", "limit"]) { _ in
            SDPVectorCase.invalid(T.sdp(["m=audio 49170 RTP/AVP 0 8 9 18 96"]), ["sdp.limit.formats"]).option("max-formats-4")
        }
    }

    static func crypto(_ s: SDPVectorSet) {
        let lf = ["bug-shape-lifetime"]
        s.add("lifetime-caret-only", "Lifetime '2^'.", refs: ["RFC 4568 §9.2"], flags: lf) { g in
            .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^"))"]), ["sdp.crypto.lifetime-syntax"])
        }
        s.add("lifetime-caret-with-mki", "Lifetime '2^' followed by an MKI.", refs: ["RFC 4568 §9.2"], flags: lf) { g in
            .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^", mki: "1:4"))"]), ["sdp.crypto.lifetime-syntax"])
        }
        s.add("lifetime-zero", "Lifetime 0.", refs: ["RFC 4568 §6.1"], flags: lf) { g in
            .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "0"))"]), [R.cryptoLifetimeZero.c])
        }
        s.add("lifetime-zero-with-mki", "Lifetime 0 with an MKI.", refs: ["RFC 4568 §6.1"], flags: lf) { g in
            .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "0", mki: "1:4"))"]), [R.cryptoLifetimeZero.c])
        }
        s.add("lifetime-020", "Lifetime 020.", refs: ["RFC 4568 §6.1"], flags: lf) { g in
            .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "020"))"]), [R.cryptoLeadingZero.c])
        }
        let mf = ["bug-shape-mki-length"]
        for (n, m) in [("0", "1:0"), ("129", "1:129"), ("2-32", "1:4294967296")] {
            s.add("mki-length-\(n)", "MKI \(m).", refs: ["RFC 4568 §6.1", "RFC 4568 §9.2"], flags: mf) { g in
                .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: m))"]), [R.cryptoMKILengthRange.c])
            }
        }
        s.add("mki-length-0-two-keys", "Two keys with MKI length 0.", refs: ["RFC 4568 §6.1"], flags: mf) { g in
            .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "1:0"));\(g.inline(mki: "2:0"))"]), [R.cryptoMKILengthRange.c])
        }
        s.add("fingerprint-lowercase-dtls", "A lower-case sha-256 fingerprint on a DTLS stream.", refs: ["RFC 8122 §5"], flags: ["bug-shape-lowercase-fingerprint"]) { g in
            .invalid(T.sdp(["m=image 54111 UDP/TLS/UDPTL t38", "a=setup:actpass", "a=tls-id:\(g.tlsID())", "a=fingerprint:sha-256 \(g.fingerprint().lowercased())"]), [R.fingerprintLowercaseHex.c])
        }
        s.add("fingerprint-mixed-case-hex", "One lower-case pair in an otherwise upper-case fingerprint.", refs: ["RFC 8122 §5"], flags: ["bug-shape-lowercase-fingerprint"]) { g in
            .invalid(T.sdp(["m=image 54111 TCP/TLS t38", "a=setup:passive", "a=connection:new", "a=fingerprint:sha-256 \(g.fingerprint(31)):ab"]), [R.fingerprintLowercaseHex.c])
        }
        s.add("session-crypto-only", "a=crypto only at session level: the SRTP stream has no media-level keying.", refs: ["RFC 4568 §4", "RFC 4568 §7.1.1"], flags: ["bug-shape-session-level-crypto"]) { g in
            .invalid(T.sdp([g.crypto(), savp]), [R.cryptoSessionLevel.c])
        }
        s.add("duplicate-tag-three", "Three a=crypto lines, the third reusing tag 1.", refs: ["RFC 4568 §4.1"], flags: ["bug-shape-duplicate-tag"]) { g in
            .invalid(T.sdp([savp, g.crypto("1"), g.crypto("2"), g.crypto("1", "AES_CM_128_HMAC_SHA1_32")]), [R.cryptoTagDuplicate.c])
        }
        s.add("duplicate-tag-leading-zero", "Tags 1 and 01: the same number.", refs: ["RFC 4568 §4.1"], flags: ["bug-shape-duplicate-tag"]) { g in
            .invalid(T.sdp([savp, g.crypto("1"), g.crypto("01")]), [R.cryptoTagDuplicate.c, R.cryptoLeadingZero.c])
        }
    }

    static func uris(_ s: SDPVectorSet) {
        let f = ["bug-shape-percent-at-end"]
        let cases: [(String, String)] = [
            ("userinfo", "msrps://alice%@192.0.2.10:7394/s111271;tcp"),
            ("userinfo-one-digit", "msrps://alice%4@192.0.2.10:7394/s111271;tcp"),
            ("host", "msrps://host%:7394/s111271;tcp"),
            ("session-id", "msrps://192.0.2.10:7394/s111271%;tcp"),
            ("end-of-line", "msrps://192.0.2.10:7394/s111271;tcp%"),
        ]
        for (n, uri) in cases {
            s.add("uri-percent-\(n)", "An MSRP URI with '%' at the end of its \(n.replacingOccurrences(of: "-", with: " ")).", refs: ["RFC 4975 §9", "RFC 3986 §2.1"], flags: f) { g in
                .invalid(T.sdp(["m=message 7394 TCP/TLS/MSRP *", "a=accept-types:text/plain", "a=path:\(uri)", "a=fingerprint:sha-256 \(g.fingerprint())"]), ["sdp.msrp.uri-syntax"])
            }
        }
        s.add("uri-percent-encoded-ok", "A complete %-escape in the userinfo.", refs: ["RFC 4975 §9", "RFC 3986 §2.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(["m=message 7394 TCP/TLS/MSRP *", "a=accept-types:text/plain", "a=path:msrps://al%69ce@192.0.2.10:7394/s111271;tcp", "a=fingerprint:sha-256 \(g.fingerprint())"]))
        }
    }
}
