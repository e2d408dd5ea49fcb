/// One header field of a MIME entity (RFC 5322 §2.2, RFC 2045 §3):
///
/// ```abnf
/// field      = field-name ":" unstructured CRLF
/// field-name = 1*ftext          ; %d33-57 / %d59-126
/// ; folding: CRLF followed by WSP continues the field (RFC 5322 §2.2.3)
/// ```
///
/// The model keeps the field as received: the name as written and the raw
/// octets after the colon, folds included (line terminator excluded), so
/// that ``SMIMEEntity/encoded()`` reproduces a canonical entity byte for
/// byte. ``value`` is the unfolded, trimmed text. `offset` (where the name
/// starts in the input) is reporting data, not part of equality.
public struct MIMEHeaderField: Hashable, Sendable {
    public var name: String
    /// Octets after the colon up to the end of the field's last line.
    public var rawValue: [UInt8]
    /// Absolute offset of the name's first octet in the input (nil when built).
    public var offset: Int?
    /// Absolute offset of `rawValue[0]` (nil when built).
    public var valueOffset: Int?

    public init(name: String, rawValue: [UInt8], offset: Int? = nil, valueOffset: Int? = nil) {
        self.name = name
        self.rawValue = rawValue
        self.offset = offset
        self.valueOffset = valueOffset
    }

    /// A field written `Name: value` (one space after the colon); `value`
    /// may contain folds written as "\r\n ".
    public init(name: String, value: String) {
        self.init(name: name, rawValue: Array((" " + value).utf8))
    }

    public static func == (a: MIMEHeaderField, b: MIMEHeaderField) -> Bool { a.name == b.name && a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) {
        h.combine(name)
        h.combine(rawValue)
    }

    /// Field names compare case-insensitively (RFC 5322 §1.2.2, RFC 2045 §1).
    public func hasName(_ n: String) -> Bool { name.lowercased() == n.lowercased() }

    /// The unfolded value (RFC 5322 §2.2.3: a line break followed by WSP is
    /// removed) with leading and trailing whitespace trimmed, each octet with
    /// its absolute input offset (nil offsets for a built field).
    public var unfolded: [(byte: UInt8, offset: Int?)] {
        var out: [(UInt8, Int?)] = []
        out.reserveCapacity(rawValue.count)
        var i = 0
        let r = rawValue
        while i < r.count {
            if r[i] == 0x0d, i + 1 < r.count, r[i + 1] == 0x0a { i += 2; continue }
            if r[i] == 0x0a { i += 1; continue }
            out.append((r[i], valueOffset.map { $0 + i }))
            i += 1
        }
        var lo = 0, hi = out.count
        while lo < hi, out[lo].0 == 0x20 || out[lo].0 == 0x09 { lo += 1 }
        while hi > lo, out[hi - 1].0 == 0x20 || out[hi - 1].0 == 0x09 { hi -= 1 }
        return out[lo..<hi].map { (byte: $0.0, offset: $0.1) }
    }

    /// ``unfolded`` as text (non-ASCII octets decoded as UTF-8 with replacement).
    public var value: String { String(decoding: unfolded.map(\.byte), as: UTF8.self) }
}
