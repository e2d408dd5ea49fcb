import MediasecCore
import MIKEY

/// Renders a decoded JSON tree as an indented, tshark -V style listing:
/// each payload on a header line with its byte offset and length, fields
/// below it, code points annotated with their registry names.
enum TreeRenderer {
    /// `mergeNames` (CMS / S/MIME trees): a `keyName` sibling is shown
    /// beside `key` (`algorithm: 2.16.840.1.101.3.4.1.6 (id-aes128-GCM)`),
    /// and objects with `offset` and `length` show them in their header line.
    static func render(_ tree: JSONValue, title: String, profile: CodePointProfile, mergeNames: Bool = false) -> String {
        var out = title + "\n"
        walk(tree, indent: 1, into: &out, profile: profile, mergeNames: mergeNames)
        return out
    }

    static func annotate(_ key: String, _ v: Int, profile: CodePointProfile) -> String? {
        guard v >= 0, v <= 0xffff else { return nil }
        let b = UInt8(truncatingIfNeeded: v)
        switch key {
        case "dataType": return DataType(rawValue: b).name
        case "nextPayload", "payloadType": return PayloadType(rawValue: b).name
        case "prfFunc": return PRFFunction(rawValue: b).name
        case "csIdMapType": return CSIDMapType(rawValue: b).name
        case "protType": return profile.name(of: ProtType(rawValue: b))
        case "encrAlg": return EncryptionAlgorithm(rawValue: b).name
        case "macAlg", "authAlg": return MACAlgorithm(rawValue: b).name
        case "tsType": return TimestampType(rawValue: b).name
        case "tsRole": return TimestampRole(rawValue: b).name
        case "idType": return IDType(rawValue: b).name
        case "idRole": return IDRole(rawValue: b).name
        case "randRole": return RANDRole(rawValue: b).name
        case "certType": return CertType(rawValue: b).name
        case "hashFunc": return HashFunction(rawValue: b).name
        case "keyDataType": return KeyDataType(rawValue: b).name
        case "kv": return KeyValidityType(rawValue: b).name
        case "errNo": return ErrorNumber(rawValue: b).name
        case "dhGroup": return DHGroup(rawValue: b).name
        case "sType": return SignatureType(rawValue: b).name
        case "ticketType": return TicketType(rawValue: UInt16(v)).name
        case "c": return EnvelopeCacheType(rawValue: b).name
        default: return nil
        }
    }

    static func scalar(_ key: String, _ v: JSONValue, profile: CodePointProfile) -> String {
        switch v {
        case .null: return "—"
        case .bool(let b): return b ? "1" : "0"
        case .int(let i):
            if let n = annotate(key, i, profile: profile) { return "\(i) (\(n))" }
            return String(i)
        case .string(let s): return s.isEmpty ? "(empty)" : s
        default: return ""
        }
    }

    static func walk(_ v: JSONValue, indent: Int, into out: inout String, profile: CodePointProfile, mergeNames: Bool = false) {
        let pad = String(repeating: "  ", count: indent)
        guard case .object(let fields) = v else { return }
        let spanned = mergeNames && hasSpan(fields)
        for (k, val) in fields {
            if mergeNames {
                if spanned && (k == "offset" || k == "length") { continue }
                if k == "kind" { continue }  // shown in the element's header line
                if k.hasSuffix("Name"), fields.contains(where: { $0.0 == String(k.dropLast(4)) }) { continue }
                if case .string(let s) = val, let name = fields.first(where: { $0.0 == k + "Name" })?.1.stringValue {
                    out += pad + "\(k): \(s) (\(name))\n"
                    continue
                }
            }
            switch val {
            case .object(let o):
                out += pad + (mergeNames ? spanHeader(k, o) : header(k, o)) + "\n"
                walk(val, indent: indent + 1, into: &out, profile: profile, mergeNames: mergeNames)
            case .array(let items):
                let scalars = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
                if scalars {
                    out += pad + "\(k): [" + items.map { scalar(k, $0, profile: profile) }.joined(separator: ", ") + "]\n"
                } else {
                    out += pad + "\(k): \(items.count) item(s)\n"
                    for (i, item) in items.enumerated() {
                        if case .object(let o) = item {
                            out += pad + "  " + (mergeNames ? spanHeader("[\(i)]", o) : header("[\(i)]", o)) + "\n"
                            walk(item, indent: indent + 2, into: &out, profile: profile, mergeNames: mergeNames)
                        }
                    }
                }
            default:
                if ["payloadType", "offset", "length", "name"].contains(k), isPayload(fields) { continue }
                out += pad + "\(k): \(scalar(k, val, profile: profile))\n"
            }
        }
    }

    static func isPayload(_ o: [(String, JSONValue)]) -> Bool { o.contains { $0.0 == "payloadType" } }

    static func hasSpan(_ o: [(String, JSONValue)]) -> Bool {
        o.contains { $0.0 == "offset" && $0.1.intValue != nil } && o.contains { $0.0 == "length" && $0.1.intValue != nil }
    }

    /// `key kind  @offset, length byte(s)` for CMS elements.
    static func spanHeader(_ key: String, _ o: [(String, JSONValue)]) -> String {
        var h = key
        if let kind = o.first(where: { $0.0 == "kind" })?.1.stringValue { h += " \(kind)" }
        if hasSpan(o), let off = o.first(where: { $0.0 == "offset" })?.1.intValue, let len = o.first(where: { $0.0 == "length" })?.1.intValue {
            h += "  @\(off), \(len) byte(s)"
        } else {
            h += ":"
        }
        return h
    }

    static func header(_ key: String, _ o: [(String, JSONValue)]) -> String {
        guard isPayload(o) else { return "\(key):" }
        let name: String = {
            if let n = o.first(where: { $0.0 == "name" })?.1.stringValue { return n }
            return o.first(where: { $0.0 == "payloadType" })?.1.stringValue ?? "?"
        }()
        var h = "\(key) \(name)"
        if let off = o.first(where: { $0.0 == "offset" })?.1.intValue, let len = o.first(where: { $0.0 == "length" })?.1.intValue {
            h += "  @\(off), \(len) byte(s)"
        }
        return h
    }
}
