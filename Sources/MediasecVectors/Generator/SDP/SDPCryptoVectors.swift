import MediasecCore
import SDP

/// RFC 4568 `a=crypto` (suites of RFC 4568 §6.2, RFC 6188, RFC 7714):
/// grammar, key lengths, lifetimes, MKIs, session parameters, placement,
/// and the ambiguity choices of FACTS.md §10 items 17–18.
enum SDPCryptoVectors {
    typealias R = SDPRules
    typealias T = SDPText
    static let savp = "m=audio 49170 RTP/SAVP 0"

    /// One SAVP stream with the given a=crypto value(s).
    static func media(_ values: [String], proto: String = "RTP/SAVP") -> [UInt8] {
        T.sdp(["m=audio 49170 \(proto) 0"] + values.map { "a=crypto:" + $0 })
    }

    static func build(_ s: SDPVectorSet) {
        suites(s)
        keys(s)
        lifetimes(s)
        mkis(s)
        params(s)
        placement(s)
        syntax(s)
        choices(s)
    }

    static let suiteLengths: [(String, Int, String)] = [
        ("AES_CM_128_HMAC_SHA1_80", 30, "RFC 4568 §6.2.1"), ("AES_CM_128_HMAC_SHA1_32", 30, "RFC 4568 §6.2.2"), ("F8_128_HMAC_SHA1_80", 30, "RFC 4568 §6.2.3"),
        ("AES_192_CM_HMAC_SHA1_80", 38, "RFC 6188 §4"), ("AES_192_CM_HMAC_SHA1_32", 38, "RFC 6188 §4"),
        ("AES_256_CM_HMAC_SHA1_80", 46, "RFC 6188 §4"), ("AES_256_CM_HMAC_SHA1_32", 46, "RFC 6188 §4"),
        ("AEAD_AES_128_GCM", 28, "RFC 7714 §12"), ("AEAD_AES_256_GCM", 44, "RFC 7714 §12"),
    ]

    static func suites(_ s: SDPVectorSet) {
        for (suite, n, ref) in suiteLengths {
            let id = suite.lowercased().replacingOccurrences(of: "_", with: "-")
            s.add("suite-\(id)", "\(suite) with a \(n)-byte key||salt.", refs: ["RFC 4568 §6.1", ref], flags: ["clean-baseline"]) { g in
                .valid(media(["1 \(suite) \(g.inline(n))"]))
                    .pinning(.object([("media", .array([.object([("attributes", .array([.object([("crypto", .object([("suite", .string(suite)), ("suiteRegistered", .bool(true)),
                        ("keyParams", .array([.object([("keySaltLength", .int(n))])]))]))])]))])]))]))
            }
            s.add("suite-\(id)-short-key", "\(suite) with a \(n - 1)-byte key||salt: the attribute MUST be considered invalid.", refs: ["RFC 4568 §6.1", ref], flags: ["one-change"]) { g in
                .invalid(media(["1 \(suite) \(g.inline(n - 1))"]), [R.cryptoKeyLength.c])
            }
            s.add("suite-\(id)-long-key", "\(suite) with a \(n + 2)-byte key||salt.", refs: ["RFC 4568 §6.1", ref], flags: ["one-change"]) { g in
                .invalid(media(["1 \(suite) \(g.inline(n + 2))"]), [R.cryptoKeyLength.c])
            }
        }
        s.add("rfc4568-section4-crypto-line", "The a=crypto value printed in RFC 4568 §4 (2^20 lifetime, MKI 1:32).", refs: ["RFC 4568 §4"], flags: ["rfc-example"]) { _ in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32"]))
                .pinning(.object([("media", .array([.object([("attributes", .array([.object([("crypto", .object([("tag", .int(1)),
                    ("keyParams", .array([.object([("lifetime", .object([("text", .string("2^20")), ("powerOfTwo", .bool(true)), ("value", .int(1_048_576))])),
                                                   ("mki", .object([("value", .int(1)), ("length", .int(32))]))])]))]))])]))])]))]))
        }
        s.add("three-offered-suites", "Three a=crypto lines with distinct tags and suites on one stream.", refs: ["RFC 4568 §4.1", "RFC 4568 §5.1.1"], flags: ["clean-baseline"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline())", "2 AES_CM_128_HMAC_SHA1_32 \(g.inline())", "3 AEAD_AES_256_GCM \(g.inline(44))"]))
        }
        s.add("tag-max-nine-digits", "Tag 999999999 (1*9DIGIT).", refs: ["RFC 4568 §9.1"], flags: ["clean-baseline"]) { g in
            .valid(media(["999999999 AES_CM_128_HMAC_SHA1_80 \(g.inline())"]))
        }
        s.add("suite-lowercase", "aes_cm_128_hmac_sha1_80: case-insensitive, the RFC's case encouraged (info).", refs: ["RFC 4568 §4"], flags: ["one-change"]) { g in
            .valid(media(["1 aes_cm_128_hmac_sha1_80 \(g.inline())"]), infos: [R.cryptoCase.c])
        }
        s.add("suite-unknown", "An unregistered suite name: key length and lifetime unknown (warning).", refs: ["RFC 4568 §6.2.4", "RFC 4568 §10.3.2.1"], flags: ["one-change"]) { g in
            .acceptable(media(["1 AES_CM_512_HMAC_SHA3_99 \(g.inline(17))"]), [R.cryptoSuiteUnknown.c])
        }
        s.add("suite-unknown-next-to-known", "An unknown suite offered next to a registered one.", refs: ["RFC 4568 §6.2.4", "RFC 4568 §5.1.1"], flags: ["one-change"]) { g in
            .acceptable(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline())", "2 X_EXPERIMENTAL_SUITE \(g.inline())"]), [R.cryptoSuiteUnknown.c])
        }
    }

