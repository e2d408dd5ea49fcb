/// Hard limits for hostile input (STYLE.md §4). Every limit has a name and a
/// stable code; exceeding one stops the parse (libxml2's `xmlStopParser`) and
/// is reported as an error, never a trap or an unbounded allocation.
///
/// libxml2 has its own guards (element depth 256, entity amplification);
/// they are active because the decoder never sets `XML_PARSE_HUGE`. The
/// limits below are tighter and are checked by the decoder itself while
/// libxml2 builds the tree. Entity expansion cannot amplify anything: any
/// DOCTYPE is rejected before its internal subset is read.
public struct ResourceListsLimits: Sendable, Hashable {
    /// Input size in bytes (`resource-lists.limit.bytes`). A SIP body is
    /// rarely over a few kilobytes.
    public var maxBytes: Int
    /// Element nesting depth, the root counting as 1 (`resource-lists.limit.depth`).
    public var maxDepth: Int
    /// Elements in the document (`resource-lists.limit.elements`).
    public var maxElements: Int
    /// Attributes on one element, namespace declarations excluded
    /// (`resource-lists.limit.attributes`).
    public var maxAttributesPerElement: Int
    /// libxml2 diagnostics kept per parse; later ones are counted and
    /// summarised in one `resource-lists.limit.diagnostics` finding.
    public var maxDiagnostics: Int
    /// Validator findings kept per rule; later ones are counted and
    /// summarised in one `resource-lists.limit.diagnostics` warning, so a
    /// document repeating one mistake yields a bounded report.
    public var maxFindingsPerRule: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxElements: Int = 50_000,
                maxAttributesPerElement: Int = 64, maxDiagnostics: Int = 64, maxFindingsPerRule: Int = 1_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxDiagnostics = maxDiagnostics
        self.maxFindingsPerRule = max(1, maxFindingsPerRule)
    }

    public static let `default` = ResourceListsLimits()
}
