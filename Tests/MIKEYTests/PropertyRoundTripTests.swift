import Testing
import PropertyBased
import MediasecCore
import MediasecFuzz
import MIKEY

/// Property tests of the MIKEY codec's contract (MIKEYMessage.swift): for
/// every model value that encodes, decoding gives it back (law 1); for every
/// accepted input, re-encoding reproduces it byte for byte (law 2); and no
/// input, however hostile, traps or is rejected without a `mikey.*` code and
/// an in-range offset (STYLE.md §8, §16).
@Suite struct PropertyRoundTripTests {
    /// Laws 1 and 2 and the fuzz oracle over 600 generated messages.
    @Test func generatedMessagesRoundTrip() async {
        await propertyCheck(count: 600, input: MIKEYGen.message) { m in
            guard let bytes = assertRoundTrips(m) else { return }
            MIKEYTestKit.expectOracleAccepts(bytes)
            // The decoder's spans must tile the input after the HDR exactly.
            if let d = try? MIKEYDecoder().decode(bytes) {
                var at = d.headerRange.upperBound
                for s in d.spans {
                    #expect(s.range.lowerBound == at)
                    at = s.range.upperBound
                }
                #expect(at == bytes.count)
            }
        }
    }

    /// Every payload kind gets its own property run, so that each is
    /// exercised regardless of how the mixed generator happens to draw.
    @Test(arguments: MIKEYGen.PayloadKind.allCases)
    func eachPayloadKindRoundTrips(_ kind: MIKEYGen.PayloadKind) async {
        await propertyCheck(count: 60, input: MIKEYGen.message(featuring: kind)) { m in
            #expect(m.payloads.contains { $0.type == kind.payloadType })
            guard let bytes = assertRoundTrips(m) else { return }
            MIKEYTestKit.expectOracleAccepts(bytes)
        }
    }

    /// `KEMACPayload.clear` followed by `plainKeyData` gives the Key data
    /// chain back (RFC 3830 §6.2 with the NULL Encr alg).
    @Test func clearKEMACKeyDataRoundTrips() async {
        await propertyCheck(count: 300, input: MIKEYGen.keyData.array(of: 1...4)) { keys in
            MIKEYTestKit.recordingErrors { () throws in
                let k = try KEMACPayload.clear(keyData: keys, macAlgorithm: .hmacSHA256_256)
                #expect(k.encryptionAlgorithm == .null)
                #expect(k.mac.count == 32)
                #expect(try k.plainKeyData() == keys.map { .keyData($0) })
            }
        }
    }

