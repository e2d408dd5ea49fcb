import MediasecCore

/// A `typed-time` (RFC 8866 §9): `1*DIGIT [fixed-len-time-unit]`, the unit
/// one of the case-sensitive letters `d`, `h`, `m`, `s`.
public struct TypedTime: Hashable, Sendable, CustomStringConvertible {
    public var amount: DecimalToken
    public var unit: Character?

    public init(_ amount: DecimalToken, unit: Character? = nil) {
        self.amount = amount
        self.unit = unit
    }

    static func read(_ s: inout SDPTextScanner, _ field: String, code: String) throws(DecodingError) -> TypedTime {
        let n = try s.readDecimal(field, code: code)
        if let u = s.peek(), u == 0x64 || u == 0x68 || u == 0x6d || u == 0x73 {
            s.advance()
            return TypedTime(n, unit: Character(Unicode.Scalar(u)))
        }
        return TypedTime(n)
    }

    public var description: String { amount.text + (unit.map { String($0) } ?? "") }
}
