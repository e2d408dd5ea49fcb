import Testing
import MediasecCore
import SDP
@testable import SIPBody

/// The library side of the CLI's `--format sip-body` and `--answer`:
/// reading the entity around a body, offsets into the whole input, and the
/// `{format, valid, findings, decoded}` JSON contract.
@Suite struct CLIContractTests {
    /// 43 + 19 + 2 = 64 bytes of header block.
    static let header = "Content-Type: multipart/mixed;boundary=b1\r\nMIME-Version: 1.0\r\n\r\n"
    static let headerLength = 64

    static let sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n"

    /// One SDP part and one text/plain part (a type without a codec: an info finding at its header).
    static let body = "--b1\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--b1\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b1--\r\n"

    @Test func headerBlockGivesContentTypeAndBodyOffset() {
        #expect(Array(Self.header.utf8).count == Self.headerLength)
        let e = SIPBodyEntity.parse(Array((Self.header + Self.body).utf8))
        #expect(e.contentType == "multipart/mixed;boundary=b1")
        #expect(e.contentTypeSource == .header)
        #expect(e.contentTypeOffset == 0)
        #expect(e.headers.map(\.name) == ["Content-Type", "MIME-Version"])
        #expect(e.headers.map(\.offset) == [0, 43])
        #expect(e.bodyRange == 64..<(64 + Self.body.utf8.count))
        #expect(e.findings.isEmpty)
        #expect(e.startLine == nil)
    }

    @Test func partsAndFindingsPointIntoTheWholeInput() throws {
        let r = try #require(SIPBodyValidator().validate(SIPBodyEntity.parse(Array((Self.header + Self.body).utf8))))
        let parts = r.body.decoded.parts
        #expect(parts.count == 2)
        // "--b1\r\n" is 6 bytes; "Content-Type: application/sdp\r\n\r\n" 33.
        #expect(parts.first?.delimiterOffset == 64)
        #expect(parts.first?.headers.first?.offset == 70)
        #expect(parts.first?.bodyRange.lowerBound == 103)
        // The text/plain part: its Content-Type header is where the info finding points.
        let unknown = try #require(r.findings.first { $0.code == SIPBodyRules.typeUnknown.code })
        #expect(unknown.offset == parts.last?.headers.first?.offset)
        #expect(unknown.path == "parts[1].contentType")
        #expect(r.isValid)
        #expect(r.isDecoded)
        #expect(r.undecodedParts.isEmpty)
    }

    /// The same body with and without its header block: every finding the
    /// same, offsets moved by the header length.
    @Test func entityOffsetsAreBodyOffsetsPlusHeaderLength() throws {
        let body = SIPBodyFixtures.multipart([
            SIPBodyFixtures.sdpPart("v=0\r\nbroken line\r\n"),
            SIPBodyFixtures.listPart(disposition: nil),
            SIPBodyFixtures.mikeyPart(try SIPBodyFixtures.transferInit()),
        ])
        let header = Array("Content-Type: \(SIPBodyFixtures.contentType)\r\n\r\n".utf8)
        let alone = try #require(SIPBodyValidator().validate(SIPBodyEntity(body: body, contentType: SIPBodyFixtures.contentType)))
        let whole = try #require(SIPBodyValidator().validate(SIPBodyEntity.parse(header + body)))
        #expect(!alone.findings.isEmpty)
        #expect(alone.findings.count == whole.findings.count)
        for (a, w) in zip(alone.findings, whole.findings) {
            #expect(a.code == w.code)
            #expect(a.path == w.path)
            #expect(a.offset.map { $0 + header.count } == w.offset)
        }
        // Findings of nested codecs keep their part path.
        #expect(whole.findings.contains { $0.path.hasPrefix("parts[0].sdp") && $0.code.hasPrefix("sdp.") })
        #expect(whole.findings.contains { $0.code == SIPBodyRules.recipientListDisposition.code && $0.path == "parts[1].contentDisposition" })
    }

    @Test func sipMessageWithCompactContentType() throws {
        let start = "INVITE sip:conf-factory@example.org SIP/2.0\r\n"
        let text = start + "Via: SIP/2.0/UDP 192.0.2.1\r\nc: multipart/mixed;boundary=b1\r\n\r\n" + Self.body
        let e = SIPBodyEntity.parse(Array(text.utf8))
        #expect(e.startLine == "INVITE sip:conf-factory@example.org SIP/2.0")
        #expect(e.contentType == "multipart/mixed;boundary=b1")
        // 45 (start line) + 28 (Via) = 73.
        #expect(e.contentTypeOffset == 73)
        let r = try #require(SIPBodyValidator().validate(e))
        #expect(r.body.decoded.parts.count == 2)
        #expect(SIPBodyEntity.sipStartLine(Array("SIP/2.0 200 OK\r\n".utf8))?.1 == 16)
        #expect(SIPBodyEntity.sipStartLine(Array("Content-Type: a/b\r\n".utf8)) == nil)
    }

