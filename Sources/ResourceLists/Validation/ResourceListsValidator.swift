import MediasecCore

/// Runs the hardened decoder and then every rule of the enabled profiles
/// (``ResourceListsRules``), optionally cross-checked by libxml2's XML
/// Schema validator.
///
/// Positions: a finding's `offset` is the byte offset of the element's `<`
/// or of the attribute's name when known (nil otherwise), and its message
/// starts with the 1-based `line:column` of that place (column in Unicode
/// scalars). Paths are structural (``ResourceListsPath``).
public struct ResourceListsValidator: Sendable {
    public var options: ResourceListsValidationOptions

    public static let defaultProfiles: Set<ResourceListsProfileName> = [.rfc4826, .rfc5364]

    public init(options: ResourceListsValidationOptions = ResourceListsValidationOptions()) {
        self.options = options
    }

    public func validate(_ bytes: [UInt8]) -> ResourceListsValidationReport {
        let profiles = options.profiles ?? Self.defaultProfiles
        let decoder = ResourceListsDecoder(limits: options.limits)
        var schema: CompiledSchema?
        var schemaProblem: String?
        if let set = options.xsdCrossCheck {
            switch LibXML2.schema(set) {
            case .success(let s): schema = s
            case .failure(let f): schemaProblem = f.diagnostics.map(\.message).joined(separator: "; ")
            }
        }
        let outcome = decoder.decode(bytes, schema: schema, rejectDoctype: true)
        guard let decoded = outcome.decoded else {
            return ResourceListsValidationReport(decoded: nil, findings: outcome.findings, profiles: profiles, xsdValid: nil, xsdSchemaSet: options.xsdCrossCheck)
        }
        let run = Self.run(decoded, enabled: profiles, maxFindingsPerRule: options.limits.maxFindingsPerRule)
        var report = report(decoded, run, profiles: profiles)
        if let set = options.xsdCrossCheck {
            report.xsdSchemaSet = set
            report.xsdValid = decoded.schemaValid
            report.findings += crossCheck(decoded, run, profiles: profiles, schemaProblem: schemaProblem)
        }
        return report
    }

    /// Validates an already decoded document (no XSD cross-check: libxml2's
    /// tree is gone by then).
    public func validate(_ decoded: DecodedResourceLists) -> ResourceListsValidationReport {
        let profiles = options.profiles ?? Self.defaultProfiles
        return report(decoded, Self.run(decoded, enabled: profiles, maxFindingsPerRule: options.limits.maxFindingsPerRule), profiles: profiles)
    }

    /// The decoder's warnings and the findings of the enabled profiles.
    private func report(_ decoded: DecodedResourceLists, _ run: FindingSink, profiles: Set<ResourceListsProfileName>) -> ResourceListsValidationReport {
        func enabled(_ rule: ResourceListsRule) -> Bool { rule.profile.map(profiles.contains) ?? true }
        var findings = decoded.warnings + run.findings.filter { f in
            ResourceListsRules.rule(code: f.code).map(enabled) ?? true
        }
        if let f = run.suppressedFinding(include: enabled) { findings.append(f) }
        return ResourceListsValidationReport(decoded: decoded, findings: findings, profiles: profiles, xsdValid: nil, xsdSchemaSet: nil)
    }

    /// Runs every rule of every profile; `enabled` only decides choices
    /// between rules (the anonymous-URI exemption).
    static func run(_ decoded: DecodedResourceLists, enabled: Set<ResourceListsProfileName>,
                    maxFindingsPerRule: Int = ResourceListsLimits.default.maxFindingsPerRule) -> FindingSink {
        var v = ValidationRun(decoded: decoded, enabled: enabled,
                              sink: FindingSink(profiles: Set(ResourceListsProfileName.allCases), positions: decoded.table,
                                                maxPerRule: maxFindingsPerRule))
        v.checkDeclaration()
        v.walkDocument()
        v.checkCopyControl()
        v.checkRequestContained()
        return v.sink
    }
}
