import Testing
import MediasecCore

// Test support shared by every format's tests (STYLE.md §12: one round-trip
// helper, not copies). Linked only into test targets.

/// Checks both round-trip laws for one value and returns its encoding:
///
/// 1. `decode(encode(value)) == value`
/// 2. `encode(decode(bytes)) == bytes`
///
/// When `expected` is given, the encoding must also equal those bytes (the
/// hand-computed layout); comparison is done on hex strings so that a
/// failure message shows both encodings readably.
@discardableResult
public func assertRoundTrips<Value: Equatable, E: Error, D: Error>(
    _ value: Value,
    encodesTo expected: [UInt8]? = nil,
    encode: (Value) throws(E) -> [UInt8],
    decode: ([UInt8]) throws(D) -> Value,
    sourceLocation: SourceLocation = #_sourceLocation
) -> [UInt8]? {
    let bytes: [UInt8]
    do {
        bytes = try encode(value)
    } catch {
        Issue.record("encoding failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
    if let expected {
        #expect(Hex.encode(bytes) == Hex.encode(expected), "encoding differs from the hand-computed layout", sourceLocation: sourceLocation)
    }
    let decoded: Value
    do {
        decoded = try decode(bytes)
    } catch {
        Issue.record("decoding the encoder's own output failed: \(error)\n  bytes: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
        return bytes
    }
    #expect(decoded == value, "law 1: decode(encode(m)) != m\n  bytes: \(Hex.encode(bytes))", sourceLocation: sourceLocation)
    do {
        let again = try encode(decoded)
        #expect(Hex.encode(again) == Hex.encode(bytes), "law 2: encode(decode(b)) != b", sourceLocation: sourceLocation)
    } catch {
        Issue.record("re-encoding the decoded value failed: \(error)", sourceLocation: sourceLocation)
    }
    return bytes
}

