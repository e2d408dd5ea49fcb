import MediasecCore

/// The dispatch table from attribute name to decoder (STYLE.md §5: one
/// table, one decoder per kind).
public enum SDPAttributeRegistry {
    /// One registered attribute: its name, clause, JSON key and decoder.
    /// An object (immutable): the index reads one per attribute, and a
    /// read then retains one reference, not three strings and a closure.
    public final class Entry: Sendable {
        public let name: String
        public let specRef: String
        /// lowerCamelCase key of the typed object in the JSON tree.
        public let jsonKey: String
        let decode: @Sendable (ArraySlice<UInt8>, Int, String, SDPLimits, inout SDPFieldOffsets) throws(DecodingError) -> TypedAttribute

        init(name: String, specRef: String, jsonKey: String,
             decode: @escaping @Sendable (ArraySlice<UInt8>, Int, String, SDPLimits, inout SDPFieldOffsets) throws(DecodingError) -> TypedAttribute) {
            self.name = name
            self.specRef = specRef
            self.jsonKey = jsonKey
            self.decode = decode
        }
    }

    private static func entry<T: SDPAttributeCodable>(_ t: T.Type, _ key: String, name: String? = nil, _ wrap: @escaping @Sendable (T) -> TypedAttribute) -> Entry {
        Entry(name: name ?? T.attributeName, specRef: T.specRef, jsonKey: key) { (v: ArraySlice<UInt8>, b: Int, p: String, _: SDPLimits, o: inout SDPFieldOffsets) throws(DecodingError) -> TypedAttribute in
            wrap(try T.decode(v, base: b, path: p, offsets: &o))
        }
    }

    static let list: [Entry] = [
        Entry(name: "crypto", specRef: CryptoAttribute.specRef, jsonKey: "crypto") { (v: ArraySlice<UInt8>, b: Int, p: String, l: SDPLimits, o: inout SDPFieldOffsets) throws(DecodingError) -> TypedAttribute in
            .crypto(try CryptoAttribute.decode(v, base: b, path: p, limits: l, offsets: &o))
        },
        entry(FingerprintAttribute.self, "fingerprint") { .fingerprint($0) },
        entry(KeyMgmtAttribute.self, "keyMgmt") { .keyMgmt($0) },
        entry(SetupAttribute.self, "setup") { .setup($0) },
        entry(ConnectionAttribute.self, "connection") { .connection($0) },
        entry(TLSIDAttribute.self, "tlsId") { .tlsID($0) },
        entry(E2AEAttribute.self, "e2ae") { .e2ae($0) },
        entry(MSRPPathAttribute.self, "path") { .path($0) },
        entry(AcceptTypesAttribute.self, "acceptTypes") { .acceptTypes($0) },
        entry(AcceptTypesAttribute.self, "acceptWrappedTypes", name: "accept-wrapped-types") { .acceptWrappedTypes($0) },
        entry(FloorControlAttribute.self, "floorctrl") { .floorControl($0) },
        entry(BFCPConferenceIDAttribute.self, "confid") { .conferenceID($0) },
        entry(BFCPUserIDAttribute.self, "userid") { .userID($0) },
        entry(FloorIDAttribute.self, "floorid") { .floorID($0) },
    ]

    public static let entries: [String: Entry] = {
        var d: [String: Entry] = [:]
        for e in list { d[e.name] = e }
        return d
    }()

    /// The entry of a name: a comparison chain over the 14 names (short
    /// strings compare in a few instructions) instead of hashing the name.
    static func entry(named name: String) -> Entry? {
        let u = name.utf8
        guard let first = u.first, u.count >= 4, u.count <= 20 else { return nil }
        // Every registered name starts with one of these letters.
        switch first {
        case 0x63, 0x66, 0x6b, 0x73, 0x74, 0x33, 0x70, 0x61, 0x75: break
        default: return nil
        }
        for e in list where e.name == name { return e }
        return nil
    }

    public static var names: [String] { list.map(\.name).sorted() }

    /// The registered name that `name` matches only case-insensitively.
    public static func caseInsensitiveMatch(_ name: String) -> String? {
        // A registered name is lowercase: a name without an uppercase ASCII
        // letter matches one case-insensitively only if it is that name.
        guard SDPGrammar.containsByte(name, where: { $0 >= 0x41 && $0 <= 0x5a }) else { return nil }
        guard entry(named: name) == nil else { return nil }
        return list.first { SDPGrammar.equalsIgnoringCase($0.name, name) }?.name
    }

    /// The registry entry of each index slot (``SDPIndexedName``), by
    /// position in ``list``: the index already knows an attribute's slot,
    /// so its decoder is found without comparing the name again.
    static let entryBySlot: [Int] = SDPIndexedName.allCases.map { k in list.firstIndex { $0.name == k.name } ?? -1 }

