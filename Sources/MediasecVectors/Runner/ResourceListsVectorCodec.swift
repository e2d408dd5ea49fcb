import MediasecCore

/// Runs resource-lists vectors (format `resource-lists`). Placeholder until the vectors land.
public struct ResourceListsVectorCodec: VectorCodec {
    public let format = "resource-lists"
    public init() {}
    public func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome { .setup("resource-lists vectors are not supported yet") }
}
