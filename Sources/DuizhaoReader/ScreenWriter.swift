import DuizhaoCore

/// Writes text into a screen row by display width, never past a limit, never a raw control character.
public struct ScreenWriter {
    public var screen: Screen

    public init(screen: Screen) {
        self.screen = screen
    }

    /// Writes `text` at (`row`, `column`), clipped at `limit` (exclusive column); returns the next column.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, limit: Int, role: StyleRole) -> Int {
        guard row >= 0, row < screen.height else { return column }
        let limit = min(limit, screen.width)
        var x = column
        for original in TerminalSafeText.sanitize(text).unicodeScalars {
            let scalar: Unicode.Scalar = TerminalSafe.isBidiControl(original) ? "\u{FFFD}" : original
            let cellWidth = DisplayWidth.of(scalar)
            if cellWidth == 0 {
                if x > column, x - 1 < screen.width {
                    var target = x - 1
                    while target > column, screen.rows[row][target].isContinuation { target -= 1 }
                    screen.rows[row][target].text.unicodeScalars.append(scalar)
                }
                continue
            }
            guard x + cellWidth <= limit else { break }
            put(Cell(String(scalar), role), row: row, column: x)
            if cellWidth == 2 { put(Cell("", role), row: row, column: x + 1) }
            x += cellWidth
        }
        return x
    }

    /// Fills columns `from..<to` of a row with blanks of one role.
    public mutating func fill(row: Int, from: Int, to: Int, role: StyleRole) {
        guard row >= 0, row < screen.height else { return }
        for x in max(0, from)..<max(max(0, from), min(to, screen.width)) { put(Cell(" ", role), row: row, column: x) }
    }

    /// Replaces one cell; a double-width character cut in half by it (an overlay's edge) becomes a blank,
    /// so that no half character is ever left on the screen.
    public mutating func put(_ cell: Cell, row: Int, column: Int) {
        let existing = screen.rows[row][column]
        if existing.isContinuation, column > 0, !screen.rows[row][column - 1].isContinuation, !cell.isContinuation {
            screen.rows[row][column - 1] = Cell(" ", screen.rows[row][column - 1].role)
        }
        if !existing.isContinuation, column + 1 < screen.width, screen.rows[row][column + 1].isContinuation {
            screen.rows[row][column + 1] = Cell(" ", screen.rows[row][column + 1].role)
        }
        screen.rows[row][column] = cell
    }

    /// A framed box of the overlay style centred in `area`, with a title in its top border; returns its inner
    /// rectangle.
    public mutating func box(in area: Area, title: String, innerWidth: Int, innerHeight: Int) -> Area {
        let boxWidth = min(area.width, innerWidth + 4)
        let boxHeight = min(area.height, innerHeight + 2)
        let x = area.x + max(0, (area.width - boxWidth) / 2)
        let y = area.y + max(0, (area.height - boxHeight) / 2)
        for row in y..<(y + boxHeight) { fill(row: row, from: x, to: x + boxWidth, role: .overlay) }
        write(" " + title + " ", row: y, column: x + 1, limit: x + boxWidth - 1, role: .overlay)
        return Area(x: x + 2, y: y + 1, width: max(1, boxWidth - 4), height: max(0, boxHeight - 2))
    }
}
