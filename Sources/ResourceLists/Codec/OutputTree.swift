import MediasecCore

/// The model flattened into plain elements, after the normalisation checks.
struct OutElement {
    var namespace: String?
    var name: String
    var attributes: [GenericAttribute]
    var children: [OutNode]
    /// Written on one line without added white space.
    var inline: Bool
}

enum OutNode {
    case element(OutElement)
    case text(String)
}

enum OutputTree {
    typealias E = EncodingError

    static func document(_ d: ResourceListsDocument) throws(E) -> OutElement {
        let path = ResourceListsPath.root
        try checkAttributes(d.attributes, reserved: [], path)
        var counter = SiblingCounter(parent: path)
        var out: [OutNode] = []
        for c in d.children {
            switch c {
            case .list(let l): out.append(.element(try list(l, counter.next("list"))))
            case .other(let g):
                let p = counter.next(namespace: g.namespace, name: g.name)
                try notTyped(g, typed: ["list"], p)
                out.append(.element(try generic(g, p)))
            case .text(let t): try typedText(t, path); out.append(.text(t))
            }
        }
        try checkAdjacentText(out, path)
        return OutElement(namespace: XMLNamespaces.resourceLists, name: "resource-lists", attributes: d.attributes, children: out, inline: hasText(out))
    }

    static func list(_ l: ResourceList, _ path: String) throws(E) -> OutElement {
        var attrs: [GenericAttribute] = []
        if let n = l.name { attrs.append(GenericAttribute(namespace: nil, name: "name", value: n)) }
        attrs += copyControl(l.copyControl)
        try checkValues(attrs, path)
        try checkAttributes(l.attributes, reserved: [(nil, "name")] + cpNames, path)
        attrs += l.attributes
        var counter = SiblingCounter(parent: path)
        var out: [OutNode] = []
        for c in l.children {
            switch c {
            case .displayName(let d): out.append(.element(try displayName(d, counter.next("display-name"))))
            case .list(let s): out.append(.element(try list(s, counter.next("list"))))
            case .entry(let e): out.append(.element(try leaf("entry", key: "uri", e.uri, e.copyControl, e.attributes, e.children, counter.next("entry"))))
            case .entryRef(let r): out.append(.element(try leaf("entry-ref", key: "ref", r.ref, r.copyControl, r.attributes, r.children, counter.next("entry-ref"))))
            case .external(let x): out.append(.element(try leaf("external", key: "anchor", x.anchor, x.copyControl, x.attributes, x.children, counter.next("external"))))
            case .other(let g):
                let p = counter.next(namespace: g.namespace, name: g.name)
                try notTyped(g, typed: ["display-name", "list", "entry", "entry-ref", "external"], p)
                out.append(.element(try generic(g, p)))
            case .text(let t): try typedText(t, path); out.append(.text(t))
            }
        }
        try checkAdjacentText(out, path)
        return OutElement(namespace: XMLNamespaces.resourceLists, name: "list", attributes: attrs, children: out, inline: hasText(out))
    }

    static func leaf(_ name: String, key: String, _ value: String?, _ cp: CopyControlAttributes, _ others: [GenericAttribute],
                     _ children: [EntryChild], _ path: String) throws(E) -> OutElement {
        var attrs: [GenericAttribute] = []
        if let v = value { attrs.append(GenericAttribute(namespace: nil, name: key, value: v)) }
        attrs += copyControl(cp)
        try checkValues(attrs, path)
        try checkAttributes(others, reserved: [(nil, key)] + cpNames, path)
        attrs += others
        var counter = SiblingCounter(parent: path)
        var out: [OutNode] = []
        for c in children {
            switch c {
            case .displayName(let d): out.append(.element(try displayName(d, counter.next("display-name"))))
            case .other(let g):
                let p = counter.next(namespace: g.namespace, name: g.name)
                try notTyped(g, typed: ["display-name"], p)
                out.append(.element(try generic(g, p)))
            case .text(let t): try typedText(t, path); out.append(.text(t))
            }
        }
        try checkAdjacentText(out, path)
        return OutElement(namespace: XMLNamespaces.resourceLists, name: name, attributes: attrs, children: out, inline: hasText(out))
    }

    static func displayName(_ d: DisplayName, _ path: String) throws(E) -> OutElement {
        var attrs: [GenericAttribute] = []
        if let l = d.lang { attrs.append(GenericAttribute(namespace: XMLNamespaces.xml, name: "lang", value: l)) }
        try checkValues(attrs, path)
        try checkAttributes(d.attributes, reserved: [(XMLNamespaces.xml, "lang")], path)
        attrs += d.attributes
        let out = try content(d.content, path)
        return OutElement(namespace: XMLNamespaces.resourceLists, name: "display-name", attributes: attrs, children: out, inline: true)
    }

    static func generic(_ g: GenericElement, _ path: String) throws(E) -> OutElement {
        try checkName(g.name, path)
        try checkNamespace(g.namespace, path)
        try checkAttributes(g.attributes, reserved: [], path)
        let out = try content(g.children, path)
        let hasElement = out.contains { if case .element = $0 { true } else { false } }
        if hasElement, !out.isEmpty, out.allSatisfy({ if case .text(let t) = $0 { isWhitespace(t) } else { true } }), hasText(out) {
            throw E(code: "resource-lists.encode.not-normalized", path: path, message: "white-space-only text beside child elements is dropped by the decoder")
        }
        return OutElement(namespace: g.namespace, name: g.name, attributes: g.attributes, children: out, inline: hasText(out))
    }

