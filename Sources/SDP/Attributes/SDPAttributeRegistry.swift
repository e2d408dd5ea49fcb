import MediasecCore

/// The dispatch table from attribute name to decoder (STYLE.md §5: one
/// table, one decoder per kind).
public enum SDPAttributeRegistry {
    public struct Entry: Sendable {
        public let name: String
        public let specRef: String
        /// lowerCamelCase key of the typed object in the JSON tree.
        public let jsonKey: String
        let decode: @Sendable ([UInt8], Int, String, SDPLimits, inout [String: Int]) throws(DecodingError) -> TypedAttribute
    }

    private static func entry<T: SDPAttributeCodable>(_ t: T.Type, _ key: String, name: String? = nil, _ wrap: @escaping @Sendable (T) -> TypedAttribute) -> Entry {
        Entry(name: name ?? T.attributeName, specRef: T.specRef, jsonKey: key) { (v: [UInt8], b: Int, p: String, _: SDPLimits, o: inout [String: Int]) throws(DecodingError) -> TypedAttribute in
            wrap(try T.decode(v, base: b, path: p, offsets: &o))
        }
    }

    public static let entries: [String: Entry] = {
        let list: [Entry] = [
            Entry(name: "crypto", specRef: CryptoAttribute.specRef, jsonKey: "crypto") { (v: [UInt8], b: Int, p: String, l: SDPLimits, o: inout [String: Int]) throws(DecodingError) -> TypedAttribute in
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
        var d: [String: Entry] = [:]
        for e in list { d[e.name] = e }
        return d
    }()

    public static var names: [String] { entries.keys.sorted() }

    /// The registered name that `name` matches only case-insensitively.
    public static func caseInsensitiveMatch(_ name: String) -> String? {
        guard entries[name] == nil else { return nil }
        return entries.keys.first { SDPGrammar.equalsIgnoringCase($0, name) }
    }

    /// Decodes one located attribute of a decoded description; nil when the
    /// name has no typed codec.
    public static func decode(_ a: IndexedAttribute, in d: DecodedSessionDescription, limits: SDPLimits = .default) -> DecodedAttribute? {
        guard let e = entries[a.attribute.name] else { return nil }
        let valueOffset = d.valueOffset(ofLine: a.lineIndex) + a.attribute.valueOffsetInLine
        let path = "\(a.path).\(e.jsonKey)"
        var offsets: [String: Int] = [:]
        let result: Result<TypedAttribute, DecodingError>
        do throws(DecodingError) {
            guard let value = a.attribute.value else {
                throw DecodingError(code: "sdp.a.value-missing", offset: valueOffset - 1, path: path, specRef: e.specRef,
                                    message: "a=\(e.name) is a value attribute: expected 'a=\(e.name):<value>'")
            }
            result = .success(try e.decode(value, valueOffset, path, limits, &offsets))
        } catch {
            result = .failure(error)
        }
        return DecodedAttribute(located: a, result: result, valueOffset: valueOffset, offsets: offsets)
    }

    /// Decodes a value for a name, outside any description.
    public static func decode(name: String, value: [UInt8]) -> Result<TypedAttribute, DecodingError>? {
        guard let e = entries[name] else { return nil }
        var o: [String: Int] = [:]
        return Result { () throws(DecodingError) in try e.decode(value, 0, name, .default, &o) }
    }
}
