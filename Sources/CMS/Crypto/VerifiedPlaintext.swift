/// Plaintext whose authentication tag verified (RFC 5083 §2: "The recipient
/// MUST verify the integrity of the received content before releasing any
/// information, especially the plaintext of the content").
///
/// The initializer is internal: the only way to obtain a value is
/// ``CMSDecryptor/decrypt(_:key:)`` (or ``CMSDecryptor/decrypt(_:cek:)``),
/// which returns one only after `AEAD.open` verified the tag; on failure
/// nothing is returned and MediasecCrypto has cleansed its working buffer.
public struct VerifiedPlaintext: Sendable, Hashable {
    /// The decrypted content octets.
    public let content: [UInt8]
    /// `authEncryptedContentInfo.contentType` (authenticated only through
    /// authAttrs' content-type attribute, when present).
    public let contentType: String
    public let algorithm: AuthEncryptionAlgorithm
    /// The AAD that was authenticated together with the content.
    public let aad: [UInt8]

    init(content: [UInt8], contentType: String, algorithm: AuthEncryptionAlgorithm, aad: [UInt8]) {
        self.content = content
        self.contentType = contentType
        self.algorithm = algorithm
        self.aad = aad
    }
}
