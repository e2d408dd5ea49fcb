import MediasecCore

/// Keys and side inputs given to the validator (CLI `--key NAME=HEX`).
///
/// | name | meaning |
/// |---|---|
/// | `psk` | pre-shared key, envelope key or MPK: inkey of the transport-key derivation (RFC 3830 §4.1.4, RFC 6043 §5.1.2) |
/// | `auth`, `encr`, `salt` | the derived keys, given directly |
/// | `rand` | RAND of the initial message (verification messages carry none) |
/// | `randri`, `randrr` | RANDRi / RANDRr when not in the message |
/// | `idi`, `idr`, `idkms` | identity data appended to the MAC input (RFC 3830 §5.2, RFC 6043 §5.5) |
/// | `init` | the whole initial message, appended for response MACs (RFC 6043 Table 5.2) |
public struct MIKEYKeys: Sendable, Hashable {
    public var values: [String: [UInt8]]

    public init(_ values: [String: [UInt8]] = [:]) { self.values = values }

    public static let knownNames: [String] = ["psk", "auth", "encr", "salt", "rand", "randri", "randrr", "idi", "idr", "idkms", "init"]

    public subscript(_ name: String) -> [UInt8]? { values[name] }
    public var isEmpty: Bool { values.isEmpty }
}

public struct MIKEYValidationOptions: Sendable {
    /// Profiles to run; nil runs every profile that applies.
    public var profiles: Set<MIKEYProfileName>?
    public var codePoints: CodePointProfile
    public var keys: MIKEYKeys
    public var limits: DecodingLimits

    public init(profiles: Set<MIKEYProfileName>? = nil, codePoints: CodePointProfile = .default, keys: MIKEYKeys = MIKEYKeys(), limits: DecodingLimits = .default) {
        self.profiles = profiles
        self.codePoints = codePoints
        self.keys = keys
        self.limits = limits
    }
}

public struct MIKEYValidationReport: Sendable {
    public var decoded: DecodedMIKEYMessage?
    public var findings: [Finding]
    public var profiles: Set<MIKEYProfileName>
    /// Key data recovered from KEMAC payloads (NULL or decrypted), by payload path.
    public var recoveredKeyData: [(path: String, payloads: [Payload])]

    public var isValid: Bool { findings.isValid }

    /// The CLI's JSON object: `{"format","valid","findings","decoded"}`.
    public func json(codePoints: CodePointProfile = .default) -> JSONValue {
        .object([
            ("format", .string("mikey")),
            ("valid", .bool(isValid)),
            ("profiles", .array(profiles.map(\.rawValue).sorted().map { .string($0) })),
            ("findings", JSONValue(findings)),
            ("decoded", decoded.map { MIKEYJSON.tree($0, profile: codePoints) } ?? .null),
        ])
    }
}

/// Runs the decoder and then every rule of the enabled profiles.
public struct MIKEYValidator: Sendable {
    public var options: MIKEYValidationOptions

    public init(options: MIKEYValidationOptions = MIKEYValidationOptions()) {
        self.options = options
    }

    /// Profiles that apply to a message: `rfc3830` always; `rfc6043` for its
    /// data types 11–18; `tr33829` for TRANSFER_INIT/RESP and whenever a TR
    /// code point (Prot Type or General Extension) appears.
    public static func applicableProfiles(for m: MIKEYMessage, codePoints cp: CodePointProfile) -> Set<MIKEYProfileName> {
        ProfileMask.sets[Int(applicableMask(for: m, codePoints: cp).raw)]
    }

    /// Whether ``applicableProfiles(for:codePoints:)`` holds
    /// ``MIKEYProfileName/tr33829`` (no set built).
    public static func appliesTR33829(to m: MIKEYMessage, codePoints cp: CodePointProfile) -> Bool {
        applicableMask(for: m, codePoints: cp).raw & ProfileMask.tr33829.raw != 0
    }

