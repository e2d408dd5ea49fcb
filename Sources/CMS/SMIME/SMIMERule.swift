import MediasecCore

/// One rule of the S/MIME entity layer (RFC 8551 §3, RFC 2045, RFC 5322,
/// TR 33.829 Annex B): a stable code, its severity and clause.
///
/// `isForm` marks the rules about the *form* of the bytes (line endings,
/// header syntax, base64 layout) as opposed to their meaning: an entity that
/// raises none of them is in the canonical form, and ``SMIMEEntity/encoded()``
/// reproduces it byte for byte (the FuzzSMIME oracle checks exactly that).
public struct SMIMERule: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let specRef: String
    public let summary: String
    public let isForm: Bool

    init(_ code: String, _ severity: Severity, _ specRef: String, _ summary: String, form: Bool = false) {
        self.code = code
        self.severity = severity
        self.specRef = specRef
        self.summary = summary
        self.isForm = form
    }

    func finding(at offset: Int?, _ path: String, _ message: String? = nil) -> Finding {
        Finding(code: code, severity: severity, offset: offset, path: path, specRef: specRef, message: message ?? summary)
    }
}

/// The S/MIME rule catalog. The smime-type parameter itself is checked by
/// ``CMSValidator/checkSMIMEType(_:)`` (`tr33829.b1.*`, FACTS.md §10 item 15).
public enum SMIMERules {
    // MARK: line endings (RFC 5322 §2.1, RFC 8551 §3.1.1)
    public static let bareLF = SMIMERule("smime.crlf.bare-lf", .error, "RFC 5322 §2.1 / RFC 8551 §3.1.1", "a line ends with a bare LF; MIME entities use CRLF line endings", form: true)
    public static let bareCR = SMIMERule("smime.crlf.bare-cr", .error, "RFC 5322 §2.1", "a CR that is not followed by LF", form: true)

    // MARK: header block (RFC 5322 §2.1–2.2, RFC 2045 §3)
    public static let headerSyntax = SMIMERule("smime.header.syntax", .error, "RFC 5322 §2.2", "a header line is neither a field (name \":\" value) nor a folded continuation line", form: true)
    public static let headerLineLength = SMIMERule("smime.header.line-too-long", .error, "RFC 5322 §2.1.1", "a header line is longer than 998 characters")
    public static let headerNonASCII = SMIMERule("smime.header.non-ascii", .error, "RFC 5322 §2.2 / RFC 2045 §5.1", "a header field holds octets outside US-ASCII")
    public static let headerNoBody = SMIMERule("smime.header.no-separator", .error, "RFC 5322 §2.1", "the header block is not ended by an empty line, so the entity has no body", form: true)
    public static let headerCount = SMIMERule("smime.limit.header-count", .error, "mediasec limits", "more header fields than the limit; parsing stopped", form: true)
    public static let headerDuplicate = SMIMERule("smime.header.duplicate", .error, "RFC 2045 §5 / RFC 2183 §2", "Content-Type, Content-Transfer-Encoding or Content-Disposition occurs more than once")

    // MARK: Content-Type (RFC 2045 §5, RFC 8551 §3.2)
    public static let contentTypeMissing = SMIMERule("smime.content-type.missing", .error, "RFC 2045 §5.2 / RFC 8551 §3.2", "no Content-Type field: the entity defaults to text/plain, not application/pkcs7-mime")
    public static let contentTypeSyntax = SMIMERule("smime.content-type.syntax", .error, "RFC 2045 §5.1", "the Content-Type value is not type \"/\" subtype *(\";\" parameter)")
    public static let notPKCS7MIME = SMIMERule("smime.content-type.not-pkcs7-mime", .error, "RFC 8551 §3.2 / TR 33.829 Annex B.2", "the media type is not application/pkcs7-mime")
    public static let parameterDuplicate = SMIMERule("smime.parameter.duplicate", .error, "RFC 2045 §5.1 / RFC 2231 §7", "a parameter name occurs twice in one field")
    public static let smimeTypeMissing = SMIMERule("smime.smime-type.missing", .warning, "RFC 8551 §3.2", "application/pkcs7-mime SHOULD carry the smime-type parameter")
    public static let nameMissing = SMIMERule("smime.name.missing", .info, "RFC 8551 §3.2.1", "sending agents SHOULD emit the name parameter (for older systems)")
    public static let nameExtension = SMIMERule("smime.name.extension", .warning, "RFC 8551 §3.2.1", "the name / filename of an AuthEnvelopedData entity SHOULD end in .p7m")

