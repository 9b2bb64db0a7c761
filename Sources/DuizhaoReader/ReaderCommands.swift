import DuizhaoCore

extension ReaderModel {
    /// Every key, as the help overlay lists it (also for a command's `--help` or the README).
    public static let keyBindings: [(keys: String, action: String)] = [
        ("j  k  ↓  ↑", "scroll one line (both panes)"),
        ("Space  PgDn", "page down"),
        ("b  PgUp", "page up"),
        ("g  Home", "top"),
        ("G  End", "bottom"),
        ("]  [", "next / previous clause"),
        ("}  {", "next / previous section"),
        ("Tab  Shift-Tab", "focus national / provincial / outline"),
        ("←  →", "focus left / right pane"),
        ("Enter", "outline: jump to the entry"),
        ("o", "fold / unfold a section in the outline"),
        ("t", "show / hide the outline"),
        ("w", "single full-width pane / side by side"),
        ("/", "search both documents (as you type)"),
        ("n  N", "next / previous match"),
        (":", "jump to a clause by number (2.4 or 4)"),
        ("d", "highlight differences on / off"),
        ("m", "bookmark the current clause on / off"),
        ("M", "bookmark the current clause with a note"),
        ("B", "bookmark list: Enter jump, e note, d delete, f filter"),
        ("Esc", "clear the search highlight, close"),
        ("?", "this help"),
        ("q", "quit"),
        ("mouse wheel", "scroll the pane under the pointer"),
    ]

    mutating func handleReading(_ event: InputEvent) -> [ReaderEffect] {
        if focus == .outline, handleOutlineKey(event) { return [] }
        switch event {
        case .character("q"):
            return [.saveReadingState(readingPosition), .quit]
        case .character("j"), .down, .enter, .character("\u{0E}"):
            scroll(by: 1)
        case .character("k"), .up, .character("\u{10}"):
            scroll(by: -1)
        case .character(" "), .pageDown, .character("f"), .character("\u{06}"):
            scroll(by: bodyRows)
        case .character("b"), .pageUp, .character("\u{02}"):
            scroll(by: -bodyRows)
        case .character("g"), .home, .character("<"):
            top = firstRow
        case .character("G"), .end, .character(">"):
            top = maximumTop
        case .character("]"):
            moveToClause(forward: true)
        case .character("["):
            moveToClause(forward: false)
        case .character("}"):
            moveToSection(forward: true)
        case .character("{"):
            moveToSection(forward: false)
        case .tab:
            cycleFocus(forward: true)
        case .backTab:
            cycleFocus(forward: false)
        case .left:
            if focus == .provincial { setFocus(.national) } else if focus == .national { setFocus(.outline) }
        case .right:
            if focus == .outline { setFocus(Pane(textSide)) } else if focus == .national { setFocus(.provincial) }
        case .character("o"):
            if let row = highlightedOutlineRow { toggleFold(atRow: row) }
        case .character("t"):
            let show = !showsOutline
            relayout { $0.showsOutline = show }
            if !show, focus == .outline { focus = Pane(textSide) }
            if show, geometry.outline == nil { message = "outline needs a wider terminal" }
        case .character("w"):
            guard provincialPieces != nil else {
                message = "one document: single pane"
                return []
            }
            let single = !isSinglePane
            relayout { $0.isSinglePane = single }
            message = single ? "single pane" : "side by side"
        case .character("/"):
            mode = .prompt(Prompt(kind: .search(origin: top), text: ""))
        case .character("n"):
            searchAgain(forward: true)
        case .character("N"):
            searchAgain(forward: false)
        case .character(":"):
            mode = .prompt(Prompt(kind: .jump, text: ""))
        case .character("d"):
            highlightsDifferences.toggle()
            message = highlightsDifferences ? "differences highlighted" : "differences not highlighted"
        case .character("?"), .character("h"):
            mode = .help(scroll: 0)
        case .character("m"):
            return toggleBookmark()
        case .character("M"):
            guard let clause = currentClause(textSide) else {
                message = "no clause here to bookmark"
                return []
            }
            let existing = bookmark(side: textSide, clauseID: clause)
            mode = .prompt(Prompt(kind: .note(editing: existing?.id, fromList: false), text: existing?.note ?? ""))
        case .character("B"):
            bookmarkCursor = min(bookmarkCursor, max(0, filteredBookmarks.count - 1))
            mode = .bookmarks
        case .escape:
            search = nil
        case .wheel(let column, _, let lines):
            if let outline = geometry.outline, column < outline.x + outline.width {
                if focus != .outline { setFocus(.outline) }
                moveOutlineCursor(by: lines)
            } else {
                scroll(by: lines)
            }
        case .click(let column, let row):
            handleClick(column: column, row: row)
        default:
            break
        }
        return []
    }

