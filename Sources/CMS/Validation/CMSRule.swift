import MediasecCore

/// The validation profiles. By default ``CMSProfileName/rfc5083`` always
/// runs and ``CMSProfileName/tr33829AnnexB`` runs when a recipient is an
/// `id-ori-mikey` ori (a TR code point); ``CMSProfileName/ts33328AnnexI``
/// runs only on request (its kekri form is plain CMS).
public enum CMSProfileName: String, Sendable, Hashable, CaseIterable, Codable {
    /// Generic AuthEnvelopedData: RFC 5083, RFC 5084, RFC 5652, RFC 3565.
    case rfc5083 = "rfc5083"
    /// TR 33.829 Annex B (PSK MIME protection with an `id-ori-mikey`
    /// TRANSFER_INIT, validated by the MIKEY module's tr33829 profile),
    /// Annex E (PSK/MIME CS) and Annex F (proof-of-origin).
    case tr33829AnnexB = "tr33829-annex-b"
    /// TS 33.328 Annex I: KEKRecipientInfo with AES key wrap 128/256 and
    /// AES-GCM/CCM 128/256 (the normative successor of Annex B; FACTS.md §1).
    case ts33328AnnexI = "ts33328-annex-i"
}

/// One named validation rule: a stable code, its severity, the clause it
/// rests on and the profile it belongs to. Every finding of the validator
/// goes through a rule, so ``CMSRules/all`` is the complete list of what it
/// can say — besides the `der.*` deviations of the decode, and the nested
/// `mikey.*` / `tr33829.*` findings of the TRANSFER_INIT (Annex B profile),
/// which keep their own codes under a path prefix.
public struct CMSRule: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let specRef: String
    public let profile: CMSProfileName
    public let summary: String

    init(_ code: String, _ severity: Severity, _ specRef: String, _ profile: CMSProfileName, _ summary: String) {
        self.code = code
        self.severity = severity
        self.specRef = specRef
        self.profile = profile
        self.summary = summary
    }
}

/// The rule catalog.
public enum CMSRules {
    // MARK: RFC 5083 — structure
    public static let notAuthEnveloped = CMSRule("cms.content-type.not-auth-enveloped", .error, "RFC 5083 §2.1", .rfc5083, "ContentInfo does not carry id-ct-authEnvelopedData")
    public static let version = CMSRule("cms.aed.version", .error, "RFC 5083 §2.1", .rfc5083, "AuthEnvelopedData version MUST be 0")
    public static let recipientsEmpty = CMSRule("cms.recipients.empty", .error, "RFC 5083 §2.1", .rfc5083, "recipientInfos MUST hold at least one RecipientInfo (SET SIZE (1..MAX))")
    public static let originatorInfoUnused = CMSRule("cms.originator-info.unused", .info, "RFC 5083 §2.1", .rfc5083, "originatorInfo is present although no recipient uses key agreement")
    public static let contentDetached = CMSRule("cms.content.detached", .warning, "RFC 5652 §6.1", .rfc5083, "encryptedContent is absent: the content must be supplied by other means")

