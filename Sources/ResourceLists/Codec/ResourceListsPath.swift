/// Field paths of findings and of the position table.
///
/// `resource-lists.list[0].entry[2]@uri`: element steps are separated by
/// `.`, each step carries its 0-based index among the preceding siblings
/// of the same name, and an attribute is appended with `@`. Names:
///
/// | node | step |
/// |---|---|
/// | element in the resource-lists namespace | `entry[2]` |
/// | element in another namespace | `{urn:example}foo[0]` |
/// | element in no namespace | `{}foo[0]` |
/// | unqualified attribute | `@uri` |
/// | `cp:`, `xml:`, `xsi:` attribute | `@cp:copyControl`, `@xml:lang` |
/// | other qualified attribute | `@{urn:example}bar` |
/// | character data | `#text` (positioned at its parent) |
///
/// Paths are structural and never contain positions, so they compare
/// across inputs; positions live in ``DecodedResourceLists/positions``.
public enum ResourceListsPath {
    public static let root = "resource-lists"

    static func stepName(namespace: String?, name: String) -> String {
        switch namespace {
        case XMLNamespaces.resourceLists: return name
        case nil: return "{}\(name)"
        case let ns?: return "{\(ns)}\(name)"
        }
    }

    static func attribute(_ element: String, namespace: String?, name: String) -> String {
        let step: String
        switch namespace {
        case nil: step = name
        case XMLNamespaces.copyControl: step = "cp:\(name)"
        case XMLNamespaces.xml: step = "xml:\(name)"
        case XMLNamespaces.xsi: step = "xsi:\(name)"
        case let ns?: step = "{\(ns)}\(name)"
        }
        return "\(element)@\(step)"
    }

    static func text(_ element: String) -> String { "\(element)#text" }

    /// The element path of an attribute or text path (nil for an element
    /// path): the part before the last `@` or `#` outside `{…}`.
    static func owner(of path: String) -> String? {
        var depth = 0
        var cut: String.Index?
        for i in path.indices {
            switch path[i] {
            case "{": depth += 1
            case "}": depth -= 1
            case "@", "#": if depth == 0 { cut = i }
            default: break
            }
        }
        return cut.map { String(path[..<$0]) }
    }
}

/// Hands out `name[i]` steps for the children of one element.
struct SiblingCounter {
    let parent: String
    private var counts: [String: Int] = [:]

    init(parent: String) { self.parent = parent }

    mutating func next(namespace: String?, name: String) -> String {
        let step = ResourceListsPath.stepName(namespace: namespace, name: name)
        let i = counts[step, default: 0]
        counts[step] = i + 1
        return "\(parent).\(step)[\(i)]"
    }

    mutating func next(_ name: String) -> String { next(namespace: XMLNamespaces.resourceLists, name: name) }
}
