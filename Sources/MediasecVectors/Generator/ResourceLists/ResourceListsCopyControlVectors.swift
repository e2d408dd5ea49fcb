import MediasecCore
import ResourceLists

/// RFC 5364: the copy-control attributes (cp:copyControl to | cc | bcc,
/// absent = bcc; cp:anonymize xs:boolean; cp:count xs:nonNegativeInteger),
/// duplicated recipients and their precedence (to > cc > bcc), and RFC
/// 5366 Figure 3's wrong-case namespace (FACTS.md §10 item 20).
enum ResourceListsCopyControlVectors {
    typealias T = ResourceListsText
    typealias E = ResourceListsExpected
    typealias R = ResourceListsRules

    static let figure3 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to" />
        <entry uri="sip:randy@example.net" cp:copyControl="to"
                                           cp:anonymize="true"/>
        <entry uri="sip:eddy@example.com" cp:copyControl="to"
                                          cp:anonymize="true"/>
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:carol@example.net" cp:copyControl="cc"
                                           cp:anonymize="true"/>
        <entry uri="sip:ted@example.net" cp:copyControl="bcc" />
        <entry uri="sip:andy@example.com" cp:copyControl="bcc" />
      </list>
    </resource-lists>

    """

    static let figure4 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to" />
        <entry uri="sip:anonymous@anonymous.invalid" cp:copyControl="to"
                                                     cp:count="2"/>
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:anonymous@anonymous.invalid" cp:copyControl="cc"
                                                     cp:count="1"/>
      </list>
    </resource-lists>

    """

