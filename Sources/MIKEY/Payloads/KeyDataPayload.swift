import MediasecCore

/// Key validity data (RFC 3830 §6.14), part of Key data and DH payloads.
///
/// ```
/// SPI:      ! SPI Length ! SPI ~
/// Interval: ! VF Length ! Valid From ~ ! VT Length ! Valid To ~
/// ```
public enum KeyValidity: Hashable, Sendable {
    case null
    case spi([UInt8])
    case interval(validFrom: [UInt8], validTo: [UInt8])

    public var type: KeyValidityType {
        switch self {
        case .null: return .null
        case .spi: return .spi
        case .interval: return .interval
        }
    }

    static func decode(kind: KeyValidityType, kvAt: Int, _ c: inout ByteCursor, field: String, specRef: String) throws(DecodingError) -> KeyValidity {
        switch kind.rawValue {
        case 0: return .null
        case 1:
            let n = Int(try c.mikeyU8("\(field).spiLen"))
            return .spi(try c.mikeyBytes(n, "\(field).spi"))
        case 2:
            let vf = Int(try c.mikeyU8("\(field).vfLen"))
            let from = try c.mikeyBytes(vf, "\(field).validFrom")
            let vt = Int(try c.mikeyU8("\(field).vtLen"))
            let to = try c.mikeyBytes(vt, "\(field).validTo")
            return .interval(validFrom: from, validTo: to)
        default:
            throw DecodingError(code: "mikey.kv.unknown", offset: kvAt, path: field, specRef: "RFC 3830 §6.14",
                                message: "KV type \(kind) has no known layout; the payload cannot be delimited")
        }
    }

    func encode(_ w: inout ByteWriter, path: String) throws(EncodingError) {
        switch self {
        case .null: break
        case .spi(let s):
            try w.writeLength(s.count, bits: 8, path: "\(path).spiLen")
            w.writeBytes(s)
        case .interval(let from, let to):
            try w.writeLength(from.count, bits: 8, path: "\(path).vfLen")
            w.writeBytes(from)
            try w.writeLength(to.count, bits: 8, path: "\(path).vtLen")
            w.writeBytes(to)
        }
    }
}

/// Key data sub-payload (RFC 3830 §6.13; RFC 6043 §6.2.1 adds GTGK and MPK).
///
/// ```
/// !  Next Payload ! Type  ! KV    ! Key data len                  !
/// !                         Key data                              ~
/// ! Salt len (optional)           ! Salt data (optional)          ~
/// !                        KV data (optional)                     ~
/// ```
/// The salt fields exist exactly when the key type says so (TGK+SALT,
/// TEK+SALT, GTGK+SALT); a key type outside the registry therefore makes
/// the layout unknowable and is a decoding error.
public struct KeyDataPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.keyData
    static let specRef = "RFC 3830 §6.13"
    static let pathName = "keyData"

    public var type: KeyDataType
    public var keyData: [UInt8]
    /// Present iff `type.hasSalt`.
    public var salt: [UInt8]?
    public var validity: KeyValidity

    public init(type: KeyDataType, keyData: [UInt8], salt: [UInt8]? = nil, validity: KeyValidity = .null) {
        self.type = type
        self.keyData = keyData
        self.salt = salt
        self.validity = validity
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> KeyDataPayload {
        let at = c.position
        let b = try c.mikeyU8("type")
        let type = KeyDataType(rawValue: b >> 4)
        let kv = KeyValidityType(rawValue: b & 0x0f)
        guard let hasSalt = type.hasSalt else {
            throw fail(c, "mikey.keydata.type-unknown", "key type \(type) is not registered; whether a salt follows cannot be known", field: "type", at: at)
        }
        let n = Int(try c.mikeyU16("keyDataLen"))
        let key = try c.mikeyBytes(n, "keyData")
        var salt: [UInt8]? = nil
        if hasSalt {
            let s = Int(try c.mikeyU16("saltLen"))
            salt = try c.mikeyBytes(s, "saltData")
        }
        let validity = try KeyValidity.decode(kind: kv, kvAt: at, &c, field: "keyData.kv", specRef: specRef)
        return KeyDataPayload(type: type, keyData: key, salt: salt, validity: validity)
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        guard type.rawValue <= 0x0f else { throw Self.encodeFail("mikey.encode.field-range", "type", "key type must fit 4 bits") }
        guard let hasSalt = type.hasSalt else { throw Self.encodeFail("mikey.keydata.type-unknown", "type", "key type \(type) has no known layout") }
        guard hasSalt == (salt != nil) else {
            throw Self.encodeFail("mikey.keydata.salt-mismatch", "salt", "key type \(type) \(hasSalt ? "needs" : "forbids") a salt")
        }
        w.writeUInt8(type.rawValue << 4 | validity.type.rawValue)
        try w.writeLength(keyData.count, bits: 16, path: "keyData.keyDataLen")
        w.writeBytes(keyData)
        if let s = salt {
            try w.writeLength(s.count, bits: 16, path: "keyData.saltLen")
            w.writeBytes(s)
        }
        try validity.encode(&w, path: "keyData.kvData")
    }
}
