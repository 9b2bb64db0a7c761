import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix

/// A row of the aligned row list: a block and a row inside it.
struct RowPosition: Sendable, Equatable, Comparable {
    var block: Int
    var row: Int

    static func < (lhs: RowPosition, rhs: RowPosition) -> Bool {
        (lhs.block, lhs.row) < (rhs.block, rhs.row)
    }
}

/// The reading screen: the two documents side by side (or one alone), the outline and the status line. Its
/// state is a value; the aligned pair is an immutable value too (`AlignedPair`), and what is derived from it
/// lazily (styled, wrapped blocks) sits in an explicit `LayoutCache`, so scrolling and rendering cost about
/// the same on a 10 MB document as on a small one.
///
/// Keys: `ReadingScreen.keys` (and `outlineKeys` while the outline has the focus) drive dispatch and the help.
/// It opens the help, the bookmark list and prompts as screens on top of itself, and takes their requests.
public struct ReadingScreen: ScreenModel {
    public let national: PolicyDocument
    public let provincial: PolicyDocument?
    public internal(set) var width: Int
    public internal(set) var height: Int
    public let options: ReaderOptions
    /// The pane with the keyboard focus (the reader starts on the national pane).
    public internal(set) var focus: Pane = .national
    public private(set) var comparison: Comparison?
    /// Progress of the background comparison while it runs (nil when not running or finished).
    public private(set) var comparisonProgress: Double?
    public internal(set) var bookmarks: [ReaderBookmark] = []
    public internal(set) var showsOutline: Bool
    public internal(set) var isSinglePane = false
    public internal(set) var highlightsDifferences: Bool
    /// Whether localised changes (本法→本办法) are marked (quietly); `L` hides them to leave only substance.
    public internal(set) var showsLocalizations = true
    /// Whether Esc (with no search highlight to clear) closes this screen, as `q` does: set by a screen that
    /// opens a reading screen over itself (the corpus matrix), so that Esc goes back to it.
    public var closesOnEscape = false

