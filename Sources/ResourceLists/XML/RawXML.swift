/// The raw layer (STYLE.md §1): the element tree exactly as libxml2 parsed
/// it, with namespace names resolved, before any resource-lists typing.
/// Comments and processing instructions are not kept; CDATA sections
/// arrive merged into text (`XML_PARSE_NOCDATA`), and adjacent character
/// data of one element is one text node.
///
/// The tree is flat: one array of node records in document order (an
/// element is followed by its subtree, `end` is the index just past it),
/// one array of attribute records, one byte arena holding every attribute
/// value and text, and tables of the distinct names and namespace names
/// (each read from libxml2 once). Building it costs a few appends per node
/// and no allocation per node; ``ModelBuilder`` creates the Swift strings
/// the model keeps, and only those.
struct RawDocument: Sendable {
    struct Node: Sendable, Hashable {
        /// True for a text node (character data; never empty).
        var isText: Bool
        /// Element: index into ``RawDocument/namespaces``, -1 for none.
        var namespace: Int
        /// Element: index into ``RawDocument/names`` of the prefix as
        /// written, -1 for none.
        var prefix: Int
        /// Element: index into ``RawDocument/names``.
        var name: Int
        /// Element: first attribute and count (``RawDocument/attributes``).
        /// Text: start and length of the text in ``RawDocument/arena``.
        var start: Int
        var count: Int
        /// Index just past this node's subtree (`self + 1` for text and
        /// empty elements).
        var end: Int
        /// Element: index in a pre-order walk of the elements (the root is
        /// 0); ties libxml2's diagnostics, which name a tree node, back to
        /// this element.
        var index: Int
    }

    struct Attribute: Sendable, Hashable {
        var namespace: Int
        var prefix: Int
        var name: Int
        /// The normalized value (XML 1.0 §3.3.3) in ``RawDocument/arena``.
        var start: Int
        var count: Int
    }

    /// Names this module switches on, classified once per distinct name.
    enum NameCode: UInt8, Sendable {
        case other, resourceLists, list, entry, entryRef, external, displayName
        case name, uri, ref, anchor, copyControl, anonymize, count, lang
        /// `xml` (as a prefix) and `id`: `xml:id` needs libxml2's tree (see ``LibXML2``).
        case xml, id
    }

    enum NamespaceCode: UInt8, Sendable {
        case other, resourceLists, copyControl, xml
    }

    struct Name: Sendable, Hashable {
        var string: String
        var code: NameCode
    }

    struct Namespace: Sendable, Hashable {
        var string: String
        var code: NamespaceCode
        /// False for a name with `&` that is not a URI reference (the
        /// streaming path hands such a document to the tree path).
        var valid = true
    }

    var nodes: [Node] = []
    var attributes: [Attribute] = []
    var arena: [UInt8] = []
    var names: [Name] = []
    var namespaces: [Namespace] = []
    /// Elements in the document.
    var elementCount = 0

    // MARK: reading

    func namespace(_ i: Int) -> String? { i >= 0 && i < namespaces.count ? namespaces[i].string : nil }
    func namespaceCode(_ i: Int) -> NamespaceCode? { i >= 0 && i < namespaces.count ? namespaces[i].code : nil }
    func name(_ i: Int) -> String { i >= 0 && i < names.count ? names[i].string : "" }
    func nameCode(_ i: Int) -> NameCode { i >= 0 && i < names.count ? names[i].code : .other }

    func qualifiedName(prefix: Int, name: Int) -> String {
        prefix >= 0 ? "\(self.name(prefix)):\(self.name(name))" : self.name(name)
    }

    /// True when node `i` is the element `{resource-lists}local`.
    func isResourceLists(_ i: Int, _ local: NameCode) -> Bool {
        let n = nodes[i]
        return !n.isText && namespaceCode(n.namespace) == .resourceLists && nameCode(n.name) == local
    }

