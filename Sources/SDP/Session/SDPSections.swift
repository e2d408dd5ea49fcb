/// The line ranges of a description's sections.
public struct SDPSections: Hashable, Sendable {
    public var session: Range<Int>
    public var media: [Range<Int>]

    init(_ lines: [SDPLine]) {
        var firstM = lines.count
        var starts: [Int] = []
        for (i, l) in lines.enumerated() where l.type == 0x6d {
            if starts.isEmpty { firstM = i }
            starts.append(i)
        }
        session = 0..<firstM
        media = starts.enumerated().map { k, s in s..<(k + 1 < starts.count ? starts[k + 1] : lines.count) }
    }

    public func range(_ level: SDPLevel) -> Range<Int>? {
        switch level {
        case .session: return session
        case .media(let i): return i >= 0 && i < media.count ? media[i] : nil
        }
    }

    /// The level a line index belongs to.
    public func level(ofLine i: Int) -> SDPLevel {
        if session.contains(i) { return .session }
        // Binary search over the media ranges.
        var lo = 0, hi = media.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if media[mid].contains(i) { return .media(mid) }
            if i < media[mid].lowerBound { hi = mid - 1 } else { lo = mid + 1 }
        }
        return .session
    }
}
