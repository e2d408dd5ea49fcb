import MediasecCore

/// One SRTP session parameter of `a=crypto` (RFC 4568 §6.3, §9.2):
///
/// ```
/// srtp-session-param = kdr / "UNENCRYPTED_SRTP" / "UNENCRYPTED_SRTCP" /
///                      "UNAUTHENTICATED_SRTP" / fec-order / fec-key /
///                      wsh / srtp-session-extension
/// kdr       = "KDR=" 1*2(DIGIT)   ; range 0..24, power of two
/// fec-order = "FEC_ORDER=" fec-type
/// fec-type  = "FEC_SRTP" / "SRTP_FEC"
/// fec-key   = "FEC_KEY=" key-params
/// wsh       = "WSH=" 2*DIGIT      ; minimum value is 64
/// srtp-session-extension = ["-"] 1*(VCHAR)
/// ```
/// The name is kept as written (names are matched case-insensitively,
/// RFC 4568 §4); the value is typed by ``kind``. Range and registry rules
/// (KDR 1..24 vs 0..24, WSH ≥ 64, unknown mandatory parameters) are
/// validation rules, because the RFC contradicts itself on some of them
/// (FACTS.md §10 item 17).
public struct SRTPSessionParameter: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case kdr = "KDR"
        case unencryptedSRTP = "UNENCRYPTED_SRTP"
        case unencryptedSRTCP = "UNENCRYPTED_SRTCP"
        case unauthenticatedSRTP = "UNAUTHENTICATED_SRTP"
        case fecOrder = "FEC_ORDER"
        case fecKey = "FEC_KEY"
        case wsh = "WSH"
        /// A name with a leading `-`: optional, may be ignored (§6.3.7).
        case optionalExtension
        /// Any other name: mandatory and unknown, so the attribute is invalid (§6.3.7).
        case unknownMandatory

        /// ``rawValue`` of a kind with a name of its own, as static text
        /// for byte comparisons; nil for the two catch-all kinds.
        var spelling: StaticString? {
            switch self {
            case .kdr: return "KDR"
            case .unencryptedSRTP: return "UNENCRYPTED_SRTP"
            case .unencryptedSRTCP: return "UNENCRYPTED_SRTCP"
            case .unauthenticatedSRTP: return "UNAUTHENTICATED_SRTP"
            case .fecOrder: return "FEC_ORDER"
            case .fecKey: return "FEC_KEY"
            case .wsh: return "WSH"
            case .optionalExtension, .unknownMandatory: return nil
            }
        }

        var takesValue: Bool? {
            switch self {
            case .kdr, .fecOrder, .fecKey, .wsh: return true
            case .unencryptedSRTP, .unencryptedSRTCP, .unauthenticatedSRTP: return false
            case .optionalExtension, .unknownMandatory: return nil
            }
        }
    }

    public enum Value: Hashable, Sendable {
        case none
        case decimal(DecimalToken)
        case text(String)
        case keyParams([CryptoKeyParameter])

        var encoded: String? {
            switch self {
            case .none: return nil
            case .decimal(let d): return d.text
            case .text(let t): return t
            case .keyParams(let k): return k.map(\.encodedValue).joined(separator: ";")
            }
        }
    }

    /// The name as written, e.g. `KDR`, `-my_ext`.
    public var name: String {
        didSet { kindOfName = Self.kind(of: name) }
    }
    public var value: Value
    /// ``kind`` of ``name``, classified once per name instead of at every
    /// question (the checks ask it several times per parameter).
    private var kindOfName: Kind

    public init(name: String, value: Value = .none) {
        self.name = name
        self.value = value
        self.kindOfName = Self.kind(of: name)
    }

    /// A decoded parameter whose kind the decoder read from the name bytes.
    init(name: String, kind: Kind, value: Value) {
        self.name = name
        self.value = value
        self.kindOfName = kind
    }

    public static func kdr(_ n: UInt64) -> SRTPSessionParameter { .init(name: "KDR", value: .decimal(DecimalToken(n))) }
    public static func wsh(_ n: UInt64) -> SRTPSessionParameter { .init(name: "WSH", value: .decimal(DecimalToken(n))) }
    public static func fecOrder(_ t: String) -> SRTPSessionParameter { .init(name: "FEC_ORDER", value: .text(t)) }
    public static func fecKey(_ k: [CryptoKeyParameter]) -> SRTPSessionParameter { .init(name: "FEC_KEY", value: .keyParams(k)) }
    public static let unencryptedSRTP = SRTPSessionParameter(name: "UNENCRYPTED_SRTP")
    public static let unencryptedSRTCP = SRTPSessionParameter(name: "UNENCRYPTED_SRTCP")
    public static let unauthenticatedSRTP = SRTPSessionParameter(name: "UNAUTHENTICATED_SRTP")

    public var kind: Kind { kindOfName }

    /// Equality and hashing of the name and value (``kind`` follows from the name).
    public static func == (a: SRTPSessionParameter, b: SRTPSessionParameter) -> Bool { a.name == b.name && a.value == b.value }
    public func hash(into h: inout Hasher) {
        h.combine(name)
        h.combine(value)
    }

    /// The kind of a name: a leading `-` is an optional extension (§6.3.7),
    /// else the name upper-cased is looked up among the known names (names
    /// are case-insensitive, RFC 4568 §4). An ASCII name (every decoded
    /// one: session-param is VCHAR) is classified from its bytes; any other
    /// goes the String way, whose comparison is Unicode canonical
    /// equivalence (`"\u{212A}DR"`, a Kelvin sign, equals `KDR`).
    static func kind(of name: String) -> Kind {
        var n = name
        if let k = n.withUTF8({ p in p.allSatisfy { $0 < 0x80 } ? kind(nameBytes: p) : nil }) { return k }
        return referenceKind(of: name)
    }

    /// ``kind(of:)`` by String operations: the definition the byte lookup
    /// must agree with (tests compare the two).
    static func referenceKind(of name: String) -> Kind {
        if name.hasPrefix("-") { return .optionalExtension }
        return Kind(rawValue: SDPGrammar.uppercased(name)) ?? .unknownMandatory
    }

    /// The kinds with a name of their own.
    private static let knownKinds: [Kind] = Kind.allCases.filter { $0.spelling != nil }

    /// ``kind(of:)`` of an ASCII name given as bytes: the length first,
    /// then the bytes upper-cased, no String built.
    static func kind<C: Collection>(nameBytes p: C) -> Kind where C.Element == UInt8 {
        if p.first == 0x2d { return .optionalExtension }
        let n = p.count
        for k in knownKinds {
            guard let name = k.spelling, name.utf8CodeUnitCount == n else { continue }
            if SDPASCII.equalsIgnoringCase(p, upper: name) { return k }
        }
        return .unknownMandatory
    }

    /// Known name spelled in another case.
    public var isNonCanonicalCase: Bool {
        switch kind {
        case .optionalExtension, .unknownMandatory: return false
        default: return name != kind.rawValue
        }
    }

    public var description: String { name + (value.encoded.map { "=" + $0 } ?? "") }
}
