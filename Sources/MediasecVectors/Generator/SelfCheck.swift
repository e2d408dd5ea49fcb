import MediasecCore
import MIKEY

/// The result of running the validator on every generated vector.
public struct SelfCheckReport: Sendable {
    public struct Disagreement: Sendable {
        public var id: String
        public var problems: [String]
    }

    public var vectorCount: Int
    public var countsByResult: [VectorResult: Int]
    /// Vectors whose outcome disagrees with the spec-stated expectation and
    /// that are not on the known-issues list.
    public var disagreements: [Disagreement]
    /// Known issues that now pass (remove them from the list).
    public var unexpectedPasses: [String]
    /// Known issues that still fail, with the current mismatch.
    public var expectedFailures: [Disagreement]
    /// Known-issue entries whose vector no longer exists.
    public var staleKnownIssues: [String]
    /// MIKEY coverage.
    public var coverage: RuleCoverage
    /// Coverage of every other family (``VectorFamilies/all``), by title, in order.
    public var familyCoverage: [(title: String, coverage: RuleCoverage)]

    public var ok: Bool {
        disagreements.isEmpty && unexpectedPasses.isEmpty && staleKnownIssues.isEmpty && coverage.isComplete && familyCoverage.allSatisfy(\.coverage.isComplete)
    }
}

/// Fire / no-fire coverage of the rule catalog and the decoding codes.
public struct RuleCoverage: Sendable {
    /// Error/warning rules.
    public var rules: [String]
    public var fired: Set<String>
    public var heldSilent: Set<String>
    public var decodingCodes: [String]
    public var decodingCovered: Set<String>

    /// CMS: the DER deviations, each of which must also fire in a vector
    /// decoded under the BER rules (empty for MIKEY).
    public var berDeviations: [String] = []
    public var berCovered: Set<String> = []

    public var missingFire: [String] { rules.filter { !fired.contains($0) } }
    /// Rules exempt from the held-silent requirement, with the reason (none for MIKEY).
    public var silentExempt: [String: String] = [:]
    public var missingNoFire: [String] { rules.filter { !heldSilent.contains($0) && silentExempt[$0] == nil } }
    public var missingDecoding: [String] { decodingCodes.filter { !decodingCovered.contains($0) } }
    public var missingBER: [String] { berDeviations.filter { !berCovered.contains($0) } }
    public var isComplete: Bool { missingFire.isEmpty && missingNoFire.isEmpty && missingDecoding.isEmpty && missingBER.isEmpty }

    public init(rules: [String], fired: Set<String>, heldSilent: Set<String>, decodingCodes: [String], decodingCovered: Set<String>) {
        self.rules = rules
        self.fired = fired
        self.heldSilent = heldSilent
        self.decodingCodes = decodingCodes
        self.decodingCovered = decodingCovered
    }

    /// MIKEY coverage computed from vector files alone (used by the tests too).
    /// Vectors in `excluding` (known failures) do not count.
    public static func compute(_ vectors: [TestVector], excluding: Set<String> = []) -> RuleCoverage {
        compute(vectors, rules: MIKEYRules.all.filter { $0.severity != .info }.map(\.code),
                decodingCodes: MIKEYRules.decodingCodes.map(\.code), excluding: excluding)
    }

    /// Coverage of `rules` (error/warning codes) and `decodingCodes` by `vectors`.
    public static func compute(_ vectors: [TestVector], rules: [String], decodingCodes: [String], excluding: Set<String> = []) -> RuleCoverage {
        var fired = Set<String>(), silent = Set<String>(), decoding = Set<String>()
        for v in vectors where !excluding.contains(v.id) {
            switch v.result {
            case .invalid:
                for c in v.expected.errorCodes {
                    fired.insert(c)
                    if decodingCodes.contains(c) { decoding.insert(c) }
                }
            case .acceptable:
                fired.formUnion(v.expected.findings)
                silent.formUnion(v.expected.absentFindings)
            case .valid:
                silent.formUnion(v.expected.absentFindings)
            }
        }
        return RuleCoverage(rules: rules, fired: fired.intersection(rules), heldSilent: silent.intersection(rules),
                            decodingCodes: decodingCodes, decodingCovered: decoding)
    }
}

