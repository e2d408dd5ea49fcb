/// A set of byte values as 256 bits in four words: the validator's
/// duplicate checks (CS IDs, policy numbers, policy parameter types) keep
/// one per message or payload without allocating.
struct ByteSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Adds `b`; true when it was not in the set yet.
    @inline(__always)
    mutating func insert(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: defer { words.0 |= bit }; return words.0 & bit == 0
        case 1: defer { words.1 |= bit }; return words.1 & bit == 0
        case 2: defer { words.2 |= bit }; return words.2 & bit == 0
        default: defer { words.3 |= bit }; return words.3 & bit == 0
        }
    }
}
