/// One `a=` line located in its description.
public struct IndexedAttribute: Hashable, Sendable {
    /// Index in ``SessionDescription/lines``.
    public var lineIndex: Int
    /// Position among the attributes of its level.
    public var ordinal: Int
    public var level: SDPLevel
    public var attribute: SDPAttribute

    /// `session.attributes[3]` / `media[1].attributes[0]`.
    public var path: String {
        switch level {
        case .session: return SDPPathText.indexed("session.attributes", ordinal)
        case .media(let i): return SDPPathText.indexed("media", i, ".attributes", ordinal)
        }
    }

    /// ``path`` + `a` + `b` (+ `[index]`) + `suffix`, written into one
    /// string: the path of a finding on a sub-field (one allocation, not
    /// one per interpolation step).
    func path(_ a: String, _ b: String = "", index: Int? = nil, _ suffix: String = "") -> String {
        path(a, b, index: index, "", suffix)
    }

    /// ``path`` + `a` + `b` (+ `[index]`) + `c` + `d`, in one string.
    func path(_ a: String, _ b: String, index: Int? = nil, _ c: String, _ d: String) -> String {
        let media: Int
        switch level {
        case .session: media = -1
        case .media(let i): media = i
        }
        return SDPPathText.attributePath(media: media, ordinal: ordinal, a, b, index: index, c, d)
    }
}
