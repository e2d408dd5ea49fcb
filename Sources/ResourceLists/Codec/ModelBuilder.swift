/// Types the raw tree (STYLE.md §1: raw structure first, typed values
/// second) and records the position of every element and attribute under
/// its path. It never fails: whatever the schema does not allow is kept as
/// a ``GenericElement``, ``GenericAttribute`` or text child for the
/// validator to report.
///
/// Paths are built only when `recording` (for ``PositionTable``): the plain
/// decode builds no path string at all.
struct ModelBuilder {
    let recording: Bool
    var positions: [String: XMLPosition] = [:]
    /// Path of each element by its pre-order index (for schema diagnostics).
    var elementPaths: [Int: String] = [:]

    init(recording: Bool = false) { self.recording = recording }

    mutating func document(_ root: RawElement) -> ResourceListsDocument {
        let path: String? = recording ? ResourceListsPath.root : nil
        note(root, path)
        var counter = ChildPaths(path)
        var children: [RootChild] = []
        for node in root.children {
            switch node {
            case .element(let e) where e.isResourceLists("list"):
                children.append(.list(list(e, counter.next("list"))))
            case .element(let e):
                children.append(.other(generic(e, counter.next(namespace: e.namespace, name: e.name))))
            case .text(let t):
                if !isWhitespace(t) { children.append(.text(t)) }
            }
        }
        return ResourceListsDocument(attributes: root.attributes.map { generic($0, path) }, children: children)
    }

    // MARK: typed elements

    private mutating func list(_ e: RawElement, _ path: String?) -> ResourceList {
        note(e, path)
        var name: String?
        var cp = CopyControlAttributes()
        var others: [GenericAttribute] = []
        for a in e.attributes {
            if a.namespace == nil, a.name == "name" { name = a.value; note(a, path) } else if !copyControl(a, &cp, path) { others.append(generic(a, path)) }
        }
        var counter = ChildPaths(path)
        var children: [ListChild] = []
        for node in e.children {
            switch node {
            case .element(let c) where c.namespace == XMLNamespaces.resourceLists:
                switch c.name {
                case "display-name": children.append(.displayName(displayName(c, counter.next("display-name"))))
                case "list": children.append(.list(list(c, counter.next("list"))))
                case "entry": children.append(.entry(entry(c, counter.next("entry"))))
                case "entry-ref": children.append(.entryRef(entryRef(c, counter.next("entry-ref"))))
                case "external": children.append(.external(external(c, counter.next("external"))))
                default: children.append(.other(generic(c, counter.next(namespace: c.namespace, name: c.name))))
                }
            case .element(let c):
                children.append(.other(generic(c, counter.next(namespace: c.namespace, name: c.name))))
            case .text(let t):
                if !isWhitespace(t) { children.append(.text(t)) }
            }
        }
        return ResourceList(name: name, copyControl: cp, attributes: others, children: children)
    }

    /// The attributes and children shared by entry, entry-ref and external.
    private mutating func leaf(_ e: RawElement, _ path: String?, key: String) -> (String?, CopyControlAttributes, [GenericAttribute], [EntryChild]) {
        note(e, path)
        var value: String?
        var cp = CopyControlAttributes()
        var others: [GenericAttribute] = []
        for a in e.attributes {
            if a.namespace == nil, a.name == key { value = a.value; note(a, path) } else if !copyControl(a, &cp, path) { others.append(generic(a, path)) }
        }
        var counter = ChildPaths(path)
        var children: [EntryChild] = []
        for node in e.children {
            switch node {
            case .element(let c) where c.isResourceLists("display-name"):
                children.append(.displayName(displayName(c, counter.next("display-name"))))
            case .element(let c):
                children.append(.other(generic(c, counter.next(namespace: c.namespace, name: c.name))))
            case .text(let t):
                if !isWhitespace(t) { children.append(.text(t)) }
            }
        }
        return (value, cp, others, children)
    }

