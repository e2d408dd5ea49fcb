import MediasecCore
import ResourceLists

/// The libFuzzer seed corpus and dictionary derived from the resource-lists
/// vectors: `Corpus/resource-lists/<id with :: → .>` (every distinct input
/// of at most ``maxSeedSize`` octets) and `Corpus/resource-lists.dict`,
/// built from the grammar: the XSD's element and attribute names, the
/// namespaces, XML markup that the hardening must refuse, URI schemes and
/// the copy-control values.
public enum ResourceListsCorpusWriter {
    public static let seedDirectory = "resource-lists"
    public static let seedPrefix = "resource-lists."
    public static let dictionaryPath = "resource-lists.dict"
    public static let maxSeedSize = 16 * 1024

    static func files(for vectorFiles: [VectorFile]) -> [GeneratedFile] {
        var seen = Set<[UInt8]>()
        var seeds: [GeneratedFile] = []
        for f in vectorFiles where f.format == "resource-lists" {
            for v in f.vectors where v.input.count <= maxSeedSize && seen.insert(v.input).inserted {
                seeds.append(GeneratedFile(path: "\(seedDirectory)/\(CorpusWriter.seedName(for: v.id))", contents: v.input))
            }
        }
        return seeds.sorted { $0.path < $1.path } + [GeneratedFile(path: dictionaryPath, contents: Array(dictionary().utf8))]
    }

    static func dictionary() -> String {
        var d = CMSCorpusWriter.Dictionary("resource-lists (FuzzResourceLists)")
        d.section("XML markup (XML 1.0 §2.8, §4.2; the decoder refuses DOCTYPE and entities)")
        for (n, s) in [("xml_decl", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), ("xml_decl_open", "<?xml"), ("version_10", "version=\"1.0\""),
                       ("version_11", "version=\"1.1\""), ("encoding_utf8", "encoding=\"UTF-8\""), ("encoding_latin1", "encoding=\"ISO-8859-1\""),
                       ("standalone", "standalone=\"yes\""), ("pi_close", "?>"), ("doctype", "<!DOCTYPE"), ("entity", "<!ENTITY"),
                       ("entity_system", "SYSTEM \"file:///etc/passwd\""), ("pe_ref", "%p;"), ("cdata", "<![CDATA["), ("cdata_close", "]]>"),
                       ("comment", "<!--"), ("comment_close", "-->"), ("empty_close", "/>"), ("end_tag", "</"),
                       ("ref_amp", "&amp;"), ("ref_lt", "&lt;"), ("ref_quot", "&quot;"), ("charref_dec", "&#64;"), ("charref_hex", "&#x41;"),
                       ("undeclared_ref", "&x;"), ("bom", "\u{FEFF}")] {
            d.text(n, s)
        }
        d.section("Namespaces (RFC 4826 §3.1, RFC 5364 §5, RFC 5366 Figure 3's wrong case, XML, XSI)")
        for (n, s) in [("ns_rl", XMLNamespaces.resourceLists), ("ns_cp", XMLNamespaces.copyControl), ("ns_cp_wrong_case", "urn:ietf:params:xml:ns:copyControl"),
                       ("ns_xml", XMLNamespaces.xml), ("ns_xsi", XMLNamespaces.xsi), ("xmlns", "xmlns="), ("xmlns_cp", "xmlns:cp="),
                       ("xmlns_rl", "xmlns:rl="), ("xmlns_xsi", "xmlns:xsi=")] {
            d.text(n, s)
        }
        d.section("Elements (RFC 4826 §3.2)")
        for e in ["resource-lists", "list", "entry", "entry-ref", "external", "display-name"] {
            let n = e.replacingOccurrences(of: "-", with: "_")
            d.text("open_\(n)", "<\(e)")
            d.text("close_\(n)", "</\(e)>")
        }
        d.text("prefixed_list", "<rl:list")
        d.section("Attributes (RFC 4826 §3.2, RFC 5364 §5, XML 1.0 §2.10, §2.12)")
        for (n, s) in [("name", "name=\""), ("uri", "uri=\""), ("ref", "ref=\""), ("anchor", "anchor=\""), ("xml_lang", "xml:lang=\""),
                       ("xml_space", "xml:space=\"preserve\""), ("xml_base", "xml:base=\""), ("xml_id", "xml:id=\""),
                       ("xsi_type", "xsi:type=\""), ("xsi_schema_location", "xsi:schemaLocation=\""),
                       ("cp_copycontrol", "cp:copyControl=\""), ("cp_anonymize", "cp:anonymize=\""), ("cp_count", "cp:count=\"")] {
            d.text(n, s)
        }
        d.section("Copy-control values (RFC 5364 §4, §5)")
        for (n, s) in [("cc_to", "\"to\""), ("cc_cc", "\"cc\""), ("cc_bcc", "\"bcc\""), ("cc_to_upper", "\"TO\""),
                       ("anonymize_true", "anonymize=\"true\""), ("anonymize_false", "anonymize=\"false\""), ("bool_1", "\"1\""), ("bool_0", "\"0\""),
                       ("count_2", "count=\"2\""), ("count_negative", "\"-1\""), ("anonymous", "sip:anonymous@anonymous.invalid")] {
            d.text(n, s)
        }
        d.section("URIs (RFC 3261 §19.1, RFC 3966 §3, RFC 3986, RFC 4826 §3.4.5 XCAP references)")
        for (n, s) in [("sip", "sip:"), ("sips", "sips:"), ("tel", "tel:"), ("tel_global", "tel:+1-201-555-0123"), ("phone_context", ";phone-context="),
                       ("http", "http://"), ("https", "https://"), ("mailto", "mailto:"), ("user_at", "alice@example.com"), ("port", ":5061"),
                       ("transport", ";transport=tcp"), ("lr", ";lr"), ("header", "?subject=x"), ("ipv6", "[2001:db8::1]"), ("pct", "%41"),
                       ("pct_bad", "%zz"), ("xcap_root", "resource-lists/users/"), ("xcap_sep", "/~~/"), ("xcap_pred", "list%5b@name=%22a%22%5d")] {
            d.text(n, s)
        }
        return d.rendered
    }
}
