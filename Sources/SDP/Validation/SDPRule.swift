import MediasecCore

/// The validation profiles. By default every profile runs except
/// ``tr33829``, which runs when the description carries a TR 33.829 element
/// (an `a=3ge2ae`, or a `mikey` key-mgmt with a TRANSFER message or a TR
/// Prot Type); see ``SDPValidator/applicableProfiles(for:options:)``.
public enum SDPProfileName: String, Sendable, Hashable, CaseIterable, Codable {
    /// SDP itself (RFC 8866): line grammar, order, mandatory lines, `o=`,
    /// `c=`, `t=`, `m=` fields, attribute names; offer/answer basics (RFC 3264).
    case rfc8866
    /// SDP security descriptions, `a=crypto` (RFC 4568, suites of RFC 6188 / RFC 7714).
    case rfc4568
    /// Key management extensions, `a=key-mgmt` (RFC 4567), with the nested
    /// MIKEY message validated by the MIKEY module.
    case rfc4567
    /// TLS and DTLS media: `a=fingerprint` (RFC 8122), `a=setup` /
    /// `a=connection` (RFC 4145), `a=tls-id` (RFC 8842), UDPTL over DTLS
    /// (RFC 7345), DTLS-SRTP (RFC 5763).
    case rfc8122
    /// MSRP (RFC 4975): `TCP/TLS/MSRP`, `a=path`, `a=accept-types`.
    case rfc4975
    /// BFCP (RFC 8856): `TCP/TLS/BFCP`, `a=floorctrl`, `a=confid`,
    /// `a=userid`, `a=floorid`.
    case rfc8856
    /// 3GPP: `a=3ge2ae` (TS 24.229) and the TR 33.829 use of key-mgmt with
    /// MIKEY-TICKET for TLS-based media.
    case tr33829
}

/// One named validation rule: a stable code, its severity, the clause it
/// rests on and the profile it belongs to. Every check emits findings only
/// through a rule, so ``SDPRules/all`` is the complete list of what the
/// validator can say — besides the decoding codes of
/// ``SDPRules/decodingCodes`` and the nested `mikey.*` / `tr33829.*`
/// findings of a key-mgmt MIKEY message, which keep their own codes under
/// the attribute's path.
public struct SDPRule: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let specRef: String
    public let profile: SDPProfileName
    public let summary: String

    init(_ code: String, _ severity: Severity, _ specRef: String, _ profile: SDPProfileName, _ summary: String) {
        self.code = code
        self.severity = severity
        self.specRef = specRef
        self.profile = profile
        self.summary = summary
    }
}

/// The rule catalog.
public enum SDPRules {
    // MARK: RFC 8866 — lines and structure
    public static let versionFirst = SDPRule("sdp.v.first", .error, "RFC 8866 §5", .rfc8866, "A description starts with the v= line")
    public static let version = SDPRule("sdp.v.version", .error, "RFC 8866 §5.1", .rfc8866, "The protocol version is 0")
    public static let originMissing = SDPRule("sdp.o.missing", .error, "RFC 8866 §5.2 / §9", .rfc8866, "The o= line is mandatory")
    public static let sessionNameMissing = SDPRule("sdp.s.missing", .error, "RFC 8866 §5.3", .rfc8866, "There MUST be one and only one s= line")
    public static let sessionNameEmpty = SDPRule("sdp.s.empty", .error, "RFC 8866 §5.3", .rfc8866, "The s= line MUST NOT be empty (use 's= ' or 's=-')")
    public static let timeMissing = SDPRule("sdp.t.missing", .error, "RFC 8866 §9", .rfc8866, "At least one time description (t=) is required")
    public static let order = SDPRule("sdp.order", .error, "RFC 8866 §5 / §9", .rfc8866, "Lines MUST appear in the order v o s i u e p c b (t r z) k a, and m i c b k a in media sections")
    public static let duplicateLine = SDPRule("sdp.line.duplicate", .error, "RFC 8866 §5 / §9", .rfc8866, "A line that may appear at most once at this level appears again")
    public static let bareLF = SDPRule("sdp.line.bare-lf", .info, "RFC 8866 §5", .rfc8866, "A line ends with a bare LF instead of CRLF (parsers SHOULD tolerate it)")
    public static let mixedEndings = SDPRule("sdp.line.mixed-endings", .warning, "RFC 8866 §5", .rfc8866, "The description mixes CRLF and bare LF line endings")
    public static let noFinalEOL = SDPRule("sdp.line.no-final-eol", .warning, "RFC 8866 §9", .rfc8866, "The last line has no CRLF terminator")
    public static let textNotUTF8 = SDPRule("sdp.line.text-utf8", .warning, "RFC 8866 §5.3 / §5.4", .rfc8866, "s= / i= text is not UTF-8 and no a=charset is given")
    public static let connectionMissing = SDPRule("sdp.c.missing", .error, "RFC 8866 §5.7", .rfc8866, "A media section has no c= line and there is none at session level")
    public static let connectionUnicastSlash = SDPRule("sdp.c.unicast-slash", .error, "RFC 8866 §5.7", .rfc8866, "The slash notation MUST NOT be used for IP unicast addresses")
    public static let connectionMulticastTTL = SDPRule("sdp.c.multicast-ttl", .error, "RFC 8866 §5.7", .rfc8866, "An IP4 multicast connection address MUST have a TTL")
    public static let connectionTTLRange = SDPRule("sdp.c.ttl-range", .error, "RFC 8866 §5.7", .rfc8866, "TTL values MUST be in the range 0-255")
    public static let connectionIP6TTL = SDPRule("sdp.c.ip6-ttl", .error, "RFC 8866 §5.7", .rfc8866, "IP6 multicast does not use a TTL: at most one '/' suffix (the address count)")
    public static let timeValue = SDPRule("sdp.t.time-value", .error, "RFC 8866 §9", .rfc8866, "A time is \"0\" or POS-DIGIT 9*DIGIT")
    public static let zoneWithoutRepeat = SDPRule("sdp.z.without-repeat", .warning, "RFC 8866 §9 (vs §5 overview)", .rfc8866, "z= without a preceding r=: the ABNF allows z= only after r= (repeat-description), the §5 overview lists it under any time description")
    public static let keyFieldObsolete = SDPRule("sdp.k.obsolete", .warning, "RFC 8866 §5.12", .rfc8866, "The k= line is obsolete and MUST NOT be used; receivers discard it")
    public static let portRange = SDPRule("sdp.m.port-range", .error, "RFC 8866 §5.14", .rfc8866, "The port is not a transport port number (0..65535)")
    public static let portCount = SDPRule("sdp.m.port-count", .error, "RFC 8866 §9", .rfc8866, "The number of ports is an integer = POS-DIGIT *DIGIT")
    public static let payloadType = SDPRule("sdp.m.payload-type", .error, "RFC 8866 §5.14 / RFC 3550 §5.1", .rfc8866, "An RTP <fmt> is not a payload type number 0..127")
    public static let formatDuplicate = SDPRule("sdp.m.fmt-duplicate", .warning, "RFC 8866 §5.14", .rfc8866, "A <fmt> is listed twice on one m= line")
    public static let protoCase = SDPRule("sdp.m.proto-case", .warning, "RFC 8866 §5.14 / §8.2.3", .rfc8866, "The proto matches a registered one only case-insensitively")
    public static let attributeNameSyntax = SDPRule("sdp.a.name-syntax", .error, "RFC 8866 §9", .rfc8866, "An attribute name is not a token")
    public static let attributeNameCase = SDPRule("sdp.a.name-case", .info, "RFC 8866 §5.13 / RFC 4568 §4", .rfc8866, "Attribute names are case-sensitive: this name matches a known attribute only case-insensitively and is not interpreted")
    public static let attributeDuplicate = SDPRule("sdp.a.duplicate", .error, "RFC 4145 §4 / RFC 8842 §4 / RFC 4975 §8.2 / RFC 8856 §5", .rfc8866, "A single-valued attribute appears more than once at one level")
    public static let attributeMediaOnly = SDPRule("sdp.a.media-level-only", .error, "RFC 8842 §4 / RFC 4975 §15.7 / RFC 8856 §5", .rfc8866, "A media-level attribute appears at session level")

