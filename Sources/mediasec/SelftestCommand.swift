import ArgumentParser

struct SelftestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "selftest")
    func run() throws { throw ExitCode(2) }
}
