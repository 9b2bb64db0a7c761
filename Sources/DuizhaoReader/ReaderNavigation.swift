import DuizhaoCompare
import DuizhaoCore

/// Where a text pane sits on the screen: a gutter column for marks, the text, a margin column.
struct PaneFrame: Sendable, Equatable {
    var x: Int
    var width: Int
    var textX: Int { x + 1 }
    var textWidth: Int { max(1, width - 2) }
}

/// The screen split into outline, panes, header row and status row.
struct Geometry: Sendable, Equatable {
    var outline: PaneFrame?
    /// The text panes shown (nil: not shown).
    var frames: Sides<PaneFrame?>
    var bodyRows: Int

    var widths: PaneWidths { frames.map { $0?.textWidth ?? 0 } }
}

extension ReadingScreen {
    /// Below this width the outline is not shown even when switched on (the panes need the room).
    static let outlineMinimumScreenWidth = 60

    var geometry: Geometry {
        var result = Geometry(outline: nil, frames: Sides(repeating: nil), bodyRows: max(1, height - 2))
        var x = 0
        if showsOutline, width >= Self.outlineMinimumScreenWidth {
            let outlineWidth = min(32, max(16, width / 5))
            result.outline = PaneFrame(x: 0, width: outlineWidth)
            x = outlineWidth + 1
        }
        let rest = max(2, width - x)
        if isSinglePane || provincial == nil {
            result.frames[provincial == nil ? .national : textSide] = PaneFrame(x: x, width: rest)
        } else {
            let left = (rest - 1) / 2
            result.frames.national = PaneFrame(x: x, width: left)
            result.frames.provincial = PaneFrame(x: x + left + 1, width: rest - left - 1)
        }
        return result
    }

    var widths: PaneWidths { geometry.widths }
    var bodyRows: Int { geometry.bodyRows }

    func blockHeight(_ block: Int) -> Int { layout.height(block, widths: widths) }

    /// Moves forward past rows beyond a block's end and blocks with no rows.
    func normalized(_ position: RowPosition) -> RowPosition {
        var position = position
        let widths = widths
        while position.block < pair.blockCount {
            let height = layout.height(position.block, widths: widths)
            if position.row < height { return position }
            position.row -= height
            position.block += 1
        }
        return lastRow ?? RowPosition(block: 0, row: 0)
    }

    /// The last row of the whole list, if there is any row.
    var lastRow: RowPosition? {
        let widths = widths
        var block = pair.blockCount - 1
        while block >= 0 {
            let height = layout.height(block, widths: widths)
            if height > 0 { return RowPosition(block: block, row: height - 1) }
            block -= 1
        }
        return nil
    }

    /// The lowest top position: the one that shows the last row at the bottom of the panes.
    var maximumTop: RowPosition {
        let widths = widths
        var remaining = bodyRows
        var block = pair.blockCount - 1
        while block >= 0 {
            let height = layout.height(block, widths: widths)
            if height >= remaining { return RowPosition(block: block, row: height - remaining) }
            remaining -= height
            block -= 1
        }
        return firstRow
    }

    var firstRow: RowPosition {
        let widths = widths
        for block in 0..<pair.blockCount where layout.height(block, widths: widths) > 0 {
            return RowPosition(block: block, row: 0)
        }
        return RowPosition(block: 0, row: 0)
    }

    /// `position` moved by `lines` rows (negative: up), not past either end of the list.
    func advanced(_ position: RowPosition, by lines: Int) -> RowPosition {
        let widths = widths
        var position = position
        position.row += lines
        if lines >= 0 {
            while position.block < pair.blockCount {
                let height = layout.height(position.block, widths: widths)
                if position.row < height { return position }
                position.row -= height
                position.block += 1
            }
            return lastRow ?? firstRow
        }
        while position.row < 0 {
            position.block -= 1
            if position.block < 0 { return firstRow }
            position.row += layout.height(position.block, widths: widths)
        }
        return position
    }

