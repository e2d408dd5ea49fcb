import MediasecCore

/// State threaded through one typed decode: the reader (rules, tolerated
/// deviations), the code points and the byte range of every decoded field.
struct CMSDecodeContext {
    var reader: ASN1Reader
    let codePoints: CMSCodePoints
    /// Field path and absolute byte range of each decoded element, in
    /// decoding order (a list: hashing every path would dominate the decode).
    var spans: [(path: String, range: Range<Int>)] = []

    init(rules: EncodingRules, codePoints: CMSCodePoints) {
        reader = ASN1Reader(rules: rules)
        self.codePoints = codePoints
    }

    mutating func record(_ path: String, _ n: ASN1Node) {
        spans.append((path, n.range))
    }

    mutating func record(_ path: String, _ r: Range<Int>) {
        spans.append((path, r))
    }

    mutating func oid(_ n: ASN1Node, _ path: String) throws(DecodingError) -> String {
        record(path, n)
        return try reader.decodeOID(n, path: path)
    }

    mutating func smallInt(_ n: ASN1Node, _ path: String) throws(DecodingError) -> Int {
        record(path, n)
        return try reader.decodeSmallInt(n, path: path)
    }

    mutating func octets(_ n: ASN1Node, _ path: String) throws(DecodingError) -> [UInt8] {
        record(path, n)
        return try reader.decodeOctetString(n, path: path)
    }
}

/// Walks the components of one constructed element in order, the way
/// swift-asn1's sequence builder does (STYLE.md §2): each component is
/// taken with its expected tag, and ``finish()`` fails on leftovers.
struct ElementCursor {
    let node: ASN1Node
    let children: [ASN1Node]
    var index = 0
    let path: String
    let specRef: String

    /// `what` names the production for error messages (`AuthEnvelopedData`).
    init(_ node: ASN1Node, path: String, specRef: String, what: String) throws(DecodingError) {
        guard let c = node.children else {
            throw DecodingError(code: "der.form.constructed-required", offset: node.offset, path: path, specRef: "X.690 §8.9.1",
                                message: "\(what) must be a constructed encoding, found primitive \(node.identifier)")
        }
        self.node = node
        self.children = c
        self.path = path
        self.specRef = specRef
    }

    /// For a SEQUENCE: checks the universal SEQUENCE tag first.
    static func sequence(_ node: ASN1Node, path: String, specRef: String, what: String) throws(DecodingError) -> ElementCursor {
        guard node.identifier.hasTag(of: .sequence) else {
            throw DecodingError(code: "cms.structure.unexpected-tag", offset: node.offset, path: path, specRef: specRef,
                                message: "\(what) must be a SEQUENCE, found \(node.identifier)")
        }
        return try ElementCursor(node, path: path, specRef: specRef, what: what)
    }

    var isAtEnd: Bool { index >= children.count }
    func peek() -> ASN1Node? { index < children.count ? children[index] : nil }

    func fieldPath(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    /// The next component, whatever its tag.
    mutating func next(_ field: String) throws(DecodingError) -> ASN1Node {
        guard let n = peek() else {
            throw DecodingError(code: "cms.structure.missing", offset: node.contentRange.upperBound, path: fieldPath(field), specRef: specRef,
                                message: "\(field) is missing")
        }
        index += 1
        return n
    }

    /// The next component, which must carry `tag` (form not compared).
    mutating func next(_ field: String, _ tag: ASN1Identifier) throws(DecodingError) -> ASN1Node {
        let n = try next(field)
        guard n.identifier.hasTag(of: tag) else {
            throw DecodingError(code: "cms.structure.unexpected-tag", offset: n.offset, path: fieldPath(field), specRef: specRef,
                                message: "\(field) expected \(tag), found \(n.identifier)")
        }
        return n
    }

    /// The next component if it carries `tag`.
    mutating func optional(_ tag: ASN1Identifier) -> ASN1Node? {
        guard let n = peek(), n.identifier.hasTag(of: tag) else { return nil }
        index += 1
        return n
    }

    func finish() throws(DecodingError) {
        if let n = peek() {
            throw DecodingError(code: "cms.structure.extra-element", offset: n.offset, path: path, specRef: specRef,
                                message: "unexpected \(n.identifier) after the last component")
        }
    }
}
