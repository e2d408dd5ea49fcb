#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The positions of a decoded document (``DecodedResourceLists/positions``),
/// built on first use and then kept: the plain decode needs none, so it
/// pays for neither the tag scan over the input, nor line/column tables,
/// nor a path string per element and attribute. Findings ask for
/// positions; a clean document usually never does.
///
/// Built from the raw document and the input (both shared, not copied):
/// the tag scanner's offsets are matched to the raw document's elements
/// and attributes, then the model builder runs again in recording mode, so
/// the paths are exactly the decoder's.
final class PositionTable: @unchecked Sendable {
    typealias Table = (positions: [String: XMLPosition], elementPaths: [Int: String])

    /// Guards `pending` and `built`, so copies of a decoded document can be
    /// read from several threads.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var pending: (raw: RawDocument, bytes: [UInt8])?
    private var built: Table?

    init(raw: RawDocument, bytes: [UInt8]) {
        mutex = Self.newMutex()
        pending = (raw, bytes)
    }

    init(positions: [String: XMLPosition], elementPaths: [Int: String] = [:]) {
        mutex = Self.newMutex()
        built = (positions, elementPaths)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private static func newMutex() -> UnsafeMutablePointer<pthread_mutex_t> {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        m.initialize(to: pthread_mutex_t())
        pthread_mutex_init(m, nil)
        return m
    }

    var positions: [String: XMLPosition] { table.positions }
    var elementPaths: [Int: String] { table.elementPaths }

    var table: Table {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let built { return built }
        var t: Table = ([:], [:])
        if let (raw, bytes) = pending {
            let (elements, attributes) = Self.positions(of: raw, bytes: bytes, SourceMap(bytes))
            var builder = ModelBuilder(recording: raw, elementPositions: elements, attributePositions: attributes)
            _ = builder.document()
            t = (builder.positions, builder.elementPaths)
        }
        built = t
        pending = nil
        return t
    }

    /// Positions from the tag scanner, checking each tag's name against
    /// the element in the same place of a pre-order walk: elements by
    /// pre-order index, attributes by index in ``RawDocument/attributes``.
    /// On the first disagreement no further positions are assigned (none
    /// is better than a wrong one).
    static func positions(of raw: RawDocument, bytes: [UInt8], _ map: SourceMap) -> (elements: [XMLPosition?], attributes: [XMLPosition?]) {
        let tags = XMLTagScanner.startTags(in: bytes)
        var elements = [XMLPosition?](repeating: nil, count: raw.elementCount)
        var attributes = [XMLPosition?](repeating: nil, count: raw.attributes.count)
        var next = 0
        for node in raw.nodes where !node.isText {
            guard next < tags.count, node.index == next, next < elements.count,
                  tags[next].qualifiedName == raw.qualifiedName(prefix: node.prefix, name: node.name) else { break }
            let tag = tags[next]
            next += 1
            elements[node.index] = map.position(ofOffset: tag.offset)
            let lo = min(max(node.start, 0), attributes.count)
            let hi = min(lo + max(node.count, 0), attributes.count)
            for i in lo..<hi {
                let name = raw.qualifiedName(prefix: raw.attributes[i].prefix, name: raw.attributes[i].name)
                if let a = tag.attributes.first(where: { $0.name == name }) {
                    attributes[i] = map.position(ofOffset: a.offset)
                }
            }
        }
        return (elements, attributes)
    }
}
