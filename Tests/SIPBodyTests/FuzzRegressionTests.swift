import Testing
import MediasecCore
import MediasecFuzz
@testable import SIPBody

/// Replays the sip-body fuzz seed corpus (`Corpus/sip-body/`, hand-written
/// TR 33.829 clause 5.3.3.3 / 5.3.3.4 conference bodies) and every crash
/// input FuzzSIPBody ever found (`Corpus/sip-body-crashes/`) through the
/// harness's own oracle (``SIPBodyOracle``), in the harness's framing
/// (first line = Content-Type value, rest = body).
@Suite struct SIPBodyFuzzRegressionTests {
    /// `Corpus/` beside `Tests/` (no Foundation here: see ``CorpusReplay``).
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Corpus"
    }()

    @Test func crashInputsStayFixed() {
        let r = SIPBodyOracle.replay(Self.corpus + "/sip-body-crashes")
        for f in r.failures { Issue.record("regression \(f)") }
    }

    @Test func seedCorpusHoldsTheLaws() {
        let r = SIPBodyOracle.replay(Self.corpus + "/sip-body")
        #expect(r.files >= 15, "seed corpus missing or small: \(r.files) files")
        for f in r.failures { Issue.record("seed \(f)") }
    }

    /// The main seed is what it claims to be: a clause 5.3.3.4 conference
    /// body with three parts the codecs accept and whose recipient list
    /// matches the Annex C participants. Its TRANSFER_INIT is the shipped
    /// MIKEY vector `mikey.tr33829.annex-c.participants`, which is not a
    /// conference-factory message in the sense of clause 5.3.3.3 NOTE 2
    /// (#CS = 1, no forking flag I): exactly those two errors remain.
    @Test func conferenceSeedIsAValidConferenceBody() throws {
        let seed = try #require(CorpusReplay.contents(of: Self.corpus + "/sip-body/conference-invite-5.3.3.4"))
        let (contentType, body) = SIPBodyOracle.frame(seed)
        #expect(contentType == "multipart/mixed;boundary=\"boundary1\"")
        let report = SIPBodyValidator().validate(contentType: contentType, body: body)
        #expect(report.decoded.parts.map(\.mediaType) == ["application/sdp", "application/resource-lists+xml", "application/mikey"])
        #expect(report.conferenceFactory)
        let errors = Set(report.findings.filter { $0.severity == .error }.map(\.code))
        #expect(errors == ["sip-body.tr.conf-cs-count", "sip-body.tr.conf-forking"],
                "\(report.findings.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))")
    }

    @Test func framingSplitsAtTheFirstLineEnd() {
        let a = SIPBodyOracle.frame(Array("application/sdp\r\nv=0\r\n".utf8))
        #expect(a.contentType == "application/sdp")
        #expect(a.body == Array("v=0\r\n".utf8))
        let b = SIPBodyOracle.frame(Array("multipart/mixed;boundary=x".utf8))
        #expect(b.contentType == "multipart/mixed;boundary=x" && b.body.isEmpty)
        let c = SIPBodyOracle.frame(Array("a/b\nc".utf8))
        #expect(c.contentType == "a/b" && c.body == [0x63])
        #expect(SIPBodyOracle.frame(SIPBodyOracle.input(contentType: "t/s", body: [1, 2])) == ("t/s", [1, 2]))
    }

    /// Hostile framings: never a trap, and the tiling law holds.
    @Test(arguments: [
        "multipart/mixed;boundary=b\r\n--b",
        "multipart/mixed;boundary=b\r\n--b--",
        "multipart/mixed;boundary=b\r\n--b\r",
        "multipart/mixed;boundary=b\r\n--b \t\r\n\r\n--b--x\r\n--b--\r\n",
        "multipart/mixed;boundary=b\r\n\n--b\n\n\n--b\r\n--b\r\n--b--",
        "multipart/mixed;boundary=\"\"\r\n--\r\n",
        "multipart/mixed;boundary=\"a\rb\"\r\n--a\rb\r\n",
        "multipart/mixed;boundary=b\r\n--b\r\nContent-Transfer-Encoding: base64\r\nContent-Type: application/mikey\r\n\r\nA=\r\n--b--",
        "multipart/mixed;boundary=b\r\n--b\r\nContent-Transfer-Encoding: base64\r\nContent-Type: application/mikey\r\n\r\nAQ==\r\n--b--",
        "multipart/mixed;boundary=b\r\n" + String(repeating: "--b\r\n\r\n", count: 40),
        "\r\n",
        "",
    ])
    func hostileFramingsHoldTheLaws(_ text: String) throws {
        try SIPBodyOracle.check(Array(text.utf8))
    }
}
