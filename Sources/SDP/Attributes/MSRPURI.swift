import MediasecCore

/// An MSRP URI (RFC 4975 §6, §9; authority per RFC 3986 §3.2):
///
/// ```
/// MSRP-URI    = msrp-scheme "://" authority ["/" session-id] ";" transport
///               *( ";" URI-parameter)
/// msrp-scheme = "msrp" / "msrps"
/// session-id  = 1*( unreserved / "+" / "=" / "/" )
/// transport   = "tcp" / 1*ALPHANUM
/// URI-parameter = token ["=" token]
/// authority   = [ userinfo "@" ] host [ ":" port ]
/// ```
/// Percent-encodings must be complete (`%` HEXDIG HEXDIG): a `%` at the end
/// of the host or user part is a syntax error, not a read past the end.
/// The authority stops at the first `/` or `;` (RFC 3986 allows `;` in a
/// reg-name, but the MSRP transport parameter must follow).
public struct MSRPURI: Hashable, Sendable, CustomStringConvertible {
    public var scheme: String
    public var userinfo: String?
    public var host: String
    /// The digits after `:` as written (possibly empty), nil without `:`.
    public var port: String?
    public var sessionID: String?
    public var transport: String
    /// `;`-separated parameters after the transport, as written.
    public var parameters: [String]

    public init(scheme: String = "msrps", userinfo: String? = nil, host: String, port: UInt16?, sessionID: String?, transport: String = "tcp", parameters: [String] = []) {
        self.scheme = scheme
        self.userinfo = userinfo
        self.host = host
        self.port = port.map { String($0) }
        self.sessionID = sessionID
        self.transport = transport
        self.parameters = parameters
    }

    public var isSecure: Bool { SDPGrammar.lowercased(scheme) == "msrps" }
    public var portNumber: DecimalToken? { port.flatMap { DecimalToken(text: $0) } }

    public var description: String {
        var s = scheme + "://"
        if let u = userinfo { s += u + "@" }
        s += host
        if let p = port { s += ":" + p }
        if let id = sessionID { s += "/" + id }
        s += ";" + transport
        for p in parameters { s += ";" + p }
        return s
    }

    static let specRef = "RFC 4975 §9"

