import MediasecCore

/// One element of the flat BER/DER tree the parser builds (the compact form
/// of ``ASN1Node``): absolute offsets into the input, no copy of any byte
/// and no array per node. Elements are stored in pre-order, so an element's
/// first child (when it has one) is the next entry and its next sibling is
/// at ``next``.
struct ASN1FlatNode {
    /// Offset of the first identifier octet.
    var start: Int
    /// First content octet (= start + header length).
    var contentStart: Int
    /// End of the content octets (before any end-of-contents octets).
    var contentEnd: Int
    /// End of the element (after the end-of-contents octets of the indefinite form).
    var end: Int
    var tagNumber: UInt32
    /// Bits 0–1: tag class; bit 2: constructed; bit 3: indefinite length.
    var flags: UInt8
    /// Index of the next sibling (= one past the last descendant).
    var next: Int32
    var childCount: Int32
    /// Index of the parent (-1 for the outermost element) and the position
    /// among its siblings: the raw path `tlv[i][j]…` of an error, built only
    /// when one is raised.
    var parent: Int32
    var position: Int32

    var isConstructed: Bool { flags & 4 != 0 }
    var isIndefiniteLength: Bool { flags & 8 != 0 }
    var tagClass: ASN1Identifier.TagClass { ASN1Identifier.TagClass(rawValue: flags & 3) ?? .universal }
    var identifier: ASN1Identifier { ASN1Identifier(tagClass, tagNumber, constructed: isConstructed) }
    var range: Range<Int> { start..<end }
    var contentRange: Range<Int> { contentStart..<contentEnd }

    /// Same class and number as `id` (form not compared): ``ASN1Identifier/hasTag(of:)``.
    @inline(__always) func hasTag(of id: ASN1Identifier) -> Bool {
        tagNumber == id.tagNumber && flags & 3 == id.tagClass.rawValue
    }
}

