/// Serialises an ``OutElement`` tree with the canonical prefixes.
struct XMLWriter {
    let root: OutElement
    var out = ""
    /// Prefix by namespace name (the resource-lists namespace maps to `rl`
    /// for attributes; elements in it use the default namespace).
    var prefixes: [String: String] = [:]
    var declarations: [(String, String)] = []

    init(root: OutElement) {
        self.root = root
        var firstUse: [String] = []
        var seen: Set<String> = []
        func use(_ ns: String?) {
            if let ns, seen.insert(ns).inserted { firstUse.append(ns) }
        }
        func visit(_ e: OutElement) {
            if e.namespace != XMLNamespaces.resourceLists { use(e.namespace) }
            for a in e.attributes { use(a.namespace) }
            for c in e.children { if case .element(let x) = c { visit(x) } }
        }
        visit(root)
        for (ns, prefix) in XMLNamespaces.fixedPrefixes where seen.contains(ns) {
            prefixes[ns] = prefix
            declarations.append((prefix, ns))
        }
        prefixes[XMLNamespaces.xml] = "xml"
        var n = 0
        for ns in firstUse where prefixes[ns] == nil {
            n += 1
            prefixes[ns] = "ns\(n)"
            declarations.append(("ns\(n)", ns))
        }
    }

    mutating func write() -> String {
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        element(root, level: 0, defaultNamespace: nil, isRoot: true)
        out += "\n"
        return out
    }

    private mutating func element(_ e: OutElement, level: Int, defaultNamespace: String?, isRoot: Bool) {
        var name = e.name
        var inScope = defaultNamespace
        var decl = ""
        switch e.namespace {
        case XMLNamespaces.resourceLists?:
            if defaultNamespace != XMLNamespaces.resourceLists {
                decl += " xmlns=\"\(XMLNamespaces.resourceLists)\""
                inScope = XMLNamespaces.resourceLists
            }
        case nil:
            if defaultNamespace != nil {
                decl += " xmlns=\"\""
                inScope = nil
            }
        case let ns?:
            name = "\(prefixes[ns] ?? "ns0"):\(e.name)"
        }
        if isRoot {
            for (p, ns) in declarations { decl += " xmlns:\(p)=\"\(Self.escapeAttribute(ns))\"" }
        }
        out += "<" + name + decl
        for a in e.attributes {
            let qname = a.namespace.map { "\(prefixes[$0] ?? "ns0"):\(a.name)" } ?? a.name
            out += " \(qname)=\"\(Self.escapeAttribute(a.value))\""
        }
        if e.children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        if e.inline {
            for c in e.children {
                switch c {
                case .text(let t): out += Self.escapeText(t)
                case .element(let x): element(x, level: level + 1, defaultNamespace: inScope, isRoot: false)
                }
            }
        } else {
            let indent = String(repeating: "  ", count: level + 1)
            for c in e.children {
                out += "\n" + indent
                switch c {
                case .text(let t): out += Self.escapeText(t) // unreachable: text makes an element inline
                case .element(let x): element(x, level: level + 1, defaultNamespace: inScope, isRoot: false)
                }
            }
            out += "\n" + String(repeating: "  ", count: level)
        }
        out += "</" + name + ">"
    }

    static func escapeText(_ s: String) -> String {
        var r = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\r": r += "&#13;"
            default: r.unicodeScalars.append(u)
            }
        }
        return r
    }

    static func escapeAttribute(_ s: String) -> String {
        var r = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case "\"": r += "&quot;"
            case "\t": r += "&#9;"
            case "\n": r += "&#10;"
            case "\r": r += "&#13;"
            default: r.unicodeScalars.append(u)
            }
        }
        return r
    }
}
