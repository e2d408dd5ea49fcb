import Testing
import MediasecCore
@testable import ResourceLists

/// The public surface: the report's JSON object, the decoded tree, the
/// decoded-document entry point, and linear behaviour on large inputs.
@Suite struct APITests {
    @Test func reportJSON() throws {
        let r = validate(RFCExamples.rfc5364HistoryList, xsd: .iana)
        let j = r.json()
        #expect(j["format"] == .string("resource-lists"))
        #expect(j["valid"] == .bool(true))
        #expect(j["profiles"] == .array([.string("rfc4826"), .string("rfc5364")]))
        #expect(j["xsd"] == .object([("schemaSet", .string("iana")), ("valid", .bool(true))]))
        #expect(j["findings"]?.arrayValue?.count == r.findings.count)
        // The serialisation is deterministic and parses back.
        let text = j.serialized()
        #expect(try JSONValue.parse(text) == j)
        #expect(r.json().serialized() == text)
    }

    @Test func decodedTree() throws {
        let d = try ResourceListsDecoder().decode(utf8(RFCExamples.rfc5364HistoryList))
        let t = ResourceListsJSON.tree(d)
        #expect(t["element"] == .string("resourceLists"))
        let list = try #require(t["children"]?.arrayValue?.first)
        #expect(list["element"] == .string("list"))
        #expect(list["line"] == .int(4))
        let entry = try #require(list["children"]?.arrayValue?[1])
        #expect(entry["element"] == .string("entry"))
        #expect(entry["path"] == .string("resource-lists.list[0].entry[1]"))
        #expect(entry["uri"] == .string("sip:anonymous@anonymous.invalid"))
        #expect(entry["copyControl"] == .object([("copyControl", .string("to")), ("anonymize", .null), ("count", .string("2")), ("effective", .string("to"))]))
        #expect(entry["offset"] == .int(Array(RFCExamples.rfc5364HistoryList.utf8).firstIndex(of: UInt8(ascii: "<"), after: "<entry uri=\"sip:anon")))
        // Keys are lowerCamelCase.
        func keys(_ v: JSONValue) -> [String] {
            switch v {
            case .object(let o): return o.flatMap { [$0.0] + keys($0.1) }
            case .array(let a): return a.flatMap(keys)
            default: return []
            }
        }
        #expect(keys(t).allSatisfy { $0.first!.isLowercase && !$0.contains("-") && !$0.contains("_") })
        // Without positions (a model built in code) the tree has none.
        #expect(ResourceListsJSON.tree(d.document)["children"]?.arrayValue?.first?["offset"] == nil)
    }

    @Test func validatingADecodedDocument() throws {
        let text = doc("<list><entry uri=\"sip:a@b\"/><entry uri=\"sip:a@b\" cp:copyControl=\"TO\"/></list>")
        let d = try ResourceListsDecoder().decode(utf8(text))
        let fromDecoded = ResourceListsValidator().validate(d)
        let fromBytes = ResourceListsValidator().validate(utf8(text))
        #expect(fromDecoded.findings == fromBytes.findings)
        #expect(!fromDecoded.isValid)
        #expect(ResourceListsValidator.defaultProfiles == [.rfc4826, .rfc5364])
        #expect(fromDecoded.profiles == ResourceListsValidator.defaultProfiles)
    }

    @Test func pathOwners() {
        #expect(ResourceListsPath.owner(of: "resource-lists.list[0].entry[1]@uri") == "resource-lists.list[0].entry[1]")
        #expect(ResourceListsPath.owner(of: "resource-lists.list[0]#text") == "resource-lists.list[0]")
        #expect(ResourceListsPath.owner(of: "resource-lists.{http://x/n#s@t}e[0]@{urn:a@b}c") == "resource-lists.{http://x/n#s@t}e[0]")
        #expect(ResourceListsPath.owner(of: "resource-lists.{http://x/n#s}e[0]") == nil)
    }

    @Test func profilesFilterFindings() {
        let text = doc("<list><entry uri=\"mailto:a@b\" cp:copyControl=\"x\"/></list>")
        #expect(codes(validate(text, profiles: [.rfc4826])) == [])
        #expect(codes(validate(text, profiles: [.rfc5364])) == ["resource-lists.copy-control.value"])
        #expect(codes(validate(text, profiles: [.rfc5366])) == ["resource-lists.request.uri-scheme"])
    }

    /// A megabyte on one line: positions, uniqueness and canonical
    /// comparison stay linear.
    @Test func largeSingleLineDocument() throws {
        var body = "<list>"
        var i = 0
        while body.utf8.count < 900_000 {
            body += "<entry uri=\"sip:user\(i)@example.com\" cp:copyControl=\"to\"><display-name xml:lang=\"en\">U \(i) \u{E9}</display-name></entry>"
            i += 1
        }
        body += "<entry uri=\"sip:user0@example.com\"/></list>"
        let text = "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\" xmlns:cp=\"urn:ietf:params:xml:ns:copycontrol\">" + body + "</resource-lists>"
        let clock = ContinuousClock()
        var r: ResourceListsValidationReport?
        let t = clock.measure { r = ResourceListsValidator(options: ResourceListsValidationOptions(profiles: Set(ResourceListsProfileName.allCases), xsdCrossCheck: .iana)).validate(utf8(text)) }
        print("\(text.utf8.count) bytes, \(i + 1) entries, one line: validated with the XSD cross-check in \(t)")
        let dup = try #require(r?.findings.first { $0.code == "resource-lists.entry.uri-duplicate" })
        #expect(dup.path == "resource-lists.list[0].entry[\(i)]@uri")
        #expect(dup.message.hasPrefix("1:"))
        #expect(t < .seconds(30))
    }
}

private extension Array where Element == UInt8 {
    /// Index of `byte` at the start of the first occurrence of `marker`.
    func firstIndex(of byte: UInt8, after marker: String) -> Int {
        let m = Array(marker.utf8)
        for i in 0...(count - m.count) where self[i..<(i + m.count)].elementsEqual(m) { return i }
        return -1
    }
}