    /// Whether at least `count` rows follow `position` (its own row included). Lays out only the blocks it
    /// walks, from `position` on: near the top of a long document it never reaches the end.
    func hasRows(_ count: Int, from position: RowPosition) -> Bool {
        let widths = widths
        var remaining = count + max(0, position.row)
        var block = max(0, position.block)
        while block < pair.blockCount {
            remaining -= layout.height(block, widths: widths)
            if remaining <= 0 { return true }
            block += 1
        }
        return false
    }

    /// Clamps a top position so that the panes never show space past the end. (A position with a pane's
    /// worth of rows after it is below `maximumTop`: only then is the end of the documents laid out.)
    func clampedTop(_ position: RowPosition) -> RowPosition {
        guard hasRows(bodyRows, from: position) else { return maximumTop }
        return max(normalized(position), firstRow)
    }

    /// The row the reader is at: the top row, or the target of a jump that could not scroll that far.
    var readingRow: RowPosition { readingTarget ?? top }

    /// Scrolls so that `target` is at the top, or as close as the end of the list allows (the reader is
    /// then still "at" the target: it is the current clause).
    mutating func show(_ target: RowPosition) {
        let target = normalized(target)
        top = clampedTop(target)
        if top != target { readingTarget = target }
    }

    mutating func scroll(by lines: Int) {
        top = clampedTop(advanced(top, by: lines))
    }

    /// Position for the status line: "all" when everything fits, else a percentage.
    var positionText: String {
        top == firstRow && !hasRows(bodyRows + 1, from: top) ? "all" : "\(percentage)%"
    }

    /// Position in the document pair in percent (by text size, so it needs no layout of unseen text).
    var percentage: Int {
        if !hasRows(bodyRows + 1, from: top) { return 100 }  // at `maximumTop` or below it
        let total = max(1, pair.weightPrefix.last ?? 1)
        let block = min(top.block, pair.blockCount - 1)
        guard block >= 0 else { return 100 }
        let blockWeight = pair.weightPrefix[block + 1] - pair.weightPrefix[block]
        let height = max(1, blockHeight(block))
        let done = Double(pair.weightPrefix[block]) + Double(blockWeight) * Double(top.row) / Double(height)
        return min(99, Int(done * 100 / Double(total)))
    }

    // MARK: Where the reader is

    /// The display paragraph a document's pane is in at the top row (the nearest one above when the
    /// top row shows no text of that document).
    func currentParagraphInfo(_ side: DocumentSide) -> DisplayParagraph? {
        guard pair.document(side) != nil, pair.blockCount > 0 else { return nil }
        let reading = readingRow
        let block = min(reading.block, pair.blockCount - 1)
        let lines = layout.rows(block, widths: widths).lines[side]
        let paragraphs = layout.content(block).paragraphs[side]
        if !lines.isEmpty, !paragraphs.isEmpty {
            var row = min(reading.row, lines.count - 1)
            while row >= 0 {
                if lines[row].isText { return paragraphs[Int(lines[row].paragraph)] }
                row -= 1
            }
            return paragraphs[0]
        }
        if !paragraphs.isEmpty { return paragraphs[0] }
        // Nothing of this document in the block: the last of its text before it (found by piece ranges, so
        // that a long run of blocks without this document costs no styling).
        var previous = block - 1
        while previous >= 0 {
            if !pair.blocks[previous].pieces[side].isEmpty, let last = layout.content(previous).paragraphs[side].last {
                return last
            }
            previous -= 1
        }
        var next = block + 1
        while next < pair.blockCount {
            if !pair.blocks[next].pieces[side].isEmpty, let first = layout.content(next).paragraphs[side].first {
                return first
            }
            next += 1
        }
        return nil
    }

    /// The row of a block where a division's text starts on one side, and the top position that shows it.
    func topPosition(forDivision id: String, side: DocumentSide) -> RowPosition? {
        guard let block = pair.block(ofDivision: id, side: side) else { return nil }
        let lines = layout.rows(block, widths: widths).lines[side]
        let paragraphs = layout.content(block).paragraphs[side]
        var sawText = false
        for (row, line) in lines.enumerated() where line.isText {
            let paragraph = paragraphs[Int(line.paragraph)]
            if paragraph.divisionID == id || paragraph.unitID == id && paragraph.startsUnit {
                return RowPosition(block: block, row: sawText ? row : 0)
            }
            sawText = true
        }
        return normalized(RowPosition(block: block, row: 0))
    }

