/// `<entry>`: one resource, named by a URI (RFC 4826 §3.1), with the
/// RFC 5364 copy-control attributes.
///
/// ```
/// <xs:complexType name="entryType">
///  <xs:sequence>
///   <xs:element name="display-name" minOccurs="0"> … display-nameType … </xs:element>
///   <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
///  </xs:sequence>
///  <xs:attribute name="uri" type="xs:anyURI" use="required"/>
///  <xs:anyAttribute namespace="##other" processContents="lax"/>
/// </xs:complexType>
/// ```
public struct Entry: Sendable, Hashable {
    /// `uri`; nil when absent (schema-invalid, reported by the validator).
    public var uri: String?
    public var copyControl: CopyControlAttributes
    /// Other attributes in document order (see ``GenericAttribute``).
    public var attributes: [GenericAttribute]
    public var children: [EntryChild]

    public init(uri: String?, displayName: DisplayName? = nil, copyControl: CopyControlAttributes = .none,
                attributes: [GenericAttribute] = [], extensions: [GenericElement] = []) {
        self.uri = uri
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = (displayName.map { [EntryChild.displayName($0)] } ?? []) + extensions.map { .other($0) }
    }

    public init(uri: String?, copyControl: CopyControlAttributes, attributes: [GenericAttribute], children: [EntryChild]) {
        self.uri = uri
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = children
    }

    /// The first `<display-name>` child.
    public var displayName: DisplayName? { children.lazy.compactMap(\.displayName).first }
}

/// A child of `<entry>`, `<entry-ref>` or `<external>` (the three share the
/// content model `display-name?, ##other*`), in document order.
public enum EntryChild: Sendable, Hashable {
    case displayName(DisplayName)
    /// An extension element, or an element not allowed here.
    case other(GenericElement)
    /// Character data other than whitespace (not allowed: element content).
    case text(String)

    public var displayName: DisplayName? { if case .displayName(let d) = self { d } else { nil } }
}
