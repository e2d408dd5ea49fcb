import Testing
import MediasecCore

/// `Array(filling:count:)` gives what `Array(repeating:count:)` gives, and
/// an empty array for a negative count instead of a trap.
struct ArrayFillingTests {
    @Test func matchesRepeating() {
        for n in 0...40 {
            #expect([Int](filling: -1, count: n) == [Int](repeating: -1, count: n))
            #expect([[UInt8]](filling: [1, 2], count: n) == [[UInt8]](repeating: [1, 2], count: n))
            #expect([String](filling: "a", count: n) == [String](repeating: "a", count: n))
        }
        #expect([Int](filling: 0, count: -5).isEmpty)
    }
}
