import Testing
@testable import MediasecCore

@Suite struct ByteCursorTests {
    /// Path joining: the one-string writer gives what the rule says, spelled
    /// here with plain concatenation (`a.b`, `a[…]` for an element, either
    /// side empty), for ASCII and non-ASCII parts.
    @Test func joinMatchesConcatenation() {
        let parts = ["", "payloads[3]", "kemac", "[2]", "encrData", "päth", "[", ".x", "µ[1]", "[\u{301}2]", "[é]"]
        for a in parts {
            for b in parts {
                let expected = a.isEmpty ? b : b.isEmpty ? a : b.hasPrefix("[") ? a + b : a + "." + b
                #expect(ByteCursor.join(a, b) == expected, "\(a) | \(b)")
            }
        }
    }

    @Test func readsBigEndianAndAdvances() throws {
        var c = ByteCursor([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])
        #expect(try c.readUInt8("a") == 0x01)
        #expect(try c.readUInt16("b") == 0x0203)
        #expect(try c.readUInt32("c") == 0x0405_0607)
        #expect(c.isAtEnd)
    }

    @Test func truncationCarriesOffsetAndPath() {
        var c = ByteCursor([0xAA, 0xBB], path: "hdr", specRef: "RFC 3830 §6.1")
        _ = try? c.readUInt8("version")
        do {
            _ = try c.readUInt32("csbId")
            Issue.record("expected a truncation error")
        } catch {
            #expect(error.code == "truncated")
            #expect(error.offset == 1)
            #expect(error.path == "hdr.csbId")
            #expect(error.specRef == "RFC 3830 §6.1")
        }
    }

    @Test func lengthFieldNeverDrivesAllocation() {
        var c = ByteCursor([0xFF, 0xFF, 0x00])
        #expect(throws: DecodingError.self) { try c.readLengthPrefixedBytes(lengthWidth: 2, "data") }
    }

    @Test func subCursorKeepsAbsoluteOffsets() throws {
        var c = ByteCursor([0, 1, 2, 3, 4, 5])
        try c.skip(2, "x")
        var sub = try c.readSlice(3, "inner")
        #expect(try sub.readUInt8("a") == 2)
        #expect(sub.position == 3)
        #expect(c.position == 5)
        #expect(throws: DecodingError.self) { _ = try sub.readUInt32("b") }
    }

    @Test func hexAndBase64MatchRFC4648Examples() {
        // RFC 4648 §10 test vectors.
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9v*") == nil)
        #expect(Hex.decode("DEAD beef") == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.encode([0x0A, 0xFF]) == "0aff")
    }

    @Test func jsonRoundTripsDeterministically() throws {
        let v = JSONValue.object([("a", .int(-3)), ("b", .array([.string("x\"y"), .null, .bool(true)]))])
        let text = v.serialized()
        #expect(try JSONValue.parse(text) == v)
        #expect(text == v.serialized())
        #expect(v.contains(subset: .object([("a", .int(-3))])))
        #expect(!v.contains(subset: .object([("a", .int(3))])))
    }
}
