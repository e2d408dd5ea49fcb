import Testing
import MediasecCore
import MIKEY

/// Truncation and extension sweeps (STYLE.md §14, after swift-asn1's
/// drip-fed SPKI test) over one hand-built message per Data Type 0–26.
///
/// Every MIKEY field is either fixed-size or delimited by a length that
/// precedes it, and nested chains (TP Data, Ticket Data, Initiator Data,
/// policy params) are read only after their enclosing length has been
/// checked against the remaining input. A proper prefix therefore always
/// runs out of bytes *before* any inner rule can fire, so the only
/// acceptable code for a top-level prefix is `mikey.truncated`: no other
/// code is acceptable there (in particular not `mikey.sp.param-overrun`,
/// `mikey.ticket.thdr-missing` or `mikey.payload.unknown-type`, which
/// would mean a region was parsed before its length was verified).
///
/// Sub-structures decoded on their own have one documented exception:
/// the *empty* prefix of TR 33.829 Annex C data is the valid empty
/// participant list ("zero or more ID payloads", Annex C.1), so it decodes.
@Suite struct TruncationSweepTests {
    static let dataTypes = Array(UInt8(0)...26)

    @Test func corpusCoversEveryPayloadTypeAndDataType() {
        var types = Set<UInt8>()
        for (_, m) in HandBuiltMessages.all {
            for p in MIKEYTestKit.allPayloads(m.payloads) { types.insert(p.type.rawValue) }
        }
        let known = Set(MIKEYGen.PayloadKind.allCases.map { $0.payloadType.rawValue })
        #expect(types == known, "missing: \(known.subtracting(types).sorted())")
        #expect(HandBuiltMessages.all.map { $0.message.header.dataType.rawValue } == Self.dataTypes)
        let maps = Set(HandBuiltMessages.all.map { $0.message.header.csIDMap.type })
        #expect(maps == [.srtpID, .empty, .genericID])
    }

    @Test(arguments: dataTypes)
    func everyProperPrefixIsTruncated(_ dataType: UInt8) throws {
        let m = HandBuiltMessages.message(dataType: dataType)
        let bytes = try #require(assertRoundTrips(m))
        MIKEYTestKit.expectOracleAccepts(bytes)
        var codes: [String: Int] = [:]
        for n in 0..<bytes.count {
            let prefix = Array(bytes.prefix(n))
            do {
                let d = try MIKEYMessage(decoding: prefix)
                Issue.record("prefix of \(n)/\(bytes.count) bytes decoded: \(d)")
            } catch {
                codes[error.code, default: 0] += 1
                #expect(error.code == "mikey.truncated", "prefix \(n)/\(bytes.count): \(error)")
                #expect((0...n).contains(error.offset), "prefix \(n): offset \(error.offset) outside the input")
            }
        }
        #expect(codes == ["mikey.truncated": bytes.count])
    }

    /// A single byte after a complete message is never absorbed: it is
    /// trailing data after the payload whose Next Payload is 0, or, when the
    /// message ends with SIGN (which has no Next Payload field), a SIGN that
    /// is not last. Both are reported at the offset of the extra byte.
    @Test(arguments: dataTypes)
    func anyAppendedByteIsRejected(_ dataType: UInt8) throws {
        let m = HandBuiltMessages.message(dataType: dataType)
        let bytes = try m.encoded()
        let endsWithSign: Bool = { if case .sign = m.payloads.last { return true }; return false }()
        let expected = endsWithSign ? "mikey.sign.not-last" : "mikey.trailing-data"
        for b in UInt8.min...UInt8.max {
            MIKEYTestKit.expectRejects(bytes + [b], code: expected, offset: bytes.count)
        }
    }

    /// The NULL-encrypted Key data chains inside the corpus's KEMACs, decoded
    /// on their own (RFC 3830 §6.13): every non-empty proper prefix is
    /// truncated; the empty prefix is the empty chain of an update message
    /// (RFC 3830 §6.2, RFC 4650 §4.2).
    @Test func keyDataChainPrefixesAreTruncated() throws {
        var chains = 0
        for (_, m) in HandBuiltMessages.all {
            for case .kemac(let k) in MIKEYTestKit.allPayloads(m.payloads) where k.encryptionAlgorithm == .null && !k.encryptedData.isEmpty {
                chains += 1
                let plain = k.encryptedData
                _ = try k.plainKeyData()
                #expect(try KEMACPayload.decodeKeyData(plaintext: []) == [])
                for n in 1..<plain.count {
                    do {
                        let chain = try KEMACPayload.decodeKeyData(plaintext: Array(plain.prefix(n)))
                        Issue.record("prefix \(n)/\(plain.count) of a Key data chain decoded: \(chain)")
                    } catch {
                        #expect(error.code == "mikey.truncated", "\(error)")
                    }
                }
            }
        }
        #expect(chains >= 6)
    }

    /// Annex C participant data: every non-empty proper prefix is
    /// truncated; the empty prefix is the empty list (see the suite comment).
    @Test func conferenceDataPrefixes() throws {
        let ext = try GeneralExtensionPayload.imsConference(participants: [IDPayload(uri: "sip:bob@example.com"), IDPayload(uri: "sip:carol@example.com")])
        #expect(try GeneralExtensionPayload(type: ext.type, data: []).content() == .imsConference(participants: []))
        for n in 1..<ext.data.count {
            let cut = GeneralExtensionPayload(type: ext.type, data: Array(ext.data.prefix(n)))
            do {
                let c = try cut.content()
                Issue.record("prefix \(n) of the participant list decoded: \(c)")
            } catch {
                #expect(error.code == "mikey.truncated", "\(error)")
            }
        }
    }
}
