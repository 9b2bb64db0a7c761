import ArgumentParser
import DuizhaoCore
import DuizhaoReader
import FoundationEssentials

/// Which document a command works on: a bundled one or a file.
enum DocumentChoice {
    case bundled(BundledDocument)
    case file(String)

    /// `national`, `provincial` or a path.
    init(_ argument: String) {
        if let bundled = BundledDocument(rawValue: argument) {
            self = .bundled(bundled)
        } else {
            self = .file(argument)
        }
    }

    func load() throws -> PolicyDocument {
        switch self {
        case .bundled(let document): return document.load()
        case .file(let path): return try PolicyImporter.importFile(at: path)
        }
    }
}

/// Imports a file for a command, turning an import failure into a clean non-zero exit. Its warnings are
/// printed unless `printingWarnings` is false (the reader has the terminal: they wait, see `warningLines`);
/// `beforeError` runs before an error is printed (to give the terminal back first).
func loadDocument(
    _ choice: DocumentChoice, printingWarnings: Bool = true, beforeError: () -> Void = {}
) throws -> PolicyDocument {
    do {
        let document = try choice.load()
        if printingWarnings { warningLines(document).forEach(printError) }
        return document
    } catch let error as ImportError {
        beforeError()
        printError("duizhao: error: \(error)")
        throw ExitCode.failure
    }
}

/// The import warnings of a document as printed on standard error.
func warningLines(_ document: PolicyDocument) -> [String] {
    document.warnings.map { "duizhao: warning: \(document.source): \($0)" }
}
