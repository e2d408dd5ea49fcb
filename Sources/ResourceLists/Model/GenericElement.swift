/// An attribute the typed model has no field for: extension attributes
/// (`##other` namespaces, RFC 4826 §6), `xml:*` and `xsi:*` attributes, and
/// schema-invalid ones (unqualified or in the resource-lists namespace),
/// kept in document order so that the validator can name them and the
/// encoder can write them back.
public struct GenericAttribute: Sendable, Hashable {
    /// Namespace name; nil for an unqualified attribute.
    public var namespace: String?
    /// Local name (no prefix: prefixes are not part of the model).
    public var name: String
    /// The normalized attribute value (XML 1.0 §3.3.3), as libxml2 reports it.
    public var value: String

    public init(namespace: String?, name: String, value: String) {
        self.namespace = namespace
        self.name = name
        self.value = value
    }

    /// `{namespace}name` (Clark notation), or `name` when unqualified.
    public var expandedName: String { namespace.map { "{\($0)}\(name)" } ?? name }
}

/// Any element kept as plain XML: extension elements (`xs:any
/// namespace="##other"`, RFC 4826 §6) and elements the schema does not
/// allow where they stand (an `<entry>` inside an `<entry>`, an unqualified
/// element, …). The validator reports the latter.
///
/// ```
/// <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
/// ```
public struct GenericElement: Sendable, Hashable {
    /// Namespace name; nil for an element in no namespace.
    public var namespace: String?
    public var name: String
    public var attributes: [GenericAttribute]
    /// Content in document order. The decoder drops whitespace-only text
    /// between child elements when the element has no other text (element
    /// content), and keeps all text otherwise (text or mixed content).
    public var children: [GenericContent]

    public init(namespace: String?, name: String, attributes: [GenericAttribute] = [], children: [GenericContent] = []) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    public var expandedName: String { namespace.map { "{\($0)}\(name)" } ?? name }

    /// The concatenated text of the direct children.
    public var text: String {
        children.reduce(into: "") { s, c in if case .text(let t) = c { s += t } }
    }
}

public enum GenericContent: Sendable, Hashable {
    case element(GenericElement)
    case text(String)
}
