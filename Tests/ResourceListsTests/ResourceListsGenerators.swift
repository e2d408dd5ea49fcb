import PropertyBased
@testable import ResourceLists

/// PropertyBased generators for the model.
///
/// Generated documents are ones the encoder accepts (normalised: no empty
/// or adjacent text children, no white-space-only text in element content,
/// no typed element or attribute kept as generic, unique attribute names),
/// and they deliberately include schema-invalid shapes: missing required
/// attributes, bad copy-control values, misplaced elements, text in element
/// content, duplicate siblings, awkward characters.
enum ResourceListsGen {
    typealias RNG = any SeededRandomNumberGenerator

    static func int(_ r: ClosedRange<Int>, _ rng: inout RNG) -> Int { Int.random(in: r, using: &rng) }
    static func chance(_ p: Double, _ rng: inout RNG) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    static func pick<T>(_ xs: [T], _ rng: inout RNG) -> T { xs[int(0...(xs.count - 1), &rng)] }

    static let namespaces = ["urn:x", "http://example.com/ext", "urn:ietf:params:xml:ns:copyControl", "urn:%C3%A9t%C3%A9", "relative/ns"]
    static let localNames = ["a", "ext", "phone", "n\u{F1}", "x-y.z", "_u", "display-name", "entry", "list"]

    /// Text with the characters an encoder must escape.
    static func text(_ rng: inout RNG, nonBlank: Bool = true) -> String {
        let pieces = ["a", "Bob", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "]]>", "\u{E9}", "\u{1F600}", "&amp;", "x y", "%41"]
        var s = ""
        for _ in 0..<int(1...6, &rng) { s += pick(pieces, &rng) }
        if nonBlank, isWhitespace(s) { s += "z" }
        return s
    }

    static func uri(_ rng: inout RNG) -> String {
        pick(["sip:alice@example.com", "sip:Alice@EXAMPLE.com", "sips:bob@example.org;transport=tls", "tel:+1-201-555-0123", "sip:anonymous@anonymous.invalid",
              "mailto:a@b", "sip:a b@c", "sip:%zz@c", "", "no-scheme", "sip:user@host?subject=x&y=z", text(&rng)], &rng)
    }

    static func copyControl(_ rng: inout RNG) -> CopyControlAttributes {
        guard chance(0.6, &rng) else { return .none }
        return CopyControlAttributes(
            copyControl: chance(0.7, &rng) ? pick(["to", "cc", "bcc", "To", " to", "all"], &rng) : nil,
            anonymize: chance(0.4, &rng) ? pick(["true", "false", "1", "0", " 1 ", "yes"], &rng) : nil,
            count: chance(0.3, &rng) ? pick(["1", "2", "+5", "-0", "-1", "1.0", "99999999999999999999999"], &rng) : nil)
    }

    /// Attributes with unique expanded names, avoiding `reserved`.
    static func attributes(_ rng: inout RNG, reserved: [(String?, String)] = [], allowUnqualified: Bool = true) -> [GenericAttribute] {
        var out: [GenericAttribute] = []
        var seen: Set<String> = []
        for _ in 0..<int(0...3, &rng) {
            let a: GenericAttribute
            switch int(0...5, &rng) {
            case 0: a = GenericAttribute(namespace: XMLNamespaces.xml, name: pick(["lang", "space", "base", "other"], &rng), value: pick(["en", "en-US", "", "!!", "preserve", "keep", "http://x/"], &rng))
            case 1: a = GenericAttribute(namespace: XMLNamespaces.copyControl, name: pick(["copyControl", "anonymize", "count", "foo"], &rng), value: pick(["to", "true", "2", "zz"], &rng))
            case 2: a = GenericAttribute(namespace: allowUnqualified ? nil : "urn:x", name: pick(localNames, &rng), value: text(&rng, nonBlank: false))
            case 3: a = GenericAttribute(namespace: XMLNamespaces.xsi, name: "schemaLocation", value: "urn:x x.xsd")
            case 4: a = GenericAttribute(namespace: XMLNamespaces.resourceLists, name: "uri", value: "sip:x@y")
            default: a = GenericAttribute(namespace: pick(namespaces, &rng), name: pick(localNames, &rng), value: text(&rng, nonBlank: false))
            }
            if reserved.contains(where: { $0.0 == a.namespace && $0.1 == a.name }) || !seen.insert(a.expandedName).inserted { continue }
            out.append(a)
        }
        return out
    }

