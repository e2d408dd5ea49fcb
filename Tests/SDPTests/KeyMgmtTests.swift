import Testing
import MediasecCore
import MIKEY
@testable import SDP

/// RFC 4567 a=key-mgmt with real MIKEY messages, decoded and validated
/// through the MIKEY module's public API.
@Suite struct KeyMgmtTests {
    typealias K = SDPTestKit

    static func transferInit(tls: Bool = false, csbID: UInt32 = 0x1234_5678) throws -> [UInt8] {
        var p = MIKEYMessageTemplates.Parameters()
        p.csbID = csbID
        var m = MIKEYMessageTemplates.make(.transferInit, p)
        if tls {
            m.header.csIDMap = .generic([GenericIDMapEntry(csID: 1, protType: CodePointProfile.default.protTypeTLS, policies: [], sessionData: [], spi: [0x01])])
        }
        return try m.encoded()
    }

    static func message(_ t: DataType, csbID: UInt32 = 0x1234_5678) throws -> [UInt8] {
        var p = MIKEYMessageTemplates.Parameters()
        p.csbID = csbID
        return try MIKEYMessageTemplates.make(t, p).encoded()
    }

    @Test func transferInitIsDecodedAndValidated() throws {
        let bytes = try Self.transferInit()
        let b64 = Base64.encode(bytes)
        let sdp = K.description(["m=audio 49170 RTP/SAVP 0", "a=key-mgmt:mikey " + b64])
        let r = K.validate(sdp, role: .offer)
        // The MIKEY report is kept, keyed by the attribute path.
        let mr = try #require(r.mikeyReports["media[0].attributes[0]"])
        #expect(mr.decoded?.message.header.dataType == .transferInit)
        // A TRANSFER message puts the TR 33.829 profile on.
        #expect(r.profiles.contains(.tr33829))
        // Nested MIKEY findings are under the attribute, with SDP offsets inside the base64.
        let dataStart = try SDPDecoder().decode(sdp).valueOffset(ofLine: 6) + "key-mgmt:mikey ".utf8.count
        for f in r.findings where f.code.hasPrefix("mikey.") || f.code.hasPrefix("tr33829.") && f.path.contains(".mikey") {
            #expect(f.path.hasPrefix("media[0].attributes[0].keyMgmt.mikey"), "\(f)")
            let o = try #require(f.offset)
            #expect(o >= dataStart && o <= dataStart + b64.utf8.count, "\(f)")
            #expect(f.message.hasPrefix("7:"), "\(f)")
        }
        expectNoCode(r, "sdp.keymgmt.base64")
        expectNoCode(r, "tr33829.sdp.offer-data-type")
        expectNoCode(r, "sdp.srtp.no-keying")
        // The JSON tree nests MIKEY's own tree.
        let attr = try #require(SDPJSON.tree(try SDPDecoder().decode(sdp))["media"]?.arrayValue?.first?["attributes"]?.arrayValue?.first)
        #expect(attr["keyMgmt"]?["protocolId"]?.stringValue == "mikey")
        #expect(attr["keyMgmt"]?["dataLength"]?.intValue == bytes.count)
        #expect(attr["keyMgmt"]?["mikey"]?["hdr"]?["dataType"]?.intValue == 14)
        #expect(attr["keyMgmt"]?["mikey"]?["hdr"]?["dataTypeName"]?.stringValue != nil)
    }

    @Test func keyMgmtAttributeRoundTrips() throws {
        let bytes = try Self.transferInit()
        let k = KeyMgmtAttribute(message: bytes)
        assertRoundTrips(k, encodesTo: "mikey " + Base64.encode(bytes))
        #expect(try k.decodedData.get() == bytes)
        // 0*1SP before the protocol id.
        let spaced = try KeyMgmtAttribute(parsing: " mikey " + Base64.encode(bytes))
        #expect(spaced.leadingSpace)
        assertRoundTrips(spaced)
    }

    @Test func mikeyErrorsAreNestedWithMappedOffsets() throws {
        var bytes = try Self.transferInit()
        bytes.removeLast(5) // truncate: the MIKEY decoder fails
        let b64 = Base64.encode(bytes)
        let sdp = K.description(["m=audio 49170 RTP/SAVP 0", "a=key-mgmt:mikey " + b64])
        let r = K.validate(sdp)
        let f = try #require(r.findings.first { $0.code.hasPrefix("mikey.") && $0.severity == .error })
        #expect(f.path.hasPrefix("media[0].attributes[0].keyMgmt.mikey"))
        let d = try SDPDecoder().decode(sdp)
        let dataStart = d.valueOffset(ofLine: 6) + "key-mgmt:mikey ".utf8.count
        let o = try #require(f.offset)
        #expect(o >= dataStart && o <= dataStart + b64.utf8.count)
        #expect(!r.isValid)
    }

