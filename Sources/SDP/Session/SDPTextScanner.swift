import MediasecCore

/// A cursor over the text of one field or attribute value, in the
/// vocabulary of ``ByteCursor`` (`read…` consumes, `peek…` does not) but
/// for token grammars. It keeps the absolute byte offset of its first byte,
/// so every error points into the outermost input, and the field path and
/// clause used for errors. Nothing here can trap: every read checks the
/// bounds, numbers are ``DecimalToken``s.
struct SDPTextScanner {
    /// The text scanned: a slice of the description (or of a value), so
    /// that a field or sub-field scanner shares its parent's storage.
    /// Indices are the slice's own (``index`` starts at `startIndex`).
    let bytes: ArraySlice<UInt8>
    private(set) var index: Int
    /// Absolute offset of the slice's first byte in the description.
    let base: Int
    let path: String
    let specRef: String
    /// An indexed element appended to `path` for errors (`keyParams[2]`),
    /// kept apart so that the string is only built when an error is.
    let element: SDPListElement?

    init(_ bytes: ArraySlice<UInt8>, base: Int, path: String, specRef: String, element: SDPListElement? = nil) {
        self.bytes = bytes
        self.index = bytes.startIndex
        self.base = base
        self.path = path
        self.specRef = specRef
        self.element = element
    }

    /// The path errors are reported under.
    var errorPath: String {
        guard let e = element else { return path }
        return ByteCursor.join(path, e.field.element(e.index))
    }

    init(_ bytes: [UInt8], base: Int, path: String, specRef: String, element: SDPListElement? = nil) {
        self.init(bytes[...], base: base, path: path, specRef: specRef, element: element)
    }

    init(_ text: String, base: Int = 0, path: String, specRef: String) {
        self.init(Array(text.utf8), base: base, path: path, specRef: specRef)
    }

    /// Absolute offset of the next unread byte.
    var offset: Int { base + (index - bytes.startIndex) }
    var isAtEnd: Bool { index >= bytes.endIndex }
    var remaining: Int { bytes.endIndex - index }

    func peek(_ ahead: Int = 0) -> UInt8? {
        let i = index + ahead
        return i >= bytes.startIndex && i < bytes.endIndex ? bytes[i] : nil
    }

    mutating func advance(_ n: Int = 1) { index = min(bytes.endIndex, index + max(0, n)) }

    /// Consumes `b` when it is next.
    mutating func consume(_ b: UInt8) -> Bool {
        if peek() == b { index += 1; return true }
        return false
    }

    /// Consumes the ASCII literal when it is next (case-sensitive unless told).
    mutating func consume(_ literal: String, caseInsensitive: Bool = false) -> Bool {
        let l = literal.utf8
        guard remaining >= l.count else { return false }
        var k = index
        for c in l {
            let b = bytes[k]
            if caseInsensitive ? SDPGrammar.lower(b) != SDPGrammar.lower(c) : b != c { return false }
            k += 1
        }
        index = k
        return true
    }

    mutating func read(while p: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = index
        let base = bytes.startIndex
        // Over the slice's storage (0-based): a key||salt or a token is
        // read without a bounds and ownership check per byte.
        // `index` never goes below `startIndex`; `max` keeps `i` in the
        // buffer all the same.
        var i = max(0, index - base)
        bytes.withUnsafeBufferPointer { b in
            while i < b.count, p(b[i]) { i += 1 }
        }
        index = base + i
        return bytes[start..<index]
    }

    mutating func readString(while p: (UInt8) -> Bool) -> String {
        SDPGrammar.string(read(while: p))
    }

    mutating func readRest() -> ArraySlice<UInt8> {
        let s = bytes[index...]
        index = bytes.endIndex
        return s
    }

    /// Reads `1*DIGIT`.
    mutating func readDecimal(_ field: @autoclosure () -> String, code: String, specRef: String? = nil) throws(DecodingError) -> DecimalToken {
        DecimalToken(digits: try readDigitBytes(field(), code: code, specRef: specRef))
    }

    /// `1*DIGIT` as positions and value (the a=crypto scan's form).
    mutating func readDigits(_ field: @autoclosure () -> String, code: String, specRef: String? = nil) throws(DecodingError) -> SDPDigits {
        SDPDigits(try readDigitBytes(field(), code: code, specRef: specRef))
    }

