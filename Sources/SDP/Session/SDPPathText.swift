/// Short ASCII texts the validator builds often (field paths such as
/// `media[2].attributes[5]`, `line:column` positions), written into one
/// buffer of the exact size instead of through string interpolation.
/// Negative numbers take the interpolation path (they do not occur for
/// indexes, but the result stays the same text either way).
enum SDPPathText {
    /// Decimal digits of a non-negative number.
    @inline(__always)
    static func digitCount(_ n: Int) -> Int {
        var c = 1
        var v = n
        while v >= 10 { v /= 10; c += 1 }
        return c
    }

    /// Writes the digits of a non-negative `n` (exactly `count` of them) at `p`.
    @inline(__always)
    static func writeDigits(_ n: Int, _ count: Int, _ p: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        var v = n
        var i = at + count - 1
        while i >= at {
            p[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
            i -= 1
        }
    }

    /// Writes `[n]` (`count` digits) at `at`; returns the end.
    @inline(__always)
    static func writeIndex(_ n: Int, _ count: Int, _ p: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> Int {
        p[at] = 0x5b
        writeDigits(n, count, p, at + 1)
        p[at + count + 1] = 0x5d
        return at + count + 2
    }

    /// Copies the UTF-8 of `s` to `p` at `at`; returns the end.
    @inline(__always)
    static func write(_ s: String, _ p: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> Int {
        var s = s
        return s.withUTF8 { copy($0, p, at) }
    }

    /// `prefix[n]suffix`.
    static func indexed(_ prefix: String, _ n: Int, _ suffix: String = "") -> String {
        guard n >= 0 else { return "\(prefix)[\(n)]\(suffix)" }
        let d = digitCount(n)
        let total = prefix.utf8.count + d + 2 + suffix.utf8.count
        return String(unsafeUninitializedCapacity: total) { p in
            let i = writeIndex(n, d, p, write(prefix, p, 0))
            return write(suffix, p, i)
        }
    }

    /// `p1[n1]p2[n2]suffix`.
    static func indexed(_ p1: String, _ n1: Int, _ p2: String, _ n2: Int, _ suffix: String = "") -> String {
        guard n1 >= 0, n2 >= 0 else { return "\(p1)[\(n1)]\(p2)[\(n2)]\(suffix)" }
        let d1 = digitCount(n1), d2 = digitCount(n2)
        let total = p1.utf8.count + d1 + 2 + p2.utf8.count + d2 + 2 + suffix.utf8.count
        return String(unsafeUninitializedCapacity: total) { p in
            var i = writeIndex(n1, d1, p, write(p1, p, 0))
            i = writeIndex(n2, d2, p, write(p2, p, i))
            return write(suffix, p, i)
        }
    }

    /// `line:column: message` (the prefix findings carry).
    static func located(line: Int, column: Int, _ message: String) -> String {
        guard line >= 0, column >= 0 else { return "\(line):\(column): \(message)" }
        let total = positionLength(line, column) + message.utf8.count
        return String(unsafeUninitializedCapacity: total) { p in
            write(message, p, writePosition(line, column, p))
        }
    }

    /// `line:column: message` for a finding message built by
    /// ``SDPMessage``'s interpolation, in one string.
    static func located(line: Int, column: Int, _ message: SDPMessage) -> String {
        guard line >= 0, column >= 0 else { return located(line: line, column: column, message.text) }
        let total = positionLength(line, column) + message.utf8Count
        return String(unsafeUninitializedCapacity: total) { p in
            message.write(to: p, at: writePosition(line, column, p))
        }
    }

    /// `line:column: a` + `mid` + `b` in one string (no message string
    /// first): for findings that come in hundreds, one per `<fmt>`.
    static func located(line: Int, column: Int, _ a: StaticString, _ mid: ArraySlice<UInt8>, _ b: StaticString) -> String {
        guard line >= 0, column >= 0 else { return located(line: line, column: column, "\(a)" + String(decoding: mid, as: UTF8.self) + "\(b)") }
        let n = positionLength(line, column) + a.utf8CodeUnitCount + mid.count + b.utf8CodeUnitCount
        // Written straight into the string's storage, each part one copy
        // (was a temporary buffer filled a byte at a time, then decoded).
        return String(unsafeUninitializedCapacity: n) { out in
            var k = writePosition(line, column, out)
            a.withUTF8Buffer { k = copy($0, out, k) }
            mid.withUnsafeBufferPointer { k = copy($0, out, k) }
            b.withUTF8Buffer { k = copy($0, out, k) }
            return k
        }
    }

    /// Copies `src` to `out` at `at` (as much as fits); returns the end.
    @inline(__always)
    static func copy(_ src: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> Int {
        let c = min(src.count, max(0, out.count - at))
        guard c > 0, let from = src.baseAddress, let to = out.baseAddress else { return at }
        (to + at).update(from: from, count: c)
        return at + c
    }

    /// `line:column: message (MIKEY byte n)`: a nested MIKEY finding's
    /// message with its position and the message byte it rests on, in one
    /// string.
    static func located(line: Int, column: Int, _ message: String, mikeyByte n: Int) -> String {
        guard line >= 0, column >= 0, n >= 0 else { return located(line: line, column: column, message + " (MIKEY byte \(n))") }
        let suffix = " (MIKEY byte "
        let total = positionLength(line, column) + message.utf8.count + suffix.utf8.count + digitCount(n) + 1
        return String(unsafeUninitializedCapacity: total) { p in
            var i = write(suffix, p, write(message, p, writePosition(line, column, p)))
            let d = digitCount(n)
            writeDigits(n, d, p, i)
            i += d
            p[i] = 0x29
            return i + 1
        }
    }

    /// `session.attributes[o]` (media < 0) or `media[m].attributes[o]`,
    /// then `a`, `b`, `[index]` when given, and `suffix`, in one string.
    static func attributePath(media m: Int, ordinal o: Int, _ a: String, _ b: String, index: Int?, _ c: String, _ suffix: String) -> String {
        guard o >= 0, index.map({ $0 >= 0 }) ?? true else {
            let head = m < 0 ? "session.attributes[\(o)]" : "media[\(m)].attributes[\(o)]"
            return head + a + b + (index.map { "[\($0)]" } ?? "") + c + suffix
        }
        let session = "session.attributes", media = "media", attributes = ".attributes"
        let dm = m < 0 ? 0 : digitCount(m), dOrd = digitCount(o), dIdx = index.map(digitCount) ?? 0
        var total = m < 0 ? session.utf8.count : media.utf8.count + dm + 2 + attributes.utf8.count
        total += dOrd + 2 + a.utf8.count + b.utf8.count + (index == nil ? 0 : dIdx + 2) + c.utf8.count + suffix.utf8.count
        return String(unsafeUninitializedCapacity: total) { p in
            var i = m < 0 ? write(session, p, 0) : write(attributes, p, writeIndex(m, dm, p, write(media, p, 0)))
            i = writeIndex(o, dOrd, p, i)
            i = write(b, p, write(a, p, i))
            if let n = index { i = writeIndex(n, dIdx, p, i) }
            return write(suffix, p, write(c, p, i))
        }
    }

    /// The parts joined in one string (`a` + `b` + `c` + `d`).
    static func joined(_ a: String, _ b: String, _ c: String = "", _ d: String = "") -> String {
        let total = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count
        return String(unsafeUninitializedCapacity: total) { p in
            write(d, p, write(c, p, write(b, p, write(a, p, 0))))
        }
    }

    /// The length of `line:column: ` (non-negative numbers).
    @inline(__always)
    private static func positionLength(_ line: Int, _ column: Int) -> Int { digitCount(line) + 1 + digitCount(column) + 2 }

    /// Writes `line:column: ` at the start of `p` (sized by
    /// ``positionLength(_:_:)``); returns its end.
    @inline(__always)
    private static func writePosition(_ line: Int, _ column: Int, _ p: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let d1 = digitCount(line), d2 = digitCount(column)
        writeDigits(line, d1, p, 0)
        p[d1] = 0x3a
        writeDigits(column, d2, p, d1 + 1)
        let i = d1 + 1 + d2
        p[i] = 0x3a
        p[i + 1] = 0x20
        return i + 2
    }
}
