import Testing
import MediasecCore
@testable import SDP

/// Inputs at the named limits: the work stays proportional to the input
/// (no per-media rescans of the session, no unbounded big-number work).
@Suite struct LimitsTests {
    typealias K = SDPTestKit

    static func time(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Doubling the input must not much more than double the time.
    static func expectRoughlyLinear(_ make: (Int) -> [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let small = make(1), large = make(4)
        _ = SDPValidator().validate(small)
        // Best of three: other tests run in parallel and steal time.
        let ts = (0..<3).map { _ in time { _ = SDPValidator().validate(small) } }.min() ?? 0
        let tl = (0..<3).map { _ in time { _ = SDPValidator().validate(large) } }.min() ?? 0
        #expect(tl < max(ts, 0.005) * 16, "4x input took \(tl)s vs \(ts)s", sourceLocation: sourceLocation)
    }

    @Test func manyMediaSectionsWithAManyAttributeSession() {
        Self.expectRoughlyLinear { k in
            var lines = Array(repeating: "a=tool:x", count: 500 * k)
            for i in 0..<(60 * k) { lines += ["m=audio \(1000 + i) RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(UInt8(i % 250)))|1:4"] }
            return K.description(lines)
        }
    }

    @Test func longMKIsEverywhere() {
        Self.expectRoughlyLinear { k in
            let mki = String(repeating: "9", count: 300)
            let keys = (0..<40).map { "inline:\(K.key30(UInt8($0)))|\(mki):128" }.joined(separator: ";")
            return K.description(["m=audio 9 RTP/SAVP 0"] + (0..<(10 * k)).map { "a=crypto:\($0) AES_CM_128_HMAC_SHA1_80 \(keys)" })
        }
    }

    @Test func aMebibyteAtTheLimitsCompletes() {
        let line = "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))|\(String(repeating: "7", count: 300)):128"
        var lines = ["m=audio 9 RTP/SAVP 0"]
        var size = 0
        while size < 1_000_000 && lines.count < 8000 { lines.append(line); size += line.utf8.count + 2 }
        let bytes = K.description(lines)
        #expect(bytes.count <= SDPLimits.default.maxBytes)
        let t = Self.time { _ = SDPValidator().validate(bytes) }
        #expect(t < 30, "\(t)s")
    }
}

@Suite struct DecimalTokenTests {
    @Test func minimalByteCount() {
        let cases: [(String, Int?)] = [("0", 0), ("000", 0), ("1", 1), ("255", 1), ("256", 2), ("0000255", 1), ("65535", 2), ("65536", 3),
                                       ("18446744073709551615", 8), ("18446744073709551616", 9),
                                       ("1" + String(repeating: "0", count: 309), 129), (String(repeating: "9", count: 311), nil),
                                       (String(repeating: "0", count: 400) + "1", 1)]
        for (t, n) in cases { #expect(DecimalToken(text: t)?.minimalByteCount == n, "\(t)") }
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let v = UInt64.random(in: 0...UInt64.max, using: &g) >> UInt64.random(in: 0...63, using: &g)
            // The long multiplication (taken past 64 bits) against the bit count.
            #expect(DecimalToken.minimalByteCount(digits: String(v).utf8) == (64 - v.leadingZeroBitCount + 7) / 8, "\(v)")
            #expect(DecimalToken(v).minimalByteCount == DecimalToken.minimalByteCount(digits: String(v).utf8), "\(v)")
        }
    }

    @Test func valuesNeverTrap() {
        #expect(DecimalToken(text: "18446744073709551615")?.value == UInt64.max)
        #expect(DecimalToken(text: "18446744073709551616")?.value == nil)
        #expect(DecimalToken(text: "")?.value == nil)
        #expect(DecimalToken(text: "1a") == nil)
        #expect(DecimalToken(text: "007")?.hasLeadingZero == true)
        #expect(DecimalToken(text: "0")?.hasLeadingZero == false)
        #expect(SRTPInlineKey.Lifetime.power(64).value == nil)
        #expect(SRTPInlineKey.Lifetime.power(63).value == 1 << 63)
        #expect(SRTPInlineKey.Lifetime.packets(1 << 31).log2Ceiling == 31)
        #expect(SRTPInlineKey.Lifetime.packets((1 << 31) + 1).log2Ceiling == 32)
    }
}
