import MediasecCore
import MIKEY

/// `Vectors/mikey/structure.json`: decoder-level malformations — every
/// `MIKEYRules.decodingCodes` entry, truncations of every clean message,
/// trailing data, unknown code points that hide a length, the bug shapes
/// seen in peers (FACTS.md §9) and the hard limits.
enum StructureVectors {
    typealias R = MIKEYRules

    static func build(_ s: VectorSet) {
        truncations(s)
        trailing(s)
        header(s)
        unknownTypes(s)
        lengthCodePoints(s)
        nested(s)
        bugShapes(s)
        limits(s)
    }

    // MARK: byte helpers

    /// Byte offset of top-level payload `index` (its Next Payload field, or
    /// the S type of SIGN): the length of the message holding only the
    /// payloads before it.
    static func offset(of index: Int, in m: MIKEYMessage) throws -> Int {
        try MIKEYMessage(header: m.header, payloads: Array(m.payloads.prefix(index))).encoded().count
    }

    static func patched(_ b: [UInt8], _ at: Int, _ v: UInt8) -> [UInt8] {
        var c = b
        c[at] = v
        return c
    }

    static func headerLength(_ m: MIKEYMessage) throws -> Int { try offset(of: 0, in: m) }

    // MARK: truncations (RFC 3830 §6: every length-delimited field must fit)

