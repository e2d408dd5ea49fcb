import MediasecCore

/// Walks and writes Next-Payload chains (RFC 3830 §5.2, §6.1). The same code
/// serves the top-level message and every nested chain (KEMAC key data, TP
/// Data, Ticket Data, Initiator Data, the Annex C participant list), so the
/// strictness rules are the same everywhere:
///
/// - a payload type with no known layout stops the chain with
///   `mikey.payload.unknown-type` (its length cannot be known);
/// - SIGN has no Next Payload field, so it ends the chain; bytes after it
///   are `mikey.sign.not-last`;
/// - bytes after the payload whose Next Payload is 0 are `mikey.trailing-data`;
/// - nesting depth and payload count are bounded by ``DecodingLimits``.
enum PayloadChainCodec {
    static func decodeChain(
        _ c: inout ByteCursor, firstType: PayloadType, typeFieldOffset: Int? = nil, typeFieldPath: String? = nil, ctx: inout DecodeContext,
        pathPrefix: String, spans: inout [PayloadSpan], requireEnd: Bool
    ) throws(DecodingError) -> [Payload] {
        var type = firstType
        var typeAt = typeFieldOffset ?? c.position
        var out: [Payload] = []
        // A fixed small capacity (never one derived from the input): the
        // common messages have up to six payloads.
        if type != .last { out.reserveCapacity(6) }
        var endedWithSign = false
        while type != .last {
            let index = out.count
            ctx.payloadCount += 1
            if ctx.payloadCount > ctx.limits.maxPayloads {
                throw DecodingError(code: "mikey.limit.payloads", offset: c.position, path: "\(pathPrefix)[\(index)]", specRef: "mediasec limits",
                                    message: "more than \(ctx.limits.maxPayloads) payloads in one message")
            }
            let start = c.position
            if type != .sign && !isKnown(type) {
                // Reported against the field that named the type: the
                // previous payload's Next Payload, or the chain's first-type field.
                let field = index == 0 ? (typeFieldPath ?? "\(pathPrefix).firstPayload") : "\(pathPrefix)[\(index - 1)].nextPayload"
                throw unknownType(type, at: typeAt, path: field)
            }
            do throws(DecodingError) {
                if type == .sign {
                    out.append(.sign(try SignaturePayload.decodeBody(&c, &ctx)))
                    endedWithSign = true
                    if ctx.recordSpans { spans.append(PayloadSpan(type: .sign, range: start..<c.position, authField: (start + 2)..<c.position)) }
                    if !c.isAtEnd {
                        throw DecodingError(code: "mikey.sign.not-last", offset: c.position, path: "", specRef: "RFC 3830 §6.5",
                                            message: "\(c.readableBytes) byte(s) follow the SIGN payload, which has no Next Payload field and must be last")
                    }
                    break
                }
                let next = PayloadType(rawValue: try c.mikeyU8("nextPayload"))
                // The payload goes straight into `out` (no copy of the
                // enum); a span exists only when spans are recorded (the
                // model-only path builds and destroys no PayloadSpan).
                if ctx.recordSpans {
                    var s = PayloadSpan(type: type, range: start..<start)
                    try withUnsafeMutablePointer(to: &s) { (p) throws(DecodingError) in
                        try decodeBody(type, &c, &ctx, span: p, into: &out)
                    }
                    s.range = start..<c.position
                    spans.append(s)
                } else {
                    try decodeBody(type, &c, &ctx, span: nil, into: &out)
                }
                typeAt = start
                type = next
            } catch {
                var e = error
                if e.code == "truncated" { e.code = "mikey.truncated" }
                if !e.path.hasPrefix(pathPrefix + "[") {
                    e.path = ByteCursor.join("\(pathPrefix)[\(index)]", e.path)
                }
                throw e
            }
        }
        if requireEnd && !c.isAtEnd && !endedWithSign {
            throw DecodingError(code: "mikey.trailing-data", offset: c.position, path: pathPrefix, specRef: "RFC 3830 §6.1",
                                message: "\(c.readableBytes) byte(s) follow the last payload (Next Payload 0)")
        }
        return out
    }

