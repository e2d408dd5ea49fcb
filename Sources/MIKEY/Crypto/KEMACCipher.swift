import MediasecCrypto

/// Encryption of the KEMAC Encr data field (RFC 3830 §4.2.3, §6.2;
/// RFC 6043 §6.2).
///
/// - NULL (0): the data is carried in clear.
/// - AES-CM-128 (1) / AES-CM-256 (3): AES in counter mode as in SRTP
///   (RFC 3711 §4.1.1) with SRTP_PREFIX_LENGTH 0 and
///   `IV = (S XOR (0x0000 || CSB ID || T)) || 0x0000`, where S is the
///   112-bit salt_key and T the Initiator's 64-bit timestamp. AES-CM-256 is
///   the same with a 256-bit key (RFC 6043 §6.2). At most 2^23 bits.
/// - AES-KW-128 (2): RFC 3394 key wrap with a 128-bit encr_key; RFC 3830
///   §4.2.3 derives a 64-bit salt S and says "the key wrap IV is then set to
///   S". ``KeyWrapIV`` makes that choice explicit: `.saltKey` (the RFC 3830
///   text, default) or `.rfc3394Default` (A6A6A6A6A6A6A6A6, which some
///   readers assume).
///
/// 32-bit timestamps are widened to the 64-bit T before use, per type
/// (``timestamp64(_:type:)``).
public enum KEMACCipher {
    /// Initial value for AES-KW-128 (RFC 3830 §4.2.3 vs RFC 3394 §2.2.3.1).
    public enum KeyWrapIV: String, Sendable, Hashable, CaseIterable {
        /// IV = the 64-bit salt_key S (RFC 3830 §4.2.3).
        case saltKey
        /// IV = A6A6A6A6A6A6A6A6 (RFC 3394 §2.2.3.1); salt_key unused.
        case rfc3394Default
    }

    /// Largest AES-CM input: 2^23 bits (RFC 3830 §4.2.3 note), i.e. the
    /// 2^16 counter blocks the IV's zero low 16 bits leave.
    public static let maximumCounterModeLength = 1 << 20

    /// salt_key length in bytes that `algorithm` consumes: 14 (112 bits) for
    /// AES-CM, 8 (64 bits) for AES-KW, 0 for NULL; nil when the suite has no such algorithm.
    public static func saltLength(for algorithm: EncryptionAlgorithm) -> Int? {
        switch algorithm {
        case .null: return 0
        case .aesCM128, .aesCM256: return 14
        case .aesKW128: return 8
        default: return nil
        }
    }

