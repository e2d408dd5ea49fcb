/// Types the raw document (STYLE.md §1: raw structure first, typed values
/// second) and records the position of every element and attribute under
/// its path. It never fails: whatever the schema does not allow is kept as
/// a ``GenericElement``, ``GenericAttribute`` or text child for the
/// validator to report.
///
/// Names are switched on by their codes (classified once per distinct
/// name when the raw document was built); strings are created only for
/// what the model keeps. Paths are built only when `recording` (for
/// ``PositionTable``): the plain decode builds no path string at all.
struct ModelBuilder {
    let raw: RawDocument
    let recording: Bool
    /// Recording: the position of each element (by pre-order index) and
    /// attribute (by index in ``RawDocument/attributes``), nil when unknown.
    private let elementPositions: [XMLPosition?]
    private let attributePositions: [XMLPosition?]
    var positions: [String: XMLPosition] = [:]
    /// Path of each element by its pre-order index (for schema diagnostics).
    var elementPaths: [Int: String] = [:]

    init(_ raw: RawDocument) {
        self.raw = raw
        self.recording = false
        self.elementPositions = []
        self.attributePositions = []
    }

    init(recording raw: RawDocument, elementPositions: [XMLPosition?], attributePositions: [XMLPosition?]) {
        self.raw = raw
        self.recording = true
        self.elementPositions = elementPositions
        self.attributePositions = attributePositions
    }

    /// The model of the root element (node 0, which the decoder has checked
    /// is `{resource-lists}resource-lists`).
    mutating func document() -> ResourceListsDocument {
        guard !raw.nodes.isEmpty else { return ResourceListsDocument(attributes: [], children: []) }
        let root = 0
        let path: String? = recording ? ResourceListsPath.root : nil
        note(element: root, path)
        var counter = ChildPaths(path)
        var children: [RootChild] = []
        do {
            var c = root + 1
            let end = raw.nodes[root].end
            while c < end {
                if raw.nodes[c].isText {
                    if !raw.isWhitespaceText(c) { children.append(.text(raw.text(c))) }
                } else if raw.isResourceLists(c, .list) {
                    children.append(.list(list(c, counter.next("list"))))
                } else {
                    children.append(.other(generic(c, childPath(&counter, c))))
                }
                c = nextSibling(c)
            }
        }
        return ResourceListsDocument(attributes: genericAttributes(of: root, path), children: children)
    }

    // MARK: walking

    /// The node after `c` and its subtree. A node's end is always past it;
    /// the guard makes sure a malformed document can never loop.
    @inline(__always)
    private func nextSibling(_ c: Int) -> Int {
        let next = raw.nodes[c].end
        return next > c ? next : c + 1
    }

    private func attributeRange(of e: Int) -> Range<Int> {
        let n = raw.nodes[e]
        let lo = min(max(n.start, 0), raw.attributes.count)
        let hi = min(lo + max(n.count, 0), raw.attributes.count)
        return lo..<hi
    }

    private func childPath(_ counter: inout ChildPaths, _ c: Int) -> String? {
        guard recording else { return nil }
        let n = raw.nodes[c]
        return counter.next(namespace: raw.namespace(n.namespace), name: raw.name(n.name))
    }

    /// True for an attribute in no namespace with the given local name.
    private func isUnqualified(_ a: Int, _ code: RawDocument.NameCode) -> Bool {
        let x = raw.attributes[a]
        return x.namespace < 0 && raw.nameCode(x.name) == code
    }

    // MARK: typed elements

    private mutating func list(_ e: Int, _ path: String?) -> ResourceList {
        note(element: e, path)
        var name: String?
        var cp = CopyControlAttributes()
        var others: [GenericAttribute] = []
        for a in attributeRange(of: e) {
            if isUnqualified(a, .name) { name = raw.value(a); note(attribute: a, path) } else if !copyControl(a, &cp, path) { others.append(generic(attribute: a, path)) }
        }
        var counter = ChildPaths(path)
        var children: [ListChild] = []
        do {
            var c = e + 1
            let end = raw.nodes[e].end
            while c < end {
                let n = raw.nodes[c]
                if n.isText {
                    if !raw.isWhitespaceText(c) { children.append(.text(raw.text(c))) }
                } else if raw.namespaceCode(n.namespace) == .resourceLists {
                    switch raw.nameCode(n.name) {
                    case .displayName: children.append(.displayName(displayName(c, counter.next("display-name"))))
                    case .list: children.append(.list(list(c, counter.next("list"))))
                    case .entry: children.append(.entry(entry(c, counter.next("entry"))))
                    case .entryRef: children.append(.entryRef(entryRef(c, counter.next("entry-ref"))))
                    case .external: children.append(.external(external(c, counter.next("external"))))
                    default: children.append(.other(generic(c, childPath(&counter, c))))
                    }
                } else {
                    children.append(.other(generic(c, childPath(&counter, c))))
                }
                c = nextSibling(c)
            }
        }
        return ResourceList(name: name, copyControl: cp, attributes: others, children: children)
    }