    // MARK: RFC 5083 / RFC 5084 — algorithm
    public static let notAEAD = CMSRule("cms.alg.not-aead", .error, "RFC 5083 §2.1 / RFC 5084 §3", .rfc5083, "contentEncryptionAlgorithm is not a content-authenticated encryption algorithm (AES-GCM / AES-CCM)")
    public static let paramsAbsent = CMSRule("cms.alg.params-absent", .error, "RFC 5084 §3", .rfc5083, "AES-GCM / AES-CCM parameters MUST be present")
    public static let paramsType = CMSRule("cms.alg.params-type", .error, "RFC 5084 §3", .rfc5083, "parameters are not GCMParameters / CCMParameters")
    public static let gcmNonceEmpty = CMSRule("cms.gcm.nonce-empty", .error, "RFC 5084 §3.2", .rfc5083, "the GCM nonce must have at least one octet")
    public static let gcmNonceLength = CMSRule("cms.gcm.nonce-length", .info, "RFC 5084 §3.2", .rfc5083, "the GCM nonce is not the recommended 12 octets")
    public static let gcmNonceOversized = CMSRule("cms.gcm.nonce-oversized", .warning, "RFC 5084 §3.2 / FACTS.md §9", .rfc5083, "a GCM nonce of 17 or more octets is allowed but exceeds the 16-octet IV buffers of common implementations")
    public static let ccmNonceLength = CMSRule("cms.ccm.nonce-length", .error, "RFC 5084 §3.1", .rfc5083, "the CCM nonce must be 7 to 13 octets (SIZE(7..13))")
    public static let ccmNonceRecommended = CMSRule("cms.ccm.nonce-l8", .info, "RFC 5084 §3.1", .rfc5083, "L = 8 (a 7-octet CCM nonce) is RECOMMENDED")
    public static let icvLength = CMSRule("cms.alg.icvlen", .error, "RFC 5084 §3", .rfc5083, "ICVlen is not an allowed value (GCM 12..16, CCM 4, 6, ..., 16)")
    public static let macLength = CMSRule("cms.mac.length", .error, "RFC 5084 §3", .rfc5083, "the mac length MUST equal ICVlen")
    public static let icvLengthOmittedInterop = CMSRule("cms.interop.icvlen-omitted", .info, "X.690 §11.5 / FACTS.md §10 (16)", .rfc5083, "ICVlen 12 is omitted as DER requires; OpenSSL 3.0 refuses to decrypt this form")

    // MARK: RFC 5083 / RFC 5652 — attributes
    public static let authAttrsRequired = CMSRule("cms.authattrs.required", .error, "RFC 5083 §2.1", .rfc5083, "authAttrs MUST be present when the content type is not id-data")
    public static let authAttrsNotDER = CMSRule("cms.authattrs.not-der", .error, "RFC 5083 §2.1", .rfc5083, "authAttrs MUST be DER encoded, even if the rest is BER")
    public static let authAttrsEmpty = CMSRule("cms.authattrs.empty", .error, "RFC 5083 §2.1 / RFC 5652 §9.1", .rfc5083, "authAttrs is present but empty (SET SIZE (1..MAX))")
    public static let unauthAttrsEmpty = CMSRule("cms.unauthattrs.empty", .error, "RFC 5083 §2.1 / RFC 5652 §9.1", .rfc5083, "unauthAttrs is present but empty (SET SIZE (1..MAX))")
    public static let messageDigestAttr = CMSRule("cms.authattrs.message-digest", .warning, "RFC 5083 §2.1", .rfc5083, "the message-digest attribute SHOULD NOT be included in authAttrs")
    public static let contentTypeAttrMismatch = CMSRule("cms.attr.content-type-mismatch", .error, "RFC 5652 §11.1", .rfc5083, "the content-type attribute does not match the encrypted content type")
    public static let contentTypeAttrValues = CMSRule("cms.attr.content-type-values", .error, "RFC 5652 §11.1", .rfc5083, "the content-type attribute MUST have a single OBJECT IDENTIFIER value")
    public static let contentTypeAttrUnauth = CMSRule("cms.attr.content-type-unauth", .error, "RFC 5652 §11.1", .rfc5083, "the content-type attribute MUST NOT be an unauthenticated attribute")

