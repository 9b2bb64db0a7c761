import DuizhaoCore
import DuizhaoMatrix
import DuizhaoReader
import DuizhaoTerminal
import Synchronization

/// The matrix view on the real terminal: the first frame at once, the columns filling in as their comparisons
/// finish on the background (all cores), the side-by-side reader of a pair on `Enter` with its bookmarks.
public enum MatrixTerminalSession {
    /// Runs until the user quits the matrix or a termination signal arrives; the terminal is restored before this
    /// returns or throws.
    /// - Parameter openPersistence: opens the bookmark store for a pair (national, implementation) when its reader
    ///   opens.
    /// - Parameter corrections: the hand corrections of each implementation (the store's `CorrectionSet`).
    public static func run(
        national: PolicyDocument, files: [String], corrections: MatrixComputation.Corrections? = nil,
        environment: ProcessEnvironment = .current,
        openPersistence: @escaping (PolicyDocument, PolicyDocument) -> PersistenceStartup = { _, _ in
            PersistenceStartup(NoPersistence())
        }
    ) throws -> LoopOutcome {
        try TerminalSession.onTerminal(environment: environment) { terminal in
            try runLoop(
                on: terminal, national: national, files: files, corrections: corrections,
                openPersistence: openPersistence)
        }
    }

    private static func runLoop(
        on terminal: TerminalScreen, national: PolicyDocument, files: [String],
        corrections: MatrixComputation.Corrections?,
        openPersistence: (PolicyDocument, PolicyDocument) -> PersistenceStartup
    ) throws -> LoopOutcome {
        let matrix = MatrixScreenModel(national: national, files: files, width: terminal.width, height: terminal.height)
        var model = ReaderModel(root: matrix, width: terminal.width, height: terminal.height)
        let inbox = ColumnInbox()
        let work = BackgroundWork(yieldsToInteraction: true) { _ in
            _ = MatrixComputation.columns(
                national: national, files: files, corrections: corrections,
                onColumn: { index, result in inbox.post(index, result) })
            return true
        }
        work.start()
        // The store of the pair last opened: its reader's effects (also the position saved as it closes) go there.
        var pair: (source: String, persistence: any ReaderPersistence)?

        var readingOpen = false

        /// Gives a reading screen just pushed on a pair its bookmarks (opening the store for a new pair).
        func followOpenPair() {
            defer { readingOpen = model.reading != nil }
            guard !readingOpen, let provincial = model.reading?.provincial else { return }
            if let pair, pair.source == provincial.source {
                _ = model.update(.bookmarksLoaded((try? pair.persistence.bookmarks()) ?? []))
                return
            }
            let startup = openPersistence(national, provincial)
            pair = (provincial.source, startup.persistence)
            _ = model.update(.bookmarksLoaded(startup.bookmarks))
            if let notice = startup.messages.first { _ = model.update(.problem(notice)) }
        }

        return try ReaderLoop.run(
            on: terminal,
            render: { model.render() },
            handle: { event in
                var decision = LoopDecision.continue
                for effect in model.update(.input(event)) {
                    if effect == .quit {
                        decision = .quit
                        continue
                    }
                    guard let persistence = pair?.persistence else { continue }
                    if let notice = try persistence.perform(effect) { _ = model.update(.notice(notice)) }
                    if case .saveReadingState = effect { continue }
                    _ = model.update(.bookmarksLoaded(try persistence.bookmarks()))
                }
                followOpenPair()
                return decision
            },
            pollBackground: {
                for (index, result) in inbox.take() {
                    switch result {
                    case .success(let column): _ = model.update(.matrixColumn(index: index, column))
                    case .failure(let error):
                        _ = model.update(.matrixColumnFailed(index: index, problem: error.problem.description))
                    }
                }
                if work.isPending, work.takeResult() == nil { return ReaderLoop.backgroundPollMilliseconds }
                return inbox.isEmpty ? nil : 1
            },
            whileIdle: { model.prefetch() })
    }
}

/// Columns finished on worker threads, waiting for the main thread.
private final class ColumnInbox: @unchecked Sendable {
    private let lock = Mutex(())
    private var results: [(Int, Result<MatrixColumn, ImportError>)] = []

    func post(_ index: Int, _ result: Result<MatrixColumn, ImportError>) {
        lock.withLock { _ in results.append((index, result)) }
    }

    func take() -> [(Int, Result<MatrixColumn, ImportError>)] {
        lock.withLock { _ in
            defer { results = [] }
            return results
        }
    }

    var isEmpty: Bool { lock.withLock { _ in results.isEmpty } }
}
