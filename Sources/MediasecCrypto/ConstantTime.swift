import COpenSSL

/// Comparisons whose running time does not depend on the compared bytes.
public enum ConstantTime {
    /// True when `a` and `b` are equal. The lengths are not secret: unequal
    /// lengths return false at once; equal lengths are compared with
    /// `CRYPTO_memcmp`, which touches every byte.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return Buffers.withPointer(a) { pa, count in
            Buffers.withPointer(b) { pb, _ in CRYPTO_memcmp(pa, pb, count) == 0 }
        }
    }
}

/// Cryptographically secure random bytes (RFC 3830 §4.2.2 requires a
/// cryptographically secure generator for keys and nonces).
public enum SecureRandom {
    /// Returns `count` bytes from libcrypto's DRBG (`RAND_bytes`).
    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        guard count >= 0 else { throw CryptoError(.invalidArgument, "negative random byte count \(count)") }
        if count == 0 { return [] }
        let n = try Buffers.cInt(count, "random")
        let out = Buffers.produce(capacity: count) { p -> Int? in
            RAND_bytes(p, n) == 1 ? count : nil
        }
        guard let bytes = out else { throw CryptoError.library(.randomFailure, "RAND_bytes failed") }
        return bytes
    }
}
