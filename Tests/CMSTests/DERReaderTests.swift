import Testing
import Foundation
import MediasecCore
@testable import CMS

/// The BER/DER reader (X.690), with hand-computed encodings: every
/// strictness rule fires under DER (a thrown `der.*` error at the right
/// offset) and is reported under BER (one warning with the same code and
/// offset); failures that are not BER at all are fatal under both.
@Suite struct DERReaderTests {
    /// What to read after the tree parse, so that value-level rules run.
    enum Read: Sendable {
        case tree, octetString, integer, oid, setOf, boolean, bitString, aeadParameters
    }

    struct DeviationCase: Sendable, CustomTestStringConvertible {
        var name: String
        var hex: String
        var deviation: DERDeviation
        var offset: Int
        var read: Read
        var testDescription: String { name }
    }

    static let deviationCases: [DeviationCase] = [
        DeviationCase(name: "long-form length for 1", hex: "04 81 01 aa", deviation: .nonMinimalLength, offset: 1, read: .tree),
        DeviationCase(name: "length with a leading zero octet", hex: "04 82 00 01 aa", deviation: .nonMinimalLength, offset: 1, read: .tree),
        DeviationCase(name: "indefinite length", hex: "30 80 02 01 00 00 00", deviation: .indefiniteLength, offset: 1, read: .tree),
        DeviationCase(name: "constructed OCTET STRING", hex: "24 08 04 02 aa bb 04 02 cc dd", deviation: .constructedString, offset: 0, read: .octetString),
        DeviationCase(name: "constructed BIT STRING", hex: "23 08 03 02 00 aa 03 02 00 bb", deviation: .constructedString, offset: 0, read: .bitString),
        DeviationCase(name: "unsorted SET OF", hex: "31 06 02 01 02 02 01 01", deviation: .unsortedSetOf, offset: 5, read: .setOf),
        DeviationCase(name: "GCMParameters with ICVlen 12 encoded",
                      hex: "30 11 04 0c 01 02 03 04 05 06 07 08 09 0a 0b 0c 02 01 0c", deviation: .defaultValueEncoded, offset: 16, read: .aeadParameters),
        DeviationCase(name: "INTEGER with leading 0x00", hex: "02 02 00 7f", deviation: .nonMinimalInteger, offset: 2, read: .integer),
        DeviationCase(name: "INTEGER with leading 0xFF", hex: "02 02 ff 80", deviation: .nonMinimalInteger, offset: 2, read: .integer),
        DeviationCase(name: "OID arc with leading 0x80", hex: "06 03 2a 80 01", deviation: .nonMinimalOIDArc, offset: 3, read: .oid),
        DeviationCase(name: "high-tag form for tag 4", hex: "1f 04 01 aa", deviation: .nonMinimalTag, offset: 0, read: .tree),
        DeviationCase(name: "padded high tag number", hex: "9f 80 1f 01 00", deviation: .nonMinimalTag, offset: 1, read: .tree),
        DeviationCase(name: "trailing data", hex: "05 00 00", deviation: .trailingData, offset: 2, read: .tree),
        DeviationCase(name: "BOOLEAN TRUE as 0x01", hex: "01 01 01", deviation: .nonCanonicalBoolean, offset: 2, read: .boolean),
        DeviationCase(name: "BIT STRING with non-zero padding", hex: "03 02 07 81", deviation: .nonZeroBitStringPadding, offset: 3, read: .bitString),
    ]

