/// Namespace names this module knows. Namespace names compare
/// case-sensitively (Namespaces in XML 1.0 §2.3), which is why RFC 5366's
/// `urn:ietf:params:xml:ns:copyControl` is a *different* namespace.
public enum XMLNamespaces {
    /// RFC 4826 §3.1.
    public static let resourceLists = "urn:ietf:params:xml:ns:resource-lists"
    /// RFC 5364 §5 (all lowercase).
    public static let copyControl = "urn:ietf:params:xml:ns:copycontrol"
    /// Bound to the `xml` prefix by definition (Namespaces in XML 1.0 §3).
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    /// Reserved for namespace declarations; never an attribute's namespace in the model.
    public static let xmlns = "http://www.w3.org/2000/xmlns/"
    /// XML Schema instance attributes (`xsi:type`, `xsi:schemaLocation`, …).
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

    /// The fixed prefixes of the canonical form (see ``ResourceListsEncoder``).
    /// The resource-lists namespace is the default namespace for elements;
    /// `rl` is only used for (schema-invalid) attributes in that namespace.
    static let fixedPrefixes: [(namespace: String, prefix: String)] = [
        (copyControl, "cp"), (xsi, "xsi"), (resourceLists, "rl"),
    ]

    /// True when `a` and `b` differ but are equal ignoring ASCII case.
    static func differOnlyInCase(_ a: String, _ b: String) -> Bool {
        a != b && a.lowercased() == b.lowercased()
    }
}
