/// SIP and tel URIs as recipient lists carry them: a grammar check
/// (RFC 3261 §25.1 SIP-URI / SIPS-URI, RFC 3966 §3 telephone-uri) and the
/// RFC 4826 §5 canonical form used to find the same recipient twice.
struct SIPURI: Equatable {
    var secure: Bool
    var user: String?
    var password: String?
    var host: String
    var port: String?
    var parameters: [(name: String, value: String?)]
    var headers: String?

    static func == (a: SIPURI, b: SIPURI) -> Bool {
        a.secure == b.secure && a.user == b.user && a.password == b.password && a.host == b.host && a.port == b.port
            && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value) && a.headers == b.headers
    }

    /// The lowercased scheme of any URI (`scheme ":"` per RFC 3986 §3.1).
    static func scheme(of s: String) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let scheme = s[..<colon]
        guard let f = scheme.utf8.first, URISyntax.isAlpha(f),
              scheme.utf8.allSatisfy({ URISyntax.isAlpha($0) || URISyntax.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) else { return nil }
        return scheme.lowercased()
    }

    // RFC 3261 §25.1 character classes.
    static func unreserved(_ c: UInt8) -> Bool { URISyntax.isAlpha(c) || URISyntax.isDigit(c) || "-_.!~*'()".utf8.contains(c) }
    static func userChar(_ c: UInt8) -> Bool { unreserved(c) || "&=+$,;?/".utf8.contains(c) }
    static func passwordChar(_ c: UInt8) -> Bool { unreserved(c) || "&=+$,".utf8.contains(c) }
    static func paramChar(_ c: UInt8) -> Bool { unreserved(c) || "[]/:&+$".utf8.contains(c) }
    static func headerChar(_ c: UInt8) -> Bool { unreserved(c) || "[]/?:+$".utf8.contains(c) }

    /// True when every byte is allowed by `ok` or starts a valid `%XX` escape.
    static func allEscapedOr(_ s: Substring, _ ok: (UInt8) -> Bool) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x25 {
                guard i + 2 < b.count, URISyntax.isHex(b[i + 1]), URISyntax.isHex(b[i + 2]) else { return false }
                i += 3
            } else {
                guard ok(b[i]) else { return false }
                i += 1
            }
        }
        return true
    }

    /// Parses a sip: or sips: URI; nil when it breaks the grammar. The
    /// second value names the first problem found.
    static func parse(_ s: String) -> Result<SIPURI, SIPURIProblem> {
        guard let scheme = scheme(of: s), scheme == "sip" || scheme == "sips", let colon = s.firstIndex(of: ":") else { return .failure(.scheme) }
        var rest = s[s.index(after: colon)...]
        var uri = SIPURI(secure: scheme == "sips", user: nil, password: nil, host: "", port: nil, parameters: [], headers: nil)
        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let user = userinfo.firstIndex(of: ":").map { userinfo[..<$0] } ?? userinfo
            guard !user.isEmpty, allEscapedOr(user, userChar) else { return .failure(.user) }
            uri.user = String(user)
            if let colon = userinfo.firstIndex(of: ":") {
                let password = userinfo[userinfo.index(after: colon)...]
                guard allEscapedOr(password, passwordChar) else { return .failure(.user) }
                uri.password = String(password)
            }
        }
        if let q = rest.firstIndex(of: "?") {
            let headers = rest[rest.index(after: q)...]
            rest = rest[..<q]
            let ok = !headers.isEmpty && headers.split(separator: "&", omittingEmptySubsequences: false).allSatisfy { h in
                guard let eq = h.firstIndex(of: "=") else { return false }
                let name = h[..<eq]
                return !name.isEmpty && allEscapedOr(name, headerChar) && allEscapedOr(h[h.index(after: eq)...], headerChar)
            }
            guard ok else { return .failure(.headers) }
            uri.headers = String(headers)
        }
        var pieces = rest.split(separator: ";", omittingEmptySubsequences: false)
        let hostport = pieces.removeFirst()
        for p in pieces {
            let name = p.firstIndex(of: "=").map { p[..<$0] } ?? p
            let value = p.firstIndex(of: "=").map { p[p.index(after: $0)...] }
            guard !name.isEmpty, allEscapedOr(name, paramChar), value.map({ !$0.isEmpty && allEscapedOr($0, paramChar) }) ?? true else {
                return .failure(.parameter)
            }
            uri.parameters.append((String(name), value.map(String.init)))
        }
        var host = hostport
        if hostport.first == "[" {
            guard let close = hostport.firstIndex(of: "]") else { return .failure(.host) }
            host = hostport[...close]
            let after = hostport[hostport.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return .failure(.host) }
                uri.port = String(after.dropFirst())
            }
            let inner = host.dropFirst().dropLast()
            guard !inner.isEmpty, inner.utf8.allSatisfy({ URISyntax.isHex($0) || $0 == 0x3A || $0 == 0x2E }) else { return .failure(.host) }
        } else if let colon = hostport.firstIndex(of: ":") {
            host = hostport[..<colon]
            uri.port = String(hostport[hostport.index(after: colon)...])
        }
        if let port = uri.port, port.isEmpty || !port.utf8.allSatisfy(URISyntax.isDigit) { return .failure(.port) }
        guard host.first == "[" || isHostname(host) else { return .failure(.host) }
        uri.host = String(host)
        return .success(uri)
    }

    /// hostname = *( domainlabel "." ) toplabel [ "." ] (IPv4 addresses
    /// match it too, as digits-only labels, except for the top label rule,
    /// which is relaxed for an all-numeric dotted quad).
    static func isHostname(_ h: Substring) -> Bool {
        var labels = h.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last == "" { labels.removeLast() }
        guard !labels.isEmpty else { return false }
        let alnum: (UInt8) -> Bool = { URISyntax.isAlpha($0) || URISyntax.isDigit($0) }
        for l in labels {
            let u = Array(l.utf8)
            guard let f = u.first, let z = u.last, alnum(f), alnum(z), u.allSatisfy({ alnum($0) || $0 == 0x2D }) else { return false }
        }
        let isIPv4 = labels.count == 4 && labels.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.utf8.allSatisfy(URISyntax.isDigit) }
        return isIPv4 || labels.last!.utf8.first.map(URISyntax.isAlpha) == true
    }

    /// RFC 4826 §5: lowercase domain and tokens, undo escapes of
    /// characters that need none, order parameters by name, drop headers.
    var canonical: String {
        func unescape(_ s: String) -> String {
            let b = Array(s.utf8)
            var out: [UInt8] = []
            var i = 0
            while i < b.count {
                if b[i] == 0x25, i + 2 < b.count, let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16), SIPURI.unreserved(v) {
                    out.append(v)
                    i += 3
                } else {
                    out.append(b[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var s = secure ? "sips:" : "sip:"
        if let user { s += unescape(user) + (password.map { ":" + unescape($0) } ?? "") + "@" }
        s += host.lowercased()
        if let port { s += ":" + port }
        let params = parameters.map { (unescape($0.name).lowercased(), $0.value.map { unescape($0).lowercased() }) }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        for (n, v) in params { s += ";" + n + (v.map { "=" + $0 } ?? "") }
        return s
    }
}

enum SIPURIProblem: Error, Equatable {
    case scheme, user, host, port, parameter, headers

    var message: String {
        switch self {
        case .scheme: return "not a sip: or sips: URI"
        case .user: return "the userinfo has a character that must be %-escaped, a malformed % escape, or is empty"
        case .host: return "the host is not a hostname, IPv4 address or [IPv6] reference"
        case .port: return "the port is not a decimal number"
        case .parameter: return "a URI parameter is empty or has a character that must be %-escaped"
        case .headers: return "the headers are not hname=hvalue pairs of allowed characters"
        }
    }
}
