import DuizhaoCore
import DuizhaoMatrix

/// Where the parts of the matrix screen go, for the current size.
struct MatrixGeometry: Equatable {
    /// Cells of the frozen row labels (provision label and title).
    var labelWidth: Int
    /// Cells of the frozen adoption column ("5/6").
    var adoptionWidth: Int
    /// Cells per document column, its separating blank included.
    var slotWidth: Int
    var visibleSlots: Int

    static let minimumWidth = 40
    static let minimumHeight = 8
}

extension MatrixScreenModel {
    var geometry: MatrixGeometry {
        let total = max(1, columns.count)
        let adoptionWidth = max(8, DisplayWidth.of("\(total)/\(total)") + 2)
        let slotWidth = 7
        // Labels take 30% of the width (18–40 cells), more (up to 60) when every column fits anyway.
        let spare = width - adoptionWidth - slotWidth * total
        let labelWidth = max(max(18, min(40, width * 3 / 10)), min(60, spare))
        return MatrixGeometry(
            labelWidth: labelWidth, adoptionWidth: adoptionWidth, slotWidth: slotWidth,
            visibleSlots: max(1, (width - labelWidth - adoptionWidth) / slotWidth))
    }

    /// The compact text of a cell (6 cells): mark (✎ after it for a hand link) and carried share (`ref` when kept
    /// by reference), readable without colour.
    static func cellText(_ cell: MatrixCell) -> String {
        // The marks of the Markdown and HTML matrices (✓ ◐ ✗): told apart without colour.
        // A link made by hand shows ✎ after the mark (the share gives up its padding for it).
        let mark = MatrixFormats.mark(cell.kind) + (cell.hand ? "✎" : "")
        guard cell.kind != .dropped else { return mark }
        let share = cell.byReference ? "ref" : TextFormatting.percent(cell.carried)
        return mark + String(repeating: " ", count: max(cell.hand ? 0 : 1, (cell.hand ? 4 : 5) - share.count)) + share
    }

    static func role(_ kind: CellKind) -> StyleRole {
        switch kind {
        case .match: return .matrixKept
        case .partial: return .matrixPartly
        case .dropped: return .matrixDropped
        }
    }

    /// The matrix alone on a screen of its size (tests; a `ReaderModel` draws it through `render(into:area:context:)`).
    public func render() -> Screen {
        var writer = ScreenWriter(screen: Screen(width: width, height: height))
        draw(into: &writer, notice: nil)
        return writer.screen
    }

    /// Draws the whole matrix screen; `notice` (the root's status message) shows when the matrix has none.
    func draw(into writer: inout ScreenWriter, notice: String?, noticeRole: StyleRole = .statusMessage) {
        guard width > 0, height > 0 else { return }
        guard width >= MatrixGeometry.minimumWidth, height >= MatrixGeometry.minimumHeight else {
            writer.write(
                "terminal too small for the matrix (\(width)x\(height)); q quits", row: 0, column: 0,
                limit: width, role: .statusProblem)
            return
        }
        let geometry = self.geometry
        renderTitle(&writer)
        renderHeadings(&writer, geometry)
        let counts = survival
        let ready = columns.compactMap { $0 }.count
        for screenRow in 0..<bodyRows {
            let index = topLine + screenRow
            guard lines.indices.contains(index) else { break }
            renderLine(
                &writer, lines[index], row: 2 + screenRow, isCursor: index == cursorLine, geometry: geometry,
                counts: counts, ready: ready)
        }
        renderCoverage(&writer, geometry)
        renderStatus(&writer, notice: notice, noticeRole: noticeRole)
    }

    func renderTitle(_ writer: inout ScreenWriter) {
        writer.fill(row: 0, from: 0, to: width, role: .paneTitle)
        let (done, total) = progress
        let right = done < total ? "compared \(done)/\(total) " : "\(total) documents "
        let rightWidth = DisplayWidth.of(right)
        writer.write(
            " 对照 matrix · " + national.title, row: 0, column: 0, limit: width - rightWidth - 1, role: .paneTitle)
        writer.write(right, row: 0, column: width - rightWidth, limit: width, role: .paneTitle)
    }

