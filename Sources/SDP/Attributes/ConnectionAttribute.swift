import MediasecCore

/// `a=connection` (RFC 4145 §5):
///
/// ```
/// connection-attr = "a=connection:" conn-value
/// conn-value      = "new" / "existing"
/// ```
/// A media-level attribute (the IANA registry also lists session level).
public struct ConnectionAttribute: SDPAttributeCodable {
    public static let attributeName = "connection"
    public static let specRef = "RFC 4145 §5"

    public enum Value: String, Sendable, Hashable, CaseIterable {
        case new, existing
    }

    public var value: Value

    public init(_ value: Value) { self.value = value }

    public var encodedValue: String { value.rawValue }

    public static func decode(_ value: ArraySlice<UInt8>, base: Int, path: String, offsets: inout SDPFieldOffsets) throws(DecodingError) -> ConnectionAttribute {
        if SDPASCII.equals(value, "new") { return ConnectionAttribute(.new) }
        if SDPASCII.equals(value, "existing") { return ConnectionAttribute(.existing) }
        let text = SDPGrammar.string(value)
        guard let v = Value(rawValue: text) else {
            throw DecodingError(code: "sdp.connection.syntax", offset: base, path: ByteCursor.join(path, "value"), specRef: specRef,
                                message: "conn-value '\(text)' is not new or existing")
        }
        return ConnectionAttribute(v)
    }

    /// RFC 4145 §5.1: new → new; existing → existing / new.
    public static func allowedAnswers(to offer: Value) -> Set<Value> {
        offer == .new ? [.new] : [.existing, .new]
    }
}
