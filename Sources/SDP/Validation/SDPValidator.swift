import MediasecCore
import MIKEY

/// Which side of an offer/answer exchange a description is, when known.
/// Some rules only apply to one side (an answer cannot be `actpass`; a
/// TR 33.829 offer carries TRANSFER_INIT).
public enum SDPRole: String, Sendable, Hashable, CaseIterable, Codable {
    case offer, answer, unknown
}

public struct SDPValidationOptions: Sendable {
    /// Profiles to run; nil runs every profile that applies.
    public var profiles: Set<SDPProfileName>?
    public var role: SDPRole
    public var choices: SDPAmbiguityChoices
    public var limits: SDPLimits
    /// Options for the nested MIKEY validation of `a=key-mgmt:mikey`
    /// (profiles nil = MIKEY's own applicable profiles).
    public var mikey: MIKEYValidationOptions

    public init(profiles: Set<SDPProfileName>? = nil, role: SDPRole = .unknown, choices: SDPAmbiguityChoices = .default,
                limits: SDPLimits = .default, mikey: MIKEYValidationOptions = MIKEYValidationOptions()) {
        self.profiles = profiles
        self.role = role
        self.choices = choices
        self.limits = limits
        self.mikey = mikey
    }
}

public struct SDPValidationReport: Sendable {
    public var decoded: DecodedSessionDescription?
    public var findings: [Finding]
    /// The profiles that ran (kept as bits; the set is built when asked).
    public var profiles: Set<SDPProfileName> {
        get { profileMask.set }
        set { profileMask = SDPProfileMask(newValue) }
    }
    var profileMask: SDPProfileMask
    /// The MIKEY reports of `a=key-mgmt:mikey` attributes, by attribute path
    /// (the paths are built when asked for).
    public var mikeyReports: [String: MIKEYValidationReport] {
        get {
            if let m = mikeyByPath { return m }
            var out: [String: MIKEYValidationReport] = [:]
            for (_, v) in mikeyByLine { out[v.attribute.path] = v.report }
            return out
        }
        set { mikeyByPath = newValue }
    }
    private var mikeyByPath: [String: MIKEYValidationReport]?
    private var mikeyByLine: [Int: SDPNestedMIKEY]

    init(decoded: DecodedSessionDescription?, findings: [Finding], profiles: SDPProfileMask, mikeyReports: [String: MIKEYValidationReport]) {
        self.decoded = decoded
        self.findings = findings
        self.profileMask = profiles
        self.mikeyByPath = mikeyReports
        self.mikeyByLine = [Int: SDPNestedMIKEY]()
    }

    init(decoded: DecodedSessionDescription?, findings: [Finding], profiles: SDPProfileMask, mikeyByLine: [Int: SDPNestedMIKEY]) {
        self.decoded = decoded
        self.findings = findings
        self.profileMask = profiles
        self.mikeyByPath = nil
        self.mikeyByLine = mikeyByLine
    }

    init(decoded: DecodedSessionDescription?, findings: [Finding], profiles: Set<SDPProfileName>, mikeyReports: [String: MIKEYValidationReport]) {
        self.init(decoded: decoded, findings: findings, profiles: SDPProfileMask(profiles), mikeyReports: mikeyReports)
    }

    public var isValid: Bool { findings.isValid }

    /// The `line:column` of a finding's offset.
    public func position(of f: Finding) -> SDPPosition? {
        guard let o = f.offset, let d = decoded else { return nil }
        return d.position(of: o)
    }

    /// The CLI's JSON object: `{"format","valid","profiles","findings","decoded"}`.
    public func json(codePoints: CodePointProfile = .default) -> JSONValue {
        .object([
            ("format", .string("sdp")),
            ("valid", .bool(isValid)),
            ("profiles", .array(profiles.map(\.rawValue).sorted().map { .string($0) })),
            ("findings", JSONValue(findings)),
            ("decoded", decoded.map { SDPJSON.tree($0, codePoints: codePoints) } ?? .null),
        ])
    }
}

/// Runs the decoder and then every rule of the enabled profiles.
public struct SDPValidator: Sendable {
    public var options: SDPValidationOptions

    public init(options: SDPValidationOptions = SDPValidationOptions()) {
        self.options = options
    }

