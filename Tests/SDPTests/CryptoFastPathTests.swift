import Testing
import MediasecCore
@testable import SDP

/// The byte-level shortcuts of the a=crypto decoder and checks answer as
/// the String code they replace (RFC 4568 §4: names case-insensitive).
struct CryptoFastPathTests {
    /// Every known session parameter name, case variants, near misses and
    /// junk: the byte lookup, the cached kind and the String definition agree.
    static var sessionParamNames: [String] {
        var names: [String] = []
        for k in SRTPSessionParameter.Kind.allCases {
            let n = k.rawValue
            names += [n, n.lowercased(), n.capitalized, String(n.dropLast()), n + "_", "-" + n, n + "=", " " + n,
                      String(n.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.lowercased()) : $0.element })]
        }
        names += ["", "-", "--", "-x", "kdR", "KDR ", "K", "FEC", "FEC_KEYS", "UNENCRYPTED_SRTPX", "ROLLOVER",
                  "\u{212A}DR", "FEC_\u{212A}EY", "-\u{301}x", "wsh\u{0}", "KDRÉ", "ｋdr", "\u{0}"]
        return names
    }

    @Test func sessionParameterKindFromBytesMatchesStringLookup() {
        for n in Self.sessionParamNames {
            let expected = SRTPSessionParameter.referenceKind(of: n)
            #expect(SRTPSessionParameter.kind(of: n) == expected, "\(n)")
            #expect(SRTPSessionParameter(name: n).kind == expected, "\(n)")
            if n.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(SRTPSessionParameter.kind(nameBytes: Array(n.utf8)[...]) == expected, "\(n)")
            }
            // The cached kind follows a change of name.
            var p = SRTPSessionParameter(name: "KDR")
            p.name = n
            #expect(p.kind == expected, "\(n)")
            #expect(p.isNonCanonicalCase == (expected.spelling != nil && n != expected.rawValue), "\(n)")
        }
        // The Kelvin sign is a K to String comparison: the String way decides.
        #expect(SRTPSessionParameter(name: "\u{212A}DR").kind == .kdr)
        for k in SRTPSessionParameter.Kind.allCases {
            #expect(k.spelling.map { "\($0)" } == (k.takesValue == nil ? nil : k.rawValue), "\(k)")
        }
    }

    /// Parameters decoded from an a=crypto line: the kind read from the
    /// bytes, the name as written, equal to the parameter built by name.
    @Test func decodedSessionParametersMatchConstructedOnes() throws {
        let key = "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"
        for n in Self.sessionParamNames where !n.isEmpty && n != "-" && n.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && $0 != 0x3d }) {
            let kind = SRTPSessionParameter.referenceKind(of: n)
            let value: String
            switch kind {
            case .kdr, .wsh: value = "=7"
            case .fecOrder: value = "=FEC_SRTP"
            case .fecKey: value = "=" + key
            case .optionalExtension, .unknownMandatory: value = "=x"
            default: value = ""
            }
            let c = try CryptoAttribute(parsing: "1 AES_CM_128_HMAC_SHA1_80 \(key) \(n)\(value)")
            let p = try #require(c.sessionParams.first)
            #expect(p.name == n)
            #expect(p.kind == kind, "\(n)")
            #expect(p == SRTPSessionParameter(name: n, value: p.value), "\(n)")
            #expect(p.hashValue == SRTPSessionParameter(name: n, value: p.value).hashValue, "\(n)")
        }
    }

    @Test func asciiLiteralComparisons() {
        let cases: [(String, Bool, Bool)] = [("INLINE", false, true), ("inline", true, true), ("Inline", false, true),
                                             ("inlin", false, false), ("inlinee", false, false), ("", false, false),
                                             ("inl1ne", false, false), ("iNLINE", false, true), ("inline\u{0}", false, false)]
        for (text, exact, folded) in cases {
            let b = Array(text.utf8)[...]
            #expect(SDPASCII.equals(b, "inline") == exact, "\(text)")
            #expect(SDPASCII.equalsIgnoringCase(b, upper: "INLINE") == folded, "\(text)")
            #expect(folded == (SDPGrammar.uppercased(text) == "INLINE"), "\(text)")
        }
        // '@' (0x40) and '`' (0x60) are not letters: no case folding.
        #expect(!SDPASCII.equalsIgnoringCase(Array("@".utf8), upper: "`"))
        #expect(!SDPASCII.equalsIgnoringCase(Array("`".utf8), upper: "@"))
    }

    /// FEC_KEY's list field names its elements as the checks always did.
    @Test func listFieldText() {
        #expect(SDPListField("keyParams").text == "keyParams")
        #expect(SDPListField("keyParams").element(3) == "keyParams[3]")
        #expect(SDPListField("keyParams", parent: ("sessionParams", 2)).element(0) == "sessionParams[2].keyParams[0]")
    }

    /// The suite registry lookup (hash of the folded bytes, then a byte
    /// comparison) finds the entry a case-insensitive scan of the table
    /// finds, whether the name is given as a String or read as bytes.
    @Test func suiteLookupMatchesTableScan() {
        var names: [String] = []
        for n in SRTPCryptoSuite.table.keys {
            names += [n, n.lowercased(), n.capitalized, String(n.dropLast()), n + "0", "X" + n, String(n.reversed())]
        }
        names += ["", "A", "AES", "AES_CM_128_HMAC_SHA1_8", "AES_CM_128_HMAC_SHA1_800", "X_EXPERIMENTAL_SUITE",
                  "AES_CM_512_HMAC_SHA3_99", "aes_cm_128_hmac_sha1_80", "AES_CM_128_HMAC_SHA1_8\u{0}", "ÄES_CM_128_HMAC_SHA1_80",
                  "AES{CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32 "]
        for n in names {
            let expected = SRTPCryptoSuite.table.first { SDPGrammar.equalsIgnoringCase($0.key, n) }
            for suite in [SRTPCryptoSuite(rawValue: n), SRTPCryptoSuite(nameBytes: Array(n.utf8)[...])] {
                #expect(suite.rawValue == n)
                #expect(suite.canonicalName == expected?.key, "\(n)")
                #expect(suite.info == expected?.value, "\(n)")
                #expect(suite.isNonCanonicalCase == (expected.map { $0.key != n } ?? false), "\(n)")
                #expect(suite == SRTPCryptoSuite(rawValue: n))
                #expect(suite.hashValue == SRTPCryptoSuite(rawValue: n).hashValue)
            }
            // The cached entry follows a change of the name.
            var s = SRTPCryptoSuite.aesCM128HMACSHA1_80
            s.rawValue = n
            #expect(s.info == expected?.value, "\(n)")
        }
    }

    /// A token read from digit bytes carries its value; it answers as a
    /// token made from the same text, and compares and hashes as one.
    @Test func decimalTokenFromDigitsMatchesText() {
        let texts = ["0", "7", "007", "10", "255", "18446744073709551615", "18446744073709551616",
                     "000000000000000000000018446744073709551615", String(repeating: "9", count: 40), "1" + String(repeating: "0", count: 19)]
        for t in texts {
            let a = DecimalToken(digits: Array(t.utf8)[...])
            let b = DecimalToken(uncheckedDigits: t)
            guard let c = DecimalToken(text: t) else { Issue.record("\(t)"); continue }
            #expect(a.text == t)
            #expect(a.value == b.value && b.value == c.value, "\(t)")
            #expect(a.value == DecimalToken.value(text: t), "\(t)")
            #expect(a == b && a == c && a.hashValue == b.hashValue, "\(t)")
            #expect(a.hasLeadingZero == b.hasLeadingZero && a.minimalByteCount == b.minimalByteCount, "\(t)")
        }
        #expect(DecimalToken(42).value == 42 && DecimalToken(42) == DecimalToken(text: "42"))
        #expect(DecimalToken(text: "042") != DecimalToken(42))
    }

    /// The scanner-free lifetime and MKI readers accept exactly what the
    /// scanner accepts, with the same value; the rest they leave to it.
    @Test func lifetimeAndMKIFastPathsMatchScanner() throws {
        let scanner = SDPTextScanner([UInt8](), base: 0, path: "a", specRef: "RFC 4568 §9.2")
        let texts = ["1", "2^20", "2^", "2^^3", "^2", "20", "2", "2^0", "2^x", "x", "", "12:4", "1:", ":4", "1:2:3", "01:004",
                     "1:4x", "a:1", "2^1:4", "18446744073709551616:1", "1::4", "99999999999999999999999"]
        for t in texts {
            let bytes = Array(t.utf8)[...]
            let slowLifetime = try? SRTPCryptoScan.scanLifetime(bytes, at: 10, scanner)
            #expect(SRTPCryptoScan.lifetimeFast(bytes) == slowLifetime, "\(t)")
            if let colon = bytes.firstIndex(of: 0x3a) {
                let slowMKI = try? SRTPCryptoScan.scanMKI(bytes, at: 10, scanner)
                #expect(SRTPCryptoScan.mkiFast(bytes, colon: colon) == slowMKI, "\(t)")
            }
        }
        // Slices that do not start at 0, as the decoder hands them.
        let line = Array("xx|2^31|7:4".utf8)
        let lifetime = try #require(SRTPCryptoScan.lifetimeFast(line[3..<7]))
        #expect(lifetime.powerOfTwo && lifetime.digits.value == 31 && lifetime.digits.range == 5..<7)
        let mki = try #require(SRTPCryptoScan.mkiFast(line[8...], colon: 9))
        #expect(mki.value.value == 7 && mki.value.range == 8..<9 && mki.length.value == 4 && mki.length.range == 10..<11)
    }

    /// An inline key is scanned first without the error context; a failure
    /// is scanned again with it, so the error names the key-param and the
    /// clause as a one-pass scan would (positions counted by hand).
    @Test func inlineKeyErrorsCarryTheirContext() {
        let cases: [(String, String, String, Int)] = [
            ("1 AES_CM_128_HMAC_SHA1_80 inline:QUJD|2^|1:4", "a.keyParams[0].lifetime", "sdp.crypto.lifetime-syntax", 40),
            ("1 AES_CM_128_HMAC_SHA1_80 inline:QUJD|1:x", "a.keyParams[0].mki.length", "sdp.crypto.mki-syntax", 40),
            ("1 AES_CM_128_HMAC_SHA1_80 inline:QUJD;inline:QU!D", "a.keyParams[1].keySalt", "sdp.crypto.inline-syntax", 47),
            ("1 AES_CM_128_HMAC_SHA1_80 inline:QUJD FEC_KEY=inline:QUJD|1:4|2^3", "a.sessionParams[0].keyParams[0].mki", "sdp.crypto.inline-syntax", 58),
        ]
        for (value, path, code, offset) in cases {
            do {
                _ = try SRTPCryptoScan.scan(Array(value.utf8)[...], base: 0, path: "a", limits: .default)
                Issue.record("\(value) decoded")
            } catch {
                #expect(error.code == code && error.path == path && error.offset == offset, "\(value): \(error)")
                #expect(error.specRef.hasPrefix("RFC 4568"), "\(value)")
            }
        }
    }

    /// Base64 texts for the shape tests: encodings of random bytes with and
    /// without their padding, with a character changed, and junk.
    static var base64Texts: [String] {
        var g = SplitMix64(seed: 4568)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".utf8) + [0x20, 0x7c, 0x2d, 0xc3]
        var texts = ["", "=", "==", "===", "A", "AA", "AB", "AA==", "AB==", "AAA", "AAB", "AAA=", "AAB=", "AAAA", "A=AA", "AA=A",
                     "AA===", "AAAA====", "QUJD", "QUJDRA", "QUJDRA==", "QUJDRA=", "QUJDRB==", "QUJDREU", "QUJDREU=", "QUJDREV="]
        for n in 0..<40 {
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let t = Base64.encode(bytes)
            texts += [t, String(t.prefix { $0 != "=" })]
            if !t.isEmpty {
                var b = Array(t.utf8)
                b[Int(g.next() % UInt64(b.count))] = alphabet[Int(g.next() % UInt64(alphabet.count))]
                texts.append(String(decoding: b, as: UTF8.self))
            }
        }
        return texts
    }

    /// The shape of a text (no bytes built) agrees with its decoding: the
    /// same failure, the decoded length, the missing padding.
    @Test func base64ShapeMatchesDecoding() {
        for t in Self.base64Texts {
            let bytes = Array(t.utf8)
            let shape = bytes.withUnsafeBufferPointer { SDPBase64.shapeUnpadded($0) }
            switch (shape, SDPBase64.decodeUnpadded(bytes)) {
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(t)")
            case (.success(let s), .success(let d)):
                #expect(s.decodedCount == d.count, "\(t)")
                #expect(s.isMissingPadding == SDPBase64.isMissingPadding(bytes), "\(t)")
                #expect(s.dataCount + s.padCount == bytes.count, "\(t)")
            default:
                Issue.record("shape and decoding disagree on \(t)")
            }
        }
    }

    /// The key-reuse rule compares the base64 characters before the
    /// padding: equal exactly when the decoded key||salt are equal.
    @Test func keyIdentityByTextMatchesDecodedBytes() {
        let texts = Self.base64Texts
        var valid: [(text: [UInt8], shape: SDPBase64.Shape, bytes: [UInt8])] = []
        for t in texts {
            let b = Array(t.utf8)
            if case .success(let s) = b.withUnsafeBufferPointer({ SDPBase64.shapeUnpadded($0) }),
               case .success(let d) = SDPBase64.decodeUnpadded(b) {
                valid.append((b, s, d))
            }
        }
        #expect(valid.count > 40)
        for x in valid {
            for y in valid {
                let sameKey = ByteKey(x.text.prefix(x.shape.dataCount)) == ByteKey(y.text.prefix(y.shape.dataCount))
                #expect(sameKey == (x.bytes == y.bytes), "\(String(decoding: x.text, as: UTF8.self)) \(String(decoding: y.text, as: UTF8.self))")
            }
        }
        #expect(ByteKey(Array("xQUJD".utf8)[1...]).hashValue == ByteKey(bytes: Array("QUJD".utf8)).hashValue)
    }

    /// A key keeps its key||salt as bytes: the String property, equality
    /// and hashing answer as the String field did.
    @Test func inlineKeyTextAsBytes() throws {
        let salts = ["PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBr", "", "K", "\u{212A}", "é", "e\u{301}", "AA=="]
        for a in salts {
            let ka = SRTPInlineKey(keySalt: a, lifetime: .power(20))
            #expect(ka.keySalt == a)
            for b in salts {
                let kb = SRTPInlineKey(keySalt: b, lifetime: .power(20))
                #expect((ka == kb) == (a == b), "\(a) \(b)")
                if a == b { #expect(ka.hashValue == kb.hashValue, "\(a) \(b)") }
            }
            var k = SRTPInlineKey(keySalt: "x")
            k.keySalt = a
            #expect(k == ka.withoutLifetime && k.keySalt == a)
        }
        // A decoded key: its text is the input's, its bytes decode as before.
        let c = try CryptoAttribute(parsing: "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4")
        let k = try #require(c.inlineKeys.first)
        #expect(k.keySalt == "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")
        #expect(k == SRTPInlineKey(keySalt: "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", lifetime: .power(20), mki: .init(value: 1, length: 4)))
        #expect(k.keySaltBytes == (try? SDPBase64.decodeUnpadded(Array(k.keySalt.utf8)).get()))
        #expect(k.keySaltBytes?.count == 30)
    }

    /// A map sized from the start answers as one that grew.
    @Test func sizedSmallMapMatchesGrownOne() {
        var g = SplitMix64(seed: 9)
        for n in [0, 1, 8, 9, 64, 300] {
            var sized = SmallMap<Int, Int>(expectedCount: n)
            var grown = SmallMap<Int, Int>()
            var tokens = DecimalTokenMap<Int>(expectedCount: n)
            for i in 0..<n {
                let k = Int(g.next() % UInt64(max(1, n / 2)))
                let expected = grown.firstValue(for: k, else: i)
                #expect(sized.firstValue(for: k, else: i) == expected, "n=\(n) i=\(i)")
                let digits = Array(String(k).utf8)[...]
                #expect(tokens.firstValue(for: SDPDigits(digits), in: digits, else: i) == expected, "n=\(n) i=\(i)")
            }
            for k in 0..<n { #expect(sized[k] == grown[k]) }
        }
    }

    /// `read(while:)` over the slice's storage answers as a walk of the
    /// slice by index: slices that do not start at 0, reads after other
    /// reads, empty reads, reads to the end.
    @Test func scannerReadWhileOnSlices() {
        let line = Array("a=crypto:12 AES_CM_128_HMAC_SHA1_80 inline:QUJD|2^20".utf8)
        for start in [0, 9, 12, line.count - 4, line.count] {
            var s = SDPTextScanner(line[start...], base: 100, path: "p", specRef: "x")
            var k = start
            for p in [SDPGrammar.isDigit, SDPGrammar.isWSP, { SDPGrammar.isAlphaNum($0) || $0 == 0x5f }, SDPGrammar.isWSP, SDPGrammar.isVCHAR, SDPGrammar.isDigit] as [(UInt8) -> Bool] {
                var e = k
                while e < line.count && p(line[e]) { e += 1 }
                let r = s.read(while: p)
                #expect(r == line[k..<e] && r.startIndex == k, "start \(start) at \(k)")
                #expect(s.offset == 100 + e - start)
                k = e
            }
            #expect(s.isAtEnd == (k == line.count))
        }
    }
}

extension SRTPInlineKey {
    fileprivate var withoutLifetime: SRTPInlineKey {
        var k = self
        k.lifetime = nil
        return k
    }
}

