import MediasecCore

/// One named rule of the SIP body module: a stable code, its severity, the
/// clause it rests on. Every finding the decoder or the validator emits on
/// its own account goes through a rule, so ``SIPBodyRules/all`` is the
/// complete list of what the module can say (nested findings of the part
/// codecs keep their own `mikey.*`, `sdp.*`, `resource-lists.*`, `cms.*`
/// codes).
public struct SIPBodyRule: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let specRef: String
    public let summary: String

    init(_ code: String, _ severity: Severity, _ specRef: String, _ summary: String) {
        self.code = code
        self.severity = severity
        self.specRef = specRef
        self.summary = summary
    }

    func finding(at offset: Int?, _ path: String, _ message: String? = nil) -> Finding {
        Finding(code: code, severity: severity, offset: offset, path: path, specRef: specRef, message: message ?? summary)
    }
}

/// The rule catalog.
public enum SIPBodyRules {
    // MARK: Content-Type of the whole body (RFC 2045 §5.1, RFC 2046 §5.1.1)
    public static let contentTypeSyntax = SIPBodyRule("sip-body.content-type.syntax", .error, "RFC 2045 §5.1", "The body's Content-Type value does not parse as type/subtype *(; parameter)")
    public static let boundaryMissing = SIPBodyRule("sip-body.multipart.boundary-missing", .error, "RFC 2046 §5.1.1", "A multipart Content-Type has no boundary parameter")
    public static let boundaryInvalid = SIPBodyRule("sip-body.multipart.boundary-invalid", .error, "RFC 2046 §5.1.1", "The boundary is not 1*70 bchars ending in a non-space (or holds CR/LF, which makes it unusable)")
    public static let notMultipartMixed = SIPBodyRule("sip-body.multipart.subtype", .info, "RFC 2046 §5.1.3 / TR 33.829 clause 5.3.3.3", "A multipart body other than multipart/mixed; parts are split by the same syntax")

    // MARK: Multipart syntax (RFC 2046 §5.1.1)
    public static let noDelimiter = SIPBodyRule("sip-body.multipart.no-delimiter", .error, "RFC 2046 §5.1.1", "No boundary delimiter line: the body has no body part")
    public static let closeMissing = SIPBodyRule("sip-body.multipart.close-missing", .error, "RFC 2046 §5.1.1", "No close delimiter --boundary--: the last part may be truncated")
    public static let bareLF = SIPBodyRule("sip-body.multipart.bare-lf", .error, "RFC 2046 §5.1.1 / RFC 2045 §2.1", "A line ends in LF without CR: delimiters and header lines end in CRLF")
    public static let bareCR = SIPBodyRule("sip-body.multipart.bare-cr", .warning, "RFC 2045 §2.7", "A CR not followed by LF")
    public static let delimiterSuffix = SIPBodyRule("sip-body.multipart.delimiter-suffix", .warning, "RFC 2046 §5.1.1", "A line starts with the dash-boundary but continues with more than transport padding: it is body data, yet parsers disagree")
    public static let preamble = SIPBodyRule("sip-body.multipart.preamble", .info, "RFC 2046 §5.1.1", "Text before the first delimiter (ignored)")
    public static let epilogue = SIPBodyRule("sip-body.multipart.epilogue", .info, "RFC 2046 §5.1.1", "Non-blank text after the close delimiter (ignored)")
    public static let tooManyParts = SIPBodyRule("sip-body.limit.parts", .error, "RFC 2046 §5.1.1 / suite limit", "More body parts than the limit allows; the rest is not split")
    public static let tooManyHeaderLines = SIPBodyRule("sip-body.limit.header-lines", .error, "RFC 2046 §5.1.1 / suite limit", "A part's header block has more lines than the limit allows")
    public static let tooLarge = SIPBodyRule("sip-body.limit.size", .error, "suite limit", "The body is larger than the limit allows; not split")

    // MARK: Part headers (RFC 2045, RFC 2183, RFC 5621)
    public static let headerSyntax = SIPBodyRule("sip-body.part.header-syntax", .error, "RFC 2045 §3 / RFC 5322 §2.2", "A part header line is not name \":\" value (or a continuation)")
    public static let headerBlockUnterminated = SIPBodyRule("sip-body.part.header-unterminated", .error, "RFC 2046 §5.1.1", "The part ends before the empty line that closes its header block")
    public static let contentTypeMissing = SIPBodyRule("sip-body.part.content-type-missing", .warning, "RFC 2046 §5.1.1 / RFC 5621 §3.1", "A part has no Content-Type (text/plain; charset=us-ascii is implied)")
    public static let partContentTypeSyntax = SIPBodyRule("sip-body.part.content-type-syntax", .error, "RFC 2045 §5.1", "A part's Content-Type does not parse")
    public static let duplicateHeader = SIPBodyRule("sip-body.part.duplicate-header", .error, "RFC 2045 §3", "Content-Type, Content-Transfer-Encoding or Content-Disposition appears twice in one part")
    public static let typeUnknown = SIPBodyRule("sip-body.part.type-unknown", .info, "RFC 5621 §3.1", "A part type this module has no codec for; not validated")
    public static let cteUnknown = SIPBodyRule("sip-body.part.cte-unknown", .error, "RFC 2045 §6.1", "Content-Transfer-Encoding is not 7bit, 8bit, binary, base64 or quoted-printable")
    public static let cteUnsupported = SIPBodyRule("sip-body.part.cte-unsupported", .warning, "RFC 2045 §6.7", "quoted-printable content is not decoded; the part is not validated")
    public static let base64Invalid = SIPBodyRule("sip-body.part.base64-invalid", .error, "RFC 2045 §6.8", "The base64 content has a character outside the alphabet, misplaced padding or a partial quantum")
    public static let mikeyEncoding = SIPBodyRule("sip-body.part.mikey-encoding", .warning, "IANA application/mikey (RFC 3830 §10.1) / TR 33.829 clause 5.3.3.3", "application/mikey without Content-Transfer-Encoding: base64; read as binary")
    public static let dispositionSyntax = SIPBodyRule("sip-body.part.disposition-syntax", .error, "RFC 2183 §2", "Content-Disposition does not parse")
    public static let recipientListDisposition = SIPBodyRule("sip-body.part.recipient-list-disposition", .error, "RFC 5363 §5 / RFC 5366 §4 / TR 33.829 clause 5.3.3.4.1", "The resource-lists part must carry Content-Disposition: recipient-list")

