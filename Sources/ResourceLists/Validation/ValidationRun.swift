import MediasecCore

/// State of one validation pass; the checks live in extensions, one file
/// per spec area. ``walkDocument()`` checks the schema-level structure and
/// collects the typed elements (with their paths) for the later checks.
struct ValidationRun {
    let decoded: DecodedResourceLists
    let enabled: Set<ResourceListsProfileName>
    var sink: FindingSink

    /// Collected by the walk.
    var entries: [(path: String, entry: Entry)] = []
    var entryRefs: [(path: String, ref: EntryRef)] = []
    var externals: [(path: String, external: External)] = []
    var lists: [(path: String, list: ResourceList, topLevel: Bool)] = []

    init(decoded: DecodedResourceLists, enabled: Set<ResourceListsProfileName>, sink: FindingSink) {
        self.decoded = decoded
        self.enabled = enabled
        self.sink = sink
    }

    var document: ResourceListsDocument { decoded.document }

    mutating func add(_ rule: ResourceListsRule, _ path: String, _ message: @autoclosure () -> String? = nil) {
        sink.add(rule, path, message())
    }

    mutating func checkDeclaration() {
        if let v = decoded.xmlVersion, v != "1.0" {
            sink.add(ResourceListsRules.xmlVersion, ResourceListsPath.root, "XML declaration says version \"\(v)\"; resource lists MUST be XML 1.0",
                     at: decoded.xmlVersionPosition)
        }
    }
}
