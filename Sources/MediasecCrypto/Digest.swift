import COpenSSL

/// Hash functions used by the suite: SHA-1 (FIPS 180-4; RFC 3830 §4.2.1)
/// and SHA-256 (FIPS 180-4; RFC 6043 §6.2).
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable {
    case sha1 = "SHA1"
    case sha256 = "SHA256"

    /// Output length in bytes.
    public var outputLength: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        }
    }

    /// Input block length in bytes (both 64).
    public var blockLength: Int { 64 }

    /// libcrypto's implicit-fetch digest object.
    var evpMD: OpaquePointer? {
        switch self {
        case .sha1: return EVP_sha1()
        case .sha256: return EVP_sha256()
        }
    }
}

/// One-shot message digests.
public enum Digest {
    /// Hashes `data` with `algorithm` (FIPS 180-4).
    public static func hash(_ algorithm: HashAlgorithm, _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let md = algorithm.evpMD else {
            throw CryptoError.library(.libraryFailure, "digest \(algorithm.rawValue) unavailable")
        }
        let out = Buffers.withPointer(data) { input, count in
            Buffers.produce(capacity: algorithm.outputLength) { output -> Int? in
                var length: UInt32 = 0
                guard EVP_Digest(input, count, output, &length, md, nil) == 1 else { return nil }
                return Int(length)
            }
        }
        guard let digest = out, digest.count == algorithm.outputLength else {
            throw CryptoError.library(.libraryFailure, "EVP_Digest(\(algorithm.rawValue)) failed")
        }
        return digest
    }

    /// SHA-1 (FIPS 180-4 §6.1).
    public static func sha1(_ data: [UInt8]) throws(CryptoError) -> [UInt8] { try hash(.sha1, data) }

    /// SHA-256 (FIPS 180-4 §6.2).
    public static func sha256(_ data: [UInt8]) throws(CryptoError) -> [UInt8] { try hash(.sha256, data) }
}