    /// ``applicableProfiles(for:codePoints:)`` as a bit mask. Plain
    /// comparisons (no sets built per message): this runs for every
    /// a=key-mgmt of every SDP description validated.
    static func applicableMask(for m: MIKEYMessage, codePoints cp: CodePointProfile) -> ProfileMask {
        func trProt(_ p: ProtType) -> Bool { p == cp.protTypeTLS || p == cp.protTypePSKMIME || p == cp.protTypeApplicationSpecific }
        var tr = m.header.dataType == .transferInit || m.header.dataType == .transferResp
        if !tr, case .generic(let e) = m.header.csIDMap, e.contains(where: { trProt($0.protType) }) { tr = true }
        if !tr {
            for p in m.payloads {
                switch p {
                case .generalExtension(let g) where g.type == cp.extensionIMSConference || g.type == cp.extensionProofOfOrigin: tr = true
                case .securityPolicy(let sp) where trProt(sp.protType): tr = true
                default: break
                }
                if tr { break }
            }
        }
        var s = ProfileMask.rfc3830
        if m.header.dataType.isTicketMessage { s.raw |= ProfileMask.rfc6043.raw }
        if tr { s.raw |= ProfileMask.tr33829.raw }
        return s
    }

    public func validate(_ bytes: [UInt8]) -> MIKEYValidationReport {
        let decoded: DecodedMIKEYMessage
        do {
            decoded = try MIKEYDecoder(profile: options.codePoints, limits: options.limits).decode(bytes)
        } catch {
            return MIKEYValidationReport(decoded: nil, findings: [error.finding], profiles: options.profiles ?? [], recoveredKeyData: [])
        }
        return validate(decoded)
    }

    public func validate(_ decoded: DecodedMIKEYMessage) -> MIKEYValidationReport {
        let mask: ProfileMask, profiles: Set<MIKEYProfileName>
        if let given = options.profiles {
            (mask, profiles) = (ProfileMask(given), given)
        } else {
            mask = MIKEYValidator.applicableMask(for: decoded.message, codePoints: options.codePoints)
            profiles = ProfileMask.sets[Int(mask.raw)]
        }
        let v = ValidationRun(d: decoded, cp: options.codePoints, keys: options.keys, profiles: mask)
        v.checkHeader()
        v.checkComposition()
        v.checkPayloads()
        v.checkTicketPayloads()
        v.checkTR33829()
        v.checkCrypto()
        return MIKEYValidationReport(decoded: decoded, findings: v.findings, profiles: profiles, recoveredKeyData: v.recovered)
    }
}

/// State of one validation pass. The checks live in extensions, one file per
/// spec area.
///
/// A class: the checks pass it to closures (payload walks, the path and
/// message autoclosures of ``add(_:at:_:_:)``), which then capture one
/// reference instead of copying the message, spans and keys each time.
/// Every finding goes through a rule, and only rules of enabled profiles
/// are recorded.
final class ValidationRun {
    let d: DecodedMIKEYMessage
    let cp: CodePointProfile
    let keys: MIKEYKeys
    let profiles: ProfileMask
    var findings: [Finding] = []
    var recovered: [(path: String, payloads: [Payload])] = []
    /// The key-data chain of the last top-level NULL KEMAC decoded (the SPI
    /// check of ticket messages and the KEMAC contents check read the same one).
    private var keyDataMemo: (index: Int, firstType: PayloadType, chain: Result<[Payload], DecodingError>)?

    init(d: DecodedMIKEYMessage, cp: CodePointProfile, keys: MIKEYKeys, profiles: ProfileMask) {
        self.d = d
        self.cp = cp
        self.keys = keys
        self.profiles = profiles
        var types: UInt64 = 0
        for p in d.message.payloads { types |= ValidationRun.bit(p.type) }
        self.topLevelTypes = types
    }

    /// The types of the top-level payloads, one bit per code point (the
    /// decoder accepts only types below 64), so that a check whose payload
    /// type is absent skips its scan.
    let topLevelTypes: UInt64

    static func bit(_ t: PayloadType) -> UInt64 { t.rawValue < 64 ? UInt64(1) << UInt64(t.rawValue) : 0 }

    /// Whether a top-level payload of this type exists.
    func has(_ t: PayloadType) -> Bool { topLevelTypes & ValidationRun.bit(t) != 0 }

