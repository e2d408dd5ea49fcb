import MediasecCore

/// Absolute offsets of the named sub-fields of one attribute value, keyed by
/// relative path (`keyParams[0].lifetime`), as a decoder records them.
///
/// The validator decodes every attribute once without recording (building
/// the keys is most of the cost of a clean attribute) and asks for the
/// offsets again only when a finding needs one.
public struct SDPFieldOffsets: Sendable {
    /// Whether ``record(_:_:)`` stores anything.
    public let isRecording: Bool
    public private(set) var table: [String: Int] = [:]

    public init(recording: Bool = true) {
        isRecording = recording
    }

    public subscript(field: String) -> Int? { table[field] }

    /// Stores the offset of `field`; the key is built only when recording.
    @inline(__always)
    mutating func record(_ field: @autoclosure () -> String, _ offset: Int) {
        if isRecording { table[field()] = offset }
    }
}

/// One decoded `a=` line: the typed value or the decoding error, with the
/// absolute offsets of its named sub-fields.
public struct DecodedAttribute: Sendable {
    public var located: IndexedAttribute
    public var result: Result<TypedAttribute, DecodingError>
    /// Absolute offset of the value's first byte.
    public var valueOffset: Int
    /// Offsets recorded at decoding time (nil when the attribute was decoded
    /// without recording: ``offsets`` decodes the value again).
    var recordedOffsets: [String: Int]?
    let limits: SDPLimits

    init(located: IndexedAttribute, result: Result<TypedAttribute, DecodingError>, valueOffset: Int, offsets: [String: Int]?, limits: SDPLimits) {
        self.located = located
        self.result = result
        self.valueOffset = valueOffset
        self.recordedOffsets = offsets
        self.limits = limits
    }

    public var typed: TypedAttribute? { try? result.get() }

    /// Absolute offsets of sub-fields, keyed by relative path (`keyParams[0].lifetime`).
    public var offsets: [String: Int] {
        get { recordedOffsets ?? SDPAttributeRegistry.recordOffsets(of: located, valueOffset: valueOffset, limits: limits) }
        set { recordedOffsets = newValue }
    }

    /// Offset of a sub-field, else of the value.
    public func offset(_ field: String) -> Int { offsets[field] ?? valueOffset }
}
