import Testing
import Foundation
import MediasecCore
@testable import ResourceLists

/// FACTS §9's XML bug shapes: XXE, billion laughs, depth > 256, DOCTYPE,
/// non-UTF-8, plus the limits and the parser options. Where a defence
/// could hide another (DOCTYPE rejection hides entity handling), the test
/// also runs with `rejectDoctype: false` to prove the next layer holds.
@Suite struct HardeningTests {
    static let rl = "urn:ietf:params:xml:ns:resource-lists"

    /// A temporary file holding a marker string that must never appear.
    static func secretFile() throws -> (path: String, marker: String) {
        let marker = "MEDIASEC-XXE-MARKER-\(UUID().uuidString)"
        let path = NSTemporaryDirectory() + "mediasec-xxe-\(UUID().uuidString).txt"
        try marker.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, marker)
    }

    static func allText(_ o: ResourceListsDecodeOutcome) -> String {
        var s = o.findings.map(\.description).joined(separator: "\n")
        if let d = o.decoded {
            s += ResourceListsJSON.tree(d).serialized()
            s += (try? ResourceListsEncoder().encodeString(d.document)) ?? ""
        }
        return s
    }

    static func xxeDocuments(_ path: String) -> [String] {
        [
            // General external entity in content, in an attribute, and in a name.
            """
            <?xml version="1.0"?>
            <!DOCTYPE resource-lists [<!ENTITY x SYSTEM "file://\(path)">]>
            <resource-lists xmlns="\(rl)"><list name="n"><entry uri="sip:a@b"><display-name>&x;</display-name></entry></list></resource-lists>
            """,
            """
            <!DOCTYPE resource-lists [<!ENTITY x SYSTEM "file://\(path)">]>
            <resource-lists xmlns="\(rl)"><list name="&x;"/></resource-lists>
            """,
            // External DTD subset and an external parameter entity.
            """
            <!DOCTYPE resource-lists SYSTEM "file://\(path)">
            <resource-lists xmlns="\(rl)"/>
            """,
            """
            <!DOCTYPE resource-lists [<!ENTITY % p SYSTEM "file://\(path)"> %p;]>
            <resource-lists xmlns="\(rl)"/>
            """,
            // Plain path without a scheme.
            """
            <!DOCTYPE resource-lists [<!ENTITY x SYSTEM "\(path)">]>
            <resource-lists xmlns="\(rl)"><list><entry uri="sip:a@b"><display-name>&x;</display-name></entry></list></resource-lists>
            """,
        ]
    }

    @Test func xxeNeverLeaksTheFile() throws {
        let (path, marker) = try Self.secretFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (i, text) in Self.xxeDocuments(path).enumerated() {
            var outcome = ResourceListsDecodeOutcome(decoded: nil, findings: [])
            let elapsed = ContinuousClock().measure { outcome = ResourceListsDecoder().decodeReportingAll(utf8(text)) }
            print("XXE case \(i): rejected in \(elapsed)")
            #expect(elapsed < .seconds(1))
            #expect(outcome.decoded == nil, "case \(i) decoded")
            #expect(outcome.findings.contains { $0.code == "resource-lists.xml.doctype" }, "case \(i): \(outcome.findings.map(\.description))")
            #expect(!Self.allText(outcome).contains(marker), "case \(i) leaked the file")
            // The validator's JSON report, with the XSD cross-check on.
            let report = ResourceListsValidator(options: ResourceListsValidationOptions(profiles: Set(ResourceListsProfileName.allCases), xsdCrossCheck: .iana)).validate(utf8(text))
            #expect(!report.isValid)
            #expect(!report.json().serialized().contains(marker), "case \(i) leaked into the report")
        }
    }

    /// With the DOCTYPE let through (test-only switch), entities are still
    /// never substituted and the loader refuses `file:`: no leak either.
    @Test func xxeWithoutDoctypeRejectionStillDoesNotLeak() throws {
        let (path, marker) = try Self.secretFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (i, text) in Self.xxeDocuments(path).enumerated() {
            let outcome = ResourceListsDecoder().decode(utf8(text), schema: nil, rejectDoctype: false)
            #expect(!Self.allText(outcome).contains(marker), "case \(i) leaked the file: \(Self.allText(outcome))")
            if let d = outcome.decoded {
                // Only the documents without a reference decode; nothing holds the marker.
                #expect(!"\(d.document)".contains(marker))
            }
        }
    }

    static func billionLaughs(inAttribute: Bool) -> String {
        var entities = "<!ENTITY lol \"lol\">"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            entities += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
        }
        let body = inAttribute ? "<list name=\"&lol9;\"/>" : "<list><entry uri=\"sip:a@b\"><display-name>&lol9;</display-name></entry></list>"
        return "<?xml version=\"1.0\"?><!DOCTYPE resource-lists [\(entities)]><resource-lists xmlns=\"\(rl)\">\(body)</resource-lists>"
    }

    @Test(arguments: [false, true]) func billionLaughsIsRejectedFast(inAttribute: Bool) {
        let text = utf8(Self.billionLaughs(inAttribute: inAttribute))
        let clock = ContinuousClock()
        var outcome: ResourceListsDecodeOutcome?
        let elapsed = clock.measure { outcome = ResourceListsDecoder().decodeReportingAll(text) }
        print("billion laughs (\(inAttribute ? "attribute" : "content")), DOCTYPE rejected: \(elapsed)")
        #expect(outcome?.decoded == nil)
        #expect(outcome?.findings.first?.code == "resource-lists.xml.doctype")
        #expect(elapsed < .seconds(1))

        // Next layer: libxml2's own amplification guard (XML_PARSE_HUGE never set).
        let inner = clock.measure { outcome = ResourceListsDecoder().decode(text, schema: nil, rejectDoctype: false) }
        print("billion laughs (\(inAttribute ? "attribute" : "content")), DOCTYPE let through: \(inner)")
        #expect(outcome?.decoded == nil)
        #expect(outcome?.findings.contains { $0.code == "resource-lists.xml.not-well-formed" } == true)
        #expect(inner < .seconds(1))
    }

    @Test func doctypeIsRejectedAtItsOffset() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE resource-lists>\n<resource-lists xmlns=\"\(Self.rl)\"/>"
        let o = ResourceListsDecoder().decodeReportingAll(utf8(text))
        #expect(o.decoded == nil)
        #expect(o.findings.count == 1)
        #expect(o.findings[0].code == "resource-lists.xml.doctype")
        #expect(o.findings[0].offset == 22)
        #expect(o.findings[0].message.hasPrefix("2:1: "))
        #expect(throws: DecodingError.self) { try ResourceListsDecoder().decode(utf8(text)) }
    }

    static func nested(_ depth: Int) -> String {
        // resource-lists counts as 1: depth - 1 lists.
        "<resource-lists xmlns=\"\(rl)\">" + String(repeating: "<list>", count: depth - 1) + String(repeating: "</list>", count: depth - 1) + "</resource-lists>"
    }

    @Test func depthLimit() {
        let limit = ResourceListsLimits.default.maxDepth
        #expect(ResourceListsDecoder().decodeReportingAll(utf8(Self.nested(limit))).decoded != nil)
        let over = ResourceListsDecoder().decodeReportingAll(utf8(Self.nested(limit + 1)))
        #expect(over.decoded == nil)
        #expect(over.findings.map(\.code) == ["resource-lists.limit.depth"])
        // FACTS §9: depth > 256.
        let deep = ResourceListsDecoder().decodeReportingAll(utf8(Self.nested(300)))
        #expect(deep.findings.map(\.code) == ["resource-lists.limit.depth"])
        // Raising our limit leaves libxml2's 256 guard (no XML_PARSE_HUGE).
        let lax = ResourceListsDecoder(limits: ResourceListsLimits(maxDepth: 10_000)).decodeReportingAll(utf8(Self.nested(300)))
        #expect(lax.decoded == nil)
        #expect(lax.findings.contains { $0.code == "resource-lists.xml.not-well-formed" && $0.message.contains("depth") })
    }

    @Test func sizeElementAndAttributeLimits() {
        let small = ResourceListsLimits(maxBytes: 150, maxElements: 3, maxAttributesPerElement: 2)
        let big = "<resource-lists xmlns=\"\(Self.rl)\">" + String(repeating: " ", count: 300) + "</resource-lists>"
        #expect(ResourceListsDecoder(limits: small).decodeReportingAll(utf8(big)).findings.map(\.code) == ["resource-lists.limit.bytes"])
        let many = "<resource-lists xmlns=\"\(Self.rl)\"><list/><list/><list/></resource-lists>"
        #expect(ResourceListsDecoder(limits: small).decodeReportingAll(utf8(many)).findings.map(\.code) == ["resource-lists.limit.elements"])
        let attrs = "<resource-lists xmlns=\"\(Self.rl)\"><list name=\"a\" x:a=\"1\" x:b=\"2\" xmlns:x=\"urn:x\"/></resource-lists>"
        #expect(ResourceListsDecoder(limits: small).decodeReportingAll(utf8(attrs)).findings.map(\.code) == ["resource-lists.limit.attributes"])
    }

    static let encodingCases: [(name: String, bytes: [UInt8], offset: Int)] = {
        let body = "<resource-lists xmlns=\"\(rl)\"><list name=\"caf\u{E9}\"/></resource-lists>"
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8) + body.unicodeScalars.map { UInt8($0.value) }
        let undeclaredLatin1 = body.unicodeScalars.map { UInt8($0.value) }
        let utf16le: [UInt8] = [0xFF, 0xFE] + body.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16beNoBOM: [UInt8] = body.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32: [UInt8] = [0x00, 0x00, 0xFE, 0xFF] + body.unicodeScalars.flatMap { s in [0, 0, 0, UInt8(s.value)] }
        let overlong = Array("<resource-lists xmlns=\"\(rl)\"><list name=\"".utf8) + [0xC0, 0xAF] + Array("\"/></resource-lists>".utf8)
        let surrogate = Array("<resource-lists xmlns=\"\(rl)\"><list name=\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"/></resource-lists>".utf8)
        let ascii = Array("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>".utf8) + Array("<resource-lists xmlns=\"\(rl)\"/>".utf8)
        let nameOffset = Array("<resource-lists xmlns=\"\(rl)\"><list name=\"caf".utf8).count
        return [
            ("declared ISO-8859-1", latin1, 30), ("undeclared Latin-1 byte", undeclaredLatin1, nameOffset), ("UTF-16LE with BOM", utf16le, 0),
            ("UTF-16BE without BOM", utf16beNoBOM, 0), ("UTF-32BE with BOM", utf32, 0), ("overlong", overlong, nameOffset - 3),
            ("surrogate", surrogate, nameOffset - 3), ("declared US-ASCII", ascii, 30),
        ]
    }()

    @Test(arguments: encodingCases.map(\.name)) func nonUTF8IsRejected(_ name: String) {
        let c = Self.encodingCases.first { $0.name == name }!
        let o = ResourceListsDecoder().decodeReportingAll(c.bytes)
        #expect(o.decoded == nil)
        #expect(o.findings.map(\.code) == ["resource-lists.xml.encoding"], "\(o.findings.map(\.description))")
        #expect(o.findings.first?.offset == c.offset, "\(o.findings.map(\.description))")
    }

    @Test func utf8VariantsAreAccepted() throws {
        let body = "<resource-lists xmlns=\"\(Self.rl)\"><list name=\"caf\u{E9} \u{1F600}\"/></resource-lists>"
        for prefix in ["", "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"] {
            let d = try ResourceListsDecoder().decode(utf8(prefix + body))
            #expect(d.document.lists[0].name == "caf\u{E9} \u{1F600}")
        }
    }

    @Test func entitiesAndNamespaceErrorsAreFailures() {
        let cases = [
            ("<resource-lists xmlns=\"\(Self.rl)\">&x;</resource-lists>", "resource-lists.xml.not-well-formed"),
            ("<resource-lists xmlns=\"\(Self.rl)\"><p:list/></resource-lists>", "resource-lists.xml.namespace"),
            ("<resource-lists xmlns=\"\(Self.rl)\"><list>", "resource-lists.xml.not-well-formed"),
            ("<resource-lists xmlns=\"\(Self.rl)\"/><x/>", "resource-lists.xml.not-well-formed"),
            ("<resource-lists xmlns=\"\(Self.rl)\"/>\u{0}", "resource-lists.xml.not-well-formed"),
            ("<resource-lists xmlns=\"\(Self.rl)\"/>\u{0}<x/>", "resource-lists.xml.not-well-formed"),
            ("<resource-lists xmlns=\"\(Self.rl)\"><list xml:id=\"1a\"/></resource-lists>", "resource-lists.xml.validity"),
            ("<resource-lists xmlns=\"\(Self.rl)\"><list xml:id=\"a\"/><list xml:id=\"a\"/></resource-lists>", "resource-lists.xml.validity"),
            ("<resource-lists xmlns=\"\(Self.rl)\" xmlns:p=\"urn&amp;:b\"/>", "resource-lists.xml.namespace"),
        ]
        for (text, code) in cases {
            let o = ResourceListsDecoder().decodeReportingAll(utf8(text))
            #expect(o.decoded == nil, "\(text)")
            #expect(o.findings.first?.code == code, "\(text): \(o.findings.map(\.description))")
            #expect(o.findings.allSatisfy { $0.offset != nil && $0.message.first?.isNumber == true }, "\(o.findings.map(\.description))")
        }
        // Predefined entities and character references are fine.
        let ok = ResourceListsDecoder().decodeReportingAll(utf8("<resource-lists xmlns=\"\(Self.rl)\"><list name=\"&lt;&#x41;&amp;\"/></resource-lists>"))
        #expect(ok.decoded?.document.lists.first?.name == "<A&")
    }

    @Test func warningsAreFindingsButDoNotFail() throws {
        let text = "<?xml version=\"1.1\"?><resource-lists xmlns=\"\(Self.rl)\"><list/></resource-lists>"
        let d = try ResourceListsDecoder().decode(utf8(text))
        #expect(d.warnings.map(\.code) == ["resource-lists.xml.warning"])
        #expect(d.warnings[0].severity == .warning)
        let r = validate(text)
        #expect(codes(r) == ["resource-lists.xml.warning", "resource-lists.xml.version"])
        #expect(r.findings.first { $0.code == "resource-lists.xml.version" }?.offset == 15)
    }

    @Test func parserOptionsAreHardened() {
        #expect(LibXML2.parseOptions & LibXML2.forbiddenOptions == 0)
        #expect(LibXML2.parseOptions & (1 << 11) != 0) // XML_PARSE_NONET
    }

    /// Parses run concurrently (per-context error handlers): each result
    /// carries exactly its own diagnostics.
    @Test func concurrentParsesKeepTheirOwnDiagnostics() async {
        let good = utf8(RFCExamples.rfc5364RecipientList)
        await withTaskGroup(of: (Int, Bool, [String]).self) { group in
            for i in 0..<200 {
                group.addTask {
                    let text = i % 2 == 0 ? good : utf8("<resource-lists xmlns=\"\(Self.rl)\"><list name=\"\(i)\"><p\(i):x/></list></resource-lists>")
                    let r = ResourceListsValidator(options: ResourceListsValidationOptions(xsdCrossCheck: i % 4 == 0 ? .iana : nil)).validate(text)
                    return (i, r.isValid, r.findings.map(\.message))
                }
            }
            for await (i, valid, messages) in group {
                if i % 2 == 0 {
                    #expect(valid && messages.isEmpty, "\(i): \(messages)")
                } else {
                    #expect(!valid)
                    #expect(messages.count == 1 && messages[0].contains("Namespace prefix p\(i) on x"), "\(i): \(messages)")
                }
            }
        }
    }
}
