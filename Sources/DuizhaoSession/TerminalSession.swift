import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoTerminal
import Foundation

/// A `ReaderSession` on the real terminal: start-up, the background comparison and store, the event loop.
///
/// Start-up order (what the first frame waits for): the terminal (`TerminalScreen`), the model, then the first
/// frame; the store opens and the comparison runs on background threads and arrive as messages.
public enum TerminalSession {
    /// Runs the reader until the user quits or a termination signal arrives. The terminal is restored before
    /// this returns or throws (a `TerminalError` when it cannot be set up, or a persistence error).
    /// - Parameter openPersistence: opens the bookmark store; runs on a background thread.
    public static func run(
        national: PolicyDocument, provincial: PolicyDocument?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        openPersistence: @escaping @Sendable () -> PersistenceStartup = { PersistenceStartup(NoPersistence()) }
    ) throws -> LoopOutcome {
        try onTerminal(environment: environment) { terminal in
            try runLoop(on: terminal, national: national, provincial: provincial, openPersistence: openPersistence)
        }
    }

    /// Sets up the terminal, runs `body` on it and restores the terminal, also when `body` throws.
    static func onTerminal(
        environment: [String: String], _ body: (TerminalScreen) throws -> LoopOutcome
    ) throws -> LoopOutcome {
        let terminal = try TerminalScreen(environment: environment)
        defer { terminal.end() }
        return try body(terminal)
    }

    private static func runLoop(
        on terminal: TerminalScreen, national: PolicyDocument, provincial: PolicyDocument?,
        openPersistence: @escaping @Sendable () -> PersistenceStartup
    ) throws -> LoopOutcome {
        let model = ReaderModel(national: national, provincial: provincial, width: terminal.width, height: terminal.height)
        let store = BackgroundWork { _ in openPersistence() }
        store.start()
        let session = ReaderSession(model: model) { store.waitForResult(timeoutSeconds: 5) }
        let comparison = startComparison(national: national, provincial: provincial)
        if comparison != nil { _ = try session.send(.comparisonProgress(0)) }

        return try ReaderLoop.run(
            on: terminal,
            render: { session.render() },
            handle: { event in try session.send(.input(event)) },
            pollBackground: {
                var pollAgain: Int?
                if store.isPending, !session.hasPersistence {
                    if let startup = store.takeResult() { session.install(startup) } else { pollAgain = 2 }
                }
                if let comparison, comparison.isPending {
                    if let result = comparison.takeResult() {
                        _ = try session.send(.comparisonFinished(result))
                    } else {
                        _ = try session.send(.comparisonProgress(comparison.progress))
                        pollAgain = min(pollAgain ?? ReaderLoop.backgroundPollMilliseconds, ReaderLoop.backgroundPollMilliseconds)
                    }
                }
                return pollAgain
            },
            whileIdle: { session.idle() })
    }

    /// Starts comparing the pair on a background thread; reading starts at once and the panes re-align
    /// when the result arrives.
    private static func startComparison(national: PolicyDocument, provincial: PolicyDocument?) -> BackgroundWork<Comparison>? {
        guard let provincial else { return nil }
        let work = BackgroundWork(yieldsToInteraction: true) { report in
            Comparator.compare(national: national, provincial: provincial, progress: report)
        }
        work.start()
        return work
    }
}
