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
    /// One recorded offset: the field's name, after `prefix` + "." when
    /// the prefix is not empty (a nested value's fields share one prefix
    /// string instead of each being joined to it).
    struct Entry: Sendable {
        let prefix: String
        let field: String
        let offset: Int

        /// The full name (`keyParams[0].keySalt`).
        var name: String { prefix.isEmpty ? field : prefix + "." + field }

        /// Whether the full name is `query` (compared piecewise: no string
        /// is built).
        func matches(_ query: String) -> Bool {
            if prefix.isEmpty { return field == query }
            let q = query.utf8, p = prefix.utf8, f = field.utf8
            guard q.count == p.count + 1 + f.count else { return false }
            var it = q.makeIterator()
            for c in p where it.next() != c { return false }
            guard it.next() == 0x2e else { return false }
            for c in f where it.next() != c { return false }
            return true
        }
    }

    /// The recorded offsets in recording order; a later record of the same
    /// field wins, as in ``table``. A list rather than a dictionary:
    /// recording is what a finding's first offset costs, and an append is
    /// far cheaper than hashing every key.
    private(set) var entries: [Entry] = []

    public init(recording: Bool = true) {
        isRecording = recording
    }

    /// The offsets keyed by field (the last record of a field).
    public var table: [String: Int] {
        var d: [String: Int] = [:]
        d.reserveCapacity(entries.count)
        for e in entries { d[e.name] = e.offset }
        return d
    }

    public subscript(field: String) -> Int? {
        for e in entries.reversed() where e.matches(field) { return e.offset }
        return nil
    }

    /// Stores the offset of `field`; the key is built only when recording.
    @inline(__always)
    mutating func record(_ field: @autoclosure () -> String, _ offset: Int) {
        if isRecording { entries.append(Entry(prefix: "", field: field(), offset: offset)) }
    }

    /// Records every entry of `sub` under `prefix` + "." (a nested value's
    /// offsets, e.g. a key-param's `keySalt` as `keyParams[0].keySalt`):
    /// the entries share the prefix string.
    mutating func record(_ sub: SDPFieldOffsets, under prefix: @autoclosure () -> String) {
        guard isRecording, !sub.entries.isEmpty else { return }
        let p = prefix()
        for e in sub.entries {
            entries.append(Entry(prefix: e.prefix.isEmpty ? p : p + "." + e.prefix, field: e.field, offset: e.offset))
        }
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

/// One `a=` line as the validator's index keeps it: where it is, its
/// typed decode when its name has a codec, and its place in the index's
/// per-name chain. The storage of ``DecodedAttribute`` too, so that an
/// indexed attribute is one allocation, not an entry and a box.
final class SDPAttributeEntry: @unchecked Sendable {
    // @unchecked: written only by the index while it is built, and through
    // ``DecodedAttribute``'s setters after a uniqueness check (copy on
    // write); shared entries are never written.
    var located: IndexedAttribute
    /// The typed decode: built from ``cryptoScan`` when there is one, else
    /// the stored result (``notDecoded``, and ``isDecoded`` false, when the
    /// name has no typed codec). Not an optional: an optional `Result` is
    /// copied and destroyed through the runtime's generic value witnesses.
    var result: Result<TypedAttribute, DecodingError> {
        get {
            if let s = cryptoScan { return .success(.crypto(s.attribute)) }
            return stored
        }
        set {
            stored = newValue
            cryptoScan = nil
        }
    }
    private var stored: Result<TypedAttribute, DecodingError>
    /// An `a=crypto` value that decoded: its scan, which the validator
    /// checks without building the typed value.
    private(set) var cryptoScan: SRTPCryptoScan?
    let isDecoded: Bool
    var valueOffset: Int
    var recordedOffsets: [String: Int]?
    let limits: SDPLimits
    /// The name's index slot, nil for a name the validator never looks up.
    let slot: SDPIndexedName?
    /// Position in the index's attribute list of the next attribute with
    /// the same slot at the same level, -1 for none. Unchecked exclusivity:
    /// written only by the index's init, read afterwards (the dynamic check
    /// cost a runtime call on every read of the chain).
    @exclusivity(unchecked) var next: Int = -1

    /// The result of an attribute without a typed codec (never read:
    /// ``decoded`` is nil for it).
    static let notDecoded: Result<TypedAttribute, DecodingError> =
        .failure(DecodingError(code: "sdp.a.not-decoded", offset: 0, path: "", specRef: "RFC 8866 §5.13", message: "no typed codec for this attribute"))

    init(located: IndexedAttribute, result: Result<TypedAttribute, DecodingError>, isDecoded: Bool, valueOffset: Int, recordedOffsets: [String: Int]?, limits: SDPLimits, slot: SDPIndexedName?) {
        self.located = located
        self.stored = result
        self.isDecoded = isDecoded
        self.valueOffset = valueOffset
        self.recordedOffsets = recordedOffsets
        self.limits = limits
        self.slot = slot
    }

    /// A decoded a=crypto attribute, kept as its scan.
    convenience init(located: IndexedAttribute, crypto: SRTPCryptoScan, valueOffset: Int, limits: SDPLimits, slot: SDPIndexedName?) {
        self.init(located: located, result: Self.notDecoded, isDecoded: true, valueOffset: valueOffset, recordedOffsets: nil, limits: limits, slot: slot)
        cryptoScan = crypto
    }

    /// The typed view, nil when the name has no codec.
    var decoded: DecodedAttribute? { isDecoded ? DecodedAttribute(entry: self) : nil }

    /// The decoding error of a typed attribute that failed (no typed value
    /// is built to answer).
    var decodingError: DecodingError? {
        guard isDecoded, cryptoScan == nil, case .failure(let e) = stored else { return nil }
        return e
    }

    func copy() -> SDPAttributeEntry {
        let c = SDPAttributeEntry(located: located, result: stored, isDecoded: isDecoded, valueOffset: valueOffset, recordedOffsets: recordedOffsets, limits: limits, slot: slot)
        c.cryptoScan = cryptoScan
        c.next = next
        return c
    }
}

/// One decoded `a=` line: the typed value or the decoding error, with the
/// absolute offsets of its named sub-fields.
///
/// A value type over one shared ``SDPAttributeEntry`` (copied on the first
/// write to a shared one): the validator's index hands attributes around
/// in lists and tuples, and a copy is then one reference count.
public struct DecodedAttribute: Sendable {
    private var entry: SDPAttributeEntry

    init(entry: SDPAttributeEntry) {
        self.entry = entry
    }

    init(located: IndexedAttribute, result: Result<TypedAttribute, DecodingError>, valueOffset: Int, offsets: [String: Int]?, limits: SDPLimits) {
        entry = SDPAttributeEntry(located: located, result: result, isDecoded: true, valueOffset: valueOffset, recordedOffsets: offsets, limits: limits, slot: nil)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&entry) { entry = entry.copy() }
    }

    public var located: IndexedAttribute {
        get { entry.located }
        set { makeUnique(); entry.located = newValue }
    }

    public var result: Result<TypedAttribute, DecodingError> {
        get { entry.result }
        set { makeUnique(); entry.result = newValue }
    }

    /// Absolute offset of the value's first byte.
    public var valueOffset: Int {
        get { entry.valueOffset }
        set { makeUnique(); entry.valueOffset = newValue }
    }

    /// Offsets recorded at decoding time (nil when the attribute was decoded
    /// without recording: ``offsets`` decodes the value again).
    var recordedOffsets: [String: Int]? { entry.recordedOffsets }
    var limits: SDPLimits { entry.limits }

    public var typed: TypedAttribute? { try? result.get() }

    /// Absolute offsets of sub-fields, keyed by relative path (`keyParams[0].lifetime`).
    public var offsets: [String: Int] {
        get { recordedOffsets ?? SDPAttributeRegistry.recordOffsets(of: located, valueOffset: valueOffset, limits: limits) }
        set { makeUnique(); entry.recordedOffsets = newValue }
    }

    /// Offset of a sub-field, else of the value.
    public func offset(_ field: String) -> Int { offsets[field] ?? valueOffset }
}