    static func truncations(_ s: VectorSet) {
        for dt in Fixtures.cleanDataTypes {
            // Cut points: inside the fixed HDR, inside the map info or at the
            // HDR's end, inside the first payload, one byte short.
            for (label, cut) in [("hdr-1", 1), ("hdr-7", 7), ("hdr-end", -3), ("first-payload", -2), ("last-byte", -1)] where dt == 0 || cut != 1 {
                s.add("truncated::\(DataTypeInfo.slug(dt))-\(label)", "The clean \(DataTypeInfo.name(dt)) message cut \(describe(label)).",
                      refs: ["RFC 3830 §6", DataTypeInfo.ref(dt)], flags: ["truncated"]) { g in
                    let m = try g.clean(dt)
                    let b = try m.encoded()
                    let h = try headerLength(m)
                    let n: Int
                    switch cut {
                    case -3: n = h - 1
                    case -2: n = h + 2
                    case -1: n = b.count - 1
                    default: n = cut
                    }
                    return .rejected(Array(b.prefix(n)), "mikey.truncated")
                }
            }
        }
        s.add("truncated::empty-input", "An empty input.", refs: ["RFC 3830 §6.1"], flags: ["truncated", "boundary-length"]) { _ in
            .rejected([], "mikey.truncated")
        }
        s.add("truncated::kemac-encr-data-len", "KEMAC whose Encr data len (0xFFFF) runs past the end of the message.", refs: ["RFC 3830 §6.2"], flags: ["byte-corruption", "bug-shape-truncated-key-data"]) { g in
            let m = try g.pskInit()
            let at = try offset(of: m.payloads.count - 1, in: m)
            var b = try m.encoded()
            b[at + 2] = 0xFF
            b[at + 3] = 0xFF
            return .rejected(b, "mikey.truncated")
        }
        s.add("truncated::top-level-key-data", "A Key data payload at the top level whose Key data len says 32 with 16 bytes left.",
              refs: ["RFC 3830 §6.13"], flags: ["byte-corruption", "bug-shape-truncated-key-data"]) { g in
            let m = MIKEYMessage(header: g.header(.psk, map: g.srtpMap()), payloads: [g.t(), g.rand(), .keyData(g.keyData(.tgk, spi: false))])
            var b = try m.encoded()
            b[b.count - 17] = 32
            return .rejected(b, "mikey.truncated")
        }
        s.add("truncated::generic-id-policies", "GENERIC-ID entry with #P = 5 and only the HDR's end after it.", refs: ["RFC 6043 §6.1.1"], flags: ["byte-corruption", "peer-gstreamer-generic-id"]) { g in
            let b = try MIKEYMessage(header: g.header(.transferInit, map: .generic([g.genericSRTP(policies: [0, 1])])), payloads: []).encoded()
            return .rejected(patched(b, 12, 5), "mikey.truncated")
        }
        s.add("truncated::generic-id-session-data", "GENERIC-ID entry whose Session Data Length (0xFFFF) runs past the message.", refs: ["RFC 6043 §6.1.1"], flags: ["byte-corruption", "peer-gstreamer-generic-id"]) { g in
            let m = g.transferInit()
            return .rejected(patched(patched(try m.encoded(), 14, 0xFF), 15, 0xFF), "mikey.truncated")
        }
        s.add("truncated::generic-id-spi", "GENERIC-ID entry (last in the message) whose SPI Length is 9 with 4 bytes present.", refs: ["RFC 6043 §6.1.1"], flags: ["byte-corruption", "peer-gstreamer-generic-id"]) { g in
            let b = try MIKEYMessage(header: g.header(.transferResp, map: .generic([g.genericSRTP(response: true)])), payloads: []).encoded()
            return .rejected(patched(b, b.count - 5, 9), "mikey.truncated")
        }
        s.add("truncated::srtp-map-cs-count", "#CS = 2 with one SRTP-ID entry and no payload.", refs: ["RFC 3830 §6.1", "RFC 3830 §6.1.1"],
              flags: ["byte-corruption", "bug-shape-cs-count", "ambiguity-01-srtp-map-info-length"]) { g in
            let b = try MIKEYMessage(header: g.header(.psk, map: g.srtpMap(1)), payloads: []).encoded()
            return .rejected(patched(b, 8, 2), "mikey.truncated")
        }
        s.add("truncated::tp-data-len", "TP whose TP Data length is 200 bytes longer than the payload.", refs: ["RFC 6043 §6.10"], flags: ["byte-corruption"]) { g in
            let m = try g.requestInitPSK()
            let at = try offset(of: m.index(of: .ticketPolicy)!, in: m)
            var b = try m.encoded()
            let len = Int(b[at + 8]) << 8 | Int(b[at + 9])
            b[at + 8] = UInt8((len + 200) >> 8)
            b[at + 9] = UInt8((len + 200) & 0xff)
            return .rejected(b, "mikey.truncated")
        }
        s.add("truncated::sign-len", "SIGN whose 12-bit Signature len (4095) exceeds the bytes left.", refs: ["RFC 3830 §6.5"], flags: ["byte-corruption"]) { g in
            let m = g.dhInit()
            let at = try offset(of: m.payloads.count - 1, in: m)
            var b = try m.encoded()
            b[at] = b[at] | 0x0F
            b[at + 1] = 0xFF
            return .rejected(b, "mikey.truncated")
        }
    }

    static func describe(_ label: String) -> String {
        switch label {
        case "hdr-1": return "after its first byte"
        case "hdr-7": return "inside the CSB ID"
        case "hdr-end": return "one byte before the end of the HDR (CS ID map info)"
        case "first-payload": return "two bytes into the first payload"
        default: return "one byte short of its end"
        }
    }

    // MARK: trailing data (RFC 3830 §6.1: Next Payload 0 ends the message)

