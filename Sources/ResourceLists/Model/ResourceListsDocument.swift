/// A resource lists document: the `<resource-lists>` root (RFC 4826 §3.1).
///
/// ```
/// <xs:element name="resource-lists">
///  <xs:complexType>
///   <xs:sequence minOccurs="0" maxOccurs="unbounded">
///    <xs:element name="list" type="listType"/>
///   </xs:sequence>
///  </xs:complexType>
/// </xs:element>
/// ```
///
/// The model is the typed tree in document order. Prefixes, namespace
/// declarations, comments, processing instructions, the XML declaration and
/// whitespace between elements are not part of it; the canonical encoder
/// (``ResourceListsEncoder``) supplies them. Every value the decoder
/// produces re-encodes to a document that decodes to the same value.
public struct ResourceListsDocument: Sendable, Hashable {
    /// Attributes of the root (the schema allows none).
    public var attributes: [GenericAttribute]
    public var children: [RootChild]

    public init(lists: [ResourceList] = [], attributes: [GenericAttribute] = []) {
        self.attributes = attributes
        self.children = lists.map { .list($0) }
    }

    public init(attributes: [GenericAttribute], children: [RootChild]) {
        self.attributes = attributes
        self.children = children
    }

    /// The `<list>` children in order.
    public var lists: [ResourceList] {
        children.compactMap { if case .list(let l) = $0 { l } else { nil } }
    }

    /// Every entry in the document, depth first.
    public var allEntries: [Entry] { lists.flatMap(\.allEntries) }
}

/// A child of `<resource-lists>` in document order.
public enum RootChild: Sendable, Hashable {
    case list(ResourceList)
    /// An element other than `<list>` (not allowed).
    case other(GenericElement)
    /// Character data other than whitespace (not allowed).
    case text(String)
}
