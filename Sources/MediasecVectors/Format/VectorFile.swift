import MediasecCore

/// The verdict a vector states (Wycheproof style).
///
/// - `valid`: no error and no warning finding.
/// - `acceptable`: valid, with warnings: no error finding, at least one
///   warning, and the warnings raised are exactly the ones the vector names.
/// - `invalid`: a decoding error or at least one error-severity finding; the
///   named codes must all appear.
public enum VectorResult: String, Sendable, Hashable, CaseIterable, Comparable {
    case valid
    case acceptable
    case invalid

    public static func < (a: VectorResult, b: VectorResult) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What running a vector must produce.
public struct VectorExpectation: Sendable, Hashable {
    /// `invalid` only: codes that MUST appear (a decoding error code or
    /// error-severity rule codes).
    public var errorCodes: [String]
    /// `valid`/`acceptable`: a subset of the decoded JSON tree
    /// (``JSONValue/contains(subset:)``).
    public var decoded: JSONValue?
    /// `valid`/`acceptable`: codes that MUST appear (warnings, infos such as
    /// `mikey.mac.verified`). For `acceptable` the warnings listed here are
    /// exactly the warnings that may appear.
    public var findings: [String]
    /// Codes whose rule applies to this input (its precondition holds) but
    /// which MUST NOT fire: the "no-fire" half of rule coverage.
    public var absentFindings: [String]

    public init(errorCodes: [String] = [], decoded: JSONValue? = nil, findings: [String] = [], absentFindings: [String] = []) {
        self.errorCodes = errorCodes
        self.decoded = decoded
        self.findings = findings
        self.absentFindings = absentFindings
    }
}

/// One test vector. Format-independent: `input` is the message, and the
/// codec named by the file's `format` interprets `profiles`, `keys` and
/// `codePoints`.
public struct TestVector: Sendable, Hashable {
    /// Stable, namespaced id, e.g. `mikey::rfc3830::psk-init::valid-minimal`.
    public var id: String
    public var description: String
    public var result: VectorResult
    /// Labels explained in the file's `notes`.
    public var flags: [String]
    /// Clauses the vector rests on, e.g. `RFC 3830 §6.1`.
    public var specRefs: [String]
    public var input: [UInt8]
    /// Validation profiles to run; nil = the codec's automatic choice.
    public var profiles: [String]?
    /// Code-point overrides for this vector (merged over the file's).
    public var codePoints: [(String, Int)]?
    /// Keys and side inputs by name (for MIKEY: `MIKEYKeys.knownNames`).
    public var keys: [(String, [UInt8])]
    public var expected: VectorExpectation

    public init(id: String, description: String, result: VectorResult, flags: [String] = [], specRefs: [String], input: [UInt8],
                profiles: [String]? = nil, codePoints: [(String, Int)]? = nil, keys: [(String, [UInt8])] = [], expected: VectorExpectation) {
        self.id = id
        self.description = description
        self.result = result
        self.flags = flags
        self.specRefs = specRefs
        self.input = input
        self.profiles = profiles
        self.codePoints = codePoints
        self.keys = keys
        self.expected = expected
    }

    public static func == (a: TestVector, b: TestVector) -> Bool { a.json == b.json }
    public func hash(into h: inout Hasher) { h.combine(json) }

    public var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("description", .string(description)),
            ("result", .string(result.rawValue)),
            ("flags", .array(flags.map { .string($0) })),
            ("specRefs", .array(specRefs.map { .string($0) })),
            ("input", .string(Hex.encode(input))),
        ]
        if let p = profiles { o.append(("profiles", .array(p.map { .string($0) }))) }
        if let c = codePoints { o.append(("codePoints", .object(c.map { ($0.0, .int($0.1)) }))) }
        if !keys.isEmpty { o.append(("keys", .object(keys.map { ($0.0, .string(Hex.encode($0.1))) }))) }
        var e: [(String, JSONValue)] = []
        if result == .invalid {
            e.append(("errorCodes", .array(expected.errorCodes.map { .string($0) })))
        } else {
            if let d = expected.decoded { e.append(("decoded", d)) }
            e.append(("findings", .array(expected.findings.map { .string($0) })))
        }
        if !expected.absentFindings.isEmpty {
            e.append(("absentFindings", .array(expected.absentFindings.map { .string($0) })))
        }
        o.append(("expected", .object(e)))
        return .object(o)
    }
}

