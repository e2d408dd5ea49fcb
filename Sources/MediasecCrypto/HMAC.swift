import COpenSSL

/// HMAC (RFC 2104) over SHA-1 or SHA-256, through libcrypto's EVP_MAC.
///
/// MIKEY uses HMAC-SHA-1 for the MIKEY-1 PRF and the HMAC-SHA-1-160 MAC
/// (RFC 3830 §4.1.2, §4.2.4) and HMAC-SHA-256 for PRF-HMAC-SHA-256 and
/// HMAC-SHA-256-256 (RFC 6043 §6.1, §6.2).
public enum HMAC {
    /// Computes the full-length HMAC of `data` under `key` (any key length,
    /// including empty, RFC 2104 §2).
    public static func authenticate(
        _ algorithm: HashAlgorithm, key: [UInt8], data: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        let context = try HMACContext(algorithm, key: key)
        try context.update(data)
        return try context.finalize()
    }

    /// Smallest tag length (bytes) accepted by ``verify(_:key:data:tag:)``:
    /// RFC 2104 §5 — not less than half the hash output and not less than
    /// 80 bits.
    public static func minimumTagLength(_ algorithm: HashAlgorithm) -> Int {
        max(10, algorithm.outputLength / 2)
    }

    /// Verifies `tag` in constant time. `tag` may be truncated (RFC 2104 §5:
    /// the leftmost bytes) down to ``minimumTagLength(_:)``; a shorter or
    /// longer tag is an ``CryptoError/Code/invalidTagLength`` error rather than
    /// a silent `false`, so a caller's length bug is visible.
    public static func verify(
        _ algorithm: HashAlgorithm, key: [UInt8], data: [UInt8], tag: [UInt8]
    ) throws(CryptoError) -> Bool {
        guard tag.count >= minimumTagLength(algorithm), tag.count <= algorithm.outputLength else {
            throw CryptoError(
                .invalidTagLength,
                "HMAC-\(algorithm.rawValue) tag of \(tag.count) bytes (allowed \(minimumTagLength(algorithm))...\(algorithm.outputLength))")
        }
        let full = try authenticate(algorithm, key: key, data: data)
        return ConstantTime.equal(Array(full.prefix(tag.count)), tag)
    }
}

/// Incremental HMAC (RFC 2104): `init`, any number of `update`s, one
/// `finalize`. Not thread-safe; one context per computation.
public final class HMACContext {
    public let algorithm: HashAlgorithm
    private let context: OpaquePointer
    private var finished = false

    public init(_ algorithm: HashAlgorithm, key: [UInt8]) throws(CryptoError) {
        self.algorithm = algorithm
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
            throw CryptoError.library(.libraryFailure, "EVP_MAC_fetch(HMAC) failed")
        }
        defer { EVP_MAC_free(mac) }  // the context keeps its own reference
        guard let ctx = EVP_MAC_CTX_new(mac) else {
            throw CryptoError.library(.libraryFailure, "EVP_MAC_CTX_new failed")
        }
        context = ctx
        // OSSL_PARAM { "digest": <name> }; the strings only need to live
        // for the duration of EVP_MAC_init, which copies them.
        let status = "digest".withCString { paramName in  // OSSL_MAC_PARAM_DIGEST
            algorithm.rawValue.withCString { digestName in
                var params = [
                    OSSL_PARAM_construct_utf8_string(paramName, UnsafeMutablePointer(mutating: digestName), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return Buffers.withPointer(key) { keyPointer, keyCount in
                    params.withUnsafeMutableBufferPointer { p in
                        EVP_MAC_init(ctx, keyPointer, keyCount, p.baseAddress)
                    }
                }
            }
        }
        guard status == 1 else {
            throw CryptoError.library(.libraryFailure, "EVP_MAC_init(HMAC-\(algorithm.rawValue)) failed")
        }
    }

    deinit { EVP_MAC_CTX_free(context) }

    /// Absorbs `data`.
    public func update(_ data: [UInt8]) throws(CryptoError) {
        guard !finished else { throw CryptoError(.invalidArgument, "HMAC context already finalized") }
        guard !data.isEmpty else { return }
        let status = Buffers.withPointer(data) { EVP_MAC_update(context, $0, $1) }
        guard status == 1 else { throw CryptoError.library(.libraryFailure, "EVP_MAC_update failed") }
    }

    /// Returns the full-length tag; the context cannot be used afterwards.
    public func finalize() throws(CryptoError) -> [UInt8] {
        guard !finished else { throw CryptoError(.invalidArgument, "HMAC context already finalized") }
        finished = true
        let length = algorithm.outputLength
        let tag = Buffers.produce(capacity: length) { out -> Int? in
            var written = 0
            guard EVP_MAC_final(context, out, &written, length) == 1 else { return nil }
            return written
        }
        guard let result = tag, result.count == length else {
            throw CryptoError.library(.libraryFailure, "EVP_MAC_final failed")
        }
        return result
    }
}
