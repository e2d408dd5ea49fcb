/// Hard limits for hostile input (STYLE.md §4). Every one of them, when
/// reached, is a finding (``SIPBodyRules/tooManyParts``,
/// ``SIPBodyRules/tooManyHeaderLines``, ``SIPBodyRules/tooLarge``), never a trap.
public struct SIPBodyLimits: Sendable, Hashable {
    /// Largest body split, in bytes.
    public var maxBodySize: Int
    /// Most body parts split; later delimiters are ignored.
    public var maxParts: Int
    /// Most header lines (continuations included) per part.
    public var maxHeaderLines: Int

    public init(maxBodySize: Int = 1 << 20, maxParts: Int = 32, maxHeaderLines: Int = 64) {
        self.maxBodySize = maxBodySize
        self.maxParts = maxParts
        self.maxHeaderLines = maxHeaderLines
    }

    public static let `default` = SIPBodyLimits()
}
