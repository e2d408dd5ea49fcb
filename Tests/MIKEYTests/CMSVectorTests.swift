import Foundation
import Testing
import MediasecCore
import MediasecVectors
import CMS

// The CMS and S/MIME vectors (`Vectors/cms/*.json`). They live in this test
// target because it is the one that depends on MediasecVectors (the shared
// loader and runner, STYLE.md §13); each vector also runs as its own case in
// `VectorTests.vector`. Here: a parameterized run of the CMS/S-MIME cases
// alone, and the properties of the set.

enum ShippedCMSVectors {
    static let cases: [ShippedVectors.Case] = ShippedVectors.cases.filter { $0.file.format == "cms" || $0.file.format == "smime" }
    static let validCMS: [ShippedVectors.Case] = cases.filter { $0.file.format == "cms" && $0.vector.result != .invalid }
}

@Suite struct CMSVectorTests {
    @Test(arguments: ShippedCMSVectors.cases)
    func vector(_ c: ShippedVectors.Case) throws {
        let codec = try #require(VectorCodecs.codec(for: c.file.format))
        let check = VectorRunner(knownFailures: ShippedVectors.known).check(c.vector, in: c.file, codec: codec, name: c.path)
        if let reason = check.knownFailure {
            withKnownIssue("known issue: \(reason)") { for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") } }
        } else {
            for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") }
        }
    }

    /// STYLE.md §14 on the CMS vectors: every proper prefix of a valid or
    /// acceptable input is rejected (under the vector's own rules).
    @Test(arguments: ShippedCMSVectors.validCMS)
    func truncationSweep(_ c: ShippedVectors.Case) throws {
        let rules: EncodingRules = (c.vector.profiles ?? []).contains("ber") ? .ber : .der
        let input = c.vector.input
        // Prefixes of the outermost element (bytes after it are trailing data, tolerated under BER).
        var r = ASN1Reader(rules: .ber)
        let end = (try? r.parse(input))?.endOffset ?? input.count
        var accepted: [Int] = []
        for n in 0..<end {
            do {
                _ = try CMSDecoder(rules: rules).decode(Array(input.prefix(n)))
                accepted.append(n)
            } catch {
                #expect(error.code.hasPrefix("der.") || error.code.hasPrefix("cms."), "prefix \(n): \(error)")
                #expect((0...n).contains(error.offset), "prefix \(n): offset \(error.offset) outside the input")
            }
        }
        #expect(accepted.isEmpty, "\(c.vector.id): proper prefixes of length \(accepted.prefix(8)) decoded")
    }

    @Test func counts() {
        let all = ShippedCMSVectors.cases.map(\.vector)
        let invalid = all.filter { $0.result == .invalid }.count
        #expect(all.count >= 300, "only \(all.count) CMS/S-MIME vectors")
        #expect(invalid * 2 >= all.count, "only \(invalid) of \(all.count) CMS/S-MIME vectors are invalid")
        #expect(ShippedCMSVectors.cases.contains { $0.file.format == "smime" })
    }

    /// Every CMS and S/MIME error/warning rule fires and holds silent, every
    /// decoding code has an invalid vector, every DER deviation also runs
    /// under the BER rules.
    @Test func ruleCoverage() {
        let cov = CMSVectorGenerator.coverage(ShippedCMSVectors.cases.map(\.vector), excluding: Set(ShippedVectors.known.entries.map(\.id)))
        #expect(cov.missingFire.isEmpty, "rules that never fire: \(cov.missingFire)")
        #expect(cov.missingNoFire.isEmpty, "rules never shown silent: \(cov.missingNoFire)")
        #expect(cov.missingDecoding.isEmpty, "decoding codes without a vector: \(cov.missingDecoding)")
        #expect(cov.missingBER.isEmpty, "DER deviations without a BER vector: \(cov.missingBER)")
    }

    /// The FACTS.md §9 CMS bug shapes and the §10 ambiguities each have vectors.
    @Test func bugShapesAndAmbiguities() {
        let flags = Set(ShippedCMSVectors.cases.flatMap(\.vector.flags))
        for f in ["bug-shape-mac-shorter-than-icvlen", "bug-shape-non-aead-cipher", "bug-shape-gcm-nonce-oversized", "bug-shape-authattrs-tag-confusion",
                  "bug-shape-authattrs-not-in-aad", "bug-shape-content-type-without-authattrs", "bug-shape-plaintext-before-tag",
                  "bug-shape-indefinite-length", "bug-shape-empty-recipients", "ambiguity-15-smime-type-spelling", "ambiguity-16-icvlen-default"] {
            #expect(flags.contains(f), "no vector flagged \(f)")
        }
    }

    /// Tag-failure vectors release nothing: no verified content, no inner entity.
    @Test func noPlaintextWithoutTag() throws {
        for c in ShippedCMSVectors.cases where c.vector.flags.contains("bug-shape-plaintext-before-tag") {
            let codec = try #require(VectorCodecs.codec(for: c.file.format))
            let o = codec.run(c.vector, in: c.file)
            let d = o.decoded
            #expect(d?["verifiedContent"] == nil && d?["cms"]?["verifiedContent"] == nil, "\(c.vector.id)")
            #expect(d?["inner"] == nil || d?["inner"] == .null, "\(c.vector.id)")
        }
    }
}
