import MediasecCore

/// A short byte string held without a heap allocation when it has at most
/// ``inlineCapacity`` bytes (TS values, RANDs, policy parameter values: the
/// fields of every common message), in an array otherwise.
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
        case heap([UInt8])
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
            storage = .heap(bytes)
        }
    }

    /// `count` (≤ ``inlineCapacity``) bytes of `source` from `start`; the
    /// caller has checked that `0 ≤ start`, `0 ≤ count ≤ 16` and
    /// `start + count ≤ source.count`. One memcpy into the two words, no
    /// per-byte bounds checks.
    @inline(__always)
    private init(packing source: [UInt8], from start: Int, count: Int) {
        var words: (UInt64, UInt64) = (0, 0)
        if count > 0 {
            source.withUnsafeBufferPointer { src in
                withUnsafeMutableBytes(of: &words) { dst in
                    if let s = src.baseAddress, let d = dst.baseAddress {
                        d.copyMemory(from: s + start, byteCount: count)
                    }
                }
            }
        }
        // Memory order is byte i at offset i: little-endian words.
        storage = .inline(count: UInt8(truncatingIfNeeded: count), lo: UInt64(littleEndian: words.0), hi: UInt64(littleEndian: words.1))
    }

    var count: Int {
        switch storage {
        case .inline(let n, _, _): return Int(n)
        case .heap(let a): return a.count
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes as an array (one allocation for a non-empty inline value).
    var array: [UInt8] {
        switch storage {
        case .heap(let a):
            return a
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
        case .heap(let a):
            w.writeBytes(a)
        case .inline(let n, let lo, let hi):
            for i in 0..<Int(n) {
                let word = i < 8 ? lo : hi
                w.writeUInt8(UInt8(truncatingIfNeeded: word >> (8 * UInt64(i & 7))))
            }
        }
    }

    /// Reads `count` bytes from the cursor: inline (no allocation) when they
    /// fit and are present; otherwise through the cursor's checked array read,
    /// which throws the usual truncation error.
    static func read(_ c: inout ByteCursor, count: Int, _ field: @autoclosure () -> String) throws(DecodingError) -> SmallBytes {
        if count >= 0 && count <= inlineCapacity && count <= c.readableBytes {
            // Bounds checked just above: position ≥ 0 and position + count ≤ end ≤ bytes.count.
            let v = SmallBytes(packing: c.bytes, from: c.position, count: count)
            c.advance(uncheckedBy: count)
            return v
        }
        return SmallBytes(try c.mikeyBytes(count, field()))
    }
}
