import ArgumentParser
import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import FoundationEssentials

/// `duizhao bookmarks list|add|remove|export`: the bookmark store from the command line.
struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks", abstract: "List, add, remove, annotate and export bookmarks.",
        discussion: """
            The store is bookmarks.sqlite in $DUIZHAO_DATA_DIR, else $XDG_DATA_HOME/duizhao, \
            else ~/.local/share/duizhao.
            """,
        version: duizhaoVersion,
        subcommands: [List.self, Add.self, Remove.self, Note.self, Export.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the bookmarks, with where each clause is in its document now.", version: duizhaoVersion)

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @Option(help: "Only bookmarks with this tag.")
        var tag: String?

        func run() throws {
            let store = try openStore(forWriting: false)
            let bookmarks = try storeOperation(store) { try store.bookmarks(BookmarkFilter(tag: tag)) }
            var catalog = DocumentCatalog(sketches: (try? store.documentSketches()) ?? [:])
            let located = bookmarks.map { catalog.locate($0) }
            if json {
                try printJSON(located.map { ExportedBookmark($0, includeText: false) })
                return
            }
            if located.isEmpty {
                printText("no bookmarks (\(store.databaseURL.path))")
                return
            }
            for item in located {
                let bookmark = item.bookmark
                // Named as printed: label and title, or excerpt for an untitled article (`第三条 村民委员会根据…`).
                let name = item.division?.namedHeading ?? bookmark.anchor.clauseHeading
                var line = "#\(bookmark.id)  \(bookmark.anchor.documentTitle) › \(name)"
                line += " [\(item.clauseID ?? bookmark.anchor.clauseID)]"
                switch item.status {
                case .exact: break
                case .relocated: line += " (moved from \(bookmark.anchor.clauseID))"
                case .orphaned: line += " (orphaned: clause not found in the document)"
                case .documentUnavailable: line += " (document not available)"
                }
                if !bookmark.tags.isEmpty { line += "  #" + bookmark.tags.joined(separator: " #") }
                printText(line)
                if let sentence = bookmark.anchor.sentence { printText("    “\(TerminalSafe.line(sentence))”") }
                if !bookmark.note.isEmpty { printText("    " + TerminalSafe.line(bookmark.note)) }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bookmark one or more clauses (each in its own transaction).", version: duizhaoVersion)

        @Argument(help: "Division ids (e.g. 2.4) or, when unambiguous, numbers (4, 二十四) or printed labels (第二十四条).")
        var ids: [String]

        @Option(help: "national, provincial, or a file path.")
        var doc: String = "national"

        @Option(help: "A note to keep with the bookmark.")
        var note: String = ""

        @Option(name: .customLong("tag"), help: "A tag (repeat for several).")
        var tags: [String] = []

        func validate() throws {
            if ids.isEmpty { throw ValidationError("give at least one clause id") }
        }

        func run() throws {
            var choice = DocumentChoice(doc)
            if case .file(let path) = choice {
                // Stored with the bookmark: absolute, so that `list` and `export` find the file from anywhere.
                choice = .file(URL(fileURLWithPath: path).standardizedFileURL.path)
            }
            let document = try loadDocument(choice)
            let identity = DocumentIdentity(document)
            var anchors: [BookmarkAnchor] = []
            var names: [String] = []
            let resolver = DivisionResolver(document)
            for id in ids {
                let resolution = resolver.resolution(id)
                guard let division = resolution.division else {
                    printError(
                        "duizhao: error: \(document.source): " + (resolver.problem(resolution, reference: id) ?? id))
                    throw ExitCode.failure
                }
                anchors.append(BookmarkAnchor(document: document, division: division, identity: identity))
                names.append(division.namedHeading)
            }
            let store = try openStore(forWriting: true)
            for (anchor, name) in zip(anchors, names) {
                let bookmark = try storeOperation(store) {
                    try store.add(anchor, note: note, tags: tags, document: identity)
                }
                // Written unbuffered: each line is a bookmark already committed.
                writeLine("added bookmark #\(bookmark.id): \(name) [\(anchor.clauseID)] in \(anchor.documentTitle)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a bookmark by its number.", version: duizhaoVersion)

        @OptionGroup var number: BookmarkNumber

        func run() throws {
            let id = try number.change { store, id in try store.remove(id: id) }
            printText("removed bookmark #\(id)")
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the note of a bookmark (an empty note removes it).", version: duizhaoVersion)

        @OptionGroup var number: BookmarkNumber

        @Argument(help: "The new note.")
        var note: String

        func run() throws {
            let id = try number.change { store, id in try store.updateNote(id: id, note: note) }
            print("note saved on bookmark #\(id)")
        }
    }

    /// The bookmark a subcommand changes, by the number `list` shows.
    struct BookmarkNumber: ParsableArguments {
        @Argument(help: "The bookmark number shown by `duizhao bookmarks list` (e.g. 12 or #12).")
        var bookmark: String

        /// Opens the store for writing and applies `change` to the bookmark; returns its id.
        func change(_ change: (BookmarkStore, Int64) throws -> Void) throws -> Int64 {
            let id = try bookmarkNumber(bookmark)
            let store = try openStore(forWriting: true)
            try storeOperation(store) { try change(store, id) }
            return id
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export every bookmark with its clause text, as Markdown or JSON.", version: duizhaoVersion)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown
            case json
        }

        @Option(help: "markdown (ready to paste into a report) or json.")
        var format: Format = .markdown

        func run() throws {
            let store = try openStore(forWriting: false)
            let bookmarks = try storeOperation(store) { try store.bookmarks() }
            var catalog = DocumentCatalog(sketches: (try? store.documentSketches()) ?? [:])
            let located = bookmarks.map { catalog.locate($0) }
            switch format {
            case .json: try printJSON(located.map { ExportedBookmark($0, includeText: true) })
            case .markdown: printText(markdown(located), terminator: "")
            }
        }

        func markdown(_ located: [LocatedBookmark]) -> String {
            var output = "# Bookmarks\n"
            var currentDocument: String?
            for item in located {
                let anchor = item.bookmark.anchor
                let documentTitle = item.document?.title ?? anchor.documentTitle
                if documentTitle != currentDocument {
                    output += "\n## \(documentTitle)\n"
                    currentDocument = documentTitle
                }
                let heading = item.division?.namedHeading ?? anchor.clauseHeading
                output += "\n### \(heading) (\(item.clauseID ?? anchor.clauseID))\n\n"
                switch item.status {
                case .exact: break
                case .relocated:
                    output += "*Found again under \(item.clauseID ?? "?") (bookmarked as \(anchor.clauseID)).*\n\n"
                case .orphaned: output += "*Orphaned: this clause was not found in the current document.*\n\n"
                case .documentUnavailable: output += "*The document (\(anchor.documentSource)) is not available.*\n\n"
                }
                if !item.bookmark.tags.isEmpty {
                    output += "Tags: " + item.bookmark.tags.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
                }
                if !item.bookmark.note.isEmpty {
                    output +=
                        item.bookmark.note.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { "> " + $0 }.joined(separator: "\n") + "\n\n"
                }
                if let sentence = anchor.sentence { output += "Sentence: “\(sentence)”\n\n" }
                if let division = item.division {
                    for line in division.printedLines.dropFirst(division.printedLines.first?.isHeading == true ? 1 : 0)
                    {
                        output += (line.isHeading ? "**\(line.text)**" : line.text) + "\n\n"
                    }
                }
            }
            return output
        }
    }
}

/// The bookmark number in `12` or `#12`; anything else is an error naming the text.
func bookmarkNumber(_ text: String) throws -> Int64 {
    guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) else {
        printError("duizhao: error: '\(text)' is not a bookmark number (see `duizhao bookmarks list`)")
        throw ExitCode.failure
    }
    return id
}

/// Opens the default store for a command: writes need a read-write store, reads at least a readable one.
/// Problems go to standard error naming the file; a store that cannot serve the command (or stayed locked by
/// another process for the whole busy timeout) exits non-zero.
func openStore(forWriting: Bool) throws -> BookmarkStore {
    let store = BookmarkStore.openDefault()
    if store.isBusy {
        printError("duizhao: error: \(store.notice ?? "the bookmark store is busy; try again")")
        throw ExitCode.failure
    }
    switch store.access {
    case .readWrite:
        break
    case .readOnly:
        if forWriting {
            printError("duizhao: error: \(store.notice ?? "bookmarks are read-only")")
            throw ExitCode.failure
        }
        printError("duizhao: warning: \(store.notice ?? "bookmarks are read-only")")
    case .disabled:
        printError("duizhao: error: \(store.notice ?? "bookmarks are disabled")")
        throw ExitCode.failure
    }
    return store
}

/// Runs a store operation; a store error becomes a message on standard error and a non-zero exit.
@discardableResult
func storeOperation<T>(_ store: BookmarkStore, _ operation: () throws -> T) throws -> T {
    do {
        return try operation()
    } catch let error as StoreError {
        printError("duizhao: error: \(error)")
        throw ExitCode.failure
    }
}

/// The paragraphs of a division and its descendants as printed, with the headings of the descendants.
func clauseText(_ division: Division) -> [String] {
    division.printedLines.dropFirst(division.printedLines.first?.isHeading == true ? 1 : 0).map(\.text)
}

/// How a bookmark relates to the documents the command could load.
enum LocationStatus: String, Encodable {
    case exact
    case relocated
    case orphaned
    case documentUnavailable = "document-unavailable"
}

/// A bookmark with its document and clause, when they could be found.
struct LocatedBookmark {
    var bookmark: Bookmark
    var status: LocationStatus
    var document: PolicyDocument?
    var division: Division?
    var clauseID: String? { division?.id }
}

/// Loads the documents bookmarks refer to (the bundled pair, and files by their stored path) once each.
struct DocumentCatalog {
    /// Content sketches of the bookmarked documents, by fingerprint (from the store).
    var sketches: [String: ContentSketch]
    private var resolvers: [String: BookmarkAnchorResolver?] = [:]

    init(sketches: [String: ContentSketch]) {
        self.sketches = sketches
    }

    private mutating func resolver(forSource source: String) -> BookmarkAnchorResolver? {
        if let cached = resolvers[source] { return cached }
        var document: PolicyDocument?
        if let bundled = BundledDocument.allCases.first(where: { $0.sourceName == source }) {
            document = bundled.load()
        } else if FileManager.default.isReadableFile(atPath: source) {
            document = try? PolicyImporter.importFile(at: source)
        }
        let resolver = document.map { BookmarkAnchorResolver(document: $0) }
        resolvers[source] = .some(resolver)
        return resolver
    }

    /// Finds the bookmark's document (its stored source first, then the bundled documents) and its clause.
    mutating func locate(_ bookmark: Bookmark) -> LocatedBookmark {
        let found = locate(bookmark.anchor)
        return LocatedBookmark(
            bookmark: bookmark, status: found.status, document: found.document, division: found.division)
    }

    /// Finds an anchor's document (its stored source first, then the bundled documents) and its clause.
    mutating func locate(_ anchor: BookmarkAnchor) -> (
        status: LocationStatus, document: PolicyDocument?, division: Division?
    ) {
        let sources = [anchor.documentSource] + BundledDocument.allCases.map(\.sourceName)
        for source in sources {
            guard let resolver = resolver(forSource: source),
                resolver.belongsToDocument(anchor, sketch: sketches[anchor.documentFingerprint])
            else { continue }
            let resolution = resolver.resolve(anchor)
            let status: LocationStatus
            switch resolution {
            case .exact: status = .exact
            case .relocated: status = .relocated
            case .orphaned: status = .orphaned
            }
            return (status, resolver.document, resolver.division(for: resolution))
        }
        return (.documentUnavailable, nil, nil)
    }
}

/// The JSON shape of a bookmark in `list --json` and `export --format json`.
struct ExportedBookmark: Encodable {
    struct Clause: Encodable {
        var id: String
        var heading: String
        var snippet: String
        var sentence: String?
    }

    var id: Int64
    var document: DocumentJSON
    /// The clause as bookmarked.
    var clause: Clause
    var status: LocationStatus
    /// The clause id in the current document (absent when orphaned or the document is unavailable).
    var currentClauseID: String?
    var note: String
    var tags: [String]
    var createdAt: String
    var updatedAt: String
    /// The clause text (export only).
    var text: [String]?

    init(_ item: LocatedBookmark, includeText: Bool) {
        let anchor = item.bookmark.anchor
        id = item.bookmark.id
        document = DocumentJSON(
            title: anchor.documentTitle, fingerprint: anchor.documentFingerprint, source: anchor.documentSource)
        clause = Clause(
            id: anchor.clauseID, heading: anchor.clauseHeading, snippet: anchor.snippet, sentence: anchor.sentence)
        status = item.status
        currentClauseID = item.clauseID
        note = item.bookmark.note
        tags = item.bookmark.tags
        let format = Date.ISO8601FormatStyle()
        createdAt = format.format(item.bookmark.createdAt)
        updatedAt = format.format(item.bookmark.updatedAt)
        text = includeText ? item.division.map(clauseText) : nil
    }
}
