/// The explicit choices for the ambiguities of the SDP specs (FACTS.md §10
/// items 17–19). Each choice switches which rule fires; both sides of every
/// choice are named rules citing both clauses, so a report always says which
/// reading it applied.
public struct SDPAmbiguityChoices: Sendable, Hashable {
    /// RFC 4568 §6.3.1 says KDR is in {1,...,24}; the §9.2 ABNF comment says
    /// "range 0..24".
    public enum KDRRange: String, Sendable, Hashable, CaseIterable {
        /// 1..24 (§6.3.1, normative prose): KDR=0 → `sdp.crypto.kdr-range` (error).
        case section631
        /// 0..24 (§9.2 comment): KDR=0 → `sdp.crypto.kdr-zero-abnf` (info).
        case abnf
    }

    /// `F8_128_HMAC_SHA1_32` is in the §9.2 ABNF but not in §10.3.2.1 nor
    /// the IANA registry.
    public enum ABNFOnlySuite: String, Sendable, Hashable, CaseIterable {
        /// Registry decides: `sdp.crypto.suite-unknown` (warning).
        case registry
        /// ABNF decides: accepted with `sdp.crypto.suite-abnf-only` (info),
        /// key length checked as for F8_128_HMAC_SHA1_80.
        case abnf
    }

    /// "WSH ... minimum value is 64" appears only as a §9.2 grammar comment;
    /// §6.3.6 calls the value a hint the receiver MAY ignore.
    public enum WSHMinimum: String, Sendable, Hashable, CaseIterable {
        /// WSH < 64 → `sdp.crypto.wsh-minimum` (error).
        case required
        /// WSH < 64 → `sdp.crypto.wsh-hint` (warning).
        case hint
    }

    /// RFC 4568 §6.1 gives one lifetime value but the suites have two maxima
    /// (SRTP 2^48, SRTCP 2^31; FACTS.md §10 item 18).
    public enum LifetimeMaximum: String, Sendable, Hashable, CaseIterable {
        /// Limit 2^48 (`sdp.crypto.lifetime-max`), and `sdp.crypto.lifetime-srtcp`
        /// (info) above 2^31.
        case srtp
        /// Limit 2^31: anything above is `sdp.crypto.lifetime-max`.
        case srtcp
    }

    /// RFC 8122 §5 hash names: case-insensitive by the ABNF (RFC 5234 §2.3),
    /// lowercase in the registry (FACTS.md §10 item 19).
    public enum HashNameCase: String, Sendable, Hashable, CaseIterable {
        /// Any case; non-lowercase → `sdp.fingerprint.hash-case` (info).
        case insensitive
        /// Lowercase only → `sdp.fingerprint.hash-case-strict` (error).
        case lowercase
    }

    public var kdrRange: KDRRange
    public var abnfOnlySuite: ABNFOnlySuite
    public var wshMinimum: WSHMinimum
    public var lifetimeMaximum: LifetimeMaximum
    public var hashNameCase: HashNameCase

    public init(kdrRange: KDRRange = .section631, abnfOnlySuite: ABNFOnlySuite = .registry, wshMinimum: WSHMinimum = .required,
                lifetimeMaximum: LifetimeMaximum = .srtp, hashNameCase: HashNameCase = .insensitive) {
        self.kdrRange = kdrRange
        self.abnfOnlySuite = abnfOnlySuite
        self.wshMinimum = wshMinimum
        self.lifetimeMaximum = lifetimeMaximum
        self.hashNameCase = hashNameCase
    }

    /// The defaults: normative prose over grammar comments, the registry
    /// over the ABNF, the larger lifetime maximum, case-insensitive hash names.
    public static let `default` = SDPAmbiguityChoices()
    /// The most lenient reading of every ambiguity.
    public static let lenient = SDPAmbiguityChoices(kdrRange: .abnf, abnfOnlySuite: .abnf, wshMinimum: .hint, lifetimeMaximum: .srtp, hashNameCase: .insensitive)
    /// The strictest reading of every ambiguity.
    public static let strict = SDPAmbiguityChoices(kdrRange: .section631, abnfOnlySuite: .registry, wshMinimum: .required, lifetimeMaximum: .srtcp, hashNameCase: .lowercase)
}
