import Testing
import MediasecCore
@testable import SDP

/// RFC 4568: every a=crypto rule firing and not firing, on lines taken from
/// the RFC's own examples (§4, §4.5, §6.1, §7.1.5) and variations of them.
@Suite struct CryptoRuleTests {
    typealias K = SDPTestKit
    static let rfcKey = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"

    // MARK: the RFC examples are clean

    @Test func rfc4568Section4ExampleIsValid() {
        let r = K.validateCrypto(RFCExamples.rfc4568Section4Crypto)
        expectValid(r)
        #expect(!r.findings.contains { $0.code.hasPrefix("sdp.crypto") })
    }

    @Test func rfc4568Section6_1KeysAreValid() {
        for k in [RFCExamples.rfc4568Section6_1KeyA, RFCExamples.rfc4568Section6_1KeyB] {
            let r = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 " + k)
            expectValid(r)
        }
    }

    @Test func rfc4568Section7_1_5OfferIsValid() {
        let r = K.validate(RFCExamples.rfc4568Section7_1_5Offer, role: .offer)
        expectValid(r)
        expectNoCode(r, "sdp.crypto.tag-duplicate")
        expectNoCode(r, "sdp.crypto.multi-key-mki")
        expectNoCode(r, "sdp.crypto.mki-duplicate")
    }

    @Test func rfc4568Section4_5DecodesAllThreeMedia() throws {
        let d = try SDPDecoder().decode(RFCExamples.rfc4568Section4_5)
        #expect(d.sessionDescription.mediaCount == 3)
        let r = K.validate(RFCExamples.rfc4568Section4_5)
        // The only finding: the example's c= puts a TTL on a unicast address.
        #expect(K.codes(r) == ["sdp.c.unicast-slash"])
    }

    @Test func typedDecodeOfTheRFCLine() throws {
        let c = try CryptoAttribute(parsing: RFCExamples.rfc4568Section4Crypto)
        #expect(c.tag == 1)
        #expect(c.suite == .aesCM128HMACSHA1_80)
        #expect(c.keyParams.count == 1)
        let k = try #require(c.inlineKeys.first)
        #expect(k.keySalt == Self.rfcKey)
        #expect(k.keySaltBytes?.count == 30)
        #expect(k.lifetime == .power(20))
        #expect(k.lifetime?.value == 1 << 20)
        #expect(k.mki == SRTPInlineKey.MKI(value: 1, length: 32))
        #expect(c.encodedValue == RFCExamples.rfc4568Section4Crypto)
    }

