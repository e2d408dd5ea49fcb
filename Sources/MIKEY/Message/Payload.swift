import MediasecCore

/// Any MIKEY payload after the HDR. Each case wraps the typed payload of its
/// Next Payload code point (RFC 3830 §6.1 Table 6.1.b and later
/// registrations). The Next Payload fields themselves are not stored: they
/// are implied by the order of the payloads and recomputed on encoding.
public enum Payload: Hashable, Sendable {
    case kemac(KEMACPayload)
    case pke(EnvelopePayload)
    case dh(DHPayload)
    case sign(SignaturePayload)
    case timestamp(TimestampPayload)
    case id(IDPayload)
    case cert(CertPayload)
    case certHash(CertHashPayload)
    case verification(VerificationPayload)
    case securityPolicy(SecurityPolicyPayload)
    case rand(RANDPayload)
    case error(ErrorPayload)
    case timestampRole(TimestampRolePayload)
    case idRole(IDRPayload)
    case randRole(RANDRPayload)
    indirect case ticketPolicy(TicketPolicyPayload)
    indirect case ticket(TicketPayload)
    case keyData(KeyDataPayload)
    case generalExtension(GeneralExtensionPayload)
    case sakke(SAKKEPayload)

    public var type: PayloadType {
        switch self {
        case .kemac: return .kemac
        case .pke: return .pke
        case .dh: return .dh
        case .sign: return .sign
        case .timestamp: return .timestamp
        case .id: return .id
        case .cert: return .cert
        case .certHash: return .chash
        case .verification: return .verification
        case .securityPolicy: return .securityPolicy
        case .rand: return .rand
        case .error: return .error
        case .timestampRole: return .timestampRole
        case .idRole: return .idRole
        case .randRole: return .randRole
        case .ticketPolicy: return .ticketPolicy
        case .ticket: return .ticket
        case .keyData: return .keyData
        case .generalExtension: return .generalExtension
        case .sakke: return .sakke
        }
    }

    /// The clause that defines the payload's layout.
    public var specRef: String {
        switch self {
        case .kemac: return KEMACPayload.specRef
        case .pke: return EnvelopePayload.specRef
        case .dh: return DHPayload.specRef
        case .sign: return SignaturePayload.specRef
        case .timestamp: return TimestampPayload.specRef
        case .id: return IDPayload.specRef
        case .cert: return CertPayload.specRef
        case .certHash: return CertHashPayload.specRef
        case .verification: return VerificationPayload.specRef
        case .securityPolicy: return SecurityPolicyPayload.specRef
        case .rand: return RANDPayload.specRef
        case .error: return ErrorPayload.specRef
        case .timestampRole: return TimestampRolePayload.specRef
        case .idRole: return IDRPayload.specRef
        case .randRole: return RANDRPayload.specRef
        case .ticketPolicy: return TicketPolicyPayload.specRef
        case .ticket: return TicketPayload.specRef
        case .keyData: return KeyDataPayload.specRef
        case .generalExtension: return GeneralExtensionPayload.specRef
        case .sakke: return SAKKEPayload.specRef
        }
    }
}

/// Where one decoded payload sits in the input (absolute byte offsets),
/// kept beside the model so that MACs and signatures can be checked over the
/// exact received bytes and reports can point at them.
public struct PayloadSpan: Hashable, Sendable {
    public var type: PayloadType
    /// The whole payload, Next Payload byte included.
    public var range: Range<Int>
    /// The MAC / Ver data / Signature field, for KEMAC, V and SIGN.
    public var authField: Range<Int>?
    /// TICKET only: the Initiator Data length and Initiator Data fields,
    /// which the TRANSFER_INIT MAC does not cover (RFC 6043 §5.5).
    public var initiatorDataField: Range<Int>?
    /// Spans of nested chains (`tpData`, `ticketData`, `initiatorData`).
    public var nested: [NestedSpans]

    public init(type: PayloadType, range: Range<Int>, authField: Range<Int>? = nil, initiatorDataField: Range<Int>? = nil, nested: [NestedSpans] = []) {
        self.type = type
        self.range = range
        self.authField = authField
        self.initiatorDataField = initiatorDataField
        self.nested = nested
    }
}

public struct NestedSpans: Hashable, Sendable {
    public var name: String
    public var spans: [PayloadSpan]
}
