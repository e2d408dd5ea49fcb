import Testing
import MediasecCore
@testable import SDP

/// The RFC 8866 line layer: splitting, terminators, sections, positions,
/// the thrown codes, the named limits, and byte-identical re-serialization.
@Suite struct ParserTests {
    typealias K = SDPTestKit

    @Test func linesSectionsAndOffsets() throws {
        let bytes = RFCExamples.rfc4568Section4_5
        let d = try SDPDecoder().decode(bytes)
        #expect(d.lines.count == 14)
        #expect(d.lines.allSatisfy { $0.ending == .crlf })
        let s = d.sessionDescription.sections
        #expect(s.session == 0..<8)
        #expect(s.media == [8..<10, 10..<12, 12..<14])
        #expect(s.level(ofLine: 9) == .media(0))
        #expect(s.level(ofLine: 13) == .media(2))
        #expect(s.level(ofLine: 3) == .session)
        for (i, o) in d.lineOffsets.enumerated() {
            #expect(bytes[o] == d.lines[i].type)
            #expect(d.position(of: o) == SDPPosition(line: i + 1, column: 1))
        }
        #expect(d.sessionDescription.encoded() == bytes)
        let attrs = d.sessionDescription.attributes(at: .media(0))
        #expect(attrs.count == 1 && attrs[0].attribute.name == "crypto" && attrs[0].path == "media[0].attributes[0]")
    }

