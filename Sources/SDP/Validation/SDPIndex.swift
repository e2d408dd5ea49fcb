import MediasecCore

/// A decoded description with its sections, `m=` fields and typed
/// attributes decoded once, shared by the validator, the offer/answer checks
/// and the JSON tree.
final class SDPIndex: Sendable {
    /// One attribute (see ``SDPAttributeEntry``).
    typealias AttributeEntry = SDPAttributeEntry

    /// A typed attribute kind: its slot in the per-level index and its
    /// case of ``TypedAttribute``.
    struct Kind<T>: Sendable {
        let slot: SDPIndexedName
        let match: @Sendable (TypedAttribute) -> T?
        var name: String { slot.name }

        init(name slot: SDPIndexedName, match: @escaping @Sendable (TypedAttribute) -> T?) {
            self.slot = slot
            self.match = match
        }

        /// An entry's decoded attribute and typed value when it decoded to
        /// this kind.
        @inline(__always)
        func typed(_ e: SDPAttributeEntry) -> (DecodedAttribute, T)? {
            guard let da = e.decoded, case .success(let t) = da.result, let v = match(t) else { return nil }
            return (da, v)
        }
    }

    let d: DecodedSessionDescription
    let sections: SDPSections
    /// Every attribute of the description in line order: the session's,
    /// then each media section's (one array for all levels).
    let entries: [AttributeEntry]
    /// Two tables in one allocation, indexed by level slot (session 0,
    /// media section i at i + 1):
    /// - `[0, L * SDPIndexedName.count)`: the position in ``entries`` of the
    ///   first attribute of each indexed name at each level
    ///   (`slot * SDPIndexedName.count + name.rawValue`; -1: none); the
    ///   rest follow ``AttributeEntry/next``;
    /// - `[L * SDPIndexedName.count, ... + L + 1)`: where each level's
    ///   attributes start in ``entries`` (and, last, the end).
    private let table: [Int]
    /// One m= line decoded, with its `<proto>` classified once: the line's
    /// value and the field's spans (plain numbers), or the error. The typed
    /// ``MediaField`` is built when asked for; the checks read the spans.
    /// Not a `Result`: an array of `Result`s (or of tuples) is copied and
    /// destroyed through the runtime's generic value witnesses.
    struct MediaEntry {
        final class Failure: Sendable {
            let error: DecodingError
            init(_ error: DecodingError) { self.error = error }
        }

        let bytes: ArraySlice<UInt8>
        /// Valid when ``failure`` is nil.
        let spans: MediaField.Spans
        let failure: Failure?
        let transport: TransportProtocol?
        /// The registered proto's security and application (`.none` and
        /// nil for an unregistered proto or no field), and whether the
        /// proto starts with "TCP": what the per-m-line passes test first,
        /// read without touching the proto's string.
        let security: TransportProtocol.Security
        let application: TransportProtocol.Application?
        let isTCP: Bool

        init(bytes: ArraySlice<UInt8>, spans: MediaField.Spans, failure: Failure?, transport: TransportProtocol?) {
            self.bytes = bytes
            self.spans = spans
            self.failure = failure
            self.transport = transport
            let info = transport?.info
            security = info?.security ?? .none
            application = info?.application
            isTCP = transport?.isTCP ?? false
        }

        var decoded: MediaField? { failure == nil ? MediaField(decoded: bytes, spans: spans) : nil }

        var field: Result<MediaField, DecodingError> {
            if let m = decoded { return .success(m) }
            return .failure(failure?.error ?? DecodingError(code: "sdp.m.syntax", offset: 0, path: "", specRef: MediaField.specRef, message: "m= field not decoded"))
        }

        /// The bytes of a field's span (empty outside the value).
        func bytes(_ r: Range<Int>) -> ArraySlice<UInt8> { bytes[r.clamped(to: bytes.startIndex..<bytes.endIndex)] }

        /// The text of a field's span.
        func text(_ r: Range<Int>) -> String { SDPGrammar.string(bytes(r)) }

        /// Whether `<media>` is `name` (compared as bytes).
        func mediaIs(_ name: StaticString) -> Bool { SDPASCII.equals(bytes(spans.media), name) }

        /// The `<fmt>` list is the single `*` of RFC 4975 §8.1 / RFC 8856 §4.
        var isStarOnly: Bool { spans.formatCount == 1 && SDPASCII.equals(bytes(spans.formats), "*") }

