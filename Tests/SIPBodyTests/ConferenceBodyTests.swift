import Testing
import MediasecCore
import MIKEY
import SDP
@testable import SIPBody

/// TR 33.829 clauses 5.3.3.3 / 5.3.3.4.1: the conference-factory INVITE body
/// and its cross-checks.
@Suite struct ConferenceBodyTests {
    typealias F = SIPBodyFixtures

    @Test func validConferenceFactoryBody() throws {
        let r = F.validate(try F.conferenceBody())
        let valid = r.isValid
        #expect(valid, "\(r.findings.map(\.description).joined(separator: "\n"))")
        #expect(!r.findings.contains { $0.code.hasPrefix("sip-body.") }, "\(r.findings.map(\.description))")
        #expect(r.decoded.parts.map(\.mediaType) == ["application/sdp", "application/resource-lists+xml", "application/mikey"])
        #expect(r.decoded.parts[1].disposition?.type == "recipient-list")
        #expect(r.decoded.parts[2].transferEncoding == .base64)
        #expect(r.conferenceFactory)
        // Every part went through its codec.
        guard case .mikey(let m)? = r.partReports[2] else { Issue.record("no MIKEY report"); return }
        #expect(m.decoded?.message.header.dataType == .transferInit)
        guard case .resourceLists(let l)? = r.partReports[1] else { Issue.record("no resource-lists report"); return }
        #expect(l.profiles.contains(.rfc5366))
        guard case .sdp? = r.partReports[0] else { Issue.record("no SDP report"); return }
    }

    @Test func participantNotListedIsFlagged() throws {
        let r = F.validate(try F.conferenceBody(participants: F.participants + ["sip:dave@example.org"]))
        expectCode(r, "sip-body.conf.participant-not-listed", path: "parts[2].mikey.payloads[5].participants[2]")
        expectNoCode(r, "sip-body.conf.recipient-not-participant")
        // The offset is the base64 character holding the ID payload's first bit.
        let f = try #require(r.findings.first { $0.code == "sip-body.conf.participant-not-listed" })
        let o = try #require(f.offset)
        let part = r.decoded.parts[2]
        #expect(part.bodyRange.contains(o))
    }

    @Test func recipientNotParticipantIsFlagged() throws {
        let r = F.validate(try F.conferenceBody(listed: ["sip:bob@example.org", "sip:mallory@example.org"]))
        expectCode(r, "sip-body.conf.recipient-not-participant", path: "parts[1].resourceLists.resource-lists.list[0].entry[1]@uri")
        expectCode(r, "sip-body.conf.participant-not-listed", path: "parts[2].mikey.payloads[5].participants[1]")
        #expect(!r.isValid)
        let f = try #require(r.findings.first { $0.code == "sip-body.conf.recipient-not-participant" })
        let o = try #require(f.offset)
        // The offset points at the uri attribute inside the XML part.
        #expect(Array(r.decoded.bytes[o..<(o + 3)]) == Array("uri".utf8))
    }

    @Test func uriComparisonIgnoresSchemeAndHostCase() throws {
        let r = F.validate(try F.conferenceBody(listed: ["SIP:bob@EXAMPLE.org", "sip:carol@example.org"]))
        expectNoCode(r, "sip-body.conf.recipient-not-participant")
        expectNoCode(r, "sip-body.conf.participant-not-listed")
        // The user part is case-sensitive (RFC 3261 §19.1.4).
        #expect(SIPBodyURI.comparable("sip:Bob@example.org") != SIPBodyURI.comparable("sip:bob@example.org"))
        #expect(SIPBodyURI.comparable("<sip:bob@Example.ORG;transport=tcp>") == "sip:bob@example.org;transport=tcp")
    }

    @Test func recipientListWithoutConferenceExtension() throws {
        let body = F.multipart([F.sdpPart(), F.listPart(), F.mikeyPart(try F.transferInit(conference: false))])
        expectCode(F.validate(body), "sip-body.conf.extension-missing")
    }

