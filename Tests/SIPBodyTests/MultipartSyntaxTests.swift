import Testing
import MediasecCore
import MIKEY
import CMS
@testable import SIPBody

/// RFC 2046 §5.1.1 framing: what the decoder splits and what it reports.
@Suite struct MultipartSyntaxTests {
    typealias F = SIPBodyFixtures

    static func decode(_ body: [UInt8], contentType: String = F.contentType, limits: SIPBodyLimits = .default) -> DecodedSIPBody {
        SIPBodyDecoder(limits: limits).decode(contentType: contentType, body: body)
    }

    static func codes(_ d: DecodedSIPBody) -> [String] { d.findings.map(\.code) }

    @Test func wellFormedSplitsWithOffsets() throws {
        let body = Array("preamble\r\n--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n".utf8)
        let d = Self.decode(body, contentType: "multipart/mixed; boundary=b")
        #expect(d.parts.count == 2)
        #expect(d.preambleRange == 0..<8)
        #expect(d.parts[0].delimiterOffset == 10)
        #expect(Array(body[d.parts[0].bodyRange]) == Array("v=0\r\n".utf8))
        #expect(Array(body[d.parts[1].bodyRange]) == Array("hi".utf8))
        #expect(d.parts[1].header("content-type")?.value == "text/plain")
        #expect(d.closeDelimiterOffset != nil)
        #expect(Self.codes(d).contains("sip-body.multipart.preamble"))
        #expect(Self.codes(d).contains("sip-body.part.type-unknown"))
        #expect(d.findings.allSatisfy { $0.severity == .info }, "\(d.findings)")
    }

