/// Encr alg of the KEMAC payload (RFC 3830 Table 6.2.a, RFC 6043 Table 6.5).
public struct EncryptionAlgorithm: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Encr Alg"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let null = EncryptionAlgorithm(rawValue: 0)
    public static let aesCM128 = EncryptionAlgorithm(rawValue: 1)
    public static let aesKW128 = EncryptionAlgorithm(rawValue: 2)
    public static let aesCM256 = EncryptionAlgorithm(rawValue: 3)
    public static let names: [UInt8: String] = [0: "NULL", 1: "AES-CM-128", 2: "AES-KW-128", 3: "AES-CM-256"]

    /// Key length in bytes, for the algorithms this suite implements.
    public var keyLength: Int? {
        switch rawValue {
        case 0: return 0
        case 1, 2: return 16
        case 3: return 32
        default: return nil
        }
    }
}

/// MAC alg of KEMAC and V (RFC 3830 Table 6.2.b, RFC 6043 Table 6.6).
public struct MACAlgorithm: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "MAC alg"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let null = MACAlgorithm(rawValue: 0)
    public static let hmacSHA1_160 = MACAlgorithm(rawValue: 1)
    public static let hmacSHA256_256 = MACAlgorithm(rawValue: 2)
    public static let names: [UInt8: String] = [0: "NULL", 1: "HMAC-SHA-1-160", 2: "HMAC-SHA-256-256"]

    /// Length of the MAC field in bytes; nil when unknown (then the payload
    /// length cannot be known either).
    public var macLength: Int? {
        switch rawValue {
        case 0: return 0
        case 1: return 20
        case 2: return 32
        default: return nil
        }
    }

    /// Authentication key length in bytes (RFC 3830 §4.2.4: 160 bits for
    /// HMAC-SHA-1; RFC 6043 §6.2: 256 bits for HMAC-SHA-256).
    public var keyLength: Int? {
        switch rawValue {
        case 0: return 0
        case 1: return 20
        case 2: return 32
        default: return nil
        }
    }
}

/// C, envelope key cache indicator of PKE (RFC 3830 Table 6.3). 2 bits.
public struct EnvelopeCacheType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "C Envelope Key Cache Indicator"
    public static let names: [UInt8: String] = [0: "No cache", 1: "Cache", 2: "Cache for CSB"]
}

/// DH-Group (RFC 3830 Table 6.4).
public struct DHGroup: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "DH-Group"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let oakley5 = DHGroup(rawValue: 0)
    public static let oakley1 = DHGroup(rawValue: 1)
    public static let oakley2 = DHGroup(rawValue: 2)
    public static let names: [UInt8: String] = [0: "OAKLEY 5", 1: "OAKLEY 1", 2: "OAKLEY 2"]
    /// DH-value length in bytes (implicit from the group).
    public var valueLength: Int? {
        switch rawValue {
        case 0: return 192
        case 1: return 96
        case 2: return 128
        default: return nil
        }
    }
}

/// S type of SIGN (RFC 3830 Table 6.5, RFC 6509 Table 6). 4 bits.
public struct SignatureType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "S Type"
    public static let rsaPKCS1 = SignatureType(rawValue: 0)
    public static let rsaPSS = SignatureType(rawValue: 1)
    public static let eccsi = SignatureType(rawValue: 2)
    public static let names: [UInt8: String] = [0: "RSA/PKCS#1/1.5", 1: "RSA/PSS", 2: "ECCSI"]
}

/// TS type (RFC 3830 Table 6.6, RFC 6043 Table 6.8).
public struct TimestampType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "TS Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let ntpUTC = TimestampType(rawValue: 0)
    public static let ntp = TimestampType(rawValue: 1)
    public static let counter = TimestampType(rawValue: 2)
    public static let ntpUTC32 = TimestampType(rawValue: 3)
    public static let names: [UInt8: String] = [0: "NTP-UTC", 1: "NTP", 2: "COUNTER", 3: "NTP-UTC-32"]
    /// TS value length in bytes.
    public var valueLength: Int? {
        switch rawValue {
        case 0, 1: return 8
        case 2, 3: return 4
        default: return nil
        }
    }
}

/// ID Type (RFC 3830 Table 6.7.a, RFC 6043 Table 6.10).
public struct IDType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "ID Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let nai = IDType(rawValue: 0)
    public static let uri = IDType(rawValue: 1)
    public static let byteString = IDType(rawValue: 2)
    public static let names: [UInt8: String] = [0: "NAI", 1: "URI", 2: "Byte string"]
}

