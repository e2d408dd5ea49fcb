import Testing
import PropertyBased
import MediasecCore
@testable import ResourceLists

/// The encoder's canonical form and the two round-trip laws
/// (ResourceListsEncoder.swift): `decode(encode(m)) == m` for every model
/// the encoder accepts; `encode(decode(x)) == x` for canonical `x`.
@Suite struct RoundTripTests {
    @Test func generatedModelsRoundTrip() async {
        await propertyCheck(count: 500, input: ResourceListsGen.document) { m in
            assertRoundTrips(m)
        }
    }

    /// Every canonical encoding is a fixed point of decode-then-encode, and
    /// validating it never traps.
    @Test func canonicalInputsAreFixedPoints() async {
        await propertyCheck(count: 300, input: ResourceListsGen.document) { m in
            let x = try ResourceListsEncoder().encode(m)
            let d = try ResourceListsDecoder().decode(x)
            #expect(try ResourceListsEncoder().encode(d.document) == x)
            _ = ResourceListsValidator(options: ResourceListsValidationOptions(profiles: Set(ResourceListsProfileName.allCases))).validate(x)
        }
    }

    @Test func canonicalForm() {
        let m = ResourceListsDocument(lists: [
            ResourceList(name: "friends & family", displayName: DisplayName("Friends <all>", lang: "en"), members: [
                .entry(Entry(uri: "sip:bill@example.com", displayName: DisplayName("Bill \"B\" Doe"), copyControl: CopyControlAttributes(.to, anonymize: true),
                             attributes: [GenericAttribute(namespace: "urn:x", name: "tag", value: "a\tb\nc")])),
                .entryRef(EntryRef(ref: "resource-lists/users/x")),
                .list(ResourceList(name: "sub", members: [.external(External(anchor: "http://xcap.example.org/x"))])),
            ], extensions: [GenericElement(namespace: "urn:x", name: "note", children: [.text("a\r\nb")]),
                            GenericElement(namespace: nil, name: "raw", children: [.element(GenericElement(namespace: XMLNamespaces.resourceLists, name: "inner"))])]),
        ])
        let expected = """
        <?xml version="1.0" encoding="UTF-8"?>
        <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:cp="urn:ietf:params:xml:ns:copycontrol" xmlns:ns1="urn:x">
          <list name="friends &amp; family">
            <display-name xml:lang="en">Friends &lt;all&gt;</display-name>
            <entry uri="sip:bill@example.com" cp:copyControl="to" cp:anonymize="true" ns1:tag="a&#9;b&#10;c">
              <display-name>Bill "B" Doe</display-name>
            </entry>
            <entry-ref ref="resource-lists/users/x"/>
            <list name="sub">
              <external anchor="http://xcap.example.org/x"/>
            </list>
            <ns1:note>a&#13;
        b</ns1:note>
            <raw xmlns="">
              <inner xmlns="urn:ietf:params:xml:ns:resource-lists"/>
            </raw>
          </list>
        </resource-lists>

        """
        assertRoundTrips(m, encodesTo: expected)
    }

    @Test func emptyDocument() {
        assertRoundTrips(ResourceListsDocument(), encodesTo: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"/>\n")
    }

