/// Every flag a resource-lists vector may carry, with the note written
/// into the file's `notes` object (FACTS.md §9 bug shapes, §10 item 20).
enum ResourceListsVectorNotes {
    static let all: [(String, String)] = [
        // How the vector was built.
        ("clean-baseline", "A document written as the cited clauses describe; every rule that applies to it must stay silent."),
        ("rfc-example", "An example document printed in the cited RFC (folded lines unfolded as RFC 4826 §3.1 says), byte for byte otherwise."),
        ("mutation", "A clean document changed in one place (an attribute value, an element, its order or its namespace); the expectation names what that one change breaks."),
        ("truncated", "A document cut short or closed wrongly after a run of libxml2 warnings: the decoder must report the error even when the diagnostics it keeps are already full (a bug this vector found: the error was only counted, and the input was called valid)."),
        ("byte-level", "Built as raw bytes rather than text: another encoding, an invalid UTF-8 sequence, a NUL."),
        ("extension-preserved", "Extension elements or attributes in their own namespace (RFC 4826 §6): allowed where the schema's ##other wildcards stand and kept in the decoded tree (pinned in `decoded`)."),
        ("info-findings", "The vector also names info-level findings that must appear (RFC 5364 precedence notes, placement, unknown cp: attributes, several top-level lists); infos never change the verdict."),
        // Options.
        ("profile-selection", "The vector names its validation profiles explicitly (`rfc4826`, `rfc5364`, `rfc5366`) instead of the default (rfc4826 + rfc5364)."),
        ("request-contained", "Validated as a request-contained URI list (profile `rfc5366`, with rfc4826 and rfc5364): the body of an INVITE or MESSAGE to a URI-list server, which the document alone cannot reveal (RFC 5366 §4, RFC 5365 §4, TR 33.829 clause 5.3.3.4.1)."),
        ("xsd-cross-check", "Also validated by libxml2's XML Schema validator against embedded schemas (`xsd-iana`: the IANA registry copies; `xsd-rfc4826-printed`: RFC 4826 §3.2 as printed) and compared with the suite's own schema-level verdict: `resource-lists.xsd.disagreement` (warning) when they differ, libxml2's own diagnostics as `resource-lists.xsd.error` (info)."),
        ("tight-limits", "Decoded under the `tight-limits` profile (input 4096 bytes, depth 16, 64 elements, 8 attributes per element, 8 libxml2 diagnostics) so that a limit is reached by a small input; the default limits are 1 MiB, depth 64, 50000 elements, 64 attributes, 64 diagnostics."),
        ("hostile-input", "Input built to exhaust or trick a parser: deep nesting, many attributes, many diagnostics, entity expansion."),
        ("boundary", "Exactly at a limit or an edge of a grammar (one below the limit is accepted; the next vector goes one over)."),
        // Bug shapes (FACTS.md §9).
        ("bug-shape-xxe", "An external entity (file://, a bare path, an external DTD subset or an external parameter entity) (FACTS.md §9). The DOCTYPE is rejected before its internal subset is read: no entity is ever declared, loaded or substituted; nothing of the named file may appear in any output."),
        ("bug-shape-billion-laughs", "Nested internal entities that expand to gigabytes (FACTS.md §9). Rejected at the DOCTYPE, in constant time."),
        ("bug-shape-deep-nesting", "Elements nested deeper than mediasec's limit (64) or libxml2's own guard (256) (FACTS.md §9): rejected with resource-lists.limit.depth, never a stack overflow."),
        ("bug-shape-doctype", "A DOCTYPE declaration (FACTS.md §9): a resource list has no DTD (RFC 4826 §3.2 defines it by XML Schema) and the decoder rejects every DOCTYPE."),
        ("bug-shape-non-utf8", "Not UTF-8 (FACTS.md §9): RFC 4826 §3.1 requires UTF-8; a decoder that transcodes silently changes the URIs it compares."),
        ("bug-shape-duplicate-siblings", "Sibling elements with the same name, uri, ref or anchor (FACTS.md §9): forbidden by RFC 4826 §3.4.5 prose that the XSD cannot express."),
        ("bug-shape-entry-ref-in-request-list", "An <entry-ref> in a request-contained list (FACTS.md §9; RFC 5366 §4 SHOULD NOT): the URI-list server cannot resolve an XCAP reference into the requester's documents."),
        // Ambiguities (FACTS.md §10 item 20).
        ("ambiguity-20-anchor-optional", "RFC 4826 §3.2's printed schema declares external/@anchor optional; the IANA copy (urn:ietf:params:xml:schema:resource-lists) and the §3.1 prose require it. Choice: required (resource-lists.external.anchor-missing, error); the `xsd-rfc4826-printed` cross-check shows the printed schema accepting what the suite rejects."),
        ("ambiguity-20-uniqueness-prose-only", "The sibling uniqueness of list@name, entry@uri, entry-ref@ref and external@anchor (RFC 4826 §3.4.5) is prose only: the XSD accepts the duplicates (libxml2 2.9.14 does, FACTS.md §7). Choice: an error, compared case-sensitively as written; equivalence after URI canonicalization (RFC 4826 §5) is left to RFC 5364's duplicate rule (a warning)."),
        ("ambiguity-20-copycontrol-namespace-case", "RFC 5366 §6 Figure 3 writes the copy-control namespace as urn:ietf:params:xml:ns:copyControl. Namespace names are case-sensitive, so these are unknown extension attributes: schema-valid (xs:anyAttribute lax), but the copy-control meaning is silently lost and every entry is bcc. Choice: a warning (resource-lists.copy-control.namespace-case)."),
    ]

    static func text(_ flag: String) -> String? { all.first { $0.0 == flag }?.1 }

    static func notes(for used: Set<String>) -> [(String, String)] { all.filter { used.contains($0.0) } }
}
