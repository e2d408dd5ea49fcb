import MediasecCore
import SDP

/// Which SDP rules *apply* to an input: the situation their clause speaks
/// about is present (an `a=crypto` for the crypto rules, a DTLS m-line for
/// the DTLS rules, an answer for the answer-only rules, the choice that
/// selects a rule, …). A valid or acceptable vector lists the applicable
/// error/warning rules that do not fire as `absentFindings`: the "held
/// silent" half of rule coverage. The input is read here as plain lines
/// (level, attribute names, m-line fields): it learns which elements exist,
/// never an outcome.
enum SDPRulePreconditions {
    typealias R = SDPRules

    /// One description read as lines.
    struct Shape {
        struct Media {
            var media = ""
            var proto = ""
            var attributes: [(name: String, value: String)] = []
            func has(_ n: String) -> Bool { attributes.contains { $0.name == n } }
            func values(_ n: String) -> [String] { attributes.filter { $0.name == n }.map(\.value) }
        }

        var types: Set<Character> = []
        var session: [(name: String, value: String)] = []
        var media: [Media] = []
        var connections: [String] = []

        init(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                let line = String(raw)
                guard line.count >= 2, let t = line.first, line.dropFirst().first == "=" else { continue }
                types.insert(t)
                let value = String(line.dropFirst(2))
                switch t {
                case "m":
                    let f = value.split(separator: " ").map(String.init)
                    var m = Media()
                    m.media = f.first ?? ""
                    m.proto = f.count > 2 ? f[2] : ""
                    media.append(m)
                case "a":
                    let name: String, v: String
                    if let c = value.firstIndex(of: ":") { name = String(value[..<c]); v = String(value[value.index(after: c)...]) } else { name = value; v = "" }
                    if media.isEmpty { session.append((name, v)) } else { media[media.count - 1].attributes.append((name, v)) }
                case "c":
                    connections.append(value)
                default: break
                }
            }
        }