/// Cert Type (RFC 3830 Table 6.7.b).
public struct CertType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Cert Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let x509v3 = CertType(rawValue: 0)
    public static let names: [UInt8: String] = [0: "X.509v3", 1: "X.509v3 URL", 2: "X.509v3 Sign", 3: "X.509v3 Encr"]
}

/// Hash func of CHASH (RFC 3830 Table 6.8, RFC 6043 Table 6.12).
public struct HashFunction: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Hash Func"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let sha1 = HashFunction(rawValue: 0)
    public static let md5 = HashFunction(rawValue: 1)
    public static let sha256 = HashFunction(rawValue: 2)
    public static let names: [UInt8: String] = [0: "SHA-1", 1: "MD5", 2: "SHA-256"]
    public var hashLength: Int? {
        switch rawValue {
        case 0: return 20
        case 1: return 16
        case 2: return 32
        default: return nil
        }
    }
}

/// Error no (RFC 3830 Table 6.12, RFC 4738, RFC 6043 Table 6.14).
public struct ErrorNumber: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Error No"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let names: [UInt8: String] = [
        0: "Auth failure", 1: "Invalid TS", 2: "Invalid PRF", 3: "Invalid MAC", 4: "Invalid EA",
        5: "Invalid HA", 6: "Invalid DH", 7: "Invalid ID", 8: "Invalid Cert", 9: "Invalid SP",
        10: "Invalid SPpar", 11: "Invalid DT", 12: "Unspecified error", 13: "Unsupported message type",
        14: "Invalid TICKET", 15: "Invalid TPpar",
    ]
}

/// Key data Type (RFC 3830 Table 6.13.a, RFC 6043 Table 6.7, RFC 6267). 4 bits.
public struct KeyDataType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "Key Data Type"
    public static let tgk = KeyDataType(rawValue: 0)
    public static let tgkSalt = KeyDataType(rawValue: 1)
    public static let tek = KeyDataType(rawValue: 2)
    public static let tekSalt = KeyDataType(rawValue: 3)
    public static let gtgk = KeyDataType(rawValue: 4)
    public static let gtgkSalt = KeyDataType(rawValue: 5)
    public static let mpk = KeyDataType(rawValue: 6)
    public static let kPR = KeyDataType(rawValue: 7)
    public static let names: [UInt8: String] = [
        0: "TGK", 1: "TGK+SALT", 2: "TEK", 3: "TEK+SALT", 4: "GTGK", 5: "GTGK+SALT", 6: "MPK", 7: "K_PR",
    ]
    /// Whether the Salt len / Salt data fields are present; nil when unknown.
    public var hasSalt: Bool? {
        switch rawValue {
        case 1, 3, 5: return true
        case 0, 2, 4, 6, 7: return false
        default: return nil
        }
    }
}

/// KV type (RFC 3830 Table 6.13.b). 4 bits.
public struct KeyValidityType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "KV Type"
    public static let null = KeyValidityType(rawValue: 0)
    public static let spi = KeyValidityType(rawValue: 1)
    public static let interval = KeyValidityType(rawValue: 2)
    public static let names: [UInt8: String] = [0: "Null", 1: "SPI", 2: "Interval"]
}

/// General Extension Type (RFC 3830 Table 6.15 and later registrations), plus
/// the TR 33.829 Annex C and F types from the ``CodePointProfile``.
public struct GeneralExtensionType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "General Ext. Type"
    public static let privateUse: ClosedRange<UInt8>? = 241...255
    public static let vendorID = GeneralExtensionType(rawValue: 0)
    public static let sdpIDs = GeneralExtensionType(rawValue: 1)
    public static let teslaIKey = GeneralExtensionType(rawValue: 2)
    public static let keyID = GeneralExtensionType(rawValue: 3)
    public static let csbID = GeneralExtensionType(rawValue: 4)
    public static let omaBCAST = GeneralExtensionType(rawValue: 5)
    public static let sakkeToSelf = GeneralExtensionType(rawValue: 6)
    public static let keyParameters3GPP = GeneralExtensionType(rawValue: 7)
    public static let names: [UInt8: String] = [
        0: "Vendor ID", 1: "SDP IDs", 2: "TESLA I-Key", 3: "Key ID", 4: "CSB_ID", 5: "OMA BCAST",
        6: "SAKKE-to-self", 7: "3GPP key parameters",
    ]
}

/// TS Role (RFC 6043 Table 6.9).
public struct TimestampRole: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "TS Role"
    public static let privateUse: ClosedRange<UInt8>? = 240...254
    public static let issue = TimestampRole(rawValue: 1)
    public static let validFrom = TimestampRole(rawValue: 2)
    public static let validTo = TimestampRole(rawValue: 3)
    public static let rekeyInterval = TimestampRole(rawValue: 4)
    public static let names: [UInt8: String] = [1: "TRi", 2: "TRs", 3: "TRe", 4: "TRr"]
}

