import MediasecCore
import MIKEY

/// One file the generator writes, relative to its root (`Vectors/` or `Corpus/`).
public struct GeneratedFile: Sendable {
    public var path: String
    public var contents: [UInt8]
}

/// Everything one generation produces.
public struct GenerationOutput: Sendable {
    /// Under the vectors root: `mikey/*.json`, one directory per family (`cms/`, `sdp/`, …), `known-failures.json`.
    public var vectorFiles: [GeneratedFile]
    /// Under the corpus root: `mikey/` and each family's seed directories, with their `.dict`s.
    public var corpusFiles: [GeneratedFile]
    /// The parsed vector files, by path.
    public var files: [(path: String, file: VectorFile)]
    public var selfCheck: SelfCheckReport
    public var knownFailures: KnownFailures
}

/// The MIKEY vector generator: deterministic from a seed, expectations
/// written from the specs, then checked against the validator.
public enum MIKEYVectorGenerator {
    public static let name = "mediasec MIKEY vector generator"
    public static let version = "1.0.0"
    /// The seed of the shipped vectors (RFC 3830).
    public static let defaultSeed: UInt64 = 3830

    /// The areas, one file each, in file order.
    static let areas: [(name: String, build: @Sendable (VectorSet) -> Void)] = [
        ("rfc3830", RFC3830Vectors.build),
        ("rfc6043", RFC6043Vectors.build),
        ("tr33829", TR33829Vectors.build),
        ("structure", StructureVectors.build),
        ("crypto", CryptoVectors.build),
    ]

    /// The code-point settings of a profile (`prot-tls=241`, …) as written in files.
    static func codePointSettings(_ cp: CodePointProfile, onlyChangedFrom base: CodePointProfile? = nil) -> [(String, Int)] {
        let all: [(String, Int, Int?)] = [
            ("prot-tls", Int(cp.protTypeTLS.rawValue), base.map { Int($0.protTypeTLS.rawValue) }),
            ("prot-psk-mime", Int(cp.protTypePSKMIME.rawValue), base.map { Int($0.protTypePSKMIME.rawValue) }),
            ("prot-app", Int(cp.protTypeApplicationSpecific.rawValue), base.map { Int($0.protTypeApplicationSpecific.rawValue) }),
            ("ext-conf", Int(cp.extensionIMSConference.rawValue), base.map { Int($0.extensionIMSConference.rawValue) }),
            ("ext-proof-of-origin", Int(cp.extensionProofOfOrigin.rawValue), base.map { Int($0.extensionProofOfOrigin.rawValue) }),
        ]
        return all.filter { $0.2 == nil || $0.1 != $0.2 }.map { ($0.0, $0.1) }
    }

    /// Generates every file, runs the self-check, and returns the lot.
    /// Throws when a case cannot even be built (a generator bug).
    public static func generate(seed: UInt64 = defaultSeed) throws -> GenerationOutput {
        do { try ReferenceCrypto.selfTest() } catch {
            throw GenerationError(description: "reference crypto self-test: \(error)")
        }
        var sets: [VectorSet] = []
        var buildErrors: [String] = []
        for (name, build) in areas {
            let s = VectorSet(area: name, seed: seed)
            build(s)
            buildErrors += s.errors
            sets.append(s)
        }
        if !buildErrors.isEmpty {
            throw GenerationError(description: "cannot build \(buildErrors.count) vector(s):\n  " + buildErrors.joined(separator: "\n  "))
        }
        let generator = GeneratorInfo(name: name, version: version, seed: seed)
        var files: [(String, VectorFile)] = []
        var out: [GeneratedFile] = []
        var ids = Set<String>()
        for s in sets {
            for v in s.vectors where !ids.insert(v.vector.id).inserted {
                throw GenerationError(description: "duplicate vector id \(v.vector.id)")
            }
            let flags = Set(s.vectors.flatMap(\.vector.flags))
            let f = VectorFile(format: "mikey", generator: generator, codePoints: codePointSettings(.default),
                               notes: VectorNotes.notes(for: flags), vectors: s.vectors.map(\.vector))
            let path = "mikey/\(s.area).json"
            files.append((path, f))
            out.append(GeneratedFile(path: path, contents: Array(f.serialized.utf8)))
        }
        let mikeyVectors = files.flatMap { $0.1.vectors }
        // The other families (CMS/S-MIME, SDP, resource-lists), same seed.
        var familyCorpus: [GeneratedFile] = []
        for family in VectorFamilies.all {
            var familyFiles: [VectorFile] = []
            for (path, f) in try family.generate(seed, codePointSettings(.default)) {
                for v in f.vectors where !ids.insert(v.id).inserted {
                    throw GenerationError(description: "duplicate vector id \(v.id)")
                }
                files.append((path, f))
                familyFiles.append(f)
                out.append(GeneratedFile(path: path, contents: Array(f.serialized.utf8)))
            }
            familyCorpus += family.corpus(familyFiles)
        }
        let known = KnownFailures(knownIssues.filter { ids.contains($0.id) })
        out.append(GeneratedFile(path: KnownFailures.fileName, contents: Array(known.serialized.utf8)))
        let report = SelfCheck.run(files: files, known: known, allKnownIssues: knownIssues)
        let corpus = CorpusWriter.files(for: mikeyVectors) + familyCorpus
        return GenerationOutput(vectorFiles: out, corpusFiles: corpus, files: files, selfCheck: report, knownFailures: known)
    }
}
