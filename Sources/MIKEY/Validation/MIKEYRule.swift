import MediasecCore

/// The validation profiles (the issue's `--profile` names). By default every
/// profile that applies to the message's data type runs (see
/// ``MIKEYValidator/applicableProfiles(for:codePoints:)``).
public enum MIKEYProfileName: String, Sendable, Hashable, CaseIterable, Codable {
    /// RFC 3830 base MIKEY and the RFCs that extend it in place (4563, 4650, 4738, 6509).
    case rfc3830
    /// MIKEY-TICKET (RFC 6043).
    case rfc6043
    /// The TR 33.829 extensions (Annexes A, C, D, E, F).
    case tr33829
}

/// One named validation rule: a stable code, its severity, the clause it
/// rests on and the profile it belongs to. Every check emits findings only
/// through a rule, so the catalog below is the complete list of what the
/// validator can say (the vectors and the selftest summary are keyed on it).
public struct MIKEYRule: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let specRef: String
    public let profile: MIKEYProfileName
    public let summary: String

    init(_ code: String, _ severity: Severity, _ specRef: String, _ profile: MIKEYProfileName, _ summary: String) {
        self.code = code
        self.severity = severity
        self.specRef = specRef
        self.profile = profile
        self.summary = summary
    }
}

/// The rule catalog.
public enum MIKEYRules {
    // MARK: RFC 3830 — header and registries
    public static let dataTypeUnassigned = MIKEYRule("mikey.hdr.data-type-unassigned", .error, "RFC 3830 §6.1", .rfc3830, "Data type is not in the IANA registry")
    public static let dataTypeNotValidated = MIKEYRule("mikey.hdr.data-type-not-validated", .info, "RFC 6267 §4", .rfc3830, "IBAKE and private-use data types are decoded but their message contents are not validated")
    public static let prfUnassigned = MIKEYRule("mikey.hdr.prf-unassigned", .error, "RFC 3830 §6.1", .rfc3830, "PRF func is not in the IANA registry")
    public static let vFlagIgnoredDH = MIKEYRule("mikey.hdr.v-flag-dh", .info, "RFC 3830 §6.1", .rfc3830, "V flag is ignored in the DH method (the response is mandatory)")
    public static let srtpPolicyUnresolved = MIKEYRule("mikey.hdr.policy-unresolved", .warning, "RFC 3830 §6.1.1", .rfc3830, "A CS ID map entry names a Policy_no for which the message has no SP payload")
    public static let genericDuplicateCSID = MIKEYRule("mikey.hdr.generic-duplicate-cs-id", .error, "RFC 6043 §6.1.1", .rfc3830, "Two GENERIC-ID entries use the same CS ID")
    public static let genericPolicyProtMismatch = MIKEYRule("mikey.hdr.generic-policy-prot-type", .error, "RFC 6043 §6.1.1", .rfc3830, "A GENERIC-ID entry refers to an SP payload of another Prot type")
    public static let genericSRTPSessionData = MIKEYRule("mikey.hdr.generic-srtp-session-data", .error, "RFC 6043 §6.1.1", .rfc3830, "SRTP Session Data must be empty, SSRC (S=0) or SSRC+ROC+SEQ (S=1)")
    public static let protTypeUnassigned = MIKEYRule("mikey.registry.prot-type", .warning, "RFC 3830 §6.10", .rfc3830, "Prot type is neither registered nor one of the profile's TR code points")
    public static let registryUnassigned = MIKEYRule("mikey.registry.unassigned", .warning, "RFC 6309 §2", .rfc3830, "A field holds a value that is not in its IANA registry")
    public static let registryPrivateUse = MIKEYRule("mikey.registry.private-use", .info, "RFC 6309 §2", .rfc3830, "A field holds a private-use value")

