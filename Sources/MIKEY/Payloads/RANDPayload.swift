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

    public var rand: [UInt8]

    public init(rand: [UInt8]) { self.rand = rand }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> RANDPayload {
        let n = Int(try c.mikeyU8("randLen"))
        return RANDPayload(rand: try c.mikeyBytes(n, "rand"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        try w.writeLength(rand.count, bits: 8, path: "rand.randLen")
        w.writeBytes(rand)
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
    public var rand: [UInt8]

    public init(role: RANDRole, rand: [UInt8]) {
        self.role = role
        self.rand = rand
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> RANDRPayload {
        let r = RANDRole(rawValue: try c.mikeyU8("randRole"))
        let n = Int(try c.mikeyU8("randLen"))
        return RANDRPayload(role: r, rand: try c.mikeyBytes(n, "rand"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(role.rawValue)
        try w.writeLength(rand.count, bits: 8, path: "randr.randLen")
        w.writeBytes(rand)
    }
}