    @Test func missingAndDuplicateContentType() throws {
        let none = SIPBodyEntity.parse(Array(("MIME-Version: 1.0\r\n\r\n" + Self.body).utf8))
        #expect(none.contentTypeSource == .missing)
        #expect(SIPBodyValidator().validate(none) == nil)

        let twice = "Content-Type: multipart/mixed;boundary=b1\r\nContent-Type: text/plain\r\n\r\n" + Self.body
        let e = SIPBodyEntity.parse(Array(twice.utf8))
        #expect(e.contentType == "multipart/mixed;boundary=b1")
        #expect(e.findings.map(\.code) == [SIPBodyRules.duplicateHeader.code])
        #expect(e.findings.first?.offset == 43)
        #expect(e.findings.first?.path == "entity.headers")
    }

    /// A Content-Type value that does not parse: the finding points at the header field.
    @Test func contentTypeSyntaxPointsAtTheHeader() throws {
        let e = SIPBodyEntity.parse(Array(("MIME-Version: 1.0\r\nContent-Type: multipart\r\n\r\n" + Self.body).utf8))
        let r = try #require(SIPBodyValidator().validate(e))
        let f = try #require(r.findings.first { $0.code == SIPBodyRules.contentTypeSyntax.code })
        #expect(f.offset == 19)
        #expect(!r.isValid)
        #expect(!r.isDecoded)
    }

    @Test func jsonContract() throws {
        let r = try #require(SIPBodyValidator().validate(SIPBodyEntity.parse(Array((Self.header + Self.body).utf8))))
        let j = r.json()
        #expect(j.objectValue?.map(\.0) == ["format", "valid", "findings", "decoded"])
        #expect(j["format"]?.stringValue == "sip-body")
        #expect(j["valid"]?.boolValue == true)
        #expect(j["findings"]?.arrayValue?.count == r.findings.count)
        let decoded = try #require(j["decoded"])
        #expect(decoded["entity"]?["contentTypeSource"]?.stringValue == "header")
        #expect(decoded["entity"]?["body"]?["offset"]?.intValue == 64)
        #expect(decoded["boundary"]?.stringValue == "b1")
        let part0 = try #require(decoded["parts"]?.arrayValue?.first)
        #expect(part0["delimiterOffset"]?.intValue == 64)
        #expect(part0["sdp"]?["media"]?.arrayValue?.count == 1)
        // Given apart: no headers, body at 0.
        let given = try #require(SIPBodyValidator().validate(SIPBodyEntity(body: Array(Self.body.utf8), contentType: "multipart/mixed; boundary=b1")))
        #expect(given.json()["decoded"]?["entity"]?["contentTypeSource"]?.stringValue == "given")
        #expect(given.json()["decoded"]?["parts"]?.arrayValue?.first?["delimiterOffset"]?.intValue == 0)
    }

    // MARK: validate --answer

    @Test func offerAnswerFindingsAreAttributed() throws {
        let offer = Array(Self.sdp.utf8)
        // Two m= lines against one: sdp.oa.media-count at the answer's first m= line,
        // which follows 5 + 26 + 5 + 20 + 7 = 63 bytes.
        let answer = Array((Self.sdp + "m=video 49174 RTP/AVP 31\r\n").utf8)
        let r = SDPValidator().validateOfferAnswer(offer: offer, answer: answer)
        let fs = r.attributedFindings
        let count = try #require(fs.first { $0.code == "sdp.oa.media-count" })
        #expect(count.path == "pair.answer.media")
        #expect(count.offset == 63)
        #expect(SDPOfferAnswerSource(path: count.path) == .pairAnswer)
        #expect(SDPOfferAnswerSource(path: count.path)?.document == .answer)
        #expect(SDPOfferAnswerSource(path: "offer.media[0]") == .offer)
        #expect(SDPOfferAnswerSource(path: "elsewhere") == nil)
        #expect(fs.count == r.offer.findings.count + r.answer.findings.count + r.findings.count)
        #expect(fs.allSatisfy { SDPOfferAnswerSource(path: $0.path) != nil })

        let j = r.contractJSON()
        #expect(j.objectValue?.map(\.0) == ["format", "valid", "profiles", "findings", "decoded"])
        #expect(j["format"]?.stringValue == "sdp-offer-answer")
        #expect(j["valid"]?.boolValue == false)
        #expect(j["decoded"]?["answer"]?["media"]?.arrayValue?.count == 2)
        #expect(j["decoded"]?["offer"]?["media"]?.arrayValue?.count == 1)
    }

    @Test func undecodableAnswerKeepsTheContract() {
        let r = SDPValidator().validateOfferAnswer(offer: Array(Self.sdp.utf8), answer: [0x76])
        let j = r.contractJSON()
        #expect(j["decoded"]?["answer"] == .null)
        #expect(r.attributedFindings.contains { $0.path.hasPrefix("answer") && $0.code == "sdp.line.too-short" })
    }
}
