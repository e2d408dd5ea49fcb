import MediasecCore

/// A field path of the typed decode (`authEnvelopedData.recipientInfos[0].kekri`),
/// as an index into ``CMSDecodeContext``'s path table. The text is built
/// only when an error or a finding needs it, or when a caller asks for a
/// span by path (``DecodedContentInfo/span(of:)``).
struct FieldPath: Hashable {
    var id: Int32
    /// The empty path of the ContentInfo itself.
    static let root = FieldPath(id: 0)
}

/// One entry of the path table: `parent.name[index]` (name and index each
/// optional; a name right under the empty root has no leading dot).
struct PathEntry: Sendable {
    var parent: Int32
    var index: Int32
    var name: StaticString

    static let root = PathEntry(parent: -1, index: -1, name: "")
}

/// The field path and absolute byte range of one decoded element.
struct SpanRecord: Sendable {
    var path: Int32
    var lower: Int
    var upper: Int
}

/// The path table of a decode and its rendering.
struct PathTable: Sendable {
    var entries: [PathEntry] = [.root]

    init() {
        entries.reserveCapacity(48)
    }

    mutating func child(_ parent: FieldPath, _ name: StaticString) -> FieldPath {
        entries.append(PathEntry(parent: parent.id, index: -1, name: name))
        return FieldPath(id: Int32(truncatingIfNeeded: entries.count - 1))
    }

    mutating func element(_ parent: FieldPath, _ index: Int) -> FieldPath {
        entries.append(PathEntry(parent: parent.id, index: Int32(truncatingIfNeeded: index), name: ""))
        return FieldPath(id: Int32(truncatingIfNeeded: entries.count - 1))
    }

    func render(_ p: FieldPath) -> String {
        var chain: [Int32] = []
        var i = p.id
        while i > 0, Int(i) < entries.count {
            chain.append(i)
            i = entries[Int(i)].parent
        }
        var out = ""
        for k in chain.reversed() {
            let e = entries[Int(k)]
            if e.name.utf8CodeUnitCount > 0 {
                if !out.isEmpty { out += "." }
                out += e.name.description
            }
            if e.index >= 0 { out += "[\(e.index)]" }
        }
        return out
    }

    /// `render(p).field` (just `field` under the root).
    func render(_ p: FieldPath, _ field: String) -> String {
        let base = render(p)
        return base.isEmpty ? field : "\(base).\(field)"
    }

    /// Whether `render(p) == query`, without building the text.
    func matches(_ p: Int32, _ query: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = query.count
        var i = p
        while i > 0, Int(i) < entries.count {
            let e = entries[Int(i)]
            if e.index >= 0 {
                guard end > 0, query[end - 1] == UInt8(ascii: "]") else { return false }
                end -= 1
                var v = Int(e.index)
                repeat {
                    guard end > 0, query[end - 1] == UInt8(48 + v % 10) else { return false }
                    end -= 1
                    v /= 10
                } while v > 0
                guard end > 0, query[end - 1] == UInt8(ascii: "[") else { return false }
                end -= 1
            }
            let n = e.name.utf8CodeUnitCount
            if n > 0 {
                guard end >= n else { return false }
                let same = e.name.withUTF8Buffer { name in
                    for k in 0..<n where name[k] != query[end - n + k] { return false }
                    return true
                }
                guard same else { return false }
                end -= n
                if e.parent > 0 {
                    guard end > 0, query[end - 1] == UInt8(ascii: ".") else { return false }
                    end -= 1
                }
            }
            i = e.parent
        }
        return end == 0
    }
}

/// State threaded through one typed decode: the reader (rules, tolerated
/// deviations), the flat element tree of the input, the code points, the
/// path table and the byte range of every decoded field (in decoding
/// order: a list, because building and hashing every path would dominate
/// the decode).
struct CMSDecodeContext {
    var reader: ASN1Reader
    let codePoints: CMSCodePoints
    let bytes: [UInt8]
    let nodes: ASN1FlatTree
    var paths = PathTable()
    var spans: [SpanRecord] = []
    /// The authAttrs element as received (for the AAD).
    var authAttrsRange: Range<Int>? = nil

    init(reader: ASN1Reader, codePoints: CMSCodePoints, bytes: [UInt8], nodes: ASN1FlatTree) {
        self.reader = reader
        self.codePoints = codePoints
        self.bytes = bytes
        self.nodes = nodes
        spans.reserveCapacity(40)
    }

    // MARK: paths and spans

