import COpenSSL

/// The AES-based AEAD modes CMS AuthEnvelopedData uses (RFC 5084 §3):
/// GCM (NIST SP 800-38D) and CCM (RFC 3610, NIST SP 800-38C), each with
/// 128-, 192- or 256-bit keys.
public enum AEADAlgorithm: String, Sendable, Hashable, CaseIterable {
    case aesGCM = "AES-GCM"
    case aesCCM = "AES-CCM"

    /// Nonce lengths in bytes this implementation accepts.
    /// - GCM: any non-empty IV (SP 800-38D §5.2.1.1) up to 128 bytes, the
    ///   largest IV libcrypto 3.0 accepts (its `GCM_IV_MAX_SIZE`).
    /// - CCM: 7...13 (RFC 3610 §2: L = 15 − nonce length, 2 ≤ L ≤ 8).
    public var nonceLengths: ClosedRange<Int> {
        switch self {
        case .aesGCM: return 1...128
        case .aesCCM: return 7...13
        }
    }

    /// Tag lengths in bytes this implementation accepts.
    /// - GCM: 16, 15, 14, 13, 12, 8, 4 (SP 800-38D §5.2.1.2).
    /// - CCM: 4, 6, 8, 10, 12, 14, 16 (RFC 3610 §2: M).
    /// RFC 5084 narrows both further for CMS (ICVlen 12...16 for GCM); that
    /// is the CMS layer's rule, not this one's.
    public var tagLengths: Set<Int> {
        switch self {
        case .aesGCM: return [4, 8, 12, 13, 14, 15, 16]
        case .aesCCM: return [4, 6, 8, 10, 12, 14, 16]
        }
    }

    var mode: AES.Mode {
        switch self {
        case .aesGCM: return .gcm
        case .aesCCM: return .ccm
        }
    }
}

/// Ciphertext and tag of an AEAD seal. The two are kept apart because CMS
/// carries them in different fields (`encryptedContent` and `mac`).
public struct AEADSealedBox: Sendable, Hashable {
    public var ciphertext: [UInt8]
    public var tag: [UInt8]

    public init(ciphertext: [UInt8], tag: [UInt8]) {
        self.ciphertext = ciphertext
        self.tag = tag
    }
}

