import MediasecCore

/// Token readers shared by the field decoders. The `…Span` readers return
/// the indices of what they read (no string, no retain): a field's scan
/// records spans and its decoder builds strings from them only when the
/// typed value is wanted.
enum FieldScan {
    /// Reads `1*DIGIT` (the error of ``SDPTextScanner/readDecimal(_:code:specRef:)``).
    @inline(__always)
    static func decimalSpan(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        let at = s.offset
        let start = s.index
        _ = s.read(while: SDPGrammar.isDigit)
        if s.index == start { throw s.fail(code, "\(field()): expected a decimal number", field: field(), at: at) }
        return start..<s.index
    }

    @inline(__always)
    static func tokenSpan(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        try span(&s, SDPGrammar.isTokenChar, "a token", field(), code: code)
    }

    @inline(__always)
    static func nonWSSpan(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        try span(&s, SDPGrammar.isNonWS, "a non-empty field", field(), code: code)
    }

    /// A non-empty run of bytes that satisfy `p`; an empty one is the error
    /// "expected <what>, found <the next byte or end of value>".
    @inline(__always)
    private static func span(_ s: inout SDPTextScanner, _ p: (UInt8) -> Bool, _ what: String, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        let at = s.offset
        let start = s.index
        _ = s.read(while: p)
        if s.index == start { throw s.fail(code, "\(field()): expected \(what), found \(s.peek().map { "'\(SDPTextScanner.show($0))'" } ?? "end of value")", field: field(), at: at) }
        return start..<s.index
    }

    static func token(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> String {
        let r = try tokenSpan(&s, field(), code: code)
        return SDPGrammar.string(s.bytes[r])
    }

    /// ``token(_:_:code:)`` without building the string.
    static func skipToken(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) {
        _ = try tokenSpan(&s, field(), code: code)
    }

    static func nonWS(_ s: inout SDPTextScanner, _ field: @autoclosure () -> String, code: String) throws(DecodingError) -> String {
        let r = try nonWSSpan(&s, field(), code: code)
        return SDPGrammar.string(s.bytes[r])
    }

    /// A ``DecimalToken`` of digits a span reader returned.
    @inline(__always)
    static func decimal(_ bytes: ArraySlice<UInt8>, _ r: Range<Int>) -> DecimalToken {
        DecimalToken(digits: bytes[r])
    }

    /// ``SDPGrammar/isTokenChar(_:)`` as two 64-bit masks (no branch per
    /// class; the test suite compares the two on every byte).
    @inline(__always)
    static func isTokenByte(_ c: UInt8) -> Bool {
        if c < 64 { return (0x03ff_6cfa_0000_0000 as UInt64) >> UInt64(c) & 1 != 0 }
        if c < 128 { return (0x7fff_ffff_c7ff_fffe as UInt64) >> UInt64(c &- 64) & 1 != 0 }
        return false
    }
}

/// The reads a field grammar makes, over two readers: ``FastFieldReader``
/// checks and records spans over the raw bytes (no string, no retain, an
/// empty error), ``ScannerFieldReader`` is an ``SDPTextScanner`` and throws
/// its ``DecodingError``. A field's grammar is written once, generic over
/// the reader; ``FieldGrammar/run(_:base:path:specRef:_:)`` runs it fast and
/// again with the scanner only to report a failure.
protocol FieldReader {
    associatedtype Failure: Error
    /// The slice index of the next unread byte.
    var index: Int { get }
    mutating func consume(_ b: UInt8) -> Bool
    mutating func span(while p: (UInt8) -> Bool) -> Range<Int>
    mutating func expect(_ b: UInt8, _ field: @autoclosure () -> String, code: String) throws(Failure)
    mutating func expectEnd(_ field: @autoclosure () -> String, code: String) throws(Failure)
    mutating func token(_ field: @autoclosure () -> String, code: String) throws(Failure) -> Range<Int>
    mutating func decimal(_ field: @autoclosure () -> String, code: String) throws(Failure) -> Range<Int>
    mutating func nonWS(_ field: @autoclosure () -> String, code: String) throws(Failure) -> Range<Int>
    /// An error at the current byte, or at slice index `atIndex`.
    func fail(_ code: String, _ message: @autoclosure () -> String, field: @autoclosure () -> String, atIndex: Int?) -> Failure
}

struct FastFieldReader: FieldReader {
    struct Stop: Error {}
    private let p: UnsafeBufferPointer<UInt8>
    /// The slice's start index (spans are slice indices).
    private let start: Int
    private(set) var index: Int

    init(_ p: UnsafeBufferPointer<UInt8>, startIndex: Int) {
        self.p = p
        self.start = startIndex
        self.index = startIndex
    }

    @inline(__always) private var end: Int { start + p.count }
    /// The byte at slice index `i`, nil past the end.
    @inline(__always) private func at(_ i: Int) -> UInt8? { i >= start && i < end ? p[i - start] : nil }

