import MediasecCore

/// The BER/DER reader: parses bytes into the raw ``ASN1Node`` tree, then
/// reads typed values out of nodes, under one ``EncodingRules`` profile.
///
/// Every departure from DER goes through ``deviation(_:at:path:_:)``: fatal
/// under rules that do not tolerate it, collected in ``findings`` under
/// rules that do (warning severity, error for the forms BER forbids too:
/// ``DERDeviation/isValidBER``). Failures that are not BER at all throw a
/// ``DecodingError`` with a `der.*` code under every profile
/// (``ASN1FatalCodes``).
///
/// Hostile-input guarantees: nothing traps; nesting is bounded by
/// ``ASN1Limits/maxDepth`` and the element count by ``ASN1Limits/maxNodes``;
/// a length is compared with the bytes actually present before anything is
/// sliced (no allocation is sized by an untrusted length); every byte of the
/// input is visited once by the tree parser, so indefinite lengths cost
/// linear time.
public struct ASN1Reader: Sendable {
    public var rules: EncodingRules
    /// Tolerated deviations, in input order.
    public private(set) var findings: [Finding] = []
    private var nodeCount = 0
    /// Child indices of the element being parsed, for error paths (`tlv[0][2]`).
    private var stack: [Int] = []

    public init(rules: EncodingRules = .der) {
        self.rules = rules
    }

    // MARK: deviations and errors

    /// Records `d` at `offset` (tolerated) or throws it (not tolerated).
    public mutating func deviation(_ d: DERDeviation, at offset: Int, path: String, _ message: String) throws(DecodingError) {
        if rules.tolerates(d) {
            findings.append(Finding(code: d.code, severity: d.toleratedSeverity, offset: offset, path: path, specRef: d.specRef, message: message))
        } else {
            throw DecodingError(code: d.code, offset: offset, path: path, specRef: d.specRef, message: "\(message) (not allowed under \(rules.name.uppercased()))")
        }
    }

    /// Appends findings from another pass (e.g. a nested decode).
    public mutating func append(findings more: [Finding]) { findings += more }

    static func fatal(_ code: String, at offset: Int, path: String, _ message: String) -> DecodingError {
        let ref = ASN1FatalCodes.all.first { $0.code == code }?.specRef ?? "X.690 §8.1"
        return DecodingError(code: code, offset: offset, path: path, specRef: ref, message: message)
    }

    private var rawPath: String { "tlv" + stack.map { "[\($0)]" }.joined() }

    // MARK: raw tree

    /// Parses exactly one element covering `bytes`; bytes after it are a
    /// ``DERDeviation/trailingData`` deviation (ignored when tolerated).
    public mutating func parse(_ bytes: [UInt8]) throws(DecodingError) -> ASN1Node {
        nodeCount = 0
        stack = []
        guard !bytes.isEmpty else { throw Self.fatal("der.truncated", at: 0, path: "tlv", "empty input") }
        let node = try parseElement(bytes, at: 0, limit: bytes.count, depth: 1)
        if node.endOffset < bytes.count {
            try deviation(.trailingData, at: node.endOffset, path: "tlv", "\(bytes.count - node.endOffset) byte(s) after the outermost element")
        }
        return node
    }

    private mutating func truncated(_ at: Int, _ what: String) -> DecodingError {
        Self.fatal("der.truncated", at: at, path: rawPath, what)
    }

