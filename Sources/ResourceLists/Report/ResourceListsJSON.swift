import MediasecCore

/// The decoded tree of the CLI's `--json` contract, in document order.
///
/// Every node is an object with `element` (`resourceLists`, `list`,
/// `entry`, `entryRef`, `external`, `displayName`, `extension`, `text`)
/// and `path`, plus `offset`, `line` and `column` when the tree is built
/// from decoded input. Keys are lowerCamelCase; absent attributes are
/// `null`; attribute values are the strings as read (copy-control values
/// are not coerced; `copyControl.effective` gives RFC 5364's reading).
public enum ResourceListsJSON {
    public static func tree(_ d: DecodedResourceLists) -> JSONValue {
        tree(d.document, positions: d.positions)
    }

    public static func tree(_ doc: ResourceListsDocument, positions: [String: XMLPosition] = [:]) -> JSONValue {
        let path = ResourceListsPath.root
        var counter = SiblingCounter(parent: path)
        let children: [JSONValue] = doc.children.map { c in
            switch c {
            case .list(let l): return list(l, counter.next("list"), positions)
            case .other(let g): return generic(g, counter.next(namespace: g.namespace, name: g.name), positions)
            case .text(let t): return text(t, path)
            }
        }
        return .object(head("resourceLists", path, positions) + [
            ("otherAttributes", attributes(doc.attributes)),
            ("children", .array(children)),
        ])
    }

    static func head(_ element: String, _ path: String, _ positions: [String: XMLPosition]) -> [(String, JSONValue)] {
        var o: [(String, JSONValue)] = [("element", .string(element)), ("path", .string(path))]
        if let p = positions[path] { o += [("offset", .int(p.offset)), ("line", .int(p.line)), ("column", .int(p.column))] }
        return o
    }

    static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    static func attributes(_ attrs: [GenericAttribute]) -> JSONValue {
        .array(attrs.map { .object([("namespace", string($0.namespace)), ("name", .string($0.name)), ("value", .string($0.value))]) })
    }

    static func copyControl(_ cp: CopyControlAttributes) -> JSONValue {
        .object([
            ("copyControl", string(cp.copyControl)),
            ("anonymize", string(cp.anonymize)),
            ("count", string(cp.count)),
            ("effective", string(cp.effectiveLevel?.rawValue)),
        ])
    }

    static func text(_ t: String, _ parent: String) -> JSONValue {
        .object([("element", .string("text")), ("path", .string(ResourceListsPath.text(parent))), ("value", .string(t))])
    }

    static func list(_ l: ResourceList, _ path: String, _ positions: [String: XMLPosition]) -> JSONValue {
        var counter = SiblingCounter(parent: path)
        let children: [JSONValue] = l.children.map { c in
            switch c {
            case .displayName(let d): return displayName(d, counter.next("display-name"), positions)
            case .list(let s): return list(s, counter.next("list"), positions)
            case .entry(let e): return leaf("entry", "uri", e.uri, e.copyControl, e.attributes, e.children, counter.next("entry"), positions)
            case .entryRef(let r): return leaf("entryRef", "ref", r.ref, r.copyControl, r.attributes, r.children, counter.next("entry-ref"), positions)
            case .external(let x): return leaf("external", "anchor", x.anchor, x.copyControl, x.attributes, x.children, counter.next("external"), positions)
            case .other(let g): return generic(g, counter.next(namespace: g.namespace, name: g.name), positions)
            case .text(let t): return text(t, path)
            }
        }
        return .object(head("list", path, positions) + [
            ("name", string(l.name)),
            ("copyControl", copyControl(l.copyControl)),
            ("otherAttributes", attributes(l.attributes)),
            ("children", .array(children)),
        ])
    }

    static func leaf(_ element: String, _ key: String, _ value: String?, _ cp: CopyControlAttributes, _ attrs: [GenericAttribute],
                     _ children: [EntryChild], _ path: String, _ positions: [String: XMLPosition]) -> JSONValue {
        var counter = SiblingCounter(parent: path)
        let kids: [JSONValue] = children.map { c in
            switch c {
            case .displayName(let d): return displayName(d, counter.next("display-name"), positions)
            case .other(let g): return generic(g, counter.next(namespace: g.namespace, name: g.name), positions)
            case .text(let t): return text(t, path)
            }
        }
        return .object(head(element, path, positions) + [
            (key, string(value)),
            ("copyControl", copyControl(cp)),
            ("otherAttributes", attributes(attrs)),
            ("children", .array(kids)),
        ])
    }

    static func displayName(_ d: DisplayName, _ path: String, _ positions: [String: XMLPosition]) -> JSONValue {
        var counter = SiblingCounter(parent: path)
        let elements: [JSONValue] = d.content.compactMap { c in
            if case .element(let g) = c { return generic(g, counter.next(namespace: g.namespace, name: g.name), positions) }
            return nil
        }
        return .object(head("displayName", path, positions) + [
            ("value", .string(d.value)),
            ("lang", string(d.lang)),
            ("otherAttributes", attributes(d.attributes)),
            ("elements", .array(elements)),
        ])
    }

    static func generic(_ g: GenericElement, _ path: String, _ positions: [String: XMLPosition]) -> JSONValue {
        var counter = SiblingCounter(parent: path)
        let children: [JSONValue] = g.children.map { c in
            switch c {
            case .element(let e): return generic(e, counter.next(namespace: e.namespace, name: e.name), positions)
            case .text(let t): return text(t, path)
            }
        }
        return .object(head("extension", path, positions) + [
            ("namespace", string(g.namespace)),
            ("name", .string(g.name)),
            ("attributes", attributes(g.attributes)),
            ("children", .array(children)),
        ])
    }
}