    static func trailing(_ s: VectorSet) {
        for (label, extra) in [("one-byte", [UInt8(0)]), ("sixteen-bytes", [UInt8](repeating: 0xA5, count: 16))] {
            s.add("trailing::psk-init-\(label)", "A valid PSK I_MESSAGE followed by \(extra.count) byte(s).", refs: ["RFC 3830 §6.1", "RFC 3830 §5.3"], flags: ["trailing-data", "byte-corruption"]) { g in
                .rejected(try g.pskInit().encoded() + extra, "mikey.trailing-data")
            }
        }
        s.add("trailing::two-messages", "Two PSK verification messages back to back.", refs: ["RFC 3830 §6.1"], flags: ["trailing-data"]) { g in
            .rejected(try g.pskVerify().encoded() + g.pskVerify().encoded(), "mikey.trailing-data")
        }
        s.add("trailing::srtp-map-cs-count-0", "#CS = 0 but one SRTP-ID entry follows, and Next Payload is 0: the entry is left over.",
              refs: ["RFC 3830 §6.1", "RFC 3830 §6.1.1"], flags: ["byte-corruption", "bug-shape-cs-count", "trailing-data"]) { g in
            let b = try MIKEYMessage(header: g.header(.psk, map: g.srtpMap(1)), payloads: []).encoded()
            return .rejected(patched(b, 8, 0), "mikey.trailing-data")
        }
        s.add("trailing::tp-data", "TP Data with 3 bytes after its last payload (inside the TP Data length).", refs: ["RFC 6043 §6.10"], flags: ["trailing-data", "byte-corruption"]) { g in
            // TP Data = First Payload (IDRr), IDRr, then 3 bytes the TP Data length includes.
            let m = try g.requestInitPSK(tpData: [g.idr(.responder, Fixtures.bob)])
            let at = try offset(of: m.index(of: .ticketPolicy)!, in: m)
            var b = try m.encoded()
            let len = Int(b[at + 8]) << 8 | Int(b[at + 9])
            b[at + 8] = UInt8((len + 3) >> 8)
            b[at + 9] = UInt8((len + 3) & 0xff)
            let end = at + 10 + len
            b.insert(contentsOf: [1, 2, 3], at: end)
            return .rejected(b, "mikey.trailing-data")
        }
    }

    // MARK: HDR

    static func header(_ s: VectorSet) {
        for v: UInt8 in [0, 2, 255] {
            s.add("hdr::version-\(v)", "HDR version \(v): only version 1 is defined.", refs: ["RFC 3830 §6.1"], flags: ["byte-corruption"]) { g in
                .rejected(patched(try g.pskInit().encoded(), 0, v), "mikey.hdr.version")
            }
        }
        for t: UInt8 in [3, 200, 255] {
            s.add("hdr::map-type-\(t)", "CS ID map type \(t): no known layout, the HDR cannot be delimited.", refs: ["RFC 3830 §6.1", "RFC 6043 §6.1", "RFC 4563 §5"],
                  flags: ["byte-corruption", "layout-unknown"]) { g in
                .rejected(patched(try g.pskInit().encoded(), 9, t), "mikey.hdr.map-type-unknown")
            }
        }
        s.add("hdr::v-and-prf-bits", "HDR with V = 1 and PRF func 1 in one byte (0x81), PSK verification message.", refs: ["RFC 3830 §6.1", "RFC 6043 §6.1"]) { g in
            .valid(g.pskVerify(prf: .hmacSHA256, mac: .hmacSHA256_256).with { $0.header.verifyFlag = true })
        }
    }

    // MARK: unknown payload types (RFC 3830 §6.1: the length of an unknown payload cannot be known)

    static func unknownTypes(_ s: VectorSet) {
        for t: UInt8 in [18, 19, 22, 23, 24, 25, 27, 100, 240, 241, 255] {
            let why = (22...25).contains(t) ? " (an IBAKE payload, RFC 6267)" : (t >= 241 ? " (private use)" : "")
            s.add("unknown-type::hdr-next-\(t)", "HDR Next Payload \(t)\(why): no known layout.", refs: ["RFC 3830 §6.1", (22...25).contains(t) ? "RFC 6267 §4" : "RFC 6309 §2"],
                  flags: ["byte-corruption", "layout-unknown", "peer-gstreamer-loop"]) { g in
                .rejected(patched(try g.pskInit().encoded(), 2, t), "mikey.payload.unknown-type")
            }
        }
        for t: UInt8 in [19, 26 + 4, 99] {
            s.add("unknown-type::mid-chain-\(t)", "The T payload's Next Payload is \(t) (unknown) in an otherwise valid PSK I_MESSAGE.", refs: ["RFC 3830 §6.1"],
                  flags: ["byte-corruption", "layout-unknown", "peer-gstreamer-loop"]) { g in
                let m = try g.pskInit()
                return .rejected(patched(try m.encoded(), try offset(of: 0, in: m), t), "mikey.payload.unknown-type")
            }
        }
        s.add("unknown-type::ibake-data-type-with-ibake-payload", "IBAKE data type 22 (I_MESSAGE_1) whose HDR names an IBAKE payload (22): not supported, its length cannot be known.",
              refs: ["RFC 6267 §4", "RFC 3830 §6.1"], flags: ["layout-unknown", "ibake-not-validated"]) { g in
            let b = try MIKEYMessage(header: g.header(DataType(rawValue: 22), map: g.srtpMap()), payloads: [g.t()]).encoded()
            return .rejected(patched(b, 2, 22) + [0, 0, 0], "mikey.payload.unknown-type")
        }
        s.add("unknown-type::tp-data-first", "TP Data whose first-payload byte is 30.", refs: ["RFC 6043 §6.10"], flags: ["byte-corruption", "layout-unknown"]) { g in
            let m = try g.requestInitPSK()
            let at = try offset(of: m.index(of: .ticketPolicy)!, in: m)
            return .rejected(patched(try m.encoded(), at + 10, 30), "mikey.payload.unknown-type")
        }
    }