    /// Puts a division of one side at the top. Returns false when the division does not exist.
    mutating func moveTo(division id: String, side: DocumentSide) -> Bool {
        guard let position = topPosition(forDivision: id, side: side) else { return false }
        show(position)
        return true
    }

    /// The next (or previous) row, after (before) the top, where a paragraph satisfying `isTarget` starts.
    func findStart(
        side: DocumentSide, forward: Bool, pieceFilter: (DocumentPiece) -> Bool, isTarget: (DisplayParagraph) -> Bool
    ) -> RowPosition? {
        guard let document = pair.document(side), pair.blockCount > 0 else { return nil }
        let widths = widths
        func targetRows(in block: Int) -> [Int] {
            let lines = layout.rows(block, widths: widths).lines[side]
            guard !lines.isEmpty else { return [] }
            let paragraphs = layout.content(block).paragraphs[side]
            var sawText = false
            var rows: [Int] = []
            for (row, line) in lines.enumerated() where line.isText {
                if line.start == 0, isTarget(paragraphs[Int(line.paragraph)]) { rows.append(sawText ? row : 0) }
                sawText = true
            }
            return rows
        }
        func blockHasTarget(_ block: Int) -> Bool {
            pair.blocks[block].pieces[side].contains { pieceFilter(document.pieces[$0]) }
        }
        // The row the reader is effectively at on this side: fillers at the top count as the next text row.
        let current = readingRow
        guard current.block < pair.blockCount else { return nil }
        let here = targetRows(in: current.block)
        if forward {
            if let row = here.first(where: { $0 > current.row }) { return RowPosition(block: current.block, row: row) }
            var block = current.block + 1
            while block < pair.blockCount {
                if blockHasTarget(block), let row = targetRows(in: block).first {
                    return RowPosition(block: block, row: row)
                }
                block += 1
            }
        } else {
            if let row = here.last(where: { $0 < current.row }) { return RowPosition(block: current.block, row: row) }
            var block = current.block - 1
            while block >= 0 {
                if blockHasTarget(block), let row = targetRows(in: block).last {
                    return RowPosition(block: block, row: row)
                }
                block -= 1
            }
        }
        return nil
    }

    mutating func moveToClause(forward: Bool) {
        let side = textSide
        let found = findStart(
            side: side, forward: forward, pieceFilter: { $0.kind == .unit || $0.kind == .preamble },
            isTarget: \.startsUnit)
        guard let found else {
            message = forward ? "last clause" : "first clause"
            return
        }
        show(found)
    }

    /// `}`/`{`: the next (previous) heading above the provisions: a 意见's 一、 sections, a law's 编, 章 and 节, an
    /// attachment.
    mutating func moveToSection(forward: Bool) {
        let found = findStart(
            side: textSide, forward: forward,
            pieceFilter: { $0.kind == .container && $0.divisionKind?.isSectionStop == true },
            isTarget: \.startsSection)
        guard let found else {
            message = forward ? "no next section" : "no previous section"
            return
        }
        show(found)
    }

    // MARK: Changes

    /// Whether a change of this kind counts for the status line and `c`/`C` (localisations only while shown).
    func isShownChange(_ kind: ChangeKind?) -> Bool {
        guard let kind, highlightsDifferences else { return false }
        return kind.isSubstantive || showsLocalizations
    }

    /// The kind of the change under the cursor: the first substantive change on the reading row of the
    /// focused document, else a localisation there (while shown).
    var currentChangeKind: ChangeKind? {
        guard pair.comparisonIndex != nil, pair.blockCount > 0 else { return nil }
        let reading = readingRow
        guard reading.block < pair.blockCount else { return nil }
        let lines = layout.rows(reading.block, widths: widths).lines[textSide]
        guard reading.row < lines.count, lines[reading.row].isText else { return nil }
        let line = lines[reading.row]
        let paragraph = layout.content(reading.block).paragraphs[textSide][Int(line.paragraph)]
        let kinds = paragraph.kinds[Int(line.start)..<Int(line.end)].filter { isShownChange($0) }
        return kinds.first { $0?.isSubstantive == true } ?? kinds.first ?? nil
    }

