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
/// Built from the raw tree and the input (both shared, not copied): the tag
/// scanner's offsets are attached to the raw tree, then the model builder
/// runs again in recording mode, so the paths are exactly the decoder's.
final class PositionTable: @unchecked Sendable {
    typealias Table = (positions: [String: XMLPosition], elementPaths: [Int: String])

    /// Guards `pending` and `built`, so copies of a decoded document can be
    /// read from several threads.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var pending: (root: RawElement, bytes: [UInt8])?
    private var built: Table?

    init(root: RawElement, bytes: [UInt8]) {
        mutex = Self.newMutex()
        pending = (root, bytes)
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
        if let (root, bytes) = pending {
            var r = root
            Self.attachPositions(&r, bytes: bytes, SourceMap(bytes))
            var builder = ModelBuilder(recording: true)
            _ = builder.document(r)
            t = (builder.positions, builder.elementPaths)
        }
        built = t
        pending = nil
        return t
    }

    /// Assigns positions from the tag scanner, checking each tag's name
    /// against the tree; on the first disagreement no further positions are
    /// assigned (none is better than a wrong one).
    static func attachPositions(_ root: inout RawElement, bytes: [UInt8], _ map: SourceMap) {
        let tags = XMLTagScanner.startTags(in: bytes)
        var next = 0
        var consistent = true
        func visit(_ e: inout RawElement) {
            guard consistent else { return }
            guard next < tags.count, tags[next].qualifiedName == e.qualifiedName else { consistent = false; return }
            let tag = tags[next]
            next += 1
            e.position = map.position(ofOffset: tag.offset)
            for i in e.attributes.indices {
                if let a = tag.attributes.first(where: { $0.name == e.attributes[i].qualifiedName }) {
                    e.attributes[i].position = map.position(ofOffset: a.offset)
                }
            }
            for i in e.children.indices {
                if case .element(var c) = e.children[i] {
                    visit(&c)
                    e.children[i] = .element(c)
                }
            }
        }
        visit(&root)
    }
}
