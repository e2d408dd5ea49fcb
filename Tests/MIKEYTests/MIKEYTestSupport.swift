import Testing
import MediasecCore
import MIKEY
import MediasecFuzz
import MediasecTestSupport

// Shared helpers for the MIKEY tests (STYLE.md §12: one round-trip helper,
// not copies). Every helper forwards the caller's source location so that a
// failure points at the test line, not at this file.

/// The MIKEY message instance of ``assertRoundTrips(_:encodesTo:encode:decode:sourceLocation:)``.
@discardableResult
func assertRoundTrips(
    _ message: MIKEYMessage,
    encodesTo expected: [UInt8]? = nil,
    profile: CodePointProfile = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) -> [UInt8]? {
    assertRoundTrips(
        message, encodesTo: expected,
        encode: { (m: MIKEYMessage) throws(EncodingError) in try m.encoded() },
        decode: { (b: [UInt8]) throws(DecodingError) in try MIKEYMessage(decoding: b, profile: profile) },
        sourceLocation: sourceLocation
    )
}

/// Small fixtures and assertions shared by the layout, truncation and
/// property tests.
enum MIKEYTestKit {
    /// Bytes from hex written with spaces for readability (`"01 0e 00 81"`).
    /// A malformed literal is a bug in the test itself, so it traps.
    static func hex(_ s: String) -> [UInt8] {
        guard let b = Hex.decode(s) else { preconditionFailure("bad hex literal in test: \(s)") }
        return b
    }

    /// 10-byte HDR used by single-payload layout tests: version 1, data type
    /// `dataType`, Next Payload `next`, V 0, PRF 0, CSB ID 0, #CS 0, Empty map
    /// (RFC 3830 §6.1, RFC 4563 §5).
    static func emptyMapHeaderHex(next: UInt8, dataType: UInt8 = 0) -> String {
        "01 \(Hex.encode([dataType])) \(Hex.encode([next])) 00 00000000 00 01"
    }

    static let emptyMapHeader = CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 0))

    static func message(_ payloads: [Payload], dataType: DataType = .psk) -> MIKEYMessage {
        var h = emptyMapHeader
        h.dataType = dataType
        return MIKEYMessage(header: h, payloads: payloads)
    }

    /// Expects `bytes` to be rejected with `code` at `offset` (and `path`
    /// when given). Returns the error for further checks.
    @discardableResult
    static func expectRejects(
        _ bytes: [UInt8], code: String, offset: Int? = nil, path: String? = nil,
        profile: CodePointProfile = .default, limits: DecodingLimits = .default,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DecodingError? {
        do {
            let d = try MIKEYDecoder(profile: profile, limits: limits).decode(bytes)
            Issue.record("expected \(code), but the input decoded: \(d.message)", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            if let offset {
                #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation)
            }
            if let path {
                #expect(error.path == path, "\(error)", sourceLocation: sourceLocation)
            }
            return error
        }
    }

    /// The property every input must have (FACTS.md §9, STYLE.md §16): the
    /// decoder never traps; an accepted input satisfies both round-trip laws
    /// (checked by ``MIKEYOracle``); a rejected one carries a `mikey.*` code
    /// and an offset inside the input.
    static func checkArbitraryInput(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let direct: Result<MIKEYMessage, DecodingError>
        do {
            direct = .success(try MIKEYMessage(decoding: bytes))
        } catch {
            direct = .failure(error)
        }
        let outcome: MIKEYOracle.Outcome
        do {
            outcome = try MIKEYOracle.check(bytes)
        } catch {
            Issue.record("oracle violation: \(error.description)\n  input: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
            return
        }
        switch direct {
        case .success:
            #expect(outcome == .accepted, "input: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
        case .failure(let e):
            #expect(e.code.hasPrefix("mikey."), "\(e)\n  input: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
            #expect((0...bytes.count).contains(e.offset), "\(e)\n  input: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
            #expect(outcome == .rejected(code: e.code), sourceLocation: sourceLocation)
        }
    }

    /// Runs `body`, recording any thrown error as an issue. Property bodies
    /// must use this: PropertyBased 2.0.1 runs them under `try?`
    /// (IssueCounting.swift), so an error escaping a `propertyCheck` body is
    /// silently dropped and the case passes.
    static func recordingErrors(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
        } catch {
            Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The fuzz oracle (both laws, JSON tree) accepts a valid encoding.
    static func expectOracleAccepts(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let outcome = try MIKEYOracle.check(bytes)
            #expect(outcome == .accepted, "input: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("oracle violation: \(error.description)\n  input: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
        }
    }

    /// Every payload in a message, nested chains included (TP Data, Ticket
    /// Data, Initiator Data, NULL-encrypted KEMAC key data, Annex C
    /// participants), in depth-first order.
    static func allPayloads(_ payloads: [Payload], profile: CodePointProfile = .default, participants: Bool = true) -> [Payload] {
        var out: [Payload] = []
        for p in payloads {
            out.append(p)
            switch p {
            case .ticketPolicy(let tp):
                out += allPayloads(tp.policy.tpData, profile: profile, participants: participants)
            case .ticket(let t):
                out += allPayloads(t.policy.tpData, profile: profile, participants: participants)
                if case .base(let b) = t.ticketData { out += allPayloads(b.payloads, profile: profile, participants: participants) }
                out += allPayloads(t.initiatorData, profile: profile, participants: participants)
            case .kemac(let k) where k.encryptionAlgorithm == .null:
                if let sub = try? k.plainKeyData(profile: profile) { out += allPayloads(sub, profile: profile, participants: participants) }
            case .generalExtension(let g) where participants:
                if case .imsConference(let ids)? = try? g.content(profile: profile) { out += ids.map { .id($0) } }
            default:
                break
            }
        }
        return out
    }
}