    /// Decodes one URI from the scanner, stopping at SP or the end.
    static func decode(_ s: inout SDPTextScanner, field: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> MSRPURI {
        try decode(&s, fieldName: { field }, offsets: &offsets)
    }

    /// ``decode(_:field:offsets:)`` for the `k`th URI of a path, whose field
    /// name (`uris[k]`) is built only for an error or a recorded offset.
    static func decode(_ s: inout SDPTextScanner, index k: Int, offsets: inout SDPFieldOffsets) throws(DecodingError) -> MSRPURI {
        try decode(&s, fieldName: { SDPPathText.indexed("uris", k) }, offsets: &offsets)
    }

    private static func decode(_ s: inout SDPTextScanner, fieldName: () -> String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> MSRPURI {
        let code = "sdp.msrp.uri-syntax"
        offsets.record(fieldName(), s.offset)
        let schemeAt = s.offset
        let scheme = s.readString(while: SDPGrammar.isAlpha)
        let lower = SDPGrammar.lowercased(scheme)
        guard lower == "msrp" || lower == "msrps" else {
            let field = fieldName()
            throw s.fail(code, "\(field): scheme '\(scheme)' is not msrp or msrps", field: field, at: schemeAt, specRef: specRef)
        }
        guard s.consume("://") else {
            let field = fieldName()
            throw s.fail(code, "\(field): expected '://' after the scheme", field: field, specRef: specRef)
        }
        // userinfo: present when '@' comes before the end of the authority.
        var userinfo: String? = nil
        var k = 0
        while let c = s.peek(k), c != 0x2f, c != 0x3b, c != 0x20 {
            if c == 0x40 {
                userinfo = try readPart(&s, count: k, field: fieldName() + ".userinfo", allowColon: true)
                s.advance() // '@'
                break
            }
            k += 1
        }
        offsets.record(fieldName() + ".host", s.offset)
        let host: String
        if s.peek() == 0x5b {
            let at = s.offset
            let open = s.index
            while let c = s.peek(), c != 0x5d, c != 0x20 { s.advance() }
            guard s.consume(0x5d) else {
                let field = fieldName()
                throw s.fail(code, "\(field).host: '[' without ']'", field: field + ".host", at: at, specRef: "RFC 3986 §3.2.2")
            }
            // '[' IP-literal ']' as written.
            let literal = s.bytes[open..<s.index]
            let inner = literal.dropFirst().dropLast()
            guard !inner.isEmpty, inner.allSatisfy({ SDPGrammar.isHex($0) || $0 == 0x3a || $0 == 0x2e }) else {
                let field = fieldName()
                throw s.fail(code, "\(field).host: malformed IP-literal", field: field + ".host", at: at, specRef: "RFC 3986 §3.2.2")
            }
            host = SDPGrammar.string(literal)
        } else {
            var n = 0
            while let c = s.peek(n), c != 0x3a, c != 0x2f, c != 0x3b, c != 0x20 { n += 1 }
            host = try readPart(&s, count: n, field: fieldName() + ".host", allowColon: false)
            if host.isEmpty {
                let field = fieldName()
                throw s.fail(code, "\(field).host: empty host", field: field + ".host", specRef: "RFC 3986 §3.2.2")
            }
        }
        var port: String? = nil
        if s.consume(0x3a) {
            offsets.record(fieldName() + ".port", s.offset)
            port = s.readString(while: SDPGrammar.isDigit)
        }
        var sessionID: String? = nil
        if s.consume(0x2f) {
            offsets.record(fieldName() + ".sessionId", s.offset)
            let id = s.readString { SDPGrammar.isUnreserved($0) || $0 == 0x2b || $0 == 0x3d || $0 == 0x2f }
            if id.isEmpty {
                let field = fieldName()
                let got = s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value"
                throw s.fail(code, "\(field).sessionId: expected 1*(unreserved / + / = / /), found \(got)", field: field + ".sessionId", specRef: specRef)
            }
            sessionID = id
        }
        guard s.consume(0x3b) else {
            let field = fieldName()
            let got = s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value"
            throw s.fail(code, "\(field): expected ';' and the transport, found \(got)", field: field + ".transport", specRef: specRef)
        }
        offsets.record(fieldName() + ".transport", s.offset)
        let transport = s.readString(while: SDPGrammar.isAlphaNum)
        if transport.isEmpty {
            let field = fieldName()
            throw s.fail(code, "\(field).transport: expected 1*ALPHANUM", field: field + ".transport", specRef: specRef)
        }
        var params: [String] = []
        while s.consume(0x3b) {
            let at = s.offset
            var p = s.readString(while: SDPGrammar.isTokenChar)
            if p.isEmpty {
                let field = fieldName()
                throw s.fail(code, "\(field): empty URI-parameter", field: field + ".parameters", at: at, specRef: specRef)
            }
            if s.consume(0x3d) {
                let v = s.readString(while: SDPGrammar.isTokenChar)
                if v.isEmpty {
                    let field = fieldName()
                    throw s.fail(code, "\(field): URI-parameter '\(p)=' without a value", field: field + ".parameters", at: at, specRef: specRef)
                }
                p += "=" + v
            }
            params.append(p)
        }
        if let c = s.peek(), c != 0x20 {
            let field = fieldName()
            throw s.fail(code, "\(field): unexpected '\(SDPTextScanner.show(c))'", field: field, specRef: specRef)
        }
        return MSRPURI(scheme: scheme, userinfo: userinfo, host: host, port: port, sessionID: sessionID, transport: transport, parameters: params)
    }

    private init(scheme: String, userinfo: String?, host: String, port: String?, sessionID: String?, transport: String, parameters: [String]) {
        self.scheme = scheme
        self.userinfo = userinfo
        self.host = host
        self.port = port
        self.sessionID = sessionID
        self.transport = transport
        self.parameters = parameters
    }

    /// Reads `count` bytes of userinfo or reg-name, checking each is
    /// unreserved / sub-delims (minus `;`) / pct-encoded (/ `:` for userinfo).
    /// The part is the bytes read, as written.
    private static func readPart(_ s: inout SDPTextScanner, count: Int, field: @autoclosure () -> String, allowColon: Bool) throws(DecodingError) -> String {
        let start = s.index
        var left = count
        while left > 0 {
            guard let c = s.peek() else { break }
            if c == 0x25 {
                guard left >= 3, let a = s.peek(1), let b = s.peek(2), SDPGrammar.isHex(a), SDPGrammar.isHex(b) else {
                    let f = field()
                    throw s.fail("sdp.msrp.uri-syntax", "\(f): '%' not followed by two hex digits (incomplete percent-encoding)", field: f, specRef: "RFC 3986 §2.1")
                }
                s.advance(3)
                left -= 3
                continue
            }
            guard SDPGrammar.isUnreserved(c) || (SDPGrammar.isSubDelim(c) && c != 0x3b) || (allowColon && c == 0x3a) else {
                let f = field()
                throw s.fail("sdp.msrp.uri-syntax", "\(f): '\(SDPTextScanner.show(c))' is not allowed here", field: f, specRef: "RFC 3986 §3.2")
            }
            s.advance()
            left -= 1
        }
        return SDPGrammar.string(s.bytes[start..<s.index])
    }
}
