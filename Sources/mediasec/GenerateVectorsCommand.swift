import ArgumentParser
import Foundation
import MediasecVectors

struct GenerateVectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-vectors",
        abstract: "Regenerate the shipped test vectors, the known-failures list and the fuzz seed corpus.",
        discussion: """
        Deterministic: the same seed writes byte-identical files. After generating, every vector is run \
        through the validator; any disagreement with the spec-stated expectation is listed and makes the \
        command exit 1 (known validator issues are listed as xfail). With --check nothing is written: the \
        files on disk are compared byte for byte with a fresh generation (CI runs this).
        Exit status: 0 = written (or up to date), 1 = self-check failure or --check found differences, 2 = usage or I/O error.
        """
    )

    @Option(name: .long, help: "Generator seed (default \(MIKEYVectorGenerator.defaultSeed), the seed of the shipped vectors).")
    var seed: UInt64 = MIKEYVectorGenerator.defaultSeed

    @Option(name: .customLong("out"), help: "Vectors directory (default: the nearest Vectors/ from the current directory upwards, else ./Vectors).")
    var outOption: String?

    @Option(name: .long, help: "Fuzz corpus directory (default: Corpus beside the vectors directory).")
    var corpus: String?

    @Flag(name: .long, help: "Do not write; exit 1 listing every file that differs from a fresh generation.")
    var check = false

    @Flag(name: .long, help: "Print only problems.")
    var quiet = false

    var out: String { outOption ?? SelftestCommand.locateVectors() ?? "Vectors" }

    var corpusDirectory: String {
        if let c = corpus { return c }
        let parent = (out as NSString).deletingLastPathComponent
        return parent.isEmpty ? "Corpus" : (parent as NSString).appendingPathComponent("Corpus")
    }

    func run() throws {
        let start = Date()
        let output: GenerationOutput
        do {
            output = try MIKEYVectorGenerator.generate(seed: seed)
        } catch {
            FileHandle.standardError.write(Data("mediasec: generation failed: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let elapsed = Date().timeIntervalSince(start)
        let report = output.selfCheck
        if !quiet || !report.ok {
            print("generated \(output.files.count) vector file(s) from seed \(seed) in \(String(format: "%.2f", elapsed)) s")
            let width = (output.files.map(\.path.count).max() ?? 0) + 2
            for (path, f) in output.files {
                let counts = Dictionary(grouping: f.vectors, by: \.result).mapValues(\.count)
                let parts = ["valid", "acceptable", "invalid"].map { r in "\(counts[VectorResult(rawValue: r)!] ?? 0) \(r)" }
                print("  \(path.padding(toLength: width, withPad: " ", startingAt: 0)) \(String(f.vectors.count).vectorsLeftPad(4)) vectors (\(parts.joined(separator: ", ")))")
            }
            print(report.summary)
        }
        let fm = FileManager.default
        let targets: [(root: String, files: [GeneratedFile])] = [(out, output.vectorFiles), (corpusDirectory, output.corpusFiles)]
        if check {
            var problems: [String] = []
            for (root, files) in targets {
                for f in files {
                    let path = (root as NSString).appendingPathComponent(f.path)
                    guard let d = fm.contents(atPath: path) else { problems.append("missing: \(path)"); continue }
                    if [UInt8](d) != f.contents { problems.append("differs: \(path)") }
                }
            }
            problems += try staleFiles(output).map { "stale (not generated): \($0)" }
            if problems.isEmpty {
                if !quiet { print("check: all \(output.vectorFiles.count + output.corpusFiles.count) generated files are up to date") }
            } else {
                print("check: \(problems.count) file(s) differ from a fresh generation (run `mediasec generate-vectors`):")
                for p in problems.prefix(50) { print("  \(p)") }
                if problems.count > 50 { print("  … and \(problems.count - 50) more") }
            }
            if !problems.isEmpty || !report.ok { throw ExitCode(1) }
            return
        }
        do {
            for (root, files) in targets {
                for f in files {
                    let path = (root as NSString).appendingPathComponent(f.path)
                    try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    if fm.contents(atPath: path).map({ [UInt8]($0) }) != f.contents {
                        try Data(f.contents).write(to: URL(fileURLWithPath: path))
                    }
                }
            }
            for stale in try staleFiles(output) { try fm.removeItem(atPath: stale) }
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("mediasec: cannot write: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if !quiet {
            print("wrote \(output.vectorFiles.count) file(s) under \(out)/ and \(output.corpusFiles.filter { !$0.path.hasSuffix(".dict") }.count) seed(s) + \(output.corpusFiles.filter { $0.path.hasSuffix(".dict") }.count) dictionaries under \(corpusDirectory)/")
        }
        if !report.ok { throw ExitCode(1) }
    }

    /// Generated-looking files on disk that this generation did not produce:
    /// `<out>/mikey/*.json` and each family's vector directory, and the
    /// generated seeds (`mikey.*`, `cms.*`, …) in each seed directory. Seeds
    /// that `fuzz.sh merge` added (named by SHA-1) are never touched.
    func staleFiles(_ output: GenerationOutput) throws -> [String] {
        let fm = FileManager.default
        var stale: [String] = []
        let vectorNames = Set(output.vectorFiles.map(\.path))
        for dir in ["mikey"] + VectorFamilies.all.flatMap(\.vectorDirectories) {
            let d = (out as NSString).appendingPathComponent(dir)
            for name in (try? fm.contentsOfDirectory(atPath: d)) ?? [] where name.hasSuffix(".json") && !vectorNames.contains("\(dir)/\(name)") {
                stale.append((d as NSString).appendingPathComponent(name))
            }
        }
        let seedNames = Set(output.corpusFiles.map(\.path))
        let seedDirs = [(CorpusWriter.seedDirectory, CorpusWriter.seedPrefix)] + VectorFamilies.all.flatMap(\.seedDirectories).map { ($0.directory, $0.prefix) }
        for (dir, prefix) in seedDirs {
            let seedDir = (corpusDirectory as NSString).appendingPathComponent(dir)
            for name in (try? fm.contentsOfDirectory(atPath: seedDir)) ?? [] where name.hasPrefix(prefix) && !seedNames.contains("\(dir)/\(name)") {
                stale.append((seedDir as NSString).appendingPathComponent(name))
            }
        }
        return stale.sorted()
    }
}

extension String {
    func vectorsLeftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
