import MediasecCore

/// The base64 of SDP (RFC 8866 §9, RFC 4648 §4):
///
/// ```
/// base64      = *base64-unit [base64-pad]
/// base64-unit = 4base64-char
/// base64-pad  = 2base64-char "==" / 3base64-char "="
/// ```
/// ``decode(_:)`` is strict: padding to a multiple of four, `=` only at the
/// end, no whitespace, and non-zero bits left in the last character are an
/// error (a non-canonical encoding). ``decodeUnpadded(_:)`` additionally
/// accepts a missing final padding, which RFC 4568 §6.1 implies ("padding
/// characters ... are discarded") and which deployed SDES keys use.
public enum SDPBase64 {
    public enum Failure: String, Error, Sendable, Hashable {
        case character, padding, length, nonCanonical
    }

    /// The 6-bit value of a base64 character, -1 for any other byte.
    @inline(__always)
    static func value(_ c: UInt8) -> Int {
        switch c {
        case 0x41...0x5a: return Int(c) - 0x41
        case 0x61...0x7a: return Int(c) - 0x61 + 26
        case 0x30...0x39: return Int(c) - 0x30 + 52
        case 0x2b: return 62
        case 0x2f: return 63
        default: return -1
        }
    }

    /// ``value(_:)`` of every byte, as a table (0xff for a non-base64
    /// byte): the decoding loop does one load per character.
    static let table: [UInt8] = (0...255).map { c in
        let v = value(UInt8(c))
        return v < 0 ? 0xff : UInt8(v)
    }

