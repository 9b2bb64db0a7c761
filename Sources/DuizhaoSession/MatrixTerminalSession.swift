import DuizhaoCore
import DuizhaoMatrix
import DuizhaoReader
import DuizhaoTerminal
import Foundation

/// The matrix view on the real terminal: the first frame at once, the columns filling in as their comparisons
/// finish on the background (all cores), the side-by-side reader of a pair on `Enter` with its bookmarks.
public enum MatrixTerminalSession {
    /// Runs until the user quits the matrix or a termination signal arrives; the terminal is restored before this
    /// returns or throws.
    /// - Parameter openPersistence: opens the bookmark store for a pair (national, implementation) when its reader
    ///   opens.
    public static func run(
        national: PolicyDocument, files: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        openPersistence: @escaping (PolicyDocument, PolicyDocument) -> PersistenceStartup = { _, _ in
            PersistenceStartup(NoPersistence())
        }
    ) throws -> LoopOutcome {
        try TerminalSession.onTerminal(environment: environment) { terminal in
            try runLoop(on: terminal, national: national, files: files, openPersistence: openPersistence)
        }
    }

    private static func runLoop(
        on terminal: TerminalScreen, national: PolicyDocument, files: [String],
        openPersistence: (PolicyDocument, PolicyDocument) -> PersistenceStartup
    ) throws -> LoopOutcome {
        var model = MatrixSessionModel(
            matrix: MatrixScreenModel(national: national, files: files, width: terminal.width, height: terminal.height))
        let inbox = ColumnInbox()
        let work = BackgroundWork(yieldsToInteraction: true) { _ in
            _ = MatrixComputation.columns(national: national, files: files) { index, result in inbox.post(index, result) }
            return true
        }
        work.start()
        var persistence: (any ReaderPersistence)?

        return try ReaderLoop.run(
            on: terminal,
            render: { model.render() },
            handle: { event in
                var decision = LoopDecision.continue
                for effect in model.handle(event) {
                    switch effect {
                    case .quit:
                        decision = .quit
                    case .openedPair(let column):
                        guard let document = model.matrix.columns[column]?.document else { continue }
                        let startup = openPersistence(national, document)
                        persistence = startup.persistence
                        model.setPairBookmarks(startup.bookmarks)
                        if let notice = startup.messages.first { model.showMessage(notice) }
                    case .reader(let readerEffect, _):
                        guard let persistence else { continue }
                        if let notice = try persistence.perform(readerEffect) { model.showMessage(notice) }
                        if case .saveReadingState = readerEffect { continue }
                        model.setPairBookmarks(try persistence.bookmarks())
                    }
                }
                return decision
            },
            pollBackground: {
                for (index, result) in inbox.take() {
                    switch result {
                    case .success(let column): model.setColumn(index, column)
                    case .failure(let error): model.setFailure(index, problem: error.problem)
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
    private let lock = NSLock()
    private var results: [(Int, Result<MatrixColumn, MatrixFileError>)] = []

    func post(_ index: Int, _ result: Result<MatrixColumn, MatrixFileError>) {
        lock.withLock { results.append((index, result)) }
    }

    func take() -> [(Int, Result<MatrixColumn, MatrixFileError>)] {
        lock.withLock {
            defer { results = [] }
            return results
        }
    }

    var isEmpty: Bool { lock.withLock { results.isEmpty } }
}
