import MediasecCore
import MIKEY
import CMS

/// Runs CMS vectors (format `cms`) through ``CMSDecoder`` and
/// ``CMSValidator``, and S/MIME vectors (format `smime`) through
/// ``SMIMEValidator``.
///
/// - `profiles`: names of ``CMSProfileName``, plus optionally the encoding
///   rules `der` or `ber` (absent: `der`, as `mediasec validate`); no
///   profile name = the validator's automatic choice.
/// - `keys`: `cek`; or `kek` with optional `kek-id`; or the MIKEY names
///   (``MIKEYKeys/knownNames``) of an id-ori-mikey TRANSFER_INIT.
/// - `codePoints`: the MIKEY code-point keys (``CodePointProfile``); the
///   id-ori-mikey OID is the FACTS.md §1 default.
public struct CMSVectorCodec: VectorCodec {
    public let format: String

    public init(format: String = "cms") { self.format = format }

    public static let ruleNames = ["der", "ber"]

    public func options(for vector: TestVector, in file: VectorFile) -> Result<CMSValidationOptions, VectorFormatError> {
        var cp = CMSCodePoints.default
        for (k, v) in file.codePoints + (vector.codePoints ?? []) {
            do { try cp.apply(setting: "\(k)=\(v)") } catch {
                return .failure(VectorFormatError(path: "codePoints.\(k)", message: error.message))
            }
        }
        var profiles: Set<CMSProfileName> = []
        var rules = EncodingRules.der
        for n in vector.profiles ?? [] {
            if let p = CMSProfileName(rawValue: n) {
                profiles.insert(p)
            } else if Self.ruleNames.contains(n) {
                rules = n == "ber" ? .ber : .der
            } else {
                return .failure(VectorFormatError(path: "profiles", message: "unknown profile or rules \(n)"))
            }
        }
        var cek: [UInt8]? = nil, kek: [UInt8]? = nil, kid: [UInt8]? = nil
        var mikey = MIKEYKeys()
        for (name, value) in vector.keys {
            switch name {
            case "cek": cek = value
            case "kek": kek = value
            case "kek-id": kid = value
            default:
                guard MIKEYKeys.knownNames.contains(name) else { return .failure(VectorFormatError(path: "keys.\(name)", message: "unknown key name")) }
                mikey.values[name] = value
            }
        }
        let key: CMSKeySource?
        switch (cek, kek, mikey.isEmpty) {
        case (nil, nil, true): key = nil
        case (let c?, nil, true): key = .cek(c)
        case (nil, let k?, true): key = .kek(k, keyIdentifier: kid)
        case (nil, nil, false): key = .mikey(mikey)
        default: return .failure(VectorFormatError(path: "keys", message: "give one key source: cek, kek (+ kek-id) or MIKEY keys"))
        }
        if kid != nil && kek == nil { return .failure(VectorFormatError(path: "keys.kek-id", message: "kek-id without kek")) }
        return .success(CMSValidationOptions(profiles: profiles.isEmpty ? nil : profiles, encodingRules: rules, codePoints: cp, key: key))
    }

    public func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome {
        let options: CMSValidationOptions
        switch self.options(for: vector, in: file) {
        case .success(let o): options = o
        case .failure(let e): return .setup(e.description)
        }
        if format == "smime" {
            let r = SMIMEValidator(options: SMIMEValidationOptions(cms: options)).validate(vector.input)
            return VectorOutcome(findings: r.findings, decoded: SMIMEJSON.tree(r, codePoints: options.codePoints))
        }
        let decoded: DecodedContentInfo
        do {
            decoded = try CMSDecoder(rules: options.encodingRules, codePoints: options.codePoints).decode(vector.input)
        } catch {
            return VectorOutcome(findings: [error.finding], decoded: nil, decodingError: error)
        }
        let r = CMSValidator(options: options).validate(decoded)
        return VectorOutcome(findings: r.findings, decoded: r.decodedTree(codePoints: options.codePoints))
    }
}
