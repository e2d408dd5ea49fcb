import Testing
import MediasecCore
import MIKEY
import CMS
@testable import SIPBody

/// Each codec's findings nest under `parts[i].<format>` with body offsets;
/// hostile input never traps.
@Suite struct NestedPartTests {
    typealias F = SIPBodyFixtures

    static func cmsPart(_ der: [UInt8], smimeType: String = "authEnveloped-data") -> F.Part {
        F.Part(headers: ["Content-Type: application/pkcs7-mime; smime-type=\(smimeType); name=smime.p7m", "Content-Transfer-Encoding: base64"],
               body: F.base64Lines(der) + "\r\n")
    }

    static func authEnveloped() throws -> [UInt8] {
        var b = AuthEnvelopedDataBuilder()
        b.algorithm = .aesGCM(.bits128)
        return try b.buildEncoded(content: Array("sipfrag".utf8), cek: [UInt8](repeating: 7, count: 16),
                                  recipients: [.kek(kek: [UInt8](repeating: 1, count: 16), keyIdentifier: [1, 2])])
    }

    @Test func eachPartsFindingsAreNested() throws {
        let badSDP = "v=0\r\ns=-\r\nt=0 0\r\n" // no o=
        let dupList = F.resourceLists(["sip:bob@example.org", "sip:bob@example.org"])
        var mikey = try F.transferInit()
        mikey.removeLast(7)
        var der = try Self.authEnveloped()
        der.removeLast(3)
        let body = F.multipart([F.sdpPart(badSDP), F.listPart(dupList), F.mikeyPart(mikey), Self.cmsPart(der, smimeType: "auth-enveloped-data")])
        let r = F.validate(body)
        // (A truncated DER is the CMS decoder's `der.truncated`.)
        let byPrefix = { (p: String) in r.findings.filter { $0.path.hasPrefix(p) } }
        for (i, prefix, codePrefix) in [(0, "parts[0].sdp", "sdp."), (1, "parts[1].resourceLists", "resource-lists."), (2, "parts[2].mikey", "mikey."), (3, "parts[3].cms", "der.")] {
            let fs = byPrefix(prefix)
            #expect(fs.contains { $0.code.hasPrefix(codePrefix) && $0.severity == .error }, "\(prefix): \(r.findings.map(\.description))")
            for f in fs {
                let o = try #require(f.offset, "\(f)")
                #expect(r.decoded.parts[i].bodyRange.contains(o) || o == r.decoded.parts[i].bodyRange.upperBound, "\(f)")
            }
        }
        expectCode(r, "resource-lists.entry.uri-duplicate", path: "parts[1].resourceLists.resource-lists.list[0].entry[1]@uri")
        // The TR spelling of smime-type is a CMS warning, nested under the part's Content-Type.
        #expect(r.findings.contains { $0.path.hasPrefix("parts[3].contentType.") && $0.severity == .warning }, "\(r.findings.map(\.description))")
        #expect(!r.isValid)
    }

    @Test func validCMSPartValidates() throws {
        let r = F.validate(F.multipart([F.sdpPart(), Self.cmsPart(try Self.authEnveloped())]))
        let valid = r.isValid
        #expect(valid, "\(r.findings.map(\.description))")
        guard case .cms(let c)? = r.partReports[1] else { Issue.record("no CMS report"); return }
        #expect(c.decoded != nil)
    }

    @Test func jsonTreeNestsEachPart() throws {
        let r = F.validate(try F.conferenceBody())
        let t = SIPBodyJSON.tree(r)
        let parts = try #require(t["parts"]?.arrayValue)
        #expect(parts.count == 3)
        #expect(t["boundary"]?.stringValue == "boundary1")
        #expect(parts[0]["mediaType"]?.stringValue == "application/sdp")
        #expect(parts[0]["sdp"] != nil && parts[0]["sdp"] != .null)
        #expect(parts[1]["resourceLists"] != nil && parts[1]["contentDisposition"]?["value"]?.stringValue == "recipient-list")
        #expect(parts[2]["mikey"]?["hdr"]?["dataType"]?.intValue == 14)
        #expect(parts[2]["contentTransferEncoding"]?.stringValue == "base64")
        #expect(r.json()["format"]?.stringValue == "sip-body")
        // Framing-only tree.
        #expect(SIPBodyJSON.tree(r.decoded)["parts"]?.arrayValue?.first?["sdp"] == nil)
    }


    @Test func randomBytesNeverTrap() throws {
        var g = SplitMix64(seed: 0x5EED)
        let alphabet = Array("--boundary1\r\n:;Content-Type: application/mikey/sdp/resource-lists+xml base64 =AQ".utf8)
        let valid = try F.conferenceBody()
        for round in 0..<400 {
            let n = Int(g.next() % 600)
            var body: [UInt8]
            switch round % 3 {
            case 0: body = (0..<n).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            case 1: body = (0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            default:
                body = valid
                for _ in 0..<4 { body[Int(g.next() % UInt64(body.count))] = UInt8(truncatingIfNeeded: g.next()) }
            }
            let r = F.validate(body)
            for f in r.findings {
                if let o = f.offset { #expect(o >= 0 && o <= body.count, "\(f)") }
            }
            _ = SIPBodyJSON.tree(r).serialized()
        }
    }

    /// Every proper prefix of the conference body (STYLE.md §14): no trap,
    /// and without the close delimiter the body is never valid.
    @Test func truncationSweep() throws {
        let body = try F.conferenceBody()
        let close = body.count - "--boundary1--\r\n".utf8.count
        for k in stride(from: 0, to: body.count, by: 3) {
            let r = F.validate(Array(body[0..<k]))
            if k < close + "--boundary1--".utf8.count {
                #expect(!r.isValid, "prefix \(k)")
            }
        }
    }
}
