/// CMS AuthEnvelopedData (RFC 5083, RFC 5084, RFC 5652) for TR 33.829
/// Annex B (pre-shared-key MIME protection with an `id-ori-mikey`
/// TRANSFER_INIT) and TS 33.328 Annex I (KEKRecipientInfo, AES key wrap).
///
/// Layout, bottom to top (one spec concept per folder, one type per file):
/// - `DER/`: the BER/DER reader and writer. ``ASN1Reader`` parses bytes into
///   raw ``ASN1Node``s (identifier, header, content, exact encoded slice)
///   and reads typed values from them under ``EncodingRules`` (``EncodingRules/der``
///   strict, ``EncodingRules/ber`` tolerant-and-reporting; each
///   ``DERDeviation`` is a named switch). ``DERWriter`` writes DER.
/// - `Model/`: ``ContentInfo``, ``AuthEnvelopedData`` and every production
///   below it, each with its ASN.1 pasted above the type; ``CMSDecoder``
///   is the entry point (``DecodedContentInfo`` keeps bytes, tree, spans).
/// - `Crypto/`: ``CMSDecryptor`` (AEAD through MediasecCrypto, AAD from the
///   received authAttrs bytes, ``VerifiedPlaintext`` only after the tag
///   verified), ``CMSKeyRecovery`` (CEK, KEK unwrap, MIKEY TEK),
///   ``ProofOfOrigin`` (TR 33.829 Annex F).
/// - `Builder/`: ``AuthEnvelopedDataBuilder`` and ``PSKMIMETransferInit``.
/// - `Validation/`: ``CMSValidator`` and the rule catalog ``CMSRules``
///   (profiles `rfc5083`, `tr33829-annex-b`, `ts33328-annex-i`).
/// - `Report/`: ``CMSJSON``.
/// - `SMIME/`: the `application/pkcs7-mime` entity around the CMS object
///   (RFC 8551 §3.2–3.4, TR 33.829 Annex B.2): ``MIMEHeaderBlock`` (header
///   fields, folding, limits), ``MIMEContentType`` / ``MIMEDisposition``
///   (parameters), ``Base64Body`` (RFC 2045 §6.8 layout, offsets back into
///   the entity), ``SMIMEEntity`` (model and canonical encoder),
///   ``SMIMEParser``, ``InnerMIMEEntity`` (the decrypted content),
///   ``SMIMEValidator`` and the rule catalog ``SMIMERules``, ``SMIMEJSON``.
///
/// The module calls MIKEY only through its public API (STYLE.md §7) and
/// OpenSSL only through MediasecCrypto.
public enum CMSModule {}
