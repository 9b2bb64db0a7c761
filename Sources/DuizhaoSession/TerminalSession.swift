import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoTerminal
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `ReaderSession` on the real terminal: start-up, the background comparison and store, the event loop.
///
/// Start-up order (what the first frame waits for): the model at the terminal's size, a comparison known
/// already (from the cache) and, when asked, the store's bookmarks and last position; only then the terminal
/// (`TerminalScreen`), so that setting it up and the first frame go out together. No thread is started before
/// the first frame (two cores are shared with the terminal); after it, the store opens (unless it did before)
/// and an uncached comparison runs in the background, arriving as messages.
public enum TerminalSession {
    /// Runs the reader until the user quits or a termination signal arrives. The terminal is restored before
    /// this returns or throws (a `TerminalError` when it cannot be set up, or a persistence error).
    /// - Parameters:
    ///   - terminal: the terminal when it is set up already (with a cached first frame on it); else set up here.
    ///   - comparison: the pair's comparison when it is known already (cached): installed before the first frame.
    ///   - comparisonFinished: called (on the background thread) with a comparison computed in the background.
    ///   - corrections: the pair's hand corrections from the store (`duizhao align`), applied by the comparison.
    ///   - openPersistence: opens the bookmark store; before the first frame when `persistenceBeforeFirstFrame`,
    ///     else on a background thread started after it.
    ///   - frameForNextStart: after the user quits (the terminal restored, the store closed), called with the
    ///     first frame a new session on the same documents at the same size would draw (for a `FrameCache`);
    ///     not called when the comparison had not arrived.
    public static func run(
        national: PolicyDocument, provincial: PolicyDocument?,
        environment: ProcessEnvironment = .current,
        terminal: TerminalScreen? = nil,
        comparison: Comparison? = nil,
        comparisonFinished: (@Sendable (Comparison) -> Void)? = nil,
        corrections: [AlignmentCorrection] = [],
        persistenceBeforeFirstFrame: Bool = false,
        openPersistence: @escaping @Sendable () -> PersistenceStartup = { PersistenceStartup(NoPersistence()) },
        frameForNextStart: ((Screen) -> Void)? = nil
    ) throws -> LoopOutcome {
        let start = StartupPlan(
            comparison: comparison, comparisonFinished: comparisonFinished, corrections: corrections,
            persistenceBeforeFirstFrame: persistenceBeforeFirstFrame)
        // The size from the kernel (the first message of the loop corrects it if curses finds another).
        let size = kernelTerminalSize() ?? (80, 24)
        var ending: (width: Int, height: Int)?
        var knownComparison = comparison
        let outcome: LoopOutcome
        do {
            let prepared: Prepared
            do {
                prepared = try prepare(
                    national: national, provincial: provincial, width: size.width, height: size.height, start: start,
                    openPersistence: openPersistence)
            } catch {
                terminal?.end()
                throw error
            }
            outcome = try onTerminal(terminal, environment: environment) { terminal in
                defer { ending = (terminal.width, terminal.height) }
                return try runLoop(on: terminal, modelSize: size, prepared, comparison: &knownComparison)
            }
        }
        // The session and its store are gone here: the next start's frame is made as that start makes it.
        if outcome == .quit, let frameForNextStart, let ending, provincial == nil || knownComparison != nil {
            let next = StartupPlan(
                comparison: knownComparison, comparisonFinished: nil, corrections: corrections,
                persistenceBeforeFirstFrame: persistenceBeforeFirstFrame)
            let frame = try? prepare(
                national: national, provincial: provincial, width: ending.width, height: ending.height, start: next,
                openPersistence: openPersistence
            ).session.render()
            if let frame { frameForNextStart(frame) }
        }
        return outcome
    }

    /// Sets up the terminal unless it is already, runs `body` on it and restores the terminal, also when
    /// `body` throws.
    static func onTerminal(
        _ existing: TerminalScreen? = nil, environment: ProcessEnvironment,
        _ body: (TerminalScreen) throws -> LoopOutcome
    ) throws -> LoopOutcome {
        let terminal = try existing ?? TerminalScreen(environment: environment)
        defer { terminal.end() }
        return try body(terminal)
    }