    // MARK: RFC 4568 — a=crypto
    public static let cryptoSessionLevel = SDPRule("sdp.crypto.session-level", .error, "RFC 4568 §4", .rfc4568, "The crypto attribute MUST only appear at the SDP media level")
    public static let cryptoProto = SDPRule("sdp.crypto.proto", .error, "RFC 4568 §6", .rfc4568, "SRTP security descriptions MUST only be used with the SRTP transport (RTP/SAVP, RTP/SAVPF)")
    public static let cryptoDTLSSRTP = SDPRule("sdp.crypto.dtls-srtp", .warning, "RFC 5763 §5 / RFC 4568 §6", .rfc4568, "a=crypto on a DTLS-SRTP m-line: the keys come from the DTLS handshake")
    public static let cryptoTagDuplicate = SDPRule("sdp.crypto.tag-duplicate", .error, "RFC 4568 §4.1 / §5.1.1", .rfc4568, "The tag MUST be unique among all crypto attributes of a media line")
    public static let cryptoLeadingZero = SDPRule("sdp.crypto.leading-zero", .error, "RFC 4568 §4.1 / §6.1 / §6.3.1 / §6.3.6", .rfc4568, "Leading zeroes MUST NOT be used (tag, lifetime, MKI, MKI length, KDR, WSH)")
    public static let cryptoCase = SDPRule("sdp.crypto.case", .info, "RFC 4568 §4", .rfc4568, "Values are case-insensitive, but implementers are encouraged to use the case shown in the RFC")
    public static let cryptoSuiteUnknown = SDPRule("sdp.crypto.suite-unknown", .warning, "RFC 4568 §6.2.4 / §10.3.2.1", .rfc4568, "The crypto-suite is not registered: its key length and lifetime are unknown")
    public static let cryptoSuiteABNFOnly = SDPRule("sdp.crypto.suite-abnf-only", .info, "RFC 4568 §9.2 vs §10.3.2.1", .rfc4568, "F8_128_HMAC_SHA1_32 is in the §9.2 ABNF but was never registered (accepted by the abnf choice)")
    public static let cryptoKeyMethod = SDPRule("sdp.crypto.key-method", .error, "RFC 4568 §6.1 / §10.3.2", .rfc4568, "SRTP security descriptions define only the inline key method")
    public static let cryptoKeyBase64 = SDPRule("sdp.crypto.key-base64", .error, "RFC 4568 §6.1", .rfc4568, "key||salt is not valid base64")
    public static let cryptoKeyBase64Padding = SDPRule("sdp.crypto.key-base64-padding", .info, "RFC 4568 §6.1 / RFC 3548 §3", .rfc4568, "key||salt omits the base64 padding (discarded by receivers)")
    public static let cryptoKeyLength = SDPRule("sdp.crypto.key-length", .error, "RFC 4568 §6.1 / §6.2", .rfc4568, "The decoded key||salt length does not match the crypto-suite: the attribute MUST be considered invalid")
    public static let cryptoKeyReuse = SDPRule("sdp.crypto.key-reuse", .error, "RFC 4568 §6.1 / §6.3.5", .rfc4568, "Each master key and salt MUST be unique to the entire SDP message")
    public static let cryptoLifetimeZero = SDPRule("sdp.crypto.lifetime-zero", .error, "RFC 4568 §6.1", .rfc4568, "The lifetime is a non-zero, positive decimal integer or power of 2")
    public static let cryptoLifetimeMax = SDPRule("sdp.crypto.lifetime-max", .error, "RFC 4568 §6.1 / §6.2", .rfc4568, "The lifetime MUST NOT exceed the maximum packet lifetime of the crypto-suite (chosen maximum: see the lifetime choice)")
    public static let cryptoLifetimeSRTCP = SDPRule("sdp.crypto.lifetime-srtcp", .info, "RFC 4568 §6.1 / §6.2 (FACTS.md §10 item 18)", .rfc4568, "The lifetime exceeds the SRTCP maximum (2^31) but not the SRTP one (2^48): one lifetime value, two maxima")
    public static let cryptoMKILengthRange = SDPRule("sdp.crypto.mki-length-range", .error, "RFC 4568 §6.1 / §9.2", .rfc4568, "The MKI length MUST be 1..128 bytes")
    public static let cryptoMKIValueRange = SDPRule("sdp.crypto.mki-value-range", .error, "RFC 4568 §6.1 / RFC 3711 §3.1", .rfc4568, "The MKI value does not fit in MKI-length bytes")
    public static let cryptoMKIZero = SDPRule("sdp.crypto.mki-zero", .warning, "RFC 4568 §6.1", .rfc4568, "The MKI is defined as a positive decimal integer")
    public static let cryptoMultiKeyMKI = SDPRule("sdp.crypto.multi-key-mki", .error, "RFC 4568 §6.1 / §4.3", .rfc4568, "When the key parameter holds more than one master key, all of them MUST include an MKI")
    public static let cryptoMKILengthMismatch = SDPRule("sdp.crypto.mki-length-mismatch", .error, "RFC 4568 §6.1", .rfc4568, "The MKI length MUST be the same for all keys of a crypto attribute")
    public static let cryptoMKIDuplicate = SDPRule("sdp.crypto.mki-duplicate", .error, "RFC 4568 §4.3", .rfc4568, "Two keys share an MKI: the key of a packet cannot be determined by inspection")
    public static let cryptoKDRRange = SDPRule("sdp.crypto.kdr-range", .error, "RFC 4568 §6.3.1 (vs §9.2 comment; FACTS.md §10 item 17)", .rfc4568, "KDR MUST be in {1,...,24} (kdr choice: section631)")
    public static let cryptoKDRZeroABNF = SDPRule("sdp.crypto.kdr-zero-abnf", .info, "RFC 4568 §9.2 comment vs §6.3.1", .rfc4568, "KDR=0 is allowed by the §9.2 comment (range 0..24) but not by §6.3.1 (1..24); accepted by the kdr choice abnf")
    public static let cryptoWSHMinimum = SDPRule("sdp.crypto.wsh-minimum", .error, "RFC 4568 §9.2 comment / §6.3.6", .rfc4568, "WSH below 64 (the minimum stated only in the grammar comment; wsh choice: required)")
    public static let cryptoWSHHint = SDPRule("sdp.crypto.wsh-hint", .warning, "RFC 4568 §6.3.6 / §9.2 comment", .rfc4568, "WSH below 64 (the SRTP minimum); WSH is only a hint (wsh choice: hint)")
    public static let cryptoFECOrder = SDPRule("sdp.crypto.fec-order", .error, "RFC 4568 §6.3.4", .rfc4568, "FEC_ORDER is FEC_SRTP or SRTP_FEC")
    public static let cryptoUnknownMandatory = SDPRule("sdp.crypto.unknown-mandatory-param", .error, "RFC 4568 §6.3.7", .rfc4568, "An unknown session parameter without a leading '-' invalidates the crypto attribute")
    public static let cryptoOptionalParam = SDPRule("sdp.crypto.optional-param", .info, "RFC 4568 §6.3.7", .rfc4568, "An optional ('-') session parameter that is not understood is ignored")
    public static let cryptoParamDuplicate = SDPRule("sdp.crypto.param-duplicate", .warning, "RFC 4568 §6.3", .rfc4568, "A session parameter appears twice")
    public static let cryptoUnauthenticated = SDPRule("sdp.crypto.unauthenticated-srtp", .warning, "RFC 4568 §6.3.3", .rfc4568, "Use of UNAUTHENTICATED_SRTP is NOT RECOMMENDED")
    public static let cryptoWithKeyMgmt = SDPRule("sdp.crypto.with-keymgmt", .error, "RFC 4568 §7.5", .rfc4568, "An answer MUST include either a=crypto or a=key-mgmt for a stream, not both")
    public static let srtpNoKeying = SDPRule("sdp.srtp.no-keying", .warning, "RFC 4568 §7.1.1 / RFC 4567 §3.1", .rfc4568, "An RTP/SAVP(F) m-line has neither a=crypto nor an applicable a=key-mgmt")

