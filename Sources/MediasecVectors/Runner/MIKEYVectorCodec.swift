import MediasecCore
import MIKEY

/// Runs MIKEY vectors through ``MIKEYValidator`` (decoder + every rule).
///
/// - `profiles`: names of ``MIKEYProfileName``; absent = the validator's
///   automatic choice.
/// - `keys`: names of ``MIKEYKeys/knownNames``.
/// - `codePoints`: keys of ``CodePointProfile/apply(setting:)``
///   (`prot-tls`, `prot-psk-mime`, `prot-app`, `ext-conf`,
///   `ext-proof-of-origin`), file-level first, then the vector's.
public struct MIKEYVectorCodec: VectorCodec {
    public var format: String { "mikey" }

    public init() {}

    public func options(for vector: TestVector, in file: VectorFile) -> Result<MIKEYValidationOptions, VectorFormatError> {
        var cp = CodePointProfile.default
        for (k, v) in file.codePoints + (vector.codePoints ?? []) {
            do { try cp.apply(setting: "\(k)=\(v)") } catch {
                return .failure(VectorFormatError(path: "codePoints.\(k)", message: error.message))
            }
        }
        var profiles: Set<MIKEYProfileName>? = nil
        if let names = vector.profiles {
            var s = Set<MIKEYProfileName>()
            for n in names {
                guard let p = MIKEYProfileName(rawValue: n) else {
                    return .failure(VectorFormatError(path: "profiles", message: "unknown profile \(n)"))
                }
                s.insert(p)
            }
            profiles = s
        }
        var keys = MIKEYKeys()
        for (name, value) in vector.keys {
            guard MIKEYKeys.knownNames.contains(name) else {
                return .failure(VectorFormatError(path: "keys.\(name)", message: "unknown key name"))
            }
            keys.values[name] = value
        }
        return .success(MIKEYValidationOptions(profiles: profiles, codePoints: cp, keys: keys))
    }

    public func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome {
        let options: MIKEYValidationOptions
        switch self.options(for: vector, in: file) {
        case .success(let o): options = o
        case .failure(let e): return .setup(e.description)
        }
        let validator = MIKEYValidator(options: options)
        let decoded: DecodedMIKEYMessage
        do {
            decoded = try MIKEYDecoder(profile: options.codePoints, limits: options.limits).decode(vector.input)
        } catch {
            return VectorOutcome(findings: [error.finding], decoded: nil, decodingError: error)
        }
        let report = validator.validate(decoded)
        return VectorOutcome(findings: report.findings, decoded: MIKEYJSON.tree(decoded, profile: options.codePoints))
    }
}
