import MediasecCore
import MIKEY
import SDP
import ResourceLists
import CMS

/// The decoded structure of a SIP body as JSON: the framing, each part's
/// headers and ranges, and (from a report) each part's own decoded tree
/// under its format name (`sdp`, `resourceLists`, `mikey`, `cms`), as the
/// part's module renders it.
public enum SIPBodyJSON {
    /// The framing only.
    public static func tree(_ d: DecodedSIPBody) -> JSONValue {
        tree(d, nested: [:])
    }

    /// The framing with each validated part's decoded tree.
    public static func tree(_ r: SIPBodyValidationReport, codePoints: CodePointProfile = .default) -> JSONValue {
        var nested: [Int: (String, JSONValue)] = [:]
        for (i, pr) in r.partReports {
            let t: JSONValue
            switch pr {
            case .sdp(let s): t = s.decoded.map { SDPJSON.tree($0, codePoints: codePoints) } ?? .null
            case .resourceLists(let l): t = l.decoded.map { ResourceListsJSON.tree($0) } ?? .null
            case .mikey(let m): t = m.decoded.map { MIKEYJSON.tree($0, profile: codePoints) } ?? .null
            case .cms(let c): t = c.decodedTree()
            }
            nested[i] = (pr.pathName, t)
        }
        return tree(r.decoded, nested: nested)
    }

    static func range(_ r: Range<Int>?) -> JSONValue {
        guard let r else { return .null }
        return .object([("offset", .int(r.lowerBound)), ("length", .int(r.count))])
    }

    static func mediaType(_ t: MediaType?) -> JSONValue {
        guard let t else { return .null }
        return .object([
            ("value", .string(t.essence)),
            ("parameters", .object(t.parameters.map { ($0.name, .string($0.value)) })),
        ])
    }

    static func tree(_ d: DecodedSIPBody, nested: [Int: (String, JSONValue)]) -> JSONValue {
        var parts: [JSONValue] = []
        for p in d.parts {
            var o: [(String, JSONValue)] = [
                ("index", .int(p.index)),
                ("delimiterOffset", .int(p.delimiterOffset)),
                ("range", range(p.range)),
                ("headers", .array(p.headers.map { .object([("name", .string($0.name)), ("value", .string($0.value)), ("offset", .int($0.offset))]) })),
                ("mediaType", .string(p.mediaType)),
                ("contentType", mediaType(p.contentType)),
                ("contentTransferEncoding", p.transferEncoding.map { .string($0.name) } ?? .null),
                ("contentDisposition", mediaType(p.disposition)),
                ("body", range(p.bodyRange)),
                ("contentLength", p.content.map { .int($0.count) } ?? .null),
            ]
            if let (name, t) = nested[p.index] { o.append((name, t)) }
            parts.append(.object(o))
        }
        return .object([
            ("contentType", mediaType(d.contentType)),
            ("multipart", .bool(d.isMultipart)),
            ("boundary", d.boundary.map { .string($0) } ?? .null),
            ("preamble", range(d.preambleRange)),
            ("parts", .array(parts)),
            ("closeDelimiterOffset", d.closeDelimiterOffset.map { .int($0) } ?? .null),
            ("epilogue", range(d.epilogueRange)),
        ])
    }
}
