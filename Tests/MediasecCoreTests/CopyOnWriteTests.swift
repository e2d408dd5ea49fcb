import Testing
import MediasecCore

/// ``CopyOnWrite`` keeps value semantics: a write through one copy is never
/// seen through another, whatever the order of copies and writes.
struct CopyOnWriteTests {
    struct Fields: Sendable, Equatable {
        var name: String
        var items: [Int]
    }

    @Test func writesDoNotLeakBetweenCopies() {
        var a = CopyOnWrite(Fields(name: "a", items: [1]))
        var b = a
        b.value.name = "b"
        b.value.items.append(2)
        #expect(a.value == Fields(name: "a", items: [1]))
        #expect(b.value == Fields(name: "b", items: [1, 2]))
        a.value.items[0] = 9
        #expect(a.value.items == [9])
        #expect(b.value.items == [1, 2])
        let c = b
        b.value = Fields(name: "c", items: [])
        #expect(c.value == Fields(name: "b", items: [1, 2]))
        #expect(b.value == Fields(name: "c", items: []))
    }

    /// Repeated writes to an unshared value keep every write.
    @Test func repeatedWritesToAnUnsharedValue() {
        var a = CopyOnWrite(Fields(name: "x", items: Array(0..<4)))
        for i in 0..<100 { a.value.items.append(i) }
        #expect(a.value.items.count == 104)
        #expect(a.value.name == "x")
    }
}