    // MARK: RFC 3830 — message composition
    public static let missingPayload = MIKEYRule("mikey.msg.missing-payload", .error, "RFC 3830 §3", .rfc3830, "A payload the message type requires is absent")
    public static let tooManyPayloads = MIKEYRule("mikey.msg.too-many", .error, "RFC 3830 §3", .rfc3830, "A payload appears more often than the message type allows")
    public static let unexpectedPayload = MIKEYRule("mikey.msg.unexpected-payload", .warning, "RFC 3830 §5.3", .rfc3830, "A payload that the message type does not define (receivers ignore it)")
    public static let payloadOrder = MIKEYRule("mikey.msg.order", .warning, "RFC 3830 §5.2", .rfc3830, "Payloads are not in the recommended order of the exchange definition")
    public static let lastPayload = MIKEYRule("mikey.msg.last-payload", .error, "RFC 3830 §5.2", .rfc3830, "The MAC/signature-carrying payload must be the last payload")
    public static let emptyMessage = MIKEYRule("mikey.msg.empty", .error, "RFC 3830 §5.2", .rfc3830, "The message has no payload after the HDR")

    // MARK: RFC 3830 — payload contents
    public static let randShort = MIKEYRule("mikey.rand.short", .warning, "RFC 3830 §6.11", .rfc3830, "RAND SHOULD be at least 16 bytes")
    public static let randEmpty = MIKEYRule("mikey.rand.empty", .error, "RFC 3830 §6.11", .rfc3830, "RAND is empty: no freshness for the key derivation")
    public static let errReserved = MIKEYRule("mikey.err.reserved", .warning, "RFC 3830 §6.12", .rfc3830, "ERR reserved field is not zero")
    public static let dhReserved = MIKEYRule("mikey.dh.reserved", .warning, "RFC 3830 §6.4", .rfc3830, "DH reserved bits are not zero")
    public static let kemacEncrUnknown = MIKEYRule("mikey.kemac.encr-alg-unknown", .error, "RFC 3830 §6.2", .rfc3830, "KEMAC encryption algorithm is not registered: the key data cannot be recovered")
    public static let kemacNullEncryption = MIKEYRule("mikey.kemac.null-encryption", .warning, "RFC 3830 §4.2.3", .rfc3830, "KEMAC uses NULL encryption, which has very restricted usage")
    public static let kemacNullMAC = MIKEYRule("mikey.kemac.null-mac", .warning, "RFC 3830 §4.2.4", .rfc3830, "KEMAC uses the NULL MAC in a message that relies on it for integrity")
    public static let kemacKeyDataMalformed = MIKEYRule("mikey.kemac.keydata-malformed", .error, "RFC 3830 §6.13", .rfc3830, "The (decrypted) KEMAC data is not a valid Key data chain")
    public static let kemacKeyDataEmpty = MIKEYRule("mikey.kemac.keydata-empty", .info, "RFC 3830 §6.2", .rfc3830, "KEMAC carries no key data (allowed for update messages)")
    public static let kemacAlgorithmKeyLength = MIKEYRule("mikey.keydata.kw-length", .error, "RFC 3394 §2", .rfc3830, "AES-KW encrypted data must be a multiple of 8 bytes and at least 24 (n ≥ 2 plaintext blocks)")
    public static let spParamLength = MIKEYRule("mikey.sp.param-length", .error, "RFC 3830 §6.10.1", .rfc3830, "An SRTP policy parameter with a one-byte value has another length")
    public static let spParamDuplicate = MIKEYRule("mikey.sp.param-duplicate", .warning, "RFC 3830 §6.10", .rfc3830, "An SP payload sets the same parameter type twice")
    public static let spDuplicatePolicyNo = MIKEYRule("mikey.sp.duplicate-policy-no", .error, "RFC 3830 §6.10", .rfc3830, "Two SP payloads share a Policy no")
    public static let spParamUnassigned = MIKEYRule("mikey.sp.param-unassigned", .warning, "RFC 3830 §6.10.1", .rfc3830, "SRTP policy parameter type or value not in the registry")
    public static let idTypeURIInvalid = MIKEYRule("mikey.id.uri-syntax", .warning, "RFC 3830 §6.7", .rfc3830, "ID of type URI is not a URI (no scheme)")
    public static let idEmpty = MIKEYRule("mikey.id.empty", .warning, "RFC 3830 §6.7", .rfc3830, "ID data is empty")
    public static let chashMD5 = MIKEYRule("mikey.chash.md5", .warning, "RFC 3830 §4.2.1", .rfc3830, "CHASH uses MD5")
    public static let extContentMalformed = MIKEYRule("mikey.ext.content-malformed", .error, "RFC 3830 §6.15", .rfc3830, "General Extension data does not match the structure of its type")