    mutating func path(_ parent: FieldPath, _ name: StaticString) -> FieldPath { paths.child(parent, name) }
    mutating func path(_ parent: FieldPath, index: Int) -> FieldPath { paths.element(parent, index) }
    func render(_ p: FieldPath) -> String { paths.render(p) }

    mutating func record(_ p: FieldPath, _ n: Int) {
        let e = nodes[n]
        spans.append(SpanRecord(path: p.id, lower: e.start, upper: e.end))
    }

    mutating func record(_ p: FieldPath, _ r: Range<Int>) {
        spans.append(SpanRecord(path: p.id, lower: r.lowerBound, upper: r.upperBound))
    }

    // MARK: elements

    /// The ``ASN1Node`` of element `n` (for the rare paths that reuse the
    /// node-based reader: the non-string universal values of attribute values).
    func node(_ n: Int) -> ASN1Node { ASN1Reader.node(nodes, n, in: bytes) }

    func encoded(_ n: Int) -> [UInt8] {
        let e = nodes[n]
        return copy(e.start, e.end)
    }

    /// `Array(bytes[lower..<upper])` (empty when out of range).
    @inline(__always)
    func copy(_ lower: Int, _ upper: Int) -> [UInt8] {
        guard lower < upper, lower >= 0, upper <= bytes.count else { return [] }
        return bytes.withUnsafeBufferPointer { b in Array(UnsafeBufferPointer(rebasing: b[lower..<upper])) }
    }

    mutating func deviation(_ d: DERDeviation, at offset: Int, _ p: FieldPath, _ message: @autoclosure () -> String) throws(DecodingError) {
        let text = render(p)
        try reader.deviation(d, at: offset, path: text, message())
    }

    func requireConstructed(_ n: Int, _ p: FieldPath, _ what: String) throws(DecodingError) {
        guard nodes[n].isConstructed else {
            throw ASN1Reader.fatal("der.form.constructed-required", at: nodes[n].start, path: render(p), "\(what) must use the constructed form")
        }
    }

    // MARK: typed values (X.690 §8)

    mutating func oid(_ n: Int, _ p: FieldPath) throws(DecodingError) -> String {
        record(p, n)
        let e = nodes[n]
        if !e.isConstructed, e.contentEnd > e.contentStart, let known = CMSOID.knownEncoding(bytes, e.contentStart, e.contentEnd) {
            return known
        }
        let node = node(n)
        let text = render(p)
        return try reader.decodeOID(node, path: text)
    }

    mutating func smallInt(_ n: Int, _ p: FieldPath) throws(DecodingError) -> Int {
        record(p, n)
        let e = nodes[n]
        if e.isConstructed {
            throw ASN1Reader.fatal("der.form.primitive-required", at: e.start, path: render(p), "INTEGER must use the primitive form")
        }
        var s = e.contentStart
        let end = e.contentEnd
        guard s < end else { throw ASN1Reader.fatal("der.integer.empty", at: e.start, path: render(p), "INTEGER without content") }
        let first = bytes[s]
        if end - s >= 2 {
            let second = bytes[s + 1]
            if (first == 0x00 && second & 0x80 == 0) || (first == 0xff && second & 0x80 != 0) {
                try deviation(.nonMinimalInteger, at: s, p, "INTEGER with a redundant leading 0x\(first == 0 ? "00" : "FF") (invalid in BER too)")
            }
        }
        // The minimal form (ASN1Integer's normalization), then its value.
        while end - s > 1, (bytes[s] == 0x00 && bytes[s + 1] & 0x80 == 0) || (bytes[s] == 0xff && bytes[s + 1] & 0x80 != 0) {
            s += 1
        }
        guard end - s <= 8 else {
            throw ASN1Reader.fatal("der.integer.range", at: e.start, path: render(p), "INTEGER of \(end - s) octets does not fit this field")
        }
        var v: Int = bytes[s] & 0x80 != 0 ? -1 : 0
        for k in s..<end { v = v << 8 | Int(bytes[k]) }
        return v
    }

    mutating func octets(_ n: Int, _ p: FieldPath) throws(DecodingError) -> [UInt8] {
        record(p, n)
        return try octetString(n, p)
    }

    /// OCTET STRING content, whatever the tag; a BER constructed string is
    /// reassembled from the flat tree (after its deviation).
    mutating func octetString(_ n: Int, _ p: FieldPath) throws(DecodingError) -> [UInt8] {
        let e = nodes[n]
        guard e.isConstructed else { return copy(e.contentStart, e.contentEnd) }
        return try segmentedString(n, render(p), segmentTag: 4, what: "OCTET STRING")
    }

