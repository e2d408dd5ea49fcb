import ArgumentParser
import Foundation
import MediasecCore
import MIKEY

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a message against the applicable profiles; exit 0 if no error-severity finding, 1 if any, 2 on usage or I/O error."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Profile to run (repeatable or comma-separated): rfc3830, rfc6043, tr33829. Default: every profile that applies.")
    var profile: [String] = []

    @Option(name: .long, help: "Key or side input NAME=HEX (repeatable): \(MIKEYKeys.knownNames.joined(separator: ", ")).")
    var key: [String] = []

    @Flag(name: .long, help: "Print one JSON object: {format, valid, findings, decoded}.")
    var json = false

    @Flag(name: .long, help: "Also list info-severity findings in the text report.")
    var verbose = false

    func parsedProfiles() throws -> Set<MIKEYProfileName>? {
        let names = profile.flatMap { $0.split(separator: ",").map(String.init) }
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

    func run() throws {
        var status: Int32 = 0
        try withUsageExit {
            let bytes = try input.readBytes()
            let cp = try input.codePointProfile()
            let options = MIKEYValidationOptions(profiles: try parsedProfiles(), codePoints: cp, keys: try parsedKeys())
            let report = MIKEYValidator(options: options).validate(bytes)
            status = report.isValid ? 0 : 1
            if json {
                print(report.json(codePoints: cp).serialized())
                return
            }
            let errors = report.findings.filter { $0.severity == .error }.count
            let warnings = report.findings.filter { $0.severity == .warning }.count
            let infos = report.findings.count - errors - warnings
            let profiles = report.profiles.map(\.rawValue).sorted().joined(separator: ", ")
            print("mikey: \(report.isValid ? "VALID" : "INVALID") — \(errors) error(s), \(warnings) warning(s), \(infos) info [profiles: \(profiles)]")
            for f in report.findings where verbose || f.severity != .info {
                let at = f.offset.map { "@\($0)" } ?? "@-"
                print("  \(f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(f.code)  \(at)  \(f.path)  [\(f.specRef)]")
                print("          \(f.message)")
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
