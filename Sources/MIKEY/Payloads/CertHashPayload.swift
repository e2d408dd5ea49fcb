import MediasecCore

/// Cert hash payload, CHASH (RFC 3830 §6.8; RFC 6043 §6.7 adds SHA-256).
///
/// ```
/// ! Next Payload  ! Hash func     ! Hash                          ~
/// ```
/// The hash length is implicit from the hash function.
public struct CertHashPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.chash
    static let specRef = "RFC 3830 §6.8"
    static let pathName = "chash"

    public var hashFunction: HashFunction
    public var hash: [UInt8]

    public init(hashFunction: HashFunction, hash: [UInt8]) {
        self.hashFunction = hashFunction
        self.hash = hash
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> CertHashPayload {
        let at = c.position
        let h = HashFunction(rawValue: try c.mikeyU8("hashFunc"))
        guard let n = h.hashLength else {
            throw fail(c, "mikey.chash.func-unknown", "hash func \(h) has no known length", field: "hashFunc", at: at)
        }
        return CertHashPayload(hashFunction: h, hash: try c.mikeyBytes(n, "hash"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        guard let n = hashFunction.hashLength, n == hash.count else {
            throw Self.encodeFail("mikey.chash.hash-length", "hash", "hash is \(hash.count) bytes; \(hashFunction) needs \(hashFunction.hashLength.map(String.init) ?? "a known length")")
        }
        w.writeUInt8(hashFunction.rawValue)
        w.writeBytes(hash)
    }
}
