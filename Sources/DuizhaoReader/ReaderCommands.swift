import DuizhaoCompare
import DuizhaoCore

/// What a key does while reading (a text pane has the focus, or the outline for keys it does not take).
public enum ReadingCommand: Sendable, Equatable, CaseIterable {
    case lineDown, lineUp, pageDown, pageUp, top, bottom
    case nextClause, previousClause, nextSection, previousSection
    case focusNext, focusPrevious, focusLeft, focusRight
    case toggleFold, toggleOutline, toggleSinglePane
    case search, searchNext, searchPrevious, jumpToClause, linkedClause
    case toggleDifferences, toggleLocalization, nextChange, previousChange
    case toggleBookmark, bookmarkWithNote, bookmarkList
    case linkByHand, removeLink, undoCorrection
    case clearSearch, help, quit
}

/// What a key does while the outline has the focus (other keys act as in reading).
public enum OutlineCommand: Sendable, Equatable, CaseIterable {
    case down, up, pageDown, pageUp, first, last, open, toggleFold
}

extension ReadingScreen {
    /// The reading keys: dispatch and help.
    public static let keys = KeyTable<ReadingCommand>(
        "reading",
        [
            .init([key("j"), .down, .enter, control("n")], "scroll one line down (both panes)", .lineDown),
            .init([key("k"), .up, control("p")], "scroll one line up", .lineUp),
            .init([key(" "), .pageDown, key("f"), control("f")], "page down", .pageDown),
            .init([key("b"), .pageUp, control("b")], "page up", .pageUp),
            .init([key("g"), .home, key("<")], "top", .top),
            .init([key("G"), .end, key(">")], "bottom", .bottom),
            .init([key("]")], "next clause", .nextClause),
            .init([key("[")], "previous clause", .previousClause),
            .init([key("}")], "next section (a law: chapter or 节)", .nextSection),
            .init([key("{")], "previous section (chapter)", .previousSection),
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
            .init([key(":")], "jump to a clause (2.4, 4, 第4条, 四)", .jumpToClause),
            .init([key("=")], "go to the linked clause in the other document", .linkedClause),
            .init([key("d")], "highlight differences on / off", .toggleDifferences),
            .init([key("L")], "localisations (本法→本办法) shown / hidden", .toggleLocalization),
            .init([key("c")], "next substantive change, either document (not a localisation)", .nextChange),
            .init([key("C")], "previous substantive change", .previousChange),
            .init([key("m")], "bookmark the current clause on / off", .toggleBookmark),
            .init([key("M")], "bookmark the current clause with a note", .bookmarkWithNote),
            .init([key("B")], "bookmark list", .bookmarkList),
            .init([key("a")], "link the current clause by hand to one of the other document", .linkByHand),
            .init([key("x")], "remove the link of the current clause (kept as a rejection)", .removeLink),
            .init([key("u")], "undo the last correction of the alignment", .undoCorrection),
            .init([.escape], "clear the search highlight (else back, when opened from another screen)", .clearSearch),
            .init([key("?"), key("h")], "this help", .help),
            .init([key("q")], "quit", .quit),
        ])

    /// Keys the outline takes while it has the focus.
    public static let outlineKeys = KeyTable<OutlineCommand>(
        "outline (when it has the focus)",
        [
            .init([key("j"), .down], "next entry", .down),
            .init([key("k"), .up], "previous entry", .up),
            .init([key(" "), .pageDown], "page down", .pageDown),
            .init([key("b"), .pageUp], "page up", .pageUp),
            .init([key("g"), .home], "first entry", .first),
            .init([key("G"), .end], "last entry", .last),
            .init([.enter, .right, key("l")], "jump to the entry", .open),
            .init([key("o")], "fold / unfold the entry", .toggleFold),
        ])

    /// The mouse, listed in the help after the keys.
    public static let mouseHelp = HelpSection(
        title: "mouse",
        lines: [
            (keys: InputEvent.wheel(column: 0, row: 0, lines: 0).keyName, help: "scroll the pane under the pointer"),
            (keys: InputEvent.click(column: 0, row: 0).keyName, help: "focus a pane; open an outline entry"),
        ])

    /// Everything the `?` help lists over the reading screen, in order: its own tables, then those of the
    /// screens it opens.
    public static var helpSections: [HelpSection] {
        [
            keys.helpSection, outlineKeys.helpSection, BookmarkListScreen.keys.helpSection,
            PromptScreen.keys.helpSection, LinkPickerScreen.keys.helpSection, ConfirmScreen.keys.helpSection,
            HelpScreen.keys.helpSection, mouseHelp,
        ]
    }

