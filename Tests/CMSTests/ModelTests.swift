import Testing
import MediasecCore
@testable import CMS

/// The typed model: hand-computed encodings of the small productions, the
/// OpenSSL fixture decoded field by field, every field of AuthEnvelopedData
/// and every RecipientInfo alternative round-tripping, and the
/// schema-level decoding errors.
@Suite struct ModelTests {
    @Test func gcmParametersLayout() {
        let nonce = [UInt8](repeating: 0x01, count: 12)
        // DER omits the DEFAULT 12 (X.690 §11.5).
        #expect(AEADParameters(nonce: nonce).encoded() == hex("30 0e 04 0c") + nonce)
        #expect(AEADParameters(nonce: nonce, icvLength: 16).encoded() == hex("30 11 04 0c") + nonce + hex("02 01 10"))
        // Explicit 12 is representable (OpenSSL interop) and re-encodes as given.
        #expect(AEADParameters(nonce: nonce, icvLength: 12).encoded() == hex("30 11 04 0c") + nonce + hex("02 01 0c"))
        #expect(AEADParameters(nonce: nonce).effectiveICVLength == 12)
    }

    @Test func kekRecipientInfoLayout() throws {
        let k = RecipientInfo.kekri(KEKRecipientInfo(kekid: KEKIdentifier(keyIdentifier: hex("0102")),
                                                     keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: CMSOID.aes128Wrap),
                                                     encryptedKey: [UInt8](repeating: 0xee, count: 24)))
        // [2] IMPLICIT (0xA2) { INTEGER 4, SEQUENCE { OCTET STRING 0102 }, SEQUENCE { id-aes128-wrap }, OCTET STRING (24) }
        let expected = hex("a2 30 02 01 04 30 04 04 02 01 02 30 0b 06 09 60 86 48 01 65 03 04 01 05 04 18") + [UInt8](repeating: 0xee, count: 24)
        #expect(try k.encoded() == expected)
    }

    @Test func openSSLFixtureDecodesFieldByField() throws {
        let d = try CMSDecoder(rules: .der).decode(Fixtures.opensslGCM128)
        #expect(d.findings.isEmpty)
        let aed = try #require(d.authEnvelopedData)
        #expect(aed.version == 0)
        #expect(aed.originatorInfo == nil && aed.authAttrs == nil && aed.unauthAttrs == nil)
        guard case .kekri(let k) = aed.recipientInfos.first else { Issue.record("not a kekri"); return }
        #expect(k.version == 4 && k.kekid.keyIdentifier == hex("0102") && k.keyWrapAlgorithm == .aesWrap(.bits128))
        #expect(k.keyEncryptionAlgorithm.parameters == .absent && k.encryptedKey.count == 24)
        let eci = aed.authEncryptedContentInfo
        #expect(eci.contentType == CMSOID.data)
        #expect(aed.algorithm == .aesGCM(.bits128))
        #expect(eci.contentEncryptionAlgorithm.aeadParameters == AEADParameters(nonce: hex("6bd2d7220a2e67ad4c0cf686"), icvLength: 16))
        #expect(eci.encryptedContent?.count == 11 && aed.mac == hex("fb5b55d273bc02704e8e910bb9c6b152"))
        // Spans point into the input.
        #expect(d.offset(of: "authEnvelopedData.recipientInfos[0].kekri.encryptedKey") == 51)
        #expect(d.offset(of: "authEnvelopedData.mac") == 135)
        // Law 2: byte-identical re-encoding of accepted DER input.
        #expect(try d.contentInfo.encoded() == Fixtures.opensslGCM128)
    }

    /// Every field of AuthEnvelopedData and every RecipientInfo alternative.
    static func everyField(canonical: Bool) throws -> ContentInfo {
        let cp = CMSCodePoints.default
        var recipients: [RecipientInfo] = [
            .ktri(KeyTransRecipientInfo(version: 0, rid: .issuerAndSerialNumber(encoded: hex("30 08 30 00 02 04 01 02 03 04")),
                                        keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.1.1", parameters: .encoded(hex("05 00"))),
                                        encryptedKey: [UInt8](repeating: 0x11, count: 32))),
            .ktri(KeyTransRecipientInfo(version: 2, rid: .subjectKeyIdentifier(hex("a1a2a3")),
                                        keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.1.7"), encryptedKey: [0x12])),
            .kari(KeyAgreeRecipientInfo(version: 3, originator: hex("80 02 0a 0b"), ukm: hex("0c0d"),
                                        keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.3.132.1.11.1", parameters: .encoded(hex("30 0b 06 09 60 86 48 01 65 03 04 01 05"))),
                                        recipientEncryptedKeys: [.init(rid: hex("80 01 01"), encryptedKey: [0x13, 0x14]), .init(rid: hex("80 01 02"), encryptedKey: [0x15])])),
            .kekri(KEKRecipientInfo(kekid: KEKIdentifier(keyIdentifier: hex("0102"), date: "20240229120000Z",
                                                         other: .init(keyAttrId: "1.2.3.4", keyAttr: hex("04 01 ff"))),
                                    keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: CMSOID.aes256Wrap), encryptedKey: [UInt8](repeating: 0x16, count: 24))),
            .pwri(PasswordRecipientInfo(keyDerivationAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.5.12", parameters: .encoded(hex("30 03 02 01 01"))),
                                        keyEncryptionAlgorithm: AlgorithmIdentifier(algorithm: "1.2.840.113549.1.9.16.3.9"), encryptedKey: [0x17])),
            .ori(.mikey(hex("01 0e 00 00 00 00 00 00 00 00"), codePoints: cp)),
            .ori(OtherRecipientInfo(oriType: CMSOID.oriKEM, oriValue: .encoded(hex("30 03 02 01 00")))),
        ]
        var authAttrs = [try Attribute.contentType("1.2.840.113549.1.9.16.1.4"),
                         Attribute(attrType: CMSOID.signingTimeAttribute, attrValues: [hex("17 0d 32 34 30 32 32 39 31 32 30 30 30 30 5a")])]
        var unauth = [Attribute(attrType: "1.2.3.5", attrValues: [hex("04 01 02"), hex("04 01 01")])]
        var certs = [hex("30 03 02 01 07"), hex("30 03 02 01 03")]
        if canonical {
            var keyed: [([UInt8], RecipientInfo)] = []
            for r in recipients { keyed.append((try r.encoded(), r)) }
            recipients = keyed.sorted { ASN1Reader.setOfOrdered($0.0, $1.0) && $0.0 != $1.0 }.map(\.1)
            authAttrs = try Attribute.derSorted(authAttrs)
            unauth = try Attribute.derSorted(unauth)
            certs = DERWriter.sortedSetOf(certs)
        }
        let aed = AuthEnvelopedData(
            version: 0, originatorInfo: OriginatorInfo(certs: certs, crls: [hex("30 00")]), recipientInfos: recipients,
            authEncryptedContentInfo: EncryptedContentInfo(contentType: "1.2.840.113549.1.9.16.1.4",
                                                           contentEncryptionAlgorithm: .aead(.aesCCM(.bits256), AEADParameters(nonce: hex("00112233445566"), icvLength: 16)),
                                                           encryptedContent: [1, 2, 3]),
            authAttrs: authAttrs, mac: [UInt8](repeating: 0x3c, count: 16), unauthAttrs: unauth)
        return ContentInfo(authEnvelopedData: aed)
    }

    @Test func everyFieldRoundTripsUnderDER() throws {
        let ci = try Self.everyField(canonical: true)
        let bytes = try #require(assertRoundTrips(ci, rules: .der))
        let d = try CMSDecoder(rules: .der).decode(bytes)
        #expect(d.findings.isEmpty)
        #expect(d.authEnvelopedData?.recipientInfos.count == 7)
    }

    /// Non-canonical values (unsorted SET OFs) still round-trip, decoded
    /// under BER with the deviations reported; DER rejects them.
    @Test func unsortedValuesRoundTripUnderBER() throws {
        let ci = try Self.everyField(canonical: false)
        let bytes = try #require(assertRoundTrips(ci, rules: .ber))
        let d = try CMSDecoder(rules: .ber).decode(bytes)
        #expect(d.findings.contains { $0.code == "der.set-of.unsorted" })
        expectDecodingError("der.set-of.unsorted") { () throws(DecodingError) in try ContentInfo(decoding: bytes, rules: .der) }
    }

    @Test func otherContentTypesArePreserved() throws {
        let ci = ContentInfo(.other(contentType: CMSOID.envelopedData, encoded: hex("30 03 02 01 00")))
        assertRoundTrips(ci, encodesTo: hex("30 12 06 09 2a 86 48 86 f7 0d 01 07 03 a0 05 30 03 02 01 00"))
    }

    @Test func encoderRejectsWhatCannotRoundTrip() {
        let aeadAsRaw = AlgorithmIdentifier(algorithm: CMSOID.aes128GCM, parameters: .encoded(hex("30 00")))
        var w = DERWriter()
        #expect(throws: EncodingError.self) { try aeadAsRaw.encode(&w, path: "alg") }
        #expect(throws: EncodingError.self) { try ContentInfo(.other(contentType: "1.2", encoded: hex("05"))).encoded() }
        #expect(throws: EncodingError.self) { try ContentInfo(.other(contentType: CMSOID.authEnvelopedData, encoded: hex("05 00"))).encoded() }
        #expect(throws: EncodingError.self) { try ContentInfo(.other(contentType: "1.40", encoded: hex("05 00"))).encoded() }
    }

    /// The oriType is a code point: with another OID configured, the
    /// TR 33.829 ori is an unknown ori and its value stays raw.
    @Test func oriMIKEYOIDIsConfigurable() throws {
        let bytes = try Fixtures.builtORI()
        let dflt = try CMSDecoder(rules: .der).decode(bytes)
        guard case .ori(let o) = dflt.authEnvelopedData?.recipientInfos.first else { Issue.record("no ori"); return }
        #expect(o.mikeyMessageBytes != nil)
        #expect(try o.mikeyMessage()?.header.dataType == .transferInit)
        var cp = CMSCodePoints()
        try cp.apply(setting: "ori-mikey=1.3.6.1.4.1.99999.1")
        let other = try CMSDecoder(rules: .der, codePoints: cp).decode(bytes)
        guard case .ori(let o2) = other.authEnvelopedData?.recipientInfos.first else { Issue.record("no ori"); return }
        guard case .encoded(let raw) = o2.oriValue else { Issue.record("expected a raw value"); return }
        #expect(raw.first == 0x04)
        #expect(try other.contentInfo.encoded() == bytes)
        #expect(throws: DecodingError.self) { try cp.apply(setting: "ori-mikey=not.an.oid") }
        try cp.apply(setting: "prot-psk-mime=250")
        #expect(cp.mikey.protTypePSKMIME.rawValue == 250)
    }

    // MARK: schema errors

    struct SchemaCase: Sendable, CustomTestStringConvertible {
        var name: String
        var hex: String
        var code: String
        var offset: Int
        var testDescription: String { name }
    }

    /// ContentInfo { id-ct-authEnvelopedData, [0] { body } }.
    static func wrap(_ aedContent: String) -> String {
        let body = DERWriter.tlv(.sequence, hex(aedContent))
        return Hex.encode(DERWriter.tlv(.sequence, hex("06 0b 2a 86 48 86 f7 0d 01 09 10 01 17") + DERWriter.tlv(.context(0, constructed: true), body)))
    }

    static let eci = "30 1a 06 09 2a 86 48 86 f7 0d 01 07 01 30 0d 06 09 60 86 48 01 65 03 04 01 06 05 00"
    static let kekri = "a2 17 02 01 04 30 03 04 01 01 30 0b 06 09 60 86 48 01 65 03 04 01 05 04 00"

    static let schemaCases: [SchemaCase] = [
        SchemaCase(name: "not a SEQUENCE", hex: "31 00", code: "cms.structure.unexpected-tag", offset: 0),
        SchemaCase(name: "ContentInfo without content", hex: "30 0d 06 0b 2a 86 48 86 f7 0d 01 09 10 01 17", code: "cms.structure.missing", offset: 15),
        SchemaCase(name: "[0] holding two elements", hex: "30 13 06 0b 2a 86 48 86 f7 0d 01 09 10 01 17 a0 04 05 00 05 00", code: "cms.structure.explicit-count", offset: 15),
        SchemaCase(name: "version missing", hex: wrap("31 00"), code: "cms.structure.unexpected-tag", offset: 19),
        SchemaCase(name: "unknown RecipientInfo choice [5]", hex: wrap("02 01 00 31 02 a5 00 " + eci + " 04 00"), code: "cms.recipient.unknown-choice", offset: 24),
        SchemaCase(name: "authAttrs with the universal SET tag", hex: wrap("02 01 00 31 19 " + kekri + " " + eci + " 31 00 04 00"), code: "cms.authattrs.universal-tag", offset: 77),
        SchemaCase(name: "authAttrs [1] EXPLICIT around a SET", hex: wrap("02 01 00 31 19 " + kekri + " " + eci + " a1 02 31 00 04 00"), code: "cms.authattrs.explicit-tag", offset: 77),
        SchemaCase(name: "mac missing", hex: wrap("02 01 00 31 19 " + kekri + " " + eci), code: "cms.structure.missing", offset: 77),
        SchemaCase(name: "element after unauthAttrs", hex: wrap("02 01 00 31 19 " + kekri + " " + eci + " 04 00 a2 00 05 00"), code: "cms.structure.extra-element", offset: 81),
        SchemaCase(name: "primitive SET of recipients", hex: wrap("02 01 00 11 00 " + eci + " 04 00"), code: "der.form.constructed-required", offset: 22),
    ]

    @Test(arguments: schemaCases)
    func schemaErrors(_ c: SchemaCase) {
        for rules in [EncodingRules.der, .ber] {
            expectDecodingError(c.code, at: c.offset) { () throws(DecodingError) in try CMSDecoder(rules: rules).decode(hex(c.hex)) }
        }
    }

    /// The schema-case skeleton itself is valid (so each case tests one thing).
    @Test func schemaSkeletonDecodes() throws {
        let d = try CMSDecoder(rules: .der).decode(hex(Self.wrap("02 01 00 31 19 " + Self.kekri + " " + Self.eci + " 04 00")))
        #expect(d.authEnvelopedData?.recipientInfos.count == 1)
        #expect(d.authEnvelopedData?.authEncryptedContentInfo.contentEncryptionAlgorithm.parameters == .encoded(hex("05 00")))
    }
}
