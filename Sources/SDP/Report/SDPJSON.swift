import MediasecCore
import MIKEY

/// The decoded tree of the CLI's `--json` contract: field names in
/// lowerCamelCase after the specs, numbers as integers (as strings when
/// they do not fit 64 bits), text as UTF-8 strings (hex with an
/// `…Encoding: "hex"` marker when not printable UTF-8). Every line-based
/// object carries its 1-based `line`, absolute `offset` and `lineEnding`.
/// A key-mgmt `mikey` message is nested as the MIKEY module's own tree;
/// offsets inside that tree count from the first byte of the decoded
/// key-mgmt data, not from the SDP text.
public enum SDPJSON {
    public static func tree(_ d: DecodedSessionDescription, codePoints: CodePointProfile = .default, limits: SDPLimits = .default) -> JSONValue {
        let idx = SDPIndex(d, limits: limits)
        var counts: [LineEnding: Int] = [:]
        for l in d.lines { counts[l.ending, default: 0] += 1 }
        return .object([
            ("lineCount", .int(d.lines.count)),
            ("lineEndings", .object(LineEnding.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })),
            ("session", session(idx, codePoints: codePoints)),
            ("media", .array((0..<idx.mediaCount).map { media(idx, $0, codePoints: codePoints) })),
        ])
    }

    static func decimal(_ t: DecimalToken) -> JSONValue {
        if let v = t.value, v <= UInt64(Int.max) { return .int(Int(v)) }
        return .string(t.text)
    }

    static func text(_ b: [UInt8]) -> JSONValue {
        if let s = MIKEYJSON.printable(b) { return .string(s) }
        return .string(Hex.encode(b))
    }

    static func text(_ b: ArraySlice<UInt8>) -> JSONValue { text(Array(b)) }

    static func lineInfo(_ idx: SDPIndex, _ i: Int) -> [(String, JSONValue)] {
        [("line", .int(i + 1)), ("offset", .int(idx.lineOffset(i))), ("lineEnding", .string(idx.d.lines[i].ending.rawValue))]
    }

    /// A field decoded by `decode`, or its error.
    static func field<T>(_ idx: SDPIndex, _ i: Int, _ decode: ([UInt8], Int) throws(DecodingError) -> T, _ render: (T) -> [(String, JSONValue)]) -> JSONValue {
        let l = idx.d.lines[i]
        var o = lineInfo(idx, i)
        do {
            o += render(try decode(l.value, idx.d.valueOffset(ofLine: i)))
        } catch {
            o += [("value", text(l.bytes)), ("error", errorJSON(error))]
        }
        return .object(o)
    }

    static func errorJSON(_ e: DecodingError) -> JSONValue {
        .object([("code", .string(e.code)), ("offset", .int(e.offset)), ("path", .string(e.path)), ("message", .string(e.message))])
    }

    static func connection(_ idx: SDPIndex, _ i: Int, _ path: String) -> JSONValue {
        field(idx, i, { (v, b) throws(DecodingError) in try ConnectionField.decode(v, base: b, path: path) }) { c in
            [("netType", .string(c.netType)), ("addrType", .string(c.addrType)), ("connectionAddress", .string(c.address)),
             ("ttl", c.ttl.map(decimal) ?? .null), ("numberOfAddresses", c.numberOfAddresses.map(decimal) ?? .null),
             ("multicast", .bool(c.isMulticast))]
        }
    }

    static func bandwidth(_ idx: SDPIndex, _ i: Int, _ path: String) -> JSONValue {
        field(idx, i, { (v, b) throws(DecodingError) in try BandwidthField.decode(v, base: b, path: path) }) { bw in
            [("bwType", .string(bw.bwType)), ("bandwidth", decimal(bw.bandwidth))]
        }
    }

    static func textLine(_ idx: SDPIndex, _ i: Int) -> JSONValue {
        .object(lineInfo(idx, i) + [("value", text(idx.d.lines[i].bytes))])
    }

    static func session(_ idx: SDPIndex, codePoints: CodePointProfile) -> JSONValue {
        let sd = idx.d.sessionDescription
        var o: [(String, JSONValue)] = []
        var times: [JSONValue] = []
        var currentTime: [(String, JSONValue)]? = nil
        var repeats: [JSONValue] = []
        var zone: JSONValue = .null
        func flushTime() {
            if var t = currentTime {
                t += [("repeats", .array(repeats)), ("zone", zone)]
                times.append(.object(t))
            }
            currentTime = nil
            repeats = []
            zone = .null
        }
        var emails: [JSONValue] = [], phones: [JSONValue] = [], bandwidths: [JSONValue] = []
        var version: JSONValue = .null, origin: JSONValue = .null, name: JSONValue = .null, info: JSONValue = .null
        var uri: JSONValue = .null, conn: JSONValue = .null, key: JSONValue = .null
        for i in idx.sections.session {
            let l = sd.lines[i]
            switch l.type {
            case 0x76: version = textLine(idx, i)
            case 0x6f:
                origin = field(idx, i, { (v, b) throws(DecodingError) in try OriginField.decode(v, base: b, path: "session.origin") }) { f in
                    [("username", .string(f.username)), ("sessId", decimal(f.sessionID)), ("sessVersion", decimal(f.sessionVersion)),
                     ("netType", .string(f.netType)), ("addrType", .string(f.addrType)), ("unicastAddress", .string(f.unicastAddress))]
                }
            case 0x73: name = textLine(idx, i)
            case 0x69: info = textLine(idx, i)
            case 0x75: uri = textLine(idx, i)
            case 0x65: emails.append(textLine(idx, i))
            case 0x70: phones.append(textLine(idx, i))
            case 0x63: conn = connection(idx, i, "session.connection")
            case 0x62: bandwidths.append(bandwidth(idx, i, "session.bandwidths[\(bandwidths.count)]"))
            case 0x74:
                flushTime()
                if case .object(let f) = field(idx, i, { (v, b) throws(DecodingError) in try TimeField.decode(v, base: b, path: "session.times[\(times.count)]") }, { t in
                    [("startTime", decimal(t.startTime)), ("stopTime", decimal(t.stopTime))]
                }) { currentTime = f }
            case 0x72:
                repeats.append(field(idx, i, { (v, b) throws(DecodingError) in try RepeatField.decode(v, base: b, path: "session.repeat") }) { r in
                    [("repeatInterval", .string(r.interval.description)), ("activeDuration", .string(r.activeDuration.description)),
                     ("offsets", .array(r.offsets.map { .string($0.description) }))]
                })
            case 0x7a:
                zone = field(idx, i, { (v, b) throws(DecodingError) in try ZoneField.decode(v, base: b, path: "session.zone") }) { z in
                    [("adjustments", .array(z.adjustments.map { .object([("time", decimal($0.time)), ("offset", .string(($0.negative ? "-" : "") + $0.offset.description))]) }))]
                }
            case 0x6b: key = textLine(idx, i)
            default: break
            }
        }
        flushTime()
        o += [("version", version), ("origin", origin), ("sessionName", name), ("information", info), ("uri", uri),
              ("emails", .array(emails)), ("phones", .array(phones)), ("connection", conn), ("bandwidths", .array(bandwidths)),
              ("times", .array(times)), ("key", key), ("attributes", attributes(idx, .session, codePoints: codePoints))]
        return .object(o)
    }

    static func media(_ idx: SDPIndex, _ mi: Int, codePoints: CodePointProfile) -> JSONValue {
        let sd = idx.d.sessionDescription
        let r = idx.sections.media[mi]
        var o = lineInfo(idx, r.lowerBound)
        switch idx.media[mi].field {
        case .success(let m):
            o += [("media", .string(m.media)), ("port", decimal(m.port)), ("numberOfPorts", m.numberOfPorts.map(decimal) ?? .null),
                  ("proto", .string(m.proto)), ("fmts", .array(m.formats.map { .string($0) }))]
            if let info = m.transport.info {
                o += [("security", .string(info.security.rawValue)), ("application", .string(info.application.rawValue))]
            }
        case .failure(let e):
            o += [("value", text(sd.lines[r.lowerBound].bytes)), ("error", errorJSON(e))]
        }
        var info: JSONValue = .null, key: JSONValue = .null
        var conns: [JSONValue] = [], bws: [JSONValue] = []
        for i in r.dropFirst() {
            switch sd.lines[i].type {
            case 0x69: info = textLine(idx, i)
            case 0x63: conns.append(connection(idx, i, "media[\(mi)].connections[\(conns.count)]"))
            case 0x62: bws.append(bandwidth(idx, i, "media[\(mi)].bandwidths[\(bws.count)]"))
            case 0x6b: key = textLine(idx, i)
            default: break
            }
        }
        let km = idx.effective(mi, SDPIndex.keyMgmt)
        o += [("information", info), ("connections", .array(conns)), ("bandwidths", .array(bws)), ("key", key),
              ("keyMgmtLevel", km.items.isEmpty ? .null : .string(km.level == .session ? "session" : "media")),
              ("attributes", attributes(idx, .media(mi), codePoints: codePoints))]
        return .object(o)
    }

    static func attributes(_ idx: SDPIndex, _ level: SDPLevel, codePoints: CodePointProfile) -> JSONValue {
        .array(idx.attrs(level).map { e in
            let a = e.located.attribute
            var o: [(String, JSONValue)] = [("name", .string(a.name))] + lineInfo(idx, e.located.lineIndex)
            o.append(("value", a.value.map(text) ?? .null))
            if let da = e.decoded {
                let key = SDPAttributeRegistry.entries[a.name]?.jsonKey ?? a.name
                switch da.result {
                case .success(let t): o.append((key, typed(t, codePoints: codePoints)))
                case .failure(let err): o.append(("error", errorJSON(err)))
                }
            }
            return .object(o)
        })
    }

    /// The JSON object of one typed attribute value.
    public static func typed(_ t: TypedAttribute, codePoints: CodePointProfile = .default) -> JSONValue {
        switch t {
        case .crypto(let c): return crypto(c)
        case .fingerprint(let f):
            return .object([("hashFunction", .string(f.hashFunction.rawValue)), ("fingerprint", .string(f.fingerprint)),
                            ("byteCount", .int(f.bytes.count)), ("digestLength", f.hashFunction.info.map { .int($0.digestLength) } ?? .null)])
        case .keyMgmt(let k): return keyMgmt(k, codePoints: codePoints)
        case .setup(let s): return .object([("role", .string(s.role.rawValue))])
        case .connection(let c): return .object([("value", .string(c.value.rawValue))])
        case .tlsID(let v): return .object([("value", .string(v.value)), ("length", .int(v.value.utf8.count))])
        case .e2ae(let e): return .object([("value", .string(e.value)), ("indication", e.indication.map { .string($0.rawValue) } ?? .null)])
        case .path(let p):
            return .object([("uris", .array(p.uris.map { u in
                .object([("scheme", .string(u.scheme)), ("userinfo", u.userinfo.map { .string($0) } ?? .null), ("host", .string(u.host)),
                         ("port", u.port.map { p in DecimalToken(text: p).map(decimal) ?? .string(p) } ?? .null),
                         ("sessionId", u.sessionID.map { .string($0) } ?? .null), ("transport", .string(u.transport)),
                         ("parameters", .array(u.parameters.map { .string($0) }))])
            }))])
        case .acceptTypes(let a), .acceptWrappedTypes(let a): return .object([("entries", .array(a.entries.map { .string($0) }))])
        case .floorControl(let f): return .object([("roles", .array(f.roles.map { .string($0.rawValue) }))])
        case .conferenceID(let c): return .object([("conferenceId", decimal(c.conferenceID))])
        case .userID(let u): return .object([("userId", decimal(u.userID))])
        case .floorID(let f):
            return .object([("floorId", decimal(f.floorID)), ("label", .string(f.label)), ("mediaStreams", .array(f.mediaStreams.map { .string($0) }))])
        }
    }

    static func keyParam(_ k: CryptoKeyParameter, _ info: SRTPCryptoSuite.Info?) -> JSONValue {
        guard let key = k.inlineKey else { return .object([("method", .string(k.method)), ("info", .string(k.encodedValue))]) }
        var o: [(String, JSONValue)] = [("method", .string(key.method)), ("keySalt", .string(key.keySalt))]
        if let b = key.keySaltBytes {
            o.append(("keySaltLength", .int(b.count)))
            if let info, b.count == info.keySaltLength {
                o += [("masterKey", .string(Hex.encode(b[0..<info.keyLength]))), ("masterSalt", .string(Hex.encode(b[info.keyLength...])))]
            }
        }
        o.append(("lifetime", key.lifetime.map { l in
            .object([("text", .string(l.description)), ("powerOfTwo", .bool(l.powerOfTwo)),
                     ("value", l.value.map { $0 <= UInt64(Int.max) ? .int(Int($0)) : .string(String($0)) } ?? .null)])
        } ?? .null))
        o.append(("mki", key.mki.map { .object([("value", decimal($0.value)), ("length", decimal($0.length))]) } ?? .null))
        return .object(o)
    }

    static func crypto(_ c: CryptoAttribute) -> JSONValue {
        let info = c.suite.info
        return .object([
            ("tag", decimal(c.tag)), ("suite", .string(c.suite.rawValue)),
            ("suiteRegistered", .bool(info?.registered ?? false)),
            ("keyParams", .array(c.keyParams.map { keyParam($0, info) })),
            ("sessionParams", .array(c.sessionParams.map { p in
                var o: [(String, JSONValue)] = [("name", .string(p.name)), ("kind", .string(p.kind == .optionalExtension ? "optionalExtension" : p.kind == .unknownMandatory ? "unknownMandatory" : p.kind.rawValue))]
                switch p.value {
                case .none: o.append(("value", .null))
                case .decimal(let d): o.append(("value", decimal(d)))
                case .text(let t): o.append(("value", .string(t)))
                case .keyParams(let k): o.append(("keyParams", .array(k.map { keyParam($0, info) })))
                }
                return .object(o)
            })),
        ])
    }

    static func keyMgmt(_ k: KeyMgmtAttribute, codePoints: CodePointProfile) -> JSONValue {
        var o: [(String, JSONValue)] = [("protocolId", .string(k.protocolID)), ("data", .string(k.data))]
        switch k.decodedData {
        case .failure(let e): o.append(("dataError", .string(e.rawValue)))
        case .success(let b):
            o.append(("dataLength", .int(b.count)))
            if k.isMIKEY {
                do {
                    o.append(("mikey", MIKEYJSON.tree(try MIKEYDecoder(profile: codePoints).decode(b), profile: codePoints)))
                } catch {
                    o.append(("mikeyError", errorJSON(error)))
                }
            }
        }
        return .object(o)
    }
}
