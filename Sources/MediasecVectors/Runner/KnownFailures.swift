import Foundation
import MediasecCore

/// Vectors on which this implementation is known to disagree with the spec
/// (STYLE.md §17: known failures live in a list with reasons, and an
/// unexpected pass fails the run too). The vector files themselves stay
/// implementation-neutral; this list, `Vectors/known-failures.json`, is
/// mediasec's own and is written by the generator from
/// ``MIKEYVectorGenerator/knownIssues``.
public struct KnownFailures: Sendable {
    public static let fileName = "known-failures.json"

    /// Vector id → reason (a bug report in one sentence).
    public var entries: [(id: String, reason: String)]

    public init(_ entries: [(id: String, reason: String)] = []) {
        self.entries = entries
    }

    public func reason(for id: String) -> String? {
        entries.first { $0.id == id }?.reason
    }

    public var json: JSONValue {
        .object([
            ("format", .string("known-failures")),
            ("implementation", .string("mediasec")),
            ("description", .string("Vectors whose stated outcome this implementation does not (yet) produce. selftest reports them as xfail; one that passes is reported as xpass and fails the run, so the list cannot go stale.")),
            ("entries", .array(entries.map { .object([("id", .string($0.id)), ("reason", .string($0.reason))]) })),
        ])
    }

    public var serialized: String { json.serialized() + "\n" }

    public static func parse(_ text: String) throws(VectorFormatError) -> KnownFailures {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch {
            throw VectorFormatError(path: fileName, message: "not JSON: \(error.message)")
        }
        guard root["format"]?.stringValue == "known-failures", let items = root["entries"]?.arrayValue else {
            throw VectorFormatError(path: fileName, message: "expected {\"format\": \"known-failures\", \"entries\": [...]}")
        }
        var out: [(String, String)] = []
        for (i, item) in items.enumerated() {
            guard let id = item["id"]?.stringValue, let r = item["reason"]?.stringValue else {
                throw VectorFormatError(path: "\(fileName): entries[\(i)]", message: "needs id and reason strings")
            }
            out.append((id, r))
        }
        return KnownFailures(out)
    }

    /// Loads `<directory>/known-failures.json`; an absent file is an empty list.
    public static func load(from directory: String) throws -> KnownFailures {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return KnownFailures() }
        return try parse(try VectorRunner.readText(path))
    }
}
