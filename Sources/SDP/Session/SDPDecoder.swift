import MediasecCore

/// The line-level decoder (RFC 8866 §5). It walks the input once, splits it
/// into `<type>=<value>` lines and records each line's terminator; it
/// rejects, with a stable `sdp.*` code, a byte offset, the line path and the
/// `line:column` at the start of the message:
///
/// | code | input |
/// |---|---|
/// | `sdp.empty` | no bytes |
/// | `sdp.line.nul` | a NUL byte (excluded from every SDP field) |
/// | `sdp.line.bare-cr` | CR not followed by LF |
/// | `sdp.line.empty` | an empty line |
/// | `sdp.line.too-short` | a 1-byte line (`v`) |
/// | `sdp.line.syntax` | the second byte is not `=`, or the type is not a letter |
/// | `sdp.line.type-unknown` | a type letter RFC 8866 does not define (§5: ignore or reject the whole description; we reject) |
/// | `sdp.limit.*` | a named ``SDPLimits`` limit |
///
/// Everything above the line layer — order, mandatory lines, field syntax,
/// typed attributes — is reported by ``SDPValidator`` as findings, so that a
/// description with one bad field can still be inspected. `strict` mode
/// throws the first error-severity RFC 8866 structure finding instead.
///
/// Time is linear in the input; memory is the input plus one small record per line.
public struct SDPDecoder: Sendable {
    public var limits: SDPLimits

    public init(limits: SDPLimits = .default) {
        self.limits = limits
    }

    static let specRef = "RFC 8866 §5"

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedSessionDescription {
        guard !bytes.isEmpty else {
            throw DecodingError(code: "sdp.empty", offset: 0, path: "", specRef: "RFC 8866 §9", message: "1:1: empty input: a description starts with v=")
        }
        guard bytes.count <= limits.maxBytes else {
            throw DecodingError(code: "sdp.limit.bytes", offset: limits.maxBytes, path: "", specRef: "mediasec limits", message: "input of \(bytes.count) bytes exceeds maxBytes \(limits.maxBytes)")
        }
        var lines: [SDPLine] = []
        var offsets: [Int] = []
        // Room for a typical description's lines; a longer one grows the
        // arrays geometrically (no count pass over the input first).
        let expected = min(32, max(1, limits.maxLines))
        lines.reserveCapacity(expected)
        offsets.reserveCapacity(expected)
        var mediaCount = 0
        var start = 0
        var i = 0
        let n = bytes.count

        func fail(_ code: String, _ message: String, at offset: Int, ref: String = SDPDecoder.specRef) -> DecodingError {
            let col = offset - start + 1
            return DecodingError(code: code, offset: offset, path: "lines[\(lines.count)]", specRef: ref, message: "\(lines.count + 1):\(col): \(message)")
        }

        while start < n {
            // Find the end of this line.
            var end = start
            var ending = LineEnding.none
            let (stop, kind) = bytes.withUnsafeBufferPointer { Self.scanLine($0, from: start, maxLength: limits.maxLineLength) }
            i = stop
            switch kind {
            case .lf: end = i; ending = .lf
            case .crlf: end = i; ending = .crlf
            case .bareCR:
                throw fail("sdp.line.bare-cr", "CR not followed by LF (CR may only appear in the CRLF line terminator)", at: i)
            case .nul:
                throw fail("sdp.line.nul", "NUL byte: SDP text and attribute values exclude 0x00", at: i, ref: "RFC 8866 §5 / §9 byte-string")
            case .tooLong:
                throw fail("sdp.limit.line-length", "line longer than maxLineLength \(limits.maxLineLength)", at: i, ref: "mediasec limits")
            case .endOfInput: break
            }
            if ending == .none { end = n }
            guard lines.count < limits.maxLines else {
                throw fail("sdp.limit.lines", "more than maxLines \(limits.maxLines) lines", at: start, ref: "mediasec limits")
            }
            let length = end - start
            if length == 0 {
                throw fail("sdp.line.empty", "empty line: every line is <type>=<value>", at: start, ref: "RFC 8866 §5")
            }
            if length == 1 {
                throw fail("sdp.line.too-short", "1-byte line '\(SDPTextScanner.show(bytes[start]))': expected <type>=<value>", at: start, ref: "RFC 8866 §5")
            }
            let type = bytes[start]
            guard SDPGrammar.isAlpha(type), bytes[start + 1] == 0x3d else {
                let at = SDPGrammar.isAlpha(type) ? start + 1 : start
                throw fail("sdp.line.syntax", "expected <type>=<value> with a one-letter type, found '\(SDPTextScanner.show(bytes[at]))'", at: at, ref: "RFC 8866 §5")
            }
            guard SDPLine.isKnownType(type) else {
                throw fail("sdp.line.type-unknown", "type letter '\(SDPTextScanner.show(type))' is not defined by RFC 8866 (a description with an unknown type is rejected)", at: start, ref: "RFC 8866 §5")
            }
            if type == 0x6d {
                mediaCount += 1
                guard mediaCount <= limits.maxMediaSections else {
                    throw fail("sdp.limit.media", "more than maxMediaSections \(limits.maxMediaSections) media sections", at: start, ref: "mediasec limits")
                }
                // <media> SP <port> SP <proto> 1*(SP <fmt>): count the fmts.
                var spaces = 0
                for k in (start + 2)..<end where bytes[k] == 0x20 { spaces += 1 }
                if spaces - 2 > limits.maxFormats {
                    throw fail("sdp.limit.formats", "\(spaces - 2) formats on one m= line exceed maxFormats \(limits.maxFormats)", at: start, ref: "mediasec limits")
                }
            }
            lines.append(SDPLine(type: type, bytes: bytes[(start + 2)..<end], ending: ending))
            offsets.append(start)
            start = end + ending.length
        }
        return DecodedSessionDescription(sessionDescription: SessionDescription(lines: lines), bytes: bytes, lineOffsets: offsets)
    }

