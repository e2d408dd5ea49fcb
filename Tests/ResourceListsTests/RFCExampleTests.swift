import Testing
import Foundation
import MediasecCore
@testable import ResourceLists

/// The RFC examples (RFCExamples.swift): the valid ones pass every profile
/// that applies, RFC 5366's wrong-case namespace is flagged, and each
/// example is found in its RFC text.
@Suite struct RFCExampleTests {
    static let all: [(name: String, text: String)] = [
        ("rfc4826", RFCExamples.rfc4826), ("rfc5364-fig3", RFCExamples.rfc5364RecipientList),
        ("rfc5364-fig4", RFCExamples.rfc5364HistoryList), ("rfc5366-fig1", RFCExamples.rfc5366FlatList),
        ("rfc5366-fig3", RFCExamples.rfc5366WrongCase), ("tr33829", RFCExamples.tr33829ConferenceList),
    ]

    @Test func rfc4826ExampleIsValid() {
        let r = validate(RFCExamples.rfc4826)
        #expect(r.isValid, "\(r.findings.map(\.description))")
        #expect(r.findings.isEmpty, "\(r.findings.map(\.description))")
        let doc = r.decoded!.document
        #expect(doc.lists.count == 1)
        #expect(doc.lists[0].name == "friends")
        #expect(doc.lists[0].members.count == 3)
        #expect(doc.allEntries.map(\.uri) == ["sip:bill@example.com", "sip:joe@example.com", "sip:nancy@example.com"])
        #expect(doc.allEntries[0].displayName?.value == "Bill Doe")
    }

    @Test func rfc4826ExampleIsHierarchicalForRequestLists() {
        let r = validate(RFCExamples.rfc4826, profiles: [.rfc4826, .rfc5364, .rfc5366])
        #expect(r.isValid)
        #expect(codes(r) == ["resource-lists.request.nested-list", "resource-lists.request.entry-ref", "resource-lists.request.external"])
    }

    @Test func rfc5364ExamplesAreValid() {
        let fig3 = validate(RFCExamples.rfc5364RecipientList, profiles: [.rfc4826, .rfc5364, .rfc5366])
        #expect(fig3.findings.isEmpty, "\(fig3.findings.map(\.description))")
        let entries = fig3.decoded!.document.allEntries
        #expect(entries.map { $0.copyControl.level } == [.to, .to, .to, .cc, .cc, .bcc, .bcc])
        #expect(entries.map { $0.copyControl.anonymizeFlag } == [nil, true, true, nil, true, nil, nil])
    }

    /// Figure 4 repeats sip:anonymous@anonymous.invalid among siblings, which
    /// RFC 4826 §3.4.5 forbids: under rfc5364 that is one warning naming
    /// both clauses; under rfc4826 alone it is the uniqueness error.
    @Test func rfc5364HistoryListShowsTheAnonymousConflict() {
        let r = validate(RFCExamples.rfc5364HistoryList)
        #expect(r.isValid)
        #expect(codes(r) == ["resource-lists.copy-control.anonymous-duplicate"])
        #expect(r.findings[0].path == "resource-lists.list[0].entry[3]@uri")
        #expect(r.findings[0].message.hasPrefix("9:12: "), "\(r.findings[0].message)")
        let strict = validate(RFCExamples.rfc5364HistoryList, profiles: [.rfc4826])
        #expect(codes(strict) == ["resource-lists.entry.uri-duplicate"])
        #expect(!strict.isValid)
    }

    @Test func rfc5366FlatListIsValid() {
        let r = validate(RFCExamples.rfc5366FlatList, profiles: [.rfc4826, .rfc5364, .rfc5366])
        #expect(r.findings.isEmpty, "\(r.findings.map(\.description))")
    }

    /// RFC 5366 Figure 3: schema-valid, but the ten cp: attributes are in
    /// another namespace, so every entry is bcc.
    @Test func rfc5366WrongCaseNamespaceIsFlagged() {
        let r = validate(RFCExamples.rfc5366WrongCase, profiles: [.rfc4826, .rfc5364, .rfc5366])
        #expect(r.isValid)
        let hits = r.findings.filter { $0.code == "resource-lists.copy-control.namespace-case" }
        #expect(hits.count == 10)
        #expect(hits.allSatisfy { $0.severity == .warning })
        #expect(hits[0].path == "resource-lists.list[0].entry[0]@{urn:ietf:params:xml:ns:copyControl}copyControl")
        #expect(hits[0].message.hasPrefix("5:39: "), "\(hits[0].message)")
        #expect(r.decoded!.document.allEntries.allSatisfy { $0.copyControl.effectiveLevel == .bcc })
        // The XSD accepts it too (lax wildcard): no disagreement.
        let x = validate(RFCExamples.rfc5366WrongCase, xsd: .iana)
        #expect(x.xsdValid == true)
        #expect(!codes(x).contains("resource-lists.xsd.disagreement"))
    }

    @Test func trConferenceListIsValid() {
        let r = validate(RFCExamples.tr33829ConferenceList, profiles: [.rfc4826, .rfc5364, .rfc5366], xsd: .iana)
        #expect(r.findings.isEmpty, "\(r.findings.map(\.description))")
        #expect(r.xsdValid == true)
    }

    @Test(arguments: all.map(\.name)) func xsdAgreesOnEveryExample(_ name: String) {
        let text = Self.all.first { $0.name == name }!.text
        let r = validate(text, xsd: .iana)
        #expect(r.xsdValid == true, "\(r.findings.map(\.description))")
        #expect(!codes(r).contains("resource-lists.xsd.disagreement"), "\(r.findings.map(\.description))")
    }

    /// Provenance: each example (but the constructed TR list) appears in its
    /// RFC, compared without white space and page headers, the RFC 4826 one
    /// with its folded values.
    @Test func examplesComeFromTheRFCs() throws {
        let dir = "/work/shared/specs/rfc/"
        guard FileManager.default.fileExists(atPath: dir + "rfc4826.txt") else { return }
        func squeezed(_ file: String) throws -> String {
            let text = try String(contentsOfFile: dir + file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { l in
                !(l.contains("[Page ") || l.hasPrefix("RFC ") || l.hasPrefix("\u{0C}"))
            }
            return String(lines.joined().filter { !$0.isWhitespace })
        }
        func squeeze(_ s: String) -> String { String(s.filter { !$0.isWhitespace }) }
        #expect(try squeezed("rfc4826.txt").contains(squeeze(RFCExamples.rfc4826)))
        let r5364 = try squeezed("rfc5364.txt")
        #expect(r5364.contains(squeeze(RFCExamples.rfc5364RecipientList)))
        #expect(r5364.contains(squeeze(RFCExamples.rfc5364HistoryList)))
        let r5366 = try squeezed("rfc5366.txt")
        #expect(r5366.contains(squeeze(RFCExamples.rfc5366FlatList)))
        #expect(r5366.contains(squeeze(RFCExamples.rfc5366WrongCase)))
        #expect(try squeezed("rfc5365.txt").contains(squeeze(RFCExamples.rfc5364RecipientList)))
    }

    /// Every example canonicalises, and the canonical form round-trips.
    @Test(arguments: all.map(\.name)) func examplesCanonicalise(_ name: String) throws {
        let text = Self.all.first { $0.name == name }!.text
        let d = try ResourceListsDecoder().decode(utf8(text))
        let canonical = try ResourceListsEncoder().encode(d.document)
        let again = try ResourceListsDecoder().decode(canonical)
        #expect(again.document == d.document)
        #expect(try ResourceListsEncoder().encode(again.document) == canonical)
    }
}