    /// One input event (not a resize) while this screen is on top.
    mutating func handle(_ event: InputEvent) -> [ScreenAction] {
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
            guard let command = Self.keys.command(for: event) else { return [] }
            return perform(command)
        }
    }

    /// Runs one reading command.
    mutating func perform(_ command: ReadingCommand) -> [ScreenAction] {
        switch command {
        case .quit:
            return close()
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
            guard provincial != nil else {
                message = "one document: single pane"
                return []
            }
            let single = !isSinglePane
            relayout { $0.isSinglePane = single }
            message = single ? "single pane" : "side by side"
        case .search:
            searchOrigin = top
            return [.push(PromptScreen(.search))]
        case .searchNext: searchAgain(forward: true)
        case .searchPrevious: searchAgain(forward: false)
        case .jumpToClause:
            return [.push(PromptScreen(.jump))]
        case .toggleDifferences:
            highlightsDifferences.toggle()
            message = highlightsDifferences ? "differences highlighted" : "differences not highlighted"
        case .toggleLocalization:
            showsLocalizations.toggle()
            message = showsLocalizations ? "localisations shown" : "localisations hidden: substantive changes only"
        case .linkedClause: moveToLinkedClause()
        case .nextChange: moveToChange(forward: true)
        case .previousChange: moveToChange(forward: false)
        case .help:
            return [.push(HelpScreen(sections: Self.helpSections))]
        case .toggleBookmark:
            return toggleBookmark()
        case .bookmarkWithNote:
            guard let clause = currentClause(textSide) else {
                message = "no clause here to bookmark"
                return []
            }
            let existing = bookmark(side: textSide, clauseID: clause)
            return [.push(PromptScreen(.note(editing: existing?.id), text: existing?.note ?? ""))]
        case .bookmarkList:
            return [.push(BookmarkListScreen(bookmarks: bookmarks))]
        case .linkByHand:
            return linkByHand()
        case .removeLink:
            return removeLink()
        case .undoCorrection:
            guard provincial != nil else {
                message = "one document: nothing to compare"
                return []
            }
            message = "undoing the last correction…"
            return [.effect(.undoCorrection)]
        case .clearSearch:
            if search == nil, closesOnEscape { return close() }
            search = nil
        }
        return []
    }

    /// Leaves this screen: the position is saved, then the screen beneath (if any) is back; the last screen
    /// closing quits.
    func close() -> [ScreenAction] {
        [.effect(.saveReadingState(readingPosition)), .close]
    }

    /// Runs one outline command.
    mutating func perform(_ command: OutlineCommand) {
        switch command {
        case .down: moveOutlineCursor(by: 1)
        case .up: moveOutlineCursor(by: -1)
        case .pageDown: moveOutlineCursor(by: bodyRows)
        case .pageUp: moveOutlineCursor(by: -bodyRows)
        case .first: outlineCursor = 0
        case .last: outlineCursor = max(0, outlineVisible[textSide].count - 1)
        case .open: openOutlineRow(outlineCursor)
        case .toggleFold: toggleFold(atRow: outlineCursor)
        }
    }

    mutating func handleClick(column: Int, row: Int) {
        let geometry = geometry
        guard row >= 1, row < height - 1 else { return }
        if let outline = geometry.outline, column < outline.x + outline.width {
            let clicked = outlineWindowStart + row - 1
            guard clicked < outlineVisible[textSide].count else { return }
            setFocus(.outline)
            outlineCursor = clicked
            openOutlineRow(clicked)
            return
        }
        for side in DocumentSide.allCases {
            if let frame = geometry.frames[side], column >= frame.x, column < frame.x + frame.width {
                setFocus(Pane(side))
            }
        }
    }

    // MARK: Bookmarks

    func bookmark(side: DocumentSide, clauseID: String) -> ReaderBookmark? {
        bookmarks.first { $0.side == side && $0.clauseID == clauseID }
    }

    /// The name of a division as the reader shows it: label and title, or excerpt for an untitled article.
    /// `=`: the clause linked with the current one, in the other document (the target of a "在别处" placeholder:
    /// links that cross others are drawn apart).
    mutating func moveToLinkedClause() {
        guard let index = pair.comparisonIndex, let clause = currentClause(textSide) else {
            message = provincial == nil ? "one document: nothing to compare" : "no comparison yet"
            return
        }
        let side = textSide
        // A clause carried into several (a national article whose sentences moved to another provincial one): the
        // first counterpart that is not the one beside it already, so `=` reaches where the rest went.
        let counterparts = index.counterparts(of: clause, side: side)
        let beside = currentClause(side.other)
        guard let counterpart = counterparts.first(where: { $0 != beside }) ?? counterparts.first else {
            message = "no linked clause in the other document"
            return
        }
        _ = jump(toClause: counterpart, side: side.other, focus: Pane(side.other))
        textSide = side.other
        message = "linked: " + heading(side: side.other, id: counterpart)
    }

    /// `a`: the picker over the other document's provisions, for the current clause.
    mutating func linkByHand() -> [ScreenAction] {
        guard let provincial, let clause = currentClause(textSide) else {
            message = provincial == nil ? "one document: nothing to compare" : "no clause here to link"
            return []
        }
        let side = textSide
        let other = side == .national ? provincial : national
        var current: [String: LinkKind] = [:]
        for link in comparison?.links ?? [] where (side == .national ? link.national : link.provincial) == clause {
            current[side == .national ? link.provincial : link.national] = link.kind
        }
        let candidates = other.provisions.map { division in
            LinkPickerScreen.Candidate(id: division.id, name: division.namedHeading, linked: current[division.id])
        }
        return [
            .push(
                LinkPickerScreen(
                    side: side, provision: clause, provisionName: heading(side: side, id: clause),
                    candidates: candidates))
        ]
    }

    /// `x`: asks, then rejects the link of the current clause with the clause beside it (else its first link).
    mutating func removeLink() -> [ScreenAction] {
        guard let comparison, let clause = currentClause(textSide) else {
            message = provincial == nil ? "one document: nothing to compare" : "no comparison yet"
            return []
        }
        let side = textSide
        let links = comparison.links.filter { (side == .national ? $0.national : $0.provincial) == clause }
        let beside = currentClause(side.other)
        guard
            let link = links.first(where: { (side == .national ? $0.provincial : $0.national) == beside })
                ?? links.first
        else {
            message = "no link to remove: " + heading(side: side, id: clause)
            return []
        }
        let names =
            heading(side: .national, id: link.national) + " ⇄ " + heading(side: .provincial, id: link.provincial)
        return [
            .push(
                ConfirmScreen(
                    question: "remove the link \(names)?",
                    effect: .correctAlignment(
                        .rejection(national: link.national, provincial: link.provincial), description: names),
                    done: "✎ link removed (kept as a rejection): \(names) · u undoes"))
        ]
    }

    func heading(side: DocumentSide, id: String) -> String {
        pieces[side]?.divisions[id]?.namedHeading ?? id
    }

    mutating func toggleBookmark() -> [ScreenAction] {
        guard let clause = currentClause(textSide) else {
            message = "no clause here to bookmark"
            return []
        }
        if let existing = bookmark(side: textSide, clauseID: clause) {
            bookmarks.removeAll { $0.id == existing.id }
            message = "bookmark removed: " + heading(side: textSide, id: clause)
            return [.effect(.removeBookmark(id: existing.id))]
        }
        message = "bookmarked: " + heading(side: textSide, id: clause)
        let request = BookmarkRequest(
            side: textSide, clauseID: clause, clauseTitle: heading(side: textSide, id: clause))
        return [.effect(.addBookmark(request))]
    }

    /// Goes to a bookmark chosen in the list.
    mutating func openBookmark(_ mark: ReaderBookmark) {
        if pieces[mark.side] == nil {
            message = "the \(mark.side.rawValue) document is not open"
        } else if mark.isOrphaned || !jump(toClause: mark.clauseID, side: mark.side, focus: Pane(mark.side)) {
            message = "orphaned bookmark: \(mark.clauseTitle) is no longer in the document"
        }
    }

    // MARK: Prompts

    /// Enter in a prompt opened by this screen (or by the bookmark list on it).
    mutating func submitPrompt(_ kind: PromptKind, text: String) -> [ScreenAction] {
        switch kind {
        case .search:
            if text.isEmpty {
                top = searchOrigin ?? top
                search = nil
            } else if search?.current == nil {
                message = "no match: " + text
            }
        case .jump:
            let reference = text.trimmed(of: " \u{3000}")
            guard !reference.isEmpty else { return [] }
            // The focused document first, then the other; an ambiguous reference is reported, never guessed.
            for side in [textSide, textSide.other] {
                guard let document = document(side) else { continue }
                let resolver = DivisionResolver(document)
                let resolution = resolver.resolution(reference)
                if case .ambiguous = resolution {
                    message = resolver.problem(resolution, reference: reference)
                    return []
                }
                guard let division = resolution.division else { continue }
                _ = jump(toClause: division.id, side: side, focus: focus == .outline ? .outline : Pane(side))
                if side != textSide { textSide = side }
                return []
            }
            message = "no clause " + reference
        case .note(let editing):
            let note = text.trimmed(of: " \u{3000}")
            if let editing {
                if let index = bookmarks.firstIndex(where: { $0.id == editing }) { bookmarks[index].note = note }
                message = "note saved"
                return [.effect(.updateBookmarkNote(id: editing, note: note)), .broadcast(.bookmarksLoaded(bookmarks))]
            }
            guard let clause = currentClause(textSide) else {
                message = "no clause here to bookmark"
                return []
            }
            message = "bookmarked with note: " + heading(side: textSide, id: clause)
            return [
                .effect(
                    .addBookmark(
                        BookmarkRequest(
                            side: textSide, clauseID: clause, clauseTitle: heading(side: textSide, id: clause),
                            note: note)))
            ]
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
