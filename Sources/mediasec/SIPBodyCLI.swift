import Foundation
import MediasecCore
import MIKEY
import CMS
import SDP
import ResourceLists
import SIPBody

/// `--format sip-body` for decode and validate.
///
/// Input: a MIME entity (header lines with `Content-Type: multipart/…`,
/// optionally MIME-Version, Content-Disposition, Content-Length…; an empty
/// line; the body), or a whole SIP message (request or status line first),
/// or — with `--content-type VALUE` — the bare body. Offsets in findings and
/// in the framing of the tree are offsets into the file.
enum SIPBodyCLI {
    /// The entity of the input, or a usage failure when nothing says how to
    /// split the body.
    static func entity(_ bytes: [UInt8], input: InputOptions) throws -> SIPBodyEntity {
        if let ct = input.contentType { return SIPBodyEntity(body: bytes, contentType: ct) }
        if bytes.starts(with: [0x2d, 0x2d]) {
            throw UsageFailure(description: "sip-body input starts with a boundary delimiter (--…): it is a bare body; give its Content-Type with --content-type VALUE")
        }
        let e = SIPBodyEntity.parse(bytes)
        guard e.contentType != nil else {
            throw UsageFailure(description: "sip-body input needs a Content-Type: start the file with a \"Content-Type: multipart/mixed;boundary=…\" header line and an empty line before the body, or give --content-type VALUE")
        }
        return e
    }

    /// Every part's codec with the command line's profiles and keys.
    /// `--profile` names go to each format that knows them (tr33829 is
    /// both MIKEY's and SDP's); `--key` feeds the application/mikey part,
    /// the a=key-mgmt messages and, without --cek/--kek, an id-ori-mikey
    /// recipient of a CMS part.
    static func options(profiles names: [String], input: InputOptions, keys: MIKEYKeys, cmsKey: CMSKeySource?) throws -> SIPBodyValidationOptions {
        var mikeyProfiles: Set<MIKEYProfileName>? = nil
        var cmsProfiles: Set<CMSProfileName>? = nil
        var sdpProfiles: Set<SDPProfileName>? = nil
        var listProfiles: Set<ResourceListsProfileName>? = nil
        for n in names {
            var known = false
            if let p = MIKEYProfileName(rawValue: n) { mikeyProfiles = (mikeyProfiles ?? []).union([p]); known = true }
            if let p = CMSProfileName(rawValue: n) { cmsProfiles = (cmsProfiles ?? []).union([p]); known = true }
            if let p = SDPProfileName(rawValue: n) { sdpProfiles = (sdpProfiles ?? []).union([p]); known = true }
            if let p = ResourceListsProfileName(rawValue: n) { listProfiles = (listProfiles ?? []).union([p]); known = true }
            if !known {
                let all = MIKEYProfileName.allCases.map(\.rawValue) + CMSProfileName.allCases.map(\.rawValue)
                    + SDPProfileName.allCases.map(\.rawValue) + ResourceListsProfileName.allCases.map(\.rawValue)
                throw UsageFailure(description: "unknown profile \(n) (known: \(Array(Set(all)).sorted().joined(separator: ", ")))")
            }
        }
        let cp = try input.cmsCodePoints()
        let mikey = MIKEYValidationOptions(profiles: mikeyProfiles, codePoints: cp.mikey, keys: keys)
        return SIPBodyValidationOptions(
            sdp: SDPValidationOptions(profiles: sdpProfiles, mikey: MIKEYValidationOptions(codePoints: cp.mikey, keys: keys)),
            mikey: mikey,
            resourceLists: ResourceListsValidationOptions(profiles: listProfiles),
            cms: CMSValidationOptions(profiles: cmsProfiles, encodingRules: input.rules.rules, codePoints: cp, key: cmsKey)
        )
    }

    static func validate(_ bytes: [UInt8], input: InputOptions, options: SIPBodyValidationOptions) throws -> SIPBodyEntityReport {
        let e = try entity(bytes, input: input)
        guard let r = SIPBodyValidator(options: options).validate(e) else {
            throw UsageFailure(description: "sip-body input has no Content-Type")
        }
        return r
    }

    // MARK: Text

