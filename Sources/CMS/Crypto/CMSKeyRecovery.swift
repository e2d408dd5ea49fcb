import MediasecCore
import MediasecCrypto
import MIKEY

/// Where the content-encryption key (CEK) comes from.
public enum CMSKeySource: Sendable, Hashable {
    /// The CEK itself.
    case cek([UInt8])
    /// A key-encryption key for a KEKRecipientInfo (AES key wrap, RFC 3565
    /// §2.4; TS 33.328 Annex I). With `keyIdentifier`, only the kekri whose
    /// `kekid.keyIdentifier` matches is tried.
    case kek([UInt8], keyIdentifier: [UInt8]? = nil)
    /// MIKEY keys for the TRANSFER_INIT of an `id-ori-mikey` recipient
    /// (TR 33.829 Annex B.3): `psk` is the MPKi (RFC 6043 §5.1.2), plus
    /// `idi` / `idr` when the MAC check needs identities not in the message.
    case mikey(MIKEYKeys)
}

/// A recovered CEK and where it came from.
public struct RecoveredCEK: Sendable {
    public var cek: [UInt8]
    /// Index into recipientInfos (nil for a CEK given directly).
    public var recipientIndex: Int?
    public var path: String
    /// The MIKEY validation of the TRANSFER_INIT, for `id-ori-mikey`.
    public var mikeyReport: MIKEYValidationReport?
}

/// CEK recovery from the recipient infos.
///
/// `id-ori-mikey`: the TEK is recovered by running ``MIKEYValidator`` with
/// the given keys over the TRANSFER_INIT (MIKEY's own KEMAC decryption and
/// MAC verification, `MessageProtection`), and taking the first TEK or
/// TEK+SALT key data of ``MIKEYValidationReport/recoveredKeyData``. A MIKEY
/// MAC that was checked and did not verify refuses the key
/// (`cms.key.mikey-mac-mismatch`); a MAC that could not be checked (e.g.
/// identities missing) does not, because the AEAD tag still binds the
/// content to the TEK — the validator reports `mikey.mac.not-checked`.
public enum CMSKeyRecovery {
    public static func recover(_ decoded: DecodedContentInfo, key: CMSKeySource, codePoints: CMSCodePoints = .default) throws(CMSCryptoError) -> RecoveredCEK {
        guard let aed = decoded.authEnvelopedData else {
            throw CMSCryptoError(code: CMSCryptoError.notAuthEnveloped, specRef: "RFC 5083 §2.1", path: "contentType", message: "content type is \(decoded.contentInfo.contentType)")
        }
        switch key {
        case .cek(let k):
            return RecoveredCEK(cek: k, recipientIndex: nil, path: "", mikeyReport: nil)
        case .kek(let kek, let kid):
            return try fromKEK(aed, kek: kek, keyIdentifier: kid)
        case .mikey(let keys):
            var last: CMSCryptoError? = nil
            for (i, r) in aed.recipientInfos.enumerated() {
                guard case .ori(let o) = r, o.oriType == codePoints.oriMIKEY, let msg = o.mikeyMessageBytes else { continue }
                do {
                    let (tek, report) = try mikeyTEK(transferInit: msg, keys: keys, codePoints: codePoints)
                    return RecoveredCEK(cek: tek, recipientIndex: i, path: "authEnvelopedData.recipientInfos[\(i)].ori", mikeyReport: report)
                } catch {
                    last = error
                }
            }
            throw last ?? CMSCryptoError(code: CMSCryptoError.noRecipient, specRef: "TR 33.829 Annex B.3", path: "authEnvelopedData.recipientInfos",
                                         message: "no OtherRecipientInfo of type id-ori-mikey (\(codePoints.oriMIKEY)) with an OCTET STRING value")
        }
    }

