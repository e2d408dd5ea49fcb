import MediasecCore

/// The base64 content-transfer-encoding of a body (RFC 2045 §6.8, RFC 4648
/// §4): decoding with every departure from the canonical layout reported,
/// and the canonical encoder.
///
/// Canonical here means: lines of one width (the last may be shorter), at
/// most 76 characters (RFC 2045 §6.8), each ended by CRLF; only alphabet
/// characters; padding exactly as RFC 4648 §3.2 requires; zero pad bits
/// (§3.5). The decoder keeps the width of the first line and whether the
/// last line ends with a line break, so that re-encoding a canonical body
/// reproduces it. It also keeps the input offset of every base64 character,
/// so that a finding about the decoded CMS octets points into the entity.
public struct Base64Body: Sendable {
    public static let maxLineLength = 76

    public var content: [UInt8]
    /// Width of the body's lines (76 when the body has one line or none).
    public var lineLength: Int
    /// Whether the last line ends with a line break (true for an empty body).
    public var finalLineBreak: Bool
    public var findings: [Finding]
    /// Input offset of each alphabet character, in order.
    var characterOffsets: [UInt32]

    /// The input offset of the base64 character that carries the first bits
    /// of decoded octet `k`.
    public func inputOffset(ofContentByte k: Int) -> Int? {
        guard k >= 0 else { return nil }
        let idx = (k / 3) * 4 + k % 3
        if idx < characterOffsets.count { return Int(characterOffsets[idx]) }
        return characterOffsets.last.map { Int($0) + 1 }
    }

    private static let values: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    /// Decodes `b[range]`; `path` prefixes finding paths.
    public static func decode(_ b: [UInt8], _ range: Range<Int>, path: String = "body") -> Base64Body {
        let lo = max(0, min(range.lowerBound, b.count)), hi = max(lo, min(range.upperBound, b.count))
        var findings: [Finding] = []
        var out: [UInt8] = []
        out.reserveCapacity((hi - lo) / 4 * 3)
        var offsets: [UInt32] = []
        offsets.reserveCapacity(hi - lo)
        var acc: UInt32 = 0, nacc = 0, nvals = 0
        var lastValue: UInt8 = 0
        var pads = 0, firstPad: Int? = nil, afterPad: Int? = nil
        var invalid = 0, firstInvalid: Int? = nil
        var long = 0, firstLong: Int? = nil
        var blank = 0, firstBlank: Int? = nil
        var widths: [(width: Int, offset: Int)] = []
        var lineNumber = 0
        var i = lo
        var finalBreak = true
        while i < hi {
            var j = i
            while j < hi, b[j] != 0x0a { j += 1 }
            let hasLF = j < hi
            var end = j
            if hasLF, end > i, b[end - 1] == 0x0d { end -= 1 }
            lineNumber += 1
            if end == i {
                blank += 1
                if firstBlank == nil { firstBlank = i }
            } else {
                widths.append((end - i, i))
                if end - i > maxLineLength {
                    long += 1
                    if firstLong == nil { firstLong = i + maxLineLength }
                }
                for k in i..<end {
                    let c = b[k]
                    if c == 0x3d {
                        pads += 1
                        if firstPad == nil { firstPad = k }
                        continue
                    }
                    let v = values[Int(c)]
                    if v < 0 {
                        // A CR inside a line is a bare CR, reported by the line-ending scan.
                        if c != 0x0d {
                            invalid += 1
                            if firstInvalid == nil { firstInvalid = k }
                        }
                        continue
                    }
                    if pads > 0, afterPad == nil { afterPad = k }
                    offsets.append(UInt32(truncatingIfNeeded: k))
                    acc = acc << 6 | UInt32(v)
                    lastValue = UInt8(v)
                    nacc += 1
                    nvals += 1
                    if nacc == 4 {
                        out.append(UInt8(truncatingIfNeeded: acc >> 16))
                        out.append(UInt8(truncatingIfNeeded: acc >> 8))
                        out.append(UInt8(truncatingIfNeeded: acc))
                        acc = 0
                        nacc = 0
                    }
                }
            }
            if !hasLF { finalBreak = false }
            i = hasLF ? j + 1 : hi
        }
        // The partial last quantum (RFC 4648 §3.2, §3.5).
        let expectedPads = [0, -1, 2, 1][nacc]
        var padProblem: String? = nil
        if nacc == 1 {
            padProblem = "the base64 text ends with a single character of a quantum (6 bits cannot make an octet)"
        } else if let a = afterPad {
            padProblem = "base64 characters follow the padding (at offset \(a))"
        } else if pads != expectedPads {
            padProblem = "\(nvals) base64 character(s) need \(expectedPads) '=' of padding, found \(pads)"
        }
        if nacc == 2 {
            out.append(UInt8(truncatingIfNeeded: acc >> 4))
            if lastValue & 0x0f != 0 {
                findings.append(SMIMERules.base64PadBits.finding(at: offsets.last.map { Int($0) }, path, "the last character leaves non-zero bits beyond the final octet"))
            }
        } else if nacc == 3 {
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
            if lastValue & 0x03 != 0 {
                findings.append(SMIMERules.base64PadBits.finding(at: offsets.last.map { Int($0) }, path, "the last character leaves non-zero bits beyond the final octets"))
            }
        }
        if let o = firstInvalid {
            findings.append(SMIMERules.base64InvalidCharacter.finding(at: o, path, "\(invalid) character(s) outside the base64 alphabet (first 0x\(Hex.encode([b[o]])))"))
        }
        if let problem = padProblem {
            findings.append(SMIMERules.base64Padding.finding(at: afterPad ?? firstPad ?? hi, path, problem))
        }
        if let o = firstLong {
            findings.append(SMIMERules.base64LineLength.finding(at: o, path, "\(long) line(s) longer than \(maxLineLength) characters"))
        }
        let firstWidth = widths.count > 1 ? widths[0].width : maxLineLength
        // The width matters only when the canonical text needs more than one line.
        let width = 4 * ((out.count + 2) / 3) > firstWidth ? firstWidth : maxLineLength
        if widths.count > 1 {
            let odd = widths.dropLast().first { $0.width != firstWidth } ?? (widths[widths.count - 1].width > firstWidth ? widths[widths.count - 1] : nil)
            if let o = odd {
                findings.append(SMIMERules.base64IrregularLines.finding(at: o.offset, path, "a line of \(o.width) characters; the first line has \(firstWidth)"))
            }
        }
        if let o = firstBlank {
            findings.append(SMIMERules.base64BlankLine.finding(at: o, path, "\(blank) empty line(s) in the body"))
        }
        // Nothing decoded: the canonical encoding writes no line at all, so
        // the final-line-break flag is moot (true, as for an empty body).
        return Base64Body(content: out, lineLength: width, finalLineBreak: out.isEmpty || finalBreak, findings: findings, characterOffsets: offsets)
    }

    /// The canonical text: `lineLength`-character lines, CRLF after each
    /// (after the last only with `finalLineBreak`); nothing for no content.
    public static func encode(_ content: [UInt8], lineLength: Int = maxLineLength, finalLineBreak: Bool = true) -> [UInt8] {
        let text = Array(Base64.encode(content).utf8)
        guard !text.isEmpty else { return [] }
        let w = max(1, lineLength)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + (text.count / w + 1) * 2)
        var i = 0
        while i < text.count {
            let e = min(i + w, text.count)
            out.append(contentsOf: text[i..<e])
            if e < text.count || finalLineBreak { out += [0x0d, 0x0a] }
            i = e
        }
        return out
    }
}
