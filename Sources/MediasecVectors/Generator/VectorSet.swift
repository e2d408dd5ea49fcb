import MediasecCore
import MIKEY

/// A generated vector together with what the generator knew when building
/// it (used by the precondition table and the self-check).
struct GeneratedVector {
    var vector: TestVector
    var model: MIKEYMessage?
    var codePoints: CodePointProfile
    var activeProfiles: Set<MIKEYProfileName>?
}

/// Failure to build a vector: a bug in the generator, reported loudly.
struct GenerationError: Error, CustomStringConvertible {
    var description: String
}

/// Collects the vectors of one file (`Vectors/mikey/<area>.json`).
final class VectorSet {
    let area: String
    let seed: UInt64
    private(set) var vectors: [GeneratedVector] = []
    private(set) var errors: [String] = []

    init(area: String, seed: UInt64) {
        self.area = area
        self.seed = seed
    }

    /// Adds one vector. `name` is appended to `mikey::<area>::`; `build`
    /// gets a fixture generator seeded from the seed and the full id.
    func add(_ name: String, _ description: String, refs: [String], flags: [String] = [], _ build: (Fixtures) throws -> VectorCase) {
        let id = "mikey::\(area)::\(name)"
        let g = Fixtures(rng: SeededRandom(seed: seed, stream: id))
        do {
            let c = try build(g)
            vectors.append(try finish(id: id, description: description, refs: refs, flags: flags, c))
        } catch {
            errors.append("\(id): \(error)")
        }
    }

    private func finish(id: String, description: String, refs: [String], flags: [String], _ c: VectorCase) throws -> GeneratedVector {
        guard !refs.isEmpty else { throw GenerationError(description: "no specRefs") }
        guard Set(refs).count == refs.count, Set(flags).count == flags.count else { throw GenerationError(description: "duplicate specRef or flag") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || ":.-".contains($0)) }) else { throw GenerationError(description: "id must be [a-z0-9:.-]") }
        for f in flags where VectorNotes.text(f) == nil { throw GenerationError(description: "flag \(f) has no note") }
        var cp = CodePointProfile.default
        for (k, v) in c.codePoints ?? [] { try cp.apply(setting: "\(k)=\(v)") }
        let input: [UInt8]
        if let b = c.bytes {
            input = b
        } else if let m = c.message {
            if let k = c.buildKeys {
                input = try MIKEYMessageBuilder.protect(m, keys: k, profile: cp)
            } else {
                input = try m.encoded()
            }
        } else {
            throw GenerationError(description: "neither bytes nor message")
        }
        try c.check?(input)
        var expectation = VectorExpectation()
        var active: Set<MIKEYProfileName>? = nil
        switch c.result {
        case .invalid:
            guard !c.errors.isEmpty else { throw GenerationError(description: "invalid vector without error codes") }
            expectation.errorCodes = c.errors
        case .valid, .acceptable:
            expectation.findings = c.findings
            // A decodable case built from bytes has no model: decode the bytes
            // only to learn which payloads exist (for preconditions), never to
            // learn an outcome.
            let model = c.message ?? (try? MIKEYDecoder(profile: cp).decode(input).message)
            if let m = model {
                let profiles = c.profiles.map(Set.init) ?? MIKEYValidator.applicableProfiles(for: m, codePoints: cp)
                active = profiles
                if c.includeDecoded && c.bytes == nil {
                    expectation.decoded = ExpectedTree.tree(for: m, protected: c.buildKeys != nil, profile: cp)
                }
                let fires = Set(c.findings)
                expectation.absentFindings = RulePreconditions.applicable(message: m, profiles: profiles, keys: c.keys, codePoints: cp)
                    .map(\.code).filter { !fires.contains($0) }
            }
        }
        let v = TestVector(
            id: id, description: description, result: c.result, flags: flags, specRefs: refs, input: input,
            profiles: c.profiles?.map(\.rawValue), codePoints: c.codePoints, keys: c.keys.orderedPairs, expected: expectation
        )
        return GeneratedVector(vector: v, model: c.message, codePoints: cp, activeProfiles: active)
    }
}

/// The expected `decoded` subset of a valid vector: the JSON tree of the
/// model the generator built (``MIKEYJSON/tree(_:headerRange:spans:profile:)``
/// without offsets). For protected messages the fields computed by the
/// builder (ciphertext, MACs) are left out: the model holds the plaintext.
enum ExpectedTree {
    static func tree(for m: MIKEYMessage, protected: Bool, profile: CodePointProfile) -> JSONValue {
        let t = compact(MIKEYJSON.tree(m, profile: profile))
        return protected ? prune(t) : t
    }

    /// Keys derived from other keys (registry names, encodings) and long
    /// byte strings (> 96 hex digits, which `input` already pins) are left
    /// out to keep the files readable; everything on the wire stays.
    static let derivedKeys: Set<String> = ["dataTypeName", "protTypeName", "typeName", "errName", "idDataEncoding"]

    static func compact(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            return .object(o.compactMap { k, x in
                if derivedKeys.contains(k) { return nil }
                if case .string(let s) = x, s.count > 96 { return nil }
                return (k, compact(x))
            })
        case .array(let a):
            return .array(a.map(compact))
        default:
            return v
        }
    }

    static func prune(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            let encrypted = o.contains { $0.0 == "encrAlg" && $0.1 != .int(0) }
            return .object(o.compactMap { k, x in
                if k == "mac" || k == "verData" { return nil }
                if encrypted && (k == "encrData" || k == "encrDataLen" || k == "keyData") { return nil }
                return (k, prune(x))
            })
        case .array(let a):
            return .array(a.map(prune))
        default:
            return v
        }
    }
}