    /// What stopped ``scanLine(_:from:maxLength:)``.
    enum LineStop {
        case endOfInput, lf, crlf, bareCR, nul, tooLong
    }

    /// The first byte from `start` that ends the line or makes it an error,
    /// in the order the checks apply to each byte: LF, CR (with or without
    /// its LF), NUL, then the length limit (a line of more than
    /// `maxLength` value bytes stops at byte `start + maxLength`).
    ///
    /// Eight bytes are tested at a time for a byte below 0x0e (the only
    /// bytes that can end a line or be an error); a candidate that is not
    /// LF, CR or NUL (HTAB, other controls) is ordinary and the scan goes
    /// on after it.
    @inline(__always)
    static func scanLine(_ p: UnsafeBufferPointer<UInt8>, from start: Int, maxLength: Int) -> (Int, LineStop) {
        let n = p.count
        var i = start
        while true {
            let c = firstBelow0E(p, from: i)
            if c >= n {
                return n - start > maxLength ? (start + maxLength, .tooLong) : (n, .endOfInput)
            }
            let b = p[c]
            if b == 0x0a || b == 0x0d || b == 0x00 {
                if c - start > maxLength { return (start + maxLength, .tooLong) }
                if b == 0x0a { return (c, .lf) }
                if b == 0x0d { return (c, c + 1 < n && p[c + 1] == 0x0a ? .crlf : .bareCR) }
                return (c, .nul)
            }
            i = c + 1
        }
    }

    /// The index of the first byte below 0x0e at or after `from`, or
    /// `p.count`. Word loads check eight bytes per step: in `(x - 0x0e…0e)
    /// & ~x & 0x80…80` the lowest set byte is the first byte below 0x0e
    /// (a borrow only carries upwards, past that byte).
    @inline(__always)
    static func firstBelow0E(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = p.count
        var i = max(0, from)
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while n - i >= 8 {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let t = (x &- 0x0e0e_0e0e_0e0e_0e0e) & ~x & 0x8080_8080_8080_8080
                if t != 0 { return i + t.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < n, p[i] >= 0x0e { i += 1 }
        return i
    }
}
