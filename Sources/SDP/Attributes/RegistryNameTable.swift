/// The names of one small registry (hash functions, SRTP crypto suites),
/// looked up from bytes ignoring ASCII case: RFC 8122's hash names are
/// ABNF quoted strings (case-insensitive, RFC 5234 §2.3) and RFC 4568 §4
/// makes suite names case-insensitive. A folded hash of the input filters
/// the entries, and a match is confirmed byte by byte; no String is built.
struct RegistryNameTable: Sendable {
    private struct Entry: Sendable {
        let bytes: [UInt8]
        let hash: UInt64
    }
    private let entries: [Entry]

    /// The names in table order (a registry has fewer than 128).
    init(_ names: [String]) {
        entries = names.map { n in
            let b = Array(n.utf8)
            return Entry(bytes: b, hash: Self.foldedHash(b[...]))
        }
    }

    /// FNV-1a of the bytes upper-cased (ASCII): equal for two names equal
    /// but for case. Only a filter: a match is compared byte by byte.
    static func foldedHash<C: Collection>(_ p: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        // Wrapping multiplication: a hash, not a quantity.
        for c in p { h = (h ^ UInt64(SDPGrammar.upper(c))) &* 0x100000001b3 }
        return h
    }

    /// The position of the name matching `p` but for ASCII case (-1 for
    /// none), and whether `p` spells it exactly as the table does.
    func lookup(_ p: UnsafeBufferPointer<UInt8>) -> (index: Int8, exact: Bool) {
        let h = Self.foldedHash(p)
        var i = 0
        for e in entries {
            if e.hash == h && e.bytes.count == p.count {
                var exact = true
                var k = 0
                while k < p.count {
                    let a = p[k], b = e.bytes[k]
                    if a != b {
                        if SDPGrammar.upper(a) != SDPGrammar.upper(b) { break }
                        exact = false
                    }
                    k += 1
                }
                // Fewer than 128 entries: the position fits Int8.
                if k == p.count { return (Int8(truncatingIfNeeded: i), exact) }
            }
            i += 1
        }
        return (-1, false)
    }

    /// ``lookup(_:)`` of a name given as a String.
    func lookup(_ s: String) -> (index: Int8, exact: Bool) {
        var t = s
        return t.withUTF8 { lookup($0) }
    }
}