    /// The 64-bit T for the AES-CM IV from a raw TS value of `type`:
    /// NTP-UTC and NTP are already 64 bits (RFC 3830 §6.6); COUNTER is padded
    /// with leading zeros (RFC 3830 §6.6 — the RFC says "for the PRF", but T
    /// only ever enters the IV, so the padding is applied here); NTP-UTC-32
    /// becomes a 64-bit NTP-UTC value with a zero fraction, i.e. trailing
    /// zeros (RFC 6043 §6.3).
    public static func timestamp64(_ value: [UInt8], type: TimestampType) throws(MIKEYCryptoError) -> [UInt8] {
        let expected: Int
        let padded: [UInt8]
        switch type {
        case .ntpUTC, .ntp:
            expected = 8
            padded = value
        case .counter:
            expected = 4
            padded = [0, 0, 0, 0] + value
        case .ntpUTC32:
            expected = 4
            padded = value + [0, 0, 0, 0]
        default:
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedTimestampType, specRef: "RFC 3830 §6.6",
                message: "TS type \(type) has no defined 64-bit form")
        }
        guard value.count == expected else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.timestampLength, specRef: type == .ntpUTC32 ? "RFC 6043 §6.3" : "RFC 3830 §6.6",
                message: "TS type \(type) needs a \(expected)-byte value, got \(value.count)")
        }
        return padded
    }

    /// The AES-CM initial counter block (RFC 3830 §4.2.3):
    /// `(S XOR (0x0000 || CSB ID || T)) || 0x0000` with a 14-byte S and a
    /// 64-bit T (see ``timestamp64(_:type:)``).
    public static func counterModeIV(saltKey: [UInt8], csbID: UInt32, timestamp64 t: [UInt8]) throws(MIKEYCryptoError) -> [UInt8] {
        guard saltKey.count == 14 else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.saltKeyLength, specRef: "RFC 3830 §4.2.3",
                message: "AES-CM needs a 112-bit (14-byte) salt key, got \(saltKey.count) bytes")
        }
        guard t.count == 8 else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.timestampLength, specRef: "RFC 3830 §4.2.3",
                message: "T must be 64 bits, got \(t.count) bytes")
        }
        let csb: [UInt8] = [UInt8(truncatingIfNeeded: csbID >> 24), UInt8(truncatingIfNeeded: csbID >> 16),
                            UInt8(truncatingIfNeeded: csbID >> 8), UInt8(truncatingIfNeeded: csbID)]
        let block: [UInt8] = [0, 0] + csb + t
        var iv = [UInt8](repeating: 0, count: 16)
        for i in 0..<14 { iv[i] = saltKey[i] ^ block[i] }
        return iv
    }

    /// Encrypts the Key data sub-payload chain for the Encr data field.
    /// `timestamp` is the raw TS value of the Initiator's T payload, of type
    /// `timestampType` (used by AES-CM only); `saltKey` is used by AES-CM and
    /// by AES-KW with `.saltKey`; both are ignored by NULL.
    public static func encrypt(
        algorithm: EncryptionAlgorithm, encrKey: [UInt8], saltKey: [UInt8], csbID: UInt32,
        timestamp: [UInt8], timestampType: TimestampType, plaintext: [UInt8], keyWrapIV: KeyWrapIV = .saltKey
    ) throws(MIKEYCryptoError) -> [UInt8] {
        try transform(
            algorithm: algorithm, encrKey: encrKey, saltKey: saltKey, csbID: csbID, timestamp: timestamp,
            timestampType: timestampType, input: plaintext, encrypt: true, keyWrapIV: keyWrapIV)
    }

    /// Decrypts an Encr data field. For AES-KW the RFC 3394 integrity check
    /// must pass (code ``MIKEYCryptoError/keyWrapIntegrity`` otherwise);
    /// AES-CM has no integrity of its own — the KEMAC/V MAC provides it.
    public static func decrypt(
        algorithm: EncryptionAlgorithm, encrKey: [UInt8], saltKey: [UInt8], csbID: UInt32,
        timestamp: [UInt8], timestampType: TimestampType, ciphertext: [UInt8], keyWrapIV: KeyWrapIV = .saltKey
    ) throws(MIKEYCryptoError) -> [UInt8] {
        try transform(
            algorithm: algorithm, encrKey: encrKey, saltKey: saltKey, csbID: csbID, timestamp: timestamp,
            timestampType: timestampType, input: ciphertext, encrypt: false, keyWrapIV: keyWrapIV)
    }

    private static func transform(
        algorithm: EncryptionAlgorithm, encrKey: [UInt8], saltKey: [UInt8], csbID: UInt32,
        timestamp: [UInt8], timestampType: TimestampType, input: [UInt8], encrypt: Bool, keyWrapIV: KeyWrapIV
    ) throws(MIKEYCryptoError) -> [UInt8] {
        let specRef = algorithm == .aesCM256 ? "RFC 6043 §6.2" : "RFC 3830 §4.2.3"
        guard let keyLength = algorithm.keyLength, saltLength(for: algorithm) != nil else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedEncryption, specRef: "RFC 3830 §6.2",
                message: "encryption algorithm \(algorithm) has no algorithm this suite supports")
        }
        if algorithm == .null { return input }
        guard encrKey.count == keyLength else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.encryptionKeyLength, specRef: specRef,
                message: "\(algorithm) needs a \(keyLength)-byte encr_key, got \(encrKey.count)")
        }
        switch algorithm {
        case .aesCM128, .aesCM256:
            guard input.count <= maximumCounterModeLength else {
                throw MIKEYCryptoError(
                    code: MIKEYCryptoError.dataLength, specRef: "RFC 3830 §4.2.3",
                    message: "AES-CM input of \(input.count) bytes exceeds 2^23 bits")
            }
            let t = try timestamp64(timestamp, type: timestampType)
            let iv = try counterModeIV(saltKey: saltKey, csbID: csbID, timestamp64: t)
            do throws(CryptoError) {
                return try AES.ctr(key: encrKey, initialCounterBlock: iv, data: input)
            } catch {
                throw MIKEYCryptoError.wrapping(error, specRef: specRef)
            }
        default:  // .aesKW128
            let iv: [UInt8]
            switch keyWrapIV {
            case .rfc3394Default:
                iv = AESKeyWrap.defaultIV
            case .saltKey:
                guard saltKey.count == 8 else {
                    throw MIKEYCryptoError(
                        code: MIKEYCryptoError.saltKeyLength, specRef: specRef,
                        message: "AES-KW-128 uses a 64-bit (8-byte) salt as IV, got \(saltKey.count) bytes")
                }
                iv = saltKey
            }
            do throws(CryptoError) {
                if encrypt { return try AESKeyWrap.wrap(kek: encrKey, keyData: input, iv: iv) }
                return try AESKeyWrap.unwrap(kek: encrKey, wrapped: input, iv: iv)
            } catch {
                let code: String
                switch error.code {
                case .integrityCheckFailure: code = MIKEYCryptoError.keyWrapIntegrity
                case .invalidInputLength: code = MIKEYCryptoError.dataLength
                default: code = MIKEYCryptoError.primitiveFailure
                }
                throw MIKEYCryptoError.wrapping(error, code: code, specRef: specRef)
            }
        }
    }
}
