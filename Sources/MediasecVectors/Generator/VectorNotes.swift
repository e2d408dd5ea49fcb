/// Every flag a MIKEY vector may carry, with the note written into the
/// file's `notes` object. Ambiguity flags cite both clauses (FACTS.md §10).
enum VectorNotes {
    static let all: [(String, String)] = [
        // How the vector was built.
        ("clean-baseline", "A message composed exactly as its exchange definition describes; every rule that applies to it must stay silent."),
        ("model-mutation", "Built from a clean message by changing one field or payload in the model, then encoding it normally (all lengths consistent)."),
        ("byte-corruption", "Built by editing the encoded bytes of a valid message, so a length, type or count no longer matches the rest."),
        ("truncated", "A proper prefix of a valid message: some field runs past the end of the input (RFC 3830 §6)."),
        ("trailing-data", "Bytes follow the payload whose Next Payload is 0 (RFC 3830 §6.1)."),
        ("boundary-length", "A length field at a boundary of its range (0, the largest value its width allows, or one past)."),
        ("unknown-code-point", "A field holds a value its IANA registry does not assign (RFC 6309 §2)."),
        ("private-use", "A field holds a value from its registry's private-use range (RFC 6309 §2): reported as info, never an error."),
        ("layout-unknown", "A code point whose value fixes a length (MAC alg, DH group, TS type, hash func, key type, KV type, map type, payload type) is unknown, so the rest of the input cannot be delimited and decoding must stop."),
        ("hostile-input", "Input built to exhaust a decoder (nesting depth, payload count); mediasec's limits: depth 4, 4096 payloads."),
        ("crypto", "The vector carries keys (`keys`); the MAC is verified and encrypted KEMACs are decrypted with them."),
        ("profile-selection", "The vector names its validation profiles explicitly instead of the automatic choice."),
        ("code-point-profile", "The vector overrides the TR 33.829 code points (FACTS.md §1) with its own `codePoints`: the same bytes mean something else under another profile."),
        ("tr-code-points", "Uses a TR 33.829 code point that IANA never assigned, at the suite's documented default (Prot Type TLS 241, PSK/MIME 242, Application Specific 243; General Ext. 3GPP IMS CONF 241, PROOF-OF-ORIGIN 242)."),
        ("ibake-not-validated", "IBAKE data types (RFC 6267, 19–25) decode when they carry no IBAKE payload; their contents are not validated (info finding)."),
        // Peer bugs (FACTS.md §7, §9): inputs known to break deployed parsers.
        ("peer-gstreamer-loop", "GStreamer 1.22's MIKEY parser loops forever on this payload type (ID, IDR, ERR, General Ext., SAKKE or an unknown type) (FACTS.md §7)."),
        ("peer-gstreamer-generic-id", "GStreamer 1.22 asserts on the GENERIC-ID map type (FACTS.md §7)."),
        ("peer-wireshark-generic-id", "Wireshark 4.0's MIKEY dissector reports a GENERIC-ID map as Malformed Packet (FACTS.md §7)."),
        ("bug-shape-never-advancing", "A payload chain of minimal or zero-length payloads: a parser that does not advance on them loops (FACTS.md §9)."),
        ("bug-shape-truncated-key-data", "Key data whose length runs past its enclosing KEMAC or message (FACTS.md §9)."),
        ("bug-shape-sign-not-last", "Bytes after the SIGN payload, which has no Next Payload field (RFC 3830 §6.5; FACTS.md §9)."),
        ("bug-shape-cs-count", "#CS disagrees with the CS ID map info actually present (FACTS.md §9)."),
        ("bug-shape-rand-empty", "RAND of length 0 (FACTS.md §9)."),
        ("bug-shape-prf-32-byte-inkey", "A 32-byte PRF inkey is exactly one 256-bit chunk; an old implementation hashed it as one full and one empty chunk (FACTS.md §3, §9)."),
        // Spec conflicts and ambiguities: the suite's documented choice.
        ("ambiguity-01-srtp-map-info-length", "RFC 3830 §6.1 calls the CS ID map info '16 bits', but the SRTP-ID map of §6.1.1 is #CS × 9 bytes. Choice: #CS × 9 bytes."),
        ("ambiguity-02-verification-mac-coverage", "RFC 3830 §5.2: the verification MAC covers the message followed by Identity_i ‖ Identity_r ‖ Timestamp; whether those are whole payloads or only the ID data and TS value is not said. Choice: ID data and TS value (the keys `idi`/`idr` supply identities not in the message)."),
        ("ambiguity-03-counter-padding", "RFC 3830 §6.6 pads COUNTER timestamps 'for the PRF', but T only feeds the AES-CM IV (§4.2.3); RFC 6043 §6.3 widens NTP-UTC-32 with a zero fraction. Choice: both are widened to 64 bits for the IV (COUNTER with leading zeros, NTP-UTC-32 with trailing zeros)."),
        ("ambiguity-05-empty-map-info", "RFC 4563 §5 never states the Empty map's info length. Choice: 0 bytes, with #CS kept as sent."),
        ("ambiguity-06-kms-timestamp", "RFC 6043 does not say which T feeds the AES-CM IV of the KEMAC in KMS responses: the Initiator's (as in RFC 3830, where the Responder reuses it) or the KMS's own fresh timestamp (§4.2.1.5, §4.2.3.5). Choice: the T payload of the message that carries the KEMAC."),
        ("ambiguity-07-optional-identities", "RFC 6043 §5.5 puts the identities after the message in the MAC input even when the optional IDRi/IDRr payloads are omitted. Choice: the identities then come from outside the message (keys `idi`, `idr`, `idkms`)."),
        ("ambiguity-08-empty-tp-data", "RFC 6043 §6.10 writes TP Data = First Payload, …, (IDRr): at least one IDRr, so a conforming TP Data is never empty; it does not say how an encoder's TP Data length 0 (or a TP Data holding only a 'Last payload' type byte) is to be read. Choice: TP Data length 0 decodes as an empty policy, which lacks the mandatory IDRr and is rejected (mikey.tp.idrr-missing); a TP Data holding only a type byte is not canonical and is rejected by the decoder (mikey.chain.empty-leading-type); a TP Data of just the IDRr is valid."),
        ("ambiguity-09-id-vs-idr", "RFC 6043 §6.6 says IDR replaces ID in MIKEY-TICKET messages, while TR 33.829 Annex C.1 fills the conference extension with ID payloads. Choice: Annex C's ID payloads are accepted with an info finding; IDR payloads there are an error."),
        ("ambiguity-10-conf-chaining", "TR 33.829 Annex C.1 does not say how the embedded ID payloads' Next Payload fields chain. Choice: the natural reading 6, 6, …, 0 (the first payload is implicitly an ID); other chainings are malformed."),
        ("ambiguity-11-tls-policy-count", "TR 33.829 Annex D.1 wants #P = 0 for a TLS crypto session, but RFC 6043 §6.1.1 requires #P = 1 in every response (the TR's own editor's note). Choice: with the tr33829 profile, #P = 0 for TLS is a warning citing both; without it, RFC 6043's rule applies; the editor's 'dummy Security Policy' option (#P = 1 naming an empty TLS SP) is valid."),
        ("ambiguity-12-must-be-zero-but-ignored", "TR 33.829 Annex D.1 says the S flag of a TLS CS 'must be set to 0, but shall be ignored by the receiver'; Annex E says the V flag 'shall be set to 0'. Choice: S = 1 for TLS is a warning (the receiver ignores it); V = 1 with PSK/MIME is an error."),
        ("ambiguity-13-psk-mime-ticket-keys", "TR 33.829 Annex E: the ticket's KEMAC holds 'no keys besides MPKi', yet proof-of-origin needs forking (MPKr); and 'the TEK has associated salt or key validity period' is garbled. Choice: the base ticket's KEMAC may hold only MPK keys (any number); the TRANSFER_INIT TEK may be TEK or TEK+SALT with any KV."),
        ("ambiguity-14-proof-of-origin-length", "TR 33.829 Annex F.1 does not fix the proof-of-origin data length (the MAC of the AEAD algorithm, or an application-defined hash). Choice: any non-zero length; empty data is an error."),
        ("rfc6043-v-flag-conflict", "RFC 6043 §4.2.1.1 and §4.2.3.1 say the V flag of REQUEST_INIT and RESOLVE_INIT \"MUST be set to '1' but SHALL be ignored by the KMS\", while §6.1 says V \"MUST be set to '0' and ignored in all messages except TRANSFER_INIT messages\". Choice: the clauses specific to the two messages win: V = 1 is clean, V = 0 is a warning citing both clauses (mikey.hdr.v-flag-request; the KMS ignores V either way). In REQUEST_RESP, TRANSFER_RESP and RESOLVE_RESP, where §4.2.1.5, §4.2.2.3, §4.2.3.5 and §6.1 agree on 0, V = 1 is a warning (mikey.hdr.v-flag-ticket)."),
        ("rfc6043-v-agrees-with-f", "RFC 6043 §4.2.2.1: \"The value of the V flag SHALL agree with the F flag in the Ticket Policy and it SHALL be ignored by the Responder.\" Choice: a TRANSFER_INIT whose V differs from its TICKET's F flag is an error (mikey.hdr.v-flag-f)."),
        ("rfc3830-update-message", "RFC 3830 §4.5 / Figure 4.1: a CSB update message omits RAND and may omit the key data. A single message does not say whether it is an update, so the suite validates it as an initial message."),
        ("error-message-err-count", "RFC 3830 §5.1.2 writes the Error message as HDR, T, {ERR}, {SP}, [V|SIGNr] (zero or more ERR), RFC 6043 §5.4 writes it for the MIKEY-TICKET exchanges as HDR, T, (ERR), … (one or more). Data type 6 is shared and a lone Error message does not say which exchange it belongs to. Choice: RFC 3830's {ERR}: an Error message without ERR is accepted (valid); RFC 6043's stricter form is for a peer that knows the exchange to enforce."),
        ("rfc6043-empty-map-request", "RFC 6043 §4.2.1.1 and §4.2.3.1: REQUEST_INIT and RESOLVE_INIT handle no crypto session, so \"the #CS MUST be set to '0' and the CS ID map type SHALL be the 'Empty map'\" (RFC 4563 §5); the responses copy both fields. Any other map type or #CS is an error (mikey.hdr.ticket-request-map)."),
        ("kw-iv-salt-key", "RFC 3830 §4.2.3 sets the AES-KW IV to the derived 64-bit salt S; RFC 3394's default IV A6A6A6A6A6A6A6A6 is not used."),
    ]

    static func text(_ flag: String) -> String? { all.first { $0.0 == flag }?.1 }

    /// The notes for the flags `used` (in the table's order).
    static func notes(for used: Set<String>) -> [(String, String)] {
        all.filter { used.contains($0.0) }
    }
}
