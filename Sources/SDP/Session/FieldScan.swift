import MediasecCore

/// Token readers shared by the field decoders.
enum FieldScan {
    static func token(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> String {
        let at = s.offset
        let t = s.read(while: SDPGrammar.isTokenChar)
        if t.isEmpty { throw s.fail(code, "\(field()): expected a token, found \(s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value")", field: field(), at: at) }
        return SDPGrammar.string(t)
    }

    /// ``token(_:_:code:)`` without building the string.
    static func skipToken(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) {
        let at = s.offset
        let t = s.read(while: SDPGrammar.isTokenChar)
        if t.isEmpty { throw s.fail(code, "\(field()): expected a token, found \(s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value")", field: field(), at: at) }
    }

    static func nonWS(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> String {
        let at = s.offset
        let t = s.read(while: SDPGrammar.isNonWS)
        if t.isEmpty { throw s.fail(code, "\(field()): expected a non-empty field, found \(s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value")", field: field(), at: at) }
        return SDPGrammar.string(t)
    }
}