    /// The index's entry of an attribute whose slot (if any) is known:
    /// decoded, without recording offsets (``DecodedAttribute/offsets``
    /// computes them on demand), when the slot has a codec.
    static func entry(_ a: IndexedAttribute, slot: SDPIndexedName?, in d: DecodedSessionDescription, limits: SDPLimits) -> SDPAttributeEntry {
        let k = slot.map { Int($0.rawValue) } ?? -1
        let i = k >= 0 && k < entryBySlot.count ? entryBySlot[k] : -1
        guard i >= 0, i < list.count else {
            return SDPAttributeEntry(located: a, result: SDPAttributeEntry.notDecoded, isDecoded: false, valueOffset: 0, recordedOffsets: nil, limits: limits, slot: slot)
        }
        let valueOffset = d.valueOffset(ofLine: a.lineIndex) + a.attribute.valueOffsetInLine
        // a=crypto is kept as its scan: the validator checks it without
        // the typed value, which is built when asked for.
        if slot == .crypto, a.attribute.hasValue {
            do throws(DecodingError) {
                let scan = try SRTPCryptoScan.scan(a.attribute.valueStorage, base: valueOffset, path: "", limits: limits)
                return SDPAttributeEntry(located: a, crypto: scan, valueOffset: valueOffset, limits: limits, slot: slot)
            } catch {
                return SDPAttributeEntry(located: a, result: .failure(located(error, list[i], a)), isDecoded: true,
                                         valueOffset: valueOffset, recordedOffsets: nil, limits: limits, slot: slot)
            }
        }
        var offsets = SDPFieldOffsets(recording: false)
        return SDPAttributeEntry(located: a, result: decode(list[i], a, valueOffset: valueOffset, limits: limits, offsets: &offsets), isDecoded: true,
                                 valueOffset: valueOffset, recordedOffsets: nil, limits: limits, slot: slot)
    }

    /// Decodes one located attribute of a decoded description; nil when the
    /// name has no typed codec. With `recordOffsets` false the sub-field
    /// offsets are left for ``DecodedAttribute/offsets`` to compute on
    /// demand.
    public static func decode(_ a: IndexedAttribute, in d: DecodedSessionDescription, limits: SDPLimits = .default, recordOffsets: Bool = true) -> DecodedAttribute? {
        guard let e = entry(named: a.attribute.name) else { return nil }
        let valueOffset = d.valueOffset(ofLine: a.lineIndex) + a.attribute.valueOffsetInLine
        var offsets = SDPFieldOffsets(recording: recordOffsets)
        let result = decode(e, a, valueOffset: valueOffset, limits: limits, offsets: &offsets)
        return DecodedAttribute(located: a, result: result, valueOffset: valueOffset, offsets: recordOffsets ? offsets.table : nil, limits: limits)
    }

    static func decode(_ e: Entry, _ a: IndexedAttribute, valueOffset: Int, limits: SDPLimits, offsets: inout SDPFieldOffsets) -> Result<TypedAttribute, DecodingError> {
        guard a.attribute.hasValue else {
            return .failure(DecodingError(code: "sdp.a.value-missing", offset: valueOffset - 1, path: "\(a.path).\(e.jsonKey)", specRef: e.specRef,
                                          message: "a=\(e.name) is a value attribute: expected 'a=\(e.name):<value>'"))
        }
        // The decoders join every error path onto the one they are given
        // (ByteCursor.join), so they get an empty one and the attribute's
        // path is put in front only when there is an error: a clean
        // attribute builds no path string.
        do throws(DecodingError) {
            return .success(try e.decode(a.attribute.valueStorage, valueOffset, "", limits, &offsets))
        } catch {
            return .failure(located(error, e, a))
        }
    }

    /// A decoder's error with the attribute's path in front of its own.
    private static func located(_ error: DecodingError, _ e: Entry, _ a: IndexedAttribute) -> DecodingError {
        var e2 = error
        // `<attribute path>.<jsonKey>` joined with the error's own path,
        // written once.
        let sub = error.path
        e2.path = a.path(".", e.jsonKey, sub.isEmpty || ByteCursor.startsWithElement(sub) ? "" : ".", sub)
        return e2
    }

    /// The sub-field offsets of an attribute, by decoding its value again
    /// with recording on.
    static func recordOffsets(of a: IndexedAttribute, valueOffset: Int, limits: SDPLimits) -> [String: Int] {
        recordedOffsets(of: a, valueOffset: valueOffset, limits: limits).table
    }

    /// ``recordOffsets(of:valueOffset:limits:)`` as the recorded list.
    static func recordedOffsets(of a: IndexedAttribute, valueOffset: Int, limits: SDPLimits) -> SDPFieldOffsets {
        var offsets = SDPFieldOffsets(recording: true)
        guard let e = entry(named: a.attribute.name) else { return offsets }
        _ = decode(e, a, valueOffset: valueOffset, limits: limits, offsets: &offsets)
        return offsets
    }

    /// Decodes a value for a name, outside any description.
    public static func decode(name: String, value: [UInt8]) -> Result<TypedAttribute, DecodingError>? {
        guard let e = entry(named: name) else { return nil }
        var o = SDPFieldOffsets()
        return Result { () throws(DecodingError) in try e.decode(value[...], 0, name, .default, &o) }
    }
}
