import MediasecCore

/// The decoded tree of the CLI's `--json` contract: fields named after the
/// spec in lowerCamelCase, code points as integers, byte strings as
/// lowercase hex, identities as UTF-8 strings when printable. Every payload
/// object carries its own `payloadType`, and `offset`/`length` when the
/// tree is built from a decoded input.
public enum MIKEYJSON {
    public static func tree(_ d: DecodedMIKEYMessage, profile: CodePointProfile = .default) -> JSONValue {
        tree(d.message, headerRange: d.headerRange, spans: d.spans, profile: profile)
    }

    public static func tree(_ m: MIKEYMessage, headerRange: Range<Int>? = nil, spans: [PayloadSpan]? = nil, profile: CodePointProfile = .default) -> JSONValue {
        .object([
            ("hdr", header(m.header, next: m.payloads.first?.type ?? .last, range: headerRange, profile: profile)),
            ("payloads", chain(m.payloads, spans: spans, profile: profile)),
        ])
    }

    static func hex(_ b: [UInt8]) -> JSONValue { .string(Hex.encode(b)) }
    static func int<T: BinaryInteger>(_ v: T) -> JSONValue { .int(Int(v)) }

    /// Printable UTF-8 (no control characters) as a string, else hex.
    public static func identity(_ b: [UInt8]) -> (JSONValue, String) {
        if let s = printable(b) { return (.string(s), "utf8") }
        return (hex(b), "hex")
    }

