import DuizhaoCore

/// Writes text into a screen row by display width, never past a limit, never a raw control character.
struct ScreenWriter {
    var screen: Screen

    /// Writes `text` at (`row`, `column`), clipped at `limit` (exclusive column); returns the next column.
    @discardableResult
    mutating func write(_ text: String, row: Int, column: Int, limit: Int, role: StyleRole) -> Int {
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
    mutating func fill(row: Int, from: Int, to: Int, role: StyleRole) {
        guard row >= 0, row < screen.height else { return }
        for x in max(0, from)..<max(max(0, from), min(to, screen.width)) { put(Cell(" ", role), row: row, column: x) }
    }

    /// Replaces one cell; a double-width character cut in half by it (an overlay's edge) becomes a blank,
    /// so that no half character is ever left on the screen.
    mutating func put(_ cell: Cell, row: Int, column: Int) {
        let existing = screen.rows[row][column]
        if existing.isContinuation, column > 0, !screen.rows[row][column - 1].isContinuation, !cell.isContinuation {
            screen.rows[row][column - 1] = Cell(" ", screen.rows[row][column - 1].role)
        }
        if !existing.isContinuation, column + 1 < screen.width, screen.rows[row][column + 1].isContinuation {
            screen.rows[row][column + 1] = Cell(" ", screen.rows[row][column + 1].role)
        }
        screen.rows[row][column] = cell
    }
}

extension ReaderModel {
    /// The screen for the current state. Only the visible rows are laid out (wrapped blocks are cached).
    public func render() -> Screen {
        var writer = ScreenWriter(screen: Screen(width: width, height: height))
        guard width > 0, height > 0 else { return writer.screen }
        let geometry = geometry
        if geometry.isTooSmall {
            renderTooSmall(&writer)
            return writer.screen
        }
        renderHeaders(&writer, geometry)
        writer.screen.scrollableRows = 1..<(1 + geometry.bodyRows)
        renderBody(&writer, geometry)
        if let outline = geometry.outline { renderOutline(&writer, outline) }
        renderStatus(&writer, geometry)
        switch mode {
        case .help(let scroll): renderHelp(&writer, scroll: scroll)
        case .bookmarks: renderBookmarkList(&writer)
        case .reading, .prompt: break
        }
        return writer.screen
    }

    func renderTooSmall(_ writer: inout ScreenWriter) {
        var lines = ["terminal too small", "\(width)x\(height) < \(minimumSize.width)x\(minimumSize.height)"]
        if width >= 24 { lines.append("enlarge it or press q") }
        let first = max(0, (height - lines.count) / 2)
        for (index, line) in lines.enumerated() where first + index < height {
            let column = max(0, (width - DisplayWidth.of(line)) / 2)
            writer.write(line, row: first + index, column: column, limit: width, role: index == 0 ? .statusMessage : .normal)
        }
    }

    static let sideLabel: [DocumentSide: String] = [.national: "国家", .provincial: "省级"]

    func renderHeaders(_ writer: inout ScreenWriter, _ geometry: Geometry) {
        if let outline = geometry.outline {
            let role: StyleRole = focus == .outline ? .paneTitleFocused : .paneTitle
            writer.fill(row: 0, from: outline.x, to: outline.x + outline.width, role: role)
            writer.write(" 目录 · " + (Self.sideLabel[textSide] ?? ""), row: 0, column: outline.x,
                         limit: outline.x + outline.width, role: role)
            separator(&writer, column: outline.x + outline.width, geometry: geometry)
        }
        for side in DocumentSide.allCases {
            guard let frame = geometry.frame(side), let document = side == .national ? national : provincial else { continue }
            let role: StyleRole = focus == Pane(side) ? .paneTitleFocused : .paneTitle
            writer.fill(row: 0, from: frame.x, to: frame.x + frame.width, role: role)
            let title = document.title.isEmpty ? (Self.sideLabel[side] ?? "") : document.title
            writer.write(" " + title, row: 0, column: frame.x, limit: frame.x + frame.width, role: role)
        }
        if let national = geometry.national, geometry.provincial != nil {
            separator(&writer, column: national.x + national.width, geometry: geometry)
        }
    }

