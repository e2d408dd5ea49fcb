import Testing
import PropertyBased
import MediasecCore
@testable import SDP

/// Property tests of the SDP contract: lossless re-serialization for every
/// accepted input, typed-attribute encode/decode laws, no false positives
/// on valid-by-construction descriptions, and no trap on hostile input
/// (every rejection an sdp.* code with an in-range offset and a position).
@Suite struct PropertyTests {
    /// The invariants every input must satisfy, accepted or not.
    static func checkInvariants(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let d = try SDPDecoder().decode(bytes)
            #expect(d.sessionDescription.encoded() == bytes, "not lossless", sourceLocation: sourceLocation)
            for (i, o) in d.lineOffsets.enumerated() { #expect(bytes[o] == d.lines[i].type, sourceLocation: sourceLocation) }
        } catch {
            #expect(error.code.hasPrefix("sdp."), "\(error)", sourceLocation: sourceLocation)
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(error)", sourceLocation: sourceLocation)
        }
        let r = SDPValidator().validate(bytes)
        _ = r.json().serialized()
        for f in r.findings {
            let o = f.offset ?? 0
            #expect(o >= 0 && o <= bytes.count, "\(f)", sourceLocation: sourceLocation)
            if f.offset != nil, r.decoded != nil {
                #expect(f.message.range(of: #"^\d+:\d+: "#, options: .regularExpression) != nil, "\(f)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func validDescriptionsRoundTripAndAreValid() async {
        await propertyCheck(count: 400, input: SDPGen.validDescription) { desc in
            let bytes = desc.bytes
            assertLossless(bytes)
            let r = SDPValidator(options: SDPValidationOptions(role: .offer)).validate(bytes)
            #expect(r.isValid, "\(desc)\n\(r.findings.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))")
            // No structure rule may fire on a well-ordered description.
            #expect(!r.findings.contains { $0.code == "sdp.order" || $0.code == "sdp.line.duplicate" }, "\(desc)")
            // Strict decoding agrees.
            #expect(throws: Never.self) { try SDPDecoder().decodeStrict(bytes) }
        }
    }

    @Test func lineSoupsNeverTrap() async {
        await propertyCheck(count: 600, input: SDPGen.lineSoup) { desc in
            let bytes = desc.bytes
            assertLossless(bytes)
            Self.checkInvariants(bytes)
        }
    }

    @Test func typedAttributesRoundTrip() async {
        await propertyCheck(count: 800, input: SDPGen.anyTypedAttribute) { t in
            let name = SDPGen.name(of: t)
            let text = t.encodedValue
            guard let back = SDPAttributeRegistry.decode(name: name, value: Array(text.utf8)) else {
                Issue.record("no codec for \(name)")
                return
            }
            switch back {
            case .success(let v):
                #expect(v == t, "law 1 for \(name): \(text)")
                #expect(v.encodedValue == text, "law 2 for \(name)")
            case .failure(let e):
                Issue.record("\(name): the decoder rejects the encoder's output: \(e)\n  \(text)")
            }
        }
    }

    @Test func validCryptoModelsPassEveryRule() async {
        let gen = Generator<CryptoAttribute, Shrink.None<CryptoAttribute>> { rng in SDPGen.validCrypto(tag: 1, &rng) }
        await propertyCheck(count: 300, input: gen) { c in
            assertRoundTrips(c)
            let r = SDPTestKit.validateCrypto(c.encodedValue)
            #expect(r.isValid, "\(c.encodedValue)\n\(r.findings.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test func randomBytesNeverTrap() async {
        await propertyCheck(count: 1500, input: SDPGen.sdpishBytes) { Self.checkInvariants($0) }
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...200)) { Self.checkInvariants($0) }
    }

    @Test func mutatedRFCExamplesNeverTrap() async {
        await propertyCheck(count: 1500, input: SDPGen.mutation) { Self.checkInvariants($0) }
    }

    @Test func mutatedOfferAnswerPairsNeverTrap() async {
        await propertyCheck(count: 200, input: SDPGen.mutation) { answer in
            let r = SDPValidator().validateOfferAnswer(offer: RFCExamples.rfc4568Section7_1_5Offer, answer: answer)
            _ = r.json().serialized()
            #expect(r.allFindings.allSatisfy { ($0.offset ?? 0) >= 0 })
        }
    }
}
