import DuizhaoCompare
import DuizhaoReader

/// Where the reader's bookmark and reading-state effects go.
///
/// `StorePersistence` implements it over the bookmark store (`DuizhaoStore`): it loads the bookmarks of the two
/// open documents, performs `.addBookmark` / `.removeBookmark` / `.updateBookmarkNote` / `.saveReadingState`,
/// and returns the position to reopen at. `ReaderSession` calls it for every effect except `.quit`.
public protocol ReaderPersistence {
    /// Bookmarks of the two open documents (sent to the model as `.bookmarksLoaded`).
    func bookmarks() throws -> [ReaderBookmark]
    /// Where the previous session on this pair stopped, if known.
    func lastPosition() throws -> ReadingPosition?
    /// The bookmarks again when someone else (another reader, the CLI) changed them since the last load.
    func bookmarksIfChanged() -> [ReaderBookmark]?
    /// Performs one bookmark, reading-state or correction effect; returns a status-line message, if any.
    func perform(_ effect: ReaderEffect) throws -> String?
    /// The open pair compared again with its stored corrections (after `.correctAlignment` or `.undoCorrection`);
    /// nil when there is no pair or no store.
    func correctedComparison() throws -> Comparison?
}

extension ReaderPersistence {
    public func correctedComparison() throws -> Comparison? { nil }
}

/// No store: bookmark keys answer with a message, positions are not remembered.
public struct NoPersistence: ReaderPersistence {
    public init() {}
    public func bookmarks() throws -> [ReaderBookmark] { [] }
    public func lastPosition() throws -> ReadingPosition? { nil }
    public func bookmarksIfChanged() -> [ReaderBookmark]? { nil }
    public func perform(_ effect: ReaderEffect) throws -> String? {
        switch effect {
        case .addBookmark, .removeBookmark, .updateBookmarkNote:
            return "bookmarks are not available in this build"
        case .correctAlignment, .undoCorrection:
            return "corrections are not kept without a store"
        case .saveReadingState, .quit:
            return nil
        }
    }
}

/// The persistence opened (in the background), with what the reader needs from it at start.
///
/// `@unchecked Sendable`: it is built on the worker thread and handed to the main thread exactly once through
/// `BackgroundWork`'s lock; after that only the main thread uses it.
public struct PersistenceStartup: @unchecked Sendable {
    public let persistence: any ReaderPersistence
    public let bookmarks: [ReaderBookmark]
    public let position: ReadingPosition?
    /// Status-line messages: the store's notice, or why loading failed.
    public let messages: [String]

    public init(_ persistence: any ReaderPersistence, notice: String? = nil) {
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