    public static func decode<C: Collection>(_ text: C) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        decode(text, requirePadding: true)
    }

    public static func decodeUnpadded<C: Collection>(_ text: C) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        decode(text, requirePadding: false)
    }

    /// True when the text ends without the padding its length needs.
    public static func isMissingPadding<C: Collection>(_ text: C) -> Bool where C.Element == UInt8 {
        if let r = text.withContiguousStorageIfAvailable({ !$0.contains(0x3d) && $0.count % 4 != 0 }) { return r }
        return !text.contains(0x3d) && text.count % 4 != 0
    }

    static func decode<C: Collection>(_ text: C, requirePadding: Bool) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        if let r = text.withContiguousStorageIfAvailable({ decodeBuffer($0, requirePadding: requirePadding) }) { return r }
        return decodeAny(text, requirePadding: requirePadding)
    }

    /// ``decode(_:requirePadding:)`` over contiguous bytes: the same checks
    /// in the same order, the output written in place.
    static func decodeBuffer(_ text: UnsafeBufferPointer<UInt8>, requirePadding: Bool) -> Result<[UInt8], Failure> {
        table.withUnsafeBufferPointer { t in decodeBuffer(text, requirePadding: requirePadding, table: t) }
    }

    /// What the checks of the decoding find in a text, without decoding it:
    /// the number of base64 characters before the padding and of `=`.
    struct Shape: Equatable {
        let dataCount: Int
        let padCount: Int

        /// Length of the decoded bytes.
        var decodedCount: Int {
            let rest = dataCount % 4
            return dataCount / 4 * 3 + (rest == 0 ? 0 : rest - 1)
        }

        /// ``SDPBase64/isMissingPadding(_:)`` of the text: no `=` (the
        /// checks put every `=` at the end) and a length not a multiple of 4.
        var isMissingPadding: Bool { padCount == 0 && dataCount % 4 != 0 }
    }

    /// The checks of ``decodeUnpadded(_:)`` without building the bytes: the
    /// same failure, else the text's ``Shape``.
    static func shapeUnpadded(_ text: UnsafeBufferPointer<UInt8>) -> Result<Shape, Failure> {
        shape(text, requirePadding: false)
    }

    /// The checks of the decoding (padded or not) without building the bytes.
    static func shape(_ text: UnsafeBufferPointer<UInt8>, requirePadding: Bool) -> Result<Shape, Failure> {
        table.withUnsafeBufferPointer { t in shape(text, requirePadding: requirePadding, table: t) }
    }

    /// The checks of the decoding, in their order: padding only at the end
    /// and at most two, the alphabet, the length, and no bits left in the
    /// last character (a non-canonical encoding).
    private static func shape(_ text: UnsafeBufferPointer<UInt8>, requirePadding: Bool, table t: UnsafeBufferPointer<UInt8>) -> Result<Shape, Failure> {
        guard t.count == 256 else { return .failure(.character) }
        // A table lookup per byte (`t[Int(c)]`, c < 256 = t.count).
        @inline(__always) func v(_ c: UInt8) -> UInt8 { t[Int(c)] }
        // The usual text: base64 characters, then at most the `=` of the
        // end. The `=` run at the end is counted first; the characters
        // before it are then checked by OR-ing their table values (one
        // load and one OR per byte; `=` and any other byte give 0xff).
        var count = text.count
        var pad = 0
        while count > 0 && text[count - 1] == 0x3d {
            count -= 1
            pad += 1
        }
        var seen: UInt8 = 0
        for i in 0..<count { seen |= v(text[i]) }
        if seen & 0xc0 != 0 {
            // A byte outside the alphabet (a `=` before the end included):
            // the byte-by-byte reading names the failure it meets first.
            count = 0
            pad = 0
            for c in text {
                if c == 0x3d { pad += 1; continue }
                if pad > 0 { return .failure(.padding) }
                if v(c) == 0xff { return .failure(.character) }
                count += 1
            }
        }
        if pad > 2 { return .failure(.padding) }
        if pad > 0 || requirePadding {
            guard (count + pad) % 4 == 0 else { return .failure(pad > 0 ? .padding : .length) }
        }
        let rest = count % 4
        if rest == 1 { return .failure(.length) }
        if pad > 0 && pad != (4 - rest) % 4 { return .failure(.padding) }
        // The '=' are all at the end: the first `count` bytes are values.
        if rest == 2 && v(text[count - 1]) & 0x0f != 0 { return .failure(.nonCanonical) }
        if rest == 3 && v(text[count - 1]) & 0x03 != 0 { return .failure(.nonCanonical) }
        return .success(Shape(dataCount: count, padCount: pad))
    }

    private static func decodeBuffer(_ text: UnsafeBufferPointer<UInt8>, requirePadding: Bool, table t: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], Failure> {
        let count: Int
        switch shape(text, requirePadding: requirePadding, table: t) {
        case .failure(let e): return .failure(e)
        case .success(let s): count = s.dataCount
        }
        // A table lookup per byte (`t[Int(c)]`, c < 256 = t.count, checked by `shape`).
        @inline(__always) func v(_ c: UInt8) -> UInt32 { UInt32(t[Int(c)]) }
        let rest = count % 4
        let full = count - rest
        let outCount = full / 4 * 3 + (rest == 0 ? 0 : rest - 1)
        // Zero-filled, then written (see `Array(filling:count:)` for why
        // not `unsafeUninitializedCapacity`).
        var out = [UInt8](filling: 0, count: outCount)
        out.withUnsafeMutableBufferPointer { o in
            var i = 0, j = 0
            while i < full {
                let n = v(text[i]) << 18 | v(text[i + 1]) << 12 | v(text[i + 2]) << 6 | v(text[i + 3])
                o[j] = UInt8(n >> 16 & 0xff); o[j + 1] = UInt8(n >> 8 & 0xff); o[j + 2] = UInt8(n & 0xff)
                i += 4
                j += 3
            }
            if rest >= 2 {
                let a = UInt8(v(text[i])), b = UInt8(v(text[i + 1]))
                o[j] = a << 2 | b >> 4
                j += 1
                if rest == 3 {
                    let c = UInt8(v(text[i + 2]))
                    o[j] = (b & 0x0f) << 4 | c >> 2
                    j += 1
                }
            }
        }
        return .success(out)
    }

    /// A non-contiguous collection: copied once, then decoded as bytes
    /// (one implementation of the checks and the decoding).
    static func decodeAny<C: Collection>(_ text: C, requirePadding: Bool) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        Array(text).withUnsafeBufferPointer { decodeBuffer($0, requirePadding: requirePadding) }
    }

    /// Offset of the base64 character that holds the first bit of decoded
    /// byte `i` (used to map nested MIKEY offsets back into the SDP text).
    public static func textOffset(ofDecodedByte i: Int) -> Int { i >= 0 ? (i * 4) / 3 : 0 }
}
