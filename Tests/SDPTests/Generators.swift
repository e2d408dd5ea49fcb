import PropertyBased
import MediasecCore
@testable import SDP

/// PropertyBased generators for SDP: typed attribute models, whole
/// descriptions that are valid by construction, arbitrary line soups, and
/// byte mutations of the RFC examples.
enum SDPGen {
    typealias RNG = any SeededRandomNumberGenerator

    static func int(_ r: ClosedRange<Int>, _ rng: inout RNG) -> Int { Int.random(in: r, using: &rng) }
    static func chance(_ p: Double, _ rng: inout RNG) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    static func pick<T>(_ xs: [T], _ rng: inout RNG) -> T { xs[int(0...(xs.count - 1), &rng)] }
    static func bytes(_ n: Int, _ rng: inout RNG) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) } }
    static func string(_ alphabet: String, _ n: ClosedRange<Int>, _ rng: inout RNG) -> String {
        let a = Array(alphabet)
        return String((0..<int(n, &rng)).map { _ in a[int(0...(a.count - 1), &rng)] })
    }
    static let alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    static let tokenChars = alnum + "!#$%&'*+-.^_`{|}~"

    static func decimal(_ r: ClosedRange<UInt64>, _ rng: inout RNG) -> DecimalToken { DecimalToken(UInt64.random(in: r, using: &rng)) }

    // MARK: typed attributes

    static func inlineKey(_ suite: SRTPCryptoSuite, mki: (length: UInt64, value: UInt64)?, _ rng: inout RNG) -> SRTPInlineKey {
        let n = suite.info?.keySaltLength ?? 30
        let lifetime: SRTPInlineKey.Lifetime? = switch int(0...2, &rng) {
        case 0: nil
        case 1: .power(UInt64(int(1...31, &rng)))
        default: .packets(UInt64.random(in: 1...(1 << 31), using: &rng))
        }
        return SRTPInlineKey(keySalt: bytes(n, &rng), lifetime: lifetime,
                             mki: mki.map { SRTPInlineKey.MKI(value: DecimalToken($0.value), length: DecimalToken($0.length)) })
    }

    static let registeredSuites = SRTPCryptoSuite.table.filter { $0.value.registered }.keys.sorted().map { SRTPCryptoSuite(rawValue: $0) }

    /// A crypto attribute that every rule accepts (tag given by the caller).
    static func validCrypto(tag: UInt64, _ rng: inout RNG) -> CryptoAttribute {
        let suite = pick(registeredSuites, &rng)
        let nKeys = chance(0.7, &rng) ? 1 : int(2...4, &rng)
        let mkiLen = UInt64(int(1...4, &rng))
        let withMKI = nKeys > 1 || chance(0.5, &rng)
        let keys: [CryptoKeyParameter] = (0..<nKeys).map { k in
            .inline(inlineKey(suite, mki: withMKI ? (mkiLen, UInt64(k + 1)) : nil, &rng))
        }
        var params: [SRTPSessionParameter] = []
        if chance(0.3, &rng) { params.append(.kdr(UInt64(int(1...24, &rng)))) }
        if chance(0.2, &rng) { params.append(.unencryptedSRTCP) }
        if chance(0.2, &rng) { params.append(.fecOrder(pick(["FEC_SRTP", "SRTP_FEC"], &rng))) }
        if chance(0.2, &rng) { params.append(.wsh(UInt64(int(64...4096, &rng)))) }
        if chance(0.2, &rng) { params.append(.fecKey([.inline(inlineKey(suite, mki: nil, &rng))])) }
        if chance(0.1, &rng) { params.append(SRTPSessionParameter(name: "-x_" + string(alnum, 1...6, &rng), value: chance(0.5, &rng) ? .text(string(alnum, 1...5, &rng)) : .none)) }
        return CryptoAttribute(tag: DecimalToken(tag), suite: suite, keyParams: keys, sessionParams: params)
    }

    /// Any model the encoder can write (not necessarily valid by the rules):
    /// leading zeroes, unknown suites and methods, odd lifetimes and MKIs.
    static let anyCrypto = Generator<CryptoAttribute, Shrink.None<CryptoAttribute>> { rng in
        let tag = DecimalToken(text: string("0123456789", 1...9, &rng)) ?? 1
        let suite = chance(0.7, &rng) ? pick(Array(SRTPCryptoSuite.table.keys).sorted().map { SRTPCryptoSuite(rawValue: $0) }, &rng) : SRTPCryptoSuite(rawValue: string(alnum + "_", 1...20, &rng))
        let keys: [CryptoKeyParameter] = (0..<int(1...3, &rng)).map { _ in
            if chance(0.1, &rng) { return .other(method: string(alnum + "_", 1...8, &rng), info: string(alnum + "|:/+=", 1...20, &rng)) }
            let life: SRTPInlineKey.Lifetime? = chance(0.5, &rng) ? SRTPInlineKey.Lifetime(powerOfTwo: chance(0.5, &rng), digits: DecimalToken(text: string("0123456789", 1...25, &rng)) ?? 0) : nil
            let mki: SRTPInlineKey.MKI? = chance(0.5, &rng) ? SRTPInlineKey.MKI(value: DecimalToken(text: string("0123456789", 1...25, &rng)) ?? 0, length: DecimalToken(text: string("0123456789", 1...4, &rng)) ?? 0) : nil
            return .inline(SRTPInlineKey(keySalt: bytes(int(1...50, &rng), &rng), lifetime: life, mki: mki))
        }
        var params: [SRTPSessionParameter] = []
        for _ in 0..<int(0...4, &rng) {
            switch int(0...5, &rng) {
            case 0: params.append(SRTPSessionParameter(name: pick(["KDR", "kdr", "WSH"], &rng), value: .decimal(DecimalToken(text: string("0123456789", 1...3, &rng)) ?? 0)))
            case 1: params.append(pick([.unencryptedSRTP, .unencryptedSRTCP, .unauthenticatedSRTP], &rng))
            case 2: params.append(.fecOrder(string(alnum + "_", 1...10, &rng)))
            case 3: params.append(.fecKey([.inline(SRTPInlineKey(keySalt: bytes(30, &rng)))]))
            case 4: params.append(SRTPSessionParameter(name: "-" + string(alnum, 1...5, &rng), value: chance(0.5, &rng) ? .text(string(alnum + "=-", 0...5, &rng)) : .none))
            default: params.append(SRTPSessionParameter(name: string("ABCXYZ_", 1...6, &rng), value: chance(0.5, &rng) ? .text(string(alnum, 1...5, &rng)) : .none))
            }
        }
        return CryptoAttribute(tag: tag, suite: suite, keyParams: keys, sessionParams: params)
    }

    static func fingerprint(_ rng: inout RNG) -> FingerprintAttribute {
        let h = pick(["sha-1", "sha-224", "sha-256", "sha-384", "sha-512"], &rng)
        return FingerprintAttribute(hashFunction: HashFunction(rawValue: h), bytes: bytes(HashFunction(rawValue: h).info?.digestLength ?? 32, &rng))
    }

    static func msrpURI(secure: Bool, port: UInt16, _ rng: inout RNG) -> MSRPURI {
        let host = chance(0.2, &rng) ? "[2001:db8::\(int(1...99, &rng))]" : string("abcdefghij", 1...8, &rng) + ".example.com"
        return MSRPURI(scheme: secure ? "msrps" : "msrp", userinfo: chance(0.2, &rng) ? string(alnum, 1...6, &rng) : nil, host: host, port: port,
                       sessionID: chance(0.9, &rng) ? string(alnum + "+=/", 1...12, &rng) : nil, transport: "tcp",
                       parameters: chance(0.2, &rng) ? [string(alnum, 1...4, &rng) + "=" + string(alnum, 1...4, &rng)] : [])
    }

    static let anyTypedAttribute = Generator<TypedAttribute, Shrink.None<TypedAttribute>> { rng in
        switch int(0...11, &rng) {
        case 0: return .crypto(draw(anyCrypto, &rng))
        case 1: return .fingerprint(fingerprint(&rng))
        case 2: return .keyMgmt(KeyMgmtAttribute(protocolID: pick(["mikey", "keyp1"], &rng), message: bytes(int(0...60, &rng), &rng)))
        case 3: return .setup(SetupAttribute(pick(SetupAttribute.Role.allCases, &rng)))
        case 4: return .connection(ConnectionAttribute(pick(ConnectionAttribute.Value.allCases, &rng)))
        case 5: return .tlsID(TLSIDAttribute(string(alnum + "+/-_", 1...300, &rng)))
        case 6: return .e2ae(E2AEAttribute(chance(0.7, &rng) ? pick(["requested", "applied"], &rng) : string(tokenChars, 1...10, &rng)))
        case 7: return .path(MSRPPathAttribute((0..<int(1...3, &rng)).map { _ in msrpURI(secure: chance(0.5, &rng), port: UInt16(int(1...65535, &rng)), &rng) }))
        case 8: return .acceptTypes(AcceptTypesAttribute((0..<int(1...4, &rng)).map { _ in chance(0.2, &rng) ? "*" : string("abcdef", 1...5, &rng) + "/" + (chance(0.2, &rng) ? "*" : string("abcdef-+.", 1...6, &rng)) }))
        case 9: return .floorControl(FloorControlAttribute((0..<int(1...3, &rng)).map { _ in pick(FloorControlAttribute.Role.allCases, &rng) }))
        case 10: return .floorID(FloorIDAttribute(floorID: decimal(0...70000, &rng), label: pick(["mstrm", "m-stream"], &rng), mediaStreams: (0..<int(1...3, &rng)).map { _ in string(tokenChars, 1...5, &rng) }))
        default: return pick([.conferenceID(BFCPConferenceIDAttribute(decimal(0...UInt64(UInt32.max), &rng))), .userID(BFCPUserIDAttribute(decimal(0...65535, &rng)))], &rng)
        }
    }

    static func draw<T>(_ g: Generator<T, some Sequence>, _ rng: inout RNG) -> T { g.run(using: &rng) }

    static func name(of t: TypedAttribute) -> String {
        switch t {
        case .crypto: "crypto"
        case .fingerprint: "fingerprint"
        case .keyMgmt: "key-mgmt"
        case .setup: "setup"
        case .connection: "connection"
        case .tlsID: "tls-id"
        case .e2ae: "3ge2ae"
        case .path: "path"
        case .acceptTypes: "accept-types"
        case .acceptWrappedTypes: "accept-wrapped-types"
        case .floorControl: "floorctrl"
        case .conferenceID: "confid"
        case .userID: "userid"
        case .floorID: "floorid"
        }
    }

    // MARK: whole descriptions

    struct Description: Sendable, CustomStringConvertible {
        var lines: [String]
        var endings: [LineEnding]
        var bytes: [UInt8] {
            var out = [UInt8]()
            for (l, e) in zip(lines, endings) { out += Array(l.utf8) + e.bytes }
            return out
        }
        var description: String { String(decoding: bytes, as: UTF8.self) }
    }

    static func endings(_ n: Int, _ rng: inout RNG) -> [LineEnding] {
        let style = int(0...3, &rng)
        var e: [LineEnding] = (0..<n).map { _ in style == 0 ? .lf : style == 3 ? pick([.crlf, .lf], &rng) : .crlf }
        if n > 0 && chance(0.15, &rng) { e[n - 1] = .none }
        return e
    }

    /// A media section that the validator accepts without an error.
    static func validMedia(_ i: Int, usedTags: inout Int, _ rng: inout RNG) -> [String] {
        let port = int(1024...65535, &rng)
        let fp = "a=fingerprint:sha-256 " + fingerprint256(&rng)
        let tlsID = "a=tls-id:" + string(alnum + "+/-_", 20...40, &rng)
        switch int(0...5, &rng) {
        case 0:
            let pts = Array(Set((0..<int(1...6, &rng)).map { _ in int(0...127, &rng) })).sorted().map(String.init)
            return ["m=audio \(port) RTP/AVP \(pts.joined(separator: " "))"] + pts.map { "a=rtpmap:\($0) X/8000" }
        case 1:
            var out = ["m=video \(port) \(pick(["RTP/SAVP", "RTP/SAVPF"], &rng)) \(int(96...127, &rng))"]
            for t in 1...int(1...3, &rng) {
                usedTags += 1
                out.append("a=crypto:" + validCrypto(tag: UInt64(t), &rng).encodedValue)
            }
            return out
        case 2:
            let uri = msrpURI(secure: true, port: UInt16(port), &rng)
            return ["m=message \(port) TCP/TLS/MSRP *", "c=IN IP4 \(uri.host)", "a=accept-types:text/plain", "a=path:\(uri)", fp]
        case 3:
            return ["m=image \(port) UDP/TLS/UDPTL t38", "a=setup:actpass", fp, tlsID]
        case 4:
            return ["m=application \(port) TCP/TLS/BFCP *", "a=setup:actpass", "a=connection:new", fp, "a=floorctrl:c-only"]
        default:
            return ["m=audio \(port) UDP/TLS/RTP/SAVPF 111", "a=setup:actpass", fp, tlsID, "a=rtpmap:111 opus/48000/2"]
        }
    }

    static func fingerprint256(_ rng: inout RNG) -> String { FingerprintAttribute(hashFunction: .sha256, bytes: bytes(32, &rng)).fingerprint }

    /// Descriptions valid by construction (every rule passes with role
    /// offer): the round-trip property and a no-false-positive property.
    static let validDescription = Generator<Description, Shrink.None<Description>> { rng in
        var lines = ["v=0", "o=\(string(alnum, 1...8, &rng)) \(int(0...999_999_999, &rng)) \(int(0...999_999_999, &rng)) IN IP4 192.0.2.\(int(1...254, &rng))",
                     "s=" + (chance(0.3, &rng) ? "-" : string(alnum + " ", 1...20, &rng))]
        if chance(0.3, &rng) { lines.append("i=" + string(alnum + " .,", 1...30, &rng)) }
        if chance(0.2, &rng) { lines.append("u=http://www.example.com/" + string(alnum, 1...8, &rng)) }
        if chance(0.2, &rng) { lines.append("e=j.doe@example.com (Jane Doe)") }
        if chance(0.2, &rng) { lines.append("p=+1 617 555-6011") }
        lines.append("c=IN IP4 192.0.2.\(int(1...254, &rng))")
        if chance(0.3, &rng) { lines.append("b=AS:\(int(1...10000, &rng))") }
        for _ in 0..<int(1...2, &rng) {
            lines.append(chance(0.5, &rng) ? "t=0 0" : "t=\(int(3_000_000_000...3_999_999_999, &rng)) 0")
            if chance(0.2, &rng) {
                lines.append("r=7d 1h 0 25h")
                if chance(0.5, &rng) { lines.append("z=3730928400 -1h 3749680800 0") }
            }
        }
        if chance(0.3, &rng) { lines.append("a=tool:" + string(alnum, 1...8, &rng)) }
        var tags = 0
        for i in 0..<int(0...4, &rng) { lines += validMedia(i, usedTags: &tags, &rng) }
        return Description(lines: lines, endings: endings(lines.count, &rng))
    }

    /// Lines of any known type with arbitrary values (no NUL/CR/LF):
    /// wrong order, duplicates, garbage fields, typed attributes with
    /// hostile values.
    static let lineSoup = Generator<Description, Shrink.None<Description>> { rng in
        let types = Array("vosiuepcbtrzkam")
        var lines: [String] = []
        for _ in 0..<int(1...40, &rng) {
            let t = chance(0.4, &rng) ? "a" : String(pick(types, &rng))
            var v: String
            switch int(0...4, &rng) {
            case 0: v = string(alnum + " :/|;^=-+.%*[]@", 0...40, &rng)
            case 1 where t == "a":
                let a = draw(anyTypedAttribute, &rng)
                v = name(of: a) + ":" + a.encodedValue
            case 2 where t == "m":
                v = "\(pick(["audio", "message", "application", "image"], &rng)) \(pick(["0", "9", "65536", "4294967296", "1/2"], &rng)) \(pick(["RTP/SAVP", "TCP/TLS/MSRP", "TCP/TLS/BFCP", "UDP/TLS/UDPTL", "RTP/AVP", "x"], &rng)) \(pick(["0", "*", "128", "t38", "0 0"], &rng))"
            case 3: v = String(decoding: bytes(int(0...20, &rng), &rng).map { $0 == 0 || $0 == 0x0d || $0 == 0x0a ? 0x20 : $0 }, as: UTF8.self)
            default: v = pick(["0", "- 1 1 IN IP4 h", "IN IP4 233.252.0.1/300", "0 0", "AS:1", "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32"], &rng)
            }
            lines.append(t + "=" + v)
        }
        return Description(lines: lines, endings: endings(lines.count, &rng))
    }

    /// Bytes biased towards the SDP alphabet.
    static let sdpishBytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        let alphabet = Array("v=o s-i\r\nm=a:crypto|^;/%*0123456789".utf8)
        return (0..<int(0...300, &rng)).map { _ in chance(0.8, &rng) ? pick(alphabet, &rng) : UInt8.random(in: 0...255, using: &rng) }
    }

    static let seeds: [[UInt8]] = [
        RFCExamples.rfc4568Section4_5, RFCExamples.rfc4568Section7_1_5Offer, RFCExamples.rfc4568Section7_1_5Answer,
        RFCExamples.rfc4975Figure9, RFCExamples.rfc8856Offer, RFCExamples.rfc7345Figure4, RFCExamples.rfc4567Example1,
    ]

    /// 1–8 byte edits (replace / insert / delete) of an RFC example, with
    /// the bytes most likely to break a token grammar.
    static let mutation = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        var b = pick(seeds, &rng)
        let interesting = Array(":/|;^=%*0 9\r\n\u{0}\t-+.[]@".utf8) + [0xff, 0x80]
        for _ in 0..<int(1...8, &rng) {
            guard !b.isEmpty else { break }
            let at = int(0...(b.count - 1), &rng)
            let c = chance(0.8, &rng) ? pick(interesting, &rng) : UInt8.random(in: 0...255, using: &rng)
            switch int(0...2, &rng) {
            case 0: b[at] = c
            case 1: b.insert(c, at: at)
            default: b.remove(at: at)
            }
        }
        return b
    }
}
