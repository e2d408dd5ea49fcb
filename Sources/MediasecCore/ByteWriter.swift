/// Append-only byte writer. `write…` returns the number of bytes written,
/// as in SwiftNIO. Length fields are written through the checked helpers so
/// that an encoder reports, rather than truncates, a value that does not fit.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    @discardableResult
    public mutating func writeUInt8(_ v: UInt8) -> Int {
        bytes.append(v)
        return 1
    }

    @discardableResult
    public mutating func writeUInt16(_ v: UInt16) -> Int {
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
        return 2
    }

    @discardableResult
    public mutating func writeUInt32(_ v: UInt32) -> Int {
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift)))
        }
        return 4
    }

    @discardableResult
    public mutating func writeUInt64(_ v: UInt64) -> Int {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
        }
        return 8
    }

    @discardableResult
    public mutating func writeBytes<S: Sequence>(_ s: S) -> Int where S.Element == UInt8 {
        let before = bytes.count
        bytes.append(contentsOf: s)
        return bytes.count - before
    }

    /// Overwrites one byte at an absolute index (used to patch a field after
    /// the fact, e.g. a MAC computed over the message).
    public mutating func setUInt8(_ v: UInt8, at index: Int) {
        if index >= 0 && index < bytes.count { bytes[index] = v }
    }

    public mutating func replace(_ range: Range<Int>, with new: [UInt8]) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return }
        bytes.replaceSubrange(range, with: new)
    }

    /// Checks that `value` fits in a field of `bits` bits, for encoders.
    public static func checkedLength(_ value: Int, bits: Int, path: String) throws(EncodingError) -> Int {
        let maxValue = (1 << bits) - 1
        guard value >= 0, value <= maxValue else {
            throw EncodingError(code: "length-overflow", path: path, message: "\(value) does not fit in a \(bits)-bit field (max \(maxValue))")
        }
        return value
    }
}