        /// The port's value (nil past 64 bits).
        var portValue: UInt64? { DecimalToken.value(digits: bytes(spans.port)) }

        /// A port of zeros (RFC 8866 §5.14, RFC 3264 §6); nil without a field.
        var isRejected: Bool? { failure == nil ? bytes(spans.port).allSatisfy { $0 == 0x30 } : nil }
    }
    let media: [MediaEntry]

    /// One pass over the lines: every lookup afterwards costs the size of
    /// its answer, so the whole validation stays linear in the input.
    init(_ d: DecodedSessionDescription, limits: SDPLimits = .default) {
        self.d = d
        let sd = d.sessionDescription
        sections = sd.sections
        let levelCount = sections.media.count + 1
        let nameCount = SDPIndexedName.count
        let firsts = levelCount * nameCount
        // Firsts, level starts, and (while building only) the last
        // position per level and name, dropped at the end.
        var t = [Int](filling: -1, count: 2 * firsts + levelCount + 1)
        var list: [AttributeEntry] = []
        // One allocation for the list: the a= lines are counted first (a
        // pass over the line types only).
        var attributeLines = 0
        for l in sd.lines where l.type == 0x61 { attributeLines += 1 }
        list.reserveCapacity(attributeLines)
        var slot = 0
        var level = SDPLevel.session
        var ordinal = 0
        t[firsts] = 0
        for (i, l) in sd.lines.enumerated() {
            if l.type == 0x6d {
                level = .media(slot)
                slot += 1
                ordinal = 0
                t[firsts + slot] = list.count
                continue
            }
            guard l.type == 0x61 else { continue }
            // The slot from the name's bytes; a slotted name is then the
            // slot's own (literal) string, not a decode of the bytes.
            let (nameBytes, value, hasValue) = SDPAttribute.split(l.bytes)
            let k = SDPIndexedName(nameBytes: nameBytes)
            let attribute = SDPAttribute(name: k?.name ?? SDPGrammar.string(nameBytes), value: value, hasValue: hasValue)
            let a = IndexedAttribute(lineIndex: i, ordinal: ordinal, level: level, attribute: attribute)
            ordinal += 1
            let e = SDPAttributeRegistry.entry(a, slot: k, in: d, limits: limits)
            let pos = list.count
            list.append(e)
            if let k {
                let key = slot * nameCount + Int(k.rawValue)
                let lastAt = firsts + levelCount + 1 + key
                let prev = t[lastAt]
                if prev >= 0 { list[prev].next = pos } else { t[key] = pos }
                t[lastAt] = pos
            }
        }
        t[firsts + levelCount] = list.count
        t.removeLast(firsts)
        entries = list
        table = t
        media = sections.media.enumerated().map { i, r in
            let line = sd.lines[r.lowerBound]
            let base = d.valueOffset(ofLine: r.lowerBound)
            // The decoder joins its error paths onto the one it is given:
            // the m-line's path is built only for an error.
            do throws(DecodingError) {
                let spans = try MediaField.scan(line.bytes, base: base, path: "")
                return MediaEntry(bytes: line.bytes, spans: spans, failure: nil, transport: TransportProtocol(bytes: line.bytes[spans.proto]))
            } catch {
                var e = error
                e.path = ByteCursor.join(SDPPathText.indexed("media", i), error.path)
                return MediaEntry(bytes: line.bytes, spans: .none, failure: MediaEntry.Failure(e), transport: nil)
            }
        }
    }

    var mediaCount: Int { sections.media.count }
    /// The session level, then each media level (no allocation).
    var levels: SDPLevels { SDPLevels(mediaCount: mediaCount) }

    private func slot(_ level: SDPLevel) -> Int? {
        switch level {
        case .session: return 0
        case .media(let i): return i >= 0 && i < mediaCount ? i + 1 : nil
        }
    }

    /// The attributes of one level (a slice of ``entries``: no copy).
    func attrs(_ level: SDPLevel) -> ArraySlice<AttributeEntry> {
        guard let s = slot(level) else { return [] }
        let starts = (mediaCount + 1) * SDPIndexedName.count
        let from = starts + s
        guard from + 1 < table.count else { return [] }
        let lo = table[from], hi = table[from + 1]
        guard lo >= 0, lo <= hi, hi <= entries.count else { return [] }
        return entries[lo..<hi]
    }

