/// A hash function name of `a=fingerprint` (RFC 8122 §5, §8: IANA "Hash
/// Function Textual Names", names from RFC 3279 / RFC 4055).
///
/// The ABNF lists the names as quoted strings, which RFC 5234 §2.3 makes
/// case-insensitive, while the registry and all prose use lowercase
/// (FACTS.md §10 item 19); the value keeps the spelling of the input and
/// ``info`` matches case-insensitively. Registries are data.
public struct HashFunction: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String {
        didSet { known = Self.lookup(rawValue) }
    }
    /// Position of the name in ``registered`` (matched case-insensitively),
    /// -1 for an unregistered name: looked up once per value, as bytes,
    /// instead of lowercasing and hashing the name at every question.
    private var known: Int8

    public init(rawValue: String) {
        self.rawValue = rawValue
        self.known = Self.lookup(rawValue)
    }

    public struct Info: Sendable, Hashable {
        /// Digest length in bytes = the fingerprint's byte count.
        public let digestLength: Int
        /// MD2 and MD5 "MUST NOT" be used (RFC 8122 §5).
        public let forbidden: Bool
        public let specRef: String
    }

    /// The registry in one list; ``table`` and the byte lookup are built from it.
    static let registered: [(name: String, info: Info)] = [
        ("sha-1", Info(digestLength: 20, forbidden: false, specRef: "RFC 3279")),
        ("sha-224", Info(digestLength: 28, forbidden: false, specRef: "RFC 4055")),
        ("sha-256", Info(digestLength: 32, forbidden: false, specRef: "RFC 4055")),
        ("sha-384", Info(digestLength: 48, forbidden: false, specRef: "RFC 4055")),
        ("sha-512", Info(digestLength: 64, forbidden: false, specRef: "RFC 4055")),
        ("md5", Info(digestLength: 16, forbidden: true, specRef: "RFC 3279")),
        ("md2", Info(digestLength: 16, forbidden: true, specRef: "RFC 3279")),
    ]

    public static let table: [String: Info] = Dictionary(uniqueKeysWithValues: registered.map { ($0.name, $0.info) })

    private static let infos: [Info] = registered.map(\.info)
    private static let names = RegistryNameTable(registered.map(\.name))

    /// ``known`` for a name: its position in ``registered``, matched
    /// ignoring ASCII case without building the lowercase string.
    private static func lookup(_ s: String) -> Int8 { names.lookup(s).index }

    public var canonicalName: String { SDPGrammar.lowercased(rawValue) }
    public var info: Info? { known >= 0 && Int(known) < Self.infos.count ? Self.infos[Int(known)] : nil }
    /// Spelled other than the registry's lowercase (a registered name with
    /// an uppercase ASCII letter: `canonicalName` differs from `rawValue`).
    public var isNonCanonicalCase: Bool { known >= 0 && SDPGrammar.containsByte(rawValue) { $0 >= 0x41 && $0 <= 0x5a } }

    /// `sha-256` or a registered hash with a longer digest (RFC 8122 §5:
    /// the SHA-256-or-stronger fingerprint an endpoint must offer).
    var isSHA256OrStronger: Bool {
        guard let i = info else { return false }
        return known == Self.sha256Position || i.digestLength > 32
    }
    private static let sha256Position: Int8 = lookup("sha-256")

    public var description: String { rawValue }

    /// Equality and hashing of the name as written (``known`` follows from it).
    public static func == (a: HashFunction, b: HashFunction) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }

    public static let sha1 = HashFunction(rawValue: "sha-1")
    public static let sha256 = HashFunction(rawValue: "sha-256")
    public static let sha384 = HashFunction(rawValue: "sha-384")
    public static let sha512 = HashFunction(rawValue: "sha-512")
    public static let md5 = HashFunction(rawValue: "md5")
}