    // MARK: Content-Disposition (RFC 2183, RFC 8551 §3.2.1)
    public static let dispositionSyntax = SMIMERule("smime.disposition.syntax", .error, "RFC 2183 §2", "the Content-Disposition value is not disposition-type *(\";\" parameter)")
    public static let dispositionMissing = SMIMERule("smime.disposition.missing", .info, "RFC 8551 §3.2.1", "sending agents SHOULD emit Content-Disposition with a filename parameter")

    // MARK: Content-Transfer-Encoding (RFC 2045 §6)
    public static let transferEncodingUnsupported = SMIMERule("smime.cte.unsupported", .error, "RFC 2045 §6.1 / RFC 8551 §3.2", "the transfer encoding is not base64, binary, 8bit or 7bit: the CMS object cannot be recovered")
    public static let transferEncodingNot7bit = SMIMERule("smime.cte.not-7bit", .error, "RFC 2045 §2.7 / RFC 8551 §3.1.2", "the body is 7bit (declared, or by default) but holds octets above 127 or NUL")

    // MARK: base64 body (RFC 2045 §6.8, RFC 4648 §3)
    public static let base64InvalidCharacter = SMIMERule("smime.base64.invalid-char", .error, "RFC 2045 §6.8", "a character outside the base64 alphabet in the body", form: true)
    public static let base64LineLength = SMIMERule("smime.base64.line-too-long", .error, "RFC 2045 §6.8", "a base64 line is longer than 76 characters", form: true)
    public static let base64Padding = SMIMERule("smime.base64.padding", .error, "RFC 2045 §6.8 / RFC 4648 §3.2", "the base64 text does not end in a complete, correctly padded 4-character quantum, or continues after the padding", form: true)
    public static let base64PadBits = SMIMERule("smime.base64.pad-bits", .warning, "RFC 4648 §3.5", "the unused bits of the last base64 character are not zero (not the canonical encoding)", form: true)
    public static let base64IrregularLines = SMIMERule("smime.base64.irregular-lines", .info, "RFC 2045 §6.8", "the base64 lines do not all have the width of the first one", form: true)
    public static let base64BlankLine = SMIMERule("smime.base64.blank-line", .info, "RFC 2045 §6.8", "an empty line inside or after the base64 body (ignored)", form: true)
    public static let bodyEmpty = SMIMERule("smime.body.empty", .error, "RFC 8551 §3.2", "the entity carries no CMS object")

    // MARK: the inner (decrypted) MIME entity (RFC 8551 §3.1, §3.2)
    public static let innerNotMIME = SMIMERule("smime.inner.not-mime", .error, "RFC 8551 §3.2 / TR 33.829 Annex B.2", "the decrypted id-data content is not a MIME entity (header block, empty line, body)")
    public static let innerLineEnding = SMIMERule("smime.inner.line-ending", .error, "RFC 8551 §3.1.1", "a text inner entity has line endings other than CRLF (not canonicalized before enveloping)")
    public static let innerParsed = SMIMERule("smime.inner.parsed", .info, "RFC 8551 §3.1", "the decrypted content was parsed as a MIME entity")

    public static let all: [SMIMERule] = [
        bareLF, bareCR, headerSyntax, headerLineLength, headerNonASCII, headerNoBody, headerCount, headerDuplicate,
        contentTypeMissing, contentTypeSyntax, notPKCS7MIME, parameterDuplicate, smimeTypeMissing, nameMissing, nameExtension,
        dispositionSyntax, dispositionMissing, transferEncodingUnsupported, transferEncodingNot7bit,
        base64InvalidCharacter, base64LineLength, base64Padding, base64PadBits, base64IrregularLines, base64BlankLine, bodyEmpty,
        innerNotMIME, innerLineEnding, innerParsed,
    ]

    /// Codes of the form rules (see ``SMIMERule/isForm``).
    public static let formCodes: Set<String> = Set(all.filter(\.isForm).map(\.code))

    public static func rule(code: String) -> SMIMERule? { all.first { $0.code == code } }
}
