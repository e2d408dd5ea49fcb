import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The module's only contact with the libxml2 C API (with
/// `LibXML2Schema.swift`). Everything above works on ``RawDocument``.
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
/// - the document (if any) and the context are freed on every path.
///
/// Two ways through libxml2, with the same parser, options and guards:
///
/// - **streaming** (the default decode): libxml2's SAX2 callbacks are
///   replaced by the wrapper's, which append to a ``RawDocument``
///   directly; libxml2 builds no tree at all. Every diagnostic comes from
///   the parser itself, so it is the one the tree path reports.
/// - **tree** (the XSD cross-check, which validates libxml2's tree; the
///   tests that let a DOCTYPE through; limits beyond libxml2's own depth
///   guard; inputs over libxml2's 10 MB text-node limit): libxml2's own
///   SAX2 handlers build its tree, which is then copied.
///
/// A few things only libxml2's tree builder reports: `xml:id` checks (an
/// NCName, defined once), entity references left in the tree, and the
/// wrapper's own check of namespace names containing `&`. The streaming
/// callbacks do not imitate them: on the first such input they stop and
/// the document is parsed again on the tree path, which reports them as
/// it always has.
enum LibXML2 {
    static let parseOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Options that must never be set (a test asserts none is in ``parseOptions``).
    static let forbiddenOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NOENT.rawValue | XML_PARSE_DTDLOAD.rawValue | XML_PARSE_DTDATTR.rawValue | XML_PARSE_DTDVALID.rawValue
            | XML_PARSE_HUGE.rawValue | XML_PARSE_XINCLUDE.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_SAX1.rawValue
            | XML_PARSE_OLDSAX.rawValue)

    /// libxml2's `XML_MAX_TEXT_LENGTH`: its tree builder refuses a longer
    /// text node (an error the streaming path would not raise).
    static let treeTextLimit = 10_000_000
    /// Depth limits up to this stay below libxml2's own depth guard (256),
    /// so the wrapper's check is always the one that fires.
    static let streamingMaxDepth = 200

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
        /// True on the streaming path (the wrapper's SAX callbacks build
        /// ``builder``); false when libxml2 builds its tree.
        let streaming: Bool
        var diagnostics: [XMLDiagnostic] = []
        var suppressed = 0
        var stopped = false
        var elements = 0
        /// Streaming: the input needs the tree path (see ``LibXML2``).
        var needsTree = false
        /// Streaming: the parser context's pool entry (see ``ContextPool``).
        var pooled: ContextPool.Entry?
        /// Streaming: the raw document under construction. Behind a
        /// pointer, so the callbacks' many small updates are plain stores
        /// (a stored property of a class is access-checked at run time).
        let builder: UnsafeMutablePointer<RawDocumentBuilder>
        /// Pre-order index of each converted element, for the schema
        /// validator's diagnostics (filled only when a schema will run:
        /// parser diagnostics are all raised before the tree is converted).
        var nodeIndex: [UnsafeMutableRawPointer: Int] = [:]
        var indexNodes = false

        init(limits: ResourceListsLimits, rejectDoctype: Bool, streaming: Bool = false, expectedBytes: Int = 0) {
            self.limits = limits
            self.rejectDoctype = rejectDoctype
            self.streaming = streaming
            builder = UnsafeMutablePointer<RawDocumentBuilder>.allocate(capacity: 1)
            builder.initialize(to: RawDocumentBuilder(expectedBytes: streaming ? expectedBytes : 0))
        }

        deinit {
            builder.deinitialize(count: 1)
            builder.deallocate()
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

        /// Streaming: give up on this parse (its result is discarded) and
        /// ask for the tree path.
        func handOver(_ ctxt: xmlParserCtxtPtr) {
            guard !needsTree else { return }
            needsTree = true
            xmlStopParser(ctxt)
        }

        /// Checks shared by both paths' `startElementNs`, in this order;
        /// false when a limit stopped the parser.
        func withinLimits(_ ctxt: xmlParserCtxtPtr, attributes: Int32, depth: Int) -> Bool {
            if Int(attributes) > limits.maxAttributesPerElement {
                stop(ctxt, code: "resource-lists.limit.attributes", "An element has \(attributes) attributes; the limit is \(limits.maxAttributesPerElement)")
                return false
            }
            elements += 1
            if elements > limits.maxElements {
                stop(ctxt, code: "resource-lists.limit.elements", "More than \(limits.maxElements) elements")
                return false
            }
            // `depth` counts the open elements; this one makes one more.
            if depth + 1 > limits.maxDepth {
                stop(ctxt, code: "resource-lists.limit.depth", "Elements nested deeper than \(limits.maxDepth)")
                return false
            }
            return true
        }
    }

    /// Parses `bytes` (already checked to be UTF-8, non-empty and within
    /// the byte limit) into a raw document, optionally validating the
    /// document against `schema` before libxml2's tree is freed.
    /// `rejectDoctype` is false only in the tests that prove the other
    /// defences hold on their own; `tree` forces the tree path (tests
    /// compare the two paths).
    static func parse(_ bytes: [UInt8], limits: ResourceListsLimits, schema: CompiledSchema? = nil, rejectDoctype: Bool = true,
                      tree: Bool = false) -> RawParseResult {
        _ = initialized
        if !tree, schema == nil, rejectDoctype, limits.maxDepth <= streamingMaxDepth, bytes.count <= treeTextLimit {
            let state = ParseState(limits: limits, rejectDoctype: true, streaming: true, expectedBytes: bytes.count)
            let result = parse(bytes, state: state, schema: nil)
            if !state.needsTree { return result }
        }
        return parse(bytes, state: ParseState(limits: limits, rejectDoctype: rejectDoctype), schema: schema)
    }

    private static func parse(_ bytes: [UInt8], state: ParseState, schema: CompiledSchema?) -> RawParseResult {
        // The whole parse runs inside the closure: the input stays alive
        // for as long as libxml2 could look at it.
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, buf.count <= Int(Int32.max),
                  let ctxt = state.streaming ? streamingContext(base, count: buf.count, state: state)
                      : base.withMemoryRebound(to: CChar.self, capacity: buf.count, { xmlCreateMemoryParserCtxt($0, Int32(buf.count)) })
            else {
                state.record(XMLDiagnostic(source: .parser, level: .fatal, domain: 0, code: 4, message: "Document is empty",
                                           line: 1, column: 1, elementIndex: nil, offset: 0))
                return RawParseResult(document: nil, diagnostics: state.diagnostics, suppressedDiagnostics: 0, schemaValid: nil)
            }
            return parse(ctxt, state: state, schema: schema)
        }
    }

    /// The streaming path's parser context: `xmlCreateMemoryParserCtxt`'s,
    /// whose input buffer already holds the whole document, with the
    /// buffer's read callback cleared. libxml2 2.9 gives a memory input a
    /// no-op read callback and calls it (growing the buffer for the
    /// nothing it reads) at nearly every GROW once fewer than 250 bytes
    /// are left, i.e. all through a small document; without a callback
    /// GROW returns at once, and SHRINK reads nothing either way. The
    /// parser sees the same bytes and the same end of input. libxml2's
    /// "Huge input lookup" check, the one place that tells the callbacks
    /// apart, needs more than 10 MB of input (``treeTextLimit``).
    private static func streamingContext(_ base: UnsafePointer<UInt8>, count: Int, state: ParseState) -> xmlParserCtxtPtr? {
        guard count > 0, count <= treeTextLimit else { return nil }
        var ctxt: xmlParserCtxtPtr?
        // Large documents get a context of their own (its tables grow with
        // the document; a pooled one would keep them).
        let poolable = count <= ContextPool.largestInput
        if poolable, let reused = ContextPool.shared.take(adding: count) {
            // What xmlCtxtReadMemory does with a context it reuses: reset,
            // then a memory input.
            xmlCtxtReset(reused.ctxt)
            if let buffer = base.withMemoryRebound(to: CChar.self, capacity: count, { xmlParserInputBufferCreateMem($0, Int32(count), XML_CHAR_ENCODING_NONE) }) {
                if let input = xmlNewIOInputStream(reused.ctxt, buffer, XML_CHAR_ENCODING_NONE) {
                    if inputPush(reused.ctxt, input) >= 0 { // inputPush frees the input when it fails
                        ctxt = reused.ctxt
                        state.pooled = reused
                        state.builder.pointee.adopt(reused.names)
                    }
                } else {
                    xmlFreeParserInputBuffer(buffer)
                }
            }
            if ctxt == nil { xmlFreeParserCtxt(reused.ctxt) }
        }
        if ctxt == nil {
            ctxt = base.withMemoryRebound(to: CChar.self, capacity: count) { xmlCreateMemoryParserCtxt($0, Int32(count)) }
            if let ctxt, poolable { state.pooled = ContextPool.Entry(ctxt: ctxt, names: InternTable(), bytes: count, parses: 1) }
        }
        if let input = ctxt?.pointee.input, let buffer = input.pointee.buf {
            buffer.pointee.readcallback = nil
        }
        return ctxt
    }

    /// Parser contexts of the streaming path, kept for the next document
    /// (a new context costs libxml2 a dictionary, a SAX handler and a dozen
    /// tables, and as much again to free). A context is reused the way
    /// `xmlCtxtReadMemory` reuses one (`xmlCtxtReset`, which clears every
    /// per-document field, then a new input), only after a parse that ran
    /// to its end (never after a stop), and only while the documents it
    /// has parsed total at most ``byteBudget`` bytes and ``parseBudget``
    /// parses: its dictionary keeps the names of every document, and must
    /// stay far below libxml2's 10 MB dictionary limit. Documents over
    /// ``largestInput`` bytes parse in a context of their own, so a pooled
    /// context never keeps tables sized for a large one. Contexts are
    /// handed out under a lock, one parse at a time each.
    final class ContextPool: @unchecked Sendable {
        struct Entry {
            var ctxt: xmlParserCtxtPtr
            /// The names read from this context's dictionary so far.
            var names: InternTable
            /// Input bytes and parses this context has seen, this one included.
            var bytes: Int
            var parses: Int
        }

        static let shared = ContextPool()
        static let byteBudget = 1 << 20
        /// Documents larger than this never use or return a pooled context.
        static let largestInput = 64 << 10
        static let parseBudget = 4096
        static let capacity = 8

        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        private var entries: [Entry] = []

        private init() {
            mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
            entries.reserveCapacity(Self.capacity)
        }

        /// A context that can parse `count` more bytes within its budget,
        /// with the counts updated; nil when none is free. Contexts over
        /// their budget are freed.
        func take(adding count: Int) -> Entry? {
            pthread_mutex_lock(mutex)
            let entry = entries.popLast()
            pthread_mutex_unlock(mutex)
            guard var e = entry else { return nil }
            guard count <= Self.byteBudget - e.bytes, e.parses < Self.parseBudget else {
                xmlFreeParserCtxt(e.ctxt)
                return nil
            }
            e.bytes += count
            e.parses += 1
            return e
        }

        /// Keeps a context for the next parse, or frees it when the pool is full.
        func give(_ e: Entry) {
            pthread_mutex_lock(mutex)
            let kept = entries.count < Self.capacity
            if kept { entries.append(e) }
            pthread_mutex_unlock(mutex)
            if !kept { xmlFreeParserCtxt(e.ctxt) }
        }
    }

    private static func parse(_ ctxt: xmlParserCtxtPtr, state: ParseState, schema: CompiledSchema?) -> RawParseResult {
        let unhandled = xmlCtxtUseOptions(ctxt, parseOptions)
        let statePointer = Unmanaged.passRetained(state)
        defer {
            statePointer.release()
        }
        ctxt.pointee._private = statePointer.toOpaque()
        if let sax = ctxt.pointee.sax {
            sax.pointee.serror = parserErrorHook
            sax.pointee.internalSubset = internalSubsetHook
            sax.pointee.resolveEntity = nil
            if state.streaming {
                // No tree: the wrapper's callbacks build the raw document.
                // Character data and ignorable white space share one
                // callback, as in libxml2's own handler (so libxml2 never
                // tries to tell them apart); NOCDATA already cleared
                // cdataBlock, so CDATA arrives as character data.
                sax.pointee.startDocument = nil
                sax.pointee.endDocument = nil
                sax.pointee.externalSubset = nil
                sax.pointee.startElementNs = streamStartElementHook
                sax.pointee.endElementNs = streamEndElementHook
                sax.pointee.characters = streamCharactersHook
                sax.pointee.ignorableWhitespace = streamCharactersHook
                sax.pointee.cdataBlock = nil
                // Comments and processing instructions are not kept, but
                // their callbacks stay set: libxml2 words some errors
                // differently when nobody listens (a comment's text is
                // collected, and quoted in "Double hyphen within comment",
                // only for a comment callback).
                sax.pointee.comment = streamCommentHook
                sax.pointee.processingInstruction = streamProcessingInstructionHook
                sax.pointee.reference = streamReferenceHook
            } else {
                sax.pointee.startElementNs = startElementHook
            }
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
            if let pooled = state.pooled, pooled.ctxt == ctxt, !state.stopped, !state.needsTree, doc == nil {
                state.builder.pointee.save(to: pooled.names)
                ContextPool.shared.give(pooled)
            } else {
                xmlFreeParserCtxt(ctxt)
            }
        }
        if state.streaming {
            if state.needsTree {
                return RawParseResult(document: nil, diagnostics: state.diagnostics, suppressedDiagnostics: state.suppressed, schemaValid: nil)
            }
            return finish(state: state, unhandled: unhandled, wellFormed: wellFormed, errNo: ctxt.pointee.errNo) { state.builder.pointee.finish() }
        }
        let rejectDoctype = state.rejectDoctype
        if let doc, rejectDoctype, !state.stopped, doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            state.record(XMLDiagnostic(source: .guardrail(code: "resource-lists.xml.doctype"), level: .fatal, domain: 0, code: 0,
                                       message: "DOCTYPE declarations are not accepted", line: 0, column: 0, elementIndex: nil, offset: nil))
        }
        var raw = finish(state: state, unhandled: unhandled, wellFormed: wellFormed, errNo: ctxt.pointee.errNo) { () -> RawDocument? in
            guard let doc, let rootNode = xmlDocGetRootElement(doc) else { return nil }
            state.indexNodes = schema != nil
            var builder = RawDocumentBuilder()
            convert(rootNode, state: state, builder: &builder)
            return builder.finish()
        }
        guard raw.document != nil else { return raw }
        if state.diagnostics.contains(where: { $0.level != .warning }) {
            raw.document = nil
            raw.diagnostics = state.diagnostics
            raw.suppressedDiagnostics = state.suppressed
            return raw
        }
        if let schema, let doc {
            raw.schemaValid = validate(doc, against: schema, state: state, statePointer: statePointer.toOpaque())
            raw.diagnostics = state.diagnostics
            raw.suppressedDiagnostics = state.suppressed
        }
        return raw
    }

    /// The verdict after `xmlParseDocument`, shared by both paths: a
    /// failed parse has no document; a clean one gets `document()`, or
    /// "no root element" when that is nil.
    private static func finish(state: ParseState, unhandled: Int32, wellFormed: Bool, errNo: Int32,
                               document: () -> RawDocument?) -> RawParseResult {
        var failed = state.stopped || unhandled != 0 || state.diagnostics.contains { $0.level != .warning }
        if !wellFormed, !failed {
            state.record(XMLDiagnostic(source: .parser, level: .fatal, domain: 1, code: Int(errNo),
                                       message: "libxml2 reports the document as not well-formed (error \(errNo))",
                                       line: 0, column: 0, elementIndex: nil, offset: nil))
            failed = true
        }
        var built: RawDocument?
        if !failed {
            built = document()
            if let d = built, d.nodes.isEmpty { built = nil }
            if built == nil {
                state.record(XMLDiagnostic(source: .parser, level: .fatal, domain: 1, code: 4, message: "Document has no root element",
                                           line: 0, column: 0, elementIndex: nil, offset: nil))
            }
        }
        return RawParseResult(document: built, diagnostics: state.diagnostics, suppressedDiagnostics: state.suppressed, schemaValid: nil)
    }

    // MARK: namespace names

    /// A namespace name as the document declared it. libxml2 2.9 leaves a
    /// `&` written as `&amp;` or `&#38;` in an `xmlns` value as the five
    /// characters `&#38;` (it defers that reference to tree building, which
    /// namespace names skip); a literal `&#38;` cannot otherwise occur in
    /// the parsed value, so turning it back is exact. libxml2 checks
    /// namespace names against the URI grammar before that substitution,
    /// so the check is repeated on the real name: `valid` is false when
    /// the real name is not a URI reference.
    private static func namespaceName(_ p: UnsafePointer<xmlChar>) -> (name: String, valid: Bool) {
        let raw = String(cString: p)
        guard hasDeferredAmpersand(p) else { return (raw, true) }
        let name = raw.replacing("&#38;", with: "&")
        return (name, URISyntax.parseReference(Array(name.utf8), .libxml2) != nil)
    }

    /// True when the NUL-terminated string contains `&#38;` (a byte scan:
    /// `String.contains` would cost more than the rest of the conversion).
    private static func hasDeferredAmpersand(_ p: UnsafePointer<xmlChar>) -> Bool {
        var i = 0
        while p[i] != 0 {
            if p[i] == 0x26, p[i + 1] == 0x23, p[i + 2] == 0x33, p[i + 3] == 0x38, p[i + 4] == 0x3B { return true }
            i += 1
        }
        return false
    }

    // MARK: tree path: libxml2's tree copied into a RawDocument

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    /// A namespace name on the tree path: the check of an `&` name reports
    /// once per use, as it always has.
    private static func treeNamespace(_ p: UnsafePointer<xmlChar>?, node: xmlNodePtr, index: Int, state: ParseState,
                                      builder: inout RawDocumentBuilder) -> Int {
        guard let p else { return -1 }
        if hasDeferredAmpersand(p) {
            let (name, valid) = namespaceName(p)
            if !valid {
                state.record(XMLDiagnostic(source: .parser, level: .error, domain: 3, code: 99, message: "xmlns: '\(name)' is not a valid URI",
                                           line: Int(xmlGetLineNo(node)), column: 0, elementIndex: index, offset: nil))
            }
            return builder.namespace(p) { (name, true) } // reported above, once per use
        }
        return builder.namespace(p) { (String(cString: p), true) }
    }

    private static func length(_ p: UnsafePointer<xmlChar>) -> Int {
        var n = 0
        while p[n] != 0 { n += 1 }
        return n
    }

    /// Copies one element (and its subtree). Recursion is bounded by the
    /// depth limit enforced during the parse.
    private static func convert(_ node: xmlNodePtr, state: ParseState, builder: inout RawDocumentBuilder) {
        let index = builder.document.elementCount
        if state.indexNodes { state.nodeIndex[UnsafeMutableRawPointer(node)] = index }
        let ns = node.pointee.ns
        let namespace = treeNamespace(ns?.pointee.href, node: node, index: index, state: state, builder: &builder)
        let prefix = builder.name(ns?.pointee.prefix)
        let name = builder.name(node.pointee.name)
        // Declarations, used or not, get the same check as libxml2's.
        var declaration = node.pointee.nsDef
        while let d = declaration {
            _ = treeNamespace(d.pointee.href, node: node, index: index, state: state, builder: &builder)
            declaration = d.pointee.next
        }
        builder.startElement(namespace: namespace, prefix: prefix, name: name)
        var attr = node.pointee.properties
        while let a = attr {
            var value: [UInt8] = []
            var child = a.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                    value.append(contentsOf: UnsafeBufferPointer(start: content, count: length(content)))
                } else if c.pointee.type == XML_ENTITY_REF_NODE {
                    entityReference(c, state: state)
                }
                child = c.pointee.next
            }
            let ans = a.pointee.ns
            let attributeNamespace = treeNamespace(ans?.pointee.href, node: node, index: index, state: state, builder: &builder)
            let attributePrefix = builder.name(ans?.pointee.prefix)
            let attributeName = builder.name(a.pointee.name)
            value.withUnsafeBufferPointer {
                builder.attribute(namespace: attributeNamespace, prefix: attributePrefix, name: attributeName, value: $0, decodingAmpersands: false)
            }
            attr = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                convert(c, state: state, builder: &builder)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    builder.characters(UnsafeBufferPointer(start: content, count: length(content)))
                }
            case XML_ENTITY_REF_NODE:
                entityReference(c, state: state)
            default:
                break // comments, processing instructions
            }
            child = c.pointee.next
        }
        builder.endElement()
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
    /// context itself (the wrapper never sets another user data).
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

    /// Tree path: the limits, then libxml2's own tree building.
    private static let startElementHook: startElementNsSAX2Func = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes in
        guard let (ctxt, state) = LibXML2.state(ofContext: ctx) else { return }
        // nodeNr counts the open elements of libxml2's tree.
        guard state.withinLimits(ctxt, attributes: nbAttributes, depth: Int(ctxt.pointee.nodeNr)) else { return }
        xmlSAX2StartElementNs(ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
    }

    // MARK: streaming callbacks

    /// Runs `body` with the parse state of a streaming callback, without
    /// retaining it (the parse holds it for as long as libxml2 runs).
    @inline(__always)
    private static func withState(_ ctx: UnsafeMutableRawPointer?, _ body: (xmlParserCtxtPtr, ParseState) -> Void) {
        guard let ctx else { return }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let p = ctxt.pointee._private else { return }
        Unmanaged<ParseState>.fromOpaque(p)._withUnsafeGuaranteedRef { state in
            // Nothing more once the parse was stopped (limit or hand-over):
            // the input behind the callback's pointers may be gone.
            if state.stopped || state.needsTree { return }
            body(ctxt, state)
        }
    }

    /// A namespace name on the streaming path, interned by libxml2's
    /// (dictionary) pointer; an `&` name that fails the URI check hands the
    /// parse over to the tree path, which reports it.
    private static func streamNamespace(_ p: UnsafePointer<xmlChar>, ctxt: xmlParserCtxtPtr, state: ParseState) -> Int {
        let i = state.builder.pointee.namespace(p) { namespaceName(p) }
        if !state.builder.pointee.document.namespaces[i].valid { state.handOver(ctxt) }
        return i
    }

    private static let streamStartElementHook: startElementNsSAX2Func = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes in
        withState(ctx) { ctxt, state in
            startElement(ctxt, state, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
        }
    }

    private static func startElement(_ ctxt: xmlParserCtxtPtr, _ state: ParseState, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                                     _ uri: UnsafePointer<xmlChar>?, _ nbNamespaces: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                     _ nbAttributes: Int32, _ nbDefaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard state.withinLimits(ctxt, attributes: nbAttributes, depth: state.builder.pointee.depth) else { return }
        guard let localname else { return state.handOver(ctxt) }
        // Without a DTD libxml2 defaults no attribute; with one (never
        // here) the tree path would see them.
        guard nbDefaulted == 0 else { return state.handOver(ctxt) }
        // A hand-over stops the parser, and xmlStopParser frees the input
        // buffer that attribute values point into: after one, this callback
        // must not read any argument again (fuzzing found the
        // use-after-free; Corpus/resource-lists-crashes replays it).
        let namespace = uri.map { streamNamespace($0, ctxt: ctxt, state: state) } ?? -1
        if state.needsTree { return }
        if let namespaces, nbNamespaces > 0 {
            for j in 0..<Int(nbNamespaces) {
                if let declared = namespaces[2 * j + 1] { _ = streamNamespace(declared, ctxt: ctxt, state: state) }
                if state.needsTree { return }
            }
        }
        let prefixName = state.builder.pointee.name(prefix)
        let name = state.builder.pointee.name(localname)
        state.builder.pointee.startElement(namespace: namespace, prefix: prefixName, name: name)
        guard let attributes, nbAttributes > 0 else { return }
        for i in 0..<Int(nbAttributes) {
            let a = attributes + 5 * i
            guard let attributeName = a[0], let value = a[3], let end = a[4], end >= value else { return state.handOver(ctxt) }
            let attributePrefix = state.builder.pointee.name(a[1])
            let local = state.builder.pointee.name(attributeName)
            // xml:id is checked by libxml2's tree builder (an NCName,
            // defined once per document): the tree path reports it.
            if attributePrefix >= 0, state.builder.pointee.document.nameCode(attributePrefix) == .xml,
               state.builder.pointee.document.nameCode(local) == .id {
                return state.handOver(ctxt)
            }
            let attributeNamespace = a[2].map { streamNamespace($0, ctxt: ctxt, state: state) } ?? -1
            if state.needsTree { return }
            // Values that held a reference were copied by libxml2 and end
            // in NUL; there `&#38;` stands for `&` (the tree builder
            // decodes it). Other values point into the input, where a `&`
            // can only start a reference, so decoding them too is exact.
            state.builder.pointee.attribute(namespace: attributeNamespace, prefix: attributePrefix, name: local,
                                    value: UnsafeBufferPointer(start: value, count: end - value), decodingAmpersands: true)
        }
    }

    private static let streamEndElementHook: endElementNsSAX2Func = { ctx, _, _, _ in
        withState(ctx) { _, state in state.builder.pointee.endElement() }
    }

    private static let streamCharactersHook: charactersSAXFunc = { ctx, ch, len in
        guard let ch, len > 0 else { return }
        withState(ctx) { _, state in state.builder.pointee.characters(UnsafeBufferPointer(start: ch, count: Int(len))) }
    }

    private static let streamCommentHook: commentSAXFunc = { _, _ in }

    private static let streamProcessingInstructionHook: processingInstructionSAXFunc = { _, _, _ in }

    /// An entity reference left unexpanded (only with a DTD): the tree path reports it.
    private static let streamReferenceHook: referenceSAXFunc = { ctx, _ in
        guard let (ctxt, state) = LibXML2.state(ofContext: ctx) else { return }
        state.handOver(ctxt)
    }

    /// The process-wide external-entity loader: serves the embedded schema
    /// texts to the schema compiler and refuses everything else (no file,
    /// no network, no catalog).
    private static let schemaOnlyLoader: xmlExternalEntityLoader = { url, _, ctxt in
        guard let url, let text = SchemaDocuments.table[String(cString: url)] else { return nil }
        return xmlNewStringInputStream(ctxt, text)
    }
}
