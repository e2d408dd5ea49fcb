import Testing
import Foundation
import PropertyBased
import MediasecCore
@testable import ResourceLists

/// The XSD cross-check: libxml2's xmlschemas against the embedded IANA
/// schemas, compared with the suite's schema-level rules.
@Suite struct XSDCrossCheckTests {
    @Test func embeddedSchemasAreTheIANACopies() throws {
        let dir = "/work/shared/specs/iana/"
        guard FileManager.default.fileExists(atPath: dir + "resource-lists.xsd") else { return }
        #expect(try String(contentsOfFile: dir + "resource-lists.xsd", encoding: .utf8) == EmbeddedSchemas.ianaResourceLists)
        #expect(try String(contentsOfFile: dir + "copycontrol.xsd", encoding: .utf8) == EmbeddedSchemas.ianaCopyControl)
        // The printed RFC 4826 schema differs in the anchor attribute only.
        let printed = EmbeddedSchemas.rfc4826PrintedResourceLists
        #expect(printed != EmbeddedSchemas.ianaResourceLists)
        #expect(printed.replacing(#"<xs:attribute name="anchor" type="xs:anyURI"/>"#, with: #"<xs:attribute name="anchor" type="xs:anyURI" use="required"/>"#) == EmbeddedSchemas.ianaResourceLists)
    }

    @Test(arguments: XSDSchemaSet.allCases) func schemasCompile(_ set: XSDSchemaSet) {
        guard case .success = LibXML2.schema(set) else {
            Issue.record("schema set \(set) did not compile")
            return
        }
    }

    /// Duplicate URIs: the XSD cannot see them (FACTS §7), the suite can.
    @Test func proseOnlyErrorsAreNamed() {
        let r = validate(doc("<list><entry uri=\"sip:a@b\"/><entry uri=\"sip:a@b\"/></list>"), xsd: .iana)
        #expect(r.xsdValid == true)
        #expect(!r.isValid)
        #expect(codes(r) == ["resource-lists.entry.uri-duplicate", "resource-lists.copy-control.duplicate-uri", "resource-lists.xsd.prose-only"])
    }

    @Test func schemaErrorsAgree() {
        let r = validate(doc("<list><external/><entry uri=\"sip:a@b\" cp:copyControl=\"all\"/></list>"), xsd: .iana)
        #expect(r.xsdValid == false)
        #expect(codes(r).contains("resource-lists.xsd.error"))
        #expect(!codes(r).contains("resource-lists.xsd.disagreement"), "\(r.findings.map(\.description))")
        let xsdFinding = r.findings.first { $0.code == "resource-lists.xsd.error" }!
        #expect(xsdFinding.severity == .info)
        #expect(xsdFinding.path.hasPrefix("resource-lists.list[0]."))
        #expect(xsdFinding.offset != nil)
    }

    /// FACTS §10 item 20 made visible: against the printed RFC 4826 schema a
    /// missing anchor is valid, and the suite (IANA) disagrees.
    @Test func printedSchemaShowsTheAnchorAmbiguity() {
        let text = doc("<list><external/></list>")
        let iana = validate(text, xsd: .iana)
        #expect(iana.xsdValid == false)
        #expect(!codes(iana).contains("resource-lists.xsd.disagreement"))
        let printed = validate(text, xsd: .rfc4826Printed)
        #expect(printed.xsdValid == true)
        let d = printed.findings.first { $0.code == "resource-lists.xsd.disagreement" }
        #expect(d?.severity == .warning)
        #expect(d?.message.contains("resource-lists.external.anchor-missing") == true, "\(String(describing: d))")
    }

    @Test func crossCheckOffMeansNoXSDFindings() {
        let r = validate(doc("<list><external/></list>"))
        #expect(r.xsdValid == nil)
        #expect(!r.findings.contains { $0.code.hasPrefix("resource-lists.xsd.") })
        #expect(r.json()["xsd"] == JSONValue.null)
    }

    /// The suite's xs:anyURI check agrees with libxml2's on random strings.
    static let uriish = Generator<String, Shrink.None<String>> { rng in
        let pieces = ["sip:", "http://", "//", "/", "a", "B", "0", "%", "%4", "%41", "%zz", ":", "@", "?", "#", "[", "]", "[::1]", " ", "_", "-", ".", "~",
                      "!", "'", "(", ";", "=", "+", "\u{E9}", "\\", "^", "|", "<", "x:y", ":80", ":", "a b:c"]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    @Test func anyURIAgreesWithLibxml2() async {
        await propertyCheck(count: 1500, input: Self.uriish) { uri in
            var escaped = ""
            for c in uri { escaped += c == "<" ? "&lt;" : c == "&" ? "&amp;" : String(c) }
            let r = validate(doc("<list><entry-ref ref=\"\(escaped)\"/></list>"), profiles: [.rfc4826], xsd: .iana)
            #expect(!codes(r).contains("resource-lists.xsd.disagreement"), "\(uri): \(r.findings.map(\.description))")
        }
    }

    /// On generated documents (valid and invalid shapes), the suite's
    /// schema-level verdict and libxml2's never disagree.
    @Test func generatedDocumentsAgree() async {
        await propertyCheck(count: 400, input: ResourceListsGen.document) { m in
            let text = try ResourceListsEncoder().encodeString(m)
            let r = ResourceListsValidator(options: ResourceListsValidationOptions(xsdCrossCheck: .iana)).validate(utf8(text))
            #expect(r.xsdValid != nil)
            #expect(!codes(r).contains("resource-lists.xsd.disagreement"), "\(r.findings.map(\.description))\n\(text)")
        }
        await propertyCheck(count: 300, input: ResourceListsGen.schemaShaped) { m in
            let text = try ResourceListsEncoder().encodeString(m)
            let r = ResourceListsValidator(options: ResourceListsValidationOptions(xsdCrossCheck: .iana)).validate(utf8(text))
            #expect(!codes(r).contains("resource-lists.xsd.disagreement"), "\(r.findings.map(\.description))\n\(text)")
        }
    }
}
