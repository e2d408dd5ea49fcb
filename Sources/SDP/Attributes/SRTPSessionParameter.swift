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
    public var name: String
    public var value: Value

    public init(name: String, value: Value = .none) {
        self.name = name
        self.value = value
    }

    public static func kdr(_ n: UInt64) -> SRTPSessionParameter { .init(name: "KDR", value: .decimal(DecimalToken(n))) }
    public static func wsh(_ n: UInt64) -> SRTPSessionParameter { .init(name: "WSH", value: .decimal(DecimalToken(n))) }
    public static func fecOrder(_ t: String) -> SRTPSessionParameter { .init(name: "FEC_ORDER", value: .text(t)) }
    public static func fecKey(_ k: [CryptoKeyParameter]) -> SRTPSessionParameter { .init(name: "FEC_KEY", value: .keyParams(k)) }
    public static let unencryptedSRTP = SRTPSessionParameter(name: "UNENCRYPTED_SRTP")
    public static let unencryptedSRTCP = SRTPSessionParameter(name: "UNENCRYPTED_SRTCP")
    public static let unauthenticatedSRTP = SRTPSessionParameter(name: "UNAUTHENTICATED_SRTP")

    public var kind: Kind { Self.kind(of: name) }

    static func kind(of name: String) -> Kind {
        if name.hasPrefix("-") { return .optionalExtension }
        return Kind(rawValue: SDPGrammar.uppercased(name)) ?? .unknownMandatory
    }

    /// Known name spelled in another case.
    public var isNonCanonicalCase: Bool {
        switch kind {
        case .optionalExtension, .unknownMandatory: return false
        default: return name != kind.rawValue
        }
    }

    public var description: String { name + (value.encoded.map { "=" + $0 } ?? "") }

    /// Decodes one session-param token (1*VCHAR, already delimited).
    static func decode(_ s: inout SDPTextScanner, field: String, limits: SDPLimits, offsets: inout SDPFieldOffsets) throws(DecodingError) -> SRTPSessionParameter {
        let code = "sdp.crypto.session-param-syntax"
        offsets.record(field, s.offset)
        let nameAt = s.offset
        let name = s.readString { SDPGrammar.isVCHAR($0) && $0 != 0x3d }
        let hasValue = s.consume(0x3d)
        if name.isEmpty || name == "-" {
            throw s.fail(code, "\(field): empty session parameter name", field: field, at: nameAt, specRef: "RFC 4568 §9.2")
        }
        let kind = Self.kind(of: name)
        if kind.takesValue == false && hasValue {
            throw s.fail(code, "\(field): \(kind.rawValue) takes no value", field: field, at: nameAt, specRef: "RFC 4568 §9.2")
        }
        if kind.takesValue == true && !hasValue {
            throw s.fail(code, "\(field): \(kind.rawValue) needs '=' and a value", field: field, specRef: "RFC 4568 §9.2")
        }
        guard hasValue else { return SRTPSessionParameter(name: name) }
        offsets.record(field + ".value", s.offset)
        switch kind {
        case .kdr, .wsh:
            let d = try s.readDecimal(field + ".value", code: code, specRef: "RFC 4568 §9.2")
            try s.expectEnd(field + ".value", code: code, specRef: "RFC 4568 §9.2")
            return SRTPSessionParameter(name: name, value: .decimal(d))
        case .fecKey:
            let k = try CryptoKeyParameter.decodeList(&s, field + ".keyParams", limits: limits, offsets: &offsets)
            try s.expectEnd(field + ".keyParams", code: code, specRef: "RFC 4568 §9.2")
            return SRTPSessionParameter(name: name, value: .keyParams(k))
        default:
            let t = s.readString(while: SDPGrammar.isVCHAR)
            if kind == .fecOrder && t.isEmpty { throw s.fail(code, "\(field): FEC_ORDER needs a fec-type", field: field, specRef: "RFC 4568 §9.2") }
            return SRTPSessionParameter(name: name, value: .text(t))
        }
    }
}