    // MARK: crypto (any profile; needs keys)
    public static let macVerified = MIKEYRule("mikey.mac.verified", .info, "RFC 3830 §5.2", .rfc3830, "MAC verified with the given key")
    public static let macMismatch = MIKEYRule("mikey.mac.mismatch", .error, "RFC 3830 §5.2", .rfc3830, "MAC does not verify with the given key")
    public static let macNotChecked = MIKEYRule("mikey.mac.not-checked", .info, "RFC 3830 §5.2", .rfc3830, "MAC/KEMAC not checked: no key given, or an input the check needs is missing")
    public static let kemacDecrypted = MIKEYRule("mikey.kemac.decrypted", .info, "RFC 3830 §4.2.3", .rfc3830, "KEMAC decrypted; its key data decoded")
    public static let kemacDecryptFailed = MIKEYRule("mikey.kemac.decrypt-failed", .error, "RFC 3830 §4.2.3", .rfc3830, "KEMAC decryption failed (AES-KW integrity check or unsupported algorithm)")

    // MARK: RFC 6043
    public static let ticketVFlag = MIKEYRule("mikey.hdr.v-flag-ticket", .warning, "RFC 6043 §4.2.1.5 / §6.1", .rfc6043, "V SHALL be 0 in REQUEST_RESP, TRANSFER_RESP and RESOLVE_RESP")
    public static let ticketVFlagRequest = MIKEYRule("mikey.hdr.v-flag-request", .warning, "RFC 6043 §4.2.1.1 / §4.2.3.1 (vs §6.1)", .rfc6043, "V MUST be 1 in REQUEST_INIT and RESOLVE_INIT (§6.1 says 0: a conflict inside RFC 6043; receivers ignore V)")
    public static let ticketVFlagF = MIKEYRule("mikey.hdr.v-flag-f", .error, "RFC 6043 §4.2.2.1", .rfc6043, "The TRANSFER_INIT V flag SHALL agree with the F flag of the Ticket Policy")
    public static let ticketRequestMap = MIKEYRule("mikey.hdr.ticket-request-map", .error, "RFC 6043 §4.2.1.1 / §4.2.1.5 / §4.2.3.1 / §4.2.3.5", .rfc6043, "REQUEST_INIT and RESOLVE_INIT handle no CS: #CS MUST be 0 and the map type the Empty map; REQUEST_RESP and RESOLVE_RESP copy both fields")
    public static let transferMapType = MIKEYRule("mikey.hdr.transfer-map-type", .warning, "RFC 6043 §6.1", .rfc6043, "The Ticket Transfer exchange SHOULD use the GENERIC-ID map type")
    public static let responseKEMACNullMAC = MIKEYRule("mikey.kemac.response-null-mac", .error, "RFC 6043 §4.2.1.5 / §4.2.3.5", .rfc6043, "The KEMAC of REQUEST_RESP and RESOLVE_RESP SHALL use the NULL authentication algorithm (the V payload carries the MAC)")
    public static let transferKEMACWithoutL = MIKEYRule("mikey.transfer.kemac-without-l", .error, "RFC 6043 §6.10", .rfc6043, "The Initiator supplies session keys (a KEMAC in TRANSFER_INIT) only when L = 1")
    public static let tpMissingIDRr = MIKEYRule("mikey.tp.idrr-missing", .error, "RFC 6043 §6.10", .rfc6043, "TP Data lists at least one responder identity (IDRr)")
    public static let ticketSRTPMap = MIKEYRule("mikey.hdr.srtp-id-in-transfer", .error, "RFC 6043 §6.1", .rfc6043, "The SRTP-ID map type SHALL NOT be used in the Ticket Transfer exchange")
    public static let responsePolicyCount = MIKEYRule("mikey.hdr.response-policy-count", .error, "RFC 6043 §6.1.1", .rfc6043, "In response messages #P SHALL be exactly 1")
    public static let responseSPI = MIKEYRule("mikey.hdr.response-spi", .error, "RFC 6043 §6.1.1", .rfc6043, "The SPI MUST be provided in the response message")
    public static let responseSessionData = MIKEYRule("mikey.hdr.response-session-data", .error, "RFC 6043 §6.1.1", .rfc6043, "SRTP Session Data MUST be provided in the response message")
    public static let ticketIDPayload = MIKEYRule("mikey.ticket-msg.id-payload", .error, "RFC 6043 §6.6", .rfc6043, "IDR MUST be used instead of ID in MIKEY-TICKET messages")
    public static let randrRole = MIKEYRule("mikey.randr.role", .error, "RFC 6043 §4", .rfc6043, "RANDR role does not match the message (e.g. RANDRi in an initial message)")
    public static let flagNotDImpliesL = MIKEYRule("mikey.tp.flags.not-d-implies-l", .error, "RFC 6043 §6.10", .rfc6043, "NOT D implies L")
    public static let flagGImpliesF = MIKEYRule("mikey.tp.flags.g-implies-f", .error, "RFC 6043 §6.10", .rfc6043, "G implies F")
    /// RFC 6043 §6.10 states "NOT G implies H" and "NOT H implies G"; the two
    /// are the same condition (G or H), so they are one rule.
    public static let flagGOrH = MIKEYRule("mikey.tp.flags.g-or-h", .error, "RFC 6043 §6.10", .rfc6043, "NOT G implies H (equivalently NOT H implies G): at least one of G and H")
    public static let flagIImpliesE = MIKEYRule("mikey.tp.flags.i-implies-e", .error, "RFC 6043 §6.10", .rfc6043, "I implies E")
    public static let flagKImpliesD = MIKEYRule("mikey.tp.flags.k-implies-d", .error, "RFC 6043 §6.10", .rfc6043, "K implies D")
    public static let flagMImpliesF = MIKEYRule("mikey.tp.flags.m-implies-f", .error, "RFC 6043 §6.10", .rfc6043, "M implies F")
    public static let flagIWithTGKImpliesF = MIKEYRule("mikey.tp.flags.i-tgk-implies-f", .error, "RFC 6043 §6.10", .rfc6043, "F SHALL be 1 when I is 1 and a TGK is encoded in the ticket")
    public static let tpKFlag = MIKEYRule("mikey.tp.k-flag", .warning, "RFC 6043 §6.10", .rfc6043, "K SHALL be 0 in the TP payload")
    public static let tpReserved = MIKEYRule("mikey.tp.reserved", .warning, "RFC 6043 §6.10", .rfc6043, "Ticket Policy reserved bits are not zero")
    public static let tpKEMACNotNull = MIKEYRule("mikey.tp.kemac-not-null", .error, "RFC 6043 §6.10", .rfc6043, "A KEMAC in TP Data SHALL use NULL encryption and NULL MAC")
    public static let tpKEMACInGranted = MIKEYRule("mikey.tp.kemac-in-granted", .error, "RFC 6043 §6.10", .rfc6043, "The KEMAC SHALL NOT be present in the granted Ticket Policy (TICKET)")
    public static let tpTRrType = MIKEYRule("mikey.tp.trr-type", .error, "RFC 6043 §6.10", .rfc6043, "TRr SHALL have TS type NTP-UTC-32")
    public static let tpUnexpected = MIKEYRule("mikey.tp.unexpected-payload", .warning, "RFC 6043 §6.10", .rfc6043, "TP Data holds a payload that its definition does not list (ignored by receivers)")
    public static let initiatorDataPresence = MIKEYRule("mikey.ticket.initiator-data", .error, "RFC 6043 §6.10", .rfc6043, "Initiator Data SHALL be present if and only if key forking (I) is used")
    public static let initiatorDataShape = MIKEYRule("mikey.ticket.initiator-data-shape", .error, "RFC 6043 §6.10", .rfc6043, "Initiator Data SHALL be First Payload, Vi, Vr")
    public static let baseTicketShape = MIKEYRule("mikey.ticket.base-shape", .error, "RFC 6043 Appendix A", .rfc6043, "MIKEY base ticket data SHALL be THDR, T, RAND, KEMAC, [IDRpsk], V")
    public static let baseTicketKEMACMAC = MIKEYRule("mikey.ticket.base-kemac-mac", .error, "RFC 6043 Appendix A.1", .rfc6043, "The base ticket KEMAC SHALL use the NULL authentication algorithm")
    public static let baseTicketVersion = MIKEYRule("mikey.ticket.base-subtype", .warning, "RFC 6043 §6.10", .rfc6043, "MIKEY base ticket expects Subtype 1 and Version 1")
    public static let keyDataSPI = MIKEYRule("mikey.keydata.spi-required", .error, "RFC 6043 §6.2.1", .rfc6043, "An SPI (or MKI) MUST be specified for each key")

