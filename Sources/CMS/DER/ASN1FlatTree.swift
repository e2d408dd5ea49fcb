import MediasecCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One element of the flat BER/DER tree the parser builds (the compact form
/// of ``ASN1Node``): absolute offsets into the input, no copy of any byte
/// and no array per node. Elements are stored in pre-order, so an element's
/// first child (when it has one) is the next entry and its next sibling is
/// at ``next``. 40 bytes a node: the tree of an input of n bytes stays below
/// 20·n bytes whatever its shape (an element takes at least 2 octets).
struct ASN1FlatNode {
    /// Offset of the first identifier octet.
    var start: Int
    /// First content octet (= start + header length).
    var contentStart: Int
    /// End of the element (after the end-of-contents octets of the indefinite form).
    var end: Int
    var tagNumber: UInt32
    /// Index of the next sibling (= one past the last descendant).
    var next: Int32
    var childCount: Int32
    /// Bits 0–1: tag class; bit 2: constructed; bit 3: indefinite length.
    var flags: UInt8

    /// End of the content octets (before any end-of-contents octets).
    @inline(__always) var contentEnd: Int { flags & 8 != 0 ? end - 2 : end }
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

/// A growable buffer of plain values owned by one parse (no copy-on-write
/// checks on append). Grown with `realloc`, so that a large tree is
/// extended in place (no second copy, no doubled peak); handed to
/// ``ASN1FlatTree`` without a copy, or freed with ``free()``.
struct ParseBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        let c = max(capacity, 4)
        guard let raw = malloc(c * MemoryLayout<Element>.stride) else { fatalError("out of memory") }
        base = raw.bindMemory(to: Element.self, capacity: c)
        self.capacity = c
    }

    @inline(__always) mutating func append(_ e: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: e)
        count += 1
    }

    private mutating func grow() {
        let c = capacity * 2
        guard let raw = realloc(UnsafeMutableRawPointer(base), c * MemoryLayout<Element>.stride) else { fatalError("out of memory") }
        base = raw.bindMemory(to: Element.self, capacity: c)
        capacity = c
    }

    @inline(__always) mutating func removeLast() { count -= 1 }
    @inline(__always) var isEmpty: Bool { count == 0 }

    /// Element `i` in place (callers keep `i < count`).
    @inline(__always) subscript(i: Int) -> Element {
        unsafeAddress { UnsafePointer(base + i) }
        nonmutating unsafeMutableAddress { base + i }
    }

    func free() { releaseParseMemory(base) }
}

@inline(__always) private func releaseParseMemory<T>(_ p: UnsafeMutablePointer<T>) {
    free(UnsafeMutableRawPointer(p))
}

/// The flat element tree of one input (``ASN1FlatNode``s in pre-order),
/// owning the parse's buffer. Immutable once built.
final class ASN1FlatTree: @unchecked Sendable {
    private let base: UnsafeMutablePointer<ASN1FlatNode>
    let count: Int

    fileprivate init(adopting buffer: ParseBuffer<ASN1FlatNode>) {
        base = buffer.base
        count = buffer.count
    }

    deinit { releaseParseMemory(base) }

    var isEmpty: Bool { count == 0 }

    /// Element `i`; an index outside the tree is a programming error (as for an Array).
    @inline(__always) subscript(i: Int) -> ASN1FlatNode {
        precondition(i >= 0 && i < count, "flat tree index out of range")
        return base[i]
    }
}

/// One open constructed element of the iterative parse.
private struct FlatFrame {
    /// Its index in the node list.
    var index: Int
    /// Where its children must end: the content end of the definite form,
    /// the enclosing limit of the indefinite form.
    var limit: Int
    var start: Int
    /// Children parsed so far.
    var count: Int32
    /// Its position among its own siblings (for `tlv[i][j]…`).
    var position: Int32
    var indefinite: Bool
}