    private mutating func entry(_ e: RawElement, _ path: String?) -> Entry {
        let (uri, cp, attrs, children) = leaf(e, path, key: "uri")
        return Entry(uri: uri, copyControl: cp, attributes: attrs, children: children)
    }

    private mutating func entryRef(_ e: RawElement, _ path: String?) -> EntryRef {
        let (ref, cp, attrs, children) = leaf(e, path, key: "ref")
        return EntryRef(ref: ref, copyControl: cp, attributes: attrs, children: children)
    }

    private mutating func external(_ e: RawElement, _ path: String?) -> External {
        let (anchor, cp, attrs, children) = leaf(e, path, key: "anchor")
        return External(anchor: anchor, copyControl: cp, attributes: attrs, children: children)
    }

    private mutating func displayName(_ e: RawElement, _ path: String?) -> DisplayName {
        note(e, path)
        var lang: String?
        var others: [GenericAttribute] = []
        for a in e.attributes {
            if a.namespace == XMLNamespaces.xml, a.name == "lang" { lang = a.value; note(a, path) } else { others.append(generic(a, path)) }
        }
        var counter = ChildPaths(path)
        let content: [GenericContent] = e.children.map { node in
            switch node {
            case .element(let c): return .element(generic(c, counter.next(namespace: c.namespace, name: c.name)))
            case .text(let t): return .text(t)
            }
        }
        return DisplayName(lang: lang, attributes: others, content: content)
    }

    /// Moves a `cp:` attribute into `cp`; false when it is not one.
    private mutating func copyControl(_ a: RawAttribute, _ cp: inout CopyControlAttributes, _ path: String?) -> Bool {
        guard a.namespace == XMLNamespaces.copyControl else { return false }
        switch a.name {
        case "copyControl": cp.copyControl = a.value
        case "anonymize": cp.anonymize = a.value
        case "count": cp.count = a.value
        default: return false
        }
        note(a, path)
        return true
    }

    // MARK: generic content

    private mutating func generic(_ e: RawElement, _ path: String?) -> GenericElement {
        note(e, path)
        let attrs = e.attributes.map { generic($0, path) }
        let hasElement = e.children.contains { if case .element = $0 { true } else { false } }
        let elementOnly = hasElement && e.children.allSatisfy { if case .text(let t) = $0 { isWhitespace(t) } else { true } }
        var counter = ChildPaths(path)
        var children: [GenericContent] = []
        for node in e.children {
            switch node {
            case .element(let c): children.append(.element(generic(c, counter.next(namespace: c.namespace, name: c.name))))
            case .text(let t): if !elementOnly { children.append(.text(t)) }
            }
        }
        return GenericElement(namespace: e.namespace, name: e.name, attributes: attrs, children: children)
    }

    private mutating func generic(_ a: RawAttribute, _ path: String?) -> GenericAttribute {
        note(a, path)
        return GenericAttribute(namespace: a.namespace, name: a.name, value: a.value)
    }

    private mutating func note(_ e: RawElement, _ path: String?) {
        guard let path else { return }
        elementPaths[e.index] = path
        if let p = e.position { positions[path] = p }
    }

    private mutating func note(_ a: RawAttribute, _ element: String?) {
        guard let element, let p = a.position else { return }
        positions[ResourceListsPath.attribute(element, namespace: a.namespace, name: a.name)] = p
    }
}

/// The paths of one element's children while recording; nil (and no
/// string built) otherwise.
struct ChildPaths {
    private var counter: SiblingCounter?

    init(_ parent: String?) { counter = parent.map { SiblingCounter(parent: $0) } }

    mutating func next(_ name: String) -> String? { counter?.next(name) }
    mutating func next(namespace: String?, name: String) -> String? { counter?.next(namespace: namespace, name: name) }
}

/// XML white space (S, XML 1.0 §2.3).
func isWhitespace(_ s: String) -> Bool {
    s.utf8.allSatisfy(XMLChars.isSpace)
}
