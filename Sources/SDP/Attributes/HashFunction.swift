/// A hash function name of `a=fingerprint` (RFC 8122 §5, §8: IANA "Hash
/// Function Textual Names", names from RFC 3279 / RFC 4055).
///
/// The ABNF lists the names as quoted strings, which RFC 5234 §2.3 makes
/// case-insensitive, while the registry and all prose use lowercase
/// (FACTS.md §10 item 19); the value keeps the spelling of the input and
/// ``info`` matches case-insensitively. Registries are data.
public struct HashFunction: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public struct Info: Sendable, Hashable {
        /// Digest length in bytes = the fingerprint's byte count.
        public let digestLength: Int
        /// MD2 and MD5 "MUST NOT" be used (RFC 8122 §5).
        public let forbidden: Bool
        public let specRef: String
    }

    public static let table: [String: Info] = [
        "sha-1": Info(digestLength: 20, forbidden: false, specRef: "RFC 3279"),
        "sha-224": Info(digestLength: 28, forbidden: false, specRef: "RFC 4055"),
        "sha-256": Info(digestLength: 32, forbidden: false, specRef: "RFC 4055"),
        "sha-384": Info(digestLength: 48, forbidden: false, specRef: "RFC 4055"),
        "sha-512": Info(digestLength: 64, forbidden: false, specRef: "RFC 4055"),
        "md5": Info(digestLength: 16, forbidden: true, specRef: "RFC 3279"),
        "md2": Info(digestLength: 16, forbidden: true, specRef: "RFC 3279"),
    ]

    public var canonicalName: String { SDPGrammar.lowercased(rawValue) }
    public var info: Info? { Self.table[canonicalName] }
    /// Spelled other than the registry's lowercase.
    public var isNonCanonicalCase: Bool { info != nil && rawValue != canonicalName }

    public var description: String { rawValue }

    public static let sha1 = HashFunction(rawValue: "sha-1")
    public static let sha256 = HashFunction(rawValue: "sha-256")
    public static let sha384 = HashFunction(rawValue: "sha-384")
    public static let sha512 = HashFunction(rawValue: "sha-512")
    public static let md5 = HashFunction(rawValue: "md5")
}
