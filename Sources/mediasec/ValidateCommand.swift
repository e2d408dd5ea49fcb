import ArgumentParser
import Foundation
import MediasecCore
import MIKEY
import SDP
import ResourceLists
import CMS
import SIPBody

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a message against the applicable profiles; exit 0 if no error-severity finding, 1 if any, 2 on usage or I/O error.",
        discussion: """
        MIKEY: --key NAME=HEX verifies the MAC and decrypts the KEMAC. CMS / S/MIME: one key source opens \
        the AuthEnvelopedData and verifies its tag: --cek HEX (the content-encryption key), --kek HEX \
        [--kek-id HEX] (a KEKRecipientInfo, AES key wrap), or --key psk=HEX (and idi/idr/…: the MIKEY keys of \
        an id-ori-mikey TRANSFER_INIT). For S/MIME the decrypted inner MIME entity is parsed and shown. \
        sip-body: the file starts with header lines holding the body's Content-Type (or a whole SIP message), \
        then an empty line and the body; --content-type VALUE for a file holding only the body. Each part goes \
        through its codec with the same --profile/--key/--cek/--kek options; findings carry their part path \
        (parts[i].sdp|resourceLists|mikey|cms…). SDP offer/answer: validate OFFER --answer ANSWER.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Profile to run (repeatable or comma-separated). MIKEY: \(MIKEYProfileName.allCases.map(\.rawValue).joined(separator: ", ")); CMS / S/MIME: \(CMSProfileName.allCases.map(\.rawValue).joined(separator: ", ")); SDP: \(SDPProfileName.allCases.map(\.rawValue).joined(separator: ", ")); resource-lists: \(ResourceListsProfileName.allCases.map(\.rawValue).joined(separator: ", ")); sip-body: any of these, each to the parts that know it. Default: every profile that applies.")
    var profile: [String] = []

    @Option(name: .long, help: "Key or side input NAME=HEX (repeatable): \(MIKEYKeys.knownNames.joined(separator: ", ")). For CMS: the keys of an id-ori-mikey TRANSFER_INIT.")
    var key: [String] = []

    @Option(name: .long, help: "CMS / S/MIME: the content-encryption key (hex).")
    var cek: String?

    @Option(name: .long, help: "CMS / S/MIME: a key-encryption key for a KEKRecipientInfo (hex; 16, 24 or 32 bytes).")
    var kek: String?

    @Option(name: .customLong("kek-id"), help: "CMS / S/MIME: only try the kekri with this keyIdentifier (hex).")
    var kekID: String?

    @Option(name: .long, help: "SDP only: the answer to the offer given as input; runs the offer/answer rules (RFC 3264, 4145, 4568, 4567, 8122, 8842, 8856) besides each description's own.")
    var answer: String?

    @Flag(name: .long, help: "Print one JSON object: {format, valid, findings, decoded}.")
    var json = false

    @Flag(name: .long, help: "Also list info-severity findings in the text report.")
    var verbose = false

    var profileNames: [String] { profile.flatMap { $0.split(separator: ",").map(String.init) } }

    func parsedProfiles() throws -> Set<MIKEYProfileName>? {
        let names = profileNames
        if names.isEmpty { return nil }
        var s = Set<MIKEYProfileName>()
        for n in names {
            guard let p = MIKEYProfileName(rawValue: n) else {
                throw UsageFailure(description: "unknown profile \(n) (known: \(MIKEYProfileName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            s.insert(p)
        }
        return s
    }

    func parsedCMSProfiles() throws -> Set<CMSProfileName>? {
        let names = profileNames
        if names.isEmpty { return nil }
        var s = Set<CMSProfileName>()
        for n in names {
            guard let p = CMSProfileName(rawValue: n) else {
                throw UsageFailure(description: "unknown CMS profile \(n) (known: \(CMSProfileName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            s.insert(p)
        }
        return s
    }

    func parsedKeys() throws -> MIKEYKeys {
        var k = MIKEYKeys()
        for entry in key {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, MIKEYKeys.knownNames.contains(parts[0]) else {
                throw UsageFailure(description: "--key \(entry): expected NAME=HEX with NAME in \(MIKEYKeys.knownNames.joined(separator: ", "))")
            }
            guard let v = Hex.decode(parts[1]) else { throw UsageFailure(description: "--key \(parts[0]): value is not hex") }
            k.values[parts[0]] = v
        }
        return k
    }

    static func hexOption(_ v: String?, _ name: String) throws -> [UInt8]? {
        guard let v else { return nil }
        guard let b = Hex.decode(v), !b.isEmpty else { throw UsageFailure(description: "--\(name): value is not hex") }
        return b
    }

    /// At most one key source for CMS: --cek, --kek [--kek-id] or --key (MIKEY).
    func cmsKeySource() throws -> CMSKeySource? {
        let cekBytes = try Self.hexOption(cek, "cek")
        let kekBytes = try Self.hexOption(kek, "kek")
        let kid = try Self.hexOption(kekID, "kek-id")
        let mikey = try parsedKeys()
        let given = [cekBytes != nil, kekBytes != nil, !mikey.isEmpty].filter { $0 }.count
        if given > 1 { throw UsageFailure(description: "give one key source: --cek, --kek (with --kek-id) or --key (MIKEY keys of an id-ori-mikey recipient)") }
        if kid != nil && kekBytes == nil { throw UsageFailure(description: "--kek-id needs --kek") }
        if let c = cekBytes { return .cek(c) }
        if let k = kekBytes { return .kek(k, keyIdentifier: kid) }
        if !mikey.isEmpty { return .mikey(mikey) }
        return nil
    }

    /// The key of a sip-body's CMS parts: --cek or --kek when given, else the
    /// --key MIKEY keys (an id-ori-mikey recipient); --key may go with
    /// --cek/--kek here, since it also feeds the application/mikey part.
    func sipBodyCMSKey() throws -> CMSKeySource? {
        let cekBytes = try Self.hexOption(cek, "cek")
        let kekBytes = try Self.hexOption(kek, "kek")
        let kid = try Self.hexOption(kekID, "kek-id")
        if cekBytes != nil && kekBytes != nil { throw UsageFailure(description: "give one CMS key: --cek or --kek (with --kek-id)") }
        if kid != nil && kekBytes == nil { throw UsageFailure(description: "--kek-id needs --kek") }
        if let c = cekBytes { return .cek(c) }
        if let k = kekBytes { return .kek(k, keyIdentifier: kid) }
        let mikey = try parsedKeys()
        return mikey.isEmpty ? nil : .mikey(mikey)
    }

    /// `--profile` names for the text formats (nil: every applicable profile).
    func parsedTextProfiles<P: RawRepresentable & Hashable & CaseIterable>(_: P.Type) throws -> Set<P>? where P.RawValue == String {
        let names = profile.flatMap { $0.split(separator: ",").map(String.init) }
        if names.isEmpty { return nil }
        var s = Set<P>()
        for n in names {
            guard let p = P(rawValue: n) else {
                throw UsageFailure(description: "unknown profile \(n) (known: \(P.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            s.insert(p)
        }
        return s
    }

    func run() throws {
        var status: Int32 = 0
        try withUsageExit {
            let bytes = try input.readBytes()
            let format = try input.resolvedFormat(bytes)
            if let answerPath = answer {
                guard format == .sdp else {
                    throw UsageFailure(description: "--answer pairs two SDP descriptions; the input is \(format.rawValue) (give --format sdp, or extract the application/sdp parts)")
                }
                let cp = try input.codePointProfile()
                let options = SDPValidationOptions(profiles: try parsedTextProfiles(SDPProfileName.self), mikey: MIKEYValidationOptions(codePoints: cp, keys: try parsedKeys()))
                let answerBytes = try OfferAnswerCLI.readAnswer(answerPath, encoding: input.inputEncoding)
                status = OfferAnswerCLI.run(offer: bytes, answer: answerBytes, options: options, codePoints: cp, json: json, verbose: verbose)
                return
            }
            switch format {
            case .mikey, .auto:
                if cek != nil || kek != nil || kekID != nil { throw UsageFailure(description: "--cek / --kek / --kek-id apply to cms, smime and sip-body input") }
                let cp = try input.codePointProfile()
                let options = MIKEYValidationOptions(profiles: try parsedProfiles(), codePoints: cp, keys: try parsedKeys())
                let report = MIKEYValidator(options: options).validate(bytes)
                status = report.isValid ? 0 : 1
                if json { print(report.json(codePoints: cp).serialized()); return }
                print(ReportText.summary("mikey", report.findings, profiles: report.profiles.map(\.rawValue)))
                ReportText.list(report.findings, verbose: verbose, input: nil)
            case .cms:
                let cp = try input.cmsCodePoints()
                let options = CMSValidationOptions(profiles: try parsedCMSProfiles(), encodingRules: input.rules.rules, codePoints: cp, key: try cmsKeySource())
                let report = CMSValidator(options: options).validate(bytes)
                status = report.isValid ? 0 : 1
                if json { print(report.json(codePoints: cp).serialized()); return }
                print(ReportText.summary("cms", report.findings, profiles: report.profiles.map(\.rawValue), rules: input.rules.rawValue))
                ReportText.list(report.findings, verbose: verbose, input: nil)
                if let p = report.plaintext { print("  content: \(p.content.count) octets of \(CMSOID.name(of: p.contentType, codePoints: cp) ?? p.contentType), tag verified") }
            case .sdp:
                let cp = try input.codePointProfile()
                let options = SDPValidationOptions(profiles: try parsedTextProfiles(SDPProfileName.self), mikey: MIKEYValidationOptions(codePoints: cp, keys: try parsedKeys()))
                let report = SDPValidator(options: options).validate(bytes)
                status = report.isValid ? 0 : 1
                if json { print(report.json(codePoints: cp).serialized()); return }
                print(ReportText.summary("sdp", report.findings, profiles: report.profiles.map(\.rawValue)))
                ReportText.list(report.findings, verbose: verbose, input: bytes)
            case .resourceLists:
                let report = ResourceListsValidator(options: ResourceListsValidationOptions(profiles: try parsedTextProfiles(ResourceListsProfileName.self))).validate(bytes)
                status = report.isValid ? 0 : 1
                if json { print(report.json().serialized()); return }
                print(ReportText.summary("resource-lists", report.findings, profiles: report.profiles.map(\.rawValue)))
                ReportText.list(report.findings, verbose: verbose, input: bytes)
            case .sipBody:
                let options = try SIPBodyCLI.options(profiles: profileNames, input: input, keys: try parsedKeys(), cmsKey: try sipBodyCMSKey())
                let report = try SIPBodyCLI.validate(bytes, input: input, options: options)
                status = report.isValid ? 0 : 1
                let cp = try input.codePointProfile()
                if json { print(report.json(codePoints: cp).serialized()); return }
                print(ReportText.summary("sip-body", report.findings, profiles: SIPBodyCLI.profiles(report)))
                print("  " + SIPBodyCLI.title(report))
                ReportText.list(report.findings, verbose: verbose, input: bytes)
            case .smime:
                let cp = try input.cmsCodePoints()
                let cms = CMSValidationOptions(profiles: try parsedCMSProfiles(), encodingRules: input.rules.rules, codePoints: cp, key: try cmsKeySource())
                let report = SMIMEValidator(options: SMIMEValidationOptions(cms: cms)).validate(bytes)
                status = report.isValid ? 0 : 1
                if json { print(report.json(codePoints: cp).serialized()); return }
                print(ReportText.summary("smime", report.findings, profiles: (report.cms?.profiles ?? []).map(\.rawValue), rules: input.rules.rawValue))
                ReportText.list(report.findings, verbose: verbose, input: bytes)
                if let inner = report.inner {
                    print("  inner entity: \(inner.mediaType), \(inner.fields.count) header field(s), \(inner.body.count)-octet body")
                    for f in inner.fields { print("    \(f.name): \(f.value)") }
                    if let text = String(validating: inner.body, as: UTF8.self) {
                        for l in text.split(separator: "\n", omittingEmptySubsequences: false) { print("    | " + l.filter { $0 != "\r" }) }
                    }
                }
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The text form of validation reports (all formats).
enum ReportText {
    static func summary(_ format: String, _ findings: [Finding], profiles: [String], rules: String? = nil) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let infos = findings.count - errors - warnings
        let r = rules.map { ", rules: \($0)" } ?? ""
        return "\(format): \(findings.isValid ? "VALID" : "INVALID") — \(errors) error(s), \(warnings) warning(s), \(infos) info [profiles: \(profiles.sorted().joined(separator: ", "))\(r)]"
    }

    /// `@offset` (and `line:column` when the input is text).
    static func position(_ f: Finding, input: [UInt8]?) -> String {
        guard let o = f.offset else { return "@-" }
        guard let input else { return "@\(o)" }
        let (l, c) = LineEndings.location(of: o, in: input)
        return "@\(o) (\(l):\(c))"
    }

    static func line(_ f: Finding, input: [UInt8]?) -> String {
        "\(f.severity.rawValue) \(f.code) \(position(f, input: input)) \(f.path) [\(f.specRef)]: \(f.message)"
    }

    static func list(_ findings: [Finding], verbose: Bool, input: [UInt8]?) {
        for f in findings where verbose || f.severity != .info {
            print("  \(f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(f.code)  \(position(f, input: input))  \(f.path)  [\(f.specRef)]")
            print("          \(f.message)")
        }
    }
}