    /// The change stops of a block in reading order at the current widths: by the row where each starts, the
    /// national side first on a shared row. Only the shown sides.
    func orderedChangeStops(in block: Int) -> [(stop: ChangeStop, row: Int, paragraphRow: Int)] {
        let stops = layout.changeStops(block)
        guard !stops.isEmpty else { return [] }
        let sides = shownSides
        let lines = layout.rows(block, widths: widths).lines
        var result: [(stop: ChangeStop, row: Int, paragraphRow: Int)] = []
        for stop in stops where sides.contains(stop.side) {
            let sideLines = lines[stop.side]
            guard
                let first = sideLines.firstIndex(where: { Int($0.paragraph) == stop.paragraph }),
                let row = sideLines[first...].firstIndex(where: {
                    Int($0.paragraph) == stop.paragraph && Int($0.start) <= stop.offset && stop.offset < Int($0.end)
                }) ?? Optional(first)
            else { continue }
            result.append((stop, row, first))
        }
        result.sort {
            ($0.row, $0.stop.side == .national ? 0 : 1, $0.stop.offset)
                < ($1.row, $1.stop.side == .national ? 0 : 1, $1.stop.offset)
        }
        return result
    }

    /// Moves to the next (previous) substantive change of either document in reading order, whichever pane has
    /// focus: what `c` and `C` do. The stop's paragraph starts at the top (the changed row stays on screen), and
    /// the status line counts it: "change 7 of 112 · added".
    mutating func moveToChange(forward: Bool) {
        guard pair.comparisonIndex != nil, highlightsDifferences else {
            if provincial == nil {
                message = "one document: nothing to compare"
            } else {
                message = highlightsDifferences ? "no comparison yet" : "differences are not highlighted (d)"
            }
            return
        }
        let current = readingRow
        guard pair.blockCount > 0, current.block < pair.blockCount else { return }
        // After a stop (nothing scrolled since), the walk goes on from that stop rather than from the top row.
        let previous = changeCursor.flatMap { $0.reading == current && $0.widths == widths ? $0.stop : nil }
        let sides = shownSides
        func isCandidate(_ entry: (stop: ChangeStop, row: Int, paragraphRow: Int), in block: Int) -> Bool {
            guard block == current.block else { return true }
            if let previous, previous.block == block {
                let ordered = orderedChangeStops(in: block)
                guard let at = ordered.firstIndex(where: { $0.stop == previous }),
                    let index = ordered.firstIndex(where: { $0.stop == entry.stop })
                else { return false }
                return forward ? index > at : index < at
            }
            return forward ? entry.row >= current.row : entry.row < current.row
        }
        var found: (stop: ChangeStop, row: Int, paragraphRow: Int)?
        var block = current.block
        while found == nil, block >= 0, block < pair.blockCount {
            if sides.contains(where: { !pair.blocks[block].pieces[$0].isEmpty }) {
                let entries = orderedChangeStops(in: block).filter { isCandidate($0, in: block) }
                found = forward ? entries.first : entries.last
            }
            block += forward ? 1 : -1
        }
        guard let found else {
            message = forward ? "no further substantive change" : "no earlier substantive change"
            return
        }
        // The whole paragraph when the changed row fits below its start; else the changed row near the top.
        let start =
            found.row - found.paragraphRow < bodyRows - 1
            ? found.paragraphRow : max(found.paragraphRow, found.row - 2)
        show(RowPosition(block: found.stop.block, row: start))
        changeCursor = ChangeCursor(stop: found.stop, reading: readingRow, widths: widths)
        let ordered = orderedChangeStops(in: found.stop.block)
        let within = ordered.firstIndex { $0.stop == found.stop } ?? 0
        let number = layout.changeStopCount(before: found.stop.block, sides: sides) + within + 1
        let total = layout.changeStopCount(before: pair.blockCount, sides: sides)
        message = "change \(number) of \(total) · \(found.stop.kind.rawValue)"
    }

