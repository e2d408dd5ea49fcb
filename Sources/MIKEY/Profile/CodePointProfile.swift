import MediasecCore

/// Code points that TR 33.829 asks IANA for but that were never assigned
/// (Annex A Table A.1, Annex C.1, Annex F.1; FACTS.md §1). A conformance
/// suite must not invent official numbers, so these are a profile: every
/// decoder, validator and vector generator takes one. The defaults sit in the
/// IANA private-use ranges and are used by all shipped vectors.
public struct CodePointProfile: Sendable, Hashable {
    /// Prot Type "TLS" (TR 33.829 Annex A, D.1).
    public var protTypeTLS: ProtType
    /// Prot Type "PSK/MIME" (TR 33.829 Annex A, B, E).
    public var protTypePSKMIME: ProtType
    /// Prot Type "Application Specific" (TR 33.829 Annex A).
    public var protTypeApplicationSpecific: ProtType
    /// General Extension "3GPP IMS CONF" (TR 33.829 Annex C.1).
    public var extensionIMSConference: GeneralExtensionType
    /// General Extension "3GPP IMS MSG PROOF-OF-ORIGIN" (TR 33.829 Annex F.1).
    public var extensionProofOfOrigin: GeneralExtensionType

    public init(
        protTypeTLS: ProtType = ProtType(rawValue: 241),
        protTypePSKMIME: ProtType = ProtType(rawValue: 242),
        protTypeApplicationSpecific: ProtType = ProtType(rawValue: 243),
        extensionIMSConference: GeneralExtensionType = GeneralExtensionType(rawValue: 241),
        extensionProofOfOrigin: GeneralExtensionType = GeneralExtensionType(rawValue: 242)
    ) {
        self.protTypeTLS = protTypeTLS
        self.protTypePSKMIME = protTypePSKMIME
        self.protTypeApplicationSpecific = protTypeApplicationSpecific
        self.extensionIMSConference = extensionIMSConference
        self.extensionProofOfOrigin = extensionProofOfOrigin
    }

    /// The suite's documented defaults (FACTS.md §1).
    public static let `default` = CodePointProfile()

    /// Name of a Prot Type, including the TR additions under this profile.
    public func name(of p: ProtType) -> String? {
        if p == protTypeTLS { return "TLS" }
        if p == protTypePSKMIME { return "PSK/MIME" }
        if p == protTypeApplicationSpecific { return "Application Specific" }
        return p.name
    }

    public func name(of t: GeneralExtensionType) -> String? {
        if t == extensionIMSConference { return "3GPP IMS CONF" }
        if t == extensionProofOfOrigin { return "3GPP IMS MSG PROOF-OF-ORIGIN" }
        return t.name
    }

    /// Parses `key=value` settings as accepted by the CLI's `--code-point`
    /// option and the config file: keys `prot-tls`, `prot-psk-mime`,
    /// `prot-app`, `ext-conf`, `ext-proof-of-origin`; values 0–255.
    public mutating func apply(setting: String) throws(DecodingError) {
        let parts = setting.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters() }
        guard parts.count == 2, let v = UInt8(parts[1]) else {
            throw DecodingError(code: "profile.code-point.syntax", offset: 0, path: setting, specRef: "FACTS.md §1", message: "expected KEY=0..255")
        }
        switch parts[0] {
        case "prot-tls": protTypeTLS = ProtType(rawValue: v)
        case "prot-psk-mime": protTypePSKMIME = ProtType(rawValue: v)
        case "prot-app": protTypeApplicationSpecific = ProtType(rawValue: v)
        case "ext-conf": extensionIMSConference = GeneralExtensionType(rawValue: v)
        case "ext-proof-of-origin": extensionProofOfOrigin = GeneralExtensionType(rawValue: v)
        default:
            throw DecodingError(code: "profile.code-point.unknown-key", offset: 0, path: setting, specRef: "FACTS.md §1", message: "unknown code point key \(parts[0])")
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}

/// Hard limits for hostile input (STYLE.md §4). Exceeding one is a decoding
/// error with code `mikey.limit.*`, never a trap.
public struct DecodingLimits: Sendable, Hashable {
    /// Nesting depth of payload chains (TICKET → TP Data → …).
    public var maxDepth: Int
    /// Payloads in one message, nested ones included.
    public var maxPayloads: Int

    public init(maxDepth: Int = 4, maxPayloads: Int = 4096) {
        self.maxDepth = maxDepth
        self.maxPayloads = maxPayloads
    }

    public static let `default` = DecodingLimits()
    /// No payload-count limit (still depth-bounded); used by the bad-input benchmark.
    public static let unlimitedCount = DecodingLimits(maxDepth: 4, maxPayloads: Int.max)
}
