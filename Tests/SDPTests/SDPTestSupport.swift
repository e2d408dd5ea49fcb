import Testing
import MediasecCore
import MIKEY
@testable import SDP

// Shared helpers for the SDP tests (STYLE.md §12: one round-trip helper,
// not copies). Every helper forwards the caller's source location.

enum SDPTestKit {
    /// Joins lines with CRLF (and a final CRLF).
    static func sdp(_ lines: [String], ending: String = "\r\n") -> [UInt8] {
        Array(lines.map { $0 + ending }.joined().utf8)
    }

    /// A minimal valid session part: v, o, s, c, t.
    static let head = [
        "v=0",
        "o=alice 2890844526 2890844527 IN IP4 192.0.2.10",
        "s=-",
        "c=IN IP4 192.0.2.10",
        "t=0 0",
    ]

    /// head + the given lines.
    static func description(_ rest: [String]) -> [UInt8] { sdp(head + rest) }

    /// A valid AES_CM_128 key||salt (30 bytes) in base64, distinct per seed.
    static func key30(_ seed: UInt8) -> String { Base64.encode((0..<30).map { UInt8(truncatingIfNeeded: Int($0) &* 7 &+ Int(seed)) }) }
    static func key(_ n: Int, _ seed: UInt8) -> String { Base64.encode((0..<n).map { UInt8(truncatingIfNeeded: Int($0) &* 13 &+ Int(seed)) }) }

    static func validate(_ bytes: [UInt8], role: SDPRole = .unknown, choices: SDPAmbiguityChoices = .default, profiles: Set<SDPProfileName>? = nil) -> SDPValidationReport {
        SDPValidator(options: SDPValidationOptions(profiles: profiles, role: role, choices: choices)).validate(bytes)
    }

    /// Validates one media section `m=` line plus attributes under `head`.
    static func validateMedia(_ mline: String, _ attrs: [String], session: [String] = [], role: SDPRole = .unknown, choices: SDPAmbiguityChoices = .default) -> SDPValidationReport {
        validate(description(session + [mline] + attrs.map { "a=" + $0 }), role: role, choices: choices)
    }

    /// An RTP/SAVP media section with one a=crypto value.
    static func validateCrypto(_ value: String, choices: SDPAmbiguityChoices = .default) -> SDPValidationReport {
        validateMedia("m=audio 49170 RTP/SAVP 0", ["crypto:" + value], choices: choices)
    }

    static func codes(_ r: SDPValidationReport) -> [String] { r.findings.map(\.code) }
}

func expectCode(_ r: SDPValidationReport, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.findings.contains { $0.code == code }, "expected \(code); got:\n\(r.findings.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
}

func expectNoCode(_ r: SDPValidationReport, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!r.findings.contains { $0.code == code }, "unexpected \(code):\n\(r.findings.filter { $0.code == code }.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
}

func expectValid(_ r: SDPValidationReport, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.isValid, "expected no errors; got:\n\(r.findings.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
}

func expectCodes(_ findings: [Finding], contain code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(findings.contains { $0.code == code }, "expected \(code); got:\n\(findings.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
}

/// The decode error of `bytes`, or nil when they decode.
func decodeError(_ bytes: [UInt8], limits: SDPLimits = .default) -> DecodingError? {
    do {
        _ = try SDPDecoder(limits: limits).decode(bytes)
        return nil
    } catch {
        return error
    }
}

/// Both round-trip laws for a typed attribute value:
/// 1. `decode(encode(v)) == v`, 2. `encode(decode(text)) == text`
/// (for `text` = the encoding, and for `expected` when given).
@discardableResult
func assertRoundTrips<A: SDPAttributeCodable>(_ value: A, encodesTo expected: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let text = value.encodedValue
    if let expected { #expect(text == expected, "encoding differs", sourceLocation: sourceLocation) }
    do {
        let back = try A(parsing: text)
        #expect(back == value, "law 1: decode(encode(v)) != v\n  text: \(text)", sourceLocation: sourceLocation)
        #expect(back.encodedValue == text, "law 2: encode(decode(t)) != t", sourceLocation: sourceLocation)
    } catch {
        Issue.record("decoding the encoder's own output failed: \(error)\n  text: \(text)", sourceLocation: sourceLocation)
    }
    return text
}

/// The description decodes and re-serializes byte for byte.
func assertLossless(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let d = try SDPDecoder().decode(bytes)
        #expect(d.sessionDescription.encoded() == bytes, "re-serialization differs", sourceLocation: sourceLocation)
        #expect(d.lineOffsets.count == d.lines.count, sourceLocation: sourceLocation)
    } catch {
        Issue.record("decode failed: \(error)", sourceLocation: sourceLocation)
    }
}
