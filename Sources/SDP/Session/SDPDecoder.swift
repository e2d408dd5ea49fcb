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
            i = start
            while i < n {
                let c = bytes[i]
                if c == 0x0a { end = i; ending = .lf; break }
                if c == 0x0d {
                    guard i + 1 < n, bytes[i + 1] == 0x0a else {
                        throw fail("sdp.line.bare-cr", "CR not followed by LF (CR may only appear in the CRLF line terminator)", at: i)
                    }
                    end = i; ending = .crlf; break
                }
                if c == 0x00 {
                    throw fail("sdp.line.nul", "NUL byte: SDP text and attribute values exclude 0x00", at: i, ref: "RFC 8866 §5 / §9 byte-string")
                }
                if i - start >= limits.maxLineLength {
                    throw fail("sdp.limit.line-length", "line longer than maxLineLength \(limits.maxLineLength)", at: i, ref: "mediasec limits")
                }
                i += 1
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
            guard SDPLine.knownTypes.contains(type) else {
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
            lines.append(SDPLine(type: type, value: Array(bytes[(start + 2)..<end]), ending: ending))
            offsets.append(start)
            start = end + ending.bytes.count
        }
        return DecodedSessionDescription(sessionDescription: SessionDescription(lines: lines), bytes: bytes, lineOffsets: offsets)
    }
}