    /// Invalid shapes survive the round trip too (negative vectors).
    @Test func invalidShapesRoundTrip() {
        let m = ResourceListsDocument(attributes: [GenericAttribute(namespace: nil, name: "version", value: "1")], children: [
            .text("stray"),
            .list(ResourceList(name: nil, copyControl: CopyControlAttributes(copyControl: " To"), attributes: [GenericAttribute(namespace: XMLNamespaces.resourceLists, name: "uri", value: "x")],
                               children: [.entry(Entry(uri: nil)), .text("t"), .displayName(DisplayName("late")), .entry(Entry(uri: "sip:a@b")), .entry(Entry(uri: "sip:a@b"))])),
            .other(GenericElement(namespace: XMLNamespaces.resourceLists, name: "entry")),
        ])
        let bytes = assertRoundTrips(m)
        let r = ResourceListsValidator().validate(bytes ?? [])
        #expect(codes(r).isSuperset(of: ["resource-lists.root.attribute", "resource-lists.text.unexpected", "resource-lists.attribute.unexpected",
                                         "resource-lists.entry.uri-missing", "resource-lists.element.order", "resource-lists.entry.uri-duplicate",
                                         "resource-lists.element.unexpected", "resource-lists.copy-control.value"]))
    }

    @Test func encoderRefusesWhatTheDecoderCannotProduce() {
        let cases: [(ResourceListsDocument, String)] = [
            (ResourceListsDocument(attributes: [], children: [.text("  ")]), "resource-lists.encode.not-normalized"),
            (ResourceListsDocument(attributes: [], children: [.text("a"), .text("b")]), "resource-lists.encode.not-normalized"),
            (ResourceListsDocument(lists: [ResourceList(members: [.entry(Entry(uri: "x", attributes: [GenericAttribute(namespace: nil, name: "uri", value: "y")]))])]),
             "resource-lists.encode.typed-as-generic"),
            (ResourceListsDocument(lists: [ResourceList(attributes: [GenericAttribute(namespace: XMLNamespaces.copyControl, name: "count", value: "1")])]), "resource-lists.encode.typed-as-generic"),
            (ResourceListsDocument(lists: [ResourceList(extensions: [GenericElement(namespace: XMLNamespaces.resourceLists, name: "entry")])]), "resource-lists.encode.typed-as-generic"),
            (ResourceListsDocument(lists: [ResourceList(attributes: [GenericAttribute(namespace: "urn:x", name: "a", value: "1"), GenericAttribute(namespace: "urn:x", name: "a", value: "2")])]),
             "resource-lists.encode.duplicate-attribute"),
            (ResourceListsDocument(lists: [ResourceList(name: "a\u{1}b")]), "resource-lists.encode.invalid-character"),
            (ResourceListsDocument(lists: [ResourceList(extensions: [GenericElement(namespace: "urn:x", name: "1a")])]), "resource-lists.encode.invalid-name"),
            (ResourceListsDocument(lists: [ResourceList(extensions: [GenericElement(namespace: "", name: "a")])]), "resource-lists.encode.invalid-namespace"),
            (ResourceListsDocument(lists: [ResourceList(extensions: [GenericElement(namespace: "urn:\u{E9}", name: "a")])]), "resource-lists.encode.invalid-namespace"),
            (ResourceListsDocument(lists: [ResourceList(extensions: [GenericElement(namespace: "urn:x", name: "a", children: [.text(" "), .element(GenericElement(namespace: "urn:x", name: "b"))])])]),
             "resource-lists.encode.not-normalized"),
            (ResourceListsDocument(lists: [ResourceList(displayName: DisplayName(lang: nil, attributes: [], content: [.text("")]))]), "resource-lists.encode.not-normalized"),
        ]
        for (m, code) in cases {
            #expect(throws: EncodingError.self) { try ResourceListsEncoder().encode(m) }
            do { _ = try ResourceListsEncoder().encode(m) } catch {
                #expect(error.code == code, "\(error)")
            }
        }
    }

    @Test func decoderKeepsWhitespaceWhereItMatters() throws {
        let text = doc("""
        <list>
          <display-name>  spaced\tname  </display-name>
          <x:e xmlns:x="urn:x"> </x:e>
          <x:m xmlns:x="urn:x">a <x:b/> c</x:m>
          <x:o xmlns:x="urn:x">
            <x:b/>
          </x:o>
        </list>
        """)
        let l = try ResourceListsDecoder().decode(utf8(text)).document.lists[0]
        #expect(l.displayName?.value == "  spaced\tname  ")
        #expect(l.extensions[0].children == [.text(" ")])
        #expect(l.extensions[1].children.count == 3)
        #expect(l.extensions[2].children == [.element(GenericElement(namespace: "urn:x", name: "b"))])
    }
}