    // MARK: Focus, geometry changes

    mutating func setFocus(_ pane: Pane) {
        var pane = pane
        if pane == .provincial, provincial == nil { pane = .national }
        if pane == .outline, geometry.outline == nil { pane = Pane(textSide) }
        let previousSide = textSide
        if let side = pane.side, side != textSide {
            if isSinglePane {
                relayout { $0.textSide = side }
            } else {
                textSide = side
            }
        }
        if pane == .outline, focus != .outline || previousSide != textSide {
            outlineCursor = highlightedOutlineRow ?? 0
        }
        focus = pane
    }

    mutating func cycleFocus(forward: Bool) {
        var order: [Pane] = [.national]
        if provincial != nil { order.append(.provincial) }
        if geometry.outline != nil { order.append(.outline) }
        let index = order.firstIndex(of: focus) ?? 0
        let next = order[(index + (forward ? 1 : order.count - 1)) % order.count]
        setFocus(next)
    }

    /// Applies a change that alters the pane widths, keeping the text at the top of the view in place.
    mutating func relayout(_ change: (inout ReadingScreen) -> Void) {
        let anchor = topAnchor()
        change(&self)
        restore(anchor)
    }

    /// Resizes, keeping the reading position; a series of resizes keeps the position it started from.
    mutating func resize(width newWidth: Int, height newHeight: Int) {
        let anchor = resizeAnchor ?? topAnchor()
        width = max(0, newWidth)
        height = max(0, newHeight)
        restore(anchor)
        resizeAnchor = anchor
    }

    /// What is at the top row: a paragraph and offset of a shown side, or only the block.
    struct TopAnchor: Sendable {
        var block: Int
        var side: DocumentSide?
        var paragraph: Int32
        var offset: Int32
        var fraction: Double
    }

    func topAnchor() -> TopAnchor {
        let reading = readingRow
        guard reading.block < pair.blockCount else {
            return TopAnchor(block: 0, side: nil, paragraph: 0, offset: 0, fraction: 0)
        }
        let rows = layout.rows(reading.block, widths: widths)
        let fraction = rows.count > 0 ? Double(reading.row) / Double(rows.count) : 0
        for side in [textSide, textSide.other] {
            let lines = rows.lines[side]
            if reading.row < lines.count, lines[reading.row].isText {
                return TopAnchor(
                    block: reading.block, side: side, paragraph: lines[reading.row].paragraph,
                    offset: lines[reading.row].start, fraction: fraction)
            }
        }
        return TopAnchor(block: reading.block, side: nil, paragraph: 0, offset: 0, fraction: fraction)
    }

    mutating func restore(_ anchor: TopAnchor) {
        guard anchor.block < pair.blockCount else {
            top = firstRow
            return
        }
        let rows = layout.rows(anchor.block, widths: widths)
        if let side = anchor.side {
            let lines = rows.lines[side]
            if let row = lines.firstIndex(where: {
                $0.paragraph == anchor.paragraph && $0.start <= anchor.offset
                    && anchor.offset < max($0.end, $0.start + 1)
            }) {
                show(RowPosition(block: anchor.block, row: row))
                return
            }
        }
        let row = Int(anchor.fraction * Double(rows.count))
        show(RowPosition(block: anchor.block, row: min(row, max(0, rows.count - 1))))
    }

    /// Whether a row is inside the panes as they are now scrolled.
    func isVisible(_ position: RowPosition) -> Bool {
        guard position >= top else { return false }
        var remaining = bodyRows
        var cursor = top
        let widths = widths
        while cursor.block < position.block {
            remaining -= layout.height(cursor.block, widths: widths) - cursor.row
            if remaining <= 0 { return false }
            cursor = RowPosition(block: cursor.block + 1, row: 0)
        }
        return position.row - cursor.row < remaining
    }
}

extension DivisionKind {
    /// Whether `}`/`{` stop at a division of this kind: the levels that group provisions (编 章 节, 一、, 附件).
    var isSectionStop: Bool {
        switch self {
        case .part, .chapter, .subchapter, .section, .attachment: true
        default: false
        }
    }
}
