/// A 1-based line and column (counted in bytes) inside a description.
public struct SDPPosition: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: SDPPosition, b: SDPPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
