import Testing
import MediasecCore
import MIKEY
@testable import SDP

/// SDPJSON.tree: lowerCamelCase names, typed attributes with their fields,
/// positions, and the nested MIKEY tree.
@Suite struct JSONTreeTests {
    static func keys(_ v: JSONValue, into out: inout Set<String>) {
        switch v {
        case .object(let o):
            for (k, x) in o { out.insert(k); keys(x, into: &out) }
        case .array(let a):
            for x in a { keys(x, into: &out) }
        default: break
        }
    }

    @Test func namesAreLowerCamelCase() throws {
        var all = Set<String>()
        for ex in SDPGen.seeds + [SDPTestKit.description(["m=audio 9 RTP/SAVP 0", "a=key-mgmt:mikey " + Base64.encode(try KeyMgmtTests.transferInit())])] {
            let r = SDPTestKit.validate(ex)
            Self.keys(r.json(), into: &all)
        }
        for k in all {
            #expect(k.range(of: #"^[a-z][a-zA-Z0-9]*$"#, options: .regularExpression) != nil, "key '\(k)'")
        }
        for k in ["session", "media", "origin", "sessId", "proto", "fmts", "port", "attributes", "crypto", "keyParams", "lifetime", "mki", "keyMgmt", "mikey", "lineEnding"] {
            #expect(all.contains(k), "missing \(k)")
        }
    }

    @Test func treeOfTheRFC4568Offer() throws {
        let d = try SDPDecoder().decode(RFCExamples.rfc4568Section7_1_5Offer)
        let t = SDPJSON.tree(d)
        #expect(t["lineCount"]?.intValue == 11)
        #expect(t["lineEndings"]?["crlf"]?.intValue == 11)
        let s = try #require(t["session"])
        #expect(s["origin"]?["username"]?.stringValue == "sam")
        #expect(s["origin"]?["sessId"]?.intValue == 2890844526)
        #expect(s["sessionName"]?["value"]?.stringValue == "SRTP Discussion")
        #expect(s["times"]?.arrayValue?.first?["startTime"]?.intValue == 2873397496)
        let m = try #require(t["media"]?.arrayValue?.first)
        #expect(m["media"]?.stringValue == "audio")
        #expect(m["port"]?.intValue == 49170)
        #expect(m["proto"]?.stringValue == "RTP/SAVP")
        #expect(m["fmts"] == .array([.string("0")]))
        #expect(m["line"]?.intValue == 9)
        let attrs = try #require(m["attributes"]?.arrayValue)
        #expect(attrs.count == 2)
        let c2 = try #require(attrs[1]["crypto"])
        #expect(c2["tag"]?.intValue == 2)
        #expect(c2["suite"]?.stringValue == "F8_128_HMAC_SHA1_80")
        let keys = try #require(c2["keyParams"]?.arrayValue)
        #expect(keys.count == 2)
        #expect(keys[1]["mki"]?["value"]?.intValue == 2)
        #expect(keys[1]["mki"]?["length"]?.intValue == 4)
        #expect(keys[1]["lifetime"]?["value"]?.intValue == 1 << 20)
        #expect(keys[0]["masterKey"]?.stringValue?.count == 32)
        #expect(keys[0]["masterSalt"]?.stringValue?.count == 28)
        #expect(c2["sessionParams"]?.arrayValue?.first?["kind"]?.stringValue == "FEC_ORDER")
    }

    @Test func attributeErrorsAndHugeNumbersAreShown() throws {
        let d = try SDPDecoder().decode(SDPTestKit.description(["m=audio 99999999999999999999 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:x|2^"]))
        let m = try #require(SDPJSON.tree(d)["media"]?.arrayValue?.first)
        #expect(m["port"]?.stringValue == "99999999999999999999")
        let a = try #require(m["attributes"]?.arrayValue?.first)
        #expect(a["error"]?["code"]?.stringValue == "sdp.crypto.lifetime-syntax")
        #expect(a["crypto"] == nil)
    }

    @Test func reportJSON() {
        let r = SDPTestKit.validate(RFCExamples.rfc4568Section4_5)
        let j = r.json()
        #expect(j["format"]?.stringValue == "sdp")
        #expect(j["valid"]?.boolValue == false)
        #expect(j["findings"]?.arrayValue?.first?["code"]?.stringValue == "sdp.c.unicast-slash")
        #expect(j["decoded"]?["media"]?.arrayValue?.count == 3)
        let bad = SDPTestKit.validate([0x76])
        #expect(bad.json()["decoded"] == .null)
        // Serialization is deterministic.
        #expect(j.serialized() == SDPTestKit.validate(RFCExamples.rfc4568Section4_5).json().serialized())
    }
}