/// AEAD seal/open. `open` is all-or-nothing: the plaintext exists outside
/// this module only when the tag verified (RFC 5083 §2.2: integrity before
/// release). libcrypto's working buffer is cleansed on every failure.
public enum AEAD {
    /// Encrypts and authenticates `plaintext` with additional data `aad`.
    public static func seal(
        _ algorithm: AEADAlgorithm, key: [UInt8], nonce: [UInt8], plaintext: [UInt8],
        aad: [UInt8] = [], tagLength: Int = 16
    ) throws(CryptoError) -> AEADSealedBox {
        let cipher = try validate(algorithm, key: key, nonce: nonce, tagLength: tagLength, dataLength: plaintext.count)
        let context = try CipherContext()
        let ctx = context.raw
        try prepare(algorithm, ctx: ctx, cipher: cipher, key: key, nonce: nonce, tagLength: tagLength, tag: nil, encrypt: true)
        try feedLengthAndAAD(algorithm, ctx: ctx, dataLength: plaintext.count, aad: aad)
        let dataLength = try Buffers.cInt(plaintext.count, "plaintext")
        let ciphertext = Buffers.withPointer(plaintext) { input, _ in
            Buffers.produce(capacity: plaintext.count + AES.blockSize) { out -> Int? in
                var written: Int32 = 0
                guard EVP_EncryptUpdate(ctx, out, &written, input, dataLength) == 1 else { return nil }
                var final: Int32 = 0
                guard EVP_EncryptFinal_ex(ctx, out + Int(written), &final) == 1 else { return nil }
                return Int(written) + Int(final)
            }
        }
        guard let ct = ciphertext, ct.count == plaintext.count else {
            throw CryptoError.library(.libraryFailure, "\(algorithm.rawValue): encryption failed")
        }
        let tag = Buffers.produce(capacity: tagLength) { out -> Int? in
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, Int32(tagLength), out) == 1 ? tagLength : nil
        }
        guard let t = tag else { throw CryptoError.library(.libraryFailure, "\(algorithm.rawValue): get tag failed") }
        return AEADSealedBox(ciphertext: ct, tag: t)
    }

    /// Verifies and decrypts. Returns the plaintext only when the tag
    /// verified; otherwise throws ``CryptoError/Code/authenticationFailure``
    /// and no plaintext byte leaves the function. The tag length is
    /// `tag.count` and must be one of ``AEADAlgorithm/tagLengths``.
    public static func open(
        _ algorithm: AEADAlgorithm, key: [UInt8], nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8],
        aad: [UInt8] = []
    ) throws(CryptoError) -> [UInt8] {
        let cipher = try validate(algorithm, key: key, nonce: nonce, tagLength: tag.count, dataLength: ciphertext.count)
        let context = try CipherContext()
        let ctx = context.raw
        try prepare(algorithm, ctx: ctx, cipher: cipher, key: key, nonce: nonce, tagLength: tag.count, tag: tag, encrypt: false)
        try feedLengthAndAAD(algorithm, ctx: ctx, dataLength: ciphertext.count, aad: aad)
        let dataLength = try Buffers.cInt(ciphertext.count, "ciphertext")
        let plaintext = Buffers.withPointer(ciphertext) { input, _ in
            Buffers.produce(capacity: ciphertext.count + AES.blockSize) { out -> Int? in
                var written: Int32 = 0
                // CCM verifies the tag inside this call (RFC 3610 §2.5).
                guard EVP_DecryptUpdate(ctx, out, &written, input, dataLength) == 1 else { return nil }
                switch algorithm {
                case .aesCCM:
                    return Int(written)
                case .aesGCM:
                    let status = Buffers.withPointer(tag) { t, _ in
                        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), UnsafeMutableRawPointer(mutating: t))
                    }
                    guard status == 1 else { return nil }
                    var final: Int32 = 0
                    // GCM verifies the tag here (SP 800-38D §7.2 step 8).
                    guard EVP_DecryptFinal_ex(ctx, out + Int(written), &final) == 1 else { return nil }
                    return Int(written) + Int(final)
                }
            }
        }
        guard let pt = plaintext, pt.count == ciphertext.count else {
            ERR_clear_error()
            throw CryptoError(.authenticationFailure, "\(algorithm.rawValue): tag verification failed")
        }
        return pt
    }

    // MARK: - Steps

    private static func validate(
        _ algorithm: AEADAlgorithm, key: [UInt8], nonce: [UInt8], tagLength: Int, dataLength: Int
    ) throws(CryptoError) -> OpaquePointer {
        guard algorithm.nonceLengths.contains(nonce.count) else {
            throw CryptoError(.invalidNonceLength, "\(algorithm.rawValue) nonce of \(nonce.count) bytes (allowed \(algorithm.nonceLengths))")
        }
        guard algorithm.tagLengths.contains(tagLength) else {
            throw CryptoError(.invalidTagLength, "\(algorithm.rawValue) tag of \(tagLength) bytes (allowed \(algorithm.tagLengths.sorted()))")
        }
        if algorithm == .aesCCM {
            // RFC 3610 §2: the message length must fit in L = 15 - nonce bytes.
            let lengthBytes = 15 - nonce.count
            if lengthBytes < 8, dataLength >= (1 << (8 * lengthBytes)) {
                throw CryptoError(.invalidInputLength, "AES-CCM with a \(nonce.count)-byte nonce cannot carry \(dataLength) bytes")
            }
        }
        return try AES.evpCipher(mode: algorithm.mode, keyLength: key.count)
    }

    private static func prepare(
        _ algorithm: AEADAlgorithm, ctx: OpaquePointer, cipher: OpaquePointer, key: [UInt8], nonce: [UInt8],
        tagLength: Int, tag: [UInt8]?, encrypt: Bool
    ) throws(CryptoError) {
        let direction: Int32 = encrypt ? 1 : 0
        guard EVP_CipherInit_ex(ctx, cipher, nil, nil, nil, direction) == 1 else {
            throw CryptoError.library(.libraryFailure, "\(algorithm.rawValue): init failed")
        }
        guard EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, Int32(nonce.count), nil) == 1 else {
            throw CryptoError.library(.invalidNonceLength, "\(algorithm.rawValue): nonce length \(nonce.count) refused")
        }
        if algorithm == .aesCCM {
            // CCM needs M (and, when decrypting, the expected tag) before the key.
            let status = Buffers.withPointer(tag ?? []) { t, _ in
                EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(tagLength), tag == nil ? nil : UnsafeMutableRawPointer(mutating: t))
            }
            guard status == 1 else {
                throw CryptoError.library(.invalidTagLength, "AES-CCM: tag length \(tagLength) refused")
            }
        }
        let keyed = Buffers.withPointer(key) { k, _ in
            Buffers.withPointer(nonce) { n, _ in EVP_CipherInit_ex(ctx, nil, nil, k, n, direction) }
        }
        guard keyed == 1 else { throw CryptoError.library(.libraryFailure, "\(algorithm.rawValue): key/nonce init failed") }
    }

    private static func feedLengthAndAAD(
        _ algorithm: AEADAlgorithm, ctx: OpaquePointer, dataLength: Int, aad: [UInt8]
    ) throws(CryptoError) {
        var written: Int32 = 0
        if algorithm == .aesCCM {
            // CCM must know the message length up front (RFC 3610 §2.2, B_0).
            let length = try Buffers.cInt(dataLength, "data")
            guard EVP_CipherUpdate(ctx, nil, &written, nil, length) == 1 else {
                throw CryptoError.library(.libraryFailure, "AES-CCM: setting the message length failed")
            }
        }
        guard !aad.isEmpty else { return }
        let aadLength = try Buffers.cInt(aad.count, "AAD")
        let status = Buffers.withPointer(aad) { a, _ in EVP_CipherUpdate(ctx, nil, &written, a, aadLength) }
        guard status == 1 else { throw CryptoError.library(.libraryFailure, "\(algorithm.rawValue): AAD failed") }
    }
}
