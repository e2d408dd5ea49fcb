/// Hard limits for hostile input (STYLE.md §4). Every limit has a name and a
/// stable error code; exceeding one is a ``DecodingError``, never a trap or
/// an unbounded allocation. The defaults are far above any real session
/// description (a SIP body is rarely over a few kilobytes).
public struct SDPLimits: Sendable, Hashable {
    /// Total input size in bytes (`sdp.limit.bytes`).
    public var maxBytes: Int
    /// Lines in one description (`sdp.limit.lines`).
    public var maxLines: Int
    /// Bytes in one line, terminator excluded (`sdp.limit.line-length`).
    public var maxLineLength: Int
    /// Media sections, i.e. `m=` lines (`sdp.limit.media`).
    public var maxMediaSections: Int
    /// `<fmt>` entries on one `m=` line (`sdp.limit.formats`).
    public var maxFormats: Int
    /// Key parameters (`inline:` keys) in one `a=crypto`, FEC_KEY included
    /// (`sdp.limit.key-params`).
    public var maxKeyParams: Int

    public init(maxBytes: Int = 1 << 20, maxLines: Int = 8192, maxLineLength: Int = 16384,
                maxMediaSections: Int = 256, maxFormats: Int = 512, maxKeyParams: Int = 64) {
        self.maxBytes = maxBytes
        self.maxLines = maxLines
        self.maxLineLength = maxLineLength
        self.maxMediaSections = maxMediaSections
        self.maxFormats = maxFormats
        self.maxKeyParams = maxKeyParams
    }

    public static let `default` = SDPLimits()
}