    /// A status-line message produced by the current update (handed to the root as `.notice`).
    var message: String?
    /// The text pane last focused: the document the outline and the status line describe.
    var textSide: DocumentSide = .national
    /// The documents cut into pieces (the provincial one nil when reading one document).
    let pieces: Sides<PiecedDocument?>
    /// The aligned pair and its lazily filled layout (replaced together when the comparison arrives). The pair
    /// is stored here too (sharing its arrays with the cache's) so that hot loops read its fields directly.
    private(set) var pair: AlignedPair
    private(set) var layout: LayoutCache
    /// The first row shown in the panes.
    var top = RowPosition(block: 0, row: 0) {
        didSet { readingTarget = nil }
    }
    /// Where a jump wanted to go when the panes could not scroll that far (near the end): the reader is
    /// "at" that row although it is not at the top. Cleared by any scrolling.
    var readingTarget: RowPosition?
    /// The anchor of a series of resizes, so that resizing back and forth returns to the same line.
    var resizeAnchor: TopAnchor?
    /// Each pane's side as its header and the status line name it: the jurisdiction of the provincial document
    /// (黑龙江, 浙江), 中央 or 国家 for the national one; empty when one document is read alone.
    let sideNames: Sides<String>
    /// Where the last `c`/`C` stopped (used while the view has not moved since).
    var changeCursor: ChangeCursor?
    var search: SearchState?
    /// Where the view was when the search prompt opened (restored when it is cancelled or emptied).
    var searchOrigin: RowPosition?
    var folded = Sides<Set<String>>(repeating: [])
    /// Outline entries shown (not inside a folded entry), per side, as indices into `PiecedDocument.outline`.
    var outlineVisible = Sides<[Int]>(repeating: [])
    /// Selected row of the outline (an index into `outlineVisible[textSide]`) while the outline has focus.
    var outlineCursor = 0

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
        let nationalPieces = PiecedDocument(national)
        let provincialPieces = provincial.map(PiecedDocument.init)
        pieces = Sides(national: nationalPieces, provincial: provincialPieces)
        pair = AlignedPair(national: nationalPieces, provincial: provincialPieces, comparison: nil)
        layout = LayoutCache(pair)
        if provincial == nil { isSinglePane = true }
        sideNames = Self.sideNames(national: national, provincial: provincial)
        for side in DocumentSide.allCases { recomputeOutline(side) }
        top = normalized(RowPosition(block: 0, row: 0))
    }

    /// 中央 for a document of the Party centre (中共中央, 中共中央办公厅 …), else 国家; the provincial document's
    /// jurisdiction (from its issuers or title; else 省级); nothing when one document is read alone (no side to
    /// name).
    static func sideNames(national: PolicyDocument, provincial: PolicyDocument?) -> Sides<String> {
        guard let provincial else { return Sides(repeating: "") }
        return Sides(
            national: Jurisdiction.nationalName(of: national),
            provincial: Jurisdiction.place(of: provincial) ?? DocumentSide.provincial.label)
    }

    /// The document of one side, if open.
    func document(_ side: DocumentSide) -> PolicyDocument? {
        switch side {
        case .national: return national
        case .provincial: return provincial
        }
    }

    // MARK: Messages

    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        var actions: [ScreenAction] = []
        switch message {
        case .input(.resize(let newWidth, let newHeight)):
            resize(width: newWidth, height: newHeight)
        case .input(let event):
            resizeAnchor = nil
            actions = handle(event)
        case .comparisonProgress(let fraction):
            setComparisonProgress(fraction)
        case .comparisonFinished(let comparison):
            setComparison(comparison)
        case .bookmarksLoaded(let marks):
            bookmarks = marks
        case .restorePosition(let position):
            if let clause = position.clauseID { jump(toClause: clause, side: position.side, focus: position.focus) }
        case .notice, .problem, .matrixColumn, .matrixColumnFailed:
            break
        }
        return withNotice(actions)
    }

    public mutating func receive(_ request: ScreenRequest) -> [ScreenAction]? {
        resizeAnchor = nil
        let actions: [ScreenAction]
        switch request {
        case .promptEdited(.search, let text):
            searchIncrementally(text, origin: searchOrigin ?? top)
            actions = []
        case .promptEdited:
            actions = []
        case .promptSubmitted(let kind, let text):
            actions = submitPrompt(kind, text: text)
        case .promptCancelled(let kind):
            if kind == .search {
                top = searchOrigin ?? top
                search = nil
            }
            actions = []
        case .openBookmark(let mark):
            openBookmark(mark)
            actions = []
        }
        return withNotice(actions)
    }

    /// The actions of an update followed by the message it produced, if any.
    private mutating func withNotice(_ actions: [ScreenAction]) -> [ScreenAction] {
        guard let text = message else { return actions }
        message = nil
        return actions + [.notice(text)]
    }

    /// Installs the finished comparison: the panes are re-aligned, the current clause stays in view.
    mutating func setComparison(_ comparison: Comparison) {
        let clause = currentClause(textSide)
        let atStart = top == normalized(RowPosition(block: 0, row: 0))
        self.comparison = comparison
        comparisonProgress = nil
        guard let provincialPieces = pieces.provincial, let nationalPieces = pieces.national else { return }
        pair = AlignedPair(national: nationalPieces, provincial: provincialPieces, comparison: comparison)
        layout = LayoutCache(pair)
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

    /// Moves to a division (e.g. restoring the last reading position) and focuses a pane. `side` defaults
    /// to the focused pane's document (national for the outline). Returns false when there is no such
    /// division (the position is left unchanged, the focus still set).
    @discardableResult
    mutating func jump(toClause id: String, side: DocumentSide? = nil, focus: Pane) -> Bool {
        setFocus(focus)
        let target = side ?? focus.side ?? textSide
        if pieces[target] == nil { return false }
        if let side, focus == .outline { textSide = side }
        return moveTo(division: id, side: target)
    }

    /// Lays out (styles and wraps) the blocks within `pages` screens above and below the view, so that the
    /// next scroll or `]` finds them ready. Optional: an adapter may call it while waiting for input. The
    /// screen itself does not change (the layout cache is shared), so this is not `mutating`.
    public func prefetch(pages: Int = 2) {
        guard pair.blockCount > 0 else { return }
        let widths = widths
        let span = bodyRows * max(0, pages)
        var below = 0
        var block = top.block
        while block < pair.blockCount, below < span + bodyRows {
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
        (block, row, side.readingOrder, paragraph, start)
            < (other.block, other.row, other.side.readingOrder, other.paragraph, other.start)
    }
}

extension DocumentSide {
    /// National before provincial (reading order of matches on one row).
    var readingOrder: Int {
        switch self {
        case .national: return 0
        case .provincial: return 1
        }
    }
}
