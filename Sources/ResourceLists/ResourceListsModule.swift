import CLibXML2

/// resource-lists module; see XML/ and Model/.
public enum ResourceListsModule {
    /// The libxml2 version the module was built against (LIBXML_DOTTED_VERSION).
    public static var libxmlVersion: String { LIBXML_DOTTED_VERSION }
}
