/// A parameter of a structured MIME field (RFC 2045 §5.1, RFC 2183 §2):
/// `attribute "=" value`, value a token or a quoted-string.
public struct MIMEParameter: Hashable, Sendable {
    /// Lowercased (parameter names are case-insensitive).
    public var name: String
    /// The value, quotes and quoted-pair escapes removed.
    public var value: String
    /// Absolute input offset of the value's first octet (nil when built).
    public var offset: Int?

    public init(name: String, value: String, offset: Int? = nil) {
        self.name = name
        self.value = value
        self.offset = offset
    }
}

/// A Content-Type value (RFC 2045 §5.1):
///
/// ```abnf
/// content   := "Content-Type" ":" type "/" subtype *(";" parameter)
/// parameter := attribute "=" value
/// value     := token / quoted-string
/// token     := 1*<any (US-ASCII) CHAR except SPACE, CTLs, or tspecials>
/// ```
///
/// Comments and whitespace (CFWS, RFC 5322 §3.2.2) may surround every token.
public struct MIMEContentType: Hashable, Sendable {
    /// Lowercased type and subtype.
    public var type: String
    public var subtype: String
    public var parameters: [MIMEParameter]

    public var mediaType: String { "\(type)/\(subtype)" }

    public func parameter(_ name: String) -> MIMEParameter? { parameters.first { $0.name == name.lowercased() } }

    /// Parses `field`'s value; on failure returns the offset (absolute when
    /// the field has offsets) and a reason.
    public static func parse(_ field: MIMEHeaderField, limits: MIMELimits = .default) -> Result<MIMEContentType, MIMESyntaxError> {
        var s = MIMEValueScanner(field.unfolded, limits: limits)
        do throws(MIMESyntaxError) {
            try s.skipCFWS()
            guard let t = s.token() else { throw s.error("a media type is expected") }
            try s.skipCFWS()
            guard s.take(0x2f) else { throw s.error("'/' is expected after the type") }
            try s.skipCFWS()
            guard let st = s.token() else { throw s.error("a subtype is expected after '/'") }
            let params = try s.parameters()
            return .success(MIMEContentType(type: t.lowercased(), subtype: st.lowercased(), parameters: params))
        } catch {
            return .failure(error)
        }
    }
}

/// A Content-Disposition value (RFC 2183 §2): `disposition-type *(";" parameter)`.
public struct MIMEDisposition: Hashable, Sendable {
    /// Lowercased (`attachment`, `inline`, …).
    public var type: String
    public var parameters: [MIMEParameter]

    public func parameter(_ name: String) -> MIMEParameter? { parameters.first { $0.name == name.lowercased() } }

    public static func parse(_ field: MIMEHeaderField, limits: MIMELimits = .default) -> Result<MIMEDisposition, MIMESyntaxError> {
        var s = MIMEValueScanner(field.unfolded, limits: limits)
        do throws(MIMESyntaxError) {
            try s.skipCFWS()
            guard let t = s.token() else { throw s.error("a disposition type is expected") }
            return .success(MIMEDisposition(type: t.lowercased(), parameters: try s.parameters()))
        } catch {
            return .failure(error)
        }
    }
}

/// Where and why a structured value does not parse.
public struct MIMESyntaxError: Error, Sendable, Hashable {
    public var offset: Int?
    public var message: String
}

/// Reads tokens, quoted-strings and CFWS from an unfolded value whose
/// octets carry their input offsets.
struct MIMEValueScanner {
    let chars: [(byte: UInt8, offset: Int?)]
    let limits: MIMELimits
    var i = 0

    init(_ chars: [(byte: UInt8, offset: Int?)], limits: MIMELimits) {
        self.chars = chars
        self.limits = limits
    }

    var atEnd: Bool { i >= chars.count }
    var here: UInt8? { i < chars.count ? chars[i].byte : nil }

    func error(_ m: String) -> MIMESyntaxError {
        let off = i < chars.count ? chars[i].offset : chars.last?.offset.map { $0 + 1 }
        let what = i < chars.count ? " (at '\(String(decoding: [chars[i].byte], as: UTF8.self))')" : " (at the end of the value)"
        return MIMESyntaxError(offset: off, message: m + what)
    }

    /// RFC 2045 §5.1 tspecials, plus SPACE and CTLs: not token octets.
    static func isTokenOctet(_ c: UInt8) -> Bool {
        guard c > 0x20, c < 0x7f else { return false }
        return !"()<>@,;:\\\"/[]?=".utf8.contains(c)
    }

    mutating func take(_ c: UInt8) -> Bool {
        guard here == c else { return false }
        i += 1
        return true
    }

    /// Whitespace and (nested) comments.
    mutating func skipCFWS() throws(MIMESyntaxError) {
        while let c = here {
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == 0x28 {
                var depth = 0
                repeat {
                    guard let x = here else { throw error("unterminated comment") }
                    if x == 0x5c { i += 2; continue }
                    if x == 0x28 {
                        depth += 1
                        guard depth <= limits.maxCommentDepth else { throw error("comments nested deeper than \(limits.maxCommentDepth)") }
                    }
                    if x == 0x29 { depth -= 1 }
                    i += 1
                } while depth > 0
            } else {
                return
            }
        }
    }

    mutating func token() -> String? {
        let start = i
        while let c = here, Self.isTokenOctet(c) { i += 1 }
        guard i > start else { return nil }
        return String(decoding: chars[start..<i].map(\.byte), as: UTF8.self)
    }

    /// A quoted-string (RFC 5322 §3.2.4) without its quotes and escapes.
    mutating func quotedString() throws(MIMESyntaxError) -> String {
        guard take(0x22) else { throw error("'\"' expected") }
        var out: [UInt8] = []
        while true {
            guard let c = here else { throw error("unterminated quoted-string") }
            i += 1
            if c == 0x22 { break }
            if c == 0x5c {
                guard let e = here else { throw error("'\\' at the end of a quoted-string") }
                out.append(e)
                i += 1
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `*(";" attribute "=" value)` up to the end of the value.
    mutating func parameters() throws(MIMESyntaxError) -> [MIMEParameter] {
        var out: [MIMEParameter] = []
        while true {
            try skipCFWS()
            if atEnd { return out }
            guard take(0x3b) else { throw error("';' expected before a parameter") }
            try skipCFWS()
            guard let name = token() else { throw error("a parameter name is expected after ';'") }
            try skipCFWS()
            guard take(0x3d) else { throw error("'=' expected after the parameter name \(name)") }
            try skipCFWS()
            let valueOffset = i < chars.count ? chars[i].offset : nil
            let value: String
            if here == 0x22 {
                value = try quotedString()
            } else if let t = token() {
                value = t
            } else {
                throw error("a token or quoted-string value is expected for \(name)")
            }
            out.append(MIMEParameter(name: name.lowercased(), value: value, offset: valueOffset))
        }
    }
}
