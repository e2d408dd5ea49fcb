import MediasecCore

/// Runs SDP vectors (format `sdp`). Placeholder until the SDP vectors land.
public struct SDPVectorCodec: VectorCodec {
    public let format = "sdp"
    public init() {}
    public func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome { .setup("SDP vectors are not supported yet") }
}
