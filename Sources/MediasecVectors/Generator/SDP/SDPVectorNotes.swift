/// Every flag an SDP vector may carry, with the note written into the
/// file's `notes` object (FACTS.md §9 bug shapes, §10 ambiguities 17–19).
enum SDPVectorNotes {
    static let all: [(String, String)] = [
        // How the vector was built.
        ("clean-baseline", "A description composed as RFC 8866 and the cited clause describe; every rule that applies to it must stay silent."),
        ("one-change", "Built from a clean description by changing one line or one field; the expected codes are those of that change."),
        ("rfc-example", "Text printed in the cited RFC (folded lines joined), under a minimal session part where the RFC prints only media lines."),
        ("offer-answer", "The input is an offer and its answer separated by one NUL byte (`offer ‖ 0x00 ‖ answer`; `offer-answer` in `profiles`). NUL never occurs in a description the decoder accepts, so the first NUL splits the pair. Paths start with `offer.` or `answer.`."),
        ("role", "The vector states the side of the exchange (`role-offer` or `role-answer` in `profiles`): some rules apply to one side only (RFC 4145 §4.1, RFC 8842 §5.2, TR 33.829 §8.3.1.2)."),
        ("profile-selection", "The vector names its validation profiles explicitly instead of the automatic choice (every profile; tr33829 when an a=3ge2ae or a TR 33.829 MIKEY message is present): rules of other profiles stay silent."),
        ("limit", "Exceeds one of mediasec's named hard limits (SDPLimits); where the default would need a very large vector, the limit is lowered with a `max-…-N` entry in `profiles`."),
        ("hostile-input", "Input shaped to exhaust a decoder (many lines, many formats, many keys); it must be rejected with a limit code or decoded in linear time."),
        ("nested-mikey", "The a=key-mgmt carries a MIKEY message built with the MIKEY module's templates; the MIKEY validator's own findings appear under `…keyMgmt.mikey…` and count like any other finding."),
        ("tr-code-points", "Uses a TR 33.829 code point that was never assigned, at the suite's documented default (FACTS.md §1): Prot Type TLS 241."),
        // Ambiguities (FACTS.md §10).
        ("ambiguity-17-kdr", "RFC 4568 §6.3.1 says KDR ∈ {1..24}, the §9.2 grammar comment 0..24. Choice `kdr-section631` (default): KDR=0 is sdp.crypto.kdr-range (error); `kdr-abnf`: KDR=0 is sdp.crypto.kdr-zero-abnf (info)."),
        ("ambiguity-17-f8-suite", "F8_128_HMAC_SHA1_32 is in the RFC 4568 §9.2 ABNF but was never registered. Choice `abnf-only-suite-registry` (default): sdp.crypto.suite-unknown (warning); `abnf-only-suite-abnf`: sdp.crypto.suite-abnf-only (info), key length checked as F8_128_HMAC_SHA1_80."),
        ("ambiguity-17-wsh", "WSH ≥ 64 appears only in an RFC 4568 §9.2 grammar comment; §6.3.6 calls WSH a hint. Choice `wsh-required` (default): sdp.crypto.wsh-minimum (error); `wsh-hint`: sdp.crypto.wsh-hint (warning)."),
        ("ambiguity-18-lifetime", "RFC 4568 §6.1 gives one lifetime but two maxima (SRTP 2^48, SRTCP 2^31). Choice `lifetime-max-srtp` (default): above 2^48 is sdp.crypto.lifetime-max, between 2^31 and 2^48 sdp.crypto.lifetime-srtcp (info); `lifetime-max-srtcp`: above 2^31 is sdp.crypto.lifetime-max."),
        ("ambiguity-19-hash-case", "RFC 8122 §5 hash names are case-insensitive by the ABNF (RFC 5234 §2.3) but lowercase in the registry. Choice `hash-case-insensitive` (default): sdp.fingerprint.hash-case (info); `hash-case-lowercase`: sdp.fingerprint.hash-case-strict (error)."),
        // Peers (FACTS.md §5, §7).
        ("peer-sofia-sip", "sofia-sip's sdp_parse silently drops everything after a 1-byte line (FACTS.md §5)."),
        // Bug shapes (FACTS.md §9).
        ("bug-shape-one-byte-line", "A line of one byte (FACTS.md §9)."),
        ("bug-shape-nul-byte", "A NUL byte inside a line (FACTS.md §9)."),
        ("bug-shape-payload-type-2-32", "An RTP payload type of 2^32 or more: overflows a 32-bit parse (FACTS.md §9)."),
        ("bug-shape-huge-fmt-list", "An m= line with hundreds of <fmt> entries (FACTS.md §9)."),
        ("bug-shape-percent-at-end", "An MSRP URI ending in an incomplete %-escape (FACTS.md §9)."),
        ("bug-shape-lifetime", "A crypto lifetime `2^` without exponent, `0`, or `020` (FACTS.md §9)."),
        ("bug-shape-mki-length", "An MKI length of 0 or 129 (FACTS.md §9; RFC 4568 §6.1: 1..128)."),
        ("bug-shape-lowercase-fingerprint", "A fingerprint in lower-case hex (FACTS.md §9; RFC 8122 §5 UHEX)."),
        ("bug-shape-session-level-crypto", "a=crypto at session level (FACTS.md §9; RFC 4568 §4: media level only)."),
        ("bug-shape-duplicate-tag", "Two a=crypto lines of one m-line share a tag (FACTS.md §9; RFC 4568 §4.1)."),
    ]

    static func text(_ flag: String) -> String? { all.first { $0.0 == flag }?.1 }

    static func notes(for used: Set<String>) -> [(String, String)] { all.filter { used.contains($0.0) } }
}
