import MediasecCore

/// The S/MIME report as JSON: `{"format": "smime", "valid", "profiles",
/// "findings", "decoded": {"entity", "cms", "inner"}}`. Findings with an
/// input offset also carry its 1-based `line` and `column`.
public enum SMIMEJSON {
    public static func findings(_ fs: [Finding], in input: [UInt8]) -> JSONValue {
        guard case .array(let items) = JSONValue(fs) else { return .array([]) }
        return .array(zip(fs, items).map { f, item in
            guard let o = f.offset, case .object(var kv) = item else { return item }
            let (l, c) = LineEndings.location(of: o, in: input)
            kv.insert(contentsOf: [("line", .int(l)), ("column", .int(c))], at: 3)
            return .object(kv)
        })
    }

    static func parameters(_ ps: [MIMEParameter]) -> JSONValue {
        .object(ps.map { ($0.name, .string($0.value)) })
    }

    static func fields(_ fs: [MIMEHeaderField], input: [UInt8]?) -> JSONValue {
        .array(fs.map { f in
            var o: [(String, JSONValue)] = [("name", .string(f.name)), ("value", .string(f.value))]
            if let off = f.offset, let input {
                let (l, _) = LineEndings.location(of: off, in: input)
                o += [("offset", .int(off)), ("line", .int(l))]
            }
            return .object(o)
        })
    }

    /// The entity layer: header fields, typed Content-Type / Disposition, body layout.
    public static func entity(_ p: SMIMEParseResult) -> JSONValue {
        let e = p.entity
        var body: [(String, JSONValue)] = [
            ("transferEncoding", .string(e.transferEncoding.rawValue)),
            ("offset", p.bodyStart.map { .int($0) } ?? .null),
            ("encodedLength", p.bodyStart.map { .int(p.input.count - $0) } ?? .null),
            ("length", .int(e.content.count)),
        ]
        if e.transferEncoding == .base64 {
            body += [("lineLength", .int(e.lineLength)), ("finalLineBreak", .bool(e.finalLineBreak))]
        }
        return .object([
            ("headers", fields(e.fields, input: p.input)),
            ("contentType", p.contentType.map { .object([("mediaType", .string($0.mediaType)), ("parameters", parameters($0.parameters))]) } ?? .null),
            ("smimeType", p.smimeType.map { .string($0) } ?? .null),
            ("disposition", p.disposition.map { .object([("type", .string($0.type)), ("parameters", parameters($0.parameters))]) } ?? .null),
            ("body", .object(body)),
        ])
    }

    /// The decrypted inner entity: header fields, media type, body (as text
    /// when it is printable UTF-8, else hex).
    public static func inner(_ i: InnerMIMEEntity) -> JSONValue {
        let text = String(validating: i.body, as: UTF8.self)
        let printable = text.map { t in t.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\r" || $0 == "\n" || $0 == "\t" } } ?? false
        return .object([
            ("headers", fields(i.fields, input: nil)),
            ("mediaType", .string(i.mediaType)),
            ("contentType", i.contentType.map { .object([("mediaType", .string($0.mediaType)), ("parameters", parameters($0.parameters))]) } ?? .null),
            ("bodyLength", .int(i.body.count)),
            ("bodyEncoding", .string(printable ? "text" : "hex")),
            ("body", .string(printable ? (text ?? "") : Hex.encode(i.body))),
        ])
    }

    public static func tree(_ r: SMIMEValidationReport, codePoints: CMSCodePoints = .default) -> JSONValue {
        .object([
            ("entity", entity(r.parse)),
            ("cms", r.cms?.decodedTree(codePoints: codePoints) ?? .null),
            ("inner", r.inner.map(inner) ?? .null),
        ])
    }
}

extension SMIMEValidationReport {
    /// The CLI's JSON object.
    public func json(codePoints: CMSCodePoints = .default) -> JSONValue {
        .object([
            ("format", .string("smime")),
            ("valid", .bool(isValid)),
            ("profiles", .array((cms?.profiles ?? []).map(\.rawValue).sorted().map { .string($0) })),
            ("findings", SMIMEJSON.findings(findings, in: parse.input)),
            ("decoded", SMIMEJSON.tree(self, codePoints: codePoints)),
        ])
    }
}
