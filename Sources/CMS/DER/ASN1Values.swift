import MediasecCore

/// An INTEGER value (X.690 §8.3) as its minimal two's-complement octets.
/// The model keeps the canonical form; how a BER peer padded it is reported
/// by ``ASN1Reader`` as ``DERDeviation/nonMinimalInteger``.
public struct ASN1Integer: Hashable, Sendable, CustomStringConvertible {
    /// Minimal big-endian two's-complement octets (at least one).
    public private(set) var bytes: [UInt8]

    /// Normalizes `bytes` to the minimal form; empty means zero.
    public init(bytes: [UInt8]) {
        var b = bytes.isEmpty ? [0] : bytes
        while b.count > 1, (b[0] == 0x00 && b[1] & 0x80 == 0) || (b[0] == 0xff && b[1] & 0x80 != 0) {
            b.removeFirst()
        }
        self.bytes = b
    }

    public init(_ value: Int) {
        var out: [UInt8] = []
        var v = value
        for _ in 0..<8 {
            out.insert(UInt8(truncatingIfNeeded: v), at: 0)
            v >>= 8
        }
        self.init(bytes: out)
    }

    public var isNegative: Bool { bytes[0] & 0x80 != 0 }

    /// The value when it fits in `Int`.
    public var intValue: Int? {
        guard bytes.count <= 8 else { return nil }
        var v: Int = isNegative ? -1 : 0
        for b in bytes { v = v << 8 | Int(b) }
        return v
    }

    public var description: String { intValue.map(String.init) ?? "0x" + bytes.map { String($0, radix: 16) }.joined() }
}

/// A BIT STRING value (X.690 §8.6): data octets and the number of unused
/// bits in the last octet.
public struct ASN1BitString: Hashable, Sendable {
    public var bytes: [UInt8]
    public var unusedBits: Int

    public init(bytes: [UInt8], unusedBits: Int = 0) {
        self.bytes = bytes
        self.unusedBits = unusedBits
    }
}

/// Dotted-string OBJECT IDENTIFIER codec (X.690 §8.19). The model carries
/// OIDs as dotted strings (`"2.16.840.1.101.3.4.1.6"`); arcs of any size
/// are supported (UUID OIDs under 2.25).
public enum ASN1ObjectIdentifier {
    /// The content octets of `dotted`. Throws `cms.encode.oid` for a string
    /// that is not a valid OID (fewer than two arcs, first arc above 2,
    /// second arc above 39 under 0 or 1, non-decimal arcs).
    public static func contentOctets(_ dotted: String) throws(EncodingError) -> [UInt8] {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        func bad(_ why: String) -> EncodingError { EncodingError(code: "cms.encode.oid", path: dotted, message: why) }
        guard parts.count >= 2 else { throw bad("an OID needs at least two arcs") }
        var arcs: [ObjectIdentifierArc] = []
        for p in parts {
            guard let a = ObjectIdentifierArc(decimal: p) else { throw bad("arc '\(p)' is not a decimal number of at most 80 digits") }
            arcs.append(a)
        }
        guard let first = arcs[0].small, first <= 2 else { throw bad("the first arc must be 0, 1 or 2") }
        if first < 2 {
            guard let second = arcs[1].small, second < 40 else { throw bad("the second arc must be below 40 under arc \(first)") }
        }
        var combined = arcs[1]
        combined.mulAdd(1, UInt32(first * 40))
        var out = combined.base128
        for a in arcs.dropFirst(2) { out += a.base128 }
        return out
    }

    /// True when `dotted` is a well-formed OID string.
    public static func isValid(_ dotted: String) -> Bool {
        (try? contentOctets(dotted)) != nil
    }
}
