import Testing
import Foundation
import PropertyBased
import MediasecCore
@testable import CMS

/// The S/MIME entity (RFC 8551 §3.2, §3.4; TR 33.829 Annex B.2): header
/// parsing with line/column positions, the base64 layout, the canonical
/// encoder and its round-trip laws, the validator end to end.
@Suite struct SMIMETests {
    static func entity(_ headers: [String], _ body: String) -> [UInt8] {
        Array((headers.map { $0 + "\r\n" }.joined() + "\r\n" + body).utf8)
    }

    static func codes(_ fs: [Finding]) -> Set<String> { Set(fs.map(\.code)) }

    @Test func canonicalEntityRoundTrips() throws {
        let cms = try Fixtures.builtKEKRI()
        let e = SMIMEEntity.make(cms: cms)
        let bytes = e.encoded()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data;\r\n name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=smime.p7m\r\n\r\n"))
        // 76-character lines, CRLF.
        let body = text.components(separatedBy: "\r\n\r\n")[1]
        let lines = body.components(separatedBy: "\r\n").dropLast()
        #expect(lines.dropLast().allSatisfy { $0.count == 76 } && (lines.last?.count ?? 0) <= 76)
        let p = SMIMEParser().parse(bytes)
        #expect(p.findings.isEmpty, "\(p.findings)")
        #expect(p.isCanonicalForm)
        #expect(p.entity == e)
        #expect(p.entity.content == cms)
        #expect(p.smimeType == "authEnveloped-data")
        #expect(p.contentType?.mediaType == "application/pkcs7-mime")
        #expect(p.entity.encoded() == bytes)
    }