    /// Every profile except ``SDPProfileName/tr33829``, which is added when
    /// the description has an `a=3ge2ae`, or a `mikey` key-mgmt whose
    /// message the MIKEY module puts in its own tr33829 profile (TRANSFER
    /// messages, TR Prot Types or extensions).
    public static func applicableProfiles(for d: DecodedSessionDescription, options: SDPValidationOptions = SDPValidationOptions()) -> Set<SDPProfileName> {
        var s = Set(SDPProfileName.allCases)
        s.remove(.tr33829)
        for l in d.lines where l.type == 0x61 {
            let a = SDPAttribute(lineValue: l.bytes)
            if a.name == E2AEAttribute.attributeName { s.insert(.tr33829) }
            if a.name == KeyMgmtAttribute.attributeName, let v = a.value,
               let k = try? KeyMgmtAttribute.decode(v), k.isMIKEY, let bytes = try? k.decodedData.get(),
               let m = try? MIKEYDecoder(profile: options.mikey.codePoints, limits: options.mikey.limits).decodeMessage(bytes),
               MIKEYValidator.applicableProfiles(for: m, codePoints: options.mikey.codePoints).contains(.tr33829) {
                s.insert(.tr33829)
            }
        }
        return s
    }

    /// ``applicableProfiles(for:options:)`` over an index whose mikey
    /// messages are already decoded (by line index).
    static func applicableProfiles(_ index: SDPIndex, mikey: [Int: SDPDecodedMIKEY], options: SDPValidationOptions) -> SDPProfileMask {
        var s = SDPProfileMask.all
        s.remove(.tr33829)
        if index.hasAny(.e2ae) || mikey.values.contains(where: \.isTR33829) { s.insert(.tr33829) }
        return s
    }

    public func validate(_ bytes: [UInt8]) -> SDPValidationReport {
        let decoded: DecodedSessionDescription
        do {
            decoded = try SDPDecoder(limits: options.limits).decode(bytes)
        } catch {
            return SDPValidationReport(decoded: nil, findings: [error.finding], profiles: options.profiles ?? [], mikeyReports: [:])
        }
        return validate(decoded)
    }

    public func validate(_ decoded: DecodedSessionDescription) -> SDPValidationReport {
        let index = SDPIndex(decoded, limits: options.limits)
        // Each mikey key-mgmt message is decoded once, here, and shared by
        // the profile choice and the nested validation.
        var mikey = [Int: SDPDecodedMIKEY]()
        if index.hasAny(.keyMgmt) {
            for level in index.levels {
                for (da, k) in index.typed(level, SDPIndex.keyMgmt) where k.isMIKEY {
                    guard case .success(let bytes) = k.decodedData else { continue }
                    let decoder = MIKEYDecoder(profile: options.mikey.codePoints, limits: options.mikey.limits)
                    mikey[da.located.lineIndex] = SDPDecodedMIKEY(Result { () throws(DecodingError) in try decoder.decode(bytes) }, codePoints: options.mikey.codePoints)
                }
            }
        }
        let profiles = options.profiles.map { SDPProfileMask($0) } ?? Self.applicableProfiles(index, mikey: mikey, options: options)
        var run = SDPValidationRun(index: index, options: options,
                                   sink: SDPFindingSink(profiles: profiles, lineOffsets: decoded.lineOffsets))
        run.decodedMIKEY = mikey
        run.checkLines()
        run.checkStructure()
        run.checkFields()
        run.checkAttributes()
        run.checkCrypto()
        run.checkKeyMgmt()
        run.checkTLS()
        run.checkMSRP()
        run.checkBFCP()
        run.check3GPP()
        return SDPValidationReport(decoded: decoded, findings: run.sink.findings, profiles: profiles, mikeyByLine: run.mikeyReports)
    }
}

