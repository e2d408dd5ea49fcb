/// A read-only cursor over a byte buffer, in the vocabulary of SwiftNIO's
/// ByteBuffer: `read…` consumes, `peek…` and `get…(at:)` do not.
///
/// Every read is bounds-checked and throws a ``DecodingError`` that names the
/// absolute byte offset, the field path and the clause supplied by the caller;
/// nothing on this type can trap on hostile input. Lengths taken from the
/// input are never used to reserve memory: a read of `n` bytes first checks
/// that `n` bytes are actually present.
public struct ByteCursor: Sendable {
    public let bytes: [UInt8]
    /// Absolute index of the next unread byte.
    @usableFromInline internal(set) var _position: Int
    public var position: Int { _position }
    /// Absolute index one past the last byte this cursor may read.
    public let end: Int
    /// Path prefix and clause used for truncation errors.
    public var context: (path: String, specRef: String)

    public init(_ bytes: [UInt8], path: String = "", specRef: String = "") {
        self.bytes = bytes
        self._position = 0
        self.end = bytes.count
        self.context = (path, specRef)
    }

    @usableFromInline
    internal init(bytes: [UInt8], position: Int, end: Int, context: (path: String, specRef: String)) {
        self.bytes = bytes
        self._position = position
        self.end = end
        self.context = context
    }

    @inlinable
    public var readableBytes: Int { end - position }
    @inlinable
    public var isAtEnd: Bool { position >= end }

    // MARK: errors

    public func error(_ code: String, _ message: String, field: String, specRef: String? = nil, at offset: Int? = nil) -> DecodingError {
        DecodingError(
            code: code,
            offset: offset ?? position,
            path: Self.join(context.path, field),
            specRef: specRef ?? context.specRef,
            message: message
        )
    }

    /// Whether a path part starts with `[` (an element index), as
    /// `hasPrefix("[")` answers it: read from the first bytes, a non-ASCII
    /// byte right after the `[` (which could start a combining mark) left
    /// to the Character comparison.
    public static func startsWithElement(_ b: String) -> Bool {
        var s = b
        let byBytes: Bool? = s.withUTF8 { p in
            guard let first = p.first, first == 0x5b else { return false }
            return p.count > 1 && p[1] >= 0x80 ? nil : true
        }
        return byBytes ?? b.hasPrefix("[")
    }

    /// `a.b`, or `a[…]` when `b` starts with `[` (an element), written
    /// into one string of the exact size (`a + "." + b` appended twice
    /// through the runtime).
    public static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var a = a, b = b
        let dot = !startsWithElement(b)
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                String(unsafeUninitializedCapacity: pa.count + pb.count + (dot ? 1 : 0)) { out in
                    var i = 0
                    for c in pa { out[i] = c; i += 1 }
                    if dot { out[i] = 0x2e; i += 1 }
                    for c in pb { out[i] = c; i += 1 }
                    return i
                }
            }
        }
    }

    @inlinable @inline(__always)
    func need(_ n: Int, field: () -> String, code: StaticString) throws(DecodingError) {
        if n > end - position {
            let f = field()
            throw error("\(code)", "\(f) needs \(n) byte(s), \(end - position) left", field: f)
        }
    }

    // MARK: peek

    @inlinable
    public func peekUInt8() -> UInt8? {
        position < end ? bytes[position] : nil
    }

    @inlinable
    public func getUInt8(at index: Int) -> UInt8? {
        (index >= 0 && index < end) ? bytes[index] : nil
    }

    // MARK: read

    @inlinable
    public mutating func readUInt8(_ field: @autoclosure () -> String, code: StaticString = "truncated") throws(DecodingError) -> UInt8 {
        try need(1, field: field, code: code)
        let v = bytes[position]
        _position += 1
        return v
    }

    @inlinable
    public mutating func readUInt16(_ field: @autoclosure () -> String, code: StaticString = "truncated") throws(DecodingError) -> UInt16 {
        try need(2, field: field, code: code)
        let v = UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
        _position += 2
        return v
    }

    @inlinable
    public mutating func readUInt32(_ field: @autoclosure () -> String, code: StaticString = "truncated") throws(DecodingError) -> UInt32 {
        try need(4, field: field, code: code)
        var v: UInt32 = 0
        for i in 0..<4 { v = v << 8 | UInt32(bytes[position + i]) }
        _position += 4
        return v
    }

    @inlinable
    public mutating func readUInt64(_ field: @autoclosure () -> String, code: StaticString = "truncated") throws(DecodingError) -> UInt64 {
        try need(8, field: field, code: code)
        var v: UInt64 = 0
        for i in 0..<8 { v = v << 8 | UInt64(bytes[position + i]) }
        _position += 8
        return v
    }

    @inlinable
    public mutating func readBytes(_ count: Int, _ field: @autoclosure () -> String, code: StaticString = "truncated") throws(DecodingError) -> [UInt8] {
        guard count >= 0 else {
            throw error("\(code)", "negative length for \(field())", field: field())
        }
        try need(count, field: field, code: code)
        if count == 0 { return [] }
        // One allocation and a memcpy through the specialized collection
        // copy (`Array(repeating:)` and `Array(unsafeUninitializedCapacity:)`
        // look generic metadata up at run time on every call).
        let out = Array(bytes[_position..<(_position + count)])
        _position += count
        return out
    }

    /// Reads a length field of `lengthWidth` bytes (1, 2) and then that many bytes.
    public mutating func readLengthPrefixedBytes(lengthWidth: Int, _ field: @autoclosure () -> String, code: StaticString = "truncated") throws(DecodingError) -> [UInt8] {
        let n: Int
        switch lengthWidth {
        case 1: n = Int(try readUInt8(field() + "Len", code: code))
        default: n = Int(try readUInt16(field() + "Len", code: code))
        }
        return try readBytes(n, field(), code: code)
    }

    @inlinable
    public mutating func skip(_ count: Int, _ field: @autoclosure () -> String) throws(DecodingError) {
        guard count >= 0 else { throw error("truncated", "negative length for \(field())", field: field()) }
        try need(count, field: field, code: "truncated")
        _position += count
    }

    /// Advances past `count` bytes the caller has already checked are
    /// readable (`0 ≤ count ≤ readableBytes`); for fast paths that read
    /// through ``withUnsafeReadableBytes(_:)`` after one bounds check.
    @inlinable @inline(__always)
    package mutating func advance(uncheckedBy count: Int) {
        _position &+= count
    }

    /// The unread bytes `position..<end` as a raw buffer, for fast paths
    /// that check `readableBytes` once and then read fixed offsets.
    @inlinable @inline(__always)
    package func withUnsafeReadableBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let p = _position, e = end
        return bytes.withUnsafeBytes { all in
            body(UnsafeRawBufferPointer(rebasing: all[p..<e]))
        }
    }

    /// Splits off a sub-cursor over the next `count` bytes and advances past
    /// them. The sub-cursor keeps absolute offsets, so errors inside a nested
    /// structure point into the outermost input.
    @inlinable
    public mutating func readSlice(_ count: Int, _ field: @autoclosure () -> String, path: String? = nil, specRef: String? = nil, code: StaticString = "truncated") throws(DecodingError) -> ByteCursor {
        guard count >= 0 else { throw error("\(code)", "negative length for \(field())", field: field()) }
        try need(count, field: field, code: code)
        let sub = ByteCursor(
            bytes: bytes, position: position, end: position + count,
            context: (path ?? context.path, specRef ?? context.specRef)
        )
        _position += count
        return sub
    }

    /// The bytes in `range` of the underlying buffer (absolute indices).
    public func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return bytes[lo..<hi]
    }
}
