import MediasecCore
import ResourceLists

/// Runs resource-lists vectors (format `resource-lists`) through
/// ``ResourceListsValidator`` (the hardened decoder, then the rules).
///
/// `profiles` holds, in any order:
/// - validation profiles (``ResourceListsProfileName``: `rfc4826`,
///   `rfc5364`, `rfc5366`); none named = the validator's default
///   (`rfc4826` + `rfc5364`);
/// - `xsd-iana` or `xsd-rfc4826-printed`: also run the XSD cross-check
///   against that schema set (``XSDSchemaSet``);
/// - `tight-limits`: decode under ``tightLimits`` instead of the default
///   ``ResourceListsLimits`` (so the byte and element limits can be hit by
///   a small input).
///
/// `keys` and `codePoints` are not used by this format.
public struct ResourceListsVectorCodec: VectorCodec {
    public let format = "resource-lists"
    public init() {}

    /// Profile names selecting the XSD cross-check.
    public static let xsdProfiles: [(name: String, set: XSDSchemaSet)] = [("xsd-iana", .iana), ("xsd-rfc4826-printed", .rfc4826Printed)]
    public static let tightLimitsName = "tight-limits"

    /// The `tight-limits` profile: a 4 KiB input, depth 16, 64 elements,
    /// 8 attributes per element, 8 libxml2 diagnostics.
    public static let tightLimits = ResourceListsLimits(maxBytes: 4096, maxDepth: 16, maxElements: 64, maxAttributesPerElement: 8, maxDiagnostics: 8)

    public func options(for vector: TestVector) -> Result<ResourceListsValidationOptions, VectorFormatError> {
        var profiles: Set<ResourceListsProfileName> = []
        var xsd: XSDSchemaSet?
        var limits = ResourceListsLimits.default
        for n in vector.profiles ?? [] {
            if let p = ResourceListsProfileName(rawValue: n) {
                profiles.insert(p)
            } else if let s = Self.xsdProfiles.first(where: { $0.name == n }) {
                guard xsd == nil else { return .failure(VectorFormatError(path: "profiles", message: "at most one xsd-* cross-check")) }
                xsd = s.set
            } else if n == Self.tightLimitsName {
                limits = Self.tightLimits
            } else {
                return .failure(VectorFormatError(path: "profiles", message: "unknown profile \(n)"))
            }
        }
        if let k = vector.keys.first { return .failure(VectorFormatError(path: "keys.\(k.0)", message: "resource-lists vectors take no keys")) }
        return .success(ResourceListsValidationOptions(profiles: profiles.isEmpty ? nil : profiles, limits: limits, xsdCrossCheck: xsd))
    }

    public func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome {
        let options: ResourceListsValidationOptions
        switch self.options(for: vector) {
        case .success(let o): options = o
        case .failure(let e): return .setup(e.description)
        }
        let report = ResourceListsValidator(options: options).validate(vector.input)
        guard let decoded = report.decoded else {
            let first = report.findings.first { $0.severity == .error }
            let error = first.map { DecodingError(code: $0.code, offset: $0.offset ?? 0, path: $0.path, specRef: $0.specRef, message: $0.message) }
            return VectorOutcome(findings: report.findings, decoded: nil, decodingError: error)
        }
        return VectorOutcome(findings: report.findings, decoded: ResourceListsJSON.tree(decoded))
    }
}