    public static func printable(_ b: [UInt8]) -> String? {
        guard let s = String(validating: b, as: UTF8.self) else { return nil }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) { return nil }
        return s
    }

    static func header(_ h: CommonHeader, next: PayloadType, range: Range<Int>?, profile: CodePointProfile) -> JSONValue {
        var o: [(String, JSONValue)] = [("payloadType", .string("HDR"))]
        if let r = range { o += [("offset", .int(r.lowerBound)), ("length", .int(r.count))] }
        o += [
            ("version", int(h.version)), ("dataType", int(h.dataType.rawValue)), ("dataTypeName", .string(h.dataType.name ?? "unassigned")),
            ("nextPayload", int(next.rawValue)), ("v", .bool(h.verifyFlag)), ("prfFunc", int(h.prfFunction.rawValue)),
            ("csbId", int(h.csbID)), ("csCount", .int(h.csIDMap.csCount)), ("csIdMapType", int(h.csIDMap.type.rawValue)),
        ]
        switch h.csIDMap {
        case .srtp(let e):
            o.append(("csIdMapInfo", .array(e.map { .object([("policyNo", int($0.policyNumber)), ("ssrc", int($0.ssrc)), ("roc", int($0.roc))]) })))
        case .empty:
            o.append(("csIdMapInfo", .array([])))
        case .generic(let e):
            o.append(("csIdMapInfo", .array(e.map { g in
                var f: [(String, JSONValue)] = [
                    ("csId", int(g.csID)), ("protType", int(g.protType.rawValue)),
                    ("protTypeName", profile.name(of: g.protType).map { .string($0) } ?? .null),
                    ("s", .bool(g.sFlag)), ("policyCount", .int(g.policies.count)), ("ps", .array(g.policies.map { int($0) })),
                    ("sessionData", hex(g.sessionData)), ("spi", hex(g.spi)),
                ]
                if g.protType == .srtp, let s = g.srtpSessionData {
                    f.append(("srtpSessionData", .object([("ssrc", int(s.ssrc)), ("roc", s.roc.map { int($0) } ?? .null), ("seq", s.seq.map { int($0) } ?? .null)])))
                }
                return .object(f)
            })))
        }
        return .object(o)
    }

    static func chain(_ payloads: [Payload], spans: [PayloadSpan]?, profile: CodePointProfile) -> JSONValue {
        .array(payloads.enumerated().map { i, p in
            let next: PayloadType? = {
                if case .sign = p { return nil }
                return i + 1 < payloads.count ? payloads[i + 1].type : .last
            }()
            let span = spans.flatMap { i < $0.count ? $0[i] : nil }
            return payload(p, next: next, span: span, profile: profile)
        })
    }

    static func nestedSpans(_ span: PayloadSpan?, _ name: String) -> [PayloadSpan]? {
        span?.nested.first { $0.name == name }?.spans
    }

    public static func payload(_ p: Payload, next: PayloadType?, span: PayloadSpan?, profile: CodePointProfile) -> JSONValue {
        var o: [(String, JSONValue)] = [("payloadType", int(p.type.rawValue)), ("name", .string(p.type.name ?? "?"))]
        if let s = span { o += [("offset", .int(s.range.lowerBound)), ("length", .int(s.range.count))] }
        if let n = next { o.append(("nextPayload", int(n.rawValue))) }
        switch p {
        case .kemac(let k):
            o += [("encrAlg", int(k.encryptionAlgorithm.rawValue)), ("encrDataLen", .int(k.encryptedData.count)), ("encrData", hex(k.encryptedData))]
            if k.encryptionAlgorithm == .null {
                do {
                    let sub = try k.plainKeyData(profile: profile)
                    o.append(("keyData", chain(sub, spans: nil, profile: profile)))
                } catch {
                    o.append(("keyDataError", .string(error.code)))
                }
            }
            o += [("macAlg", int(k.macAlgorithm.rawValue)), ("mac", hex(k.mac))]
        case .pke(let e):
            o += [("c", int(e.cache.rawValue)), ("dataLen", .int(e.data.count)), ("data", hex(e.data))]
        case .dh(let d):
            o += [("dhGroup", int(d.group.rawValue)), ("dhValue", hex(d.value)), ("reserved", int(d.reserved)), ("kv", int(d.validity.type.rawValue))]
            o += validity(d.validity)
        case .sign(let s):
            o += [("sType", int(s.signatureType.rawValue)), ("signatureLen", .int(s.signature.count)), ("signature", hex(s.signature))]
        case .timestamp(let t):
            o += [("tsType", int(t.tsType.rawValue)), ("tsValue", hex(t.value))]
        case .id(let d):
            o += idFields(d.idType, d.data)
        case .cert(let c):
            o += [("certType", int(c.certType.rawValue)), ("certLen", .int(c.data.count)), ("certData", hex(c.data))]
        case .certHash(let c):
            o += [("hashFunc", int(c.hashFunction.rawValue)), ("hash", hex(c.hash))]
        case .verification(let v):
            o += [("authAlg", int(v.authAlgorithm.rawValue)), ("verData", hex(v.verificationData))]
        case .securityPolicy(let s):
            o += [("policyNo", int(s.policyNumber)), ("protType", int(s.protType.rawValue)),
                  ("protTypeName", profile.name(of: s.protType).map { .string($0) } ?? .null),
                  ("policyParams", .array(s.parameters.map { pp in
                      var f: [(String, JSONValue)] = [("type", int(pp.type)), ("length", .int(pp.value.count)), ("value", hex(pp.value))]
                      if s.protType == .srtp, let n = SRTPPolicyParameterType(rawValue: pp.type).name { f.append(("typeName", .string(n))) }
                      return .object(f)
                  }))]
        case .rand(let r):
            o += [("randLen", .int(r.rand.count)), ("rand", hex(r.rand))]
        case .error(let e):
            o += [("errNo", int(e.errorNumber.rawValue)), ("errName", e.errorNumber.name.map { .string($0) } ?? .null), ("reserved", int(e.reserved))]
        case .timestampRole(let t):
            o += [("tsRole", int(t.role.rawValue)), ("tsType", int(t.tsType.rawValue)), ("tsValue", hex(t.value))]
        case .idRole(let d):
            o.append(("idRole", int(d.role.rawValue)))
            o += idFields(d.idType, d.data)
        case .randRole(let r):
            o += [("randRole", int(r.role.rawValue)), ("randLen", .int(r.rand.count)), ("rand", hex(r.rand))]
        case .ticketPolicy(let tp):
            o += policy(tp.policy, span: span, profile: profile)
        case .ticket(let t):
            o += policy(t.policy, span: span, profile: profile)
            switch t.ticketData {
            case .base(let b):
                o.append(("ticketData", .object([
                    ("thdrData", hex(b.thdrData)),
                    ("payloads", chain(b.payloads, spans: nestedSpans(span, "ticketData"), profile: profile)),
                ])))
            case .opaque(let d):
                o.append(("ticketData", hex(d)))
            }
            o.append(("initiatorData", chain(t.initiatorData, spans: nestedSpans(span, "initiatorData"), profile: profile)))
        case .keyData(let k):
            o += [("keyDataType", int(k.type.rawValue)), ("kv", int(k.validity.type.rawValue)), ("keyDataLen", .int(k.keyData.count)), ("keyData", hex(k.keyData))]
            if let s = k.salt { o += [("saltLen", .int(s.count)), ("saltData", hex(s))] }
            o += validity(k.validity)
        case .generalExtension(let g):
            o += [("type", int(g.type.rawValue)), ("typeName", profile.name(of: g.type).map { .string($0) } ?? .null), ("dataLen", .int(g.data.count)), ("data", hex(g.data))]
            do {
                switch try g.content(profile: profile) {
                case .opaque: break
                case .keyID(let ids):
                    o.append(("keyIds", .array(ids.map { .object([("keyIdType", int($0.type)), ("keyId", hex($0.keyID))]) })))
                case .csbID(let v):
                    o.append(("csbId", int(v)))
                case .omaBCAST(let sub, let d):
                    o += [("subtype", int(sub)), ("subtypeData", hex(d))]
                case .imsConference(let ids):
                    o.append(("participants", chain(ids.map { .id($0) }, spans: nil, profile: profile)))
                case .proofOfOrigin(let d):
                    o.append(("proofOfOrigin", hex(d)))
                }
            } catch {
                o.append(("contentError", .string(error.code)))
            }
        case .sakke(let s):
            o += [("sakkeParams", int(s.params.rawValue)), ("idScheme", int(s.idScheme.rawValue)), ("sakkeDataLen", .int(s.data.count)), ("sakkeData", hex(s.data))]
        }
        return .object(o)
    }

    static func idFields(_ t: IDType, _ data: [UInt8]) -> [(String, JSONValue)] {
        let (v, enc) = identity(data)
        return [("idType", int(t.rawValue)), ("idLen", .int(data.count)), ("idData", v), ("idDataEncoding", .string(enc))]
    }

    static func validity(_ v: KeyValidity) -> [(String, JSONValue)] {
        switch v {
        case .null: return []
        case .spi(let s): return [("spi", hex(s))]
        case .interval(let f, let t): return [("validFrom", hex(f)), ("validTo", hex(t))]
        }
    }

    static func policy(_ p: TicketPolicy, span: PayloadSpan?, profile: CodePointProfile) -> [(String, JSONValue)] {
        [
            ("ticketType", int(p.ticketType.rawValue)), ("subtype", int(p.subtype)), ("version", int(p.version)),
            ("prfFunc", int(p.prfFunction.rawValue)), ("flags", .string(p.flags.letterString)), ("reserved", int(p.reserved)),
            ("tpData", chain(p.tpData, spans: nestedSpans(span, "tpData"), profile: profile)),
        ]
    }
}
