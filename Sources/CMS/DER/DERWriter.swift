import MediasecCore

/// DER serializer (X.690 §10–11): definite minimal lengths, low-tag form
/// below 31, primitive strings. Constructed values are written through a
/// closure whose output is measured before the header is emitted.
///
/// Pre-encoded elements (kept raw in the model, e.g. attribute values or an
/// unknown `oriValue`) are copied verbatim by ``writeRaw(_:)``; re-encoding
/// a value decoded from DER therefore reproduces the input byte for byte.
/// SET OF contents are written in the order given; ``sortedSetOf(_:)``
/// produces the DER order (X.690 §11.6) for builders.
public struct DERWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The minimal definite length octets of `n` (X.690 §8.1.3, §10.1).
    public static func lengthOctets(_ n: Int) -> [UInt8] {
        if n < 0x80 { return [UInt8(n)] }
        var out: [UInt8] = []
        var v = n
        while v > 0 {
            out.insert(UInt8(truncatingIfNeeded: v), at: 0)
            v >>= 8
        }
        return [0x80 | UInt8(out.count)] + out
    }

    /// One complete element.
    public static func tlv<C: Collection>(_ id: ASN1Identifier, _ content: C) -> [UInt8] where C.Element == UInt8 {
        id.encoded + lengthOctets(content.count) + Array(content)
    }

    @discardableResult
    public mutating func writeTLV<C: Collection>(_ id: ASN1Identifier, content: C) -> Int where C.Element == UInt8 {
        let before = bytes.count
        bytes += id.encoded
        bytes += Self.lengthOctets(content.count)
        bytes.append(contentsOf: content)
        return bytes.count - before
    }

    /// Writes a constructed element whose content `body` writes.
    public mutating func writeConstructed<E: Error>(_ id: ASN1Identifier, _ body: (inout DERWriter) throws(E) -> Void) throws(E) {
        var inner = DERWriter()
        try body(&inner)
        writeTLV(id.asConstructed, content: inner.bytes)
    }

    /// Copies an already encoded element.
    public mutating func writeRaw<C: Collection>(_ encoded: C) where C.Element == UInt8 {
        bytes.append(contentsOf: encoded)
    }

    public mutating func writeOID(_ dotted: String, tag: ASN1Identifier = .objectIdentifier) throws(EncodingError) {
        writeTLV(tag.asPrimitive, content: try ASN1ObjectIdentifier.contentOctets(dotted))
    }

    public mutating func writeInteger(_ v: Int, tag: ASN1Identifier = .integer) {
        writeTLV(tag.asPrimitive, content: ASN1Integer(v).bytes)
    }

    public mutating func writeInteger(_ v: ASN1Integer, tag: ASN1Identifier = .integer) {
        writeTLV(tag.asPrimitive, content: v.bytes)
    }

    public mutating func writeOctetString<C: Collection>(_ b: C, tag: ASN1Identifier = .octetString) where C.Element == UInt8 {
        writeTLV(tag.asPrimitive, content: b)
    }

    public mutating func writeNull() { writeTLV(.null, content: []) }

    public mutating func writeBoolean(_ v: Bool) { writeTLV(.boolean, content: [v ? 0xff : 0x00]) }

    public mutating func writeBitString(_ v: ASN1BitString) {
        writeTLV(.bitString, content: [UInt8(v.unusedBits)] + v.bytes)
    }

    /// `elements` (each a complete encoding) in DER SET OF order.
    public static func sortedSetOf(_ elements: [[UInt8]]) -> [[UInt8]] {
        elements.sorted { a, b in ASN1Reader.setOfOrdered(a, b) && a != b }
    }
}
