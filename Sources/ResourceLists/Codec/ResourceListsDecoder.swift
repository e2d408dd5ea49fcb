import MediasecCore

/// A decoded document with everything the validator and the reports need.
public struct DecodedResourceLists: Sendable {
    public var document: ResourceListsDocument
    /// Position of every element and attribute, by path (see ``ResourceListsPath``).
    /// Computed on first use (by any copy) and then kept.
    public var positions: [String: XMLPosition] {
        get { table.positions }
        set { table = PositionTable(positions: newValue, elementPaths: table.elementPaths) }
    }
    /// libxml2 warnings about a document that did parse (code
    /// `resource-lists.xml.warning`).
    public var warnings: [Finding]
    /// The XML declaration's `version` and `encoding`, when declared.
    public var xmlVersion: String?
    public var declaredEncoding: String?
    public var byteCount: Int

    /// Path of each element by pre-order index (schema diagnostics).
    var elementPaths: [Int: String] { table.elementPaths }
    /// Where ``positions`` and ``elementPaths`` come from.
    var table: PositionTable
    /// The XSD verdict and libxml2's schema diagnostics (cross-check mode).
    var schemaValid: Bool?
    var schemaFindings: [Finding] = []
    /// Where the `version` value of the XML declaration is.
    var xmlVersionPosition: XMLPosition?

    public func position(of path: String) -> XMLPosition? { table.positions[path] }

    init(document: ResourceListsDocument, table: PositionTable, warnings: [Finding], xmlVersion: String?, declaredEncoding: String?, byteCount: Int) {
        self.document = document
        self.table = table
        self.warnings = warnings
        self.xmlVersion = xmlVersion
        self.declaredEncoding = declaredEncoding
        self.byteCount = byteCount
    }
}

/// The result of a decode that reports every diagnostic instead of
/// throwing the first.
public struct ResourceListsDecodeOutcome: Sendable {
    /// Nil when the input is not a resource lists document this decoder accepts.
    public var decoded: DecodedResourceLists?
    /// Errors (when `decoded` is nil) and warnings, in input order.
    public var findings: [Finding]
}

/// Decodes `application/resource-lists+xml` bodies through the hardened
/// libxml2 wrapper (see ``LibXML2``).
///
/// Rejected (a ``DecodingError`` / error finding, codes in
/// ``ResourceListsRules/decodingCodes``): inputs over the size limit,
/// anything that is not UTF-8 (BOM, first bytes, invalid sequences or a
/// declared encoding), any DOCTYPE, every libxml2 error (not well-formed,
/// namespace errors, undeclared entities), limits hit while parsing, and a
/// root other than `{urn:ietf:params:xml:ns:resource-lists}resource-lists`.
/// libxml2 warnings are kept as warning findings. Everything the schema or
/// the RFCs forbid *inside* a well-formed document is left to
/// ``ResourceListsValidator``.
public struct ResourceListsDecoder: Sendable {
    public var limits: ResourceListsLimits

