import MediasecCore
import MIKEY
import SDP
import ResourceLists
import CMS

/// How the TRANSFER_INIT of the application/mikey part relates to the one
/// of an SDP `a=key-mgmt` in the same body. TR 33.829 clause 5.3.3.3 keeps
/// the media keying "unchanged" (its own TRANSFER_INIT in the SDP offer,
/// with crypto sessions) beside the conference TRANSFER_INIT (#CS = 0,
/// NOTE 2), so two different messages are the normal case; a stricter
/// reading wants one message in both places.
public enum KeyMgmtRelation: String, Sendable, Hashable, CaseIterable {
    /// Two exchanges: a mismatch only when both claim the same bundle (same
    /// CSB ID, or both carry the 3GPP IMS CONF extension) yet differ.
    case separateExchanges
    /// One message: any difference in CSB ID or bytes is a mismatch.
    case sameMessage
}

public struct SIPBodyValidationOptions: Sendable {
    public var limits: SIPBodyLimits
    /// Options of the nested SDP validation (its `mikey` options are those
    /// of the key-mgmt MIKEY messages).
    public var sdp: SDPValidationOptions
    /// Options of the application/mikey validation; its code points also
    /// name the Annex C extension type for the cross-checks.
    public var mikey: MIKEYValidationOptions
    /// Options of the resource-lists validation; nil profiles run
    /// rfc4826 + rfc5364, plus rfc5366 for a `recipient-list` part.
    public var resourceLists: ResourceListsValidationOptions
    public var cms: CMSValidationOptions
    /// Whether the body is a conference-factory request of TR 33.829
    /// clause 5.3.3.3 (the presence rules apply); nil infers it from an
    /// application/mikey part.
    public var conferenceFactory: Bool?
    /// A response (TRANSFER_RESP expected) rather than a request.
    public var isResponse: Bool
    public var keyMgmtRelation: KeyMgmtRelation

    public init(limits: SIPBodyLimits = .default, sdp: SDPValidationOptions = SDPValidationOptions(), mikey: MIKEYValidationOptions = MIKEYValidationOptions(),
                resourceLists: ResourceListsValidationOptions = ResourceListsValidationOptions(), cms: CMSValidationOptions = CMSValidationOptions(),
                conferenceFactory: Bool? = nil, isResponse: Bool = false, keyMgmtRelation: KeyMgmtRelation = .separateExchanges) {
        self.limits = limits
        self.sdp = sdp
        self.mikey = mikey
        self.resourceLists = resourceLists
        self.cms = cms
        self.conferenceFactory = conferenceFactory
        self.isResponse = isResponse
        self.keyMgmtRelation = keyMgmtRelation
    }
}

/// The report of one part's codec.
public enum SIPBodyPartReport: Sendable {
    case sdp(SDPValidationReport)
    case resourceLists(ResourceListsValidationReport)
    case mikey(MIKEYValidationReport)
    case cms(CMSValidationReport)

    /// The path step under `parts[i]` that nests this codec's findings.
    public var pathName: String {
        switch self {
        case .sdp: "sdp"
        case .resourceLists: "resourceLists"
        case .mikey: "mikey"
        case .cms: "cms"
        }
    }
}

public struct SIPBodyValidationReport: Sendable {
    public var decoded: DecodedSIPBody
    /// Decoder findings, nested codec findings and cross-check findings.
    public var findings: [Finding]
    /// Codec reports by part index.
    public var partReports: [Int: SIPBodyPartReport]
    /// Whether the clause 5.3.3.3 presence rules ran.
    public var conferenceFactory: Bool

    public var isValid: Bool { findings.isValid }

    /// The CLI's JSON object: `{"format","valid","findings","decoded"}`.
    public func json(codePoints: CodePointProfile = .default) -> JSONValue {
        .object([
            ("format", .string("sip-body")),
            ("valid", .bool(isValid)),
            ("findings", JSONValue(findings)),
            ("decoded", SIPBodyJSON.tree(self, codePoints: codePoints)),
        ])
    }
}

/// Splits the body, validates each part with its codec (findings nested
/// under `parts[i].<sdp|resourceLists|mikey|cms>` with offsets mapped into
/// the body), then cross-checks the parts (``SIPBodyRules``).
public struct SIPBodyValidator: Sendable {
    public var options: SIPBodyValidationOptions

    public init(options: SIPBodyValidationOptions = SIPBodyValidationOptions()) {
        self.options = options
    }

