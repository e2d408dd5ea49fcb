import MediasecCore

/// RAND payload (RFC 3830 §6.11).
///
/// ```
/// ! Next payload  ! RAND len      ! RAND                          ~
/// ```
public struct RANDPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.rand
    static let specRef = "RFC 3830 §6.11"
    static let pathName = "rand"

    var randStorage: SmallBytes

    public var rand: [UInt8] {
        get { randStorage.array }
        set { randStorage = SmallBytes(newValue) }
    }

    public init(rand: [UInt8]) { self.randStorage = SmallBytes(rand) }

    init(randStorage: SmallBytes) { self.randStorage = randStorage }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> RANDPayload {
        let n = Int(try c.mikeyU8("randLen"))
        return RANDPayload(randStorage: try SmallBytes.read(&c, count: n, "rand"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        try w.writeLength(randStorage.count, bits: 8, path: "rand.randLen")
        randStorage.write(to: &w)
    }
}

/// RAND payload with role indicator, RANDR (RFC 6043 §6.8).
///
/// ```
/// ! Next Payload  !    RAND Role  !  RAND length  !     RAND      ~
/// ```
public struct RANDRPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.randRole
    static let specRef = "RFC 6043 §6.8"
    static let pathName = "randr"

    public var role: RANDRole
    var randStorage: SmallBytes

    public var rand: [UInt8] {
        get { randStorage.array }
        set { randStorage = SmallBytes(newValue) }
    }

    public init(role: RANDRole, rand: [UInt8]) {
        self.role = role
        self.randStorage = SmallBytes(rand)
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> RANDRPayload {
        let r = RANDRole(rawValue: try c.mikeyU8("randRole"))
        let n = Int(try c.mikeyU8("randLen"))
        var p = RANDRPayload(role: r, rand: [])
        p.randStorage = try SmallBytes.read(&c, count: n, "rand")
        return p
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(role.rawValue)
        try w.writeLength(randStorage.count, bits: 8, path: "randr.randLen")
        randStorage.write(to: &w)
    }
}
