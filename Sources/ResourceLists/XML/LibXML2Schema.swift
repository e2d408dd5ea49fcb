import CLibXML2

/// A compiled libxml2 schema. libxml2 allows one compiled schema to be
/// used by validation contexts on several threads at once; it is freed when
/// the last reference goes.
final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    let set: XSDSchemaSet

    init(pointer: xmlSchemaPtr, set: XSDSchemaSet) {
        self.pointer = pointer
        self.set = set
    }

    deinit { xmlSchemaFree(pointer) }
}

/// The schema texts, as NUL-terminated copies that live for the whole
/// process: `xmlSchemaNewMemParserCtxt` keeps the pointer it is given until
/// `xmlSchemaParse`, and the entity loader hands texts to libxml2 by pointer.
enum SchemaDocuments {
    private static func keep(_ s: String) -> (pointer: UnsafePointer<xmlChar>, count: Int) {
        let bytes = Array(s.utf8) + [0]
        let p = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count)
        p.initialize(from: bytes, count: bytes.count)
        return (UnsafePointer(p), bytes.count - 1)
    }

    /// What the entity loader serves, by URL.
    nonisolated(unsafe) static let table: [String: UnsafePointer<xmlChar>] = {
        var t: [String: UnsafePointer<xmlChar>] = [:]
        for set in XSDSchemaSet.allCases { t[set.resourceListsLocation] = keep(set.resourceListsText).pointer }
        t[XSDSchemaSet.xmlNamespaceLocation] = keep(EmbeddedSchemas.xmlNamespace).pointer
        return t
    }()

    /// The main (copy-control) schema text of each set.
    nonisolated(unsafe) static let main: [XSDSchemaSet: (pointer: UnsafePointer<xmlChar>, count: Int)] = {
        var t: [XSDSchemaSet: (pointer: UnsafePointer<xmlChar>, count: Int)] = [:]
        for set in XSDSchemaSet.allCases { t[set] = keep(set.mainText) }
        return t
    }()
}

extension LibXML2 {
    /// The compiled schema of each set, built once on first use.
    private static let compiled: [XSDSchemaSet: Result<CompiledSchema, SchemaCompileFailure>] = {
        var out: [XSDSchemaSet: Result<CompiledSchema, SchemaCompileFailure>] = [:]
        for set in XSDSchemaSet.allCases { out[set] = compileSchema(set) }
        return out
    }()

    struct SchemaCompileFailure: Error, Sendable {
        var diagnostics: [XMLDiagnostic]
    }

    static func schema(_ set: XSDSchemaSet) -> Result<CompiledSchema, SchemaCompileFailure> {
        compiled[set] ?? .failure(SchemaCompileFailure(diagnostics: []))
    }

    private static func compileSchema(_ set: XSDSchemaSet) -> Result<CompiledSchema, SchemaCompileFailure> {
        _ = initialized
        let state = ParseState(limits: .default, rejectDoctype: true)
        let opaque = Unmanaged.passRetained(state)
        defer { opaque.release() }
        // Errors of the documents the schema parser reads for imports go to
        // the (thread-local) structured handler; route them here too, and
        // put back whatever was installed before.
        let previousHandler = __xmlStructuredError()?.pointee
        let previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(opaque.toOpaque(), schemaErrorHook)
        defer { xmlSetStructuredErrorFunc(previousContext ?? nil, previousHandler ?? nil) }
        guard let text = SchemaDocuments.main[set],
              let parserContext = text.pointer.withMemoryRebound(to: CChar.self, capacity: text.count, { xmlSchemaNewMemParserCtxt($0, Int32(text.count)) })
        else { return .failure(SchemaCompileFailure(diagnostics: state.diagnostics)) }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, schemaErrorHook, opaque.toOpaque())
        guard let schema = xmlSchemaParse(parserContext) else {
            return .failure(SchemaCompileFailure(diagnostics: state.diagnostics))
        }
        return .success(CompiledSchema(pointer: schema, set: set))
    }

    /// Validates a parsed document; schema diagnostics are recorded in
    /// `state` with the pre-order index of the element they name. Returns
    /// nil when libxml2 could not run the validation at all.
    static func validate(_ doc: xmlDocPtr, against schema: CompiledSchema, state: ParseState, statePointer: UnsafeMutableRawPointer) -> Bool? {
        guard let vctxt = xmlSchemaNewValidCtxt(schema.pointer) else { return nil }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        xmlSchemaSetValidStructuredErrors(vctxt, schemaErrorHook, statePointer)
        let result = withExtendedLifetime(schema) { xmlSchemaValidateDoc(vctxt, doc) }
        if result < 0 {
            state.record(XMLDiagnostic(source: .schema, level: .error, domain: 17, code: Int(result),
                                       message: "libxml2 could not run the schema validation (\(result))", line: 0, column: 0, elementIndex: nil, offset: nil))
            return nil
        }
        return result == 0
    }

    private static let schemaErrorHook: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let state = Unmanaged<ParseState>.fromOpaque(userData).takeUnretainedValue()
        state.record(UnsafePointer(error), source: .schema)
    }
}
