/// What a cell means; the terminal adapter maps roles to colours or to bold/reverse/underline.
public enum StyleRole: UInt8, Sendable, CaseIterable {
    case normal
    /// Pane header with the document title.
    case paneTitle
    /// Pane header of the focused pane.
    case paneTitleFocused
    /// Section and clause headings inside the text panes.
    case heading
    /// Outline entry.
    case outline
    /// The current clause in the outline.
    case outlineCurrent
    /// Characters the province inserted (provincial pane).
    case inserted
    /// Characters the province deleted (national pane).
    case deleted
    /// Provincial text with no national source.
    case provincialOnly
    /// National clause with no provincial counterpart.
    case nationalOnly
    /// "— 无对应条款 —" placeholder rows.
    case placeholder
    /// Search match.
    case searchMatch
    /// The current search match.
    case searchCurrent
    /// Bookmark mark.
    case bookmark
    /// Status line.
    case status
    /// Status-line message (errors, "no match").
    case statusMessage
    /// Help overlay and prompts.
    case overlay
    /// A heading inside an overlay (a section of the help).
    case overlayHeading
    /// Vertical separators between panes.
    case separator
    /// A control character rendered visibly (^[, U+FFFD).
    case control
    /// Matrix cell: the national provision is kept.
    case matrixKept
    /// Matrix cell: partly kept.
    case matrixPartly
    /// Matrix cell: dropped.
    case matrixDropped
    /// The matrix cell under the cursor.
    case matrixCursor
}

/// One terminal cell. A double-width character occupies its cell and a following continuation cell.
public struct Cell: Sendable, Equatable {
    /// The character drawn in this cell; empty for the right half of a double-width character.
    public var text: String
    public var role: StyleRole

    public init(_ text: String, _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell(" ")
    public var isContinuation: Bool { text.isEmpty }
}

/// A prepared screen: `height` rows of `width` cells, and where the cursor should rest.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var rows: [[Cell]]
    /// Where the terminal cursor should rest (a prompt's insertion point); nil hides the cursor.
    public var cursor: CursorPosition?
    /// The rows that scroll as a whole when the reader scrolls (the text panes between the header and the
    /// status line); an adapter may use a terminal scroll region for them. Nil when nothing scrolls.
    public var scrollableRows: Range<Int>?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        rows = Array(repeating: Array(repeating: Cell.blank, count: max(0, width)), count: max(0, height))
    }

    /// The text of one row, continuation cells skipped (what a terminal would show).
    public func text(ofRow row: Int) -> String {
        rows[row].map(\.text).joined()
    }

    /// The whole screen as lines of text, trailing spaces trimmed (handy in tests).
    public var lines: [String] {
        (0..<height).map { row in
            var line = text(ofRow: row)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

/// A cell position on the screen (0-based).
public struct CursorPosition: Sendable, Equatable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A key or terminal event, independent of ncurses.
public enum InputEvent: Sendable, Equatable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    case resize(width: Int, height: Int)
    /// Mouse wheel over a screen position (positive `lines` scrolls down).
    case wheel(column: Int, row: Int, lines: Int)
    /// Mouse click at a screen position.
    case click(column: Int, row: Int)
}
