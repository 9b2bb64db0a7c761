import ArgumentParser
import DuizhaoCore

/// `duizhao show ID [--doc national|provincial|FILE]`: one division's full text, wrapped to the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one division's full text, wrapped to the terminal width.",
        version: duizhaoVersion)

    @Argument(help: "The division id (e.g. 2.4) or, when unambiguous, its number (4, 二十四) or printed label (第二十四条).")
    var id: String

    @Option(help: "national, provincial, or a file path.")
    var doc: String = "national"

    @Option(help: "Wrap width in terminal cells (default: the terminal width, or 80).")
    var width: Int?

    func run() throws {
        let document = try loadDocument(DocumentChoice(doc))
        let resolver = DivisionResolver(document)
        let resolution = resolver.resolution(id)
        guard let division = resolution.division else {
            printError("duizhao: error: \(document.source): " + (resolver.problem(resolution, reference: id) ?? id))
            throw ExitCode.failure
        }
        let columns = max(10, width ?? terminalColumns() ?? 80)
        var lines: [String] = []
        if division.labelRunsIn { lines.append(division.label) }  // asked for an item alone: its label heads it
        for line in division.printedLines {
            lines.append(contentsOf: LineBreaker.wrap(line.isHeading ? line.text : "　　" + line.text, width: columns))
        }
        printText(lines.joined(separator: "\n"))
    }
}
