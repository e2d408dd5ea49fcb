import Testing
import MediasecCore
@testable import SDP

/// FACTS.md §9, SDP bug shapes seen in peers: each is rejected or flagged
/// with the right code, with a position, and never traps.
@Suite struct BugShapeTests {
    typealias K = SDPTestKit

    /// sofia-sip silently drops everything after a 1-byte line.
    @Test func oneByteLines() throws {
        for t in ["v=0\r\no\r\ns=-\r\n", "v", "v=0\r\nm=audio 9 RTP/AVP 0\r\na\r\n", "v=0\na\n"] {
            let e = try #require(decodeError(Array(t.utf8)))
            #expect(e.code == "sdp.line.too-short")
        }
        let e = try #require(decodeError(Array("v=0\r\no\r\ns=-\r\n".utf8)))
        #expect(e.message.hasPrefix("2:1: "))
        #expect(e.path == "lines[1]")
    }

    @Test func nulBytesAnywhere() throws {
        for (t, line, col) in [("v=0\r\ns=\u{0}\r\n", 2, 3), ("v=0\u{0}", 1, 4), ("v=0\r\na=crypto:1\u{0}AES\r\n", 2, 11), ("\u{0}", 1, 1)] {
            let e = try #require(decodeError(Array(t.utf8)))
            #expect(e.code == "sdp.line.nul")
            #expect(e.message.hasPrefix("\(line):\(col): "), "\(e.message)")
        }
    }

    @Test func twoToThe32PayloadTypes() {
        for pt in ["4294967296", "4294967295", "18446744073709551616", "340282366920938463463374607431768211456", "128", "-1"] {
            let r = K.validate(K.description(["m=audio 9 RTP/AVP 0 \(pt)"]))
            #expect(r.findings.contains { $0.code == "sdp.m.payload-type" || $0.code == "sdp.m.syntax" }, "\(pt)")
            #expect(!r.isValid)
        }
        let r = K.validate(K.description(["m=audio 9 RTP/AVP 4294967296"]))
        let f = r.findings.first { $0.code == "sdp.m.payload-type" }
        #expect(f?.path == "media[0].fmts[0]")
        #expect(f?.message.hasPrefix("6:19: ") == true, "\(String(describing: f))")
    }

    @Test func hugeFormatLists() throws {
        let many = Array(repeating: "96", count: 600).joined(separator: " ")
        let e = try #require(decodeError(K.description(["m=audio 9 RTP/AVP \(many)"])))
        #expect(e.code == "sdp.limit.formats")
        // Under the limit: 500 formats, every one a duplicate or out of range, all reported.
        let fmts = (0..<500).map { String($0) }.joined(separator: " ")
        let r = K.validate(K.description(["m=audio 9 RTP/AVP \(fmts) 0"]))
        #expect(r.findings.filter { $0.code == "sdp.m.payload-type" }.count == 500 - 128)
        #expect(r.findings.filter { $0.code == "sdp.m.fmt-duplicate" }.count == 1)
    }

    @Test func percentAtTheEndOfAnMSRPURI() {
        for uri in ["msrps://alice.example.com%", "msrps://alice.example.com%4", "msrps://al%ice.example.com:7394/x;tcp",
                    "msrps://user%@alice.example.com:7394/x;tcp", "msrps://alice.example.com:7394/x%;tcp", "msrps://alice.example.com:7394/x;tcp%"] {
            let r = K.validateMedia("m=message 7394 TCP/TLS/MSRP *", ["accept-types:text/plain", "path:" + uri, "fingerprint:sha-256 " + FingerprintTests.sha256])
            expectCode(r, "sdp.msrp.uri-syntax")
        }
        // Complete escapes are fine.
        let ok = K.validateMedia("m=message 7394 TCP/TLS/MSRP *", ["accept-types:text/plain", "path:msrps://us%20er@alice.example.com:7394/x;tcp", "fingerprint:sha-256 " + FingerprintTests.sha256])
        expectNoCode(ok, "sdp.msrp.uri-syntax")
    }

    @Test func lifetimesTwoToTheNothingZeroAndLeadingZero() {
        let key = CryptoRuleTests.rfcKey
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|2^"), "sdp.crypto.lifetime-syntax")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|0"), "sdp.crypto.lifetime-zero")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|020"), "sdp.crypto.leading-zero")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|2^|1:4"), "sdp.crypto.lifetime-syntax")
    }

    @Test func mkiLengthZeroAnd129() {
        let key = CryptoRuleTests.rfcKey
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|1:0"), "sdp.crypto.mki-length-range")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(key)|1:129"), "sdp.crypto.mki-length-range")
    }

    @Test func lowercaseFingerprintHex() {
        let r = K.validateMedia("m=image 9 UDP/TLS/UDPTL t38", ["setup:actpass", "tls-id:abc3de65cddef001be82", "fingerprint:sha-256 " + FingerprintTests.sha256.lowercased()])
        expectCode(r, "sdp.fingerprint.lowercase-hex")
    }

    @Test func sessionLevelCryptoAndDuplicateTags() {
        let c1 = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))"
        let c2 = "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:\(K.key30(2))"
        let r = K.validate(K.description([c1, "m=audio 9 RTP/SAVP 0", c2, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(3))"]))
        expectCode(r, "sdp.crypto.session-level")
        expectCode(r, "sdp.crypto.tag-duplicate")
    }

    /// Stray CRs, over-long numbers and deep nesting of '^' / '|' / ':' /
    /// ';' never trap; each is a finding.
    @Test func hostileValuesInEveryTypedAttribute() {
        let nasty = ["", " ", ":", "::::", "|||", ";;;", "2^99999999999999999999", String(repeating: "9", count: 5000),
                     "inline:" + String(repeating: "A", count: 5001), "\t", "%", "=", "-", "\u{7f}", "\u{ff}"]
        for name in SDPAttributeRegistry.names {
            for v in nasty {
                let r = K.validateMedia("m=audio 9 RTP/SAVP 0", ["\(name):\(v)"])
                #expect(r.decoded != nil)
                #expect(r.findings.allSatisfy { ($0.offset ?? 0) >= 0 })
            }
        }
    }
}
