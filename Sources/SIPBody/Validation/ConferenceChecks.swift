import MediasecCore
import MIKEY
import ResourceLists

/// A participant identity of the Annex C extension, where it lies.
struct ConferenceParticipant {
    var uri: String
    var path: String
    var offset: Int?
}

/// The Annex C extension of a message: its participants, or why its data
/// is not an ID chain.
enum ConferenceExtension {
    case participants([ConferenceParticipant])
    case malformed(Finding)
}

/// A recipient of the recipient-list part, where it lies.
struct ListedRecipient {
    var uri: String
    var path: String
    var offset: Int?
}

/// TR 33.829 clauses 5.3.3.3 / 5.3.3.4.1 and Annex C: the participant list
/// of the 3GPP IMS CONF extension against the recipient list, and the
/// clause's presence rules.
extension SIPBodyValidationRun {
    var codePoints: CodePointProfile { options.mikey.codePoints }

    /// Clause 5.3.3.3: a conference-factory INVITE carries the SDP offer
    /// and one application/mikey part with the TRANSFER_INIT (#CS = 0, a
    /// forking ticket: NOTE 2); RFC 5366 §4: one recipient list.
    mutating func checkPresence() {
        let lists = d.parts.filter { $0.mediaType == "application/resource-lists+xml" && $0.disposition?.type == "recipient-list" }
        if lists.count > 1 { add(SIPBodyRules.recipientListDuplicate, at: lists[1].delimiterOffset, "parts[\(lists[1].index)]") }
        guard conferenceFactory, d.contentType != nil, !(d.isMultipart && d.parts.isEmpty) else { return }
        if d.parts(ofType: "application/sdp").isEmpty {
            add(SIPBodyRules.sdpMissing, at: nil, "parts", "parts: \(d.parts.map(\.mediaType).joined(separator: ", "))")
        }
        let mikey = d.parts(ofType: "application/mikey")
        if mikey.isEmpty { add(SIPBodyRules.mikeyMissing, at: nil, "parts") }
        if mikey.count > 1 { add(SIPBodyRules.mikeyDuplicate, at: mikey[1].delimiterOffset, "parts[\(mikey[1].index)]") }
        guard let (part, dm) = mikeyParts.first else { return }
        let m = dm.message
        let base = "parts[\(part.index)].mikey"
        let expected: DataType = options.isResponse ? .transferResp : .transferInit
        if m.header.dataType != expected {
            add(SIPBodyRules.mikeyDataType, at: part.inputOffset(ofContentByte: 1), "\(base).hdr.dataType",
                "data type \(m.header.dataType.rawValue), expected \(expected.rawValue)")
        }
        if m.header.csIDMap.csCount != 0 {
            add(SIPBodyRules.confCryptoSessions, at: part.inputOffset(ofContentByte: 8), "\(base).hdr.#cs", "#CS is \(m.header.csIDMap.csCount)")
        }
        if m.header.dataType == .transferInit {
            for (k, p) in m.payloads.enumerated() {
                guard case .ticket(let t) = p, !t.policy.flags.contains(.i) else { continue }
                let at = k < dm.spans.count ? part.inputOffset(ofContentByte: dm.spans[k].range.lowerBound) : nil
                add(SIPBodyRules.confForking, at: at, "\(base).payloads[\(k)].flags", "ticket policy flags \(t.policy.flags.letterString) lack I")
            }
        }
    }

    /// The Annex C participants of a message: nil without the extension,
    /// a failure when its data is not an ID chain.
    func participants(of dm: DecodedMIKEYMessage, path: String, offset: (Int) -> Int?) -> ConferenceExtension? {
        for (k, p) in dm.message.payloads.enumerated() {
            guard case .generalExtension(let g) = p, g.type == codePoints.extensionIMSConference else { continue }
            let start = k < dm.spans.count ? dm.spans[k].range.lowerBound : nil
            let extPath = "\(path).payloads[\(k)]"
            let ids: [IDPayload]
            do {
                guard case .imsConference(let list) = try g.content(profile: codePoints) else { return .participants([]) }
                ids = list
            } catch {
                return .malformed(SIPBodyRules.confExtensionMalformed.finding(at: start.flatMap { offset($0 + 4 + error.offset) }, "\(extPath).\(error.path)", "\(error.code): \(error.message)"))
            }
            var out: [ConferenceParticipant] = []
            var at = start.map { $0 + 4 }
            for (j, id) in ids.enumerated() {
                let text = String(decoding: id.data, as: UTF8.self)
                let uri = id.idType == .nai ? "sip:" + text : text
                out.append(ConferenceParticipant(uri: uri, path: "\(extPath).participants[\(j)]", offset: at.flatMap(offset)))
                at = at.map { $0 + 4 + id.data.count }
            }
            return .participants(out)
        }
        return nil
    }

    /// The entries of the first recipient-list part (any resource-lists part
    /// when none is marked), in document order with their paths.
    var recipientList: (SIPBodyPart, [ListedRecipient])? {
        let candidates = d.parts.filter { $0.mediaType == "application/resource-lists+xml" }
        let ordered = candidates.filter { $0.disposition?.type == "recipient-list" } + candidates.filter { $0.disposition?.type != "recipient-list" }
        for part in ordered {
            guard case .resourceLists(let r)? = reports[part.index], let dec = r.decoded else { continue }
            var out: [ListedRecipient] = []
            var counter = 0
            func walk(_ list: ResourceList, _ path: String) {
                var entryIndex = 0, listIndex = 0
                for child in list.children {
                    counter += 1
                    if counter > 10_000 { return }
                    switch child {
                    case .entry(let e):
                        let p = "\(path).entry[\(entryIndex)]"
                        entryIndex += 1
                        guard let uri = e.uri else { continue }
                        let pos = dec.positions[p + "@uri"] ?? dec.positions[p]
                        out.append(ListedRecipient(uri: uri, path: "parts[\(part.index)].resourceLists.\(p)@uri",
                                                   offset: pos.map { part.inputOffset(ofContentByte: $0.offset) }))
                    case .list(let l):
                        walk(l, "\(path).list[\(listIndex)]")
                        listIndex += 1
                    default: break
                    }
                }
            }
            for (i, l) in dec.document.lists.enumerated() { walk(l, "\(ResourceListsPath.root).list[\(i)]") }
            return (part, out)
        }
        return nil
    }

