import COpenSSL

/// Raw AES (FIPS 197) in the two unauthenticated modes MIKEY needs: one
/// ECB block (building block for key-stream checks) and counter mode
/// (NIST SP 800-38A §6.5), which is MIKEY's AES-CM (RFC 3830 §4.2.3, RFC 3711
/// §4.1.1).
public enum AES {
    /// AES block length in bytes.
    public static let blockSize = 16

    /// Allowed key lengths in bytes (AES-128/192/256, FIPS 197 §5).
    public static let keyLengths: Set<Int> = [16, 24, 32]

    /// Encrypts exactly one 16-byte block (FIPS 197 §5.1, ECB without
    /// padding).
    public static func encryptBlock(key: [UInt8], block: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard block.count == blockSize else {
            throw CryptoError(.invalidInputLength, "AES block must be 16 bytes, got \(block.count)")
        }
        let cipher = try evpCipher(mode: .ecb, keyLength: key.count)
        return try run(cipher: cipher, key: key, iv: nil, input: block, padding: false, what: "AES-ECB")
    }

    /// AES counter mode (NIST SP 800-38A §6.5): keystream block *i* is
    /// AES(key, T + i mod 2^128) with `initialCounterBlock` as T (the whole
    /// 128-bit block is the counter, as in RFC 3711 §4.1.1's AES-CM).
    /// Encryption and decryption are the same operation. Any data length.
    public static func ctr(key: [UInt8], initialCounterBlock: [UInt8], data: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard initialCounterBlock.count == blockSize else {
            throw CryptoError(.invalidNonceLength, "AES-CTR initial counter block must be 16 bytes, got \(initialCounterBlock.count)")
        }
        let cipher = try evpCipher(mode: .ctr, keyLength: key.count)
        return try run(cipher: cipher, key: key, iv: initialCounterBlock, input: data, padding: false, what: "AES-CTR")
    }

    enum Mode { case ecb, ctr, wrap, gcm, ccm }

    /// The ciphers fetched once from libcrypto's default library context,
    /// indexed by ``fetchIndex(_:_:)``. An explicitly fetched `EVP_CIPHER`
    /// spares each `EVP_CipherInit_ex` the implicit fetch (name lookup, lock,
    /// reference counting) that OpenSSL 3 performs for the legacy
    /// `EVP_aes_*()` objects; nil entries fall back to those.
    nonisolated(unsafe) private static let fetched: [OpaquePointer?] = {
        var out: [OpaquePointer?] = []
        for mode in ["ECB", "CTR", "WRAP", "GCM", "CCM"] {
            for bits in [128, 192, 256] { out.append(EVP_CIPHER_fetch(nil, "AES-\(bits)-\(mode)", nil)) }
        }
        return out
    }()

    private static func fetchIndex(_ mode: Mode, _ keyLength: Int) -> Int? {
        let m: Int
        switch mode {
        case .ecb: m = 0
        case .ctr: m = 1
        case .wrap: m = 2
        case .gcm: m = 3
        case .ccm: m = 4
        }
        switch keyLength {
        case 16: return m * 3
        case 24: return m * 3 + 1
        case 32: return m * 3 + 2
        default: return nil
        }
    }

    /// The libcrypto cipher for `mode` and a key of `keyLength` bytes.
    static func evpCipher(mode: Mode, keyLength: Int) throws(CryptoError) -> OpaquePointer {
        if let i = fetchIndex(mode, keyLength), let c = fetched[i] { return c }
        let cipher: OpaquePointer?
        switch (mode, keyLength) {
        case (.ecb, 16): cipher = EVP_aes_128_ecb()
        case (.ecb, 24): cipher = EVP_aes_192_ecb()
        case (.ecb, 32): cipher = EVP_aes_256_ecb()
        case (.ctr, 16): cipher = EVP_aes_128_ctr()
        case (.ctr, 24): cipher = EVP_aes_192_ctr()
        case (.ctr, 32): cipher = EVP_aes_256_ctr()
        case (.wrap, 16): cipher = EVP_aes_128_wrap()
        case (.wrap, 24): cipher = EVP_aes_192_wrap()
        case (.wrap, 32): cipher = EVP_aes_256_wrap()
        case (.gcm, 16): cipher = EVP_aes_128_gcm()
        case (.gcm, 24): cipher = EVP_aes_192_gcm()
        case (.gcm, 32): cipher = EVP_aes_256_gcm()
        case (.ccm, 16): cipher = EVP_aes_128_ccm()
        case (.ccm, 24): cipher = EVP_aes_192_ccm()
        case (.ccm, 32): cipher = EVP_aes_256_ccm()
        default:
            throw CryptoError(.invalidKeyLength, "AES key must be 16, 24 or 32 bytes, got \(keyLength)")
        }
        guard let found = cipher else {
            throw CryptoError.library(.libraryFailure, "AES cipher for \(mode) unavailable")
        }
        return found
    }

    /// One-shot encryption through EVP_Cipher{Init,Update,Final} for the
    /// unauthenticated modes (always the encrypt direction: ECB encrypt,
    /// CTR is symmetric).
    static func run(
        cipher: OpaquePointer, key: [UInt8], iv: [UInt8]?, input: [UInt8], padding: Bool, what: String
    ) throws(CryptoError) -> [UInt8] {
        let inputLength = try Buffers.cInt(input.count, what)
        let context = try CipherContext()
        let ctx = context.raw
        let initialised = Buffers.withPointer(key) { k, _ in
            Buffers.withPointer(iv ?? []) { v, _ in
                EVP_EncryptInit_ex(ctx, cipher, nil, k, iv == nil ? nil : v)
            }
        }
        guard initialised == 1 else { throw CryptoError.library(.libraryFailure, "\(what): init failed") }
        guard EVP_CIPHER_CTX_set_padding(ctx, padding ? 1 : 0) == 1 else {
            throw CryptoError.library(.libraryFailure, "\(what): set_padding failed")
        }
        let output = Buffers.withPointer(input) { inPointer, _ in
            Buffers.produce(capacity: input.count + AES.blockSize) { out -> Int? in
                var written: Int32 = 0
                guard EVP_EncryptUpdate(ctx, out, &written, inPointer, inputLength) == 1 else { return nil }
                var final: Int32 = 0
                guard EVP_EncryptFinal_ex(ctx, out + Int(written), &final) == 1 else { return nil }
                return Int(written) + Int(final)
            }
        }
        guard let result = output, result.count == input.count else {
            throw CryptoError.library(.libraryFailure, "\(what): encryption failed")
        }
        return result
    }
}
