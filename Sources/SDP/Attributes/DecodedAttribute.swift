import MediasecCore

/// One decoded `a=` line: the typed value or the decoding error, with the
/// absolute offsets of its named sub-fields.
public struct DecodedAttribute: Sendable {
    public var located: IndexedAttribute
    public var result: Result<TypedAttribute, DecodingError>
    /// Absolute offset of the value's first byte.
    public var valueOffset: Int
    /// Absolute offsets of sub-fields, keyed by relative path (`keyParams[0].lifetime`).
    public var offsets: [String: Int]

    public var typed: TypedAttribute? { try? result.get() }

    /// Offset of a sub-field, else of the value.
    public func offset(_ field: String) -> Int { offsets[field] ?? valueOffset }
}
