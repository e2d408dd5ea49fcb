import Testing
import MediasecCore
@testable import SDP

/// STYLE.md §14 for the typed attributes: every proper prefix of a valid
/// value decodes or is rejected with an sdp.* code whose offset lies inside
/// the prefix (no read past the end, no trap).
@Suite struct AttributeTruncationTests {
    static let values: [(String, String)] = [
        ("crypto", RFCExamples.rfc4568Section4Crypto + " KDR=3 FEC_KEY=inline:\(SDPTestKit.key30(8))|2^20|1:4 WSH=64 -x=y"),
        ("crypto", "2 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|2^20|1:4;inline:QUJjZGVmMTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5|2^20|2:4 FEC_ORDER=FEC_SRTP"),
        ("fingerprint", "SHA-256 12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD"),
        ("key-mgmt", "mikey AQAFgM0XflABAAAAAAAAAAAAAAsAyONQ6gAAAAAGEEoo2pee4hp2"),
        ("path", "msrp://relay.example.net:2855/z9;tcp msrps://u%20x@[2001:db8::1]:7394/2s93i93idj;tcp;a=b"),
        ("accept-types", "message/cpim text/* * text/plain;charset=\"utf-8\""),
        ("floorctrl", "c-only s-only"),
        ("floorid", "1 mstrm:10 11"),
        ("tls-id", "abc3de65cddef001be82"),
        ("3ge2ae", "requested"),
        ("setup", "actpass"),
        ("connection", "existing"),
        ("confid", "4321"),
        ("userid", "1234"),
    ]

    @Test(arguments: values.indices)
    func everyPrefix(_ i: Int) throws {
        let (name, value) = Self.values[i]
        let full = Array(value.utf8)
        let whole = try #require(SDPAttributeRegistry.decode(name: name, value: full))
        let typed = try whole.get()
        // The canonical encoding decodes to the same value.
        let again = try #require(SDPAttributeRegistry.decode(name: name, value: Array(typed.encodedValue.utf8)))
        #expect(try again.get() == typed)
        for n in 0..<full.count {
            switch SDPAttributeRegistry.decode(name: name, value: Array(full.prefix(n))) {
            case .success, .none: break
            case .failure(let e):
                #expect(e.code.hasPrefix("sdp."), "\(name) prefix \(n): \(e)")
                #expect(e.offset >= 0 && e.offset <= n, "\(name) prefix \(n): \(e)")
            }
        }
    }
}
