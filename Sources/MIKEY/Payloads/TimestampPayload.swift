import MediasecCore

/// Timestamp payload, T (RFC 3830 §6.6; RFC 6043 §6.3 adds NTP-UTC-32).
///
/// ```
/// ! Next Payload  !   TS type     ! TS value                      ~
/// ```
/// The TS value length is implicit from the TS type.
public struct TimestampPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.timestamp
    static let specRef = "RFC 3830 §6.6"
    static let pathName = "t"

    public var tsType: TimestampType
    var valueStorage: SmallBytes

    public var value: [UInt8] {
        get { valueStorage.array }
        set { valueStorage = SmallBytes(newValue) }
    }

    public init(tsType: TimestampType, value: [UInt8]) {
        self.tsType = tsType
        self.valueStorage = SmallBytes(value)
    }

    init(tsType: TimestampType, valueStorage: SmallBytes) {
        self.tsType = tsType
        self.valueStorage = valueStorage
    }

    static func readValue(_ c: inout ByteCursor, type: TimestampType, at: Int, path: String, specRef: String) throws(DecodingError) -> SmallBytes {
        guard let n = type.valueLength else {
            throw DecodingError(code: "mikey.ts.type-unknown", offset: at, path: "\(path).tsType", specRef: specRef,
                                message: "TS type \(type) has no known value length")
        }
        return try SmallBytes.read(&c, count: n, "tsValue")
    }

    static func writeValue(_ w: inout ByteWriter, type: TimestampType, value: SmallBytes, path: String) throws(EncodingError) {
        guard let n = type.valueLength, n == value.count else {
            throw EncodingError(code: "mikey.ts.value-length", path: "\(path).tsValue", message: "TS value is \(value.count) bytes; \(type) needs \(type.valueLength.map(String.init) ?? "a known length")")
        }
        w.writeUInt8(type.rawValue)
        value.write(to: &w)
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> TimestampPayload {
        let at = c.position
        let t = TimestampType(rawValue: try c.mikeyU8("tsType"))
        return TimestampPayload(tsType: t, valueStorage: try readValue(&c, type: t, at: at, path: pathName, specRef: specRef))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        try Self.writeValue(&w, type: tsType, value: valueStorage, path: Self.pathName)
    }

    /// The value as a 64-bit NTP-format number, with COUNTER and NTP-UTC-32
    /// padded as RFC 3830 §6.6 and RFC 6043 §6.3 prescribe (used for IVs).
    public var paddedValue: [UInt8] {
        TimestampPayload.padded(type: tsType, value: value)
    }

    static func padded(type: TimestampType, value: [UInt8]) -> [UInt8] {
        switch type.rawValue {
        case 2: return [0, 0, 0, 0] + value            // COUNTER: leading zeros
        case 3: return value + [0, 0, 0, 0]            // NTP-UTC-32: zero fraction
        default: return value
        }
    }
}

/// Timestamp payload with role indicator, TR (RFC 6043 §6.4).
///
/// ```
/// ! Next Payload  !    TS Role    !    TS Type    !    TS Value   ~
/// ```
public struct TimestampRolePayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.timestampRole
    static let specRef = "RFC 6043 §6.4"
    static let pathName = "tr"

    public var role: TimestampRole
    public var tsType: TimestampType
    var valueStorage: SmallBytes

    public var value: [UInt8] {
        get { valueStorage.array }
        set { valueStorage = SmallBytes(newValue) }
    }

    public init(role: TimestampRole, tsType: TimestampType, value: [UInt8]) {
        self.role = role
        self.tsType = tsType
        self.valueStorage = SmallBytes(value)
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> TimestampRolePayload {
        let role = TimestampRole(rawValue: try c.mikeyU8("tsRole"))
        let at = c.position
        let t = TimestampType(rawValue: try c.mikeyU8("tsType"))
        var p = TimestampRolePayload(role: role, tsType: t, value: [])
        p.valueStorage = try TimestampPayload.readValue(&c, type: t, at: at, path: pathName, specRef: specRef)
        return p
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(role.rawValue)
        try TimestampPayload.writeValue(&w, type: tsType, value: valueStorage, path: Self.pathName)
    }
}