    // MARK: Cross-checks (TR 33.829 clauses 5.3.3.3, 5.3.3.4.1, Annex C)
    public static let participantNotListed = SIPBodyRule("sip-body.conf.participant-not-listed", .warning, "TR 33.829 clause 5.3.3.4.1 / Annex C.1", "An authorized participant of the 3GPP IMS CONF extension is not in the recipient list (it can still join later)")
    public static let recipientNotParticipant = SIPBodyRule("sip-body.conf.recipient-not-participant", .error, "TR 33.829 clause 5.3.3.4.1 / Annex C.1", "A recipient-list entry is not an authorized participant of the 3GPP IMS CONF extension: the focus must refuse to invite it")
    public static let confExtensionMissing = SIPBodyRule("sip-body.conf.extension-missing", .warning, "TR 33.829 clause 5.3.3.3 / 5.3.3.4.1", "A recipient list accompanies a TRANSFER_INIT without the 3GPP IMS CONF extension: the focus cannot verify that the recipients are authorized")
    public static let confExtensionMalformed = SIPBodyRule("sip-body.conf.extension-malformed", .error, "TR 33.829 Annex C.1", "The 3GPP IMS CONF extension data is not a chain of ID payloads")
    public static let mikeyMismatch = SIPBodyRule("sip-body.mikey.mismatch", .error, "TR 33.829 clause 5.3.3.3", "application/mikey and a=key-mgmt carry the same bundle (same CSB ID or both the conference extension) but not the same message")
    public static let mikeyInitiatorMismatch = SIPBodyRule("sip-body.mikey.initiator-mismatch", .warning, "TR 33.829 clause 5.3.3.3 / RFC 6043 §6.6", "application/mikey and a=key-mgmt name different initiators (IDRi) in one request")

    // MARK: Presence rules (TR 33.829 clauses 5.3.3.3, 5.3.3.4)
    public static let sdpMissing = SIPBodyRule("sip-body.tr.sdp-missing", .error, "TR 33.829 clause 5.3.3.3", "A conference-creation body without an application/sdp part: the creator joins at creation, with the usual SDP offer")
    public static let mikeyMissing = SIPBodyRule("sip-body.tr.mikey-missing", .error, "TR 33.829 clause 5.3.3.3 / 5.3.3.4.1", "A conference-factory INVITE without the application/mikey part holding the TRANSFER_INIT")
    public static let mikeyDuplicate = SIPBodyRule("sip-body.tr.mikey-duplicate", .error, "TR 33.829 clause 5.3.3.3", "More than one application/mikey part")
    public static let recipientListDuplicate = SIPBodyRule("sip-body.tr.recipient-list-duplicate", .error, "RFC 5366 §4", "More than one recipient-list part")
    public static let mikeyDataType = SIPBodyRule("sip-body.tr.mikey-data-type", .error, "TR 33.829 clause 5.3.3.3", "The application/mikey message is not TRANSFER_INIT (request) / TRANSFER_RESP (response)")
    public static let confCryptoSessions = SIPBodyRule("sip-body.tr.conf-cs-count", .error, "TR 33.829 clause 5.3.3.3 NOTE 2", "The conference TRANSFER_INIT/RESP shall carry no crypto session (#CS = 0)")
    public static let confForking = SIPBodyRule("sip-body.tr.conf-forking", .error, "TR 33.829 clause 5.3.3.3 NOTE 2", "The ticket of the conference TRANSFER_INIT shall use forking (I = 1)")

    public static let all: [SIPBodyRule] = [
        contentTypeSyntax, boundaryMissing, boundaryInvalid, notMultipartMixed,
        noDelimiter, closeMissing, bareLF, bareCR, delimiterSuffix, preamble, epilogue, tooManyParts, tooManyHeaderLines, tooLarge,
        headerSyntax, headerBlockUnterminated, contentTypeMissing, partContentTypeSyntax, duplicateHeader, typeUnknown,
        cteUnknown, cteUnsupported, base64Invalid, mikeyEncoding, dispositionSyntax, recipientListDisposition,
        participantNotListed, recipientNotParticipant, confExtensionMissing, confExtensionMalformed, mikeyMismatch, mikeyInitiatorMismatch,
        sdpMissing, mikeyMissing, mikeyDuplicate, recipientListDuplicate, mikeyDataType, confCryptoSessions, confForking,
    ]

    public static func rule(code: String) -> SIPBodyRule? { all.first { $0.code == code } }
}
