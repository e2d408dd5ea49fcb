import MediasecCore

/// A decoded description with its sections, `m=` fields and typed
/// attributes decoded once, shared by the validator, the offer/answer checks
/// and the JSON tree.
struct SDPIndex: Sendable {
    struct AttributeEntry: Sendable {
        let located: IndexedAttribute
        /// nil when the name has no typed codec.
        let decoded: DecodedAttribute?
    }

    /// A typed attribute kind: its name (for the per-level name index) and
    /// its case of ``TypedAttribute``.
    struct Kind<T>: Sendable {
        let name: String
        let match: @Sendable (TypedAttribute) -> T?
    }

    let d: DecodedSessionDescription
    let sections: SDPSections
    /// Attributes of the session (index 0) and of each media section (i + 1).
    let attributes: [[AttributeEntry]]
    /// The same, by attribute name.
    let byName: [[String: [AttributeEntry]]]
    let mediaFields: [Result<MediaField, DecodingError>]

    /// One pass over the lines: every lookup afterwards costs the size of
    /// its answer, so the whole validation stays linear in the input.
    init(_ d: DecodedSessionDescription, limits: SDPLimits = .default) {
        self.d = d
        let sd = d.sessionDescription
        sections = sd.sections
        var attrs: [[AttributeEntry]] = Array(repeating: [], count: sections.media.count + 1)
        var names: [[String: [AttributeEntry]]] = Array(repeating: [:], count: sections.media.count + 1)
        var slot = 0
        var level = SDPLevel.session
        for (i, l) in sd.lines.enumerated() {
            if l.type == 0x6d {
                level = .media(slot)
                slot += 1
                continue
            }
            guard l.type == 0x61 else { continue }
            let a = IndexedAttribute(lineIndex: i, ordinal: attrs[slot].count, level: level, attribute: SDPAttribute(lineValue: l.value))
            let e = AttributeEntry(located: a, decoded: SDPAttributeRegistry.decode(a, in: d, limits: limits))
            attrs[slot].append(e)
            names[slot][a.attribute.name, default: []].append(e)
        }
        attributes = attrs
        byName = names
        mediaFields = sections.media.enumerated().map { i, r in
            let line = sd.lines[r.lowerBound]
            let base = d.valueOffset(ofLine: r.lowerBound)
            return Result { () throws(DecodingError) in try MediaField.decode(line.value, base: base, path: "media[\(i)]") }
        }
    }

    var mediaCount: Int { sections.media.count }
    var levels: [SDPLevel] { [.session] + (0..<mediaCount).map { .media($0) } }

    private func slot(_ level: SDPLevel) -> Int? {
        switch level {
        case .session: return 0
        case .media(let i): return i >= 0 && i + 1 < attributes.count ? i + 1 : nil
        }
    }

    func attrs(_ level: SDPLevel) -> [AttributeEntry] { slot(level).map { attributes[$0] } ?? [] }

    /// Attributes of one name at one level, decoded or not.
    func named(_ name: String, _ level: SDPLevel) -> [AttributeEntry] {
        slot(level).flatMap { byName[$0][name] } ?? []
    }

    /// Typed attributes of one kind at one level.
    func typed<T>(_ level: SDPLevel, _ kind: Kind<T>) -> [(DecodedAttribute, T)] {
        named(kind.name, level).compactMap { e in
            guard let da = e.decoded, let t = da.typed, let v = kind.match(t) else { return nil }
            return (da, v)
        }
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
    func hasEffective(_ name: String, _ media: Int) -> Bool {
        !named(name, .media(media)).isEmpty || !named(name, .session).isEmpty
    }

    func mediaField(_ i: Int) -> MediaField? { i < mediaFields.count ? try? mediaFields[i].get() : nil }
    func proto(_ i: Int) -> TransportProtocol? { mediaField(i)?.transport }
    func mLineOffset(_ i: Int) -> Int { i < sections.media.count ? d.lineOffsets[sections.media[i].lowerBound] : 0 }
    func lineOffset(_ line: Int) -> Int { line < d.lineOffsets.count ? d.lineOffsets[line] : 0 }

    static let crypto = Kind<CryptoAttribute>(name: "crypto") { if case .crypto(let v) = $0 { v } else { nil } }
    static let fingerprint = Kind<FingerprintAttribute>(name: "fingerprint") { if case .fingerprint(let v) = $0 { v } else { nil } }
    static let keyMgmt = Kind<KeyMgmtAttribute>(name: "key-mgmt") { if case .keyMgmt(let v) = $0 { v } else { nil } }
    static let setup = Kind<SetupAttribute>(name: "setup") { if case .setup(let v) = $0 { v } else { nil } }
    static let connection = Kind<ConnectionAttribute>(name: "connection") { if case .connection(let v) = $0 { v } else { nil } }
    static let tlsID = Kind<TLSIDAttribute>(name: "tls-id") { if case .tlsID(let v) = $0 { v } else { nil } }
    static let e2ae = Kind<E2AEAttribute>(name: "3ge2ae") { if case .e2ae(let v) = $0 { v } else { nil } }
    static let path = Kind<MSRPPathAttribute>(name: "path") { if case .path(let v) = $0 { v } else { nil } }
    static let floorControl = Kind<FloorControlAttribute>(name: "floorctrl") { if case .floorControl(let v) = $0 { v } else { nil } }
    static let conferenceID = Kind<BFCPConferenceIDAttribute>(name: "confid") { if case .conferenceID(let v) = $0 { v } else { nil } }
    static let userID = Kind<BFCPUserIDAttribute>(name: "userid") { if case .userID(let v) = $0 { v } else { nil } }
    static let floorID = Kind<FloorIDAttribute>(name: "floorid") { if case .floorID(let v) = $0 { v } else { nil } }
}
