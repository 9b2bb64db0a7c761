import DuizhaoCore

/// What a key does while reading (a text pane has the focus, or the outline for keys it does not take).
public enum ReadingCommand: Sendable, Equatable, CaseIterable {
    case lineDown, lineUp, pageDown, pageUp, top, bottom
    case nextClause, previousClause, nextSection, previousSection
    case focusNext, focusPrevious, focusLeft, focusRight
    case toggleFold, toggleOutline, toggleSinglePane
    case search, searchNext, searchPrevious, jumpToClause
    case toggleDifferences, toggleBookmark, bookmarkWithNote, bookmarkList
    case clearSearch, help, quit
}

/// What a key does while the outline has the focus (other keys act as in reading).
public enum OutlineCommand: Sendable, Equatable, CaseIterable {
    case down, up, pageDown, pageUp, first, last, open, toggleFold
}

/// What a key does in the help overlay (any other key closes it).
public enum HelpCommand: Sendable, Equatable, CaseIterable {
    case down, up, close
}

/// What a key does in the bookmark list.
public enum BookmarkListCommand: Sendable, Equatable, CaseIterable {
    case down, up, first, last, filter, jump, delete, editNote, close
}

/// What a key does in a one-line prompt (other characters are typed into it).
public enum PromptCommand: Sendable, Equatable, CaseIterable {
    case submit, cancel, deleteBackward
}

extension ReaderModel {
    /// The reading keys: dispatch and help.
    public static let readingKeys = KeyTable<ReadingCommand>("reading", [
        .init([key("j"), .down, .enter, control("n")], "scroll one line down (both panes)", .lineDown),
        .init([key("k"), .up, control("p")], "scroll one line up", .lineUp),
        .init([key(" "), .pageDown, key("f"), control("f")], "page down", .pageDown),
        .init([key("b"), .pageUp, control("b")], "page up", .pageUp),
        .init([key("g"), .home, key("<")], "top", .top),
        .init([key("G"), .end, key(">")], "bottom", .bottom),
        .init([key("]")], "next clause", .nextClause),
        .init([key("[")], "previous clause", .previousClause),
        .init([key("}")], "next section", .nextSection),
        .init([key("{")], "previous section", .previousSection),
        .init([.tab], "focus national / provincial / outline", .focusNext),
        .init([.backTab], "focus the other way round", .focusPrevious),
        .init([.left], "focus the pane to the left", .focusLeft),
        .init([.right], "focus the pane to the right", .focusRight),
        .init([key("o")], "fold / unfold the current section in the outline", .toggleFold),
        .init([key("t")], "show / hide the outline", .toggleOutline),
        .init([key("w")], "single full-width pane / side by side", .toggleSinglePane),
        .init([key("/")], "search both documents (as you type)", .search),
        .init([key("n")], "next match", .searchNext),
        .init([key("N")], "previous match", .searchPrevious),
        .init([key(":")], "jump to a clause by number (2.4 or 4)", .jumpToClause),
        .init([key("d")], "highlight differences on / off", .toggleDifferences),
        .init([key("m")], "bookmark the current clause on / off", .toggleBookmark),
        .init([key("M")], "bookmark the current clause with a note", .bookmarkWithNote),
        .init([key("B")], "bookmark list", .bookmarkList),
        .init([.escape], "clear the search highlight", .clearSearch),
        .init([key("?"), key("h")], "this help", .help),
        .init([key("q")], "quit", .quit),
    ])

    /// Keys the outline takes while it has the focus.
    public static let outlineKeys = KeyTable<OutlineCommand>("outline (when it has the focus)", [
        .init([key("j"), .down], "next entry", .down),
        .init([key("k"), .up], "previous entry", .up),
        .init([key(" "), .pageDown], "page down", .pageDown),
        .init([key("b"), .pageUp], "page up", .pageUp),
        .init([key("g"), .home], "first entry", .first),
        .init([key("G"), .end], "last entry", .last),
        .init([.enter, .right, key("l")], "jump to the entry", .open),
        .init([key("o")], "fold / unfold the entry", .toggleFold),
    ])

    /// Keys of the help overlay.
    public static let helpKeys = KeyTable<HelpCommand>("this help (any other key closes it)", [
        .init([key("j"), .down], "scroll down", .down),
        .init([key("k"), .up], "scroll up", .up),
        .init([key("q"), .escape, key("?"), .enter, key(" ")], "close", .close),
    ])

