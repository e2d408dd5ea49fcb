import MediasecCore

/// SAKKE payload (RFC 6509 §4.2).
///
/// ```
/// ! Next payload  ! SAKKE params  !   ID scheme   !  SAKKE data   ~
/// ~ length (cont) !                  SAKKE data                   ~
/// ```
public struct SAKKEPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.sakke
    static let specRef = "RFC 6509 §4.2"
    static let pathName = "sakke"

    public var params: SAKKEParams
    public var idScheme: SAKKEIDScheme
    public var data: [UInt8]

    public init(params: SAKKEParams, idScheme: SAKKEIDScheme, data: [UInt8]) {
        self.params = params
        self.idScheme = idScheme
        self.data = data
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> SAKKEPayload {
        let p = SAKKEParams(rawValue: try c.mikeyU8("sakkeParams"))
        let s = SAKKEIDScheme(rawValue: try c.mikeyU8("idScheme"))
        let n = Int(try c.mikeyU16("sakkeDataLen"))
        return SAKKEPayload(params: p, idScheme: s, data: try c.mikeyBytes(n, "sakkeData"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(params.rawValue)
        w.writeUInt8(idScheme.rawValue)
        try w.writeLength(data.count, bits: 16, path: "sakke.sakkeDataLen")
        w.writeBytes(data)
    }
}