    static func generic(_ rng: inout RNG, depth: Int, namespaces ns: [String?]? = nil) -> GenericElement {
        let namespace = pick(ns ?? (namespaces.map { Optional($0) } + [nil, XMLNamespaces.resourceLists]), &rng)
        var e = GenericElement(namespace: namespace, name: pick(localNames, &rng), attributes: attributes(&rng))
        guard depth > 0 else { return e }
        switch int(0...3, &rng) {
        case 0: break
        case 1: e.children = [.text(text(&rng, nonBlank: false))]
        case 2: e.children = (0..<int(1...3, &rng)).map { _ in .element(generic(&rng, depth: depth - 1)) }
        default:
            // Mixed: alternate text and elements, at least one non-blank text.
            var kids: [GenericContent] = []
            for i in 0..<int(2...4, &rng) {
                kids.append(i % 2 == 0 ? .text(text(&rng)) : .element(generic(&rng, depth: depth - 1)))
            }
            e.children = kids
        }
        return e
    }

    /// An extension element that would not be typed where it stands.
    static func extensionElement(_ rng: inout RNG, typed: [String]) -> GenericElement {
        var g = generic(&rng, depth: 2)
        if g.namespace == XMLNamespaces.resourceLists, typed.contains(g.name) { g.name = "bogus" }
        return g
    }

    static func displayName(_ rng: inout RNG) -> DisplayName {
        var d = DisplayName(text(&rng, nonBlank: false), lang: chance(0.4, &rng) ? pick(["en", "de-CH", "", "x!"], &rng) : nil)
        if chance(0.15, &rng) { d.content.append(.element(generic(&rng, depth: 0))) }
        if chance(0.1, &rng) { d.attributes = [GenericAttribute(namespace: "urn:x", name: "a", value: "1")] }
        return d
    }

    static func leafChildren(_ rng: inout RNG) -> [EntryChild] {
        var kids: [EntryChild] = []
        for _ in 0..<int(0...3, &rng) {
            switch int(0...5, &rng) {
            case 0, 1: kids.append(.displayName(displayName(&rng)))
            case 2: if case .text? = kids.last {} else { kids.append(.text(text(&rng))) }
            default: kids.append(.other(extensionElement(&rng, typed: ["display-name"])))
            }
        }
        return kids
    }

    static let cpReserved: [(String?, String)] = [(XMLNamespaces.copyControl, "copyControl"), (XMLNamespaces.copyControl, "anonymize"), (XMLNamespaces.copyControl, "count")]