    // MARK: TR 33.829
    public static let trTLSSFlag = MIKEYRule("tr33829.d1.s-flag", .warning, "TR 33.829 Annex D.1", .tr33829, "S must be 0 for Prot Type TLS (receivers ignore it)")
    public static let trTLSPolicies = MIKEYRule("tr33829.d1.policy-count", .error, "TR 33.829 Annex D.1", .tr33829, "#P shall be 0 for Prot Type TLS")
    public static let trTLSSessionData = MIKEYRule("tr33829.d1.session-data", .error, "TR 33.829 Annex D.1", .tr33829, "Session Data Length shall be 0 for Prot Type TLS")
    public static let trTLSRFC6043Conflict = MIKEYRule("tr33829.d1.rfc6043-policy-conflict", .warning, "TR 33.829 Annex D.1 (editor's note) / RFC 6043 §6.1.1", .tr33829, "#P = 0 for a TLS CS conflicts with RFC 6043's requirement of a policy in the response")
    public static let trTLSMapType = MIKEYRule("tr33829.d1.map-type", .error, "TR 33.829 Annex D.1", .tr33829, "The TLS and PSK/MIME Prot Types need the GENERIC-ID map")
    public static let trAppPolicies = MIKEYRule("tr33829.a.app-policy-count", .error, "TR 33.829 Annex A.1", .tr33829, "Security policies shall not be associated with an Application Specific CS")
    public static let trPSKMIMESingleCS = MIKEYRule("tr33829.e.single-cs", .error, "TR 33.829 Annex E", .tr33829, "The HDR shall contain a single CS of type PSK/MIME")
    public static let trPSKMIMEPolicies = MIKEYRule("tr33829.e.policy-count", .error, "TR 33.829 Annex E", .tr33829, "A PSK/MIME CS has no Security Policy (#P = 0)")
    public static let trPSKMIMESessionData = MIKEYRule("tr33829.e.session-data", .error, "TR 33.829 Annex E", .tr33829, "A PSK/MIME CS has no Session Data")
    public static let trPSKMIMESPI = MIKEYRule("tr33829.e.spi", .error, "TR 33.829 Annex E", .tr33829, "A PSK/MIME CS has no SPI")
    public static let trPSKMIMEVFlag = MIKEYRule("tr33829.e.v-flag", .error, "TR 33.829 Annex E", .tr33829, "V shall be 0: no answer is expected")
    public static let trPSKMIMEDataType = MIKEYRule("tr33829.e.data-type", .error, "TR 33.829 Annex E", .tr33829, "The PSK/MIME Ticket Transfer exchange consists only of TRANSFER_INIT")
    public static let trPSKMIMEKEMAC = MIKEYRule("tr33829.e.tek-kemac", .error, "TR 33.829 Annex E", .tr33829, "The TEK shall be carried in a KEMAC payload of the TRANSFER_INIT")
    public static let trPSKMIMEKEMACContent = MIKEYRule("tr33829.e.kemac-tek-type", .error, "TR 33.829 Annex E", .tr33829, "The TRANSFER_INIT KEMAC must carry a TEK (or TEK+SALT)")
    public static let trPSKMIMEFlagF = MIKEYRule("tr33829.e.flag-f", .error, "TR 33.829 Annex E", .tr33829, "F shall be 0 (no TRANSFER_RESP)")
    public static let trPSKMIMEFlagG = MIKEYRule("tr33829.e.flag-g", .error, "TR 33.829 Annex E", .tr33829, "G shall be 0 (no RANDRr)")
    public static let trPSKMIMEFlagL = MIKEYRule("tr33829.e.flag-l", .error, "TR 33.829 Annex E", .tr33829, "L shall be 1 (initiator supplies session keys)")
    public static let trPSKMIMEFlagI = MIKEYRule("tr33829.e.flag-i", .error, "TR 33.829 Annex E", .tr33829, "I shall be 0 unless proof-of-origin is required")
    public static let trPSKMIMETicketKeys = MIKEYRule("tr33829.e.ticket-keys", .error, "TR 33.829 Annex E", .tr33829, "The ticket's KEMAC shall contain no key besides MPK")
    public static let trConfNotID = MIKEYRule("tr33829.c.not-id", .error, "TR 33.829 Annex C.1", .tr33829, "3GPP IMS CONF data must consist of ID payloads only")
    public static let trConfMalformed = MIKEYRule("tr33829.c.malformed", .error, "TR 33.829 Annex C.1", .tr33829, "3GPP IMS CONF data is not a valid chain of ID payloads")
    public static let trConfIDType = MIKEYRule("tr33829.c.id-type", .warning, "TR 33.829 Annex C", .tr33829, "Conference participants are SIP URIs: ID type should be URI with a sip/sips/tel scheme")
    public static let trConfIDvsIDR = MIKEYRule("tr33829.c.id-vs-idr", .info, "TR 33.829 Annex C.1 / RFC 6043 §6.6", .tr33829, "Annex C uses ID payloads although RFC 6043 replaces ID with IDR")
    public static let trConfDataType = MIKEYRule("tr33829.c.data-type", .warning, "TR 33.829 Annex C", .tr33829, "The participant list is sent in TRANSFER_INIT")
    public static let trConfDuplicate = MIKEYRule("tr33829.c.duplicate", .warning, "TR 33.829 Annex C.1", .tr33829, "A participant identity appears twice")
    public static let trProofEmpty = MIKEYRule("tr33829.f.empty", .error, "TR 33.829 Annex F.1", .tr33829, "Proof-of-origin data is empty")
    public static let trProofDataType = MIKEYRule("tr33829.f.data-type", .warning, "TR 33.829 Annex F", .tr33829, "Proof-of-origin is carried in TRANSFER_INIT")
    public static let trProofForking = MIKEYRule("tr33829.f.requires-forking", .error, "TR 33.829 Annex E", .tr33829, "Proof-of-origin requires Initiator Data in the TICKET, i.e. forking (I = 1)")
    public static let trProofDuplicate = MIKEYRule("tr33829.f.duplicate", .error, "TR 33.829 Annex F.1", .tr33829, "More than one proof-of-origin extension")