extension ASN1Reader {
    /// Parses exactly one element covering `bytes` into the flat tree
    /// (``ASN1FlatNode``s in pre-order); the same checks, deviations and
    /// errors as ``parse(_:)``, which is this plus the conversion to nodes.
    /// Iterative (an explicit stack bounded by the depth limit); every node
    /// is written once, its container fields completed when it closes.
    mutating func parseFlat(_ bytes: [UInt8]) throws(DecodingError) -> ASN1FlatTree {
        guard !bytes.isEmpty else { throw Self.fatal("der.truncated", at: 0, path: "tlv", "empty input") }
        // A small fixed start, never derived from a length field; doubled as needed.
        var buffer = ParseBuffer<ASN1FlatNode>(capacity: min(bytes.count / 2 + 1, 64))
        do {
            try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(DecodingError) in
                try parseFlatTree(b, into: &buffer)
            }
        } catch {
            buffer.free()
            throw error
        }
        let nodes = ASN1FlatTree(adopting: buffer)
        let end = nodes[0].end
        if end < bytes.count {
            try deviation(.trailingData, at: end, path: "tlv", "\(bytes.count - end) byte(s) after the outermost element")
        }
        return nodes
    }

    /// `tlv[i][j]…` of the frames below the outermost one, then `last`.
    private static func rawPath(_ stack: ParseBuffer<FlatFrame>, upTo k: Int, then last: Int32?) -> String {
        var out = "tlv"
        if k >= 1 {
            for j in 1...k { out += "[\(stack[j].position)]" }
        }
        if let last { out += "[\(last)]" }
        return out
    }

    /// The raw path of the element being parsed (index `me`, `position` among its siblings).
    private static func elementPath(_ stack: ParseBuffer<FlatFrame>, _ me: Int, _ position: Int32) -> String {
        me == 0 ? "tlv" : rawPath(stack, upTo: stack.count - 1, then: position)
    }

    private mutating func parseFlatTree(_ b: UnsafeBufferPointer<UInt8>, into nodes: inout ParseBuffer<ASN1FlatNode>) throws(DecodingError) {
        var stack = ParseBuffer<FlatFrame>(capacity: 16)
        defer { stack.free() }
        let maxDepth = rules.limits.maxDepth
        let maxNodes = rules.limits.maxNodes
        var p = 0
        while true {
            // Close finished containers; find the limit of the next element.
            var limit = b.count
            if stack.count > 0 {
                let top = stack[stack.count - 1]
                if top.indefinite {
                    guard top.limit - p >= 2 else {
                        throw Self.fatal("der.truncated", at: p, path: Self.rawPath(stack, upTo: stack.count - 1, then: nil),
                                         "end-of-contents of the element at \(top.start) missing")
                    }
                    if b[p] == 0 && b[p + 1] == 0 {
                        p += 2
                        nodes[top.index].end = p
                        nodes[top.index].childCount = top.count
                        nodes[top.index].next = Int32(truncatingIfNeeded: nodes.count)
                        stack.removeLast()
                        continue
                    }
                } else if p >= top.limit {
                    nodes[top.index].childCount = top.count
                    nodes[top.index].next = Int32(truncatingIfNeeded: nodes.count)
                    stack.removeLast()
                    continue
                }
                limit = top.limit
            } else if !nodes.isEmpty {
                return
            }

            // One element at p.
            let start = p
            let me = nodes.count
            let position: Int32 = stack.count > 0 ? stack[stack.count - 1].count : 0
            let depth = stack.count + 1
            guard depth <= maxDepth else {
                throw Self.fatal("der.limit.depth", at: start, path: Self.elementPath(stack, me, position), "nesting deeper than \(maxDepth)")
            }
            guard me + 1 <= maxNodes else {
                throw Self.fatal("der.limit.nodes", at: start, path: Self.elementPath(stack, me, position), "more than \(maxNodes) elements")
            }
            var i = start
            guard i < limit else { throw Self.fatal("der.truncated", at: i, path: Self.elementPath(stack, me, position), "identifier octet missing") }

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
                    guard i < limit else { throw Self.fatal("der.truncated", at: i, path: Self.elementPath(stack, me, position), "tag number octets end early") }
                    let t = b[i]
                    if first && t == 0x80 {
                        try deviation(.nonMinimalTag, at: i, path: Self.elementPath(stack, me, position), "tag number octets start with 0x80 (invalid in BER too)")
                    }
                    first = false
                    i += 1
                    value = value << 7 | UInt64(t & 0x7f)
                    guard value <= UInt64(UInt32.max) else {
                        throw Self.fatal("der.tag.overflow", at: start, path: Self.elementPath(stack, me, position), "tag number above 2^32 - 1")
                    }
                    if t & 0x80 == 0 { break }
                }
                if value < 31 {
                    try deviation(.nonMinimalTag, at: start, path: Self.elementPath(stack, me, position), "tag \(value) in the high-tag-number form")
                }
                tag = UInt32(value)
            }
            if classBits == 0 && tag == 0 {
                if b0 == 0, i < limit, b[i] == 0 {
                    throw Self.fatal("der.eoc.unexpected", at: start, path: Self.elementPath(stack, me, position), "end-of-contents outside an indefinite-length element")
                }
                throw Self.fatal("der.eoc.malformed", at: start, path: Self.elementPath(stack, me, position), "universal tag 0 is reserved for the end-of-contents octets 00 00")
            }
            var flags = classBits | (constructed ? 4 : 0)
            func identifier() -> ASN1Identifier {
                ASN1Identifier(ASN1Identifier.TagClass(rawValue: classBits) ?? .universal, tag, constructed: constructed)
            }

            // Length (X.690 §8.1.3).
            guard i < limit else { throw Self.fatal("der.truncated", at: i, path: Self.elementPath(stack, me, position), "length octet missing") }
            let lengthAt = i
            let l0 = b[i]
            i += 1
            var indefinite = false
            var length = 0
            if l0 < 0x80 {
                length = Int(l0)
            } else if l0 == 0x80 {
                guard constructed else {
                    throw Self.fatal("der.length.indefinite-primitive", at: lengthAt, path: Self.elementPath(stack, me, position), "indefinite length on a primitive \(identifier())")
                }
                try deviation(.indefiniteLength, at: lengthAt, path: Self.elementPath(stack, me, position), "indefinite length on \(identifier())")
                indefinite = true
                flags |= 8
            } else if l0 == 0xff {
                throw Self.fatal("der.length.reserved", at: lengthAt, path: Self.elementPath(stack, me, position), "length octet 0xFF is reserved")
            } else {
                let n = Int(l0 & 0x7f)
                guard n <= limit - i else {
                    throw Self.fatal("der.truncated", at: i, path: Self.elementPath(stack, me, position), "\(n) length octets announced, \(limit - i) left")
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
                        throw Self.fatal("der.truncated", at: lengthAt, path: Self.elementPath(stack, me, position), "a length of \(n) octets exceeds any input")
                    }
                    v = v << 8 | UInt64(x)
                }
                i += n
                if leadingZeros > 0 || v < 128 {
                    try deviation(.nonMinimalLength, at: lengthAt, path: Self.elementPath(stack, me, position), "length \(v) in \(n) long-form octet(s)")
                }
                guard v <= UInt64(limit - i) else {
                    throw Self.fatal("der.truncated", at: i, path: Self.elementPath(stack, me, position), "content of \(v) byte(s) announced, \(limit - i) left")
                }
                length = Int(v)
            }
            // Every definite length is checked against the bytes present before
            // anything is parsed inside it.
            guard length <= limit - i else {
                throw Self.fatal("der.truncated", at: i, path: Self.elementPath(stack, me, position), "content of \(length) byte(s) announced, \(limit - i) left")
            }
            if !stack.isEmpty { stack[stack.count - 1].count = position &+ 1 }
            // Written once; a constructed element's next, childCount (and the
            // end of the indefinite form) are completed when it closes.
            let end = indefinite ? i : i + length
            nodes.append(ASN1FlatNode(start: start, contentStart: i, end: end, tagNumber: tag,
                                      next: Int32(truncatingIfNeeded: me + 1), childCount: 0, flags: flags))
            if constructed {
                stack.append(FlatFrame(index: me, limit: indefinite ? limit : end, start: start, count: 0, position: position, indefinite: indefinite))
                p = i
            } else {
                p = end
            }
        }
    }

    /// The ``ASN1Node`` tree of flat element `index` (recursion bounded by
    /// the parse's depth limit).
    static func node(_ nodes: ASN1FlatTree, _ index: Int, in bytes: [UInt8]) -> ASN1Node {
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
