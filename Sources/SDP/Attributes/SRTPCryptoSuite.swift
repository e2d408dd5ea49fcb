/// An SRTP crypto-suite name of `a=crypto` (RFC 4568 §4.2, §6.2, §9.2;
/// IANA "SRTP Crypto Suite Registrations", `iana/sdp-security-descriptions.txt`).
///
/// ```
/// srtp-crypto-suite = "AES_CM_128_HMAC_SHA1_32" / "F8_128_HMAC_SHA1_32" /
///                     "AES_CM_128_HMAC_SHA1_80" / srtp-crypto-suite-ext
/// srtp-crypto-suite-ext = 1*(ALPHA / DIGIT / "_")
/// ```
/// The value keeps the spelling of the input (suite names are
/// case-insensitive, RFC 4568 §4); ``info`` looks it up case-insensitively.
/// The table is the registry plus `F8_128_HMAC_SHA1_32`, which the §9.2
/// ABNF lists but nothing registers (FACTS.md §10 item 17): its entry says
/// `registered: false`, and the validator's choice decides how it is judged.
public struct SRTPCryptoSuite: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public struct Info: Sendable, Hashable {
        /// Master key length in bytes.
        public let keyLength: Int
        /// Master salt length in bytes.
        public let saltLength: Int
        /// log2 of the maximum SRTP and SRTCP master-key lifetimes in packets.
        public let srtpLifetimeLog2: Int
        public let srtcpLifetimeLog2: Int
        /// In the IANA registry.
        public let registered: Bool
        public let specRef: String

        /// Length of the base64-decoded `key||salt` (RFC 4568 §6.1).
        public var keySaltLength: Int { keyLength + saltLength }
    }

    /// Keys are the canonical (registry) spellings.
    public static let table: [String: Info] = [
        "AES_CM_128_HMAC_SHA1_80": Info(keyLength: 16, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 4568 §6.2.1"),
        "AES_CM_128_HMAC_SHA1_32": Info(keyLength: 16, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 4568 §6.2.2"),
        "F8_128_HMAC_SHA1_80": Info(keyLength: 16, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 4568 §6.2.3"),
        "F8_128_HMAC_SHA1_32": Info(keyLength: 16, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: false, specRef: "RFC 4568 §9.2 (ABNF only)"),
        // RFC 5669 is not in the spec folder; lengths from its suite tables
        // (SEED-128 key, 112-bit salt for CTR, 96-bit salt for CCM/GCM).
        "SEED_CTR_128_HMAC_SHA1_80": Info(keyLength: 16, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 5669"),
        "SEED_128_CCM_80": Info(keyLength: 16, saltLength: 12, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 5669"),
        "SEED_128_GCM_96": Info(keyLength: 16, saltLength: 12, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 5669"),
        "AES_192_CM_HMAC_SHA1_80": Info(keyLength: 24, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 6188 §4 Table 1"),
        "AES_192_CM_HMAC_SHA1_32": Info(keyLength: 24, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 6188 §4 Table 2"),
        "AES_256_CM_HMAC_SHA1_80": Info(keyLength: 32, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 6188 §4 Table 3"),
        "AES_256_CM_HMAC_SHA1_32": Info(keyLength: 32, saltLength: 14, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 6188 §4 Table 4"),
        "AEAD_AES_128_GCM": Info(keyLength: 16, saltLength: 12, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 7714 §12 Table 2"),
        "AEAD_AES_256_GCM": Info(keyLength: 32, saltLength: 12, srtpLifetimeLog2: 48, srtcpLifetimeLog2: 31, registered: true, specRef: "RFC 7714 §12 Table 3"),
    ]

    /// The table as a list, for a comparison scan instead of hashing.
    private static let entries: [(name: String, info: Info)] = table.map { ($0.key, $0.value) }

    /// The registry entry matching `rawValue` case-insensitively (ASCII):
    /// a scan comparing lengths first, no upper-cased copy, no hashing.
    var entry: (name: String, info: Info)? {
        let n = rawValue.utf8.count
        for e in Self.entries where e.name.utf8.count == n && SDPGrammar.equalsIgnoringCase(e.name, rawValue) { return e }
        return nil
    }

    /// The registry spelling matching `rawValue` case-insensitively.
    public var canonicalName: String? { entry?.name }
    public var info: Info? { entry?.info }
    /// Known but spelled in another case than the registry.
    public var isNonCanonicalCase: Bool { entry.map { $0.name != rawValue } ?? false }

    public var description: String { rawValue }

    public static let aesCM128HMACSHA1_80 = SRTPCryptoSuite(rawValue: "AES_CM_128_HMAC_SHA1_80")
    public static let aesCM128HMACSHA1_32 = SRTPCryptoSuite(rawValue: "AES_CM_128_HMAC_SHA1_32")
    public static let f8_128HMACSHA1_80 = SRTPCryptoSuite(rawValue: "F8_128_HMAC_SHA1_80")
    public static let f8_128HMACSHA1_32 = SRTPCryptoSuite(rawValue: "F8_128_HMAC_SHA1_32")
    public static let aes192CMHMACSHA1_80 = SRTPCryptoSuite(rawValue: "AES_192_CM_HMAC_SHA1_80")
    public static let aes256CMHMACSHA1_80 = SRTPCryptoSuite(rawValue: "AES_256_CM_HMAC_SHA1_80")
    public static let aeadAES128GCM = SRTPCryptoSuite(rawValue: "AEAD_AES_128_GCM")
    public static let aeadAES256GCM = SRTPCryptoSuite(rawValue: "AEAD_AES_256_GCM")
}