/// Who wrote a file.
public struct GeneratorInfo: Sendable, Hashable {
    public var name: String
    public var version: String
    public var seed: UInt64

    public init(name: String, version: String, seed: UInt64) {
        self.name = name
        self.version = version
        self.seed = seed
    }
}

/// A vector file: `{"format", "schemaVersion", "generator", "codePoints",
/// "notes", "vectors"}` (see `Vectors/README.md` and
/// `Vectors/schema/vectors.schema.json`).
public struct VectorFile: Sendable {
    public static let schemaVersion = 1

    /// Codec name: `mikey`, `cms`, `smime` today; `sdp`, `resource-lists`, `sip-body` later.
    public var format: String
    public var generator: GeneratorInfo
    /// The code-point profile the vectors were built with (codec-specific keys).
    public var codePoints: [(String, Int)]
    /// Flag → what it means.
    public var notes: [(String, String)]
    public var vectors: [TestVector]

    public init(format: String, generator: GeneratorInfo, codePoints: [(String, Int)], notes: [(String, String)], vectors: [TestVector]) {
        self.format = format
        self.generator = generator
        self.codePoints = codePoints
        self.notes = notes
        self.vectors = vectors
    }

    public var json: JSONValue {
        .object([
            ("format", .string(format)),
            ("schemaVersion", .int(Self.schemaVersion)),
            ("generator", .object([
                ("name", .string(generator.name)),
                ("version", .string(generator.version)),
                ("seed", .int(Int(bitPattern: UInt(generator.seed)))),
            ])),
            ("codePoints", .object(codePoints.map { ($0.0, .int($0.1)) })),
            ("notes", .object(notes.map { ($0.0, .string($0.1)) })),
            ("numberOfVectors", .int(vectors.count)),
            ("vectors", .array(vectors.map(\.json))),
        ])
    }

    /// The exact bytes written to disk: pretty JSON ending in a newline.
    public var serialized: String { json.serialized() + "\n" }
}

/// A vector file that does not follow the format.
public struct VectorFormatError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

extension VectorFile {
    /// Parses and checks the structure of a vector file.
    public static func parse(_ text: String) throws(VectorFormatError) -> VectorFile {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch {
            throw VectorFormatError(path: "", message: "not JSON: \(error.message) at byte \(error.offset)")
        }
        return try parse(root)
    }

