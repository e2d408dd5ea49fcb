/// Where a line sits: the session-level section (from `v=` to the first
/// `m=`) or the media section of the `index`-th `m=` line (RFC 8866 §5).
public enum SDPLevel: Hashable, Sendable, CustomStringConvertible {
    case session
    case media(Int)

    /// Field-path prefix: `session` or `media[i]`.
    public var path: String {
        switch self {
        case .session: return "session"
        case .media(let i): return SDPPathText.indexed("media", i)
        }
    }

    public var mediaIndex: Int? {
        if case .media(let i) = self { return i }
        return nil
    }

    public var description: String { path }
}
