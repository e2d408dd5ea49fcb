import Testing
import Foundation
import MediasecCore
@testable import ResourceLists

/// The decoder's two ways through libxml2 (``LibXML2``): the streaming SAX
/// path of a plain decode and the tree path of the XSD cross-check must
/// give the same findings, the same model and the same positions for every
/// input. Inputs: the seed and crash corpora, shapes that only libxml2's
/// tree builder reports on (`xml:id`, `&` in namespace names), and
/// deterministic mutations of the seeds (truncations, byte changes,
/// inserted markup).
@Suite struct StreamingParseTests {
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Corpus"
    }()

    static func files(_ dir: String) -> [[UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.sorted() ?? []
        return names.compactMap { FileManager.default.contents(atPath: dir + "/" + $0).map { [UInt8]($0) } }
    }

    static let open = #"<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:cp="urn:ietf:params:xml:ns:copycontrol">"#

    static let shapes: [String] = [
        open + #"<list xml:id="a"><entry uri="sip:a@x" xml:id="a"/></list></resource-lists>"#,
        open + "<list xml:id=\"1a\">\n<entry uri=\"sip:a@x\"/></list></resource-lists>",
        open + #"<list xml:id=" ok "><entry uri="sip:a@x"/></list></resource-lists>"#,
        open + #"<list xml:id=""><entry uri="sip:a@x"/></list></resource-lists>"#,
        open + #"<list xmlns:e="urn:a&amp;b"><entry uri="sip:a@x" e:x="1"/></list></resource-lists>"#,
        open + #"<list xmlns:e="urn:a&amp; b"><entry uri="sip:a@x" e:x="1"/></list></resource-lists>"#,
        open + #"<list xmlns:e="a&#38;b"><e:foo e:y="&amp;&lt;&#38;&#x26;"/></list></resource-lists>"#,
        open + "<list name=\"a&amp;b &lt; &#9;x\ty&#10;z\"><display-name>x<!-- c -->y<![CDATA[<z>]]>&amp;&#233;<?pi x?>w</display-name>"
            + "<entry uri=\"sip:a@x\">  <display-name xml:lang=\"en\">  n  </display-name>  <foo xmlns=\"urn:x\">t<bar/> u </foo> </entry>text</list>\n<list/>\n</resource-lists>",
        open + "<list><entry uri=\"sip:a@x\"/>&undefined;</list></resource-lists>",
        open + "<list><!-- a -- b --><entry uri=\"sip:a@x\"/></list></resource-lists>",
        open + "<list><?xml-stylesheet x?><? ?><entry uri=\"sip:a@x\"/></list></resource-lists>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>" + open + "<list><entry uri=\"sip:&a;@x\"/></list></resource-lists>",
        "<foo xmlns=\"urn:ietf:params:xml:ns:Resource-Lists\"><list/></foo>",
        open + "<list xmlns=\"\"><entry uri=\"sip:a@x\"/></list></resource-lists>",
        open + "<list xml:space=\"bogus\" xmlns:q=\"relative\"><entry uri=\"sip:a@x\" uri=\"b\"/></list></resource-lists>",
        open + "<p:list xmlns:p=\"urn:ietf:params:xml:ns:resource-lists\" p:name=\"x\" cp:count=\"2\"><p:entry uri=\"a\"/></p:list></resource-lists>",
        open + String(repeating: "<list>", count: 70) + String(repeating: "</list>", count: 70) + "</resource-lists>",
        open + "<list " + (0..<70).map { "a\($0)=\"x\"" }.joined(separator: " ") + "/></resource-lists>",
        open + String(repeating: "\n", count: 70_000) + "<list xml:id=\"1\" xmlns:e=\"a&amp; b\"><entry uri=\"x\"/></list></resource-lists>",
        open + "<list>\u{E9}\u{4E2D}<display-name>\u{1F600}</display-name></list></resource-lists> trailing",
    ]

    /// Snippets inserted into the seeds.
    static let insertions: [String] = [
        "<!-- - -- -->", "<?pi?>", "&amp;", "&#38;", " xml:id=\"a\" ", "<![CDATA[x]]>", "&undefined;", " xmlns:e=\"a&amp;b\" ",
        "<x:y xmlns:x=\"urn:x\"/>", "</list>", "<list>", " a=\"&lt;\" ", "\t\r\n", "<entry uri=\"u\"/>",
    ]


    static func mutations(of seed: [UInt8], _ rng: inout SplitMix64, count: Int) -> [[UInt8]] {
        guard !seed.isEmpty else { return [] }
        var out: [[UInt8]] = []
        let interesting: [UInt8] = Array("<>&\"':= \n/x-;#".utf8)
        for _ in 0..<count {
            var m = seed
            switch rng.below(3) {
            case 0: m = Array(m[0..<rng.below(m.count)])
            case 1: m[rng.below(m.count)] = interesting[rng.below(interesting.count)]
            default: m.insert(contentsOf: Array(insertions[rng.below(insertions.count)].utf8), at: rng.below(m.count + 1))
            }
            out.append(m)
        }
        return out
    }

    static func compare(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let decoder = ResourceListsDecoder()
        let streaming = decoder.decode(bytes, schema: nil, rejectDoctype: true)
        let tree = decoder.decode(bytes, schema: nil, rejectDoctype: true, tree: true)
        let what = String(decoding: bytes.prefix(120), as: UTF8.self)
        guard streaming.findings == tree.findings else {
            Issue.record("findings differ for \(what):\n\(streaming.findings)\n\(tree.findings)", sourceLocation: sourceLocation)
            return false
        }
        guard (streaming.decoded == nil) == (tree.decoded == nil) else {
            Issue.record("verdict differs for \(what)", sourceLocation: sourceLocation)
            return false
        }
        if let s = streaming.decoded, let t = tree.decoded {
            guard s.document == t.document, s.positions == t.positions, s.elementPaths == t.elementPaths, s.warnings == t.warnings else {
                Issue.record("decoded document differs for \(what)", sourceLocation: sourceLocation)
                return false
            }
        }
        return true
    }

    @Test func corpusAndShapesAgree() {
        var inputs = Self.files(Self.corpus + "/resource-lists") + Self.files(Self.corpus + "/resource-lists-crashes")
        inputs += Self.shapes.map { Array($0.utf8) }
        #expect(inputs.count > Self.shapes.count)
        for input in inputs { _ = Self.compare(input) }
    }

    /// Large documents: libxml2 moves through its input buffer differently
    /// past a few hundred bytes (GROW / SHRINK), so both paths see inputs
    /// far beyond that, with findings spread over them.
    @Test func largeDocumentsAgree() {
        let head = Self.open + "<list>"
        let tail = "</list></resource-lists>"
        let items = [
            #"<entry uri="sip:u@example.com" cp:copyControl="to"/>"#, "<!-- x -->", "<?p x?>", "&amp;&#233;\u{4E2D}",
            #"<n xmlns="r"/>"#, #"<e a="&lt;&#38;\t"/>"#, "<display-name>d</display-name>", "\n", "<![CDATA[ ]]>",
        ]
        var rng = SplitMix64(seed: 7)
        for size in [600, 5_000, 70_000, 300_000] {
            for _ in 0..<3 {
                var body = ""
                while body.utf8.count < size { body += items[rng.below(items.count)] }
                var bytes = Array((head + body + tail).utf8)
                _ = Self.compare(bytes)
                // A flaw near the end, where libxml2 has shrunk its buffer.
                bytes.insert(contentsOf: Array("<bad".utf8), at: bytes.count - tail.utf8.count)
                _ = Self.compare(bytes)
            }
        }
    }

    /// Streaming parses reuse libxml2 parser contexts (``LibXML2/ContextPool``):
    /// whatever the previous document did to a context (stopped at a
    /// limit or a DOCTYPE, handed over to the tree path, failed, warned,
    /// used other names), the next one decodes as in a fresh context.
    @Test func reusedContextsMatchFreshOnes() {
        let sequence: [String] = [
            Self.open + #"<list name="a"><entry uri="sip:a@x"/></list></resource-lists>"#,
            "<!DOCTYPE r [<!ENTITY a \"b\">]>" + Self.open + "</resource-lists>",
            Self.open + #"<list><entry uri="sip:a@x"/></list></resource-lists>"#,
            Self.open + "<list><entry uri=\"sip:a@x\"></list></resource-lists>",
            Self.open + #"<list xmlns:e="a&amp; b"><e:x/></list></resource-lists>"#,
            Self.open + #"<list xml:id="i"><entry uri="sip:b@x"/></list></resource-lists>"#,
            Self.open + #"<list xmlns:r="rel"><r:x r:y="1"/></list></resource-lists>"#,
            Self.open + String(repeating: "<list>", count: 70) + String(repeating: "</list>", count: 70) + "</resource-lists>",
            Self.open + "<list>" + String(repeating: #"<entry uri="sip:u@example.com"/>"#, count: 12_000) + "</list></resource-lists>",
            Self.open + #"<list name="z" cp:count="3"><entry uri="sip:c@x" cp:copyControl="cc"/></list></resource-lists>"#,
        ]
        for _ in 0..<4 {
            for text in sequence { _ = Self.compare(Array(text.utf8)) }
        }
    }

    @Test func mutationsAgree() {
        var rng = SplitMix64(seed: 0x5EED)
        var failures = 0
        let seeds = Self.files(Self.corpus + "/resource-lists") + Self.shapes.map { Array($0.utf8) }
        for seed in seeds where seed.count < 20_000 {
            for m in Self.mutations(of: seed, &rng, count: 12) where !Self.compare(m) {
                failures += 1
                if failures > 10 { return }
            }
        }
    }

    /// The streaming path builds nothing in libxml2's tree; the outcome of
    /// a decode with the XSD cross-check (tree path) keeps the same model.
    @Test func xsdModeKeepsTheModel() throws {
        let text = Self.open + #"<list name="a"><entry uri="sip:a@x" cp:copyControl="to"><display-name xml:lang="en">A &amp; B</display-name></entry></list></resource-lists>"#
        let plain = try ResourceListsDecoder().decode(Array(text.utf8))
        guard case .success(let schema) = LibXML2.schema(.iana) else {
            Issue.record("schema did not compile")
            return
        }
        let withSchema = ResourceListsDecoder().decode(Array(text.utf8), schema: schema, rejectDoctype: true)
        #expect(withSchema.decoded?.document == plain.document)
        #expect(withSchema.decoded?.schemaValid == true)
    }
    /// ``SourceMap/offset(line:column:)`` (binary search) against the
    /// character-by-character walk it replaced.
    @Test func sourceMapOffsetsMatchTheScan() {
        func scan(_ bytes: [UInt8], line: Int, column: Int) -> Int? {
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
            guard line >= 1, line <= starts.count else { return nil }
            var i = starts[line - 1]
            var remaining = max(0, column - 1)
            while remaining > 0, i < bytes.count, bytes[i] != 0x0A {
                i += 1
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                remaining -= 1
            }
            return i
        }
        var rng = SplitMix64(seed: 42)
        let pieces = ["a", "\n", "\r\n", "\u{E9}", "\u{4E2D}", "\u{1F600}", " ", "<x/>", ""]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<rng.below(40) { text += pieces[rng.below(pieces.count)] }
            let bytes = Array(text.utf8)
            let map = SourceMap(bytes)
            for line in 0...(map.lineStarts.count + 1) {
                for column in 0...12 {
                    #expect(map.offset(line: line, column: column) == scan(bytes, line: line, column: column), "\(text.debugDescription) \(line):\(column)")
                }
            }
        }
    }
}