    func separator(_ writer: inout ScreenWriter, column: Int, geometry: Geometry) {
        for row in 0..<(geometry.bodyRows + 1) {
            writer.write("│", row: row, column: column, limit: column + 1, role: .separator)
        }
    }

    /// Maps a text role for display: difference styles off when highlighting is off.
    func displayRole(_ role: StyleRole) -> StyleRole {
        if highlightsDifferences { return role }
        switch role {
        case .inserted, .deleted, .provincialOnly, .nationalOnly: return .normal
        default: return role
        }
    }

    func renderBody(_ writer: inout ScreenWriter, _ geometry: Geometry) {
        let widths = geometry.widths
        let sides = DocumentSide.allCases.filter { geometry.frame($0) != nil }
        var position = top
        var screenRow = 1
        let needle = search?.needle ?? []
        while screenRow <= geometry.bodyRows, position.block < layout.blockCount {
            let rows = layout.rows(position.block, widths: widths)
            guard position.row < rows.count else {
                position = RowPosition(block: position.block + 1, row: 0)
                continue
            }
            let content = layout.content(position.block)
            while position.row < rows.count, screenRow <= geometry.bodyRows {
                for side in sides {
                    let lines = rows.lines(side)
                    guard position.row < lines.count, let frame = geometry.frame(side) else { continue }
                    drawLine(
                        &writer, lines[position.row], paragraphs: content.paragraphs(side), placeholder: content.placeholder,
                        frame: frame, row: screenRow, side: side, block: position.block, needle: needle)
                }
                position.row += 1
                screenRow += 1
            }
            position = RowPosition(block: position.block + 1, row: 0)
        }
    }

    func drawLine(
        _ writer: inout ScreenWriter, _ line: LineRef, paragraphs: [DisplayParagraph], placeholder: String?,
        frame: PaneFrame, row: Int, side: DocumentSide, block: Int, needle: [Unicode.Scalar]
    ) {
        let limit = frame.textX + frame.textWidth
        if line.paragraph == LineRef.placeholderParagraph {
            writer.write(placeholder ?? "— 无对应条款 —", row: row, column: frame.textX, limit: limit, role: .placeholder)
            return
        }
        guard line.isText else { return }
        let paragraphIndex = Int(line.paragraph)
        let paragraph = paragraphs[paragraphIndex]
        if line.start == 0, paragraph.isHeading || paragraph.startsUnit,
           let id = paragraph.divisionID, bookmarks.contains(where: { $0.side == side && $0.clauseID == id }) {
            writer.screen.rows[row][frame.x] = Cell("*", .bookmark)
        }
        // Search matches overlapping this line.
        var highlights: [(range: Range<Int>, role: StyleRole)] = []
        if !needle.isEmpty {
            for start in Self.occurrences(of: needle, in: paragraph.scalars) {
                let end = start + needle.count
                guard start < Int(line.end), end > Int(line.start) else { continue }
                let current = search?.current
                let isCurrent = current?.block == block && current?.side == side && current?.paragraph == paragraphIndex
                    && current?.start == start
                highlights.append((start..<end, isCurrent ? .searchCurrent : .searchMatch))
            }
        }
        var x = frame.textX + Int(line.indent)
        var index = Int(line.start)
        let end = Int(line.end)
        while index < end {
            let cellWidth = Int(paragraph.widths[index])
            let scalar = paragraph.scalars[index]
            if cellWidth == 0 {
                if x > frame.textX {
                    var target = x - 1
                    while target > frame.textX, writer.screen.rows[row][target].isContinuation { target -= 1 }
                    writer.screen.rows[row][target].text.unicodeScalars.append(scalar)
                }
                index += 1
                continue
            }
            guard x + cellWidth <= limit else { break }
            var role = displayRole(paragraph.roles[index])
            for highlight in highlights where highlight.range.contains(index) { role = highlight.role }
            writer.screen.rows[row][x] = Cell(String(scalar), role)
            if cellWidth == 2 { writer.screen.rows[row][x + 1] = Cell("", role) }
            x += cellWidth
            index += 1
        }
    }