    // MARK: code points that fix a length

    static func lengthCodePoints(_ s: VectorSet) {
        for a: UInt8 in [3, 200] {
            s.add("kemac::mac-alg-\(a)", "KEMAC MAC alg \(a): the MAC length, hence the payload's end, is unknown.", refs: ["RFC 3830 §6.2", "RFC 6043 §6.2"], flags: ["byte-corruption", "layout-unknown"]) { g in
                let m = try g.pskInit()
                let k = m.index(of: .kemac)!
                guard case .kemac(let kp) = m.payloads[k] else { throw GenerationError(description: "no KEMAC") }
                let at = try offset(of: k, in: m) + 4 + kp.encryptedData.count
                return .rejected(patched(try m.encoded(), at, a), "mikey.kemac.mac-alg-unknown")
            }
            s.add("v::auth-alg-\(a)", "V payload with Auth alg \(a): its length is unknown.", refs: ["RFC 3830 §6.9"], flags: ["byte-corruption", "layout-unknown"]) { g in
                let m = g.pskVerify()
                return .rejected(patched(try m.encoded(), try offset(of: 2, in: m) + 1, a), "mikey.v.auth-alg-unknown")
            }
            s.add("dh::group-\(a)", "DH payload with DH-Group \(a): the DH-value length is unknown.", refs: ["RFC 3830 §6.4"], flags: ["byte-corruption", "layout-unknown"]) { g in
                let m = g.dhInit()
                return .rejected(patched(try m.encoded(), try offset(of: m.index(of: .dh)!, in: m) + 1, a), "mikey.dh.group-unknown")
            }
        }
        for t: UInt8 in [4, 200] {
            s.add("t::ts-type-\(t)", "T payload with TS type \(t): the TS value length is unknown.", refs: ["RFC 3830 §6.6", "RFC 6043 §6.3"], flags: ["byte-corruption", "layout-unknown"]) { g in
                let m = try g.pskInit()
                return .rejected(patched(try m.encoded(), try offset(of: 0, in: m) + 1, t), "mikey.ts.type-unknown")
            }
        }
        s.add("tr::ts-type-5", "TR payload (TRs in TP Data) with TS type 5.", refs: ["RFC 6043 §6.4"], flags: ["byte-corruption", "layout-unknown"]) { g in
            let m = try g.requestInitPSK(tpData: [.timestampRole(TimestampRolePayload(role: .validFrom, tsType: .ntpUTC32, value: g.ntpUTC32Value())), g.idr(.responder, Fixtures.bob)])
            let at = try offset(of: m.index(of: .ticketPolicy)!, in: m) + 10 + 1 + 2   // TP fixed fields, first-payload byte, TR next, TR role
            return .rejected(patched(try m.encoded(), at, 5), "mikey.ts.type-unknown")
        }
        s.add("chash::func-3", "CHASH with Hash func 3: the hash length is unknown.", refs: ["RFC 3830 §6.8"], flags: ["byte-corruption", "layout-unknown"]) { g in
            let m = g.pkInit()
            return .rejected(patched(try m.encoded(), try offset(of: m.index(of: .chash)!, in: m) + 1, 3), "mikey.chash.func-unknown")
        }
        for t: UInt8 in [8, 15] {
            s.add("key-data::type-\(t)", "Top-level Key data payload of Type \(t): whether a salt follows cannot be known.", refs: ["RFC 3830 §6.13", "RFC 6043 §6.2.1"], flags: ["byte-corruption", "layout-unknown"]) { g in
                let m = MIKEYMessage(header: g.header(.psk, map: g.srtpMap()), payloads: [g.t(), g.rand(), .keyData(g.tgk())])
                return .rejected(patched(try m.encoded(), try offset(of: 2, in: m) + 1, t << 4 | 1), "mikey.keydata.type-unknown")
            }
        }
        s.add("key-data::top-level", "A Key data sub-payload at the top level of a PSK message (decodable; not part of the exchange).", refs: ["RFC 3830 §6.13", "RFC 3830 §5.3"], flags: ["model-mutation"]) { g in
            .acceptable(try g.pskInit().with { $0.payloads.insert(.keyData(g.tgk()), before: .kemac) }, [R.unexpectedPayload]).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("kv::key-data-kv-5", "Top-level Key data payload with KV type 5: the KV data layout is unknown.", refs: ["RFC 3830 §6.13", "RFC 3830 §6.14"], flags: ["byte-corruption", "layout-unknown"]) { g in
            let m = MIKEYMessage(header: g.header(.psk, map: g.srtpMap()), payloads: [g.t(), g.rand(), .keyData(g.tgk())])
            return .rejected(patched(try m.encoded(), try offset(of: 2, in: m) + 1, 0x05), "mikey.kv.unknown")
        }
        s.add("kv::dh-kv-3", "DH payload with KV type 3.", refs: ["RFC 3830 §6.4", "RFC 3830 §6.14"], flags: ["byte-corruption", "layout-unknown"]) { g in
            let m = g.dhInit()
            let at = try offset(of: m.index(of: .dh)!, in: m) + 2 + 128
            return .rejected(patched(try m.encoded(), at, 0x03), "mikey.kv.unknown")
        }
        s.add("sp::param-overrun", "SP whose last parameter's Length (9) runs past the Policy param length.", refs: ["RFC 3830 §6.10"], flags: ["byte-corruption"]) { g in
            let m = try g.pskInit()
            let sp = try offset(of: m.index(of: .securityPolicy)!, in: m)
            let k = try offset(of: m.index(of: .kemac)!, in: m)
            _ = sp
            return .rejected(patched(try m.encoded(), k - 2, 9), "mikey.sp.param-overrun")
        }
        s.add("sp::param-without-length", "SP whose Policy param length leaves a Type byte without its Length byte.", refs: ["RFC 3830 §6.10"], flags: ["byte-corruption"]) { g in
            let m = try g.pskInit().with { $0.payloads.replaceFirst(.securityPolicy, with: .securityPolicy(SecurityPolicyPayload(policyNumber: 0, protType: .srtp, parameters: [PolicyParameter(type: 0, value: [1])]))) }
            let at = try offset(of: m.index(of: .securityPolicy)!, in: m)
            var b = try m.encoded()
            // Policy param length 3 → 1; drop the Length and Value bytes.
            b[at + 4] = 1
            b.removeSubrange((at + 6)...(at + 7))
            return .rejected(b, "mikey.sp.param-overrun")
        }
    }

    // MARK: nested chains (RFC 6043 §6.10, Appendix A)

    static func nested(_ s: VectorSet) {
        s.add("nested::tp-data-only-last", "TP Data holding only a 'Last payload' type byte (length 1).", refs: ["RFC 6043 §6.10"], flags: ["byte-corruption", "ambiguity-08-empty-tp-data"]) { g in
            let m = try g.requestInitPSK(tpData: [])
            let at = try offset(of: m.index(of: .ticketPolicy)!, in: m)
            var b = try m.encoded()
            b[at + 9] = 1
            b.insert(0, at: at + 10)
            return .rejected(b, "mikey.chain.empty-leading-type")
        }
        s.add("nested::initiator-data-only-last", "Initiator Data holding only a 'Last payload' type byte.", refs: ["RFC 6043 §6.10"], flags: ["byte-corruption"]) { g in
            let m = g.requestResp()
            let ti = m.index(of: .ticket)!
            let end = try offset(of: ti + 1, in: m)
            var b = try m.encoded()
            // Initiator Data length is the TICKET's last two bytes (0x0000).
            b[end - 1] = 1
            b.insert(0, at: end)
            return .rejected(b, "mikey.chain.empty-leading-type")
        }
        s.add("nested::base-ticket-without-thdr", "Ticket Type 1 (MIKEY base ticket) with Ticket Data length 0: the ticket MUST begin with THDR.",
              refs: ["RFC 6043 Appendix A.1"], flags: ["byte-corruption"]) { g in
            let t = TicketPayload(policy: g.policy(), ticketData: .opaque([]))
            // Encode as a 3GPP ticket (opaque, empty), then relabel it Ticket Type 1.
            var tt = t
            tt.policy.ticketType = .threeGPPBase
            let m = g.requestResp(ticket: tt)
            let at = try offset(of: m.index(of: .ticket)!, in: m)
            return .rejected(patched(try m.encoded(), at + 2, 1), "mikey.ticket.thdr-missing")
        }
        s.add("nested::base-ticket-thdr-truncated", "Base ticket whose THDR Data length runs past the Ticket Data.", refs: ["RFC 6043 Appendix A.3"], flags: ["byte-corruption", "truncated"]) { g in
            let m = g.requestResp()
            let at = try offset(of: m.index(of: .ticket)!, in: m)
            guard case .ticket(let t) = m.payloads[m.index(of: .ticket)!] else { throw GenerationError(description: "no ticket") }
            let tpLen = try PolicyLength.tpData(t.policy)
            let thdrLen = at + 10 + tpLen + 2 + 1   // TICKET fixed fields(10) + TP Data + Ticket Data length(2) + THDR Next Payload(1)
            return .rejected(patched(try m.encoded(), thdrLen, 0x7F), "mikey.truncated")
        }
        s.add("nested::ticket-data-unknown-type", "Base ticket whose THDR names payload type 50.", refs: ["RFC 6043 Appendix A.3", "RFC 3830 §6.1"], flags: ["byte-corruption", "layout-unknown"]) { g in
            let m = g.requestResp()
            let at = try offset(of: m.index(of: .ticket)!, in: m)
            guard case .ticket(let t) = m.payloads[m.index(of: .ticket)!] else { throw GenerationError(description: "no ticket") }
            let thdrNext = at + 10 + (try PolicyLength.tpData(t.policy)) + 2
            return .rejected(patched(try m.encoded(), thdrNext, 50), "mikey.payload.unknown-type")
        }
        s.add("nested::sign-in-tp-data", "TP Data holding a SIGN payload followed by an IDRr: SIGN has no Next Payload field and ends any chain.",
              refs: ["RFC 3830 §6.5", "RFC 6043 §6.10"], flags: ["bug-shape-sign-not-last", "byte-corruption"]) { g in
            var w = ByteWriter()
            w.writeUInt8(PayloadType.sign.rawValue)          // first payload: SIGN
            w.writeUInt16(0x0004)                            // S type 0, 4 bytes
            w.writeBytes(g.bytes(4))
            w.writeBytes([0, 2, 1, 0, 1, 0x41])              // an IDRr that can never be reached
            let m = try g.requestInitPSK(tpData: [])
            let at = try offset(of: m.index(of: .ticketPolicy)!, in: m)
            var b = try m.encoded()
            b[at + 8] = 0
            b[at + 9] = UInt8(w.count)
            b.insert(contentsOf: w.bytes, at: at + 10)
            return .rejected(b, "mikey.sign.not-last")
        }
    }

    // MARK: bug shapes (FACTS.md §9)

    static func bugShapes(_ s: VectorSet) {
        s.add("bug-shape::sign-then-byte", "One byte after the SIGN payload of a DH I_MESSAGE.", refs: ["RFC 3830 §6.5"], flags: ["bug-shape-sign-not-last", "trailing-data"]) { g in
            .rejected(try g.dhInit().encoded() + [0], "mikey.sign.not-last")
        }
        s.add("bug-shape::sign-then-payload", "A complete T payload after the SIGN payload (a SIGN in the middle of the chain).", refs: ["RFC 3830 §6.5", "RFC 3830 §5.2"], flags: ["bug-shape-sign-not-last"]) { g in
            let m = g.dhInit()
            var b = try m.encoded()
            b += [0, 0] + g.ntpUTC().value
            return .rejected(b, "mikey.sign.not-last")
        }
        s.add("bug-shape::sign-first", "HDR names SIGN as the first payload, followed by T and RAND.", refs: ["RFC 3830 §6.5", "RFC 3830 §6.1"], flags: ["bug-shape-sign-not-last"]) { g in
            let rest = try MIKEYMessage(header: g.header(.dhInit, map: g.srtpMap()), payloads: [g.t(), g.rand()]).encoded()
            let hdr = try MIKEYMessage(header: g.header(.dhInit, map: g.srtpMap()), payloads: []).encoded()
            var b = patched(hdr, 2, PayloadType.sign.rawValue)
            b += [0x00, 0x08] + g.bytes(8)
            b += rest.dropFirst(hdr.count)
            return .rejected(b, "mikey.sign.not-last")
        }
        s.add("bug-shape::zero-length-extensions", "200 General Extensions of Length 0 chained to each other, the last naming another extension that never comes.",
              refs: ["RFC 3830 §6.15", "RFC 3830 §6.1"], flags: ["bug-shape-never-advancing", "truncated", "peer-gstreamer-loop"]) { g in
            var b = try MIKEYMessage(header: g.header(.psk, map: g.srtpMap()), payloads: []).encoded()
            b[2] = PayloadType.generalExtension.rawValue
            for _ in 0..<200 { b += [PayloadType.generalExtension.rawValue, 0, 0, 0] }
            return .rejected(b, "mikey.truncated")
        }
        s.add("bug-shape::zero-length-rands", "100 empty RAND payloads chained to each other, then the input ends.", refs: ["RFC 3830 §6.11"], flags: ["bug-shape-never-advancing", "bug-shape-rand-empty", "truncated"]) { g in
            var b = try MIKEYMessage(header: g.header(.psk, map: g.srtpMap()), payloads: []).encoded()
            b[2] = PayloadType.rand.rawValue
            for _ in 0..<100 { b += [PayloadType.rand.rawValue, 0] }
            return .rejected(b, "mikey.truncated")
        }
        s.add("bug-shape::self-naming-extension-valid", "Five empty General Extensions chained 21 → 21 → … → T, then a valid PSK message: every payload advances, so it decodes.",
              refs: ["RFC 3830 §6.15"], flags: ["bug-shape-never-advancing", "peer-gstreamer-loop"]) { g in
            .valid(try g.pskInit().with { m in
                for _ in 0..<5 { m.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .sdpIDs, data: [])), at: 0) }
            }).protected(with: MIKEYKeys(("psk", g.key())))
        }
        s.add("bug-shape::generic-id-max-entries", "GENERIC-ID map with #CS = 255 minimal entries (6 bytes each), TRANSFER_INIT.",
              refs: ["RFC 6043 §6.1.1"], flags: ["boundary-length", "peer-gstreamer-generic-id", "peer-wireshark-generic-id"]) { g in
            let entries = (0..<255).map { GenericIDMapEntry(csID: UInt8($0), protType: .srtp, policies: [0]) }
            return .valid(g.transferInit(entries: entries)).noDecoded()
        }
        s.add("bug-shape::srtp-map-255-entries", "SRTP-ID map with #CS = 255 (2295 bytes of map info).", refs: ["RFC 3830 §6.1.1"], flags: ["boundary-length", "ambiguity-01-srtp-map-info-length"]) { g in
            .valid(try g.pskInit(map: g.srtpMap(255))).protected(with: MIKEYKeys(("psk", g.key()))).noDecoded()
        }
    }

    // MARK: limits (mediasec's hard limits for hostile input)

    static func limits(_ s: VectorSet) {
        /// `depth` TP payloads, each TP Data holding the next TP and the
        /// mandatory IDRr (RFC 6043 §6.10), the innermost only the IDRr.
        func nestedTP(_ depth: Int, _ g: Fixtures) -> Payload {
            var p: Payload? = nil
            for _ in 0..<depth {
                let tpData = (p.map { [$0] } ?? []) + [g.idr(.responder, Fixtures.bob)]
                p = .ticketPolicy(TicketPolicyPayload(policy: TicketPolicy(flags: Fixtures.standardFlags, tpData: tpData)))
            }
            return p!
        }
        s.add("limits::tp-nesting-4", "TP payloads nested 4 deep (TP Data holding a TP and an IDRr …): within mediasec's depth limit; unexpected in TP Data.",
              refs: ["RFC 6043 §6.10", "mediasec limits"], flags: ["hostile-input"]) { g in
            guard case .ticketPolicy(let tp) = nestedTP(4, g) else { throw GenerationError(description: "no TP") }
            return .acceptable(try g.requestInitPSK(tpData: tp.policy.tpData), [R.tpUnexpected])
        }
        s.add("limits::tp-nesting-5", "TP payloads nested 5 deep: beyond mediasec's depth limit of 4.", refs: ["mediasec limits", "RFC 6043 §6.10"], flags: ["hostile-input"]) { g in
            guard case .ticketPolicy(let tp) = nestedTP(5, g) else { throw GenerationError(description: "no TP") }
            return .rejected(try g.requestInitPSK(tpData: tp.policy.tpData).encoded(), "mikey.limit.depth")
        }
        s.add("limits::payloads-4097", "4097 empty RAND payloads: more payloads than mediasec's limit of 4096.", refs: ["mediasec limits", "RFC 3830 §6.11"], flags: ["hostile-input", "bug-shape-never-advancing"]) { g in
            var b = try MIKEYMessage(header: g.header(.psk, map: g.srtpMap()), payloads: []).encoded()
            b[2] = PayloadType.rand.rawValue
            for i in 0..<4097 { b += [i == 4096 ? 0 : PayloadType.rand.rawValue, 0] }
            return .rejected(b, "mikey.limit.payloads")
        }
        s.add("limits::payloads-4096", "A PSK I_MESSAGE of exactly 4096 payloads (4093 empty General Extensions): at the limit, valid.",
              refs: ["mediasec limits", "RFC 3830 §6.15"], flags: ["hostile-input", "boundary-length"]) { g in
            .valid(try g.pskInit(ids: false, sp: false).with { m in
                for _ in 0..<4093 { m.payloads.insert(.generalExtension(GeneralExtensionPayload(type: .sdpIDs, data: [])), at: 2) }
            }).protected(with: MIKEYKeys(("psk", g.key()))).noDecoded()
        }
    }
}

/// Encoded length of a Ticket Policy's TP Data field (for byte offsets).
enum PolicyLength {
    static func tpData(_ p: TicketPolicy) throws -> Int {
        let tp = try MIKEYMessage(header: CommonHeader(dataType: .psk, csbID: 0, csIDMap: .empty(csCount: 0)),
                                  payloads: [.ticketPolicy(TicketPolicyPayload(policy: p))]).encoded()
        return tp.count - 10 - 10   // HDR (10) and the TP's Next Payload, fixed fields and TP Data length (10)
    }
}
