import ArgumentParser
import DuizhaoTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        subcommands: [
            ReadCommand.self, OutlineCommand.self, ShowCommand.self, CompareCommand.self, MatrixCommand.self,
            BookmarksCommand.self, AlignCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )

    /// Opens the reader straight away when the arguments can only mean "read these files"; everything else goes
    /// through swift-argument-parser. Its parse reflects over every command and costs about 2 ms of runtime
    /// protocol-conformance scans in a large static binary before the first byte reaches the terminal.
    static func main() {
        TerminalSignals.ignoreFileSizeLimitSignal()
        guard let files = plainReadFiles(Array(CommandLine.arguments.dropFirst())) else {
            main(nil)
            return
        }
        do {
            try ReadCommand.read(files)
        } catch let code as ExitCode {
            exitProcess(code.rawValue)  // its message is out already: no help text to build
        } catch {
            exit(withError: error)
        }
    }

    /// The files to read when `arguments` is nothing or one or two operands, none an option (`-…`) nor the
    /// name of a subcommand or `help`; nil when swift-argument-parser must decide.
    static func plainReadFiles(_ arguments: [String]) -> [String]? {
        guard arguments.count <= 2 else { return nil }
        if arguments.isEmpty { return [] }
        assert(
            Set(reservedNames) == Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]),
            "reservedNames must list the subcommands")
        for argument in arguments where argument.isEmpty || argument.hasPrefix("-") || reservedNames.contains(argument)
        {
            return nil
        }
        return arguments
    }

    /// The subcommands' names and `help`: an operand with one of them is not a file to read. Written out because
    /// asking swift-argument-parser for them costs milliseconds of runtime type lookups at start; debug builds
    /// (the tests') check that they agree.
    static let reservedNames = ["read", "outline", "show", "compare", "matrix", "bookmarks", "align", "help"]
}

/// The version printed by `--version` on every command.
let duizhaoVersion = "0.1.0"

/// Ends the process with `status` (the C library's `exit`, which a command's static `exit(withError:)` hides).
private func exitProcess(_ status: Int32) -> Never {
    exit(status)
}
