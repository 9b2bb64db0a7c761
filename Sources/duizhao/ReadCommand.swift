import ArgumentParser
import DuizhaoCore
import DuizhaoSession
import DuizhaoStore
import DuizhaoTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `duizhao [NATIONAL [PROVINCIAL]]`: the full-screen reader (the default command).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default command).",
        discussion: """
            With no files, reads the bundled pair. With one file, reads that document alone. With two, \
            reads the national document (left) and its provincial implementation (right) side by side, \
            scrolled together; the comparison runs in the background. Press ? in the reader for the keys.
            """,
        version: duizhaoVersion)

    @Argument(help: "NATIONAL [PROVINCIAL]: one file to read alone, or a pair; the bundled pair when omitted.")
    var files: [String] = []

    func validate() throws {
        if files.count > 2 { throw ValidationError("give at most two files: NATIONAL PROVINCIAL") }
    }

    func run() throws {
        // Import first: a bad file is reported on a normal terminal, before curses touches it.
        let national: PolicyDocument
        var provincial: PolicyDocument?
        switch files.count {
        case 0:
            national = BundledDocument.national.load()
            provincial = BundledDocument.provincial.load()
        case 1:
            national = try loadDocument(.file(files[0]))
        default:
            national = try loadDocument(.file(files[0]))
            provincial = try loadDocument(.file(files[1]))
        }
        guard isatty(STDOUT_FILENO) != 0, isatty(STDIN_FILENO) != 0 else {
            printError(Self.nonInteractiveUsage(stdoutIsTerminal: isatty(STDOUT_FILENO) != 0))
            throw ExitCode(2)
        }
        // Bookmarks and the last reading position live in the bookmark store; a read-only or disabled store
        // never stops the reader (its notice is shown in the status line). Opening it and identifying the
        // documents takes a few milliseconds, so it happens on a background thread while the first frame is drawn.
        try runOnTerminal {
            try TerminalSession.run(national: national, provincial: provincial) { [national, provincial] in
                storeStartup(national: national, provincial: provincial)
            }
        }
    }

    /// What to do instead when there is no terminal to draw on.
    static func nonInteractiveUsage(stdoutIsTerminal: Bool) -> String {
        let which = stdoutIsTerminal ? "standard input" : "standard output"
        return """
            duizhao: the reader needs a terminal, but \(which) is not one.
            Without a terminal, use the non-interactive commands:
              duizhao outline [FILE] [--json]                    the section and clause hierarchy
              duizhao show ID [--doc national|provincial|FILE]   the full text of one clause or section
              duizhao compare [NATIONAL PROVINCIAL] [--json]     how the provincial clauses align with the national
              duizhao bookmarks list|add|remove|export           saved places
            Run 'duizhao help COMMAND' for the options of each.
            """
    }
}
