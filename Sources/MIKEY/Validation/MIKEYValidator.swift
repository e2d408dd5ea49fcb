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
        // Plain comparisons (no sets built per message): this runs for every
        // a=key-mgmt of every SDP description validated.
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
        var s: Set<MIKEYProfileName> = [.rfc3830]
        if m.header.dataType.isTicketMessage { s.insert(.rfc6043) }
        if tr { s.insert(.tr33829) }
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
        let profiles = options.profiles ?? MIKEYValidator.applicableProfiles(for: decoded.message, codePoints: options.codePoints)
        var v = ValidationRun(d: decoded, cp: options.codePoints, keys: options.keys, sink: FindingSink(profiles: profiles))
        v.checkHeader()
        v.checkComposition()
        v.checkPayloads()
        v.checkTicketPayloads()
        v.checkTR33829()
        v.checkCrypto()
        return MIKEYValidationReport(decoded: decoded, findings: v.sink.findings, profiles: profiles, recoveredKeyData: v.recovered)
    }
}

/// State of one validation pass. The checks live in extensions, one file per
/// spec area.
struct ValidationRun {
    let d: DecodedMIKEYMessage
    let cp: CodePointProfile
    let keys: MIKEYKeys
    let sink: FindingSink
    var recovered: [(path: String, payloads: [Payload])] = []

    init(d: DecodedMIKEYMessage, cp: CodePointProfile, keys: MIKEYKeys, sink: FindingSink) {
        self.d = d
        self.cp = cp
        self.keys = keys
        self.sink = sink
    }

    var m: MIKEYMessage { d.message }
    var dataType: DataType { m.header.dataType }

    func offset(_ i: Int) -> Int? { i < d.spans.count ? d.spans[i].range.lowerBound : nil }
    func path(_ i: Int) -> String { "payloads[\(i)]" }

    func add(_ rule: MIKEYRule, at offset: Int?, _ path: @autoclosure () -> String, _ message: @autoclosure () -> String? = nil) {
        sink.add(rule, at: offset, path(), message())
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

    /// Enumerates top-level payloads with their index.
    func indexed<T>(_ match: (Payload) -> T?) -> [(Int, T)] {
        var out: [(Int, T)] = []
        for (i, p) in m.payloads.enumerated() { if let v = match(p) { out.append((i, v)) } }
        return out
    }

    var ticket: (Int, TicketPayload)? {
        indexed { if case .ticket(let t) = $0 { t } else { nil } }.first
    }

    var isResponse: Bool {
        [DataType.pskVerify, .pkVerify, .dhResp, .dhhmacResp, .rsaRResp, .requestResp, .transferResp, .resolveResp].contains(dataType)
    }
}