    static func run(_ c: DeviationCase, rules: EncodingRules) throws(DecodingError) -> [Finding] {
        var r = ASN1Reader(rules: rules)
        let n = try r.parse(hex(c.hex))
        switch c.read {
        case .tree: break
        case .octetString: _ = try r.decodeOctetString(n, path: "v")
        case .integer: _ = try r.decodeInteger(n, path: "v")
        case .oid: _ = try r.decodeOID(n, path: "v")
        case .setOf: try r.checkSetOfOrder(n, path: "v")
        case .boolean: _ = try r.decodeBoolean(n, path: "v")
        case .bitString: _ = try r.decodeBitString(n, path: "v")
        case .aeadParameters:
            let bytes = hex(c.hex)
            var flat = ASN1Reader(rules: rules)
            let nodes = try flat.parseFlat(bytes)
            var ctx = CMSDecodeContext(reader: flat, codePoints: .default, bytes: bytes, nodes: nodes)
            _ = try AEADParameters.decode(0, &ctx, path: ctx.path(.root, "v"))
            _ = n
            return ctx.reader.findings
        }
        return r.findings
    }

    @Test(arguments: deviationCases)
    func deviationIsFatalUnderDER(_ c: DeviationCase) {
        expectDecodingError(c.deviation.code, at: c.offset) { () throws(DecodingError) in try Self.run(c, rules: .der) }
    }

    @Test(arguments: deviationCases)
    func deviationIsReportedUnderBER(_ c: DeviationCase) throws {
        let findings = try Self.run(c, rules: .ber)
        #expect(findings.map(\.code) == [c.deviation.code])
        #expect(findings.first?.offset == c.offset)
        #expect(findings.first?.severity == (c.deviation.isValidBER ? .warning : .error))
        #expect(findings.first?.specRef == c.deviation.specRef)
    }

    /// Each switch is independent: tolerating one deviation does not tolerate another.
    @Test func switchesAreIndependent() {
        let rules = EncodingRules.der.allowing(.indefiniteLength)
        #expect(rules.allowsIndefiniteLength && !rules.allowsNonMinimalLength)
        var r = ASN1Reader(rules: rules)
        #expect((try? r.parse(hex("30 80 05 00 00 00"))) != nil)
        expectDecodingError("der.length.non-minimal", at: 3) { () throws(DecodingError) in
            var r2 = ASN1Reader(rules: rules)
            return try r2.parse(hex("30 80 05 81 00 00 00"))
        }
    }

    struct FatalCase: Sendable, CustomTestStringConvertible {
        var name: String
        var hex: String
        var code: String
        var offset: Int
        var read: Read = .tree
        /// Cases whose input is also not DER: under DER an earlier deviation wins.
        var berOnly = false
        var testDescription: String { name }
    }

    static let fatalCases: [FatalCase] = [
        FatalCase(name: "empty input", hex: "", code: "der.truncated", offset: 0),
        FatalCase(name: "identifier only", hex: "04", code: "der.truncated", offset: 1),
        FatalCase(name: "content runs past the end", hex: "30 05 02 01 00", code: "der.truncated", offset: 2),
        FatalCase(name: "child runs past its parent", hex: "30 03 04 05 00 00 00 00 00", code: "der.truncated", offset: 4),
        FatalCase(name: "2^32-1 byte length on 6 bytes (no allocation)", hex: "04 84 ff ff ff ff", code: "der.truncated", offset: 6),
        FatalCase(name: "nine length octets", hex: "04 89 01 00 00 00 00 00 00 00 00", code: "der.truncated", offset: 1),
        FatalCase(name: "length octets missing", hex: "04 82 01", code: "der.truncated", offset: 2),
        FatalCase(name: "indefinite without end-of-contents", hex: "30 80 02 01 00", code: "der.truncated", offset: 5, berOnly: true),
        FatalCase(name: "indefinite on a primitive", hex: "04 80 aa 00 00", code: "der.length.indefinite-primitive", offset: 1),
        FatalCase(name: "reserved length 0xFF", hex: "04 ff", code: "der.length.reserved", offset: 1),
        FatalCase(name: "end-of-contents at top level", hex: "00 00", code: "der.eoc.unexpected", offset: 0),
        FatalCase(name: "end-of-contents inside a definite length", hex: "30 02 00 00", code: "der.eoc.unexpected", offset: 2),
        FatalCase(name: "universal tag 0 with a length", hex: "00 01 00", code: "der.eoc.malformed", offset: 0),
        FatalCase(name: "tag number above 2^32-1", hex: "1f 90 80 80 80 00 00", code: "der.tag.overflow", offset: 0),
        FatalCase(name: "BOOLEAN of two octets", hex: "01 02 ff ff", code: "der.boolean.length", offset: 0, read: .boolean),
        FatalCase(name: "NULL with content", hex: "05 01 00", code: "der.null.length", offset: 0, read: .boolean),
        FatalCase(name: "empty INTEGER", hex: "02 00", code: "der.integer.empty", offset: 0, read: .integer),
        FatalCase(name: "constructed INTEGER", hex: "22 03 02 01 00", code: "der.form.primitive-required", offset: 0, read: .integer),
        FatalCase(name: "empty OID", hex: "06 00", code: "der.oid.empty", offset: 0, read: .oid),
        FatalCase(name: "OID ending inside an arc", hex: "06 02 2a 81", code: "der.oid.truncated-arc", offset: 3, read: .oid),
        FatalCase(name: "OID arc of 33 octets", hex: "06 22 2a" + String(repeating: "81", count: 32) + "01", code: "der.oid.arc-too-long", offset: 35, read: .oid),
        FatalCase(name: "BIT STRING without unused-bits octet", hex: "03 00", code: "der.bit-string.empty", offset: 0, read: .bitString),
        FatalCase(name: "8 unused bits", hex: "03 02 08 00", code: "der.bit-string.unused-bits", offset: 2, read: .bitString),
        FatalCase(name: "unused bits without data", hex: "03 01 01", code: "der.bit-string.unused-bits", offset: 2, read: .bitString),
    ]