    /// Keys that mean something else while the outline has the focus. Returns whether it was handled.
    mutating func handleOutlineKey(_ event: InputEvent) -> Bool {
        let rows = bodyRows
        switch event {
        case .character("j"), .down: moveOutlineCursor(by: 1)
        case .character("k"), .up: moveOutlineCursor(by: -1)
        case .character(" "), .pageDown: moveOutlineCursor(by: rows)
        case .character("b"), .pageUp: moveOutlineCursor(by: -rows)
        case .character("g"), .home: outlineCursor = 0
        case .character("G"), .end: outlineCursor = max(0, (outlineVisible[textSide]?.count ?? 1) - 1)
        case .enter, .right, .character("l"): openOutlineRow(outlineCursor)
        case .character("o"): toggleFold(atRow: outlineCursor)
        default: return false
        }
        return true
    }

    mutating func handleClick(column: Int, row: Int) {
        let geometry = geometry
        guard row >= 1, row < height - 1 else { return }
        if let outline = geometry.outline, column < outline.x + outline.width {
            let clicked = outlineWindowStart + row - 1
            guard clicked < (outlineVisible[textSide]?.count ?? 0) else { return }
            setFocus(.outline)
            outlineCursor = clicked
            openOutlineRow(clicked)
            return
        }
        for side in DocumentSide.allCases {
            if let frame = geometry.frame(side), column >= frame.x, column < frame.x + frame.width {
                setFocus(Pane(side))
            }
        }
    }

    mutating func handleHelp(_ event: InputEvent) -> [ReaderEffect] {
        guard case .help(let scroll) = mode else { return [] }
        switch event {
        case .character("j"), .down: mode = .help(scroll: min(scroll + 1, max(0, Self.keyBindings.count - 1)))
        case .character("k"), .up: mode = .help(scroll: max(0, scroll - 1))
        case .character("q"), .escape, .character("?"), .enter, .character(" "): mode = .reading
        case .wheel(_, _, let lines): mode = .help(scroll: min(max(0, scroll + lines), max(0, Self.keyBindings.count - 1)))
        default: mode = .reading
        }
        return []
    }

    // MARK: Bookmarks

    func bookmark(side: DocumentSide, clauseID: String) -> ReaderBookmark? {
        bookmarks.first { $0.side == side && $0.clauseID == clauseID }
    }

    var filteredBookmarks: [ReaderBookmark] {
        switch bookmarkFilter {
        case .all: return bookmarks
        case .national: return bookmarks.filter { $0.side == .national }
        case .provincial: return bookmarks.filter { $0.side == .provincial }
        }
    }

    /// The heading of a division as the reader shows it.
    func heading(side: DocumentSide, id: String) -> String {
        pieces(side)?.divisions[id]?.heading ?? id
    }

    mutating func toggleBookmark() -> [ReaderEffect] {
        guard let clause = currentClause(textSide) else {
            message = "no clause here to bookmark"
            return []
        }
        if let existing = bookmark(side: textSide, clauseID: clause) {
            bookmarks.removeAll { $0.id == existing.id }
            message = "bookmark removed: " + heading(side: textSide, id: clause)
            return [.removeBookmark(id: existing.id)]
        }
        message = "bookmarked: " + heading(side: textSide, id: clause)
        return [.addBookmark(BookmarkRequest(side: textSide, clauseID: clause, clauseTitle: heading(side: textSide, id: clause)))]
    }

