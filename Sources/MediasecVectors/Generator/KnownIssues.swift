extension MIKEYVectorGenerator {
    /// Vectors whose spec-stated outcome mediasec's validator does not
    /// produce today: each entry is a bug report (vector id → what is wrong
    /// and which clause says so). Written to `Vectors/known-failures.json`;
    /// `selftest` and the tests treat them as expected failures, and an
    /// entry that starts passing fails the run until it is removed here.
    public static let knownIssues: [(id: String, reason: String)] = [
        ("mikey::rfc6043::request-resp::base-ticket-idrpsk", "TicketChecks.checkTicket removes an IDRpsk only at index 4 of the base-ticket payloads (`types[4]`), but after THDR they are T, RAND, KEMAC, [IDRpsk], V, so IDRpsk sits at index 3 (RFC 6043 Appendix A): every base ticket carrying IDRpsk is rejected with mikey.ticket.base-shape."),
        ("mikey::rfc6043::transfer-init::base-ticket-idrpsk", "TicketChecks.checkTicket removes an IDRpsk only at index 4 of the base-ticket payloads (`types[4]`), but after THDR they are T, RAND, KEMAC, [IDRpsk], V, so IDRpsk sits at index 3 (RFC 6043 Appendix A): every base ticket carrying IDRpsk is rejected with mikey.ticket.base-shape."),
        ("mikey::rfc6043::request-resp::base-ticket-idrpsk-after-v", "TicketChecks.checkTicket removes an IDRpsk only at index 4 of the base-ticket payloads (`types[4]`), but after THDR they are T, RAND, KEMAC, [IDRpsk], V, so IDRpsk sits at index 3 (RFC 6043 Appendix A): an IDRpsk after V (V SHALL be last, Appendix A.1) is accepted."),
        ("mikey::rfc3830::kemac::aes-kw-length-16", "PayloadChecks accepts AES-KW-128 Encr data of 16 bytes (`count < 16`), but RFC 3394 §2 requires n ≥ 2 64-bit plaintext blocks, so key-wrap output is at least 24 bytes; the rule's summary ('at least 16') has the same off-by-one-block."),
        ("mikey::rfc3830::sakke::two-certs", "MessageComposition gives data type 26 CERT: 0...many, but RFC 6509 §2.1 Figure 1 has a single optional [CERT]."),
    ]
}
