/// Lexical checks of the XML Schema built-in types the schemas use
/// (XML Schema Part 2 §3.2–3.3), written to agree with libxml2 2.9.14's
/// xmlschemastypes (the XSD cross-check compares the two).
enum XSDLexical {
    static func isXSDSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    /// `whiteSpace="collapse"`: trim, and runs of white space become one space.
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: isXSDSpace).joined(separator: " ")
    }

    /// xs:boolean: `true`, `false`, `1`, `0` after collapsing.
    static func boolean(_ s: String) -> Bool? {
        switch collapse(s) {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// True when `s` is an xs:nonNegativeInteger: an optional sign and at
    /// least one digit after collapsing, with value ≥ 0 (so `-0` is valid).
    static func isNonNegativeInteger(_ s: String) -> Bool {
        var u = Substring(collapse(s)).utf8[...]
        var negative = false
        if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            u = u.dropFirst()
        }
        guard !u.isEmpty, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return !negative || u.allSatisfy { $0 == 0x30 }
    }

    /// The value of an xs:nonNegativeInteger when it fits `Int`.
    static func nonNegativeInteger(_ s: String) -> Int? {
        guard isNonNegativeInteger(s) else { return nil }
        var digits = Substring(collapse(s))
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return Int(digits)
    }

    /// xs:language: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*` after collapsing.
    static func isLanguage(_ s: String) -> Bool {
        let parts = collapse(s).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.unicodeScalars.allSatisfy(isASCIILetter) else { return false }
        return parts.dropFirst().allSatisfy { p in (1...8).contains(p.count) && p.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) } }
    }

    /// The type of `xml:lang` in xml.xsd: xs:language or the empty string.
    static func isXMLLang(_ s: String) -> Bool { s.isEmpty || isLanguage(s) }

    /// The type of `xml:space`: an NCName restricted to `default | preserve`.
    static func isXMLSpace(_ s: String) -> Bool { ["default", "preserve"].contains(collapse(s)) }

    static func isASCIILetter(_ u: Unicode.Scalar) -> Bool { ("a"..."z").contains(u) || ("A"..."Z").contains(u) }
}
