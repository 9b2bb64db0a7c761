import ArgumentParser

/// `duizhao`: read a national policy document and its provincial implementation side by side.
@main
struct Duizhao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duizhao",
        abstract: "Read a national policy document and a provincial implementation side by side.",
        discussion: """
            Without a subcommand, opens the reader: on the bundled pair when no files are given, \
            on one document alone with one file, side by side with two (national first).
            """,
        version: duizhaoVersion,
        subcommands: [ReadCommand.self, OutlineCommand.self, ShowCommand.self, CompareCommand.self, MatrixCommand.self, BookmarksCommand.self],
        defaultSubcommand: ReadCommand.self
    )
}

/// The version printed by `--version` on every command.
let duizhaoVersion = "0.1.0"
