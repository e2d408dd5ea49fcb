/// A map for the validator's duplicate checks (crypto tags, keys, MKIs,
/// session parameter names): a short list scanned in place, and past
/// ``listLimit`` entries a dictionary, so that the usual handful of entries
/// costs no hashing and a hostile thousand stays linear.
struct SmallMap<Key: Hashable, Value> {
    static var listLimit: Int { 8 }
    private var list: [(key: Key, value: Value)] = []
    private var table = [Key: Value]()
    /// Whether the entries are in ``table`` (else in ``list``).
    private var usesTable = false

    init() {}

    /// A map for about `expectedCount` keys: past ``listLimit``, a table
    /// from the start, reserved once instead of grown by doubling. The
    /// count is that of values already decoded (a key per element of a
    /// list in memory), never a length read from the input.
    init(expectedCount: Int) {
        if expectedCount > Self.listLimit {
            table.reserveCapacity(expectedCount)
            usesTable = true
        }
    }

    subscript(key: Key) -> Value? {
        if usesTable { return table[key] }
        for e in list where e.key == key { return e.value }
        return nil
    }

    /// The value already held for `key`; else records `value` and returns nil.
    mutating func firstValue(for key: Key, else value: Value) -> Value? {
        if !usesTable {
            for e in list where e.key == key { return e.value }
            if list.count < Self.listLimit {
                list.append((key, value))
                return nil
            }
            table.reserveCapacity(2 * Self.listLimit)
            for e in list { table[e.key] = e.value }
            list = []
            usesTable = true
        }
        // One hashing for a new key; a repeated one (rare: a finding) is
        // put back to its first value.
        if let first = table.updateValue(value, forKey: key) {
            table[key] = first
            return first
        }
        return nil
    }
}

/// A ``SmallMap`` keyed by decimal numbers as written (crypto tags, MKIs):
/// numbers compare by value ("007" is "7"), and one too long for 64 bits
/// by its text, which can equal no value's decimal text.
struct DecimalTokenMap<Value> {
    private var values: SmallMap<UInt64, Value>
    private var texts = SmallMap<String, Value>()

    init() { values = SmallMap() }

    /// A map for about `expectedCount` numbers (see ``SmallMap/init(expectedCount:)``).
    init(expectedCount: Int) { values = SmallMap(expectedCount: expectedCount) }

    /// The value already held for the number of `digits` (scanned in
    /// `bytes`); else records `value` and returns nil. The text is built
    /// only for a number past 64 bits.
    mutating func firstValue(for digits: SDPDigits, in bytes: ArraySlice<UInt8>, else value: Value) -> Value? {
        if let v = digits.value { return values.firstValue(for: v, else: value) }
        let r = digits.range.clamped(to: bytes.startIndex..<bytes.endIndex)
        return texts.firstValue(for: SDPGrammar.string(bytes[r]), else: value)
    }
}

/// Bytes as a dictionary key hashed in one call over the buffer (an
/// `[UInt8]` key is hashed one byte per call). A slice: a key can be part
/// of a decoded value without a copy.
struct ByteKey: Hashable {
    let bytes: ArraySlice<UInt8>

    init(bytes: [UInt8]) { self.bytes = bytes[...] }
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    func hash(into h: inout Hasher) {
        bytes.withUnsafeBytes { h.combine(bytes: $0) }
    }
}