        var allAttributes: [(name: String, value: String)] { session + media.flatMap(\.attributes) }
        func any(_ n: String) -> Bool { allAttributes.contains { $0.name == n } }
        func sessionHas(_ n: String) -> Bool { session.contains { $0.name == n } }
    }

    static func info(_ proto: String) -> TransportProtocol { TransportProtocol(rawValue: proto) }

    static func applicable(input: [UInt8], options: SDPValidationOptions, pair: Bool) -> [String] {
        if pair {
            guard let (o, a) = SDPVectorCodec.split(input),
                  let od = try? SDPDecoder(limits: options.limits).decode(o), let ad = try? SDPDecoder(limits: options.limits).decode(a) else { return [] }
            var oo = options; oo.role = .offer
            var ao = options; ao.role = .answer
            let profiles = options.profiles ?? SDPValidator.applicableProfiles(for: od, options: oo).union(SDPValidator.applicableProfiles(for: ad, options: ao))
            let os = Shape(o), ash = Shape(a)
            var codes = single(os, role: .offer, choices: options.choices) + single(ash, role: .answer, choices: options.choices)
            codes += pairRules(os, ash, profiles: profiles)
            return filter(codes, profiles)
        }
        guard let d = try? SDPDecoder(limits: options.limits).decode(input) else { return [] }
        let profiles = options.profiles ?? SDPValidator.applicableProfiles(for: d, options: options)
        return filter(single(Shape(input), role: options.role, choices: options.choices), profiles)
    }

    static func filter(_ codes: [String], _ profiles: Set<SDPProfileName>) -> [String] {
        var seen = Set<String>()
        return codes.filter { c in
            guard let r = R.rule(code: c), r.severity != .info, profiles.contains(r.profile) else { return false }
            return seen.insert(c).inserted
        }
    }

    static func single(_ s: Shape, role: SDPRole, choices: SDPAmbiguityChoices) -> [String] {
        var c: [SDPRule] = [R.versionFirst, R.version, R.originMissing, R.sessionNameMissing, R.sessionNameEmpty, R.timeMissing, R.order,
                            R.duplicateLine, R.mixedEndings, R.noFinalEOL, R.textNotUTF8, R.timeValue, R.keyFieldObsolete]
        if !s.media.isEmpty { c += [R.connectionMissing, R.portRange, R.portCount, R.formatDuplicate, R.protoCase] }
        if s.media.contains(where: { info($0.proto).info?.formats == .payloadTypes }) { c.append(R.payloadType) }
        if s.types.contains("z") { c.append(R.zoneWithoutRepeat) }
        if !s.connections.isEmpty { c.append(R.connectionUnicastSlash) }
        for conn in s.connections {
            let f = conn.split(separator: " ")
            guard f.count == 3 else { continue }
            let addr = f[2].split(separator: "/").first.map(String.init) ?? ""
            if f[1] == "IP4", let first = addr.split(separator: ".").first.flatMap({ Int($0) }), (224...239).contains(first) {
                c += [R.connectionMulticastTTL, R.connectionTTLRange]
            }
            if f[1] == "IP6", addr.lowercased().hasPrefix("ff") { c.append(R.connectionIP6TTL) }
        }
        let all = s.allAttributes
        if !all.isEmpty { c.append(R.attributeNameSyntax) }
        if all.contains(where: { ["setup", "connection", "tls-id", "3ge2ae", "floorctrl", "confid", "userid", "path", "accept-types", "accept-wrapped-types"].contains($0.name) }) {
            c.append(R.attributeDuplicate)
        }
        if !s.session.isEmpty { c.append(R.attributeMediaOnly) }

        // RFC 4568.
        let cryptoValues = all.filter { $0.name == "crypto" }.map(\.value)
        if !cryptoValues.isEmpty {
            c += [R.cryptoSessionLevel, R.cryptoTagDuplicate, R.cryptoLeadingZero, R.cryptoSuiteUnknown, R.cryptoKeyMethod, R.cryptoKeyBase64,
                  R.cryptoKeyLength, R.cryptoKeyReuse, R.cryptoUnknownMandatory, R.cryptoParamDuplicate, R.cryptoUnauthenticated]
            let keyInfo = cryptoValues.joined(separator: " ")
            if cryptoValues.contains(where: { $0.contains("|") }) { c += [R.cryptoLifetimeZero, R.cryptoLifetimeMax] }
            if keyInfo.contains(";") { c += [R.cryptoMultiKeyMKI, R.cryptoMKILengthMismatch, R.cryptoMKIDuplicate] }
            if cryptoValues.contains(where: { v in v.split(separator: "|").dropFirst().contains { $0.contains(":") } }) {
                c += [R.cryptoMKILengthRange, R.cryptoMKIValueRange, R.cryptoMKIZero]
            }
            if keyInfo.uppercased().contains("KDR=") && choices.kdrRange == .section631 { c.append(R.cryptoKDRRange) }
            if keyInfo.uppercased().contains("WSH=") { c.append(choices.wshMinimum == .required ? R.cryptoWSHMinimum : R.cryptoWSHHint) }
            if keyInfo.uppercased().contains("FEC_ORDER=") { c.append(R.cryptoFECOrder) }
        }
        for m in s.media where m.has("crypto") {
            c += [R.cryptoProto, R.cryptoDTLSSRTP]
            if role == .answer { c.append(R.cryptoWithKeyMgmt) }
        }
        if s.media.contains(where: { info($0.proto).security == .srtp }) { c.append(R.srtpNoKeying) }

        // RFC 4567.
        if s.any("key-mgmt") { c += [R.keyMgmtProtocolUnknown, R.keyMgmtProtocolCase, R.keyMgmtBase64, R.keyMgmtDuplicateProtocol, R.trMixedLevels] }
        if s.media.contains(where: { $0.has("key-mgmt") }) { c.append(R.keyMgmtProto) }

        // RFC 8122 / 4145 / 8842 / 7345.
        if s.any("fingerprint") {
            c += [R.fingerprintHashUnknown, R.fingerprintHashForbidden, R.fingerprintLength, R.fingerprintLowercaseHex, R.fingerprintLeadingSpace]
            if choices.hashNameCase == .lowercase { c.append(R.fingerprintHashCaseStrict) }
        }
        if s.any("tls-id") { c.append(R.tlsIDLength) }
        if role == .answer && s.any("setup") { c.append(R.setupAnswerActpass) }
        for m in s.media {
            let p = info(m.proto)
            if p.usesTLSOrDTLS { c.append(R.tlsFingerprintMissing) }
            if p.isDatagramTLS {
                c += [R.dtlsSetupMissing, R.dtlsConnectionForbidden]
                if m.has("setup") || s.sessionHas("setup") {
                    c.append(R.dtlsHoldconn)
                    if role == .offer { c.append(R.dtlsOfferActpass) }
                }
                if role != .answer { c.append(R.tlsIDMissing) }
            }
            if p.info?.application == .msrp {
                c += [R.msrpMedia, R.msrpFormat, R.msrpPathMissing, R.msrpAcceptTypesMissing]
                if m.has("path") { c += [R.msrpPortMissing, R.msrpPortMismatch, R.msrpScheme, R.msrpTransport, R.msrpUserinfoPassword, R.msrpAddressMismatch] }
            }
            if p.info?.application == .bfcp {
                c += [R.bfcpMedia, R.bfcpFormat, R.bfcpFloorctrlMissing]
                if m.has("floorctrl") { c.append(R.bfcpServerAttributes) }
            }
            if m.has("floorctrl") {
                c.append(R.bfcpClientServer)
                if role == .answer { c.append(R.bfcpAnswerRoles) }
            }
            if m.has("confid") { c.append(R.bfcpConfidRange) }
            if m.has("userid") { c.append(R.bfcpUseridRange) }
            if m.has("floorid") { c += [R.bfcpFlooridRange, R.bfcpFlooridLabel] }
            // 3GPP.
            if m.has("3ge2ae") { c += [R.e2aeTransport, R.e2aeWithE2E] }
            let keyed = m.has("key-mgmt") || s.sessionHas("key-mgmt")
            if keyed && p.security == .tls { c.append(R.trTLSCSMissing) }
            if keyed && p.info?.application == .msrp && s.media.filter({ info($0.proto).info?.application == .msrp }).count > 1 { c.append(R.trMSRPSharedPort) }
        }
        if s.any("3ge2ae") { c.append(R.e2aeSessionLevel) }
        if s.any("key-mgmt") {
            if role == .offer { c.append(R.trOfferDataType) }
            if role == .answer { c.append(R.trAnswerDataType) }
        }
        return c.map(\.code)
    }

    /// Offer/answer rules that apply to a pair.
    static func pairRules(_ o: Shape, _ a: Shape, profiles: Set<SDPProfileName>) -> [String] {
        var c: [SDPRule] = [R.oaMediaCount, R.oaMediaType, R.oaProto]
        for (om, am) in zip(o.media, a.media) {
            let p = info(om.proto)
            if om.has("setup") || am.has("setup") || o.sessionHas("setup") || a.sessionHas("setup") || p.isTCP || p.isDatagramTLS { c.append(R.oaSetupRole) }
            if p.isDatagramTLS { c += [R.oaDTLSAnswerSetup, R.oaTLSIDUnexpected] }
            if (om.has("connection") || o.sessionHas("connection")) && (am.has("connection") || a.sessionHas("connection")) { c.append(R.oaConnection) }
            if p.usesTLSOrDTLS || info(am.proto).usesTLSOrDTLS { c.append(R.oaFingerprintMissing) }
            if om.has("crypto") { c += [R.oaCryptoMissing, R.oaCryptoCount, R.oaCryptoTag, R.oaCryptoSuite, R.oaCryptoKeyReuse, R.oaCryptoAndKeyMgmt] }
            if om.has("key-mgmt") || o.sessionHas("key-mgmt") {
                c += [R.oaKeyMgmtMissing, R.oaKeyMgmtProtocol, R.oaKeyMgmtResponseType, R.oaKeyMgmtCSBID, R.oaTransferPair]
            }
            if om.has("floorctrl") { c.append(R.oaFloorctrl) }
        }
        return c.map(\.code)
    }
}
