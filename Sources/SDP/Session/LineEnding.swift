/// How one line of a description ends. RFC 8866 §5: "The sequence CRLF
/// (0x0d0a) is used to end a line, although parsers SHOULD be tolerant and
/// also accept lines terminated with a single newline character." The
/// decoder records the terminator of every line so that re-serialization is
/// byte-identical; the validator reports bare LF, mixed endings and a
/// missing final terminator as findings.
public enum LineEnding: String, Sendable, Hashable, Codable, CaseIterable {
    /// CR LF, the grammar's `CRLF`.
    case crlf
    /// A bare LF (tolerated).
    case lf
    /// No terminator: the last line of an input that does not end in LF.
    case none

    /// The terminator's length in bytes.
    public var length: Int {
        switch self {
        case .crlf: return 2
        case .lf: return 1
        case .none: return 0
        }
    }

    public var bytes: [UInt8] {
        switch self {
        case .crlf: return [0x0d, 0x0a]
        case .lf: return [0x0a]
        case .none: return []
        }
    }
}
