import MediasecCore

/// A byte string field of a decoded payload: held without a heap allocation
/// when it has at most ``inlineCapacity`` bytes (TS values, RANDs, policy
/// parameter values: the fields of every common message); longer values
/// share the decoder's input buffer (a slice, one retain) instead of being
/// copied into an array of their own (KEMAC data and MACs, IDs, SP
/// parameter lists).
///
/// The representation is canonical — inline exactly when the count fits,
/// unused inline bytes zero — so the synthesized equality and hashing are
/// those of the byte string. Model types keep their `[UInt8]` properties
/// (computed over this storage); only the decoder and encoder see it.
struct SmallBytes: Hashable, Sendable {
    static let inlineCapacity = 16

    private enum Storage: Hashable, Sendable {
        /// Byte i sits at bits 8·(i mod 8) of `lo` (i < 8) or `hi`.
        case inline(count: UInt8, lo: UInt64, hi: UInt64)
        /// More than ``inlineCapacity`` bytes: a slice of the input (decoded)
        /// or of an array the caller gave (constructed).
        case shared(ArraySlice<UInt8>)
    }

    private var storage: Storage

    init(_ bytes: [UInt8]) {
        if bytes.count <= Self.inlineCapacity {
            var lo: UInt64 = 0, hi: UInt64 = 0
            for (i, b) in bytes.enumerated() {
                if i < 8 { lo |= UInt64(b) << (8 * UInt64(i)) } else { hi |= UInt64(b) << (8 * UInt64(i - 8)) }
            }
            storage = .inline(count: UInt8(truncatingIfNeeded: bytes.count), lo: lo, hi: hi)
        } else {
            storage = .shared(bytes[...])
        }
    }

    /// `bytes` exactly as given (inline when short enough: canonical).
    init(_ bytes: ArraySlice<UInt8>) {
        if bytes.count <= Self.inlineCapacity {
            self.init(Array(bytes))
        } else {
            self.init(storage: .shared(bytes))
        }
    }

    /// `count` (≤ ``inlineCapacity``) bytes of `source` from `start`; the
    /// caller has checked that `0 ≤ start`, `0 ≤ count ≤ 16` and
    /// `start + count ≤ source.count`. At most two unaligned word loads
    /// (masked or shifted to the field), no per-byte bounds checks.
    @inline(__always)
    private init(packing source: [UInt8], from start: Int, count: Int) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        if count > 0 {
            source.withUnsafeBufferPointer { src in
                guard let s = src.baseAddress else { return }
                let base = UnsafeRawPointer(s)
                let total = src.count
                // The 8-byte little-endian word at absolute index `at`; the
                // callers keep 0 ≤ at and at + 8 ≤ total.
                func word(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
                // The k (1…8) bytes at absolute [from, from + k) as a word:
                // one load reaching forward or backward inside the buffer,
                // byte by byte only in a buffer shorter than 8 bytes.
                func part(_ from: Int, _ k: Int) -> UInt64 {
                    if total - from >= 8 { return k == 8 ? word(from) : word(from) & ((1 << (8 * UInt64(k))) - 1) }
                    if from + k >= 8 { return word(from + k - 8) >> (8 * UInt64(8 - k)) }
                    var v: UInt64 = 0
                    for i in 0..<k { v |= UInt64(s[from + i]) << (8 * UInt64(i)) }
                    return v
                }
                lo = part(start, min(count, 8))
                if count > 8 { hi = part(start + 8, count - 8) }
            }
        }
        storage = .inline(count: UInt8(truncatingIfNeeded: count), lo: lo, hi: hi)
    }

    var count: Int {
        switch storage {
        case .inline(let n, _, _): return Int(n)
        case .shared(let a): return a.count
        }
    }

    var isEmpty: Bool { count == 0 }

    /// Byte `i` (0 ≤ i < count; traps otherwise, like an array).
    func byte(at i: Int) -> UInt8 {
        switch storage {
        case .shared(let a):
            return a[a.startIndex + i]
        case .inline(let n, let lo, let hi):
            precondition(i >= 0 && i < Int(n), "SmallBytes index out of range")
            return UInt8(truncatingIfNeeded: (i < 8 ? lo : hi) >> (8 * UInt64(i & 7)))
        }
    }

    /// The bytes as an array (one allocation for a non-empty inline value).
    var array: [UInt8] {
        switch storage {
        case .shared(let a):
            return Array(a)
        case .inline(let n, let lo, let hi):
            if n == 0 { return [] }
            let count = Int(n)
            var out = [UInt8](repeating: 0, count: count)
            for i in 0..<count {
                let word = i < 8 ? lo : hi
                out[i] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i & 7)))
            }
            return out
        }
    }

    func write(to w: inout ByteWriter) {
        switch storage {
        case .shared(let a):
            w.writeBytes(a)
        case .inline(let n, let lo, let hi):
            for i in 0..<Int(n) {
                let word = i < 8 ? lo : hi
                w.writeUInt8(UInt8(truncatingIfNeeded: word >> (8 * UInt64(i & 7))))
            }
        }
    }

    /// Reads `count` bytes from the cursor: inline (no allocation) when they
    /// fit, a slice of the input when longer; a missing or negative count
    /// goes through the cursor's checked read, which throws the usual
    /// truncation error.
    @inline(__always)
    static func read(_ c: inout ByteCursor, count: Int, _ field: @autoclosure () -> String) throws(DecodingError) -> SmallBytes {
        if count >= 0 && count <= inlineCapacity && count <= c.readableBytes {
            // Bounds checked just above: position ≥ 0 and position + count ≤ end ≤ bytes.count.
            let v = SmallBytes(packing: c.bytes, from: c.position, count: count)
            c.advance(uncheckedBy: count)
            return v
        }
        if count > inlineCapacity && count <= c.readableBytes {
            // Bounds checked just above, as for the inline case.
            let v = SmallBytes(storage: .shared(c.bytes[c.position..<(c.position + count)]))
            c.advance(uncheckedBy: count)
            return v
        }
        return SmallBytes(try c.mikeyBytes(count, field()))
    }

    private init(storage: Storage) { self.storage = storage }

    /// Calls `body` with the bytes (no copy for a shared value).
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .shared(let a):
            return try a.withUnsafeBytes(body)
        case .inline(let n, let lo, let hi):
            var words = (UInt64(littleEndian: lo), UInt64(littleEndian: hi))
            return try withUnsafeBytes(of: &words) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<Int(n)])) }
        }
    }
}