    /// Position of the first attribute of a name at a level slot, -1 for none.
    @inline(__always)
    private func firstPosition(_ name: SDPIndexedName, _ s: Int) -> Int {
        let key = s * SDPIndexedName.count + Int(name.rawValue)
        return key >= 0 && key < (mediaCount + 1) * SDPIndexedName.count ? table[key] : -1
    }

    /// The attributes of one indexed name at one level, in order, read
    /// along the ``AttributeEntry/next`` chain (no list is built).
    struct Chain: Sequence, IteratorProtocol {
        let index: SDPIndex
        var p: Int

        mutating func next() -> AttributeEntry? {
            let entries = index.entries
            guard p >= 0 && p < entries.count else { return nil }
            let e = entries[p]
            p = e.next
            return e
        }
    }

    func chain(_ name: SDPIndexedName, _ level: SDPLevel) -> Chain {
        Chain(index: self, p: slot(level).map { firstPosition(name, $0) } ?? -1)
    }


    /// Whether an attribute of this name (decodable or not) is at any level.
    func hasAny(_ name: SDPIndexedName) -> Bool {
        var k = Int(name.rawValue)
        let end = (mediaCount + 1) * SDPIndexedName.count
        while k < end {
            if table[k] >= 0 { return true }
            k += SDPIndexedName.count
        }
        return false
    }

    /// The first attribute of a name at a level, decodable or not.
    func first(_ name: SDPIndexedName, _ level: SDPLevel) -> AttributeEntry? {
        guard let s = slot(level) else { return nil }
        let p = firstPosition(name, s)
        return p >= 0 && p < entries.count ? entries[p] : nil
    }

    /// Whether an attribute of this name (decodable or not) is at the level.
    func has(_ name: SDPIndexedName, _ level: SDPLevel) -> Bool {
        slot(level).map { firstPosition(name, $0) >= 0 } ?? false
    }

    /// Typed attributes of one kind at one level.
    func typed<T>(_ level: SDPLevel, _ kind: Kind<T>) -> [(DecodedAttribute, T)] {
        guard let s = slot(level) else { return [] }
        var p = firstPosition(kind.slot, s)
        if p < 0 { return [] }
        var out: [(DecodedAttribute, T)] = []
        while p >= 0 && p < entries.count {
            let e = entries[p]
            if let x = kind.typed(e) { out.append(x) }
            p = e.next
        }
        return out
    }

    /// The typed attributes of one kind at one level, in order, read along
    /// the name chain as they are asked for (no list is built: a check
    /// that loops over them allocates nothing).
    struct TypedChain<T>: Sequence, IteratorProtocol {
        var chain: Chain
        let kind: Kind<T>

        mutating func next() -> (DecodedAttribute, T)? {
            while let e = chain.next() {
                if let x = kind.typed(e) { return x }
            }
            return nil
        }
    }

    func each<T>(_ level: SDPLevel, _ kind: Kind<T>) -> TypedChain<T> { TypedChain(chain: chain(kind.slot, level), kind: kind) }

    /// The a=crypto attributes that decoded at one level, with their
    /// scans, read along the name chain (no list is built).
    struct CryptoItems: Sequence, IteratorProtocol {
        var chain: Chain

        mutating func next() -> SDPCryptoItem? {
            while let e = chain.next() {
                if let s = e.cryptoScan { return SDPCryptoItem(entry: e, scan: s) }
            }
            return nil
        }
    }

    func cryptoItems(_ level: SDPLevel) -> CryptoItems { CryptoItems(chain: chain(.crypto, level)) }

    /// The first typed attribute of a kind at a level: `typed(level,
    /// kind).first` without building the list.
    func firstTyped<T>(_ level: SDPLevel, _ kind: Kind<T>) -> (DecodedAttribute, T)? {
        guard let s = slot(level) else { return nil }
        var p = firstPosition(kind.slot, s)
        while p >= 0 && p < entries.count {
            let e = entries[p]
            if let x = kind.typed(e) { return x }
            p = e.next
        }
        return nil
    }

