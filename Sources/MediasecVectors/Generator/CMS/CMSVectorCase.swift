import MediasecCore
import MIKEY
import CMS

/// The key a CMS / S/MIME vector hands to the validator (written into the
/// vector's `keys`: `cek`, `kek` and `kek-id`, or the MIKEY key names).
enum CMSVectorKey {
    case none
    case cek([UInt8])
    case kek([UInt8], id: [UInt8]?)
    case mikey(MIKEYKeys)

    var pairs: [(String, [UInt8])] {
        switch self {
        case .none: return []
        case .cek(let k): return [("cek", k)]
        case .kek(let k, let id): return [("kek", k)] + (id.map { [("kek-id", $0)] } ?? [])
        case .mikey(let m): return m.orderedPairs
        }
    }

    var source: CMSKeySource? {
        switch self {
        case .none: return nil
        case .cek(let k): return .cek(k)
        case .kek(let k, let id): return .kek(k, keyIdentifier: id)
        case .mikey(let m): return .mikey(m)
        }
    }
}

/// What one CMS or S/MIME vector is built from and what the spec says
/// about it (as ``VectorCase`` for MIKEY: the expectation is written by the
/// case author from the cited clause, never read back from the validator).
struct CMSVectorCase {
    var bytes: [UInt8]
    var result: VectorResult
    /// invalid: every error code that fires outside the nested MIKEY report
    /// (the self-check requires the set to be exact).
    var errors: [String] = []
    /// valid/acceptable: warnings (acceptable: exactly these) and infos that must appear.
    var findings: [String] = []
    var key: CMSVectorKey = .none
    /// Validation profiles; nil = automatic.
    var profiles: [CMSProfileName]? = nil
    /// The encoding rules (`--rules`): written into `profiles` as `ber` when not DER.
    var ber = false
    /// A subset of the decoded tree the vector pins (valid/acceptable).
    var decoded: JSONValue? = nil

    static func valid(_ b: [UInt8], infos: [String] = []) -> CMSVectorCase {
        CMSVectorCase(bytes: b, result: .valid, findings: infos)
    }

    static func acceptable(_ b: [UInt8], _ warnings: [String], infos: [String] = []) -> CMSVectorCase {
        CMSVectorCase(bytes: b, result: .acceptable, findings: warnings + infos)
    }

    static func invalid(_ b: [UInt8], _ errors: [String]) -> CMSVectorCase {
        CMSVectorCase(bytes: b, result: .invalid, errors: errors)
    }

    func key(_ k: CMSVectorKey) -> CMSVectorCase {
        var c = self
        c.key = k
        return c
    }

    func profiles(_ p: [CMSProfileName]) -> CMSVectorCase {
        var c = self
        c.profiles = p
        return c
    }

    func underBER(_ on: Bool = true) -> CMSVectorCase {
        var c = self
        c.ber = on
        return c
    }

    func pinning(_ d: JSONValue) -> CMSVectorCase {
        var c = self
        c.decoded = d
        return c
    }

    /// The vector's `profiles` entry: profile names, then `ber` when the BER rules apply.
    var profileStrings: [String]? {
        let names = (profiles ?? []).map(\.rawValue) + (ber ? ["ber"] : [])
        return names.isEmpty ? nil : names
    }
}

/// Rule codes as strings, for the areas' brevity.
extension CMSRule { var c: String { code } }
extension SMIMERule { var c: String { code } }
extension DERDeviation { var c: String { code } }
