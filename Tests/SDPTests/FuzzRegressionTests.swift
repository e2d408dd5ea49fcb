import Testing
import MediasecCore
import MediasecFuzz
import SDP

/// Replays the SDP fuzz seed corpus (`Corpus/sdp/`) and every crash input
/// FuzzSDP ever found (`Corpus/sdp-crashes/`, kept by Scripts/fuzz.sh)
/// through the harness's own oracle (``SDPOracle``), so a fixed crash stays
/// fixed; plus the oracle's laws on hand-made shapes.
@Suite struct SDPFuzzRegressionTests {
    /// `Corpus/` beside `Tests/` (no Foundation here: see ``CorpusReplay``).
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Corpus"
    }()

    @Test func crashInputsStayFixed() {
        let r = SDPOracle.replay(Self.corpus + "/sdp-crashes")
        for f in r.failures { Issue.record("regression \(f)") }
    }

    @Test func seedCorpusHoldsTheLaws() {
        let r = SDPOracle.replay(Self.corpus + "/sdp")
        // Corpus/sdp comes from the vector generator; absent, nothing to replay.
        for f in r.failures { Issue.record("seed \(f)") }
    }

    static let head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"

    /// Accepted shapes: lossless, every attribute codec law, strict decode
    /// agrees with the validator, offer/answer split at the second v=.
    @Test(arguments: [
        head + "m=audio 49170 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4\r\n",
        head + "m=audio 49170 RTP/SAVP 0\na=crypto:1  AES_CM_128_HMAC_SHA1_80\tinline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4  KDR=1\n",
        head + "m=image 9 UDP/TLS/UDPTL t38\r\na=setup:actpass\r\na=tls-id:abcdefghijklmnopqrstu\r\na=fingerprint:sha-256 AB:CD\r\n" + head,
        head + "a=key-mgmt:mikey AQAF\r\nm=message 7394 TCP/TLS/MSRP *\r\na=path:msrps://a.example.com:7654/x;tcp\r\na=accept-types:*",
        "v=0\r\nm=audio 0 RTP/AVP 0\r\nv=0\r\nm=video 0 RTP/AVP 0\r\n",
    ])
    func acceptedShapesHoldTheLaws(_ text: String) throws {
        #expect(try SDPOracle.check(Array(text.utf8)) == .accepted)
    }

    /// Rejected shapes (FACTS.md §9: 1-byte lines, NUL, bare CR, empty input).
    @Test(arguments: [
        ("", "sdp.empty"),
        ("v=0\r\nv\r\n", "sdp.line.too-short"),
        ("v=0\r\ns=\u{0}\r\n", "sdp.line.nul"),
        ("v=0\rs=-\r\n", "sdp.line.bare-cr"),
        ("v=0\r\n\r\n", "sdp.line.empty"),
        ("v=0\r\nx=1\r\n", "sdp.line.type-unknown"),
    ])
    func rejectedShapesCarryTheirCode(_ text: String, _ code: String) throws {
        #expect(try SDPOracle.check(Array(text.utf8)) == .rejected(code: code))
    }

    /// The oracle's position check is what catches a finding whose message
    /// lost its `line:column:` prefix.
    @Test func positionPrefixDetection() {
        #expect(SDPOracle.startsWithPosition("12:9: MKI length 0"))
        #expect(!SDPOracle.startsWithPosition("12:9:MKI"))
        #expect(!SDPOracle.startsWithPosition(":9: x"))
        #expect(!SDPOracle.startsWithPosition("MKI length 0"))
    }
}
