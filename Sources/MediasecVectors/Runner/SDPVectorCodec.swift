import MediasecCore
import MIKEY
import SDP

/// Runs SDP vectors (format `sdp`) through ``SDPDecoder`` and
/// ``SDPValidator``.
///
/// A vector's `profiles` holds, in any order:
/// - SDP profile names (``SDPProfileName``: `rfc8866`, `rfc4568`, …); none
///   = the validator's automatic choice (every profile, `tr33829` when a TR
///   element is present);
/// - `role-offer` / `role-answer` (``SDPRole``; absent = unknown);
/// - the ambiguity choices of FACTS.md §10 items 17–19
///   (``SDPAmbiguityChoices``): `kdr-section631|abnf`,
///   `abnf-only-suite-registry|abnf`, `wsh-required|hint`,
///   `lifetime-max-srtp|srtcp`, `hash-case-insensitive|lowercase`;
///   absent = ``SDPAmbiguityChoices/default``;
/// - limits (``SDPLimits``), to reach a limit without a megabyte vector:
///   `max-bytes-N`, `max-lines-N`, `max-line-length-N`, `max-media-N`,
///   `max-formats-N`, `max-key-params-N`;
/// - `offer-answer`: the input is an offer and its answer, **separated by one
///   NUL byte** (`offer ‖ 0x00 ‖ answer`). NUL can never occur in a
///   description the decoder accepts (RFC 8866 §9 excludes it from every
///   field; `sdp.line.nul`), so the first NUL splits the pair without
///   ambiguity and both halves keep their exact bytes, line endings
///   included. The pair runs through ``SDPValidator/validateOfferAnswer(offer:answer:)``
///   (roles set by it; a `role-…` entry is an error); findings are the
///   pair's (`offer.…`, `answer.…` paths) and the decoded tree is
///   `{"offer": tree, "answer": tree}`.
///
/// `keys` are not used; `codePoints` are the MIKEY code-point keys
/// (``CodePointProfile``) of the nested `a=key-mgmt:mikey` messages.
public struct SDPVectorCodec: VectorCodec {
    public let format = "sdp"
    public init() {}

    /// The profile entry that marks an offer/answer pair.
    public static let offerAnswerEntry = "offer-answer"
    /// The option entries `<key>-<value>` (the vector schema allows
    /// `[a-z0-9-]` in profile entries).
    public static let optionKeys = ["role", "kdr", "abnf-only-suite", "wsh", "lifetime-max", "hash-case",
                                    "max-bytes", "max-lines", "max-line-length", "max-media", "max-formats", "max-key-params"]
    /// The byte between the offer and the answer of a pair.
    public static let pairSeparator: UInt8 = 0x00

    public struct Options: Sendable {
        public var validation: SDPValidationOptions
        public var offerAnswer: Bool
    }

    public func options(for vector: TestVector, in file: VectorFile) -> Result<Options, VectorFormatError> {
        func fail(_ p: String, _ m: String) -> Result<Options, VectorFormatError> { .failure(VectorFormatError(path: p, message: m)) }
        var cp = CodePointProfile.default
        for (k, v) in file.codePoints + (vector.codePoints ?? []) {
            do { try cp.apply(setting: "\(k)=\(v)") } catch { return fail("codePoints.\(k)", error.message) }
        }
        var o = SDPValidationOptions()
        o.mikey.codePoints = cp
        var profiles: Set<SDPProfileName> = []
        var pair = false
        var roleGiven = false
        for entry in vector.profiles ?? [] {
            if let p = SDPProfileName(rawValue: entry) { profiles.insert(p); continue }
            if entry == Self.offerAnswerEntry { pair = true; continue }
            guard let k = Self.optionKeys.filter({ entry.hasPrefix($0 + "-") }).max(by: { $0.count < $1.count }) else {
                return fail("profiles", "unknown profile or option \(entry)")
            }
            let v = String(entry.dropFirst(k.count + 1))
            var ok = true
            switch k {
            case "role":
                if let r = SDPRole(rawValue: v) { o.role = r; roleGiven = true } else { ok = false }
            case "kdr":
                if let c = SDPAmbiguityChoices.KDRRange(rawValue: v) { o.choices.kdrRange = c } else { ok = false }
            case "abnf-only-suite":
                if let c = SDPAmbiguityChoices.ABNFOnlySuite(rawValue: v) { o.choices.abnfOnlySuite = c } else { ok = false }
            case "wsh":
                if let c = SDPAmbiguityChoices.WSHMinimum(rawValue: v) { o.choices.wshMinimum = c } else { ok = false }
            case "lifetime-max":
                if let c = SDPAmbiguityChoices.LifetimeMaximum(rawValue: v) { o.choices.lifetimeMaximum = c } else { ok = false }
            case "hash-case":
                if let c = SDPAmbiguityChoices.HashNameCase(rawValue: v) { o.choices.hashNameCase = c } else { ok = false }
            default:
                guard let n = Int(v), n > 0 else { ok = false; break }
                switch k {
                case "max-bytes": o.limits.maxBytes = n
                case "max-lines": o.limits.maxLines = n
                case "max-line-length": o.limits.maxLineLength = n
                case "max-media": o.limits.maxMediaSections = n
                case "max-formats": o.limits.maxFormats = n
                default: o.limits.maxKeyParams = n
                }
            }
            if !ok { return fail("profiles", "bad value in \(entry)") }
        }
        if pair && roleGiven { return fail("profiles", "an offer-answer pair sets the roles itself") }
        if !vector.keys.isEmpty { return fail("keys", "SDP vectors take no keys") }
        o.profiles = profiles.isEmpty ? nil : profiles
        return .success(Options(validation: o, offerAnswer: pair))
    }

    /// Splits a pair input at its first NUL; nil when there is none.
    public static func split(_ input: [UInt8]) -> (offer: [UInt8], answer: [UInt8])? {
        guard let i = input.firstIndex(of: pairSeparator) else { return nil }
        return (Array(input[..<i]), Array(input[(i + 1)...]))
    }

    public func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome {
        let options: Options
        switch self.options(for: vector, in: file) {
        case .success(let o): options = o
        case .failure(let e): return .setup(e.description)
        }
        let v = options.validation
        let validator = SDPValidator(options: v)
        if options.offerAnswer {
            guard let (offer, answer) = Self.split(vector.input) else { return .setup("offer-answer input without the NUL separator") }
            let r = validator.validateOfferAnswer(offer: offer, answer: answer)
            let tree: JSONValue? = {
                guard let od = r.offer.decoded, let ad = r.answer.decoded else { return nil }
                return .object([("offer", SDPJSON.tree(od, codePoints: v.mikey.codePoints, limits: v.limits)),
                                ("answer", SDPJSON.tree(ad, codePoints: v.mikey.codePoints, limits: v.limits))])
            }()
            return VectorOutcome(findings: r.allFindings, decoded: tree)
        }
        let decoded: DecodedSessionDescription
        do {
            decoded = try SDPDecoder(limits: v.limits).decode(vector.input)
        } catch {
            return VectorOutcome(findings: [error.finding], decoded: nil, decodingError: error)
        }
        let r = validator.validate(decoded)
        return VectorOutcome(findings: r.findings, decoded: SDPJSON.tree(decoded, codePoints: v.mikey.codePoints, limits: v.limits))
    }
}
