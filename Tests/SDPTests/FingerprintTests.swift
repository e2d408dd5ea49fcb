import Testing
import MediasecCore
@testable import SDP

/// RFC 8122 §5 a=fingerprint, on the RFC's own Figure 1 and variations.
@Suite struct FingerprintTests {
    typealias K = SDPTestKit
    static let sha256 = "19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2"
    static let sha1 = "4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB"

    static func tls(_ attrs: [String], choices: SDPAmbiguityChoices = .default) -> SDPValidationReport {
        K.validateMedia("m=image 54111 TCP/TLS t38", ["setup:passive", "connection:new"] + attrs, choices: choices)
    }

    @Test func rfc8122Figure1() {
        let r = K.validate(K.description(RFCExamples.rfc8122Figure1Media))
        expectValid(r)
        // "SHA-256" / "SHA-1": the ABNF is case-insensitive, the registry lowercase.
        #expect(r.findings.filter { $0.code == "sdp.fingerprint.hash-case" }.count == 2)
        expectNoCode(r, "sdp.fingerprint.length")
        expectNoCode(r, "sdp.fingerprint.no-sha256")
    }

    @Test func decodeAndEncode() throws {
        let f = try FingerprintAttribute(parsing: "sha-256 " + Self.sha256)
        #expect(f.hashFunction == .sha256)
        #expect(f.bytes.count == 32)
        #expect(f.bytes.first == 0x19)
        assertRoundTrips(f, encodesTo: "sha-256 " + Self.sha256)
        assertRoundTrips(FingerprintAttribute(hashFunction: .sha1, bytes: Hex.decode(Self.sha1) ?? []), encodesTo: "sha-1 " + Self.sha1)
    }

    /// FACTS.md §10 item 19: hash-name case.
    @Test func hashNameCaseIsAProfileChoice() {
        let upper = ["fingerprint:SHA-256 " + Self.sha256]
        let lenient = Self.tls(upper)
        expectCode(lenient, "sdp.fingerprint.hash-case")
        expectValid(lenient)
        var c = SDPAmbiguityChoices.default
        c.hashNameCase = .lowercase
        let strict = Self.tls(upper, choices: c)
        expectCode(strict, "sdp.fingerprint.hash-case-strict")
        expectNoCode(strict, "sdp.fingerprint.hash-case")
        expectNoCode(Self.tls(["fingerprint:sha-256 " + Self.sha256], choices: c), "sdp.fingerprint.hash-case-strict")
    }

    @Test func byteCountPerHash() {
        expectCode(Self.tls(["fingerprint:sha-256 " + Self.sha1]), "sdp.fingerprint.length")
        expectCode(Self.tls(["fingerprint:sha-1 " + Self.sha256]), "sdp.fingerprint.length")
        expectNoCode(Self.tls(["fingerprint:sha-1 " + Self.sha1, "fingerprint:sha-256 " + Self.sha256]), "sdp.fingerprint.length")
        let sha512 = Array(repeating: "AB", count: 64).joined(separator: ":")
        expectNoCode(Self.tls(["fingerprint:sha-512 " + sha512]), "sdp.fingerprint.length")
    }

    @Test func md5AndMd2AreForbidden() {
        let md5 = Array(repeating: "0F", count: 16).joined(separator: ":")
        for h in ["md5", "md2", "MD5"] {
            let r = Self.tls(["fingerprint:\(h) \(md5)"])
            expectCode(r, "sdp.fingerprint.hash-forbidden")
            expectNoCode(r, "sdp.fingerprint.length")
        }
    }

    @Test func unknownHashIsAllowedByTheToken() {
        let r = Self.tls(["fingerprint:sha3-256 " + Self.sha256, "fingerprint:sha-256 " + Self.sha256])
        expectCode(r, "sdp.fingerprint.hash-unknown")
        expectValid(r)
    }

    @Test func lowercaseHexAndLeadingSpace() {
        expectCode(Self.tls(["fingerprint:sha-256 " + Self.sha256.lowercased()]), "sdp.fingerprint.lowercase-hex")
        let space = Self.tls(["fingerprint: sha-256 " + Self.sha256])
        expectCode(space, "sdp.fingerprint.leading-space")
        expectNoCode(space, "sdp.fingerprint.syntax")
    }

    @Test func severalPerLevelAndSha256Advice() {
        expectCode(Self.tls(["fingerprint:sha-1 " + Self.sha1]), "sdp.fingerprint.no-sha256")
        let sha384 = Array(repeating: "AB", count: 48).joined(separator: ":")
        expectNoCode(Self.tls(["fingerprint:sha-384 " + sha384]), "sdp.fingerprint.no-sha256")
    }

    @Test(arguments: ["sha-256", "sha-256 ", "sha-256 1", "sha-256 1G", "sha-256 AB:", "sha-256 AB::CD", "sha-256 ABC", "sha-256 AB CD", "sha 256 AB"])
    func grammar(_ v: String) {
        #expect(throws: DecodingError.self) { try FingerprintAttribute(parsing: v) }
        expectCode(Self.tls(["fingerprint:" + v]), "sdp.fingerprint.syntax")
    }

    @Test func sessionLevelFingerprintApplies() {
        let r = K.validate(K.description(["a=fingerprint:sha-256 " + Self.sha256, "m=image 54111 TCP/TLS t38", "a=setup:passive", "a=connection:new"]))
        expectNoCode(r, "sdp.tls.fingerprint-missing")
        let missing = K.validate(K.description(["m=image 54111 TCP/TLS t38", "a=setup:passive", "a=connection:new"]))
        expectCode(missing, "sdp.tls.fingerprint-missing")
    }
}
