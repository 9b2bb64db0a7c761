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
        for scalar in TerminalSafe.line(text).unicodeScalars {
            let cellWidth = DisplayWidth.of(scalar)
            if cellWidth == 0 {
                screen.appendMark(scalar, row: row, before: x, notBefore: column)
                continue
            }
            guard x + cellWidth <= limit else { break }
            x = put(scalar, width: cellWidth, role: role, row: row, column: x)
        }
        return x
    }

    /// Fills columns `from..<to` of a row with blanks of one role.
    public mutating func fill(row: Int, from: Int, to: Int, role: StyleRole) {
        guard row >= 0, row < screen.height else { return }
        for x in max(0, from)..<max(max(0, from), min(to, screen.width)) { put(Cell(" ", role), row: row, column: x) }
    }

    /// Writes one cell (see `Screen.put`: no half double-width character is left behind).
    public mutating func put(_ cell: Cell, row: Int, column: Int) {
        screen.put(cell, row: row, column: column)
    }

    /// Writes one character of a known display width (1 or 2) in one role; a double-width character takes
    /// its continuation cell too. Returns the next column.
    @discardableResult
    public mutating func put(_ scalar: Unicode.Scalar, width cellWidth: Int, role: StyleRole, row: Int, column: Int)
        -> Int
    {
        screen.put(Cell(String(scalar), role), row: row, column: column)
        if cellWidth == 2 { screen.put(Cell("", role), row: row, column: column + 1) }
        return column + cellWidth
    }

    /// A framed box of the overlay style centred in `area`, with a title in its top border; returns its inner
    /// rectangle.
    /// A list in `box` (from `box(in:…)`), one entry a row, scrolled so the entry at `cursor` is shown and drawn
    /// selected.
    public mutating func list(_ entries: [String], cursor: Int, in box: Area) {
        let limit = box.x + box.width
        let start =
            entries.count > box.height ? min(max(0, cursor - box.height / 2), entries.count - box.height) : 0
        for (offset, entry) in entries.dropFirst(start).prefix(box.height).enumerated() {
            let row = box.y + offset
            let role: StyleRole = start + offset == cursor ? .outlineCurrent : .overlay
            if role == .outlineCurrent { fill(row: row, from: box.x, to: limit, role: role) }
            write(entry, row: row, column: box.x, limit: limit, role: role)
        }
    }

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
