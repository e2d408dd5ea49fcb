import COpenSSL

/// AES key wrap, RFC 3394 §2.2 (= NIST SP 800-38F KW), through libcrypto's
/// `EVP_aes_*_wrap`. Used by MIKEY's AES-KW-128 KEMAC encryption
/// (RFC 3830 §4.2.3) and by CMS KEKRecipientInfo (RFC 3565 §2.3.2).
///
/// Input restrictions are checked here, before libcrypto is called, so the
/// behaviour does not depend on the library version:
/// - KEK of 16, 24 or 32 bytes;
/// - key data a multiple of 8 bytes and at least 16 bytes (RFC 3394 §2:
///   "the only restriction … is that n be at least two"; the single-block
///   case that RFC 3394 §2 calls unnecessary is *not* supported);
/// - wrapped data a multiple of 8 bytes and at least 24 bytes;
/// - IV (the initial value A[0]) of 8 bytes, default A6A6A6A6A6A6A6A6
///   (RFC 3394 §2.2.3.1).
public enum AESKeyWrap {
    /// The default initial value, RFC 3394 §2.2.3.1.
    public static let defaultIV: [UInt8] = [0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6]

    /// Wraps `keyData` under `kek` (RFC 3394 §2.2.1). Output is 8 bytes
    /// longer than the input.
    public static func wrap(kek: [UInt8], keyData: [UInt8], iv: [UInt8] = defaultIV) throws(CryptoError) -> [UInt8] {
        guard keyData.count % 8 == 0, keyData.count >= 16 else {
            throw CryptoError(.invalidInputLength, "AES-KW key data must be a multiple of 8 bytes and at least 16, got \(keyData.count)")
        }
        return try transform(kek: kek, input: keyData, iv: iv, wrap: true)
    }

    /// Unwraps `wrapped` (RFC 3394 §2.2.2) and checks the integrity value
    /// (§2.2.3): the key data is returned only when A equals `iv`.
    public static func unwrap(kek: [UInt8], wrapped: [UInt8], iv: [UInt8] = defaultIV) throws(CryptoError) -> [UInt8] {
        guard wrapped.count % 8 == 0, wrapped.count >= 24 else {
            throw CryptoError(.invalidInputLength, "AES-KW wrapped data must be a multiple of 8 bytes and at least 24, got \(wrapped.count)")
        }
        return try transform(kek: kek, input: wrapped, iv: iv, wrap: false)
    }

    private static func transform(kek: [UInt8], input: [UInt8], iv: [UInt8], wrap: Bool) throws(CryptoError) -> [UInt8] {
        guard iv.count == 8 else {
            throw CryptoError(.invalidNonceLength, "AES-KW initial value must be 8 bytes, got \(iv.count)")
        }
        let cipher = try AES.evpCipher(mode: .wrap, keyLength: kek.count)
        let inputLength = try Buffers.cInt(input.count, "AES-KW input")
        let context = try CipherContext()
        let ctx = context.raw
        // OpenSSL 1.1/3.0 refuse the wrap ciphers through EVP unless allowed.
        EVP_CIPHER_CTX_set_flags(ctx, Int32(EVP_CIPHER_CTX_FLAG_WRAP_ALLOW))
        let initialised = Buffers.withPointer(kek) { k, _ in
            Buffers.withPointer(iv) { v, _ in EVP_CipherInit_ex(ctx, cipher, nil, k, v, wrap ? 1 : 0) }
        }
        guard initialised == 1 else { throw CryptoError.library(.libraryFailure, "AES-KW: init failed") }
        let expected = wrap ? input.count + 8 : input.count - 8
        let output = Buffers.withPointer(input) { inPointer, _ in
            Buffers.produce(capacity: input.count + 16) { out -> Int? in
                var written: Int32 = 0
                guard EVP_CipherUpdate(ctx, out, &written, inPointer, inputLength) == 1, written >= 0 else { return nil }
                var final: Int32 = 0
                guard EVP_CipherFinal_ex(ctx, out + Int(written), &final) == 1 else { return nil }
                let total = Int(written) + Int(final)
                return total == expected ? total : nil
            }
        }
        guard let result = output else {
            if wrap { throw CryptoError.library(.libraryFailure, "AES-KW: wrap failed") }
            throw CryptoError.library(.integrityCheckFailure, "AES-KW: unwrap integrity check failed (RFC 3394 §2.2.3)")
        }
        return result
    }
}