    public static func parse(_ root: JSONValue) throws(VectorFormatError) -> VectorFile {
        func fail(_ p: String, _ m: String) -> VectorFormatError { VectorFormatError(path: p, message: m) }
        guard case .object = root else { throw fail("", "top level must be an object") }
        guard let format = root["format"]?.stringValue else { throw fail("format", "missing string") }
        guard root["schemaVersion"]?.intValue == schemaVersion else { throw fail("schemaVersion", "must be \(schemaVersion)") }
        let g = root["generator"]
        let generator = GeneratorInfo(
            name: g?["name"]?.stringValue ?? "",
            version: g?["version"]?.stringValue ?? "",
            seed: UInt64(bitPattern: Int64(g?["seed"]?.intValue ?? 0))
        )
        let codePoints = try intObject(root["codePoints"], path: "codePoints") ?? []
        var notes: [(String, String)] = []
        if let n = root["notes"]?.objectValue {
            for (k, v) in n {
                guard let s = v.stringValue else { throw fail("notes.\(k)", "must be a string") }
                notes.append((k, s))
            }
        }
        guard let items = root["vectors"]?.arrayValue else { throw fail("vectors", "missing array") }
        var vectors: [TestVector] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            let v = try parseVector(item, path: "vectors[\(i)]")
            guard seen.insert(v.id).inserted else { throw fail("vectors[\(i)].id", "duplicate id \(v.id)") }
            vectors.append(v)
        }
        if let n = root["numberOfVectors"]?.intValue, n != vectors.count {
            throw fail("numberOfVectors", "says \(n), file has \(vectors.count)")
        }
        return VectorFile(format: format, generator: generator, codePoints: codePoints, notes: notes, vectors: vectors)
    }

    static func intObject(_ v: JSONValue?, path: String) throws(VectorFormatError) -> [(String, Int)]? {
        guard let v else { return nil }
        guard let o = v.objectValue else { throw VectorFormatError(path: path, message: "must be an object") }
        var out: [(String, Int)] = []
        for (k, x) in o {
            guard let i = x.intValue else { throw VectorFormatError(path: "\(path).\(k)", message: "must be an integer") }
            out.append((k, i))
        }
        return out
    }

    static func strings(_ v: JSONValue?, path: String) throws(VectorFormatError) -> [String]? {
        guard let v else { return nil }
        guard let a = v.arrayValue else { throw VectorFormatError(path: path, message: "must be an array of strings") }
        var out: [String] = []
        for (i, x) in a.enumerated() {
            guard let s = x.stringValue else { throw VectorFormatError(path: "\(path)[\(i)]", message: "must be a string") }
            out.append(s)
        }
        return out
    }

    static func parseVector(_ v: JSONValue, path: String) throws(VectorFormatError) -> TestVector {
        func fail(_ f: String, _ m: String) -> VectorFormatError { VectorFormatError(path: "\(path).\(f)", message: m) }
        guard let id = v["id"]?.stringValue, !id.isEmpty else { throw fail("id", "missing string") }
        let p = "\(path) (\(id))"
        func failID(_ f: String, _ m: String) -> VectorFormatError { VectorFormatError(path: "\(p).\(f)", message: m) }
        guard let r = v["result"]?.stringValue, let result = VectorResult(rawValue: r) else {
            throw failID("result", "must be valid, acceptable or invalid")
        }
        guard let hex = v["input"]?.stringValue, let input = Hex.decode(hex) else { throw failID("input", "must be a hex string") }
        var keys: [(String, [UInt8])] = []
        if let k = v["keys"] {
            guard let o = k.objectValue else { throw failID("keys", "must be an object") }
            for (name, val) in o {
                guard let s = val.stringValue, let b = Hex.decode(s) else { throw failID("keys.\(name)", "must be a hex string") }
                keys.append((name, b))
            }
        }
        let e = v["expected"]
        guard e?.objectValue != nil else { throw failID("expected", "missing object") }
        let expectation = VectorExpectation(
            errorCodes: try strings(e?["errorCodes"], path: "\(p).expected.errorCodes") ?? [],
            decoded: e?["decoded"],
            findings: try strings(e?["findings"], path: "\(p).expected.findings") ?? [],
            absentFindings: try strings(e?["absentFindings"], path: "\(p).expected.absentFindings") ?? []
        )
        if result == .invalid && expectation.errorCodes.isEmpty {
            throw failID("expected.errorCodes", "an invalid vector names at least one error code")
        }
        return TestVector(
            id: id,
            description: v["description"]?.stringValue ?? "",
            result: result,
            flags: try strings(v["flags"], path: "\(p).flags") ?? [],
            specRefs: try strings(v["specRefs"], path: "\(p).specRefs") ?? [],
            input: input,
            profiles: try strings(v["profiles"], path: "\(p).profiles"),
            codePoints: try intObject(v["codePoints"], path: "\(p).codePoints"),
            keys: keys,
            expected: expectation
        )
    }
}