    /// The x of a visible document slot.
    func slotX(_ visibleIndex: Int, _ geometry: MatrixGeometry) -> Int {
        geometry.labelWidth + geometry.adoptionWidth + visibleIndex * geometry.slotWidth
    }

    var visibleSlotRange: Range<Int> {
        firstSlot..<min(order.count, firstSlot + geometry.visibleSlots)
    }

    func renderHeadings(_ writer: inout ScreenWriter, _ geometry: MatrixGeometry) {
        writer.write(
            sortRowsByAdoption ? " provision by adoption" : " provision", row: 1, column: 0,
            limit: geometry.labelWidth - 1, role: .heading)
        if firstSlot > 0 {
            let x = geometry.labelWidth + geometry.adoptionWidth - 1
            writer.write("<", row: 1, column: x, limit: x + 1, role: .heading)
        }
        rightAligned(&writer, "adopted", row: 1, end: geometry.labelWidth + geometry.adoptionWidth - 1, role: .heading)
        for (visible, slot) in visibleSlotRange.enumerated() {
            let column = order[slot]
            let role: StyleRole = slot == cursorSlot ? .paneTitleFocused : .heading
            let x = slotX(visible, geometry)
            writer.fill(row: 1, from: x, to: x + geometry.slotWidth - 1, role: role)
            writer.write(heading(column), row: 1, column: x, limit: x + geometry.slotWidth - 1, role: role)
        }
        if visibleSlotRange.upperBound < order.count {
            writer.write(">", row: 1, column: width - 1, limit: width, role: .heading)
        }
    }

    func renderLine(
        _ writer: inout ScreenWriter, _ line: MatrixLine, row: Int, isCursor: Bool, geometry: MatrixGeometry,
        counts: [Int], ready: Int
    ) {
        switch line {
        case .chapter(let heading):
            let count = provisions.filter { $0.chapter == heading }.count
            let marker = folded.contains(heading.id) ? "+ " : "- "
            let text =
                marker + [heading.label, heading.title].filter { !$0.isEmpty }.joined(separator: " ")
                + (folded.contains(heading.id) ? "  (\(count))" : "")
            if isCursor { writer.fill(row: row, from: 0, to: geometry.labelWidth - 1, role: .outlineCurrent) }
            writer.write(text, row: row, column: 0, limit: width, role: isCursor ? .outlineCurrent : .heading)
        case .provision(let index):
            let provision = provisions[index]
            let indent = sortRowsByAdoption || provision.chapter == nil ? " " : "   "
            let labelRole: StyleRole = isCursor ? .outlineCurrent : .normal
            if isCursor { writer.fill(row: row, from: 0, to: geometry.labelWidth - 1, role: labelRole) }
            writer.write(
                indent + MatrixFormats.provisionHeading(provision), row: row, column: 0,
                limit: geometry.labelWidth - 1, role: labelRole)
            rightAligned(
                &writer, "\(counts[index])/\(ready)", row: row, end: geometry.labelWidth + geometry.adoptionWidth - 1,
                role: .normal)
            for (visible, slot) in visibleSlotRange.enumerated() {
                let column = order[slot]
                let x = slotX(visible, geometry)
                let cursorCell = isCursor && slot == cursorSlot
                if let cell = columns[column]?.cells[index] {
                    let role = cursorCell ? .matrixCursor : Self.role(cell.kind)
                    writer.fill(row: row, from: x, to: x + geometry.slotWidth - 1, role: role)
                    writer.write(
                        Self.cellText(cell), row: row, column: x, limit: x + geometry.slotWidth - 1, role: role)
                } else {
                    let role: StyleRole = cursorCell ? .matrixCursor : .placeholder
                    writer.fill(row: row, from: x, to: x + geometry.slotWidth - 1, role: role)
                    writer.write(
                        failures[column] == nil ? " ..." : " !", row: row, column: x,
                        limit: x + geometry.slotWidth - 1, role: role)
                }
            }
        }
    }

