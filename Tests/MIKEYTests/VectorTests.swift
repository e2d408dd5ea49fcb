import Foundation
import Testing
import MediasecCore
import MIKEY
import MediasecVectors

/// The shipped vectors (`Vectors/`), run one by one, plus the properties
/// of the vector set itself: regenerating it gives the same bytes, every
/// rule and decoding code is covered both ways, there are enough invalid
/// vectors, and every proper prefix of a valid input is rejected.
enum ShippedVectors {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("Vectors").path
    static let corpusDirectory = root.appendingPathComponent("Corpus").path

    struct Case: Sendable, CustomTestStringConvertible {
        let path: String
        let file: VectorFile
        let vector: TestVector
        var testDescription: String { vector.id }
    }

    /// Loaded once; a loading failure leaves the list empty and is reported
    /// by ``VectorSetTests/filesLoad()``.
    static let loaded: Result<[(String, VectorFile)], Error> = Result {
        try VectorRunner.vectorFilePaths(in: directory).map { ($0, try VectorRunner.loadFile((directory as NSString).appendingPathComponent($0))) }
    }

    static var files: [(String, VectorFile)] { (try? loaded.get()) ?? [] }
    static let cases: [Case] = files.flatMap { p, f in f.vectors.map { Case(path: p, file: f, vector: $0) } }
    static let validCases: [Case] = cases.filter { $0.vector.result != .invalid }
    static let known: KnownFailures = (try? KnownFailures.load(from: directory)) ?? KnownFailures()
}

@Suite struct VectorTests {
    /// Every shipped vector behaves as it says (known validator issues are
    /// expected to fail, and must keep failing until fixed).
    @Test(arguments: ShippedVectors.cases)
    func vector(_ c: ShippedVectors.Case) throws {
        guard let codec = VectorCodecs.codec(for: c.file.format) else {
            Issue.record("no codec for format \(c.file.format)")
            return
        }
        let check = VectorRunner(knownFailures: ShippedVectors.known).check(c.vector, in: c.file, codec: codec, name: c.path)
        if let reason = check.knownFailure {
            withKnownIssue("known issue: \(reason)") {
                for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") }
            }
        } else {
            for m in check.mismatches { Issue.record("\(c.vector.id): \(m)") }
        }
    }

    /// STYLE.md §14: every proper prefix of a valid input is rejected with a
    /// DecodingError. Inputs up to 4 KiB are swept completely; longer ones
    /// (boundary vectors of up to 71 KiB and 4096 payloads) on their first
    /// and last 1 KiB and every 61st prefix in between.
    @Test(arguments: ShippedVectors.validCases)
    func truncationSweep(_ c: ShippedVectors.Case) throws {
        guard c.file.format == "mikey" else { return }
        let input = c.vector.input
        let cuts: [Int] = input.count <= 4096
            ? Array(0..<input.count)
            : Array(0..<1024) + Array(stride(from: 1024, to: input.count - 1024, by: 61)) + Array((input.count - 1024)..<input.count)
        var accepted: [Int] = []
        for n in cuts {
            do {
                _ = try MIKEYDecoder().decode(Array(input.prefix(n)))
                accepted.append(n)
            } catch {
                #expect(error.code.hasPrefix("mikey."), "prefix \(n): \(error)")
                #expect((0...n).contains(error.offset), "prefix \(n): offset \(error.offset) outside the input")
            }
        }
        #expect(accepted.isEmpty, "\(c.vector.id): proper prefixes of length \(accepted.prefix(8)) decoded")
    }
}

@Suite struct VectorSetTests {
    @Test func filesLoad() throws {
        let files = try ShippedVectors.loaded.get()
        #expect(files.map(\.0).filter { $0.hasPrefix("mikey/") } == ["mikey/crypto.json", "mikey/rfc3830.json", "mikey/rfc6043.json", "mikey/structure.json", "mikey/tr33829.json"])
        for (p, f) in files {
            // The directory names the format; cms/smime.json holds the S/MIME entities.
            let dir = p.split(separator: "/").first.map(String.init) ?? ""
            #expect(f.format == (p == "cms/smime.json" ? "smime" : dir), "\(p)")
            #expect(f.generator.seed == MIKEYVectorGenerator.defaultSeed)
        }
    }

    @Test func counts() {
        let all = ShippedVectors.cases.map(\.vector)
        let invalid = all.filter { $0.result == .invalid }.count
        #expect(all.count >= 400, "only \(all.count) vectors")
        #expect(invalid * 2 >= all.count, "only \(invalid) of \(all.count) vectors are invalid")
        #expect(Set(all.map(\.id)).count == all.count, "duplicate ids")
    }

    /// Every error/warning rule fires in some vector and holds silent in a
    /// valid/acceptable one where it applies; every decoding code has an
    /// invalid vector. Known issues do not count.
    @Test func ruleCoverage() {
        let excluded = Set(ShippedVectors.known.entries.map(\.id))
        let cov = RuleCoverage.compute(ShippedVectors.cases.map(\.vector), excluding: excluded)
        #expect(cov.missingFire.isEmpty, "rules that never fire: \(cov.missingFire)")
        #expect(cov.missingNoFire.isEmpty, "rules never shown silent where they apply: \(cov.missingNoFire)")
        #expect(cov.missingDecoding.isEmpty, "decoding codes without a vector: \(cov.missingDecoding)")
        #expect(cov.rules.count == MIKEYRules.all.filter { $0.severity != .info }.count)
    }