    // MARK: RFC 4567 — a=key-mgmt
    public static let keyMgmtProtocolUnknown = SDPRule("sdp.keymgmt.protocol-unknown", .warning, "RFC 4567 §9.3", .rfc4567, "The protocol identifier is not registered (only mikey is)")
    public static let keyMgmtProtocolCase = SDPRule("sdp.keymgmt.protocol-case", .warning, "RFC 4567 §3", .rfc4567, "KMPID is case-sensitive: this identifier is 'mikey' only case-insensitively")
    public static let keyMgmtBase64 = SDPRule("sdp.keymgmt.base64", .error, "RFC 4567 §3 / RFC 8866 §9", .rfc4567, "keymgmt-data is not valid base64")
    public static let keyMgmtDuplicateProtocol = SDPRule("sdp.keymgmt.duplicate-protocol", .warning, "RFC 4567 §4.1.2", .rfc4567, "Two key-mgmt attributes at one level carry the same protocol (each alternative is a different protocol)")
    public static let keyMgmtMediaOverrides = SDPRule("sdp.keymgmt.media-overrides-session", .info, "RFC 4567 §3.1", .rfc4567, "A media-level key-mgmt overrides the session-level one: the session-level attribute is ignored for this media")
    public static let keyMgmtProto = SDPRule("sdp.keymgmt.proto", .warning, "RFC 4567 §5.2", .rfc4567, "A media-level key-mgmt on an m-line that uses neither SRTP nor TLS")

