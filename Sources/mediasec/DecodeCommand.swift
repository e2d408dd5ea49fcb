import ArgumentParser
import Foundation
import MediasecCore
import MIKEY
import SDP
import ResourceLists
import CMS
import SIPBody

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a message and print its tree with byte offsets (or JSON).",
        discussion: "Formats: mikey, cms (ContentInfo / AuthEnvelopedData; --rules der|ber), smime (an application/pkcs7-mime entity and the CMS object in it), sdp, resource-lists, sip-body (a multipart body: header lines with its Content-Type, an empty line, the body; or the bare body with --content-type). Exit 0 when the input decodes, 1 when it does not, 2 on usage or I/O errors."
    )

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "Print one JSON object instead of the tree.")
    var json = false

    func run() throws {
        var status: Int32 = 0
        try withUsageExit {
            let bytes = try input.readBytes()
            switch try input.resolvedFormat(bytes) {
            case .mikey, .auto: status = try decodeMIKEY(bytes)
            case .cms: status = try decodeCMS(bytes)
            case .smime: status = try decodeSMIME(bytes)
            case .sdp:
                // The decoded tree of the validator's report (findings included).
                let cp = try input.codePointProfile()
                let report = SDPValidator(options: SDPValidationOptions(mikey: MIKEYValidationOptions(codePoints: cp))).validate(bytes)
                let fatal = report.findings.filter { $0.code.hasPrefix("sdp.limit") || $0.code == "sdp.empty" || report.decoded == nil }
                status = fatal.isEmpty ? 0 : 1
                if json { print(report.json(codePoints: cp).serialized()); return }
                if let d = report.decoded {
                    print(TreeRenderer.render(SDPJSON.tree(d, codePoints: cp), title: "SDP session description, \(bytes.count) bytes [RFC 8866]", profile: cp), terminator: "")
                } else {
                    print("SDP session description, \(bytes.count) bytes: cannot be decoded")
                }
                for f in fatal { print("  " + ReportText.line(f, input: bytes)) }
            case .resourceLists:
                let report = ResourceListsValidator().validate(bytes)
                let fatal = report.findings.filter { $0.code.hasPrefix("resource-lists.xml.") || $0.code.hasPrefix("resource-lists.limit.") || report.decoded == nil }
                status = fatal.isEmpty ? 0 : 1
                if json { print(report.json().serialized()); return }
                if let d = report.decoded {
                    print(TreeRenderer.render(ResourceListsJSON.tree(d), title: "resource-lists document, \(bytes.count) bytes [RFC 4826]", profile: .default), terminator: "")
                } else {
                    print("resource-lists document, \(bytes.count) bytes: cannot be decoded")
                }
                for f in fatal { print("  " + ReportText.line(f, input: bytes)) }
            case .sipBody: status = try decodeSIPBody(bytes)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    func decodeMIKEY(_ bytes: [UInt8]) throws -> Int32 {
        let profile = try input.codePointProfile()
        do throws(DecodingError) {
            let d = try MIKEYDecoder(profile: profile).decode(bytes)
            let tree = MIKEYJSON.tree(d, profile: profile)
            if json {
                print(JSONValue.object([("format", .string("mikey")), ("valid", .bool(true)), ("findings", .array([])), ("decoded", tree)]).serialized())
            } else {
                print(TreeRenderer.render(tree, title: "MIKEY message, \(bytes.count) bytes [RFC 3830]", profile: profile), terminator: "")
            }
            return 0
        } catch {
            if json {
                print(JSONValue.object([("format", .string("mikey")), ("valid", .bool(false)), ("findings", JSONValue([error.finding])), ("decoded", .null)]).serialized())
            } else {
                print("MIKEY message, \(bytes.count) bytes: cannot be decoded")
                print("  " + error.finding.description)
            }
            return 1
        }
    }

    /// Decoding only: the tolerated deviations (under --rules ber) are the findings.
    func decodeCMS(_ bytes: [UInt8]) throws -> Int32 {
        let cp = try input.cmsCodePoints()
        do throws(DecodingError) {
            let d = try CMSDecoder(rules: input.rules.rules, codePoints: cp).decode(bytes)
            let tree = CMSJSON.tree(d, codePoints: cp)
            if json {
                print(JSONValue.object([("format", .string("cms")), ("valid", .bool(d.findings.isValid)), ("findings", JSONValue(d.findings)), ("decoded", tree)]).serialized())
            } else {
                print(TreeRenderer.render(tree, title: "CMS ContentInfo, \(bytes.count) bytes, \(d.rules.name.uppercased()) [RFC 5652, RFC 5083]", profile: cp.mikey, mergeNames: true), terminator: "")
                for f in d.findings { print("  " + f.description) }
            }
            return d.findings.isValid ? 0 : 1
        } catch {
            if json {
                print(JSONValue.object([("format", .string("cms")), ("valid", .bool(false)), ("findings", JSONValue([error.finding])), ("decoded", .null)]).serialized())
            } else {
                print("CMS ContentInfo, \(bytes.count) bytes: cannot be decoded under \(input.rules.rawValue.uppercased())")
                print("  " + error.finding.description)
            }
            return 1
        }
    }

    /// The entity and the CMS object in it (no key: nothing is decrypted).
    func decodeSMIME(_ bytes: [UInt8]) throws -> Int32 {
        let cp = try input.cmsCodePoints()
        let p = SMIMEParser().parse(bytes)
        var findings = p.findings
        var cmsTree: JSONValue = .null
        if p.hasCMSBody {
            do throws(DecodingError) {
                let d = try CMSDecoder(rules: input.rules.rules, codePoints: cp).decode(p.entity.content)
                cmsTree = CMSJSON.tree(d, codePoints: cp)
                findings += d.findings.map { p.relocated($0) }
            } catch {
                findings.append(p.relocated(error.finding))
            }
        }
        let tree = JSONValue.object([("entity", SMIMEJSON.entity(p)), ("cms", cmsTree), ("inner", .null)])
        if json {
            print(JSONValue.object([("format", .string("smime")), ("valid", .bool(findings.isValid)), ("findings", SMIMEJSON.findings(findings, in: bytes)), ("decoded", tree)]).serialized())
        } else {
            print(TreeRenderer.render(tree, title: "S/MIME entity, \(bytes.count) bytes [RFC 8551 §3.2, TR 33.829 Annex B]", profile: cp.mikey, mergeNames: true), terminator: "")
            for f in findings { print("  " + ReportText.line(f, input: bytes)) }
        }
        return findings.isValid ? 0 : 1
    }

    /// The framing and each part's decoded tree (no key: nothing is
    /// decrypted). Exit 1 when the body has no part or a part of a known
    /// type does not decode; the findings are those of validate.
    func decodeSIPBody(_ bytes: [UInt8]) throws -> Int32 {
        let cp = try input.codePointProfile()
        let options = try SIPBodyCLI.options(profiles: [], input: input, keys: MIKEYKeys(), cmsKey: nil)
        let r = try SIPBodyCLI.validate(bytes, input: input, options: options)
        if json {
            print(r.json(codePoints: cp).serialized())
        } else {
            print(SIPBodyCLI.render(r, profile: cp), terminator: "")
            let shown = r.findings.filter { $0.severity != .info }
            if !shown.isEmpty { print("  findings (validate for the full report):") }
            for f in shown { print("    " + ReportText.line(f, input: bytes)) }
        }
        return r.isDecoded ? 0 : 1
    }
}
