import MediasecCore

/// MSRP `a=accept-types` and `a=accept-wrapped-types` (RFC 4975 §8.6):
///
/// ```
/// accept-types         = accept-types-label ":" format-list
/// accept-wrapped-types = wrapped-types-label ":" format-list
/// format-list  = format-entry *( SP format-entry)
/// format-entry = ( ( (type "/" subtype) / (type "/" "*") ) *( ";" type-param ) ) / ("*")
/// type-param   = parm-attribute "=" parm-value
/// parm-value   = token / quoted-string
/// ```
/// Entries are kept as written (parameters included).
public struct AcceptTypesAttribute: SDPAttributeCodable {
    public static let attributeName = "accept-types"
    public static let specRef = "RFC 4975 §8.6"

    public var entries: [String]

    public init(_ entries: [String]) { self.entries = entries }

    public var encodedValue: String { entries.joined(separator: " ") }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> AcceptTypesAttribute {
        var s = SDPTextScanner(value, base: base, path: path, specRef: specRef)
        let code = "sdp.msrp.accept-types-syntax"
        var entries: [String] = []
        repeat {
            let f = "entries[\(entries.count)]"
            let start = s.index
            if s.consume(0x2a) {
                // "*" alone
            } else {
                _ = try FieldScan.token(&s, f + ".type", code: code)
                try s.expect(0x2f, f + ".type", code: code)
                if !s.consume(0x2a) { _ = try FieldScan.token(&s, f + ".subtype", code: code) }
                while s.consume(0x3b) {
                    _ = try FieldScan.token(&s, f + ".param", code: code)
                    try s.expect(0x3d, f + ".param", code: code)
                    if s.consume(0x22) {
                        while let c = s.peek(), c != 0x22 {
                            if c == 0x5c { s.advance() }
                            s.advance()
                        }
                        try s.expect(0x22, f + ".param", code: code)
                    } else {
                        _ = try FieldScan.token(&s, f + ".param", code: code)
                    }
                }
            }
            if let c = s.peek(), c != 0x20 { throw s.fail(code, "\(f): unexpected '\(SDPTextScanner.show(c))'", field: f) }
            entries.append(SDPGrammar.string(s.bytes[start..<s.index]))
        } while s.consume(0x20)
        try s.expectEnd("entries", code: code)
        return AcceptTypesAttribute(entries)
    }
}