enum SelfCheck {
    static func run(files: [(String, VectorFile)], known: KnownFailures, allKnownIssues: [(id: String, reason: String)]) -> SelfCheckReport {
        var disagreements: [SelfCheckReport.Disagreement] = []
        var xfail: [SelfCheckReport.Disagreement] = []
        var xpass: [String] = []
        var counts: [VectorResult: Int] = [:]
        var all: [TestVector] = []
        var mikey: [TestVector] = []
        var byFormat: [String: [TestVector]] = [:]
        for (_, f) in files {
            guard let codec = VectorCodecs.codec(for: f.format) else {
                disagreements.append(.init(id: "format \(f.format)", problems: ["no codec"]))
                continue
            }
            for v in f.vectors {
                all.append(v)
                if f.format == "mikey" { mikey.append(v) } else { byFormat[f.format, default: []].append(v) }
                counts[v.result, default: 0] += 1
                let o = codec.run(v, in: f)
                var problems = VectorRunner.compare(v, o)
                // Stricter than the file's must-appear semantics: the generator
                // states every error code, so the set must be exact — except the
                // MIKEY validator's own findings nested under an id-ori-mikey
                // recipient, which the MIKEY vectors cover.
                if v.result == .invalid {
                    let actual = Set(o.findings.filter { $0.severity == .error && !$0.path.contains(".oriValue.") }.map(\.code))
                    let extra = actual.subtracting(v.expected.errorCodes).sorted()
                    if !extra.isEmpty && !actual.isEmpty { problems.append("error code(s) not stated by the generator: \(extra.joined(separator: ", "))") }
                }
                if known.reason(for: v.id) != nil {
                    if problems.isEmpty { xpass.append(v.id) } else { xfail.append(.init(id: v.id, problems: problems)) }
                } else if !problems.isEmpty {
                    disagreements.append(.init(id: v.id, problems: problems))
                }
            }
        }
        let ids = Set(all.map(\.id))
        let stale = allKnownIssues.map(\.id).filter { !ids.contains($0) }
        let excluded = Set(known.entries.map(\.id))
        return SelfCheckReport(vectorCount: all.count, countsByResult: counts, disagreements: disagreements, unexpectedPasses: xpass,
                               expectedFailures: xfail, staleKnownIssues: stale,
                               coverage: RuleCoverage.compute(mikey, excluding: excluded),
                               familyCoverage: VectorFamilies.all.map { fam in
                                   (fam.title, fam.coverage(fam.formats.sorted().flatMap { byFormat[$0] ?? [] }, excluded))
                               })
    }
}

extension SelfCheckReport {
    /// A human-readable summary (the generate-vectors command prints it).
    public var summary: String {
        var s = "\(vectorCount) vectors: "
        s += VectorResult.allCases.map { "\(countsByResult[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        s += "\nrule coverage: \(coverage.rules.count - coverage.missingFire.count)/\(coverage.rules.count) error/warning rules fire, "
        s += "\(coverage.rules.count - coverage.missingNoFire.count)/\(coverage.rules.count) held silent where they apply; "
        s += "\(coverage.decodingCovered.count)/\(coverage.decodingCodes.count) decoding codes"
        if !coverage.missingFire.isEmpty { s += "\n  never fires: " + coverage.missingFire.joined(separator: ", ") }
        if !coverage.missingNoFire.isEmpty { s += "\n  never held silent: " + coverage.missingNoFire.joined(separator: ", ") }
        if !coverage.missingDecoding.isEmpty { s += "\n  decoding codes without a vector: " + coverage.missingDecoding.joined(separator: ", ") }
        for (title, cov) in familyCoverage where !cov.rules.isEmpty || !cov.decodingCodes.isEmpty { s += "\n" + cov.summary(title: title) }
        if !expectedFailures.isEmpty {
            s += "\nknown validator issues (xfail): \(expectedFailures.count)"
            for d in expectedFailures { s += "\n  \(d.id): \(d.problems.joined(separator: "; "))" }
        }
        if !disagreements.isEmpty {
            s += "\nSELF-CHECK FAILED: \(disagreements.count) vector(s) disagree with the validator:"
            for d in disagreements { s += "\n  \(d.id)\n    " + d.problems.joined(separator: "\n    ") }
        }
        if !unexpectedPasses.isEmpty { s += "\nunexpected pass(es) of known issues (remove from the list): " + unexpectedPasses.joined(separator: ", ") }
        if !staleKnownIssues.isEmpty { s += "\nknown issues naming no vector: " + staleKnownIssues.joined(separator: ", ") }
        return s
    }
}