    /// `contentType` is the value of the SIP message's Content-Type header.
    public func validate(contentType: String, body: [UInt8]) -> SIPBodyValidationReport {
        validate(SIPBodyDecoder(limits: options.limits).decode(contentType: contentType, body: body))
    }

    public func validate(_ decoded: DecodedSIPBody) -> SIPBodyValidationReport {
        var run = SIPBodyValidationRun(d: decoded, options: options)
        run.validateParts()
        run.checkPresence()
        run.checkConference()
        run.checkKeyMgmtConsistency()
        return SIPBodyValidationReport(decoded: decoded, findings: decoded.findings + run.findings, partReports: run.reports,
                                       conferenceFactory: run.conferenceFactory)
    }
}

/// State of one validation pass; checks live in extensions, one file per area.
struct SIPBodyValidationRun {
    let d: DecodedSIPBody
    let options: SIPBodyValidationOptions
    var findings: [Finding] = []
    var reports: [Int: SIPBodyPartReport] = [:]

    init(d: DecodedSIPBody, options: SIPBodyValidationOptions) {
        self.d = d
        self.options = options
    }

    var conferenceFactory: Bool { options.conferenceFactory ?? !d.parts(ofType: "application/mikey").isEmpty }

    mutating func add(_ rule: SIPBodyRule, at offset: Int?, _ path: String, _ message: String? = nil) {
        findings.append(rule.finding(at: offset, path, message))
    }

    /// Runs each part's codec and nests its findings.
    mutating func validateParts() {
        for part in d.parts {
            guard let content = part.content else { continue }
            let report: SIPBodyPartReport
            switch part.mediaType {
            case "application/sdp":
                report = .sdp(SDPValidator(options: options.sdp).validate(content))
            case "application/resource-lists+xml":
                var o = options.resourceLists
                if o.profiles == nil {
                    o.profiles = ResourceListsValidator.defaultProfiles.union(part.disposition?.type == "recipient-list" ? [.rfc5366] : [])
                }
                report = .resourceLists(ResourceListsValidator(options: o).validate(content))
            case "application/mikey":
                report = .mikey(MIKEYValidator(options: options.mikey).validate(content))
            case "application/pkcs7-mime", "application/x-pkcs7-mime":
                let r = CMSValidator(options: options.cms).validate(content)
                report = .cms(r)
                if let t = part.contentType?.parameter("smime-type") {
                    let at = part.header("Content-Type")?.offset
                    for f in CMSValidator.checkSMIMEType(t) {
                        var g = f
                        g.path = "parts[\(part.index)].contentType." + f.path
                        g.offset = at
                        findings.append(g)
                    }
                }
            default:
                continue
            }
            reports[part.index] = report
            nest(report, part)
        }
    }

    mutating func nest(_ report: SIPBodyPartReport, _ part: SIPBodyPart) {
        let fs: [Finding]
        switch report {
        case .sdp(let r): fs = r.findings
        case .resourceLists(let r): fs = r.findings
        case .mikey(let r): fs = r.findings
        case .cms(let r): fs = r.findings
        }
        let prefix = "parts[\(part.index)].\(report.pathName)"
        for f in fs {
            var g = f
            g.path = prefix + (f.path.isEmpty ? "" : "." + f.path)
            g.offset = f.offset.map { part.inputOffset(ofContentByte: $0) }
            if let o = f.offset { g.message += " (\(report.pathName) byte \(o))" }
            findings.append(g)
        }
    }

    /// The decoded application/mikey messages, with their part.
    var mikeyParts: [(SIPBodyPart, DecodedMIKEYMessage)] {
        d.parts.compactMap { p in
            if case .mikey(let r)? = reports[p.index], let m = r.decoded { return (p, m) }
            return nil
        }
    }

    /// The decoded key-mgmt MIKEY messages of the SDP parts, with the path
    /// of their attribute (`parts[i].sdp.<attribute>.keyMgmt.mikey`).
    var keyMgmtMessages: [(path: String, DecodedMIKEYMessage)] {
        var out: [(path: String, DecodedMIKEYMessage)] = []
        for p in d.parts {
            guard case .sdp(let r)? = reports[p.index] else { continue }
            for key in r.mikeyReports.keys.sorted() {
                if let m = r.mikeyReports[key]?.decoded { out.append(("parts[\(p.index)].sdp.\(key).keyMgmt.mikey", m)) }
            }
        }
        return out
    }
}
