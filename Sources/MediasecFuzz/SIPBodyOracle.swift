import MediasecCore
import SIPBody
import MIKEY
import CMS

/// The libFuzzer oracle for multipart SIP bodies (``SIPBodyDecoder``,
/// ``SIPBodyValidator``, ``SIPBodyJSON``).
///
/// Input framing (the harness's; the seeds in Corpus/sip-body/ have this shape):
/// the bytes up to the first LF are the value of the SIP message's
/// Content-Type header (a CR before that LF is dropped; the value is read as
/// UTF-8, invalid sequences replaced); everything after that LF is the body.
/// An input without LF is a Content-Type with an empty body. Example:
///
/// ```
/// multipart/mixed;boundary=b1\r\n
/// --b1\r\n
/// Content-Type: application/sdp\r\n
/// …
/// ```
///
/// There is no body serializer, so the round-trip law is a framing law: the
/// decoder's pieces tile the body. In order, without gaps or overlaps: the
/// preamble, then for each part its delimiter line (`--boundary`, optional
/// blanks, line end) and its octets, each part separated from the next
/// delimiter by nothing, LF or CRLF; then the close delimiter line and the
/// epilogue. Besides:
///
/// * every offset (findings, headers, parts) lies inside the body;
/// * a part's body range lies inside the part; identity-encoded content is
///   exactly the body octets; base64 content re-encodes to the body's
///   significant base64 characters (up to the unused bits of the last one);
/// * the validator, the report JSON and the decoded tree never trap;
/// * each part's content also holds its own codec's oracle (``SDPOracle``,
///   ``ResourceListsOracle``, ``MIKEYOracle``, ``CMSOracle``).
public enum SIPBodyOracle {
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Splits a fuzz input into the Content-Type value and the body.
    public static func frame(_ bytes: [UInt8]) -> (contentType: String, body: [UInt8]) {
        guard let lf = bytes.firstIndex(of: 0x0a) else {
            return (String(decoding: bytes, as: UTF8.self), [])
        }
        var end = lf
        if end > 0, bytes[end - 1] == 0x0d { end -= 1 }
        return (String(decoding: bytes[..<end], as: UTF8.self), Array(bytes[(lf + 1)...]))
    }

    /// The inverse of ``frame(_:)`` (for seeds and tests).
    public static func input(contentType: String, body: [UInt8]) -> [UInt8] {
        Array(contentType.utf8) + [0x0d, 0x0a] + body
    }

    /// Runs every check; returns the number of parts.
    @discardableResult
    public static func check(_ bytes: [UInt8]) throws(Violation) -> Int {
        let (contentType, body) = frame(bytes)
        return try check(contentType: contentType, body: body)
    }

    @discardableResult
    public static func check(contentType: String, body: [UInt8]) throws(Violation) -> Int {
        let n = body.count
        let d = SIPBodyDecoder().decode(contentType: contentType, body: body)
        guard d.bytes == body else { throw Violation(description: "the decoded body does not keep the input octets") }
        try checkFindings(d.findings, n, "decoder")
        try checkParts(d, body)
        if d.isMultipart, d.boundary != nil, !d.parts.isEmpty { try checkTiling(d, body) }

        let relation: KeyMgmtRelation = n % 2 == 0 ? .separateExchanges : .sameMessage
        let report = SIPBodyValidator(options: SIPBodyValidationOptions(keyMgmtRelation: relation)).validate(d)
        try checkFindings(report.findings, n, "validator")
        guard report.findings.count >= d.findings.count else {
            throw Violation(description: "the validator drops decoder findings")
        }
        _ = report.json().serialized()
        _ = SIPBodyJSON.tree(d).serialized()
        try checkPartCodecs(d)
        return d.parts.count
    }

    // MARK: structure

    static func checkFindings(_ findings: [Finding], _ n: Int, _ what: String) throws(Violation) {
        for f in findings {
            if let o = f.offset, o < 0 || o > n {
                throw Violation(description: "\(what): \(f.code) (\(f.path)) at offset \(o) outside 0...\(n)")
            }
        }
    }

    static func within(_ r: Range<Int>, _ outer: Range<Int>) -> Bool {
        r.lowerBound >= outer.lowerBound && r.upperBound <= outer.upperBound
    }

    static func checkParts(_ d: DecodedSIPBody, _ body: [UInt8]) throws(Violation) {
        let all = 0..<body.count
        var previousEnd = 0
        for (i, p) in d.parts.enumerated() {
            guard p.index == i else { throw Violation(description: "part \(i) has index \(p.index)") }
            guard within(p.range, all), within(p.bodyRange, p.range) else {
                throw Violation(description: "part \(i): range \(p.range) / body \(p.bodyRange) not nested in 0..<\(body.count)")
            }
            guard p.delimiterOffset >= previousEnd, p.delimiterOffset <= p.range.lowerBound else {
                throw Violation(description: "part \(i): delimiter at \(p.delimiterOffset) outside \(previousEnd)...\(p.range.lowerBound)")
            }
            previousEnd = p.range.upperBound
            for h in p.headers where h.offset < p.range.lowerBound || h.offset >= p.bodyRange.lowerBound {
                throw Violation(description: "part \(i): header \(h.name) at \(h.offset) outside the header block \(p.range.lowerBound)..<\(p.bodyRange.lowerBound)")
            }
            guard let content = p.content else { continue }
            switch p.transferEncoding ?? .binary {
            case .base64:
                try checkBase64(content, body[p.bodyRange], part: i)
            case .sevenBit, .eightBit, .binary:
                guard content.elementsEqual(body[p.bodyRange]) else {
                    throw Violation(description: "part \(i): identity-encoded content differs from the body octets")
                }
            default:
                throw Violation(description: "part \(i): content decoded from \(p.transferEncoding?.name ?? "?")")
            }
            for k in [0, content.count / 2, content.count] {
                let o = p.inputOffset(ofContentByte: k)
                guard o >= p.bodyRange.lowerBound, o <= p.bodyRange.upperBound else {
                    throw Violation(description: "part \(i): content byte \(k) maps to \(o), outside the body \(p.bodyRange)")
                }
            }
        }
        for r in [d.preambleRange, d.epilogueRange].compactMap({ $0 }) where !within(r, all) {
            throw Violation(description: "preamble/epilogue \(r) outside 0..<\(body.count)")
        }
    }

