import MediasecCore
import ResourceLists

/// RFC 4826 §3: the document structure the schema (§3.2) and the prose
/// (§3.1, §3.4) define — lists, entries, entry-refs, externals,
/// display-name with xml:lang, order, attributes, extension points (§6).
enum ResourceListsStructureVectors {
    typealias T = ResourceListsText
    typealias E = ResourceListsExpected
    typealias R = ResourceListsRules

    static let rfc4826Example = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
     <list name="friends">
      <entry uri="sip:bill@example.com">
       <display-name>Bill Doe</display-name>
      </entry>
      <entry-ref ref="resource-lists/users/sip:bill@example.com/index/~~/resource-lists/list%5b@name=%22list1%22%5d/entry%5b@uri=%22sip:petri@example.com%22%5d"/>
      <list name="close-friends">
       <display-name>Close Friends</display-name>
       <entry uri="sip:joe@example.com">
        <display-name>Joe Smith</display-name>
       </entry>
       <entry uri="sip:nancy@example.com">
        <display-name>Nancy Gross</display-name>
       </entry>
       <external anchor="http://xcap.example.org/resource-lists/users/sip:a@example.org/index/~~/resource-lists/list%5b@name=%22mkting%22%5d">
         <display-name>Marketing</display-name>
        </external>
      </list>
     </list>
    </resource-lists>

