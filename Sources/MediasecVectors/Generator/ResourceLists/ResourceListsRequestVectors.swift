import MediasecCore
import ResourceLists

/// RFC 5366 §4 (and RFC 5365 §4/§6, RFC 5363): a request-contained URI
/// list — the recipient-list body of a conference-factory INVITE (TR 33.829
/// clause 5.3.3.4.1) or a MESSAGE — is one flat list of recipient URIs:
/// no hierarchy, no entry-ref, no external, at least one entry, SIP/SIPS/tel
/// recipients. The SHOULDs are warnings; RFC 4826 errors stay errors.
enum ResourceListsRequestVectors {
    typealias T = ResourceListsText
    typealias R = ResourceListsRules

    static let figure1 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"
              xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
      <list>
        <entry uri="sip:bill@example.com" cp:copyControl="to"  />
        <entry uri="sip:joe@example.org" cp:copyControl="cc" />
        <entry uri="sip:ted@example.net" cp:copyControl="bcc" />
      </list>
    </resource-lists>

    """

    static func build(_ s: ResourceListsVectorSet) {
        let refs = ["RFC 5366 §4", "RFC 5365 §6"]
        let rc = ["request-contained", "profile-selection"]
        s.add("example::rfc5366-figure-1", "RFC 5366 §4 Figure 1: the flat list a conference-factory INVITE carries.", refs: ["RFC 5366 §4"], flags: ["rfc-example"] + rc) {
            .valid(figure1).requestContained()
        }
        s.add("flat::tr33829-conference", "A conference-factory list as TR 33.829 clause 5.3.3.4.1 sends it (constructed: the TR prints a placeholder): two SIP recipients and one tel recipient.",
              refs: ["TR 33.829 clause 5.3.3.4.1", "RFC 5366 §4"], flags: ["clean-baseline"] + rc) {
            .valid(T.list(T.entry("sip:user2_public1@home2.net", "cp:copyControl=\"to\"") + "\n" + T.entry("sip:user3_public1@home1.net", "cp:copyControl=\"cc\"") + "\n"
                          + T.entry("tel:+1-201-555-0123", "cp:copyControl=\"bcc\""))).requestContained()
        }
        s.add("flat::sips-recipients", "A flat list of sips: recipients with display names.", refs: refs, flags: ["clean-baseline"] + rc) {
            .valid(T.list("  <display-name>Call</display-name>\n  <entry uri=\"sips:a@example.com\"><display-name>A</display-name></entry>\n  <entry uri=\"sips:b@example.com\"/>")).requestContained()
        }
        s.add("flat::two-top-level-lists", "Two top-level lists in a request: the server merges them (info).", refs: ["RFC 5366 §4"], flags: ["info-findings"] + rc) {
            .valid(T.doc(" <list name=\"a\">\n" + T.entry("sip:a@example.com") + "\n </list>\n <list name=\"b\">\n" + T.entry("sip:b@example.com") + "\n </list>"),
                   infos: [R.multipleLists.c]).requestContained()
        }
        s.add("hierarchy::nested-list", "A nested list in a request-contained list: SHOULD be flat.", refs: refs, flags: ["mutation"] + rc) {
            .acceptable(T.list(T.entry("sip:a@example.com") + "\n  <list name=\"more\">\n" + T.entry("sip:b@example.com") + "\n  </list>"), [R.nestedList.c]).requestContained()
        }
        s.add("entry-ref::in-request", "An entry-ref in a request-contained list: SHOULD NOT be used (the server cannot resolve the requester's XCAP documents).", refs: refs,
              flags: ["mutation", "bug-shape-entry-ref-in-request-list"] + rc) {
            .acceptable(T.list(T.entry("sip:a@example.com") + "\n  <entry-ref ref=\"resource-lists/users/sip:a@example.com/index/~~/resource-lists/list%5b@name=%22x%22%5d/entry%5b@uri=%22sip:b@example.com%22%5d\"/>"),
                        [R.entryRef.c]).requestContained()
        }
        s.add("entry-ref::only-member", "A request list whose only member is an entry-ref: no recipient either.", refs: refs + ["RFC 5363 §3.1"],
              flags: ["mutation", "bug-shape-entry-ref-in-request-list"] + rc) {
            .acceptable(T.list("  <entry-ref ref=\"a/b\"/>"), [R.entryRef.c, R.noEntries.c]).requestContained()
        }
        s.add("entry-ref::rfc4826-only-allowed", "The same entry-ref list validated as a stored list (rfc4826 + rfc5364): entry-ref is fine there.", refs: ["RFC 4826 §3.2"], flags: ["clean-baseline"]) {
            .valid(T.list(T.entry("sip:a@example.com") + "\n  <entry-ref ref=\"a/b\"/>"))
        }
        s.add("external::in-request", "An external in a request-contained list: the recipients are not in the request.", refs: ["RFC 5366 §4", "RFC 5365 §4"], flags: ["mutation"] + rc) {
            .acceptable(T.list(T.entry("sip:a@example.com") + "\n  <external anchor=\"http://xcap.example.com/lists/x\"/>"), [R.external.c]).requestContained()
        }
        s.add("empty::no-entries", "A request-contained list with no entry: the request names no recipient.", refs: ["RFC 5363 §3.1"], flags: ["mutation", "boundary"] + rc) {
            .acceptable(T.doc(" <list/>"), [R.noEntries.c]).requestContained()
        }
        s.add("scheme::mailto", "A mailto: recipient in a SIP request list: not sip, sips or tel.", refs: ["RFC 5366 §4", "TR 33.829 clause 5.3.3.4.1"], flags: ["mutation"] + rc) {
            .acceptable(T.entries(["sip:a@example.com", "mailto:b@example.com"]), [R.uriScheme.c]).requestContained()
        }
        s.add("scheme::http", "An http: recipient in a request list.", refs: ["RFC 5366 §4"], flags: ["mutation"] + rc) {
            .acceptable(T.entries(["http://example.com/b"]), [R.uriScheme.c]).requestContained()
        }
        s.add("everything::all-shoulds", "Nested list, entry-ref, external and a non-SIP URI together: four warnings.", refs: refs, flags: ["mutation", "bug-shape-entry-ref-in-request-list"] + rc) {
            .acceptable(T.list(T.entry("im:a@example.com") + "\n  <list name=\"n\"/>\n  <entry-ref ref=\"a/b\"/>\n  <external anchor=\"http://example.com/x\"/>"),
                        [R.uriScheme.c, R.nestedList.c, R.entryRef.c, R.external.c]).requestContained()
        }
        // RFC 4826 errors are still errors in a request.
        s.add("invalid::duplicate-recipient", "The same recipient twice among the siblings of a request list.", refs: ["RFC 4826 §3.4.5", "RFC 5366 §4"], flags: ["mutation", "bug-shape-duplicate-siblings"] + rc) {
            .invalid(T.entries(["sip:a@example.com", "sip:a@example.com"]), [R.uriDuplicate.c]).requestContained()
        }
        s.add("invalid::entry-ref-relative-path", "An entry-ref with an absolute ref in a request list: the RFC 4826 error besides the RFC 5366 warning.", refs: ["RFC 4826 §3.4.5", "RFC 5366 §4"],
              flags: ["mutation", "bug-shape-entry-ref-in-request-list"] + rc) {
            .invalid(T.list(T.entry("sip:a@example.com") + "\n  <entry-ref ref=\"/abs\"/>"), [R.refRelativePath.c]).requestContained()
        }
        s.add("invalid::missing-uri", "An entry without uri in a request list.", refs: ["RFC 4826 §3.1", "RFC 5366 §4"], flags: ["mutation"] + rc) {
            .invalid(T.list(T.entry("sip:a@example.com") + "\n  <entry/>"), [R.uriMissing.c]).requestContained()
        }
        s.add("invalid::bad-sip-uri", "A malformed SIP recipient in a request list.", refs: ["RFC 3261 §25.1", "RFC 5366 §4"], flags: ["mutation"] + rc) {
            .invalid(T.entries(["sip:a@example.com", "sip:@example.com"]), [R.sipURI.c]).requestContained()
        }
        s.add("invalid::bad-copy-control", "A request list entry with cp:copyControl=\"bc\".", refs: ["RFC 5364 §5", "RFC 5366 §4"], flags: ["mutation"] + rc) {
            .invalid(T.list(T.entry("sip:a@example.com", "cp:copyControl=\"bc\"")), [R.copyControlValue.c]).requestContained()
        }
        s.add("invalid::wrong-root", "A request body whose root is a bare <list>: not a resource-lists document.", refs: ["RFC 4826 §3.1", "RFC 5366 §4"], flags: ["mutation"] + rc) {
            .invalid("<list xmlns=\"\(T.rl)\"><entry uri=\"sip:a@example.com\"/></list>", ["resource-lists.root.element"]).requestContained()
        }
    }
}