    @Test func sessionParametersDecode() throws {
        let c = try CryptoAttribute(parsing: "7 AES_CM_128_HMAC_SHA1_32 inline:\(Self.rfcKey) KDR=23 UNENCRYPTED_SRTCP UNENCRYPTED_SRTP UNAUTHENTICATED_SRTP FEC_ORDER=SRTP_FEC FEC_KEY=inline:\(K.key30(9))|2^20|1:4 WSH=128 -ext=1")
        #expect(c.sessionParams.map(\.kind) == [.kdr, .unencryptedSRTCP, .unencryptedSRTP, .unauthenticatedSRTP, .fecOrder, .fecKey, .wsh, .optionalExtension])
        #expect(c.sessionParams[0].value == .decimal(23))
        if case .keyParams(let k) = c.sessionParams[5].value { #expect(k.count == 1) } else { Issue.record("FEC_KEY value") }
        assertRoundTrips(c)
    }

    // MARK: placement

    @Test func sessionLevelCrypto() {
        let r = K.validate(K.description(["a=crypto:" + RFCExamples.rfc4568Section4Crypto, "m=audio 49170 RTP/SAVP 0"]))
        expectCode(r, "sdp.crypto.session-level")
        let ok = K.validateCrypto(RFCExamples.rfc4568Section4Crypto)
        expectNoCode(ok, "sdp.crypto.session-level")
    }

    @Test func cryptoOnNonSRTPProto() {
        expectCode(K.validateMedia("m=audio 49170 RTP/AVP 0", ["crypto:" + RFCExamples.rfc4568Section4Crypto]), "sdp.crypto.proto")
        expectCode(K.validateMedia("m=audio 49170 UDP/TLS/RTP/SAVP 0", ["crypto:" + RFCExamples.rfc4568Section4Crypto]), "sdp.crypto.dtls-srtp")
        expectNoCode(K.validateMedia("m=audio 49170 RTP/SAVPF 0", ["crypto:" + RFCExamples.rfc4568Section4Crypto]), "sdp.crypto.proto")
    }

    @Test func duplicateTags() {
        let a = "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))"
        let b = "crypto:1 AES_CM_128_HMAC_SHA1_32 inline:\(K.key30(2))"
        let c = "crypto:2 AES_CM_128_HMAC_SHA1_32 inline:\(K.key30(3))"
        expectCode(K.validateMedia("m=audio 49170 RTP/SAVP 0", [a, b]), "sdp.crypto.tag-duplicate")
        expectNoCode(K.validateMedia("m=audio 49170 RTP/SAVP 0", [a, c]), "sdp.crypto.tag-duplicate")
        // Tags are compared as numbers: 1 and 01 collide (and 01 has a leading zero).
        let d = K.validateMedia("m=audio 49170 RTP/SAVP 0", [a, "crypto:01 AES_CM_128_HMAC_SHA1_32 inline:\(K.key30(4))"])
        expectCode(d, "sdp.crypto.tag-duplicate")
        expectCode(d, "sdp.crypto.leading-zero")
        // The same tag in two media sections is fine.
        let e = K.validate(K.description(["m=audio 1 RTP/SAVP 0", "a=" + a, "m=video 2 RTP/SAVP 31", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(5))"]))
        expectNoCode(e, "sdp.crypto.tag-duplicate")
    }

    // MARK: suites and keys

    @Test(arguments: [
        ("AES_CM_128_HMAC_SHA1_80", 30), ("AES_CM_128_HMAC_SHA1_32", 30), ("F8_128_HMAC_SHA1_80", 30),
        ("AES_192_CM_HMAC_SHA1_80", 38), ("AES_192_CM_HMAC_SHA1_32", 38), ("AES_256_CM_HMAC_SHA1_80", 46),
        ("AES_256_CM_HMAC_SHA1_32", 46), ("AEAD_AES_128_GCM", 28), ("AEAD_AES_256_GCM", 44),
        ("SEED_CTR_128_HMAC_SHA1_80", 30), ("SEED_128_CCM_80", 28), ("SEED_128_GCM_96", 28),
    ])
    func keyLengthPerSuite(_ suite: String, _ length: Int) {
        let good = K.validateCrypto("1 \(suite) inline:\(K.key(length, 1))")
        expectNoCode(good, "sdp.crypto.key-length")
        expectNoCode(good, "sdp.crypto.suite-unknown")
        for wrong in [length - 1, length + 1, 16] {
            expectCode(K.validateCrypto("1 \(suite) inline:\(K.key(wrong, 1))"), "sdp.crypto.key-length")
        }
    }

    @Test func unknownSuite() {
        let r = K.validateCrypto("1 AES_CM_999_FOO inline:\(K.key30(1))")
        expectCode(r, "sdp.crypto.suite-unknown")
        expectNoCode(r, "sdp.crypto.key-length")
    }

    /// FACTS.md §10 item 17: F8_128_HMAC_SHA1_32 is in the ABNF, not the registry.
    @Test func abnfOnlySuiteIsAProfileChoice() {
        let line = "1 F8_128_HMAC_SHA1_32 inline:\(K.key30(1))"
        let byRegistry = K.validateCrypto(line)
        expectCode(byRegistry, "sdp.crypto.suite-unknown")
        expectNoCode(byRegistry, "sdp.crypto.suite-abnf-only")
        var c = SDPAmbiguityChoices.default
        c.abnfOnlySuite = .abnf
        let byABNF = K.validateCrypto(line, choices: c)
        expectCode(byABNF, "sdp.crypto.suite-abnf-only")
        expectNoCode(byABNF, "sdp.crypto.suite-unknown")
        // With the ABNF reading the key length is checked as for F8_128_HMAC_SHA1_80.
        expectCode(K.validateCrypto("1 F8_128_HMAC_SHA1_32 inline:\(K.key(28, 1))", choices: c), "sdp.crypto.key-length")
    }

    @Test func caseInsensitiveValues() {
        let r = K.validateCrypto("1 aes_cm_128_hmac_sha1_80 INLINE:\(Self.rfcKey)|2^20|1:4 kdr=3")
        expectCode(r, "sdp.crypto.case")
        expectNoCode(r, "sdp.crypto.suite-unknown")
        expectNoCode(r, "sdp.crypto.key-method")
        expectNoCode(r, "sdp.crypto.unknown-mandatory-param")
        expectValid(r)
    }

    @Test func keyMethodOtherThanInline() {
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 url:http//example.com/key"), "sdp.crypto.key-method")
    }

    @Test func keyBase64() {
        // 5 base64 characters cannot be a whole number of bytes.
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:AAAAA"), "sdp.crypto.key-base64")
        // Padding in the middle.
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:AA==AAAA"), "sdp.crypto.key-base64")
        // A 28-byte GCM key with its "==" dropped: accepted (padding is discarded), noted.
        let padded = K.key(28, 3)
        #expect(padded.hasSuffix("=="))
        let r = K.validateCrypto("1 AEAD_AES_128_GCM inline:\(padded.filter { $0 != "=" })")
        expectCode(r, "sdp.crypto.key-base64-padding")
        expectNoCode(r, "sdp.crypto.key-length")
        expectNoCode(K.validateCrypto("1 AEAD_AES_128_GCM inline:\(padded)"), "sdp.crypto.key-base64-padding")
        // Half the padding is wrong padding, not missing padding.
        expectCode(K.validateCrypto("1 AEAD_AES_128_GCM inline:\(padded.dropLast())"), "sdp.crypto.key-base64")
    }

    @Test func keyReuseAcrossTheMessage() {
        let k = K.key30(42)
        let r = K.validate(K.description(["m=audio 1 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(k)",
                                          "m=video 2 RTP/SAVP 31", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(k)"]))
        expectCode(r, "sdp.crypto.key-reuse")
        // FEC_KEY must differ from the media key too (§6.3.5).
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(k) FEC_KEY=inline:\(k)"), "sdp.crypto.key-reuse")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(k) FEC_KEY=inline:\(K.key30(43))"), "sdp.crypto.key-reuse")
    }

    // MARK: lifetime (§6.1)

    @Test func lifetimeZeroAndLeadingZeroes() {
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|0"), "sdp.crypto.lifetime-zero")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|020"), "sdp.crypto.leading-zero")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^020"), "sdp.crypto.leading-zero")
        let ok = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^0")
        expectNoCode(ok, "sdp.crypto.lifetime-zero")
        expectValid(ok)
    }

    @Test func lifetimeSyntax() throws {
        for bad in ["2^", "2^x", "x", "2^20x", "-1"] {
            #expect(throws: DecodingError.self) { try CryptoAttribute(parsing: "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|\(bad)") }
            expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|\(bad)"), "sdp.crypto.lifetime-syntax")
        }
    }

    /// FACTS.md §10 item 18: one lifetime, two maxima.
    @Test func lifetimeMaximumIsAProfileChoice() {
        let over48 = ["2^49", "281474976710657", "2^99", "99999999999999999999999999"]
        for l in over48 { expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|\(l)"), "sdp.crypto.lifetime-max") }
        let at48 = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^48")
        expectNoCode(at48, "sdp.crypto.lifetime-max")
        expectCode(at48, "sdp.crypto.lifetime-srtcp")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^31"), "sdp.crypto.lifetime-srtcp")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2147483648"), "sdp.crypto.lifetime-srtcp")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2147483649"), "sdp.crypto.lifetime-srtcp")
        var c = SDPAmbiguityChoices.default
        c.lifetimeMaximum = .srtcp
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^40", choices: c), "sdp.crypto.lifetime-max")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^31", choices: c), "sdp.crypto.lifetime-max")
    }

    // MARK: MKI (§6.1)

    @Test func mkiLengthRange() {
        for bad in ["1:0", "1:129", "1:1000"] {
            expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^20|\(bad)"), "sdp.crypto.mki-length-range")
        }
        for ok in ["1:1", "1:128", "1:4"] {
            expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^20|\(ok)"), "sdp.crypto.mki-length-range")
        }
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|1:04"), "sdp.crypto.leading-zero")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|01:4"), "sdp.crypto.leading-zero")
    }

    @Test func mkiValueMustFitItsLength() {
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|256:1"), "sdp.crypto.mki-value-range")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|255:1"), "sdp.crypto.mki-value-range")
        // 2^64 needs 9 bytes: beyond UInt64, still compared exactly.
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|18446744073709551616:8"), "sdp.crypto.mki-value-range")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|18446744073709551616:9"), "sdp.crypto.mki-value-range")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|0:4"), "sdp.crypto.mki-zero")
    }

    @Test func severalKeys() {
        let k1 = K.key30(1), k2 = K.key30(2)
        let base = "1 AES_CM_128_HMAC_SHA1_80 "
        expectCode(K.validateCrypto(base + "inline:\(k1)|2^20|1:4;inline:\(k2)|2^20"), "sdp.crypto.multi-key-mki")
        expectCode(K.validateCrypto(base + "inline:\(k1)|1:4;inline:\(k2)|2:2"), "sdp.crypto.mki-length-mismatch")
        expectCode(K.validateCrypto(base + "inline:\(k1)|1:4;inline:\(k2)|1:4"), "sdp.crypto.mki-duplicate")
        let ok = K.validateCrypto(base + "inline:\(k1)|2^20|1:4;inline:\(k2)|2^20|2:4")
        expectValid(ok)
        for code in ["sdp.crypto.multi-key-mki", "sdp.crypto.mki-length-mismatch", "sdp.crypto.mki-duplicate"] { expectNoCode(ok, code) }
        // One key without MKI is fine.
        expectNoCode(K.validateCrypto(base + "inline:\(k1)"), "sdp.crypto.multi-key-mki")
    }

    // MARK: session parameters (§6.3)

    /// FACTS.md §10 item 17: KDR 1..24 (§6.3.1) vs 0..24 (§9.2 comment).
    @Test func kdrRangeIsAProfileChoice() {
        let zero = "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) KDR=0"
        expectCode(K.validateCrypto(zero), "sdp.crypto.kdr-range")
        var c = SDPAmbiguityChoices.default
        c.kdrRange = .abnf
        let abnf = K.validateCrypto(zero, choices: c)
        expectCode(abnf, "sdp.crypto.kdr-zero-abnf")
        expectNoCode(abnf, "sdp.crypto.kdr-range")
        for bad in ["25", "99", "123"] { expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) KDR=\(bad)"), "sdp.crypto.kdr-range") }
        for ok in ["1", "24"] { expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) KDR=\(ok)"), "sdp.crypto.kdr-range") }
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) KDR=05"), "sdp.crypto.leading-zero")
    }

    /// FACTS.md §10 item 17: WSH ≥ 64 only in a grammar comment.
    @Test func wshMinimumIsAProfileChoice() {
        let low = "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) WSH=32"
        expectCode(K.validateCrypto(low), "sdp.crypto.wsh-minimum")
        var c = SDPAmbiguityChoices.default
        c.wshMinimum = .hint
        let hint = K.validateCrypto(low, choices: c)
        expectCode(hint, "sdp.crypto.wsh-hint")
        expectNoCode(hint, "sdp.crypto.wsh-minimum")
        expectValid(hint)
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) WSH=64"), "sdp.crypto.wsh-minimum")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) WSH=0128"), "sdp.crypto.leading-zero")
    }

    @Test func fecOrderAndFecKey() {
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) FEC_ORDER=FEC_FIRST"), "sdp.crypto.fec-order")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) FEC_ORDER=FEC_SRTP"), "sdp.crypto.fec-order")
        let r = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) FEC_KEY=inline:\(K.key(20, 1))|2^20|1:0")
        expectCode(r, "sdp.crypto.key-length")
        expectCode(r, "sdp.crypto.mki-length-range")
        #expect(r.findings.contains { $0.path.hasSuffix("crypto.sessionParams[0].keyParams[0].keySalt") })
    }

    @Test func unknownSessionParameters() {
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) FOO=1"), "sdp.crypto.unknown-mandatory-param")
        let opt = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) -FOO=1")
        expectCode(opt, "sdp.crypto.optional-param")
        expectNoCode(opt, "sdp.crypto.unknown-mandatory-param")
        expectValid(opt)
    }

    @Test func duplicateAndDiscouragedParameters() {
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) KDR=1 KDR=2"), "sdp.crypto.param-duplicate")
        expectCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) UNAUTHENTICATED_SRTP"), "sdp.crypto.unauthenticated-srtp")
        expectNoCode(K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) UNENCRYPTED_SRTP UNENCRYPTED_SRTCP"), "sdp.crypto.param-duplicate")
    }

    // MARK: grammar (§9)

    @Test(arguments: [
        ("", "sdp.crypto.tag-syntax"),
        ("1234567890 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", "sdp.crypto.tag-syntax"),
        ("x AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", "sdp.crypto.tag-syntax"),
        ("1AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", "sdp.crypto.tag-syntax"),
        ("1 AES-CM inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", "sdp.crypto.suite-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80", "sdp.crypto.suite-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 ", "sdp.crypto.key-params-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline", "sdp.crypto.key-params-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:", "sdp.crypto.key-params-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR;", "sdp.crypto.key-params-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1u!QCV", "sdp.crypto.inline-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|1:4|2^20", "sdp.crypto.inline-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4|x", "sdp.crypto.inline-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|1:", "sdp.crypto.mki-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|:4", "sdp.crypto.mki-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR KDR", "sdp.crypto.session-param-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR KDR=x", "sdp.crypto.session-param-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR UNENCRYPTED_SRTP=1", "sdp.crypto.session-param-syntax"),
        ("1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR ", "sdp.crypto.session-param-syntax"),
    ])
    func grammarViolations(_ value: String, _ code: String) {
        do {
            _ = try CryptoAttribute(parsing: value)
            Issue.record("accepted: \(value)")
        } catch {
            #expect(error.code == code, "\(value): \(error)")
        }
        let r = K.validateCrypto(value)
        expectCode(r, code)
        #expect(!r.isValid)
    }

    @Test func tabsAndRunsOfWhitespaceSeparateFields() throws {
        let c = try CryptoAttribute(parsing: "1\tAES_CM_128_HMAC_SHA1_80  inline:\(Self.rfcKey)\t KDR=4")
        #expect(c.sessionParams == [.kdr(4)])
        // The encoder writes the canonical single spaces.
        #expect(c.encodedValue == "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey) KDR=4")
    }

    @Test func errorOffsetsPointIntoTheLine() throws {
        let bytes = K.description(["m=audio 49170 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^"])
        let r = K.validate(bytes)
        let f = try #require(r.findings.first { $0.code == "sdp.crypto.lifetime-syntax" })
        let pos = try #require(r.position(of: f))
        #expect(pos.line == 7)
        // "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" is 42 bytes, the key 40, "|2^" 3: the exponent is missing at column 86.
        #expect(pos.column == 86)
        #expect(f.message.hasPrefix("7:86: "))
        #expect(f.path == "media[0].attributes[0].crypto.keyParams[0].lifetime")
    }
}
