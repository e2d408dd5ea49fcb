import Foundation
import MediasecCore

/// Tallies of a selftest run: per file, per cited clause, in total.
public struct SelftestSummary: Sendable {
    public struct Tally: Sendable {
        public var vectors = 0
        public var passed = 0
        public var failed = 0
        public var expectedFailures = 0
        public var unexpectedPasses = 0

        mutating func add(_ c: VectorCheck) {
            vectors += 1
            switch c.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .expectedFailure: expectedFailures += 1
            case .unexpectedPass: unexpectedPasses += 1
            }
        }

        var json: JSONValue {
            .object([("vectors", .int(vectors)), ("passed", .int(passed)), ("failed", .int(failed)),
                     ("xfail", .int(expectedFailures)), ("xpass", .int(unexpectedPasses))])
        }
    }

    public struct FileRow: Sendable {
        public var path: String
        public var format: String
        public var byResult: [VectorResult: Int]
        public var tally: Tally
    }

    public var directory: String
    public var files: [FileRow]
    /// Clause → tally, in document order (a vector counts once per clause it cites).
    public var clauses: [(specRef: String, tally: Tally)]
    public var total: Tally
    public var checks: [VectorCheck]
    public var coverage: RuleCoverage?
    /// Coverage of every other family whose vectors ran, by title, in order.
    public var familyCoverage: [(title: String, coverage: RuleCoverage)]

    public var ok: Bool { total.failed == 0 && total.unexpectedPasses == 0 }
    public var problems: [VectorCheck] { checks.filter(\.isProblem) }
    public var expectedFailures: [VectorCheck] { checks.filter { $0.status == .expectedFailure } }

    public init(directory: String, files: [(String, VectorFile)], checks: [VectorCheck]) {
        self.directory = directory
        self.checks = checks
        var total = Tally()
        var byClause: [String: Tally] = [:]
        var rows: [FileRow] = []
        for (path, f) in files {
            var t = Tally()
            var r: [VectorResult: Int] = [:]
            for c in checks where c.file == path {
                t.add(c)
                r[c.result, default: 0] += 1
            }
            if t.vectors > 0 { rows.append(FileRow(path: path, format: f.format, byResult: r, tally: t)) }
        }
        for c in checks {
            total.add(c)
            for ref in Set(c.specRefs) { byClause[ref, default: Tally()].add(c) }
        }
        self.files = rows
        self.total = total
        self.clauses = byClause.sorted { Self.naturalLess($0.key, $1.key) }.map { ($0.key, $0.value) }
        let run = Set(checks.map(\.id))
        let mikey = files.filter { $0.1.format == "mikey" }.flatMap(\.1.vectors).filter { run.contains($0.id) }
        let known = Set(checks.filter { $0.knownFailure != nil }.map(\.id))
        self.coverage = mikey.isEmpty ? nil : RuleCoverage.compute(mikey, excluding: known)
        self.familyCoverage = VectorFamilies.all.compactMap { fam in
            let vs = files.filter { fam.formats.contains($0.1.format) }.flatMap(\.1.vectors).filter { run.contains($0.id) }
            return vs.isEmpty ? nil : (fam.title, fam.coverage(vs, known))
        }
    }

    /// `CMS/S-MIME` → `cmsCoverage`, `resource-lists` → `resourceListsCoverage`.
    static func coverageKey(_ title: String) -> String {
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let first = words.first else { return "coverage" }
        var key = first.lowercased()
        // "CMS/S-MIME" keeps its historical key "cmsCoverage".
        if title == "CMS/S-MIME" { return "cmsCoverage" }
        for w in words.dropFirst() { key += w.prefix(1).uppercased() + w.dropFirst().lowercased() }
        return key + "Coverage"
    }

    /// Orders clause references the way a reader expects: by document, then
    /// by section number (digit runs compare numerically: §6.10 after §6.9).
    public static func naturalLess(_ a: String, _ b: String) -> Bool {
        func tokens(_ s: String) -> [(isNumber: Bool, text: String)] {
            var out: [(Bool, String)] = []
            for ch in s {
                let d = ch.isASCII && ch.isNumber
                if let last = out.last, last.0 == d { out[out.count - 1].1.append(ch) } else { out.append((d, String(ch))) }
            }
            return out
        }
        // Documents group as RFC, TR, TS, then anything else.
        func rank(_ s: String) -> Int { s.hasPrefix("RFC ") ? 0 : s.hasPrefix("TR ") ? 1 : s.hasPrefix("TS ") ? 2 : 3 }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        // Numbered sections (§) before appendices and annexes of the same document.
        let x = tokens(a.replacingOccurrences(of: "§", with: "\u{1}")), y = tokens(b.replacingOccurrences(of: "§", with: "\u{1}"))
        for (p, q) in zip(x, y) where p.text != q.text {
            if p.isNumber && q.isNumber, let i = Int(p.text), let j = Int(q.text), i != j { return i < j }
            return p.text < q.text
        }
        return x.count < y.count
    }

    public var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("ok", .bool(ok)),
            ("vectorsDirectory", .string(directory)),
            ("total", total.json),
            ("files", .array(files.map { f in
                .object([("path", .string(f.path)), ("format", .string(f.format)),
                         ("byResult", .object(VectorResult.allCases.map { ($0.rawValue, .int(f.byResult[$0] ?? 0)) })),
                         ("tally", f.tally.json)])
            })),
            ("clauses", .array(clauses.map { c in .object([("specRef", .string(c.specRef))] + (c.tally.json.objectValue ?? [])) })),
        ]
        if let cov = coverage {
            o.append(("coverage", .object([
                ("rules", .int(cov.rules.count)),
                ("fired", .int(cov.rules.count - cov.missingFire.count)),
                ("heldSilent", .int(cov.rules.count - cov.missingNoFire.count)),
                ("decodingCodes", .int(cov.decodingCodes.count)),
                ("decodingCovered", .int(cov.decodingCovered.count)),
                ("neverFires", .array(cov.missingFire.map { .string($0) })),
                ("neverHeldSilent", .array(cov.missingNoFire.map { .string($0) })),
                ("decodingWithoutVector", .array(cov.missingDecoding.map { .string($0) })),
            ])))
        }
        // One key per family, e.g. "cmsCoverage", "sdpCoverage", "resourceListsCoverage".
        for (title, cov) in familyCoverage { o.append((Self.coverageKey(title), cov.json)) }
        o.append(("results", .array(checks.filter { $0.status != .passed }.map { c in
            .object([("id", .string(c.id)), ("file", .string(c.file)), ("status", .string(c.status.rawValue)),
                     ("expected", .string(c.result.rawValue)), ("problems", .array(c.mismatches.map { .string($0) })),
                     ("knownIssue", c.knownFailure.map { .string($0) } ?? .null), ("actualCodes", .array(c.actualCodes.map { .string($0) }))])
        })))
        return .object(o)
    }
}
