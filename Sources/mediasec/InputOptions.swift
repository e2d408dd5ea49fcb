import ArgumentParser
import Foundation
import MediasecCore
import MIKEY
import CMS
import SIPBody

/// How the input bytes are written.
enum InputEncoding: String, ExpressibleByArgument, CaseIterable {
    case auto, raw, hex, base64
}

/// Which codec reads the input.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case auto, mikey, cms, smime, sdp
    case resourceLists = "resource-lists"
    case sipBody = "sip-body"
}

/// `--rules`: the CMS encoding-rule set (FACTS.md §4). `der` (default) is the
/// strict profile: every DER deviation stops the decode with its `der.*`
/// code. `ber` decodes any BER (RFC 5652 §1), reports each deviation as a
/// warning (as an error for the three forms BER forbids too) and checks the
/// rest; authAttrs must be DER under both (`cms.authattrs.not-der`).
enum RulesOption: String, ExpressibleByArgument, CaseIterable {
    case der, ber

    var rules: EncodingRules { self == .der ? .der : .ber }
}

/// Usage and I/O failures: exit status 2 (the CLI contract).
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
}

struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: "|")).")
    var format: InputFormat = .auto

    @Option(name: .long, help: "Input encoding: auto|raw|hex|base64 (auto detects hex, then base64, else raw).")
    var inputEncoding: InputEncoding = .auto

    @Option(name: .customLong("code-point"), help: "Override a TR 33.829 code point: prot-tls|prot-psk-mime|prot-app|ext-conf|ext-proof-of-origin=0..255, or ori-mikey=OID (repeatable).")
    var codePoints: [String] = []

    @Option(name: .long, help: "CMS encoding rules: der (default; strict, the first deviation is fatal) or ber (every deviation reported, decoding goes on).")
    var rules: RulesOption = .der

    @Option(name: .customLong("code-points-file"), help: "File of KEY=VALUE code-point lines ('#' comments).")
    var codePointsFile: String?

    @Option(name: .customLong("content-type"), help: "sip-body: the Content-Type header value of a file that holds only the body (implies --format sip-body). Without it the file starts with its header lines (or a whole SIP message), an empty line, then the body.")
    var contentType: String?

    @Argument(help: "Input file, or - for standard input.")
    var file: String = "-"

    func readBytes() throws -> [UInt8] {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw UsageFailure(description: "cannot read \(file)") }
            data = d
        }
        return try InputOptions.decodeText([UInt8](data), encoding: inputEncoding)
    }

    static func decodeText(_ raw: [UInt8], encoding: InputEncoding) throws -> [UInt8] {
        switch encoding {
        case .raw: return raw
        case .hex:
            guard let b = Hex.decode(String(decoding: raw, as: UTF8.self)) else { throw UsageFailure(description: "input is not valid hex") }
            return b
        case .base64:
            guard let b = Base64.decode(String(decoding: raw, as: UTF8.self)) else { throw UsageFailure(description: "input is not valid base64") }
            return b
        case .auto:
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }
            let text = raw.filter { !isSpace($0) }
            if text.isEmpty { return raw }
            let isHex: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) || $0 == 0x3a }
            if text.allSatisfy(isHex), let b = Hex.decode(String(decoding: raw, as: UTF8.self)) { return b }
            let isB64: (UInt8) -> Bool = { (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2b || $0 == 0x2f || $0 == 0x3d }
            if text.allSatisfy(isB64), let b = Base64.decode(String(decoding: raw, as: UTF8.self)) { return b }
            return raw
        }
    }

    /// The code points of every format: MIKEY's and `ori-mikey` (FACTS.md §1).
    func cmsCodePoints() throws -> CMSCodePoints {
        var p = CMSCodePoints.default
        var settings: [String] = []
        if let f = codePointsFile {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { throw UsageFailure(description: "cannot read \(f)") }
            for line in text.split(whereSeparator: \.isNewline) {
                let l = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                if !l.trimmingCharacters(in: .whitespaces).isEmpty { settings.append(l) }
            }
        }
        settings += codePoints
        for s in settings {
            do { try p.apply(setting: s) } catch { throw UsageFailure(description: "--code-point \(s): \(error.message)") }
        }
        return p
    }

    func codePointProfile() throws -> CodePointProfile { try cmsCodePoints().mikey }

    /// The concrete format: `auto` resolves by content (``detectFormat(_:)``).
    func resolvedFormat(_ bytes: [UInt8]) throws -> InputFormat {
        if contentType != nil {
            guard format == .auto || format == .sipBody else { throw UsageFailure(description: "--content-type applies to sip-body input only") }
            return .sipBody
        }
        return format == .auto ? Self.detectFormat(bytes) : format
    }

    /// `auto`: a first octet 0x30 (a DER/BER SEQUENCE) is CMS; `v=` is SDP;
    /// `<` is resource-lists XML; a SIP request or status line, or a MIME
    /// header block whose Content-Type is multipart/…, is a SIP body; a MIME
    /// header block naming application/pkcs7-mime is S/MIME; anything else
    /// is MIKEY (whose first octet, the version, is 1).
    static func detectFormat(_ b: [UInt8]) -> InputFormat {
        if b.first == 0x30 { return .cms }
        // SDP starts with its v= line (RFC 8866 §5); XML with '<' (after an optional BOM/whitespace).
        if b.count >= 2 && b[0] == 0x76 && b[1] == 0x3d { return .sdp }
        if let first = b.drop(while: { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 || $0 == 0xef || $0 == 0xbb || $0 == 0xbf }).first, first == 0x3c {
            return .resourceLists
        }
        // A whole SIP message (RFC 3261 §7.1, §7.2): its body is what is checked.
        if SIPBodyEntity.sipStartLine(b) != nil { return .sipBody }
        // The header block: up to the first empty line, at most 64 KiB.
        let limit = min(b.count, 1 << 16)
        var end = limit
        var i = 0
        while i + 1 < limit {
            if b[i] == 0x0a && (b[i + 1] == 0x0a || (b[i + 1] == 0x0d && i + 2 < limit && b[i + 2] == 0x0a)) { end = i; break }
            i += 1
        }
        var k = 0
        while k < end, MIMEHeaderBlock.isFieldNameOctet(b[k]) { k += 1 }
        guard k > 0, k < end, b[k] == 0x3a else { return .mikey }
        let header = String(decoding: b[0..<end], as: UTF8.self).lowercased()
        // The Content-Type field (or SIP's compact `c`): multipart is a SIP
        // body even when a part inside is application/pkcs7-mime.
        for line in header.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard name == "content-type" || name == "c" else { continue }
            if line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).hasPrefix("multipart/") { return .sipBody }
            break
        }
        return header.contains("application/pkcs7-mime") ? .smime : .mikey
    }
}

/// Runs a command body, mapping usage/I/O failures to exit status 2.
func withUsageExit(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as UsageFailure {
        FileHandle.standardError.write(Data("mediasec: \(e.description)\n".utf8))
        throw ExitCode(2)
    }
}
