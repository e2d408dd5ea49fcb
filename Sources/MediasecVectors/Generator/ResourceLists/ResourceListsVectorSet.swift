import MediasecCore
import ResourceLists

/// Collects the vectors of one resource-lists file (`Vectors/resource-lists/<area>.json`).
final class ResourceListsVectorSet {
    let area: String
    private(set) var vectors: [TestVector] = []
    private(set) var errors: [String] = []

    init(area: String) {
        self.area = area
    }

    /// Adds one vector `resource-lists::<area>::<name>`.
    func add(_ name: String, _ description: String, refs: [String], flags: [String] = [], _ build: () throws -> ResourceListsVectorCase) {
        let id = "resource-lists::\(area)::\(name)"
        do {
            vectors.append(try finish(id: id, description: description, refs: refs, flags: flags, try build()))
        } catch {
            errors.append("\(id): \(error)")
        }
    }

    private func finish(id: String, description: String, refs: [String], flags: [String], _ c: ResourceListsVectorCase) throws -> TestVector {
        guard !refs.isEmpty else { throw GenerationError(description: "no specRefs") }
        guard !description.isEmpty else { throw GenerationError(description: "no description") }
        guard Set(refs).count == refs.count, Set(flags).count == flags.count else { throw GenerationError(description: "duplicate specRef or flag") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || ":.-".contains($0)) }) else { throw GenerationError(description: "id must be [a-z0-9:.-]") }
        guard !vectors.contains(where: { $0.id == id }) else { throw GenerationError(description: "duplicate id") }
        for f in flags where ResourceListsVectorNotes.text(f) == nil { throw GenerationError(description: "flag \(f) has no note") }
        if c.tightLimits != flags.contains("tight-limits") { throw GenerationError(description: "tight-limits flag and profile disagree") }
        if (c.xsd != nil) != flags.contains("xsd-cross-check") { throw GenerationError(description: "xsd-cross-check flag and profile disagree") }
        var e = VectorExpectation()
        switch c.result {
        case .invalid:
            guard !c.errors.isEmpty else { throw GenerationError(description: "invalid vector without error codes") }
            guard c.findings.isEmpty, c.decoded == nil else { throw GenerationError(description: "invalid vector with findings or a decoded tree") }
            e.errorCodes = c.errors
            e.absentFindings = c.absent
        case .valid, .acceptable:
            guard c.errors.isEmpty, c.absent.isEmpty else { throw GenerationError(description: "valid vector with error codes") }
            e.findings = c.findings
            e.decoded = c.decoded
            let fires = Set(c.findings)
            e.absentFindings = ResourceListsRulePreconditions.applicable(input: c.bytes, profiles: c.effectiveProfiles, xsd: c.xsd != nil,
                                                                           tightLimits: c.tightLimits)
                .filter { !fires.contains($0) }
        }
        return TestVector(id: id, description: description, result: c.result, flags: flags, specRefs: refs, input: c.bytes,
                          profiles: c.profileStrings, codePoints: nil, keys: [], expected: e)
    }
}
