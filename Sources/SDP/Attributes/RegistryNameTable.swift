/// The names of one small registry (hash functions, SRTP crypto suites),
/// looked up from bytes ignoring ASCII case: RFC 8122's hash names are
/// ABNF quoted strings (case-insensitive, RFC 5234 §2.3) and RFC 4568 §4
/// makes suite names case-insensitive. A folded signature of the input
/// (length and four bytes) filters the entries, and a match is confirmed
/// byte by byte; no String is built.
struct RegistryNameTable: Sendable {
    /// The names' bytes, and their folded signatures in a separate array: the
    /// lookup scans plain numbers and touches a name only on a hash match
    /// (iterating structs that hold arrays would retain each one).
    private let names: [[UInt8]]
    private let hashes: [UInt64]

    /// The names in table order (a registry has fewer than 128).
    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        hashes = self.names.map { Self.foldedHash($0[...]) }
    }

    /// A cheap filter of a name ignoring ASCII case: its length and four
    /// of its bytes upper-cased (first, middle, last two). Equal for two
    /// names equal but for case; a match is confirmed byte by byte.
    static func foldedHash<C: RandomAccessCollection>(_ p: C) -> UInt64 where C.Element == UInt8 {
        let n = p.count
        guard n > 0 else { return 0 }
        @inline(__always) func at(_ k: Int) -> UInt64 { UInt64(SDPGrammar.upper(p[p.index(p.startIndex, offsetBy: k)])) }
        return UInt64(truncatingIfNeeded: n) << 32 | at(0) << 24 | at(n / 2) << 16 | at(max(0, n - 2)) << 8 | at(n - 1)
    }

    /// The position of the name matching `p` but for ASCII case (-1 for
    /// none), and whether `p` spells it exactly as the table does.
    func lookup(_ p: UnsafeBufferPointer<UInt8>) -> (index: Int8, exact: Bool) {
        let h = Self.foldedHash(p)
        var i = 0
        while i < hashes.count && i < names.count {
            // A hash match is confirmed byte by byte.
            if hashes[i] == h, let exact = Self.matches(p, names[i]) {
                // Fewer than 128 entries: the position fits Int8.
                return (Int8(truncatingIfNeeded: i), exact)
            }
            i += 1
        }
        return (-1, false)
    }

    /// Whether two buffers of equal length hold the same bytes, compared
    /// eight at a time.
    private static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count, let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == b.count }
        let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
        var i = 0
        while a.count - i >= 8 {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// nil when `p` is not `name` ignoring ASCII case, else whether it is
    /// `name` exactly.
    private static func matches(_ p: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool? {
        name.withUnsafeBufferPointer { e in
            guard e.count == p.count else { return nil }
            // The usual spelling is the registry's: one block comparison.
            if Self.sameBytes(p, e) { return true }
            var exact = true
            for k in 0..<p.count {
                let a = p[k], b = e[k]
                if a != b {
                    if SDPGrammar.upper(a) != SDPGrammar.upper(b) { return nil }
                    exact = false
                }
            }
            return exact
        }
    }

    /// ``lookup(_:)`` of a name given as a String.
    func lookup(_ s: String) -> (index: Int8, exact: Bool) {
        var t = s
        return t.withUTF8 { lookup($0) }
    }
}