    static func keys(_ s: SDPVectorSet) {
        s.add("key-unpadded", "key||salt of 28 bytes without its '=' padding (AEAD_AES_128_GCM): discarded padding, info.", refs: ["RFC 4568 §6.1", "RFC 3548 §3"], flags: ["one-change"]) { g in
            let k = g.key(28)
            return .valid(media(["1 AEAD_AES_128_GCM inline:" + k.replacingOccurrences(of: "=", with: "")]), infos: [R.cryptoKeyBase64Padding.c])
        }
        s.add("key-not-base64", "key||salt with characters outside the base64 alphabet: the §9.2 grammar (key-salt = 1*(base64)) already fails.", refs: ["RFC 4568 §9.2", "RFC 4568 §6.1"], flags: ["one-change"]) { _ in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 inline:!!!!NotBase64!!!!NotBase64!!!!NotBase64!!"]), ["sdp.crypto.inline-syntax"])
        }
        s.add("key-base64-bad-length", "key||salt of 41 base64 characters: a length no base64 text has.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 inline:" + g.key(30) + "A"]), [R.cryptoKeyBase64.c])
        }
        s.add("key-method-uri", "A key method other than inline.", refs: ["RFC 4568 §6.1", "RFC 4568 §10.3.2"], flags: ["one-change"]) { _ in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 uri:https://keys.example.org/k1"]), [R.cryptoKeyMethod.c])
        }
        s.add("key-method-case", "INLINE: case-insensitive, info.", refs: ["RFC 4568 §4", "RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 INLINE:" + g.key()]), infos: [R.cryptoCase.c])
        }
        s.add("key-reuse-across-media", "The same key||salt in two media sections.", refs: ["RFC 4568 §6.1", "RFC 4568 §6.3.5"], flags: ["one-change"]) { g in
            let k = g.key()
            return .invalid(T.sdp([savp, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + k, "m=video 51372 RTP/SAVP 31", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + k]), [R.cryptoKeyReuse.c])
        }
        s.add("key-reuse-across-tags", "The same key||salt under two tags of one stream.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            let k = g.key()
            return .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 inline:" + k, "2 AES_CM_128_HMAC_SHA1_32 inline:" + k]), [R.cryptoKeyReuse.c])
        }
        s.add("two-media-distinct-keys", "Two SRTP streams, each with its own key.", refs: ["RFC 4568 §6.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp([savp, g.crypto(), "m=video 51372 RTP/SAVP 31", g.crypto()]))
        }
    }

    static func lifetimes(_ s: SDPVectorSet) {
        let ok: [(String, String)] = [("decimal", "1048576"), ("pow2-31", "2^31"), ("pow2-48", "2^48"), ("one", "1")]
        for (n, l) in ok {
            s.add("lifetime-\(n)", "Lifetime \(l).", refs: ["RFC 4568 §6.1"], flags: ["clean-baseline"]) { g in
                .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: l))"]))
            }
        }
        s.add("lifetime-pow2-32-srtcp-info", "Lifetime 2^32: above the SRTCP maximum 2^31, within SRTP's 2^48 (info under lifetime-max-srtp).", refs: ["RFC 4568 §6.1", "RFC 4568 §6.2"], flags: ["ambiguity-18-lifetime"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^32"))"]), infos: [R.cryptoLifetimeSRTCP.c])
        }
        s.add("lifetime-pow2-32-srtcp-choice", "Lifetime 2^32 under lifetime-max-srtcp: above the maximum.", refs: ["RFC 4568 §6.1", "RFC 4568 §6.2"], flags: ["ambiguity-18-lifetime"]) { g in
            SDPVectorCase.invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^32"))"]), [R.cryptoLifetimeMax.c]).option("lifetime-max-srtcp")
        }
        s.add("lifetime-pow2-31-srtcp-choice", "Lifetime 2^31 under lifetime-max-srtcp: exactly the maximum.", refs: ["RFC 4568 §6.1", "RFC 4568 §6.2"], flags: ["ambiguity-18-lifetime"]) { g in
            SDPVectorCase.valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^31"))"])).option("lifetime-max-srtcp")
        }
        s.add("lifetime-pow2-49", "Lifetime 2^49: above the SRTP maximum 2^48.", refs: ["RFC 4568 §6.1", "RFC 4568 §6.2.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^49"))"]), [R.cryptoLifetimeMax.c])
        }
        s.add("lifetime-decimal-over-2-48", "Lifetime 281474976710657 (2^48 + 1) in decimal.", refs: ["RFC 4568 §6.1", "RFC 4568 §6.2.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "281474976710657"))"]), [R.cryptoLifetimeMax.c])
        }
        s.add("lifetime-pow2-1000", "Lifetime 2^1000: an exponent no integer type holds.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^1000"))"]), [R.cryptoLifetimeMax.c])
        }
        s.add("lifetime-20-digits", "Lifetime 99999999999999999999 (above 2^64).", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "99999999999999999999"))"]), [R.cryptoLifetimeMax.c])
        }
        s.add("lifetime-pow2-0", "Lifetime 2^0 = 1: a power of two, allowed.", refs: ["RFC 4568 §6.1", "RFC 4568 §9.2"], flags: ["clean-baseline"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^0"))"]))
        }
        s.add("lifetime-pow2-leading-zero", "Lifetime 2^020: leading zero in the exponent.", refs: ["RFC 4568 §6.1"], flags: ["one-change", "bug-shape-lifetime"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^020"))"]), [R.cryptoLeadingZero.c])
        }
    }

    static func mkis(_ s: SDPVectorSet) {
        s.add("mki-1-128", "MKI length 128 (the maximum).", refs: ["RFC 4568 §6.1"], flags: ["clean-baseline"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "1:128"))"]))
        }
        s.add("mki-255-1", "MKI 255 in one byte.", refs: ["RFC 4568 §6.1", "RFC 3711 §3.1"], flags: ["clean-baseline"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "255:1"))"]))
        }
        s.add("mki-256-1", "MKI 256 does not fit one byte.", refs: ["RFC 4568 §6.1", "RFC 3711 §3.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "256:1"))"]), [R.cryptoMKIValueRange.c])
        }
        s.add("mki-65536-2", "MKI 65536 does not fit two bytes.", refs: ["RFC 4568 §6.1", "RFC 3711 §3.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "65536:2"))"]), [R.cryptoMKIValueRange.c])
        }
        s.add("mki-zero", "MKI value 0: defined as a positive integer (warning).", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .acceptable(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "0:4"))"]), [R.cryptoMKIZero.c])
        }
        s.add("mki-leading-zero", "MKI 01:4.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "01:4"))"]), [R.cryptoLeadingZero.c])
        }
        s.add("mki-length-leading-zero", "MKI 1:04.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "1:04"))"]), [R.cryptoLeadingZero.c])
        }
        s.add("multi-key-with-mkis", "Two keys joined by ';', each with an MKI of one length (RFC 4568 §7.1.5 style).", refs: ["RFC 4568 §4.3", "RFC 4568 §6.1"], flags: ["clean-baseline"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(lifetime: "2^20", mki: "1:4"));\(g.inline(lifetime: "2^20", mki: "2:4"))"]))
        }
        s.add("multi-key-no-mki", "Two keys without MKIs.", refs: ["RFC 4568 §4.3", "RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline());\(g.inline())"]), [R.cryptoMultiKeyMKI.c])
        }
        s.add("multi-key-one-mki", "Two keys, only the first with an MKI.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "1:4"));\(g.inline())"]), [R.cryptoMultiKeyMKI.c])
        }
        s.add("multi-key-mki-length-mismatch", "MKI lengths 4 and 2 in one attribute.", refs: ["RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "1:4"));\(g.inline(mki: "2:2"))"]), [R.cryptoMKILengthMismatch.c])
        }
        s.add("multi-key-mki-duplicate", "Two keys share MKI 1.", refs: ["RFC 4568 §4.3"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(mki: "1:4"));\(g.inline(mki: "1:4"))"]), [R.cryptoMKIDuplicate.c])
        }
    }

    static func params(_ s: SDPVectorSet) {
        let good: [(String, String, String)] = [
            ("kdr-1", "KDR=1", "RFC 4568 §6.3.1"), ("kdr-24", "KDR=24", "RFC 4568 §6.3.1"),
            ("unencrypted-srtp", "UNENCRYPTED_SRTP", "RFC 4568 §6.3.2"), ("unencrypted-srtcp", "UNENCRYPTED_SRTCP", "RFC 4568 §6.3.2"),
            ("fec-order-srtp-fec", "FEC_ORDER=SRTP_FEC", "RFC 4568 §6.3.4"), ("wsh-64", "WSH=64", "RFC 4568 §6.3.6"), ("wsh-128", "WSH=128", "RFC 4568 §6.3.6"),
            ("all-params", "KDR=10 UNENCRYPTED_SRTCP FEC_ORDER=FEC_SRTP WSH=256", "RFC 4568 §6.3"),
        ]
        for (n, p, ref) in good {
            s.add("param-\(n)", "Session parameter(s) \(p).", refs: [ref, "RFC 4568 §9.2"], flags: ["clean-baseline"]) { g in
                .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) \(p)"]))
            }
        }
        s.add("param-fec-key", "FEC_KEY with its own inline key.", refs: ["RFC 4568 §6.3.5"], flags: ["clean-baseline"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) FEC_KEY=\(g.inline())"]))
        }
        s.add("param-fec-key-reuses-key", "FEC_KEY equal to the primary key||salt.", refs: ["RFC 4568 §6.3.5", "RFC 4568 §6.1"], flags: ["one-change"]) { g in
            let k = g.key()
            return .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 inline:\(k) FEC_KEY=inline:\(k)"]), [R.cryptoKeyReuse.c])
        }
        s.add("param-fec-key-short", "FEC_KEY with a 16-byte key||salt.", refs: ["RFC 4568 §6.3.5", "RFC 4568 §6.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) FEC_KEY=\(g.inline(16))"]), [R.cryptoKeyLength.c])
        }
        s.add("param-kdr-25", "KDR=25.", refs: ["RFC 4568 §6.3.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) KDR=25"]), [R.cryptoKDRRange.c])
        }
        s.add("param-kdr-leading-zero", "KDR=08.", refs: ["RFC 4568 §6.3.1"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) KDR=08"]), [R.cryptoLeadingZero.c])
        }
        s.add("param-wsh-32", "WSH=32 (below the grammar comment's 64; wsh-required).", refs: ["RFC 4568 §9.2", "RFC 4568 §6.3.6"], flags: ["ambiguity-17-wsh"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) WSH=32"]), [R.cryptoWSHMinimum.c])
        }
        s.add("param-wsh-32-hint", "WSH=32 under wsh-hint: a warning.", refs: ["RFC 4568 §6.3.6", "RFC 4568 §9.2"], flags: ["ambiguity-17-wsh"]) { g in
            SDPVectorCase.acceptable(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) WSH=32"]), [R.cryptoWSHHint.c]).option("wsh-hint")
        }
        s.add("param-wsh-64-hint", "WSH=64 under wsh-hint: nothing to say.", refs: ["RFC 4568 §6.3.6"], flags: ["ambiguity-17-wsh"]) { g in
            SDPVectorCase.valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) WSH=64"])).option("wsh-hint")
        }
        s.add("param-wsh-leading-zero", "WSH=064.", refs: ["RFC 4568 §6.3.6"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) WSH=064"]), [R.cryptoLeadingZero.c])
        }
        s.add("param-fec-order-bad", "FEC_ORDER=BOTH.", refs: ["RFC 4568 §6.3.4"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) FEC_ORDER=BOTH"]), [R.cryptoFECOrder.c])
        }
        s.add("param-unknown-mandatory", "An unknown session parameter without '-': the attribute is invalid.", refs: ["RFC 4568 §6.3.7"], flags: ["one-change"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) ROLLOVER=7"]), [R.cryptoUnknownMandatory.c])
        }
        s.add("param-unknown-optional", "An unknown session parameter with '-': ignored (info).", refs: ["RFC 4568 §6.3.7"], flags: ["one-change"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) -ROLLOVER=7"]), infos: [R.cryptoOptionalParam.c])
        }
        s.add("param-duplicate", "KDR given twice (warning).", refs: ["RFC 4568 §6.3"], flags: ["one-change"]) { g in
            .acceptable(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) KDR=1 KDR=2"]), [R.cryptoParamDuplicate.c])
        }
        s.add("param-unauthenticated", "UNAUTHENTICATED_SRTP (NOT RECOMMENDED; warning).", refs: ["RFC 4568 §6.3.3"], flags: ["one-change"]) { g in
            .acceptable(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) UNAUTHENTICATED_SRTP"]), [R.cryptoUnauthenticated.c])
        }
        s.add("param-lowercase-kdr", "kdr=4: case-insensitive, info.", refs: ["RFC 4568 §4"], flags: ["one-change"]) { g in
            .valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) kdr=4"]), infos: [R.cryptoCase.c])
        }
    }

    static func placement(_ s: SDPVectorSet) {
        s.add("crypto-on-rtp-avp", "a=crypto on an RTP/AVP stream.", refs: ["RFC 4568 §6"], flags: ["one-change"]) { g in
            .invalid(T.sdp(["m=audio 49170 RTP/AVP 0", g.crypto()]), [R.cryptoProto.c])
        }
        s.add("crypto-on-savpf", "a=crypto on RTP/SAVPF.", refs: ["RFC 4568 §6", "RFC 5124 §6"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp(["m=video 49170 RTP/SAVPF 96", "a=rtpmap:96 VP8/90000", g.crypto()]))
        }
        s.add("crypto-on-dtls-srtp", "a=crypto on UDP/TLS/RTP/SAVP: the keys come from DTLS (warning).", refs: ["RFC 5763 §5", "RFC 4568 §6"], flags: ["one-change"]) { g in
            .acceptable(T.sdp(["m=audio 49170 UDP/TLS/RTP/SAVP 0", "a=setup:actpass", "a=tls-id:\(g.tlsID())", "a=fingerprint:sha-256 \(g.fingerprint())", g.crypto()]), [R.cryptoDTLSSRTP.c])
        }
        s.add("crypto-on-message", "a=crypto on a TCP/MSRP stream.", refs: ["RFC 4568 §6"], flags: ["one-change"]) { g in
            .invalid(T.sdp(["m=message 7394 TCP/MSRP *", "a=accept-types:text/plain", "a=path:msrp://192.0.2.10:7394/s111271;tcp", g.crypto()]), [R.cryptoProto.c])
        }
        s.add("srtp-no-keying", "RTP/SAVP without a=crypto or a=key-mgmt (warning).", refs: ["RFC 4568 §7.1.1", "RFC 4567 §3.1"], flags: ["one-change"]) { _ in
            .acceptable(T.sdp([savp]), [R.srtpNoKeying.c])
        }
        s.add("srtp-rejected-no-keying", "A rejected RTP/SAVP stream (port 0) needs no keying.", refs: ["RFC 4568 §7.1.1", "RFC 3264 §6"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp([savp, g.crypto(), "m=video 0 RTP/SAVP 31"]))
        }
        s.add("session-level", "a=crypto at session level.", refs: ["RFC 4568 §4"], flags: ["one-change", "bug-shape-session-level-crypto"]) { g in
            .invalid(T.sdp([g.crypto(), savp, g.crypto()]), [R.cryptoSessionLevel.c])
        }
        s.add("tag-duplicate", "Two a=crypto with tag 1 on one stream.", refs: ["RFC 4568 §4.1", "RFC 4568 §5.1.1"], flags: ["one-change", "bug-shape-duplicate-tag"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline())", "1 AES_CM_128_HMAC_SHA1_32 \(g.inline())"]), [R.cryptoTagDuplicate.c])
        }
        s.add("tag-same-across-media", "Tag 1 on two different streams: unique per media line only.", refs: ["RFC 4568 §4.1"], flags: ["clean-baseline"]) { g in
            .valid(T.sdp([savp, g.crypto(), "m=video 51372 RTP/SAVP 31", g.crypto()]))
        }
        s.add("tag-leading-zero", "Tag 01.", refs: ["RFC 4568 §4.1"], flags: ["one-change"]) { g in
            .invalid(media(["01 AES_CM_128_HMAC_SHA1_80 \(g.inline())"]), [R.cryptoLeadingZero.c])
        }
        s.add("tag-zero", "Tag 0 (1*9DIGIT allows it).", refs: ["RFC 4568 §9.1"], flags: ["clean-baseline"]) { g in
            .valid(media(["0 AES_CM_128_HMAC_SHA1_80 \(g.inline())"]))
        }
    }

    static func syntax(_ s: SDPVectorSet) {
        let cases: [(String, String, String, String)] = [
            ("tag-ten-digits", "tag of ten digits", "sdp.crypto.tag-syntax", "1234567890 AES_CM_128_HMAC_SHA1_80 inline:%K"),
            ("tag-alpha", "tag 'a'", "sdp.crypto.tag-syntax", "a AES_CM_128_HMAC_SHA1_80 inline:%K"),
            ("suite-hyphen", "suite with a '-'", "sdp.crypto.suite-syntax", "1 AES-CM-128 inline:%K"),
            ("key-params-missing", "no key-params (reported at the suite, where 1*WSP key-params is missing)", "sdp.crypto.suite-syntax", "1 AES_CM_128_HMAC_SHA1_80"),
            ("key-params-no-colon", "key-params without ':'", "sdp.crypto.key-params-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline"),
            ("inline-empty", "inline: with nothing after it (key-info = 1*(%x21-3A / %x3C-7E) is empty)", "sdp.crypto.key-params-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:"),
            ("inline-three-pipes", "inline key with four '|' fields", "sdp.crypto.inline-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K|2^20|1:4|7"),
            ("lifetime-pow2-empty", "lifetime '2^' without exponent", "sdp.crypto.lifetime-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K|2^"),
            ("lifetime-alpha", "lifetime 'forever'", "sdp.crypto.lifetime-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K|forever"),
            ("mki-no-length", "MKI '1:'", "sdp.crypto.mki-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K|1:"),
            ("mki-alpha", "MKI 'a:4'", "sdp.crypto.mki-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K|a:4"),
            ("param-kdr-alpha", "KDR=fast", "sdp.crypto.session-param-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K KDR=fast"),
            ("param-wsh-empty", "WSH= without a value", "sdp.crypto.session-param-syntax", "1 AES_CM_128_HMAC_SHA1_80 inline:%K WSH="),
        ]
        for (n, what, code, v) in cases {
            s.add("syntax-\(n)", "a=crypto with \(what) (\(code)).", refs: ["RFC 4568 §9.1", "RFC 4568 §9.2"], flags: ["one-change"]) { g in
                .invalid(media([v.replacingOccurrences(of: "%K", with: g.key())]), [code])
            }
        }
        s.add("limit-key-params", "65 keys in one a=crypto (default maxKeyParams 64).", refs: ["RFC 4568 §6.1"], flags: ["limit", "hostile-input"]) { g in
            var ks: [String] = []
            for i in 1...65 { ks.append(g.inline(mki: "\(i):2")) }
            return .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 " + ks.joined(separator: ";")]), ["sdp.limit.key-params"])
        }
        s.add("limit-key-params-at-limit", "64 keys with MKIs 1..64: at the limit, accepted.", refs: ["RFC 4568 §6.1", "RFC 4568 §4.3"], flags: ["limit", "hostile-input"]) { g in
            var ks: [String] = []
            for i in 1...64 { ks.append(g.inline(mki: "\(i):2")) }
            return .valid(media(["1 AES_CM_128_HMAC_SHA1_80 " + ks.joined(separator: ";")]))
        }
    }

    static func choices(_ s: SDPVectorSet) {
        s.add("kdr-zero-section631", "KDR=0 under kdr-section631 (default): §6.3.1 allows 1..24.", refs: ["RFC 4568 §6.3.1", "RFC 4568 §9.2"], flags: ["ambiguity-17-kdr"]) { g in
            .invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) KDR=0"]), [R.cryptoKDRRange.c])
        }
        s.add("kdr-zero-abnf", "KDR=0 under kdr-abnf: the §9.2 comment allows 0..24 (info).", refs: ["RFC 4568 §9.2", "RFC 4568 §6.3.1"], flags: ["ambiguity-17-kdr"]) { g in
            SDPVectorCase.valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) KDR=0"]), infos: [R.cryptoKDRZeroABNF.c]).option("kdr-abnf")
        }
        s.add("kdr-25-abnf", "KDR=25 under kdr-abnf: outside 0..24 too.", refs: ["RFC 4568 §9.2", "RFC 4568 §6.3.1"], flags: ["ambiguity-17-kdr"]) { g in
            SDPVectorCase.invalid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline()) KDR=25"]), [R.cryptoKDRRange.c]).option("kdr-abnf")
        }
        s.add("f8-32-registry", "F8_128_HMAC_SHA1_32 under abnf-only-suite-registry (default): not registered (warning).", refs: ["RFC 4568 §9.2", "RFC 4568 §10.3.2.1"], flags: ["ambiguity-17-f8-suite"]) { g in
            .acceptable(media(["1 F8_128_HMAC_SHA1_32 \(g.inline())"]), [R.cryptoSuiteUnknown.c])
        }
        s.add("f8-32-abnf", "F8_128_HMAC_SHA1_32 under abnf-only-suite-abnf: accepted (info), 30-byte key.", refs: ["RFC 4568 §9.2", "RFC 4568 §10.3.2.1"], flags: ["ambiguity-17-f8-suite"]) { g in
            SDPVectorCase.valid(media(["1 F8_128_HMAC_SHA1_32 \(g.inline())"]), infos: [R.cryptoSuiteABNFOnly.c]).option("abnf-only-suite-abnf")
        }
        s.add("f8-32-abnf-short-key", "F8_128_HMAC_SHA1_32 under abnf-only-suite-abnf with a 20-byte key: checked as F8_128_HMAC_SHA1_80.", refs: ["RFC 4568 §9.2", "RFC 4568 §6.2.3"], flags: ["ambiguity-17-f8-suite"]) { g in
            SDPVectorCase.invalid(media(["1 F8_128_HMAC_SHA1_32 \(g.inline(20))"]), [R.cryptoKeyLength.c]).option("abnf-only-suite-abnf")
        }
        s.add("f8-32-registry-short-key", "F8_128_HMAC_SHA1_32 with a 20-byte key under the registry choice: length unknown, only the warning.", refs: ["RFC 4568 §10.3.2.1", "RFC 4568 §6.2.4"], flags: ["ambiguity-17-f8-suite"]) { g in
            .acceptable(media(["1 F8_128_HMAC_SHA1_32 \(g.inline(20))"]), [R.cryptoSuiteUnknown.c])
        }
        s.add("lenient-all-choices", "Every lenient choice at once: KDR=0, WSH=32, F8_128_HMAC_SHA1_32.", refs: ["RFC 4568 §9.2", "RFC 4568 §6.3.1", "RFC 4568 §6.3.6"], flags: ["ambiguity-17-kdr", "ambiguity-17-wsh", "ambiguity-17-f8-suite"]) { g in
            SDPVectorCase.acceptable(media(["1 F8_128_HMAC_SHA1_32 \(g.inline()) KDR=0 WSH=32"]), [R.cryptoWSHHint.c], infos: [R.cryptoKDRZeroABNF.c, R.cryptoSuiteABNFOnly.c])
                .option("kdr-abnf").option("abnf-only-suite-abnf").option("wsh-hint")
        }
        s.add("profile-rfc8866-only", "A 10-byte key under the rfc8866 profile alone: the RFC 4568 rules do not run.", refs: ["RFC 4568 §6.1", "RFC 8866 §5.13"], flags: ["profile-selection"]) { g in
            SDPVectorCase.valid(media(["1 AES_CM_128_HMAC_SHA1_80 \(g.inline(10))"])).profiles([.rfc8866])
        }
    }
}
