import MediasecCore

/// The SDP vector generator (`Vectors/sdp/*.json`). Placeholder: no files yet.
public enum SDPVectorGenerator {
    public static let name = "mediasec SDP vector generator"
    public static let version = "1.0.0"

    static let family = VectorFamily(
        title: "SDP", formats: ["sdp"], vectorDirectories: ["sdp"], seedDirectories: [("sdp", "sdp.")],
        generate: { _, _ in [] },
        coverage: { RuleCoverage.compute($0, rules: [], decodingCodes: [], excluding: $1) },
        corpus: { _ in [] })
}