    public static let all: [MIKEYRule] = [
        dataTypeUnassigned, dataTypeNotValidated, prfUnassigned, vFlagIgnoredDH, srtpPolicyUnresolved, genericDuplicateCSID,
        genericPolicyProtMismatch, genericSRTPSessionData, protTypeUnassigned, registryUnassigned, registryPrivateUse,
        missingPayload, tooManyPayloads, unexpectedPayload, payloadOrder, lastPayload, emptyMessage,
        randShort, randEmpty, errReserved, dhReserved, kemacEncrUnknown, kemacNullEncryption, kemacNullMAC,
        kemacKeyDataMalformed, kemacKeyDataEmpty, kemacAlgorithmKeyLength, spParamLength, spParamDuplicate, spDuplicatePolicyNo,
        spParamUnassigned, idTypeURIInvalid, idEmpty, chashMD5, extContentMalformed,
        macVerified, macMismatch, macNotChecked, kemacDecrypted, kemacDecryptFailed,
        ticketVFlag, ticketVFlagRequest, ticketVFlagF, ticketRequestMap, transferMapType, responseKEMACNullMAC, transferKEMACWithoutL, tpMissingIDRr, ticketSRTPMap, responsePolicyCount, responseSPI, responseSessionData, ticketIDPayload, randrRole,
        flagNotDImpliesL, flagGImpliesF, flagGOrH, flagIImpliesE, flagKImpliesD, flagMImpliesF,
        flagIWithTGKImpliesF, tpKFlag, tpReserved, tpKEMACNotNull, tpKEMACInGranted, tpTRrType, tpUnexpected,
        initiatorDataPresence, initiatorDataShape, baseTicketShape, baseTicketKEMACMAC, baseTicketVersion, keyDataSPI,
        trTLSSFlag, trTLSPolicies, trTLSSessionData, trTLSRFC6043Conflict, trTLSMapType, trAppPolicies,
        trPSKMIMESingleCS, trPSKMIMEPolicies, trPSKMIMESessionData, trPSKMIMESPI, trPSKMIMEVFlag, trPSKMIMEDataType,
        trPSKMIMEKEMAC, trPSKMIMEKEMACContent, trPSKMIMEFlagF, trPSKMIMEFlagG, trPSKMIMEFlagL, trPSKMIMEFlagI, trPSKMIMETicketKeys,
        trConfNotID, trConfMalformed, trConfIDType, trConfIDvsIDR, trConfDataType, trConfDuplicate,
        trProofEmpty, trProofDataType, trProofForking, trProofDuplicate,
    ]

