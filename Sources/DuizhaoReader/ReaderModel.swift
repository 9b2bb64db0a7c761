import DuizhaoCompare
import DuizhaoCore

/// A row of the aligned row list: a block and a row inside it.
struct RowPosition: Sendable, Equatable, Comparable {
    var block: Int
    var row: Int

    static func < (lhs: RowPosition, rhs: RowPosition) -> Bool {
        (lhs.block, lhs.row) < (rhs.block, rhs.row)
    }
}

/// The reader's state: pure and value-typed. Everything reaches it as a `ReaderMessage` through
/// `update(_:)`, which returns the effects the adapter must perform; `render()` draws it. Layout work is lazy
/// and cached per pane width, so both calls cost about the same on a 10 MB document as on a small one.
///
/// An adapter's loop (`ReaderSession` in DuizhaoSession is the real one):
///
///     var model = ReaderModel(national: n, provincial: p, width: cols, height: rows)
///     model.update(.restorePosition(saved)); model.update(.bookmarksLoaded(store.bookmarks(of: n, p)))
///     loop {
///         draw(model.render())                               // a Screen: styled cells, cursor, scroll rows
///         for effect in model.update(.input(nextEvent())) {  // keys, .resize, .wheel, .click
///             switch effect {
///             case .quit: return
///             case .saveReadingState(let position): store.save(position)
///             case .addBookmark, .removeBookmark, .updateBookmarkNote: apply it; send .bookmarksLoaded(reloaded)
///             }
///         }
///         send .comparisonProgress(f) while the comparison runs, .comparisonFinished(c) when it is done
///     }
///
/// Keys: one `KeyTable` per mode (`ReaderModel.readingKeys`, …) drives both dispatch and the `?` help.
public struct ReaderModel: Sendable {
    public let national: PolicyDocument
    public let provincial: PolicyDocument?
    public internal(set) var width: Int
    public internal(set) var height: Int
    public let options: ReaderOptions
    /// The pane with the keyboard focus (the reader starts on the national pane).
    public internal(set) var focus: Pane = .national
    public internal(set) var comparison: Comparison?
    /// Progress of the background comparison while it runs (nil when not running or finished).
    public internal(set) var comparisonProgress: Double?
    public internal(set) var bookmarks: [ReaderBookmark] = []
    /// The status-line message shown until the next key.
    public internal(set) var message: String?
    public internal(set) var showsOutline: Bool
    public internal(set) var isSinglePane = false
    public internal(set) var highlightsDifferences: Bool

    /// The text pane last focused: the document the outline and the status line describe.
    var textSide: DocumentSide = .national
    var layout: ReaderLayout
    let nationalPieces: PiecedDocument
    let provincialPieces: PiecedDocument?
    /// The first row shown in the panes.
    var top = RowPosition(block: 0, row: 0) {
        didSet { readingTarget = nil }
    }
    /// Where a jump wanted to go when the panes could not scroll that far (near the end): the reader is
    /// "at" that row although it is not at the top. Cleared by any scrolling.
    var readingTarget: RowPosition?
    /// The anchor of a series of resizes, so that resizing back and forth returns to the same line.
    var resizeAnchor: TopAnchor?
    var mode: Mode = .reading
    var search: SearchState?
    var folded: [DocumentSide: Set<String>] = [.national: [], .provincial: []]
    /// Outline entries shown (not inside a folded entry), per side, as indices into `PiecedDocument.outline`.
    var outlineVisible: [DocumentSide: [Int]] = [:]
    /// Selected row of the outline (an index into `outlineVisible[textSide]`) while the outline has focus.
    var outlineCursor = 0
    var bookmarkCursor = 0
    var bookmarkFilter: BookmarkFilter = .all

