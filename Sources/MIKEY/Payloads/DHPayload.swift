import MediasecCore

/// DH data payload (RFC 3830 §6.4).
///
/// ```
/// !  Next Payload ! DH-Group      !  DH-value                     ~
/// ! Reserv! KV    ! KV data (optional)                            ~
/// ```
/// The DH-value length is implicit from the group; an unregistered group
/// makes the payload length unknowable (decoding error).
public struct DHPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.dh
    static let specRef = "RFC 3830 §6.4"
    static let pathName = "dh"

    public var group: DHGroup
    public var value: [UInt8]
    /// The 4 reserved bits, preserved for byte-identical re-encoding.
    public var reserved: UInt8
    public var validity: KeyValidity

    public init(group: DHGroup, value: [UInt8], reserved: UInt8 = 0, validity: KeyValidity = .null) {
        self.group = group
        self.value = value
        self.reserved = reserved
        self.validity = validity
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> DHPayload {
        let at = c.position
        let g = DHGroup(rawValue: try c.mikeyU8("dhGroup"))
        guard let n = g.valueLength else {
            throw fail(c, "mikey.dh.group-unknown", "DH-Group \(g) has no known value length", field: "dhGroup", at: at)
        }
        let value = try c.mikeyBytes(n, "dhValue")
        let kvAt = c.position
        let b = try c.mikeyU8("reserved+kv")
        let validity = try KeyValidity.decode(kind: KeyValidityType(rawValue: b & 0x0f), kvAt: kvAt, &c, field: "dh.kv", specRef: specRef)
        return DHPayload(group: g, value: value, reserved: b >> 4, validity: validity)
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        guard let n = group.valueLength, n == value.count else {
            throw Self.encodeFail("mikey.dh.value-length", "dhValue", "DH value is \(value.count) bytes; group \(group) needs \(group.valueLength.map(String.init) ?? "a known length")")
        }
        guard reserved <= 0x0f else { throw Self.encodeFail("mikey.encode.field-range", "reserved", "must fit 4 bits") }
        w.writeUInt8(group.rawValue)
        w.writeBytes(value)
        w.writeUInt8(reserved << 4 | validity.type.rawValue)
        try validity.encode(&w, path: "dh.kvData")
    }
}
