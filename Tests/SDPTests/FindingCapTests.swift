import Testing
import MediasecCore
@testable import SDP

/// Findings per code are capped in one description: hostile input cannot
/// grow the report (and memory) with the input.
@Suite struct FindingCapTests {
    typealias K = SDPTestKit

    @Test func manyUnknownCryptoParametersAreCapped() {
        let params = String(repeating: " -X=1", count: 3_000)   // under maxLineLength
        let r = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))" + params)
        let limit = SDPFindingSink.maxFindingsPerCode
        var perCode: [String: Int] = [:]
        for f in r.findings { perCode[f.code, default: 0] += 1 }
        #expect(!perCode.isEmpty)
        #expect(perCode.values.allSatisfy { $0 <= limit + 1 }, "\(perCode)")
        #expect(r.decoded != nil)
        #expect(r.findings.count < 3_000, "\(r.findings.count) findings for 3000 parameters")
        // The summarizing finding says that the rest are not reported.
        #expect(r.findings.contains { $0.message.contains("the rest are not reported") })
    }

    @Test func underTheCapEveryFindingIsKept() {
        // 40 out-of-range payload types: all reported, no summary.
        let r = K.validate(K.description(["m=audio 49170 RTP/AVP " + (200..<240).map { String($0) }.joined(separator: " ")]))
        #expect(r.findings.filter { $0.code == "sdp.m.payload-type" }.count == 40)
        #expect(!r.findings.contains { $0.message.contains("the rest are not reported") })
    }

    @Test func overTheCapOneSummaryPerCode() {
        let params = String(repeating: " -X=1", count: 3_000)
        let r = K.validateCrypto("1 AES_CM_128_HMAC_SHA1_80 inline:\(K.key30(1))" + params)
        var perCode: [String: [Finding]] = [:]
        for f in r.findings { perCode[f.code, default: []].append(f) }
        let capped = perCode.values.filter { $0.count == SDPFindingSink.maxFindingsPerCode + 1 }
        #expect(!capped.isEmpty, "\(perCode.mapValues(\.count))")
        for list in capped {
            #expect(list.last?.message.contains("the rest are not reported") == true)
            #expect(list.dropLast().allSatisfy { !$0.message.contains("the rest are not reported") })
        }
    }
}
