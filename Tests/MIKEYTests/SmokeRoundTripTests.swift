import Testing
import MediasecCore
@testable import MIKEY

@Suite struct SmokeRoundTripTests {
    @Test func pskInitRoundTrips() throws {
        let kemac = try KEMACPayload.clear(keyData: [KeyDataPayload(type: .tgk, keyData: [UInt8](repeating: 0x11, count: 16))], macAlgorithm: .hmacSHA1_160)
        let m = MIKEYMessage(
            header: CommonHeader(dataType: .psk, verifyFlag: true, csbID: 0x0102_0304, csIDMap: .srtp([SRTPMapEntry(policyNumber: 0, ssrc: 0xDEAD_BEEF, roc: 0)])),
            payloads: [.timestamp(TimestampPayload(tsType: .ntpUTC, value: [1, 2, 3, 4, 5, 6, 7, 8])), .rand(RANDPayload(rand: [UInt8](repeating: 7, count: 16))), .kemac(kemac)]
        )
        let bytes = try m.encoded()
        // Hand-computed header: version 1, data type 0, next payload T (5), V=1|PRF 0, CSB ID, #CS 1, map type 0.
        #expect(Array(bytes.prefix(10)) == [0x01, 0x00, 0x05, 0x80, 0x01, 0x02, 0x03, 0x04, 0x01, 0x00])
        let back = try MIKEYMessage(decoding: bytes)
        #expect(back == m)
        #expect(try back.encoded() == bytes)
        for n in 0..<bytes.count {
            #expect(throws: DecodingError.self) { _ = try MIKEYMessage(decoding: Array(bytes.prefix(n))) }
        }
    }
}