    /// A chain that starts with one byte naming the first payload (TP Data,
    /// Initiator Data; RFC 6043 §6.10). Length 0 is the empty chain.
    static func decodeLeadingTypeChain(_ c: inout ByteCursor, ctx: inout DecodeContext, pathPrefix: String, spans: inout [PayloadSpan]) throws(DecodingError) -> [Payload] {
        if c.isAtEnd { return [] }
        let at = c.position
        let first = PayloadType(rawValue: try c.mikeyU8("\(pathPrefix).firstPayload"))
        if first == .last {
            throw DecodingError(code: "mikey.chain.empty-leading-type", offset: at, path: "\(pathPrefix).firstPayload", specRef: "RFC 6043 §6.10",
                                message: "a chain holding only a 'Last payload' type byte is not canonical; an empty chain has length 0")
        }
        ctx.depth += 1
        defer { ctx.depth -= 1 }
        if ctx.depth > ctx.limits.maxDepth {
            throw DecodingError(code: "mikey.limit.depth", offset: at, path: pathPrefix, specRef: "mediasec limits",
                                message: "payload chains nested deeper than \(ctx.limits.maxDepth)")
        }
        return try decodeChain(&c, firstType: first, typeFieldOffset: at, ctx: &ctx, pathPrefix: pathPrefix, spans: &spans, requireEnd: true)
    }

    static func isKnown(_ t: PayloadType) -> Bool {
        switch t.rawValue {
        case 1...17, 20, 21, 26: return true
        default: return false
        }
    }

    static func unknownType(_ t: PayloadType, at: Int, path: String) -> DecodingError {
        let why: String
        switch t.rawValue {
        case 22...25: why = "\(t) (RFC 6267 IBAKE) is not supported by this suite; its length cannot be known"
        case 241...255: why = "private-use payload type \(t.rawValue) has no known layout; its length cannot be known"
        default: why = "payload type \(t) has no known layout; its length cannot be known"
        }
        return DecodingError(code: "mikey.payload.unknown-type", offset: at, path: path, specRef: "RFC 3830 §6.1", message: why)
    }

    static func decodeBody(_ type: PayloadType, _ c: inout ByteCursor, _ ctx: inout DecodeContext, span: UnsafeMutablePointer<PayloadSpan>?, into out: inout [Payload]) throws(DecodingError) {
        switch type.rawValue {
        case 1:
            let k = try KEMACPayload.decodeBody(&c, &ctx)
            span?.pointee.authField = (c.position - k.macStorage.count)..<c.position
            out.append(.kemac(k))
        case 2: out.append(.pke(try EnvelopePayload.decodeBody(&c, &ctx)))
        case 3: out.append(.dh(try DHPayload.decodeBody(&c, &ctx)))
        case 5: out.append(.timestamp(try TimestampPayload.decodeBody(&c, &ctx)))
        case 6: out.append(.id(try IDPayload.decodeBody(&c, &ctx)))
        case 7: out.append(.cert(try CertPayload.decodeBody(&c, &ctx)))
        case 8: out.append(.certHash(try CertHashPayload.decodeBody(&c, &ctx)))
        case 9:
            let v = try VerificationPayload.decodeBody(&c, &ctx)
            span?.pointee.authField = (c.position - v.verificationData.count)..<c.position
            out.append(.verification(v))
        case 10: out.append(.securityPolicy(try SecurityPolicyPayload.decodeBody(&c, &ctx)))
        case 11: out.append(.rand(try RANDPayload.decodeBody(&c, &ctx)))
        case 12: out.append(.error(try ErrorPayload.decodeBody(&c, &ctx)))
        case 13: out.append(.timestampRole(try TimestampRolePayload.decodeBody(&c, &ctx)))
        case 14: out.append(.idRole(try IDRPayload.decodeBody(&c, &ctx)))
        case 15: out.append(.randRole(try RANDRPayload.decodeBody(&c, &ctx)))
        case 16:
            var nested: [NestedSpans] = []
            let p = try TicketPolicy.decode(&c, &ctx, pathName: "tp", spans: &nested)
            span?.pointee.nested = nested
            out.append(.ticketPolicy(TicketPolicyPayload(policy: p)))
        case 17:
            var nested: [NestedSpans] = []
            var initiatorDataField: Range<Int>? = nil
            out.append(.ticket(try decodeTicket(&c, &ctx, nested: &nested, initiatorDataField: &initiatorDataField)))
            span?.pointee.nested = nested
            span?.pointee.initiatorDataField = initiatorDataField
        case 20: out.append(.keyData(try KeyDataPayload.decodeBody(&c, &ctx)))
        case 21: out.append(.generalExtension(try GeneralExtensionPayload.decodeBody(&c, &ctx)))
        case 26: out.append(.sakke(try SAKKEPayload.decodeBody(&c, &ctx)))
        default:
            throw unknownType(type, at: c.position, path: "")
        }
    }

