import MediasecCore

/// A decoded description together with its input and where each line lay.
public struct DecodedSessionDescription: Sendable {
    public var sessionDescription: SessionDescription
    public var bytes: [UInt8]
    /// Absolute offset of each line's type letter.
    public var lineOffsets: [Int]

    public init(sessionDescription: SessionDescription, bytes: [UInt8], lineOffsets: [Int]) {
        self.sessionDescription = sessionDescription
        self.bytes = bytes
        self.lineOffsets = lineOffsets
    }

    public var lines: [SDPLine] { sessionDescription.lines }

    /// Absolute offset of the first value byte of line `i` (after `x=`).
    public func valueOffset(ofLine i: Int) -> Int {
        i >= 0 && i < lineOffsets.count ? lineOffsets[i] + 2 : 0
    }

    /// The 1-based line and byte column of an absolute offset.
    public func position(of offset: Int) -> SDPPosition {
        Self.position(of: offset, lineOffsets: lineOffsets)
    }

    static func position(of offset: Int, lineOffsets: [Int]) -> SDPPosition {
        guard !lineOffsets.isEmpty else { return SDPPosition(line: 1, column: offset + 1) }
        var lo = 0, hi = lineOffsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineOffsets[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SDPPosition(line: lo + 1, column: offset - lineOffsets[lo] + 1)
    }

    /// The line index of an absolute offset.
    public func lineIndex(of offset: Int) -> Int { position(of: offset).line - 1 }
}
