import Foundation
import MediasecCore

/// The result of checking one vector against its expectation.
public struct VectorCheck: Sendable {
    public var file: String
    public var id: String
    public var result: VectorResult
    public var specRefs: [String]
    /// Empty when the vector passed.
    public var mismatches: [String]
    /// Set when the vector is on the known-failures list.
    public var knownFailure: String?
    /// Codes the codec actually produced (errors, warnings, infos), for reports.
    public var actualCodes: [String]

    public var passed: Bool { mismatches.isEmpty }

    /// Verdict after the known-failures list: a listed vector that fails is
    /// an expected failure; a listed vector that passes is an unexpected pass.
    public enum Status: String, Sendable { case passed, failed, expectedFailure = "xfail", unexpectedPass = "xpass" }

    public var status: Status {
        switch (passed, knownFailure != nil) {
        case (true, false): return .passed
        case (false, false): return .failed
        case (false, true): return .expectedFailure
        case (true, true): return .unexpectedPass
        }
    }

    /// Whether this check counts against the run (`failed` and `xpass`).
    public var isProblem: Bool { status == .failed || status == .unexpectedPass }
}

/// Loads vector files, runs them through the codec their `format` names, and
/// compares each outcome with the vector's expectation.
public struct VectorRunner: Sendable {
    public var knownFailures: KnownFailures

    public init(knownFailures: KnownFailures = KnownFailures()) {
        self.knownFailures = knownFailures
    }

    /// Compares an outcome with a vector's expectation; returns the mismatches.
    public static func compare(_ v: TestVector, _ o: VectorOutcome) -> [String] {
        if let s = o.setupError { return ["cannot run: \(s)"] }
        var out: [String] = []
        let errors = o.findings.filter { $0.severity == .error }.map(\.code)
        let warnings = o.findings.filter { $0.severity == .warning }.map(\.code)
        let all = Set(o.findings.map(\.code))
        func list(_ xs: [String]) -> String { xs.isEmpty ? "none" : xs.joined(separator: ", ") }
        switch v.result {
        case .invalid:
            if errors.isEmpty {
                out.append("expected invalid, but it \(o.decoded == nil ? "was not rejected" : "validated") with no error (warnings: \(list(uniq(warnings))))")
            }
            let missing = v.expected.errorCodes.filter { !errors.contains($0) }
            if !missing.isEmpty && !errors.isEmpty {
                out.append("missing error code(s) \(list(missing)); got \(list(uniq(errors)))")
            } else if !missing.isEmpty {
                out.append("missing error code(s) \(list(missing))")
            }
        case .valid, .acceptable:
            if !errors.isEmpty {
                let at = o.decodingError.map { " (decoding failed at byte \($0.offset), \($0.path))" } ?? ""
                out.append("expected \(v.result.rawValue), got error(s) \(list(uniq(errors)))\(at)")
            }
            let named = Set(v.expected.findings)
            if v.result == .valid {
                if !warnings.isEmpty { out.append("expected valid (no warning), got warning(s) \(list(uniq(warnings)))") }
            } else {
                if warnings.isEmpty { out.append("expected acceptable (warnings), got no warning") }
                let extra = uniq(warnings.filter { !named.contains($0) })
                if !extra.isEmpty { out.append("unexpected warning(s) \(list(extra))") }
            }
            let missing = v.expected.findings.filter { !all.contains($0) }
            if !missing.isEmpty { out.append("missing finding(s) \(list(missing))") }
            if let subset = v.expected.decoded {
                if let d = o.decoded {
                    if !d.contains(subset: subset) {
                        out.append("decoded tree differs from the expected subset" + (firstDifference(d, subset, path: "decoded").map { ": \($0)" } ?? ""))
                    }
                } else if errors.isEmpty {
                    out.append("no decoded tree")
                }
            }
        }
        let fired = v.expected.absentFindings.filter { all.contains($0) }
        if !fired.isEmpty { out.append("finding(s) that must not fire: \(list(fired))") }
        return out
    }

