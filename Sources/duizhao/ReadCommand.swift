import ArgumentParser
import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
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
        let session = ReaderSession(national: national, provincial: provincial) { [national, provincial] in
            let persistence = StorePersistence(store: BookmarkStore.openDefault(), national: national, provincial: provincial)
            return PersistenceStartup(persistence, notice: persistence.notice)
        }
        try session.run()
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

/// Where the reader's bookmark and reading-state effects go.
///
/// `StorePersistence` implements it over the bookmark store (`DuizhaoStore`): it loads the bookmarks of the two
/// open documents, performs `.addBookmark` / `.removeBookmark` / `.updateBookmarkNote` / `.saveReadingState`,
/// and returns the position to reopen at. `ReaderSession` calls it for every effect except `.quit`.
protocol ReaderPersistence {
    /// Bookmarks of the two open documents (passed to `ReaderModel.setBookmarks`).
    func bookmarks() throws -> [ReaderBookmark]
    /// Where the previous session on this pair stopped, if known.
    func lastPosition() throws -> ReadingPosition?
    /// The bookmarks again when someone else (another reader, the CLI) changed them since the last load.
    func bookmarksIfChanged() -> [ReaderBookmark]?
    /// Performs one bookmark or reading-state effect; returns a status-line message, if any.
    func perform(_ effect: ReaderEffect) throws -> String?
}

/// No store: bookmark keys answer with a message, positions are not remembered.
struct NoPersistence: ReaderPersistence {
    func bookmarks() throws -> [ReaderBookmark] { [] }
    func lastPosition() throws -> ReadingPosition? { nil }
    func bookmarksIfChanged() -> [ReaderBookmark]? { nil }
    func perform(_ effect: ReaderEffect) throws -> String? {
        switch effect {
        case .addBookmark, .removeBookmark, .updateBookmarkNote:
            return "bookmarks are not available in this build"
        case .saveReadingState, .quit:
            return nil
        }
    }
}

/// The persistence opened in the background, with what the reader needs from it at start.
///
/// `@unchecked Sendable`: it is built on the worker thread and handed to the main thread exactly once through
/// `BackgroundWork`'s lock; after that only the main thread uses it.
struct PersistenceStartup: @unchecked Sendable {
    let persistence: any ReaderPersistence
    let bookmarks: [ReaderBookmark]
    let position: ReadingPosition?
    /// Status-line messages: the store's notice, or why loading failed.
    let messages: [String]

    init(_ persistence: any ReaderPersistence, notice: String? = nil) {
        self.persistence = persistence
        var messages = notice.map { [$0] } ?? []
        var bookmarks: [ReaderBookmark] = []
        var position: ReadingPosition?
        do {
            bookmarks = try persistence.bookmarks()
            position = try persistence.lastPosition()
        } catch {
            messages.append("bookmarks unavailable: \(error)")
        }
        self.bookmarks = bookmarks
        self.position = position
        self.messages = messages
    }
}

/// One interactive reading session: the reader model, the terminal, the background comparison and store.
struct ReaderSession {
    let national: PolicyDocument
    let provincial: PolicyDocument?
    /// Opens the persistence; runs on a background thread.
    var openPersistence: @Sendable () -> PersistenceStartup = { PersistenceStartup(NoPersistence()) }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal: TerminalScreen
        do {
            terminal = try TerminalScreen(environment: environment)
        } catch let error as TerminalError {
            printError("duizhao: error: \(error)")
            throw ExitCode.failure
        }
        let outcome: LoopOutcome
        do {
            outcome = try runLoop(on: terminal)
        } catch {
            terminal.end()
            printError("duizhao: error: \(error)")
            throw ExitCode.failure
        }
        terminal.end()
        if case .signal(let signal) = outcome { throw ExitCode(128 + signal) }
    }

    private func runLoop(on terminal: TerminalScreen) throws -> LoopOutcome {
        let options = ReaderOptions(colors: terminal.colorScheme == .color)
        var model = ReaderModel(
            national: national, provincial: provincial, width: terminal.width, height: terminal.height, options: options)
        let store = BackgroundWork { _ in openPersistence() }
        store.start()
        let comparison = startComparison()
        if comparison != nil { model.setComparisonProgress(0) }
        let startPosition = model.readingPosition
        var persistence: (any ReaderPersistence)?

        /// Installs the store's answer: bookmarks, the last position (unless the reader has moved already), notices.
        func install(_ startup: PersistenceStartup) {
            persistence = startup.persistence
            model.setBookmarks(startup.bookmarks)
            if let position = startup.position, let clause = position.clauseID, model.readingPosition == startPosition {
                model.jump(toClause: clause, side: position.side, focus: position.focus)
            }
            if let message = startup.messages.first { model.showMessage(message) }
        }
        /// The persistence, waiting briefly for the store when an effect needs it before it has answered.
        func currentPersistence() -> (any ReaderPersistence)? {
            if persistence == nil, let startup = store.waitForResult(timeoutSeconds: 5) { install(startup) }
            return persistence
        }

        return try ReaderLoop.run(
            on: terminal,
            render: { model.render() },
            handle: { event in
                var decision = LoopDecision.continue
                for effect in model.handle(event) {
                    if effect == .quit {
                        decision = .quit
                        continue
                    }
                    guard let persistence = currentPersistence() else { continue }
                    if let message = try persistence.perform(effect) { model.showMessage(message) }
                    if case .saveReadingState = effect { continue }
                    model.setBookmarks(try persistence.bookmarks())
                }
                return decision
            },
            pollBackground: {
                var pollAgain: Int?
                if store.isPending {
                    if let startup = store.takeResult() { install(startup) } else { pollAgain = 2 }
                }
                if let comparison, comparison.isPending {
                    if let result = comparison.takeResult() {
                        model.setComparison(result)
                    } else {
                        model.setComparisonProgress(comparison.progress)
                        pollAgain = min(pollAgain ?? ReaderLoop.backgroundPollMilliseconds, ReaderLoop.backgroundPollMilliseconds)
                    }
                }
                return pollAgain
            },
            whileIdle: {
                model.prefetch()
                if let changed = persistence?.bookmarksIfChanged() { model.setBookmarks(changed) }
            })
    }

    /// Starts comparing the pair on a background thread; reading starts at once and the panes re-align
    /// when the result arrives.
    private func startComparison() -> BackgroundWork<Comparison>? {
        guard let provincial else { return nil }
        let national = self.national
        let work = BackgroundWork(yieldsToInteraction: true) { report in
            Comparator.compare(national: national, provincial: provincial, progress: report)
        }
        work.start()
        return work
    }
}
