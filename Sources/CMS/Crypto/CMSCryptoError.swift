import MediasecCore
import MediasecCrypto

/// The error of every CMS crypto operation (key recovery, decryption,
/// building). `code` is stable (`cms.decrypt.…`, `cms.key.…`); `specRef`
/// names the clause whose rule was not met; `underlying` carries the
/// primitive-layer ``CryptoError`` when there was one.
public struct CMSCryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var specRef: String
    public var path: String
    public var message: String
    public var underlying: CryptoError?

    public init(code: String, specRef: String, path: String = "", message: String, underlying: CryptoError? = nil) {
        self.code = code
        self.specRef = specRef
        self.path = path
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        let base = "\(code) \(path) [\(specRef)]: \(message)"
        return underlying.map { "\(base) (\($0))" } ?? base
    }

    // MARK: stable codes
    public static let notAuthEnveloped = "cms.decrypt.not-auth-enveloped"
    public static let notAEAD = "cms.decrypt.not-aead"
    public static let parameters = "cms.decrypt.parameters"
    public static let nonceLength = "cms.decrypt.nonce-length"
    public static let icvLength = "cms.decrypt.icv-length"
    public static let macLength = "cms.decrypt.mac-length"
    public static let contentAbsent = "cms.decrypt.content-absent"
    public static let cekLength = "cms.decrypt.cek-length"
    public static let authenticationFailure = "cms.decrypt.authentication-failure"
    public static let noRecipient = "cms.key.no-recipient"
    public static let keyWrapUnsupported = "cms.key.wrap-unsupported"
    public static let kekLength = "cms.key.kek-length"
    public static let unwrapFailed = "cms.key.unwrap-failed"
    public static let mikeyMalformed = "cms.key.mikey-malformed"
    public static let mikeyNoTEK = "cms.key.mikey-no-tek"
    public static let mikeyMACMismatch = "cms.key.mikey-mac-mismatch"
    public static let build = "cms.build.failed"

    public static let allCodes: [String] = [
        notAuthEnveloped, notAEAD, parameters, nonceLength, icvLength, macLength, contentAbsent, cekLength, authenticationFailure,
        noRecipient, keyWrapUnsupported, kekLength, unwrapFailed, mikeyMalformed, mikeyNoTEK, mikeyMACMismatch, build,
    ]
}