    @Test(arguments: fatalCases)
    func fatalUnderBothRules(_ c: FatalCase) {
        for rules in c.berOnly ? [EncodingRules.ber] : [.der, .ber] {
            expectDecodingError(c.code, at: c.offset) { () throws(DecodingError) in
                var r = ASN1Reader(rules: rules)
                let n = try r.parse(hex(c.hex))
                switch c.read {
                case .integer: _ = try r.decodeInteger(n, path: "v")
                case .oid: _ = try r.decodeOID(n, path: "v")
                case .boolean: if n.identifier == .null { try r.decodeNull(n, path: "v") } else { _ = try r.decodeBoolean(n, path: "v") }
                case .bitString: _ = try r.decodeBitString(n, path: "v")
                default: break
                }
                return n
            }
        }
    }

    @Test func constructedStringSegmentsMustBeOctetStrings() {
        expectDecodingError("der.string.segment", at: 2) { () throws(DecodingError) in
            var r = ASN1Reader(rules: .ber)
            return try r.decodeOctetString(try r.parse(hex("24 03 02 01 00")), path: "v")
        }
    }

    // MARK: raw tree

    @Test func nodeRangesAndSlices() throws {
        var r = ASN1Reader(rules: .ber)
        let bytes = hex("30 80 04 02 aa bb a1 03 02 01 05 00 00 99")
        let n = try r.parse(Array(bytes.dropLast()))
        #expect(n.identifier == .sequence && n.isIndefiniteLength)
        #expect(n.headerRange == 0..<2 && n.contentRange == 2..<11 && n.range == 0..<13)
        let kids = try #require(n.children)
        #expect(kids.count == 2)
        #expect(kids[0].identifier == .octetString && Array(kids[0].content) == [0xaa, 0xbb] && kids[0].offset == 2)
        #expect(kids[1].identifier == .context(1, constructed: true) && kids[1].children?.first?.offset == 8)
        #expect(Array(kids[1].encoded) == hex("a1 03 02 01 05"))
    }

    @Test func highTagNumbers() throws {
        var r = ASN1Reader(rules: .der)
        let n = try r.parse(hex("bf 81 00 02 05 00"))
        #expect(n.identifier == ASN1Identifier(.contextSpecific, 128, constructed: true))
        #expect(n.identifierLength == 3)
        #expect(n.identifier.encoded == hex("bf 81 00"))
        #expect(ASN1Identifier(.application, 31, constructed: false).encoded == hex("5f 1f"))
    }

