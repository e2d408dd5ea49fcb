/// The schemas the optional XSD cross-check compiles (libxml2 xmlschemas).
///
/// The compiled schema is the copy-control schema, which imports the
/// resource-lists schema, which imports the XML namespace schema; all three
/// texts are embedded (``EmbeddedSchemas``) and served to libxml2 from
/// memory by the module's external-entity loader, which refuses every
/// other URL. Network access stays off (`XML_PARSE_NONET` on the instance;
/// the loader never fetches).
public enum XSDSchemaSet: String, Sendable, Hashable, CaseIterable, Codable {
    /// The IANA registry schemas (`external/@anchor` required).
    case iana
    /// RFC 4826 §3.2 as printed (`external/@anchor` optional) with the
    /// IANA copy-control schema: shows FACTS §10 item 20 as a disagreement.
    case rfc4826Printed

    /// `schemaLocation` that the copy-control schema's import is rewritten
    /// to, so that each set reaches its own resource-lists text.
    var resourceListsLocation: String { "mediasec:schema/\(rawValue)/resource-lists.xsd" }

    var resourceListsText: String {
        switch self {
        case .iana: return EmbeddedSchemas.ianaResourceLists
        case .rfc4826Printed: return EmbeddedSchemas.rfc4826PrintedResourceLists
        }
    }

    /// The copy-control schema with its import pointed at this set's
    /// resource-lists text.
    var mainText: String {
        EmbeddedSchemas.ianaCopyControl.replacing(
            #"schemaLocation="urn:ietf:params:xml:schema:resource-lists""#,
            with: #"schemaLocation=""# + resourceListsLocation + #"""#)
    }

    /// Where the resource-lists schema imports `xml.xsd` from (served locally).
    static let xmlNamespaceLocation = "http://www.w3.org/2001/xml.xsd"
}
