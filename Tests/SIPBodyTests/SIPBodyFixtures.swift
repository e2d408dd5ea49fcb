import Testing
import MediasecCore
import MIKEY
@testable import SIPBody

/// Builders for conference-factory bodies (TR 33.829 clause 5.3.3.4.1).
enum SIPBodyFixtures {
    static let boundary = "boundary1"
    static let contentType = "multipart/mixed;boundary=\"boundary1\""
    static let participants = ["sip:bob@example.org", "sip:carol@example.org"]

    /// The conference TRANSFER_INIT: the template with #CS = 0, a forking
    /// ticket and the Annex C extension listing `participants` (before V).
    static func transferInit(participants: [String] = participants, csbID: UInt32 = 0x1234_5678, conference: Bool = true, forking: Bool = true) throws -> [UInt8] {
        var p = MIKEYMessageTemplates.Parameters()
        p.csbID = csbID
        var m = MIKEYMessageTemplates.make(.transferInit, p)
        m.header.csIDMap = .generic([])
        m.payloads.removeAll { if case .securityPolicy = $0 { true } else { false } }
        if forking, let i = m.payloads.firstIndex(where: { if case .ticket = $0 { true } else { false } }), case .ticket(var t) = m.payloads[i] {
            // NOTE 2 of clause 5.3.3.3: I = 1; Initiator Data = First Payload, Vi, Vr (RFC 6043 §6.10).
            t.policy.flags.insert(.i)
            t.initiatorData = [.verification(.placeholder(.hmacSHA256_256)), .verification(.placeholder(.hmacSHA256_256))]
            m.payloads[i] = .ticket(t)
        }
        if conference {
            let ext = try GeneralExtensionPayload.imsConference(participants: participants.map { IDPayload(uri: $0) })
            m.payloads.insert(.generalExtension(ext), at: m.payloads.count - 1)
        }
        return try m.encoded()
    }

    static func resourceLists(_ uris: [String] = participants) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>\r
        <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:cp="urn:ietf:params:xml:ns:copycontrol">\r
          <list>\r
        \(uris.map { "    <entry uri=\"\($0)\" cp:copyControl=\"to\"/>\r\n" }.joined())  </list>\r
        </resource-lists>\r

        """
    }

    static let sdp = [
        "v=0", "o=alice 2890844526 2890844527 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
        "m=audio 49170 RTP/AVP 0",
    ].map { $0 + "\r\n" }.joined()

    /// Base64 in 76-character lines, CRLF-separated.
    static func base64Lines(_ b: [UInt8]) -> String {
        let s = Array(Base64.encode(b))
        return stride(from: 0, to: s.count, by: 76).map { String(s[$0..<min($0 + 76, s.count)]) }.joined(separator: "\r\n")
    }

    struct Part { var headers: [String]; var body: String }

    static func sdpPart(_ text: String = sdp) -> Part { Part(headers: ["Content-Type: application/sdp"], body: text) }
    static func listPart(_ xml: String = resourceLists(), disposition: String? = "recipient-list") -> Part {
        Part(headers: ["Content-Type: application/resource-lists+xml"] + (disposition.map { ["Content-Disposition: \($0)"] } ?? []), body: xml)
    }
    static func mikeyPart(_ bytes: [UInt8]) -> Part {
        Part(headers: ["Content-Type: application/mikey", "Content-Transfer-Encoding: base64"], body: base64Lines(bytes) + "\r\n")
    }

    /// RFC 2046 framing with CRLF: `--b CRLF headers CRLF CRLF body CRLF --b … --b--`.
    static func multipart(_ parts: [Part], boundary: String = boundary, close: Bool = true, eol: String = "\r\n") -> [UInt8] {
        var s = ""
        for p in parts {
            s += "--\(boundary)\(eol)"
            s += p.headers.map { $0 + eol }.joined() + eol
            s += p.body + eol
        }
        if close { s += "--\(boundary)--\(eol)" }
        return Array(s.utf8)
    }

    static func conferenceBody(participants: [String] = participants, listed: [String] = participants) throws -> [UInt8] {
        multipart([sdpPart(), listPart(resourceLists(listed)), mikeyPart(try transferInit(participants: participants))])
    }

    static func validate(_ body: [UInt8], contentType: String = contentType, options: SIPBodyValidationOptions = SIPBodyValidationOptions()) -> SIPBodyValidationReport {
        SIPBodyValidator(options: options).validate(contentType: contentType, body: body)
    }
}

func expectCode(_ r: SIPBodyValidationReport, _ code: String, path: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let hit = r.findings.contains { $0.code == code && (path == nil || $0.path == path) }
    #expect(hit, "expected \(code)\(path.map { " at \($0)" } ?? "") in:\n\(r.findings.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
}

func expectNoCode(_ r: SIPBodyValidationReport, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let hits = r.findings.filter { $0.code == code }
    #expect(hits.isEmpty, "unexpected \(code): \(hits.map(\.description))", sourceLocation: sourceLocation)
}
