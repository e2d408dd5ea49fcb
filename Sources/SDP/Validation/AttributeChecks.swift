import MediasecCore

/// Generic attribute rules: names, decoding errors of typed attributes,
/// single-valued and media-only attributes.
extension SDPValidationRun {
    /// Attributes that may appear once per level.
    static let singleValued: Set<String> = ["setup", "connection", "tls-id", "3ge2ae", "floorctrl", "confid", "userid", "path", "accept-types", "accept-wrapped-types"]
    /// Media-level attributes without a rule of their own for the session level.
    static let mediaOnly: Set<String> = ["tls-id", "path", "accept-types", "accept-wrapped-types", "floorctrl", "confid", "userid", "floorid"]

    mutating func checkAttributes() {
        for level in index.levels {
            var seen: [String: Int] = [:]
            for e in index.attrs(level) {
                let a = e.located.attribute
                let at = lineOffset(e.located.lineIndex) + 2
                func path() -> String { e.located.path }
                if !a.hasTokenName {
                    add(SDPRules.attributeNameSyntax, at: at, path(), "attribute name '\(a.name)' is not a token")
                } else if let known = SDPAttributeRegistry.caseInsensitiveMatch(a.name) {
                    add(SDPRules.attributeNameCase, at: at, path(), "'\(a.name)' is not '\(known)' (names are case-sensitive); not interpreted")
                }
                if let da = e.decoded, case .failure(let err) = da.result { sink.add(err) }
                if Self.singleValued.contains(a.name) {
                    if let first = seen[a.name] {
                        add(SDPRules.attributeDuplicate, at: at, path(), "a second a=\(a.name) at \(level.path) (the first is line \(first + 1))")
                    } else {
                        seen[a.name] = e.located.lineIndex
                    }
                }
                if case .session = level, Self.mediaOnly.contains(a.name) {
                    add(SDPRules.attributeMediaOnly, at: at, path(), "a=\(a.name) is a media-level attribute")
                }
            }
        }
    }
}
