import ArgumentParser
import Foundation
import MediasecCore
import MediasecVectors

struct SelftestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run every shipped test vector and report per clause.",
        discussion: """
        Loads every vector file under the vectors directory (Vectors/ found from the current directory \
        upwards, or --vectors), runs each vector through its format's decoder and validator, and compares \
        the outcome with the vector's expectation. Vectors listed in known-failures.json are reported as \
        xfail (and as xpass, a failure, once they pass).
        Exit status: 0 = every vector behaves as stated, 1 = at least one mismatch, 2 = usage or I/O error.
        """
    )

    @Option(name: .long, help: "Vectors directory (default: the nearest Vectors/ from the current directory upwards).")
    var vectors: String?

    @Flag(name: .long, help: "Print one JSON object instead of the tables.")
    var json = false

    @Flag(name: .long, help: "Ignore known-failures.json: every disagreement is a failure.")
    var strict = false

    @Option(name: .long, help: "Run only vectors whose id contains this text.")
    var filter: String?

    @Flag(name: .long, help: "Also list the known issues (xfail) with their reasons.")
    var verbose = false

    /// `Vectors/` in the current directory or an ancestor; then beside the
    /// executable's ancestors (a `swift run` from elsewhere still finds it).
    static func locateVectors() -> String? {
        let fm = FileManager.default
        var starts = [fm.currentDirectoryPath]
        if let exe = CommandLine.arguments.first {
            starts.append((URL(fileURLWithPath: exe).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent)
        }
        for start in starts {
            var dir = URL(fileURLWithPath: start)
            while true {
                let candidate = dir.appendingPathComponent("Vectors")
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue,
                   fm.fileExists(atPath: candidate.appendingPathComponent("mikey").path) || fm.fileExists(atPath: candidate.appendingPathComponent("schema").path) {
                    return candidate.path
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    func run() throws {
        let fail = { (m: String) -> ExitCode in
            FileHandle.standardError.write(Data("mediasec selftest: \(m)\n".utf8))
            return ExitCode(2)
        }
        guard let dir = vectors ?? Self.locateVectors() else {
            throw fail("no Vectors/ directory found from \(FileManager.default.currentDirectoryPath) upwards; pass --vectors DIR")
        }
        var files: [(String, VectorFile)]
        var checks: [VectorCheck]
        do {
            (files, checks) = try VectorRunner.runDirectory(dir, useKnownFailures: !strict)
        } catch {
            throw fail("\(error)")
        }
        if files.isEmpty { throw fail("no vector files under \(dir)") }
        if let f = filter {
            checks = checks.filter { $0.id.contains(f) }
            if checks.isEmpty { throw fail("no vector id contains '\(f)'") }
        }
        let summary = SelftestSummary(directory: dir, files: files, checks: checks)
        if json {
            print(summary.json.serialized())
        } else {
            print(Self.render(summary, verbose: verbose, strict: strict))
        }
        if !summary.ok { throw ExitCode(1) }
    }

    // MARK: text report

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    static func num(_ i: Int, _ n: Int) -> String { String(i).vectorsLeftPad(n) }
    static func dash(_ i: Int, _ n: Int) -> String { i == 0 ? "·".vectorsLeftPad(n) : num(i, n) }

    static func render(_ s: SelftestSummary, verbose: Bool, strict: Bool) -> String {
        var out: [String] = []
        let t = s.total
        out.append("mediasec selftest — \(t.vectors) vectors in \(s.files.count) file(s) under \(s.directory)\(strict ? " (strict: known issues not excused)" : "")")
        out.append("")
        let fw = max(24, (s.files.map(\.path.count).max() ?? 0) + 2)
        out.append("  " + pad("file", fw) + "vectors   valid  accept invalid │  passed  failed   xfail   xpass")
        for f in s.files {
            let r = f.byResult
            out.append("  " + pad(f.path, fw) + num(f.tally.vectors, 7) + num(r[.valid] ?? 0, 8) + num(r[.acceptable] ?? 0, 8) + num(r[.invalid] ?? 0, 8)
                       + " │" + num(f.tally.passed, 8) + dash(f.tally.failed, 8) + dash(f.tally.expectedFailures, 8) + dash(f.tally.unexpectedPasses, 8))
        }
        out.append("")
        let cw = max(34, (s.clauses.map(\.specRef.count).max() ?? 0) + 2)
        out.append("  " + pad("clause", cw) + "vectors  passed  failed   xfail")
        var lastDoc = ""
        for (ref, c) in s.clauses {
            let doc = ref.components(separatedBy: " §").first?.components(separatedBy: " Annex").first?.components(separatedBy: " Appendix").first ?? ref
            if !lastDoc.isEmpty && doc != lastDoc { out.append("  " + String(repeating: "·", count: cw + 31)) }
            lastDoc = doc
            let mark = c.failed + c.unexpectedPasses > 0 ? " ✗" : ""
            out.append("  " + pad(ref, cw) + num(c.vectors, 7) + num(c.passed, 8) + dash(c.failed + c.unexpectedPasses, 8) + dash(c.expectedFailures, 8) + mark)
        }
        out.append("")
        var totals = "total: \(t.vectors) vectors — \(t.passed) passed, \(t.failed) failed"
        if t.expectedFailures > 0 { totals += ", \(t.expectedFailures) known issue(s) (xfail)" }
        if t.unexpectedPasses > 0 { totals += ", \(t.unexpectedPasses) unexpected pass(es) (xpass)" }
        out.append(totals)
        if let cov = s.coverage {
            out.append("MIKEY rule coverage: \(cov.rules.count - cov.missingFire.count)/\(cov.rules.count) error/warning rules fire, "
                       + "\(cov.rules.count - cov.missingNoFire.count)/\(cov.rules.count) hold silent where they apply, "
                       + "\(cov.decodingCovered.count)/\(cov.decodingCodes.count) decoding codes")
        }
        for (title, cov) in s.familyCoverage { out.append(cov.summary(title: title)) }
        let known = s.expectedFailures
        if !known.isEmpty {
            out.append("")
            if verbose {
                out.append("known issues (xfail; Vectors/known-failures.json):")
                for c in known {
                    out.append("  ~ \(c.id)")
                    out.append("      \(c.knownFailure ?? "")")
                    for m in c.mismatches { out.append("      now: \(m)") }
                }
            } else {
                out.append("\(known.count) known issue(s) excused by known-failures.json (--verbose lists them, --strict fails them)")
            }
        }
        let problems = s.problems
        if !problems.isEmpty {
            out.append("")
            out.append("mismatches (\(problems.count)):")
            for c in problems {
                out.append("  ✗ \(c.id)  [\(c.file)]  expected \(c.result.rawValue)")
                if c.status == .unexpectedPass {
                    out.append("      passes now, but is listed as a known issue: remove it from known-failures.json")
                }
                for m in c.mismatches { out.append("      - \(m)") }
                if !c.actualCodes.isEmpty { out.append("      produced: \(c.actualCodes.joined(separator: ", "))") }
            }
        }
        out.append("")
        out.append(s.ok ? "OK" : "FAILED")
        return out.joined(separator: "\n")
    }
}
