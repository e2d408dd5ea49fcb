/// The raw layer (STYLE.md §1): the element tree exactly as libxml2 built
/// it, with namespace names resolved and positions attached, before any
/// resource-lists typing. Comments and processing instructions are not
/// kept; CDATA sections arrive merged into text (`XML_PARSE_NOCDATA`).
struct RawAttribute: Sendable, Hashable {
    var namespace: String?
    /// The prefix as written (nil for unprefixed attributes).
    var prefix: String?
    var name: String
    var value: String
    var position: XMLPosition?

    var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}

struct RawElement: Sendable, Hashable {
    var namespace: String?
    var prefix: String?
    var name: String
    var attributes: [RawAttribute]
    var children: [RawNode]
    var position: XMLPosition?
    /// Index in a pre-order walk (the root is 0); ties libxml2's schema
    /// diagnostics, which name a tree node, back to this element.
    var index: Int

    var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }

    func isResourceLists(_ local: String) -> Bool {
        namespace == XMLNamespaces.resourceLists && name == local
    }
}

enum RawNode: Sendable, Hashable {
    case element(RawElement)
    case text(String)
}

/// One diagnostic reported by libxml2 (parser or schema validator) or by
/// the wrapper's own guards, before it becomes a ``Finding``.
struct XMLDiagnostic: Sendable, Hashable {
    enum Level: Sendable, Hashable { case warning, error, fatal }
    enum Source: Sendable, Hashable {
        /// libxml2's parser (domains parser, namespace, I/O, encoding, …).
        case parser
        /// libxml2's XML Schema validator.
        case schema
        /// A guard of the wrapper (DOCTYPE, limits, entity reference).
        case guardrail(code: String)
    }

    var source: Source
    var level: Level
    /// libxml2's `xmlError.domain` and `code` (0 for guards).
    var domain: Int
    var code: Int
    var message: String
    /// libxml2's 1-based line and column when it gave them (column 0 = unknown).
    var line: Int
    var column: Int
    /// Pre-order index of the element a schema diagnostic names.
    var elementIndex: Int?
    /// Byte offset when the wrapper knows it exactly (guards).
    var offset: Int?
}

/// What one hardened parse produced.
struct RawParseResult: Sendable {
    /// The root element; nil when the parse failed.
    var root: RawElement?
    /// Every diagnostic in the order raised (parser first, then schema).
    var diagnostics: [XMLDiagnostic]
    /// Diagnostics dropped after ``ResourceListsLimits/maxDiagnostics``.
    var suppressedDiagnostics: Int
    /// The XML Schema verdict, when a schema was given and the document parsed.
    var schemaValid: Bool?
    /// libxml2's own verdict: well-formed, namespace-well-formed, no error.
    var failed: Bool { root == nil || diagnostics.contains { $0.level != .warning && $0.source != .schema } }
}
