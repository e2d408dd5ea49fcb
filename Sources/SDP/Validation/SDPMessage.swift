/// The message of a validator finding, written by its own string
/// interpolation straight into bytes: a literal segment is one copy, an
/// `Int` is written as digits, any other value as `String(describing:)`
/// (the text the standard interpolation gives). The finding sink then
/// writes `line:column: ` and these bytes into the finding's one string.
/// The standard interpolation appended each segment through a runtime
/// call and printed each `Int` through a dynamic `description`: about
/// 3,800 instructions for a four-number message.
struct SDPMessage: ExpressibleByStringInterpolation {
    /// A message without interpolations stays the literal string.
    private enum Storage {
        case literal(String)
        case bytes([UInt8])
    }
    private let storage: Storage

    init(stringLiteral s: String) { storage = .literal(s) }
    init(stringInterpolation i: Interpolation) { storage = .bytes(i.bytes) }
    /// A message already built as a string.
    init(_ s: String) { storage = .literal(s) }

    /// The message as a string.
    var text: String {
        switch storage {
        case .literal(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        }
    }

    /// The UTF-8 length.
    var utf8Count: Int {
        switch storage {
        case .literal(let s): return s.utf8.count
        case .bytes(let b): return b.count
        }
    }

    /// Copies the UTF-8 to `p` from `at`; returns the end.
    func write(to p: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        switch storage {
        case .literal(let s):
            return SDPPathText.write(s, p, at)
        case .bytes(let b):
            return b.withUnsafeBufferPointer { SDPPathText.copy($0, p, at) }
        }
    }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 12 * interpolationCount)
        }

        mutating func appendLiteral(_ s: String) { bytes.append(contentsOf: s.utf8) }

        mutating func appendInterpolation(_ s: String) { bytes.append(contentsOf: s.utf8) }

        /// An `Int` as `description` writes it (a `-` and the digits).
        mutating func appendInterpolation(_ n: Int) {
            if n < 0 {
                guard n != Int.min else { bytes.append(contentsOf: n.description.utf8); return }
                bytes.append(0x2d)
                appendDigits(-n)
            } else {
                appendDigits(n)
            }
        }

        /// Any other value: the text `String(describing:)` gives, which is
        /// what the standard interpolation writes.
        mutating func appendInterpolation<T>(_ v: T) { bytes.append(contentsOf: String(describing: v).utf8) }

        private mutating func appendDigits(_ n: Int) {
            let count = SDPPathText.digitCount(n)
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0x30, count: count))
            bytes.withUnsafeMutableBufferPointer { SDPPathText.writeDigits(n, count, $0, start) }
        }
    }
}
