import MediasecCore
import ResourceLists

/// RFC 4826 §3.4.5: sibling lists have unique names, sibling entries
/// unique uris, sibling entry-refs unique refs, sibling externals unique
/// anchors — prose only, which the XSD cannot express (FACTS.md §10 item 20).
/// Compared case-sensitively as written; RFC 5364's canonical comparison of
/// recipients is a separate, warning-level rule.
enum ResourceListsUniquenessVectors {
    typealias T = ResourceListsText
    typealias R = ResourceListsRules

    static func build(_ s: ResourceListsVectorSet) {
        let refs = ["RFC 4826 §3.4.5", "RFC 4826 §3.1"]
        let dup = ["bug-shape-duplicate-siblings", "ambiguity-20-uniqueness-prose-only"]
        let only4826: [ResourceListsProfileName] = [.rfc4826]

        s.add("list-name::distinct", "Two sibling lists with different names.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.doc(" <list name=\"a\"/>\n <list name=\"b\"/>"))
        }
        s.add("list-name::case-differs", "Sibling list names differing only in case: distinct (the comparison is case-sensitive).", refs: refs, flags: ["ambiguity-20-uniqueness-prose-only"]) {
            .valid(T.doc(" <list name=\"friends\"/>\n <list name=\"Friends\"/>"))
        }
        s.add("list-name::same-name-different-parents", "Lists named alike under different parents: uniqueness is among siblings only.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.doc(" <list name=\"a\">\n  <list name=\"x\"/>\n </list>\n <list name=\"b\">\n  <list name=\"x\"/>\n </list>"))
        }
        s.add("list-name::unnamed-siblings", "Two sibling lists without a name: nothing to compare (name is optional).", refs: refs, flags: ["clean-baseline", "boundary"]) {
            .valid(T.doc(" <list/>\n <list/>"))
        }
        s.add("list-name::duplicate-top-level", "Two top-level lists named \"friends\".", refs: refs, flags: ["mutation"] + dup) {
            .invalid(T.doc(" <list name=\"friends\"/>\n <list name=\"friends\"/>"), [R.listNameDuplicate.c])
        }
        s.add("list-name::duplicate-nested", "Two sub-lists of one list with the same name.", refs: refs, flags: ["mutation"] + dup) {
            .invalid(T.doc(" <list name=\"p\">\n  <list name=\"x\"/>\n  <list name=\"x\"/>\n </list>"), [R.listNameDuplicate.c])
        }
        s.add("list-name::duplicate-empty-string", "Two sibling lists with name=\"\": present and equal.", refs: refs, flags: ["mutation", "boundary"] + dup) {
            .invalid(T.doc(" <list name=\"\"/>\n <list name=\"\"/>"), [R.listNameDuplicate.c])
        }
        s.add("entry-uri::duplicate", "Two sibling entries with the same uri (also the same RFC 5364 recipient twice).", refs: refs + ["RFC 5364 §4"], flags: ["mutation"] + dup) {
            .invalid(T.entries(["sip:alice@example.com", "sip:bob@example.com", "sip:alice@example.com"]), [R.uriDuplicate.c])
        }
        s.add("entry-uri::duplicate-rfc4826-only", "Two sibling entries with the same uri under the rfc4826 profile alone.", refs: refs, flags: ["mutation", "profile-selection"] + dup) {
            .invalid(T.entries(["tel:+1-201-555-0123", "tel:+1-201-555-0123"]), [R.uriDuplicate.c]).profiles(only4826)
        }
        s.add("entry-uri::duplicate-with-display-names", "Duplicated sibling uri on entries whose display names differ.", refs: refs, flags: ["mutation"] + dup) {
            .invalid(T.list("  <entry uri=\"sip:a@example.com\"><display-name>A</display-name></entry>\n  <entry uri=\"sip:a@example.com\"><display-name>Other A</display-name></entry>"),
                     [R.uriDuplicate.c])
        }
        s.add("entry-uri::case-differs-rfc4826", "Sibling uris differing only in the host's case: distinct strings for RFC 4826 (profile rfc4826 alone).",
              refs: refs, flags: ["profile-selection", "ambiguity-20-uniqueness-prose-only"]) {
            .valid(T.entries(["sip:alice@example.com", "sip:alice@EXAMPLE.com"])).profiles(only4826)
        }
        s.add("entry-uri::same-uri-different-lists-rfc4826", "The same uri in two different lists: not siblings (profile rfc4826 alone).", refs: refs, flags: ["profile-selection"]) {
            .valid(T.doc(" <list name=\"a\">\n" + T.entry("sip:x@example.com") + "\n </list>\n <list name=\"b\">\n" + T.entry("sip:x@example.com") + "\n </list>")).profiles(only4826)
        }
        s.add("entry-ref::distinct", "Two sibling entry-refs with different refs.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.list("  <entry-ref ref=\"resource-lists/users/sip:a@example.com/index/~~/resource-lists/list%5b@name=%22a%22%5d\"/>\n  <entry-ref ref=\"resource-lists/users/sip:a@example.com/index/~~/resource-lists/list%5b@name=%22b%22%5d\"/>"))
        }
        s.add("entry-ref::duplicate", "Two sibling entry-refs with the same ref.", refs: refs, flags: ["mutation"] + dup) {
            .invalid(T.list("  <entry-ref ref=\"a/b\"/>\n  <entry-ref ref=\"a/b\"/>"), [R.refDuplicate.c])
        }
        s.add("external::distinct", "Two sibling externals with different anchors.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.list("  <external anchor=\"http://xcap.example.com/a\"/>\n  <external anchor=\"http://xcap.example.com/b\"/>"))
        }
        s.add("external::duplicate", "Two sibling externals with the same anchor.", refs: refs, flags: ["mutation"] + dup) {
            .invalid(T.list("  <external anchor=\"http://xcap.example.com/a\"/>\n  <external anchor=\"http://xcap.example.com/a\"/>"), [R.anchorDuplicate.c])
        }
        s.add("mixed::same-value-different-kinds", "A sub-list named like a sibling external anchor: different element kinds are not compared.", refs: refs, flags: ["clean-baseline"]) {
            .valid(T.list("  <entry uri=\"sip:a@example.com\"/>\n  <external anchor=\"http://example.com/a\"/>\n  <list name=\"http://example.com/a\"/>"))
        }
        s.add("mixed::every-kind-duplicated", "One list duplicating a sub-list name, an entry uri, an entry-ref ref and an external anchor: four errors.", refs: refs, flags: ["mutation"] + dup) {
            .invalid(T.list("  <list name=\"n\"/>\n  <list name=\"n\"/>\n  <entry uri=\"sip:a@example.com\"/>\n  <entry uri=\"sip:a@example.com\"/>\n  <entry-ref ref=\"r/1\"/>\n  <entry-ref ref=\"r/1\"/>\n  <external anchor=\"http://example.com/a\"/>\n  <external anchor=\"http://example.com/a\"/>"),
                     [R.listNameDuplicate.c, R.uriDuplicate.c, R.refDuplicate.c, R.anchorDuplicate.c])
        }
    }
}
