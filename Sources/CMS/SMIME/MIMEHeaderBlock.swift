import MediasecCore

/// Hard limits of the MIME layer for hostile input (STYLE.md §4).
public struct MIMELimits: Sendable, Hashable {
    /// Header fields per entity; the parse stops at the next one
    /// (`smime.limit.header-count`).
    public var maxHeaderFields: Int
    /// Nesting of RFC 5322 comments inside a structured value.
    public var maxCommentDepth: Int

    public init(maxHeaderFields: Int = 64, maxCommentDepth: Int = 8) {
        self.maxHeaderFields = maxHeaderFields
        self.maxCommentDepth = maxCommentDepth
    }

    public static let `default` = MIMELimits()
    /// RFC 5322 §2.1.1: "Each line of characters MUST be no more than 998
    /// characters, excluding the CRLF" (a rule, not a limit: parsing goes on).
    public static let maxLineLength = 998
}

/// The header block of a MIME entity (RFC 5322 §2.1: fields, then an empty
/// line, then the body), parsed in one pass over the input. Never throws:
/// every problem is a finding, and the block always has the fields read so
/// far.
public struct MIMEHeaderBlock: Sendable {
    public var fields: [MIMEHeaderField]
    /// Absolute offset of the first body octet; nil when no empty line ends
    /// the block (or the field limit stopped the parse).
    public var bodyStart: Int?
    public var findings: [Finding]

    /// The first field named `name` and how many there are.
    public func field(_ name: String) -> (field: MIMEHeaderField, index: Int, count: Int)? {
        var first: (MIMEHeaderField, Int)? = nil
        var count = 0
        for (i, f) in fields.enumerated() where f.hasName(name) {
            if first == nil { first = (f, i) }
            count += 1
        }
        return first.map { (field: $0.0, index: $0.1, count: count) }
    }

    public static func isFieldNameOctet(_ c: UInt8) -> Bool { c >= 33 && c <= 126 && c != 0x3a }

    /// Parses the header block of `b` starting at `start`. `path` prefixes
    /// finding paths (`headers`, `inner.headers`).
    public static func parse(_ b: [UInt8], from start: Int = 0, limits: MIMELimits = .default, path: String = "headers") -> MIMEHeaderBlock {
        var block = MIMEHeaderBlock(fields: [], bodyStart: nil, findings: [])
        let n = b.count
        var i = max(0, min(start, n))
        // The field being read: name range, value start, value end so far.
        var current: (nameStart: Int, colon: Int, valueEnd: Int)? = nil
        var longLines = 0, firstLong: Int? = nil
        var nonASCII = 0, firstNonASCII: Int? = nil

        func flush(_ block: inout MIMEHeaderBlock) {
            guard let c = current else { return }
            let name = String(decoding: b[c.nameStart..<c.colon], as: UTF8.self)
            block.fields.append(MIMEHeaderField(name: name, rawValue: Array(b[(c.colon + 1)..<c.valueEnd]), offset: c.nameStart, valueOffset: c.colon + 1))
            current = nil
        }

        while i < n {
            var j = i
            while j < n, b[j] != 0x0a { j += 1 }
            let hasLF = j < n
            var lineEnd = j
            if hasLF, lineEnd > i, b[lineEnd - 1] == 0x0d { lineEnd -= 1 }
            if lineEnd - i > MIMELimits.maxLineLength {
                longLines += 1
                if firstLong == nil { firstLong = i + MIMELimits.maxLineLength }
            }
            for k in i..<lineEnd where b[k] >= 0x80 {
                nonASCII += 1
                if firstNonASCII == nil { firstNonASCII = k }
                break
            }
            if lineEnd == i {
                // The empty line: the body follows.
                flush(&block)
                block.bodyStart = j + 1
                break
            }
            if b[i] == 0x20 || b[i] == 0x09 {
                if current != nil {
                    current?.valueEnd = lineEnd
                } else {
                    block.findings.append(SMIMERules.headerSyntax.finding(at: i, path, "a folded continuation line with no field before it"))
                }
            } else {
                flush(&block)
                var k = i
                while k < lineEnd, isFieldNameOctet(b[k]) { k += 1 }
                if k > i, k < lineEnd, b[k] == 0x3a {
                    if block.fields.count >= limits.maxHeaderFields {
                        block.findings.append(SMIMERules.headerCount.finding(at: i, path, "more than \(limits.maxHeaderFields) header fields"))
                        return block.finishing(longLines, firstLong, nonASCII, firstNonASCII, path)
                    }
                    current = (i, k, lineEnd)
                } else {
                    let why = k == i ? "the line does not start with a field name" : (k < lineEnd ? "octet 0x\(Hex.encode([b[k]])) in the field name (or no ':')" : "no ':' after the field name")
                    block.findings.append(SMIMERules.headerSyntax.finding(at: k < lineEnd ? k : i, "\(path)[\(block.fields.count)]", why))
                }
            }
            if !hasLF {
                i = n
                break
            }
            i = j + 1
        }
        if block.bodyStart == nil {
            flush(&block)
            block.findings.append(SMIMERules.headerNoBody.finding(at: n, path, "the input ends inside the header block (no empty line before a body)"))
        }
        return block.finishing(longLines, firstLong, nonASCII, firstNonASCII, path)
    }

    private func finishing(_ longLines: Int, _ firstLong: Int?, _ nonASCII: Int, _ firstNonASCII: Int?, _ path: String) -> MIMEHeaderBlock {
        var b = self
        if let o = firstLong {
            b.findings.append(SMIMERules.headerLineLength.finding(at: o, path, "\(longLines) header line(s) longer than \(MIMELimits.maxLineLength) characters"))
        }
        if let o = firstNonASCII {
            b.findings.append(SMIMERules.headerNonASCII.finding(at: o, path, "\(nonASCII) header line(s) with octets above 127"))
        }
        return b
    }
}

/// Line-ending checks and line/column positions over raw input.
public enum LineEndings {
    public struct Scan: Sendable, Hashable {
        public var firstBareLF: Int?
        public var bareLFCount = 0
        public var firstBareCR: Int?
        public var bareCRCount = 0
    }

    /// Bare LF (not preceded by CR) and bare CR (not followed by LF) in `range`.
    public static func scan(_ b: [UInt8], _ range: Range<Int>) -> Scan {
        var s = Scan()
        let lo = max(0, range.lowerBound), hi = min(b.count, range.upperBound)
        guard lo < hi else { return s }
        for i in lo..<hi {
            let c = b[i]
            if c == 0x0a, i == 0 || b[i - 1] != 0x0d {
                s.bareLFCount += 1
                if s.firstBareLF == nil { s.firstBareLF = i }
            } else if c == 0x0d, i + 1 >= b.count || b[i + 1] != 0x0a {
                s.bareCRCount += 1
                if s.firstBareCR == nil { s.firstBareCR = i }
            }
        }
        return s
    }

    /// 1-based line and column (in octets) of `offset`; lines end at LF.
    public static func location(of offset: Int, in b: [UInt8]) -> (line: Int, column: Int) {
        let end = max(0, min(offset, b.count))
        var line = 1, lineStart = 0
        for i in 0..<end where b[i] == 0x0a {
            line += 1
            lineStart = i + 1
        }
        return (line, end - lineStart + 1)
    }
}
