/// Case-sensitive sibling uniqueness (RFC 4826 §3.4.5).
struct Uniqueness {
    private var first: [String: String] = [:]

    mutating func check(_ value: String, _ path: String, _ run: inout ValidationRun, rule: ResourceListsRule, _ attribute: String, kind: String) {
        if let earlier = first[value] {
            run.add(rule, "\(path)@\(attribute)", "\(attribute) \(ValidationRun.quote(value)) repeats that of \(earlier) (sibling <\(kind)> elements need distinct \(attribute) values)")
        } else {
            first[value] = path
        }
    }
}
