import MediasecCore

/// Building blocks of the vector documents: the namespaces and the
/// envelope every area wraps its `<list>` bodies in.
enum ResourceListsText {
    static let rl = "urn:ietf:params:xml:ns:resource-lists"
    static let cp = "urn:ietf:params:xml:ns:copycontrol"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// `<?xml …?>` + `<resource-lists xmlns=rl xmlns:cp=cp [extra]>body</resource-lists>`.
    static func doc(_ body: String, extra: String = "", declaration: Bool = true) -> String {
        (declaration ? Self.declaration : "") + "<resource-lists xmlns=\"\(rl)\" xmlns:cp=\"\(cp)\"\(extra.isEmpty ? "" : " " + extra)>\n" + body + "\n</resource-lists>\n"
    }

    /// One unnamed list holding `members`.
    static func list(_ members: String, attributes: String = "") -> String {
        doc(" <list\(attributes.isEmpty ? "" : " " + attributes)>\n" + members + "\n </list>")
    }

    /// `<entry uri="…" [attributes]/>`.
    static func entry(_ uri: String, _ attributes: String = "") -> String {
        "  <entry uri=\"\(uri)\"\(attributes.isEmpty ? "" : " " + attributes)/>"
    }

    /// A list of entries with the given URIs.
    static func entries(_ uris: [String]) -> String {
        list(uris.map { entry($0) }.joined(separator: "\n"))
    }
}

/// The expected `decoded` subsets, written from the document the vector
/// author composed (never from decoding it): element kinds, the key
/// attribute of each member, display names, copy control as RFC 5364 reads it.
enum ResourceListsExpected {
    static func root(_ children: [JSONValue]) -> JSONValue {
        .object([("element", .string("resourceLists")), ("children", .array(children))])
    }

    static func list(_ name: String?, _ children: [JSONValue]) -> JSONValue {
        .object([("element", .string("list")), ("name", name.map { .string($0) } ?? .null), ("children", .array(children))])
    }

    static func entry(_ uri: String, effective: String? = "bcc", children: [JSONValue] = []) -> JSONValue {
        .object([("element", .string("entry")), ("uri", .string(uri)),
                 ("copyControl", .object([("effective", effective.map { .string($0) } ?? .null)])), ("children", .array(children))])
    }

    static func entry(_ uri: String, copyControl: String?, anonymize: String?, count: String?, effective: String?) -> JSONValue {
        func s(_ x: String?) -> JSONValue { x.map { .string($0) } ?? .null }
        return .object([("element", .string("entry")), ("uri", .string(uri)),
                        ("copyControl", .object([("copyControl", s(copyControl)), ("anonymize", s(anonymize)), ("count", s(count)), ("effective", s(effective))]))])
    }

    static func entryRef(_ ref: String) -> JSONValue {
        .object([("element", .string("entryRef")), ("ref", .string(ref))])
    }

    static func external(_ anchor: String) -> JSONValue {
        .object([("element", .string("external")), ("anchor", .string(anchor))])
    }

    static func displayName(_ value: String, lang: String? = nil) -> JSONValue {
        .object([("element", .string("displayName")), ("value", .string(value)), ("lang", lang.map { .string($0) } ?? .null)])
    }

    static func extensionElement(_ namespace: String, _ name: String) -> JSONValue {
        .object([("element", .string("extension")), ("namespace", .string(namespace)), ("name", .string(name))])
    }

    static func attribute(_ namespace: String?, _ name: String, _ value: String) -> JSONValue {
        .object([("namespace", namespace.map { .string($0) } ?? .null), ("name", .string(name)), ("value", .string(value))])
    }
}