    @inline(__always) mutating func consume(_ b: UInt8) -> Bool {
        if at(index) == b { index += 1; return true }
        return false
    }

    @inline(__always) mutating func span(while f: (UInt8) -> Bool) -> Range<Int> {
        let s = index
        let e = end
        var i = index
        while i < e, f(p[i - start]) { i += 1 }
        index = i
        return s..<i
    }

    @inline(__always) mutating func expect(_ b: UInt8, _ field: @autoclosure () -> String, code: String) throws(Stop) {
        guard consume(b) else { throw Stop() }
    }

    @inline(__always) mutating func expectEnd(_ field: @autoclosure () -> String, code: String) throws(Stop) {
        guard index >= end else { throw Stop() }
    }

    @inline(__always) mutating func token(_ field: @autoclosure () -> String, code: String) throws(Stop) -> Range<Int> {
        let r = span(while: FieldScan.isTokenByte)
        if r.isEmpty { throw Stop() }
        return r
    }

    @inline(__always) mutating func decimal(_ field: @autoclosure () -> String, code: String) throws(Stop) -> Range<Int> {
        let r = span(while: SDPGrammar.isDigit)
        if r.isEmpty { throw Stop() }
        return r
    }

    @inline(__always) mutating func nonWS(_ field: @autoclosure () -> String, code: String) throws(Stop) -> Range<Int> {
        let r = span(while: SDPGrammar.isNonWS)
        if r.isEmpty { throw Stop() }
        return r
    }

    func fail(_ code: String, _ message: @autoclosure () -> String, field: @autoclosure () -> String, atIndex: Int?) -> Stop { Stop() }
}

struct ScannerFieldReader: FieldReader {
    var s: SDPTextScanner

    var index: Int { s.index }
    mutating func consume(_ b: UInt8) -> Bool { s.consume(b) }
    mutating func span(while p: (UInt8) -> Bool) -> Range<Int> {
        let start = s.index
        _ = s.read(while: p)
        return start..<s.index
    }
    mutating func expect(_ b: UInt8, _ field: @autoclosure () -> String, code: String) throws(DecodingError) {
        try s.expect(b, field(), code: code)
    }
    mutating func expectEnd(_ field: @autoclosure () -> String, code: String) throws(DecodingError) {
        try s.expectEnd(field(), code: code)
    }
    mutating func token(_ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        try FieldScan.tokenSpan(&s, field(), code: code)
    }
    mutating func decimal(_ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        try FieldScan.decimalSpan(&s, field(), code: code)
    }
    mutating func nonWS(_ field: @autoclosure () -> String, code: String) throws(DecodingError) -> Range<Int> {
        try FieldScan.nonWSSpan(&s, field(), code: code)
    }
    func fail(_ code: String, _ message: @autoclosure () -> String, field: @autoclosure () -> String, atIndex: Int?) -> DecodingError {
        s.fail(code, message(), field: field(), at: atIndex.map { s.base + ($0 - s.bytes.startIndex) })
    }
}

enum FieldGrammar {
    /// Runs `grammar` over the bytes with ``FastFieldReader``; when it
    /// fails, again with an ``SDPTextScanner`` (path and clause for its
    /// errors), whose error is thrown.
    @inline(__always)
    static func run<T>(_ value: ArraySlice<UInt8>, base: Int, path: @autoclosure () -> String, specRef: String,
                       _ grammar: (inout FastFieldReader) throws(FastFieldReader.Stop) -> T,
                       _ slow: (inout ScannerFieldReader) throws(DecodingError) -> T) throws(DecodingError) -> T {
        let fast: T? = value.withUnsafeBufferPointer { buf in
            var r = FastFieldReader(buf, startIndex: value.startIndex)
            do throws(FastFieldReader.Stop) { return try grammar(&r) } catch { return nil }
        }
        if let fast { return fast }
        var r = ScannerFieldReader(s: SDPTextScanner(value, base: base, path: path(), specRef: specRef))
        return try slow(&r)
    }
}

/// A field whose syntax is one grammar over any ``FieldReader``: ``scan(_:base:path:)``
/// runs it over the bytes first and, only when that fails, again through the
/// scanner, which throws the field's usual error.
protocol FieldSyntax {
    associatedtype Spans
    static var syntaxSpecRef: String { get }
    static func grammar<R: FieldReader>(_ s: inout R) throws(R.Failure) -> Spans
}

extension FieldSyntax {
    /// The syntax check and where each field lies (indices of the slice).
    static func scan(_ value: ArraySlice<UInt8>, base: Int, path: @autoclosure () -> String) throws(DecodingError) -> Spans {
        try FieldGrammar.run(value, base: base, path: path(), specRef: syntaxSpecRef,
                             { (r: inout FastFieldReader) throws(FastFieldReader.Stop) in try grammar(&r) },
                             { (r: inout ScannerFieldReader) throws(DecodingError) in try grammar(&r) })
    }
}