    /// `1*DIGIT`, else the error both readers throw.
    private mutating func readDigitBytes(_ field: @autoclosure () -> String, code: String, specRef: String?) throws(DecodingError) -> ArraySlice<UInt8> {
        let at = offset
        let d = read(while: SDPGrammar.isDigit)
        if d.isEmpty { throw fail(code, "\(field()): expected a decimal number", field: field(), at: at, specRef: specRef) }
        return d
    }

    mutating func expect(_ b: UInt8, _ field: @autoclosure () -> String, code: String, specRef: String? = nil) throws(DecodingError) {
        guard consume(b) else {
            let got = peek().map { "'\(Self.show($0))'" } ?? "end of value"
            throw fail(code, "\(field()): expected '\(Self.show(b))', found \(got)", field: field(), specRef: specRef)
        }
    }

    /// Requires the end of the value.
    mutating func expectEnd(_ field: @autoclosure () -> String, code: String, specRef: String? = nil) throws(DecodingError) {
        guard isAtEnd else {
            throw fail(code, "\(field()): unexpected '\(Self.show(bytes[index]))' (trailing characters)", field: field(), specRef: specRef)
        }
    }

    func fail(_ code: String, _ message: String, field: String, at: Int? = nil, specRef: String? = nil) -> DecodingError {
        DecodingError(code: code, offset: at ?? offset, path: ByteCursor.join(errorPath, field), specRef: specRef ?? self.specRef, message: message)
    }

    static func show(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7f { return String(Character(Unicode.Scalar(b))) }
        return "\\x" + Hex.encode([b])
    }
}

/// The name of a list field in an error path or a recorded offset, kept as
/// its parts so that the text is built only when one is: `keyParams`, or
/// `sessionParams[0].keyParams` for the key-params of an FEC_KEY session
/// parameter (RFC 4568 §6.3.5). The parts are literals: no allocation.
struct SDPListField {
    let name: String
    /// The list holding the parent element (`sessionParams`), empty for none.
    let parentName: String
    let parentIndex: Int

    init(_ name: String, parent: (name: String, index: Int)? = nil) {
        self.name = name
        parentName = parent?.name ?? ""
        parentIndex = parent?.index ?? 0
    }

    /// `keyParams` / `sessionParams[2].keyParams`.
    var text: String {
        guard !parentName.isEmpty else { return name }
        return "\(parentName)[\(parentIndex)].\(name)"
    }

    /// `keyParams[3]`.
    func element(_ i: Int) -> String { "\(text)[\(i)]" }
}

/// One element of a list field: the scanner of its text reports errors
/// under `field[index]` (a struct, not a tuple: an optional tuple is copied
/// through generic value witnesses).
struct SDPListElement {
    let field: SDPListField
    let index: Int
}

/// Comparisons of input bytes with ASCII literals, by index over the
/// literal's static storage (a generic `zip` with a `String.UTF8View`
/// walks the view one code unit at a time, several times slower).
enum SDPASCII {
    /// `a` equals `literal` byte for byte.
    @inline(__always)
    static func equals<C: Collection>(_ a: C, _ literal: StaticString) -> Bool where C.Element == UInt8 {
        matches(a, literal) { $0 }
    }

    /// `a` equals `literal` ignoring ASCII case: each byte upper-cased
    /// (RFC 4568 §4: names are case-insensitive) against `literal`, which
    /// must be written in upper case.
    @inline(__always)
    static func equalsIgnoringCase<C: Collection>(_ a: C, upper literal: StaticString) -> Bool where C.Element == UInt8 {
        matches(a, literal, SDPGrammar.upper)
    }

    /// Each byte of `a`, mapped, equals the literal's byte at its position.
    @inline(__always)
    private static func matches<C: Collection>(_ a: C, _ literal: StaticString, _ map: (UInt8) -> UInt8) -> Bool where C.Element == UInt8 {
        let n = literal.utf8CodeUnitCount
        guard a.count == n else { return false }
        let p = literal.utf8Start
        var k = 0
        for c in a {
            // k < n: `a` has exactly n elements.
            if map(c) != p[k] { return false }
            k += 1
        }
        return true
    }
}