    static func decodeTicket(_ c: inout ByteCursor, _ ctx: inout DecodeContext, nested: inout [NestedSpans], initiatorDataField: inout Range<Int>?) throws(DecodingError) -> TicketPayload {
        let policy = try TicketPolicy.decode(&c, &ctx, pathName: "ticket", spans: &nested)
        let tdl = Int(try c.mikeyU16("ticket.ticketDataLen"))
        var td = try c.readSlice(tdl, "ticket.ticketData", code: "mikey.truncated")
        let data: TicketData
        if policy.ticketType == .mikeyBase {
            // RFC 6043 Appendix A: Ticket Data = THDR, T, RAND, KEMAC, [IDRpsk], V.
            guard !td.isAtEnd else {
                throw DecodingError(code: "mikey.ticket.thdr-missing", offset: td.position, path: "ticket.ticketData", specRef: "RFC 6043 Appendix A.1",
                                    message: "a MIKEY base ticket must begin with a Ticket Header payload (THDR)")
            }
            ctx.depth += 1
            defer { ctx.depth -= 1 }
            if ctx.depth > ctx.limits.maxDepth {
                throw DecodingError(code: "mikey.limit.depth", offset: td.position, path: "ticket.ticketData", specRef: "mediasec limits",
                                    message: "payload chains nested deeper than \(ctx.limits.maxDepth)")
            }
            let thdrAt = td.position
            let next = PayloadType(rawValue: try td.mikeyU8("ticket.ticketData.thdr.nextPayload"))
            let n = Int(try td.mikeyU16("ticket.ticketData.thdr.thdrDataLen"))
            let thdr = try td.mikeyBytes(n, "ticket.ticketData.thdr.thdrData")
            var childSpans: [PayloadSpan] = []
            let chain = try decodeChain(&td, firstType: next, typeFieldOffset: thdrAt, typeFieldPath: "ticket.ticketData.thdr.nextPayload", ctx: &ctx, pathPrefix: "ticket.ticketData.payloads", spans: &childSpans, requireEnd: true)
            nested.append(NestedSpans(name: "ticketData", spans: childSpans))
            data = .base(BaseTicket(thdrData: thdr, payloads: chain))
        } else {
            data = .opaque(try td.mikeyBytes(td.readableBytes, "ticket.ticketData"))
        }
        let idStart = c.position
        let idl = Int(try c.mikeyU16("ticket.initiatorDataLen"))
        var idc = try c.readSlice(idl, "ticket.initiatorData", code: "mikey.truncated")
        var childSpans: [PayloadSpan] = []
        let initiator = try decodeLeadingTypeChain(&idc, ctx: &ctx, pathPrefix: "ticket.initiatorData", spans: &childSpans)
        nested.append(NestedSpans(name: "initiatorData", spans: childSpans))
        initiatorDataField = idStart..<c.position
        return TicketPayload(policy: policy, ticketData: data, initiatorData: initiator)
    }

    // MARK: encoding

