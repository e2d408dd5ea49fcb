import MediasecCore
import MIKEY

/// A TRANSFER_INIT for pre-shared-key MIME protection (TR 33.829 Annex B.3
/// with the Annex E profile): one crypto session of Prot Type PSK/MIME with
/// no policy, Session Data or SPI; V = 0; the CEK carried as TEK in a KEMAC
/// encrypted under keys derived from the MPKi (RFC 6043 §4.2.2.1, §5.1.2);
/// a MIKEY base ticket with F = 0, G = 0, L = 1 (and I = 1 with Initiator
/// Data when proof-of-origin is requested); the V payload's MAC computed by
/// ``MIKEYMessageBuilder``. With `proofOfOrigin`, the Annex F extension
/// carries the CMS `mac`.
///
/// The ticket is a placeholder for what a KMS would issue (Ticket Data and
/// the Vi/Vr of Initiator Data are only for the KMS); the receiver side of
/// this suite never resolves it and takes the MPKi as given (`psk`). TP Data
/// names IDRi, IDRapp "PSK/MIME" (Annex E) and IDRr.
public struct PSKMIMETransferInit: Sendable {
    /// The MPKi: inkey of the transport-key derivation (RFC 6043 §5.1.2).
    public var mpk: [UInt8]
    public var initiator = "sip:alice@example.org"
    public var responder = "sip:bob@example.org"
    public var csbID: UInt32 = 0x4D49_4D45
    public var csID: UInt8 = 1
    public var randRi: [UInt8] = Array(0x30..<0x40)
    /// NTP-UTC timestamp (8 bytes) of the T payload; feeds the AES-CM IV.
    public var timestamp: [UInt8] = [0xE9, 0x8F, 0x1A, 0x00, 0, 0, 0, 0]
    public var prf: PRFFunction = .hmacSHA256
    public var kemacEncryption: EncryptionAlgorithm = .aesCM128
    public var mac: MACAlgorithm = .hmacSHA256_256
    /// Key data type of the CEK: TEK (default) or TEK+SALT.
    public var tekType: KeyDataType = .tek
    public var codePoints: CMSCodePoints = .default

    public init(mpk: [UInt8]) { self.mpk = mpk }

    /// The keys a receiver needs to recover the TEK and check the MAC.
    public var receiverKeys: MIKEYKeys { MIKEYKeys(["psk": mpk]) }

    /// The unprotected message (KEMAC holding the plaintext key data, zero MAC).
    public func message(tek: [UInt8], proofOfOrigin: [UInt8]? = nil) throws -> MIKEYMessage {
        var flags: TicketFlags = [.d, .e, .h, .l, .n, .o]
        if proofOfOrigin != nil { flags.insert(.i) }
        var p = MIKEYMessageTemplates.Parameters()
        p.csbID = csbID
        p.prf = prf
        p.timestamp = timestamp
        let base = MIKEYMessageTemplates.ticket(p)
        let ticket = TicketPayload(
            policy: TicketPolicy(ticketType: .mikeyBase, subtype: 1, version: 1, prfFunction: prf, flags: flags, tpData: [
                .idRole(IDRPayload(role: .initiator, idType: .uri, data: Array(initiator.utf8))),
                // Annex E: "IDRapp in the Ticket Policy (TP) payload shall be set to the string PSK/MIME".
                .idRole(IDRPayload(role: .application, idType: .byteString, data: Array("PSK/MIME".utf8))),
                .idRole(IDRPayload(role: .responder, idType: .uri, data: Array(responder.utf8))),
            ]),
            ticketData: base.ticketData,
            // Initiator Data = First Payload, Vi, Vr (RFC 6043 §6.10); placeholders for what the KMS checks.
            initiatorData: proofOfOrigin == nil ? [] : [.verification(.placeholder(mac)), .verification(.placeholder(mac))])
        let salt: [UInt8]? = tekType.hasSalt == true ? [UInt8](repeating: 0, count: 14) : nil
        var kemac = try KEMACPayload.clear(keyData: [KeyDataPayload(type: tekType, keyData: tek, salt: salt)], macAlgorithm: .null)
        kemac.encryptionAlgorithm = kemacEncryption
        var payloads: [Payload] = [
            .timestamp(TimestampPayload(tsType: .ntpUTC, value: timestamp)),
            .randRole(RANDRPayload(role: .initiator, rand: randRi)),
            .idRole(IDRPayload(role: .initiator, idType: .uri, data: Array(initiator.utf8))),
            .idRole(IDRPayload(role: .responder, idType: .uri, data: Array(responder.utf8))),
            .ticket(ticket),
            .kemac(kemac),
        ]
        if let poo = proofOfOrigin { payloads.append(.generalExtension(.proofOfOrigin(poo, profile: codePoints.mikey))) }
        payloads.append(.verification(.placeholder(mac)))
        let header = CommonHeader(dataType: .transferInit, verifyFlag: false, prfFunction: prf, csbID: csbID,
                                  csIDMap: .generic([GenericIDMapEntry(csID: csID, protType: codePoints.mikey.protTypePSKMIME)]))
        return MIKEYMessage(header: header, payloads: payloads)
    }

    /// The protected TRANSFER_INIT bytes.
    public func make(tek: [UInt8], proofOfOrigin: [UInt8]? = nil) throws -> [UInt8] {
        try MIKEYMessageBuilder.protect(try message(tek: tek, proofOfOrigin: proofOfOrigin), keys: receiverKeys, profile: codePoints.mikey)
    }
}