    // MARK: RFC 5652 / RFC 3565 — recipients
    public static let ktriVersion = CMSRule("cms.ktri.version", .error, "RFC 5652 §6.2.1", .rfc5083, "ktri version must be 0 (issuerAndSerialNumber) or 2 (subjectKeyIdentifier)")
    public static let kariVersion = CMSRule("cms.kari.version", .error, "RFC 5652 §6.2.2", .rfc5083, "kari version must be 3")
    public static let kekriVersion = CMSRule("cms.kekri.version", .error, "RFC 5652 §6.2.3", .rfc5083, "kekri version must be 4")
    public static let pwriVersion = CMSRule("cms.pwri.version", .error, "RFC 5652 §6.2.4", .rfc5083, "pwri version must be 0")
    public static let kekriWrapAlgorithm = CMSRule("cms.kekri.wrap-alg", .warning, "RFC 3565 §2.4", .rfc5083, "kekri keyEncryptionAlgorithm is not AES key wrap; it is not processed")
    public static let kekriWrapParams = CMSRule("cms.kekri.wrap-params", .error, "RFC 3565 §2.4", .rfc5083, "AES key wrap parameters MUST be absent")
    public static let kekriWrappedLength = CMSRule("cms.kekri.wrapped-length", .error, "RFC 3394 §2", .rfc5083, "the wrapped key must be a multiple of 8 octets and at least 24")
    public static let kekriKEKShorter = CMSRule("cms.kekri.kek-shorter-than-cek", .error, "RFC 3565 §2.3.2", .rfc5083, "the KEK MUST be of equal or greater length than the CEK")
    public static let kekriCEKLength = CMSRule("cms.kekri.cek-length", .error, "RFC 5084 §3", .rfc5083, "the wrapped CEK does not have the key size of the content algorithm")
    public static let kekriKWPNotSupported = CMSRule("cms.kekri.kwp-not-supported", .info, "RFC 5649 §6", .rfc5083, "AES key wrap with padding is recognized but not supported")
    public static let oriUnknown = CMSRule("cms.ori.unknown-type", .info, "RFC 5652 §6.2.5", .rfc5083, "an ori of an unknown type is preserved, not processed")
    public static let recipientNotProcessed = CMSRule("cms.recipient.not-processed", .info, "RFC 5652 §6.2", .rfc5083, "ktri / kari / pwri are decoded structurally; the suite does not open them")

    // MARK: crypto (any profile; needs a key)
    public static let aeadVerified = CMSRule("cms.aead.verified", .info, "RFC 5083 §2.2", .rfc5083, "the authentication tag verified; the content was decrypted")
    public static let aeadTagMismatch = CMSRule("cms.aead.tag-mismatch", .error, "RFC 5083 §2.2", .rfc5083, "the authentication tag does not verify; no plaintext was released")
    public static let aeadNotChecked = CMSRule("cms.aead.not-checked", .info, "RFC 5083 §2.2", .rfc5083, "the tag was not checked: no key given, or the parameters cannot be used")
    public static let keyRecoveryFailed = CMSRule("cms.key.recovery-failed", .error, "RFC 5083 §2.3", .rfc5083, "the content-encryption key could not be recovered with the given key")
    public static let aadTagConfusion = CMSRule("cms.aad.implicit-tag-kept", .error, "RFC 5083 §2.2", .rfc5083, "the tag verifies only with the [1] tag in the AAD: the sender did not re-tag authAttrs as SET OF (0x31)")
    public static let aadAuthAttrsOmitted = CMSRule("cms.aad.authattrs-not-authenticated", .error, "RFC 5083 §2.2", .rfc5083, "the tag verifies only with an empty AAD: the sender did not authenticate authAttrs")

    // MARK: TR 33.829 Annex B / E / F
    public static let annexBNoMIKEYOri = CMSRule("tr33829.b3.no-mikey-ori", .error, "TR 33.829 Annex B.3", .tr33829AnnexB, "no OtherRecipientInfo of type id-ori-mikey")
    public static let annexBOriValueType = CMSRule("tr33829.b3.ori-value-type", .error, "TR 33.829 Annex B.3", .tr33829AnnexB, "the id-ori-mikey oriValue must be an OCTET STRING")
    public static let annexBNotTransferInit = CMSRule("tr33829.b3.not-transfer-init", .error, "TR 33.829 Annex B.3", .tr33829AnnexB, "the id-ori-mikey value must be a TRANSFER_INIT message")
    public static let annexBCryptoSession = CMSRule("tr33829.b3.cs-not-psk-mime", .error, "TR 33.829 Annex B.3 / Annex E", .tr33829AnnexB, "the TRANSFER_INIT must have a single crypto session of Prot Type PSK/MIME")
    public static let annexBTEKLength = CMSRule("tr33829.b3.tek-length", .error, "TR 33.829 Annex B.3", .tr33829AnnexB, "the TEK does not have the key size of the content algorithm")
    public static let annexBContentType = CMSRule("tr33829.b1.content-type", .error, "TR 33.829 Annex B.1", .tr33829AnnexB, "the inner ContentType shall be id-data")
    public static let annexBAlgorithm = CMSRule("tr33829.b1.algorithm", .error, "TR 33.829 Annex B.1 Table B.3", .tr33829AnnexB, "the algorithm must be AES-CCM or AES-GCM with a 128- or 256-bit key")
    public static let annexBSMIMETypeSpelling = CMSRule("tr33829.b1.smime-type-spelling", .warning, "TR 33.829 Annex B.1 / RFC 8551 §3.2.2", .tr33829AnnexB, "smime-type auth-enveloped-data is the TR's spelling; RFC 8551 registers authEnveloped-data")
    public static let annexBSMIMETypeWrong = CMSRule("tr33829.b1.smime-type", .error, "RFC 8551 §3.2.2", .tr33829AnnexB, "the smime-type parameter does not name AuthEnvelopedData")
    public static let proofOfOriginMatch = CMSRule("tr33829.f.proof-of-origin-match", .info, "TR 33.829 Annex E / Annex F.1", .tr33829AnnexB, "the proof-of-origin data equals the CMS mac")
    public static let proofOfOriginMismatch = CMSRule("tr33829.f.proof-of-origin-mismatch", .error, "TR 33.829 Annex E / Annex F.1", .tr33829AnnexB, "the proof-of-origin data differs from the CMS mac")