    static func encodeChain(_ payloads: [Payload], leadingType: Bool, path: String) throws(EncodingError) -> [UInt8] {
        var w = ByteWriter(capacity: 64)
        if payloads.isEmpty { return [] }
        if leadingType { w.writeUInt8(payloads[0].type.rawValue) }
        try encodePayloads(payloads, into: &w, path: path)
        return w.bytes
    }

    static func encodePayloads(_ payloads: [Payload], into w: inout ByteWriter, path: String) throws(EncodingError) {
        for (i, p) in payloads.enumerated() {
            if case .sign(let s) = p {
                guard i == payloads.count - 1 else {
                    throw EncodingError(code: "mikey.encode.sign-not-last", path: "\(path)[\(i)]", message: "SIGN has no Next Payload field and must be the last payload")
                }
                try s.encodeBody(&w)
                continue
            }
            let next: PayloadType = i + 1 < payloads.count ? payloads[i + 1].type : .last
            w.writeUInt8(next.rawValue)
            do throws(EncodingError) {
                try encodeBody(p, into: &w)
            } catch {
                var e = error
                e.path = "\(path)[\(i)].\(e.path)"
                throw e
            }
        }
    }

    static func encodeBody(_ p: Payload, into w: inout ByteWriter) throws(EncodingError) {
        switch p {
        case .kemac(let x): try x.encodeBody(&w)
        case .pke(let x): try x.encodeBody(&w)
        case .dh(let x): try x.encodeBody(&w)
        case .sign(let x): try x.encodeBody(&w)
        case .timestamp(let x): try x.encodeBody(&w)
        case .id(let x): try x.encodeBody(&w)
        case .cert(let x): try x.encodeBody(&w)
        case .certHash(let x): try x.encodeBody(&w)
        case .verification(let x): try x.encodeBody(&w)
        case .securityPolicy(let x): try x.encodeBody(&w)
        case .rand(let x): try x.encodeBody(&w)
        case .error(let x): try x.encodeBody(&w)
        case .timestampRole(let x): try x.encodeBody(&w)
        case .idRole(let x): try x.encodeBody(&w)
        case .randRole(let x): try x.encodeBody(&w)
        case .ticketPolicy(let x): try x.policy.encode(&w, pathName: "tp")
        case .ticket(let x): try encodeTicket(x, into: &w)
        case .keyData(let x): try x.encodeBody(&w)
        case .generalExtension(let x): try x.encodeBody(&w)
        case .sakke(let x): try x.encodeBody(&w)
        }
    }

    static func encodeTicket(_ t: TicketPayload, into w: inout ByteWriter) throws(EncodingError) {
        try t.policy.encode(&w, pathName: "ticket")
        var td = ByteWriter()
        switch t.ticketData {
        case .base(let b):
            guard t.policy.ticketType == .mikeyBase else {
                throw EncodingError(code: "mikey.encode.ticket-data-kind", path: "ticket.ticketData", message: "structured base-ticket data requires Ticket Type 1")
            }
            td.writeUInt8((b.payloads.first?.type ?? .last).rawValue)
            try td.writeLength(b.thdrData.count, bits: 16, path: "ticket.ticketData.thdr.thdrDataLen")
            td.writeBytes(b.thdrData)
            try encodePayloads(b.payloads, into: &td, path: "ticket.ticketData.payloads")
        case .opaque(let d):
            guard t.policy.ticketType != .mikeyBase else {
                throw EncodingError(code: "mikey.encode.ticket-data-kind", path: "ticket.ticketData", message: "Ticket Type 1 data must be a structured base ticket")
            }
            td.writeBytes(d)
        }
        try w.writeLength(td.count, bits: 16, path: "ticket.ticketDataLen")
        w.writeBytes(td.bytes)
        let initiator = try encodeChain(t.initiatorData, leadingType: true, path: "ticket.initiatorData")
        try w.writeLength(initiator.count, bits: 16, path: "ticket.initiatorDataLen")
        w.writeBytes(initiator)
    }
}