    private mutating func parseElement(_ b: [UInt8], at start: Int, limit: Int, depth: Int) throws(DecodingError) -> ASN1Node {
        guard depth <= rules.limits.maxDepth else {
            throw Self.fatal("der.limit.depth", at: start, path: rawPath, "nesting deeper than \(rules.limits.maxDepth)")
        }
        nodeCount += 1
        guard nodeCount <= rules.limits.maxNodes else {
            throw Self.fatal("der.limit.nodes", at: start, path: rawPath, "more than \(rules.limits.maxNodes) elements")
        }
        var i = start
        guard i < limit else { throw truncated(i, "identifier octet missing") }

        // Identifier (X.690 §8.1.2).
        let b0 = b[i]
        i += 1
        let tagClass = ASN1Identifier.TagClass(rawValue: b0 >> 6) ?? .universal
        let constructed = b0 & 0x20 != 0
        var tag = UInt32(b0 & 0x1f)
        if tag == 0x1f {
            var value: UInt64 = 0
            var first = true
            while true {
                guard i < limit else { throw truncated(i, "tag number octets end early") }
                let t = b[i]
                if first && t == 0x80 {
                    try deviation(.nonMinimalTag, at: i, path: rawPath, "tag number octets start with 0x80 (invalid in BER too)")
                }
                first = false
                i += 1
                value = value << 7 | UInt64(t & 0x7f)
                guard value <= UInt64(UInt32.max) else {
                    throw Self.fatal("der.tag.overflow", at: start, path: rawPath, "tag number above 2^32 - 1")
                }
                if t & 0x80 == 0 { break }
            }
            if value < 31 {
                try deviation(.nonMinimalTag, at: start, path: rawPath, "tag \(value) in the high-tag-number form")
            }
            tag = UInt32(value)
        }
        if tagClass == .universal && tag == 0 {
            if b0 == 0, i < limit, b[i] == 0 {
                throw Self.fatal("der.eoc.unexpected", at: start, path: rawPath, "end-of-contents outside an indefinite-length element")
            }
            throw Self.fatal("der.eoc.malformed", at: start, path: rawPath, "universal tag 0 is reserved for the end-of-contents octets 00 00")
        }
        let identifier = ASN1Identifier(tagClass, tag, constructed: constructed)

        // Length (X.690 §8.1.3).
        guard i < limit else { throw truncated(i, "length octet missing") }
        let lengthAt = i
        let l0 = b[i]
        i += 1
        var indefinite = false
        var length = 0
        if l0 < 0x80 {
            length = Int(l0)
        } else if l0 == 0x80 {
            guard constructed else {
                throw Self.fatal("der.length.indefinite-primitive", at: lengthAt, path: rawPath, "indefinite length on a primitive \(identifier)")
            }
            try deviation(.indefiniteLength, at: lengthAt, path: rawPath, "indefinite length on \(identifier)")
            indefinite = true
        } else if l0 == 0xff {
            throw Self.fatal("der.length.reserved", at: lengthAt, path: rawPath, "length octet 0xFF is reserved")
        } else {
            let n = Int(l0 & 0x7f)
            guard n <= limit - i else { throw truncated(i, "\(n) length octets announced, \(limit - i) left") }
            var v: UInt64 = 0
            var significant = 0
            var leadingZeros = 0
            for k in 0..<n {
                let x = b[i + k]
                if significant == 0 && x == 0 {
                    leadingZeros += 1
                    continue
                }
                significant += 1
                guard significant <= 7 else {
                    throw truncated(lengthAt, "a length of \(n) octets exceeds any input")
                }
                v = v << 8 | UInt64(x)
            }
            i += n
            if leadingZeros > 0 || v < 128 {
                try deviation(.nonMinimalLength, at: lengthAt, path: rawPath, "length \(v) in \(n) long-form octet(s)")
            }
            guard v <= UInt64(limit - i) else {
                throw truncated(i, "content of \(v) byte(s) announced, \(limit - i) left")
            }
            length = Int(v)
        }
        // Every definite length is checked against the bytes present before
        // anything is sliced or parsed inside it.
        guard length <= limit - i else {
            throw truncated(i, "content of \(length) byte(s) announced, \(limit - i) left")
        }
        let headerLength = i - start

        guard constructed else {
            let end = i + length
            return ASN1Node(identifier: identifier, encoded: b[start..<end], headerLength: headerLength, isIndefiniteLength: false, contentRange: i..<end, children: nil)
        }

        var children: [ASN1Node] = []
        var p = i
        if !indefinite {
            let end = i + length
            while p < end {
                stack.append(children.count)
                let c = try parseElement(b, at: p, limit: end, depth: depth + 1)
                stack.removeLast()
                children.append(c)
                p = c.endOffset
            }
            return ASN1Node(identifier: identifier, encoded: b[start..<end], headerLength: headerLength, isIndefiniteLength: false, contentRange: i..<end, children: children)
        }
        while true {
            guard limit - p >= 2 else { throw truncated(p, "end-of-contents of the element at \(start) missing") }
            if b[p] == 0 && b[p + 1] == 0 { break }
            stack.append(children.count)
            let c = try parseElement(b, at: p, limit: limit, depth: depth + 1)
            stack.removeLast()
            children.append(c)
            p = c.endOffset
        }
        return ASN1Node(identifier: identifier, encoded: b[start..<(p + 2)], headerLength: headerLength, isIndefiniteLength: true, contentRange: i..<p, children: children)
    }
}