    static func checkBase64(_ content: [UInt8], _ text: ArraySlice<UInt8>, part: Int) throws(Violation) {
        let significant = text.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0d && $0 != 0x0a && $0 != 0x3d }
        let encoded = Array(Base64.encode(content).utf8).filter { $0 != 0x3d }
        guard encoded.count == significant.count, encoded.dropLast().elementsEqual(significant.dropLast()) else {
            throw Violation(description: "part \(part): base64 content (\(content.count) octets) does not re-encode to its \(significant.count) characters")
        }
    }

    /// The framing law: preamble, delimiter lines, parts and epilogue tile the body.
    static func checkTiling(_ d: DecodedSIPBody, _ b: [UInt8]) throws(Violation) {
        guard let boundary = d.boundary else { return }
        let dash = [0x2d, 0x2d] + Array(boundary.utf8)
        var cursor = d.preambleRange?.upperBound ?? 0
        if d.preambleRange != nil, d.preambleRange?.lowerBound != 0 {
            throw Violation(description: "the preamble does not start the body")
        }

        func eol(_ at: Int, _ next: Int, _ what: String) throws(Violation) {
            guard at <= next else { throw Violation(description: "\(what): overlap (\(at) > \(next))") }
            let gap = b[at..<next]
            guard gap.isEmpty || gap.elementsEqual([0x0a]) || gap.elementsEqual([0x0d, 0x0a]) else {
                throw Violation(description: "\(what): \(gap.count) octets at \(at) belong to no piece")
            }
        }

        /// A delimiter line at `at`: dash-boundary, `--` when closing, blanks, line end; returns where it ends.
        func delimiterLine(_ at: Int, close: Bool, end: Int) throws(Violation) {
            guard at + dash.count <= end, b[at..<(at + dash.count)].elementsEqual(dash) else {
                throw Violation(description: "no dash-boundary at the delimiter offset \(at)")
            }
            var q = at + dash.count
            if close {
                guard q + 2 <= end, b[q] == 0x2d, b[q + 1] == 0x2d else { throw Violation(description: "close delimiter at \(at) without \"--\"") }
                q += 2
            }
            while q < end, b[q] == 0x20 || b[q] == 0x09 { q += 1 }
            let rest = b[q..<end]
            guard rest.isEmpty || rest.elementsEqual([0x0a]) || rest.elementsEqual([0x0d, 0x0a]) || (rest.elementsEqual([0x0d]) && end == b.count) else {
                throw Violation(description: "delimiter line at \(at) continues with \(rest.count) octets before its content")
            }
        }

        for p in d.parts {
            try eol(cursor, p.delimiterOffset, "before the delimiter of part \(p.index)")
            try delimiterLine(p.delimiterOffset, close: false, end: p.range.lowerBound)
            cursor = p.range.upperBound
        }
        if let close = d.closeDelimiterOffset {
            try eol(cursor, close, "before the close delimiter")
            guard let epilogue = d.epilogueRange, epilogue.upperBound == b.count else {
                throw Violation(description: "close delimiter without an epilogue range to the end")
            }
            try delimiterLine(close, close: true, end: epilogue.lowerBound)
        } else if cursor != b.count {
            throw Violation(description: "without a close delimiter the last part ends at \(cursor), not at \(b.count)")
        }
    }

    // MARK: nested codecs

    static func checkPartCodecs(_ d: DecodedSIPBody) throws(Violation) {
        for p in d.parts {
            guard let content = p.content else { continue }
            let name: String
            let problem: String?
            switch p.mediaType {
            case "application/sdp":
                name = "SDP"
                do { _ = try SDPOracle.check(content); problem = nil } catch { problem = error.description }
            case "application/resource-lists+xml":
                name = "resource-lists"
                do { _ = try ResourceListsOracle.check(content); problem = nil } catch { problem = error.description }
            case "application/mikey":
                name = "MIKEY"
                do { _ = try MIKEYOracle.check(content); problem = nil } catch { problem = error.description }
            case "application/pkcs7-mime", "application/x-pkcs7-mime":
                name = "CMS"
                do { _ = try CMSOracle.check(content); problem = nil } catch { problem = error.description }
            default:
                continue
            }
            if let problem { throw Violation(description: "part \(p.index) (\(name)): \(problem)") }
        }
    }

    /// libFuzzer entry: 0 to keep the input, traps on a violation.
    public static func run(_ data: UnsafeRawBufferPointer) -> Int32 {
        do {
            try check(Array(data))
            return 0
        } catch {
            fatalError("sip-body oracle violated: \(error.description)")  // fuzz harness: trap is the signal
        }
    }
}

extension SIPBodyOracle {
    /// Runs ``check(_:)`` over every file under `directory`.
    public static func replay(_ directory: String) -> CorpusReplay {
        CorpusReplay.run(directory) { try check($0) }
    }
}