    // MARK: RFC 8122 / 4145 / 8842 / 7345 / 5763 — TLS and DTLS media
    public static let fingerprintHashUnknown = SDPRule("sdp.fingerprint.hash-unknown", .warning, "RFC 8122 §5 / §8", .rfc8122, "The hash function is not in the Hash Function Textual Names registry")
    public static let fingerprintHashForbidden = SDPRule("sdp.fingerprint.hash-forbidden", .error, "RFC 8122 §5", .rfc8122, "Implementations MUST NOT use the MD2 and MD5 hash functions")
    public static let fingerprintLength = SDPRule("sdp.fingerprint.length", .error, "RFC 8122 §5", .rfc8122, "The number of bytes is defined by the hash function")
    public static let fingerprintLowercaseHex = SDPRule("sdp.fingerprint.lowercase-hex", .error, "RFC 8122 §5 (UHEX)", .rfc8122, "Each byte is upper-case hex (UHEX = DIGIT / %x41-46)")
    public static let fingerprintLeadingSpace = SDPRule("sdp.fingerprint.leading-space", .warning, "RFC 8122 §5 (vs RFC 7345 Appendix A / RFC 5763 §7.1 examples)", .rfc8122, "A space between 'fingerprint:' and the hash function is not in the grammar")
    public static let fingerprintHashCase = SDPRule("sdp.fingerprint.hash-case", .info, "RFC 8122 §5 / RFC 5234 §2.3 (FACTS.md §10 item 19)", .rfc8122, "The hash name is not lowercase: case-insensitive by the ABNF, lowercase in the registry (hash-case choice: insensitive)")
    public static let fingerprintHashCaseStrict = SDPRule("sdp.fingerprint.hash-case-strict", .error, "RFC 8122 §8 registry (vs §5 ABNF; FACTS.md §10 item 19)", .rfc8122, "The hash name is not the registry's lowercase token (hash-case choice: lowercase)")
    public static let fingerprintNoSHA256 = SDPRule("sdp.fingerprint.no-sha256", .info, "RFC 8122 §5.1", .rfc8122, "No SHA-256 fingerprint (required unless a stronger hash known to the peer is used)")
    public static let tlsFingerprintMissing = SDPRule("sdp.tls.fingerprint-missing", .error, "RFC 8122 §5 / RFC 5763 §5 / RFC 7345 §4.1", .rfc8122, "A TLS or DTLS m-line has no a=fingerprint at media or session level")
    public static let dtlsSetupMissing = SDPRule("sdp.dtls.setup-missing", .error, "RFC 5763 §5 / RFC 7345 §4.1", .rfc8122, "A DTLS m-line MUST use the setup attribute")
    public static let dtlsHoldconn = SDPRule("sdp.dtls.holdconn", .error, "RFC 8842 §5.1 / RFC 7345 §4.2 / §4.3", .rfc8122, "Endpoints MUST NOT use setup:holdconn when negotiating a DTLS association")
    public static let dtlsConnectionForbidden = SDPRule("sdp.dtls.connection-forbidden", .error, "RFC 7345 §4.1 / RFC 5763 §5", .rfc8122, "The endpoint MUST NOT use the connection attribute with UDPTL over DTLS or DTLS-SRTP")
    public static let dtlsOfferActpass = SDPRule("sdp.dtls.offer-actpass", .warning, "RFC 8842 §5.2 (MUST) vs RFC 7345 §4.2 (SHOULD)", .rfc8122, "The offer of a DTLS association uses a setup other than actpass")
    public static let setupAnswerActpass = SDPRule("sdp.setup.answer-actpass", .error, "RFC 4145 §4.1 / RFC 5763 §5", .rfc8122, "An answer cannot be actpass: it chooses active, passive or holdconn")
    public static let tlsIDLength = SDPRule("sdp.tls-id.length", .error, "RFC 8842 §4", .rfc8122, "tls-id-value is 20 to 255 characters")
    public static let tlsIDMissing = SDPRule("sdp.tls-id.missing", .warning, "RFC 8842 §5.2", .rfc8122, "A DTLS m-line has no a=tls-id (the offerer MUST insert one)")
    public static let connectionAttrTCP = SDPRule("sdp.connection.missing", .info, "RFC 4145 §5.1", .rfc8122, "A TCP m-line SHOULD carry a connection attribute")

    // MARK: RFC 4975 — MSRP
    public static let msrpMedia = SDPRule("sdp.msrp.media", .error, "RFC 4975 §8.1", .rfc4975, "The media field of an MSRP m-line MUST be 'message'")
    public static let msrpFormat = SDPRule("sdp.msrp.fmt", .error, "RFC 4975 §8.1", .rfc4975, "The format list of an MSRP m-line MUST be '*'")
    public static let msrpPathMissing = SDPRule("sdp.msrp.path-missing", .error, "RFC 4975 §8.2", .rfc4975, "An MSRP m-line MUST carry a path attribute")
    public static let msrpAcceptTypesMissing = SDPRule("sdp.msrp.accept-types-missing", .error, "RFC 4975 §8.6", .rfc4975, "An MSRP m-line MUST be accompanied by an accept-types attribute")
    public static let msrpPortMissing = SDPRule("sdp.msrp.port-missing", .error, "RFC 4975 §8.2", .rfc4975, "MSRP URIs in SDP MUST include explicit port numbers")
    public static let msrpPortMismatch = SDPRule("sdp.msrp.port-mismatch", .error, "RFC 4975 §8.1", .rfc4975, "The m-line port MUST match the port of the endpoint's MSRP URI")
    public static let msrpScheme = SDPRule("sdp.msrp.scheme", .error, "RFC 4975 §6 / §8.1", .rfc4975, "msrps URIs go with TCP/TLS/MSRP, msrp URIs with TCP/MSRP")
    public static let msrpTransport = SDPRule("sdp.msrp.transport", .warning, "RFC 4975 §6", .rfc4975, "URIs designating MSRP over TCP MUST include the tcp transport parameter")
    public static let msrpUserinfoPassword = SDPRule("sdp.msrp.userinfo-password", .error, "RFC 4975 §6", .rfc4975, "A userinfo part MUST NOT contain password information")
    public static let msrpAddressMismatch = SDPRule("sdp.msrp.address-mismatch", .warning, "RFC 4975 §8.1", .rfc4975, "The c= address is not the host of the endpoint's MSRP URI")