    static func content(_ children: [GenericContent], _ path: String) throws(E) -> [OutNode] {
        var counter = SiblingCounter(parent: path)
        var out: [OutNode] = []
        for c in children {
            switch c {
            case .element(let g): out.append(.element(try generic(g, counter.next(namespace: g.namespace, name: g.name))))
            case .text(let t):
                guard !t.isEmpty else { throw E(code: "resource-lists.encode.not-normalized", path: path, message: "empty text child") }
                try checkCharacters(t, path)
                out.append(.text(t))
            }
        }
        try checkAdjacentText(out, path)
        return out
    }

    // MARK: checks

    static let cpNames: [(String?, String)] = [(XMLNamespaces.copyControl, "copyControl"), (XMLNamespaces.copyControl, "anonymize"), (XMLNamespaces.copyControl, "count")]

    static func copyControl(_ cp: CopyControlAttributes) -> [GenericAttribute] {
        var a: [GenericAttribute] = []
        if let v = cp.copyControl { a.append(GenericAttribute(namespace: XMLNamespaces.copyControl, name: "copyControl", value: v)) }
        if let v = cp.anonymize { a.append(GenericAttribute(namespace: XMLNamespaces.copyControl, name: "anonymize", value: v)) }
        if let v = cp.count { a.append(GenericAttribute(namespace: XMLNamespaces.copyControl, name: "count", value: v)) }
        return a
    }

    static func hasText(_ nodes: [OutNode]) -> Bool { nodes.contains { if case .text = $0 { true } else { false } } }

    static func typedText(_ t: String, _ path: String) throws(E) {
        guard !isWhitespace(t) else {
            throw E(code: "resource-lists.encode.not-normalized", path: path, message: "white-space-only text in element content is dropped by the decoder")
        }
        try checkCharacters(t, path)
    }

    static func checkAdjacentText(_ nodes: [OutNode], _ path: String) throws(E) {
        for (a, b) in zip(nodes, nodes.dropFirst()) {
            if case .text = a, case .text = b {
                throw E(code: "resource-lists.encode.not-normalized", path: path, message: "adjacent text children are one text node in XML")
            }
        }
    }

    static func notTyped(_ g: GenericElement, typed: [String], _ path: String) throws(E) {
        if g.namespace == XMLNamespaces.resourceLists, typed.contains(g.name) {
            throw E(code: "resource-lists.encode.typed-as-generic", path: path, message: "<\(g.name)> here is a typed child; use the typed case")
        }
    }

    static func checkAttributes(_ attrs: [GenericAttribute], reserved: [(String?, String)], _ path: String) throws(E) {
        var seen: Set<String> = []
        for a in attrs {
            let p = ResourceListsPath.attribute(path, namespace: a.namespace, name: a.name)
            try checkName(a.name, p)
            try checkNamespace(a.namespace, p)
            if a.namespace == nil, a.name == "xmlns" {
                throw E(code: "resource-lists.encode.invalid-name", path: p, message: "xmlns is a namespace declaration, not an attribute")
            }
            if reserved.contains(where: { $0.0 == a.namespace && $0.1 == a.name }) {
                throw E(code: "resource-lists.encode.typed-as-generic", path: p, message: "this attribute has a typed field; set that instead")
            }
            guard seen.insert(a.expandedName).inserted else {
                throw E(code: "resource-lists.encode.duplicate-attribute", path: p, message: "attribute \(a.expandedName) appears twice")
            }
            try checkCharacters(a.value, p)
        }
    }

    /// The typed attributes' values.
    static func checkValues(_ attrs: [GenericAttribute], _ path: String) throws(E) {
        for a in attrs { try checkCharacters(a.value, ResourceListsPath.attribute(path, namespace: a.namespace, name: a.name)) }
    }

    /// A namespace name must be a URI reference (Namespaces in XML 1.0 §2.2;
    /// libxml2 rejects anything else, e.g. non-ASCII IRIs) and bindable.
    static func checkNamespace(_ ns: String?, _ path: String) throws(E) {
        guard let ns else { return }
        if ns.isEmpty || ns == XMLNamespaces.xmlns {
            throw E(code: "resource-lists.encode.invalid-namespace", path: path, message: "namespace name \"\(ns)\" cannot be bound to a prefix")
        }
        if URISyntax.parseReference(Array(ns.utf8), .libxml2) == nil {
            throw E(code: "resource-lists.encode.invalid-namespace", path: path, message: "namespace name \"\(ns)\" is not a URI reference")
        }
    }

    /// XML 1.0 (fifth edition) §2.3 NCName: a Name without `:`.
    static func checkName(_ name: String, _ path: String) throws(E) {
        guard let first = name.unicodeScalars.first, isNameStart(first), name.unicodeScalars.dropFirst().allSatisfy(isNameChar) else {
            throw E(code: "resource-lists.encode.invalid-name", path: path, message: "\"\(name)\" is not an XML NCName")
        }
    }

    static func isNameStart(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    static func isNameChar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isNameStart(u)
        }
    }

    /// XML 1.0 §2.2 Char.
    static func checkCharacters(_ s: String, _ path: String) throws(E) {
        for u in s.unicodeScalars {
            let v = u.value
            let ok = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
            if !ok {
                throw E(code: "resource-lists.encode.invalid-character", path: path, message: "U+\(String(v, radix: 16, uppercase: true)) cannot appear in an XML 1.0 document")
            }
        }
    }
}
