import MediasecCore

/// State threaded through one decode: the code-point profile, the limits and
/// the running counters that enforce them.
struct DecodeContext {
    let profile: CodePointProfile
    let limits: DecodingLimits
    /// Whether payload spans are recorded (needed for MAC checks and
    /// reports; skipped by the plain model decode for speed).
    var recordSpans = true
    var depth = 0
    var payloadCount = 0
}

/// A payload type with a fixed wire layout (everything after the Next
/// Payload byte). One conformance per payload file; the chain walker in
/// `PayloadChainCodec` dispatches on ``PayloadType`` to these.
protocol PayloadBodyCodable {
    static var payloadType: PayloadType { get }
    /// The clause that defines the layout.
    static var specRef: String { get }
    /// lowerCamelCase name used in field paths (`kemac`, `tr`, …).
    static var pathName: String { get }
    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> Self
    func encodeBody(_ w: inout ByteWriter) throws(EncodingError)
}

extension PayloadBodyCodable {
    static func fail(_ c: ByteCursor, _ code: String, _ message: String, field: String, at offset: Int? = nil) -> DecodingError {
        DecodingError(code: code, offset: offset ?? c.position, path: "\(pathName).\(field)", specRef: specRef, message: message)
    }

    static func encodeFail(_ code: String, _ field: String, _ message: String) -> EncodingError {
        EncodingError(code: code, path: "\(pathName).\(field)", message: message)
    }
}

extension ByteCursor {
    /// Reads an 8/16-bit length and that many bytes, naming the MIKEY payload
    /// field on truncation.
    mutating func mikeyBytes(_ n: Int, _ field: @autoclosure () -> String) throws(DecodingError) -> [UInt8] {
        try readBytes(n, field(), code: "mikey.truncated")
    }
    mutating func mikeyU8(_ field: @autoclosure () -> String) throws(DecodingError) -> UInt8 { try readUInt8(field(), code: "mikey.truncated") }
    mutating func mikeyU16(_ field: @autoclosure () -> String) throws(DecodingError) -> UInt16 { try readUInt16(field(), code: "mikey.truncated") }
    mutating func mikeyU32(_ field: @autoclosure () -> String) throws(DecodingError) -> UInt32 { try readUInt32(field(), code: "mikey.truncated") }
}

extension ByteWriter {
    /// Writes a length field of `bits` bits after checking that `count` fits.
    mutating func writeLength(_ count: Int, bits: Int, path: String) throws(EncodingError) {
        let n = try ByteWriter.checkedLength(count, bits: bits, path: path)
        if bits <= 8 { writeUInt8(UInt8(truncatingIfNeeded: n)) } else { writeUInt16(UInt16(truncatingIfNeeded: n)) }
    }
}
