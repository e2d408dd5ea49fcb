import MediasecCore

/// The generator's only source of randomness: xoshiro256** seeded through
/// SplitMix64 (Blackman & Vigna). Every draw is defined here bit for bit, so
/// the same seed gives byte-identical vector files on every platform and
/// every Swift version (the standard library's `random(in:using:)` makes no
/// such promise, and `SystemRandomNumberGenerator` is never used).
public struct SeededRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        // The seed expanded into the xoshiro state by SplitMix64.
        var sm = SplitMix64(seed: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// A generator for one named stream (e.g. one vector id): the seed mixed
    /// with the FNV-1a hash of the name, so adding a vector never shifts the
    /// bytes of another.
    public init(seed: UInt64, stream: String) {
        self.init(seed: seed ^ Self.fnv1a64(stream))
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes of `s`.
    public static func fnv1a64(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in `0..<bound` by rejection, no modulo bias; 0 when `bound` is 0.
    public mutating func below(_ bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let v = next()
            if v < limit { return v % bound }
        }
    }

    /// Uniform in a closed range.
    public mutating func int(_ r: ClosedRange<Int>) -> Int {
        r.lowerBound + Int(below(UInt64(r.upperBound - r.lowerBound) + 1))
    }

    public mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 56) }
    public mutating func u16() -> UInt16 { UInt16(truncatingIfNeeded: next() >> 48) }
    public mutating func u32() -> UInt32 { UInt32(truncatingIfNeeded: next() >> 32) }

    public mutating func bytes(_ n: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(n)
        while out.count < n {
            var v = next()
            for _ in 0..<min(8, n - out.count) {
                out.append(UInt8(truncatingIfNeeded: v >> 56))
                v <<= 8
            }
        }
        return out
    }

    public mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
}
