/// A decimal number as written (`1*DIGIT`), kept as text so that leading
/// zeroes, over-long values and the exact spelling survive a decode/encode
/// round trip; ``value`` is the checked integer value (nil when it does not
/// fit 64 bits). Numbers from the input are never converted with a trapping
/// initializer: `m=audio 4294967296 …`, a 30-digit MKI or a `2^99`
/// lifetime are values for rules, not crashes.
public struct DecimalToken: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let text: String
    /// ``value`` when it was known at construction: a token made from a
    /// number, or read from digit bytes (the value computed in the same
    /// pass); else it is computed from ``text`` on request. A rule may ask
    /// the value of a tag or an MKI several times.
    private let parsed: Parsed

    private enum Parsed: Sendable {
        case unknown
        case value(UInt64)
        case tooLarge
    }

    /// The canonical spelling of `value`.
    public init(_ value: UInt64) {
        text = String(value)
        parsed = .value(value)
    }

    public init(integerLiteral value: UInt64) { self.init(value) }

    /// Accepts one or more ASCII digits, nothing else.
    public init?(text: String) {
        guard !text.isEmpty, text.utf8.allSatisfy(SDPGrammar.isDigit) else { return nil }
        self.text = text
        parsed = .unknown
    }

    init(uncheckedDigits text: String) {
        self.text = text
        parsed = .unknown
    }

    /// Digits read from the input (`1*DIGIT`, checked by the caller): the
    /// text and the value at once.
    init(digits: ArraySlice<UInt8>) {
        text = SDPGrammar.string(digits)
        parsed = Self.value(digits: digits).map(Parsed.value) ?? .tooLarge
    }

    /// The value, or nil when it exceeds `UInt64.max`.
    public var value: UInt64? {
        switch parsed {
        case .value(let v): return v
        case .tooLarge: return nil
        case .unknown: return Self.value(text: text)
        }
    }

    /// ``value`` computed from the text.
    static func value(text: String) -> UInt64? {
        var v: UInt64 = 0
        for c in text.utf8 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(c - 0x30))
            if o1 || o2 { return nil }
            v = s
        }
        return v
    }

    /// Equality and hashing of the text as written (the cached value
    /// follows from it).
    public static func == (a: DecimalToken, b: DecimalToken) -> Bool { a.text == b.text }
    public func hash(into h: inout Hasher) { h.combine(text) }

    /// ``value`` of digits as written (`1*DIGIT`), without building the token.
    static func value(digits: ArraySlice<UInt8>) -> UInt64? {
        var v: UInt64 = 0
        for c in digits {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(c &- 0x30))
            if o1 || o2 { return nil }
            v = s
        }
        return v
    }

    /// ``hasLeadingZero`` of digits as written.
    static func hasLeadingZero(digits: ArraySlice<UInt8>) -> Bool { digits.count > 1 && digits.first == 0x30 }

    /// The value when it lies in `range`, else nil.
    public func value(in range: ClosedRange<UInt64>) -> UInt64? {
        guard let v = value, range.contains(v) else { return nil }
        return v
    }

    /// "leading zeroes MUST NOT be used" (RFC 4568 §4.1, §6.1, §6.3.1).
    public var hasLeadingZero: Bool { text.utf8.count > 1 && text.utf8.first == 0x30 }

    public var digitCount: Int { text.utf8.count }

    public var description: String { text }
}

extension DecimalToken {
    /// Minimal number of bytes of the big-endian encoding of the value (0 for
    /// zero); nil when the text has more than 310 significant digits (the value then
    /// needs more than 128 bytes, beyond every field this module compares
    /// against). The work is quadratic only in that bounded digit count, so
    /// the total over an input stays linear in its size.
    public var minimalByteCount: Int? { Self.minimalByteCount(digits: text.utf8, value: value) }

    /// ``minimalByteCount`` of digits whose value (nil past 64 bits) is known.
    static func minimalByteCount<C: Collection>(digits: C, value: UInt64?) -> Int? where C.Element == UInt8 {
        if let v = value { return (64 - v.leadingZeroBitCount + 7) / 8 }
        return minimalByteCount(digits: digits)
    }

    /// ``minimalByteCount`` by long multiplication, for any digit count
    /// (the property takes it only past 64 bits).
    static func minimalByteCount<C: Collection>(digits text: C) -> Int? where C.Element == UInt8 {
        let digits = Array(text.drop { $0 == 0x30 })
        guard digits.count <= 310 else { return nil }
        // Little-endian base-2^32 limbs, fed nine decimal digits at a time.
        var limbs: [UInt32] = []
        var k = 0
        while k < digits.count {
            let n = min(9, digits.count - k)
            var chunk: UInt64 = 0
            var scale: UInt64 = 1
            for c in digits[k..<(k + n)] {
                chunk = chunk * 10 + UInt64(c - 0x30)
                scale *= 10
            }
            var carry = chunk
            for i in 0..<limbs.count {
                let v = UInt64(limbs[i]) * scale + carry
                limbs[i] = UInt32(truncatingIfNeeded: v)
                carry = v >> 32
            }
            if carry > 0 { limbs.append(UInt32(truncatingIfNeeded: carry)) }
            k += n
        }
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 4 + (32 - top.leadingZeroBitCount + 7) / 8
    }
}
