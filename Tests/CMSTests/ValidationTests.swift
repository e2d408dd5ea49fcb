import Testing
import MediasecCore
import MIKEY
@testable import CMS

/// The rule catalog: each rule fires on a message shaped like the bug it
/// describes (FACTS.md §9 CMS bug shapes first), with its clause and the
/// offset of the offending field; valid messages raise no error.
@Suite struct ValidationTests {
    static func codes(_ r: CMSValidationReport) -> [String] { r.findings.map(\.code) }

    static func validate(_ bytes: [UInt8], profiles: Set<CMSProfileName>? = nil, rules: EncodingRules = .ber, key: CMSKeySource? = nil) -> CMSValidationReport {
        CMSValidator(options: CMSValidationOptions(profiles: profiles, encodingRules: rules, key: key)).validate(bytes)
    }

    @Test func validMessagesHaveNoErrors() throws {
        for (bytes, key) in [(try Fixtures.builtKEKRI(), CMSKeySource.kek(Fixtures.kek128)), (Fixtures.opensslGCM128, .kek(Fixtures.kek128)),
                             (try Fixtures.builtORI(), .mikey(PSKMIMETransferInit(mpk: Fixtures.mpk).receiverKeys))] {
            let r = Self.validate(bytes, key: key)
            #expect(r.isValid, "\(r.findings)")
            #expect(Self.codes(r).contains("cms.aead.verified"))
            #expect(r.plaintext != nil)
        }
    }

    @Test func catalogCodesAreUniqueAndNamespaced() {
        let codes = CMSRules.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for r in CMSRules.all {
            #expect(r.code.hasPrefix("cms.") || r.code.hasPrefix("tr33829.") || r.code.hasPrefix("ts33328."))
            #expect(!r.specRef.isEmpty && !r.summary.isEmpty)
            #expect(CMSRules.rule(code: r.code) == r)
        }
        #expect(Set(DERDeviation.allCases.map(\.code)).count == DERDeviation.allCases.count)
    }

