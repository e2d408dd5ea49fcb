/// Data Type (RFC 3830 §6.1 Table 6.1.a, RFC 4650, RFC 4738, RFC 6043 §6.1, RFC 6267, RFC 6509).
public struct DataType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Data Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255

    public static let psk = DataType(rawValue: 0)
    public static let pskVerify = DataType(rawValue: 1)
    public static let publicKey = DataType(rawValue: 2)
    public static let pkVerify = DataType(rawValue: 3)
    public static let dhInit = DataType(rawValue: 4)
    public static let dhResp = DataType(rawValue: 5)
    public static let error = DataType(rawValue: 6)
    public static let dhhmacInit = DataType(rawValue: 7)
    public static let dhhmacResp = DataType(rawValue: 8)
    public static let rsaRInit = DataType(rawValue: 9)
    public static let rsaRResp = DataType(rawValue: 10)
    public static let requestInitPSK = DataType(rawValue: 11)
    public static let requestInitPK = DataType(rawValue: 12)
    public static let requestResp = DataType(rawValue: 13)
    public static let transferInit = DataType(rawValue: 14)
    public static let transferResp = DataType(rawValue: 15)
    public static let resolveInitPSK = DataType(rawValue: 16)
    public static let resolveInitPK = DataType(rawValue: 17)
    public static let resolveResp = DataType(rawValue: 18)
    public static let sakke = DataType(rawValue: 26)

    public static let names: [UInt8: String] = [
        0: "Pre-shared", 1: "PSK ver msg", 2: "Public key", 3: "PK ver msg",
        4: "D-H init", 5: "D-H resp", 6: "Error", 7: "DHHMAC init", 8: "DHHMAC resp",
        9: "RSA-R I_MSG", 10: "RSA-R R_MSG", 11: "REQUEST_INIT_PSK", 12: "REQUEST_INIT_PK",
        13: "REQUEST_RESP", 14: "TRANSFER_INIT", 15: "TRANSFER_RESP", 16: "RESOLVE_INIT_PSK",
        17: "RESOLVE_INIT_PK", 18: "RESOLVE_RESP", 19: "REQUEST_KEY_PSK", 20: "REQUEST_KEY_PKE",
        21: "REQUEST_KEY_RESP", 22: "I_MESSAGE_1", 23: "R_MESSAGE_1", 24: "I_MESSAGE_2",
        25: "R_MESSAGE_2", 26: "SAKKE msg",
    ]

    /// RFC 6043 message types (11–18).
    public var isTicketMessage: Bool { (11...18).contains(rawValue) }
}

/// Next Payload (RFC 3830 §6.1 Table 6.1.b, RFC 6043 Table 6.2, RFC 6267, RFC 6509).
public struct PayloadType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Next Payload"
    public static let privateUse: ClosedRange<UInt8>? = 241...255

    public static let last = PayloadType(rawValue: 0)
    public static let kemac = PayloadType(rawValue: 1)
    public static let pke = PayloadType(rawValue: 2)
    public static let dh = PayloadType(rawValue: 3)
    public static let sign = PayloadType(rawValue: 4)
    public static let timestamp = PayloadType(rawValue: 5)
    public static let id = PayloadType(rawValue: 6)
    public static let cert = PayloadType(rawValue: 7)
    public static let chash = PayloadType(rawValue: 8)
    public static let verification = PayloadType(rawValue: 9)
    public static let securityPolicy = PayloadType(rawValue: 10)
    public static let rand = PayloadType(rawValue: 11)
    public static let error = PayloadType(rawValue: 12)
    public static let timestampRole = PayloadType(rawValue: 13)
    public static let idRole = PayloadType(rawValue: 14)
    public static let randRole = PayloadType(rawValue: 15)
    public static let ticketPolicy = PayloadType(rawValue: 16)
    public static let ticket = PayloadType(rawValue: 17)
    public static let keyData = PayloadType(rawValue: 20)
    public static let generalExtension = PayloadType(rawValue: 21)
    public static let sakke = PayloadType(rawValue: 26)

    public static let names: [UInt8: String] = [
        0: "Last payload", 1: "KEMAC", 2: "PKE", 3: "DH", 4: "SIGN", 5: "T", 6: "ID", 7: "CERT",
        8: "CHASH", 9: "V", 10: "SP", 11: "RAND", 12: "ERR", 13: "TR", 14: "IDR", 15: "RANDR",
        16: "TP", 17: "TICKET", 20: "Key data", 21: "General Ext.", 22: "IBAKE", 23: "ESK",
        24: "SK", 25: "ECCPT", 26: "SAKKE",
    ]
}

/// PRF func (RFC 3830 §6.1 Table 6.1.c, RFC 6043 Table 6.3). 7 bits.
public struct PRFFunction: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "PRF Func"
    public static let privateUse: ClosedRange<UInt8>? = 112...127
    public static let mikey1 = PRFFunction(rawValue: 0)
    public static let hmacSHA256 = PRFFunction(rawValue: 1)
    public static let names: [UInt8: String] = [0: "MIKEY-1", 1: "PRF-HMAC-SHA-256"]
}

/// CS ID map type (RFC 3830 Table 6.1.d, RFC 4563, RFC 6043 Table 6.4).
public struct CSIDMapType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "CS ID Map Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let srtpID = CSIDMapType(rawValue: 0)
    public static let empty = CSIDMapType(rawValue: 1)
    public static let genericID = CSIDMapType(rawValue: 2)
    public static let names: [UInt8: String] = [0: "SRTP-ID", 1: "Empty map", 2: "GENERIC-ID"]
}

/// Prot type (RFC 3830 Table 6.10, RFC 4442) plus the TR 33.829 Annex A
/// additions, whose code points come from the ``CodePointProfile``.
public struct ProtType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Prot Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let srtp = ProtType(rawValue: 0)
    public static let tesla = ProtType(rawValue: 1)
    public static let names: [UInt8: String] = [0: "SRTP", 1: "TESLA"]
}
