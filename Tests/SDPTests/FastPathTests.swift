import Foundation
import Testing
import MediasecCore
@testable import SDP

/// The speed helpers of the validator give the same answers as the plain
/// code they replace.
struct FastPathTests {
    @Test func indexedNameCount() {
        #expect(SDPIndexedName.count == SDPIndexedName.allCases.count)
    }

    @Test func registryEntryBySlot() {
        #expect(SDPAttributeRegistry.entryBySlot.count == SDPIndexedName.allCases.count)
        var mapped = 0
        for k in SDPIndexedName.allCases {
            let i = SDPAttributeRegistry.entryBySlot[Int(k.rawValue)]
            if i >= 0 {
                mapped += 1
                #expect(SDPAttributeRegistry.list[i].name == k.name)
                #expect(SDPAttributeRegistry.entry(named: k.name)?.name == k.name)
            } else {
                #expect(SDPAttributeRegistry.entry(named: k.name) == nil)
            }
        }
        #expect(mapped == SDPAttributeRegistry.list.count)
    }

    @Test func pathTextMatchesInterpolation() {
        for n in [0, 1, 9, 10, 99, 100, 12345, -1, -20] {
            #expect(SDPPathText.indexed("media", n) == "media[\(n)]")
            #expect(SDPPathText.indexed("media", n, ".fmts", n + 3) == "media[\(n)].fmts[\(n + 3)]")
            #expect(SDPPathText.indexed("session.attributes", n, ".x") == "session.attributes[\(n)].x")
            #expect(SDPPathText.located(line: n, column: n + 7, "msg é") == "\(n):\(n + 7): msg é")
            #expect(SDPPathText.located(line: n, column: n + 7, "msg é", mikeyByte: n + 40) == "\(n):\(n + 7): msg é (MIKEY byte \(n + 40))")
            #expect(SDPPathText.located(line: 2, column: 3, "", mikeyByte: n) == "2:3:  (MIKEY byte \(n))")
        }
        for parts in [["", "", "", ""], ["offer.", "media[0].attributes[2].keyMgmt.mikey", ".", "hdr.csIdMapInfo[0]"], ["é", "x", "", "ü"]] {
            #expect(SDPPathText.joined(parts[0], parts[1], parts[2], parts[3]) == parts.joined())
            #expect(SDPPathText.joined(parts[0], parts[1]) == parts[0] + parts[1])
        }
        let long = String(repeating: "ab", count: 100)
        #expect(SDPPathText.located(line: 3, column: 4, long) == "3:4: \(long)")
        #expect(SDPPathText.located(line: 3, column: 4, "") == "3:4: ")
        #expect(IndexedAttribute(lineIndex: 0, ordinal: 12, level: .media(3), attribute: SDPAttribute(name: "x", value: nil as [UInt8]?)).path == "media[3].attributes[12]")
        #expect(IndexedAttribute(lineIndex: 0, ordinal: 0, level: .session, attribute: SDPAttribute(name: "x", value: nil as [UInt8]?)).path == "session.attributes[0]")
    }