    // MARK: typed values

    @Test(arguments: [
        ("06 09 60 86 48 01 65 03 04 01 06", "2.16.840.1.101.3.4.1.6"),
        ("06 0b 2a 86 48 86 f7 0d 01 09 10 01 17", "1.2.840.113549.1.9.16.1.23"),
        ("06 03 88 37 03", "2.999.3"),
        ("06 01 00", "0.0"),
        ("06 01 27", "0.39"),
        ("06 01 4f", "1.39"),
        ("06 01 50", "2.0"),
        // The suite's default id-ori-mikey, a UUID OID with a 128-bit arc (FACTS.md §1).
        ("06 14 69 81 b7 ef a8 87 88 a0 ba af e3 ac de a0 f4 dd c5 b4 f8 4b", "2.25.122202331397208842535045181653453192267"),
    ])
    func objectIdentifiers(_ encoding: String, _ dotted: String) throws {
        var r = ASN1Reader(rules: .der)
        #expect(try r.decodeOID(try r.parse(hex(encoding)), path: "oid") == dotted)
        var w = DERWriter()
        try w.writeOID(dotted)
        #expect(w.bytes == hex(encoding))
    }

    @Test(arguments: ["", "1", "3.1", "1.40", "0.40.1", "1.2.x", "01.2", "1..2", "1.2.", String(repeating: "9", count: 81) + ".1"])
    func invalidObjectIdentifierStrings(_ s: String) {
        #expect(!ASN1ObjectIdentifier.isValid(s))
    }

    @Test func defaultORIMIKEYOIDIsValid() {
        #expect(ASN1ObjectIdentifier.isValid(CMSOID.oriMIKEYDefault))
        #expect(CMSOID.name(of: CMSOID.oriMIKEYDefault) == "id-ori-mikey")
    }

    @Test(arguments: [(0, "00"), (127, "7f"), (128, "00 80"), (256, "01 00"), (-1, "ff"), (-128, "80"), (-129, "ff 7f"),
                      (Int.max, "7f ff ff ff ff ff ff ff"), (Int.min, "80 00 00 00 00 00 00 00")])
    func integers(_ v: Int, _ content: String) throws {
        #expect(ASN1Integer(v).bytes == hex(content))
        #expect(ASN1Integer(v).intValue == v)
        var r = ASN1Reader(rules: .der)
        let n = try r.parse(DERWriter.tlv(.integer, hex(content)))
        #expect(try r.decodeSmallInt(n, path: "i") == v)
    }

    @Test func largeIntegerIsKeptButNotSmall() throws {
        var r = ASN1Reader(rules: .der)
        let n = try r.parse(hex("02 09 01 00 00 00 00 00 00 00 00"))
        #expect(try r.decodeInteger(n, path: "i").intValue == nil)
        expectDecodingError("der.integer.range", at: 0) { () throws(DecodingError) in try r.decodeSmallInt(n, path: "i") }
    }

    @Test func booleansNullAndBitStrings() throws {
        var r = ASN1Reader(rules: .der)
        #expect(try r.decodeBoolean(try r.parse(hex("01 01 ff")), path: "b") == true)
        #expect(try r.decodeBoolean(try r.parse(hex("01 01 00")), path: "b") == false)
        try r.decodeNull(try r.parse(hex("05 00")), path: "n")
        #expect(try r.decodeBitString(try r.parse(hex("03 03 06 6e c0")), path: "s") == ASN1BitString(bytes: [0x6e, 0xc0], unusedBits: 6))
        #expect(try r.decodeBitString(try r.parse(hex("03 01 00")), path: "s") == ASN1BitString(bytes: []))
    }

