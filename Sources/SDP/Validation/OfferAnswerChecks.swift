import MediasecCore
import MIKEY

/// The result of validating an offer and its answer: each description on
/// its own (with its role) and the rules that need both.
public struct SDPOfferAnswerReport: Sendable {
    public var offer: SDPValidationReport
    public var answer: SDPValidationReport
    /// Findings about the pair; paths start with `offer.` or `answer.` and
    /// offsets point into that description.
    public var findings: [Finding]

    public var isValid: Bool { offer.isValid && answer.isValid && findings.isValid }

    public var allFindings: [Finding] {
        offer.findings.map { var f = $0; f.path = "offer." + f.path; return f }
            + answer.findings.map { var f = $0; f.path = "answer." + f.path; return f }
            + findings
    }

    public func json(codePoints: CodePointProfile = .default) -> JSONValue {
        .object([
            ("format", .string("sdp-offer-answer")),
            ("valid", .bool(isValid)),
            ("findings", JSONValue(findings)),
            ("offer", offer.json(codePoints: codePoints)),
            ("answer", answer.json(codePoints: codePoints)),
        ])
    }
}

extension SDPValidator {
    /// Validates `offer` (role offer) and `answer` (role answer), then the
    /// offer/answer rules: m-line count and types (RFC 3264 §6), setup and
    /// connection pairs (RFC 4145 §4.1, §5.1), crypto tag acceptance
    /// (RFC 4568 §5.1.2, §5.1.3, §7.1.2, §7.5), fingerprints on TLS/DTLS
    /// streams (RFC 8122 §5), tls-id (RFC 8842 §5.3), key-mgmt pairing and
    /// the MIKEY response type (RFC 4567 §4.1, RFC 3830 §5, TR 33.829
    /// TRANSFER_INIT → TRANSFER_RESP), and BFCP floor control roles
    /// (RFC 8856 §5.1).
    public func validateOfferAnswer(offer: [UInt8], answer: [UInt8]) -> SDPOfferAnswerReport {
        var o = options; o.role = .offer
        var a = options; a.role = .answer
        let decoder = SDPDecoder(limits: options.limits)
        guard let od = try? decoder.decode(offer), let ad = try? decoder.decode(answer) else {
            return SDPOfferAnswerReport(offer: SDPValidator(options: o).validate(offer), answer: SDPValidator(options: a).validate(answer), findings: [])
        }
        // One exchange, one set of profiles: a TR 33.829 offer makes its
        // answer a TR 33.829 answer too.
        let profiles = options.profiles ?? Self.applicableProfiles(for: od, options: o).union(Self.applicableProfiles(for: ad, options: a))
        o.profiles = profiles
        a.profiles = profiles
        let or = SDPValidator(options: o).validate(od)
        let ar = SDPValidator(options: a).validate(ad)
        var pair = OfferAnswerRun(offer: SDPIndex(od, limits: options.limits), answer: SDPIndex(ad, limits: options.limits), options: options,
                                  offerSink: SDPFindingSink(profiles: profiles, lineOffsets: od.lineOffsets),
                                  answerSink: SDPFindingSink(profiles: profiles, lineOffsets: ad.lineOffsets))
        pair.offerSink.pathPrefix = "offer."
        pair.answerSink.pathPrefix = "answer."
        pair.run()
        return SDPOfferAnswerReport(offer: or, answer: ar, findings: pair.offerSink.findings + pair.answerSink.findings)
    }
}

/// The RFC 3830 / RFC 6043 response data type of each initial data type.
enum MIKEYExchange {
    static let response: [UInt8: UInt8] = [0: 1, 2: 3, 4: 5, 7: 8, 9: 10, 11: 13, 12: 13, 14: 15, 16: 18, 17: 18]
}

struct OfferAnswerRun {
    let offer: SDPIndex
    let answer: SDPIndex
    let options: SDPValidationOptions
    var offerSink: SDPFindingSink
    var answerSink: SDPFindingSink

    mutating func run() {
        let n = min(offer.mediaCount, answer.mediaCount)
        if offer.mediaCount != answer.mediaCount {
            let at = answer.mediaCount > 0 ? answer.mLineOffset(0) : answer.lineOffset(max(0, answer.d.lines.count - 1))
            answerSink.add(SDPRules.oaMediaCount, at: at, "media", "the offer has \(offer.mediaCount) m= line(s), the answer \(answer.mediaCount)")
        }
        var checkedKeyMgmt = Set<String>()
        for mi in 0..<n { checkMedia(mi, &checkedKeyMgmt) }
    }

