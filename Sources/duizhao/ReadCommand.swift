import ArgumentParser

/// Opens the full-screen reader. (Reader under construction.)
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the reader (the default command).", version: duizhaoVersion)

    @Argument(help: "NATIONAL [PROVINCIAL]: one file to read alone, or a pair; the bundled pair when omitted.")
    var files: [String] = []

    func run() throws {
        throw ValidationError("the reader is not built yet")
    }
}