    /// `(content type, body, expected code)` vectors (STYLE.md §13).
    static let malformed: [(String, String, String)] = [
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n", "sip-body.multipart.close-missing"),
        ("multipart/mixed;boundary=other", "--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b--\r\n", "sip-body.multipart.no-delimiter"),
        ("multipart/mixed;boundary=b", "--b\nContent-Type: application/sdp\n\nv=0\n--b--\n", "sip-body.multipart.bare-lf"),
        ("multipart/mixed", "--b\r\n\r\n--b--\r\n", "sip-body.multipart.boundary-missing"),
        ("multipart/mixed;boundary=\"a b \"", "--a b \r\n\r\n--a b --\r\n", "sip-body.multipart.boundary-invalid"),
        ("multipart/mixed;boundary=\"\(String(repeating: "x", count: 71))\"", "", "sip-body.multipart.boundary-invalid"),
        ("multipart", "", "sip-body.content-type.syntax"),
        ("multipart/mixed;boundary=\"b", "", "sip-body.content-type.syntax"),
        ("multipart/mixed;boundary=b", "--b\r\n\r\nx\r\n--b--\r\n", "sip-body.part.content-type-missing"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: application/mikey\r\nContent-Transfer-Encoding: base64\r\n\r\nAQ*=\r\n--b--\r\n", "sip-body.part.base64-invalid"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: application/mikey\r\nContent-Transfer-Encoding: x-gzip\r\n\r\nAQ\r\n--b--\r\n", "sip-body.part.cte-unknown"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: application/mikey\r\n\r\n\u{1}\r\n--b--\r\n", "sip-body.part.mikey-encoding"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: text/plain\r\nno colon here\r\n\r\nx\r\n--b--\r\n", "sip-body.part.header-syntax"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: text/plain\r\n--b--\r\n", "sip-body.part.header-unterminated"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: text/plain\r\nContent-Type: text/html\r\n\r\nx\r\n--b--\r\n", "sip-body.part.duplicate-header"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\n--bx\r\n--b--\r\n", "sip-body.multipart.delimiter-suffix"),
        ("multipart/mixed;boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\ntrailing words\r\n", "sip-body.multipart.epilogue"),
        ("multipart/related;boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n", "sip-body.multipart.subtype"),
    ]

    @Test(arguments: malformed.indices)
    func malformedIsFlagged(_ i: Int) {
        let (ct, body, code) = Self.malformed[i]
        let d = Self.decode(Array(body.utf8), contentType: ct)
        #expect(Self.codes(d).contains(code), "\(ct) | \(body.debugDescription): \(d.findings)")
        // Every code the decoder emits is in the catalog.
        for f in d.findings { #expect(SIPBodyRules.rule(code: f.code) != nil, "\(f.code) not in the catalog") }
    }

    @Test func conferenceBodyFramingErrors() throws {
        let body = try F.conferenceBody()
        // No close delimiter: the MIKEY part still runs to the end.
        let s = String(decoding: body, as: UTF8.self)
        let open = Array(s.replacingSuffix("--boundary1--\r\n").utf8)
        let r1 = F.validate(open)
        expectCode(r1, "sip-body.multipart.close-missing")
        #expect(r1.decoded.parts.count == 3)
        // Wrong boundary in the header.
        let r2 = F.validate(body, contentType: "multipart/mixed;boundary=boundary2")
        expectCode(r2, "sip-body.multipart.no-delimiter")
        #expect(r2.decoded.parts.isEmpty)
        // Bare LF everywhere: still split, reported once.
        let lf = body.filter { $0 != 0x0d }
        let r3 = F.validate(lf)
        expectCode(r3, "sip-body.multipart.bare-lf")
        #expect(r3.findings.filter { $0.code == "sip-body.multipart.bare-lf" }.count == 1)
        #expect(r3.decoded.parts.map(\.mediaType) == ["application/sdp", "application/resource-lists+xml", "application/mikey"])
    }

    @Test func nonMultipartBodyIsOnePart() throws {
        let d = Self.decode(Array(F.sdp.utf8), contentType: "application/sdp")
        #expect(!d.isMultipart && d.parts.count == 1 && d.parts[0].bodyRange == 0..<F.sdp.utf8.count)
        let r = F.validate(Array(F.sdp.utf8), contentType: "application/sdp")
        #expect(r.isValid, "\(r.findings)")
    }

    @Test func limitsAreFindings() {
        var s = ""
        for _ in 0..<5 { s += "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n" }
        s += "--b--\r\n"
        let d = Self.decode(Array(s.utf8), contentType: "multipart/mixed;boundary=b", limits: SIPBodyLimits(maxParts: 3))
        #expect(d.parts.count == 3)
        #expect(Self.codes(d).contains("sip-body.limit.parts"))
        let many = "--b\r\n" + String(repeating: "X-A: 1\r\n", count: 10) + "\r\nx\r\n--b--\r\n"
        let h = Self.decode(Array(many.utf8), contentType: "multipart/mixed;boundary=b", limits: SIPBodyLimits(maxHeaderLines: 4))
        #expect(Self.codes(h).contains("sip-body.limit.header-lines"))
        let big = Self.decode([UInt8](repeating: 0x41, count: 100), contentType: "multipart/mixed;boundary=b", limits: SIPBodyLimits(maxBodySize: 10))
        #expect(Self.codes(big).contains("sip-body.limit.size"))
    }

    @Test func parameterParsing() throws {
        let t = try MediaType.parse("Multipart/Mixed ; Boundary=\"a\\\"b\" ;x=y").get()
        #expect(t.essence == "multipart/mixed")
        #expect(t.parameter("boundary") == "a\"b")
        #expect(t.parameter("X") == "y")
        let disp = try MediaType.parse("recipient-list;handling=required", subtypeRequired: false).get()
        #expect(disp.type == "recipient-list" && disp.parameter("handling") == "required")
    }

    @Test func ruleCatalogIsConsistent() {
        let codes = SIPBodyRules.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for r in SIPBodyRules.all {
            #expect(r.code.hasPrefix("sip-body."))
            #expect(r.specRef.contains("RFC") || r.specRef.contains("TR 33.829") || r.specRef.contains("IANA") || r.specRef.contains("suite"), "\(r.code)")
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