    mutating func checkMedia(_ mi: Int, _ checkedKeyMgmt: inout Set<String>) {
        guard let om = offer.mediaField(mi), let am = answer.mediaField(mi) else { return }
        let path = "media[\(mi)]"
        let aAt = answer.mLineOffset(mi)
        if om.media != am.media {
            answerSink.add(SDPRules.oaMediaType, at: aAt, path + ".media", "offer '\(om.media)', answer '\(am.media)'")
        }
        if om.proto != am.proto {
            answerSink.add(SDPRules.oaProto, at: aAt, path + ".proto", "offer \(om.proto), answer \(am.proto)")
        }
        if am.isRejected || om.isRejected { return }
        let proto = om.transport
        checkSetup(mi, proto)
        checkConnectionAttr(mi)
        // Fingerprints wherever TLS/DTLS is used.
        if proto.usesTLSOrDTLS || am.transport.usesTLSOrDTLS {
            if offer.effective(mi, SDPIndex.fingerprint).items.isEmpty {
                offerSink.add(SDPRules.oaFingerprintMissing, at: offer.mLineOffset(mi), path, "the offer's \(om.proto) stream has no fingerprint")
            }
            if answer.effective(mi, SDPIndex.fingerprint).items.isEmpty {
                answerSink.add(SDPRules.oaFingerprintMissing, at: aAt, path, "the answer's \(am.proto) stream has no fingerprint")
            }
        }
        if offer.typed(.media(mi), SDPIndex.tlsID).isEmpty, let (da, _) = answer.typed(.media(mi), SDPIndex.tlsID).first {
            answerSink.add(SDPRules.oaTLSIDUnexpected, at: answer.lineOffset(da.located.lineIndex), da.located.path)
        }
        checkCrypto(mi)
        checkKeyMgmt(mi, &checkedKeyMgmt)
        checkFloorControl(mi)
    }

    mutating func checkSetup(_ mi: Int, _ proto: TransportProtocol) {
        let os = offer.effective(mi, SDPIndex.setup).items.first
        let asx = answer.effective(mi, SDPIndex.setup).items.first
        guard os != nil || asx != nil || proto.isTCP || proto.isDatagramTLS else { return }
        // RFC 4145 §4.1 defaults: active in the offer, passive in the answer.
        let offered = os?.1.role ?? .active
        let answered = asx?.1.role ?? .passive
        let at = asx.map { $0.0.valueOffset } ?? answer.mLineOffset(mi)
        let path = asx.map { "\($0.0.located.path).setup" } ?? "media[\(mi)]"
        if !SetupAttribute.allowedAnswers(to: offered).contains(answered) {
            answerSink.add(SDPRules.oaSetupRole, at: at, path, "offer setup:\(offered.rawValue)\(os == nil ? " (default)" : ""), answer setup:\(answered.rawValue)\(asx == nil ? " (default)" : "")")
        }
        if proto.isDatagramTLS && !(answered == .active || answered == .passive) {
            answerSink.add(SDPRules.oaDTLSAnswerSetup, at: at, path, "answer setup:\(answered.rawValue) on a \(proto) stream")
        }
    }

    mutating func checkConnectionAttr(_ mi: Int) {
        guard let (_, oc) = offer.effective(mi, SDPIndex.connection).items.first,
              let (da, ac) = answer.effective(mi, SDPIndex.connection).items.first else { return }
        if !ConnectionAttribute.allowedAnswers(to: oc.value).contains(ac.value) {
            answerSink.add(SDPRules.oaConnection, at: da.valueOffset, da.located.path(".connection"), "offer connection:\(oc.value.rawValue), answer connection:\(ac.value.rawValue)")
        }
    }

    mutating func checkCrypto(_ mi: Int) {
        let oc = offer.typed(.media(mi), SDPIndex.crypto)
        guard !oc.isEmpty else { return }
        let ac = answer.typed(.media(mi), SDPIndex.crypto)
        let path = "media[\(mi)]"
        let answerKM = !answer.effective(mi, SDPIndex.keyMgmt).items.isEmpty
        let offerKM = !offer.effective(mi, SDPIndex.keyMgmt).items.isEmpty
        if ac.isEmpty {
            if !(answerKM && offerKM) && !answer.has(.crypto, .media(mi)) {
                answerSink.add(SDPRules.oaCryptoMissing, at: answer.mLineOffset(mi), path, "the offer has \(oc.count) a=crypto for media[\(mi)], the accepted answer none")
            }
            return
        }
        if ac.count > 1 {
            answerSink.add(SDPRules.oaCryptoCount, at: answer.lineOffset(ac[1].0.located.lineIndex), ac[1].0.located.path, "the answer has \(ac.count) a=crypto lines for media[\(mi)]")
        }
        let (da, a) = ac[0]
        if let (_, o) = oc.first(where: { $0.1.tag.value == a.tag.value && $0.1.tag.value != nil }) {
            if (a.suite.canonicalName ?? a.suite.rawValue) != (o.suite.canonicalName ?? o.suite.rawValue) {
                answerSink.add(SDPRules.oaCryptoSuite, at: da.offset("suite"), da.located.path(".crypto.suite"), "tag \(a.tag) was offered with \(o.suite), answered with \(a.suite)")
            }
        } else {
            answerSink.add(SDPRules.oaCryptoTag, at: da.offset("tag"), da.located.path(".crypto.tag"), "tag \(a.tag) is not one of the offered tags \(oc.map(\.1.tag.text).joined(separator: ", "))")
        }
        let offered = Set(oc.flatMap { $0.1.inlineKeys.compactMap(\.keySaltBytes) })
        for (i, k) in a.inlineKeys.enumerated() {
            if let b = k.keySaltBytes, offered.contains(b) {
                answerSink.add(SDPRules.oaCryptoKeyReuse, at: da.offset("keyParams[\(i)]"), "\(da.located.path).crypto.keyParams[\(i)]")
            }
        }
        if !answer.typed(.media(mi), SDPIndex.keyMgmt).isEmpty {
            answerSink.add(SDPRules.oaCryptoAndKeyMgmt, at: answer.lineOffset(da.located.lineIndex), da.located.path)
        }
    }

