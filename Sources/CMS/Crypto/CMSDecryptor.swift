import MediasecCore
import MediasecCrypto

/// Opens AuthEnvelopedData (RFC 5083 §2.2, RFC 5084 §3): recovers the CEK,
/// checks the RFC 5084 parameters, computes the AAD from the received
/// authAttrs bytes and verifies the tag. The plaintext exists outside this
/// type only as a ``VerifiedPlaintext``.
public struct CMSDecryptor: Sendable {
    public var codePoints: CMSCodePoints

    public init(codePoints: CMSCodePoints = .default) {
        self.codePoints = codePoints
    }

    public func decrypt(_ decoded: DecodedContentInfo, key: CMSKeySource) throws(CMSCryptoError) -> VerifiedPlaintext {
        let cek = try CMSKeyRecovery.recover(decoded, key: key, codePoints: codePoints)
        return try decrypt(decoded, cek: cek.cek)
    }

    public func decrypt(_ decoded: DecodedContentInfo, cek: [UInt8]) throws(CMSCryptoError) -> VerifiedPlaintext {
        let (aed, alg, params) = try Self.openingParameters(decoded)
        guard cek.count == alg.keyLength else {
            throw CMSCryptoError(code: CMSCryptoError.cekLength, specRef: alg.specRef, path: "cek",
                                 message: "\(alg) needs a \(alg.keyLength)-byte key, the recovered CEK has \(cek.count)")
        }
        guard let ciphertext = aed.authEncryptedContentInfo.encryptedContent else {
            throw CMSCryptoError(code: CMSCryptoError.contentAbsent, specRef: "RFC 5652 §6.1", path: "authEnvelopedData.authEncryptedContentInfo.encryptedContent",
                                 message: "the content is detached; nothing to decrypt")
        }
        let aad = AuthAttributesAAD.aad(for: decoded)
        do {
            let pt = try AEAD.open(alg.aead, key: cek, nonce: params.nonce, ciphertext: ciphertext, tag: aed.mac, aad: aad)
            return VerifiedPlaintext(content: pt, contentType: aed.innerContentType, algorithm: alg, aad: aad)
        } catch {
            let code = error.code == .authenticationFailure ? CMSCryptoError.authenticationFailure : CMSCryptoError.parameters
            throw CMSCryptoError(code: code, specRef: "RFC 5083 §2.2", path: "authEnvelopedData.mac", message: error.message, underlying: error)
        }
    }

    /// The algorithm and parameters, after the RFC 5084 checks a receiver
    /// must make before opening: an AEAD OID, its parameters present, nonce
    /// and ICVlen in range, and `mac` exactly ICVlen octets long.
    public static func openingParameters(_ decoded: DecodedContentInfo) throws(CMSCryptoError) -> (AuthEnvelopedData, AuthEncryptionAlgorithm, AEADParameters) {
        guard let aed = decoded.authEnvelopedData else {
            throw CMSCryptoError(code: CMSCryptoError.notAuthEnveloped, specRef: "RFC 5083 §2.1", path: "contentType", message: "content type is \(decoded.contentInfo.contentType)")
        }
        let ai = aed.authEncryptedContentInfo.contentEncryptionAlgorithm
        let algPath = "authEnvelopedData.authEncryptedContentInfo.contentEncryptionAlgorithm"
        guard let alg = AuthEncryptionAlgorithm(oid: ai.algorithm) else {
            throw CMSCryptoError(code: CMSCryptoError.notAEAD, specRef: "RFC 5084 §3", path: "\(algPath).algorithm",
                                 message: "\(CMSOID.names[ai.algorithm] ?? ai.algorithm) is not a content-authenticated encryption algorithm")
        }
        guard let p = ai.aeadParameters else {
            throw CMSCryptoError(code: CMSCryptoError.parameters, specRef: alg.specRef, path: "\(algPath).parameters",
                                 message: "\(alg) parameters must be present and be \(alg.isGCM ? "GCMParameters" : "CCMParameters")")
        }
        guard alg.allowedNonceLengths.contains(p.nonce.count) else {
            throw CMSCryptoError(code: CMSCryptoError.nonceLength, specRef: alg.specRef, path: "\(algPath).parameters.nonce",
                                 message: "\(p.nonce.count)-byte nonce; \(alg) allows \(alg.allowedNonceLengths)")
        }
        guard alg.allowsICVLength(p.effectiveICVLength) else {
            throw CMSCryptoError(code: CMSCryptoError.icvLength, specRef: alg.specRef, path: "\(algPath).parameters.icvLen",
                                 message: "ICVlen \(p.effectiveICVLength) is not one of \(alg.allowedICVLengths.sorted())")
        }
        guard aed.mac.count == p.effectiveICVLength else {
            throw CMSCryptoError(code: CMSCryptoError.macLength, specRef: alg.specRef, path: "authEnvelopedData.mac",
                                 message: "mac is \(aed.mac.count) bytes, ICVlen is \(p.effectiveICVLength)")
        }
        return (aed, alg, p)
    }

    /// For a message whose tag did not verify with the correct AAD: which
    /// known-broken AAD (``AuthAttributesAAD/Variant``) makes it verify.
    /// Diagnostic only — whatever plaintext a variant yields is discarded.
    public static func diagnoseAAD(_ decoded: DecodedContentInfo, cek: [UInt8]) -> AuthAttributesAAD.Variant? {
        guard let (aed, alg, p) = try? openingParameters(decoded), let ct = aed.authEncryptedContentInfo.encryptedContent else { return nil }
        for v in AuthAttributesAAD.Variant.allCases {
            guard let aad = AuthAttributesAAD.aad(for: decoded, variant: v) else { continue }
            if (try? AEAD.open(alg.aead, key: cek, nonce: p.nonce, ciphertext: ct, tag: aed.mac, aad: aad)) != nil { return v }
        }
        return nil
    }
}

extension DecodedContentInfo {
    /// ``CMSDecryptor/decrypt(_:key:)`` on this message.
    public func decrypt(using key: CMSKeySource, codePoints: CMSCodePoints = .default) throws(CMSCryptoError) -> VerifiedPlaintext {
        try CMSDecryptor(codePoints: codePoints).decrypt(self, key: key)
    }
}