    @Test func presenceRulesOfClause5333() throws {
        // application/mikey without SDP.
        let noSDP = F.validate(F.multipart([F.mikeyPart(try F.transferInit())]))
        expectCode(noSDP, "sip-body.tr.sdp-missing")
        // Asked to check a factory INVITE that has no MIKEY part.
        let noMIKEY = F.validate(F.multipart([F.sdpPart(), F.listPart()]), options: SIPBodyValidationOptions(conferenceFactory: true))
        expectCode(noMIKEY, "sip-body.tr.mikey-missing")
        // Not inferred without a MIKEY part: a plain RFC 5366 INVITE is fine.
        let plain = F.validate(F.multipart([F.sdpPart(), F.listPart()]))
        expectNoCode(plain, "sip-body.tr.mikey-missing")
        #expect(!plain.conferenceFactory)
        // NOTE 2: #CS = 0 and I = 1.
        var p = MIKEYMessageTemplates.Parameters()
        p.csbID = 7
        let withCS = try MIKEYMessageTemplates.make(.transferInit, p).encoded()
        let r = F.validate(F.multipart([F.sdpPart(), F.mikeyPart(withCS)]))
        expectCode(r, "sip-body.tr.conf-cs-count", path: "parts[1].mikey.hdr.#cs")
        expectCode(r, "sip-body.tr.conf-forking")
        // A response carries TRANSFER_RESP.
        let resp = F.validate(try F.conferenceBody(), options: SIPBodyValidationOptions(isResponse: true))
        expectCode(resp, "sip-body.tr.mikey-data-type")
        // Two MIKEY parts.
        let two = F.validate(F.multipart([F.sdpPart(), F.mikeyPart(try F.transferInit()), F.mikeyPart(try F.transferInit())]))
        expectCode(two, "sip-body.tr.mikey-duplicate", path: "parts[2]")
    }

    @Test func recipientListNeedsItsDisposition() throws {
        let none = F.validate(F.multipart([F.sdpPart(), F.listPart(disposition: nil), F.mikeyPart(try F.transferInit())]))
        expectCode(none, "sip-body.part.recipient-list-disposition", path: "parts[1].contentDisposition")
        let other = F.validate(F.multipart([F.sdpPart(), F.listPart(disposition: "render"), F.mikeyPart(try F.transferInit())]))
        expectCode(other, "sip-body.part.recipient-list-disposition")
        // Still cross-checked: the list is the only resource-lists part.
        expectNoCode(other, "sip-body.conf.recipient-not-participant")
    }

    /// SDP with an a=key-mgmt carrying `mikey`.
    static func sdpWithKeyMgmt(_ mikey: [UInt8]) -> String {
        [
            "v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "m=audio 49170 RTP/SAVP 0", "a=key-mgmt:mikey \(Base64.encode(mikey))",
        ].map { $0 + "\r\n" }.joined()
    }

    @Test func keyMgmtAgainstMIKEYPart() throws {
        let conf = try F.transferInit()
        // The same message in both places: consistent.
        let same = F.validate(F.multipart([F.sdpPart(Self.sdpWithKeyMgmt(conf)), F.listPart(), F.mikeyPart(conf)]))
        expectNoCode(same, "sip-body.mikey.mismatch")
        // Same CSB ID, different message.
        let other = try F.transferInit(participants: ["sip:bob@example.org"])
        let r = F.validate(F.multipart([F.sdpPart(Self.sdpWithKeyMgmt(other)), F.listPart(), F.mikeyPart(conf)]))
        expectCode(r, "sip-body.mikey.mismatch", path: "parts[0].sdp.media[0].attributes[0].keyMgmt.mikey")
        // A separate media TRANSFER_INIT (other CSB ID, no conference extension) is the clause's normal case...
        let media = try F.transferInit(csbID: 0xABCD, conference: false)
        let sep = F.validate(F.multipart([F.sdpPart(Self.sdpWithKeyMgmt(media)), F.listPart(), F.mikeyPart(conf)]))
        expectNoCode(sep, "sip-body.mikey.mismatch")
        // ...unless the one-message reading is chosen.
        let strict = F.validate(F.multipart([F.sdpPart(Self.sdpWithKeyMgmt(media)), F.listPart(), F.mikeyPart(conf)]),
                                options: SIPBodyValidationOptions(keyMgmtRelation: .sameMessage))
        expectCode(strict, "sip-body.mikey.mismatch")
    }

    @Test func participantsFromKeyMgmtWhenNoMIKEYPart() throws {
        let conf = try F.transferInit(participants: ["sip:bob@example.org"])
        let r = F.validate(F.multipart([F.sdpPart(Self.sdpWithKeyMgmt(conf)), F.listPart()]), options: SIPBodyValidationOptions(conferenceFactory: false))
        expectCode(r, "sip-body.conf.recipient-not-participant", path: "parts[1].resourceLists.resource-lists.list[0].entry[1]@uri")
    }
}
