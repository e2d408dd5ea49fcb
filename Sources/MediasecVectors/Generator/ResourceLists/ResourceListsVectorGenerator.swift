import MediasecCore

/// The resource-lists vector generator (`Vectors/resource-lists/*.json`). Placeholder: no files yet.
public enum ResourceListsVectorGenerator {
    public static let name = "mediasec resource-lists vector generator"
    public static let version = "1.0.0"

    static let family = VectorFamily(
        title: "resource-lists", formats: ["resource-lists"], vectorDirectories: ["resource-lists"],
        seedDirectories: [("resource-lists", "resource-lists.")],
        generate: { _, _ in [] },
        coverage: { RuleCoverage.compute($0, rules: [], decodingCodes: [], excluding: $1) },
        corpus: { _ in [] })
}