    func renderCoverage(_ writer: inout ScreenWriter, _ geometry: MatrixGeometry) {
        let row = height - 2
        writer.fill(row: row, from: 0, to: width, role: .heading)
        writer.write(" coverage", row: row, column: 0, limit: geometry.labelWidth - 1, role: .heading)
        let ready = columns.compactMap { $0 }
        if !ready.isEmpty {
            let mean = ready.map(\.summary.coverage).reduce(0, +) / Double(ready.count)
            rightAligned(
                &writer, TextFormatting.percent(mean), row: row,
                end: geometry.labelWidth + geometry.adoptionWidth - 1, role: .heading)
        }
        for (visible, slot) in visibleSlotRange.enumerated() {
            guard let summary = columns[order[slot]]?.summary else { continue }
            let text = TextFormatting.percent(summary.coverage)
            let x = slotX(visible, geometry)
            rightAligned(&writer, text, row: row, end: x + 5, role: .heading)
        }
    }

    /// The status line: the search prompt, a message, or the detail of the cell under the cursor.
    func renderStatus(_ writer: inout ScreenWriter, notice: String?, noticeRole: StyleRole = .statusMessage) {
        let row = height - 1
        writer.fill(row: row, from: 0, to: width, role: .status)
        if case .search(let query, _) = mode {
            let end = writer.write("/" + query, row: row, column: 0, limit: width - 1, role: .status)
            writer.screen.cursor = CursorPosition(row: row, column: min(end, width - 1))
            return
        }
        if let message = message ?? notice {
            // The matrix's own messages are ordinary; the root's notice keeps its kind.
            let role = self.message == nil ? noticeRole : .statusMessage
            writer.fill(row: row, from: 0, to: width, role: role)
            let shown = ReadingScreen.shortened(message, room: width) ?? ""
            writer.write(shown, row: row, column: 0, limit: width, role: role)
            return
        }
        let hint = "  ? keys"
        let hintWidth = DisplayWidth.of(hint)
        // Shortened with … at a word or character boundary (the headings of the linked provisions go last).
        let detail = ReadingScreen.shortened(cursorDetail, room: width - hintWidth - 1) ?? ""
        writer.write(detail, row: row, column: 0, limit: width - hintWidth - 1, role: .status)
        writer.write(hint, row: row, column: width - hintWidth, limit: width, role: .status)
    }

    /// What the status line says about the cell under the cursor.
    var cursorDetail: String {
        guard lines.indices.contains(cursorLine) else { return "no provisions" }
        guard case .provision(let index) = lines[cursorLine] else {
            if case .chapter(let heading) = lines[cursorLine] {
                let count = provisions.filter { $0.chapter == heading }.count
                let title = [heading.label, heading.title].filter { !$0.isEmpty }.joined(separator: " ")
                return "\(title) · \(count) provisions · o or Enter folds"
            }
            return ""
        }
        let provision = MatrixFormats.provisionHeading(provisions[index])
        guard let column = cursorColumn else { return provision }
        let name = fullName(column)
        if let problem = failures[column] { return "\(name): \(problem)" }
        guard let matrixColumn = columns[column] else { return "\(name) · \(provision) · comparing…" }
        let cell = matrixColumn.cells[index]
        switch cell.kind {
        case .dropped:
            return "\(name) · \(provision): dropped"
        case .match, .partial:
            let headings = cell.provincial.map { id in
                matrixColumn.document.division(id: id).map { $0.label + " " + $0.displayTitle } ?? id
            }
            let kind =
                cell.byReference
                ? "kept by reference"
                : "\(cell.kind == .match ? "kept" : "partly kept") \(TextFormatting.percent(cell.carried))"
            return "\(name) · \(provision): \(kind) → " + headings.joined(separator: "、")
        }
    }

    func rightAligned(_ writer: inout ScreenWriter, _ text: String, row: Int, end: Int, role: StyleRole) {
        let start = end - DisplayWidth.of(text)
        writer.write(text, row: row, column: max(0, start), limit: end, role: role)
    }
}