    /// Keys of the bookmark list (`B`).
    public static let bookmarkListKeys = KeyTable<BookmarkListCommand>("bookmark list", [
        .init([key("j"), .down], "next bookmark", .down),
        .init([key("k"), .up], "previous bookmark", .up),
        .init([key("g"), .home], "first bookmark", .first),
        .init([key("G"), .end], "last bookmark", .last),
        .init([key("f"), .tab], "show all / national / provincial", .filter),
        .init([.enter], "jump to the bookmark", .jump),
        .init([key("d"), .delete], "delete the bookmark", .delete),
        .init([key("e")], "edit its note", .editNote),
        .init([key("q"), .escape, key("B")], "close", .close),
    ])

    /// Keys of a one-line prompt (search, clause number, note).
    public static let promptKeys = KeyTable<PromptCommand>("prompt (/ : M; other keys type)", [
        .init([.enter], "search, jump or save", .submit),
        .init([.escape], "cancel", .cancel),
        .init([.backspace, .delete], "delete a character (on an empty prompt: cancel)", .deleteBackward),
    ])

    /// The mouse, listed in the help after the keys.
    public static let mouseHelp = HelpSection(title: "mouse", lines: [
        (keys: InputEvent.wheel(column: 0, row: 0, lines: 0).keyName, help: "scroll the pane under the pointer"),
        (keys: InputEvent.click(column: 0, row: 0).keyName, help: "focus a pane; open an outline entry"),
    ])

    /// Everything the `?` overlay lists, in order.
    public static var helpSections: [HelpSection] {
        [readingKeys.helpSection, outlineKeys.helpSection, bookmarkListKeys.helpSection, promptKeys.helpSection,
         helpKeys.helpSection, mouseHelp]
    }

    mutating func handleReading(_ event: InputEvent) -> [ReaderEffect] {
        if focus == .outline, let command = Self.outlineKeys.command(for: event) {
            perform(command)
            return []
        }
        switch event {
        case .wheel(let column, _, let lines):
            if let outline = geometry.outline, column < outline.x + outline.width {
                if focus != .outline { setFocus(.outline) }
                moveOutlineCursor(by: lines)
            } else {
                scroll(by: lines)
            }
            return []
        case .click(let column, let row):
            handleClick(column: column, row: row)
            return []
        default:
            guard let command = Self.readingKeys.command(for: event) else { return [] }
            return perform(command)
        }
    }

    /// Runs one reading command.
    mutating func perform(_ command: ReadingCommand) -> [ReaderEffect] {
        switch command {
        case .quit:
            return [.saveReadingState(readingPosition), .quit]
        case .lineDown: scroll(by: 1)
        case .lineUp: scroll(by: -1)
        case .pageDown: scroll(by: bodyRows)
        case .pageUp: scroll(by: -bodyRows)
        case .top: top = firstRow
        case .bottom: top = maximumTop
        case .nextClause: moveToClause(forward: true)
        case .previousClause: moveToClause(forward: false)
        case .nextSection: moveToSection(forward: true)
        case .previousSection: moveToSection(forward: false)
        case .focusNext: cycleFocus(forward: true)
        case .focusPrevious: cycleFocus(forward: false)
        case .focusLeft:
            if focus == .provincial { setFocus(.national) } else if focus == .national { setFocus(.outline) }
        case .focusRight:
            if focus == .outline { setFocus(Pane(textSide)) } else if focus == .national { setFocus(.provincial) }
        case .toggleFold:
            if let row = highlightedOutlineRow { toggleFold(atRow: row) }
        case .toggleOutline:
            let show = !showsOutline
            relayout { $0.showsOutline = show }
            if !show, focus == .outline { focus = Pane(textSide) }
            if show, geometry.outline == nil { message = "outline needs a wider terminal" }
        case .toggleSinglePane:
            guard provincialPieces != nil else {
                message = "one document: single pane"
                return []
            }
            let single = !isSinglePane
            relayout { $0.isSinglePane = single }
            message = single ? "single pane" : "side by side"
        case .search:
            mode = .prompt(Prompt(kind: .search(origin: top), text: ""))
        case .searchNext: searchAgain(forward: true)
        case .searchPrevious: searchAgain(forward: false)
        case .jumpToClause:
            mode = .prompt(Prompt(kind: .jump, text: ""))
        case .toggleDifferences:
            highlightsDifferences.toggle()
            message = highlightsDifferences ? "differences highlighted" : "differences not highlighted"
        case .help:
            mode = .help(scroll: 0)
        case .toggleBookmark:
            return toggleBookmark()
        case .bookmarkWithNote:
            guard let clause = currentClause(textSide) else {
                message = "no clause here to bookmark"
                return []
            }
            let existing = bookmark(side: textSide, clauseID: clause)
            mode = .prompt(Prompt(kind: .note(editing: existing?.id, fromList: false), text: existing?.note ?? ""))
        case .bookmarkList:
            bookmarkCursor = min(bookmarkCursor, max(0, filteredBookmarks.count - 1))
            mode = .bookmarks
        case .clearSearch:
            search = nil
        }
        return []
    }

