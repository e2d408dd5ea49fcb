import COpenSSL

/// Pointer plumbing shared by the wrappers. libcrypto treats a NULL data
/// pointer as "no data / different operation" in several places (the CCM
/// length call, EVP_MAC_init without a key), while Swift hands out a nil base
/// address for empty arrays; these helpers always pass a valid pointer.
enum Buffers {
    /// Calls `body` with a non-nil pointer to `bytes` (a pointer to a dummy
    /// byte when `bytes` is empty) and the byte count.
    static func withPointer<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { return body(base, buffer.count) }
            return withUnsafePointer(to: UInt8(0)) { body($0, 0) }
        }
    }

    /// Runs `body` over the storage of a new array of `capacity` bytes (at
    /// least one). `body` returns how many bytes it produced, or nil on
    /// failure. On success the array holds exactly those bytes (no copy); on
    /// failure the whole storage is cleansed before it is released, so a
    /// failed decryption never leaves plaintext behind.
    static func produce(capacity: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int?) -> [UInt8]? {
        let size = max(capacity, 1)
        var succeeded = false
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            if let produced = body(base), produced >= 0, produced <= capacity {
                initialized = produced
                succeeded = true
            } else {
                OPENSSL_cleanse(base, buffer.count)
            }
        }
        return succeeded ? out : nil
    }

    /// Converts a byte count for a C `int` parameter.
    static func cInt(_ n: Int, _ what: String) throws(CryptoError) -> Int32 {
        guard n >= 0, n <= Int(Int32.max) else {
            throw CryptoError(.invalidInputLength, "\(what) length \(n) does not fit libcrypto's int")
        }
        return Int32(n)
    }
}

/// Owns one `EVP_CIPHER_CTX`.
final class CipherContext {
    let raw: OpaquePointer

    init() throws(CryptoError) {
        guard let ctx = EVP_CIPHER_CTX_new() else {
            throw CryptoError.library(.libraryFailure, "EVP_CIPHER_CTX_new failed")
        }
        raw = ctx
    }

    deinit { EVP_CIPHER_CTX_free(raw) }
}