    /// First outline row shown, so that the marked row stays in view.
    var outlineWindowStart: Int {
        let count = outlineVisible[textSide]?.count ?? 0
        let rows = bodyRows
        guard count > rows, let marked = markedOutlineRow else { return 0 }
        return min(max(0, marked - rows / 3), count - rows)
    }

    func renderOutline(_ writer: inout ScreenWriter, _ frame: PaneFrame) {
        guard let document = pieces(textSide), let visible = outlineVisible[textSide] else { return }
        let marked = markedOutlineRow
        let start = outlineWindowStart
        let foldedIDs = folded[textSide] ?? []
        let marks = Set(bookmarks.filter { $0.side == textSide }.map(\.clauseID))
        for screenRow in 1...bodyRows {
            let index = start + screenRow - 1
            guard index < visible.count else { break }
            let entry = document.outline[visible[index]]
            let role: StyleRole = index == marked ? .outlineCurrent : .outline
            let limit = frame.x + frame.width
            if role == .outlineCurrent { writer.fill(row: screenRow, from: frame.x, to: limit, role: role) }
            if marks.contains(entry.divisionID) { writer.write("*", row: screenRow, column: frame.x, limit: limit, role: .bookmark) }
            let indent = String(repeating: " ", count: min(entry.depth * 2, max(0, frame.width / 3)))
            let fold = entry.hasChildren ? (foldedIDs.contains(entry.divisionID) ? "+" : "-") : " "
            writer.write(indent + fold + entry.heading, row: screenRow, column: frame.x + 1, limit: limit, role: role)
        }
    }

    /// "section › clause" of the current position in a document.
    func locationText(_ side: DocumentSide) -> String {
        guard let paragraph = currentParagraphInfo(side) else { return "" }
        guard let unit = paragraph.unitID, let document = pieces(side) else { return "序言" }
        let heading = document.divisions[unit]?.heading ?? unit
        if let section = document.sectionEntry(containing: unit) { return section.heading + " › " + heading }
        return heading
    }

    func renderStatus(_ writer: inout ScreenWriter, _ geometry: Geometry) {
        let row = height - 1
        writer.fill(row: row, from: 0, to: width, role: .status)
        if case .prompt(let prompt) = mode {
            let end = writer.write(prompt.label + prompt.text, row: row, column: 0, limit: width, role: .status)
            writer.screen.cursor = CursorPosition(row: row, column: min(end, width - 1))
            if let message {
                writer.write("  " + message, row: row, column: end, limit: width, role: .statusMessage)
            }
            return
        }
        // Right-hand indicators by priority; the least important go first when the line is narrow.
        var right: [(text: String, priority: Int)] = []
        if provincial != nil, comparison == nil {
            right.append((comparisonProgress.map { "comparing \(Int($0 * 100))%" } ?? "not aligned", 3))
        }
        if !highlightsDifferences { right.append(("diff off", 2)) }
        if let query = search?.query { right.append(("/" + query, 0)) }
        right.append((isSinglePane || provincial == nil ? "single" : "side by side", 1))
        right.append((positionText, 4))
        var dropPriority = 0
        while DisplayWidth.of(right.map(\.text).joined(separator: " · ")) + 2 > width / 2, dropPriority < 4 {
            right.removeAll { $0.priority == dropPriority }
            dropPriority += 1
        }
        let rightText = right.map(\.text).joined(separator: " · ") + " "
        let rightWidth = DisplayWidth.of(rightText)
        let rightColumn = max(0, width - rightWidth)
        var column = 0
        if let message {
            column = writer.write(" " + message + " ", row: row, column: 0, limit: rightColumn - 1, role: .statusMessage)
        }
        let label = focus == .outline ? "目录·" + (Self.sideLabel[textSide] ?? "") : (Self.sideLabel[textSide] ?? "")
        writer.write(" " + label + " │ " + locationText(textSide), row: row, column: column, limit: rightColumn - 1, role: .status)
        writer.write(rightText, row: row, column: rightColumn, limit: width, role: .status)
    }

