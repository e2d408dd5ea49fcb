import MIKEY

/// Slugs and defining clauses of the MIKEY data types, for ids and specRefs.
enum DataTypeInfo {
    static let slugs: [UInt8: String] = [
        0: "psk-init", 1: "psk-verify", 2: "pk-init", 3: "pk-verify", 4: "dh-init", 5: "dh-resp", 6: "error",
        7: "dhhmac-init", 8: "dhhmac-resp", 9: "rsa-r-init", 10: "rsa-r-resp", 11: "request-init-psk", 12: "request-init-pk",
        13: "request-resp", 14: "transfer-init", 15: "transfer-resp", 16: "resolve-init-psk", 17: "resolve-init-pk",
        18: "resolve-resp", 19: "ibake-request-key-psk", 20: "ibake-request-key-pke", 21: "ibake-request-key-resp",
        22: "ibake-i-message-1", 23: "ibake-r-message-1", 24: "ibake-i-message-2", 25: "ibake-r-message-2", 26: "sakke",
    ]

    /// The exchange definition of each data type.
    static let refs: [UInt8: String] = [
        0: "RFC 3830 §3.1", 1: "RFC 3830 §3.1", 2: "RFC 3830 §3.2", 3: "RFC 3830 §3.2", 4: "RFC 3830 §3.3", 5: "RFC 3830 §3.3",
        6: "RFC 3830 §5.1.2", 7: "RFC 4650 §3", 8: "RFC 4650 §3", 9: "RFC 4738 §3.1", 10: "RFC 4738 §3.1",
        11: "RFC 6043 §4.2.1.2", 12: "RFC 6043 §4.2.1.3", 13: "RFC 6043 §4.2.1.5", 14: "RFC 6043 §4.2.2.1", 15: "RFC 6043 §4.2.2.3",
        16: "RFC 6043 §4.2.3.2", 17: "RFC 6043 §4.2.3.3", 18: "RFC 6043 §4.2.3.5", 26: "RFC 6509 §2.1",
        19: "RFC 6267 §4", 20: "RFC 6267 §4", 21: "RFC 6267 §4", 22: "RFC 6267 §4", 23: "RFC 6267 §4", 24: "RFC 6267 §4", 25: "RFC 6267 §4",
    ]

    static func slug(_ dt: UInt8) -> String { slugs[dt] ?? "data-type-\(dt)" }
    static func ref(_ dt: UInt8) -> String { refs[dt] ?? "RFC 3830 §6.1" }
    static func name(_ dt: UInt8) -> String { DataType(rawValue: dt).name ?? "data type \(dt)" }
}

extension MIKEYMessage {
    /// A copy with `change` applied (for one-field mutations of a clean message).
    func with(_ change: (inout MIKEYMessage) throws -> Void) rethrows -> MIKEYMessage {
        var m = self
        try change(&m)
        return m
    }

    /// Index of the first top-level payload of `type`.
    func index(of type: PayloadType) -> Int? { payloads.firstIndex { $0.type == type } }
}

extension Array where Element == Payload {
    mutating func removeFirst(_ type: PayloadType) {
        if let i = firstIndex(where: { $0.type == type }) { remove(at: i) }
    }

    mutating func removeAll(_ type: PayloadType) {
        removeAll { $0.type == type }
    }

    /// Replaces the first payload of the given type.
    mutating func replaceFirst(_ type: PayloadType, with p: Payload) {
        if let i = firstIndex(where: { $0.type == type }) { self[i] = p }
    }

    /// Inserts `p` just before the first payload of `type` (at the end if absent).
    mutating func insert(_ p: Payload, before type: PayloadType) {
        insert(p, at: firstIndex { $0.type == type } ?? count)
    }
}
