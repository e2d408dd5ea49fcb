/// RFC 3966 §3 telephone-uri, checked for the shape a recipient list needs.
enum TelURI {
    /// nil when valid, else the problem.
    static func problem(_ s: String) -> String? {
        guard SIPURI.scheme(of: s) == "tel", let colon = s.firstIndex(of: ":") else { return "not a tel: URI" }
        let body = s[s.index(after: colon)...]
        var pieces = body.split(separator: ";", omittingEmptySubsequences: false)
        let number = pieces.removeFirst()
        let visual: (UInt8) -> Bool = { "-.()".utf8.contains($0) }
        var names: [String] = []
        for p in pieces {
            let name = p.firstIndex(of: "=").map { p[..<$0] } ?? p
            let value = p.firstIndex(of: "=").map { p[p.index(after: $0)...] }
            guard !name.isEmpty, name.utf8.allSatisfy({ URISyntax.isAlpha($0) || URISyntax.isDigit($0) || $0 == 0x2D }) else { return "a parameter name is empty or not alphanumeric" }
            if let value, value.isEmpty || !SIPURI.allEscapedOr(value, { SIPURI.paramChar($0) }) { return "a parameter value is empty or has a character that must be %-escaped" }
            names.append(name.lowercased())
        }
        if number.first == "+" {
            let digits = number.dropFirst()
            guard digits.utf8.contains(where: URISyntax.isDigit), digits.utf8.allSatisfy({ URISyntax.isDigit($0) || visual($0) }) else {
                return "a global number is \"+\" followed by digits and visual separators"
            }
        } else {
            guard number.utf8.contains(where: { URISyntax.isHex($0) || $0 == 0x2A || $0 == 0x23 }),
                  number.utf8.allSatisfy({ URISyntax.isHex($0) || $0 == 0x2A || $0 == 0x23 || visual($0) }) else {
                return "a local number is hex digits, *, # and visual separators"
            }
            guard names.contains("phone-context") else { return "a local number needs a phone-context parameter" }
        }
        return nil
    }

    /// RFC 3966 §4 comparison form: visual separators removed, lowercase.
    static func canonical(_ s: String) -> String {
        s.lowercased().filter { !"-.()".contains($0) }
    }
}