    /// `!typed(level, kind).isEmpty` without building the list.
    func hasTyped<T>(_ level: SDPLevel, _ kind: Kind<T>) -> Bool { firstTyped(level, kind) != nil }

    /// `effective(media, kind).items.first` without building a list: the
    /// first typed attribute at the media level, else at the session level.
    func effectiveFirst<T>(_ media: Int, _ kind: Kind<T>) -> (DecodedAttribute, T)? {
        firstTyped(.media(media), kind) ?? firstTyped(.session, kind)
    }

    /// The media-level attributes of a kind if there are any, else the
    /// session-level ones (the precedence of RFC 4567 §3.1 and RFC 8122 §5).
    func effective<T>(_ media: Int, _ kind: Kind<T>) -> (level: SDPLevel, items: [(DecodedAttribute, T)]) {
        let m = typed(.media(media), kind)
        if !m.isEmpty { return (.media(media), m) }
        return (.session, typed(.session, kind))
    }

    /// Whether an attribute name is present (decodable or not) at the media
    /// or the session level.
    func hasEffective(_ name: SDPIndexedName, _ media: Int) -> Bool {
        has(name, .media(media)) || has(name, .session)
    }

    func mediaField(_ i: Int) -> MediaField? { i >= 0 && i < media.count ? media[i].decoded : nil }
    /// The security of media section `i`'s registered proto (`.none` for
    /// any other proto or no field).
    func security(_ i: Int) -> TransportProtocol.Security { i >= 0 && i < media.count ? media[i].security : .none }
    /// The application of media section `i`'s registered proto.
    func application(_ i: Int) -> TransportProtocol.Application? { i >= 0 && i < media.count ? media[i].application : nil }
    /// Whether media section `i`'s proto starts with "TCP".
    func isTCP(_ i: Int) -> Bool { i >= 0 && i < media.count ? media[i].isTCP : false }
    /// Media section `i`'s m= entry when its line decoded.
    func decodedMedia(_ i: Int) -> MediaEntry? { i >= 0 && i < media.count && media[i].failure == nil ? media[i] : nil }
    /// Whether media section `i`'s m= line has port 0; nil when it did not decode.
    func isRejected(_ i: Int) -> Bool? { i >= 0 && i < media.count ? media[i].isRejected : nil }
    func proto(_ i: Int) -> TransportProtocol? { i >= 0 && i < media.count ? media[i].transport : nil }
    func mLineOffset(_ i: Int) -> Int { i < sections.media.count ? d.lineOffsets[sections.media[i].lowerBound] : 0 }
    func lineOffset(_ line: Int) -> Int { line < d.lineOffsets.count ? d.lineOffsets[line] : 0 }

    static let crypto = Kind<CryptoAttribute>(name: .crypto) { if case .crypto(let v) = $0 { v } else { nil } }
    static let fingerprint = Kind<FingerprintAttribute>(name: .fingerprint) { if case .fingerprint(let v) = $0 { v } else { nil } }
    static let keyMgmt = Kind<KeyMgmtAttribute>(name: .keyMgmt) { if case .keyMgmt(let v) = $0 { v } else { nil } }
    static let setup = Kind<SetupAttribute>(name: .setup) { if case .setup(let v) = $0 { v } else { nil } }
    static let connection = Kind<ConnectionAttribute>(name: .connection) { if case .connection(let v) = $0 { v } else { nil } }
    static let tlsID = Kind<TLSIDAttribute>(name: .tlsID) { if case .tlsID(let v) = $0 { v } else { nil } }
    static let e2ae = Kind<E2AEAttribute>(name: .e2ae) { if case .e2ae(let v) = $0 { v } else { nil } }
    static let path = Kind<MSRPPathAttribute>(name: .path) { if case .path(let v) = $0 { v } else { nil } }
    static let floorControl = Kind<FloorControlAttribute>(name: .floorctrl) { if case .floorControl(let v) = $0 { v } else { nil } }
    static let conferenceID = Kind<BFCPConferenceIDAttribute>(name: .confid) { if case .conferenceID(let v) = $0 { v } else { nil } }
    static let userID = Kind<BFCPUserIDAttribute>(name: .userid) { if case .userID(let v) = $0 { v } else { nil } }
    static let floorID = Kind<FloorIDAttribute>(name: .floorid) { if case .floorID(let v) = $0 { v } else { nil } }
}

