/// Character classes of the grammars this module parses (RFC 8866 §9,
/// RFC 5234 Appendix B, RFC 4568 §9, RFC 8122 §5, RFC 4975 §9, RFC 3986).
/// All classes work on bytes: SDP is an octet format and only its field
/// names are guaranteed ASCII.
enum SDPGrammar {
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) }
    @inline(__always) static func isAlphaNum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    /// SP / HTAB (RFC 5234 `WSP`).
    @inline(__always) static func isWSP(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    /// `VCHAR` (RFC 5234): visible ASCII.
    @inline(__always) static func isVCHAR(_ c: UInt8) -> Bool { c >= 0x21 && c <= 0x7e }
    /// `non-ws-string` element (RFC 8866 §9): VCHAR / %x80-FF.
    @inline(__always) static func isNonWS(_ c: UInt8) -> Bool { isVCHAR(c) || c >= 0x80 }
    @inline(__always) static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
    /// `UHEX` of RFC 8122 §5: DIGIT / %x41-46.
    @inline(__always) static func isUpperHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) }
    /// Base64 alphabet without padding.
    @inline(__always) static func isBase64(_ c: UInt8) -> Bool { isAlphaNum(c) || c == 0x2b || c == 0x2f }

    /// RFC 8866 `token-char`.
    static func isTokenChar(_ c: UInt8) -> Bool {
        if isAlphaNum(c) { return true }
        switch c {
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2a, 0x2b, 0x2d, 0x2e, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e: return true
        default: return false
        }
    }

    static func isToken<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        !s.isEmpty && s.allSatisfy(isTokenChar)
    }

    /// RFC 3986 `unreserved`.
    static func isUnreserved(_ c: UInt8) -> Bool {
        isAlphaNum(c) || c == 0x2d || c == 0x2e || c == 0x5f || c == 0x7e
    }

    /// RFC 3986 `sub-delims`.
    static func isSubDelim(_ c: UInt8) -> Bool {
        switch c {
        case 0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x3b, 0x3d: return true
        default: return false
        }
    }

    /// ASCII text of a byte slice already checked to be ASCII (or lossy UTF-8).
    static func string<C: Collection>(_ s: C) -> String where C.Element == UInt8 {
        String(decoding: s, as: UTF8.self)
    }

    /// Case-insensitive ASCII comparison.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a, y = b
        return x.withUTF8 { p in
            y.withUTF8 { q in
                for i in 0..<min(p.count, q.count) where lower(p[i]) != lower(q[i]) { return false }
                return true
            }
        }
    }

    /// Whether a byte of the string's UTF-8 satisfies `p` (over the
    /// contiguous storage, not the UTF8View's iterator).
    static func containsByte(_ s: String, where p: (UInt8) -> Bool) -> Bool {
        var t = s
        return t.withUTF8 { $0.contains(where: p) }
    }

    /// Case-insensitive ASCII comparison of bytes with a name.
    static func equalsIgnoringCase<C: Collection>(_ a: C, _ b: String) -> Bool where C.Element == UInt8 {
        // Over the string's contiguous UTF-8 (its UTF8View iterator cost
        // about 200 instructions a byte here), and over `a`'s contiguous
        // storage when it has one.
        var y = b
        return y.withUTF8 { q in
            guard a.count == q.count else { return false }
            if let r = a.withContiguousStorageIfAvailable({ p -> Bool in
                for i in 0..<min(p.count, q.count) where lower(p[i]) != lower(q[i]) { return false }
                return true
            }) { return r }
            var i = 0
            for c in a {
                guard i < q.count, lower(c) == lower(q[i]) else { return false }
                i += 1
            }
            return true
        }
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5a) ? c + 32 : c }
    @inline(__always) static func upper(_ c: UInt8) -> UInt8 { (c >= 0x61 && c <= 0x7a) ? c - 32 : c }

    /// ASCII upper case; the string itself when it has no lowercase ASCII letter.
    static func uppercased(_ s: String) -> String {
        guard containsByte(s, where: { $0 >= 0x61 && $0 <= 0x7a }) else { return s }
        return String(decoding: s.utf8.map(upper), as: UTF8.self)
    }

    /// ASCII lower case; the string itself when it has no uppercase ASCII letter.
    static func lowercased(_ s: String) -> String {
        guard containsByte(s, where: { $0 >= 0x41 && $0 <= 0x5a }) else { return s }
        return String(decoding: s.utf8.map(lower), as: UTF8.self)
    }
}