    var m: MIKEYMessage { d.message }
    var dataType: DataType { m.header.dataType }

    func offset(_ i: Int) -> Int? { i < d.spans.count ? d.spans[i].range.lowerBound : nil }
    /// `payloads[i]`, from a table for the common indices.
    func path(_ i: Int) -> String { MIKEYPaths.payload(i) }

    /// The path and message are built only for a finding that is recorded
    /// (a clean message builds no strings).
    func add(_ rule: MIKEYRule, at offset: Int?, _ path: @autoclosure () -> String, _ message: @autoclosure () -> String? = nil) {
        guard profiles.contains(rule.profile) else { return }
        findings.append(Finding(code: rule.code, severity: rule.severity, offset: offset, path: path(), specRef: rule.specRef, message: message() ?? rule.summary))
    }

    /// Reports a registry value that is unassigned (warning) or private use (info).
    func registry<R: RegistryValue>(_ v: R, at offset: Int?, _ path: @autoclosure () -> String) {
        if v.isAssigned { return }
        if v.isPrivateUse {
            add(MIKEYRules.registryPrivateUse, at: offset, path(), "\(R.registryName) \(v.rawValue) is private use")
        } else {
            add(MIKEYRules.registryUnassigned, at: offset, path(), "\(R.registryName) \(v.rawValue) is not assigned")
        }
    }

    /// The first TICKET payload and its index.
    var ticket: (Int, TicketPayload)? {
        guard has(.ticket) else { return nil }
        for (i, p) in m.payloads.enumerated() { if case .ticket(let t) = p { return (i, t) } }
        return nil
    }

    var isResponse: Bool { MessageProtection.isResponse(dataType) }

    /// ``KEMACPayload/decodeKeyData(plaintext:firstType:profile:)`` of the
    /// top-level KEMAC `k` at index `i` whose Encr data is in clear.
    func keyData(ofTopLevel i: Int, _ k: KEMACPayload, firstType: PayloadType) -> Result<[Payload], DecodingError> {
        if let memo = keyDataMemo, memo.index == i, memo.firstType == firstType { return memo.chain }
        let r = Result { () throws(DecodingError) in try KEMACPayload.decodeKeyData(plaintext: k.encryptedData, firstType: firstType, profile: cp) }
        keyDataMemo = (i, firstType, r)
        return r
    }
}

/// The enabled profiles as bits (one test per finding instead of a set lookup).
struct ProfileMask: Equatable {
    var raw: UInt8
    static let rfc3830 = ProfileMask(raw: 1), rfc6043 = ProfileMask(raw: 2), tr33829 = ProfileMask(raw: 4)

    init(raw: UInt8) { self.raw = raw }

    init(_ set: Set<MIKEYProfileName>) {
        raw = 0
        for p in set { raw |= ProfileMask.bit(p) }
    }

    static func bit(_ p: MIKEYProfileName) -> UInt8 {
        switch p {
        case .rfc3830: return 1
        case .rfc6043: return 2
        case .tr33829: return 4
        }
    }

    func contains(_ p: MIKEYProfileName) -> Bool { raw & ProfileMask.bit(p) != 0 }

    /// The set of each mask, built once (the report carries a set; a copy of
    /// one of these is a retain, not a new set per message).
    static let sets: [Set<MIKEYProfileName>] = (0..<8).map { m in
        Set(MIKEYProfileName.allCases.filter { ProfileMask(raw: UInt8(m)).contains($0) })
    }
}

/// Path strings of top-level payloads.
enum MIKEYPaths {
    static let payloads: [String] = (0..<32).map { "payloads[\($0)]" }
    static func payload(_ i: Int) -> String { i >= 0 && i < payloads.count ? payloads[i] : "payloads[\(i)]" }
    static let csIDMapInfo: [String] = (0..<16).map { "hdr.csIdMapInfo[\($0)]" }
    static func csIDMapInfo(_ i: Int) -> String { i >= 0 && i < csIDMapInfo.count ? csIDMapInfo[i] : "hdr.csIdMapInfo[\(i)]" }
}