    /// RFC 4650 §4.2: with DHHMAC the KEMAC "SHALL not convey any encrypted
    /// data" (NULL Encr alg, Encr data len 0), and RFC 6043 §6.10 allows
    /// `KEMAC = {TEK|TGK|GTGK}` with zero keys. The empty Key data chain
    /// built by `clear(keyData: [])` must therefore decode as `[]`, and the
    /// JSON tree of such a message must not report a key-data error.
    @Test func emptyClearKEMACHasEmptyKeyData() throws {
        let k = try KEMACPayload.clear(keyData: [], macAlgorithm: .hmacSHA1_160)
        #expect(k.encryptedData.isEmpty)
        MIKEYTestKit.recordingErrors { () throws in #expect(try k.plainKeyData() == []) }
        // HDR(DHHMAC init) ‖ KEMAC(next 0, NULL, len 0, HMAC-SHA-1, 20-byte MAC), as RFC 4650 §4.2 prescribes.
        let dhhmac = MIKEYTestKit.hex("01 07 01 00 00000001 00 01" + "00 00 0000 01" + String(repeating: "ab", count: 20))
        let tree = MIKEYJSON.tree(try MIKEYDecoder().decode(dhhmac))
        let kemac = try #require(tree["payloads"]?.arrayValue?.first)
        #expect(kemac["keyDataError"] == nil, "valid DHHMAC KEMAC reported as \(kemac["keyDataError"]?.stringValue ?? "")")
        #expect(kemac["keyData"] == .array([]))
    }

    /// The Annex C participants list decodes back to the IDs it was built from.
    @Test func conferenceParticipantsRoundTrip() async {
        await propertyCheck(count: 300, input: MIKEYGen.id.array(of: 0...5)) { ids in
            MIKEYTestKit.recordingErrors { () throws in
                let ext = try GeneralExtensionPayload.imsConference(participants: ids)
                #expect(ext.type == CodePointProfile.default.extensionIMSConference)
                #expect(try ext.content() == .imsConference(participants: ids))
            }
        }
    }

    /// Arbitrary bytes (0–200) never trap; they decode with both laws
    /// holding, or are rejected with a `mikey.*` code inside the input.
    @Test func randomBytesNeverTrap() async {
        await propertyCheck(count: 1500, input: MIKEYGen.randomBytes) { bytes in
            MIKEYTestKit.checkArbitraryInput(bytes)
        }
    }

    /// Valid encodings with bit flips, inserted and deleted bytes: same property.
    @Test func mutatedEncodingsNeverTrap() async {
        await propertyCheck(count: 1500, input: MIKEYGen.mutatedEncoding) { bytes in
            MIKEYTestKit.checkArbitraryInput(bytes)
        }
    }

    /// The generators reach every feature the brief names: all payload
    /// types (nested ones included), all CS ID map types, every key type
    /// and KV kind, base and opaque tickets, Annex C and F extensions, SIGN
    /// last, and the 255-byte boundary of 8-bit length fields. A fixed seed
    /// keeps this deterministic.
    @Test func generatorsCoverEveryFeature() throws {
        var rng: any SeededRandomNumberGenerator = Xoshiro(seed: (0x4d49_4b45, 0x5931, 0x3830, 0x6043))
        var payloadTypes = Set<UInt8>(), mapTypes = Set<UInt8>(), keyTypes = Set<UInt8>(), kvKinds = Set<UInt8>()
        var features = Set<String>()
        for _ in 0..<1500 {
            let m = MIKEYGen.draw(MIKEYGen.message, &rng)
            mapTypes.insert(m.header.csIDMap.type.rawValue)
            if case .generic(let es) = m.header.csIDMap {
                for e in es {
                    if e.sFlag { features.insert("S=1") }
                    if e.policies.count == 127 { features.insert("#P=127") }
                    if !e.spi.isEmpty { features.insert("GENERIC-ID SPI") }
                    if !e.sessionData.isEmpty { features.insert("GENERIC-ID session data") }
                }
            }
            if case .sign = m.payloads.last { features.insert("SIGN last") }
            for p in MIKEYTestKit.allPayloads(m.payloads) {
                payloadTypes.insert(p.type.rawValue)
                switch p {
                case .keyData(let k):
                    keyTypes.insert(k.type.rawValue)
                    kvKinds.insert(k.validity.type.rawValue)
                case .kemac(let k) where k.encryptionAlgorithm != .null:
                    features.insert("KEMAC random encr data")
                case .kemac(let k) where !k.encryptedData.isEmpty:
                    features.insert("KEMAC key data chain")
                case .rand(let r) where r.rand.count == 255:
                    features.insert("RAND 255")
                case .rand(let r) where r.rand.isEmpty:
                    features.insert("RAND 0")
                case .ticket(let t):
                    switch t.ticketData {
                    case .base: features.insert("base ticket")
                    case .opaque: features.insert("opaque ticket")
                    }
                    if !t.policy.tpData.isEmpty { features.insert("TICKET tpData") }
                    if !t.initiatorData.isEmpty { features.insert("TICKET initiatorData") }
                case .ticketPolicy(let tp) where !tp.policy.tpData.isEmpty:
                    features.insert("TP tpData")
                case .generalExtension(let g) where g.type == CodePointProfile.default.extensionIMSConference:
                    features.insert("Annex C")
                case .generalExtension(let g) where g.type == CodePointProfile.default.extensionProofOfOrigin:
                    features.insert("Annex F")
                default:
                    break
                }
            }
        }
        let allTypes: Set<UInt8> = Set(MIKEYGen.PayloadKind.allCases.map { $0.payloadType.rawValue })
        #expect(allTypes.subtracting(payloadTypes).isEmpty, "payload types never generated: \(allTypes.subtracting(payloadTypes).sorted())")
        #expect(mapTypes == [0, 1, 2])
        #expect(keyTypes == Set(0...7))
        #expect(kvKinds == [0, 1, 2])
        let wanted: Set<String> = [
            "S=1", "#P=127", "GENERIC-ID SPI", "GENERIC-ID session data", "SIGN last", "KEMAC random encr data",
            "KEMAC key data chain", "RAND 255", "RAND 0", "base ticket", "opaque ticket", "TICKET tpData",
            "TICKET initiatorData", "TP tpData", "Annex C", "Annex F",
        ]
        #expect(wanted.subtracting(features).isEmpty, "features never generated: \(wanted.subtracting(features).sorted())")
    }
}