    @Test func nestedIndefiniteOctetStringIsReassembled() throws {
        var r = ASN1Reader(rules: .ber)
        let n = try r.parse(hex("24 80 24 80 04 01 aa 00 00 04 02 bb cc 00 00"))
        #expect(try r.decodeOctetString(n, path: "s") == [0xaa, 0xbb, 0xcc])
        #expect(r.findings.map(\.code) == ["der.length.indefinite", "der.length.indefinite", "der.string.constructed"])
    }

    /// X.690 §11.6: compared as octet strings, the shorter padded with zeros.
    @Test func setOfOrder() {
        #expect(ASN1Reader.setOfOrdered(hex("02 01 01"), hex("02 01 02")))
        #expect(!ASN1Reader.setOfOrdered(hex("02 01 02"), hex("02 01 01")))
        #expect(ASN1Reader.setOfOrdered(hex("04 01"), hex("04 01 00")))
        #expect(ASN1Reader.setOfOrdered(hex("04 01 00"), hex("04 01")))
        #expect(ASN1Reader.setOfOrdered(hex("04 01"), hex("04 01 01")))
        #expect(!ASN1Reader.setOfOrdered(hex("04 01 01"), hex("04 01")))
        #expect(DERWriter.sortedSetOf([hex("31 00"), hex("02 01 05"), hex("02 01 01")]) == [hex("02 01 01"), hex("02 01 05"), hex("31 00")])
    }

    // MARK: limits and cost

    @Test func depthIsBounded() throws {
        var ok: [UInt8] = hex("05 00")
        for _ in 0..<31 { ok = DERWriter.tlv(.sequence, ok) }
        var r = ASN1Reader(rules: .der)
        #expect((try? r.parse(ok)) != nil)
        let deep = DERWriter.tlv(.sequence, ok)
        expectDecodingError("der.limit.depth") { () throws(DecodingError) in
            var r2 = ASN1Reader(rules: .der)
            return try r2.parse(deep)
        }
        // Indefinite nesting hits the same limit, well before the input ends.
        let indefinite: [UInt8] = (0..<20_000).map { $0 % 2 == 0 ? 0x30 : 0x80 }
        expectDecodingError("der.limit.depth", at: 64) { () throws(DecodingError) in
            var r3 = ASN1Reader(rules: .ber)
            return try r3.parse(indefinite)
        }
    }

    @Test func elementCountIsBounded() {
        let many = DERWriter.tlv(.sequence, (0..<40).map { (i: Int) -> UInt8 in i % 2 == 0 ? 0x05 : 0x00 })
        expectDecodingError("der.limit.nodes") { () throws(DecodingError) in
            var r = ASN1Reader(rules: EncodingRules(name: "small", tolerated: [], limits: ASN1Limits(maxDepth: 32, maxNodes: 10)))
            return try r.parse(many)
        }
    }

    /// Indefinite lengths are parsed in one pass: 60 000 elements inside
    /// nested indefinite SEQUENCEs take linear time (no rescans for the
    /// end-of-contents).
    @Test func indefiniteLengthsCostLinearTime() throws {
        func message(_ n: Int) -> [UInt8] {
            var body: [UInt8] = []
            body.reserveCapacity(2 * n + 64)
            for _ in 0..<n { body += [0x05, 0x00] }
            var out = body
            for _ in 0..<30 { out = [0x30, 0x80] + out + [0x00, 0x00] }
            return out
        }
        let clock = ContinuousClock()
        var small = message(6_000), large = message(60_000)
        var r = ASN1Reader(rules: .ber)
        let t1 = clock.measure { _ = try? r.parse(small) }
        let t2 = clock.measure { _ = try? r.parse(large) }
        var r2 = ASN1Reader(rules: .ber)
        let node = try r2.parse(large)
        #expect(node.endOffset == large.count)
        // 10x the input should cost about 10x, far from the 100x of a quadratic parser.
        #expect(t2 < t1 * 40 + .milliseconds(200), "6k: \(t1), 60k: \(t2)")
        small.removeAll()
        large.removeAll()
    }
}
