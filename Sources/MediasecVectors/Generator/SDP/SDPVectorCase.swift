import MediasecCore
import SDP

/// What one SDP vector is built from and what the spec says about it (as
/// ``VectorCase`` for MIKEY: the expectation is written by the case author
/// from the cited clause, never read back from the validator).
struct SDPVectorCase {
    var bytes: [UInt8]
    var result: VectorResult
    /// invalid: every error code that fires (the self-check requires the set to be exact).
    var errors: [String] = []
    /// valid/acceptable: warnings (acceptable: exactly these) and infos that must appear.
    var findings: [String] = []
    /// Validation profiles; nil = automatic.
    var profiles: [SDPProfileName]? = nil
    /// `role-offer|answer`; nil = unknown.
    var role: SDPRole? = nil
    /// Ambiguity choices and limits as codec entries (`kdr-abnf`, `max-lines=16`).
    var options: [String] = []
    /// The input is `offer ‖ 0x00 ‖ answer` (codec entry `offer-answer`).
    var pair = false
    /// A subset of the decoded tree the vector pins (valid/acceptable).
    var decoded: JSONValue? = nil

    static func valid(_ b: [UInt8], infos: [String] = []) -> SDPVectorCase {
        SDPVectorCase(bytes: b, result: .valid, findings: infos)
    }

    static func acceptable(_ b: [UInt8], _ warnings: [String], infos: [String] = []) -> SDPVectorCase {
        SDPVectorCase(bytes: b, result: .acceptable, findings: warnings + infos)
    }

    static func invalid(_ b: [UInt8], _ errors: [String]) -> SDPVectorCase {
        SDPVectorCase(bytes: b, result: .invalid, errors: errors)
    }

    /// An offer/answer pair: `offer ‖ NUL ‖ answer` (see ``SDPVectorCodec``).
    static func pairBytes(_ offer: [UInt8], _ answer: [UInt8]) -> [UInt8] {
        offer + [SDPVectorCodec.pairSeparator] + answer
    }

    func role(_ r: SDPRole) -> SDPVectorCase { var c = self; c.role = r; return c }
    func profiles(_ p: [SDPProfileName]) -> SDPVectorCase { var c = self; c.profiles = p; return c }
    func option(_ o: String) -> SDPVectorCase { var c = self; c.options.append(o); return c }
    func asPair() -> SDPVectorCase { var c = self; c.pair = true; return c }
    func pinning(_ d: JSONValue) -> SDPVectorCase { var c = self; c.decoded = d; return c }

    /// The vector's `profiles` entry.
    var profileStrings: [String]? {
        var s = (profiles ?? []).map(\.rawValue)
        if let r = role { s.append("role-\(r.rawValue)") }
        s += options
        if pair { s.append(SDPVectorCodec.offerAnswerEntry) }
        return s.isEmpty ? nil : s
    }
}

/// Rule codes as strings, for the areas' brevity.
extension SDPRule { var c: String { code } }
