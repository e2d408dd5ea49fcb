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

    private static let table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    public static func decode<C: Collection>(_ text: C) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        decode(text, requirePadding: true)
    }

    public static func decodeUnpadded<C: Collection>(_ text: C) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        decode(text, requirePadding: false)
    }

    /// True when the text ends without the padding its length needs.
    public static func isMissingPadding<C: Collection>(_ text: C) -> Bool where C.Element == UInt8 {
        !text.contains(0x3d) && text.count % 4 != 0
    }

    static func decode<C: Collection>(_ text: C, requirePadding: Bool) -> Result<[UInt8], Failure> where C.Element == UInt8 {
        var vals = [UInt8]()
        vals.reserveCapacity(text.count)
        var pad = 0
        for c in text {
            if c == 0x3d { pad += 1; continue }
            if pad > 0 { return .failure(.padding) }
            let v = table[Int(c)]
            if v < 0 { return .failure(.character) }
            vals.append(UInt8(v))
        }
        if pad > 2 { return .failure(.padding) }
        if pad > 0 || requirePadding {
            guard (vals.count + pad) % 4 == 0 else { return .failure(pad > 0 ? .padding : .length) }
        }
        let rest = vals.count % 4
        if rest == 1 { return .failure(.length) }
        if pad > 0 && pad != (4 - rest) % 4 { return .failure(.padding) }
        var out = [UInt8]()
        out.reserveCapacity(vals.count * 3 / 4)
        var i = 0
        while i + 4 <= vals.count {
            let n = UInt32(vals[i]) << 18 | UInt32(vals[i + 1]) << 12 | UInt32(vals[i + 2]) << 6 | UInt32(vals[i + 3])
            out.append(UInt8(n >> 16 & 0xff)); out.append(UInt8(n >> 8 & 0xff)); out.append(UInt8(n & 0xff))
            i += 4
        }
        if rest == 2 {
            if vals[i + 1] & 0x0f != 0 { return .failure(.nonCanonical) }
            out.append(vals[i] << 2 | vals[i + 1] >> 4)
        } else if rest == 3 {
            if vals[i + 2] & 0x03 != 0 { return .failure(.nonCanonical) }
            out.append(vals[i] << 2 | vals[i + 1] >> 4)
            out.append((vals[i + 1] & 0x0f) << 4 | vals[i + 2] >> 2)
        }
        return .success(out)
    }

    /// Offset of the base64 character that holds the first bit of decoded
    /// byte `i` (used to map nested MIKEY offsets back into the SDP text).
    public static func textOffset(ofDecodedByte i: Int) -> Int { i >= 0 ? (i * 4) / 3 : 0 }
}
