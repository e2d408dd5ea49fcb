/// An unbounded non-negative integer, just large enough for OBJECT
/// IDENTIFIER arcs: UUID-based OIDs (`2.25.<128-bit>`, X.667) such as the
/// suite's default `id-ori-mikey` have arcs far beyond 64 bits.
/// Little-endian base-2^32 limbs; only the few operations the OID codec
/// needs. Callers bound the size (32 octets decoded, 80 digits parsed).
struct ObjectIdentifierArc: Hashable {
    private(set) var limbs: [UInt32] = [0]

    init() {}

    init(_ v: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: v), UInt32(truncatingIfNeeded: v >> 32)]
        trim()
    }

    /// Parses decimal digits; nil on anything else, an empty string, a
    /// leading zero (other than "0") or more than 80 digits.
    init?(decimal s: Substring) {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 80 else { return nil }
        if u.count > 1, u[0] == 0x30 { return nil }
        for c in u {
            guard c >= 0x30, c <= 0x39 else { return nil }
            mulAdd(10, UInt32(c - 0x30))
        }
    }

    var isZero: Bool { limbs.count == 1 && limbs[0] == 0 }
    var small: UInt64? {
        switch limbs.count {
        case 1: return UInt64(limbs[0])
        case 2: return UInt64(limbs[1]) << 32 | UInt64(limbs[0])
        default: return nil
        }
    }

    mutating func trim() {
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
    }

    /// self = self * m + a
    mutating func mulAdd(_ m: UInt32, _ a: UInt32) {
        var carry = UInt64(a)
        for i in limbs.indices {
            let v = UInt64(limbs[i]) * UInt64(m) + carry
            limbs[i] = UInt32(truncatingIfNeeded: v)
            carry = v >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    /// self = self / d; returns the remainder.
    mutating func divMod(_ d: UInt32) -> UInt32 {
        var rem: UInt64 = 0
        for i in limbs.indices.reversed() {
            let cur = rem << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(cur / UInt64(d))
            rem = cur % UInt64(d)
        }
        trim()
        return UInt32(rem)
    }

    /// self -= s (requires self >= s).
    mutating func subtract(_ s: UInt32) {
        var borrow = UInt64(s)
        for i in limbs.indices where borrow > 0 {
            let v = UInt64(limbs[i])
            if v >= borrow {
                limbs[i] = UInt32(v - borrow)
                borrow = 0
            } else {
                limbs[i] = UInt32((v + (1 << 32)) - borrow)
                borrow = 1
            }
        }
        trim()
    }

    var decimal: String {
        if let s = small { return String(s) }
        var n = self
        var chunks: [UInt32] = []
        while !n.isZero { chunks.append(n.divMod(1_000_000_000)) }
        var out = String(chunks.last ?? 0)
        for c in chunks.dropLast().reversed() {
            let s = String(c)
            out += String(repeating: "0", count: 9 - s.count) + s
        }
        return out
    }

    /// Base-128 subidentifier octets (X.690 §8.19.2), minimal.
    var base128: [UInt8] {
        var n = self
        var groups: [UInt8] = []
        repeat { groups.append(UInt8(n.divMod(128))) } while !n.isZero
        var out: [UInt8] = []
        for (i, g) in groups.reversed().enumerated() { out.append(i == groups.count - 1 ? g : g | 0x80) }
        return out
    }
}