    // MARK: RFC 8856 — BFCP
    public static let bfcpMedia = SDPRule("sdp.bfcp.media", .error, "RFC 8856 §4", .rfc8856, "The media field of a BFCP m-line MUST be 'application'")
    public static let bfcpFormat = SDPRule("sdp.bfcp.fmt", .error, "RFC 8856 §4", .rfc8856, "The fmt list of a BFCP m-line MUST contain a single '*'")
    public static let bfcpClientServer = SDPRule("sdp.bfcp.c-s", .warning, "RFC 8856 §5.1", .rfc8856, "'c-s' MUST NOT be sent (it is accepted as 'c-only s-only')")
    public static let bfcpFloorctrlMissing = SDPRule("sdp.bfcp.floorctrl-missing", .warning, "RFC 8856 §10.1", .rfc8856, "A BFCP m-line has no floorctrl attribute (RFC 4583 endpoints may omit it)")
    public static let bfcpServerAttributes = SDPRule("sdp.bfcp.server-attributes", .error, "RFC 8856 §10.1 / §10.2", .rfc8856, "With floorctrl s-only or c-s the m-line MUST include confid, userid and floorid")
    public static let bfcpConfidRange = SDPRule("sdp.bfcp.confid-range", .error, "RFC 8856 §5.2 / RFC 8855", .rfc8856, "The conference ID does not fit the 32-bit Conference ID field")
    public static let bfcpUseridRange = SDPRule("sdp.bfcp.userid-range", .error, "RFC 8856 §5.3 / RFC 8855", .rfc8856, "The user ID does not fit the 16-bit User ID field")
    public static let bfcpFlooridRange = SDPRule("sdp.bfcp.floorid-range", .error, "RFC 8856 §5.4 / RFC 8855", .rfc8856, "The floor ID does not fit the 16-bit Floor ID field")
    public static let bfcpFlooridLabel = SDPRule("sdp.bfcp.floorid-label", .warning, "RFC 8856 §5.4", .rfc8856, "A floorid mstrm value names no a=label of this description")
    public static let bfcpAnswerRoles = SDPRule("sdp.bfcp.answer-roles", .error, "RFC 8856 §5.1", .rfc8856, "The answerer MUST indicate only one role: c-only or s-only")

    // MARK: 3GPP
    public static let e2aeSessionLevel = SDPRule("sdp.3ge2ae.session-level", .error, "TS 24.229 (IANA usage: media)", .tr33829, "a=3ge2ae is a media-level attribute")
    public static let e2aeUnknownToken = SDPRule("sdp.3ge2ae.unknown-token", .info, "TS 24.229", .tr33829, "a=3ge2ae with a token other than requested / applied is ignored")
    public static let e2aeTransport = SDPRule("tr33829.sdp.e2ae-transport", .warning, "TR 33.829 §8.3.2.4.2 / §11.4", .tr33829, "e2ae security is requested on a media whose transport is not secured (RTP/SAVP(F), TCP/TLS/MSRP, TCP/TLS/BFCP, UDP/TLS/UDPTL)")
    public static let e2aeWithE2E = SDPRule("tr33829.sdp.e2ae-with-e2e", .warning, "TR 33.829 §8.3.2.4.2", .tr33829, "a=3ge2ae and a=key-mgmt (e2e key management) on the same media")
    public static let trTLSCSMissing = SDPRule("tr33829.sdp.tls-cs-missing", .error, "TR 33.829 §8.3.1.2 / Annex D.3", .tr33829, "An X/TLS/Y m-line keyed by MIKEY needs a crypto session of Prot Type TLS in the message")
    public static let trMixedLevels = SDPRule("tr33829.sdp.mixed-levels", .warning, "TR 33.829 Annex D.3", .tr33829, "key-mgmt at both session and media level: the expected behaviour is not well defined")
    public static let trMSRPSharedPort = SDPRule("tr33829.sdp.msrp-shared-port", .error, "TR 33.829 §8.3.1.2", .tr33829, "MSRP sessions keyed by MIKEY-TICKET must not share a TCP connection (same port on two TCP/TLS/MSRP m-lines)")
    public static let trOfferDataType = SDPRule("tr33829.sdp.offer-data-type", .error, "TR 33.829 §8.3.1.2 / §5.3.3.3", .tr33829, "The key-mgmt MIKEY message of an offer is a TRANSFER_INIT (data type 14)")
    public static let trAnswerDataType = SDPRule("tr33829.sdp.answer-data-type", .error, "TR 33.829 §8.3.1.2 / §5.3.3.3", .tr33829, "The key-mgmt MIKEY message of an answer is a TRANSFER_RESP (data type 15)")

    // MARK: offer/answer (pairs of descriptions)
    public static let oaMediaCount = SDPRule("sdp.oa.media-count", .error, "RFC 3264 §6", .rfc8866, "The answer MUST contain exactly the same number of m= lines as the offer")
    public static let oaMediaType = SDPRule("sdp.oa.media-type", .error, "RFC 3264 §6", .rfc8866, "The media type of a stream in the answer MUST match that of the offer")
    public static let oaProto = SDPRule("sdp.oa.proto", .warning, "RFC 3264 §6 / RFC 8856 §10.2", .rfc8866, "The answer uses another transport protocol than the offer")
    public static let oaSetupRole = SDPRule("sdp.oa.setup-role", .error, "RFC 4145 §4.1", .rfc8122, "The answer's setup role is not allowed for the offered one (active→passive/holdconn, passive→active/holdconn, actpass→active/passive/holdconn, holdconn→holdconn)")
    public static let oaConnection = SDPRule("sdp.oa.connection", .error, "RFC 4145 §5.1", .rfc8122, "The answer's connection value is not allowed (new→new, existing→existing/new)")
    public static let oaFingerprintMissing = SDPRule("sdp.oa.fingerprint-missing", .error, "RFC 8122 §5 / RFC 5763 §5", .rfc8122, "An accepted TLS/DTLS stream lacks a fingerprint in the offer or the answer")
    public static let oaTLSIDUnexpected = SDPRule("sdp.oa.tls-id-unexpected", .error, "RFC 8842 §5.3", .rfc8122, "The offer has no tls-id: the answerer MUST NOT insert one")
    public static let oaCryptoMissing = SDPRule("sdp.oa.crypto-missing", .error, "RFC 4568 §5.1.3 / §5.3", .rfc4568, "An accepted stream offered with a=crypto has no a=crypto in the answer: the negotiation MUST fail")
    public static let oaCryptoCount = SDPRule("sdp.oa.crypto-count", .error, "RFC 4568 §5.1.2 / §7.1.2", .rfc4568, "The answerer MUST accept exactly one of the offered crypto attributes")
    public static let oaCryptoTag = SDPRule("sdp.oa.crypto-tag", .error, "RFC 4568 §5.1.2 / §5.1.3", .rfc4568, "The answer's tag is not one of the offered tags")
    public static let oaCryptoSuite = SDPRule("sdp.oa.crypto-suite", .error, "RFC 4568 §5.1.2", .rfc4568, "The answer MUST echo the crypto-suite of the accepted tag")
    public static let oaCryptoKeyReuse = SDPRule("sdp.oa.crypto-key-reuse", .error, "RFC 4568 §7.1.2", .rfc4568, "The master key(s) in the answer MUST be different from those in the offer")
    public static let oaCryptoAndKeyMgmt = SDPRule("sdp.oa.crypto-and-keymgmt", .error, "RFC 4568 §7.5", .rfc4568, "The answer includes both a=crypto and a=key-mgmt for one stream")
    public static let oaKeyMgmtMissing = SDPRule("sdp.oa.keymgmt-missing", .error, "RFC 4567 §4.1.1", .rfc4567, "An accepted stream keyed by key-mgmt in the offer has no key-mgmt in the answer")
    public static let oaKeyMgmtProtocol = SDPRule("sdp.oa.keymgmt-protocol", .error, "RFC 4567 §4.1.2", .rfc4567, "The answer's key management protocol was not offered")
    public static let oaKeyMgmtResponseType = SDPRule("sdp.oa.keymgmt-response-type", .error, "RFC 3830 §5 / RFC 6043 §4", .rfc4567, "The answer's MIKEY data type is not the response to the offer's")
    public static let oaKeyMgmtCSBID = SDPRule("sdp.oa.keymgmt-csb-id", .error, "RFC 3830 §6.1", .rfc4567, "The response carries another CSB ID than the initial message")
    public static let oaTransferPair = SDPRule("tr33829.sdp.transfer-pair", .error, "TR 33.829 §8.3.1.2", .tr33829, "The offer carries TRANSFER_INIT (14) and the answer TRANSFER_RESP (15)")
    public static let oaFloorctrl = SDPRule("sdp.oa.floorctrl", .error, "RFC 8856 §5.1 Table 1 / §10.2", .rfc8856, "The answer's floorctrl role is not allowed for the offered roles")
    public static let oaDTLSAnswerSetup = SDPRule("sdp.oa.dtls-answer-setup", .error, "RFC 7345 §4.3 / RFC 5763 §5", .rfc8122, "The answer of a DTLS stream MUST use setup active or passive")

