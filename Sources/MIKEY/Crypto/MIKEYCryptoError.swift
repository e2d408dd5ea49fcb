import MediasecCrypto

/// The error every function under `MIKEY/Crypto` throws (typed throws).
///
/// `code` is stable and namespaced like the suite's finding codes
/// (`mikey.crypto.…`); `specRef` names the clause whose rule was not met.
/// When the failure came from the primitive layer, `underlying` carries the
/// ``CryptoError`` (e.g. `crypto.integrity-check-failure` for an AES-KW
/// unwrap whose check value did not match).
public struct MIKEYCryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var specRef: String
    public var message: String
    public var underlying: CryptoError?

    public init(code: String, specRef: String, message: String, underlying: CryptoError? = nil) {
        self.code = code
        self.specRef = specRef
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        let base = "\(code) [\(specRef)]: \(message)"
        guard let u = underlying else { return base }
        return "\(base) (\(u))"
    }

    // Stable codes.
    public static let unsupportedPRF = "mikey.crypto.prf.unsupported"
    public static let emptyInkey = "mikey.crypto.prf.empty-inkey"
    public static let invalidOutputLength = "mikey.crypto.prf.output-length"
    public static let invalidKeyForContext = "mikey.crypto.kdf.key-not-defined-for-context"
    public static let fieldTooLong = "mikey.crypto.kdf.field-too-long"
    public static let unsupportedEncryption = "mikey.crypto.kemac.encr-alg-unsupported"
    public static let encryptionKeyLength = "mikey.crypto.kemac.encr-key-length"
    public static let saltKeyLength = "mikey.crypto.kemac.salt-key-length"
    public static let timestampLength = "mikey.crypto.kemac.timestamp-length"
    public static let unsupportedTimestampType = "mikey.crypto.kemac.timestamp-type-unsupported"
    public static let dataLength = "mikey.crypto.kemac.data-length"
    public static let keyWrapIntegrity = "mikey.crypto.kemac.key-wrap-integrity"
    public static let unsupportedMAC = "mikey.crypto.mac.alg-unsupported"
    public static let macLength = "mikey.crypto.mac.length"
    public static let primitiveFailure = "mikey.crypto.primitive-failure"

    /// Wraps a primitive-layer error under `code` (default
    /// ``primitiveFailure``).
    static func wrapping(_ error: CryptoError, code: String = primitiveFailure, specRef: String) -> MIKEYCryptoError {
        MIKEYCryptoError(code: code, specRef: specRef, message: error.message, underlying: error)
    }
}
