import MediasecCrypto

/// The content-authenticated encryption algorithms of RFC 5084 §3: AES-CCM
/// and AES-GCM with 128-, 192- or 256-bit keys, named by their OIDs.
public enum AuthEncryptionAlgorithm: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case aesGCM(AESKeySize)
    case aesCCM(AESKeySize)

    public enum AESKeySize: Int, Sendable, Hashable, CaseIterable {
        case bits128 = 128
        case bits192 = 192
        case bits256 = 256
        public var bytes: Int { rawValue / 8 }
        public init?(bytes: Int) { self.init(rawValue: bytes * 8) }
    }

    public static var allCases: [AuthEncryptionAlgorithm] {
        AESKeySize.allCases.map { .aesGCM($0) } + AESKeySize.allCases.map { .aesCCM($0) }
    }

    public init?(oid: String) {
        switch oid {
        case CMSOID.aes128GCM: self = .aesGCM(.bits128)
        case CMSOID.aes192GCM: self = .aesGCM(.bits192)
        case CMSOID.aes256GCM: self = .aesGCM(.bits256)
        case CMSOID.aes128CCM: self = .aesCCM(.bits128)
        case CMSOID.aes192CCM: self = .aesCCM(.bits192)
        case CMSOID.aes256CCM: self = .aesCCM(.bits256)
        default: return nil
        }
    }

    public var oid: String {
        switch self {
        case .aesGCM(.bits128): return CMSOID.aes128GCM
        case .aesGCM(.bits192): return CMSOID.aes192GCM
        case .aesGCM(.bits256): return CMSOID.aes256GCM
        case .aesCCM(.bits128): return CMSOID.aes128CCM
        case .aesCCM(.bits192): return CMSOID.aes192CCM
        case .aesCCM(.bits256): return CMSOID.aes256CCM
        }
    }

    public var keySize: AESKeySize {
        switch self {
        case .aesGCM(let k), .aesCCM(let k): return k
        }
    }

    public var keyLength: Int { keySize.bytes }

    public var isGCM: Bool { if case .aesGCM = self { return true } else { return false } }

    /// The primitive in MediasecCrypto.
    public var aead: AEADAlgorithm { isGCM ? .aesGCM : .aesCCM }

    /// ICVlen values RFC 5084 allows: GCM 12…16 (§3.2), CCM 4, 6, …, 16 (§3.1).
    public var allowedICVLengths: Set<Int> { isGCM ? [12, 13, 14, 15, 16] : [4, 6, 8, 10, 12, 14, 16] }

    /// `allowedICVLengths.contains(n)`, without building the set.
    public func allowsICVLength(_ n: Int) -> Bool { isGCM ? (12...16).contains(n) : (4...16).contains(n) && n % 2 == 0 }

    /// Nonce lengths RFC 5084 allows: CCM 7…13 octets (§3.1); GCM any
    /// non-empty nonce (§3.2), limited here to what MediasecCrypto accepts.
    public var allowedNonceLengths: ClosedRange<Int> { isGCM ? 1...AEADAlgorithm.aesGCM.nonceLengths.upperBound : 7...13 }

    /// The recommended nonce length: 12 for GCM (§3.2); 7 (L = 8) for CCM (§3.1).
    public var recommendedNonceLength: Int { isGCM ? 12 : 7 }

    public var specRef: String { isGCM ? "RFC 5084 §3.2" : "RFC 5084 §3.1" }

    public var description: String { CMSOID.names[oid] ?? oid }
}

/// Key-encryption algorithms for KEKRecipientInfo: AES key wrap (RFC 3394,
/// RFC 3565 §2.3.2) and, recognized but not supported by MediasecCrypto,
/// AES key wrap with padding (RFC 5649 §6).
public enum KeyWrapAlgorithm: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case aesWrap(AuthEncryptionAlgorithm.AESKeySize)
    case aesWrapPad(AuthEncryptionAlgorithm.AESKeySize)

    public static var allCases: [KeyWrapAlgorithm] {
        AuthEncryptionAlgorithm.AESKeySize.allCases.map { .aesWrap($0) } + AuthEncryptionAlgorithm.AESKeySize.allCases.map { .aesWrapPad($0) }
    }

    public init?(oid: String) {
        switch oid {
        case CMSOID.aes128Wrap: self = .aesWrap(.bits128)
        case CMSOID.aes192Wrap: self = .aesWrap(.bits192)
        case CMSOID.aes256Wrap: self = .aesWrap(.bits256)
        case CMSOID.aes128WrapPad: self = .aesWrapPad(.bits128)
        case CMSOID.aes192WrapPad: self = .aesWrapPad(.bits192)
        case CMSOID.aes256WrapPad: self = .aesWrapPad(.bits256)
        default: return nil
        }
    }

    /// The AES-KW algorithm whose KEK has `kekLength` bytes.
    public init?(kekLength: Int) {
        guard let k = AuthEncryptionAlgorithm.AESKeySize(bytes: kekLength) else { return nil }
        self = .aesWrap(k)
    }

    public var oid: String {
        switch self {
        case .aesWrap(.bits128): return CMSOID.aes128Wrap
        case .aesWrap(.bits192): return CMSOID.aes192Wrap
        case .aesWrap(.bits256): return CMSOID.aes256Wrap
        case .aesWrapPad(.bits128): return CMSOID.aes128WrapPad
        case .aesWrapPad(.bits192): return CMSOID.aes192WrapPad
        case .aesWrapPad(.bits256): return CMSOID.aes256WrapPad
        }
    }

    public var kekLength: Int {
        switch self {
        case .aesWrap(let k), .aesWrapPad(let k): return k.bytes
        }
    }

    public var isSupported: Bool { if case .aesWrap = self { return true } else { return false } }

    public var description: String { CMSOID.names[oid] ?? oid }
}
