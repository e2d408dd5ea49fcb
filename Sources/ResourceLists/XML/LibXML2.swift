import CLibXML2

/// The module's only contact with the libxml2 C API (with
/// `LibXML2Schema.swift`). Everything above works on ``RawElement`` trees.
///
/// Hardening, checked against libxml2 2.9.14's hazards (FACTS §6):
/// - options are `NONET | NOCDATA | IGNORE_ENC | BIG_LINES` and nothing
///   else: never `NOENT` (entity substitution, which loads `file://` even
///   with NONET), `DTDLOAD`, `DTDATTR`, `DTDVALID`, `HUGE` (which disables
///   the depth-256 and entity-amplification guards), `XINCLUDE` or `RECOVER`;
/// - any DOCTYPE stops the parser in the SAX `internalSubset` callback,
///   before the internal subset (entity declarations) is read;
/// - the process-wide external-entity loader refuses every URL except the
///   embedded schema texts (defence in depth: nothing here asks it for
///   anything while parsing an instance);
/// - depth, element-count and attribute-count limits are checked in the
///   SAX `startElementNs` callback and stop the parser;
/// - every error and warning arrives through the context's own structured
///   error callback (`sax->serror`, per parser context, so parallel parses
///   do not share state) and becomes an ``XMLDiagnostic``;
/// - the document and the context are freed on every path.
enum LibXML2 {
    static let parseOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Options that must never be set (a test asserts none is in ``parseOptions``).
    static let forbiddenOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NOENT.rawValue | XML_PARSE_DTDLOAD.rawValue | XML_PARSE_DTDATTR.rawValue | XML_PARSE_DTDVALID.rawValue
            | XML_PARSE_HUGE.rawValue | XML_PARSE_XINCLUDE.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_SAX1.rawValue
            | XML_PARSE_OLDSAX.rawValue)

    /// One-time process setup: `xmlInitParser` (required before use from
    /// several threads) and the refusing entity loader.
    static let initialized: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(schemaOnlyLoader)
        return true
    }()

    /// Per-parse state reached from the C callbacks through `_private`.
    final class ParseState {
        let limits: ResourceListsLimits
        let rejectDoctype: Bool
        var diagnostics: [XMLDiagnostic] = []
        var suppressed = 0
        var stopped = false
        var elements = 0
        /// Pre-order index of each converted element, for the schema
        /// validator's diagnostics (filled only when a schema will run:
        /// parser diagnostics are all raised before the tree is converted).
        var nodeIndex: [UnsafeMutableRawPointer: Int] = [:]
        var indexNodes = false
        /// Namespace names already read, by libxml2's `xmlNs` href pointer
        /// (every element of a document shares a few declarations).
        var namespaceNames: [UnsafeRawPointer: String] = [:]

        init(limits: ResourceListsLimits, rejectDoctype: Bool) {
            self.limits = limits
            self.rejectDoctype = rejectDoctype
        }

        /// True once a parser error (not a warning) has been kept.
        var keptError = false

        /// Keeps at most `maxDiagnostics` diagnostics, plus the first
        /// parser error when the cap is already full of warnings: the
        /// verdict rests on the errors kept here, so an error must never be
        /// the one that is only counted.
        func record(_ d: XMLDiagnostic) {
            if case .guardrail = d.source {
                diagnostics.append(d)
            } else if diagnostics.count < limits.maxDiagnostics || (d.level != .warning && !keptError) {
                diagnostics.append(d)
                if d.level != .warning { keptError = true }
            } else {
                suppressed += 1
            }
        }

        func record(_ error: UnsafePointer<xmlError>, source: XMLDiagnostic.Source) {
            let e = error.pointee
            let level: XMLDiagnostic.Level = e.level == XML_ERR_WARNING ? .warning : e.level == XML_ERR_FATAL ? .fatal : .error
            var message = e.message.map { String(cString: $0) } ?? "libxml2 error \(e.code)"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            let index = e.node.flatMap { nodeIndex[$0] }
            record(XMLDiagnostic(source: source, level: level, domain: Int(e.domain), code: Int(e.code), message: message,
                                 line: Int(e.line), column: Int(e.int2), elementIndex: index, offset: nil))
        }

        func stop(_ ctxt: xmlParserCtxtPtr, code: String, _ message: String) {
            guard !stopped else { return }
            stopped = true
            let input = ctxt.pointee.input
            record(XMLDiagnostic(source: .guardrail(code: code), level: .fatal, domain: 0, code: 0, message: message,
                                 line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0), elementIndex: nil, offset: nil))
            xmlStopParser(ctxt)
        }
    }

    /// Parses `bytes` (already checked to be UTF-8, non-empty and within
    /// the byte limit) into a raw tree, optionally validating the document
    /// against `schema` before it is freed. `rejectDoctype` is false only in
    /// the tests that prove the other defences hold on their own.
    static func parse(_ bytes: [UInt8], limits: ResourceListsLimits, schema: CompiledSchema? = nil, rejectDoctype: Bool = true) -> RawParseResult {
        _ = initialized
        let state = ParseState(limits: limits, rejectDoctype: rejectDoctype)
        // The whole parse runs inside the closure: the input stays alive
        // for as long as libxml2 could look at it.
        return bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, buf.count <= Int(Int32.max),
                  let ctxt = base.withMemoryRebound(to: CChar.self, capacity: buf.count, { xmlCreateMemoryParserCtxt($0, Int32(buf.count)) })
            else {
                state.record(XMLDiagnostic(source: .parser, level: .fatal, domain: 0, code: 4, message: "Document is empty",
                                           line: 1, column: 1, elementIndex: nil, offset: 0))
                return RawParseResult(root: nil, diagnostics: state.diagnostics, suppressedDiagnostics: 0, schemaValid: nil)
            }
            return parse(ctxt, state: state, schema: schema)
        }
    }

    private static func parse(_ ctxt: xmlParserCtxtPtr, state: ParseState, schema: CompiledSchema?) -> RawParseResult {
        let rejectDoctype = state.rejectDoctype
        let unhandled = xmlCtxtUseOptions(ctxt, parseOptions)
        let statePointer = Unmanaged.passRetained(state)
        defer {
            statePointer.release()
        }
        ctxt.pointee._private = statePointer.toOpaque()
        if let sax = ctxt.pointee.sax {
            sax.pointee.serror = parserErrorHook
            sax.pointee.internalSubset = internalSubsetHook
            sax.pointee.startElementNs = startElementHook
            sax.pointee.resolveEntity = nil
        }
        if unhandled != 0 {
            state.record(XMLDiagnostic(source: .guardrail(code: "resource-lists.xml.internal"), level: .fatal, domain: 0, code: 0,
                                       message: "libxml2 did not accept the parse options (\(unhandled))", line: 0, column: 0, elementIndex: nil, offset: nil))
        } else {
            _ = xmlParseDocument(ctxt)
        }
        let doc = ctxt.pointee.myDoc
        ctxt.pointee.myDoc = nil
        let wellFormed = ctxt.pointee.wellFormed != 0 && ctxt.pointee.nsWellFormed != 0
        defer {
            if let doc { xmlFreeDoc(doc) }
            ctxt.pointee._private = nil
            xmlFreeParserCtxt(ctxt)
        }
        if let doc, rejectDoctype, !state.stopped, doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            state.record(XMLDiagnostic(source: .guardrail(code: "resource-lists.xml.doctype"), level: .fatal, domain: 0, code: 0,
                                       message: "DOCTYPE declarations are not accepted", line: 0, column: 0, elementIndex: nil, offset: nil))
        }
        var failed = state.stopped || unhandled != 0 || state.diagnostics.contains { $0.level != .warning }
        if !wellFormed, !failed {
            state.record(XMLDiagnostic(source: .parser, level: .fatal, domain: 1, code: Int(ctxt.pointee.errNo),
                                       message: "libxml2 reports the document as not well-formed (error \(ctxt.pointee.errNo))",
                                       line: 0, column: 0, elementIndex: nil, offset: nil))
            failed = true
        }
        guard !failed, let doc, let rootNode = xmlDocGetRootElement(doc) else {
            if !failed {
                state.record(XMLDiagnostic(source: .parser, level: .fatal, domain: 1, code: 4, message: "Document has no root element",
                                           line: 0, column: 0, elementIndex: nil, offset: nil))
            }
            return RawParseResult(root: nil, diagnostics: state.diagnostics, suppressedDiagnostics: state.suppressed, schemaValid: nil)
        }
        var counter = 0
        state.indexNodes = schema != nil
        let root = convert(rootNode, state: state, counter: &counter)
        if state.diagnostics.contains(where: { $0.level != .warning }) {
            return RawParseResult(root: nil, diagnostics: state.diagnostics, suppressedDiagnostics: state.suppressed, schemaValid: nil)
        }
        var schemaValid: Bool?
        if let schema {
            schemaValid = validate(doc, against: schema, state: state, statePointer: statePointer.toOpaque())
        }
        return RawParseResult(root: root, diagnostics: state.diagnostics, suppressedDiagnostics: state.suppressed, schemaValid: schemaValid)
    }

    // MARK: tree conversion

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    /// A namespace name as the document declared it. libxml2 2.9 leaves a
    /// `&` written as `&amp;` or `&#38;` in an `xmlns` value as the five
    /// characters `&#38;` (it defers that reference to tree building, which
    /// namespace names skip); a literal `&#38;` cannot otherwise occur in
    /// the parsed value, so turning it back is exact.
    /// libxml2 checks namespace names against the URI grammar before that
    /// substitution, so the check is repeated here on the real name.
    private static func namespaceName(_ p: UnsafePointer<xmlChar>?, node: xmlNodePtr, index: Int, state: ParseState) -> String? {
        guard let p else { return nil }
        let key = UnsafeRawPointer(p)
        if let known = state.namespaceNames[key] { return known }
        let raw = String(cString: p)
        guard hasDeferredAmpersand(p) else {
            state.namespaceNames[key] = raw
            return raw
        }
        // Not cached: the check below reports once per element, as before.
        let name = raw.replacing("&#38;", with: "&")
        if URISyntax.parseReference(Array(name.utf8), .libxml2) == nil {
            state.record(XMLDiagnostic(source: .parser, level: .error, domain: 3, code: 99, message: "xmlns: '\(name)' is not a valid URI",
                                       line: Int(xmlGetLineNo(node)), column: 0, elementIndex: index, offset: nil))
        }
        return name
    }

    /// True when the NUL-terminated string contains `&#38;` (a byte scan:
    /// `String.contains` would cost more than the rest of the conversion).
    private static func hasDeferredAmpersand(_ p: UnsafePointer<xmlChar>) -> Bool {
        let pattern: [xmlChar] = [0x26, 0x23, 0x33, 0x38, 0x3B] // "&#38;"
        var i = 0
        while p[i] != 0 {
            if p[i] == 0x26 {
                var k = 1
                while k < pattern.count, p[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Copies one element (and its subtree) into Swift values. Recursion is
    /// bounded by the depth limit enforced during the parse.
    private static func convert(_ node: xmlNodePtr, state: ParseState, counter: inout Int) -> RawElement {
        let index = counter
        counter += 1
        if state.indexNodes { state.nodeIndex[UnsafeMutableRawPointer(node)] = index }
        let ns = node.pointee.ns
        var element = RawElement(namespace: namespaceName(ns?.pointee.href, node: node, index: index, state: state), prefix: string(ns?.pointee.prefix),
                                 name: string(node.pointee.name) ?? "", attributes: [], children: [], position: nil, index: index)
        // Declarations, used or not, get the same check as libxml2's.
        var declaration = node.pointee.nsDef
        while let d = declaration {
            _ = namespaceName(d.pointee.href, node: node, index: index, state: state)
            declaration = d.pointee.next
        }
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                    value += String(cString: content)
                } else if c.pointee.type == XML_ENTITY_REF_NODE {
                    entityReference(c, state: state)
                }
                child = c.pointee.next
            }
            let ans = a.pointee.ns
            element.attributes.append(RawAttribute(namespace: namespaceName(ans?.pointee.href, node: node, index: index, state: state), prefix: string(ans?.pointee.prefix),
                                                   name: string(a.pointee.name) ?? "", value: value, position: nil))
            attr = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(convert(c, state: state, counter: &counter)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = c.pointee.content.map { String(cString: $0) } ?? ""
                if case .text(let previous)? = element.children.last {
                    element.children[element.children.count - 1] = .text(previous + text)
                } else if !text.isEmpty {
                    element.children.append(.text(text))
                }
            case XML_ENTITY_REF_NODE:
                entityReference(c, state: state)
            default:
                break // comments, processing instructions
            }
            child = c.pointee.next
        }
        return element
    }

    /// An unexpanded entity reference in the tree: only possible when a
    /// DOCTYPE was let through (tests of the other defences).
    private static func entityReference(_ node: xmlNodePtr, state: ParseState) {
        let name = string(node.pointee.name) ?? "?"
        state.record(XMLDiagnostic(source: .guardrail(code: "resource-lists.xml.entity-reference"), level: .fatal, domain: 0, code: 0,
                                   message: "Entity reference &\(name); left unexpanded: entities are never substituted",
                                   line: Int(xmlGetLineNo(node)), column: 0, elementIndex: nil, offset: nil))
    }

    // MARK: C callbacks (non-capturing; state comes from `_private`)

    private static func state(ofContext ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let p = ctxt.pointee._private else { return nil }
        return (ctxt, Unmanaged<ParseState>.fromOpaque(p).takeUnretainedValue())
    }

    /// `sax->serror`: libxml2 passes `ctxt->userData`, which is the parser
    /// context itself when a tree is being built.
    private static let parserErrorHook: xmlStructuredErrorFunc = { userData, error in
        guard let error, let (_, state) = LibXML2.state(ofContext: userData) else { return }
        state.record(UnsafePointer(error), source: .parser)
    }

    private static let internalSubsetHook: internalSubsetSAXFunc = { ctx, name, externalID, systemID in
        guard let (ctxt, state) = LibXML2.state(ofContext: ctx) else { return }
        if state.rejectDoctype {
            state.stop(ctxt, code: "resource-lists.xml.doctype", "DOCTYPE declarations are not accepted (no DTD, no entities)")
        } else {
            xmlSAX2InternalSubset(ctx, name, externalID, systemID)
        }
    }

    private static let startElementHook: startElementNsSAX2Func = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes in
        guard let (ctxt, state) = LibXML2.state(ofContext: ctx) else { return }
        if Int(nbAttributes) > state.limits.maxAttributesPerElement {
            state.stop(ctxt, code: "resource-lists.limit.attributes", "An element has \(nbAttributes) attributes; the limit is \(state.limits.maxAttributesPerElement)")
            return
        }
        state.elements += 1
        if state.elements > state.limits.maxElements {
            state.stop(ctxt, code: "resource-lists.limit.elements", "More than \(state.limits.maxElements) elements")
            return
        }
        // nodeNr counts the open elements, this one included once it is pushed.
        if Int(ctxt.pointee.nodeNr) + 1 > state.limits.maxDepth {
            state.stop(ctxt, code: "resource-lists.limit.depth", "Elements nested deeper than \(state.limits.maxDepth)")
            return
        }
        xmlSAX2StartElementNs(ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
    }

    /// The process-wide external-entity loader: serves the embedded schema
    /// texts to the schema compiler and refuses everything else (no file,
    /// no network, no catalog).
    private static let schemaOnlyLoader: xmlExternalEntityLoader = { url, _, ctxt in
        guard let url, let text = SchemaDocuments.table[String(cString: url)] else { return nil }
        return xmlNewStringInputStream(ctxt, text)
    }
}
