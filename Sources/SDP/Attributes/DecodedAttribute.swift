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
    /// The recorded (field, offset) pairs in recording order; a later
    /// record of the same field wins, as in ``table``. A list rather than a
    /// dictionary: recording is what a finding's first offset costs, and an
    /// append is far cheaper than hashing every key.
    private(set) var entries: [(field: String, offset: Int)] = []

    public init(recording: Bool = true) {
        isRecording = recording
    }

    /// The offsets keyed by field (the last record of a field).
    public var table: [String: Int] {
        var d: [String: Int] = [:]
        d.reserveCapacity(entries.count)
        for e in entries { d[e.field] = e.offset }
        return d
    }

    public subscript(field: String) -> Int? {
        for e in entries.reversed() where e.field == field { return e.offset }
        return nil
    }

    /// Stores the offset of `field`; the key is built only when recording.
    @inline(__always)
    mutating func record(_ field: @autoclosure () -> String, _ offset: Int) {
        if isRecording { entries.append((field(), offset)) }
    }

    /// Records every entry of `sub` under `prefix` + "." (a nested value's
    /// offsets, e.g. a key-param's `keySalt` as `keyParams[0].keySalt`).
    mutating func record(_ sub: SDPFieldOffsets, under prefix: @autoclosure () -> String) {
        guard isRecording, !sub.entries.isEmpty else { return }
        let p = prefix() + "."
        for e in sub.entries { entries.append((p + e.field, e.offset)) }
    }
}

/// Recorded sub-field offsets of one attribute, looked up by field. A short
/// list is scanned; beyond ``indexThreshold`` entries a dictionary is built
/// once, so that many findings on one long attribute stay linear.
struct SDPOffsetTable: Sendable {
    static let indexThreshold = 32
    private enum Storage: Sendable {
        case list(SDPFieldOffsets)
        case index([String: Int])
    }
    private let storage: Storage

    init(_ offsets: SDPFieldOffsets) {
        storage = offsets.entries.count > Self.indexThreshold ? .index(offsets.table) : .list(offsets)
    }

    /// Offsets already keyed by field (an attribute decoded with recording on).
    init(table: [String: Int]) {
        storage = .index(table)
    }

    subscript(field: String) -> Int? {
        switch storage {
        case .list(let l): return l[field]
        case .index(let d): return d[field]
        }
    }
}

/// One decoded `a=` line: the typed value or the decoding error, with the
/// absolute offsets of its named sub-fields.
///
/// Its fields live in one ``CopyOnWrite`` box: the validator's index hands
/// attributes around in lists and tuples.
public struct DecodedAttribute: Sendable {
    struct Fields: Sendable {
        var located: IndexedAttribute
        var result: Result<TypedAttribute, DecodingError>
        var valueOffset: Int
        var recordedOffsets: [String: Int]?
        let limits: SDPLimits
    }

    private var storage: CopyOnWrite<Fields>

    init(located: IndexedAttribute, result: Result<TypedAttribute, DecodingError>, valueOffset: Int, offsets: [String: Int]?, limits: SDPLimits) {
        storage = CopyOnWrite(Fields(located: located, result: result, valueOffset: valueOffset, recordedOffsets: offsets, limits: limits))
    }

    public var located: IndexedAttribute {
        get { storage.value.located }
        set { storage.value.located = newValue }
    }

    public var result: Result<TypedAttribute, DecodingError> {
        get { storage.value.result }
        set { storage.value.result = newValue }
    }

    /// Absolute offset of the value's first byte.
    public var valueOffset: Int {
        get { storage.value.valueOffset }
        set { storage.value.valueOffset = newValue }
    }

    /// Offsets recorded at decoding time (nil when the attribute was decoded
    /// without recording: ``offsets`` decodes the value again).
    var recordedOffsets: [String: Int]? { storage.value.recordedOffsets }
    var limits: SDPLimits { storage.value.limits }

    public var typed: TypedAttribute? { try? result.get() }

    /// Absolute offsets of sub-fields, keyed by relative path (`keyParams[0].lifetime`).
    public var offsets: [String: Int] {
        get { recordedOffsets ?? SDPAttributeRegistry.recordOffsets(of: located, valueOffset: valueOffset, limits: limits) }
        set { storage.value.recordedOffsets = newValue }
    }

    /// Offset of a sub-field, else of the value.
    public func offset(_ field: String) -> Int { offsets[field] ?? valueOffset }
}
