import MediasecCore

/// A session description as the lines that make it up (RFC 8866 §5):
///
/// ```
/// session-description = version-field origin-field session-name-field
///                       [information-field] [uri-field] *email-field
///                       *phone-field [connection-field] *bandwidth-field
///                       1*time-description [key-field] *attribute-field
///                       *media-description
/// media-description   = media-field [information-field] *connection-field
///                       *bandwidth-field [key-field] *attribute-field
/// ```
///
/// The model is the flat line list; sections are a view over it: the
/// session-level section runs from the first line to the first `m=` line,
/// and each `m=` line starts a media section that runs to the next one. A
/// description therefore always has a structure, even when its lines are out
/// of the grammar's order — the order is a validation rule
/// (`sdp.order`), so that a description with one misplaced line can still
/// be inspected. ``encoded()`` concatenates the lines with their own
/// terminators: for every input the decoder accepts, it is byte-identical.
public struct SessionDescription: Hashable, Sendable {
    public var lines: [SDPLine]

    public init(lines: [SDPLine]) {
        self.lines = lines
    }

    public func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count + 4 })
        for l in lines { out.append(contentsOf: l.encoded()) }
        return out
    }

    // MARK: sections

    /// Line ranges of the session section and of each media section.
    public var sections: SDPSections { SDPSections(lines) }

    public var mediaCount: Int { lines.reduce(0) { $0 + ($1.type == 0x6d ? 1 : 0) } }

    /// The lines of one level, with their indices in ``lines``.
    public func lines(at level: SDPLevel) -> [(index: Int, line: SDPLine)] {
        guard let r = sections.range(level) else { return [] }
        return r.map { ($0, lines[$0]) }
    }

    /// The lines of one type at one level.
    public func lines(_ type: Character, at level: SDPLevel) -> [(index: Int, line: SDPLine)] {
        let t = type.asciiValue ?? 0
        return lines(at: level).filter { $0.line.type == t }
    }

    /// The `a=` lines of one level, split into name and value. `ordinal`
    /// is the attribute's position among the level's attributes (the index
    /// in field paths such as `media[0].attributes[2]`).
    public func attributes(at level: SDPLevel) -> [IndexedAttribute] {
        var out: [IndexedAttribute] = []
        for (i, l) in lines(at: level) where l.type == 0x61 {
            out.append(IndexedAttribute(lineIndex: i, ordinal: out.count, level: level, attribute: SDPAttribute(lineValue: l.bytes)))
        }
        return out
    }

    /// Attributes with a given name at one level (names are case-sensitive).
    public func attributes(named name: String, at level: SDPLevel) -> [IndexedAttribute] {
        attributes(at: level).filter { $0.attribute.name == name }
    }

    /// Every level: the session, then each media section.
    public var levels: [SDPLevel] { [.session] + (0..<mediaCount).map { .media($0) } }

    /// The parsed `m=` line of media section `i`, or the decoding error.
    public func mediaField(_ i: Int) -> Result<MediaField, DecodingError>? {
        let s = sections
        guard i >= 0, i < s.media.count else { return nil }
        let line = lines[s.media[i].lowerBound]
        return Result { () throws(DecodingError) in try MediaField.decode(line.bytes, path: "media[\(i)]") }
    }
}