    static func fromKEK(_ aed: AuthEnvelopedData, kek: [UInt8], keyIdentifier: [UInt8]?) throws(CMSCryptoError) -> RecoveredCEK {
        var last: CMSCryptoError? = nil
        for (i, r) in aed.recipientInfos.enumerated() {
            guard case .kekri(let k) = r else { continue }
            if let kid = keyIdentifier, kid != k.kekid.keyIdentifier { continue }
            let path = "authEnvelopedData.recipientInfos[\(i)].kekri"
            do {
                return RecoveredCEK(cek: try unwrap(k, kek: kek, path: path), recipientIndex: i, path: path, mikeyReport: nil)
            } catch {
                last = error
            }
        }
        throw last ?? CMSCryptoError(code: CMSCryptoError.noRecipient, specRef: "RFC 5652 §6.2.3", path: "authEnvelopedData.recipientInfos",
                                     message: keyIdentifier == nil ? "no KEKRecipientInfo" : "no KEKRecipientInfo with that keyIdentifier")
    }

    /// Unwraps the CEK of one kekri with AES key wrap (RFC 3394 §2.2.2,
    /// RFC 3565 §2.3.2). The OID fixes the KEK size.
    public static func unwrap(_ k: KEKRecipientInfo, kek: [UInt8], path: String = "kekri") throws(CMSCryptoError) -> [UInt8] {
        guard let alg = k.keyWrapAlgorithm else {
            throw CMSCryptoError(code: CMSCryptoError.keyWrapUnsupported, specRef: "RFC 3565 §2.4", path: "\(path).keyEncryptionAlgorithm",
                                 message: "\(k.keyEncryptionAlgorithm.algorithm) is not an AES key wrap OID")
        }
        guard alg.isSupported else {
            throw CMSCryptoError(code: CMSCryptoError.keyWrapUnsupported, specRef: "RFC 5649 §6", path: "\(path).keyEncryptionAlgorithm",
                                 message: "\(alg) (AES key wrap with padding) is recognized but MediasecCrypto has no KWP")
        }
        guard kek.count == alg.kekLength else {
            throw CMSCryptoError(code: CMSCryptoError.kekLength, specRef: "RFC 3565 §2.3.2", path: "\(path).keyEncryptionAlgorithm",
                                 message: "\(alg) needs a \(alg.kekLength)-byte KEK, got \(kek.count)")
        }
        do {
            return try AESKeyWrap.unwrap(kek: kek, wrapped: k.encryptedKey)
        } catch {
            throw CMSCryptoError(code: CMSCryptoError.unwrapFailed, specRef: "RFC 3394 §2.2.3", path: "\(path).encryptedKey", message: error.message, underlying: error)
        }
    }

    /// The TEK of a TRANSFER_INIT (TR 33.829 Annex B.3, Annex E).
    public static func mikeyTEK(transferInit: [UInt8], keys: MIKEYKeys, codePoints: CMSCodePoints = .default) throws(CMSCryptoError) -> (tek: [UInt8], report: MIKEYValidationReport) {
        let report = MIKEYValidator(options: MIKEYValidationOptions(profiles: nil, codePoints: codePoints.mikey, keys: keys)).validate(transferInit)
        guard report.decoded != nil else {
            let why = report.findings.first.map { "\($0.code): \($0.message)" } ?? "undecodable"
            throw CMSCryptoError(code: CMSCryptoError.mikeyMalformed, specRef: "TR 33.829 Annex B.3", path: "oriValue", message: why)
        }
        if let bad = report.findings.first(where: { $0.code == MIKEYRules.macMismatch.code }) {
            throw CMSCryptoError(code: CMSCryptoError.mikeyMACMismatch, specRef: "RFC 6043 §5.5", path: "oriValue.\(bad.path)", message: bad.message)
        }
        for (_, payloads) in report.recoveredKeyData {
            for case .keyData(let kd) in payloads where kd.type == .tek || kd.type == .tekSalt {
                return (kd.keyData, report)
            }
        }
        let why = report.findings.first { [MIKEYRules.kemacDecryptFailed.code, MIKEYRules.macNotChecked.code].contains($0.code) }
            .map { " (\($0.code): \($0.message))" } ?? ""
        throw CMSCryptoError(code: CMSCryptoError.mikeyNoTEK, specRef: "TR 33.829 Annex E", path: "oriValue",
                             message: "no TEK recovered from the TRANSFER_INIT KEMAC\(why)")
    }
}
