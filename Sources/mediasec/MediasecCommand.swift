import ArgumentParser

struct MediasecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediasec",
        abstract: "Conformance and fuzzing suite for 3GPP IMS media security wire formats.",
        subcommands: [BenchCommand.self]
    )
}