    """

    static let ext = "urn:example:ext"

    static func build(_ s: ResourceListsVectorSet) {
        let core = ["RFC 4826 §3.2"]
        s.add("example::rfc4826-section-3-3", "The RFC 4826 §3.3 example: nested lists, entries with display names, an XCAP entry-ref and an external anchor.",
              refs: ["RFC 4826 §3.3", "RFC 4826 §3.2"], flags: ["rfc-example"]) {
            .valid(rfc4826Example).pinning(E.root([E.list("friends", [
                E.entry("sip:bill@example.com", children: [E.displayName("Bill Doe")]),
                E.entryRef("resource-lists/users/sip:bill@example.com/index/~~/resource-lists/list%5b@name=%22list1%22%5d/entry%5b@uri=%22sip:petri@example.com%22%5d"),
                E.list("close-friends", [E.displayName("Close Friends"), E.entry("sip:joe@example.com", children: [E.displayName("Joe Smith")]),
                                         E.entry("sip:nancy@example.com", children: [E.displayName("Nancy Gross")]),
                                         E.external("http://xcap.example.org/resource-lists/users/sip:a@example.org/index/~~/resource-lists/list%5b@name=%22mkting%22%5d")]),
            ])]))
        }
        s.add("document::empty-root", "<resource-lists/> with no list: the schema's sequence of lists has minOccurs 0.", refs: core, flags: ["clean-baseline", "boundary"]) {
            .valid(T.doc("")).pinning(E.root([]))
        }
        s.add("document::empty-list", "One <list/> with no name and no members: every list child is optional.", refs: core, flags: ["clean-baseline", "boundary"]) {
            .valid(T.doc(" <list/>")).pinning(E.root([E.list(nil, [])]))
        }
        s.add("document::no-declaration", "No XML declaration: optional in XML 1.0 (§2.8); the document is UTF-8 by default.", refs: ["RFC 4826 §3.1", "XML 1.0 §2.8"], flags: ["clean-baseline"]) {
            .valid(T.doc(" <list name=\"a\">\n" + T.entry("sip:alice@example.com") + "\n </list>", declaration: false))
                .pinning(E.root([E.list("a", [E.entry("sip:alice@example.com")])]))
        }
        s.add("document::standalone-declaration", "XML declaration with version 1.0, encoding UTF-8 and standalone=\"yes\".", refs: ["RFC 4826 §3.1", "XML 1.0 §2.9"], flags: ["clean-baseline"]) {
            .valid("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\"/></list></resource-lists>")
        }
        s.add("document::prefixed-namespace", "The resource-lists namespace bound to a prefix (rl:) instead of the default namespace: same expanded names.", refs: ["RFC 4826 §3.1", "Namespaces in XML 1.0 §6"], flags: ["clean-baseline"]) {
            .valid("<rl:resource-lists xmlns:rl=\"\(T.rl)\"><rl:list name=\"p\"><rl:entry uri=\"sip:a@example.com\"/></rl:list></rl:resource-lists>")
                .pinning(E.root([E.list("p", [E.entry("sip:a@example.com")])]))
        }
        s.add("document::comments-and-pi", "Comments and a processing instruction between members are not content and are ignored.", refs: ["RFC 4826 §3.2", "XML 1.0 §2.5", "XML 1.0 §2.6"], flags: ["clean-baseline"]) {
            .valid(T.list("  <!-- first -->\n" + T.entry("sip:a@example.com") + "\n  <?app hint?>\n" + T.entry("sip:b@example.com")))
                .pinning(E.root([E.list(nil, [E.entry("sip:a@example.com"), E.entry("sip:b@example.com")])]))
        }
        s.add("list::display-name-first", "A list with display-name, then an entry, an entry-ref, an external and a sub-list, in schema order.", refs: core, flags: ["clean-baseline"]) {
            .valid(T.doc(" <list name=\"team\">\n  <display-name>Team</display-name>\n  <entry uri=\"sip:a@example.com\"/>\n  <entry-ref ref=\"resource-lists/users/sip:a@example.com/index/~~/resource-lists/list%5b@name=%22x%22%5d\"/>\n  <external anchor=\"https://xcap.example.com/resource-lists/users/sip:b@example.com/index/~~/resource-lists/list%5b@name=%22y%22%5d\"/>\n  <list name=\"sub\"/>\n </list>"))
        }
        s.add("list::nested-three-levels", "Lists nested three deep, each with a name unique among its siblings.", refs: ["RFC 4826 §3.2", "RFC 4826 §3.4.5"], flags: ["clean-baseline"]) {
            .valid(T.doc(" <list name=\"a\">\n  <list name=\"b\">\n   <list name=\"c\">\n    <entry uri=\"sip:deep@example.com\"/>\n   </list>\n  </list>\n </list>"))
                .pinning(E.root([E.list("a", [E.list("b", [E.list("c", [E.entry("sip:deep@example.com")])])])]))
        }
        s.add("display-name::xml-lang", "display-name carrying xml:lang=\"en\" and a non-ASCII value in UTF-8.", refs: ["RFC 4826 §3.2", "XML 1.0 §2.12"], flags: ["clean-baseline"]) {
            .valid(T.list("  <entry uri=\"sip:j@example.com\"><display-name xml:lang=\"de-CH\">J\u{FC}rg M\u{FC}ller</display-name></entry>"))
                .pinning(E.root([E.list(nil, [E.entry("sip:j@example.com", children: [E.displayName("J\u{FC}rg M\u{FC}ller", lang: "de-CH")])])]))
        }
        s.add("display-name::xml-lang-empty", "xml:lang=\"\" (no language information): allowed by xml.xsd's union with the empty string.", refs: ["XML 1.0 §2.12", "RFC 4826 §3.2"], flags: ["clean-baseline", "boundary"]) {
            .valid(T.list("  <entry uri=\"sip:j@example.com\"><display-name xml:lang=\"\">J</display-name></entry>"))
        }
        s.add("display-name::cdata-and-references", "display-name text from a CDATA section and character references: text content either way.", refs: ["XML 1.0 §2.7", "XML 1.0 §4.1", "RFC 4826 §3.2"], flags: ["clean-baseline"]) {
            .valid(T.list("  <entry uri=\"sip:j@example.com\"><display-name><![CDATA[A & B]]> &#x43;&amp;D</display-name></entry>"))
                .pinning(E.root([E.list(nil, [E.entry("sip:j@example.com", children: [E.displayName("A & B C&D")])])]))
        }
        s.add("extension::element-in-list", "An extension element in its own namespace after the members of a list (xs:any namespace=##other, lax): allowed and kept.", refs: ["RFC 4826 §6", "RFC 4826 §3.2"], flags: ["extension-preserved"]) {
            .valid(T.list(T.entry("sip:a@example.com") + "\n  <x:note xmlns:x=\"\(ext)\" x:level=\"1\">kept</x:note>"))
                .pinning(E.root([E.list(nil, [E.entry("sip:a@example.com"), E.extensionElement(ext, "note")])]))
        }
        s.add("extension::element-in-entry", "An extension element inside an entry after its display-name: allowed and kept.", refs: ["RFC 4826 §6", "RFC 4826 §3.2"], flags: ["extension-preserved"]) {
            .valid(T.list("  <entry uri=\"sip:a@example.com\"><display-name>A</display-name><x:presence xmlns:x=\"\(ext)\">on</x:presence></entry>"))
                .pinning(E.root([E.list(nil, [E.entry("sip:a@example.com", children: [E.displayName("A"), E.extensionElement(ext, "presence")])])]))
        }
        s.add("extension::attributes", "Namespace-qualified extension attributes on list, entry, entry-ref and external (xs:anyAttribute namespace=##other): allowed and kept.", refs: ["RFC 4826 §6", "RFC 4826 §3.2"], flags: ["extension-preserved"]) {
            .valid(T.doc(" <list name=\"l\" x:tag=\"t1\" xmlns:x=\"\(ext)\">\n  <entry uri=\"sip:a@example.com\" x:tag=\"t2\"/>\n  <entry-ref ref=\"a/b\" x:tag=\"t3\"/>\n  <external anchor=\"http://example.com/x\" x:tag=\"t4\"/>\n </list>"))
                .pinning(.object([("children", .array([.object([("otherAttributes", .array([E.attribute(ext, "tag", "t1")])),
                    ("children", .array([.object([("otherAttributes", .array([E.attribute(ext, "tag", "t2")]))]),
                                         .object([("otherAttributes", .array([E.attribute(ext, "tag", "t3")]))]),
                                         .object([("otherAttributes", .array([E.attribute(ext, "tag", "t4")]))])]))])]))]))
        }
        s.add("attribute::xml-space-and-base", "xml:space=\"preserve\" and xml:base on a list: xml-namespace attributes are ##other and valid per xml.xsd.", refs: ["XML 1.0 §2.10", "RFC 4826 §3.2"], flags: ["clean-baseline"]) {
            .valid(T.list(T.entry("sip:a@example.com"), attributes: "xml:space=\"preserve\" xml:base=\"http://example.com/lists/\""))
        }
        s.add("attribute::xsi-schema-location", "xsi:schemaLocation on the root: a hint to schema processors, not an attribute of resource-lists.", refs: ["RFC 4826 §3.2", "XML Schema Part 1 §2.6.3"], flags: ["clean-baseline"]) {
            .valid(T.doc(" <list/>", extra: "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"\(T.rl) resource-lists.xsd\""))
        }
        s.add("list::fifty-entries", "A list of 50 distinct entries.", refs: core, flags: ["clean-baseline"]) {
            .valid(T.entries((1...50).map { "sip:user\($0)@example.com" }))
        }

        // Invalid: one change each.
        s.add("root::attribute-unqualified", "An unqualified attribute on <resource-lists>, which declares none.", refs: ["RFC 4826 §3.2"], flags: ["mutation"]) {
            .invalid(T.doc(" <list/>", extra: "version=\"1\""), [R.rootAttribute.c])
        }
        s.add("root::attribute-extension", "A namespace-qualified attribute on <resource-lists>: the root has no anyAttribute.", refs: ["RFC 4826 §3.2"], flags: ["mutation"]) {
            .invalid(T.doc(" <list/>", extra: "xmlns:x=\"\(ext)\" x:v=\"1\""), [R.rootAttribute.c])
        }
        s.add("element::unknown-in-rl-namespace", "<item> in the resource-lists namespace inside a list: not a member the schema defines.", refs: core, flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com") + "\n  <item uri=\"sip:b@example.com\"/>"), [R.elementUnexpected.c])
        }
        s.add("element::no-namespace", "An element in no namespace inside a list: extensions need their own namespace.", refs: ["RFC 4826 §6", "RFC 4826 §3.2"], flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com") + "\n  <note xmlns=\"\">x</note>"), [R.elementUnexpected.c])
        }
        s.add("element::entry-at-root", "An <entry> directly under <resource-lists>: only <list> is allowed there.", refs: core, flags: ["mutation"]) {
            .invalid(T.doc(" <entry uri=\"sip:a@example.com\"/>"), [R.elementUnexpected.c])
        }
        s.add("element::markup-in-display-name", "An element inside display-name, which has simple string content.", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name>A <x:b xmlns:x=\"\(ext)\">B</x:b></display-name></entry>"), [R.elementUnexpected.c])
        }
        s.add("element::entry-in-entry", "An <entry> nested in an <entry>: entry content is display-name? then ##other only.", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><entry uri=\"sip:b@example.com\"/></entry>"), [R.elementUnexpected.c])
        }
        s.add("order::display-name-after-entry", "display-name after an entry: it must come first.", refs: core, flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com") + "\n  <display-name>Late</display-name>"), [R.elementOrder.c])
        }
        s.add("order::two-display-names", "Two display-name children of one list: maxOccurs is 1.", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  <display-name>One</display-name>\n  <display-name>Two</display-name>"), [R.elementOrder.c])
        }
        s.add("order::entry-after-extension", "An entry after an extension element: members come before the ##other part.", refs: ["RFC 4826 §3.2", "RFC 4826 §6"], flags: ["mutation"]) {
            .invalid(T.list("  <x:note xmlns:x=\"\(ext)\"/>\n" + T.entry("sip:a@example.com")), [R.elementOrder.c])
        }
        s.add("order::entry-display-name-after-extension", "Inside an entry, display-name after an extension element.", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><x:n xmlns:x=\"\(ext)\"/><display-name>A</display-name></entry>"), [R.elementOrder.c])
        }
        s.add("text::in-list", "Character data directly in a list (element-only content).", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  sip:a@example.com\n" + T.entry("sip:b@example.com")), [R.textUnexpected.c])
        }
        s.add("text::in-entry", "Character data in an entry (its name belongs in display-name).", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\">Alice</entry>"), [R.textUnexpected.c])
        }
        s.add("text::in-root", "Character data directly in <resource-lists>.", refs: core, flags: ["mutation"]) {
            .invalid(T.doc(" friends\n <list/>"), [R.textUnexpected.c])
        }
        s.add("attribute::unqualified-on-entry", "An unqualified attribute other than uri on an entry: extension attributes must be namespace-qualified.", refs: ["RFC 4826 §3.2", "RFC 4826 §6"], flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com", "name=\"alice\"")), [R.attributeUnexpected.c])
        }
        s.add("attribute::unqualified-on-list", "An unqualified attribute other than name on a list.", refs: ["RFC 4826 §3.2", "RFC 4826 §6"], flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com"), attributes: "id=\"1\""), [R.attributeUnexpected.c])
        }
        s.add("attribute::rl-namespace", "An attribute in the resource-lists namespace (rl:name): the namespace defines no attributes and ##other excludes it.", refs: core, flags: ["mutation"]) {
            .invalid(T.doc(" <list xmlns:rl=\"\(T.rl)\" rl:name=\"x\"/>"), [R.attributeUnexpected.c])
        }
        s.add("attribute::on-display-name", "An extension attribute on display-name, which takes xml:lang only.", refs: core, flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name xmlns:x=\"\(ext)\" x:v=\"1\">A</display-name></entry>"), [R.attributeUnexpected.c])
        }
        s.add("attribute::xsi-type", "xsi:type on a list: type substitution is not supported by the resource-lists schema.", refs: ["RFC 4826 §3.2", "XML Schema Part 1 §2.6.1"], flags: ["mutation"]) {
            .invalid(T.doc(" <list xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"listType\"/>"), [R.attributeUnexpected.c])
        }
        s.add("entry::uri-missing", "An entry without its mandatory uri attribute.", refs: ["RFC 4826 §3.1", "RFC 4826 §3.2"], flags: ["mutation"]) {
            .invalid(T.list("  <entry><display-name>Nobody</display-name></entry>"), [R.uriMissing.c])
        }
        s.add("entry-ref::ref-missing", "An entry-ref without its mandatory ref attribute.", refs: ["RFC 4826 §3.1", "RFC 4826 §3.2"], flags: ["mutation"]) {
            .invalid(T.list("  <entry-ref/>"), [R.refMissing.c])
        }
        s.add("display-name::xml-lang-invalid", "xml:lang=\"en_US\": the underscore is not in a language tag (RFC 3066 / xs:language).", refs: ["XML 1.0 §2.12", "RFC 4826 §3.2"], flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name xml:lang=\"en_US\">A</display-name></entry>"), [R.xmlLangValue.c])
        }
        s.add("display-name::xml-lang-long-subtag", "xml:lang with a 9-letter primary subtag: xs:language allows 1 to 8.", refs: ["XML 1.0 §2.12", "XML Schema Part 2 §3.3.3"], flags: ["mutation", "boundary"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name xml:lang=\"abcdefghi\">A</display-name></entry>"), [R.xmlLangValue.c])
        }
        s.add("attribute::xml-space-invalid", "xml:space=\"keep\": only default and preserve are defined.", refs: ["XML 1.0 §2.10"], flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com"), attributes: "xml:space=\"keep\""), [R.xmlSpaceValue.c])
        }
        s.add("document::xml-version-1-1", "XML declaration version 1.1: resource lists MUST be XML 1.0 (libxml2 also warns about the version).", refs: ["RFC 4826 §3.1"], flags: ["mutation"]) {
            .invalid("<?xml version=\"1.1\" encoding=\"UTF-8\"?>\n<resource-lists xmlns=\"\(T.rl)\"><list/></resource-lists>", [R.xmlVersion.c])
        }
    }
}