    /// Applies `change` to the model of a valid kekri message and re-encodes
    /// it (DER writer; non-canonical values are decoded under BER).
    static func mutated(_ base: [UInt8]? = nil, _ change: (inout AuthEnvelopedData) throws -> Void) throws -> [UInt8] {
        var a = try #require(try ContentInfo(decoding: base ?? Fixtures.builtKEKRI(), rules: .ber).authEnvelopedData)
        try change(&a)
        return try ContentInfo(authEnvelopedData: a).encoded()
    }

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var expect: String
        var path: String?
        var change: @Sendable (inout AuthEnvelopedData) throws -> Void
        var testDescription: String { name }
    }

    static let gcmNonce17 = AEADParameters(nonce: [UInt8](repeating: 1, count: 17))

    static let ruleCases: [RuleCase] = [
        RuleCase(name: "version 1", expect: "cms.aed.version", path: "authEnvelopedData.version") { $0.version = 1 },
        RuleCase(name: "empty recipientInfos", expect: "cms.recipients.empty", path: "authEnvelopedData.recipientInfos") { $0.recipientInfos = [] },
        RuleCase(name: "mac shorter than ICVlen", expect: "cms.mac.length", path: "authEnvelopedData.mac") { $0.mac.removeLast(2) },
        RuleCase(name: "non-AEAD cipher OID (CBC)", expect: "cms.alg.not-aead", path: "authEnvelopedData.authEncryptedContentInfo.contentEncryptionAlgorithm.algorithm") {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes128CBC, parameters: .encoded(DERWriter.tlv(.octetString, [UInt8](repeating: 0, count: 16))))
        },
        RuleCase(name: "oversized GCM nonce", expect: "cms.gcm.nonce-oversized", path: "authEnvelopedData.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters.nonce") {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits128), gcmNonce17)
        },
        RuleCase(name: "GCM nonce of 8", expect: "cms.gcm.nonce-length", path: nil) {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 1, count: 8)))
        },
        RuleCase(name: "empty GCM nonce", expect: "cms.gcm.nonce-empty", path: nil) {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits128), AEADParameters(nonce: []))
        },
        RuleCase(name: "CCM nonce of 14", expect: "cms.ccm.nonce-length", path: nil) {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesCCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 1, count: 14)))
        },
        RuleCase(name: "CCM nonce of 6", expect: "cms.ccm.nonce-length", path: nil) {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesCCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 1, count: 6)))
        },
        RuleCase(name: "CCM nonce of 13", expect: "cms.ccm.nonce-l8", path: nil) {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesCCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 1, count: 13)))
        },
        RuleCase(name: "GCM ICVlen 11", expect: "cms.alg.icvlen", path: "authEnvelopedData.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters.icvLen") {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesGCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 0x4e, count: 12), icvLength: 11))
        },
        RuleCase(name: "CCM ICVlen 5", expect: "cms.alg.icvlen", path: nil) {
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm = .aead(.aesCCM(.bits128), AEADParameters(nonce: [UInt8](repeating: 1, count: 7), icvLength: 5))
        },
        RuleCase(name: "AEAD parameters absent", expect: "cms.alg.params-absent", path: nil) { $0.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .absent },
        RuleCase(name: "AEAD parameters NULL", expect: "cms.alg.params-type", path: nil) { $0.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters = .encoded(hex("05 00")) },
        RuleCase(name: "content type not id-data without authAttrs", expect: "cms.authattrs.required", path: "authEnvelopedData.authEncryptedContentInfo.contentType") {
            $0.authEncryptedContentInfo.contentType = CMSOID.signedData
            $0.authAttrs = nil
        },
        RuleCase(name: "empty authAttrs", expect: "cms.authattrs.empty", path: "authEnvelopedData.authAttrs") { $0.authAttrs = [] },
        RuleCase(name: "empty unauthAttrs", expect: "cms.unauthattrs.empty", path: "authEnvelopedData.unauthAttrs") { $0.unauthAttrs = [] },
        RuleCase(name: "message-digest in authAttrs", expect: "cms.authattrs.message-digest", path: "authEnvelopedData.authAttrs[0]") {
            $0.authAttrs = [Attribute(attrType: CMSOID.messageDigestAttribute, attrValues: [DERWriter.tlv(.octetString, [1])])] + ($0.authAttrs ?? [])
        },
        RuleCase(name: "content-type attribute mismatch", expect: "cms.attr.content-type-mismatch", path: nil) { $0.authAttrs = [try Attribute.contentType(CMSOID.signedData)] },
        RuleCase(name: "content-type attribute without a value", expect: "cms.attr.content-type-values", path: nil) {
            $0.authAttrs = [Attribute(attrType: CMSOID.contentTypeAttribute, attrValues: [])]
        },
        RuleCase(name: "content-type in unauthAttrs", expect: "cms.attr.content-type-unauth", path: "authEnvelopedData.unauthAttrs[0]") { $0.unauthAttrs = [try Attribute.contentType(CMSOID.data)] },
        RuleCase(name: "detached content", expect: "cms.content.detached", path: nil) { $0.authEncryptedContentInfo.encryptedContent = nil },
        RuleCase(name: "originatorInfo without kari", expect: "cms.originator-info.unused", path: "authEnvelopedData.originatorInfo") { $0.originatorInfo = OriginatorInfo() },
        RuleCase(name: "kekri version 3", expect: "cms.kekri.version", path: "authEnvelopedData.recipientInfos[0].kekri.version") { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.version = 3; a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "AES-KW parameters NULL", expect: "cms.kekri.wrap-params", path: nil) { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.keyEncryptionAlgorithm.parameters = .encoded(hex("05 00")); a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "wrapped key of 20 octets", expect: "cms.kekri.wrapped-length", path: "authEnvelopedData.recipientInfos[0].kekri.encryptedKey") { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.encryptedKey = [UInt8](repeating: 0, count: 20); a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "128-bit KEK wrapping a 256-bit CEK", expect: "cms.kekri.kek-shorter-than-cek", path: nil) { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.encryptedKey = [UInt8](repeating: 0, count: 40); a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "wrapped CEK of the wrong size", expect: "cms.kekri.cek-length", path: nil) { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.keyEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes256Wrap); k.encryptedKey = [UInt8](repeating: 0, count: 40); a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "3DES key wrap", expect: "cms.kekri.wrap-alg", path: nil) { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.keyEncryptionAlgorithm = AlgorithmIdentifier(algorithm: "1.2.840.113549.1.9.16.3.6"); a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "AES-KWP", expect: "cms.kekri.kwp-not-supported", path: nil) { a in
            if case .kekri(var k) = a.recipientInfos[0] { k.keyEncryptionAlgorithm = AlgorithmIdentifier(algorithm: CMSOID.aes128WrapPad); a.recipientInfos[0] = .kekri(k) }
        },
        RuleCase(name: "ktri version 2 with issuerAndSerialNumber", expect: "cms.ktri.version", path: nil) {
            $0.recipientInfos.append(.ktri(KeyTransRecipientInfo(version: 2, rid: .issuerAndSerialNumber(encoded: hex("30 03 02 01 01")),
                                                                 keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.1.1"), encryptedKey: [1])))
        },
        RuleCase(name: "kari version 2", expect: "cms.kari.version", path: nil) {
            $0.recipientInfos.append(.kari(KeyAgreeRecipientInfo(version: 2, originator: hex("80 01 00"), keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.3"), recipientEncryptedKeys: [])))
        },
        RuleCase(name: "pwri version 1", expect: "cms.pwri.version", path: nil) {
            $0.recipientInfos.append(.pwri(PasswordRecipientInfo(version: 1, keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.3"), encryptedKey: [1])))
        },
        RuleCase(name: "unknown ori", expect: "cms.ori.unknown-type", path: nil) {
            $0.recipientInfos.append(.ori(OtherRecipientInfo(oriType: CMSOID.oriKEM, oriValue: .encoded(hex("05 00")))))
        },
    ]

    @Test(arguments: ruleCases)
    func ruleFires(_ c: RuleCase) throws {
        let bytes = try Self.mutated(nil, c.change)
        let r = Self.validate(bytes)
        let hit = r.findings.filter { $0.code == c.expect }
        #expect(!hit.isEmpty, "\(r.findings)")
        let rule = try #require(CMSRules.rule(code: c.expect))
        for f in hit {
            #expect(f.severity == rule.severity && f.specRef == rule.specRef)
            #expect(f.offset.map { $0 >= 0 && $0 < bytes.count } ?? false, "no offset: \(f)")
        }
        if let p = c.path {
            #expect(hit.contains { $0.path == p }, "\(hit.map(\.path))")
            let d = try CMSDecoder(rules: .ber).decode(bytes)
            #expect(hit.contains { $0.offset == d.offset(of: p) })
        }
    }

    /// Every rule of the catalog is exercised by this file or the AAD /
    /// crypto tests (the codes listed here are fired elsewhere).
    @Test func catalogIsCovered() {
        let here = Set(Self.ruleCases.map(\.expect))
        let elsewhere: Set<String> = [
            "cms.content-type.not-auth-enveloped", "cms.interop.icvlen-omitted", "cms.authattrs.not-der", "cms.recipient.not-processed",
            "cms.aead.verified", "cms.aead.tag-mismatch", "cms.aead.not-checked", "cms.key.recovery-failed",
            "cms.aad.implicit-tag-kept", "cms.aad.authattrs-not-authenticated",
            "tr33829.b3.no-mikey-ori", "tr33829.b3.ori-value-type", "tr33829.b3.not-transfer-init", "tr33829.b3.cs-not-psk-mime",
            "tr33829.b3.tek-length", "tr33829.b1.content-type", "tr33829.b1.algorithm", "tr33829.b1.smime-type-spelling",
            "tr33829.b1.smime-type", "tr33829.f.proof-of-origin-match", "tr33829.f.proof-of-origin-mismatch",
            "ts33328.i.recipient-type", "ts33328.i.key-wrap", "ts33328.i.algorithm",
        ]
        let missing = Set(CMSRules.all.map(\.code)).subtracting(here).subtracting(elsewhere)
        #expect(missing.isEmpty, "rules without a test: \(missing.sorted())")
    }

    @Test func otherRulesFire() throws {
        // Not an AuthEnvelopedData at all.
        let other = try ContentInfo(.other(contentType: CMSOID.data, encoded: hex("04 00"))).encoded()
        #expect(Self.codes(Self.validate(other)) == ["cms.content-type.not-auth-enveloped"])
        // Structural-only recipients are named as such.
        let ktri = try Self.mutated { $0.recipientInfos.append(.ktri(KeyTransRecipientInfo(version: 0, rid: .issuerAndSerialNumber(encoded: hex("30 03 02 01 01")), keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.1.1"), encryptedKey: [1]))) }
        #expect(Self.codes(Self.validate(ktri)).contains("cms.recipient.not-processed"))
        // Keys: none given, a wrong one, a CEK of the wrong size.
        let bytes = try Fixtures.builtKEKRI()
        #expect(Self.codes(Self.validate(bytes)).contains("cms.aead.not-checked"))
        #expect(Self.codes(Self.validate(bytes, key: .kek([UInt8](repeating: 0, count: 16)))).contains("cms.key.recovery-failed"))
        #expect(Self.codes(Self.validate(bytes, key: .cek([1]))).contains("cms.key.recovery-failed"))
        let wrongCEK = Self.validate(bytes, key: .cek([UInt8](repeating: 0, count: 16)))
        #expect(Self.codes(wrongCEK).contains("cms.aead.tag-mismatch") && wrongCEK.plaintext == nil)
        // The DER form of ICVlen 12 is reported for OpenSSL interop (ambiguity 16).
        #expect(Self.codes(Self.validate(bytes)).contains("cms.interop.icvlen-omitted"))
    }

    // MARK: encoding-rule profiles

    @Test func indefiniteLengthsAreWarningsUnderBERAndFatalUnderDER() {
        let ber = Self.validate(BERSamples.indefinite, key: .kek(Fixtures.kek128))
        #expect(ber.isValid, "\(ber.findings)")
        #expect(Self.codes(ber).filter { $0 == "der.length.indefinite" }.count == 5)
        #expect(Self.codes(ber).contains("der.string.constructed") && Self.codes(ber).contains("cms.aead.verified"))
        let der = Self.validate(BERSamples.indefinite, rules: .der)
        #expect(Self.codes(der) == ["der.length.indefinite"])
        #expect(der.findings.first?.severity == .error && der.findings.first?.offset == 1)
        #expect(der.decoded == nil)
    }

    /// ICVlen 12 encoded explicitly (what OpenSSL 3.0 needs) is a DER violation.
    @Test func explicitDefaultICVLength() throws {
        var b = AuthEnvelopedDataBuilder()
        b.icvLengthEncoding = .explicit
        let bytes = try b.buildEncoded(content: [1], recipients: [.kek(kek: Fixtures.kek128, keyIdentifier: [1])])
        let ber = Self.validate(bytes, key: .kek(Fixtures.kek128))
        let f = try #require(ber.findings.first { $0.code == "der.default.encoded" })
        #expect(f.severity == .warning && f.path.hasSuffix("parameters.icvLen") && f.specRef == "X.690 §11.5")
        #expect(ber.isValid && !Self.codes(ber).contains("cms.interop.icvlen-omitted"))
        #expect(Self.codes(Self.validate(bytes, rules: .der)) == ["der.default.encoded"])
    }

    // MARK: TR 33.829 Annex B

    @Test func annexBProfileAppliesToMIKEYOri() throws {
        let r = Self.validate(try Fixtures.builtORI(), key: .mikey(PSKMIMETransferInit(mpk: Fixtures.mpk).receiverKeys))
        #expect(r.profiles == [.rfc5083, .tr33829AnnexB])
        #expect(Self.codes(r).contains("tr33829.f.proof-of-origin-match"))
        #expect(Self.codes(r).contains("mikey.mac.verified"))
        #expect(r.mikeyReports[0] != nil)
        #expect(Self.validate(try Fixtures.builtKEKRI()).profiles == [.rfc5083])
    }

    /// Nested MIKEY findings keep their codes, get the ori's path as prefix
    /// and offsets into the CMS input.
    @Test func nestedMIKEYFindingsArePrefixedAndPlaced() throws {
        var t = PSKMIMETransferInit(mpk: Fixtures.mpk)
        t.codePoints = .default
        var m = try t.message(tek: [UInt8](repeating: 0xce, count: 16))
        m.header.verifyFlag = true  // TR 33.829 Annex E: V shall be 0
        let ti = try MIKEYMessageBuilder.protect(m, keys: t.receiverKeys)
        let bytes = try AuthEnvelopedDataBuilder().buildEncoded(content: [1], cek: [UInt8](repeating: 0xce, count: 16), recipients: [.mikey { _, _ in ti }])
        let r = Self.validate(bytes)
        let f = try #require(r.findings.first { $0.code == "tr33829.e.v-flag" })
        #expect(f.path == "authEnvelopedData.recipientInfos[0].ori.oriValue.hdr.v")
        let d = try CMSDecoder(rules: .ber).decode(bytes)
        let base = try #require(d.mikeyContentRange(recipient: 0)).lowerBound
        #expect(f.offset == base + 3)
        #expect(Array(bytes[base..<(base + ti.count)]) == ti)
    }

    @Test func annexBRules() throws {
        let mikey = PSKMIMETransferInit(mpk: Fixtures.mpk)
        // Content type, algorithm: change the model of a valid ori message.
        let ori = try Fixtures.builtORI()
        let b1 = try Self.mutated(ori) {
            $0.authEncryptedContentInfo.contentType = CMSOID.signedData
            $0.authAttrs = [try Attribute.contentType(CMSOID.signedData)]
            $0.authEncryptedContentInfo.contentEncryptionAlgorithm.algorithm = CMSOID.aes192GCM
        }
        let c1 = Self.codes(Self.validate(b1))
        #expect(c1.contains("tr33829.b1.content-type") && c1.contains("tr33829.b1.algorithm"))
        // A MIKEY ori whose value is not an OCTET STRING.
        let b2 = try Self.mutated(ori) { $0.recipientInfos = [.ori(OtherRecipientInfo(oriType: CMSOID.oriMIKEYDefault, oriValue: .encoded(hex("05 00"))))] }
        #expect(Self.codes(Self.validate(b2)).contains("tr33829.b3.ori-value-type"))
        // Not a TRANSFER_INIT, not a PSK/MIME CS (a PSK init message from the templates).
        let psk = try MIKEYMessageTemplates.make(.psk).encoded()
        let b3 = try Self.mutated(ori) { $0.recipientInfos = [.ori(.mikey(psk))] }
        let c3 = Self.codes(Self.validate(b3))
        #expect(c3.contains("tr33829.b3.not-transfer-init") && c3.contains("tr33829.b3.cs-not-psk-mime"))
        // Asked for explicitly on a kekri message: no MIKEY ori.
        #expect(Self.codes(Self.validate(try Fixtures.builtKEKRI(), profiles: [.tr33829AnnexB])).contains("tr33829.b3.no-mikey-ori"))
        // Proof-of-origin copied from another message (another mac).
        let forged = try mikey.make(tek: [UInt8](repeating: 0xce, count: 16), proofOfOrigin: [UInt8](repeating: 0x99, count: 12))
        let b4 = try Self.mutated(ori) { $0.recipientInfos = [.ori(.mikey(forged))] }
        #expect(Self.codes(Self.validate(b4)).contains("tr33829.f.proof-of-origin-mismatch"))
        // A TEK that does not fit the algorithm.
        let shortTEK = try mikey.make(tek: [UInt8](repeating: 0xce, count: 32))
        let b5 = try Self.mutated(ori) { $0.recipientInfos = [.ori(.mikey(shortTEK))] }
        let r5 = Self.validate(b5, key: .mikey(mikey.receiverKeys))
        #expect(Self.codes(r5).contains("tr33829.b3.tek-length") && Self.codes(r5).contains("cms.key.recovery-failed"))
    }

    /// FACTS.md §10, ambiguity 15: both spellings accepted, the TR's warned.
    @Test func smimeType() {
        #expect(CMSValidator.checkSMIMEType("authEnveloped-data").isEmpty)
        #expect(CMSValidator.checkSMIMEType("auth-enveloped-data").map(\.code) == ["tr33829.b1.smime-type-spelling"])
        #expect(CMSValidator.checkSMIMEType("auth-enveloped-data").first?.severity == .warning)
        #expect(CMSValidator.checkSMIMEType("enveloped-data").map(\.code) == ["tr33829.b1.smime-type"])
    }

    // MARK: TS 33.328 Annex I

    @Test func annexIRules() throws {
        let ok = Self.validate(try Fixtures.builtKEKRI(), profiles: [.rfc5083, .ts33328AnnexI])
        #expect(!ok.findings.contains { $0.code.hasPrefix("ts33328.") })
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = .aesGCM(.bits192)
        let bytes = try b.buildEncoded(content: [1], recipients: [.kek(kek: Fixtures.kek192, keyIdentifier: [1]), .mikey(PSKMIMETransferInit(mpk: Fixtures.mpk))])
        let c = Self.codes(Self.validate(bytes, profiles: [.ts33328AnnexI]))
        #expect(c.contains("ts33328.i.recipient-type") && c.contains("ts33328.i.key-wrap") && c.contains("ts33328.i.algorithm"))
        #expect(!c.contains { $0.hasPrefix("cms.") })  // only the requested profile
    }

    @Test func jsonReport() throws {
        let r = Self.validate(try Fixtures.builtORI())
        let j = r.json()
        #expect(j["format"]?.stringValue == "cms" && j["valid"]?.boolValue == true)
        let ri = j["decoded"]?["authEnvelopedData"]?["recipientInfos"]?.arrayValue?.first
        #expect(ri?["kind"]?.stringValue == "ori")
        #expect(ri?["oriType"]?.stringValue == CMSOID.oriMIKEYDefault)
        #expect(ri?["oriTypeName"]?.stringValue == "id-ori-mikey")
        #expect(ri?["oriValue"]?["decoded"]?["payloads"] != nil || ri?["oriValue"]?["decoded"] != .null)
        let parsed = try JSONValue.parse(j.serialized())
        #expect(parsed == j)
    }
}
