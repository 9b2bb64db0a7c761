import DuizhaoCore

extension ReadingScreen {
    /// Draws the panes, outline and status line. The reading screen fills the terminal (its size follows the
    /// resizes it receives, which is `area`). Only the visible rows are laid out (wrapped blocks are cached).
    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        let geometry = geometry
        renderHeaders(&writer, geometry)
        writer.screen.scrollableRows = 1..<(1 + geometry.bodyRows)
        renderBody(&writer, geometry)
        if let outline = geometry.outline { renderOutline(&writer, outline) }
        renderStatus(&writer, geometry, notice: context.notice, noticeRole: context.noticeRole)
    }

    func renderHeaders(_ writer: inout ScreenWriter, _ geometry: Geometry) {
        if let outline = geometry.outline {
            let role: StyleRole = focus == .outline ? .paneTitleFocused : .paneTitle
            writer.fill(row: 0, from: outline.x, to: outline.x + outline.width, role: role)
            let name = sideNames[textSide]
            writer.write(
                " 目录" + (name.isEmpty ? "" : " · " + name), row: 0, column: outline.x,
                limit: outline.x + outline.width, role: role)
            separator(&writer, column: outline.x + outline.width, geometry: geometry)
        }
        for side in DocumentSide.allCases {
            guard let frame = geometry.frames[side], let document = document(side) else { continue }
            let role: StyleRole = focus == Pane(side) ? .paneTitleFocused : .paneTitle
            writer.fill(row: 0, from: frame.x, to: frame.x + frame.width, role: role)
            // The side first (黑龙江 · 关于…), so two panes whose titles start alike are told apart at any width.
            let title = [sideNames[side], document.title].filter { !$0.isEmpty }.joined(separator: " · ")
            let shown = Self.fitted(title.isEmpty ? side.label : title, room: frame.width - 2) ?? ""
            writer.write(" " + shown, row: 0, column: frame.x, limit: frame.x + frame.width, role: role)
        }
        if let national = geometry.frames.national, geometry.frames.provincial != nil {
            separator(&writer, column: national.x + national.width, geometry: geometry)
        }
    }

    func separator(_ writer: inout ScreenWriter, column: Int, geometry: Geometry) {
        for row in 0..<(geometry.bodyRows + 1) {
            writer.write("│", row: row, column: column, limit: column + 1, role: .separator)
        }
    }

    /// Maps a text role for display: difference styles off when highlighting is off, localisations plain
    /// when they are hidden.
    func displayRole(_ role: StyleRole) -> StyleRole {
        if highlightsDifferences { return role == .changeLocalized && !showsLocalizations ? .normal : role }
        switch role {
        case .inserted, .deleted, .provincialOnly, .nationalOnly, .changeLocalized, .changeStronger, .changeWeaker,
            .changeNumber, .changeActor:
            return .normal
        default: return role
        }
    }

    func renderBody(_ writer: inout ScreenWriter, _ geometry: Geometry) {
        let widths = geometry.widths
        let sides = DocumentSide.allCases.filter { geometry.frames[$0] != nil }
        var position = top
        var screenRow = 1
        let needle = search?.needle ?? []
        while screenRow <= geometry.bodyRows, position.block < pair.blockCount {
            let rows = layout.rows(position.block, widths: widths)
            guard position.row < rows.count else {
                position = RowPosition(block: position.block + 1, row: 0)
                continue
            }
            let content = layout.content(position.block)
            while position.row < rows.count, screenRow <= geometry.bodyRows {
                for side in sides {
                    let lines = rows.lines[side]
                    guard position.row < lines.count, let frame = geometry.frames[side] else { continue }
                    drawLine(
                        &writer, lines[position.row], paragraphs: content.paragraphs[side],
                        placeholder: content.placeholder,
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
        if line.start == 0, paragraph.isHeading || paragraph.startsUnit, let id = paragraph.divisionID {
            // In the gutter: * a bookmark, else ✎ a provision linked by hand.
            if bookmarks.contains(where: { $0.side == side && $0.clauseID == id }) {
                writer.put(Cell("*", .bookmark), row: row, column: frame.x)
            } else if comparison?.links.contains(where: {
                $0.source == .hand && (side == .national ? $0.national : $0.provincial) == id
            }) == true {
                writer.put(Cell("✎", .bookmark), row: row, column: frame.x)
            }
        }
        // Search matches overlapping this line.
        var highlights: [(range: Range<Int>, role: StyleRole)] = []
        if !needle.isEmpty {
            for start in Self.occurrences(of: needle, in: paragraph.scalars) {
                let end = start + needle.count
                guard start < Int(line.end), end > Int(line.start) else { continue }
                let current = search?.current
                let isCurrent =
                    current?.block == block && current?.side == side && current?.paragraph == paragraphIndex
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
                writer.screen.appendMark(scalar, row: row, before: x, notBefore: frame.textX)
                index += 1
                continue
            }
            guard x + cellWidth <= limit else { break }
            var role = displayRole(paragraph.roles[index])
            for highlight in highlights where highlight.range.contains(index) { role = highlight.role }
            x = writer.put(scalar, width: cellWidth, role: role, row: row, column: x)
            index += 1
        }
    }

    /// An excerpt cut to `room` cells (ending in `…`), or nil when too little of it would show.
    static func fitted(_ excerpt: String, room: Int) -> String? {
        if DisplayWidth.of(excerpt) <= room { return excerpt }
        guard room >= 5 else { return nil }
        var result = ""
        var used = 0
        for character in excerpt where character != "…" {
            let characterWidth = DisplayWidth.of(String(character))
            if used + characterWidth > room - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// First outline row shown, so that the marked row stays in view.
    var outlineWindowStart: Int {
        let count = outlineVisible[textSide].count
        let rows = bodyRows
        guard count > rows, let marked = markedOutlineRow else { return 0 }
        return min(max(0, marked - rows / 3), count - rows)
    }

    func renderOutline(_ writer: inout ScreenWriter, _ frame: PaneFrame) {
        let visible = outlineVisible[textSide]
        guard let document = pieces[textSide] else { return }
        let marked = markedOutlineRow
        let start = outlineWindowStart
        let foldedIDs = folded[textSide]
        let marks = Set(bookmarks.filter { $0.side == textSide }.map(\.clauseID))
        for screenRow in 1...bodyRows {
            let index = start + screenRow - 1
            guard index < visible.count else { break }
            let entry = document.outline[visible[index]]
            let role: StyleRole = index == marked ? .outlineCurrent : .outline
            let limit = frame.x + frame.width
            if role == .outlineCurrent { writer.fill(row: screenRow, from: frame.x, to: limit, role: role) }
            if marks.contains(entry.divisionID) {
                writer.write("*", row: screenRow, column: frame.x, limit: limit, role: .bookmark)
            }
            let indent = String(repeating: " ", count: min(entry.depth * 2, max(0, frame.width / 3)))
            let fold = entry.hasChildren ? (foldedIDs.contains(entry.divisionID) ? "+" : "-") : " "
            let end = writer.write(
                indent + fold + entry.heading, row: screenRow, column: frame.x + 1, limit: limit, role: role)
            if let excerpt = entry.excerpt.flatMap({ Self.fitted($0, room: limit - end - 1) }) {
                writer.write(
                    " " + excerpt, row: screenRow, column: end, limit: limit,
                    role: role == .outlineCurrent ? role : .excerpt)
            }
        }
    }

    /// "section › clause" of the current position in a document, fitted to `room` cells: an untitled clause (an
    /// article) is named by its label and excerpt when that fits, else by its label; when the section and the clause
    /// do not fit, the section is shortened (…) before the clause's name, then dropped; the name last.
    func locationText(_ side: DocumentSide, room: Int = .max) -> String {
        guard let paragraph = currentParagraphInfo(side) else { return "" }
        guard let unit = paragraph.unitID, let document = pieces[side] else { return "序言" }
        let division = document.divisions[unit]
        let sectionHeading = document.sectionEntry(containing: unit)?.heading
        let section = sectionHeading.map { $0 + " › " } ?? ""
        let named = division?.namedHeading ?? unit
        let label = division?.heading ?? unit
        for candidate in [section + named, section + label] where DisplayWidth.of(candidate) <= room {
            return candidate
        }
        if let sectionHeading,
            let short = Self.shortened(sectionHeading, room: room - DisplayWidth.of(label) - 3, minimum: 6)
        {
            return short + " › " + label
        }
        return Self.shortened(label, room: room) ?? ""
    }

    /// `text` in at most `room` cells: whole when it fits, else cut at a character boundary (at a space when the
    /// text is words and one is near) with `…`; nil when fewer than `minimum` cells would show.
    static func shortened(_ text: String, room: Int, minimum: Int = 2) -> String? {
        if DisplayWidth.of(text) <= room { return text }
        guard room >= minimum else { return nil }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(String(character))
            if used + characterWidth > room - 1 { break }
            result.append(character)
            used += characterWidth
        }
        // Words (ASCII text): back to the last space when it is in the last third, so no word is cut.
        if let space = result.lastIndex(of: " "), result.distance(from: space, to: result.endIndex) * 3 < room {
            result = String(result[..<space])
        }
        while result.last == " " { result.removeLast() }
        return result + "…"
    }

    /// What the status line says of the links of the provision being read, when the panes alone do not show it: a
    /// pair that is only `related` (same subject, another norm: side by side, nothing carried), and links made by
    /// hand (`✎`).
    func linkNote(_ side: DocumentSide) -> String? {
        guard let comparison, let unit = currentParagraphInfo(side)?.unitID else { return nil }
        let links = comparison.links.filter { (side == .national ? $0.national : $0.provincial) == unit }
        guard !links.isEmpty else { return nil }
        let hand = links.contains { $0.source == .hand } ? "✎ " : ""
        if links.allSatisfy({ $0.kind == .related }) { return hand + "related: same subject, another norm" }
        // Carried into (or drawn from) several: where the rest went, and the key that goes there.
        let counterparts = links.filter(\.kind.implements).map { side == .national ? $0.provincial : $0.national }
        if counterparts.count > 1, let other = pieces[side.other] {
            let names = counterparts.prefix(3).map { other.divisions[$0]?.heading ?? $0 }
            return hand + (side == .national ? "carried in " : "draws on ") + names.joined(separator: "、") + " (=)"
        }
        return hand.isEmpty ? nil : hand + "linked by hand"
    }

    func renderStatus(
        _ writer: inout ScreenWriter, _ geometry: Geometry, notice: String?, noticeRole: StyleRole = .statusMessage
    ) {
        let row = height - 1
        writer.fill(row: row, from: 0, to: width, role: .status)
        // Right-hand indicators by priority; the least important go first when the line is narrow.
        var right: [(text: String, priority: Int)] = []
        if provincial != nil, comparison == nil {
            right.append((comparisonProgress.map { "comparing \(Int($0 * 100))%" } ?? "not aligned", 3))
        }
        if !highlightsDifferences { right.append(("diff off", 2)) }
        if highlightsDifferences, !showsLocalizations { right.append(("substance only", 2)) }
        if let kind = currentChangeKind { right.append(("change: " + kind.rawValue, 3)) }
        if let note = linkNote(textSide) { right.append((note, 3)) }
        if let query = search?.query { right.append(("/" + query, 0)) }
        right.append((isSinglePane || provincial == nil ? "single" : "side by side", 1))
        right.append(("? keys", 2))
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
        if let notice, let shown = Self.shortened(notice, room: rightColumn - 3) {
            column = writer.write(" " + shown + " ", row: row, column: 0, limit: rightColumn - 1, role: noticeRole)
        }
        let name = sideNames[textSide]
        let label = focus == .outline ? (name.isEmpty ? "目录" : "目录·" + name) : name
        let prefix = label.isEmpty ? " " : " " + label + " │ "
        let room = rightColumn - 1 - column - DisplayWidth.of(prefix)
        writer.write(
            prefix + locationText(textSide, room: room), row: row, column: column, limit: rightColumn - 1, role: .status
        )
        writer.write(rightText, row: row, column: rightColumn, limit: width, role: .status)
    }
}