    public static func rule(code: String) -> MIKEYRule? { all.first { $0.code == code } }

    /// Codes the decoder itself can raise, with their clauses (for reports
    /// and vector coverage).
    public static let decodingCodes: [(code: String, specRef: String, summary: String)] = [
        ("mikey.truncated", "RFC 3830 §6", "A field runs past the end of the input or of its enclosing length"),
        ("mikey.trailing-data", "RFC 3830 §6.1", "Bytes follow the payload whose Next Payload is 0"),
        ("mikey.hdr.version", "RFC 3830 §6.1", "Version is not 1"),
        ("mikey.hdr.map-type-unknown", "RFC 3830 §6.1", "CS ID map type with no known layout"),
        ("mikey.payload.unknown-type", "RFC 3830 §6.1", "Next Payload names a type with no known layout"),
        ("mikey.sign.not-last", "RFC 3830 §6.5", "Bytes follow the SIGN payload"),
        ("mikey.kemac.mac-alg-unknown", "RFC 3830 §6.2", "KEMAC MAC alg with no known length"),
        ("mikey.v.auth-alg-unknown", "RFC 3830 §6.9", "V auth alg with no known length"),
        ("mikey.dh.group-unknown", "RFC 3830 §6.4", "DH-Group with no known value length"),
        ("mikey.ts.type-unknown", "RFC 3830 §6.6", "TS type with no known value length"),
        ("mikey.chash.func-unknown", "RFC 3830 §6.8", "Hash func with no known length"),
        ("mikey.keydata.type-unknown", "RFC 3830 §6.13", "Key data type whose salt presence is unknown"),
        ("mikey.kv.unknown", "RFC 3830 §6.14", "KV type with no known layout"),
        ("mikey.sp.param-overrun", "RFC 3830 §6.10", "SP parameter overruns the Policy param length"),
        ("mikey.chain.empty-leading-type", "RFC 6043 §6.10", "TP/Initiator Data holding only a Last-payload type byte"),
        ("mikey.ticket.thdr-missing", "RFC 6043 Appendix A.1", "MIKEY base ticket data without THDR"),
        ("mikey.limit.depth", "mediasec limits", "Nested payload chains deeper than the limit"),
        ("mikey.limit.payloads", "mediasec limits", "More payloads than the limit"),
    ]
}
