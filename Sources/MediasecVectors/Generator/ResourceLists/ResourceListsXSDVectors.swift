import MediasecCore
import ResourceLists

/// The XSD cross-check: libxml2's XML Schema validation against the
/// embedded schemas, next to the suite's own schema-level verdict. With the
/// IANA schemas the two agree on schema-expressible faults (no
/// `resource-lists.xsd.disagreement`), and prose-only faults pass the XSD;
/// with RFC 4826 §3.2 as printed, a missing anchor shows FACTS.md §10
/// item 20 as a disagreement.
enum ResourceListsXSDVectors {
    typealias T = ResourceListsText
    typealias R = ResourceListsRules

    static func build(_ s: ResourceListsVectorSet) {
        let iana = ["RFC 4826 §3.2", "RFC 5364 §5"]
        let disagreement = R.xsdDisagreement.c
        let flags = ["xsd-cross-check"]
        s.add("iana::rfc4826-example", "The RFC 4826 §3.3 example against the IANA schemas: both verdicts valid.", refs: ["RFC 4826 §3.3", "RFC 4826 §3.2"], flags: flags + ["rfc-example"]) {
            .valid(ResourceListsStructureVectors.rfc4826Example).crossChecked(.iana)
        }
        s.add("iana::rfc5364-figure-3", "RFC 5364 Figure 3 against the IANA schemas (copycontrol imports resource-lists): valid.", refs: ["RFC 5364 §6", "RFC 5364 §5"], flags: flags + ["rfc-example"]) {
            .valid(ResourceListsCopyControlVectors.figure3).crossChecked(.iana)
        }
        s.add("iana::extensions", "Extension elements and attributes against the IANA schemas' lax wildcards: valid.", refs: ["RFC 4826 §6"], flags: flags + ["extension-preserved"]) {
            .valid(T.list("  <entry uri=\"sip:a@example.com\" x:t=\"1\" xmlns:x=\"urn:example:ext\"><display-name xml:lang=\"en\">A</display-name><x:n/></entry>\n  <x:tail xmlns:x=\"urn:example:ext\"/>"))
                .crossChecked(.iana)
        }
        s.add("iana::wrong-case-namespace", "RFC 5366 Figure 3's copyControl namespace: the IANA schemas accept it (lax anyAttribute) — and lose the copy control; only the suite's warning says so.",
              refs: ["RFC 5366 §6", "RFC 5364 §5"], flags: flags + ["ambiguity-20-copycontrol-namespace-case"]) {
            .acceptable(ResourceListsCopyControlVectors.figure3.replacingOccurrences(of: "ns:copycontrol", with: "ns:copyControl"), [R.namespaceCase.c]).crossChecked(.iana)
        }
        s.add("iana::duplicate-uri-prose-only", "Duplicate sibling uris: the XSD accepts them (libxml2 2.9.14 too, FACTS.md §7); the suite rejects them by RFC 4826 §3.4.5 prose (info resource-lists.xsd.prose-only).",
              refs: ["RFC 4826 §3.4.5", "RFC 4826 §3.2"], flags: flags + ["bug-shape-duplicate-siblings", "ambiguity-20-uniqueness-prose-only"]) {
            .invalid(T.entries(["sip:a@example.com", "sip:a@example.com"]), [R.uriDuplicate.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::duplicate-list-name-prose-only", "Duplicate sibling list names: XSD-valid, rejected by the prose rule.", refs: ["RFC 4826 §3.4.5"], flags: flags + ["bug-shape-duplicate-siblings", "ambiguity-20-uniqueness-prose-only"]) {
            .invalid(T.doc(" <list name=\"a\"/>\n <list name=\"a\"/>"), [R.listNameDuplicate.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::anchor-missing", "external without anchor against the IANA schemas: both reject it.", refs: ["RFC 4826 §3.1", "RFC 4826 §3.2"], flags: flags + ["ambiguity-20-anchor-optional"]) {
            .invalid(T.list("  <external/>"), [R.anchorMissing.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::copy-control-value", "cp:copyControl=\"all\": outside the schema's enumeration; both reject it.", refs: iana, flags: flags + ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"all\"")), [R.copyControlValue.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::count-value", "cp:count=\"-1\": not a nonNegativeInteger for either validator.", refs: iana, flags: flags + ["mutation"]) {
            .invalid(T.list(T.entry("sip:anonymous@anonymous.invalid", "cp:copyControl=\"to\" cp:count=\"-1\"")), [R.countValue.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::element-order", "display-name after an entry: a content-model violation for both.", refs: ["RFC 4826 §3.2"], flags: flags + ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com") + "\n  <display-name>Late</display-name>"), [R.elementOrder.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::unqualified-attribute", "An unqualified attribute on an entry: rejected by both.", refs: ["RFC 4826 §3.2", "RFC 4826 §6"], flags: flags + ["mutation"]) {
            .invalid(T.list(T.entry("sip:a@example.com", "id=\"1\"")), [R.attributeUnexpected.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::xml-lang", "xml:lang=\"en_US\" validated through xml.xsd (served locally): rejected by both.", refs: ["XML 1.0 §2.12", "RFC 4826 §3.2"], flags: flags + ["mutation"]) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name xml:lang=\"en_US\">A</display-name></entry>"), [R.xmlLangValue.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("iana::bad-sip-uri-prose-only", "A malformed SIP URI (sip:@example.com) is still an xs:anyURI: the XSD accepts what RFC 3261's grammar rejects.", refs: ["RFC 3261 §25.1", "RFC 4826 §3.2"], flags: flags + ["mutation"]) {
            .invalid(T.entries(["sip:@example.com"]), [R.sipURI.c]).crossChecked(.iana).stating(absent: [disagreement])
        }
        s.add("printed::valid-document", "A clean document against RFC 4826 §3.2 as printed: valid for both.", refs: ["RFC 4826 §3.2"], flags: flags + ["clean-baseline"]) {
            .valid(T.list(T.entry("sip:a@example.com") + "\n  <external anchor=\"http://example.com/x\"/>")).crossChecked(.rfc4826Printed)
        }
        s.add("printed::anchor-missing", "external without anchor against the printed RFC 4826 schema: libxml2 accepts it, the suite (IANA, §3.1 prose) rejects it — the disagreement is reported.",
              refs: ["RFC 4826 §3.1", "RFC 4826 §3.2"], flags: flags + ["ambiguity-20-anchor-optional"]) {
            .invalid(T.list("  <external><display-name>Marketing</display-name></external>"), [R.anchorMissing.c]).crossChecked(.rfc4826Printed)
        }
        s.add("printed::anchor-missing-copy-control-only", "The same missing anchor validated under the rfc5364 profile alone: no rfc4826 error is reported, so the schemas' disagreement is the only warning.",
              refs: ["RFC 4826 §3.2", "RFC 4826 §3.1"], flags: flags + ["ambiguity-20-anchor-optional", "profile-selection"]) {
            .acceptable(T.list("  <external/>"), [disagreement]).profiles([.rfc5364]).crossChecked(.rfc4826Printed)
        }
    }
}
