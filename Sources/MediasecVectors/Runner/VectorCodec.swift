import MediasecCore

/// What a codec produced for one vector: every finding (a decoding failure
/// is a single error finding), and the decoded JSON tree when the input
/// decoded. `setupError` reports a vector the codec cannot even run (an
/// unknown profile or key name): that is a mismatch, never a pass.
public struct VectorOutcome: Sendable {
    public var findings: [Finding]
    public var decoded: JSONValue?
    public var decodingError: DecodingError?
    public var setupError: String?

    public init(findings: [Finding], decoded: JSONValue?, decodingError: DecodingError? = nil, setupError: String? = nil) {
        self.findings = findings
        self.decoded = decoded
        self.decodingError = decodingError
        self.setupError = setupError
    }

    public static func setup(_ message: String) -> VectorOutcome {
        VectorOutcome(findings: [], decoded: nil, setupError: message)
    }
}

/// One format's hook into the generic runner (STYLE.md §13: one loader, not
/// one per format). A codec is chosen by the file's `format` field; adding
/// CMS, SDP or resource-lists vectors is adding one conformance to
/// ``VectorCodecs/all``.
public protocol VectorCodec: Sendable {
    /// The `format` value of the files this codec runs.
    var format: String { get }
    /// Decodes and validates `vector.input` with the vector's options (the
    /// file supplies defaults such as its code-point profile).
    func run(_ vector: TestVector, in file: VectorFile) -> VectorOutcome
}

/// The registry of codecs known to the runner.
public enum VectorCodecs {
    public static let all: [any VectorCodec] = [
        MIKEYVectorCodec(), CMSVectorCodec(format: "cms"), CMSVectorCodec(format: "smime"), SDPVectorCodec(), ResourceListsVectorCodec(),
    ]

    public static func codec(for format: String) -> (any VectorCodec)? {
        all.first { $0.format == format }
    }
}
