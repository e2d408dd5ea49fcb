import MediasecCore

/// The BER/DER reader: parses bytes into the raw ``ASN1Node`` tree, then
/// reads typed values out of nodes, under one ``EncodingRules`` profile.
///
/// Every departure from DER goes through ``deviation(_:at:path:_:)``: fatal
/// under rules that do not tolerate it, collected in ``findings`` under
/// rules that do (warning severity, error for the forms BER forbids too:
/// ``DERDeviation/isValidBER``). Failures that are not BER at all throw a
/// ``DecodingError`` with a `der.*` code under every profile
/// (``ASN1FatalCodes``).
///
/// Hostile-input guarantees: nothing traps; nesting is bounded by
/// ``ASN1Limits/maxDepth`` and the element count by ``ASN1Limits/maxNodes``;
/// a length is compared with the bytes actually present before anything is
/// sliced (no allocation is sized by an untrusted length); every byte of the
/// input is visited once by the tree parser, so indefinite lengths cost
/// linear time.
public struct ASN1Reader: Sendable {
    public var rules: EncodingRules
    /// Tolerated deviations, in input order.
    public private(set) var findings: [Finding] = []

    public init(rules: EncodingRules = .der) {
        self.rules = rules
    }

    // MARK: deviations and errors

    /// Records `d` at `offset` (tolerated) or throws it (not tolerated).
    public mutating func deviation(_ d: DERDeviation, at offset: Int, path: String, _ message: String) throws(DecodingError) {
        if rules.tolerates(d) {
            findings.append(Finding(code: d.code, severity: d.toleratedSeverity, offset: offset, path: path, specRef: d.specRef, message: message))
        } else {
            throw DecodingError(code: d.code, offset: offset, path: path, specRef: d.specRef, message: "\(message) (not allowed under \(rules.name.uppercased()))")
        }
    }

    /// Appends findings from another pass (e.g. a nested decode).
    public mutating func append(findings more: [Finding]) { findings += more }

    static func fatal(_ code: String, at offset: Int, path: String, _ message: String) -> DecodingError {
        let ref = ASN1FatalCodes.all.first { $0.code == code }?.specRef ?? "X.690 §8.1"
        return DecodingError(code: code, offset: offset, path: path, specRef: ref, message: message)
    }

    // MARK: raw tree

    /// Parses exactly one element covering `bytes`; bytes after it are a
    /// ``DERDeviation/trailingData`` deviation (ignored when tolerated).
    /// The tree is parsed flat (``parseFlat(_:)``) and then converted.
    public mutating func parse(_ bytes: [UInt8]) throws(DecodingError) -> ASN1Node {
        let nodes = try parseFlat(bytes)
        return Self.node(nodes, 0, in: bytes)
    }
}
