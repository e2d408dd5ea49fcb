import Testing
import MediasecCore
import MediasecFuzz
import ResourceLists

/// Replays the resource-lists fuzz seed corpus (`Corpus/resource-lists/`)
/// and every crash input FuzzResourceLists ever found
/// (`Corpus/resource-lists-crashes/`) through the harness's own oracle
/// (``ResourceListsOracle``), plus the oracle on hostile shapes
/// (FACTS.md §9: XXE, billion laughs, depth, DOCTYPE, non-UTF-8).
@Suite struct ResourceListsFuzzRegressionTests {
    /// `Corpus/` beside `Tests/` (no Foundation here: see ``CorpusReplay``).
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Corpus"
    }()

    @Test func crashInputsStayFixed() {
        let r = ResourceListsOracle.replay(Self.corpus + "/resource-lists-crashes")
        for f in r.failures { Issue.record("regression \(f)") }
    }

    @Test func seedCorpusHoldsTheLaws() {
        let r = ResourceListsOracle.replay(Self.corpus + "/resource-lists")
        // Corpus/resource-lists comes from the vector generator; absent, nothing to replay.
        for f in r.failures { Issue.record("seed \(f)") }
    }

    static let open = #"<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:cp="urn:ietf:params:xml:ns:copycontrol">"#

    @Test(arguments: [
        open + #"<list name="a"><entry uri="sip:b@example.com" cp:copyControl="to"><display-name xml:lang="en">B &amp; C</display-name></entry></list></resource-lists>"#,
        "<?xml version=\"1.0\"?>\n" + open + "\n  <list>\r\n<entry-ref ref=\"x\"/><external anchor=\"http://e/x\"/><x:y xmlns:x=\"urn:x\" a=\"1\">t</x:y></list></resource-lists>",
        open + "<list><entry uri=\"sip:a@x\" other=\"&#9;&#10;\"/><!-- c --><?pi x?><entry uri=\"sip:a@x\"/></list></resource-lists>",
    ])
    func acceptedShapesRoundTrip(_ text: String) throws {
        #expect(try ResourceListsOracle.check(Array(text.utf8)) == .accepted)
    }

    @Test(arguments: [
        "",
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + open + "&x;</resource-lists>",
        "<!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" + open + "&b;</resource-lists>",
        open + String(repeating: "<list>", count: 300) + String(repeating: "</list>", count: 300) + "</resource-lists>",
        "\u{FEFF}\u{FEFF}" + open + "</resource-lists>",
        "<resource-lists xmlns=\"urn:ietf:params:xml:ns:Resource-Lists\"/>",
        open + "<list>",
    ])
    func hostileShapesAreRejected(_ text: String) throws {
        guard case .rejected(let code) = try ResourceListsOracle.check(Array(text.utf8)) else {
            Issue.record("accepted: \(text.prefix(80))")
            return
        }
        #expect(code.hasPrefix("resource-lists."))
    }

    @Test func nonUTF8IsRejected() throws {
        let bytes = Array(Self.open.utf8) + [0xff, 0xfe] + Array("</resource-lists>".utf8)
        #expect(try ResourceListsOracle.check(bytes) == .rejected(code: "resource-lists.xml.encoding"))
    }
}
