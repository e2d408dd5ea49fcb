import MediasecCore
import MIKEY

public struct CMSValidationOptions: Sendable {
    /// Profiles to run; nil runs every profile that applies
    /// (``CMSValidator/applicableProfiles(for:codePoints:)``).
    public var profiles: Set<CMSProfileName>?
    /// Strictness of the decode. Default ``EncodingRules/ber``: CMS is BER
    /// (RFC 5652), so every DER deviation is reported as a warning rather
    /// than stopping the run; ``EncodingRules/der`` makes them fatal.
    public var encodingRules: EncodingRules
    public var codePoints: CMSCodePoints
    /// The key to open the message with; nil checks structure only.
    public var key: CMSKeySource?

    public init(profiles: Set<CMSProfileName>? = nil, encodingRules: EncodingRules = .ber, codePoints: CMSCodePoints = .default, key: CMSKeySource? = nil) {
        self.profiles = profiles
        self.encodingRules = encodingRules
        self.codePoints = codePoints
        self.key = key
    }
}

public struct CMSValidationReport: Sendable {
    public var decoded: DecodedContentInfo?
    /// Decoding deviations, rule findings and nested MIKEY findings.
    public var findings: [Finding]
    public var profiles: Set<CMSProfileName>
    /// The content, when a key was given and the tag verified.
    public var plaintext: VerifiedPlaintext?
    /// The MIKEY reports of the `id-ori-mikey` recipients, by recipient index.
    public var mikeyReports: [Int: MIKEYValidationReport]

    public var isValid: Bool { findings.isValid }

    /// The CLI's JSON object: `{"format","valid","profiles","findings","decoded"}`.
    public func json(codePoints: CMSCodePoints = .default) -> JSONValue {
        .object([
            ("format", .string("cms")),
            ("valid", .bool(isValid)),
            ("profiles", .array(profiles.map(\.rawValue).sorted().map { .string($0) })),
            ("findings", JSONValue(findings)),
            ("decoded", decodedTree(codePoints: codePoints)),
        ])
    }

    /// ``CMSJSON/tree(_:codePoints:)`` plus, when the tag verified,
    /// `verifiedContent` (``CMSJSON/verifiedContent(_:codePoints:)``).
    public func decodedTree(codePoints: CMSCodePoints = .default) -> JSONValue {
        guard let d = decoded else { return .null }
        let t = CMSJSON.tree(d, codePoints: codePoints)
        guard let p = plaintext, case .object(var o) = t else { return t }
        o.append(("verifiedContent", CMSJSON.verifiedContent(p, codePoints: codePoints)))
        return .object(o)
    }
}

/// Runs the decoder and then every rule of the enabled profiles.
public struct CMSValidator: Sendable {
    public var options: CMSValidationOptions

    public init(options: CMSValidationOptions = CMSValidationOptions()) {
        self.options = options
    }

    /// `rfc5083` always; `tr33829-annex-b` when a recipient is an
    /// `id-ori-mikey` ori. `ts33328-annex-i` only when asked for.
    public static func applicableProfiles(for ci: ContentInfo, codePoints: CMSCodePoints) -> Set<CMSProfileName> {
        var s: Set<CMSProfileName> = [.rfc5083]
        if let aed = ci.authEnvelopedData, aed.recipientInfos.contains(where: { if case .ori(let o) = $0 { o.oriType == codePoints.oriMIKEY } else { false } }) {
            s.insert(.tr33829AnnexB)
        }
        return s
    }

    public func validate(_ bytes: [UInt8]) -> CMSValidationReport {
        let decoded: DecodedContentInfo
        do {
            decoded = try CMSDecoder(rules: options.encodingRules, codePoints: options.codePoints).decode(bytes)
        } catch {
            return CMSValidationReport(decoded: nil, findings: [error.finding], profiles: options.profiles ?? [], plaintext: nil, mikeyReports: [:])
        }
        return validate(decoded)
    }

    public func validate(_ decoded: DecodedContentInfo) -> CMSValidationReport {
        let profiles = options.profiles ?? Self.applicableProfiles(for: decoded.contentInfo, codePoints: options.codePoints)
        var run = CMSValidationRun(d: decoded, cp: options.codePoints, key: options.key, sink: CMSFindingSink(profiles: profiles))
        run.checkStructure()
        run.checkAlgorithm()
        run.checkAttributes()
        run.checkRecipients()
        run.checkAnnexB()
        run.checkAnnexI()
        run.checkCrypto()
        return CMSValidationReport(decoded: decoded, findings: decoded.findings + run.sink.findings, profiles: profiles,
                                   plaintext: run.plaintext, mikeyReports: run.mikeyReports)
    }

    /// TR 33.829 Annex B.1 / RFC 8551 §3.2.2: the `smime-type` parameter of
    /// the application/pkcs7-mime entity carrying the message. RFC 8551
    /// registers `authEnveloped-data`; the TR writes `auth-enveloped-data`
    /// (FACTS.md §10, ambiguity 15): both are accepted, the TR spelling with
    /// a warning; anything else is an error.
    public static func checkSMIMEType(_ value: String) -> [Finding] {
        var sink = CMSFindingSink(profiles: [.tr33829AnnexB])
        switch value {
        case "authEnveloped-data": break
        case "auth-enveloped-data": sink.add(CMSRules.annexBSMIMETypeSpelling, at: nil, "smime-type")
        default: sink.add(CMSRules.annexBSMIMETypeWrong, at: nil, "smime-type", "smime-type=\(value) does not name AuthEnvelopedData (authEnveloped-data)")
        }
        return sink.findings
    }
}

/// State of one validation pass; the checks live in extensions, one file
/// per spec area.
struct CMSValidationRun {
    let d: DecodedContentInfo
    let cp: CMSCodePoints
    let key: CMSKeySource?
    var sink: CMSFindingSink
    var plaintext: VerifiedPlaintext? = nil
    var mikeyReports: [Int: MIKEYValidationReport] = [:]

    init(d: DecodedContentInfo, cp: CMSCodePoints, key: CMSKeySource?, sink: CMSFindingSink) {
        self.d = d
        self.cp = cp
        self.key = key
        self.sink = sink
    }

    var aed: AuthEnvelopedData? { d.authEnvelopedData }
    static let root = "authEnvelopedData"
    static let eci = "authEnvelopedData.authEncryptedContentInfo"
    static let alg = "authEnvelopedData.authEncryptedContentInfo.contentEncryptionAlgorithm"

    func at(_ path: String) -> Int? { d.offset(of: path) }

    mutating func add(_ rule: CMSRule, _ path: String, _ message: String? = nil) {
        sink.add(rule, at: at(path), path, message)
    }

    mutating func add(_ rule: CMSRule, at offset: Int?, _ path: String, _ message: String? = nil) {
        sink.add(rule, at: offset, path, message)
    }

    func recipientPath(_ i: Int, _ r: RecipientInfo) -> String { "\(Self.root).recipientInfos[\(i)].\(r.choiceName)" }

    /// Indices of the `id-ori-mikey` recipients.
    var mikeyRecipients: [(Int, OtherRecipientInfo)] {
        (aed?.recipientInfos ?? []).enumerated().compactMap { i, r in
            if case .ori(let o) = r, o.oriType == cp.oriMIKEY { return (i, o) }
            return nil
        }
    }
}
