import MediasecCore

/// Signature payload, SIGN (RFC 3830 §6.5; RFC 6509 §4.3 adds ECCSI).
///
/// ```
/// ! S type| Signature len         ! Signature                     ~
/// ```
/// SIGN has no Next Payload field and is always the last payload; its
/// 12-bit length counts bytes. The chain walker handles it specially.
public struct SignaturePayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.sign
    static let specRef = "RFC 3830 §6.5"
    static let pathName = "sign"

    public var signatureType: SignatureType
    public var signature: [UInt8]

    public init(signatureType: SignatureType, signature: [UInt8]) {
        self.signatureType = signatureType
        self.signature = signature
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> SignaturePayload {
        let v = try c.mikeyU16("sType+signatureLen")
        let sig = try c.mikeyBytes(Int(v & 0x0fff), "signature")
        return SignaturePayload(signatureType: SignatureType(rawValue: UInt8(v >> 12)), signature: sig)
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        guard signatureType.rawValue <= 0x0f else { throw Self.encodeFail("mikey.encode.field-range", "sType", "S type must fit 4 bits") }
        let n = try ByteWriter.checkedLength(signature.count, bits: 12, path: "sign.signatureLen")
        w.writeUInt16(UInt16(signatureType.rawValue) << 12 | UInt16(n))
        w.writeBytes(signature)
    }
}
