/// Checks made on the raw bytes before libxml2 sees them (RFC 4826 §3.1:
/// "MUST be based on XML 1.0 and MUST be encoded using UTF-8").
///
/// libxml2 would otherwise transcode a declared ISO-8859-1 or a UTF-16 BOM
/// silently; the decoder also passes `XML_PARSE_IGNORE_ENC`, so a document
/// that slipped past these checks would still be read as UTF-8 only.
struct XMLProlog: Sendable, Hashable {
    /// Length of a UTF-8 byte order mark at the start (0 or 3).
    var bomLength: Int
    /// The XML declaration's pseudo-attributes, when there is a declaration.
    var version: String?
    var encoding: String?
    var standalone: String?
    /// Offsets of the pseudo-attribute values (for findings).
    var versionOffset: Int?
    var encodingOffset: Int?

    enum Failure: Error, Equatable {
        /// A non-UTF-8 encoding was detected or declared.
        case encoding(offset: Int, message: String)
        /// A NUL byte: never an XML character, and libxml2 would take it
        /// for the end of the input and ignore what follows.
        case nul(offset: Int)
    }

    /// Detects the encoding family from the first bytes (XML 1.0 Appendix F)
    /// and reads the XML declaration. Throws for every non-UTF-8 signal.
    private static let ucs4: [[UInt8]] = [[0x00, 0x00, 0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0x00, 0x3C], [0x3C, 0x00, 0x00, 0x00]]
    private static let utf16: [[UInt8]] = [[0xFE, 0xFF], [0xFF, 0xFE], [0x00, 0x3C], [0x3C, 0x00]]
    private static let ebcdic: [UInt8] = [0x4C, 0x6F, 0xA7, 0x94]
    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let declarationStart: [UInt8] = Array("<?xml".utf8)

    static func read(_ b: [UInt8]) throws(Failure) -> XMLProlog {
        func starts(_ p: [UInt8]) -> Bool { has(b, at: 0, p) }
        if ucs4.contains(where: starts) {
            throw .encoding(offset: 0, message: "UCS-4/UTF-32 input; resource lists MUST be UTF-8")
        }
        if utf16.contains(where: starts) {
            throw .encoding(offset: 0, message: "UTF-16 input; resource lists MUST be UTF-8")
        }
        if starts(ebcdic) {
            throw .encoding(offset: 0, message: "EBCDIC input; resource lists MUST be UTF-8")
        }
        var p = XMLProlog(bomLength: starts(utf8BOM) ? 3 : 0)
        p.readDeclaration(b)
        if let e = p.encoding, e.lowercased() != "utf-8" {
            throw .encoding(offset: p.encodingOffset ?? 0, message: "declared encoding \"\(e)\"; resource lists MUST be UTF-8")
        }
        let (bad, nul) = scanUTF8(b)
        if let bad {
            throw .encoding(offset: bad, message: String(format0x: b[bad]) + " at byte \(bad) is not valid UTF-8")
        }
        if let nul { throw .nul(offset: nul) }
        return p
    }

    /// True when `p` occurs in `b` at offset `i` (a plain byte loop: the
    /// generic `elementsEqual` on slices costs more than the whole prolog).
    @inline(__always)
    private static func has(_ b: [UInt8], at i: Int, _ p: [UInt8]) -> Bool {
        guard i >= 0, i <= b.count, p.count <= b.count - i else { return false }
        var k = 0
        while k < p.count {
            if b[i + k] != p[k] { return false }
            k += 1
        }
        return true
    }

    private static let versionName: [UInt8] = Array("version".utf8)
    private static let encodingName: [UInt8] = Array("encoding".utf8)
    private static let standaloneName: [UInt8] = Array("standalone".utf8)

    /// Reads `<?xml version=… encoding=… standalone=…?>` at the start. A
    /// malformed declaration is left to libxml2 to report.
    private mutating func readDeclaration(_ b: [UInt8]) {
        var i = bomLength
        guard b.count >= i + 6, Self.has(b, at: i, Self.declarationStart), XMLChars.isSpace(b[i + 5]) else { return }
        i += 5
        while i < b.count {
            while i < b.count, XMLChars.isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] != 0x3F else { return } // '?'
            let nameStart = i
            while i < b.count, b[i] != 0x3D, !XMLChars.isSpace(b[i]), b[i] != 0x3F { i += 1 }
            let nameCount = i - nameStart
            while i < b.count, XMLChars.isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x3D else { return }
            i += 1
            while i < b.count, XMLChars.isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else { return }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < b.count, b[i] != quote { i += 1 }
            guard i < b.count else { return }
            let value = String(decoding: b[valueStart..<i], as: UTF8.self)
            i += 1
            // The name compared as bytes (an ASCII name equals a string
            // only when the bytes are the same).
            if nameCount == Self.versionName.count, Self.has(b, at: nameStart, Self.versionName) {
                version = value; versionOffset = valueStart
            } else if nameCount == Self.encodingName.count, Self.has(b, at: nameStart, Self.encodingName) {
                encoding = value; encodingOffset = valueStart
            } else if nameCount == Self.standaloneName.count, Self.has(b, at: nameStart, Self.standaloneName) {
                standalone = value
            } else {
                return
            }
        }
    }

    /// Offset of the first byte that does not start or continue a valid
    /// UTF-8 sequence (RFC 3629 §4: no overlongs, no surrogates, ≤ U+10FFFF).
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? { scanUTF8(b).invalid }

    /// One pass for ``firstInvalidUTF8(_:)`` and the first NUL byte before it.
    static func scanUTF8(_ b: [UInt8]) -> (invalid: Int?, nul: Int?) {
        b.withUnsafeBufferPointer { b in
        var nul: Int?
        var i = 0
        let raw = UnsafeRawBufferPointer(b)
        while i < b.count {
            // Eight ASCII bytes, none of them NUL, at a time.
            if b.count - i >= 8 {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let ones: UInt64 = 0x0101_0101_0101_0101
                if w & high == 0, (w &- ones) & ~w & high == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if c == 0, nul == nil { nul = i }
                i += 1
                continue
            }
            let n: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: n = 1
            case 0xE0: n = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: n = 2
            case 0xED: n = 2; hi = 0x9F
            case 0xF0: n = 3; lo = 0x90
            case 0xF1...0xF3: n = 3
            case 0xF4: n = 3; hi = 0x8F
            default: return (i, nul)
            }
            for k in 1...n {
                guard i + k < b.count else { return (i, nul) }
                let d = b[i + k]
                if k == 1 { guard d >= lo, d <= hi else { return (i, nul) } } else { guard d >= 0x80, d <= 0xBF else { return (i, nul) } }
            }
            i += n + 1
        }
        return (nil, nul)
        }
    }
}

private extension String {
    init(format0x byte: UInt8) {
        let h = Array("0123456789ABCDEF")
        self = "byte 0x" + String(h[Int(byte >> 4)]) + String(h[Int(byte & 0xF)])
    }
}

/// Byte classes of XML 1.0 used by the scanners here.
enum XMLChars {
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
