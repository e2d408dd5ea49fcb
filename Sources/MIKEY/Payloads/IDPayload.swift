import MediasecCore

/// ID payload (RFC 3830 §6.7; RFC 6043 §6.5 adds the byte-string type).
///
/// ```
/// !  Next Payload ! ID Type       ! ID len                        !
/// !                       ID Data                                 ~
/// ```
public struct IDPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.id
    static let specRef = "RFC 3830 §6.7"
    static let pathName = "id"

    public var idType: IDType
    public var data: [UInt8]

    public init(idType: IDType, data: [UInt8]) {
        self.idType = idType
        self.data = data
    }

    public init(uri: String) {
        self.init(idType: .uri, data: Array(uri.utf8))
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> IDPayload {
        let t = IDType(rawValue: try c.mikeyU8("idType"))
        let n = Int(try c.mikeyU16("idLen"))
        return IDPayload(idType: t, data: try c.mikeyBytes(n, "idData"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(idType.rawValue)
        try w.writeLength(data.count, bits: 16, path: "id.idLen")
        w.writeBytes(data)
    }
}

/// Certificate payload, CERT (RFC 3830 §6.7). Same layout as ID.
public struct CertPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.cert
    static let specRef = "RFC 3830 §6.7"
    static let pathName = "cert"

    public var certType: CertType
    public var data: [UInt8]

    public init(certType: CertType, data: [UInt8]) {
        self.certType = certType
        self.data = data
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> CertPayload {
        let t = CertType(rawValue: try c.mikeyU8("certType"))
        let n = Int(try c.mikeyU16("certLen"))
        return CertPayload(certType: t, data: try c.mikeyBytes(n, "certData"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(certType.rawValue)
        try w.writeLength(data.count, bits: 16, path: "cert.certLen")
        w.writeBytes(data)
    }
}

/// ID payload with role indicator, IDR (RFC 6043 §6.6; RFC 6509 §4.4 adds
/// the KMS roles).
///
/// ```
/// ! Next Payload  !    ID Role    !    ID Type    !     ID len
///   ID len (cont) !                    ID Data                    ~
/// ```
public struct IDRPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.idRole
    static let specRef = "RFC 6043 §6.6"
    static let pathName = "idr"

    public var role: IDRole
    public var idType: IDType
    public var data: [UInt8]

    public init(role: IDRole, idType: IDType, data: [UInt8]) {
        self.role = role
        self.idType = idType
        self.data = data
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> IDRPayload {
        let r = IDRole(rawValue: try c.mikeyU8("idRole"))
        let t = IDType(rawValue: try c.mikeyU8("idType"))
        let n = Int(try c.mikeyU16("idLen"))
        return IDRPayload(role: r, idType: t, data: try c.mikeyBytes(n, "idData"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(role.rawValue)
        w.writeUInt8(idType.rawValue)
        try w.writeLength(data.count, bits: 16, path: "idr.idLen")
        w.writeBytes(data)
    }
}
