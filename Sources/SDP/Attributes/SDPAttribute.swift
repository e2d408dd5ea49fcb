import MediasecCore

/// An `a=` line split into name and value (RFC 8866 §5.13, §9):
///
/// ```
/// attribute       = (attribute-name ":" attribute-value) / attribute-name
/// attribute-name  = token
/// attribute-value = byte-string
/// ```
/// A property attribute (`a=recvonly`) has no value; a value attribute
/// keeps its value as raw bytes. Names are case-sensitive.
public struct SDPAttribute: Hashable, Sendable {
    public var name: String
    /// The value as a slice of the line it was split from (no copy: the
    /// index splits every `a=` line of a description); nil for a property
    /// attribute.
    public var valueBytes: ArraySlice<UInt8>? {
        get { hasValue ? valueStorage : nil }
        set {
            hasValue = newValue != nil
            valueStorage = newValue ?? []
        }
    }
    /// ``valueBytes`` kept as a slice and a flag: an optional slice is
    /// copied and destroyed through the runtime's generic value witnesses,
    /// a plain one inline (attributes are copied often).
    private(set) var valueStorage: ArraySlice<UInt8>
    private(set) var hasValue: Bool

    /// The value as an array (a copy of ``valueBytes``).
    public var value: [UInt8]? {
        get { valueBytes.map { Array($0) } }
        set { valueBytes = newValue.map { $0[...] } }
    }

    public init(name: String, value: [UInt8]?) {
        self.name = name
        valueStorage = value?[...] ?? []
        hasValue = value != nil
    }

    init(name: String, value: ArraySlice<UInt8>, hasValue: Bool) {
        self.name = name
        valueStorage = value
        self.hasValue = hasValue
    }

    public init(name: String, valueBytes: ArraySlice<UInt8>?) {
        self.name = name
        valueStorage = valueBytes ?? []
        hasValue = valueBytes != nil
    }

    public init(name: String, value: String?) {
        self.init(name: name, value: value.map { Array($0.utf8) })
    }

    /// Splits a line value at its first `:`.
    public init(lineValue v: [UInt8]) {
        self.init(lineValue: v[...])
    }

    /// Splits a line value (a decoded line's ``SDPLine/bytes``) at its first `:`.
    public init(lineValue v: ArraySlice<UInt8>) {
        let (n, value, hasValue) = Self.split(v)
        self.init(name: SDPGrammar.string(n), value: value, hasValue: hasValue)
    }

    /// A line value split at its first `:`: the name's bytes and the value.
    static func split(_ v: ArraySlice<UInt8>) -> (name: ArraySlice<UInt8>, value: ArraySlice<UInt8>, hasValue: Bool) {
        guard let c = v.firstIndex(of: 0x3a) else { return (v, [], false) }
        return (v[..<c], v[(c + 1)...], true)
    }

    /// Byte offset of the value inside the line value (after `name:`).
    public var valueOffsetInLine: Int { name.utf8.count + 1 }

    /// `name` is an RFC 8866 `token`.
    public var hasTokenName: Bool { SDPGrammar.isToken(name.utf8) }

    public var valueString: String? { valueBytes.map { String(decoding: $0, as: UTF8.self) } }

    public var lineValue: [UInt8] { Array(name.utf8) + (valueBytes.map { [0x3a] + $0 } ?? []) }

    public func line(ending: LineEnding = .crlf) -> SDPLine { SDPLine(type: 0x61, value: lineValue, ending: ending) }
}
