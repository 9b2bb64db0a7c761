import ArgumentParser
import DuizhaoCore
import FoundationEssentials

/// `duizhao outline [FILE] [--json]`: the hierarchy of a document.
struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print the section and clause hierarchy of a document (both bundled documents by default).",
        version: duizhaoVersion)

    @Argument(
        help:
            "A policy document: text (UTF-8, GB18030/GBK, Big5), a saved web page, a Word .docx or a PDF with text. Omit for the bundled pair."
    )
    var file: String?

    @Flag(help: "Print JSON instead of an indented tree.")
    var json = false

    func run() throws {
        let documents: [PolicyDocument]
        if let file {
            documents = [try loadDocument(.file(file))]
        } else {
            documents = BundledDocument.allCases.map { $0.load() }
        }
        if json {
            let outlines = documents.map(OutlineFormatter.json)
            if outlines.count == 1 { try printJSON(outlines[0]) } else { try printJSON(outlines) }
        } else {
            printText(documents.map(OutlineFormatter.tree).joined(separator: "\n"))
        }
    }
}