    public static let all: [SDPRule] = [
        versionFirst, version, originMissing, sessionNameMissing, sessionNameEmpty, timeMissing, order, duplicateLine,
        bareLF, mixedEndings, noFinalEOL, textNotUTF8, connectionMissing, connectionUnicastSlash, connectionMulticastTTL,
        connectionTTLRange, connectionIP6TTL, timeValue, zoneWithoutRepeat, keyFieldObsolete, portRange, portCount,
        payloadType, formatDuplicate, protoCase, attributeNameSyntax, attributeNameCase, attributeDuplicate, attributeMediaOnly,
        cryptoSessionLevel, cryptoProto, cryptoDTLSSRTP, cryptoTagDuplicate, cryptoLeadingZero, cryptoCase, cryptoSuiteUnknown,
        cryptoSuiteABNFOnly, cryptoKeyMethod, cryptoKeyBase64, cryptoKeyBase64Padding, cryptoKeyLength, cryptoKeyReuse,
        cryptoLifetimeZero, cryptoLifetimeMax, cryptoLifetimeSRTCP, cryptoMKILengthRange, cryptoMKIValueRange, cryptoMKIZero,
        cryptoMultiKeyMKI, cryptoMKILengthMismatch, cryptoMKIDuplicate, cryptoKDRRange, cryptoKDRZeroABNF, cryptoWSHMinimum,
        cryptoWSHHint, cryptoFECOrder, cryptoUnknownMandatory, cryptoOptionalParam, cryptoParamDuplicate, cryptoUnauthenticated,
        cryptoWithKeyMgmt, srtpNoKeying,
        keyMgmtProtocolUnknown, keyMgmtProtocolCase, keyMgmtBase64, keyMgmtDuplicateProtocol, keyMgmtMediaOverrides, keyMgmtProto,
        fingerprintHashUnknown, fingerprintHashForbidden, fingerprintLength, fingerprintLowercaseHex, fingerprintLeadingSpace,
        fingerprintHashCase, fingerprintHashCaseStrict, fingerprintNoSHA256, tlsFingerprintMissing, dtlsSetupMissing, dtlsHoldconn,
        dtlsConnectionForbidden, dtlsOfferActpass, setupAnswerActpass, tlsIDLength, tlsIDMissing, connectionAttrTCP,
        msrpMedia, msrpFormat, msrpPathMissing, msrpAcceptTypesMissing, msrpPortMissing, msrpPortMismatch, msrpScheme,
        msrpTransport, msrpUserinfoPassword, msrpAddressMismatch,
        bfcpMedia, bfcpFormat, bfcpClientServer, bfcpFloorctrlMissing, bfcpServerAttributes, bfcpConfidRange, bfcpUseridRange,
        bfcpFlooridRange, bfcpFlooridLabel, bfcpAnswerRoles,
        e2aeSessionLevel, e2aeUnknownToken, e2aeTransport, e2aeWithE2E, trTLSCSMissing, trMixedLevels, trMSRPSharedPort,
        trOfferDataType, trAnswerDataType,
        oaMediaCount, oaMediaType, oaProto, oaSetupRole, oaConnection, oaFingerprintMissing, oaTLSIDUnexpected, oaCryptoMissing,
        oaCryptoCount, oaCryptoTag, oaCryptoSuite, oaCryptoKeyReuse, oaCryptoAndKeyMgmt, oaKeyMgmtMissing, oaKeyMgmtProtocol,
        oaKeyMgmtResponseType, oaKeyMgmtCSBID, oaTransferPair, oaFloorctrl, oaDTLSAnswerSetup,
    ]

    public static func rule(code: String) -> SDPRule? { all.first { $0.code == code } }

