import DuizhaoCompare
import DuizhaoCore

/// The reader's state: pure. Feed it events with `handle`, draw `render()`; perform the returned effects.
public struct ReaderModel: Sendable {
    public let national: PolicyDocument
    public let provincial: PolicyDocument?
    public private(set) var width: Int
    public private(set) var height: Int
    public let options: ReaderOptions
    public private(set) var focus: Pane = .national
    public private(set) var comparison: Comparison?
    public private(set) var comparisonProgress: Double?
    public private(set) var bookmarks: [ReaderBookmark] = []
    public private(set) var message: String?

    public init(
        national: PolicyDocument, provincial: PolicyDocument?, width: Int, height: Int,
        options: ReaderOptions = .init()
    ) {
        self.national = national
        self.provincial = provincial
        self.width = width
        self.height = height
        self.options = options
    }

    /// Applies one input event; returns what the adapter must do (quit, store a bookmark, …).
    public mutating func handle(_ event: InputEvent) -> [ReaderEffect] {
        message = nil
        switch event {
        case .character("q"):
            return [.saveReadingState(readingPosition), .quit]
        case .resize(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
        default:
            break
        }
        return []
    }

    /// The screen for the current state (only the visible rows are laid out).
    public func render() -> Screen {
        var screen = Screen(width: width, height: height)
        if height > 0 {
            var column = 0
            for character in TerminalSafeText.sanitize(national.title) {
                let cellWidth = DisplayWidth.of(String(character))
                guard column + cellWidth <= width else { break }
                screen.rows[0][column] = Cell(String(character), .paneTitleFocused)
                if cellWidth == 2 { screen.rows[0][column + 1] = Cell("", .paneTitleFocused) }
                column += cellWidth
            }
        }
        return screen
    }

    /// Installs the finished comparison; the current clause stays where it is.
    public mutating func setComparison(_ comparison: Comparison) {
        self.comparison = comparison
        comparisonProgress = nil
    }

    /// Progress of the background comparison in 0…1, shown in the status line.
    public mutating func setComparisonProgress(_ fraction: Double) {
        comparisonProgress = min(1, max(0, fraction))
    }

    /// Replaces the bookmarks shown (marks in outline and panes, the `B` list).
    public mutating func setBookmarks(_ marks: [ReaderBookmark]) {
        bookmarks = marks
    }

    /// Shows a message in the status line until the next key.
    public mutating func showMessage(_ text: String) {
        message = text
    }

    /// Moves to a clause (e.g. restoring the last reading position) and focuses a pane.
    /// Returns false when the clause does not exist.
    @discardableResult
    public mutating func jump(toClause id: String, side: DocumentSide? = nil, focus: Pane) -> Bool {
        self.focus = focus
        return false
    }

    /// Where the reader is now (also sent as `.saveReadingState` on quit).
    public var readingPosition: ReadingPosition {
        ReadingPosition(clauseID: nil, side: focus.side ?? .national, focus: focus)
    }
}
