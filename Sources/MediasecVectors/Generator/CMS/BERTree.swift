import MediasecCore
import CMS

/// An editable BER element tree for byte-level CMS vectors: parse a DER
/// message, change one element's form (length octets, tag form,
/// constructed string, raw replacement), and re-serialize with every
/// enclosing length recomputed — so that each vector departs from DER in
/// exactly one place.
indirect enum BERTree {
    enum LengthForm: Equatable {
        case minimal
        /// The long form with this many length octets (leading zeros as needed).
        case long(Int)
        /// `0x80` … end-of-contents.
        case indefinite
    }

    case primitive(id: [UInt8], content: [UInt8], length: LengthForm)
    case constructed(id: [UInt8], children: [BERTree], length: LengthForm)
    /// Octets copied verbatim (may be malformed on purpose).
    case raw([UInt8])

    init(_ n: ASN1Node) {
        let id = Array(n.encoded.prefix(n.identifierLength))
        if let kids = n.children {
            self = .constructed(id: id, children: kids.map(BERTree.init), length: n.isIndefiniteLength ? .indefinite : .minimal)
        } else {
            self = .primitive(id: id, content: Array(n.content), length: .minimal)
        }
    }

    /// Parses `bytes` (BER) into a tree.
    static func parse(_ bytes: [UInt8]) throws -> BERTree {
        var r = ASN1Reader(rules: .ber)
        return BERTree(try r.parse(bytes))
    }

    static func lengthOctets(_ n: Int, _ form: LengthForm) -> [UInt8] {
        switch form {
        case .minimal, .indefinite: return DERWriter.lengthOctets(n)
        case .long(let k):
            var out: [UInt8] = []
            var v = n
            for _ in 0..<k {
                out.insert(UInt8(truncatingIfNeeded: v), at: 0)
                v >>= 8
            }
            return [0x80 | UInt8(k)] + out
        }
    }

    var encoded: [UInt8] {
        switch self {
        case .raw(let b): return b
        case .primitive(let id, let content, let form):
            return id + Self.lengthOctets(content.count, form) + content
        case .constructed(let id, let kids, let form):
            let inner = kids.flatMap(\.encoded)
            if form == .indefinite { return id + [0x80] + inner + [0, 0] }
            return id + Self.lengthOctets(inner.count, form) + inner
        }
    }

    var children: [BERTree] {
        if case .constructed(_, let k, _) = self { return k }
        return []
    }

    /// Applies `f` to the element at `path` (child indices from this element).
    mutating func edit(_ path: [Int], _ f: (inout BERTree) throws -> Void) throws {
        guard let first = path.first else { return try f(&self) }
        guard case .constructed(let id, var kids, let form) = self, first < kids.count else {
            throw GenerationError(description: "BERTree path \(path) does not exist")
        }
        try kids[first].edit(Array(path.dropFirst()), f)
        self = .constructed(id: id, children: kids, length: form)
    }

    /// The element at `path`.
    func at(_ path: [Int]) throws -> BERTree {
        guard let first = path.first else { return self }
        let kids = children
        guard first < kids.count else { throw GenerationError(description: "BERTree path \(path) does not exist") }
        return try kids[first].at(Array(path.dropFirst()))
    }

    mutating func setLength(_ form: LengthForm) {
        switch self {
        case .primitive(let id, let c, _): self = .primitive(id: id, content: c, length: form)
        case .constructed(let id, let k, _): self = .constructed(id: id, children: k, length: form)
        case .raw: break
        }
    }

    mutating func setID(_ id: [UInt8]) {
        switch self {
        case .primitive(_, let c, let l): self = .primitive(id: id, content: c, length: l)
        case .constructed(_, let k, let l): self = .constructed(id: id, children: k, length: l)
        case .raw: break
        }
    }

    mutating func setChildren(_ kids: [BERTree]) {
        if case .constructed(let id, _, let l) = self { self = .constructed(id: id, children: kids, length: l) }
    }

    /// A primitive string turned into a constructed one of `parts` segments
    /// with universal tag `segmentTag` (X.690 §8.7.3).
    mutating func segment(into parts: Int, segmentTag: UInt8 = 0x04) {
        guard case .primitive(let id, let c, _) = self, let lead = id.first else { return }
        let n = max(1, parts)
        let size = max(1, (c.count + n - 1) / n)
        var segs: [BERTree] = []
        var i = 0
        while i < c.count {
            segs.append(.primitive(id: [segmentTag], content: Array(c[i..<min(i + size, c.count)]), length: .minimal))
            i += size
        }
        if segs.isEmpty { segs = [.primitive(id: [segmentTag], content: [], length: .minimal)] }
        self = .constructed(id: [lead | 0x20] + id.dropFirst(), children: segs, length: .minimal)
    }
}

/// Child-index paths of the elements of a ContentInfo holding
/// AuthEnvelopedData (without originatorInfo).
enum CMSPath {
    static let contentType = [0]
    static let explicitContent = [1]
    static let aed = [1, 0]
    static let version = [1, 0, 0]
    static let recipientInfos = [1, 0, 1]
    static func recipient(_ i: Int) -> [Int] { recipientInfos + [i] }
    static let eci = [1, 0, 2]
    static let innerContentType = [1, 0, 2, 0]
    static let contentAlgorithm = [1, 0, 2, 1]
    static let aeadParameters = [1, 0, 2, 1, 1]
    static let encryptedContent = [1, 0, 2, 2]
    /// authAttrs when present (the element after authEncryptedContentInfo).
    static let authAttrs = [1, 0, 3]
}
