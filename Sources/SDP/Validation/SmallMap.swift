/// A map for the validator's duplicate checks (crypto tags, keys, MKIs,
/// session parameter names): a short list scanned in place, and past
/// ``listLimit`` entries a dictionary, so that the usual handful of entries
/// costs no hashing and a hostile thousand stays linear.
struct SmallMap<Key: Hashable, Value> {
    static var listLimit: Int { 8 }
    private var list: [(key: Key, value: Value)] = []
    private var table: [Key: Value] = [:]

    init() {}

    subscript(key: Key) -> Value? {
        if !table.isEmpty { return table[key] }
        for e in list where e.key == key { return e.value }
        return nil
    }

    /// The value already held for `key`; else records `value` and returns nil.
    mutating func firstValue(for key: Key, else value: Value) -> Value? {
        if let v = self[key] { return v }
        if table.isEmpty && list.count < Self.listLimit {
            list.append((key, value))
            return nil
        }
        if table.isEmpty {
            table.reserveCapacity(2 * Self.listLimit)
            for e in list { table[e.key] = e.value }
            list = []
        }
        table[key] = value
        return nil
    }
}

/// A ``SmallMap`` keyed by decimal numbers as written (crypto tags, MKIs):
/// numbers compare by value ("007" is "7"), and one too long for 64 bits
/// by its text, which can equal no value's decimal text.
struct DecimalTokenMap<Value> {
    private var values = SmallMap<UInt64, Value>()
    private var texts = SmallMap<String, Value>()

    /// The value already held for the number; else records `value` and returns nil.
    mutating func firstValue(for token: DecimalToken, else value: Value) -> Value? {
        if let v = token.value { return values.firstValue(for: v, else: value) }
        return texts.firstValue(for: token.text, else: value)
    }
}

/// Bytes as a dictionary key hashed in one call over the buffer (an
/// `[UInt8]` key is hashed one byte per call).
struct ByteKey: Hashable {
    let bytes: [UInt8]

    func hash(into h: inout Hasher) {
        bytes.withUnsafeBytes { h.combine(bytes: $0) }
    }
}
