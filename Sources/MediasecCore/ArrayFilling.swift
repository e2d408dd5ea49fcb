extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` gives.
    ///
    /// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)`
    /// allocate through a standard-library entry point that is not
    /// specialized for the element type: it looks the storage class's
    /// generic metadata up at run time, about 600 instructions per call
    /// (callgrind; three calls per validated SDP description were 4 % of
    /// the validator's instructions). Copying from `repeatElement` goes
    /// through the specialized collection copy instead.
    @inlinable
    public init(filling value: Element, count: Int) {
        self.init(repeatElement(value, count: Swift.max(0, count)))
    }
}