    /// The content octets of constructed string `n` (X.690 §8.7.3, §8.21.6,
    /// ``ASN1Reader/decodeString(_:path:segmentTag:what:)`` on the flat
    /// tree): every descendant, in pre-order, must be a universal
    /// `segmentTag`; the primitive ones are concatenated. One pass over the
    /// descendants to size the output (bounded by the input), one to copy:
    /// no node objects, linear time and memory whatever the segmentation.
    mutating func segmentedString(_ n: Int, _ path: String, segmentTag: UInt32, what: @autoclosure () -> String) throws(DecodingError) -> [UInt8] {
        let e = nodes[n]
        try reader.deviation(.constructedString, at: e.start, path: path, "constructed \(what()) of \(e.childCount) segment(s)")
        let stop = min(Int(e.next), nodes.count)
        var total = 0
        var k = n + 1
        while k < stop {
            let s = nodes[k]
            guard s.tagNumber == segmentTag, s.flags & 3 == 0 else {
                throw ASN1Reader.fatal("der.string.segment", at: s.start, path: segmentPath(path, n, k),
                                       "segment is \(s.identifier), expected universal tag \(segmentTag)")
            }
            if !s.isConstructed { total += s.end - s.contentStart }
            k += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(total)
        bytes.withUnsafeBufferPointer { b in
            for k in (n + 1)..<max(n + 1, stop) where nodes[k].flags & 4 == 0 {
                let s = nodes[k]
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[s.contentStart..<s.end]))
            }
        }
        return out
    }

    /// `path.segment[i].segment[j]…` of descendant `k` of `n` (built for an error only).
    func segmentPath(_ path: String, _ n: Int, _ k: Int) -> String {
        var out = path
        var cur = n
        while cur != k {
            var c = cur + 1
            var position = 0
            let count = Int(nodes[cur].childCount)
            while position < count, c < nodes.count, Int(nodes[c].next) <= k {
                c = Int(nodes[c].next)
                position += 1
            }
            guard position < count, c < nodes.count, c <= k else { break }
            out += ".segment[\(position)]"
            cur = c
        }
        return out
    }

    /// A time type (``ASN1Reader/decodeTime(_:path:)`` on the flat tree).
    mutating func time(_ n: Int, _ p: FieldPath) throws(DecodingError) -> String {
        let e = nodes[n]
        let text = render(p)
        let chars: [UInt8]
        if e.isConstructed {
            chars = try segmentedString(n, text, segmentTag: e.tagNumber, what: "\(e.identifier)")
        } else {
            chars = Array(bytes[e.contentStart..<e.contentEnd])
        }
        if let i = chars.firstIndex(where: { $0 < 0x20 || $0 > 0x7e }) {
            throw ASN1Reader.fatal("der.time.charset", at: e.contentStart + (e.isConstructed ? 0 : i), path: text,
                                   "\(e.identifier) holds octet 0x\(Hex.encode([chars[i]])), outside VisibleString")
        }
        return String(decoding: chars, as: UTF8.self)
    }

    mutating func checkValueForms(_ n: Int, _ p: FieldPath) throws(DecodingError) {
        try checkValueForms(n, path: render(p))
    }

    /// ``ASN1Reader/checkValueForms(_:path:)`` on the flat tree: strings
    /// are reassembled from it, other universal values read from a
    /// one-element node; recursion bounded by the parse's depth limit.
    mutating func checkValueForms(_ n: Int, path: String) throws(DecodingError) {
        let e = nodes[n]
        if e.flags & 3 == 0 {
            switch e.tagNumber {
            case 4, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30:
                if e.isConstructed {
                    _ = try segmentedString(n, path, segmentTag: e.tagNumber, what: e.tagNumber == 4 ? "OCTET STRING" : "\(e.identifier)")
                }
                return
            case 1, 2, 3, 5, 6:
                try reader.checkValueForms(node(n), path: path)
                return
            default: break
            }
        }
        guard e.isConstructed else { return }
        var c = n + 1
        for i in 0..<Int(e.childCount) {
            guard c < nodes.count else { return }
            let next = Int(nodes[c].next)
            try checkValueForms(c, path: "\(path)[\(i)]")
            c = next
        }
    }

    /// The DER SET OF order (X.690 §11.6) of `n`'s elements; reports the
    /// first out-of-order one.
    mutating func checkSetOfOrder(_ n: Int, _ p: FieldPath) throws(DecodingError) {
        let count = Int(nodes[n].childCount)
        guard count > 1 else { return }
        var prev = n + 1
        for k in 1..<count {
            let cur = Int(nodes[prev].next)
            let a = nodes[prev], b = nodes[cur]
            if !ASN1Reader.setOfOrdered(bytes[a.start..<a.end], bytes[b.start..<b.end]) {
                let text = "\(render(p))[\(k)]"
                try reader.deviation(.unsortedSetOf, at: b.start, path: text, "element \(k) sorts before element \(k - 1)")
                return
            }
            prev = cur
        }
    }
}

