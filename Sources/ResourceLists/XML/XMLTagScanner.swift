/// Finds the byte offset of every start tag and of every attribute name in
/// a document that libxml2 has already accepted as well-formed.
///
/// libxml2 keeps no columns or byte offsets on tree nodes, so positions come
/// from this scanner instead. It relies on well-formedness: `<` never occurs
/// inside an attribute value or character data (it is `&lt;` there), and
/// without a DOCTYPE no entity can contribute markup, so the n-th start tag
/// in the bytes is the n-th element of a pre-order walk of the tree. The
/// decoder checks every tag's qualified name against the tree and drops the
/// positions (never reports wrong ones) if they ever disagree.
struct XMLTagScanner {
    struct Tag: Equatable {
        var offset: Int
        var qualifiedName: String
        /// Attribute qualified names and the offsets of their names;
        /// namespace declarations (`xmlns`, `xmlns:*`) are not listed.
        var attributes: [(name: String, offset: Int)]

        static func == (a: Tag, b: Tag) -> Bool {
            a.offset == b.offset && a.qualifiedName == b.qualifiedName
                && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.offset) == b.attributes.map(\.offset)
        }
    }

    private static let piEnd: [UInt8] = Array("?>".utf8)
    private static let commentEnd: [UInt8] = Array("-->".utf8)
    private static let cdataEnd: [UInt8] = Array("]]>".utf8)

    static func startTags(in b: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        func skip(past terminator: [UInt8]) {
            while i < b.count {
                if b[i] == terminator[0], i + terminator.count <= b.count, b[i..<(i + terminator.count)].elementsEqual(terminator) {
                    i += terminator.count
                    return
                }
                i += 1
            }
        }
        func hasPrefix(_ p: StaticString) -> Bool {
            let n = p.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            return p.withUTF8Buffer { b[i..<(i + n)].elementsEqual($0) }
        }
        while i < b.count {
            guard b[i] == 0x3C else { i += 1; continue }
            if hasPrefix("<?") { skip(past: Self.piEnd); continue }
            if hasPrefix("<!--") { skip(past: Self.commentEnd); continue }
            if hasPrefix("<![CDATA[") { skip(past: Self.cdataEnd); continue }
            if hasPrefix("<!") || hasPrefix("</") { skip(past: [0x3E]); continue }
            // Start tag.
            let start = i
            i += 1
            let nameStart = i
            while i < b.count, !XMLChars.isSpace(b[i]), b[i] != 0x2F, b[i] != 0x3E { i += 1 }
            var tag = Tag(offset: start, qualifiedName: String(decoding: b[nameStart..<i], as: UTF8.self), attributes: [])
            while i < b.count {
                while i < b.count, XMLChars.isSpace(b[i]) { i += 1 }
                guard i < b.count, b[i] != 0x2F, b[i] != 0x3E else { break }
                let attrStart = i
                while i < b.count, !XMLChars.isSpace(b[i]), b[i] != 0x3D { i += 1 }
                let name = String(decoding: b[attrStart..<i], as: UTF8.self)
                while i < b.count, b[i] != 0x22, b[i] != 0x27 { i += 1 }
                guard i < b.count else { break }
                let quote = b[i]
                i += 1
                while i < b.count, b[i] != quote { i += 1 }
                i += 1
                if name != "xmlns", !name.hasPrefix("xmlns:") { tag.attributes.append((name, attrStart)) }
            }
            while i < b.count, b[i] != 0x3E { i += 1 }
            i += 1
            tags.append(tag)
        }
        return tags
    }
}