/// ID Role (RFC 6043 Table 6.11, RFC 6509, TS 33.180).
public struct IDRole: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "ID Role"
    public static let privateUse: ClosedRange<UInt8>? = 240...254
    public static let initiator = IDRole(rawValue: 1)
    public static let responder = IDRole(rawValue: 2)
    public static let kms = IDRole(rawValue: 3)
    public static let psk = IDRole(rawValue: 4)
    public static let application = IDRole(rawValue: 5)
    public static let initiatorKMS = IDRole(rawValue: 6)
    public static let responderKMS = IDRole(rawValue: 7)
    public static let hashedInitiator = IDRole(rawValue: 8)
    public static let hashedResponder = IDRole(rawValue: 9)
    public static let names: [UInt8: String] = [
        1: "IDRi", 2: "IDRr", 3: "IDRkms", 4: "IDRpsk", 5: "IDRapp", 6: "IDRkmsi", 7: "IDRkmsr",
        8: "IDRuidi", 9: "IDRuidr",
    ]
}

/// RAND Role (RFC 6043 Table 6.13).
public struct RANDRole: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "RAND Role"
    public static let privateUse: ClosedRange<UInt8>? = 240...254
    public static let initiator = RANDRole(rawValue: 1)
    public static let responder = RANDRole(rawValue: 2)
    public static let kms = RANDRole(rawValue: 3)
    public static let names: [UInt8: String] = [1: "RANDRi", 2: "RANDRr", 3: "RANDRkms"]
}

/// Ticket Type (RFC 6043 Table 6.15). 16 bits.
public struct TicketType: RegistryValue {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static let registryName = "Ticket Type"
    public static let privateUse: ClosedRange<UInt16>? = 61440...65534
    public static let mikeyBase = TicketType(rawValue: 1)
    public static let threeGPPBase = TicketType(rawValue: 2)
    public static let names: [UInt16: String] = [1: "MIKEY base ticket", 2: "3GPP base ticket"]
}

/// SAKKE params (RFC 6509 Table 4).
public struct SAKKEParams: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "SAKKE params"
    public static let privateUse: ClosedRange<UInt8>? = 240...254
    public static let names: [UInt8: String] = [1: "Parameter Set 1"]
}

/// ID Scheme (RFC 6509 Table 5, TS 33.180).
public struct SAKKEIDScheme: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "ID Scheme"
    public static let privateUse: ClosedRange<UInt8>? = 240...254
    public static let names: [UInt8: String] = [1: "tel URI with monthly keys", 2: "3GPP MCX hashed UID"]
}

/// SRTP policy parameter types (RFC 3830 Table 6.10.1.a, RFC 4771, RFC 7714).
public struct SRTPPolicyParameterType: RegistryValue {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let registryName = "MIKEY Security Protocol Parameters (SRTP)"
    public static let names: [UInt8: String] = [
        0: "Encryption algorithm", 1: "Session Encr. key length", 2: "Authentication algorithm",
        3: "Session Auth. key length", 4: "Session Salt key length", 5: "SRTP Pseudo Random Function",
        6: "Key derivation rate", 7: "SRTP encryption off/on", 8: "SRTCP encryption off/on",
        9: "sender's FEC order", 10: "SRTP authentication off/on", 11: "Authentication tag length",
        12: "SRTP prefix length", 13: "ROC transmission rate", 14: "SRTP Auth. algorithm",
        15: "SRTCP Auth. algorithm", 16: "SRTP Session Auth. key len", 17: "SRTCP Session Auth. key len",
        18: "SRTP Authentication tag len", 19: "SRTCP Authentication tag len",
        20: "AEAD authentication tag length",
    ]
    /// Value sub-registries for the parameter types that have one.
    public static let valueNames: [UInt8: [UInt8: String]] = [
        0: [0: "NULL", 1: "AES-CM", 2: "AES-F8", 3: "SEED-CTR", 4: "SEED-CCM", 5: "SEED-GCM", 6: "AES-GCM", 7: "ARIA-CTR", 8: "ARIA-GCM"],
        2: [0: "NULL", 1: "HMAC-SHA-1", 2: "RCCm1", 3: "RCCm2", 4: "RCCm3"],
        5: [0: "AES-CM", 1: "SEED-CTR", 2: "ARIA-CTR"],
        9: [0: "FEC-SRTP"],
    ]
}
