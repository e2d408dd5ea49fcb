import MediasecCore

/// Envelope data payload, PKE (RFC 3830 §6.3).
///
/// ```
/// ! Next Payload  ! C ! Data len                  ! Data          ~
/// ```
/// C is 2 bits, Data len 14 bits.
public struct EnvelopePayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.pke
    static let specRef = "RFC 3830 §6.3"
    static let pathName = "pke"

    public var cache: EnvelopeCacheType
    public var data: [UInt8]

    public init(cache: EnvelopeCacheType, data: [UInt8]) {
        self.cache = cache
        self.data = data
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> EnvelopePayload {
        let v = try c.mikeyU16("c+dataLen")
        let data = try c.mikeyBytes(Int(v & 0x3fff), "data")
        return EnvelopePayload(cache: EnvelopeCacheType(rawValue: UInt8(v >> 14)), data: data)
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        guard cache.rawValue <= 3 else { throw Self.encodeFail("mikey.encode.field-range", "c", "C must fit 2 bits") }
        let n = try ByteWriter.checkedLength(data.count, bits: 14, path: "pke.dataLen")
        w.writeUInt16(UInt16(cache.rawValue) << 14 | UInt16(n))
        w.writeBytes(data)
    }
}
