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
        // Digits as the a=crypto scan hands them: a slice of the value.
        func first(_ text: String, _ value: Int) -> Int? {
            let bytes = Array(("x" + text).utf8).dropFirst()
            return m.firstValue(for: SDPDigits(bytes), in: bytes, else: value)
        }
        let big = "18446744073709551616"   // 2^64
        #expect(first("7", 0) == nil)
        #expect(first("007", 1) == 0)
        #expect(first(big, 2) == nil)
        #expect(first("0" + big, 3) == nil)
        #expect(first(big, 4) == 2)
        #expect(first("18446744073709551615", 5) == nil)
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
