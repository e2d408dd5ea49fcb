/// The order `display-name? (list | external | entry | entry-ref)* ##other*`
/// (for entry, entry-ref and external: `display-name? ##other*`).
struct ContentOrder {
    /// 0: nothing yet; 1: after display-name or a member; 2: after an extension element.
    private var state = 0

    mutating func displayName(_ path: String, _ run: inout ValidationRun) {
        if state != 0 { run.add(ResourceListsRules.elementOrder, path, "<display-name> must be the first child and appear at most once") }
        state = max(state, 1)
    }

    mutating func member(_ path: String, _ name: String, _ run: inout ValidationRun) {
        if state == 2 { run.add(ResourceListsRules.elementOrder, path, "<\(name)> after an extension element: list members come before extension elements") }
        state = max(state, 1)
    }

    /// An element kept as generic: an extension element (`##other`) moves
    /// to the extension part; one in the resource-lists namespace or in no
    /// namespace is not allowed at all.
    mutating func other(_ g: GenericElement, _ path: String, allowed: String, _ run: inout ValidationRun) {
        if g.namespace == nil || g.namespace == XMLNamespaces.resourceLists {
            let why = g.namespace == nil ? "is in no namespace (extensions need their own namespace, RFC 4826 §6)" : "is not a child the schema allows here (\(allowed), then extension elements)"
            run.add(ResourceListsRules.elementUnexpected, path, "<\(g.expandedName)> \(why)")
        } else {
            state = 2
        }
    }
}
