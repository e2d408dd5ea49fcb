import MediasecCore

/// MIKEY key derivations: every PRF label of RFC 3830 and RFC 6043 is built
/// in ``label(for:context:)`` and nowhere else.
///
/// | context | label | clause |
/// |---|---|---|
/// | ``Context/tgk(csID:csbID:rand:)`` | const ‖ CS ID(8) ‖ CSB ID(32) ‖ RAND | RFC 3830 §4.1.3 |
/// | ``Context/transport(csbID:rand:)`` | const ‖ 0xFF ‖ CSB ID ‖ RAND | RFC 3830 §4.1.4 |
/// | ``Context/keyForking(idData:randRkms:)`` | const ‖ 0xFF ‖ 0xFFFFFFFF ‖ 0x00 ‖ len ID Data(16) ‖ ID Data ‖ len RANDRkms(8) ‖ RANDRkms | RFC 6043 §5.1.1 |
/// | ``Context/ticketMessage(_:csbID:randRi:randRr:)`` | const ‖ 0xFF ‖ CSB ID ‖ 0x01/0x02 ‖ len RANDRi ‖ RANDRi ‖ len RANDRr ‖ RANDRr | RFC 6043 §5.1.2 |
/// | ``Context/ticketTGK(csID:randRi:randRr:)`` | const ‖ CS ID ‖ 0xFFFFFFFF ‖ 0x03 ‖ len RANDRi ‖ RANDRi ‖ len RANDRr ‖ RANDRr | RFC 6043 §5.1.3 |
/// | ``Context/initiatorData`` | const ‖ 0xFF ‖ 0xFFFFFFFF ‖ 0x04 | RFC 6043 §6.10 |
/// | ``Context/ticketProtectionKey(rand:)`` | const ‖ 0xFF ‖ 0xFFFFFFFF ‖ 0x05 ‖ len RAND ‖ RAND | RFC 6043 Appendix A.2.1 |
/// | ``Context/mikeyProtectionKey(rand:)`` | const ‖ 0xFF ‖ 0xFFFFFFFF ‖ 0x06 ‖ len RAND ‖ RAND | RFC 6043 Appendix A.2.2 |
///
/// RFC 6043 labels carry only the RAND length and RAND fields of a RANDR
/// payload, never the whole payload (RFC 6043 §5.1, Appendix A.2). An
/// omitted RANDRi/RANDRr is passed as `[]` and encodes as length 0.
public enum MIKEYKeyDerivation {
    /// The key a derivation produces; it selects the label constant.
    public enum DerivedKey: String, Sendable, Hashable, CaseIterable {
        /// TEK (RFC 3830 §4.1.3; TGK contexts only).
        case tek
        /// encr_key.
        case encryptionKey
        /// auth_key.
        case authenticationKey
        /// salt_key.
        case saltKey
        /// MPKr' (RFC 6043 §5.1.1).
        case forkedMPKr
        /// TGK' (RFC 6043 §5.1.1).
        case forkedTGK
        /// MPKi (RFC 6043 Appendix A.2.2).
        case mpkI
        /// MPKr (RFC 6043 Appendix A.2.2).
        case mpkR
    }

    /// Role of a ticket-exchange message in RFC 6043 §5.1.2 (the byte after
    /// the CSB ID).
    public enum TicketMessageRole: UInt8, Sendable, Hashable {
        case initial = 0x01
        case response = 0x02
    }