    @Test func lineEndingsAreRecordedPerLine() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 h\ns=-\r\nt=0 0\nm=audio 9 RTP/AVP 0"
        let bytes = Array(text.utf8)
        let d = try SDPDecoder().decode(bytes)
        #expect(d.lines.map(\.ending) == [.crlf, .lf, .crlf, .lf, .none])
        #expect(d.sessionDescription.encoded() == bytes)
        let r = K.validate(bytes)
        expectCode(r, "sdp.line.bare-lf")
        expectCode(r, "sdp.line.mixed-endings")
        expectCode(r, "sdp.line.no-final-eol")
        let lfOnly = K.validate(K.sdp(K.head, ending: "\n"))
        expectCode(lfOnly, "sdp.line.bare-lf")
        expectNoCode(lfOnly, "sdp.line.mixed-endings")
        expectValid(lfOnly)
    }

    /// Every input the decoder accepts re-serializes byte for byte, whatever
    /// its endings, spacing or order.
    @Test func losslessOnOddButAcceptedInputs() {
        for t in [
            "v=0\n", "v=0", "a=x\r\nv=0\r\n", "m=audio 9 RTP/AVP 0\r\n", "s=  two  spaces  \r\n", "v=0\r\ni=\u{e9}t\u{e9}\r\n",
            "v=0\r\na=:\r\na=\r\na=a:b:c\r\n", "v=\t\r\n", "z=\r\n",
        ] {
            assertLossless(Array(t.utf8))
        }
        assertLossless([0x76, 0x3d, 0xff, 0xfe, 0x0d, 0x0a])
    }

    @Test(arguments: [
        ("", "sdp.empty", 0),
        ("v=0\r\n\r\ns=-\r\n", "sdp.line.empty", 5),
        ("\n", "sdp.line.empty", 0),
        ("v=0\r\nx\r\n", "sdp.line.too-short", 5),
        ("v", "sdp.line.too-short", 0),
        ("v=0\r\ns-x\r\n", "sdp.line.syntax", 6),
        ("v=0\r\n=x\r\n", "sdp.line.syntax", 5),
        ("v=0\r\n1=x\r\n", "sdp.line.syntax", 5),
        ("v=0\r\nx=1\r\n", "sdp.line.type-unknown", 5),
        ("v=0\r\nV=0\r\n", "sdp.line.type-unknown", 5),
        ("v=0\rs=-\r\n", "sdp.line.bare-cr", 3),
        ("v=0\r", "sdp.line.bare-cr", 3),
        ("v=0\r\ns=a\u{0}b\r\n", "sdp.line.nul", 8),
    ])
    func lineLevelErrors(_ text: String, _ code: String, _ offset: Int) throws {
        let e = try #require(decodeError(Array(text.utf8)))
        #expect(e.code == code)
        #expect(e.offset == offset)
        // The message starts with line:column.
        let line = text.utf8.prefix(offset).filter { $0 == 0x0a }.count + 1
        let lastLF = text.utf8.prefix(offset).lastIndex(of: 0x0a).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1 } ?? 0
        #expect(e.message.hasPrefix("\(line):\(offset - lastLF + 1): "), "\(e.message)")
        // validate() reports the same error as its only finding.
        let r = K.validate(Array(text.utf8))
        #expect(r.decoded == nil)
        #expect(K.codes(r) == [code])
    }

    @Test func namedLimits() throws {
        let small = SDPLimits(maxBytes: 64, maxLines: 3, maxLineLength: 10, maxMediaSections: 1, maxFormats: 2, maxKeyParams: 1)
        #expect(decodeError(Array(repeating: 0x61, count: 65), limits: small)?.code == "sdp.limit.bytes")
        #expect(decodeError(Array("v=0\nv=0\nv=0\nv=0\n".utf8), limits: small)?.code == "sdp.limit.lines")
        #expect(decodeError(Array("v=01234567890\n".utf8), limits: small)?.code == "sdp.limit.line-length")
        #expect(decodeError(Array("v=01234567\n".utf8), limits: small) == nil)
        #expect(decodeError(Array("m=a 1 b c\nm=a 1 b c\n".utf8), limits: small)?.code == "sdp.limit.media")
        #expect(decodeError(Array("m=a 1 b c d e\n".utf8), limits: SDPLimits(maxFormats: 2))?.code == "sdp.limit.formats")
        let keys = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))|1:4;inline:\(K.key30(2))|2:4"
        let r = SDPValidator(options: SDPValidationOptions(limits: SDPLimits(maxKeyParams: 1))).validate(K.description(["m=audio 9 RTP/SAVP 0", keys]))
        expectCode(r, "sdp.limit.key-params")
    }

    // MARK: structure (RFC 8866 §5, §9)

    @Test func mandatoryLinesAndOrder() {
        expectValid(K.validate(K.description(["m=audio 9 RTP/AVP 0"])))
        expectCode(K.validate(K.sdp(["o=- 1 1 IN IP4 h", "v=0", "s=-", "t=0 0"])), "sdp.v.first")
        expectCode(K.validate(K.sdp(["v=1", "o=- 1 1 IN IP4 h", "s=-", "t=0 0"])), "sdp.v.version")
        expectCode(K.validate(K.sdp(["v=0", "s=-", "t=0 0"])), "sdp.o.missing")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "t=0 0"])), "sdp.s.missing")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=", "t=0 0"])), "sdp.s.empty")
        expectNoCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s= ", "t=0 0"])), "sdp.s.empty")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-"])), "sdp.t.missing")
        expectCode(K.validate(K.sdp(["v=0", "s=-", "o=- 1 1 IN IP4 h", "t=0 0"])), "sdp.order")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "s=again", "t=0 0"])), "sdp.line.duplicate")
        expectCode(K.validate(K.description(["a=x", "b=AS:64"])), "sdp.order")
        expectCode(K.validate(K.description(["m=audio 9 RTP/AVP 0", "a=x", "c=IN IP4 192.0.2.1"])), "sdp.order")
        expectCode(K.validate(K.description(["m=audio 9 RTP/AVP 0", "i=a", "i=b"])), "sdp.line.duplicate")
        expectCode(K.validate(K.description(["m=audio 9 RTP/AVP 0", "s=no"])), "sdp.order")
        // Time descriptions: t r* z?, several of them.
        expectValid(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=3724394400 3730536000", "r=604800 3600 0 90000", "r=7d 1h 0 25h", "z=3730928400 -1h 3749680800 0", "t=0 0", "a=x"])))
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "z=3730928400 -1h"])), "sdp.z.without-repeat")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "r=7d 1h 0", "t=0 0"])), "sdp.order")
        expectCode(K.validate(K.description(["k=prompt"])), "sdp.k.obsolete")
    }

    /// RFC 4567 §5.1's own example puts c= after t=.
    @Test func rfc4567ExampleHasItsLinesOutOfOrder() throws {
        let r = K.validate(RFCExamples.rfc4567Example1)
        expectCode(r, "sdp.order")
        #expect(r.findings.first { $0.code == "sdp.order" }?.message.hasPrefix("6:1: ") == true)
        // Lenient decoding keeps it inspectable; strict decoding rejects it.
        _ = try SDPDecoder().decode(RFCExamples.rfc4567Example1)
        #expect(throws: DecodingError.self) { try SDPDecoder().decodeStrict(RFCExamples.rfc4567Example1) }
        do {
            _ = try SDPDecoder().decodeStrict(RFCExamples.rfc4567Example1)
        } catch {
            #expect(error.code == "sdp.order")
            #expect(error.offset == SDPTestKit.sdp(Array(["v=0", "o=alice 2891092738 2891092738 IN IP4 w-land.example.com", "s=Cool stuff", "e=alice@w-land.example.com", "t=0 0"])).count)
        }
        _ = try SDPDecoder().decodeStrict(RFCExamples.rfc4568Section7_1_5Offer)
    }

    @Test func connectionRules() {
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0"])), "sdp.c.missing")
        expectNoCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0", "c=IN IP4 192.0.2.1"])), "sdp.c.missing")
        let mc = ["v=0", "o=- 1 1 IN IP4 h", "s=-"]
        expectCode(K.validate(K.sdp(mc + ["c=IN IP4 233.252.0.1", "t=0 0"])), "sdp.c.multicast-ttl")
        expectValid(K.validate(K.sdp(mc + ["c=IN IP4 233.252.0.1/127/3", "t=0 0"])))
        expectCode(K.validate(K.sdp(mc + ["c=IN IP4 233.252.0.1/256", "t=0 0"])), "sdp.c.ttl-range")
        expectCode(K.validate(K.sdp(mc + ["c=IN IP4 192.0.2.1/127", "t=0 0"])), "sdp.c.unicast-slash")
        expectValid(K.validate(K.sdp(mc + ["c=IN IP6 ff00::db8:0:101/3", "t=0 0"])))
        expectCode(K.validate(K.sdp(mc + ["c=IN IP6 ff00::db8:0:101/127/3", "t=0 0"])), "sdp.c.ip6-ttl")
        expectCode(K.validate(K.sdp(mc + ["c=IN IP4", "t=0 0"])), "sdp.c.syntax")
    }

    /// A unicast address with bytes that are not UTF-8: the finding points
    /// at the '/' by byte count (it once counted the three-byte replacement
    /// characters and pointed past the input; FuzzSDP crash-81229dc1).
    @Test func connectionSuffixOffsetCountsBytes() {
        let head = K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-"])
        let line = Array("c=IN IP6 2001:db8".utf8) + [UInt8](repeating: 0xff, count: 40) + Array("/2\r\n".utf8)
        let input = head + line + K.sdp(["t=0 0"])
        let r = K.validate(input)
        let f = r.findings.first { $0.code == "sdp.c.unicast-slash" }
        #expect(f?.offset == head.count + line.count - 4)
        #expect(input[(f?.offset ?? 0)] == 0x2f)
    }

    @Test func mediaFieldRules() throws {
        let m = try MediaField.decode(Array("video 49170/2 RTP/AVP 31 32".utf8), path: "m")
        #expect(m.media == "video" && m.port == 49170 && m.numberOfPorts == 2 && m.proto == "RTP/AVP" && m.formats == ["31", "32"])
        #expect(m.encodedValue == "video 49170/2 RTP/AVP 31 32")
        expectCode(K.validate(K.description(["m=audio 65536 RTP/AVP 0"])), "sdp.m.port-range")
        expectCode(K.validate(K.description(["m=audio 4294967296 RTP/AVP 0"])), "sdp.m.port-range")
        expectCode(K.validate(K.description(["m=audio 99999999999999999999999 RTP/AVP 0"])), "sdp.m.port-range")
        expectCode(K.validate(K.description(["m=audio 9/0 RTP/AVP 0"])), "sdp.m.port-count")
        expectCode(K.validate(K.description(["m=audio 9 RTP/AVP 128"])), "sdp.m.payload-type")
        expectCode(K.validate(K.description(["m=audio 9 RTP/AVP 00"])), "sdp.m.payload-type")
        expectCode(K.validate(K.description(["m=audio 9 RTP/AVP 0 8 0"])), "sdp.m.fmt-duplicate")
        expectNoCode(K.validate(K.description(["m=message 9 TCP/MSRP *"])), "sdp.m.payload-type")
        expectCode(K.validate(K.description(["m=audio 9 rtp/savp 0"])), "sdp.m.proto-case")
        for bad in ["m=audio", "m=audio 9", "m=audio 9 RTP/AVP", "m=audio x RTP/AVP 0", "m=audio 9  RTP/AVP 0", "m=audio 9 RTP/AVP 0 "] {
            expectCode(K.validate(K.description([bad])), "sdp.m.syntax")
        }
    }

    @Test func otherFieldSyntax() {
        expectCode(K.validate(K.sdp(["v=0", "o=- x 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0"])), "sdp.o.syntax")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4", "s=-", "c=IN IP4 192.0.2.1", "t=0 0"])), "sdp.o.syntax")
        expectCode(K.validate(K.description(["b=AS"])), "sdp.b.syntax")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0"])), "sdp.t.syntax")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=123 0"])), "sdp.t.time-value")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "r=0 1 2"])), "sdp.r.syntax")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "r=7d 1h"])), "sdp.r.syntax")
        expectCode(K.validate(K.sdp(["v=0", "o=- 1 1 IN IP4 h", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "r=7d 1h 0", "z=1 x"])), "sdp.z.syntax")
        expectCode(K.validate(K.description(["a=bad name:x"])), "sdp.a.name-syntax")
        expectCode(K.validate(K.description(["m=audio 9 RTP/SAVP 0", "a=Crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))"])), "sdp.a.name-case")
        expectCode(K.validate(K.description(["m=audio 9 RTP/SAVP 0", "a=crypto"])), "sdp.a.value-missing")
        let latin1: [UInt8] = Array("v=0\r\no=- 1 1 IN IP4 h\r\ns=caf".utf8) + [0xe9] + Array("\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n".utf8)
        expectCode(K.validate(latin1), "sdp.line.text-utf8")
        let withCharset: [UInt8] = Array("v=0\r\no=- 1 1 IN IP4 h\r\ns=caf".utf8) + [0xe9] + Array("\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\na=charset:ISO-8859-1\r\n".utf8)
        expectNoCode(K.validate(withCharset), "sdp.line.text-utf8")
    }

    /// STYLE.md §14: every proper prefix of a valid description is either
    /// rejected with an sdp.* code and an in-range offset, or decodes and
    /// re-serializes to itself (SDP's line format has valid prefixes).
    @Test func truncationSweep() {
        for src in [RFCExamples.rfc4568Section7_1_5Offer, RFCExamples.rfc8856Offer, RFCExamples.rfc4975Figure9] {
            for n in 0..<src.count {
                let p = Array(src.prefix(n))
                do {
                    let d = try SDPDecoder().decode(p)
                    #expect(d.sessionDescription.encoded() == p)
                } catch {
                    #expect(error.code.hasPrefix("sdp."))
                    #expect(error.offset >= 0 && error.offset <= n)
                }
                let r = K.validate(p)
                #expect(r.findings.allSatisfy { ($0.offset ?? 0) >= 0 && ($0.offset ?? 0) <= n })
            }
        }
    }

    @Test func editedLinesSerializeWithTheirEncoders() throws {
        var d = try SDPDecoder().decode(RFCExamples.rfc4568Section7_1_5Answer)
        let i = try #require(d.sessionDescription.attributes(at: .media(0)).first?.lineIndex)
        var c = try CryptoAttribute(parsing: try #require(d.sessionDescription.attributes(at: .media(0)).first?.attribute.valueString))
        c.sessionParams.append(.kdr(10))
        d.sessionDescription.lines[i] = c.line()
        let text = String(decoding: d.sessionDescription.encoded(), as: UTF8.self)
        #expect(text.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4 KDR=10\r\n"))
        expectValid(K.validate(d.sessionDescription.encoded()))
    }
}
