/// Every flag a CMS or S/MIME vector may carry, with the note written into
/// the file's `notes` object (FACTS.md §9 bug shapes, §10 ambiguities 15–16).
enum CMSVectorNotes {
    static let all: [(String, String)] = [
        // How the vector was built.
        ("clean-baseline", "A message composed as RFC 5083 and the cited profile describe; every rule that applies to it must stay silent."),
        ("model-mutation", "Built from a clean message by changing one field in the CMS model, then encoding it as DER (all lengths consistent). The authentication tag no longer matches when the change touches the content, nonce, key or authAttrs; such vectors carry no key."),
        ("tree-edit", "Built by re-encoding one element of a clean DER message in another BER form (length octets, tag form, segmentation) or replacing it with raw octets, every enclosing length recomputed, so the input departs from DER in exactly one place."),
        ("truncated", "A proper prefix of a valid message: an element runs past the end of the input (X.690 §8.1.1)."),
        ("crypto", "The vector carries a key (`keys`: `cek`, `kek` with `kek-id`, or the MIKEY keys of an id-ori-mikey TRANSFER_INIT); the CEK is recovered and the AEAD tag verified over the received authAttrs (RFC 5083 §2.2)."),
        ("rules-ber", "Decoded under the BER rules (`ber` in `profiles`): each DER deviation is reported as a warning — as an error for the forms X.690 forbids in BER too (§8.3.2, §8.19.2, §8.1.2.4.2) — and decoding goes on. Without `ber` the strict DER rules apply and the first deviation is fatal."),
        ("ber-invalid", "The form is invalid in BER too (X.690 §8.3.2 INTEGER, §8.19.2 OID subidentifier, §8.1.2.4.2 tag number): an error under both rule sets."),
        ("profile-selection", "The vector names its validation profiles explicitly (`rfc5083`, `tr33829-annex-b`, `ts33328-annex-i`) instead of the automatic choice (rfc5083 always, tr33829-annex-b when an id-ori-mikey recipient is present)."),
        ("tr-code-points", "Uses a TR 33.829 code point that was never assigned, at the suite's documented default (FACTS.md §1): id-ori-mikey = 2.25.122202331397208842535045181653453192267, Prot Type PSK/MIME 242, General Ext. PROOF-OF-ORIGIN 242."),
        ("hostile-input", "Input built to exhaust a decoder: nesting deeper than mediasec's limit (32), more elements than its limit (65536), more header fields than its limit (64)."),
        ("nested-mikey", "The id-ori-mikey TRANSFER_INIT is itself non-conforming; the MIKEY validator's own findings appear under the ori's path (`…oriValue.…`) and are covered by the MIKEY vectors, so only the CMS-level codes are stated here."),
        // Peer behaviour (FACTS.md §4, §7).
        ("peer-openssl-accepts", "OpenSSL 3.0's CMS code accepts this although the specifications do not (FACTS.md §4: 1-byte tags, CBC/OFB cipher OIDs, mis-tagged authAttrs)."),
        ("peer-openssl-stream", "The indefinite-length, segmented form `openssl cms -encrypt -stream` writes."),
        // Bug shapes (FACTS.md §9).
        ("bug-shape-mac-shorter-than-icvlen", "The mac is shorter than ICVlen (FACTS.md §9): a receiver that trusts ICVlen reads past it or verifies a truncated tag."),
        ("bug-shape-non-aead-cipher", "A non-AEAD cipher OID (CBC, OFB, a key-wrap OID) as contentEncryptionAlgorithm (FACTS.md §9; OpenSSL 3.0 decrypts it)."),
        ("bug-shape-gcm-nonce-oversized", "A GCM nonce of 17 octets or more (FACTS.md §9): allowed by RFC 5084, but beyond fixed 16-octet IV buffers."),
        ("bug-shape-authattrs-tag-confusion", "authAttrs with the wrong tag on the wire or in the AAD: universal SET instead of [1] IMPLICIT, [1] EXPLICIT around a SET, or [1] kept in the AAD (FACTS.md §9)."),
        ("bug-shape-authattrs-not-in-aad", "authAttrs present but not authenticated: the tag was computed with an empty AAD (FACTS.md §9)."),
        ("bug-shape-content-type-without-authattrs", "An inner content type other than id-data without authAttrs (FACTS.md §9; RFC 5083 §2.1 requires them)."),
        ("bug-shape-plaintext-before-tag", "The tag does not verify: no plaintext may be released (RFC 5083 §2: integrity before any plaintext; FACTS.md §9). The expected output has no verified content and no inner entity."),
        ("bug-shape-indefinite-length", "Indefinite lengths (FACTS.md §9)."),
        ("bug-shape-empty-recipients", "recipientInfos is an empty SET (FACTS.md §9; SET SIZE (1..MAX))."),
        // Ambiguities (FACTS.md §10).
        ("ambiguity-15-smime-type-spelling", "TR 33.829 Annex B.1 writes smime-type `auth-enveloped-data`; RFC 8551 §3.2.2 registers `authEnveloped-data`. Choice: both accepted, the TR spelling with a warning (tr33829.b1.smime-type-spelling); any other value is an error."),
        ("ambiguity-16-icvlen-default", "DER (X.690 §11.5) requires omitting aes-ICVlen when it is the DEFAULT 12, but OpenSSL 3.0 refuses to decrypt that form. Choice: the omitted form is the conforming one (info cms.interop.icvlen-omitted); an explicit 12 is the DER deviation der.default.encoded (fatal under DER, a warning under BER)."),
        // S/MIME entity.
        ("smime-form", "The entity departs from the canonical form (CRLF line endings, base64 lines of one width of at most 76 characters, correct padding): RFC 5322 §2.1, RFC 2045 §6.8, RFC 8551 §3.1.1."),
        ("inner-entity", "The vector carries a key: after the tag verified, the decrypted id-data content is parsed as the inner MIME entity (RFC 8551 §3.1) and its canonical form checked."),
    ]

    static func text(_ flag: String) -> String? { all.first { $0.0 == flag }?.1 }

    static func notes(for used: Set<String>) -> [(String, String)] { all.filter { used.contains($0.0) } }
}