    static func list(_ rng: inout RNG, depth: Int) -> ResourceList {
        var kids: [ListChild] = []
        for _ in 0..<int(0...5, &rng) {
            switch int(0...11, &rng) {
            case 0: kids.append(.displayName(displayName(&rng)))
            case 1, 2, 3, 4:
                kids.append(.entry(Entry(uri: chance(0.9, &rng) ? uri(&rng) : nil, copyControl: copyControl(&rng),
                                         attributes: attributes(&rng, reserved: [(nil, "uri")] + cpReserved), children: leafChildren(&rng))))
            case 5:
                kids.append(.entryRef(EntryRef(ref: chance(0.9, &rng) ? pick(["a/b", "/abs", "a b", "x:y/z"], &rng) : nil, copyControl: copyControl(&rng),
                                               attributes: attributes(&rng, reserved: [(nil, "ref")] + cpReserved), children: leafChildren(&rng))))
            case 6:
                kids.append(.external(External(anchor: chance(0.9, &rng) ? pick(["http://x/y", "ftp://x", "rel/x"], &rng) : nil, copyControl: copyControl(&rng),
                                               attributes: attributes(&rng, reserved: [(nil, "anchor")] + cpReserved), children: leafChildren(&rng))))
            case 7: if depth > 0 { kids.append(.list(list(&rng, depth: depth - 1))) }
            case 8: if case .text? = kids.last {} else { kids.append(.text(text(&rng))) }
            default: kids.append(.other(extensionElement(&rng, typed: ["display-name", "list", "entry", "entry-ref", "external"])))
            }
        }
        return ResourceList(name: chance(0.7, &rng) ? pick(["friends", "a", "a", "", "caf\u{E9}"], &rng) : nil, copyControl: copyControl(&rng),
                            attributes: attributes(&rng, reserved: [(nil, "name")] + cpReserved), children: kids)
    }

    static let document = Generator<ResourceListsDocument, Shrink.None<ResourceListsDocument>> { rng in
        var kids: [RootChild] = []
        for _ in 0..<int(0...3, &rng) {
            switch int(0...9, &rng) {
            case 0: kids.append(.other(extensionElement(&rng, typed: ["list"])))
            case 1: if case .text? = kids.last {} else { kids.append(.text(text(&rng))) }
            default: kids.append(.list(list(&rng, depth: 2)))
            }
        }
        return ResourceListsDocument(attributes: chance(0.1, &rng) ? attributes(&rng) : [], children: kids)
    }

    /// Documents with only what the schema allows (for the XSD agreement
    /// property, which then also exercises the prose rules).
    static let schemaShaped = Generator<ResourceListsDocument, Shrink.None<ResourceListsDocument>> { rng in
        func leafKids(_ rng: inout RNG) -> [EntryChild] {
            var k: [EntryChild] = chance(0.5, &rng) ? [.displayName(DisplayName(text(&rng, nonBlank: false), lang: chance(0.3, &rng) ? "en" : nil))] : []
            if chance(0.3, &rng) { k.append(.other(generic(&rng, depth: 1, namespaces: ["urn:x"]))) }
            return k
        }
        func list(_ rng: inout RNG, depth: Int) -> ResourceList {
            var kids: [ListChild] = chance(0.3, &rng) ? [.displayName(DisplayName("d"))] : []
            for _ in 0..<int(0...4, &rng) {
                switch int(0...5, &rng) {
                case 0: if depth > 0 { kids.append(.list(list(&rng, depth: depth - 1))) }
                case 1: kids.append(.entryRef(EntryRef(ref: pick(["a/b", "a/c", "/x"], &rng), copyControl: .none, attributes: [], children: leafKids(&rng))))
                case 2: kids.append(.external(External(anchor: pick(["http://x/y", "http://x/z"], &rng), copyControl: .none, attributes: [], children: leafKids(&rng))))
                default: kids.append(.entry(Entry(uri: uri(&rng), copyControl: CopyControlAttributes(chance(0.7, &rng) ? pick(CopyControlLevel.allCases, &rng) : nil,
                                                                                                    anonymize: chance(0.3, &rng) ? true : nil),
                                                  attributes: chance(0.2, &rng) ? [GenericAttribute(namespace: "urn:x", name: "a", value: "1")] : [], children: leafKids(&rng))))
                }
            }
            if chance(0.2, &rng) { kids.append(.other(generic(&rng, depth: 1, namespaces: ["urn:x"]))) }
            return ResourceList(name: chance(0.5, &rng) ? pick(["a", "b"], &rng) : nil, copyControl: .none, attributes: [], children: kids)
        }
        return ResourceListsDocument(lists: (0..<int(0...2, &rng)).map { _ in list(&rng, depth: 2) })
    }
}