    static func uniq(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    /// A short description of where `actual` first fails to contain `subset`.
    static func firstDifference(_ actual: JSONValue, _ subset: JSONValue, path: String) -> String? {
        switch (actual, subset) {
        case let (.object(a), .object(s)):
            for (k, v) in s {
                guard let mine = a.first(where: { $0.0 == k })?.1 else { return "\(path).\(k) is missing" }
                if let d = firstDifference(mine, v, path: "\(path).\(k)") { return d }
            }
            return nil
        case let (.array(a), .array(s)):
            if a.count != s.count { return "\(path) has \(a.count) element(s), expected \(s.count)" }
            for (i, (x, y)) in zip(a, s).enumerated() {
                if let d = firstDifference(x, y, path: "\(path)[\(i)]") { return d }
            }
            return nil
        default:
            if actual == subset { return nil }
            return "\(path) is \(actual.serialized(pretty: false)), expected \(subset.serialized(pretty: false))"
        }
    }

    /// Runs every vector of a parsed file. A file whose format has no codec
    /// yields one failing check per vector.
    public func run(_ file: VectorFile, name: String) -> [VectorCheck] {
        guard let codec = VectorCodecs.codec(for: file.format) else {
            return file.vectors.map {
                VectorCheck(file: name, id: $0.id, result: $0.result, specRefs: $0.specRefs,
                            mismatches: ["no codec for format \(file.format)"], knownFailure: knownFailures.reason(for: $0.id), actualCodes: [])
            }
        }
        return file.vectors.map { check($0, in: file, codec: codec, name: name) }
    }

    public func check(_ v: TestVector, in file: VectorFile, codec: any VectorCodec, name: String) -> VectorCheck {
        let o = codec.run(v, in: file)
        return VectorCheck(file: name, id: v.id, result: v.result, specRefs: v.specRefs, mismatches: Self.compare(v, o),
                           knownFailure: knownFailures.reason(for: v.id), actualCodes: Self.uniq(o.findings.map(\.code)))
    }

    // MARK: files

    /// Vector files under `directory` (recursively, sorted, relative paths):
    /// every `*.json` except the schema folder and the known-failures list.
    public static func vectorFilePaths(in directory: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw VectorFormatError(path: directory, message: "not a directory")
        }
        guard let e = fm.enumerator(atPath: directory) else { throw VectorFormatError(path: directory, message: "cannot list") }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasPrefix("schema/") || rel.hasPrefix(".") || rel.contains("/.") { continue }
            if rel.hasSuffix(".json") && (rel as NSString).lastPathComponent != KnownFailures.fileName { out.append(rel) }
        }
        return out.sorted()
    }

    public static func readText(_ path: String) throws -> String {
        guard let d = FileManager.default.contents(atPath: path) else {
            throw VectorFormatError(path: path, message: "cannot read")
        }
        return String(decoding: d, as: UTF8.self)
    }

    public static func loadFile(_ path: String) throws -> VectorFile {
        do {
            return try VectorFile.parse(try readText(path))
        } catch let e as VectorFormatError {
            throw VectorFormatError(path: e.path.isEmpty ? path : "\(path): \(e.path)", message: e.message)
        }
    }

    /// Loads and runs every vector file under `directory`; also loads the
    /// known-failures list there when present.
    public static func runDirectory(_ directory: String, useKnownFailures: Bool = true) throws -> (files: [(String, VectorFile)], checks: [VectorCheck]) {
        let known = useKnownFailures ? try KnownFailures.load(from: directory) : KnownFailures()
        let runner = VectorRunner(knownFailures: known)
        var files: [(String, VectorFile)] = []
        var checks: [VectorCheck] = []
        for rel in try vectorFilePaths(in: directory) {
            let f = try loadFile((directory as NSString).appendingPathComponent(rel))
            files.append((rel, f))
            checks += runner.run(f, name: rel)
        }
        return (files, checks)
    }
}
