import ArgumentParser
import Foundation

@main
struct MediasecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediasec",
        abstract: "Conformance and fuzzing suite for the wire formats of 3GPP IMS media security (TR 33.829 / TS 33.328).",
        discussion: """
        Exit status of validate: 0 = no error-severity finding, 1 = at least one, 2 = usage or I/O error.
        """,
        subcommands: [DecodeCommand.self, ValidateCommand.self, SelftestCommand.self, GenerateVectorsCommand.self, BenchCommand.self]
    )

    /// The exit contract users' CI relies on: a usage error (unknown option,
    /// bad value, failed validation of the arguments) exits 2, not
    /// ArgumentParser's EX_USAGE 64. Help and version still exit 0; every
    /// other error keeps its own code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
