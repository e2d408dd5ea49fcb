/// A place in the input: the byte offset and the 1-based line and column.
///
/// Lines are counted at LF bytes (as libxml2 counts them); columns count
/// Unicode scalar values from the start of the line (as libxml2 and
/// xmllint do), so a column stays right for non-ASCII display names.
public struct XMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line:column`, the prefix of every positioned finding's message.
    public var description: String { "\(line):\(column)" }

    public static func < (a: XMLPosition, b: XMLPosition) -> Bool { a.offset < b.offset }
}

/// Converts between byte offsets and line/column for one input, in
/// O(log lines) per lookup (long single-line documents stay linear). The
/// tables are built on the first lookup, so a decode that reports nothing
/// never pays for them.
final class SourceMap {
    let bytes: [UInt8]
    private var tables: (lineStarts: [Int], scalarsBefore: [Int])?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Offset of the first byte of each line (line 1 at index 0), and the
    /// Unicode scalars that start before each offset (`bytes.count + 1` entries).
    private var built: (lineStarts: [Int], scalarsBefore: [Int]) {
        if let tables { return tables }
        let count = bytes.count
        var starts = [0]
        let scalars = [Int](unsafeUninitializedCapacity: count + 1) { out, initialized in
            bytes.withUnsafeBufferPointer { b in
                var n = 0
                for i in 0..<count {
                    let c = b[i]
                    out[i] = n
                    if c & 0xC0 != 0x80 { n += 1 }
                    if c == 0x0A { starts.append(i + 1) }
                }
                out[count] = n
            }
            initialized = count + 1
        }
        tables = (starts, scalars)
        return (starts, scalars)
    }

    var lineStarts: [Int] { built.lineStarts }

    /// The position of an offset found by scanning the bytes before it:
    /// O(offset) and no table, for a single lookup near the start.
    static func position(ofOffset offset: Int, in bytes: [UInt8]) -> XMLPosition {
        let o = max(0, min(offset, bytes.count))
        var line = 1, column = 1
        for b in bytes[..<o] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return XMLPosition(offset: o, line: line, column: column)
    }

    func position(ofOffset offset: Int) -> XMLPosition {
        let (lineStarts, scalarsBefore) = built
        let o = max(0, min(offset, bytes.count))
        // Last line start <= o.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return XMLPosition(offset: o, line: lo + 1, column: scalarsBefore[o] - scalarsBefore[lineStarts[lo]] + 1)
    }

    /// The offset of a libxml2 `line:column` (column in characters, 1-based),
    /// or nil when the line is outside the input: the start of the
    /// column-th character of the line, or the line's end (its LF, or the
    /// end of the input) when the line is shorter. O(log n) per lookup.
    func offset(line: Int, column: Int) -> Int? {
        let (lineStarts, scalarsBefore) = built
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        // The line's LF, or the end of the input for the last line.
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        let wanted = max(0, column - 1)
        let base = scalarsBefore[start]
        guard wanted < scalarsBefore[end] - base else { return end }
        // The wanted character starts at the last offset before which
        // exactly `wanted` characters of the line start: one before the
        // first offset with `wanted + 1` (scalarsBefore never decreases).
        var lo = start, hi = end
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if scalarsBefore[mid] - base >= wanted + 1 { hi = mid } else { lo = mid + 1 }
        }
        return lo - 1
    }
}