    /// What start-up has ready before the first frame.
    private struct StartupPlan {
        var comparison: Comparison?
        var comparisonFinished: (@Sendable (Comparison) -> Void)?
        var corrections: [AlignmentCorrection]
        var persistenceBeforeFirstFrame: Bool
    }

    /// The session before the terminal is set up, and the background work to start after the first frame.
    private struct Prepared {
        var session: ReaderSession
        var store: BackgroundWork<PersistenceStartup>
        var startComparison: () -> BackgroundWork<Comparison>?
    }

    private static func prepare(
        national: PolicyDocument, provincial: PolicyDocument?, width: Int, height: Int, start: StartupPlan,
        openPersistence: @escaping @Sendable () -> PersistenceStartup
    ) throws -> Prepared {
        let model = ReaderModel(national: national, provincial: provincial, width: width, height: height)
        let store = BackgroundWork { _ in openPersistence() }
        let session = ReaderSession(model: model) { store.waitForResult(timeoutSeconds: 5) }
        if start.persistenceBeforeFirstFrame { session.install(openPersistence()) }
        if let known = start.comparison {
            _ = try session.send(.comparisonFinished(known))
        } else if provincial != nil {
            _ = try session.send(.comparisonProgress(0))
        }
        return Prepared(session: session, store: store) {
            guard start.comparison == nil, let provincial else { return nil }
            return startComparison(
                national: national, provincial: provincial, corrections: start.corrections,
                finished: start.comparisonFinished)
        }
    }

    private static func runLoop(
        on terminal: TerminalScreen, modelSize: (width: Int, height: Int), _ prepared: Prepared,
        comparison known: inout Comparison?
    ) throws -> LoopOutcome {
        let session = prepared.session
        let store = prepared.store
        var comparison: BackgroundWork<Comparison>?
        // Background work starts once the first frame is out (the first idle moment).
        var started = false
        func startBackgroundWork() {
            guard !started else { return }
            started = true
            if !session.hasPersistence { store.start() }
            comparison = prepared.startComparison()
        }

        return try ReaderLoop.run(
            on: terminal, modelSize: modelSize,
            render: { session.render() },
            handle: { event in
                if case .resize = event {} else { startBackgroundWork() }  // the loop may start with a resize
                return try session.send(.input(event))
            },
            pollBackground: {
                guard started else { return 1 }
                var pollAgain: Int?
                if store.isPending, !session.hasPersistence {
                    if let startup = store.takeResult() { session.install(startup) } else { pollAgain = 2 }
                }
                if let comparison, comparison.isPending {
                    if let result = comparison.takeResult() {
                        known = result
                        _ = try session.send(.comparisonFinished(result))
                    } else {
                        _ = try session.send(.comparisonProgress(comparison.progress))
                        pollAgain = min(
                            pollAgain ?? ReaderLoop.backgroundPollMilliseconds, ReaderLoop.backgroundPollMilliseconds)
                    }
                }
                return pollAgain
            },
            whileIdle: {
                startBackgroundWork()
                session.idle()
            })
    }

    /// Starts comparing the pair on a background thread; reading starts at once and the panes re-align
    /// when the result arrives.
    private static func startComparison(
        national: PolicyDocument, provincial: PolicyDocument, corrections: [AlignmentCorrection],
        finished: (@Sendable (Comparison) -> Void)?
    ) -> BackgroundWork<Comparison> {
        let work = BackgroundWork(yieldsToInteraction: true) { report in
            let comparison = Comparator.compare(
                national: national, provincial: provincial, corrections: corrections, progress: report)
            // E.g. storing it in the cache: not in the way of the result.
            if let finished { DetachedThread.start { finished(comparison) } }
            return comparison
        }
        work.start()
        return work
    }
}
