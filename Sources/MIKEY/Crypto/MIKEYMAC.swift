import MediasecCrypto

/// The MAC of the KEMAC and V payloads (RFC 3830 §4.2.4, §6.2, §6.9;
/// RFC 6043 §6.2): NULL, HMAC-SHA-1-160, HMAC-SHA-256-256.
///
/// The caller passes exactly the covered bytes:
/// - RFC 3830 §5.2: the whole MIKEY message from the first HDR byte up to,
///   not including, the MAC field (the MAC-carrying payload's Next payload
///   is Last payload = 0 while computing).
/// - Verification messages (V, RFC 3830 §5.2): that message directly
///   followed by Identity_i ‖ Identity_r ‖ Timestamp, "identical to those
///   transported in the ID and T payloads" — whether that is whole payloads
///   or only their data is ambiguous (FACTS §10 item 2); the caller decides.
/// - Public-key method (RFC 3830 §5.2): the MAC covers only the KEMAC payload
///   except its MAC field, with the KEMAC Next payload set to zero.
/// - RFC 6043 §5.5 (Table 5.2): initial messages are followed by the
///   identities (not whole payloads), e.g. TRANSFER_INIT ‖ Identity_i ‖
///   Identity_r, and the MAC in TRANSFER_INIT excludes the TICKET payload's
///   Initiator Data length and Initiator Data; response messages are
///   followed by the entire initial message, MAC included; Error messages
///   cover only themselves.
/// - RFC 6043 §6.10: Vr inside Initiator Data covers the whole Initiator
///   Data field except Vr's MAC field.
///
/// Key lengths are not enforced here: RFC 3830 §4.2.4 says the HMAC-SHA-1
/// key SHOULD be 160 bits and RFC 6043 §6.2 that HMAC-SHA-256 SHALL use a
/// 256-bit key; those are validation findings, and HMAC itself is defined for
/// any key length.
public enum MIKEYMAC {
    /// Computes the MAC field for `algorithm` over `data`. NULL yields `[]`.
    public static func compute(algorithm: MACAlgorithm, key: [UInt8], data: [UInt8]) throws(MIKEYCryptoError) -> [UInt8] {
        let hash: HashAlgorithm
        let specRef: String
        switch algorithm {
        case .null: return []
        case .hmacSHA1_160: hash = .sha1; specRef = "RFC 3830 §4.2.4"
        case .hmacSHA256_256: hash = .sha256; specRef = "RFC 6043 §6.2"
        default:
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedMAC, specRef: "RFC 3830 §6.2",
                message: "MAC algorithm \(algorithm) has no algorithm this suite supports")
        }
        do throws(CryptoError) {
            // Both registered MACs are the full, untruncated HMAC output.
            return try HMAC.authenticate(hash, key: key, data: data)
        } catch {
            throw MIKEYCryptoError.wrapping(error, specRef: specRef)
        }
    }

    /// Checks `mac` against the MAC of `data` in constant time. A MAC whose
    /// length differs from the algorithm's (``MACAlgorithm/macLength``) is an
    /// error, not `false`, so a framing bug is not reported as a forgery.
    /// For NULL the MAC field must be empty and the result is always true.
    public static func verify(algorithm: MACAlgorithm, key: [UInt8], data: [UInt8], mac: [UInt8]) throws(MIKEYCryptoError) -> Bool {
        guard let length = algorithm.macLength else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.unsupportedMAC, specRef: "RFC 3830 §6.2",
                message: "MAC algorithm \(algorithm) has no algorithm this suite supports")
        }
        guard mac.count == length else {
            throw MIKEYCryptoError(
                code: MIKEYCryptoError.macLength, specRef: "RFC 3830 §6.2",
                message: "\(algorithm) MAC must be \(length) bytes, got \(mac.count)")
        }
        let expected = try compute(algorithm: algorithm, key: key, data: data)
        return ConstantTime.equal(expected, mac)
    }
}