/// The attribute names the validator looks up, each with a slot in the
/// per-level index of ``SDPIndex`` (an array, not a hashed dictionary).
enum SDPIndexedName: UInt8, CaseIterable, Sendable {
    case crypto, fingerprint, keyMgmt, setup, connection, tlsID, e2ae, path, acceptTypes, acceptWrappedTypes
    case floorctrl, confid, userid, floorid, charset, label

    /// The number of names (`allCases.count` without building the array).
    static let count = 16

    /// May appear once per level (RFC 4145 §4, RFC 8842 §4, RFC 4975 §8.2,
    /// RFC 8856 §5, TS 24.229).
    var isSingleValued: Bool {
        switch self {
        case .setup, .connection, .tlsID, .e2ae, .floorctrl, .confid, .userid, .path, .acceptTypes, .acceptWrappedTypes: return true
        default: return false
        }
    }

    /// Media-level attributes without a rule of their own for the session level.
    var isMediaOnly: Bool {
        switch self {
        case .tlsID, .path, .acceptTypes, .acceptWrappedTypes, .floorctrl, .confid, .userid, .floorid: return true
        default: return false
        }
    }

    var name: String {
        switch self {
        case .crypto: return "crypto"
        case .fingerprint: return "fingerprint"
        case .keyMgmt: return "key-mgmt"
        case .setup: return "setup"
        case .connection: return "connection"
        case .tlsID: return "tls-id"
        case .e2ae: return "3ge2ae"
        case .path: return "path"
        case .acceptTypes: return "accept-types"
        case .acceptWrappedTypes: return "accept-wrapped-types"
        case .floorctrl: return "floorctrl"
        case .confid: return "confid"
        case .userid: return "userid"
        case .floorid: return "floorid"
        case .charset: return "charset"
        case .label: return "label"
        }
    }

    /// ``name`` of each case as bytes, by raw value (the names are spelled
    /// once, in ``name``).
    private static let nameBytes: [[UInt8]] = (0..<count).map { i in
        SDPIndexedName(rawValue: UInt8(i)).map { Array($0.name.utf8) } ?? []
    }

    /// The slot of a (case-sensitive) name given as bytes, without building
    /// a string: the length picks the candidates, then the bytes compare.
    init?<C: Collection>(nameBytes b: C) where C.Element == UInt8 {
        // Contiguous bytes are read in place; any other collection is
        // copied once (one implementation of the comparison).
        let found = b.withContiguousStorageIfAvailable { Self.slot(of: $0) } ?? Array(b).withUnsafeBufferPointer { Self.slot(of: $0) }
        guard let k = found else { return nil }
        self = k
    }

    /// The raw values of the names of each length (index: the length, up
    /// to the longest name).
    private static let byLength: [[UInt8]] = {
        var t = [[UInt8]](repeating: [], count: (nameBytes.map(\.count).max() ?? 0) + 1)
        for (i, n) in nameBytes.enumerated() { t[n.count].append(UInt8(truncatingIfNeeded: i)) }
        return t
    }()

    /// ``init(nameBytes:)`` over contiguous bytes: the names of the same
    /// length only (at most five), compared byte by byte (the scan over
    /// all sixteen names cost ~180 instructions per attribute).
    private static func slot(of p: UnsafeBufferPointer<UInt8>) -> SDPIndexedName? {
        let n = p.count
        let table = byLength
        guard n < table.count, let base = p.baseAddress else { return nil }
        let names = nameBytes
        for r in table[n] {
            let i = Int(r)
            guard i < names.count else { continue }
            let equal = names[i].withUnsafeBufferPointer { q -> Bool in
                guard q.count == n else { return false }
                for j in 0..<n where q[j] != base[j] { return false }
                return true
            }
            if equal { return Self(rawValue: r) }
        }
        return nil
    }

    /// The slot of a (case-sensitive) name, nil for any other name.
    init?(name: String) { self.init(nameBytes: name.utf8) }
}

/// The levels of a description in order, session first: a collection
/// computed from the media count, so iterating it allocates nothing.
struct SDPLevels: RandomAccessCollection {
    let mediaCount: Int
    var startIndex: Int { 0 }
    var endIndex: Int { mediaCount + 1 }
    subscript(i: Int) -> SDPLevel { i == 0 ? .session : .media(i - 1) }
}
