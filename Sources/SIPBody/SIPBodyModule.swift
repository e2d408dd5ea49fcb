/// multipart SIP body module (TR 33.829 clauses 5.3.3.3, 5.3.3.4).
///
/// Layout, bottom to top:
/// - `Multipart/`: ``MediaType`` (Content-Type / Content-Disposition
///   values), ``SIPBodyDecoder`` (RFC 2046 §5.1.1 splitting, one pass,
///   bounded by ``SIPBodyLimits``), ``SIPBodyPart`` / ``DecodedSIPBody``
///   (every range an offset into the body; base64 content keeps a map back
///   to its characters).
/// - `Validation/`: the rule catalog (``SIPBodyRules``),
///   ``SIPBodyValidator`` (each part through its module's public
///   validator: SDP, ResourceLists, MIKEY, CMS; findings nested under
///   `parts[i].sdp|resourceLists|mikey|cms`), and the cross-checks of the
///   Annex C participants against the recipient list, of application/mikey
///   against a=key-mgmt, and the clause 5.3.3.3 presence rules.
/// - `Report/`: ``SIPBodyJSON``.
public enum SIPBodyModule {}
