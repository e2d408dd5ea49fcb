import ArgumentParser

struct GenerateVectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-vectors")
    func run() throws { throw ExitCode(2) }
}