    // MARK: TS 33.328 Annex I
    public static let annexIRecipientType = CMSRule("ts33328.i.recipient-type", .error, "TS 33.328 Annex I", .ts33328AnnexI, "recipients must be KEKRecipientInfo")
    public static let annexIKeyWrap = CMSRule("ts33328.i.key-wrap", .error, "TS 33.328 Annex I / RFC 3565 §2.4", .ts33328AnnexI, "the key wrap must be AES key wrap with a 128- or 256-bit KEK")
    public static let annexIAlgorithm = CMSRule("ts33328.i.algorithm", .error, "TS 33.328 Annex I / RFC 5084", .ts33328AnnexI, "the algorithm must be AES-GCM or AES-CCM with a 128- or 256-bit key")

    public static let all: [CMSRule] = [
        notAuthEnveloped, version, recipientsEmpty, originatorInfoUnused, contentDetached,
        notAEAD, paramsAbsent, paramsType, gcmNonceEmpty, gcmNonceLength, gcmNonceOversized, ccmNonceLength, ccmNonceRecommended,
        icvLength, macLength, icvLengthOmittedInterop,
        authAttrsRequired, authAttrsNotDER, authAttrsEmpty, unauthAttrsEmpty, messageDigestAttr,
        contentTypeAttrMismatch, contentTypeAttrValues, contentTypeAttrUnauth,
        ktriVersion, kariVersion, kekriVersion, pwriVersion, kekriWrapAlgorithm, kekriWrapParams, kekriWrappedLength,
        kekriKEKShorter, kekriCEKLength, kekriKWPNotSupported, oriUnknown, recipientNotProcessed,
        aeadVerified, aeadTagMismatch, aeadNotChecked, keyRecoveryFailed, aadTagConfusion, aadAuthAttrsOmitted,
        annexBNoMIKEYOri, annexBOriValueType, annexBNotTransferInit, annexBCryptoSession, annexBTEKLength,
        annexBContentType, annexBAlgorithm, annexBSMIMETypeSpelling, annexBSMIMETypeWrong, proofOfOriginMatch, proofOfOriginMismatch,
        annexIRecipientType, annexIKeyWrap, annexIAlgorithm,
    ]

    public static func rule(code: String) -> CMSRule? { all.first { $0.code == code } }
}

/// Collects findings; every finding goes through a rule, and only rules of
/// enabled profiles are recorded.
struct CMSFindingSink {
    var profiles: Set<CMSProfileName>
    var findings: [Finding] = []

    /// Rules that hold "in every profile" (RFC 5083 §2.1 on authAttrs DER)
    /// are recorded whatever profiles were selected.
    static let alwaysOn: Set<String> = [CMSRules.authAttrsNotDER.code]

    mutating func add(_ rule: CMSRule, at offset: Int?, _ path: String, _ message: String? = nil) {
        guard profiles.contains(rule.profile) || Self.alwaysOn.contains(rule.code) else { return }
        findings.append(Finding(code: rule.code, severity: rule.severity, offset: offset, path: path, specRef: rule.specRef, message: message ?? rule.summary))
    }
}
