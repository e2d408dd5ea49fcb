/// `<display-name>`: a human-readable name with an optional `xml:lang`
/// (RFC 4826 §3.1).
///
/// ```
/// <xs:complexType name="display-nameType">
///  <xs:simpleContent>
///   <xs:extension base="xs:string">
///    <xs:attribute ref="xml:lang"/>
///   </xs:extension>
///  </xs:simpleContent>
/// </xs:complexType>
/// ```
public struct DisplayName: Sendable, Hashable {
    /// `xml:lang`, verbatim.
    public var lang: String?
    /// Any other attribute (the schema allows none).
    public var attributes: [GenericAttribute]
    /// The content exactly as read (all text kept, whitespace included).
    /// Elements are not allowed (simple content) but are kept to be reported.
    public var content: [GenericContent]

    public init(_ value: String, lang: String? = nil) {
        self.lang = lang
        self.attributes = []
        self.content = value.isEmpty ? [] : [.text(value)]
    }

    public init(lang: String?, attributes: [GenericAttribute], content: [GenericContent]) {
        self.lang = lang
        self.attributes = attributes
        self.content = content
    }

    /// The text content.
    public var value: String {
        content.reduce(into: "") { s, c in if case .text(let t) = c { s += t } }
    }
}