    /// The bytes of a text node or attribute value.
    func string(start: Int, count: Int) -> String {
        arena.withUnsafeBufferPointer { b in
            guard start >= 0, count >= 0, start <= b.count, count <= b.count - start else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<(start + count)]), as: UTF8.self)
        }
    }

    func text(_ i: Int) -> String { string(start: nodes[i].start, count: nodes[i].count) }
    func value(_ a: Int) -> String { string(start: attributes[a].start, count: attributes[a].count) }

    /// True when the text of node `i` is XML white space only.
    func isWhitespaceText(_ i: Int) -> Bool {
        let n = nodes[i]
        return arena.withUnsafeBufferPointer { b in
            guard n.start >= 0, n.count >= 0, n.start <= b.count, n.count <= b.count - n.start else { return true }
            var k = n.start
            let end = n.start + n.count
            while k < end {
                guard XMLChars.isSpace(b[k]) else { return false }
                k += 1
            }
            return true
        }
    }

    static func classify(name s: String) -> NameCode {
        switch s {
        case "resource-lists": return .resourceLists
        case "list": return .list
        case "entry": return .entry
        case "entry-ref": return .entryRef
        case "external": return .external
        case "display-name": return .displayName
        case "name": return .name
        case "uri": return .uri
        case "ref": return .ref
        case "anchor": return .anchor
        case "copyControl": return .copyControl
        case "anonymize": return .anonymize
        case "count": return .count
        case "lang": return .lang
        case "xml": return .xml
        case "id": return .id
        default: return .other
        }
    }

    static func classify(namespace s: String) -> NamespaceCode {
        switch s {
        case XMLNamespaces.resourceLists: return .resourceLists
        case XMLNamespaces.copyControl: return .copyControl
        case XMLNamespaces.xml: return .xml
        default: return .other
        }
    }
}

/// Names and namespace names read from one libxml2 parser context's
/// dictionary, kept with the context (see ``LibXML2/ContextPool``) for its
/// next documents: the dictionary, and so every pointer in here, lives as
/// long as the context.
final class InternTable {
    fileprivate var nameIndex = PointerIndex()
    fileprivate var names: [RawDocument.Name] = []
    fileprivate var namespaceIndex = PointerIndex()
    fileprivate var namespaces: [RawDocument.Namespace] = []

    init() {}
}

/// A map from libxml2 string pointers to small integers: open addressing
/// with linear probing and a multiplicative hash of the address (Swift's
/// seeded hashing would cost more than the rest of a lookup). At most half
/// full, so probes stay short; it doubles as it fills, so n insertions
/// cost O(n).
struct PointerIndex {
    private var keys: [UInt] = []
    private var values: [Int] = []
    private var shift = 64
    private(set) var count = 0

    init() {}

    @inline(__always)
    private func slot(_ key: UInt) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt(shift))
    }

    func find(_ pointer: UnsafeRawPointer) -> Int? {
        guard count > 0 else { return nil }
        let key = UInt(bitPattern: pointer)
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds a pointer that ``find(_:)`` does not know.
    mutating func insert(_ pointer: UnsafeRawPointer, _ value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        put(UInt(bitPattern: pointer), value)
        count += 1
    }

    private mutating func put(_ key: UInt, _ value: Int) {
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let old = (keys, values)
        let capacity = max(32, keys.count * 2)
        keys = [UInt](repeating: 0, count: capacity)
        values = [Int](repeating: 0, count: capacity)
        shift = 64 - capacity.trailingZeroBitCount
        for (k, v) in zip(old.0, old.1) where k != 0 { put(k, v) }
    }
}

/// Appends to a ``RawDocument`` in document order (from SAX callbacks or
/// from a walk of libxml2's tree). Names are interned by libxml2 pointer:
/// libxml2 keeps element and attribute names and namespace names in its
/// per-parse dictionary, so each distinct name is read once; the names
/// this module knows come from a static table (no string is built for
/// them).
struct RawDocumentBuilder {
    var document = RawDocument()
    /// Open elements (node indices), innermost last.
    private(set) var open: [Int] = []
    /// The text node that character data extends, or -1 (reset at every
    /// element boundary).
    private var openText = -1
    /// Index in `document.names` / `namespaces` by libxml2 pointer.
    private var nameIndex = PointerIndex()
    private var namespaceIndex = PointerIndex()

