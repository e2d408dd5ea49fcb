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

    /// The inline packing loads whole words forward or backward from the
    /// field; every buffer size, offset and length must read exactly the
    /// field's bytes (no neighbour byte leaks in, none is lost).
    @Test func inlinePackingAtEveryOffsetOfEveryBufferSize() {
        for total in 0...40 {
            let buffer = (0..<total).map { UInt8(truncatingIfNeeded: 0xf0 &+ $0 &* 29) }
            for start in 0...total {
                for n in 0...min(16, total - start) {
                    var c = ByteCursor(buffer)
                    if start > 0 { _ = try? c.readBytes(start, "skip") }
                    let r = try? SmallBytes.read(&c, count: n, "v")
                    let expected = Array(buffer[start..<(start + n)])
                    #expect(r?.array == expected, "total \(total) start \(start) count \(n)")
                    #expect(r == SmallBytes(expected))
                }
            }
        }
    }

    @Test func longFieldsShareTheInputAndCompareByValue() throws {
        let input: [UInt8] = [0xee] + (0..<40).map { UInt8($0) }
        var c = ByteCursor(input)
        _ = try c.readUInt8("x")
        let shared = try SmallBytes.read(&c, count: 40, "v")
        #expect(shared == SmallBytes(Array(input.dropFirst())))
        #expect(shared.hashValue == SmallBytes(Array(input.dropFirst())).hashValue)
        #expect(shared.byte(at: 39) == 39)
        #expect(shared.withBytes { Array($0) } == Array(input.dropFirst()))
        #expect(SmallBytes([1, 2, 3]).withBytes { Array($0) } == [1, 2, 3])
    }

    /// The SP Policy param field stays in wire form; reading, setting and
    /// comparing it behaves like the list it encodes.
    @Test func policyParametersInWireFormBehaveLikeTheList() throws {
        let list = (0..<13).map { PolicyParameter(type: UInt8($0), value: [UInt8($0 &* 3)]) } + [PolicyParameter(type: 20, value: [UInt8](repeating: 7, count: 30))]
        let sp = SecurityPolicyPayload(policyNumber: 1, protType: .srtp, parameters: list)
        #expect(sp.parameters == list)
        let m = MIKEYMessage(header: CommonHeader(dataType: .psk, csbID: 1, csIDMap: .srtp([])), payloads: [.securityPolicy(sp)])
        let bytes = try m.encoded()
        let back = try MIKEYMessage(decoding: bytes)
        #expect(back == m)
        #expect(back.hashValue == m.hashValue)
        guard case .securityPolicy(var d) = back.payloads.first else { Issue.record("no SP"); return }
        #expect(d.parameters == list)
        d.parameters.removeLast()
        #expect(d == SecurityPolicyPayload(policyNumber: 1, protType: .srtp, parameters: Array(list.dropLast())))
        #expect(SecurityPolicyPayload(policyNumber: 1, protType: .srtp, parameters: []).parameters.isEmpty)
        // A value over 255 bytes is kept as given and refused by the encoder.
        let big = SecurityPolicyPayload(policyNumber: 1, protType: .srtp, parameters: [PolicyParameter(type: 0, value: [UInt8](repeating: 1, count: 256))])
        #expect(big.parameters.first?.value.count == 256)
        #expect(throws: EncodingError.self) { _ = try MIKEYMessage(header: m.header, payloads: [.securityPolicy(big)]).encoded() }
    }
}

