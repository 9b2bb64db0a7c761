import DuizhaoReader
import DuizhaoTerminal

/// One reading session without the terminal: the reader model and its persistence, and the traffic between
/// them. Every message goes through `send(_:)`; the effects it returns are performed here (bookmarks and the
/// reading position through the persistence), and their answers go back to the model as messages.
/// `TerminalSession` feeds it keys and background results; tests feed it a scripted list of messages.
public final class ReaderSession {
    public private(set) var model: ReaderModel
    private var persistence: (any ReaderPersistence)?
    /// Waits (briefly) for a persistence still being opened when an effect needs it; nil when there is none.
    private let waitForPersistence: () -> PersistenceStartup?
    /// Where the model was before the persistence answered: the saved position is restored only if the
    /// reader has not moved since.
    private let startPosition: ReadingPosition?

    public init(model: ReaderModel, waitForPersistence: @escaping () -> PersistenceStartup? = { nil }) {
        self.model = model
        self.waitForPersistence = waitForPersistence
        startPosition = model.readingPosition
    }

    /// Whether the persistence has been installed.
    public var hasPersistence: Bool { persistence != nil }

    /// Installs the persistence's answer: bookmarks, the last position (unless the reader has moved
    /// already), the first notice.
    public func install(_ startup: PersistenceStartup) {
        persistence = startup.persistence
        _ = model.update(.bookmarksLoaded(startup.bookmarks))
        if let position = startup.position, model.readingPosition == startPosition {
            _ = model.update(.restorePosition(position))
        }
        if let notice = startup.messages.first { _ = model.update(.problem(notice)) }
    }

    /// Sends one message to the model and performs the effects it returns, in order; `.quit` once all
    /// others are done. A persistence error ends the session (thrown).
    public func send(_ message: ReaderMessage) throws -> LoopDecision {
        var decision = LoopDecision.continue
        for effect in model.update(message) {
            if effect == .quit {
                decision = .quit
                continue
            }
            guard let persistence = currentPersistence() else { continue }
            if let notice = try persistence.perform(effect) { _ = model.update(.notice(notice)) }
            switch effect {
            case .saveReadingState: continue
            case .correctAlignment, .undoCorrection:
                // The alignment with the correction (or without the one taken back): every view follows it.
                if let comparison = try persistence.correctedComparison() {
                    _ = model.update(.comparisonFinished(comparison))
                }
                continue
            default: break
            }
            _ = model.update(.bookmarksLoaded(try persistence.bookmarks()))
        }
        return decision
    }

    /// Work for when no input is waiting: lay out what the next key needs, pick up bookmarks changed elsewhere.
    public func idle() {
        model.prefetch()
        if let changed = persistence?.bookmarksIfChanged() { _ = model.update(.bookmarksLoaded(changed)) }
    }

    /// The screen for the current state.
    public func render() -> Screen { model.render() }

    private func currentPersistence() -> (any ReaderPersistence)? {
        if persistence == nil, let startup = waitForPersistence() { install(startup) }
        return persistence
    }
}
