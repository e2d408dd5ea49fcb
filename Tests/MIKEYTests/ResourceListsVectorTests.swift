import Foundation
import Testing
import MediasecCore
import MediasecVectors

// The resource-lists vectors (`Vectors/resource-lists/*.json`), run through
// the shared loader and runner (STYLE.md §13); each vector also runs as its
// own case in `VectorTests.vector`. Here: a parameterized run of the
// resource-lists cases alone, and the properties of the set.

enum ShippedResourceListsVectors {
    static let cases: [ShippedVectors.Case] = ShippedVectors.cases.filter { $0.file.format == "resource-lists" }
    static let validCases: [ShippedVectors.Case] = cases.filter { $0.vector.result != .invalid }
}

@Suite struct ResourceListsVectorTests {
    @Test(arguments: ShippedResourceListsVectors.cases)
    func vector(_ c: ShippedVectors.Case) throws {
        let codec = try #require(VectorCodecs.codec(for: c.file.format))
        let check = VectorRunner(knownFailures: ShippedVectors.known).check(c.vector, in: c.file, codec: codec, name: c.path)
        if let reason = check.knownFailure {
            withKnownIssue("known issue: \(reason)") { for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") } }
        } else {
            for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") }
        }
    }

    /// The issue's floor: at least 150 vectors, at least half of them invalid,
    /// and one file per area.
    @Test func counts() {
        let all = ShippedResourceListsVectors.cases.map(\.vector)
        let invalid = all.filter { $0.result == .invalid }.count
        #expect(all.count >= 150, "only \(all.count) resource-lists vectors")
        #expect(invalid * 2 >= all.count, "only \(invalid) of \(all.count) resource-lists vectors are invalid")
        let files = Set(ShippedResourceListsVectors.cases.map { ($0.path as NSString).lastPathComponent })
        for f in ["rfc4826.json", "uniqueness.json", "uris.json", "rfc5364.json", "rfc5366.json", "xml.json", "xsd.json"] {
            #expect(files.contains(f), "no Vectors/resource-lists/\(f)")
        }
        #expect(all.allSatisfy { $0.id.hasPrefix("resource-lists::") && !$0.specRefs.isEmpty && !$0.description.isEmpty })
    }

    /// Every error/warning rule fires and holds silent, every reachable
    /// decoding code has an invalid vector; the unreachable ones are named.
    @Test func ruleCoverage() {
        let cov = ResourceListsVectorGenerator.coverage(ShippedResourceListsVectors.cases.map(\.vector), excluding: Set(ShippedVectors.known.entries.map(\.id)))
        #expect(cov.rules.count >= 30, "\(cov.rules.count) rules")
        #expect(cov.missingFire.isEmpty, "rules that never fire: \(cov.missingFire)")
        #expect(cov.missingNoFire.isEmpty, "rules never shown silent: \(cov.missingNoFire)")
        #expect(cov.missingDecoding.isEmpty, "decoding codes without a vector: \(cov.missingDecoding)")
        #expect(cov.decodingCodes.contains("resource-lists.xml.doctype") && cov.decodingCodes.contains("resource-lists.limit.depth"))
        for code in ResourceListsVectorGenerator.unreachable.keys {
            #expect(!cov.rules.contains(code) && !cov.decodingCodes.contains(code), "\(code) is listed as unreachable but counted")
        }
    }

    /// FACTS.md §9's XML bug shapes and §10 item 20 each have vectors, and
    /// the options (request-contained profile, both XSD sets, tight limits) are used.
    @Test func bugShapesAmbiguitiesAndOptions() {
        let vectors = ShippedResourceListsVectors.cases.map(\.vector)
        let flags = Set(vectors.flatMap(\.flags))
        for f in ["bug-shape-xxe", "bug-shape-billion-laughs", "bug-shape-deep-nesting", "bug-shape-doctype", "bug-shape-non-utf8",
                  "bug-shape-duplicate-siblings", "bug-shape-entry-ref-in-request-list", "ambiguity-20-anchor-optional",
                  "ambiguity-20-uniqueness-prose-only", "ambiguity-20-copycontrol-namespace-case"] {
            #expect(flags.contains(f), "no vector flagged \(f)")
        }
        let profiles = Set(vectors.flatMap { $0.profiles ?? [] })
        for p in ["rfc4826", "rfc5364", "rfc5366", "xsd-iana", "xsd-rfc4826-printed", "tight-limits"] {
            #expect(profiles.contains(p), "no vector runs with \(p)")
        }
        // The printed-schema anchor ambiguity surfaces as a disagreement warning.
        #expect(vectors.contains { $0.result == .acceptable && $0.expected.findings.contains("resource-lists.xsd.disagreement") })
        // Depth beyond libxml2's own guard (256).
        #expect(vectors.contains { $0.flags.contains("bug-shape-deep-nesting") && $0.input.count > 300 * 6 })
    }

    /// Entity vectors are rejected, and nothing of a file an entity names
    /// (/etc/passwd, /etc/hostname) reaches any finding or decoded tree.
    @Test func entityVectorsLeakNothing() throws {
        let leaks = ["root:", "/bin/", (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)]
            .compactMap { $0 }.filter { $0.count >= 4 }
        for c in ShippedResourceListsVectors.cases where c.vector.flags.contains("bug-shape-xxe") || c.vector.flags.contains("bug-shape-billion-laughs") {
            let codec = try #require(VectorCodecs.codec(for: c.file.format))
            let o = codec.run(c.vector, in: c.file)
            #expect(o.decoded == nil, "\(c.vector.id) decoded")
            #expect(o.findings.map(\.code) == ["resource-lists.xml.doctype"], "\(c.vector.id): \(o.findings.map(\.code))")
            let text = o.findings.map(\.message).joined(separator: "\n")
            for l in leaks { #expect(!text.contains(l), "\(c.vector.id) shows \(l)") }
            #expect(!text.contains("lollollol"), "\(c.vector.id) expanded an entity")
        }
    }

    /// STYLE.md §14 on the resource-lists vectors: every proper prefix of a
    /// valid or acceptable input that stops before the root's end tag is
    /// closed is rejected (under the vector's own profiles).
    @Test(arguments: ShippedResourceListsVectors.validCases)
    func truncationSweep(_ c: ShippedVectors.Case) throws {
        let codec = try #require(VectorCodecs.codec(for: c.file.format))
        let input = c.vector.input
        guard let close = input.lastIndex(of: UInt8(ascii: ">")) else {
            Issue.record("\(c.vector.id): no markup")
            return
        }
        let stride = input.count > 1024 ? 7 : 1
        var accepted: [Int] = []
        for n in Swift.stride(from: 0, to: close + 1, by: stride) {
            var v = c.vector
            v.input = Array(input.prefix(n))
            let o = codec.run(v, in: c.file)
            if o.decoded != nil || o.decodingError == nil { accepted.append(n) }
        }
        #expect(accepted.isEmpty, "\(c.vector.id): proper prefixes of length \(accepted.prefix(8)) decoded")
    }
}
