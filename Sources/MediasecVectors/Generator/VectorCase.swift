import MediasecCore
import MIKEY

/// What one generated vector is built from and what the spec says about it.
///
/// The expectation (result, error codes, warnings) is written by the case
/// author from the clause the vector rests on; it is never read back from
/// the validator. The generator's self-check then runs the validator and
/// reports every disagreement.
struct VectorCase {
    /// The message model (absent for byte-level constructions).
    var message: MIKEYMessage?
    /// Explicit input bytes; when nil, `message` is encoded (and protected
    /// when `buildKeys` is set).
    var bytes: [UInt8]?
    /// Keys used to encrypt KEMACs and compute the MAC while building.
    var buildKeys: MIKEYKeys?
    /// Keys handed to the validator (written into the vector).
    var keys: MIKEYKeys = MIKEYKeys()
    var profiles: [MIKEYProfileName]?
    /// Code points differing from the default profile (written per vector).
    var codePoints: [(String, Int)]?
    var result: VectorResult
    /// invalid: every error code that fires (the self-check requires the set
    /// to be exact; the file states them as must-appear).
    var errors: [String] = []
    /// valid/acceptable: warnings (acceptable: exactly these) and infos that must appear.
    var findings: [String] = []
    /// Whether to put the decoded subset into the vector (valid/acceptable).
    var includeDecoded = true
    /// Runs on the final input bytes (e.g. a reference re-computation of
    /// the MAC); a throw stops the generation.
    var check: (([UInt8]) throws -> Void)? = nil

    static func valid(_ m: MIKEYMessage, infos: [MIKEYRule] = []) -> VectorCase {
        VectorCase(message: m, result: .valid, findings: infos.map(\.code))
    }

    static func acceptable(_ m: MIKEYMessage, _ warnings: [MIKEYRule], infos: [MIKEYRule] = []) -> VectorCase {
        VectorCase(message: m, result: .acceptable, findings: (warnings + infos).map(\.code))
    }

    static func invalid(_ m: MIKEYMessage, _ errors: [MIKEYRule]) -> VectorCase {
        VectorCase(message: m, result: .invalid, errors: errors.map(\.code))
    }

    /// Bytes the decoder must reject with `code` (a `MIKEYRules.decodingCodes` entry).
    static func rejected(_ bytes: [UInt8], _ code: String) -> VectorCase {
        VectorCase(bytes: bytes, result: .invalid, errors: [code])
    }

    /// Bytes that decode; the outcome is given by rule codes.
    static func bytes(_ bytes: [UInt8], _ result: VectorResult, errors: [MIKEYRule] = [], findings: [MIKEYRule] = []) -> VectorCase {
        VectorCase(bytes: bytes, result: result, errors: errors.map(\.code), findings: findings.map(\.code))
    }

    func protected(with keys: MIKEYKeys) -> VectorCase {
        var c = self
        c.buildKeys = keys
        return c
    }

    func keys(_ k: MIKEYKeys) -> VectorCase {
        var c = self
        c.keys = k
        return c
    }

    func profiles(_ p: [MIKEYProfileName]) -> VectorCase {
        var c = self
        c.profiles = p
        return c
    }

    func codePoints(_ cp: CodePointProfile) -> VectorCase {
        var c = self
        c.codePoints = MIKEYVectorGenerator.codePointSettings(cp, onlyChangedFrom: .default)
        return c
    }

    func checked(_ f: @escaping ([UInt8]) throws -> Void) -> VectorCase {
        var c = self
        c.check = f
        return c
    }

    func noDecoded() -> VectorCase {
        var c = self
        c.includeDecoded = false
        return c
    }
}

extension MIKEYKeys {
    init(_ pairs: (String, [UInt8])...) {
        var d: [String: [UInt8]] = [:]
        for (k, v) in pairs { d[k] = v }
        self.init(d)
    }

    /// In `knownNames` order, for deterministic output.
    var orderedPairs: [(String, [UInt8])] {
        MIKEYKeys.knownNames.compactMap { n in values[n].map { (n, $0) } }
    }

    func adding(_ name: String, _ value: [UInt8]) -> MIKEYKeys {
        var k = self
        k.values[name] = value
        return k
    }
}
