import Testing
import MediasecCore
@testable import SDP

/// The speed helpers of the validator give the same answers as the plain
/// code they replace.
struct FastPathTests {
    @Test func indexedNameCount() {
        #expect(SDPIndexedName.count == SDPIndexedName.allCases.count)
    }

    @Test func registryEntryBySlot() {
        #expect(SDPAttributeRegistry.entryBySlot.count == SDPIndexedName.allCases.count)
        var mapped = 0
        for k in SDPIndexedName.allCases {
            let i = SDPAttributeRegistry.entryBySlot[Int(k.rawValue)]
            if i >= 0 {
                mapped += 1
                #expect(SDPAttributeRegistry.list[i].name == k.name)
                #expect(SDPAttributeRegistry.entry(named: k.name)?.name == k.name)
            } else {
                #expect(SDPAttributeRegistry.entry(named: k.name) == nil)
            }
        }
        #expect(mapped == SDPAttributeRegistry.list.count)
    }

    @Test func pathTextMatchesInterpolation() {
        for n in [0, 1, 9, 10, 99, 100, 12345, -1, -20] {
            #expect(SDPPathText.indexed("media", n) == "media[\(n)]")
            #expect(SDPPathText.indexed("media", n, ".fmts", n + 3) == "media[\(n)].fmts[\(n + 3)]")
            #expect(SDPPathText.indexed("session.attributes", n, ".x") == "session.attributes[\(n)].x")
            #expect(SDPPathText.located(line: n, column: n + 7, "msg é") == "\(n):\(n + 7): msg é")
        }
        let long = String(repeating: "ab", count: 100)
        #expect(SDPPathText.located(line: 3, column: 4, long) == "3:4: \(long)")
        #expect(SDPPathText.located(line: 3, column: 4, "") == "3:4: ")
        #expect(IndexedAttribute(lineIndex: 0, ordinal: 12, level: .media(3), attribute: SDPAttribute(name: "x", value: nil as [UInt8]?)).path == "media[3].attributes[12]")
        #expect(IndexedAttribute(lineIndex: 0, ordinal: 0, level: .session, attribute: SDPAttribute(name: "x", value: nil as [UInt8]?)).path == "session.attributes[0]")
    }

    @Test func base64ContiguousMatchesGeneric() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".utf8) + [0x20, 0x2d, 0x00, 0xff]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...14, using: &rng)
            let text = (0..<n).map { _ -> UInt8 in
                // Mostly base64 characters, padding near the end.
                let r = Int.random(in: 0..<100, using: &rng)
                return r < 90 ? alphabet[Int.random(in: 0..<64, using: &rng)] : alphabet[Int.random(in: 64..<alphabet.count, using: &rng)]
            }
            for pad in [true, false] {
                let fast = text.withUnsafeBufferPointer { SDPBase64.decodeBuffer($0, requirePadding: pad) }
                let slow = SDPBase64.decodeAny(text, requirePadding: pad)
                #expect(fast == slow, "\(text) requirePadding=\(pad)")
            }
        }
        #expect((try? SDPBase64.decode(Array("AAECAwQFBgcICQoLDA0ODw==".utf8)).get()) == Array(0...15))
    }

    @Test func canonicalPayloadType() {
        for n in 0...200 {
            #expect(SDPValidationRun.canonicalPayloadType(String(n)) == (n <= 127 ? n : nil))
        }
        for t in ["", "00", "01", "007", "1a", "-1", "+1", "1 ", "1270", "٣"] {
            #expect(SDPValidationRun.canonicalPayloadType(t) == nil, "\(t)")
        }
    }

    @Test func caseHelpers() {
        #expect(SDPGrammar.equalsIgnoringCase("Inline", "inline"))
        #expect(!SDPGrammar.equalsIgnoringCase("inlinE1", "inline"))
        #expect(!SDPGrammar.equalsIgnoringCase("é", "É"))
        #expect(SDPGrammar.uppercased("aes_cm_128") == "AES_CM_128")
        #expect(SDPGrammar.uppercased("AES") == "AES")
        #expect(SDPGrammar.lowercased("SHA-256") == "sha-256")
        #expect(SDPGrammar.lowercased("sha-256") == "sha-256")
    }

    @Test func fingerprintByteCount() {
        for text in ["AB:CD", "ab:cd:ef", "A", "AB:C", "AB:GG", "", "AB CD", "ABCD"] {
            let f = FingerprintAttribute(hashFunction: .sha256, fingerprint: text)
            #expect(f.byteCount == f.bytes.count, "\(text)")
        }
    }

    @Test func transportInfoFollowsRawValue() {
        var t = TransportProtocol(rawValue: "RTP/AVP")
        #expect(t.info?.security == TransportProtocol.Security.none)
        t.rawValue = "RTP/SAVP"
        #expect(t.info?.security == .srtp)
        #expect(t == TransportProtocol(rawValue: "RTP/SAVP"))
        t.rawValue = "rtp/savp"
        #expect(t.info == nil && t.caseInsensitiveMatch == "RTP/SAVP")
    }
}
