import MediasecCrypto

/// The MIKEY key-derivation PRF.
///
/// RFC 3830 §4.1.2 (MIKEY-1, PRF func 0, HMAC-SHA-1):
/// ```
/// P(s, label, m) = HMAC(s, A_1 || label) || ... || HMAC(s, A_m || label)
///    A_0 = label, A_i = HMAC(s, A_(i-1))
/// n = ceil(inkey_len / 256)      inkey = s_1 || ... || s_n
///                                (all s_i 256 bits except possibly s_n)
/// m = ceil(outkey_len / 160)
/// PRF(inkey, label) = P(s_1, label, m) XOR ... XOR P(s_n, label, m),
///                     truncated to the outkey_len most significant bits
/// ```
/// RFC 6043 §6.1 (PRF-HMAC-SHA-256, PRF func 1): the same construction with
/// HMAC-SHA-256 and 256 in place of 160. The chunk size stays 256 bits
/// (half the SHA-1/SHA-256 block) for both.
///
/// Lengths here are in bytes; every MIKEY key is a whole number of bytes.
/// A 32-byte inkey is exactly one chunk (n = 1) — a known bug in an old
/// implementation hashed it as one full plus one empty chunk.
public enum MIKEYPRF {
    /// Largest output this implementation derives, in bytes (far above any
    /// MIKEY key; a guard against runaway lengths).
    public static let maximumOutputLength = 1 << 16

    /// The chunk length of the inkey split, in bytes (256 bits).
    public static let chunkLength = 32

    /// The HMAC hash behind a PRF func code point, or nil when the suite
    /// does not implement it.
    public static func hash(for function: PRFFunction) -> HashAlgorithm? {
        switch function {
        case .mikey1: return .sha1
        case .hmacSHA256: return .sha256
        default: return nil
        }
    }

    /// PRF(inkey, label) truncated to `outputLength` bytes.
    ///
    /// RFC 3830 §4.1.2, RFC 6043 §6.1. Throws for an unknown PRF func, an
    /// empty inkey (n = 0 leaves the XOR undefined) and a negative or
    /// oversized length.
    public static func derive(
        function: PRFFunction, inkey: [UInt8], label: [UInt8], outputLength: Int
    ) throws(MIKEYCryptoError) -> [UInt8] {
        guard let hash = hash(for: function) else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedPRF, specRef: "RFC 3830 §6.1",
                message: "PRF func \(function) has no algorithm this suite supports")
        }
        let specRef = function == .mikey1 ? "RFC 3830 §4.1.2" : "RFC 6043 §6.1"
        guard !inkey.isEmpty else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.emptyInkey, specRef: specRef,
                message: "the PRF is undefined for an empty inkey (n = 0)")
        }
        guard outputLength >= 0, outputLength <= maximumOutputLength else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.invalidOutputLength, specRef: specRef,
                message: "output length \(outputLength) outside 0...\(maximumOutputLength)")
        }
        if outputLength == 0 { return [] }

        // m = ceil(outkey_len / hash output length)
        let hashLength = hash.outputLength
        let m = (outputLength + hashLength - 1) / hashLength
        var result = [UInt8](repeating: 0, count: m * hashLength)
        // n = ceil(inkey_len / 256 bits): chunks start at 0, 32, 64, … < count,
        // so a 32-byte inkey yields exactly one chunk.
        var start = 0
        while start < inkey.count {
            let end = min(start + chunkLength, inkey.count)
            let block = try p(hash: hash, secret: Array(inkey[start..<end]), label: label, m: m, specRef: specRef)
            for i in result.indices { result[i] ^= block[i] }
            start = end
        }
        return Array(result.prefix(outputLength))
    }

    /// P(s, label, m) of RFC 3830 §4.1.2: m HMAC outputs concatenated.
    static func p(
        hash: HashAlgorithm, secret: [UInt8], label: [UInt8], m: Int, specRef: String
    ) throws(MIKEYCryptoError) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(m * hash.outputLength)
        var a = label  // A_0
        do throws(CryptoError) {
            for _ in 0..<m {
                a = try HMAC.authenticate(hash, key: secret, data: a)  // A_i
                output += try HMAC.authenticate(hash, key: secret, data: a + label)
            }
        } catch {
            throw MIKEYCryptoError.wrapping(error, specRef: specRef)
        }
        return output
    }
}