    /// Codes of decoding failures: the line decoder's (thrown by
    /// ``SDPDecoder``) and the field and attribute decoders' (reported by the
    /// validator as error findings in the profile of the field), with clauses.
    public static let decodingCodes: [(code: String, profile: SDPProfileName, specRef: String, summary: String)] = [
        ("sdp.empty", .rfc8866, "RFC 8866 §9", "Empty input"),
        ("sdp.line.nul", .rfc8866, "RFC 8866 §5 / §9", "A NUL byte"),
        ("sdp.line.bare-cr", .rfc8866, "RFC 8866 §5", "CR not followed by LF"),
        ("sdp.line.empty", .rfc8866, "RFC 8866 §5", "An empty line"),
        ("sdp.line.too-short", .rfc8866, "RFC 8866 §5", "A 1-byte line"),
        ("sdp.line.syntax", .rfc8866, "RFC 8866 §5", "Not <letter>=<value>"),
        ("sdp.line.type-unknown", .rfc8866, "RFC 8866 §5", "A type letter RFC 8866 does not define"),
        ("sdp.limit.bytes", .rfc8866, "mediasec limits", "Input larger than maxBytes"),
        ("sdp.limit.lines", .rfc8866, "mediasec limits", "More lines than maxLines"),
        ("sdp.limit.line-length", .rfc8866, "mediasec limits", "A line longer than maxLineLength"),
        ("sdp.limit.media", .rfc8866, "mediasec limits", "More m= lines than maxMediaSections"),
        ("sdp.limit.formats", .rfc8866, "mediasec limits", "More <fmt>s on one m= line than maxFormats"),
        ("sdp.limit.key-params", .rfc4568, "mediasec limits", "More key parameters than maxKeyParams"),
        ("sdp.o.syntax", .rfc8866, "RFC 8866 §5.2", "Malformed o= line"),
        ("sdp.c.syntax", .rfc8866, "RFC 8866 §5.7", "Malformed c= line"),
        ("sdp.b.syntax", .rfc8866, "RFC 8866 §5.8", "Malformed b= line"),
        ("sdp.t.syntax", .rfc8866, "RFC 8866 §5.9", "Malformed t= line"),
        ("sdp.r.syntax", .rfc8866, "RFC 8866 §5.10", "Malformed r= line"),
        ("sdp.z.syntax", .rfc8866, "RFC 8866 §5.11", "Malformed z= line"),
        ("sdp.m.syntax", .rfc8866, "RFC 8866 §5.14", "Malformed m= line"),
        ("sdp.a.value-missing", .rfc8866, "RFC 8866 §5.13", "A value attribute written as a property attribute"),
        ("sdp.crypto.tag-syntax", .rfc4568, "RFC 4568 §9.1", "tag is not 1*9DIGIT"),
        ("sdp.crypto.suite-syntax", .rfc4568, "RFC 4568 §9.1", "Malformed crypto-suite"),
        ("sdp.crypto.key-params-syntax", .rfc4568, "RFC 4568 §9.1", "Malformed key-params"),
        ("sdp.crypto.inline-syntax", .rfc4568, "RFC 4568 §9.2", "Malformed inline key-info"),
        ("sdp.crypto.lifetime-syntax", .rfc4568, "RFC 4568 §9.2", "Malformed lifetime (e.g. '2^' without exponent)"),
        ("sdp.crypto.mki-syntax", .rfc4568, "RFC 4568 §9.2", "Malformed MKI"),
        ("sdp.crypto.session-param-syntax", .rfc4568, "RFC 4568 §9.2", "Malformed session parameter"),
        ("sdp.fingerprint.syntax", .rfc8122, "RFC 8122 §5", "Malformed fingerprint"),
        ("sdp.keymgmt.syntax", .rfc4567, "RFC 4567 §3.1", "Malformed key-mgmt"),
        ("sdp.setup.syntax", .rfc8122, "RFC 4145 §4", "Unknown setup role"),
        ("sdp.connection.syntax", .rfc8122, "RFC 4145 §5", "Unknown connection value"),
        ("sdp.tls-id.syntax", .rfc8122, "RFC 8842 §4", "Malformed tls-id"),
        ("sdp.3ge2ae.syntax", .tr33829, "TS 24.229", "Malformed 3ge2ae"),
        ("sdp.msrp.uri-syntax", .rfc4975, "RFC 4975 §9 / RFC 3986", "Malformed MSRP URI (incl. incomplete %-encoding)"),
        ("sdp.msrp.accept-types-syntax", .rfc4975, "RFC 4975 §8.6", "Malformed accept-types"),
        ("sdp.bfcp.floorctrl-syntax", .rfc8856, "RFC 8856 §5.1", "Unknown floorctrl role"),
        ("sdp.bfcp.confid-syntax", .rfc8856, "RFC 8856 §5.2", "Malformed confid"),
        ("sdp.bfcp.userid-syntax", .rfc8856, "RFC 8856 §5.3", "Malformed userid"),
        ("sdp.bfcp.floorid-syntax", .rfc8856, "RFC 8856 §5.4", "Malformed floorid"),
    ]

    /// The profile a decoding code belongs to.
    public static func profile(ofDecodingCode code: String) -> SDPProfileName {
        profileByDecodingCode[code] ?? .rfc8866
    }

    /// ``decodingCodes`` by code, built once: a decoding finding looks its
    /// profile up by hash, not by comparing the codes in turn (about forty
    /// string comparisons per finding).
    private static let profileByDecodingCode: [String: SDPProfileName] =
        Dictionary(decodingCodes.map { ($0.code, $0.profile) }, uniquingKeysWith: { first, _ in first })
}

/// A set of ``SDPProfileName``s as bits: the per-finding "is this
/// profile on?" test of the validator is one AND instead of hashing the
/// profile's raw string into a `Set`.
struct SDPProfileMask: Equatable {
    var bits: UInt16

    init(bits: UInt16) { self.bits = bits }

    init<S: Sequence>(_ profiles: S) where S.Element == SDPProfileName {
        bits = 0
        for p in profiles { insert(p) }
    }

    static let all = SDPProfileMask(SDPProfileName.allCases)

    @inline(__always) static func bit(_ p: SDPProfileName) -> UInt16 {
        switch p {
        case .rfc8866: return 1 << 0
        case .rfc4568: return 1 << 1
        case .rfc4567: return 1 << 2
        case .rfc8122: return 1 << 3
        case .rfc4975: return 1 << 4
        case .rfc8856: return 1 << 5
        case .tr33829: return 1 << 6
        }
    }

    @inline(__always) func contains(_ p: SDPProfileName) -> Bool { bits & Self.bit(p) != 0 }
    mutating func insert(_ p: SDPProfileName) { bits |= Self.bit(p) }
    mutating func remove(_ p: SDPProfileName) { bits &= ~Self.bit(p) }