    /// Where a derivation happens; it selects the label layout.
    public enum Context: Sendable, Hashable {
        /// Keys for a crypto session from a TGK (RFC 3830 §4.1.3).
        case tgk(csID: UInt8, csbID: UInt32, rand: [UInt8])
        /// Keys protecting MIKEY messages from an envelope key, PSK or DH
        /// key (RFC 3830 §4.1.4).
        case transport(csbID: UInt32, rand: [UInt8])
        /// Forked MPKr' / TGK' (RFC 6043 §5.1.1). `idData` is the ID Data
        /// field of IDRr.
        case keyForking(idData: [UInt8], randRkms: [UInt8])
        /// Keys protecting ticket-exchange messages from a PSK, envelope key,
        /// MPKi or MPKr' (RFC 6043 §5.1.2).
        case ticketMessage(TicketMessageRole, csbID: UInt32, randRi: [UInt8], randRr: [UInt8])
        /// Keys for a crypto session from a TGK, TGK' or GTGK in the Ticket
        /// Transfer exchange (RFC 6043 §5.1.3).
        case ticketTGK(csID: UInt8, randRi: [UInt8], randRr: [UInt8])
        /// The auth_key of the Vr payload in Initiator Data, from MPKr
        /// (RFC 6043 §6.10).
        case initiatorData
        /// Keys protecting the MIKEY base ticket, from a TPK
        /// (RFC 6043 Appendix A.2.1).
        case ticketProtectionKey(rand: [UInt8])
        /// MPKi / MPKr from the ticket's MPK (RFC 6043 Appendix A.2.2).
        case mikeyProtectionKey(rand: [UInt8])

        /// The clause defining this derivation.
        public var specRef: String {
            switch self {
            case .tgk: return "RFC 3830 §4.1.3"
            case .transport: return "RFC 3830 §4.1.4"
            case .keyForking: return "RFC 6043 §5.1.1"
            case .ticketMessage: return "RFC 6043 §5.1.2"
            case .ticketTGK: return "RFC 6043 §5.1.3"
            case .initiatorData: return "RFC 6043 §6.10"
            case .ticketProtectionKey: return "RFC 6043 Appendix A.2.1"
            case .mikeyProtectionKey: return "RFC 6043 Appendix A.2.2"
            }
        }

        /// Forking and MPK derivations fix outkey_len = inkey_len
        /// (RFC 6043 §5.1.1, Appendix A.2.2).
        public var outputLengthEqualsInputLength: Bool {
            switch self {
            case .keyForking, .mikeyProtectionKey: return true
            default: return false
            }
        }
    }

    /// Label constants. TGK family: RFC 3830 Table 4.1.3 (reused by RFC 6043
    /// §5.1.3). Transport family: RFC 3830 Table 4.1.4 (reused by RFC 6043
    /// §5.1.2, §6.10, Appendix A.2.1). Forking: RFC 6043 Table 5.1.
    /// MPK: RFC 6043 Table A.1.
    public enum Constant {
        public static let tgkTEK: UInt32 = 0x2AD0_1C64
        public static let tgkAuthentication: UInt32 = 0x1B5C_7973
        public static let tgkEncryption: UInt32 = 0x1579_8CEF
        public static let tgkSalt: UInt32 = 0x39A2_C14B
        public static let transportEncryption: UInt32 = 0x1505_33E1
        public static let transportAuthentication: UInt32 = 0x2D22_AC75
        public static let transportSalt: UInt32 = 0x29B8_8916
        public static let forkedMPKr: UInt32 = 0x2B28_8856
        public static let forkedTGK: UInt32 = 0x1512_B54A
        public static let mpkI: UInt32 = 0x220E_99A2
        public static let mpkR: UInt32 = 0x1F4D_675B
    }