    @Test func trSpellingIsAWarningAtTheParameter() throws {
        let bytes = Self.entity(["Content-Type: application/pkcs7-mime;", "    smime-type=auth-enveloped-data;", "    name=smime.p7m", "Content-Transfer-Encoding: base64",
                                 "Content-Disposition: attachment; filename=smime.p7m"], Base64.encode(try Fixtures.builtORI()) + "\r\n")
        let p = SMIMEParser().parse(bytes)
        let f = try #require(p.findings.first { $0.code == CMSRules.annexBSMIMETypeSpelling.code })
        #expect(f.severity == .warning)
        let (line, column) = p.location(of: try #require(f.offset))
        #expect(line == 2 && column == 16)  // "    smime-type=" is 15 characters
        #expect(f.path == "headers[0].Content-Type.smime-type")
    }

    @Test func bareLFIsReportedWithItsPosition() throws {
        let crlf = SMIMEEntity.make(cms: try Fixtures.builtKEKRI()).encoded()
        let lf = crlf.filter { $0 != 0x0d }
        let p = SMIMEParser().parse(lf)
        let f = try #require(p.findings.first { $0.code == SMIMERules.bareLF.code })
        #expect(f.offset == lf.firstIndex(of: 0x0a))
        #expect(p.location(of: f.offset ?? 0).line == 1)
        #expect(!p.isCanonicalForm)
        // The model is the same as for the CRLF form (apart from the folds kept raw).
        #expect(p.entity.content == SMIMEParser().parse(crlf).entity.content)
    }

    @Test func base64LayoutIsKept() throws {
        let cms = try Fixtures.builtKEKRI()
        let text = Base64.encode(cms)
        var body = ""
        var i = text.startIndex
        while i < text.endIndex {
            let e = text.index(i, offsetBy: 64, limitedBy: text.endIndex) ?? text.endIndex
            body += text[i..<e] + "\r\n"
            i = e
        }
        let bytes = Self.entity(["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m", "Content-Transfer-Encoding: base64",
                                 "Content-Disposition: attachment; filename=smime.p7m"], body)
        let p = SMIMEParser().parse(bytes)
        #expect(p.findings.isEmpty, "\(p.findings)")
        #expect(p.entity.lineLength == 64)
        #expect(p.entity.encoded() == bytes)
    }

    @Test(arguments: [
        ("AAA!AAAA\r\n", SMIMERules.base64InvalidCharacter.code),
        ("AAAAAA\r\n", SMIMERules.base64Padding.code),
        ("AAAA=\r\n", SMIMERules.base64Padding.code),
        ("AA==AAAA\r\n", SMIMERules.base64Padding.code),
        ("AB==\r\n", SMIMERules.base64PadBits.code),
        (String(repeating: "A", count: 80) + "\r\n", SMIMERules.base64LineLength.code),
        ("AAAA\r\n\r\n", SMIMERules.base64BlankLine.code),
        ("AAAAAAAA\r\nAAAA\r\nAAAAAAAA\r\n", SMIMERules.base64IrregularLines.code),
    ])
    func badBase64(_ body: String, _ code: String) {
        let p = SMIMEParser().parse(Self.entity(["Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=smime.p7m", "Content-Transfer-Encoding: base64"], body))
        #expect(Self.codes(p.findings).contains(code), "\(p.findings)")
        #expect(!p.isCanonicalForm)
        // Whatever the layout, the canonical re-encoding parses to the same model.
        #expect(SMIMEParser().parse(p.entity.encoded()).entity == p.entity)
    }

    @Test func headerProblems() {
        let long = "X-Pad: " + String(repeating: "a", count: 995)
        let cases: [([String], String)] = [
            (["Content-Type application/pkcs7-mime"], SMIMERules.headerSyntax.code),
            ([" leading continuation", "Content-Type: application/pkcs7-mime"], SMIMERules.headerSyntax.code),
            (["Content-Type: application/pkcs7-mime", long], SMIMERules.headerLineLength.code),
            (["Content-Type: application/pkcs7-mime", "X-Note: caf\u{e9}"], SMIMERules.headerNonASCII.code),
            (["Content-Type: application/pkcs7-mime", "Content-Type: application/pkcs7-mime"], SMIMERules.headerDuplicate.code),
            (["Content-Type: application/pkcs7-mime; name=a.p7m; NAME=b.p7m"], SMIMERules.parameterDuplicate.code),
            (["Content-Type: text/plain"], SMIMERules.notPKCS7MIME.code),
            (["Content-Type: application/pkcs7-mime; smime-type=\"open"], SMIMERules.contentTypeSyntax.code),
            (["Content-Type: application/pkcs7-mime (unterminated"], SMIMERules.contentTypeSyntax.code),
            (["X-Other: 1"], SMIMERules.contentTypeMissing.code),
        ]
        for (headers, code) in cases {
            let p = SMIMEParser().parse(Self.entity(headers, "MAA=\r\n"))
            #expect(Self.codes(p.findings).contains(code), "\(headers): \(p.findings)")
        }
        let noBody = SMIMEParser().parse(Array("Content-Type: application/pkcs7-mime\r\n".utf8))
        #expect(Self.codes(noBody.findings).contains(SMIMERules.headerNoBody.code))
        #expect(noBody.bodyStart == nil)
    }

    @Test func headerCountIsBounded() {
        let many = (0..<200).map { "X-F\($0): v" }
        let p = SMIMEParser().parse(Self.entity(many, "MAA=\r\n"))
        #expect(p.entity.fields.count == MIMELimits.default.maxHeaderFields)
        #expect(Self.codes(p.findings).contains(SMIMERules.headerCount.code))
        #expect(SMIMEParser().parse(p.entity.encoded()).entity == p.entity)
    }

    @Test func parametersAndComments() throws {
        let f = MIMEHeaderField(name: "Content-Type", value: "Application/PKCS7-MIME (S/MIME) ; SMIME-Type = \"authEnveloped-data\" ;\r\n\tname=smime.p7m (file)")
        let ct = try MIMEContentType.parse(f).get()
        #expect(ct.mediaType == "application/pkcs7-mime")
        #expect(ct.parameter("smime-type")?.value == "authEnveloped-data")
        #expect(ct.parameter("NAME")?.value == "smime.p7m")
        let d = try MIMEDisposition.parse(MIMEHeaderField(name: "Content-Disposition", value: "attachment; filename=\"a \\\"b\\\".p7m\"")).get()
        #expect(d.type == "attachment" && d.parameter("filename")?.value == "a \"b\".p7m")
    }

    @Test func validatorOpensTheEntityAndParsesTheInnerEntity() throws {
        let entity = SMIMEEntity.make(cms: try Fixtures.builtKEKRI()).encoded()
        let opts = SMIMEValidationOptions(cms: CMSValidationOptions(encodingRules: .der, key: .kek(Fixtures.kek128)))
        let r = SMIMEValidator(options: opts).validate(entity)
        #expect(r.isValid, "\(r.findings)")
        #expect(Self.codes(r.findings).isSuperset(of: [CMSRules.aeadVerified.code, SMIMERules.innerParsed.code]))
        let inner = try #require(r.inner)
        #expect(inner.mediaType == "text/plain")
        #expect(String(decoding: inner.body, as: UTF8.self) == "All your base are belong to us.\r\n")
        let j = r.json()
        #expect(j["format"]?.stringValue == "smime" && j["valid"]?.boolValue == true)
        #expect(j["decoded"]?["inner"]?["body"]?.stringValue == "All your base are belong to us.\r\n")
        #expect(try JSONValue.parse(j.serialized()) == j)
        // Findings with an offset carry line and column.
        let bad = SMIMEValidator(options: opts).validate(entity.filter { $0 != 0x0d })
        let f = try #require(bad.json()["findings"]?.arrayValue?.first { $0["code"]?.stringValue == SMIMERules.bareLF.code })
        #expect(f["line"]?.intValue == 1 && f["column"] != nil)
    }

    /// CMS findings point into the entity: a DER deviation's offset is the
    /// base64 character that carries the offending octet.
    @Test func cmsOffsetsMapThroughBase64() throws {
        var cms = try Fixtures.builtKEKRI()
        cms += [0x05, 0x00]   // trailing data after the ContentInfo
        let entity = SMIMEEntity.make(cms: cms).encoded()
        let r = SMIMEValidator().validate(entity)
        let f = try #require(r.findings.first { $0.code == DERDeviation.trailingData.code })
        let p = r.parse
        let k = cms.count - 2
        #expect(f.offset == p.inputOffset(ofContentByte: k))
        #expect(f.path.hasPrefix("cms"))
        let o = try #require(f.offset)
        let charIndex = (k / 3) * 4 + k % 3
        let body = Array(entity[(p.bodyStart ?? 0)...]).filter { $0 != 0x0d && $0 != 0x0a }
        #expect(entity[o] == body[charIndex])
    }

    @Test func innerEntityChecks() {
        let (e1, f1) = InnerMIMEEntity.parse(Array("Content-Type: text/plain\n\nhi\n".utf8))
        #expect(e1 != nil && Self.codes(f1).contains(SMIMERules.innerLineEnding.code))
        let (e2, f2) = InnerMIMEEntity.parse(Array("hello world".utf8))
        #expect(e2 == nil && Self.codes(f2) == [SMIMERules.innerNotMIME.code])
        let (e3, f3) = InnerMIMEEntity.parse(Array("Content-Type: application/octet-stream\r\n\r\n\u{0}\n".utf8))
        #expect(e3?.mediaType == "application/octet-stream" && !Self.codes(f3).contains(SMIMERules.innerLineEnding.code))
        #expect(f3.allSatisfy { $0.offset == nil && $0.path.hasPrefix("inner") })
    }

    /// Hostile input: the parser never traps, and both laws hold on
    /// arbitrary bytes (law 1 only for input without form findings).
    @Test func arbitraryInputObeysTheLaws() async {
        let alphabet = Array("Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data;\r\n name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\nMIIBAAAA==\r\n\n\r \t\"()=;:\u{80}".utf8)
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            var g = SplitMix64(seed: UInt64(seed))
            let n = Int(g.next() % 300)
            let bytes = (0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            let p = SMIMEParser().parse(bytes)
            #expect(SMIMEParser().parse(p.entity.encoded()).entity == p.entity)
            if p.isCanonicalForm { #expect(p.entity.encoded() == bytes) }
            #expect(p.findings.allSatisfy { ($0.offset ?? 0) <= bytes.count })
            _ = SMIMEValidator().validate(bytes).json()
        }
    }
}