    var set: Set<SDPProfileName> { Set(SDPProfileName.allCases.filter { contains($0) }) }
}

/// Collects findings: every finding goes through a rule (or is a decoding
/// error of an enabled profile, or a nested MIKEY finding), and every
/// message starts with the `line:column` of its offset.
///
/// Offsets, paths and messages are autoclosures: they are built only for a
/// finding that is recorded, so a clean description costs no strings. A
/// class, so that recording is not a mutation of the validation run and
/// the autoclosures may read the run.
///
/// The mutable properties skip the dynamic exclusivity check: one run owns
/// the sink on one thread, and no access to them overlaps another (a
/// finding's path and message are evaluated before `findings` is
/// modified). The checks were a runtime call per finding and per lookup.
final class SDPFindingSink {
    let enabled: SDPProfileMask
    let lineOffsets: [Int]
    /// Prefix for paths (`offer.` / `answer.` in pair reports).
    @exclusivity(unchecked) var pathPrefix = ""
    @exclusivity(unchecked) var findings: [Finding] = []
    /// See ``offsets(of:)``. Unchecked exclusivity: one run, one thread,
    /// no overlapping access.
    @exclusivity(unchecked) var offsetsByLine = [Int: SDPOffsetTable]()

    init(profiles: SDPProfileMask, lineOffsets: [Int]) {
        self.enabled = profiles
        self.lineOffsets = lineOffsets
    }

    convenience init(profiles: Set<SDPProfileName>, lineOffsets: [Int]) {
        self.init(profiles: SDPProfileMask(profiles), lineOffsets: lineOffsets)
    }

    func position(_ offset: Int) -> SDPPosition { DecodedSessionDescription.position(of: offset, lineOffsets: lineOffsets) }

    func located(_ offset: Int?, _ message: String) -> String {
        guard let o = offset else { return message }
        let p = position(o)
        return SDPPathText.located(line: p.line, column: p.column, message)
    }

    /// Findings kept per code in one description; past it one finding of
    /// the same code says the rest are not reported, so that memory stays
    /// bounded on hostile input (one `a=crypto` line of 10^5 unknown
    /// parameters, 500 `<fmt>`s out of range) and the report stays readable.
    static let maxFindingsPerCode = 1000
    /// Findings so far per code: a short list scanned in place (a
    /// description has findings of a few codes; the rule table bounds it).
    @exclusivity(unchecked) private var perCode: [(code: String, count: Int)] = []

    private func bump(_ code: String) -> Int {
        for i in perCode.indices where perCode[i].code == code {
            let n = perCode[i].count
            perCode[i].count = n + 1
            return n
        }
        perCode.append((code, 1))
        return 0
    }

    /// Whether a finding of `code` is still recorded; past the cap, records
    /// the one summarizing finding instead and returns false.
    private func admit(_ code: String, _ severity: Severity, _ offset: () -> Int?, _ path: () -> String, _ specRef: String) -> Bool {
        let n = bump(code)
        if n < Self.maxFindingsPerCode { return true }
        if n == Self.maxFindingsPerCode {
            let o = offset()
            record(Finding(code: code, severity: severity, offset: o, path: pathPrefix + path(), specRef: specRef,
                                    message: located(o, "more than \(Self.maxFindingsPerCode) findings with this code: the rest are not reported")))
        }
        return false
    }

    func add(_ rule: SDPRule, at offset: @autoclosure () -> Int?, _ path: @autoclosure () -> String, _ message: @autoclosure () -> SDPMessage? = nil) {
        guard enabled.contains(rule.profile), admit(rule.code, rule.severity, offset, path, rule.specRef) else { return }
        let o = offset()
        let text: String
        if let m = message() {
            if let o {
                let p = position(o)
                text = SDPPathText.located(line: p.line, column: p.column, m)
            } else {
                text = m.text
            }
        } else {
            text = located(o, rule.summary)
        }
        record(Finding(code: rule.code, severity: rule.severity, offset: o, path: pathPrefix + path(), specRef: rule.specRef, message: text))
    }

    /// ``add(_:at:_:_:)`` with the message `a` + `mid` + `b` written after
    /// its `line:column: ` prefix into one string (no message string
    /// first): for findings that come in hundreds (one per `<fmt>`).
    func add(_ rule: SDPRule, at offset: Int, _ path: @autoclosure () -> String, text a: StaticString, _ mid: ArraySlice<UInt8>, _ b: StaticString) {
        guard enabled.contains(rule.profile), admit(rule.code, rule.severity, { offset }, path, rule.specRef) else { return }
        let p = position(offset)
        let message = SDPPathText.located(line: p.line, column: p.column, a, mid, b)
        record(Finding(code: rule.code, severity: rule.severity, offset: offset, path: pathPrefix + path(), specRef: rule.specRef, message: message))
    }

    /// Appends a finding; room for a few is made at the first one (not 1,
    /// 2, 4, 8).
    @inline(__always)
    private func record(_ f: Finding) {
        if findings.isEmpty { findings.reserveCapacity(8) }
        findings.append(f)
    }

    /// A field or attribute decoding error, under the profile of its code.
    func add(_ e: DecodingError) {
        guard enabled.contains(SDPRules.profile(ofDecodingCode: e.code)), admit(e.code, .error, { e.offset }, { e.path }, e.specRef) else { return }
        record(Finding(code: e.code, severity: .error, offset: e.offset, path: pathPrefix + e.path, specRef: e.specRef, message: located(e.offset, e.message)))
    }

    /// A finding of the MIKEY message of an `a=key-mgmt` attribute, put
    /// under `path` (`<attribute>.keyMgmt.mikey`) at the base64 character
    /// `offset`; its message names the MIKEY byte it rests on. Path and
    /// message are each written once.
    func addNested(_ f: Finding, under path: String, at offset: Int) {
        var g = f
        g.path = f.path.isEmpty ? SDPPathText.joined(pathPrefix, path) : SDPPathText.joined(pathPrefix, path, ".", f.path)
        g.offset = offset
        let p = position(offset)
        if let byte = f.offset {
            g.message = SDPPathText.located(line: p.line, column: p.column, f.message, mikeyByte: byte)
        } else {
            g.message = SDPPathText.located(line: p.line, column: p.column, f.message)
        }
        record(g)
    }
}