    public init(
        national: PolicyDocument, provincial: PolicyDocument?, width: Int, height: Int,
        options: ReaderOptions = .init()
    ) {
        self.national = national
        self.provincial = provincial
        self.width = max(0, width)
        self.height = max(0, height)
        self.options = options
        showsOutline = options.showOutline
        highlightsDifferences = options.highlightDifferences
        nationalPieces = PiecedDocument(national)
        provincialPieces = provincial.map(PiecedDocument.init)
        layout = ReaderLayout(
            national: nationalPieces, provincial: provincialPieces, comparison: nil, alignSentences: true)
        if provincial == nil { isSinglePane = true }
        for side in DocumentSide.allCases { recomputeOutline(side) }
        top = normalized(RowPosition(block: 0, row: 0))
    }

    // MARK: Public API

    /// Applies one message; returns what the adapter must do (quit, store a bookmark, …), in order.
    public mutating func update(_ message: ReaderMessage) -> [ReaderEffect] {
        switch message {
        case .input(let event):
            return handle(event)
        case .comparisonProgress(let fraction):
            setComparisonProgress(fraction)
        case .comparisonFinished(let comparison):
            setComparison(comparison)
        case .bookmarksLoaded(let marks):
            setBookmarks(marks)
        case .notice(let text):
            self.message = text
        case .restorePosition(let position):
            if let clause = position.clauseID { jump(toClause: clause, side: position.side, focus: position.focus) }
        }
        return []
    }

    /// Applies one input event.
    mutating func handle(_ event: InputEvent) -> [ReaderEffect] {
        let event = Self.normalizedControlCharacter(event)
        if case .resize(let newWidth, let newHeight) = event {
            resize(width: newWidth, height: newHeight)
            return []
        }
        resizeAnchor = nil
        message = nil
        switch mode {
        case .reading: return handleReading(event)
        case .help: return handleHelp(event)
        case .bookmarks: return handleBookmarkList(event)
        case .prompt(let prompt): return handlePrompt(prompt, event)
        }
    }

    /// Control characters some terminals deliver as characters, mapped to the keys they stand for.
    static func normalizedControlCharacter(_ event: InputEvent) -> InputEvent {
        guard case .character(let character) = event else { return event }
        switch character {
        case "\n", "\r", "\r\n": return .enter
        case "\t": return .tab
        case "\u{1B}": return .escape
        case "\u{7F}", "\u{08}": return .backspace
        default: return event
        }
    }

    /// Installs the finished comparison: the panes are re-aligned, the current clause stays in view.
    mutating func setComparison(_ comparison: Comparison) {
        let clause = currentClause(textSide)
        let atStart = top == normalized(RowPosition(block: 0, row: 0))
        self.comparison = comparison
        comparisonProgress = nil
        guard provincialPieces != nil else { return }
        layout = ReaderLayout(
            national: nationalPieces, provincial: provincialPieces, comparison: comparison, alignSentences: true)
        search?.current = nil
        resizeAnchor = nil
        if !atStart, let clause {
            _ = moveTo(division: clause, side: textSide)
        } else {
            top = normalized(RowPosition(block: 0, row: 0))
        }
    }

    /// Progress of the background comparison in 0…1, shown in the status line.
    mutating func setComparisonProgress(_ fraction: Double) {
        guard comparison == nil else { return }
        comparisonProgress = min(1, max(0, fraction.isFinite ? fraction : 0))
    }

    /// Replaces the bookmarks shown (marks in the outline and the panes, the `B` list). Pass only those of
    /// the two open documents.
    mutating func setBookmarks(_ marks: [ReaderBookmark]) {
        bookmarks = marks
        bookmarkCursor = min(bookmarkCursor, max(0, filteredBookmarks.count - 1))
    }

    /// Moves to a division (e.g. restoring the last reading position) and focuses a pane. `side` defaults
    /// to the focused pane's document (national for the outline). Returns false when there is no such
    /// division (the position is left unchanged, the focus still set).
    @discardableResult
    mutating func jump(toClause id: String, side: DocumentSide? = nil, focus: Pane) -> Bool {
        setFocus(focus)
        let target = side ?? focus.side ?? textSide
        if target == .provincial, provincialPieces == nil { return false }
        if let side, focus == .outline { textSide = side }
        return moveTo(division: id, side: target)
    }