    /// `expectedBytes`: the input size, an upper bound of the arena (values
    /// and text are never longer than their markup).
    init(expectedBytes: Int = 0) {
        let n = max(0, min(expectedBytes, 1 << 16))
        document.arena.reserveCapacity(n)
        document.nodes.reserveCapacity(min(n / 16 + 4, 4096))
        document.attributes.reserveCapacity(min(n / 32 + 4, 2048))
        document.names.reserveCapacity(16)
        document.namespaces.reserveCapacity(4)
        open.reserveCapacity(16)
    }

    var depth: Int { open.count }

    /// Starts from the names a parser context has already read (the
    /// document's tables then also list names it does not use).
    mutating func adopt(_ table: InternTable) {
        nameIndex = table.nameIndex
        document.names = table.names
        namespaceIndex = table.namespaceIndex
        document.namespaces = table.namespaces
    }

    /// Keeps this parse's names for the context's next document.
    func save(to table: InternTable) {
        table.nameIndex = nameIndex
        table.names = document.names
        table.namespaceIndex = namespaceIndex
        table.namespaces = document.namespaces
    }

    // MARK: interning

    /// The names this module switches on, by length then bytes.
    private static let knownNames: [(bytes: [UInt8], name: RawDocument.Name)] = [
        "resource-lists", "list", "entry", "entry-ref", "external", "display-name", "name", "uri", "ref", "anchor",
        "copyControl", "anonymize", "count", "lang", "xml", "id",
    ].map { (Array($0.utf8), RawDocument.Name(string: $0, code: RawDocument.classify(name: $0))) }

    private static let knownNamespaces: [(bytes: [UInt8], namespace: RawDocument.Namespace)] = [
        XMLNamespaces.resourceLists, XMLNamespaces.copyControl, XMLNamespaces.xml, XMLNamespaces.xsi,
    ].map { (Array($0.utf8), RawDocument.Namespace(string: $0, code: RawDocument.classify(namespace: $0))) }

    private static func length(_ p: UnsafePointer<UInt8>) -> Int {
        var n = 0
        while p[n] != 0 { n += 1 }
        return n
    }

    private static func matches(_ p: UnsafePointer<UInt8>, _ count: Int, _ known: [UInt8]) -> Bool {
        guard known.count == count else { return false }
        return known.withUnsafeBufferPointer { k in
            var i = 0
            while i < count, k[i] == p[i] { i += 1 }
            return i == count
        }
    }

