import MediasecCore
import ResourceLists

/// What one resource-lists vector is built from and what the spec says
/// about it (as ``CMSVectorCase``: the expectation is written by the case
/// author from the cited clause, never read back from the validator).
struct ResourceListsVectorCase {
    var bytes: [UInt8]
    var result: VectorResult
    /// invalid: every error code that fires (the self-check requires the set to be exact).
    var errors: [String] = []
    /// valid/acceptable: warnings (acceptable: exactly these) and infos that must appear.
    var findings: [String] = []
    /// Validation profiles; nil = the default (rfc4826 + rfc5364).
    var profiles: [ResourceListsProfileName]? = nil
    /// The XSD cross-check to run, if any (`xsd-iana`, `xsd-rfc4826-printed`).
    var xsd: XSDSchemaSet? = nil
    /// Decode under ``ResourceListsVectorCodec/tightLimits``.
    var tightLimits = false
    /// A subset of the decoded tree the vector pins (valid/acceptable).
    var decoded: JSONValue? = nil
    /// invalid: codes stated not to fire even though the document is rejected
    /// (e.g. `resource-lists.xsd.disagreement` when libxml2 agrees).
    var absent: [String] = []

    static func valid(_ text: String, infos: [String] = []) -> ResourceListsVectorCase {
        ResourceListsVectorCase(bytes: Array(text.utf8), result: .valid, findings: infos)
    }

    static func acceptable(_ text: String, _ warnings: [String], infos: [String] = []) -> ResourceListsVectorCase {
        ResourceListsVectorCase(bytes: Array(text.utf8), result: .acceptable, findings: warnings + infos)
    }

    static func invalid(_ text: String, _ errors: [String]) -> ResourceListsVectorCase {
        invalid(bytes: Array(text.utf8), errors)
    }

    static func invalid(bytes: [UInt8], _ errors: [String]) -> ResourceListsVectorCase {
        ResourceListsVectorCase(bytes: bytes, result: .invalid, errors: errors)
    }

    func profiles(_ p: [ResourceListsProfileName]) -> ResourceListsVectorCase {
        var c = self
        c.profiles = p
        return c
    }

    /// The request-contained profile set: RFC 4826 + RFC 5364 + RFC 5366.
    func requestContained() -> ResourceListsVectorCase { profiles([.rfc4826, .rfc5364, .rfc5366]) }

    func crossChecked(_ set: XSDSchemaSet) -> ResourceListsVectorCase {
        var c = self
        c.xsd = set
        return c
    }

    func tight() -> ResourceListsVectorCase {
        var c = self
        c.tightLimits = true
        return c
    }

    func pinning(_ d: JSONValue) -> ResourceListsVectorCase {
        var c = self
        c.decoded = d
        return c
    }

    func stating(absent codes: [String]) -> ResourceListsVectorCase {
        var c = self
        c.absent = codes
        return c
    }

    /// The vector's `profiles` entry (see ``ResourceListsVectorCodec``).
    var profileStrings: [String]? {
        var names = (profiles ?? []).map(\.rawValue)
        if let x = xsd, let n = ResourceListsVectorCodec.xsdProfiles.first(where: { $0.set == x })?.name { names.append(n) }
        if tightLimits { names.append(ResourceListsVectorCodec.tightLimitsName) }
        return names.isEmpty ? nil : names
    }

    /// The profiles the validator runs.
    var effectiveProfiles: Set<ResourceListsProfileName> {
        profiles.map(Set.init) ?? [.rfc4826, .rfc5364]
    }
}

/// Rule codes as strings, for the areas' brevity.
extension ResourceListsRule { var c: String { code } }