    @Test func protocolIdentifierAndBase64() {
        let b64 = Base64.encode([1, 2, 3])
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", ["key-mgmt:keyp1 " + b64]), "sdp.keymgmt.protocol-unknown")
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", ["key-mgmt:MIKEY " + b64]), "sdp.keymgmt.protocol-case")
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", ["key-mgmt:mikey AQAF="]), "sdp.keymgmt.base64")
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", ["key-mgmt:mikey AQ"]), "sdp.keymgmt.base64")
        for bad in ["mikey", "mikey  AQID", "mi-key AQID", "mikey AQ!D", ""] {
            expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", ["key-mgmt:" + bad]), "sdp.keymgmt.syntax")
        }
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", ["key-mgmt:mikey " + b64, "key-mgmt:mikey " + b64]), "sdp.keymgmt.duplicate-protocol")
        expectCode(K.validateMedia("m=audio 9 RTP/AVP 0", ["key-mgmt:mikey " + b64]), "sdp.keymgmt.proto")
    }

    /// RFC 4567 §3.1: media level overrides session level.
    @Test func levelPrecedence() throws {
        let session = try Self.transferInit(csbID: 1)
        let media = try Self.transferInit(csbID: 2)
        let sdp = K.description(["a=key-mgmt:mikey " + Base64.encode(session), "m=audio 9 RTP/SAVP 0", "a=key-mgmt:mikey " + Base64.encode(media), "m=video 10 RTP/SAVP 31"])
        let r = K.validate(sdp)
        expectCode(r, "sdp.keymgmt.media-overrides-session")
        expectCode(r, "tr33829.sdp.mixed-levels")
        expectNoCode(r, "sdp.srtp.no-keying")
        let d = try SDPDecoder().decode(sdp)
        let idx = SDPIndex(d)
        #expect(idx.effective(0, SDPIndex.keyMgmt).level == .media(0))
        #expect(idx.effective(1, SDPIndex.keyMgmt).level == .session)
        let json = SDPJSON.tree(d)
        #expect(json["media"]?.arrayValue?[0]["keyMgmtLevel"]?.stringValue == "media")
        #expect(json["media"]?.arrayValue?[1]["keyMgmtLevel"]?.stringValue == "session")
    }

    /// TR 33.829 §8.3.1.2 / Annex D.3: a TCP/TLS/MSRP m-line keyed by MIKEY
    /// needs a TLS crypto session.
    @Test func tlsCryptoSessionForTLSMedia() throws {
        let msrp = ["m=message 7654 TCP/TLS/MSRP *", "a=accept-types:text/plain", "a=path:" + RFCExamples.rfc4975Section14_4Path, "a=" + TransportRuleTests.fp]
        let srtpCS = K.validate(K.description(msrp + ["a=key-mgmt:mikey " + Base64.encode(try Self.transferInit())]))
        expectCode(srtpCS, "tr33829.sdp.tls-cs-missing")
        let tlsCS = K.validate(K.description(msrp + ["a=key-mgmt:mikey " + Base64.encode(try Self.transferInit(tls: true))]))
        expectNoCode(tlsCS, "tr33829.sdp.tls-cs-missing")
        // Session level applies too.
        let session = K.validate(K.description(["a=key-mgmt:mikey " + Base64.encode(try Self.transferInit())] + msrp))
        expectCode(session, "tr33829.sdp.tls-cs-missing")
    }

    @Test func msrpSessionsMustNotShareAPort() throws {
        let km = "a=key-mgmt:mikey " + Base64.encode(try Self.transferInit(tls: true))
        let m = ["m=message 7654 TCP/TLS/MSRP *", "a=accept-types:text/plain", "a=path:" + RFCExamples.rfc4975Section14_4Path, "a=" + TransportRuleTests.fp]
        expectCode(K.validate(K.description([km] + m + m)), "tr33829.sdp.msrp-shared-port")
        expectNoCode(K.validate(K.description([km] + m)), "tr33829.sdp.msrp-shared-port")
    }

    @Test func roleSpecificDataTypes() throws {
        let resp = "key-mgmt:mikey " + Base64.encode(try Self.message(.transferResp))
        let initMsg = "key-mgmt:mikey " + Base64.encode(try Self.transferInit())
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", [resp], role: .offer), "tr33829.sdp.offer-data-type")
        expectNoCode(K.validateMedia("m=audio 9 RTP/SAVP 0", [initMsg], role: .offer), "tr33829.sdp.offer-data-type")
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", [initMsg], role: .answer), "tr33829.sdp.answer-data-type")
        expectNoCode(K.validateMedia("m=audio 9 RTP/SAVP 0", [resp], role: .answer), "tr33829.sdp.answer-data-type")
        // a=3ge2ae with e2e key management on the same media.
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", [initMsg, "3ge2ae:requested"]), "tr33829.sdp.e2ae-with-e2e")
        // An answer carrying both keying methods (RFC 4568 §7.5).
        expectCode(K.validateMedia("m=audio 9 RTP/SAVP 0", [resp, "crypto:" + RFCExamples.rfc4568Section4Crypto], role: .answer), "sdp.crypto.with-keymgmt")
    }

    /// RFC 4567 §5.1 Example 1 carries a published MIKEY PSK message.
    @Test func rfc4567Example1() throws {
        let r = K.validate(RFCExamples.rfc4567Example1)
        let mr = try #require(r.mikeyReports["session.attributes[0]"])
        #expect(mr.decoded?.message.header.dataType == .psk)
        #expect(!r.profiles.contains(.tr33829))
        expectNoCode(r, "sdp.keymgmt.base64")
        expectNoCode(r, "sdp.srtp.no-keying")
    }
}