    /// Every data type 0–26 has a valid (or acceptable) message, and every
    /// payload type with a known layout appears in a valid message.
    @Test func dataAndPayloadTypeCoverage() throws {
        var dataTypes = Set<UInt8>()
        var payloadTypes = Set<UInt8>()
        func visit(_ v: JSONValue) {
            switch v {
            case .object(let o):
                if let t = v["payloadType"]?.intValue { payloadTypes.insert(UInt8(t)) }
                o.forEach { visit($0.1) }
            case .array(let a): a.forEach(visit)
            default: break
            }
        }
        for c in ShippedVectors.validCases where c.file.format == "mikey" {
            guard let d = try? MIKEYDecoder().decode(c.vector.input) else { continue }
            dataTypes.insert(d.message.header.dataType.rawValue)
            visit(MIKEYJSON.tree(d))
        }
        #expect(Set(0...26).subtracting(dataTypes.map(Int.init)).isEmpty, "data types without a valid message: \(Set(0...26).subtracting(dataTypes.map(Int.init)).sorted())")
        let layouts: [UInt8] = Array(1...17) + [20, 21, 26]
        #expect(Set(layouts).subtracting(payloadTypes).isEmpty, "payload types without a valid message: \(Set(layouts).subtracting(payloadTypes).sorted())")
    }

    /// The shipped files are exactly what the generator writes for the
    /// shipped seed (CI also runs `mediasec generate-vectors --check`), and
    /// the generator's own self-check passes.
    @Test func filesMatchFreshGeneration() throws {
        let out = try MIKEYVectorGenerator.generate(seed: MIKEYVectorGenerator.defaultSeed)
        #expect(out.selfCheck.ok, "\(out.selfCheck.summary)")
        for (root, files) in [(ShippedVectors.directory, out.vectorFiles), (ShippedVectors.corpusDirectory, out.corpusFiles)] {
            var differing: [String] = []
            for f in files {
                let path = (root as NSString).appendingPathComponent(f.path)
                guard let d = FileManager.default.contents(atPath: path), [UInt8](d) == f.contents else {
                    differing.append(f.path)
                    continue
                }
            }
            #expect(differing.isEmpty, "files under \(root) differ from a fresh generation (run `mediasec generate-vectors`): \(differing.prefix(10))")
        }
    }

    @Test func generationIsDeterministic() throws {
        let a = try MIKEYVectorGenerator.generate(seed: 7)
        let b = try MIKEYVectorGenerator.generate(seed: 7)
        #expect(a.vectorFiles.map(\.contents) == b.vectorFiles.map(\.contents))
        #expect(a.corpusFiles.map(\.path) == b.corpusFiles.map(\.path))
        let c = try MIKEYVectorGenerator.generate(seed: 8)
        #expect(a.vectorFiles.first?.contents != c.vectorFiles.first?.contents, "the seed must matter")
    }

    /// The runner is not a rubber stamp: a wrong expectation is reported.
    @Test func runnerDetectsWrongExpectations() throws {
        let codec = MIKEYVectorCodec()
        let file = try #require(ShippedVectors.files.first { $0.0 == "mikey/rfc3830.json" }?.1)
        let valid = try #require(file.vectors.first { $0.result == .valid && $0.expected.decoded != nil })
        let invalid = try #require(file.vectors.first { $0.result == .invalid })
        let acceptable = try #require(file.vectors.first { $0.result == .acceptable })
        var v = valid
        v.result = .invalid
        v.expected = VectorExpectation(errorCodes: ["mikey.hdr.version"])
        #expect(!VectorRunner.compare(v, codec.run(v, in: file)).isEmpty)
        v = valid
        v.expected.findings.append("mikey.rand.short")
        #expect(!VectorRunner.compare(v, codec.run(v, in: file)).isEmpty)
        v = valid
        v.expected.decoded = .object([("hdr", .object([("csbId", .int(-1))]))])
        #expect(!VectorRunner.compare(v, codec.run(v, in: file)).isEmpty)
        v = invalid
        v.expected.errorCodes = ["mikey.limit.depth"]
        #expect(!VectorRunner.compare(v, codec.run(v, in: file)).isEmpty)
        v = acceptable
        v.result = .valid
        #expect(!VectorRunner.compare(v, codec.run(v, in: file)).isEmpty)
        v = acceptable
        v.expected.absentFindings = v.expected.findings
        #expect(!VectorRunner.compare(v, codec.run(v, in: file)).isEmpty)
    }

    /// Round trip of the file format itself.
    @Test func fileFormatRoundTrips() throws {
        for (_, f) in ShippedVectors.files {
            let again = try VectorFile.parse(f.serialized)
            #expect(again.serialized == f.serialized)
        }
    }

    /// `Vectors/schema/check.py`: JSON Schema (draft 2020-12) validation and
    /// the cross-file checks, when python3 with `jsonschema` is available.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/env")))
    func schemaValidation() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ShippedVectors.root.appendingPathComponent("Vectors/schema/check.py").path, ShippedVectors.directory]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 2 || p.terminationStatus == 127 { return }   // no python3 or no jsonschema: nothing to check with
        #expect(p.terminationStatus == 0, "\(output)")
    }
}
