import Testing
import MediasecCore
@testable import ResourceLists

/// Each rule firing and holding silent (STYLE.md §13: a vector table, one
/// test case per row). `doc(…)` wraps a body in a resource-lists root that
/// declares `cp:`; `x:` is declared as `urn:x` where used.
@Suite struct RuleTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var code: String
        var fires: Bool
        var path: String? = nil
        var profiles: Set<ResourceListsProfileName>? = nil
        var testDescription: String { "\(fires ? "fires" : "silent"): \(name)" }
    }

    static let x = " xmlns:x=\"urn:x\""
    static let all3: Set<ResourceListsProfileName> = [.rfc4826, .rfc5364, .rfc5366]

    static let rows: [Row] = [
        // Structure (what the XSD says).
        Row(name: "root attribute", text: "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\" name=\"x\"/>",
            code: "resource-lists.root.attribute", fires: true, path: "resource-lists@name"),
        Row(name: "root xsi:schemaLocation", text: "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"a b\"/>",
            code: "resource-lists.root.attribute", fires: false),
        Row(name: "entry under root", text: doc("<entry uri=\"sip:a@b\"/>"), code: "resource-lists.element.unexpected", fires: true, path: "resource-lists.entry[0]"),
        Row(name: "unqualified element in list", text: doc("<list><foo xmlns=\"\"/></list>"), code: "resource-lists.element.unexpected", fires: true, path: "resource-lists.list[0].{}foo[0]"),
        Row(name: "entry inside entry", text: doc("<list><entry uri=\"sip:a@b\"><entry uri=\"sip:c@d\"/></entry></list>"), code: "resource-lists.element.unexpected", fires: true,
            path: "resource-lists.list[0].entry[0].entry[0]"),
        Row(name: "markup in display-name", text: doc("<list><display-name>a<x:b/></display-name></list>", extraNamespaces: x), code: "resource-lists.element.unexpected", fires: true,
            path: "resource-lists.list[0].display-name[0].{urn:x}b[0]"),
        Row(name: "extension element after members", text: doc("<list><entry uri=\"sip:a@b\"/><x:e/></list>", extraNamespaces: x), code: "resource-lists.element.unexpected", fires: false),
        Row(name: "display-name after entry", text: doc("<list><entry uri=\"sip:a@b\"/><display-name>n</display-name></list>"), code: "resource-lists.element.order", fires: true,
            path: "resource-lists.list[0].display-name[0]"),
        Row(name: "entry after extension", text: doc("<list><x:e/><entry uri=\"sip:a@b\"/></list>", extraNamespaces: x), code: "resource-lists.element.order", fires: true,
            path: "resource-lists.list[0].entry[0]"),
        Row(name: "two display-names in entry", text: doc("<list><entry uri=\"sip:a@b\"><display-name>a</display-name><display-name>b</display-name></entry></list>"),
            code: "resource-lists.element.order", fires: true, path: "resource-lists.list[0].entry[0].display-name[1]"),
        Row(name: "schema order", text: doc("<list><display-name>d</display-name><entry uri=\"sip:a@b\"><display-name>e</display-name><x:e/></entry><list/><x:e/></list>", extraNamespaces: x),
            code: "resource-lists.element.order", fires: false),
        Row(name: "text in list", text: doc("<list>hello<entry uri=\"sip:a@b\"/></list>"), code: "resource-lists.text.unexpected", fires: true, path: "resource-lists.list[0]#text"),
        Row(name: "whitespace in list", text: doc("<list>\n  \t<entry uri=\"sip:a@b\"/>\n</list>"), code: "resource-lists.text.unexpected", fires: false),
        Row(name: "unqualified attribute on entry", text: doc("<list><entry uri=\"sip:a@b\" foo=\"1\"/></list>"), code: "resource-lists.attribute.unexpected", fires: true,
            path: "resource-lists.list[0].entry[0]@foo"),
        Row(name: "cp attribute on display-name", text: doc("<list><display-name cp:copyControl=\"to\">d</display-name></list>"), code: "resource-lists.attribute.unexpected", fires: true,
            path: "resource-lists.list[0].display-name[0]@cp:copyControl"),
        Row(name: "xsi:type", text: doc("<list xsi:type=\"x\"/>", extraNamespaces: " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""), code: "resource-lists.attribute.unexpected", fires: true),
        Row(name: "qualified extension attribute", text: doc("<list x:a=\"1\"><entry uri=\"sip:a@b\" x:b=\"2\" xml:lang=\"en\"/></list>", extraNamespaces: x), code: "resource-lists.attribute.unexpected", fires: false),
        Row(name: "entry without uri", text: doc("<list><entry/></list>"), code: "resource-lists.entry.uri-missing", fires: true, path: "resource-lists.list[0].entry[0]"),
        Row(name: "entry with uri", text: doc("<list><entry uri=\"\"/></list>"), code: "resource-lists.entry.uri-missing", fires: false),
        Row(name: "entry-ref without ref", text: doc("<list><entry-ref/></list>"), code: "resource-lists.entry-ref.ref-missing", fires: true),
        Row(name: "entry-ref with ref", text: doc("<list><entry-ref ref=\"a/b\"/></list>"), code: "resource-lists.entry-ref.ref-missing", fires: false),
        Row(name: "external without anchor", text: doc("<list><external/></list>"), code: "resource-lists.external.anchor-missing", fires: true),
        Row(name: "external with anchor", text: doc("<list><external anchor=\"http://x/y\"/></list>"), code: "resource-lists.external.anchor-missing", fires: false),
        Row(name: "bad % in uri", text: doc("<list><entry uri=\"sip:a@b%zz\"/></list>"), code: "resource-lists.attribute.any-uri", fires: true, path: "resource-lists.list[0].entry[0]@uri"),
        Row(name: "colon in first relative segment", text: doc("<list><entry-ref ref=\"a b:c\"/></list>"), code: "resource-lists.attribute.any-uri", fires: true),
        Row(name: "space in uri (anyURI escapes it)", text: doc("<list><entry uri=\"sip:a b@c\"/></list>"), code: "resource-lists.attribute.any-uri", fires: false),
        // RFC 3261 §19.1.1 hostport = "[" IPv6address "]"; XML Schema 1.0 anyURI per RFC 2732 admits it, libxml2 (RFC 3986) does not.
        Row(name: "IPv6 SIP entry", text: doc("<list><entry uri=\"sip:alice@[2001:db8::10]:5060\"/></list>"), code: "resource-lists.attribute.any-uri-ipv6", fires: true,
            path: "resource-lists.list[0].entry[0]@uri"),
        Row(name: "IPv6 SIP entry is not an any-uri error", text: doc("<list><entry uri=\"sip:alice@[2001:db8::10]:5060\"/></list>"), code: "resource-lists.attribute.any-uri", fires: false),
        Row(name: "IPv4 SIP entry", text: doc("<list><entry uri=\"sip:alice@192.0.2.1:5060\"/></list>"), code: "resource-lists.attribute.any-uri-ipv6", fires: false),
        Row(name: "IPv6 literal in an entry-ref stays an error", text: doc("<list><entry-ref ref=\"a/[1::2]\"/></list>"), code: "resource-lists.attribute.any-uri-ipv6", fires: false),
        Row(name: "bad xml:lang", text: doc("<list><display-name xml:lang=\"en_US\">d</display-name></list>"), code: "resource-lists.xml-lang.value", fires: true,
            path: "resource-lists.list[0].display-name[0]@xml:lang"),
        Row(name: "bad xml:lang in extension", text: doc("<list><x:e xml:lang=\"!!\"/></list>", extraNamespaces: x), code: "resource-lists.xml-lang.value", fires: true),
        Row(name: "good xml:lang", text: doc("<list><display-name xml:lang=\"en-US\">d</display-name><entry uri=\"sip:a@b\" xml:lang=\"\"/></list>"), code: "resource-lists.xml-lang.value", fires: false),
        Row(name: "bad xml:space", text: doc("<list xml:space=\"keep\"/>"), code: "resource-lists.xml-space.value", fires: true, path: "resource-lists.list[0]@xml:space"),
        Row(name: "good xml:space", text: doc("<list xml:space=\" preserve \"/>"), code: "resource-lists.xml-space.value", fires: false),

        // RFC 4826 prose.
        Row(name: "XML 1.1", text: "<?xml version=\"1.1\"?><resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"/>", code: "resource-lists.xml.version", fires: true),
        Row(name: "XML 1.0", text: doc(""), code: "resource-lists.xml.version", fires: false),
        Row(name: "duplicate top-level list names", text: doc("<list name=\"a\"/><list name=\"a\"/>"), code: "resource-lists.list.name-duplicate", fires: true,
            path: "resource-lists.list[1]@name"),
        Row(name: "duplicate nested list names", text: doc("<list><list name=\"a\"/><list name=\"a\"/></list>"), code: "resource-lists.list.name-duplicate", fires: true),
        Row(name: "list names differing in case / parent", text: doc("<list name=\"a\"><list name=\"a\"/><list name=\"A\"/></list>"), code: "resource-lists.list.name-duplicate", fires: false),
        Row(name: "duplicate entry uris", text: doc("<list><entry uri=\"sip:a@b\"/><entry uri=\"sip:a@b\"/></list>"), code: "resource-lists.entry.uri-duplicate", fires: true,
            path: "resource-lists.list[0].entry[1]@uri"),
        Row(name: "entry uris differing in case", text: doc("<list><entry uri=\"sip:a@b\"/><entry uri=\"sip:a@B\"/></list>"), code: "resource-lists.entry.uri-duplicate", fires: false),
        Row(name: "same uri in two lists", text: doc("<list><entry uri=\"sip:a@b\"/></list><list><entry uri=\"sip:a@b\"/></list>"), code: "resource-lists.entry.uri-duplicate", fires: false),
        Row(name: "duplicate refs", text: doc("<list><entry-ref ref=\"a/b\"/><entry-ref ref=\"a/b\"/></list>"), code: "resource-lists.entry-ref.ref-duplicate", fires: true),
        Row(name: "distinct refs", text: doc("<list><entry-ref ref=\"a/b\"/><entry-ref ref=\"a/c\"/></list>"), code: "resource-lists.entry-ref.ref-duplicate", fires: false),
        Row(name: "duplicate anchors", text: doc("<list><external anchor=\"http://x/y\"/><external anchor=\"http://x/y\"/></list>"), code: "resource-lists.external.anchor-duplicate", fires: true),
        Row(name: "distinct anchors", text: doc("<list><external anchor=\"http://x/y\"/><external anchor=\"http://x/z\"/></list>"), code: "resource-lists.external.anchor-duplicate", fires: false),
        Row(name: "absolute-path ref", text: doc("<list><entry-ref ref=\"/resource-lists/x\"/></list>"), code: "resource-lists.entry-ref.ref-relative-path", fires: true),
        Row(name: "absolute-URI ref", text: doc("<list><entry-ref ref=\"http://x/resource-lists/x\"/></list>"), code: "resource-lists.entry-ref.ref-relative-path", fires: true),
        Row(name: "unescaped space in ref", text: doc("<list><entry-ref ref=\"resource-lists/a b\"/></list>"), code: "resource-lists.entry-ref.ref-relative-path", fires: true),
        Row(name: "relative-path ref", text: doc("<list><entry-ref ref=\"resource-lists/users/sip:a@b/index/~~/resource-lists/list%5b@name=%22x%22%5d\"/></list>"),
            code: "resource-lists.entry-ref.ref-relative-path", fires: false),
        Row(name: "ftp anchor", text: doc("<list><external anchor=\"ftp://x/y\"/></list>"), code: "resource-lists.external.anchor-http", fires: true),
        Row(name: "relative anchor", text: doc("<list><external anchor=\"resource-lists/x\"/></list>"), code: "resource-lists.external.anchor-http", fires: true),
        Row(name: "hostless anchor", text: doc("<list><external anchor=\"http:///x\"/></list>"), code: "resource-lists.external.anchor-http", fires: true),
        Row(name: "http and https anchors", text: doc("<list><external anchor=\"http://x.example/a\"/><external anchor=\"HTTPS://x.example:8443/b?c\"/></list>"),
            code: "resource-lists.external.anchor-http", fires: false),
        Row(name: "uri without scheme", text: doc("<list><entry uri=\"bob@example.com\"/></list>"), code: "resource-lists.entry.uri-syntax", fires: true),
        Row(name: "unescaped space in mailto", text: doc("<list><entry uri=\"mailto:a b@c\"/></list>"), code: "resource-lists.entry.uri-syntax", fires: true),
        Row(name: "other schemes", text: doc("<list><entry uri=\"pres:a@b\"/><entry uri=\"mailto:a@b\"/><entry uri=\"urn:x:y\"/></list>"), code: "resource-lists.entry.uri-syntax", fires: false),
        Row(name: "sip without host", text: doc("<list><entry uri=\"sip:alice@\"/></list>"), code: "resource-lists.entry.sip-uri", fires: true),
        Row(name: "sip with empty user", text: doc("<list><entry uri=\"sip:@example.com\"/></list>"), code: "resource-lists.entry.sip-uri", fires: true),
        Row(name: "sip with bad port", text: doc("<list><entry uri=\"sip:a@example.com:50x\"/></list>"), code: "resource-lists.entry.sip-uri", fires: true),
        Row(name: "sip with % at end", text: doc("<list><entry uri=\"sip:alice%@example.com\"/></list>"), code: "resource-lists.entry.sip-uri", fires: true),
        Row(name: "sip with underscore host", text: doc("<list><entry uri=\"sips:a@ex_ample.com\"/></list>"), code: "resource-lists.entry.sip-uri", fires: true),
        Row(name: "sip with empty parameter", text: doc("<list><entry uri=\"sip:a@example.com;;x\"/></list>"), code: "resource-lists.entry.sip-uri", fires: true),
        Row(name: "good sip uris", text: doc("<list><entry uri=\"sip:alice@example.com;transport=tcp?subject=hi%20there\"/><entry uri=\"sips:[2001:db8::1]:5061\"/><entry uri=\"sip:example.com\"/><entry uri=\"SIP:a%41b:pw@192.0.2.1;lr\"/><entry uri=\"sip:+1-555@gw.example;user=phone\"/></list>"),
            code: "resource-lists.entry.sip-uri", fires: false),
        Row(name: "tel local number without context", text: doc("<list><entry uri=\"tel:7042\"/></list>"), code: "resource-lists.entry.tel-uri", fires: true),
        Row(name: "tel bare plus", text: doc("<list><entry uri=\"tel:+\"/></list>"), code: "resource-lists.entry.tel-uri", fires: true),
        Row(name: "good tel uris", text: doc("<list><entry uri=\"tel:+1-201-555-0123\"/><entry uri=\"tel:7042;phone-context=example.com\"/></list>"), code: "resource-lists.entry.tel-uri", fires: false),

        // RFC 5364.
        Row(name: "copyControl To", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\"To\"/></list>"), code: "resource-lists.copy-control.value", fires: true,
            path: "resource-lists.list[0].entry[0]@cp:copyControl"),
        Row(name: "copyControl with space", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\" to\"/></list>"), code: "resource-lists.copy-control.value", fires: true),
        Row(name: "copyControl in extension content", text: doc("<list><x:e cp:copyControl=\"all\"/></list>", extraNamespaces: x), code: "resource-lists.copy-control.value", fires: true),
        Row(name: "copyControl values", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\"to\"/><entry uri=\"sip:c@b\" cp:copyControl=\"cc\"/><external anchor=\"http://x/y\" cp:copyControl=\"bcc\"/></list>"),
            code: "resource-lists.copy-control.value", fires: false),
        Row(name: "anonymize yes", text: doc("<list><entry uri=\"sip:a@b\" cp:anonymize=\"yes\"/></list>"), code: "resource-lists.copy-control.anonymize-value", fires: true),
        Row(name: "anonymize booleans", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\"to\" cp:anonymize=\" 1 \"/><entry uri=\"sip:c@b\" cp:anonymize=\"false\"/></list>"),
            code: "resource-lists.copy-control.anonymize-value", fires: false),
        Row(name: "count -1", text: doc("<list><entry uri=\"sip:anonymous@anonymous.invalid\" cp:count=\"-1\"/></list>"), code: "resource-lists.copy-control.count-value", fires: true),
        Row(name: "count 1.0", text: doc("<list><entry uri=\"sip:anonymous@anonymous.invalid\" cp:count=\"1.0\"/></list>"), code: "resource-lists.copy-control.count-value", fires: true),
        Row(name: "count empty", text: doc("<list><entry uri=\"sip:anonymous@anonymous.invalid\" cp:count=\"\"/></list>"), code: "resource-lists.copy-control.count-value", fires: true),
        Row(name: "count lexical forms", text: doc("<list><entry uri=\"sip:anonymous@anonymous.invalid\" cp:copyControl=\"to\" cp:count=\"+5\"/><entry uri=\"sip:anonymous@anonymous.invalid\" cp:copyControl=\"cc\" cp:count=\"-0\"/><external anchor=\"http://x/y\" cp:count=\"007\"/></list>"),
            code: "resource-lists.copy-control.count-value", fires: false),
        Row(name: "wrong-case namespace", text: doc("<list><entry uri=\"sip:a@b\" w:copyControl=\"to\"/></list>", extraNamespaces: " xmlns:w=\"urn:ietf:params:xml:ns:copyControl\""),
            code: "resource-lists.copy-control.namespace-case", fires: true, path: "resource-lists.list[0].entry[0]@{urn:ietf:params:xml:ns:copyControl}copyControl"),
        Row(name: "right namespace", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\"to\"/></list>"), code: "resource-lists.copy-control.namespace-case", fires: false),
        Row(name: "cp:foo", text: doc("<list><entry uri=\"sip:a@b\" cp:foo=\"1\"/></list>"), code: "resource-lists.copy-control.unknown-attribute", fires: true),
        Row(name: "no cp:foo", text: doc("<list><entry uri=\"sip:a@b\" cp:count=\"1\"/></list>"), code: "resource-lists.copy-control.unknown-attribute", fires: false),
        Row(name: "same recipient in two lists", text: doc("<list><entry uri=\"sip:Alice@EXAMPLE.com;Transport=TCP\" cp:copyControl=\"bcc\"/></list><list><entry uri=\"sip:%41lice@example.com;transport=tcp\" cp:copyControl=\"to\"/></list>"),
            code: "resource-lists.copy-control.duplicate-uri", fires: true, path: "resource-lists.list[1].entry[0]@uri"),
        Row(name: "different recipients", text: doc("<list><entry uri=\"sip:alice@example.com\"/><entry uri=\"sip:Alice@example.com\"/></list>"), code: "resource-lists.copy-control.duplicate-uri", fires: false),
        Row(name: "anonymous siblings", text: RFCExamples.rfc5364HistoryList, code: "resource-lists.copy-control.anonymous-duplicate", fires: true),
        Row(name: "anonymous siblings without rfc5364", text: RFCExamples.rfc5364HistoryList, code: "resource-lists.copy-control.anonymous-duplicate", fires: false, profiles: [.rfc4826]),
        Row(name: "anonymize on bcc", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\"bcc\" cp:anonymize=\"true\"/></list>"), code: "resource-lists.copy-control.anonymize-bcc", fires: true),
        Row(name: "anonymize without copyControl", text: doc("<list><entry uri=\"sip:a@b\" cp:anonymize=\"1\"/></list>"), code: "resource-lists.copy-control.anonymize-bcc", fires: true),
        Row(name: "anonymize on cc", text: doc("<list><entry uri=\"sip:a@b\" cp:copyControl=\"cc\" cp:anonymize=\"true\"/></list>"), code: "resource-lists.copy-control.anonymize-bcc", fires: false),
        Row(name: "count on a real URI", text: doc("<list><entry uri=\"sip:a@b\" cp:count=\"2\"/></list>"), code: "resource-lists.copy-control.count-not-anonymous", fires: true),
        Row(name: "count on the anonymous URI", text: doc("<list><entry uri=\"sip:anonymous@anonymous.invalid\" cp:count=\"2\"/></list>"), code: "resource-lists.copy-control.count-not-anonymous", fires: false),
        Row(name: "cp on top-level list", text: doc("<list cp:copyControl=\"to\"/>"), code: "resource-lists.copy-control.placement", fires: true, path: "resource-lists.list[0]"),
        Row(name: "cp on nested list", text: doc("<list><list cp:copyControl=\"to\"/></list>"), code: "resource-lists.copy-control.placement", fires: false),

        // RFC 5366 (request-contained lists).
        Row(name: "nested list", text: RFCExamples.rfc4826, code: "resource-lists.request.nested-list", fires: true, path: "resource-lists.list[0].list[0]", profiles: all3),
        Row(name: "nested list, default profiles", text: RFCExamples.rfc4826, code: "resource-lists.request.nested-list", fires: false),
        Row(name: "flat list", text: RFCExamples.rfc5366FlatList, code: "resource-lists.request.nested-list", fires: false, profiles: all3),
        Row(name: "entry-ref", text: RFCExamples.rfc4826, code: "resource-lists.request.entry-ref", fires: true, path: "resource-lists.list[0].entry-ref[0]", profiles: all3),
        Row(name: "no entry-ref", text: RFCExamples.rfc5366FlatList, code: "resource-lists.request.entry-ref", fires: false, profiles: all3),
        Row(name: "external", text: RFCExamples.rfc4826, code: "resource-lists.request.external", fires: true, profiles: all3),
        Row(name: "no external", text: RFCExamples.rfc5366FlatList, code: "resource-lists.request.external", fires: false, profiles: all3),
        Row(name: "two top-level lists", text: doc("<list><entry uri=\"sip:a@b\"/></list><list><entry uri=\"sip:c@b\"/></list>"), code: "resource-lists.request.multiple-lists", fires: true,
            path: "resource-lists.list[1]", profiles: all3),
        Row(name: "one top-level list", text: RFCExamples.rfc5366FlatList, code: "resource-lists.request.multiple-lists", fires: false, profiles: all3),
        Row(name: "no recipients", text: doc("<list/>"), code: "resource-lists.request.no-entries", fires: true, profiles: all3),
        Row(name: "recipients", text: RFCExamples.rfc5366FlatList, code: "resource-lists.request.no-entries", fires: false, profiles: all3),
        Row(name: "mailto recipient", text: doc("<list><entry uri=\"mailto:a@b\"/></list>"), code: "resource-lists.request.uri-scheme", fires: true, profiles: all3),
        Row(name: "sip, sips and tel recipients", text: doc("<list><entry uri=\"sip:a@b\"/><entry uri=\"SIPS:c@b\"/><entry uri=\"tel:+15550100\"/></list>"), code: "resource-lists.request.uri-scheme", fires: false, profiles: all3),
    ]

    @Test(arguments: rows) func rule(_ row: Row) {
        expectRule(row.code, fires: row.fires, in: row.text, profiles: row.profiles, path: row.path)
    }

    /// Every rule outside the XSD cross-check has a row that fires it and
    /// one that holds it silent (the cross-check rules: XSDCrossCheckTests).
    @Test func everyRuleIsCovered() {
        let ruleCodes = Set(ResourceListsRules.all.filter { $0.profile != nil }.map(\.code))
        #expect(Set(Self.rows.filter(\.fires).map(\.code)) == ruleCodes)
        #expect(Set(Self.rows.filter { !$0.fires }.map(\.code)) == ruleCodes)
        #expect(Set(ResourceListsRules.all.map(\.code)).count == ResourceListsRules.all.count)
    }

    /// Every finding the validator emits uses a catalog rule (or a decoding
    /// code), with the rule's severity and clause.
    @Test func findingsComeFromTheCatalog() {
        let decoding = Set(ResourceListsRules.decodingCodes.map(\.code))
        for row in Self.rows {
            for f in validate(row.text, profiles: Self.all3, xsd: .iana).findings {
                if let rule = ResourceListsRules.rule(code: f.code) {
                    #expect(f.severity == rule.severity && f.specRef == rule.specRef, "\(f)")
                } else {
                    #expect(decoding.contains(f.code), "\(f)")
                }
            }
        }
    }

    /// Positions: offset of the attribute name, message starting `line:column`.
    @Test func positionsPointAtTheAttribute() {
        let text = "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\">\n <list>\n  <entry uri=\"sip:a@b\"/>\n  <entry  uri=\"sip:a@b\"/>\n </list>\n</resource-lists>"
        let r = validate(text)
        let f = r.findings.first { $0.code == "resource-lists.entry.uri-duplicate" }
        #expect(f?.path == "resource-lists.list[0].entry[1]@uri")
        #expect(f?.message.hasPrefix("4:11: ") == true, "\(String(describing: f))")
        let offset = try? #require(f?.offset)
        #expect(offset.map { Array(text.utf8)[$0..<($0 + 3)] == Array("uri".utf8)[...] } == true)
    }

    /// Columns count Unicode scalars, offsets count bytes.
    @Test func columnsCountCharacters() {
        let text = "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"\u{E9}\u{1F600}\"><entry/></list></resource-lists>"
        let f = validate(text).findings.first { $0.code == "resource-lists.entry.uri-missing" }
        let prefix = "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"\u{E9}\u{1F600}\">"
        #expect(f?.offset == prefix.utf8.count)
        #expect(f?.message.hasPrefix("1:\(prefix.unicodeScalars.count + 1): ") == true, "\(String(describing: f))")
    }
}
