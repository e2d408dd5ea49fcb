import Testing
import MediasecCore
@testable import CMS

/// The flat element tree (iterative parse) and the string reassembly done
/// on it agree with the node-based reader: same tree, same content, same
/// findings, and the same error code, offset and path for a bad segment.
@Suite struct FlatTreeTests {
    static let segmented: [String] = [
        // Definite constructed OCTET STRING of two segments.
        "24 06 04 01 01 04 01 02",
        // Indefinite, with a nested indefinite segment and an empty one.
        "24 80 04 02 01 02 24 80 04 01 03 00 00 04 00 00 00",
        // Nested three levels deep, mixed forms.
        "24 80 24 0a 24 80 04 01 07 00 00 04 01 08 04 01 09 00 00",
    ]

    static func flatString(_ bytes: [UInt8], rules: EncodingRules) throws(DecodingError) -> ([UInt8], [Finding]) {
        var reader = ASN1Reader(rules: rules)
        let nodes = try reader.parseFlat(bytes)
        var ctx = CMSDecodeContext(reader: reader, codePoints: .default, bytes: bytes, nodes: nodes)
        let v = try ctx.octetString(0, ctx.path(.root, "v"))
        return (v, ctx.reader.findings)
    }

    static func nodeString(_ bytes: [UInt8], rules: EncodingRules) throws(DecodingError) -> ([UInt8], [Finding]) {
        var reader = ASN1Reader(rules: rules)
        let n = try reader.parse(bytes)
        let v = try reader.decodeOctetString(n, path: "v")
        return (v, reader.findings)
    }

    @Test(arguments: segmented)
    func reassemblyMatchesTheNodeReader(_ h: String) throws {
        let bytes = hex(h)
        let (a, fa) = try Self.flatString(bytes, rules: .ber)
        let (b, fb) = try Self.nodeString(bytes, rules: .ber)
        #expect(a == b)
        #expect(fa == fb)
        // The flat tree converts back to the same node tree, byte for byte.
        var r = ASN1Reader(rules: .ber)
        let root = try r.parse(bytes)
        #expect(Array(root.encoded) == bytes)
    }

    @Test func badSegmentHasTheSamePathAndOffset() {
        // Second top-level segment is constructed; its first child is an INTEGER.
        let bytes = hex("24 80 04 01 01 24 80 02 01 05 00 00 00 00")
        var flatError: DecodingError? = nil
        var nodeError: DecodingError? = nil
        do { _ = try Self.flatString(bytes, rules: .ber) } catch { flatError = error }
        do { _ = try Self.nodeString(bytes, rules: .ber) } catch { nodeError = error }
        #expect(flatError?.code == "der.string.segment")
        #expect(flatError?.path == "v.segment[1].segment[0]")
        #expect(flatError?.offset == 7)
        #expect(flatError?.code == nodeError?.code)
        #expect(flatError?.path == nodeError?.path)
        #expect(flatError?.offset == nodeError?.offset)
    }

    @Test func constructedStringIsFatalUnderDER() {
        expectDecodingError("der.string.constructed", at: 0) { () throws(DecodingError) in try Self.flatString(hex("24 06 04 01 01 04 01 02"), rules: .der) }
    }

    /// Error paths of the iterative parser name the element by its sibling positions.
    @Test func parserErrorPaths() {
        var r = ASN1Reader(rules: .ber)
        do {
            _ = try r.parseFlat(hex("30 80 30 03 02 01 01 30 80 02 01 05 04 05 01"))
            Issue.record("expected a truncation")
        } catch {
            #expect(error.code == "der.truncated")
            #expect(error.path == "tlv[1][1]")
        }
        var d = ASN1Reader(rules: .ber)
        d.rules.limits = ASN1Limits(maxDepth: 3, maxNodes: 100)
        do {
            _ = try d.parseFlat(hex("30 08 30 06 31 04 30 02 05 00"))
            Issue.record("expected the depth limit")
        } catch {
            #expect(error.code == "der.limit.depth")
            #expect(error.path == "tlv[0][0][0]")
            #expect(error.offset == 6)
        }
    }
}
