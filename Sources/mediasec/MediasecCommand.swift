import ArgumentParser

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
}