    /// The attributes and children shared by entry, entry-ref and external.
    private mutating func leaf(_ e: Int, _ path: String?, key: RawDocument.NameCode) -> (String?, CopyControlAttributes, [GenericAttribute], [EntryChild]) {
        note(element: e, path)
        var value: String?
        var cp = CopyControlAttributes()
        var others: [GenericAttribute] = []
        for a in attributeRange(of: e) {
            if isUnqualified(a, key) { value = raw.value(a); note(attribute: a, path) } else if !copyControl(a, &cp, path) { others.append(generic(attribute: a, path)) }
        }
        var counter = ChildPaths(path)
        var children: [EntryChild] = []
        do {
            var c = e + 1
            let end = raw.nodes[e].end
            while c < end {
                if raw.nodes[c].isText {
                    if !raw.isWhitespaceText(c) { children.append(.text(raw.text(c))) }
                } else if raw.isResourceLists(c, .displayName) {
                    children.append(.displayName(displayName(c, counter.next("display-name"))))
                } else {
                    children.append(.other(generic(c, childPath(&counter, c))))
                }
                c = nextSibling(c)
            }
        }
        return (value, cp, others, children)
    }

    private mutating func entry(_ e: Int, _ path: String?) -> Entry {
        let (uri, cp, attrs, children) = leaf(e, path, key: .uri)
        return Entry(uri: uri, copyControl: cp, attributes: attrs, children: children)
    }

    private mutating func entryRef(_ e: Int, _ path: String?) -> EntryRef {
        let (ref, cp, attrs, children) = leaf(e, path, key: .ref)
        return EntryRef(ref: ref, copyControl: cp, attributes: attrs, children: children)
    }

    private mutating func external(_ e: Int, _ path: String?) -> External {
        let (anchor, cp, attrs, children) = leaf(e, path, key: .anchor)
        return External(anchor: anchor, copyControl: cp, attributes: attrs, children: children)
    }

    private mutating func displayName(_ e: Int, _ path: String?) -> DisplayName {
        note(element: e, path)
        var lang: String?
        var others: [GenericAttribute] = []
        for a in attributeRange(of: e) {
            let x = raw.attributes[a]
            if raw.namespaceCode(x.namespace) == .xml, raw.nameCode(x.name) == .lang { lang = raw.value(a); note(attribute: a, path) } else { others.append(generic(attribute: a, path)) }
        }
        var counter = ChildPaths(path)
        var content: [GenericContent] = []
        do {
            var c = e + 1
            let end = raw.nodes[e].end
            while c < end {
                if raw.nodes[c].isText {
                    content.append(.text(raw.text(c)))
                } else {
                    content.append(.element(generic(c, childPath(&counter, c))))
                }
                c = nextSibling(c)
            }
        }
        return DisplayName(lang: lang, attributes: others, content: content)
    }

    /// Moves a `cp:` attribute into `cp`; false when it is not one.
    private mutating func copyControl(_ a: Int, _ cp: inout CopyControlAttributes, _ path: String?) -> Bool {
        let x = raw.attributes[a]
        guard raw.namespaceCode(x.namespace) == .copyControl else { return false }
        switch raw.nameCode(x.name) {
        case .copyControl: cp.copyControl = raw.value(a)
        case .anonymize: cp.anonymize = raw.value(a)
        case .count: cp.count = raw.value(a)
        default: return false
        }
        note(attribute: a, path)
        return true
    }

    // MARK: generic content

    private mutating func generic(_ e: Int, _ path: String?) -> GenericElement {
        note(element: e, path)
        let attrs = genericAttributes(of: e, path)
        var hasElement = false
        var elementOnly = true
        do {
            var c = e + 1
            let end = raw.nodes[e].end
            while c < end {
                if !raw.nodes[c].isText { hasElement = true } else if elementOnly, !raw.isWhitespaceText(c) { elementOnly = false }
                c = nextSibling(c)
            }
        }
        elementOnly = elementOnly && hasElement
        var counter = ChildPaths(path)
        var children: [GenericContent] = []
        do {
            var c = e + 1
            let end = raw.nodes[e].end
            while c < end {
                if raw.nodes[c].isText {
                    if !elementOnly { children.append(.text(raw.text(c))) }
                } else {
                    children.append(.element(generic(c, childPath(&counter, c))))
                }
                c = nextSibling(c)
            }
        }
        let n = raw.nodes[e]
        return GenericElement(namespace: raw.namespace(n.namespace), name: raw.name(n.name), attributes: attrs, children: children)
    }

    private mutating func genericAttributes(of e: Int, _ path: String?) -> [GenericAttribute] {
        let range = attributeRange(of: e)
        guard !range.isEmpty else { return [] }
        var out: [GenericAttribute] = []
        out.reserveCapacity(range.count)
        for a in range { out.append(generic(attribute: a, path)) }
        return out
    }

    private mutating func generic(attribute a: Int, _ path: String?) -> GenericAttribute {
        note(attribute: a, path)
        let x = raw.attributes[a]
        return GenericAttribute(namespace: raw.namespace(x.namespace), name: raw.name(x.name), value: raw.value(a))
    }

    private mutating func note(element e: Int, _ path: String?) {
        guard let path else { return }
        let index = raw.nodes[e].index
        elementPaths[index] = path
        if index >= 0, index < elementPositions.count, let p = elementPositions[index] { positions[path] = p }
    }

    private mutating func note(attribute a: Int, _ element: String?) {
        guard let element, a < attributePositions.count, let p = attributePositions[a] else { return }
        let x = raw.attributes[a]
        positions[ResourceListsPath.attribute(element, namespace: raw.namespace(x.namespace), name: raw.name(x.name))] = p
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