extension ASN1Reader {
    /// Parses exactly one element covering `bytes` into the flat tree
    /// (``ASN1FlatNode``s in pre-order); the same checks, deviations and
    /// errors as ``parse(_:)``, which is this plus the conversion to nodes.
    mutating func parseFlat(_ bytes: [UInt8]) throws(DecodingError) -> [ASN1FlatNode] {
        guard !bytes.isEmpty else { throw Self.fatal("der.truncated", at: 0, path: "tlv", "empty input") }
        var nodes: [ASN1FlatNode] = []
        // A small fixed reserve, never derived from a length field.
        nodes.reserveCapacity(min(bytes.count / 2 + 1, 48))
        try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(DecodingError) in
            try parseFlatElement(b, at: 0, limit: b.count, depth: 1, parent: -1, position: 0, into: &nodes)
        }
        let end = nodes[0].end
        if end < bytes.count {
            try deviation(.trailingData, at: end, path: "tlv", "\(bytes.count - end) byte(s) after the outermost element")
        }
        return nodes
    }

    /// `tlv[i][j]…` of element `index` (its chain of sibling positions).
    static func rawPath(_ nodes: [ASN1FlatNode], _ index: Int) -> String {
        var positions: [Int32] = []
        var i = index
        while i > 0 {
            positions.append(nodes[i].position)
            let p = Int(nodes[i].parent)
            guard p >= 0, p < i else { break }
            i = p
        }
        return "tlv" + positions.reversed().map { "[\($0)]" }.joined()
    }

    private mutating func parseFlatElement(
        _ b: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, depth: Int, parent: Int32, position: Int32,
        into nodes: inout [ASN1FlatNode]
    ) throws(DecodingError) {
        let me = nodes.count
        nodes.append(ASN1FlatNode(start: start, contentStart: start, contentEnd: start, end: start, tagNumber: 0, flags: 0,
                                  next: Int32(truncatingIfNeeded: me + 1), childCount: 0, parent: parent, position: position))
        guard depth <= rules.limits.maxDepth else {
            throw Self.fatal("der.limit.depth", at: start, path: Self.rawPath(nodes, me), "nesting deeper than \(rules.limits.maxDepth)")
        }
        guard nodes.count <= rules.limits.maxNodes else {
            throw Self.fatal("der.limit.nodes", at: start, path: Self.rawPath(nodes, me), "more than \(rules.limits.maxNodes) elements")
        }
        var i = start
        guard i < limit else { throw Self.fatal("der.truncated", at: i, path: Self.rawPath(nodes, me), "identifier octet missing") }

        // Identifier (X.690 §8.1.2).
        let b0 = b[i]
        i += 1
        let classBits = b0 >> 6
        let constructed = b0 & 0x20 != 0
        var tag = UInt32(b0 & 0x1f)
        if tag == 0x1f {
            var value: UInt64 = 0
            var first = true
            while true {
                guard i < limit else { throw Self.fatal("der.truncated", at: i, path: Self.rawPath(nodes, me), "tag number octets end early") }
                let t = b[i]
                if first && t == 0x80 {
                    try deviation(.nonMinimalTag, at: i, path: Self.rawPath(nodes, me), "tag number octets start with 0x80 (invalid in BER too)")
                }
                first = false
                i += 1
                value = value << 7 | UInt64(t & 0x7f)
                guard value <= UInt64(UInt32.max) else {
                    throw Self.fatal("der.tag.overflow", at: start, path: Self.rawPath(nodes, me), "tag number above 2^32 - 1")
                }
                if t & 0x80 == 0 { break }
            }
            if value < 31 {
                try deviation(.nonMinimalTag, at: start, path: Self.rawPath(nodes, me), "tag \(value) in the high-tag-number form")
            }
            tag = UInt32(value)
        }
        if classBits == 0 && tag == 0 {
            if b0 == 0, i < limit, b[i] == 0 {
                throw Self.fatal("der.eoc.unexpected", at: start, path: Self.rawPath(nodes, me), "end-of-contents outside an indefinite-length element")
            }
            throw Self.fatal("der.eoc.malformed", at: start, path: Self.rawPath(nodes, me), "universal tag 0 is reserved for the end-of-contents octets 00 00")
        }
        var flags = classBits | (constructed ? 4 : 0)
        func identifier() -> ASN1Identifier {
            ASN1Identifier(ASN1Identifier.TagClass(rawValue: classBits) ?? .universal, tag, constructed: constructed)
        }

        // Length (X.690 §8.1.3).
        guard i < limit else { throw Self.fatal("der.truncated", at: i, path: Self.rawPath(nodes, me), "length octet missing") }
        let lengthAt = i
        let l0 = b[i]
        i += 1
        var indefinite = false
        var length = 0
        if l0 < 0x80 {
            length = Int(l0)
        } else if l0 == 0x80 {
            guard constructed else {
                throw Self.fatal("der.length.indefinite-primitive", at: lengthAt, path: Self.rawPath(nodes, me), "indefinite length on a primitive \(identifier())")
            }
            try deviation(.indefiniteLength, at: lengthAt, path: Self.rawPath(nodes, me), "indefinite length on \(identifier())")
            indefinite = true
            flags |= 8
        } else if l0 == 0xff {
            throw Self.fatal("der.length.reserved", at: lengthAt, path: Self.rawPath(nodes, me), "length octet 0xFF is reserved")
        } else {
            let n = Int(l0 & 0x7f)
            guard n <= limit - i else {
                throw Self.fatal("der.truncated", at: i, path: Self.rawPath(nodes, me), "\(n) length octets announced, \(limit - i) left")
            }
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
                    throw Self.fatal("der.truncated", at: lengthAt, path: Self.rawPath(nodes, me), "a length of \(n) octets exceeds any input")
                }
                v = v << 8 | UInt64(x)
            }
            i += n
            if leadingZeros > 0 || v < 128 {
                try deviation(.nonMinimalLength, at: lengthAt, path: Self.rawPath(nodes, me), "length \(v) in \(n) long-form octet(s)")
            }
            guard v <= UInt64(limit - i) else {
                throw Self.fatal("der.truncated", at: i, path: Self.rawPath(nodes, me), "content of \(v) byte(s) announced, \(limit - i) left")
            }
            length = Int(v)
        }
        // Every definite length is checked against the bytes present before
        // anything is parsed inside it.
        guard length <= limit - i else {
            throw Self.fatal("der.truncated", at: i, path: Self.rawPath(nodes, me), "content of \(length) byte(s) announced, \(limit - i) left")
        }
        nodes[me].tagNumber = tag
        nodes[me].flags = flags
        nodes[me].contentStart = i

        guard constructed else {
            nodes[me].contentEnd = i + length
            nodes[me].end = i + length
            return
        }

        var count: Int32 = 0
        var p = i
        if !indefinite {
            let end = i + length
            while p < end {
                let child = nodes.count
                try parseFlatElement(b, at: p, limit: end, depth: depth + 1, parent: Int32(truncatingIfNeeded: me), position: count, into: &nodes)
                count += 1
                p = nodes[child].end
            }
            nodes[me].contentEnd = end
            nodes[me].end = end
        } else {
            while true {
                guard limit - p >= 2 else {
                    throw Self.fatal("der.truncated", at: p, path: Self.rawPath(nodes, me), "end-of-contents of the element at \(start) missing")
                }
                if b[p] == 0 && b[p + 1] == 0 { break }
                let child = nodes.count
                try parseFlatElement(b, at: p, limit: limit, depth: depth + 1, parent: Int32(truncatingIfNeeded: me), position: count, into: &nodes)
                count += 1
                p = nodes[child].end
            }
            nodes[me].contentEnd = p
            nodes[me].end = p + 2
        }
        nodes[me].childCount = count
        nodes[me].next = Int32(truncatingIfNeeded: nodes.count)
    }

    /// The ``ASN1Node`` tree of flat element `index` (recursion bounded by
    /// the parse's depth limit).
    static func node(_ nodes: [ASN1FlatNode], _ index: Int, in bytes: [UInt8]) -> ASN1Node {
        let n = nodes[index]
        var children: [ASN1Node]? = nil
        if n.isConstructed {
            var kids: [ASN1Node] = []
            kids.reserveCapacity(Int(n.childCount))
            var c = index + 1
            for _ in 0..<Int(n.childCount) {
                kids.append(node(nodes, c, in: bytes))
                c = Int(nodes[c].next)
            }
            children = kids
        }
        return ASN1Node(identifier: n.identifier, encoded: bytes[n.start..<n.end], headerLength: n.contentStart - n.start,
                        isIndefiniteLength: n.isIndefiniteLength, contentRange: n.contentRange, children: children)
    }
}
