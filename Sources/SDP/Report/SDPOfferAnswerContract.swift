import MediasecCore
import MIKEY

/// Which input a finding of an offer/answer validation points into, and
/// whether it is about one description or about the pair.
public enum SDPOfferAnswerSource: String, Sendable, Hashable, CaseIterable {
    /// The offer's own finding (`offer.…`).
    case offer
    /// The answer's own finding (`answer.…`).
    case answer
    /// A rule that needs both, whose offset points into the offer (`pair.offer.…`).
    case pairOffer = "pair.offer"
    /// A rule that needs both, whose offset points into the answer (`pair.answer.…`).
    case pairAnswer = "pair.answer"

    /// The description the finding's offset is an offset into.
    public var document: SDPRole { self == .offer || self == .pairOffer ? .offer : .answer }

    /// The source of a finding of ``SDPOfferAnswerReport/attributedFindings``.
    public init?(path: String) {
        for s in [Self.pairOffer, .pairAnswer, .offer, .answer] where path == s.rawValue || path.hasPrefix(s.rawValue + ".") {
            self = s
            return
        }
        return nil
    }
}

extension SDPOfferAnswerReport {
    /// Every finding, attributed by its path: `offer.` and `answer.` for
    /// each description's own findings, `pair.offer.` / `pair.answer.` for
    /// the offer/answer rules (the second step names the description the
    /// offset points into). Offer first, then answer, then the pair.
    public var attributedFindings: [Finding] {
        offer.findings.map { Self.prefixed($0, "offer") }
            + answer.findings.map { Self.prefixed($0, "answer") }
            // The pair's findings already start with offer. / answer.
            + findings.map { Self.prefixed($0, "pair") }
    }

    static func prefixed(_ f: Finding, _ side: String) -> Finding {
        var g = f
        g.path = f.path.isEmpty ? side : side + "." + f.path
        return g
    }

    /// The CLI's JSON object, the contract of every format:
    /// `{"format": "sdp-offer-answer", "valid", "profiles", "findings",
    /// "decoded": {"offer", "answer"}}` with ``attributedFindings``.
    public func contractJSON(codePoints: CodePointProfile = .default) -> JSONValue {
        .object([
            ("format", .string("sdp-offer-answer")),
            ("valid", .bool(isValid)),
            ("profiles", .array(offer.profiles.union(answer.profiles).map(\.rawValue).sorted().map { .string($0) })),
            ("findings", JSONValue(attributedFindings)),
            ("decoded", .object([
                ("offer", offer.decoded.map { SDPJSON.tree($0, codePoints: codePoints) } ?? .null),
                ("answer", answer.decoded.map { SDPJSON.tree($0, codePoints: codePoints) } ?? .null),
            ])),
        ])
    }
}