    /// A framed box in the middle of the screen; returns its inner rectangle.
    func drawBox(_ writer: inout ScreenWriter, title: String, innerWidth: Int, innerHeight: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        let boxWidth = min(width, innerWidth + 4)
        let boxHeight = min(height, innerHeight + 2)
        let x = max(0, (width - boxWidth) / 2)
        let y = max(0, (height - boxHeight) / 2)
        for row in y..<(y + boxHeight) { writer.fill(row: row, from: x, to: x + boxWidth, role: .overlay) }
        writer.write(" " + title + " ", row: y, column: x + 1, limit: x + boxWidth - 1, role: .overlay)
        return (x + 2, y + 1, max(1, boxWidth - 4), max(0, boxHeight - 2))
    }

    func renderHelp(_ writer: inout ScreenWriter, scroll: Int) {
        let lines = Self.helpLines
        var keyColumn = 0, helpWidth = 0, titleWidth = 0
        for line in lines {
            switch line {
            case .title(let title): titleWidth = max(titleWidth, DisplayWidth.of(title))
            case .binding(let keys, let help):
                keyColumn = max(keyColumn, DisplayWidth.of(keys))
                helpWidth = max(helpWidth, DisplayWidth.of(help))
            case .blank: break
            }
        }
        let lineWidth = max(titleWidth, keyColumn + 2 + helpWidth)
        let box = drawBox(&writer, title: "keys · ? or Esc closes, j/k scroll", innerWidth: lineWidth,
                          innerHeight: lines.count)
        for (offset, line) in lines.dropFirst(scroll).prefix(box.height).enumerated() {
            let row = box.y + offset
            switch line {
            case .title(let title):
                writer.write(title, row: row, column: box.x, limit: box.x + box.width, role: .overlayHeading)
            case .binding(let keys, let help):
                writer.write(keys, row: row, column: box.x, limit: box.x + box.width, role: .overlay)
                writer.write(help, row: row, column: box.x + keyColumn + 2, limit: box.x + box.width, role: .overlay)
            case .blank:
                break
            }
        }
    }

    func renderBookmarkList(_ writer: inout ScreenWriter) {
        let list = filteredBookmarks
        let title = "bookmarks (\(bookmarkFilter.label)) · Enter jump · e note · d delete · f filter · Esc"
        let box = drawBox(&writer, title: title, innerWidth: max(40, width * 3 / 4), innerHeight: max(1, min(list.count, height - 4)))
        if list.isEmpty {
            writer.write("no bookmarks · m bookmarks the current clause", row: box.y, column: box.x,
                         limit: box.x + box.width, role: .overlay)
            return
        }
        let start = list.count > box.height ? min(max(0, bookmarkCursor - box.height / 2), list.count - box.height) : 0
        for (offset, mark) in list.dropFirst(start).prefix(box.height).enumerated() {
            let row = box.y + offset
            let selected = start + offset == bookmarkCursor
            let role: StyleRole = selected ? .outlineCurrent : .overlay
            if selected { writer.fill(row: row, from: box.x, to: box.x + box.width, role: role) }
            var text = (Self.sideLabel[mark.side] ?? "") + " " + mark.clauseTitle
            if mark.isOrphaned { text += " (orphaned)" }
            if !mark.note.isEmpty { text += " — " + mark.note }
            writer.write(text, row: row, column: box.x, limit: box.x + box.width, role: role)
        }
    }
}
