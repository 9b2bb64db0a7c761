import ArgumentParser
import DuizhaoCore
import DuizhaoReader
import Foundation

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

/// Writes to standard error, every line through the reader's sanitiser (messages quote file names and ids).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalSafe.lines(message) + "\n").utf8))
}

/// Imports a file for a command, turning an import failure into a clean non-zero exit.
func loadDocument(_ choice: DocumentChoice) throws -> PolicyDocument {
    do {
        let document = try choice.load()
        for warning in document.warnings { printError("duizhao: warning: \(document.source): \(warning)") }
        return document
    } catch let error as ImportError {
        printError("duizhao: error: \(error)")
        throw ExitCode.failure
    }
}
