import MediasecCore
import SDP

/// Collects the vectors of one SDP file (`Vectors/sdp/<area>.json`).
final class SDPVectorSet {
    let area: String
    let seed: UInt64
    private(set) var vectors: [TestVector] = []
    private(set) var errors: [String] = []

    init(area: String, seed: UInt64) {
        self.area = area
        self.seed = seed
    }

    /// Adds one vector `sdp::<area>::<name>`; `build` gets text helpers
    /// seeded from the seed and the full id.
    func add(_ name: String, _ description: String, refs: [String], flags: [String] = [], _ build: (inout SDPText) throws -> SDPVectorCase) {
        let id = "sdp::\(area)::\(name)"
        var g = SDPText(rng: SeededRandom(seed: seed, stream: id))
        do {
            vectors.append(try finish(id: id, description: description, refs: refs, flags: flags, try build(&g)))
        } catch {
            errors.append("\(id): \(error)")
        }
    }

    private func finish(id: String, description: String, refs: [String], flags: [String], _ c: SDPVectorCase) throws -> TestVector {
        guard !refs.isEmpty else { throw GenerationError(description: "no specRefs") }
        guard Set(refs).count == refs.count, Set(flags).count == flags.count else { throw GenerationError(description: "duplicate specRef or flag") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || ":.-".contains($0)) }) else { throw GenerationError(description: "id must be [a-z0-9:.-]") }
        guard !vectors.contains(where: { $0.id == id }) else { throw GenerationError(description: "duplicate id") }
        for f in flags where SDPVectorNotes.text(f) == nil { throw GenerationError(description: "flag \(f) has no note") }
        if c.pair && !flags.contains("offer-answer") { throw GenerationError(description: "a pair vector carries the offer-answer flag") }
        var v = TestVector(id: id, description: description, result: c.result, flags: flags, specRefs: refs, input: c.bytes,
                           profiles: c.profileStrings, expected: VectorExpectation())
        switch c.result {
        case .invalid:
            guard !c.errors.isEmpty else { throw GenerationError(description: "invalid vector without error codes") }
            v.expected.errorCodes = c.errors
        case .valid, .acceptable:
            if c.result == .acceptable && c.findings.isEmpty { throw GenerationError(description: "acceptable vector without warnings") }
            v.expected.findings = c.findings
            v.expected.decoded = c.decoded
            let file = VectorFile(format: "sdp", generator: GeneratorInfo(name: "", version: "", seed: 0), codePoints: [], notes: [], vectors: [])
            guard case .success(let o) = SDPVectorCodec().options(for: v, in: file) else { throw GenerationError(description: "bad profile entries \(c.profileStrings ?? [])") }
            let fires = Set(c.findings)
            v.expected.absentFindings = SDPRulePreconditions.applicable(input: c.bytes, options: o.validation, pair: o.offerAnswer)
                .filter { !fires.contains($0) }
        }
        return v
    }
}
