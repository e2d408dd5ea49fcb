import Testing
import PropertyBased
import MediasecCore
@testable import ResourceLists

/// No input traps (STYLE.md §16 in miniature): random bytes and mutations
/// of valid documents go through the decoder, the validator (with the XSD
/// cross-check), the JSON tree and the encoder; whatever decodes
/// re-encodes, and the re-encoding decodes to the same model.
@Suite struct FuzzPropertyTests {
    static let seeds: [[UInt8]] = RFCExampleTests.all.map { utf8($0.text) }

    static let markup = ["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&x;", "<!DOCTYPE r>", "<![CDATA[x]]>", "<!--c-->", "<?pi x?>", "\"", "'",
                         "xmlns:p=\"urn:p\"", "<p:x/>", "</list>", "<list>", "\u{0}", "\u{FEFF}", "\u{E9}", "%", "cp:copyControl=\"to\""]
        .map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ rng: inout any SeededRandomNumberGenerator) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let i = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0...5, using: &rng) {
            case 0: if !b.isEmpty { b[i] ^= UInt8.random(in: 1...255, using: &rng) }
            case 1: if !b.isEmpty { b.remove(at: i) }
            case 2: b.insert(contentsOf: markup[Int.random(in: 0..<markup.count, using: &rng)], at: i)
            case 3: b = Array(b.prefix(i)) // truncation
            case 4: if !b.isEmpty { let j = Int.random(in: i..<b.count, using: &rng); b.insert(contentsOf: b[i..<j], at: j) }
            default: if !b.isEmpty { b[i] = UInt8.random(in: 0...127, using: &rng) }
            }
        }
        return b
    }

    static let mutated = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        mutate(seeds[Int.random(in: 0..<seeds.count, using: &rng)], &rng)
    }

    static let randomBytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        let n = Int.random(in: 0...300, using: &rng)
        let ascii = Bool.random(using: &rng)
        return (0..<n).map { _ in ascii ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0...255, using: &rng) }
    }

    static func exercise(_ bytes: [UInt8]) {
        let options = ResourceListsValidationOptions(profiles: Set(ResourceListsProfileName.allCases), xsdCrossCheck: .iana)
        let report = ResourceListsValidator(options: options).validate(bytes)
        _ = report.json().serialized()
        for f in report.findings {
            if let o = f.offset { #expect(o >= 0 && o <= bytes.count, "\(f)") }
        }
        guard let d = report.decoded else {
            #expect(!report.isValid)
            #expect(report.findings.contains { $0.severity == .error })
            return
        }
        let again: [UInt8]
        do { again = try ResourceListsEncoder().encode(d.document) } catch {
            Issue.record("a decoded document did not re-encode: \(error)\n\(String(decoding: bytes, as: UTF8.self))")
            return
        }
        do {
            let redecoded = try ResourceListsDecoder().decode(again)
            #expect(redecoded.document == d.document)
        } catch {
            Issue.record("the re-encoding did not decode: \(error)")
        }
    }

    @Test func mutationsNeverTrap() async {
        await propertyCheck(count: 2000, input: Self.mutated) { Self.exercise($0) }
    }

    @Test func randomBytesNeverTrap() async {
        await propertyCheck(count: 1000, input: Self.randomBytes) { Self.exercise($0) }
    }

    /// Every proper prefix of a valid document is rejected (STYLE.md §14).
    @Test func truncationSweep() {
        let b = utf8(RFCExamples.rfc5364RecipientList)
        let end = b.lastIndex(of: UInt8(ascii: ">"))!
        for n in 0...end {
            let o = ResourceListsDecoder().decodeReportingAll(Array(b.prefix(n)))
            #expect(o.decoded == nil, "prefix of \(n) bytes decoded")
        }
    }
}
