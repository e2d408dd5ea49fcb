import Testing
import MediasecCore
@testable import MIKEY

/// The decoder keeps the SRTP-ID map in wire form (sharing the input) and
/// short byte fields inline; the model must behave exactly as if they were
/// plain arrays.
@Suite struct CompactStorageTests {
    @Test func srtpMapBehavesLikeItsEntries() {
        let entries = [SRTPMapEntry(policyNumber: 0, ssrc: 0xdead_beef, roc: 0), SRTPMapEntry(policyNumber: 255, ssrc: 1, roc: 0xffff_ffff)]
        let map = SRTPMap(entries)
        #expect(map.count == 2)
        #expect(Array(map) == entries)
        #expect(map.entries == entries)
        #expect(map[1].roc == 0xffff_ffff)
        let literal: SRTPMap = [SRTPMapEntry(policyNumber: 0, ssrc: 0xdead_beef, roc: 0), SRTPMapEntry(policyNumber: 255, ssrc: 1, roc: 0xffff_ffff)]
        #expect(literal == map)
        #expect(literal.hashValue == map.hashValue)
        #expect(SRTPMap([]) == [])
        #expect(SRTPMap(entries.prefix(1)) != map)
    }

    @Test func decodedSRTPMapEqualsBuiltOneAndSharesNoIndices() throws {
        // Decoded from the middle of a buffer: the slice's indices are not 0-based.
        let m = MIKEYMessage(
            header: CommonHeader(dataType: .psk, csbID: 7, csIDMap: .srtp([SRTPMapEntry(policyNumber: 1, ssrc: 2, roc: 3), SRTPMapEntry(policyNumber: 4, ssrc: 5, roc: 6)])),
            payloads: [.rand(RANDPayload(rand: [1, 2, 3]))]
        )
        let bytes = try m.encoded()
        let back = try MIKEYMessage(decoding: bytes)
        #expect(back == m)
        #expect(back.hashValue == m.hashValue)
        guard case .srtp(let e) = back.header.csIDMap else { Issue.record("not SRTP-ID"); return }
        #expect(e.map(\.ssrc) == [2, 5])
        #expect(try back.encoded() == bytes)
    }

    @Test func smallBytesIsCanonicalAtEveryLength() {
        for n in 0...40 {
            let a = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 1) }
            let s = SmallBytes(a)
            #expect(s.array == a)
            #expect(s.count == n)
            var w = ByteWriter()
            s.write(to: &w)
            #expect(w.bytes == a)
            var c = ByteCursor([0xaa] + a + [0xbb])
            _ = try? c.readUInt8("x")
            let r = try? SmallBytes.read(&c, count: n, "v")
            #expect(r == s)
            #expect(r?.hashValue == s.hashValue)
            #expect(c.position == 1 + n)
            if n > 0 { #expect(SmallBytes(Array(a.dropLast())) != s) }
        }
        var c = ByteCursor([1, 2, 3])
        #expect(throws: DecodingError.self) { _ = try SmallBytes.read(&c, count: 4, "v") }
        #expect(throws: DecodingError.self) { _ = try SmallBytes.read(&c, count: -1, "v") }
    }

    @Test func byteFieldsAreSettableAsArrays() throws {
        var r = RANDPayload(rand: [UInt8](repeating: 9, count: 16))
        r.rand[0] = 1
        #expect(r.rand.first == 1)
        r.rand += [UInt8](repeating: 2, count: 20)
        #expect(r.rand.count == 36)
        #expect(r == RANDPayload(rand: [1] + [UInt8](repeating: 9, count: 15) + [UInt8](repeating: 2, count: 20)))
        var t = TimestampPayload(tsType: .counter, value: [0, 0, 0, 1])
        t.value[3] = 2
        #expect(t.value == [0, 0, 0, 2])
        #expect(t.paddedValue == [0, 0, 0, 0, 0, 0, 0, 2])
        var p = PolicyParameter(type: 1, value: [16])
        p.value.append(1)
        #expect(p == PolicyParameter(type: 1, value: [16, 1]))
    }
}
