/// RFC 3986 URI-reference grammar, with the two readings the rules need:
/// the strict grammar (`.rfc3986`) and libxml2 2.9.14's `xmlParseURIReference`
/// as used for xs:anyURI (`.libxml2`: characters RFC 3986 forbids are first
/// replaced by `_`, a port needs at least one digit, and a fragment may
/// contain `[` and `]`).
enum URISyntax {
    enum Dialect { case rfc3986, libxml2 }

    struct Components: Equatable {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?
    }

    /// xs:anyURI as libxml2 checks it: collapse white space, map the
    /// characters RFC 3986 forbids (controls, bytes ≥ 0x7F, space and
    /// `<>"{}|\^`'`) to `_`, then parse as a URI-reference.
    static func isAnyURI(_ value: String) -> Bool {
        let collapsed = XSDLexical.collapse(value)
        if collapsed.isEmpty { return true }
        let mapped: [UInt8] = collapsed.utf8.map { c in
            switch c {
            case 0..<32, 127...255, UInt8(ascii: " "), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                 UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "'"):
                return UInt8(ascii: "_")
            default: return c
            }
        }
        return parseReference(mapped, .libxml2) != nil
    }

    /// An absolute URI (scheme required) under the strict grammar.
    static func parseURI(_ s: String) -> Components? { parseURI(Array(s.utf8), .rfc3986) }

    /// A URI-reference (URI or relative-ref) under the strict grammar.
    static func parseReference(_ s: String) -> Components? { parseReference(Array(s.utf8), .rfc3986) }

    static func parseReference(_ b: [UInt8], _ d: Dialect) -> Components? {
        parseURI(b, d) ?? parseRelative(b, d)
    }

    // MARK: grammar

    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }
    static func isUnreserved(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) || c == 0x2D || c == 0x2E || c == 0x5F || c == 0x7E }
    static func isSubDelim(_ c: UInt8) -> Bool { "!$&'()*+,;=".utf8.contains(c) }

    private struct Scanner {
        let b: [UInt8]
        var i = 0
        var atEnd: Bool { i >= b.count }
        var peek: UInt8? { i < b.count ? b[i] : nil }

        /// pct-encoded at i: "%" HEXDIG HEXDIG.
        func pct(at j: Int) -> Bool { j + 2 < b.count && b[j] == 0x25 && isHex(b[j + 1]) && isHex(b[j + 2]) }

        /// Consumes a run of characters accepted by `ok` (or pct-encoded).
        mutating func run(_ ok: (UInt8) -> Bool) -> Int {
            let start = i
            while i < b.count {
                if pct(at: i) { i += 3 } else if b[i] != 0x25, ok(b[i]) { i += 1 } else { break }
            }
            return i - start
        }

        static func pchar(_ c: UInt8) -> Bool { isUnreserved(c) || isSubDelim(c) || c == 0x3A || c == 0x40 }
    }

    private static func parseURI(_ b: [UInt8], _ d: Dialect) -> Components? {
        var s = Scanner(b: b)
        guard let f = s.peek, isAlpha(f) else { return nil }
        while let c = s.peek, isAlpha(c) || isDigit(c) || c == 0x2B || c == 0x2D || c == 0x2E { s.i += 1 }
        guard s.peek == 0x3A else { return nil }
        let scheme = String(decoding: b[0..<s.i], as: UTF8.self)
        s.i += 1
        guard var c = hierarchical(&s, d, relative: false) else { return nil }
        c.scheme = scheme
        return c
    }

    private static func parseRelative(_ b: [UInt8], _ d: Dialect) -> Components? {
        var s = Scanner(b: b)
        return hierarchical(&s, d, relative: true)
    }

    /// hier-part / relative-part, then query and fragment, then the end.
    private static func hierarchical(_ s: inout Scanner, _ d: Dialect, relative: Bool) -> Components? {
        var c = Components(scheme: nil, authority: nil, path: "", query: nil, fragment: nil)
        let pathStart: Int
        if s.i + 1 < s.b.count, s.b[s.i] == 0x2F, s.b[s.i + 1] == 0x2F {
            s.i += 2
            let a = s.i
            guard authority(&s, d) else { return nil }
            c.authority = String(decoding: s.b[a..<s.i], as: UTF8.self)
            pathStart = s.i
            while s.peek == 0x2F { s.i += 1; _ = s.run(Scanner.pchar) } // path-abempty
        } else {
            pathStart = s.i
            if s.peek == 0x2F {
                s.i += 1 // path-absolute: "/" [ segment-nz *( "/" segment ) ]
                if s.run(Scanner.pchar) > 0 { while s.peek == 0x2F { s.i += 1; _ = s.run(Scanner.pchar) } }
            } else {
                // path-rootless (URI) / path-noscheme (relative: no ":" in the first segment) / path-empty
                let first = relative ? s.run { $0 != 0x3A && Scanner.pchar($0) } : s.run(Scanner.pchar)
                if first > 0 { while s.peek == 0x2F { s.i += 1; _ = s.run(Scanner.pchar) } }
            }
        }
        c.path = String(decoding: s.b[pathStart..<s.i], as: UTF8.self)
        if s.peek == 0x3F {
            s.i += 1
            let q = s.i
            _ = s.run { Scanner.pchar($0) || $0 == 0x2F || $0 == 0x3F }
            c.query = String(decoding: s.b[q..<s.i], as: UTF8.self)
        }
        if s.peek == 0x23 {
            s.i += 1
            let f = s.i
            _ = s.run { Scanner.pchar($0) || $0 == 0x2F || $0 == 0x3F || (d == .libxml2 && ($0 == 0x5B || $0 == 0x5D)) }
            c.fragment = String(decoding: s.b[f..<s.i], as: UTF8.self)
        }
        return s.atEnd ? c : nil
    }

    /// authority = [ userinfo "@" ] host [ ":" port ]
    private static func authority(_ s: inout Scanner, _ d: Dialect) -> Bool {
        let start = s.i
        _ = s.run { isUnreserved($0) || isSubDelim($0) || $0 == 0x3A }
        if s.peek == 0x40 { s.i += 1 } else { s.i = start }
        if s.peek == 0x5B {
            // IP-literal. libxml2 accepts anything up to "]"; the strict
            // reading wants IPv6 characters or an IPvFuture.
            s.i += 1
            let inner = s.i
            while let c = s.peek, c != 0x5D { _ = c; s.i += 1 }
            guard s.peek == 0x5D else { return false }
            if d == .rfc3986 {
                let body = s.b[inner..<s.i]
                let ipv6 = !body.isEmpty && body.allSatisfy { isHex($0) || $0 == 0x3A || $0 == 0x2E }
                let future = body.first.map { $0 | 0x20 == 0x76 } ?? false
                guard ipv6 || future else { return false }
            }
            s.i += 1
        } else {
            _ = s.run { isUnreserved($0) || isSubDelim($0) }
        }
        if s.peek == 0x3A {
            s.i += 1
            let digits = s.i
            while let c = s.peek, isDigit(c) { s.i += 1 }
            if d == .libxml2, s.i == digits { return false }
        }
        return s.atEnd || s.peek == 0x2F || s.peek == 0x3F || s.peek == 0x23
    }
}
