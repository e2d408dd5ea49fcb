/// The line ranges of a description's sections.
public struct SDPSections: Hashable, Sendable {
    public var session: Range<Int>
    public var media: [Range<Int>]

    init(_ lines: [SDPLine]) {
        // Count the m= lines first: one allocation for the ranges.
        var count = 0
        var firstM = lines.count
        for i in lines.indices where lines[i].type == 0x6d {
            if count == 0 { firstM = i }
            count += 1
        }
        session = 0..<firstM
        var media: [Range<Int>] = []
        if count > 0 {
            media.reserveCapacity(count)
            var start = firstM
            for i in (firstM + 1)..<lines.count where lines[i].type == 0x6d {
                media.append(start..<i)
                start = i
            }
            media.append(start..<lines.count)
        }
        self.media = media
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
