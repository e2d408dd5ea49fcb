import MediasecCore
import ResourceLists

/// The resource-lists vector generator (`Vectors/resource-lists/*.json`):
/// RFC 4826 documents with the RFC 5364 copy-control attributes, as
/// RFC 5366 request-contained lists carry them. Deterministic (the
/// documents are written out, nothing is random), expectations written
/// from the specs, checked against the validator by the shared self-check.
public enum ResourceListsVectorGenerator {
    public static let name = "mediasec resource-lists vector generator"
    public static let version = "1.0.0"

    static let family = VectorFamily(
        title: "resource-lists", formats: ["resource-lists"], vectorDirectories: ["resource-lists"],
        seedDirectories: [(ResourceListsCorpusWriter.seedDirectory, ResourceListsCorpusWriter.seedPrefix)],
        generate: { try generate(seed: $0, codePoints: $1) },
        coverage: { coverage($0, excluding: $1) },
        corpus: { ResourceListsCorpusWriter.files(for: $0) })

    /// The areas, one file each: (file, area, build).
    static let areas: [(file: String, area: String, build: @Sendable (ResourceListsVectorSet) -> Void)] = [
        ("resource-lists/rfc4826.json", "rfc4826", ResourceListsStructureVectors.build),
        ("resource-lists/uniqueness.json", "uniqueness", ResourceListsUniquenessVectors.build),
        ("resource-lists/uris.json", "uris", ResourceListsURIVectors.build),
        ("resource-lists/rfc5364.json", "rfc5364", ResourceListsCopyControlVectors.build),
        ("resource-lists/rfc5366.json", "rfc5366", ResourceListsRequestVectors.build),
        ("resource-lists/xml.json", "xml", ResourceListsHardeningVectors.build),
        ("resource-lists/xsd.json", "xsd", ResourceListsXSDVectors.build),
    ]

    /// Builds every resource-lists file; throws when a case cannot be built (a generator bug).
    static func generate(seed: UInt64, codePoints: [(String, Int)]) throws -> [(String, VectorFile)] {
        var files: [(String, VectorFile)] = []
        var errors: [String] = []
        let generator = GeneratorInfo(name: name, version: version, seed: seed)
        for (file, area, build) in areas {
            let s = ResourceListsVectorSet(area: area)
            build(s)
            errors += s.errors
            let flags = Set(s.vectors.flatMap(\.flags))
            files.append((file, VectorFile(format: "resource-lists", generator: generator, codePoints: [],
                                           notes: ResourceListsVectorNotes.notes(for: flags), vectors: s.vectors)))
        }
        if !errors.isEmpty {
            throw GenerationError(description: "cannot build \(errors.count) resource-lists vector(s):\n  " + errors.joined(separator: "\n  "))
        }
        return files
    }

    /// The decoder's warning-severity codes: a document with them still
    /// decodes, so they are covered as rules (fire in an acceptable vector,
    /// held silent in valid ones), not as decoding codes.
    static let decoderWarnings = ["resource-lists.xml.warning", "resource-lists.limit.diagnostics"]

    /// Codes no input can raise through ``ResourceListsValidator``, with
    /// the reason; they are left out of the coverage and listed here.
    public static let unreachable: [String: String] = [
        "resource-lists.xml.internal": "raised only when libxml2 refuses the decoder's fixed parser options, which no input influences",
        "resource-lists.xml.entity-reference": "an unexpanded entity reference can only reach the tree through a DOCTYPE, and the validator rejects every DOCTYPE first (resource-lists.xml.doctype); an undeclared reference without one is a libxml2 well-formedness error",
        "resource-lists.xsd.unavailable": "the cross-check runs on every document that decodes; it is unavailable only when an embedded schema fails to compile, which no input influences",
    ]

    /// Fire / no-fire coverage of the error and warning rules (with the
    /// decoder's warnings) and every reachable error-severity decoding code.
    public static func coverage(_ vectors: [TestVector], excluding: Set<String> = []) -> RuleCoverage {
        let rules = ResourceListsRules.all.filter { $0.severity != .info && unreachable[$0.code] == nil }.map(\.code) + decoderWarnings
        let decoding = ResourceListsRules.decodingCodes.map(\.code).filter { !decoderWarnings.contains($0) && unreachable[$0] == nil }
        return RuleCoverage.compute(vectors, rules: rules, decodingCodes: decoding, excluding: excluding)
    }
}
