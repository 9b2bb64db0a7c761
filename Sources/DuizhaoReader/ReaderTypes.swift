import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix

/// The pane that has the keyboard focus.
public enum Pane: String, Sendable, Equatable, Hashable, CaseIterable {
    case national
    case provincial
    case outline

    /// The document of a text pane; nil for the outline.
    public var side: DocumentSide? {
        switch self {
        case .national: return .national
        case .provincial: return .provincial
        case .outline: return nil
        }
    }

    public init(_ side: DocumentSide) {
        switch side {
        case .national: self = .national
        case .provincial: self = .provincial
        }
    }
}

/// Settings fixed when the reader opens.
public struct ReaderOptions: Sendable, Equatable {
    /// Whether the outline pane is shown at start (`t` toggles it).
    public var showOutline: Bool
    /// Whether differences are highlighted at start (`d` toggles it).
    public var highlightDifferences: Bool
    /// Below this size the reader shows only a "terminal too small" message.
    public var minimumWidth: Int
    public var minimumHeight: Int

    public init(
        showOutline: Bool = true, highlightDifferences: Bool = true,
        minimumWidth: Int = 30, minimumHeight: Int = 8
    ) {
        self.showOutline = showOutline
        self.highlightDifferences = highlightDifferences
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
    }
}

/// A bookmark as the reader shows it (the adapter loads these from the store and sends them as
/// `ReaderMessage.bookmarksLoaded`; only bookmarks of the two open documents should be sent).
public struct ReaderBookmark: Sendable, Equatable, Hashable {
    /// The store's identifier, handed back in `.removeBookmark` / `.updateBookmarkNote`.
    public var id: Int64
    public var side: DocumentSide
    /// Division id in that document, e.g. `2.4`.
    public var clauseID: String
    /// The clause heading as stored (shown when the clause cannot be found: an orphaned bookmark).
    public var clauseTitle: String
    public var note: String
    /// True when the store could not find the clause again in the current document.
    public var isOrphaned: Bool

    public init(
        id: Int64, side: DocumentSide, clauseID: String, clauseTitle: String, note: String = "",
        isOrphaned: Bool = false
    ) {
        self.id = id
        self.side = side
        self.clauseID = clauseID
        self.clauseTitle = clauseTitle
        self.note = note
        self.isOrphaned = isOrphaned
    }
}

/// What the reader asks the adapter to store for a new bookmark.
public struct BookmarkRequest: Sendable, Equatable {
    public var side: DocumentSide
    public var clauseID: String
    /// The clause heading (label and title) at the time of bookmarking.
    public var clauseTitle: String
    public var note: String

    public init(side: DocumentSide, clauseID: String, clauseTitle: String, note: String = "") {
        self.side = side
        self.clauseID = clauseID
        self.clauseTitle = clauseTitle
        self.note = note
    }
}

/// Where the reader is: enough to reopen a pair at the same place (`ReaderMessage.restorePosition`).
public struct ReadingPosition: Sendable, Equatable {
    /// The current clause of the focused document (of the national one when the outline has focus).
    public var clauseID: String?
    /// The document `clauseID` belongs to.
    public var side: DocumentSide
    public var focus: Pane

    public init(clauseID: String?, side: DocumentSide, focus: Pane) {
        self.clauseID = clauseID
        self.side = side
        self.focus = focus
    }
}

/// Everything that reaches the reader: the one way in (`ReaderModel.update(_:)`).
public enum ReaderMessage: Sendable {
    /// A key, mouse or resize event from the terminal.
    case input(InputEvent)
    /// Progress of the background comparison in 0…1 (shown in the status line).
    case comparisonProgress(Double)
    /// The finished comparison: the panes are re-aligned, the current clause stays in view.
    case comparisonFinished(Comparison)
    /// The bookmarks of the two open documents, loaded or changed (marks in the outline and panes, `B` list).
    case bookmarksLoaded([ReaderBookmark])
    /// A status-line notice shown until the next key (e.g. "bookmarks disabled: store read-only").
    case notice(String)
    /// A status-line notice that reports a problem (drawn as one: red where colour is available).
    case problem(String)
    /// Reopen at a saved position (ignored when its clause no longer exists).
    case restorePosition(ReadingPosition)
    /// A column of the matrix is computed (the matrix screen fills it in).
    case matrixColumn(index: Int, MatrixColumn)
    /// A document of the matrix could not be imported.
    case matrixColumnFailed(index: Int, problem: String)
}

/// Something the reader wants done outside the pure model. Handle them in order.
/// After a bookmark effect the adapter should reload the list and send `.bookmarksLoaded`.
public enum ReaderEffect: Sendable, Equatable {
    /// Leave the reader (preceded by `.saveReadingState`).
    case quit
    case addBookmark(BookmarkRequest)
    case removeBookmark(id: Int64)
    case updateBookmarkNote(id: Int64, note: String)
    /// Remember the position for the next session (sent on quit).
    case saveReadingState(ReadingPosition)
    /// Store a researcher's correction of the alignment (a hand link, or a rejection of a link) and compare again
    /// with it; `description` names the two provisions (`第二条 ⇄ 第八条 …`) for notices.
    case correctAlignment(AlignmentCorrection, description: String)
    /// Take back the last correction made in this reader, and compare again.
    case undoCorrection
}
