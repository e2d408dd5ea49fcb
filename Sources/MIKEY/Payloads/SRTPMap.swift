import MediasecCore

/// The SRTP-ID map info of the HDR (RFC 3830 §6.1.1): #CS entries of
/// Policy_no(8) SSRC(32) ROC(32), 9 bytes each.
///
/// A random-access collection of ``SRTPMapEntry`` that keeps the entries in
/// their wire form: a one-entry map inline, a longer decoded map sharing the
/// input's storage (no copy, no allocation either way); entries are read
/// out on access. Equality and hashing are
/// those of the entry sequence (the 9-byte form is one-to-one with an entry).
/// Build one from entries with an array literal or ``init(_:)``.
public struct SRTPMap: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// #CS × 9 bytes, exactly as on the wire.
    let wire: SmallBytes

    /// Bytes per entry on the wire.
    public static let entryLength = 9

    public init(_ entries: some Sequence<SRTPMapEntry>) {
        var w: [UInt8] = []
        w.reserveCapacity(entries.underestimatedCount * Self.entryLength)
        for e in entries {
            w.append(e.policyNumber)
            w.append(UInt8(truncatingIfNeeded: e.ssrc >> 24)); w.append(UInt8(truncatingIfNeeded: e.ssrc >> 16))
            w.append(UInt8(truncatingIfNeeded: e.ssrc >> 8)); w.append(UInt8(truncatingIfNeeded: e.ssrc))
            w.append(UInt8(truncatingIfNeeded: e.roc >> 24)); w.append(UInt8(truncatingIfNeeded: e.roc >> 16))
            w.append(UInt8(truncatingIfNeeded: e.roc >> 8)); w.append(UInt8(truncatingIfNeeded: e.roc))
        }
        wire = SmallBytes(w)
    }

    public init(arrayLiteral elements: SRTPMapEntry...) {
        self.init(elements)
    }

    /// A map over `wire`, whose length the caller has checked is a multiple of 9.
    init(wire: SmallBytes) {
        self.wire = wire
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { wire.count / 9 }

    public subscript(position: Int) -> SRTPMapEntry {
        precondition(position >= 0 && position < endIndex, "SRTPMap index out of range")
        let p = position * 9
        func u32(_ i: Int) -> UInt32 {
            UInt32(wire.byte(at: i)) << 24 | UInt32(wire.byte(at: i + 1)) << 16 | UInt32(wire.byte(at: i + 2)) << 8 | UInt32(wire.byte(at: i + 3))
        }
        return SRTPMapEntry(policyNumber: wire.byte(at: p), ssrc: u32(p + 1), roc: u32(p + 5))
    }

    /// The entries as an array.
    public var entries: [SRTPMapEntry] { Array(self) }

    public static func == (a: SRTPMap, b: SRTPMap) -> Bool { a.wire == b.wire }

    public func hash(into h: inout Hasher) { wire.hash(into: &h) }

    public var description: String { entries.description }
}