    public init(limits: ResourceListsLimits = .default) {
        self.limits = limits
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedResourceLists {
        var outcome = decodeReportingAll(bytes)
        if let d = outcome.decoded.take() { return d }
        let first = outcome.findings.first { $0.severity == .error }
            ?? Finding(code: "resource-lists.xml.not-well-formed", severity: .error, offset: 0, path: "", specRef: "XML 1.0 §2.1", message: "not decodable")
        throw DecodingError(code: first.code, offset: first.offset ?? 0, path: first.path, specRef: first.specRef, message: first.message)
    }

    public func decodeReportingAll(_ bytes: [UInt8]) -> ResourceListsDecodeOutcome {
        decode(bytes, schema: nil, rejectDoctype: true)
    }

    func decode(_ bytes: [UInt8], schema: CompiledSchema?, rejectDoctype: Bool, tree: Bool = false) -> ResourceListsDecodeOutcome {
        let map = SourceMap(bytes)
        func fail(_ code: String, at offset: Int?, _ spec: String, _ message: String) -> ResourceListsDecodeOutcome {
            ResourceListsDecodeOutcome(decoded: nil, findings: [finding(code, .error, offset: offset, path: "", spec, message, map)])
        }
        guard bytes.count <= limits.maxBytes else {
            return fail("resource-lists.limit.bytes", at: limits.maxBytes, "mediasec limits", "input is \(bytes.count) bytes; the limit is \(limits.maxBytes)")
        }
        guard !bytes.isEmpty else { return fail("resource-lists.xml.not-well-formed", at: 0, "XML 1.0 §2.1", "empty input: a document needs a root element") }
        let prolog: XMLProlog
        do { prolog = try XMLProlog.read(bytes) } catch {
            switch error {
            case .encoding(let offset, let message): return fail("resource-lists.xml.encoding", at: offset, "RFC 4826 §3.1", message)
            case .nul(let offset): return fail("resource-lists.xml.not-well-formed", at: offset, "XML 1.0 §2.2", "NUL byte: U+0000 is not an XML character")
            }
        }

        var raw = LibXML2.parse(bytes, limits: limits, schema: schema, rejectDoctype: rejectDoctype, tree: tree)
        var tags: [XMLTagScanner.Tag]?
        var findings = raw.diagnostics.filter { $0.source != .schema }.map { d in
            var d = d
            // A diagnostic the wrapper tied to an element: its start tag.
            if d.offset == nil, d.column == 0, let i = d.elementIndex {
                if tags == nil { tags = XMLTagScanner.startTags(in: bytes) }
                if let t = tags, i < t.count { d.offset = t[i].offset }
            }
            return diagnosticFinding(d, bytes: bytes, map)
        }
        if raw.suppressedDiagnostics > 0 {
            findings.append(finding("resource-lists.limit.diagnostics", .warning, offset: nil, path: "", "mediasec limits",
                                    "\(raw.suppressedDiagnostics) further libxml2 diagnostics not shown", map))
        }
        guard !raw.failed, let rawDocument = raw.document.take(), !rawDocument.nodes.isEmpty else {
            return ResourceListsDecodeOutcome(decoded: nil, findings: findings)
        }
        guard rawDocument.isResourceLists(0, .resourceLists) else {
            let rootPosition = PositionTable.positions(of: rawDocument, bytes: bytes, map).elements.first ?? nil
            let root = rawDocument.nodes[0]
            let localName = rawDocument.name(root.name)
            let namespace = rawDocument.namespace(root.namespace)
            var hint = ""
            if let ns = namespace, XMLNamespaces.differOnlyInCase(ns, XMLNamespaces.resourceLists) {
                hint = " (namespace \"\(ns)\" differs from \(XMLNamespaces.resourceLists) only in case; namespace names are case-sensitive)"
            }
            let name = namespace.map { "{\($0)}\(localName)" } ?? localName
            findings.insert(finding("resource-lists.root.element", .error, offset: rootPosition?.offset, path: "", "RFC 4826 §3.1",
                                    "root element is \(name), not {\(XMLNamespaces.resourceLists)}resource-lists" + hint, map), at: 0)
            return ResourceListsDecodeOutcome(decoded: nil, findings: findings)
        }
        var builder = ModelBuilder(rawDocument)
        let document = builder.document()
        let table = PositionTable(raw: rawDocument, bytes: bytes)
        var decoded = DecodedResourceLists(document: document, table: table, warnings: findings,
                                           xmlVersion: prolog.version, declaredEncoding: prolog.encoding, byteCount: bytes.count)
        decoded.xmlVersionPosition = prolog.versionOffset.map { SourceMap.position(ofOffset: $0, in: bytes) }
        decoded.schemaValid = raw.schemaValid
        let schemaDiagnostics = raw.diagnostics.filter { $0.source == .schema }
        decoded.schemaFindings = schemaDiagnostics.isEmpty ? [] : schemaDiagnostics.map { [positions = table.positions, elementPaths = table.elementPaths] d in
            let path = d.elementIndex.flatMap { elementPaths[$0] } ?? ""
            let pos = positions[path]
            var f = diagnosticFinding(d, bytes: bytes, map)
            f.path = path
            f.offset = pos?.offset
            f.message = (pos.map { "\($0): " } ?? (d.line > 0 ? "line \(d.line): " : "")) + d.message
            return f
        }
        return ResourceListsDecodeOutcome(decoded: decoded, findings: findings)
    }

    // MARK: findings

    private func finding(_ code: String, _ severity: Severity, offset: Int?, path: String, _ spec: String, _ message: String, _ map: SourceMap) -> Finding {
        let prefix = offset.map { "\(map.position(ofOffset: $0)): " } ?? ""
        return Finding(code: code, severity: severity, offset: offset, path: path, specRef: spec, message: prefix + message)
    }

    /// libxml2 domains (xmlerror.h `xmlErrorDomain`): XML_FROM_NAMESPACE,
    /// and XML_FROM_DTD / XML_FROM_VALID (raised without a DTD only for
    /// `xml:id`: not an NCName, or defined twice).
    private static let namespaceDomain = 3
    private static let validityDomains: Set<Int> = [4, 23]

    private func diagnosticFinding(_ d: XMLDiagnostic, bytes: [UInt8], _ map: SourceMap) -> Finding {
        let code: String
        let spec: String
        switch d.source {
        case .guardrail(let c):
            code = c
            spec = c == "resource-lists.xml.doctype" || c == "resource-lists.xml.entity-reference" ? "XML 1.0 §2.8, §4.2 (mediasec hardening)" : "mediasec limits"
        case .schema:
            code = "resource-lists.xsd.error"
            spec = "RFC 4826 §3.2 / RFC 5364 §5 (IANA XSD)"
        case .parser:
            if d.level == .warning {
                code = "resource-lists.xml.warning"
                spec = "XML 1.0"
            } else if d.domain == Self.namespaceDomain {
                code = "resource-lists.xml.namespace"
                spec = "Namespaces in XML 1.0"
            } else if Self.validityDomains.contains(d.domain) {
                code = "resource-lists.xml.validity"
                spec = "xml:id 1.0 §4"
            } else {
                code = "resource-lists.xml.not-well-formed"
                spec = "XML 1.0"
            }
        }
        var offset = d.offset
        if offset == nil, case .guardrail(let c) = d.source, c == "resource-lists.xml.doctype" {
            offset = Self.find(Array("<!DOCTYPE".utf8), in: bytes)
        }
        if offset == nil, d.line > 0, d.column > 0 { offset = map.offset(line: d.line, column: d.column) }
        let severity: Severity = d.level == .warning ? .warning : (d.source == .schema ? .info : .error)
        let position = offset.map { "\(map.position(ofOffset: $0)): " } ?? (d.line > 0 ? "line \(d.line): " : "")
        let origin: String
        switch d.source {
        case .guardrail: origin = ""
        case .parser, .schema: origin = " (libxml2 \(d.domain)/\(d.code))"
        }
        return Finding(code: code, severity: severity, offset: offset, path: "", specRef: spec, message: position + d.message + origin)
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
