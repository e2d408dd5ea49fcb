import MediasecCore

/// A parsed `Content-Type` (or `Content-Disposition`) header value
/// (RFC 2045 §5.1, RFC 2183 §2):
///
/// ```
/// content   := type "/" subtype *(";" parameter)
/// parameter := attribute "=" value
/// value     := token / quoted-string
/// ```
/// Type, subtype and parameter names are case-insensitive and kept
/// lowercased; parameter values are kept as written (quotes removed,
/// quoted-pairs resolved). For a disposition, `type` holds the
/// disposition type and `subtype` is empty.
public struct MediaType: Sendable, Hashable, CustomStringConvertible {
    public var type: String
    public var subtype: String
    public var parameters: [(name: String, value: String)]

    public init(type: String, subtype: String, parameters: [(name: String, value: String)] = []) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// `type/subtype`, lowercased.
    public var essence: String { subtype.isEmpty ? type : "\(type)/\(subtype)" }

    public var description: String { essence }

    /// The first parameter of that (case-insensitive) name.
    public func parameter(_ name: String) -> String? {
        let n = name.lowercased()
        return parameters.first { $0.name == n }?.value
    }

    public static func == (a: MediaType, b: MediaType) -> Bool {
        a.type == b.type && a.subtype == b.subtype && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    public func hash(into h: inout Hasher) {
        h.combine(type)
        h.combine(subtype)
        for p in parameters { h.combine(p.name); h.combine(p.value) }
    }

    /// Why a header value did not parse.
    public enum Failure: String, Error, Sendable, Hashable {
        case emptyType = "empty-type"
        case missingSubtype = "missing-subtype"
        case badParameter = "bad-parameter"
        case unterminatedQuote = "unterminated-quote"
    }

    /// RFC 2045 §5.1 `tspecials`; a token is 1* of any other visible ASCII.
    static func isTokenByte(_ b: UInt8) -> Bool {
        guard b > 0x20, b < 0x7f else { return false }
        switch b {
        case 0x28, 0x29, 0x3c, 0x3e, 0x40, 0x2c, 0x3b, 0x3a, 0x5c, 0x22, 0x2f, 0x5b, 0x5d, 0x3f, 0x3d: return false
        default: return true
        }
    }

    /// Parses `type/subtype;params` (`subtypeRequired`) or `disposition;params`.
    /// Linear in the input; never traps.
    public static func parse(_ text: String, subtypeRequired: Bool = true) -> Result<MediaType, Failure> {
        let b = Array(text.utf8)
        var i = 0
        func skipWS() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0d || b[i] == 0x0a { i += 1 } }
        func token() -> String {
            let s = i
            while i < b.count, isTokenByte(b[i]) { i += 1 }
            return String(decoding: b[s..<i], as: UTF8.self)
        }
        skipWS()
        let t = token()
        if t.isEmpty { return .failure(.emptyType) }
        var sub = ""
        skipWS()
        if i < b.count, b[i] == 0x2f {
            i += 1
            skipWS()
            sub = token()
            if sub.isEmpty { return .failure(.missingSubtype) }
        } else if subtypeRequired {
            return .failure(.missingSubtype)
        }
        var params: [(name: String, value: String)] = []
        skipWS()
        while i < b.count {
            guard b[i] == 0x3b else { return .failure(.badParameter) }
            i += 1
            skipWS()
            if i >= b.count { break } // a trailing ";" is tolerated
            let name = token()
            skipWS()
            guard !name.isEmpty, i < b.count, b[i] == 0x3d else { return .failure(.badParameter) }
            i += 1
            skipWS()
            var value: [UInt8] = []
            if i < b.count, b[i] == 0x22 {
                i += 1
                var closed = false
                while i < b.count {
                    if b[i] == 0x5c, i + 1 < b.count { value.append(b[i + 1]); i += 2; continue }
                    if b[i] == 0x22 { closed = true; i += 1; break }
                    value.append(b[i]); i += 1
                }
                if !closed { return .failure(.unterminatedQuote) }
            } else {
                let s = i
                while i < b.count, isTokenByte(b[i]) { i += 1 }
                value = Array(b[s..<i])
                if value.isEmpty { return .failure(.badParameter) }
            }
            params.append((name.lowercased(), String(decoding: value, as: UTF8.self)))
            skipWS()
        }
        return .success(MediaType(type: t, subtype: sub, parameters: params))
    }
}