    static func decodeMIKEY(_ k: KeyMgmtAttribute, _ options: SDPValidationOptions) -> MIKEYMessage? {
        guard k.isMIKEY, let b = try? k.decodedData.get() else { return nil }
        return try? MIKEYDecoder(profile: options.mikey.codePoints, limits: options.mikey.limits).decodeMessage(b)
    }

    mutating func checkKeyMgmt(_ mi: Int, _ checked: inout Set<String>) {
        let ok = offer.effective(mi, SDPIndex.keyMgmt)
        guard !ok.items.isEmpty else { return }
        let ak = answer.effective(mi, SDPIndex.keyMgmt)
        let path = "media[\(mi)]"
        if ak.items.isEmpty {
            if answer.typed(.media(mi), SDPIndex.crypto).isEmpty && !answer.has(.keyMgmt, .media(mi))
                && !answer.has(.keyMgmt, .session) {
                answerSink.add(SDPRules.oaKeyMgmtMissing, at: answer.mLineOffset(mi), path, "media[\(mi)] is keyed by a=key-mgmt in the offer, not in the answer")
            }
            return
        }
        for (da, a) in ak.items {
            let pairKey = "\(ok.items[0].0.located.path)|\(da.located.path)"
            guard checked.insert(pairKey).inserted else { continue }
            guard let (_, o) = ok.items.first(where: { $0.1.protocolID == a.protocolID }) else {
                answerSink.add(SDPRules.oaKeyMgmtProtocol, at: da.offset("protocolId"), da.located.path(".keyMgmt.protocolId"),
                               "'\(a.protocolID)' was not offered (\(ok.items.map(\.1.protocolID).joined(separator: ", ")))")
                continue
            }
            guard let om = Self.decodeMIKEY(o, options), let am = Self.decodeMIKEY(a, options) else { continue }
            let ot = om.header.dataType.rawValue, at = am.header.dataType.rawValue
            let mpath = da.located.path(".keyMgmt.mikey.hdr")
            if let expected = MIKEYExchange.response[ot], at != expected, at != DataType.error.rawValue {
                answerSink.add(SDPRules.oaKeyMgmtResponseType, at: da.offset("data"), mpath + ".dataType",
                               "offer \(om.header.dataType), answer \(am.header.dataType); expected \(DataType(rawValue: expected))")
            }
            if om.header.csbID != am.header.csbID {
                answerSink.add(SDPRules.oaKeyMgmtCSBID, at: da.offset("data"), mpath + ".csbId",
                               "offer CSB ID \(om.header.csbID), answer CSB ID \(am.header.csbID)")
            }
            if !(ot == DataType.transferInit.rawValue && at == DataType.transferResp.rawValue) {
                answerSink.add(SDPRules.oaTransferPair, at: da.offset("data"), mpath + ".dataType",
                               "offer \(om.header.dataType), answer \(am.header.dataType)")
            }
        }
    }

    mutating func checkFloorControl(_ mi: Int) {
        guard let (_, of) = offer.typed(.media(mi), SDPIndex.floorControl).first else { return }
        let path = "media[\(mi)]"
        guard let (da, af) = answer.typed(.media(mi), SDPIndex.floorControl).first else {
            answerSink.add(SDPRules.oaFloorctrl, at: answer.mLineOffset(mi), path, "the offer has floorctrl:\(of.encodedValue); the answer MUST include floorctrl")
            return
        }
        var allowed = Set<FloorControlAttribute.Role>()
        if of.mayBeClient { allowed.insert(.serverOnly) }
        if of.mayBeServer { allowed.insert(.clientOnly) }
        if af.roles.count != 1 || !allowed.contains(af.roles[0]) {
            answerSink.add(SDPRules.oaFloorctrl, at: da.valueOffset, da.located.path(".floorctrl"),
                           "offer floorctrl:\(of.encodedValue), answer floorctrl:\(af.encodedValue) (allowed: \(allowed.map(\.rawValue).sorted().joined(separator: " or ")))")
        }
    }
}
