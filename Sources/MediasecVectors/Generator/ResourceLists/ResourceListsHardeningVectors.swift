import MediasecCore
import ResourceLists

/// The XML layer and the decoder's hardening (FACTS.md §6, §9): DOCTYPE,
/// XXE and entity expansion, non-UTF-8 input, well-formedness and
/// namespace errors, xml:id, the root element, and the named limits.
enum ResourceListsHardeningVectors {
    typealias T = ResourceListsText

    static let doctype = "resource-lists.xml.doctype"
    static let encoding = "resource-lists.xml.encoding"
    static let wellFormed = "resource-lists.xml.not-well-formed"
    static let namespace = "resource-lists.xml.namespace"
    static let validity = "resource-lists.xml.validity"
    static let root = "resource-lists.root.element"
    static let body = "<resource-lists xmlns=\"\(T.rl)\"><list name=\"n\"><entry uri=\"sip:a@example.com\"/></list></resource-lists>"

    static func nested(_ depth: Int) -> String {
        // resource-lists is level 1: depth - 1 lists.
        "<resource-lists xmlns=\"\(T.rl)\">" + String(repeating: "<list>", count: depth - 1) + String(repeating: "</list>", count: depth - 1) + "</resource-lists>"
    }

    static func build(_ s: ResourceListsVectorSet) {
        let harden = ["XML 1.0 §2.8", "XML 1.0 §4.2", "RFC 4826 §3.2"]
        // DOCTYPE, XXE, entity expansion.
        s.add("doctype::bare", "A DOCTYPE without a subset: rejected (resource lists have no DTD).", refs: harden, flags: ["bug-shape-doctype"]) {
            .invalid("<?xml version=\"1.0\"?>\n<!DOCTYPE resource-lists>\n" + body, [doctype])
        }
        s.add("doctype::internal-subset", "A DOCTYPE with an internal subset declaring an attribute default.", refs: harden, flags: ["bug-shape-doctype"]) {
            .invalid("<!DOCTYPE resource-lists [<!ATTLIST list name CDATA \"injected\">]>\n" + body, [doctype])
        }
        s.add("xxe::file-entity-in-content", "XXE: an external general entity naming file:///etc/passwd, referenced in a display-name.", refs: harden, flags: ["bug-shape-xxe", "bug-shape-doctype", "hostile-input"]) {
            .invalid("<?xml version=\"1.0\"?>\n<!DOCTYPE resource-lists [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\"><display-name>&x;</display-name></entry></list></resource-lists>", [doctype])
        }
        s.add("xxe::file-entity-in-attribute", "XXE: an external entity referenced in a list name (attribute value).", refs: harden, flags: ["bug-shape-xxe", "bug-shape-doctype", "hostile-input"]) {
            .invalid("<!DOCTYPE resource-lists [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<resource-lists xmlns=\"\(T.rl)\"><list name=\"&x;\"/></resource-lists>", [doctype])
        }
        s.add("xxe::external-subset", "XXE: an external DTD subset (SYSTEM identifier) that a DTD-loading parser would fetch.", refs: harden, flags: ["bug-shape-xxe", "bug-shape-doctype", "hostile-input"]) {
            .invalid("<!DOCTYPE resource-lists SYSTEM \"http://attacker.example/x.dtd\">\n" + body, [doctype])
        }
        s.add("xxe::parameter-entity", "XXE: an external parameter entity expanded inside the internal subset.", refs: harden, flags: ["bug-shape-xxe", "bug-shape-doctype", "hostile-input"]) {
            .invalid("<!DOCTYPE resource-lists [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n" + body, [doctype])
        }
        s.add("xxe::bare-path", "XXE: an external entity with a bare path (no scheme).", refs: harden, flags: ["bug-shape-xxe", "bug-shape-doctype", "hostile-input"]) {
            .invalid("<!DOCTYPE resource-lists [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\"><display-name>&x;</display-name></entry></list></resource-lists>", [doctype])
        }
        func laughs(inAttribute: Bool) -> String {
            var entities = "<!ENTITY lol \"lol\">"
            for i in 1...9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&\(i == 1 ? "lol" : "lol\(i - 1)");", count: 10) + "\">" }
            let inner = inAttribute ? "<list name=\"&lol9;\"/>" : "<list><entry uri=\"sip:a@example.com\"><display-name>&lol9;</display-name></entry></list>"
            return "<?xml version=\"1.0\"?>\n<!DOCTYPE resource-lists [\(entities)]>\n<resource-lists xmlns=\"\(T.rl)\">\(inner)</resource-lists>"
        }
        s.add("billion-laughs::content", "Billion laughs: ten levels of ten-fold internal entities (10^9 'lol') referenced in element content.", refs: harden, flags: ["bug-shape-billion-laughs", "bug-shape-doctype", "hostile-input"]) {
            .invalid(laughs(inAttribute: false), [doctype])
        }
        s.add("billion-laughs::attribute", "Billion laughs referenced in an attribute value.", refs: harden, flags: ["bug-shape-billion-laughs", "bug-shape-doctype", "hostile-input"]) {
            .invalid(laughs(inAttribute: true), [doctype])
        }
        s.add("entity::undeclared", "A reference to an undeclared entity (&nbsp;) without any DTD: not well-formed (XML 1.0 §4.1 WFC: Entity Declared).", refs: ["XML 1.0 §4.1"], flags: ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name>A&nbsp;B</display-name></entry>"), [wellFormed])
        }
        s.add("entity::predefined-and-character", "The five predefined entities and character references: allowed, no DTD needed.", refs: ["XML 1.0 §4.6", "XML 1.0 §4.1"], flags: ["clean-baseline"]) {
            .valid(T.list("  <entry uri=\"sip:a@example.com\"><display-name>&lt;&gt;&amp;&apos;&quot; &#65;&#x42;</display-name></entry>"))
                .pinning(ResourceListsExpected.root([ResourceListsExpected.list(nil, [ResourceListsExpected.entry("sip:a@example.com", children: [ResourceListsExpected.displayName("<>&'\" AB")])])]))
        }

