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
    /// Status-line message ("bookmarked …", "change 7 of 112 · added", "no match").
    case statusMessage
    /// Help overlay and prompts.
    case overlay
    /// A heading inside an overlay (a section of the help).
    case overlayHeading
    /// Vertical separators between panes.
    case separator
    /// A control character rendered visibly (^[, U+FFFD).
    case control
    /// A localised change (本法 → 本办法, 全国 → 全省): shown quietly.
    case changeLocalized
    /// A change of modal force upwards (可以 → 应当, a 不得 added).
    case changeStronger
    /// A change of modal force downwards (应当 → 可以, a hedge added).
    case changeWeaker
    /// A changed quantity, period or amount.
    case changeNumber
    /// A different responsible body or addressee.
    case changeActor
    /// The kind of a change written beside it (`[number: …]`, the legend, the status line).
    case changeLabel
    /// Matrix cell: the national provision is kept.
    case matrixKept
    /// Matrix cell: partly kept.
    case matrixPartly
    /// Matrix cell: dropped.
    case matrixDropped
    /// The matrix cell under the cursor.
    case matrixCursor
    /// The first words standing in for the title of an untitled article (`第三条 村民委员会根据…`): shown quietly.
    case excerpt
    /// A status-line message that reports a problem (a store that cannot be written, a file that failed): red
    /// where colour is available. Ordinary messages (`statusMessage`) are not red.
    case statusProblem
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

/// A prepared screen: `height` rows of `width` cells, and where the cursor should rest. Cells change only
/// through `put` and `appendMark` (used by `ScreenWriter`), which never leave half a double-width character
/// (or come whole from an archive).
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var rows: [[Cell]]
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

    /// A screen of the given cells, `height` rows of `width` (an archive read back, see `ScreenArchive.swift`).
    init(width: Int, height: Int, rows: [[Cell]]) {
        precondition(rows.count == height && rows.allSatisfy { $0.count == width })
        self.width = width
        self.height = height
        self.rows = rows
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

    // MARK: Writing cells

    /// Replaces one cell. A double-width character cut in half by it (an overlay's edge) becomes a blank, so
    /// that no half character is ever left on the screen; a continuation cell (`Cell("")`) belongs right after
    /// a double-width character. Positions outside the screen are ignored.
    public mutating func put(_ cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let existing = rows[row][column]
        if existing.isContinuation, column > 0, !rows[row][column - 1].isContinuation, !cell.isContinuation {
            rows[row][column - 1] = Cell(" ", rows[row][column - 1].role)
        }
        if !existing.isContinuation, column + 1 < width, rows[row][column + 1].isContinuation {
            rows[row][column + 1] = Cell(" ", rows[row][column + 1].role)
        }
        rows[row][column] = cell
    }

    /// Adds a zero-width scalar (a combining mark) to the character that ends just before `column`, not
    /// before `start`; nothing when there is none.
    public mutating func appendMark(_ scalar: Unicode.Scalar, row: Int, before column: Int, notBefore start: Int) {
        guard row >= 0, row < height, column > start, column - 1 < width else { return }
        var target = column - 1
        while target > start, rows[row][target].isContinuation { target -= 1 }
        rows[row][target].text.unicodeScalars.append(scalar)
    }

    // MARK: Differences

    /// The cells that differ from `previous`, row by row: for each changed row, the columns from the first to
    /// the last differing cell, widened so that no double-width character (old or new) is cut in half. Every
    /// row, whole, when there is no previous screen or its size differs. What a terminal adapter redraws.
    public func changes(since previous: Screen?) -> [RowChange] {
        guard width > 0 else { return [] }
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { RowChange(row: $0, columns: 0...(width - 1)) }
        }
        var result: [RowChange] = []
        for row in 0..<height where rows[row] != previous.rows[row] {
            if let span = Self.changedSpan(old: previous.rows[row], new: rows[row]) {
                result.append(RowChange(row: row, columns: span))
            }
        }
        return result
    }

    static func changedSpan(old: [Cell], new: [Cell]) -> ClosedRange<Int>? {
        let count = min(old.count, new.count)
        guard count > 0 else { return nil }
        var first = 0
        while first < count, old[first] == new[first] { first += 1 }
        if first == count { return nil }
        var last = count - 1
        while last > first, old[last] == new[last] { last -= 1 }
        while first > 0, old[first].isContinuation || new[first].isContinuation { first -= 1 }
        while last + 1 < count, old[last + 1].isContinuation || new[last + 1].isContinuation { last += 1 }
        return first...last
    }
}

/// One changed row of a screen: the columns to redraw.
public struct RowChange: Sendable, Equatable {
    public var row: Int
    public var columns: ClosedRange<Int>

    public init(row: Int, columns: ClosedRange<Int>) {
        self.row = row
        self.columns = columns
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
