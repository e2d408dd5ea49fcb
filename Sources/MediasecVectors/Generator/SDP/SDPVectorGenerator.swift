import MediasecCore
import SDP

/// The SDP vector generator (`Vectors/sdp/*.json`): deterministic from the
/// seed, expectations written from the specs, checked against the validator
/// by the shared self-check. Run by ``MIKEYVectorGenerator/generate(seed:)``
/// through ``VectorFamilies/all`` (one `mediasec generate-vectors` writes
/// every format).
public enum SDPVectorGenerator {
    public static let name = "mediasec SDP vector generator"
    public static let version = "1.0.0"

    /// The areas, one file each: (file, area, build).
    static let areas: [(file: String, area: String, build: @Sendable (SDPVectorSet) -> Void)] = [
        ("sdp/rfc8866.json", "rfc8866", SDPSessionVectors.build),
        ("sdp/rfc4568.json", "rfc4568", SDPCryptoVectors.build),
        ("sdp/rfc8122.json", "rfc8122", SDPTLSVectors.build),
        ("sdp/rfc4567.json", "rfc4567", SDPKeyMgmtVectors.build),
        ("sdp/applications.json", "applications", SDPApplicationVectors.build),
        ("sdp/3gpp.json", "3gpp", SDP3GPPVectors.build),
        ("sdp/offer-answer.json", "offer-answer", SDPOfferAnswerVectors.build),
        ("sdp/bug-shapes.json", "bug-shapes", SDPBugShapeVectors.build),
    ]

    static let family = VectorFamily(
        title: "SDP", formats: ["sdp"], vectorDirectories: ["sdp"], seedDirectories: [(SDPCorpusWriter.seedDirectory, SDPCorpusWriter.seedPrefix)],
        generate: { try generate(seed: $0, codePoints: $1) },
        coverage: { coverage($0, excluding: $1) },
        corpus: { SDPCorpusWriter.files(for: $0) })

    /// Builds every SDP file; throws when a case cannot be built (a generator bug).
    static func generate(seed: UInt64, codePoints: [(String, Int)]) throws -> [(String, VectorFile)] {
        var files: [(String, VectorFile)] = []
        var errors: [String] = []
        let generator = GeneratorInfo(name: name, version: version, seed: seed)
        for (file, area, build) in areas {
            let s = SDPVectorSet(area: area, seed: seed)
            build(s)
            errors += s.errors
            let flags = Set(s.vectors.flatMap(\.flags))
            files.append((file, VectorFile(format: "sdp", generator: generator, codePoints: codePoints,
                                           notes: SDPVectorNotes.notes(for: flags), vectors: s.vectors)))
        }
        if !errors.isEmpty {
            throw GenerationError(description: "cannot build \(errors.count) SDP vector(s):\n  " + errors.joined(separator: "\n  "))
        }
        return files
    }

    /// Fire / no-fire coverage of the SDP error/warning rules and every
    /// decoding code with an invalid vector.
    public static func coverage(_ vectors: [TestVector], excluding: Set<String> = []) -> RuleCoverage {
        RuleCoverage.compute(vectors, rules: SDPRules.all.filter { $0.severity != .info }.map(\.code),
                             decodingCodes: SDPRules.decodingCodes.map(\.code), excluding: excluding)
    }
}
