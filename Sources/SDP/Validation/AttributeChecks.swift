import MediasecCore

/// Generic attribute rules: names, decoding errors of typed attributes,
/// single-valued and media-only attributes.
extension SDPValidationRun {
    /// Single-valued and media-only attributes are properties of their
    /// index slot (``SDPIndexedName/isSingleValued``, ``SDPIndexedName/isMediaOnly``).
    mutating func checkAttributes() {
        for level in index.levels {
            for e in index.attrs(level) {
                let at = lineOffset(e.located.lineIndex) + 2
                func path() -> String { e.located.path }
                // The attribute's name, read from the entry only when needed.
                func name() -> String { e.located.attribute.name }
                // A name with an index slot is a lowercase token: only other
                // names need the token and case checks.
                if e.slot == nil {
                    let a = e.located.attribute
                    if !a.hasTokenName {
                        add(SDPRules.attributeNameSyntax, at: at, path(), "attribute name '\(a.name)' is not a token")
                    } else if let known = SDPAttributeRegistry.caseInsensitiveMatch(a.name) {
                        add(SDPRules.attributeNameCase, at: at, path(), "'\(a.name)' is not '\(known)' (names are case-sensitive); not interpreted")
                    }
                }
                if let err = e.decodingError { sink.add(err) }
                guard let k = e.slot else { continue }
                // The index keeps the first attribute of each name per level.
                if k.isSingleValued, let first = index.first(k, level), first !== e {
                    add(SDPRules.attributeDuplicate, at: at, path(), "a second a=\(name()) at \(level.path) (the first is line \(first.located.lineIndex + 1))")
                }
                if case .session = level, k.isMediaOnly {
                    add(SDPRules.attributeMediaOnly, at: at, path(), "a=\(name()) is a media-level attribute")
                }
            }
        }
    }
}
