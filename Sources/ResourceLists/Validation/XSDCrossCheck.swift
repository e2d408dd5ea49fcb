import MediasecCore

/// The XSD cross-check: libxml2's XML Schema verdict next to the suite's.
///
/// The suite's *schema-level* verdict is "no error from a rule marked
/// ``ResourceListsRule/xsdExpressible``", computed with every profile on
/// (the compiled schema always includes the copy-control schema). When it
/// differs from libxml2's, a `resource-lists.xsd.disagreement` warning
/// names both sides: one of them has a bug, or (with
/// ``XSDSchemaSet/rfc4826Printed``) the schemas differ. libxml2's own
/// diagnostics are reported as `resource-lists.xsd.error` (info). When the
/// XSD accepts a document that the suite rejects only through prose rules
/// (uniqueness, URI grammar, …), `resource-lists.xsd.prose-only` says so.
extension ResourceListsValidator {
    func crossCheck(_ decoded: DecodedResourceLists, _ run: FindingSink, profiles: Set<ResourceListsProfileName>, schemaProblem: String?) -> [Finding] {
        var sink = FindingSink(profiles: Set(ResourceListsProfileName.allCases), positions: decoded.table)
        guard let xsdValid = decoded.schemaValid else {
            sink.add(ResourceListsRules.xsdUnavailable, ResourceListsPath.root,
                     "the XSD cross-check did not run" + (schemaProblem.map { ": \($0)" } ?? ""))
            return sink.findings
        }
        var out = decoded.schemaFindings
        let all = run.findings
        let schemaErrors = all.filter { f in f.severity == .error && ResourceListsRules.rule(code: f.code)?.xsdExpressible == true }
        let suiteValid = schemaErrors.isEmpty
        if suiteValid != xsdValid {
            let suite = suiteValid ? "no schema-level error" : "schema-level errors " + Set(schemaErrors.map(\.code)).sorted().joined(separator: ", ")
            let xsd = xsdValid ? "valid" : "invalid (" + decoded.schemaFindings.prefix(3).map { $0.message }.joined(separator: " | ") + ")"
            sink.add(ResourceListsRules.xsdDisagreement, schemaErrors.first?.path ?? decoded.schemaFindings.first?.path ?? ResourceListsPath.root,
                     "libxml2 XSD (\(options.xsdCrossCheck?.rawValue ?? "?")) says \(xsd); the suite finds \(suite)")
        }
        let enabledErrors = all.filter { f in
            guard f.severity == .error, let rule = ResourceListsRules.rule(code: f.code) else { return false }
            return !rule.xsdExpressible && (rule.profile.map(profiles.contains) ?? false)
        }
        if xsdValid, suiteValid, !enabledErrors.isEmpty {
            sink.add(ResourceListsRules.xsdProseOnly, ResourceListsPath.root,
                     "the XSD accepts the document; its errors come from prose-only rules: " + Set(enabledErrors.map(\.code)).sorted().joined(separator: ", "))
        }
        out += sink.findings
        return out
    }
}