    /// Annex C participants vs recipient-list entries, both ways.
    mutating func checkConference() {
        var source: ConferenceExtension? = nil
        if let (part, dm) = mikeyParts.first {
            source = participants(of: dm, path: "parts[\(part.index)].mikey") { part.inputOffset(ofContentByte: $0) }
        }
        if source == nil {
            for (path, dm) in keyMgmtMessages {
                if let s = participants(of: dm, path: path, offset: { _ in nil }) { source = s; break }
            }
        }
        let list = recipientList
        switch source {
        case .malformed(let f)?:
            findings.append(f)
        case .participants(let participants)?:
            guard let (_, recipients) = list else { return }
            let listed = Set(recipients.map { SIPBodyURI.comparable($0.uri) })
            let allowed = Set(participants.map { SIPBodyURI.comparable($0.uri) })
            for p in participants where !listed.contains(SIPBodyURI.comparable(p.uri)) {
                add(SIPBodyRules.participantNotListed, at: p.offset, p.path, "participant \(p.uri) is not in the recipient list")
            }
            for r in recipients where !allowed.contains(SIPBodyURI.comparable(r.uri)) {
                add(SIPBodyRules.recipientNotParticipant, at: r.offset, r.path, "recipient \(r.uri) is not a participant of the 3GPP IMS CONF extension")
            }
        case nil:
            guard let (part, _) = list, conferenceFactory else { return }
            let at = mikeyParts.first.map { $0.0.delimiterOffset } ?? part.delimiterOffset
            add(SIPBodyRules.confExtensionMissing, at: at, mikeyParts.first.map { "parts[\($0.0.index)].mikey" } ?? "parts",
                "recipient list in parts[\(part.index)] but no 3GPP IMS CONF extension (type \(codePoints.extensionIMSConference.rawValue))")
        }
    }

    /// The application/mikey message against the key-mgmt messages of the SDP.
    mutating func checkKeyMgmtConsistency() {
        guard let (part, dm) = mikeyParts.first else { return }
        let confType = codePoints.extensionIMSConference
        let hasConf: (MIKEYMessage) -> Bool = { m in
            m.payloads.contains { if case .generalExtension(let g) = $0 { g.type == confType } else { false } }
        }
        let partConf = hasConf(dm.message)
        let partIDRi = Self.initiator(dm.message)
        for (path, km) in keyMgmtMessages {
            let sameBytes = km.bytes == dm.bytes
            let sameCSB = km.message.header.csbID == dm.message.header.csbID
            let claim: Bool
            switch options.keyMgmtRelation {
            case .sameMessage: claim = true
            case .separateExchanges: claim = sameCSB || (partConf && hasConf(km.message))
            }
            if claim && !sameBytes {
                add(SIPBodyRules.mikeyMismatch, at: part.delimiterOffset, path,
                    "CSB ID 0x\(String(km.message.header.csbID, radix: 16)) vs 0x\(String(dm.message.header.csbID, radix: 16)) in parts[\(part.index)]; \(km.bytes.count) vs \(dm.bytes.count) bytes; the messages differ")
            }
            if let a = partIDRi, let b = Self.initiator(km.message), a != b {
                add(SIPBodyRules.mikeyInitiatorMismatch, at: part.delimiterOffset, path,
                    "IDRi \(String(decoding: b, as: UTF8.self)) vs \(String(decoding: a, as: UTF8.self)) in parts[\(part.index)]")
            }
        }
    }

    static func initiator(_ m: MIKEYMessage) -> [UInt8]? {
        m.first { if case .idRole(let r) = $0, r.role == .initiator { r.data } else { nil } }
    }
}

/// The comparison form of a participant or recipient URI: outer blanks and
/// `<…>` removed, the scheme and the host part (after the last `@`, up to
/// `;`, `?` or `>`) lowercased, the user part kept as written (RFC 3261
/// §19.1.4 compares the user part case-sensitively, host and scheme not).
/// URI parameters are compared as written.
public enum SIPBodyURI {
    public static func comparable(_ s: String) -> String {
        var u = Array(s.utf8)
        while let f = u.first, f == 0x20 || f == 0x09 { u.removeFirst() }
        while let l = u.last, l == 0x20 || l == 0x09 { u.removeLast() }
        if u.first == 0x3c, u.last == 0x3e { u = Array(u.dropFirst().dropLast()) }
        func lower(_ b: UInt8) -> UInt8 { (0x41...0x5a).contains(b) ? b + 32 : b }
        if let colon = u.firstIndex(of: 0x3a) {
            for i in 0..<colon { u[i] = lower(u[i]) }
            let hostStart = (u.lastIndex(of: 0x40).map { $0 + 1 }) ?? (colon + 1)
            var i = max(hostStart, colon + 1)
            while i < u.count, u[i] != 0x3b, u[i] != 0x3f { u[i] = lower(u[i]); i += 1 }
        }
        return String(decoding: u, as: UTF8.self)
    }
}