    /// The label constant for `key` in `context`; throws when the clause
    /// does not define that key there (e.g. a TEK from a PSK).
    public static func constant(for key: DerivedKey, context: Context) throws(MIKEYCryptoError) -> UInt32 {
        let value: UInt32?
        switch context {
        case .tgk, .ticketTGK:
            switch key {
            case .tek: value = Constant.tgkTEK
            case .authenticationKey: value = Constant.tgkAuthentication
            case .encryptionKey: value = Constant.tgkEncryption
            case .saltKey: value = Constant.tgkSalt
            default: value = nil
            }
        case .transport, .ticketMessage, .initiatorData, .ticketProtectionKey:
            switch key {
            case .encryptionKey: value = Constant.transportEncryption
            case .authenticationKey: value = Constant.transportAuthentication
            case .saltKey: value = Constant.transportSalt
            default: value = nil
            }
        case .keyForking:
            switch key {
            case .forkedMPKr: value = Constant.forkedMPKr
            case .forkedTGK: value = Constant.forkedTGK
            default: value = nil
            }
        case .mikeyProtectionKey:
            switch key {
            case .mpkI: value = Constant.mpkI
            case .mpkR: value = Constant.mpkR
            default: value = nil
            }
        }
        guard let constant = value else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.invalidKeyForContext, specRef: context.specRef,
                message: "\(key.rawValue) is not derived in this context")
        }
        return constant
    }

    /// The complete PRF label for `key` in `context` (see the table on
    /// ``MIKEYKeyDerivation``). Throws when a length field cannot hold its
    /// value (RAND > 255 bytes in an 8-bit length, ID Data > 65535 bytes).
    public static func label(for key: DerivedKey, context: Context) throws(MIKEYCryptoError) -> [UInt8] {
        var w = ByteWriter()
        w.writeUInt32(try constant(for: key, context: context))
        let specRef = context.specRef
        switch context {
        case let .tgk(csID, csbID, rand):
            w.writeUInt8(csID)
            w.writeUInt32(csbID)
            w.writeBytes(rand)
        case let .transport(csbID, rand):
            w.writeUInt8(0xFF)
            w.writeUInt32(csbID)
            w.writeBytes(rand)
        case let .keyForking(idData, randRkms):
            w.writeUInt8(0xFF)
            w.writeUInt32(0xFFFF_FFFF)
            w.writeUInt8(0x00)
            try writePrefixed(&w, idData, lengthBytes: 2, field: "ID Data", specRef: specRef)
            try writePrefixed(&w, randRkms, lengthBytes: 1, field: "RANDRkms", specRef: specRef)
        case let .ticketMessage(role, csbID, randRi, randRr):
            w.writeUInt8(0xFF)
            w.writeUInt32(csbID)
            w.writeUInt8(role.rawValue)
            try writePrefixed(&w, randRi, lengthBytes: 1, field: "RANDRi", specRef: specRef)
            try writePrefixed(&w, randRr, lengthBytes: 1, field: "RANDRr", specRef: specRef)
        case let .ticketTGK(csID, randRi, randRr):
            w.writeUInt8(csID)
            w.writeUInt32(0xFFFF_FFFF)
            w.writeUInt8(0x03)
            try writePrefixed(&w, randRi, lengthBytes: 1, field: "RANDRi", specRef: specRef)
            try writePrefixed(&w, randRr, lengthBytes: 1, field: "RANDRr", specRef: specRef)
        case .initiatorData:
            w.writeUInt8(0xFF)
            w.writeUInt32(0xFFFF_FFFF)
            w.writeUInt8(0x04)
        case let .ticketProtectionKey(rand):
            w.writeUInt8(0xFF)
            w.writeUInt32(0xFFFF_FFFF)
            w.writeUInt8(0x05)
            try writePrefixed(&w, rand, lengthBytes: 1, field: "RAND", specRef: specRef)
        case let .mikeyProtectionKey(rand):
            w.writeUInt8(0xFF)
            w.writeUInt32(0xFFFF_FFFF)
            w.writeUInt8(0x06)
            try writePrefixed(&w, rand, lengthBytes: 1, field: "RAND", specRef: specRef)
        }
        return w.bytes
    }

    /// Derives `key` from `inkey` in `context` with the PRF `prf`
    /// (``MIKEYPRF``), `outputLength` bytes long. For forking and MPK
    /// derivations the output length SHALL equal the inkey length
    /// (RFC 6043 §5.1.1, Appendix A.2.2); pass nil to use the inkey length.
    public static func derive(
        _ key: DerivedKey, inkey: [UInt8], context: Context, prf: PRFFunction, outputLength: Int? = nil
    ) throws(MIKEYCryptoError) -> [UInt8] {
        let length: Int
        if context.outputLengthEqualsInputLength {
            length = outputLength ?? inkey.count
            guard length == inkey.count else {
                throw MIKEYCryptoError(
                    code: MIKEYCryptoError.invalidOutputLength, specRef: context.specRef,
                    message: "outkey_len SHALL equal inkey_len (\(inkey.count) bytes), got \(length)")
            }
        } else {
            guard let requested = outputLength else {
                throw MIKEYCryptoError(
                    code: MIKEYCryptoError.invalidOutputLength, specRef: context.specRef,
                    message: "an output length is required for \(key.rawValue)")
            }
            length = requested
        }
        let label = try label(for: key, context: context)
        return try MIKEYPRF.derive(function: prf, inkey: inkey, label: label, outputLength: length)
    }

    /// The three keys protecting a MIKEY message.
    public struct MessageKeys: Sendable, Hashable {
        public var encryptionKey: [UInt8]
        public var authenticationKey: [UInt8]
        public var saltKey: [UInt8]

        public init(encryptionKey: [UInt8], authenticationKey: [UInt8], saltKey: [UInt8]) {
            self.encryptionKey = encryptionKey
            self.authenticationKey = authenticationKey
            self.saltKey = saltKey
        }
    }

    /// encr_key, auth_key and salt_key for a KEMAC/V protected with
    /// `encryption` and `mac`, with the lengths those algorithms need:
    /// encr_key = the cipher key length, auth_key = the MAC key length
    /// (RFC 3830 §4.2.4, RFC 6043 §6.2), salt_key = ``KEMACCipher/saltLength(for:)``
    /// (112 bits for AES-CM, 64 for AES-KW, RFC 3830 §4.2.3). Only for the
    /// transport-family contexts (RFC 3830 §4.1.4, RFC 6043 §5.1.2, §6.10,
    /// Appendix A.2.1).
    public static func messageKeys(
        inkey: [UInt8], context: Context, prf: PRFFunction, encryption: EncryptionAlgorithm, mac: MACAlgorithm
    ) throws(MIKEYCryptoError) -> MessageKeys {
        guard let encrLength = encryption.keyLength, let saltLength = KEMACCipher.saltLength(for: encryption) else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedEncryption, specRef: "RFC 3830 §4.2.3",
                message: "encryption algorithm \(encryption) has no algorithm this suite supports")
        }
        guard let authLength = mac.keyLength else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedMAC, specRef: "RFC 3830 §4.2.4",
                message: "MAC algorithm \(mac) has no algorithm this suite supports")
        }
        func make(_ key: DerivedKey, _ length: Int) throws(MIKEYCryptoError) -> [UInt8] {
            length == 0 ? [] : try derive(key, inkey: inkey, context: context, prf: prf, outputLength: length)
        }
        return MessageKeys(
            encryptionKey: try make(.encryptionKey, encrLength),
            authenticationKey: try make(.authenticationKey, authLength),
            saltKey: try make(.saltKey, saltLength))
    }

    private static func writePrefixed(
        _ w: inout ByteWriter, _ field: [UInt8], lengthBytes: Int, field name: String, specRef: String
    ) throws(MIKEYCryptoError) {
        let limit = lengthBytes == 1 ? Int(UInt8.max) : Int(UInt16.max)
        guard field.count <= limit else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.fieldTooLong, specRef: specRef,
                message: "\(name) of \(field.count) bytes does not fit its \(lengthBytes * 8)-bit length")
        }
        if lengthBytes == 1 { w.writeUInt8(UInt8(field.count)) } else { w.writeUInt16(UInt16(field.count)) }
        w.writeBytes(field)
    }
}
