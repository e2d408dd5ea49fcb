import COpenSSL

/// The single error type of MediasecCrypto. Every fallible function in this
/// module throws it (typed throws), so callers can switch on ``code``.
///
/// ``Code`` raw values are stable identifiers (`crypto.…`); tests and reports
/// compare codes, never messages.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable failure codes.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A key has a length the algorithm does not define.
        case invalidKeyLength = "crypto.key-length"
        /// A nonce / IV / counter block has an unsupported length.
        case invalidNonceLength = "crypto.nonce-length"
        /// An authentication tag length is not allowed for the algorithm.
        case invalidTagLength = "crypto.tag-length"
        /// Input data has a length the algorithm cannot process.
        case invalidInputLength = "crypto.input-length"
        /// An argument outside the documented domain (negative count, …).
        case invalidArgument = "crypto.argument"
        /// AEAD tag mismatch: nothing was released.
        case authenticationFailure = "crypto.authentication-failure"
        /// AES key wrap integrity check (RFC 3394 §2.2.3) failed.
        case integrityCheckFailure = "crypto.integrity-check-failure"
        /// The random number generator failed.
        case randomFailure = "crypto.random-failure"
        /// libcrypto reported an unexpected failure.
        case libraryFailure = "crypto.library-failure"
    }

    public var code: Code
    public var message: String
    /// The first error string on libcrypto's error queue, when one was there.
    public var libraryError: String?

    public init(_ code: Code, _ message: String, libraryError: String? = nil) {
        self.code = code
        self.message = message
        self.libraryError = libraryError
    }

    public var description: String {
        if let lib = libraryError { return "\(code.rawValue): \(message) (\(lib))" }
        return "\(code.rawValue): \(message)"
    }

    /// Builds an error and drains libcrypto's (thread-local) error queue so a
    /// stale entry never leaks into a later report.
    static func library(_ code: Code, _ message: String) -> CryptoError {
        let first = ERR_get_error()
        var text: String? = nil
        if first != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            buffer.withUnsafeMutableBufferPointer { buf in
                if let base = buf.baseAddress { ERR_error_string_n(first, base, buf.count) }
            }
            text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        ERR_clear_error()
        return CryptoError(code, message, libraryError: text)
    }
}