    static func build(_ s: ResourceListsVectorSet) {
        let refs = ["RFC 5364 §4", "RFC 5364 §5"]
        s.add("example::rfc5364-figure-3", "RFC 5364 §6 Figure 3: a recipient list with to, cc and bcc entries, some anonymized.", refs: ["RFC 5364 §6", "RFC 5364 §4"], flags: ["rfc-example"]) {
            .valid(figure3).pinning(E.root([E.list(nil, [
                E.entry("sip:bill@example.com", copyControl: "to", anonymize: nil, count: nil, effective: "to"),
                E.entry("sip:randy@example.net", copyControl: "to", anonymize: "true", count: nil, effective: "to"),
                E.entry("sip:eddy@example.com", copyControl: "to", anonymize: "true", count: nil, effective: "to"),
                E.entry("sip:joe@example.org", copyControl: "cc", anonymize: nil, count: nil, effective: "cc"),
                E.entry("sip:carol@example.net", copyControl: "cc", anonymize: "true", count: nil, effective: "cc"),
                E.entry("sip:ted@example.net", copyControl: "bcc", anonymize: nil, count: nil, effective: "bcc"),
                E.entry("sip:andy@example.com", copyControl: "bcc", anonymize: nil, count: nil, effective: "bcc"),
            ])]))
        }
        s.add("example::rfc5364-figure-4", "RFC 5364 §6 Figure 4: a recipient-history list where two sibling entries carry the anonymous URI with counts — what RFC 5364 prescribes, what RFC 4826 §3.4.5 uniqueness forbids. Choice: a warning, not an error.",
              refs: ["RFC 5364 §6", "RFC 5364 §3", "RFC 4826 §3.4.5"], flags: ["rfc-example", "ambiguity-20-uniqueness-prose-only"]) {
            .acceptable(figure4, [R.anonymousDuplicate.c])
        }
        s.add("level::absent-is-bcc", "An entry without cp:copyControl: RFC 5364 §4 reads it as bcc.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.entries(["sip:a@example.com"])).pinning(E.root([E.list(nil, [E.entry("sip:a@example.com", copyControl: nil, anonymize: nil, count: nil, effective: "bcc")])]))
        }
        s.add("anonymize::lexical-forms", "cp:anonymize written as 1 and 0 (xs:boolean lexical forms) on to/cc entries.", refs: refs + ["XML Schema Part 2 §3.2.2"], flags: ["clean-baseline"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"to\" cp:anonymize=\"1\"") + "\n" + T.entry("sip:b@example.com", "cp:copyControl=\"cc\" cp:anonymize=\"0\"")))
        }
        s.add("anonymize::false-on-bcc", "cp:anonymize=\"false\" on a bcc entry: nothing to ignore.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"bcc\" cp:anonymize=\"false\"")))
        }
        s.add("anonymize::on-bcc-ignored", "cp:anonymize=\"true\" on a bcc entry is ignored (bcc recipients never appear in a history list): an info, not a fault.", refs: ["RFC 5364 §4"], flags: ["info-findings"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"bcc\" cp:anonymize=\"true\"")), infos: [R.anonymizeBCC.c])
        }
        s.add("anonymize::on-default-bcc-ignored", "cp:anonymize=\"true\" without cp:copyControl: bcc by default, anonymize ignored (info).", refs: ["RFC 5364 §4"], flags: ["info-findings"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:anonymize=\"true\"")), infos: [R.anonymizeBCC.c])
        }
        s.add("count::on-named-uri", "cp:count on a named (non-anonymous) URI: schema-valid, noted as info (count is for anonymized URIs).", refs: ["RFC 5364 §3", "RFC 5364 §4"], flags: ["info-findings"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"to\" cp:count=\"3\"")), infos: [R.countNotAnonymous.c])
        }
        s.add("count::single-anonymous", "One anonymous entry with cp:count=\"0\": the lowest nonNegativeInteger.", refs: refs, flags: ["clean-baseline", "boundary"]) {
            .valid(T.list(T.entry("sip:anonymous@anonymous.invalid", "cp:copyControl=\"to\" cp:count=\"0\"")))
        }
        s.add("placement::top-level-list", "Copy-control attributes on a top-level list, which is not a child of a list: noted as info.", refs: ["RFC 5364 §4"], flags: ["info-findings"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"to\""), attributes: "cp:copyControl=\"cc\""), infos: [R.placement.c])
        }
        s.add("unknown-attribute::cp-priority", "cp:priority: an attribute in the copycontrol namespace that RFC 5364 does not define (info).", refs: ["RFC 5364 §5"], flags: ["info-findings"]) {
            .valid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"to\" cp:priority=\"1\"")), infos: [R.unknownAttribute.c])
        }
        s.add("duplicate::nested-lists-precedence", "The same recipient as to in one sub-list and bcc in another: not siblings, so no RFC 4826 error, but the RFC 5364 duplicate warning (the server sends it as to).",
              refs: ["RFC 5364 §4", "RFC 5363 §4.1"], flags: ["mutation"]) {
            .acceptable(T.doc(" <list>\n  <list name=\"a\">\n" + T.entry("sip:x@example.com", "cp:copyControl=\"to\"") + "\n  </list>\n  <list name=\"b\">\n" + T.entry("sip:x@example.com", "cp:copyControl=\"bcc\"") + "\n  </list>\n </list>"),
                        [R.duplicateURI.c])
        }
        s.add("duplicate::host-case", "Sibling entries sip:x@example.com and sip:x@EXAMPLE.COM: distinct strings for RFC 4826, the same recipient for RFC 5364 (SIP hosts compare case-insensitively, RFC 3261 §19.1.4).",
              refs: ["RFC 5364 §4", "RFC 3261 §19.1.4", "RFC 4826 §5"], flags: ["mutation", "ambiguity-20-uniqueness-prose-only"]) {
            .acceptable(T.list(T.entry("sip:x@example.com", "cp:copyControl=\"cc\"") + "\n" + T.entry("sip:x@EXAMPLE.COM", "cp:copyControl=\"to\"")), [R.duplicateURI.c])
        }
        s.add("duplicate::siblings-to-and-cc", "Sibling entries with the same uri as to and cc: an RFC 4826 error (and the RFC 5364 warning).",
              refs: ["RFC 4826 §3.4.5", "RFC 5364 §4"], flags: ["mutation", "bug-shape-duplicate-siblings"]) {
            .invalid(T.list(T.entry("sip:x@example.com", "cp:copyControl=\"to\"") + "\n" + T.entry("sip:x@example.com", "cp:copyControl=\"cc\"")), [R.uriDuplicate.c])
        }
        s.add("namespace-case::rfc5366-figure-3", "RFC 5366 §6 Figure 3's list: the copy-control namespace written urn:ietf:params:xml:ns:copyControl, so every cp: attribute is lost and every entry is bcc.",
              refs: ["RFC 5366 §6", "RFC 5364 §5", "Namespaces in XML 1.0 §2.3"], flags: ["rfc-example", "ambiguity-20-copycontrol-namespace-case"]) {
            .acceptable(figure3.replacingOccurrences(of: "ns:copycontrol", with: "ns:copyControl"), [R.namespaceCase.c])
                .pinning(E.root([.object([("children", .array(["sip:bill@example.com", "sip:randy@example.net", "sip:eddy@example.com", "sip:joe@example.org",
                                                                   "sip:carol@example.net", "sip:ted@example.net", "sip:andy@example.com"].map { u in
                    E.entry(u, copyControl: nil, anonymize: nil, count: nil, effective: "bcc") }))])]))
        }
        s.add("namespace-case::upper", "The copy-control namespace in upper case on one entry: not the copycontrol namespace.", refs: ["RFC 5364 §5", "Namespaces in XML 1.0 §2.3"], flags: ["mutation", "ambiguity-20-copycontrol-namespace-case"]) {
            .acceptable(T.list("  <entry uri=\"sip:a@example.com\" xmlns:CP=\"URN:IETF:PARAMS:XML:NS:COPYCONTROL\" CP:copyControl=\"to\"/>"), [R.namespaceCase.c])
        }

        // Invalid values.
        for (name, value, why) in [("upper-case", "TO", "upper case (the enumeration is case-sensitive)"), ("unknown", "all", "not one of to, cc, bcc"),
                                   ("whitespace", " to", "a leading space (xs:string enumerations are not trimmed)"), ("empty", "", "empty")] {
            s.add("level::\(name)", "cp:copyControl=\"\(value)\": \(why).", refs: refs, flags: ["mutation"]) {
                .invalid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"\(value)\"")), [R.copyControlValue.c])
            }
        }
        s.add("level::on-entry-ref", "cp:copyControl=\"from\" on an entry-ref: the attribute is checked on every list member.", refs: refs, flags: ["mutation"]) {
            .invalid(T.list("  <entry-ref ref=\"a/b\" cp:copyControl=\"from\"/>"), [R.copyControlValue.c])
        }
        for (name, value) in [("yes", "yes"), ("upper-true", "TRUE"), ("two", "2")] {
            s.add("anonymize::\(name)", "cp:anonymize=\"\(value)\": not an xs:boolean (true, false, 1, 0).", refs: refs + ["XML Schema Part 2 §3.2.2"], flags: ["mutation"]) {
                .invalid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"to\" cp:anonymize=\"\(value)\"")), [R.anonymizeValue.c])
            }
        }
        for (name, value) in [("negative", "-1"), ("decimal", "1.0"), ("letters", "two")] {
            s.add("count::\(name)", "cp:count=\"\(value)\": not an xs:nonNegativeInteger.", refs: refs + ["XML Schema Part 2 §3.3.20"], flags: ["mutation"]) {
                .invalid(T.list(T.entry("sip:anonymous@anonymous.invalid", "cp:copyControl=\"to\" cp:count=\"\(value)\"")), [R.countValue.c])
            }
        }
        s.add("mixed::all-three-invalid", "One entry with an invalid copyControl, anonymize and count: three errors.", refs: refs, flags: ["mutation"]) {
            .invalid(T.list(T.entry("sip:anonymous@anonymous.invalid", "cp:copyControl=\"Cc\" cp:anonymize=\"no\" cp:count=\"+-1\"")),
                     [R.copyControlValue.c, R.anonymizeValue.c, R.countValue.c])
        }
    }
}
