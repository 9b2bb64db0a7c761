import ArgumentParser

/// Prints the clause alignment of a pair. (Under construction.)
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Align a provincial document with its national source.", version: duizhaoVersion)

    func run() throws {
        throw ValidationError("compare is not built yet")
    }
}
