import Testing
import MediasecCore
@testable import MIKEY

@Suite struct ProtectionTests {
    static let psk: [UInt8] = Array(0..<16)

    static func pskInit(encryption: EncryptionAlgorithm, mac: MACAlgorithm, prf: PRFFunction = .mikey1) throws -> MIKEYMessage {
        let key = KeyDataPayload(type: .tgk, keyData: [UInt8](repeating: 0x5a, count: 16), validity: .spi([1, 2, 3]))
        var kemac = try KEMACPayload.clear(keyData: [key], macAlgorithm: mac)
        kemac.encryptionAlgorithm = encryption
        return MIKEYMessage(
            header: CommonHeader(dataType: .psk, prfFunction: prf, csbID: 0xCAFE_F00D, csIDMap: .srtp([SRTPMapEntry(policyNumber: 0, ssrc: 1, roc: 0)])),
            payloads: [.timestamp(TimestampPayload(tsType: .ntpUTC, value: [0, 1, 2, 3, 4, 5, 6, 7])), .rand(RANDPayload(rand: Array(100..<116))), .kemac(kemac)]
        )
    }

    @Test(arguments: [(EncryptionAlgorithm.null, MACAlgorithm.hmacSHA1_160), (.aesCM128, .hmacSHA1_160), (.aesKW128, .hmacSHA256_256), (.aesCM256, .hmacSHA256_256)])
    func builderAndValidatorAgree(encryption: EncryptionAlgorithm, mac: MACAlgorithm) throws {
        let prf: PRFFunction = mac == .hmacSHA256_256 ? .hmacSHA256 : .mikey1
        let bytes = try MIKEYMessageBuilder.protect(try Self.pskInit(encryption: encryption, mac: mac, prf: prf), keys: MIKEYKeys(["psk": Self.psk]))
        let good = MIKEYValidator(options: .init(keys: MIKEYKeys(["psk": Self.psk]))).validate(bytes)
        #expect(good.findings.contains { $0.code == "mikey.mac.verified" })
        #expect(!good.findings.contains { $0.code == "mikey.mac.mismatch" })
        if encryption != .null {
            #expect(good.findings.contains { $0.code == "mikey.kemac.decrypted" })
            #expect(good.recoveredKeyData.first?.payloads.first == .keyData(KeyDataPayload(type: .tgk, keyData: [UInt8](repeating: 0x5a, count: 16), validity: .spi([1, 2, 3]))))
        }
        // A wrong key must fail the MAC.
        var wrong = Self.psk
        wrong[0] ^= 1
        let bad = MIKEYValidator(options: .init(keys: MIKEYKeys(["psk": wrong]))).validate(bytes)
        #expect(bad.findings.contains { $0.code == "mikey.mac.mismatch" })
        #expect(!bad.isValid)
        // Flipping one covered byte must fail the MAC too.
        var tampered = bytes
        tampered[25] ^= 0x80
        let t = MIKEYValidator(options: .init(keys: MIKEYKeys(["psk": Self.psk]))).validate(tampered)
        #expect(t.findings.contains { $0.code == "mikey.mac.mismatch" })
    }
}
