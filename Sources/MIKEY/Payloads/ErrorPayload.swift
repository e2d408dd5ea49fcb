import MediasecCore

/// Error payload, ERR (RFC 3830 §6.12; RFC 4738 and RFC 6043 §6.9 add values).
///
/// ```
/// !  Next Payload ! Error no      !           Reserved            !
/// ```
public struct ErrorPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.error
    static let specRef = "RFC 3830 §6.12"
    static let pathName = "err"

    public var errorNumber: ErrorNumber
    /// Preserved for byte-identical re-encoding; validation warns if nonzero.
    public var reserved: UInt16

    public init(errorNumber: ErrorNumber, reserved: UInt16 = 0) {
        self.errorNumber = errorNumber
        self.reserved = reserved
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> ErrorPayload {
        let e = ErrorNumber(rawValue: try c.mikeyU8("errNo"))
        return ErrorPayload(errorNumber: e, reserved: try c.mikeyU16("reserved"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        w.writeUInt8(errorNumber.rawValue)
        w.writeUInt16(reserved)
    }
}