    /// Runs one outline command.
    mutating func perform(_ command: OutlineCommand) {
        switch command {
        case .down: moveOutlineCursor(by: 1)
        case .up: moveOutlineCursor(by: -1)
        case .pageDown: moveOutlineCursor(by: bodyRows)
        case .pageUp: moveOutlineCursor(by: -bodyRows)
        case .first: outlineCursor = 0
        case .last: outlineCursor = max(0, (outlineVisible[textSide]?.count ?? 1) - 1)
        case .open: openOutlineRow(outlineCursor)
        case .toggleFold: toggleFold(atRow: outlineCursor)
        }
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
        let lastLine = max(0, Self.helpLines.count - 1)
        if case .wheel(_, _, let lines) = event {
            mode = .help(scroll: min(max(0, scroll + lines), lastLine))
            return []
        }
        switch Self.helpKeys.command(for: event) {
        case .down: mode = .help(scroll: min(scroll + 1, lastLine))
        case .up: mode = .help(scroll: max(0, scroll - 1))
        case .close, nil: mode = .reading
        }
        return []
    }

    /// The help overlay's lines: each section's title, its keys, a blank line between sections.
    static let helpLines: [HelpLine] = helpSections.enumerated().flatMap { index, section in
        (index == 0 ? [] : [HelpLine.blank]) + [HelpLine.title(section.title)]
            + section.lines.map { HelpLine.binding(keys: $0.keys, help: $0.help) }
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
        switch Self.bookmarkListKeys.command(for: event) {
        case .down:
            bookmarkCursor = min(bookmarkCursor + 1, max(0, list.count - 1))
        case .up:
            bookmarkCursor = max(0, bookmarkCursor - 1)
        case .first:
            bookmarkCursor = 0
        case .last:
            bookmarkCursor = max(0, list.count - 1)
        case .filter:
            let all = BookmarkFilter.allCases
            bookmarkFilter = all[(all.firstIndex(of: bookmarkFilter)! + 1) % all.count]
            bookmarkCursor = 0
        case .jump:
            guard list.indices.contains(bookmarkCursor) else { return [] }
            let mark = list[bookmarkCursor]
            mode = .reading
            if mark.side == .provincial, provincialPieces == nil {
                message = "the provincial document is not open"
            } else if mark.isOrphaned || !jump(toClause: mark.clauseID, side: mark.side, focus: Pane(mark.side)) {
                message = "orphaned bookmark: \(mark.clauseTitle) is no longer in the document"
            }
        case .delete:
            guard list.indices.contains(bookmarkCursor) else { return [] }
            let mark = list[bookmarkCursor]
            bookmarks.removeAll { $0.id == mark.id }
            bookmarkCursor = min(bookmarkCursor, max(0, filteredBookmarks.count - 1))
            message = "bookmark deleted: " + mark.clauseTitle
            return [.removeBookmark(id: mark.id)]
        case .editNote:
            guard list.indices.contains(bookmarkCursor) else { return [] }
            let mark = list[bookmarkCursor]
            mode = .prompt(Prompt(kind: .note(editing: mark.id, fromList: true), text: mark.note))
        case .close:
            mode = .reading
        case nil:
            break
        }
        return []
    }

    // MARK: Prompts

    mutating func handlePrompt(_ prompt: Prompt, _ event: InputEvent) -> [ReaderEffect] {
        var prompt = prompt
        switch Self.promptKeys.command(for: event) {
        case .submit:
            return submitPrompt(prompt)
        case .cancel:
            return cancelPrompt(prompt)
        case .deleteBackward:
            if prompt.text.isEmpty { return cancelPrompt(prompt) }
            prompt.text.removeLast()
        case nil:
            guard case .character(let character) = event,
                  !character.unicodeScalars.contains(where: TerminalSafe.isControl) else { return [] }
            prompt.text.append(character)
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