    /// External truth: Foundation's encoder. Every encoding it produces
    /// decodes to the original bytes, padded or (when padding is optional)
    /// unpadded, from contiguous and from non-contiguous storage.
    @Test func base64AgreesWithFoundation() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = Array(Data(bytes).base64EncodedString().utf8)
            #expect((try? SDPBase64.decode(text, requirePadding: true).get()) == bytes)
            #expect((try? SDPBase64.decode(text.lazy.filter { _ in true }, requirePadding: true).get()) == bytes)
            let unpadded = text.filter { $0 != 0x3d }
            #expect((try? SDPBase64.decode(unpadded, requirePadding: false).get()) == bytes)
            #expect((try? SDPBase64.decode(unpadded.lazy.filter { _ in true }, requirePadding: false).get()) == bytes)
            if unpadded.count != text.count { #expect((try? SDPBase64.decode(unpadded, requirePadding: true).get()) == nil) }
        }
        #expect((try? SDPBase64.decode(Array("AAECAwQFBgcICQoLDA0ODw==".utf8)).get()) == Array(0...15))
        #expect((try? SDPBase64.decode(Array("AA-=".utf8)).get()) == nil)
    }

    /// An attribute's sub-field path written in one string equals the
    /// interpolated one it replaces, at both levels, with and without an
    /// index, for one- to three-digit numbers.
    @Test func attributeSubPathMatchesInterpolation() {
        for level in [SDPLevel.session, .media(0), .media(7), .media(123)] {
            for ordinal in [0, 9, 10, 456] {
                let a = IndexedAttribute(lineIndex: 0, ordinal: ordinal, level: level, attribute: SDPAttribute(name: "crypto", value: nil as [UInt8]?))
                #expect(a.path(".crypto", ".tag") == "\(a.path).crypto.tag")
                #expect(a.path(".crypto", "") == "\(a.path).crypto")
                for i in [0, 5, 42, 999] {
                    #expect(a.path(".crypto.", "keyParams", index: i, ".mki.value") == "\(a.path).crypto.keyParams[\(i)].mki.value")
                    #expect(a.path(".crypto", ".sessionParams", index: i) == "\(a.path).crypto.sessionParams[\(i)]")
                }
            }
        }
        for level in [SDPLevel.session, .media(12)] {
            let a = IndexedAttribute(lineIndex: 0, ordinal: 4, level: level, attribute: SDPAttribute(name: "x", value: nil as [UInt8]?))
            #expect(a.path(".", "connection", ".", "value") == "\(a.path).connection.value")
            #expect(a.path(".", "path", "", "[1]") == "\(a.path).path[1]")
            #expect(a.path(".", "keyMgmt", index: 2, ".", "x") == "\(a.path).keyMgmt[2].x")
        }
        let s = IndexedAttribute(lineIndex: 0, ordinal: 3, level: .session, attribute: SDPAttribute(name: "x", value: nil as [UInt8]?))
        #expect(s.path(".crypto.", "keyParams", index: 1, ".keySalt") == "session.attributes[3].crypto.keyParams[1].keySalt")
    }

    /// A finding message written by ``SDPMessage``'s interpolation, and
    /// with its `line:column: ` prefix, is the text of the standard
    /// interpolation: integers of every sign and size, strings with
    /// non-ASCII text, optionals, enums and other values.
    @Test func findingMessageMatchesStandardInterpolation() {
        enum Role: String { case actpass }
        let ints = [0, 7, -7, 10, 99, 100, -100, 65535, Int.max, Int.min, 1 << 40]
        for n in ints {
            let m: SDPMessage = "key||salt is \(n) bytes; the suite needs \(n / 3) + \(14) = \(n &+ 1)"
            #expect(m.text == "key||salt is \(n) bytes; the suite needs \(n / 3) + \(14) = \(n &+ 1)")
            #expect(SDPPathText.located(line: 7, column: 43, m) == "7:43: key||salt is \(n) bytes; the suite needs \(n / 3) + \(14) = \(n &+ 1)")
        }
        let s = "µ-law ☃", opt: Int? = 5, none: String? = nil, u: UInt64 = .max, role = Role.actpass
        let sub = s.dropFirst(2)
        let m: SDPMessage = "'\(s)' \(sub) \(String(describing: opt)) \(String(describing: none)) \(u) \(role.rawValue) \(role) \(3.5) \(true)"
        #expect(m.text == "'\(s)' \(sub) \(String(describing: opt)) \(String(describing: none)) \(u) \(role.rawValue) \(role) \(3.5) \(true)")
        let literal: SDPMessage = "lifetime 0"
        #expect(literal.text == "lifetime 0" && literal.utf8Count == 10)
        #expect(SDPPathText.located(line: 1, column: 2, literal) == "1:2: lifetime 0")
        #expect(SDPPathText.located(line: 12, column: 345, SDPMessage("")) == "12:345: ")
    }

    /// The shape's one-pass check of the usual text (the `=` run at the
    /// end, then the alphabet by OR-ed table values) names the same
    /// failure as reading byte by byte, which the test spells out from the
    /// grammar (RFC 4648 §4 with the padding rules of ``SDPBase64``), on
    /// encodings with bytes changed, `=` moved in and characters cut off.
    @Test func base64ShapeFailuresMatchByteReading() {
        func reference(_ t: [UInt8], requirePadding: Bool) -> Result<SDPBase64.Shape, SDPBase64.Failure> {
            var count = 0, pad = 0
            for c in t {
                if c == 0x3d { pad += 1; continue }
                if pad > 0 { return .failure(.padding) }
                if SDPBase64.value(c) < 0 { return .failure(.character) }
                count += 1
            }
            if pad > 2 { return .failure(.padding) }
            if pad > 0 || requirePadding, (count + pad) % 4 != 0 { return .failure(pad > 0 ? .padding : .length) }
            let rest = count % 4
            if rest == 1 { return .failure(.length) }
            if pad > 0 && pad != (4 - rest) % 4 { return .failure(.padding) }
            if rest == 2 && SDPBase64.value(t[count - 1]) & 0x0f != 0 { return .failure(.nonCanonical) }
            if rest == 3 && SDPBase64.value(t[count - 1]) & 0x03 != 0 { return .failure(.nonCanonical) }
            return .success(SDPBase64.Shape(dataCount: count, padCount: pad))
        }
        var rng = SystemRandomNumberGenerator()
        let specials: [UInt8] = [0x3d, 0x3d, 0x20, 0x2d, 0x5f, 0x00, 0xff, 0x2b, 0x2f, 0x41]
        var failures = Set<String>()
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var text = Array(Data(bytes).base64EncodedString().utf8)
            for _ in 0..<Int.random(in: 0...2, using: &rng) where !text.isEmpty {
                switch Int.random(in: 0...3, using: &rng) {
                case 0: text[Int.random(in: 0..<text.count, using: &rng)] = specials.randomElement(using: &rng) ?? 0x3d
                case 1: text.insert(0x3d, at: Int.random(in: 0...text.count, using: &rng))
                case 2: text.removeLast()
                default: text.append(specials.randomElement(using: &rng) ?? 0x3d)
                }
            }
            for requirePadding in [true, false] {
                let expected = reference(text, requirePadding: requirePadding)
                let got = text.withUnsafeBufferPointer { SDPBase64.shape($0, requirePadding: requirePadding) }
                #expect(got == expected, "\(String(decoding: text, as: UTF8.self)) requirePadding \(requirePadding)")
                if case .failure(let f) = expected { failures.insert(f.rawValue) }
            }
        }
        // Every failure kind was met (the mutations reach them all).
        #expect(failures == ["character", "padding", "length", "nonCanonical"])
    }

    @Test func canonicalPayloadType() {
        for n in 0...200 {
            #expect(SDPValidationRun.canonicalPayloadType(String(n)) == (n <= 127 ? n : nil))
        }
        for t in ["", "00", "01", "007", "1a", "-1", "+1", "1 ", "1270", "٣"] {
            #expect(SDPValidationRun.canonicalPayloadType(t) == nil, "\(t)")
        }
    }

    /// `isTCP` read from the bytes answers as `hasPrefix("TCP")`, with
    /// combining marks after the P and other near misses.
    @Test func transportIsTCPMatchesHasPrefix() {
        for raw in ["TCP", "TCP/TLS/MSRP", "TCP/BFCP", "tcp/tls", "TC", "", "UDP/TLS/UDPTL", "TCP\u{301}/TLS", "TCP\u{301}", "TCPé", "ＴCP", "TCP/\u{301}"] {
            #expect(TransportProtocol(rawValue: raw).isTCP == raw.hasPrefix("TCP"), "\(raw)")
        }
    }

    /// An attribute line value splits at its first `:`, for slices that
    /// start past index 0 (name and value keep the line's indices).
    @Test func attributeSplitMatchesFirstIndex() {
        for text in ["", ":", "recvonly", "label:", "label:1", "crypto:1 AES:x", "a::b", ":value", "x-é:ü"] {
            let whole = Array(("v=" + text).utf8)
            let v = whole[2...]
            let (name, value, hasValue) = SDPAttribute.split(v)
            if let c = v.firstIndex(of: 0x3a) {
                #expect(hasValue && name == v[..<c] && value == v[(c + 1)...] && name.startIndex == v.startIndex, "\(text)")
            } else {
                #expect(!hasValue && name == v && value.isEmpty, "\(text)")
            }
        }
    }

    @Test func caseHelpers() {
        #expect(SDPGrammar.equalsIgnoringCase("Inline", "inline"))
        #expect(!SDPGrammar.equalsIgnoringCase("inlinE1", "inline"))
        #expect(!SDPGrammar.equalsIgnoringCase("é", "É"))
        #expect(SDPGrammar.uppercased("aes_cm_128") == "AES_CM_128")
        #expect(SDPGrammar.uppercased("AES") == "AES")
        #expect(SDPGrammar.lowercased("SHA-256") == "sha-256")
        #expect(SDPGrammar.lowercased("sha-256") == "sha-256")
        // Bytes against a string: ASCII case folded only, equal lengths
        // only; contiguous bytes, a slice and a non-contiguous collection
        // give the answer of comparing the ASCII-lowercased UTF-8.
        let texts = ["", "tcp", "TCP", "tCp", "tcp ", "192.0.2.10", "Alice.Example.COM", "alice.example.com", "bücher", "BÜCHER", "bÜcher", "@[`{", "`{@["]
        for a in texts {
            for b in texts {
                let expected = Array(a.utf8).map(SDPGrammar.lower) == Array(b.utf8).map(SDPGrammar.lower)
                let bytes = Array(a.utf8)
                #expect(SDPGrammar.equalsIgnoringCase(bytes, b) == expected, "\(a) | \(b)")
                #expect(SDPGrammar.equalsIgnoringCase(([0x78] + bytes).dropFirst(), b) == expected, "\(a) | \(b)")
                #expect(SDPGrammar.equalsIgnoringCase(bytes.lazy.map { $0 }, b) == expected, "\(a) | \(b)")
            }
        }
    }

    @Test func fingerprintByteCount() {
        for text in ["AB:CD", "ab:cd:ef", "A", "AB:C", "AB:GG", "", "AB CD", "ABCD"] {
            let f = FingerprintAttribute(hashFunction: .sha256, fingerprint: text)
            #expect(f.byteCount == f.bytes.count, "\(text)")
        }
    }

    @Test func transportInfoFollowsRawValue() {
        var t = TransportProtocol(rawValue: "RTP/AVP")
        #expect(t.info?.security == TransportProtocol.Security.none)
        t.rawValue = "RTP/SAVP"
        #expect(t.info?.security == .srtp)
        #expect(t == TransportProtocol(rawValue: "RTP/SAVP"))
        t.rawValue = "rtp/savp"
        #expect(t.info == nil && t.caseInsensitiveMatch == "RTP/SAVP")
    }

    /// The word-at-a-time line scan against the byte-by-byte rule it
    /// replaces (LF, CR with or without LF, NUL, then the length limit),
    /// on random lines rich in the bytes around the 0x0e threshold, at
    /// every alignment.
    @Test func lineScanMatchesByteLoop() {
        func reference(_ p: [UInt8], _ start: Int, _ maxLength: Int) -> (Int, SDPDecoder.LineStop) {
            var i = start
            while i < p.count {
                let c = p[i]
                if c == 0x0a { return (i, .lf) }
                if c == 0x0d { return (i, i + 1 < p.count && p[i + 1] == 0x0a ? .crlf : .bareCR) }
                if c == 0x00 { return (i, .nul) }
                if i - start >= maxLength { return (i, .tooLong) }
                i += 1
            }
            return (p.count, .endOfInput)
        }
        let alphabet: [UInt8] = [0x61, 0x20, 0x09, 0x0d, 0x0a, 0x00, 0x0b, 0x0c, 0x0e, 0x0f, 0x7f, 0x80, 0x8d, 0xff, 0x3d]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...40, using: &rng)
            // Mostly ordinary bytes, so that lines run past a word or two.
            let bytes = (0..<n).map { _ in Int.random(in: 0..<4, using: &rng) == 0 ? alphabet.randomElement(using: &rng) ?? 0x61 : 0x61 }
            let start = Int.random(in: 0...n, using: &rng)
            let maxLength = Int.random(in: 0...24, using: &rng)
            let got = bytes.withUnsafeBufferPointer { SDPDecoder.scanLine($0, from: start, maxLength: maxLength) }
            let want = reference(bytes, start, maxLength)
            #expect(got.0 == want.0 && got.1 == want.1, "\(bytes) from \(start) max \(maxLength)")
        }
    }

    /// The base64 table holds exactly the RFC 4648 alphabet: every other
    /// byte is a character error.
    @Test func base64TableIsTheAlphabet() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for b in 0...255 {
            let c = UInt8(b)
            let expected = alphabet.firstIndex(of: c).map(UInt8.init) ?? 0xff
            #expect(SDPBase64.table[b] == expected)
            if expected == 0xff && c != 0x3d {
                #expect(SDPBase64.decode([0x41, 0x41, c, 0x41]) == .failure(.character))
            }
        }
    }

    /// MediaField and DecodedAttribute keep their fields in a shared box:
    /// a changed copy leaves the original as it was.
    @Test func boxedModelsKeepValueSemantics() throws {
        let m = try MediaField.decode(Array("audio 49170 RTP/SAVP 0".utf8), path: "")
        var n = m
        n.proto = "RTP/AVP"
        n.formats = ["8"]
        #expect(m.proto == "RTP/SAVP" && m.formats == ["0"] && m.port == 49170)
        #expect(n.proto == "RTP/AVP" && n.formats == ["8"] && n.port == 49170)
        #expect(m != n)

        let d = try SDPDecoder().decode(Array("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/SAVP 0\r\na=setup:active\r\n".utf8))
        let located = try #require(d.sessionDescription.attributes(at: .media(0)).first)
        let a = try #require(SDPAttributeRegistry.decode(located, in: d))
        var b = a
        b.valueOffset += 1
        b.result = .failure(DecodingError(code: "x", offset: 0, path: "", specRef: "", message: ""))
        #expect(a.valueOffset + 1 == b.valueOffset)
        #expect(a.typed == .setup(SetupAttribute(.active)))
        #expect(b.typed == nil)
    }
}
