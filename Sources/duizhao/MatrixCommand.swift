import ArgumentParser
import DuizhaoCore
import DuizhaoMatrix
import DuizhaoSession
import DuizhaoStore
import DuizhaoTerminal
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `duizhao matrix NATIONAL DOC [DOC…]`: one national document against all its implementations.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix", abstract: "Compare one national document with all its implementations.",
        discussion: """
            Each DOC is a file or a directory (its files, by name; the national file itself is skipped). Every \
            implementation is compared with the national document exactly as `duizhao compare NATIONAL DOC` \
            does, in parallel on all cores. The matrix has one row per national provision and one column per \
            implementation, headed by its jurisdiction (the province or city in its issuers or title, else the \
            file name): kept (✓), partly kept (◐) or dropped (✗), with the share carried over. Then, per \
            implementation, provisions kept, partly kept, dropped, its own additions and the share of its text \
            that is new; per provision, in how many implementations it survives; and new text shared by two \
            or more implementations. Without a format option, on a terminal, the matrix opens as a view that \
            fills in as the comparisons finish (Enter reads a pair side by side, ? lists the keys); otherwise \
            it is printed as Markdown.
            """,
        version: duizhaoVersion)

    @Argument(help: "The national document (a file).")
    var national: String

    @Argument(help: "The implementations: files, or directories of them.")
    var documents: [String]

    @Flag(help: "Print the matrix as JSON.")
    var json = false

    @Flag(help: "Print the matrix as CSV (one line per national provision; kind and carried share per document).")
    var csv = false

    @Flag(help: "Print the matrix as Markdown (the default when standard output is not a terminal).")
    var markdown = false

    @Option(help: ArgumentHelp("Write the matrix as one self-contained HTML page to FILE.", valueName: "file"))
    var html: String?

    @Option(
        name: .customLong("links-csv"),
        help: ArgumentHelp(
            "Also write the research dataset to FILE: one CSV row per link (hand and automatic), dropped and new provision (see docs/MATRIX.md).",
            valueName: "file"))
    var linksCSV: String?

    func validate() throws {
        if documents.isEmpty { throw ValidationError("give at least one implementation after the national document") }
        let formats = [json, csv, markdown, html != nil].filter { $0 }.count
        if formats > 1 { throw ValidationError("choose one of --json, --csv, --markdown and --html") }
    }

    func run() throws {
        let nationalDocument = try loadDocument(.file(national))
        let files = try Self.implementationFiles(documents, excluding: national)
        let corrections = MatrixCorrections(national: nationalDocument)
        if !json, !csv, !markdown, html == nil, linksCSV == nil, standardStreamsAreTerminal() {
            try view(national: nationalDocument, files: files, corrections: corrections)
            return
        }
        let matrix: AdoptionMatrix
        do {
            matrix = try MatrixComputation.matrix(
                national: nationalDocument, files: files, corrections: corrections.provider)
        } catch let error as MatrixError {
            for failure in error.failures { printError("duizhao: error: \(failure)") }
            throw ExitCode.failure
        }
        // One line per document: with hundreds of documents, every importer warning would bury the output.
        for column in matrix.columns {
            let warnings = column.document.warnings
            guard let first = warnings.first else { continue }
            let more = warnings.count > 1 ? " (and \(warnings.count - 1) more: duizhao outline FILE lists them)" : ""
            printError("duizhao: warning: \(column.document.source): \(first)\(more)")
        }
        for notice in corrections.notices() { printError("duizhao: warning: \(notice)") }
        if let linksCSV {
            try write(LinksCSV.text(matrix), to: linksCSV, what: "the links")
            let formats = [json, csv, markdown, html != nil].filter { $0 }.count
            guard formats > 0 else {
                printText("wrote \(linksCSV): the links of \(matrix.columns.count) implementations")
                return
            }
        }
        if json {
            printJSONText(try MatrixFormats.json(matrix))
        } else if csv {
            printText(MatrixFormats.csv(matrix), terminator: "")
        } else if let html {
            try write(MatrixHTML.page(matrix), to: html, what: "the page")
            printText("wrote \(html): \(matrix.provisions.count) provisions × \(matrix.columns.count) implementations")
        } else {
            printText(MatrixFormats.markdown(matrix), terminator: "")
        }
    }

    /// Writes `text` to `path` atomically; a failure is an error naming the file.
    func write(_ text: String, to path: String, what: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("duizhao: error: \(path): cannot write \(what) (\(fileErrorReason(error)))")
            throw ExitCode.failure
        }
    }

    /// The matrix view; a file that cannot be imported shows as a column of `!` with its problem in the status line.
    func view(national: PolicyDocument, files: [String], corrections: MatrixCorrections) throws {
        try runOnTerminal {
            try MatrixTerminalSession.run(
                national: national, files: files, corrections: corrections.provider,
                openPersistence: { storeStartup(national: $0, provincial: $1) })
        }
    }

    /// The files of `arguments` (directories expand to their visible regular files, sorted by name), without the
    /// national file; an error names a missing path or a directory with no documents.
    static func implementationFiles(_ arguments: [String], excluding national: String) throws -> [String] {
        let manager = FileManager.default
        let nationalPath = canonical(national)
        var files: [String] = []
        for argument in arguments {
            var isDirectory = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                var info = stat()
                if stat(argument, &info) != 0, errno != ENOENT, errno != ENOTDIR {
                    // A symbolic link loop, a path too long, …: the importer names it as `outline` does.
                    files.append(argument)
                    continue
                }
                printError("duizhao: error: \(argument): no such file or directory")
                throw ExitCode.failure
            }
            guard isDirectory else {
                files.append(argument)
                continue
            }
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: argument).filter { !$0.hasPrefix(".") }.sorted()
            } catch {
                printError("duizhao: error: \(argument): cannot list the directory (\(fileErrorReason(error)))")
                throw ExitCode.failure
            }
            // Regular files only (through symbolic links): a FIFO would wait for a writer forever, a socket or
            // device is no document; those are skipped with a warning, nested directories silently.
            let found = names.map { TextFormatting.appendingPathComponent(argument, $0) }.filter { path in
                var info = stat()
                guard stat(path, &info) == 0 else { return false }
                switch info.st_mode & S_IFMT {
                case S_IFREG: return canonical(path) != nationalPath
                case S_IFDIR: return false
                default:
                    printError("duizhao: warning: \(path): \(specialFileKind(info.st_mode)), not a text file; skipped")
                    return false
                }
            }
            if found.isEmpty {
                printError("duizhao: error: \(argument): the directory holds no documents")
                throw ExitCode.failure
            }
            files += found
        }
        if files.isEmpty {
            printError("duizhao: error: no implementations to compare (only the national document was given)")
            throw ExitCode.failure
        }
        return files
    }

    /// What a file that is neither regular nor a directory is, in a warning's words.
    static func specialFileKind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "a special file"
        }
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Why a file operation failed, in the system's words ("No such file or directory"): FoundationEssentials'
/// errors have no `localizedDescription`.
func fileErrorReason(_ error: any Error) -> String {
    if let posix = (error as? CocoaError)?.underlying as? POSIXError {
        return String(cString: strerror(posix.code.rawValue))
    }
    return "\(error)"
}

/// The hand corrections of one national document (`duizhao align`), applied to each implementation of the
/// matrix from the worker threads; corrections whose provision is gone are collected for one warning each.
final class MatrixCorrections: Sendable {
    private let set: CorrectionSet
    private let orphaned = Mutex<[String]>([])

    init(national: PolicyDocument) {
        set = (try? existingStore()?.correctionSet(national: national)) ?? .empty
    }

    /// nil when no stored correction concerns the national document (the matrix then pays nothing).
    var provider: MatrixComputation.Corrections? {
        guard !set.isEmpty else { return nil }
        return { [self] document in
            let pair = set.corrections(for: document)
            if let notice = pair.notice { orphaned.withLock { $0.append("\(document.source): \(notice)") } }
            return pair.corrections
        }
    }

    /// The warnings gathered so far (one per implementation with a correction not applied).
    func notices() -> [String] { orphaned.withLock { $0 }.sorted() }
}