        // Encodings.
        let utf8Refs = ["RFC 4826 §3.1", "RFC 3629 §4"]
        let latin = "<resource-lists xmlns=\"\(T.rl)\"><list name=\"caf\u{E9}\"/></resource-lists>"
        s.add("encoding::declared-iso-8859-1", "encoding=\"ISO-8859-1\" with a Latin-1 byte: RFC 4826 requires UTF-8 (a transcoding parser would accept it).", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8) + latin.unicodeScalars.map { UInt8($0.value) }, [encoding])
        }
        s.add("encoding::declared-us-ascii", "encoding=\"US-ASCII\" on ASCII-only content: the declaration names an encoding other than UTF-8, which RFC 4826 §3.1 requires; any other declared name is rejected, even when the bytes happen to be UTF-8 too.", refs: utf8Refs, flags: ["bug-shape-non-utf8"]) {
            .invalid("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n" + body, [encoding])
        }
        s.add("encoding::declared-utf8-no-hyphen", "encoding=\"UTF8\": not the registered name UTF-8.", refs: utf8Refs + ["XML 1.0 §4.3.3"], flags: ["bug-shape-non-utf8"]) {
            .invalid("<?xml version=\"1.0\" encoding=\"UTF8\"?>\n" + body, [encoding])
        }
        s.add("encoding::declared-lowercase-utf-8", "encoding=\"utf-8\": encoding names are case-insensitive (XML 1.0 §4.3.3).", refs: ["XML 1.0 §4.3.3", "RFC 4826 §3.1"], flags: ["clean-baseline"]) {
            .valid("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + body)
        }
        s.add("encoding::utf8-bom", "A UTF-8 byte order mark before the declaration: allowed.", refs: ["XML 1.0 §4.3.3", "RFC 4826 §3.1"], flags: ["clean-baseline", "byte-level"]) {
            .valid("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body)
        }
        s.add("encoding::undeclared-latin1-byte", "A Latin-1 byte (0xE9) in an undeclared document: invalid UTF-8.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: latin.unicodeScalars.map { UInt8($0.value) }, [encoding])
        }
        s.add("encoding::utf16le-bom", "UTF-16LE with a byte order mark.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: [0xFF, 0xFE] + body.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, [encoding])
        }
        s.add("encoding::utf16be-no-bom", "UTF-16BE without a byte order mark (detected from 00 3C).", refs: utf8Refs + ["XML 1.0 Appendix F"], flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: body.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, [encoding])
        }
        s.add("encoding::utf32be-bom", "UTF-32BE with a byte order mark.", refs: utf8Refs + ["XML 1.0 Appendix F"], flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: [0x00, 0x00, 0xFE, 0xFF] + body.unicodeScalars.flatMap { [0, 0, UInt8($0.value >> 8), UInt8($0.value & 0xFF)] }, [encoding])
        }
        s.add("encoding::ebcdic", "EBCDIC (4C 6F A7 94 is '<?xm' in EBCDIC).", refs: utf8Refs + ["XML 1.0 Appendix F"], flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: [0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40], [encoding])
        }
        func inName(_ bad: [UInt8]) -> [UInt8] { Array("<resource-lists xmlns=\"\(T.rl)\"><list name=\"a".utf8) + bad + Array("\"/></resource-lists>".utf8) }
        s.add("encoding::overlong-slash", "An overlong two-byte encoding of '/' (C0 AF), the classic path-traversal disguise.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: inName([0xC0, 0xAF]), [encoding])
        }
        s.add("encoding::surrogate", "An encoded UTF-16 surrogate (ED A0 80): not a Unicode scalar value.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: inName([0xED, 0xA0, 0x80]), [encoding])
        }
        s.add("encoding::above-u10ffff", "F4 90 80 80: above U+10FFFF.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: inName([0xF4, 0x90, 0x80, 0x80]), [encoding])
        }
        s.add("encoding::truncated-sequence", "A three-byte sequence cut after two bytes (E2 82) before the quote.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: inName([0xE2, 0x82]), [encoding])
        }
        s.add("encoding::byte-ff", "A 0xFF byte: never valid in UTF-8.", refs: utf8Refs, flags: ["bug-shape-non-utf8", "byte-level"]) {
            .invalid(bytes: inName([0xFF]), [encoding])
        }
        s.add("encoding::four-byte-scalar", "A four-byte UTF-8 scalar (U+1F600) in a display-name: valid.", refs: utf8Refs, flags: ["clean-baseline"]) {
            .valid(T.list("  <entry uri=\"sip:a@example.com\"><display-name>smile \u{1F600}</display-name></entry>"))
        }

        // Well-formedness.
        let xml = ["XML 1.0 §2.1"]
        let notWF: [(String, String, [UInt8])] = [
            ("empty-input", "an empty input (no root element)", []),
            ("declaration-only", "an XML declaration and nothing else", Array("<?xml version=\"1.0\"?>\n".utf8)),
            ("unclosed-root", "an unclosed root and list", Array("<resource-lists xmlns=\"\(T.rl)\"><list>".utf8)),
            ("mismatched-end-tag", "an end tag that does not match (XML 1.0 §3 WFC: Element Type Match)", Array("<resource-lists xmlns=\"\(T.rl)\"><list></entry></resource-lists>".utf8)),
            ("two-roots", "a second root element after the first", Array("<resource-lists xmlns=\"\(T.rl)\"/><resource-lists xmlns=\"\(T.rl)\"/>".utf8)),
            ("trailing-text", "text after the root element", Array("<resource-lists xmlns=\"\(T.rl)\"/>trailing".utf8)),
            ("unquoted-attribute", "an unquoted attribute value", Array("<resource-lists xmlns=\"\(T.rl)\"><list name=a/></resource-lists>".utf8)),
            ("lt-in-attribute", "a raw < in an attribute value (XML 1.0 §3.1 WFC: No < in Attribute Values)", Array("<resource-lists xmlns=\"\(T.rl)\"><list name=\"a<b\"/></resource-lists>".utf8)),
            ("duplicate-attribute", "the same attribute twice on one element (XML 1.0 §3.1 WFC: Unique Att Spec)", Array("<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\" uri=\"sip:b@example.com\"/></list></resource-lists>".utf8)),
            ("bare-ampersand", "a bare & in text", Array("<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\"><display-name>A & B</display-name></entry></list></resource-lists>".utf8)),
            ("double-hyphen-comment", "-- inside a comment (XML 1.0 §2.5)", Array("<resource-lists xmlns=\"\(T.rl)\"><!-- a -- b --><list/></resource-lists>".utf8)),
            ("declaration-not-first", "white space before the XML declaration (it must start the document)", Array(" <?xml version=\"1.0\"?><resource-lists xmlns=\"\(T.rl)\"/>".utf8)),
            ("nul-byte", "a NUL byte inside the document (U+0000 is not an XML character)", Array("<resource-lists xmlns=\"\(T.rl)\"><list name=\"a".utf8) + [0x00] + Array("b\"/></resource-lists>".utf8)),
            ("nul-after-root", "a NUL byte after the root element (would end the input for a C-string parser)", Array("<resource-lists xmlns=\"\(T.rl)\"/>".utf8) + [0x00] + Array("<x/>".utf8)),
            ("control-character", "a C0 control character (U+0001) in text: not an XML 1.0 Char", Array("<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\"><display-name>a".utf8) + [0x01] + Array("</display-name></entry></list></resource-lists>".utf8)),
            ("truncated", "a document cut in the middle of a start tag", Array("<?xml version=\"1.0\"?>\n<resource-lists xmlns=\"\(T.rl)\"><list name=\"n\"><entry uri=\"sip:a@exa".utf8)),
        ]
        for (name, what, bytes) in notWF {
            s.add("well-formed::\(name)", "Not well-formed: \(what).", refs: xml + ["XML 1.0 §2.8"], flags: ["mutation"]) { .invalid(bytes: bytes, [wellFormed]) }
        }

        // Namespaces.
        let ns = ["Namespaces in XML 1.0 §5", "RFC 4826 §3.1"]
        s.add("namespace::undeclared-element-prefix", "An element with an undeclared prefix (p:list).", refs: ns, flags: ["mutation"]) {
            .invalid("<resource-lists xmlns=\"\(T.rl)\"><p:list/></resource-lists>", [namespace])
        }
        s.add("namespace::undeclared-attribute-prefix", "An attribute with an undeclared prefix (cp:copyControl without xmlns:cp).", refs: ns + ["RFC 5364 §5"], flags: ["mutation"]) {
            .invalid("<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\" cp:copyControl=\"to\"/></list></resource-lists>", [namespace])
        }
        s.add("namespace::prefix-unbinding", "xmlns:cp=\"\": Namespaces in XML 1.0 forbids undeclaring a prefix.", refs: ["Namespaces in XML 1.0 §3"], flags: ["mutation"]) {
            .invalid("<resource-lists xmlns=\"\(T.rl)\" xmlns:cp=\"\"><list/></resource-lists>", [namespace])
        }
        s.add("namespace::attribute-redefined", "Two attributes with the same expanded name through two prefixes bound to one namespace (Namespaces in XML 1.0 §6.3).", refs: ["Namespaces in XML 1.0 §6.3"], flags: ["mutation"]) {
            .invalid("<resource-lists xmlns=\"\(T.rl)\" xmlns:a=\"\(T.cp)\" xmlns:b=\"\(T.cp)\"><list><entry uri=\"sip:a@example.com\" a:copyControl=\"to\" b:copyControl=\"cc\"/></list></resource-lists>", [namespace])
        }
        func relativeDefaults(_ n: Int) -> String {
            "<resource-lists xmlns=\"\(T.rl)\"><list><entry uri=\"sip:a@example.com\"/>" + (1...n).map { "<n xmlns=\"r\($0)\"/>" }.joined() + "</list></resource-lists>"
        }
        s.add("namespace::relative-uri-warning", "An extension element whose default namespace is a relative URI (xmlns=\"r1\"): a libxml2 warning, the document still decodes.",
              refs: ["Namespaces in XML 1.0 §2.2", "RFC 4826 §6"], flags: ["mutation"]) {
            .acceptable(relativeDefaults(1), ["resource-lists.xml.warning"])
        }
        s.add("namespace::many-warnings", "65 extension elements each declaring a relative default namespace: 65 libxml2 warnings, beyond the 64 diagnostics kept; the rest are counted.",
              refs: ["Namespaces in XML 1.0 §2.2"], flags: ["hostile-input", "boundary"]) {
            .acceptable(relativeDefaults(65), ["resource-lists.xml.warning", "resource-lists.limit.diagnostics"])
        }

        // xml:id (checked by libxml2 while parsing).
        s.add("xml-id::not-ncname", "xml:id=\"1a\": an xml:id value must be an NCName.", refs: ["xml:id 1.0 §4"], flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com"), attributes: "xml:id=\"1a\""), [validity])
        }
        s.add("xml-id::duplicate", "The same xml:id on two lists.", refs: ["xml:id 1.0 §4"], flags: ["mutation"]) {
            .invalid(T.doc(" <list xml:id=\"a\"/>\n <list xml:id=\"a\"/>"), [validity])
        }

        // Root element.
        let rootRefs = ["RFC 4826 §3.1"]
        s.add("root::no-namespace", "<resource-lists> in no namespace.", refs: rootRefs, flags: ["mutation"]) {
            .invalid("<resource-lists><list/></resource-lists>", [root])
        }
        s.add("root::namespace-case", "The resource-lists namespace with a capital L: a different namespace.", refs: rootRefs + ["Namespaces in XML 1.0 §2.3"], flags: ["mutation"]) {
            .invalid("<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-Lists\"><list/></resource-lists>", [root])
        }
        s.add("root::other-element", "A root element other than resource-lists (an XCAP list fragment) in the right namespace.", refs: rootRefs, flags: ["mutation"]) {
            .invalid("<entry xmlns=\"\(T.rl)\" uri=\"sip:a@example.com\"/>", [root])
        }
        s.add("root::copycontrol-namespace", "<resource-lists> in the copycontrol namespace.", refs: rootRefs, flags: ["mutation"]) {
            .invalid("<resource-lists xmlns=\"\(T.cp)\"><list/></resource-lists>", [root])
        }

        // Limits.
        let limitRefs = ["RFC 4826 §3.2", "XML 1.0 §3"]
        s.add("depth::at-limit", "64 nested elements (the root and 63 lists): at mediasec's depth limit, accepted.", refs: limitRefs, flags: ["boundary", "hostile-input"]) {
            .valid(nested(64))
        }
        s.add("depth::over-limit", "65 nested elements: one over mediasec's depth limit (64).", refs: limitRefs, flags: ["boundary", "hostile-input", "bug-shape-deep-nesting"]) {
            .invalid(nested(65), ["resource-lists.limit.depth"])
        }
        s.add("depth::over-libxml2-guard", "300 nested elements: deeper than libxml2's own 256 guard too; stopped at 65 by the decoder.", refs: limitRefs, flags: ["hostile-input", "bug-shape-deep-nesting"]) {
            .invalid(nested(300), ["resource-lists.limit.depth"])
        }
        s.add("depth::unclosed-deep", "1000 open <list> tags never closed: stopped at the depth limit, not by running out of stack.", refs: limitRefs, flags: ["hostile-input", "bug-shape-deep-nesting"]) {
            .invalid("<resource-lists xmlns=\"\(T.rl)\">" + String(repeating: "<list>", count: 1000), ["resource-lists.limit.depth"])
        }
        func attributes(_ n: Int) -> String {
            "<resource-lists xmlns=\"\(T.rl)\" xmlns:x=\"urn:example:ext\"><list" + (1...n).map { " x:a\($0)=\"\($0)\"" }.joined() + "/></resource-lists>"
        }
        s.add("attributes::at-limit", "A list with 64 extension attributes: at the attribute limit, accepted.", refs: ["RFC 4826 §6"], flags: ["boundary", "hostile-input", "extension-preserved"]) {
            .valid(attributes(64))
        }
        s.add("attributes::over-limit", "A list with 65 attributes: one over the limit.", refs: ["RFC 4826 §6"], flags: ["boundary", "hostile-input"]) {
            .invalid(attributes(65), ["resource-lists.limit.attributes"])
        }
        s.add("attributes::over-tight-limit", "Nine attributes on one element under the tight limits (8).", refs: ["RFC 4826 §6"], flags: ["boundary", "hostile-input", "tight-limits"]) {
            .invalid(attributes(9), ["resource-lists.limit.attributes"]).tight()
        }
        s.add("elements::at-tight-limit", "64 elements (root and 63 entries) under the tight limits: accepted.", refs: ["RFC 4826 §3.2"], flags: ["boundary", "tight-limits"]) {
            .valid("<resource-lists xmlns=\"\(T.rl)\"><list>" + (1...62).map { "<entry uri=\"sip:u\($0)@x.example\"/>" }.joined() + "</list></resource-lists>").tight()
        }
        s.add("elements::over-tight-limit", "65 elements under the tight limits (64).", refs: ["RFC 4826 §3.2"], flags: ["boundary", "hostile-input", "tight-limits"]) {
            .invalid("<resource-lists xmlns=\"\(T.rl)\"><list>" + (1...63).map { "<entry uri=\"sip:u\($0)@x.example\"/>" }.joined() + "</list></resource-lists>",
                     ["resource-lists.limit.elements"]).tight()
        }
        s.add("bytes::over-tight-limit", "A 4097-byte document under the tight limits (4096).", refs: ["RFC 4826 §3.2"], flags: ["boundary", "hostile-input", "tight-limits"]) {
            let head = "<resource-lists xmlns=\"\(T.rl)\"><list><!--"
            let tail = "--></list></resource-lists>"
            return .invalid(head + String(repeating: "x", count: 4097 - head.utf8.count - tail.utf8.count) + tail, ["resource-lists.limit.bytes"]).tight()
        }
        s.add("bytes::at-tight-limit", "A 4096-byte document under the tight limits: accepted.", refs: ["RFC 4826 §3.2"], flags: ["boundary", "tight-limits"]) {
            let head = "<resource-lists xmlns=\"\(T.rl)\"><list><!--"
            let tail = "--></list></resource-lists>"
            return .valid(head + String(repeating: "x", count: 4096 - head.utf8.count - tail.utf8.count) + tail).tight()
        }
        s.add("diagnostics::over-tight-limit", "Nine relative default namespaces under the tight limits (8 diagnostics): eight warnings kept, one counted.", refs: ["Namespaces in XML 1.0 §2.2"], flags: ["boundary", "tight-limits", "hostile-input"]) {
            .acceptable(relativeDefaults(9), ["resource-lists.xml.warning", "resource-lists.limit.diagnostics"]).tight()
        }
        s.add("diagnostics::error-after-full-cap", "65 warnings fill the diagnostics cap, then the document ends inside an open list: the well-formedness error must still be reported (not only counted).",
              refs: ["XML 1.0 §2.1", "Namespaces in XML 1.0 §2.2"], flags: ["hostile-input", "truncated"]) {
            let full = relativeDefaults(65)
            return .invalid(String(full.prefix(full.utf8.count - "</list></resource-lists>".utf8.count)), [wellFormed])
        }
        s.add("diagnostics::error-after-full-tight-cap", "Nine warnings over the tight cap (8), then a mismatched end tag: the error is kept beyond the cap.",
              refs: ["XML 1.0 §3", "Namespaces in XML 1.0 §2.2"], flags: ["hostile-input", "tight-limits", "truncated"]) {
            let full = relativeDefaults(9)
            return .invalid(full.replacingOccurrences(of: "</list></resource-lists>", with: "</entry></resource-lists>"), [wellFormed]).tight()
        }
    }
}