    /// The name index of a NUL-terminated libxml2 string.
    mutating func name(_ p: UnsafePointer<UInt8>) -> Int {
        let key = UnsafeRawPointer(p)
        if let v = nameIndex.find(key) { return v }
        let count = Self.length(p)
        var entry: RawDocument.Name?
        for k in Self.knownNames where Self.matches(p, count, k.bytes) {
            entry = k.name
            break
        }
        let v = document.names.count
        document.names.append(entry ?? RawDocument.Name(string: String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self), code: .other))
        nameIndex.insert(key, v)
        return v
    }

    mutating func name(_ p: UnsafePointer<UInt8>?) -> Int { p.map { name($0) } ?? -1 }

    /// The namespace index of the namespace name read from libxml2's
    /// string `p`. `make` resolves an unknown one and says whether it is
    /// valid (it is called once per distinct pointer).
    mutating func namespace(_ p: UnsafePointer<UInt8>, _ make: () -> (String, Bool)) -> Int {
        let key = UnsafeRawPointer(p)
        if let v = namespaceIndex.find(key) { return v }
        let count = Self.length(p)
        var entry: RawDocument.Namespace?
        for k in Self.knownNamespaces where Self.matches(p, count, k.bytes) {
            entry = k.namespace
            break
        }
        if entry == nil {
            let (s, valid) = make()
            entry = RawDocument.Namespace(string: s, code: RawDocument.classify(namespace: s), valid: valid)
        }
        let v = document.namespaces.count
        document.namespaces.append(entry ?? RawDocument.Namespace(string: "", code: .other))
        namespaceIndex.insert(key, v)
        return v
    }

    // MARK: building

    /// Opens an element; returns its pre-order element index.
    @discardableResult
    mutating func startElement(namespace: Int, prefix: Int, name: Int) -> Int {
        let index = document.elementCount
        document.elementCount += 1
        let i = document.nodes.count
        document.nodes.append(RawDocument.Node(isText: false, namespace: namespace, prefix: prefix, name: name,
                                               start: document.attributes.count, count: 0, end: i + 1, index: index))
        open.append(i)
        openText = -1
        return index
    }

    /// Adds an attribute to the element opened last. With `decodingAmpersands`,
    /// each `&#38;` in the value is one `&` (libxml2's SAX value for an
    /// attribute that contained `&amp;` or `&#38;`: see ``LibXML2``).
    mutating func attribute(namespace: Int, prefix: Int, name: Int, value: UnsafeBufferPointer<UInt8>, decodingAmpersands: Bool) {
        guard let e = open.last else { return }
        let start = document.arena.count
        if decodingAmpersands {
            appendDecodingAmpersands(value)
        } else {
            document.arena.append(contentsOf: value)
        }
        document.attributes.append(RawDocument.Attribute(namespace: namespace, prefix: prefix, name: name,
                                                         start: start, count: document.arena.count - start))
        document.nodes[e].count += 1
    }

    private mutating func appendDecodingAmpersands(_ v: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = v.count
        while i < n {
            if v[i] == 0x26, n - i >= 5, v[i + 1] == 0x23, v[i + 2] == 0x33, v[i + 3] == 0x38, v[i + 4] == 0x3B { // "&#38;"
                document.arena.append(contentsOf: UnsafeBufferPointer(rebasing: v[runStart..<i]))
                document.arena.append(0x26)
                i += 5
                runStart = i
            } else {
                i += 1
            }
        }
        document.arena.append(contentsOf: UnsafeBufferPointer(rebasing: v[runStart..<n]))
    }

    /// Character data of the element opened last; adjacent calls (even
    /// across comments and processing instructions) make one text node.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty, !open.isEmpty else { return }
        if openText >= 0 {
            document.arena.append(contentsOf: text)
            document.nodes[openText].count += text.count
            return
        }
        let i = document.nodes.count
        let start = document.arena.count
        document.arena.append(contentsOf: text)
        document.nodes.append(RawDocument.Node(isText: true, namespace: -1, prefix: -1, name: -1, start: start, count: text.count, end: i + 1, index: -1))
        openText = i
    }

    mutating func endElement() {
        guard let e = open.popLast() else { return }
        document.nodes[e].end = document.nodes.count
        openText = -1
    }

    /// Closes whatever is still open (a parse stopped early) and returns
    /// the document.
    mutating func finish() -> RawDocument {
        while !open.isEmpty { endElement() }
        return document
    }
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
    /// The document; nil when the parse failed.
    var document: RawDocument?
    /// Every diagnostic in the order raised (parser first, then schema).
    var diagnostics: [XMLDiagnostic]
    /// Diagnostics dropped after ``ResourceListsLimits/maxDiagnostics``.
    var suppressedDiagnostics: Int
    /// The XML Schema verdict, when a schema was given and the document parsed.
    var schemaValid: Bool?
    /// libxml2's own verdict: well-formed, namespace-well-formed, no error.
    var failed: Bool { document == nil || diagnostics.contains { $0.level != .warning && $0.source != .schema } }
}
