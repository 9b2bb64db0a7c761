import ArgumentParser
import DuizhaoCore

/// `duizhao show ID [--doc national|provincial|FILE]`: one division's full text, wrapped to the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one division's full text, wrapped to the terminal width.",
        version: duizhaoVersion)

    @Argument(help: "The division id (e.g. 2.4) or, when unambiguous, the clause number (e.g. 4).")
    var id: String

    @Option(help: "national, provincial, or a file path.")
    var doc: String = "national"

    @Option(help: "Wrap width in terminal cells (default: the terminal width, or 80).")
    var width: Int?

    func run() throws {
        let document = try loadDocument(DocumentChoice(doc))
        guard let division = document.resolveDivision(id) else {
            printError("duizhao: error: \(document.source): no division with id or number '\(id)'")
            throw ExitCode.failure
        }
        let columns = max(10, width ?? terminalColumns() ?? 80)
        var lines: [String] = []
        lines.append(contentsOf: LineBreaker.wrap(division.heading, width: columns))
        for paragraph in division.paragraphs {
            lines.append(contentsOf: LineBreaker.wrap("　　" + paragraph, width: columns))
        }
        for child in division.flattened.dropFirst() {
            lines.append(contentsOf: LineBreaker.wrap(child.heading, width: columns))
            for paragraph in child.paragraphs {
                lines.append(contentsOf: LineBreaker.wrap("　　" + paragraph, width: columns))
            }
        }
        printText(lines.joined(separator: "\n"))
    }
}
