/// `<external>`: a whole list stored elsewhere, named by an absolute HTTP
/// URI (RFC 4826 §3.1).
///
/// ```
/// <xs:complexType name="externalType">
///  <xs:sequence>
///   <xs:element name="display-name" type="display-nameType" minOccurs="0"/>
///   <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
///  </xs:sequence>
///  <xs:attribute name="anchor" type="xs:anyURI" use="required"/>   <!-- IANA; RFC 4826 §3.2 prints it optional -->
///  <xs:anyAttribute namespace="##other" processContents="lax"/>
/// </xs:complexType>
/// ```
public struct External: Sendable, Hashable {
    /// `anchor`; nil when absent.
    public var anchor: String?
    public var copyControl: CopyControlAttributes
    public var attributes: [GenericAttribute]
    public var children: [EntryChild]

    public init(anchor: String?, displayName: DisplayName? = nil, copyControl: CopyControlAttributes = .none,
                attributes: [GenericAttribute] = [], extensions: [GenericElement] = []) {
        self.anchor = anchor
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = (displayName.map { [EntryChild.displayName($0)] } ?? []) + extensions.map { .other($0) }
    }

    public init(anchor: String?, copyControl: CopyControlAttributes, attributes: [GenericAttribute], children: [EntryChild]) {
        self.anchor = anchor
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = children
    }

    public var displayName: DisplayName? { children.lazy.compactMap(\.displayName).first }
}
