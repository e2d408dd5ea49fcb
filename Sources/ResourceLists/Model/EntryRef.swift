/// `<entry-ref>`: an entry included by reference, a relative HTTP URI
/// resolved against the XCAP root (RFC 4826 §3.1).
///
/// ```
/// <xs:complexType name="entry-refType">
///  <xs:sequence>
///   <xs:element name="display-name" type="display-nameType" minOccurs="0"/>
///   <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
///  </xs:sequence>
///  <xs:attribute name="ref" type="xs:anyURI" use="required"/>
///  <xs:anyAttribute namespace="##other" processContents="lax"/>
/// </xs:complexType>
/// ```
public struct EntryRef: Sendable, Hashable {
    /// `ref`; nil when absent (schema-invalid).
    public var ref: String?
    public var copyControl: CopyControlAttributes
    public var attributes: [GenericAttribute]
    public var children: [EntryChild]

    public init(ref: String?, displayName: DisplayName? = nil, copyControl: CopyControlAttributes = .none,
                attributes: [GenericAttribute] = [], extensions: [GenericElement] = []) {
        self.ref = ref
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = (displayName.map { [EntryChild.displayName($0)] } ?? []) + extensions.map { .other($0) }
    }

    public init(ref: String?, copyControl: CopyControlAttributes, attributes: [GenericAttribute], children: [EntryChild]) {
        self.ref = ref
        self.copyControl = copyControl
        self.attributes = attributes
        self.children = children
    }

    public var displayName: DisplayName? { children.lazy.compactMap(\.displayName).first }
}