    mutating func handleBookmarkList(_ event: InputEvent) -> [ReaderEffect] {
        let list = filteredBookmarks
        switch event {
        case .character("j"), .down:
            bookmarkCursor = min(bookmarkCursor + 1, max(0, list.count - 1))
        case .character("k"), .up:
            bookmarkCursor = max(0, bookmarkCursor - 1)
        case .character("g"), .home:
            bookmarkCursor = 0
        case .character("G"), .end:
            bookmarkCursor = max(0, list.count - 1)
        case .character("f"), .tab:
            let all = BookmarkFilter.allCases
            bookmarkFilter = all[(all.firstIndex(of: bookmarkFilter)! + 1) % all.count]
            bookmarkCursor = 0
        case .enter:
            guard list.indices.contains(bookmarkCursor) else { return [] }
            let mark = list[bookmarkCursor]
            mode = .reading
            if mark.side == .provincial, provincialPieces == nil {
                message = "the provincial document is not open"
            } else if mark.isOrphaned || !jump(toClause: mark.clauseID, side: mark.side, focus: Pane(mark.side)) {
                message = "orphaned bookmark: \(mark.clauseTitle) is no longer in the document"
            }
        case .character("d"), .delete:
            guard list.indices.contains(bookmarkCursor) else { return [] }
            let mark = list[bookmarkCursor]
            bookmarks.removeAll { $0.id == mark.id }
            bookmarkCursor = min(bookmarkCursor, max(0, filteredBookmarks.count - 1))
            message = "bookmark deleted: " + mark.clauseTitle
            return [.removeBookmark(id: mark.id)]
        case .character("e"):
            guard list.indices.contains(bookmarkCursor) else { return [] }
            let mark = list[bookmarkCursor]
            mode = .prompt(Prompt(kind: .note(editing: mark.id, fromList: true), text: mark.note))
        case .character("q"), .escape, .character("B"):
            mode = .reading
        default:
            break
        }
        return []
    }

    // MARK: Prompts

    mutating func handlePrompt(_ prompt: Prompt, _ event: InputEvent) -> [ReaderEffect] {
        var prompt = prompt
        switch event {
        case .character(let character):
            guard !character.unicodeScalars.contains(where: TerminalSafe.isControl) else { return [] }
            prompt.text.append(character)
        case .backspace, .delete:
            if prompt.text.isEmpty {
                return cancelPrompt(prompt)
            }
            prompt.text.removeLast()
        case .escape:
            return cancelPrompt(prompt)
        case .enter:
            return submitPrompt(prompt)
        default:
            return []
        }
        mode = .prompt(prompt)
        if case .search(let origin) = prompt.kind {
            searchIncrementally(prompt.text, origin: origin)
        }
        return []
    }

    mutating func cancelPrompt(_ prompt: Prompt) -> [ReaderEffect] {
        if case .note(_, fromList: true) = prompt.kind { mode = .bookmarks } else { mode = .reading }
        if case .search(let origin) = prompt.kind {
            top = origin
            search = nil
        }
        return []
    }

    mutating func submitPrompt(_ prompt: Prompt) -> [ReaderEffect] {
        mode = .reading
        switch prompt.kind {
        case .search(let origin):
            if prompt.text.isEmpty {
                top = origin
                search = nil
            } else if search?.current == nil {
                message = "no match: " + prompt.text
            }
        case .jump:
            let reference = prompt.text.trimmed(of: " \u{3000}")
            guard !reference.isEmpty else { return [] }
            let order: [DocumentSide] = textSide == .national ? [.national, .provincial] : [.provincial, .national]
            for side in order {
                guard let document = side == .national ? national : provincial,
                      let division = document.resolveDivision(reference) else { continue }
                _ = jump(toClause: division.id, side: side, focus: focus == .outline ? .outline : Pane(side))
                if side != textSide { textSide = side }
                return []
            }
            message = "no clause " + reference
        case .note(let editing, let fromList):
            let note = prompt.text.trimmed(of: " \u{3000}")
            if let editing {
                if let index = bookmarks.firstIndex(where: { $0.id == editing }) { bookmarks[index].note = note }
                if fromList { mode = .bookmarks }
                message = "note saved"
                return [.updateBookmarkNote(id: editing, note: note)]
            }
            guard let clause = currentClause(textSide) else {
                message = "no clause here to bookmark"
                return []
            }
            message = "bookmarked with note: " + heading(side: textSide, id: clause)
            return [.addBookmark(BookmarkRequest(
                side: textSide, clauseID: clause, clauseTitle: heading(side: textSide, id: clause), note: note))]
        }
        return []
    }

}

extension String {
    /// The string without leading and trailing characters from `characters`.
    func trimmed(of characters: String) -> String {
        let set = Set(characters)
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
