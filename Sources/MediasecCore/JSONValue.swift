/// A small JSON tree with ordered object keys, used for the CLI's `--json`
/// output, the decoded trees, and the vector files. Serialization is
/// deterministic (keys in insertion order, fixed escaping, `\n` line ends),
/// which is what makes regenerated vector files byte-identical.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for (l, r) in zip(x, y) where l.0 != r.0 || l.1 != r.1 { return false }
            return true
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b)
        case .int(let i): h.combine(i)
        case .string(let s): h.combine(s)
        case .array(let a): h.combine(a)
        case .object(let o): for (k, v) in o { h.combine(k); h.combine(v) }
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o.first { $0.0 == key }?.1 }
        return nil
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? { if case .int(let i) = self { return i }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { return o }; return nil }

    /// True when every key/value of `subset` is found in `self` (recursively;
    /// arrays must have equal length and match element-wise). Used to compare
    /// a vector's expected decoded subset against the decoder's output.
    public func contains(subset: JSONValue) -> Bool {
        switch (self, subset) {
        case let (.object(o), .object(s)):
            for (k, v) in s {
                guard let mine = o.first(where: { $0.0 == k })?.1, mine.contains(subset: v) else { return false }
            }
            return true
        case let (.array(a), .array(s)):
            guard a.count == s.count else { return false }
            return zip(a, s).allSatisfy { $0.contains(subset: $1) }
        default:
            return self == subset
        }
    }

    // MARK: serialization

    public func serialized(pretty: Bool = true, indent: String = "  ") -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: String, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            // Arrays of scalars stay on one line: keeps vector files readable.
            let scalar = a.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if !pretty || scalar {
                out += "["
                for (i, v) in a.enumerated() {
                    if i > 0 { out += pretty ? ", " : "," }
                    v.write(into: &out, pretty: pretty, indent: indent, level: level + 1)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, v) in a.enumerated() {
                out += String(repeating: indent, count: level + 1)
                v.write(into: &out, pretty: pretty, indent: indent, level: level + 1)
                out += i + 1 < a.count ? ",\n" : "\n"
            }
            out += String(repeating: indent, count: level) + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += pretty ? "{\n" : "{"
            for (i, (k, v)) in o.enumerated() {
                if pretty { out += String(repeating: indent, count: level + 1) }
                JSONValue.writeString(k, into: &out)
                out += pretty ? ": " : ":"
                v.write(into: &out, pretty: pretty, indent: indent, level: level + 1)
                if i + 1 < o.count { out += "," }
                if pretty { out += "\n" }
            }
            if pretty { out += String(repeating: indent, count: level) }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    let h = Hex.encode([UInt8(u.value >> 8 & 0xff), UInt8(u.value & 0xff)])
                    out += "\\u" + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    // MARK: parsing

    /// Parses JSON text. Depth-bounded; numbers must be integers (the suite's
    /// files never carry fractions).
    public static func parse(_ text: String, maxDepth: Int = 64) throws(DecodingError) -> JSONValue {
        var p = JSONParser(bytes: Array(text.utf8), maxDepth: maxDepth)
        p.skipWS()
        let v = try p.value(depth: 0)
        p.skipWS()
        if p.i != p.bytes.count { throw p.err("trailing characters") }
        return v
    }
}

extension JSONValue {
    public init(_ findings: [Finding]) {
        self = .array(findings.map { f in
            .object([
                ("code", .string(f.code)),
                ("severity", .string(f.severity.rawValue)),
                ("offset", f.offset.map { .int($0) } ?? .null),
                ("path", .string(f.path)),
                ("specRef", .string(f.specRef)),
                ("message", .string(f.message)),
            ])
        })
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    let maxDepth: Int
    var i = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func err(_ m: String) -> DecodingError {
        DecodingError(code: "json.syntax", offset: i, path: "", specRef: "RFC 8259", message: m)
    }

    mutating func skipWS() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0a || bytes[i] == 0x0d || bytes[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ lit: String) throws(DecodingError) {
        for c in lit.utf8 {
            guard i < bytes.count, bytes[i] == c else { throw err("expected \(lit)") }
            i += 1
        }
    }

    mutating func value(depth: Int) throws(DecodingError) -> JSONValue {
        guard depth < maxDepth else { throw err("nesting deeper than \(maxDepth)") }
        guard i < bytes.count else { throw err("unexpected end") }
        switch bytes[i] {
        case 0x7b: // {
            i += 1
            var o: [(String, JSONValue)] = []
            skipWS()
            if i < bytes.count, bytes[i] == 0x7d { i += 1; return .object(o) }
            while true {
                skipWS()
                let k = try string()
                skipWS()
                try expect(":")
                skipWS()
                o.append((k, try value(depth: depth + 1)))
                skipWS()
                guard i < bytes.count else { throw err("unterminated object") }
                if bytes[i] == 0x2c { i += 1; continue }
                if bytes[i] == 0x7d { i += 1; return .object(o) }
                throw err("expected , or }")
            }
        case 0x5b: // [
            i += 1
            var a: [JSONValue] = []
            skipWS()
            if i < bytes.count, bytes[i] == 0x5d { i += 1; return .array(a) }
            while true {
                skipWS()
                a.append(try value(depth: depth + 1))
                skipWS()
                guard i < bytes.count else { throw err("unterminated array") }
                if bytes[i] == 0x2c { i += 1; continue }
                if bytes[i] == 0x5d { i += 1; return .array(a) }
                throw err("expected , or ]")
            }
        case 0x22: return .string(try string())
        case 0x74: try expect("true"); return .bool(true)
        case 0x66: try expect("false"); return .bool(false)
        case 0x6e: try expect("null"); return .null
        default:
            var neg = false
            if bytes[i] == 0x2d { neg = true; i += 1 }
            var v = 0
            var digits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
                guard !o1, !o2 else { throw err("integer out of range") }
                v = s
                i += 1
                digits += 1
            }
            guard digits > 0 else { throw err("unexpected character") }
            if i < bytes.count, bytes[i] == 0x2e || bytes[i] == 0x65 || bytes[i] == 0x45 { throw err("only integers are supported") }
            return .int(neg ? -v : v)
        }
    }

    mutating func string() throws(DecodingError) -> String {
        guard i < bytes.count, bytes[i] == 0x22 else { throw err("expected string") }
        i += 1
        var out = [UInt8]()
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == 0x22 { return String(decoding: out, as: UTF8.self) }
            if c == 0x5c {
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x22: out.append(0x22)
                case 0x5c: out.append(0x5c)
                case 0x2f: out.append(0x2f)
                case 0x6e: out.append(0x0a)
                case 0x72: out.append(0x0d)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0c)
                case 0x75:
                    guard i + 4 <= bytes.count, let h = Hex.decode(String(decoding: bytes[i..<(i + 4)], as: UTF8.self)), h.count == 2 else { throw err("bad \\u escape") }
                    i += 4
                    let scalar = UInt32(h[0]) << 8 | UInt32(h[1])
                    guard let u = Unicode.Scalar(scalar) else { throw err("surrogate escapes are not supported") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw err("bad escape")
                }
            } else {
                out.append(c)
            }
        }
        throw err("unterminated string")
    }
}