    /// Lays out (styles and wraps) the blocks within `pages` screens above and below the view, so that the
    /// next scroll or `]` finds them ready. Optional: an adapter may call it while waiting for input. The
    /// model itself does not change (the layout caches are shared), so this is not `mutating`.
    public func prefetch(pages: Int = 2) {
        guard layout.blockCount > 0 else { return }
        let widths = widths
        let span = bodyRows * max(0, pages)
        var below = 0
        var block = top.block
        while block < layout.blockCount, below < span + bodyRows {
            below += layout.height(block, widths: widths)
            block += 1
        }
        var above = 0
        block = top.block - 1
        while block >= 0, above < span {
            above += layout.height(block, widths: widths)
            block -= 1
        }
    }

    /// Where the reader is now (also sent as `.saveReadingState` on quit).
    public var readingPosition: ReadingPosition {
        ReadingPosition(clauseID: currentClause(textSide), side: textSide, focus: focus)
    }

    /// The id of the unit (clause) or heading at the top of a document's pane; nil in the preamble.
    public func currentClause(_ side: DocumentSide) -> String? {
        currentParagraphInfo(side)?.unitID
    }

    /// The search text in effect (while typing it or after), if any.
    public var searchQuery: String? { search?.query }

    /// Whether an overlay (help, bookmark list) or a prompt is open.
    public var isShowingHelp: Bool { if case .help = mode { return true } else { return false } }
    public var isShowingBookmarks: Bool { if case .bookmarks = mode { return true } else { return false } }
    public var isPrompting: Bool { if case .prompt = mode { return true } else { return false } }
}

/// What the keyboard is driving.
enum Mode: Sendable, Equatable {
    case reading
    case help(scroll: Int)
    case bookmarks
    case prompt(Prompt)
}

/// A one-line input in the status line.
struct Prompt: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Incremental search; `origin` is where the view was when the search started.
        case search(origin: RowPosition)
        case jump
        /// A bookmark note: for a new bookmark on the current clause, or edited for an existing one
        /// (`fromList`: opened from the bookmark list, which reopens afterwards).
        case note(editing: Int64?, fromList: Bool)
    }

    var kind: Kind
    var text: String

    var label: String {
        switch kind {
        case .search: return "/"
        case .jump: return "clause: "
        case .note(let editing, _): return editing == nil ? "bookmark note: " : "edit note: "
        }
    }
}

/// Which bookmarks the `B` list shows.
enum BookmarkFilter: Sendable, Equatable, CaseIterable {
    case all, national, provincial

    var label: String {
        switch self {
        case .all: return "all"
        case .national: return "国家"
        case .provincial: return "省级"
        }
    }
}

/// The search in effect and its current match.
struct SearchState: Sendable, Equatable {
    var query: String
    /// The query as scalars, ASCII letters lowercased.
    var needle: [Unicode.Scalar]
    var current: MatchLocation?

    init(query: String) {
        self.query = query
        needle = query.unicodeScalars.map(SearchState.fold)
    }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value >= 0x41 && scalar.value <= 0x5A { return Unicode.Scalar(scalar.value + 0x20)! }
        return scalar
    }
}

/// One occurrence of the search text.
struct MatchLocation: Sendable, Equatable {
    var block: Int
    var row: Int
    var side: DocumentSide
    var paragraph: Int
    var start: Int

    /// Reading order: block, row, national before provincial, then position.
    func precedes(_ other: MatchLocation) -> Bool {
        (block, row, side == .national ? 0 : 1, paragraph, start)
            < (other.block, other.row, other.side == .national ? 0 : 1, other.paragraph, other.start)
    }
}
