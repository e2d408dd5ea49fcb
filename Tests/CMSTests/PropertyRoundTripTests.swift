import Testing
import PropertyBased
import MediasecCore
@testable import CMS

/// The model's round-trip laws over generated values (ContentInfo.swift):
/// law 1 `decode(encode(m)) == m` under BER for every generated value, and
/// under DER for its canonical form; law 2 `encode(decode(b)) == b`.
@Suite struct PropertyRoundTripTests {
    @Test func generatedValuesRoundTripUnderBER() async {
        await propertyCheck(count: 400, input: CMSGen.authEnvelopedData) { ci in
            assertRoundTrips(ci, rules: .ber)
        }
    }

    @Test func canonicalValuesRoundTripUnderDER() async {
        await propertyCheck(count: 400, input: CMSGen.authEnvelopedData) { ci in
            let c = try CMSGen.canonical(ci)
            guard let bytes = assertRoundTrips(c, rules: .der) else { return }
            let d = try CMSDecoder(rules: .der).decode(bytes)
            #expect(d.findings.isEmpty)
            // The decoded tree tiles: every recorded span lies inside the input.
            #expect(d.spans.values.allSatisfy { $0.upperBound <= bytes.count && $0.lowerBound >= 0 })
        }
    }

    /// DER and BER agree on DER input: the BER decode of a DER encoding has
    /// no findings and gives the same model.
    @Test func berAndDERAgreeOnDERInput() async {
        await propertyCheck(count: 200, input: CMSGen.authEnvelopedData) { ci in
            let bytes = try CMSGen.canonical(ci).encoded()
            let der = try CMSDecoder(rules: .der).decode(bytes)
            let ber = try CMSDecoder(rules: .ber).decode(bytes)
            #expect(der.contentInfo == ber.contentInfo)
            #expect(ber.findings.isEmpty)
        }
    }

    /// Writer and reader agree on arbitrary values.
    @Test func primitiveValuesRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: Int.min...Int.max)) { v in
            var w = DERWriter()
            w.writeInteger(v)
            var r = ASN1Reader(rules: .der)
            let n = try r.parse(w.bytes)
            #expect(try r.decodeSmallInt(n, path: "i") == v)
        }
        await propertyCheck(count: 300, input: Generator<String, Shrink.None<String>> { rng in CMSGen.oid(&rng) }) { s in
            var w = DERWriter()
            try w.writeOID(s)
            var r = ASN1Reader(rules: .der)
            #expect(try r.decodeOID(try r.parse(w.bytes), path: "oid") == s)
        }
        await propertyCheck(count: 200, input: Gen.int(in: 0...70_000)) { n in
            let body = [UInt8](repeating: 0xab, count: n)
            var r = ASN1Reader(rules: .der)
            let node = try r.parse(DERWriter.tlv(.octetString, body))
            #expect(node.content.count == n && node.headerLength == DERWriter.lengthOctets(n).count + 1)
        }
    }

    /// Hostile input: random bytes, and random bytes behind a plausible
    /// ContentInfo prefix, never trap; rejections carry a `der.*` / `cms.*`
    /// code and an offset inside the input (STYLE.md §8).
    @Test func randomInputNeverTraps() async {
        let prefix = Array(Fixtures.opensslGCM128.prefix(24))
        let gen = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
            let tail = CMSGen.bytes(0...300, &rng)
            return CMSGen.chance(0.5, &rng) ? prefix + tail : tail
        }
        await propertyCheck(count: 2000, input: gen) { bytes in
            for rules in [EncodingRules.der, .ber] {
                do throws(DecodingError) {
                    let d = try CMSDecoder(rules: rules).decode(bytes)
                    _ = CMSValidator(options: CMSValidationOptions(encodingRules: rules, key: .cek([UInt8](repeating: 0, count: 16)))).validate(d)
                } catch {
                    #expect(error.code.hasPrefix("der.") || error.code.hasPrefix("cms."), "\(error)")
                    #expect(error.offset >= 0 && error.offset <= bytes.count, "\(error)")
                }
            }
        }
    }
}
