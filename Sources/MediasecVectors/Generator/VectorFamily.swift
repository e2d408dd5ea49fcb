import MediasecCore

/// One family of vector formats beside MIKEY (CMS/S-MIME, SDP,
/// resource-lists): its generator, its rule coverage and its fuzz seeds.
/// Adding a format family is adding one value to ``VectorFamilies/all``;
/// the generator, the self-check, `selftest` and the stale-file cleanup of
/// `generate-vectors` all iterate this list.
public struct VectorFamily: Sendable {
    /// Shown in summaries: "CMS/S-MIME", "SDP", "resource-lists".
    public var title: String
    /// The vector `format` values this family owns (`cms`, `smime`).
    public var formats: Set<String>
    /// Directories under `Vectors/` holding its files (`cms`).
    public var vectorDirectories: [String]
    /// Seed directories under `Corpus/` and the prefix of generated seed names
    /// (for stale-file cleanup; seeds added by `fuzz.sh merge` never match).
    public var seedDirectories: [(directory: String, prefix: String)]
    /// Builds the family's files, `(path under Vectors/, file)`; throws on a generator bug.
    var generate: @Sendable (_ seed: UInt64, _ codePoints: [(String, Int)]) throws -> [(String, VectorFile)]
    /// Fire / no-fire coverage of the family's rules by `vectors` (known failures excluded).
    public var coverage: @Sendable (_ vectors: [TestVector], _ excluding: Set<String>) -> RuleCoverage
    /// Seeds and dictionaries under `Corpus/` derived from the family's vector files.
    var corpus: @Sendable (_ files: [VectorFile]) -> [GeneratedFile]
}

public enum VectorFamilies {
    /// Every family after MIKEY, in file order.
    public static let all: [VectorFamily] = [CMSVectorGenerator.family, SDPVectorGenerator.family, ResourceListsVectorGenerator.family]

    public static func family(forFormat format: String) -> VectorFamily? {
        all.first { $0.formats.contains(format) }
    }
}

extension CMSVectorGenerator {
    static let family = VectorFamily(
        title: "CMS/S-MIME", formats: ["cms", "smime"], vectorDirectories: ["cms"],
        seedDirectories: CMSCorpusWriter.seedDirectories,
        generate: { try generate(seed: $0, codePoints: $1) },
        coverage: { coverage($0, excluding: $1) },
        corpus: { CMSCorpusWriter.files(for: $0) })
}

extension RuleCoverage {
    /// The one-paragraph coverage line of `generate-vectors` and `selftest`
    /// for a family (`title` rule coverage: …).
    public func summary(title: String) -> String {
        var s = "\(title) rule coverage: \(rules.count - missingFire.count)/\(rules.count) error/warning rules fire, "
        s += "\(rules.count - missingNoFire.count - silentExempt.count)/\(rules.count - silentExempt.count) held silent where they apply"
        if !silentExempt.isEmpty { s += " (\(silentExempt.count) exempt)" }
        s += "; \(decodingCovered.count)/\(decodingCodes.count) decoding codes"
        if !berDeviations.isEmpty { s += "; \(berDeviations.count - missingBER.count)/\(berDeviations.count) DER deviations also under BER" }
        if !missingFire.isEmpty { s += "\n  never fires: " + missingFire.joined(separator: ", ") }
        if !missingNoFire.isEmpty { s += "\n  never held silent: " + missingNoFire.joined(separator: ", ") }
        if !missingDecoding.isEmpty { s += "\n  decoding codes without a vector: " + missingDecoding.joined(separator: ", ") }
        if !missingBER.isEmpty { s += "\n  deviations without a BER vector: " + missingBER.joined(separator: ", ") }
        return s
    }

    /// The JSON object `selftest --json` prints per family.
    public var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("rules", .int(rules.count)),
            ("fired", .int(rules.count - missingFire.count)),
            ("heldSilent", .int(rules.count - missingNoFire.count - silentExempt.count)),
            ("silentExempt", .object(silentExempt.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("decodingCodes", .int(decodingCodes.count)),
            ("decodingCovered", .int(decodingCovered.count)),
        ]
        if !berDeviations.isEmpty { o.append(("derDeviationsUnderBER", .int(berDeviations.count - missingBER.count))) }
        o += [
            ("neverFires", .array(missingFire.map { .string($0) })),
            ("neverHeldSilent", .array(missingNoFire.map { .string($0) })),
            ("decodingWithoutVector", .array(missingDecoding.map { .string($0) })),
        ]
        return .object(o)
    }
}