    /// The title line of the tree and of the validate summary.
    static func title(_ r: SIPBodyEntityReport) -> String {
        let d = r.body.decoded
        let ct = d.contentType?.essence ?? "unparsable Content-Type"
        let b = d.boundary.map { ", boundary \"\($0)\"" } ?? ""
        return "SIP body, \(r.entity.input.count) bytes, \(ct)\(b), \(d.parts.count) part(s) [RFC 2046 §5.1.1, RFC 5621, TR 33.829 clause 5.3.3.3]"
    }

    static func span(_ r: Range<Int>) -> String { "@\(r.lowerBound), \(r.count) byte(s)" }

    /// The readable tree: the entity's headers, the framing, then each
    /// part's headers and its content as its own module renders it (MIKEY
    /// payloads with registry names, CMS elements with OID names, the SDP
    /// and resource-lists trees).
    static func render(_ r: SIPBodyEntityReport, profile: CodePointProfile) -> String {
        let e = r.entity
        let d = r.body.decoded
        var out = title(r) + "\n"
        if let s = e.startLine { out += "  start line: \(s)\n" }
        switch e.contentTypeSource {
        case .given: out += "  Content-Type (--content-type): \(e.contentType ?? "")\n"
        case .header, .missing:
            out += "  headers: \(e.headers.count) field(s)\n"
            for h in e.headers { out += "    \(h.name): \(h.value)  @\(h.offset)\n" }
        }
        out += "  body  \(span(e.bodyRange))\n"
        if let p = d.preambleRange, !p.isEmpty { out += "  preamble  \(span(p))\n" }
        for p in d.parts {
            var enc = p.transferEncoding?.name ?? "none"
            if p.content == nil { enc += ", not decoded" }
            out += "  parts[\(p.index)] \(p.mediaType)  \(span(p.range))\n"
            out += "    delimiter  @\(p.delimiterOffset)\n"
            for h in p.headers { out += "    \(h.name): \(h.value)  @\(h.offset)\n" }
            out += "    body  \(span(p.bodyRange)), transfer encoding \(enc)\(p.content.map { ", \($0.count) content byte(s)" } ?? "")\n"
            guard let pr = r.body.partReports[p.index] else { continue }
            var tree: JSONValue = .null
            var merge = false
            var what = ""
            switch pr {
            case .sdp(let s):
                tree = s.decoded.map { SDPJSON.tree($0, codePoints: profile) } ?? .null
                what = "SDP session description [RFC 8866]"
            case .resourceLists(let l):
                tree = l.decoded.map { ResourceListsJSON.tree($0) } ?? .null
                what = "resource-lists document [RFC 4826]"
            case .mikey(let m):
                tree = m.decoded.map { MIKEYJSON.tree($0, profile: profile) } ?? .null
                what = "MIKEY message [RFC 3830]"
            case .cms(let c):
                tree = c.decodedTree()
                merge = true
                what = "CMS ContentInfo [RFC 5652, RFC 5083]"
            }
            if tree == .null {
                out += "    \(pr.pathName): \(what), cannot be decoded (see the findings under parts[\(p.index)].\(pr.pathName))\n"
            } else {
                out += "    \(pr.pathName): \(what); offsets inside count from the part's first content byte\n"
                TreeRenderer.walk(tree, indent: 3, into: &out, profile: profile, mergeNames: merge)
            }
        }
        if let c = d.closeDelimiterOffset { out += "  close delimiter  @\(c)\n" }
        if let ep = d.epilogueRange, !ep.isEmpty { out += "  epilogue  \(span(ep))\n" }
        return out
    }

    /// Profiles that ran in the nested codecs, for the summary line.
    static func profiles(_ r: SIPBodyEntityReport) -> [String] {
        var s = Set<String>()
        for (_, pr) in r.body.partReports {
            switch pr {
            case .sdp(let x): s.formUnion(x.profiles.map { "sdp:" + $0.rawValue })
            case .resourceLists(let x): s.formUnion(x.profiles.map { "resource-lists:" + $0.rawValue })
            case .mikey(let x): s.formUnion(x.profiles.map { "mikey:" + $0.rawValue })
            case .cms(let x): s.formUnion(x.profiles.map { "cms:" + $0.rawValue })
            }
        }
        if r.body.conferenceFactory { s.insert("sip-body:tr33829-conference-factory") }
        return s.sorted()
    }
}
