import MediasecCore

/// The attributes this suite decodes into typed values.
public enum TypedAttribute: Hashable, Sendable {
    case crypto(CryptoAttribute)
    case fingerprint(FingerprintAttribute)
    case keyMgmt(KeyMgmtAttribute)
    case setup(SetupAttribute)
    case connection(ConnectionAttribute)
    case tlsID(TLSIDAttribute)
    case e2ae(E2AEAttribute)
    case path(MSRPPathAttribute)
    case acceptTypes(AcceptTypesAttribute)
    case acceptWrappedTypes(AcceptTypesAttribute)
    case floorControl(FloorControlAttribute)
    case conferenceID(BFCPConferenceIDAttribute)
    case userID(BFCPUserIDAttribute)
    case floorID(FloorIDAttribute)

    public var encodedValue: String {
        switch self {
        case .crypto(let a): return a.encodedValue
        case .fingerprint(let a): return a.encodedValue
        case .keyMgmt(let a): return a.encodedValue
        case .setup(let a): return a.encodedValue
        case .connection(let a): return a.encodedValue
        case .tlsID(let a): return a.encodedValue
        case .e2ae(let a): return a.encodedValue
        case .path(let a): return a.encodedValue
        case .acceptTypes(let a), .acceptWrappedTypes(let a): return a.encodedValue
        case .floorControl(let a): return a.encodedValue
        case .conferenceID(let a): return a.encodedValue
        case .userID(let a): return a.encodedValue
        case .floorID(let a): return a.encodedValue
        }
    }
}