extension SDPDecoder {
    /// Decodes and then throws the first error-severity RFC 8866 structure
    /// or field finding (order, mandatory lines, `o=`/`c=`/`t=`/`m=`
    /// syntax) as a ``DecodingError``: the strict reading of "An SDP
    /// description MUST conform to the syntax defined in Section 9".
    public func decodeStrict(_ bytes: [UInt8]) throws(DecodingError) -> DecodedSessionDescription {
        let d = try decode(bytes)
        var run = SDPValidationRun(index: SDPIndex(d, limits: limits), options: SDPValidationOptions(profiles: [.rfc8866], limits: limits),
                                   sink: SDPFindingSink(profiles: [.rfc8866], lineOffsets: d.lineOffsets))
        run.checkStructure()
        run.checkFields()
        if let f = run.sink.findings.first(where: { $0.severity == .error }) {
            throw DecodingError(code: f.code, offset: f.offset ?? 0, path: f.path, specRef: f.specRef, message: f.message)
        }
        return d
    }
}

/// The MIKEY message of one `a=key-mgmt:mikey` attribute, decoded once
/// (for the profile choice and the nested validation), and whether it puts
/// the description in the tr33829 profile. An object: a lookup by line
/// copies one reference, not the message.
final class SDPDecodedMIKEY: Sendable {
    let result: Result<DecodedMIKEYMessage, DecodingError>
    let isTR33829: Bool

    init(_ result: Result<DecodedMIKEYMessage, DecodingError>, codePoints: CodePointProfile) {
        self.result = result
        if case .success(let m) = result {
            isTR33829 = MIKEYValidator.appliesTR33829(to: m.message, codePoints: codePoints)
        } else {
            isTR33829 = false
        }
    }
}

/// The MIKEY report of one `a=key-mgmt:mikey` attribute. An object: the
/// checks look into it by line (the decoded message's header, its
/// crypto sessions), and a lookup then copies one reference, not the
/// report with its message and findings.
final class SDPNestedMIKEY: Sendable {
    let attribute: IndexedAttribute
    let report: MIKEYValidationReport

    init(attribute: IndexedAttribute, report: MIKEYValidationReport) {
        self.attribute = attribute
        self.report = report
    }

    /// The decoded message, when it decoded.
    var message: MIKEYMessage? { report.decoded?.message }
}

/// State of one validation pass. The checks live in extensions, one file
/// per spec area.
struct SDPValidationRun {
    let index: SDPIndex
    let options: SDPValidationOptions
    let sink: SDPFindingSink
    /// The nested MIKEY reports by line index (paths are built when the
    /// report is asked for them).
    var mikeyReports = [Int: SDPNestedMIKEY]()

    /// Decoded mikey key-mgmt messages by line index (nil entry: decode here).
    var decodedMIKEY = [Int: SDPDecodedMIKEY]()

    init(index: SDPIndex, options: SDPValidationOptions, sink: SDPFindingSink) {
        self.index = index
        self.options = options
        self.sink = sink
    }

    /// The offset of a sub-field of an attribute, else of its value (see
    /// ``SDPFindingSink/offsets(of:)``).
    func at(_ da: DecodedAttribute, _ field: String) -> Int {
        sink.offsets(of: da)[field] ?? da.valueOffset
    }

    var d: DecodedSessionDescription { index.d }
    var sd: SessionDescription { index.d.sessionDescription }
    var choices: SDPAmbiguityChoices { options.choices }
    var role: SDPRole { options.role }

    /// Records a finding of `rule` when its profile is on; offset, path
    /// and message are evaluated only then.
    func add(_ rule: SDPRule, at offset: @autoclosure () -> Int?, _ path: @autoclosure () -> String, _ message: @autoclosure () -> SDPMessage? = nil) {
        sink.add(rule, at: offset(), path(), message())
    }

    func lineOffset(_ i: Int) -> Int { i < d.lineOffsets.count ? d.lineOffsets[i] : 0 }
}

extension SDPFindingSink {
    /// Sub-field offsets of an attribute, decoded again on a finding's
    /// first need and kept for the rest of the run (one re-decode per
    /// attribute at most, however many findings it has). The sink keeps
    /// them: it is the run's one object, and a clean description never
    /// asks.
    func offsets(of da: DecodedAttribute) -> SDPOffsetTable {
        if let o = offsetsByLine[da.located.lineIndex] { return o }
        let o = da.recordedOffsets.map { SDPOffsetTable(table: $0) }
            ?? SDPOffsetTable(SDPAttributeRegistry.recordedOffsets(of: da.located, valueOffset: da.valueOffset, limits: da.limits))
        offsetsByLine[da.located.lineIndex] = o
        return o
    }
}