/// Walks the components of one constructed element in order, the way
/// swift-asn1's sequence builder does (STYLE.md §2): each component is
/// taken with its expected tag, and ``finish(_:)`` fails on leftovers.
/// Elements are indices into the context's flat tree.
struct ElementCursor {
    let node: Int
    /// Number of components and how many were taken.
    let count: Int
    var index = 0
    /// The flat index of the next component.
    var child: Int
    let path: FieldPath
    let specRef: String

    /// `what` names the production for error messages (`AuthEnvelopedData`).
    init(_ node: Int, _ ctx: CMSDecodeContext, path: FieldPath, specRef: String, what: @autoclosure () -> String) throws(DecodingError) {
        let e = ctx.nodes[node]
        guard e.isConstructed else {
            throw DecodingError(code: "der.form.constructed-required", offset: e.start, path: ctx.render(path), specRef: "X.690 §8.9.1",
                                message: "\(what()) must be a constructed encoding, found primitive \(e.identifier)")
        }
        self.node = node
        self.count = Int(e.childCount)
        self.child = node + 1
        self.path = path
        self.specRef = specRef
    }

    /// For a SEQUENCE: checks the universal SEQUENCE tag first.
    static func sequence(_ node: Int, _ ctx: CMSDecodeContext, path: FieldPath, specRef: String, what: @autoclosure () -> String) throws(DecodingError) -> ElementCursor {
        let e = ctx.nodes[node]
        guard e.hasTag(of: .sequence) else {
            throw DecodingError(code: "cms.structure.unexpected-tag", offset: e.start, path: ctx.render(path), specRef: specRef,
                                message: "\(what()) must be a SEQUENCE, found \(e.identifier)")
        }
        return try ElementCursor(node, ctx, path: path, specRef: specRef, what: what())
    }

    var isAtEnd: Bool { index >= count }
    @inline(__always) func peek() -> Int? { index < count ? child : nil }

    /// The next component, whatever its tag.
    @inline(__always)
    mutating func next(_ field: String, _ ctx: CMSDecodeContext) throws(DecodingError) -> Int {
        guard index < count else { throw missing(field, ctx) }
        let n = child
        index += 1
        child = Int(ctx.nodes[n].next)
        return n
    }

    /// The next component, which must carry `tag` (form not compared).
    @inline(__always)
    mutating func next(_ field: String, _ tag: ASN1Identifier, _ ctx: CMSDecodeContext) throws(DecodingError) -> Int {
        guard index < count else { throw missing(field, ctx) }
        let n = child
        let e = ctx.nodes[n]
        guard e.hasTag(of: tag) else { throw unexpected(field, tag, n, ctx) }
        index += 1
        child = Int(e.next)
        return n
    }

    @inline(never)
    func missing(_ field: String, _ ctx: CMSDecodeContext) -> DecodingError {
        DecodingError(code: "cms.structure.missing", offset: ctx.nodes[node].contentEnd, path: ctx.paths.render(path, field), specRef: specRef,
                      message: "\(field) is missing")
    }

    @inline(never)
    func unexpected(_ field: String, _ tag: ASN1Identifier, _ n: Int, _ ctx: CMSDecodeContext) -> DecodingError {
        let e = ctx.nodes[n]
        return DecodingError(code: "cms.structure.unexpected-tag", offset: e.start, path: ctx.paths.render(path, field), specRef: specRef,
                             message: "\(field) expected \(tag), found \(e.identifier)")
    }

    /// The next component if it carries `tag`.
    @inline(__always)
    mutating func optional(_ tag: ASN1Identifier, _ ctx: CMSDecodeContext) -> Int? {
        guard index < count, ctx.nodes[child].hasTag(of: tag) else { return nil }
        let n = child
        index += 1
        child = Int(ctx.nodes[n].next)
        return n
    }

    @inline(__always)
    func finish(_ ctx: CMSDecodeContext) throws(DecodingError) {
        if index < count { throw extra(ctx) }
    }

    @inline(never)
    func extra(_ ctx: CMSDecodeContext) -> DecodingError {
        let e = ctx.nodes[child]
        return DecodingError(code: "cms.structure.extra-element", offset: e.start, path: ctx.render(path), specRef: specRef,
                             message: "unexpected \(e.identifier) after the last component")
    }
}
