import Testing
import MediasecCore
@testable import SDP

/// ``SmallMap`` answers as a dictionary would, before and after it moves
/// from its list to its table, and ``ByteKey`` hashes equal bytes equally.
struct SmallMapTests {
    @Test func firstValueMatchesDictionary() {
        var g = SplitMix64(seed: 7)
        for n in [0, 1, 7, 8, 9, 16, 200] {
            var m = SmallMap<Int, Int>()
            var d: [Int: Int] = [:]
            for i in 0..<n {
                let k = Int(g.next() % 24)   // repeats on purpose
                let expected = d[k]
                if expected == nil { d[k] = i }
                #expect(m.firstValue(for: k, else: i) == expected, "n=\(n) i=\(i) key=\(k)")
            }
            for k in 0..<24 { #expect(m[k] == d[k], "n=\(n) key=\(k)") }
        }
    }

    /// Numbers as written compare by value; past 64 bits by their text.
    @Test func decimalTokensCompareByValue() {
        var m = DecimalTokenMap<Int>()
        let big = "18446744073709551616"   // 2^64
        #expect(m.firstValue(for: DecimalToken(text: "7")!, else: 0) == nil)
        #expect(m.firstValue(for: DecimalToken(text: "007")!, else: 1) == 0)
        #expect(m.firstValue(for: DecimalToken(text: big)!, else: 2) == nil)
        #expect(m.firstValue(for: DecimalToken(text: "0" + big)!, else: 3) == nil)
        #expect(m.firstValue(for: DecimalToken(text: big)!, else: 4) == 2)
        #expect(m.firstValue(for: DecimalToken(text: "18446744073709551615")!, else: 5) == nil)
    }

    @Test func byteKeysCompareByContent() {
        var m = SmallMap<ByteKey, Int>()
        for i in 0..<20 { #expect(m.firstValue(for: ByteKey(bytes: [UInt8(i), 1, 2]), else: i) == nil) }
        for i in 0..<20 { #expect(m[ByteKey(bytes: [UInt8(i), 1, 2])] == i) }
        #expect(m[ByteKey(bytes: [0, 1])] == nil)
        #expect(m[ByteKey(bytes: [0, 1, 2, 0])] == nil)
        #expect(ByteKey(bytes: [1, 2, 3]).hashValue == ByteKey(bytes: Array([0, 1, 2, 3].dropFirst())).hashValue)
    }
}
