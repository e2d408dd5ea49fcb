import MediasecCore
import MIKEY
import CMS

/// Collects the vectors of one CMS or S/MIME file (`Vectors/cms/<area>.json`).
final class CMSVectorSet {
    /// `cms` or `smime`: the file's format and the ids' namespace.
    let format: String
    let area: String
    let seed: UInt64
    private(set) var vectors: [TestVector] = []
    private(set) var errors: [String] = []

    init(format: String, area: String, seed: UInt64) {
        self.format = format
        self.area = area
        self.seed = seed
    }

    /// Adds one vector `<format>::<area>::<name>`; `build` gets fixtures
    /// seeded from the seed and the full id.
    func add(_ name: String, _ description: String, refs: [String], flags: [String] = [], _ build: (CMSFixtures) throws -> CMSVectorCase) {
        let id = "\(format)::\(area)::\(name)"
        let g = CMSFixtures(rng: SeededRandom(seed: seed, stream: id))
        do {
            vectors.append(try finish(id: id, description: description, refs: refs, flags: flags, try build(g)))
        } catch {
            errors.append("\(id): \(error)")
        }
    }

    private func finish(id: String, description: String, refs: [String], flags: [String], _ c: CMSVectorCase) throws -> TestVector {
        guard !refs.isEmpty else { throw GenerationError(description: "no specRefs") }
        guard Set(refs).count == refs.count, Set(flags).count == flags.count else { throw GenerationError(description: "duplicate specRef or flag") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || ":.-".contains($0)) }) else { throw GenerationError(description: "id must be [a-z0-9:.-]") }
        for f in flags where CMSVectorNotes.text(f) == nil { throw GenerationError(description: "flag \(f) has no note") }
        var e = VectorExpectation()
        switch c.result {
        case .invalid:
            guard !c.errors.isEmpty else { throw GenerationError(description: "invalid vector without error codes") }
            e.errorCodes = c.errors
        case .valid, .acceptable:
            e.findings = c.findings
            e.decoded = c.decoded
            let fires = Set(c.findings)
            e.absentFindings = CMSRulePreconditions.applicable(format: format, input: c.bytes, profiles: c.profiles, ber: c.ber, key: c.key)
                .filter { !fires.contains($0) }
        }
        return TestVector(id: id, description: description, result: c.result, flags: flags, specRefs: refs, input: c.bytes,
                          profiles: c.profileStrings, codePoints: nil, keys: c.key.pairs, expected: e)
    }
}
