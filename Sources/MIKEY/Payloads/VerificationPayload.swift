import MediasecCore

/// Ver msg payload, V (RFC 3830 §6.9).
///
/// ```
/// ! Next Payload  ! Auth alg      ! Ver data                      ~
/// ```
/// The Ver data length is implicit from the authentication algorithm (the
/// MAC alg registry of §6.2).
public struct VerificationPayload: Hashable, Sendable, PayloadBodyCodable {
    static let payloadType = PayloadType.verification
    static let specRef = "RFC 3830 §6.9"
    static let pathName = "v"

    public var authAlgorithm: MACAlgorithm
    public var verificationData: [UInt8]

    public init(authAlgorithm: MACAlgorithm, verificationData: [UInt8]) {
        self.authAlgorithm = authAlgorithm
        self.verificationData = verificationData
    }

    /// A V payload with a zero MAC of the right length, to be filled in.
    public static func placeholder(_ alg: MACAlgorithm) -> VerificationPayload {
        VerificationPayload(authAlgorithm: alg, verificationData: [UInt8](repeating: 0, count: alg.macLength ?? 0))
    }

    static func decodeBody(_ c: inout ByteCursor, _ ctx: inout DecodeContext) throws(DecodingError) -> VerificationPayload {
        let at = c.position
        let a = MACAlgorithm(rawValue: try c.mikeyU8("authAlg"))
        guard let n = a.macLength else {
            throw fail(c, "mikey.v.auth-alg-unknown", "auth alg \(a) has no known length", field: "authAlg", at: at)
        }
        return VerificationPayload(authAlgorithm: a, verificationData: try c.mikeyBytes(n, "verData"))
    }

    func encodeBody(_ w: inout ByteWriter) throws(EncodingError) {
        guard let n = authAlgorithm.macLength, n == verificationData.count else {
            throw Self.encodeFail("mikey.v.mac-length", "verData", "ver data is \(verificationData.count) bytes; \(authAlgorithm) needs \(authAlgorithm.macLength.map(String.init) ?? "a known length")")
        }
        w.writeUInt8(authAlgorithm.rawValue)
        w.writeBytes(verificationData)
    }
}
