import DuizhaoCore
import DuizhaoMatrix

/// What the matrix screen asks of whoever runs it.
public enum MatrixAction: Sendable, Equatable {
    case none
    /// Leave the program.
    case quit
    /// Open the side-by-side reader on the pair of column `column` at national provision `provisionID`.
    case openPair(column: Int, provisionID: String)
    /// Show the keys (the same `HelpScreen` overlay as the reader's, over the matrix's key table).
    case help
}

/// A matrix command a key runs.
public enum MatrixCommand: Sendable, Equatable, CaseIterable {
    case down, up, left, right, pageDown, pageUp, top, bottom, firstColumn, lastColumn
    case open, fold, foldAll, sortColumns, sortRows, search, nextMatch, previousMatch, help, quit
}

/// One line of the matrix body: a chapter heading (foldable) or a national provision (index into `provisions`).
enum MatrixLine: Sendable, Equatable {
    case chapter(DivisionHeading)
    case provision(Int)
}

/// The matrix view: national provisions down, implementations across, filled in as their comparisons arrive.
///
/// A `ScreenModel`, the bottom screen of a `ReaderModel(root:width:height:)`: keys arrive as `.input`, computed
/// columns as `.matrixColumn` / `.matrixColumnFailed`; `Enter` pushes a `ReadingScreen` on the pair at the
/// provision (with the column's comparison; `q` or `Esc` there closes it and the matrix is back as it was); `q`
/// closes the matrix, which quits. It draws the grid (row labels and the adoption column frozen, document columns
/// scrolling horizontally), a coverage row, and a status line with the detail of the cell under the cursor.
public struct MatrixScreenModel: Sendable {
    public let national: PolicyDocument
    public let provisions: [MatrixProvision]
    /// Column headings: the file name until the column is ready, then the jurisdiction.
    public private(set) var names: [String]
    public private(set) var columns: [MatrixColumn?]
    /// The implementations' files, in column order.
    public let files: [String]
    public private(set) var failures: [Int: String] = [:]
    public private(set) var width: Int
    public private(set) var height: Int

    enum Mode: Sendable, Equatable {
        case browsing
        /// Typing a search; the cursor to return to when it is cancelled.
        case search(query: String, line: Int)
    }

    var mode = Mode.browsing
    var lines: [MatrixLine] = []
    /// Document columns in display order (indices into `columns`).
    var order: [Int]
    var cursorLine = 0
    var cursorSlot = 0
    var topLine = 0
    var firstSlot = 0
    var folded: Set<String> = []
    var sortColumnsByCoverage = false
    var sortRowsByAdoption = false
    var lastQuery = ""
    var message: String?
    /// Lower-cased label, title and text of each provision, for `/`.
    let searchable: [String]

    public init(national: PolicyDocument, files: [String], width: Int, height: Int) {
        self.national = national
        provisions = AdoptionMatrix.provisions(of: national)
        self.files = files
        names = files.map { Jurisdiction.shortName(issuers: [], title: "", fileName: $0) }
        columns = Array(repeating: nil, count: files.count)
        order = Array(files.indices)
        self.width = width
        self.height = height
        let divisions = Dictionary(national.allDivisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        searchable = provisions.map { provision in
            let text = divisions[provision.id]?.flattened.flatMap(\.paragraphs).joined() ?? ""
            return (provision.label + provision.title + text).lowercased()
        }
        rebuildLines()
        cursorLine = lines.firstIndex { if case .provision = $0 { return true } else { return false } } ?? 0
    }

    // MARK: Results from the background

    /// Installs a computed column; the cursor stays on the same provision and document.
    public mutating func setColumn(_ index: Int, _ column: MatrixColumn) {
        guard columns.indices.contains(index) else { return }
        columns[index] = column
        names[index] = column.jurisdiction
        keepingCursor { $0.reorder() }
    }

    /// Marks a column as failed (its file could not be imported).
    public mutating func setFailure(_ index: Int, problem: String) {
        guard columns.indices.contains(index) else { return }
        failures[index] = problem
    }

    /// The heading of a column: its name, with its number when another column has the same name (浙江#5).
    func heading(_ column: Int) -> String {
        names.filter { $0 == names[column] }.count > 1 ? "\(names[column])#\(column + 1)" : names[column]
    }

    /// The name of a column for the status line: with its file name when another column has the same name.
    func fullName(_ column: Int) -> String {
        guard names.filter({ $0 == names[column] }).count > 1 else { return names[column] }
        return "\(names[column]) (\(TextFormatting.lastPathComponent(files[column])))"
    }

    /// Columns done (computed or failed) out of all.
    public var progress: (done: Int, total: Int) {
        (columns.indices.filter { columns[$0] != nil || failures[$0] != nil }.count, columns.count)
    }

    // MARK: Keys

    /// What `?` lists: the matrix's keys, then the help overlay's own.
    public static var helpSections: [HelpSection] { [keys.helpSection, HelpScreen.keys.helpSection] }

    /// The matrix's key table: dispatch and the `?` help both read it.
    public static let keys = KeyTable<MatrixCommand>(
        "Matrix",
        [
            KeyBinding([.character("j"), .down], "next provision", .down),
            KeyBinding([.character("k"), .up], "previous provision", .up),
            KeyBinding([.character("l"), .right], "next document", .right),
            KeyBinding([.character("h"), .left], "previous document", .left),
            KeyBinding([.character(" "), .pageDown], "page down", .pageDown),
            KeyBinding([.character("b"), .pageUp], "page up", .pageUp),
            KeyBinding([.character("g"), .home], "first provision", .top),
            KeyBinding([.character("G"), .end], "last provision", .bottom),
            KeyBinding([.character("0")], "first document", .firstColumn),
            KeyBinding([.character("$")], "last document", .lastColumn),
            KeyBinding([.enter], "read the pair side by side at this provision (q or Esc comes back)", .open),
            KeyBinding([.character("o")], "fold / unfold the chapter", .fold),
            KeyBinding([.character("O")], "fold / unfold all chapters", .foldAll),
            KeyBinding([.character("s")], "sort documents by coverage / by argument order", .sortColumns),
            KeyBinding([.character("a")], "sort provisions by adoption / by document order", .sortRows),
            KeyBinding([.character("/")], "search provisions (label, title, text)", .search),
            KeyBinding([.character("n")], "next match", .nextMatch),
            KeyBinding([.character("N")], "previous match", .previousMatch),
            KeyBinding([.character("?")], "this help", .help),
            KeyBinding([.character("q")], "quit", .quit),
        ])

    public mutating func handle(_ event: InputEvent) -> MatrixAction {
        if case .resize(let newWidth, let newHeight) = event {
            width = max(0, newWidth)
            height = max(0, newHeight)
            scrollToCursor()
            return .none
        }
        switch mode {
        case .search(let query, let line):
            handleSearchKey(event, query: query, startLine: line)
            return .none
        case .browsing:
            break
        }
        if event == .escape {
            message = nil
            return .none
        }
        guard let command = Self.keys.command(for: event) else { return .none }
        message = nil
        return run(command)
    }

    mutating func run(_ command: MatrixCommand) -> MatrixAction {
        switch command {
        case .down: moveCursor(lines: 1)
        case .up: moveCursor(lines: -1)
        case .right: moveCursor(slots: 1)
        case .left: moveCursor(slots: -1)
        case .pageDown: moveCursor(lines: max(1, bodyRows - 1))
        case .pageUp: moveCursor(lines: -max(1, bodyRows - 1))
        case .top: moveCursor(lines: -lines.count)
        case .bottom: moveCursor(lines: lines.count)
        case .firstColumn: moveCursor(slots: -order.count)
        case .lastColumn: moveCursor(slots: order.count)
        case .open: return open()
        case .fold: toggleFold()
        case .foldAll: toggleAllFolds()
        case .sortColumns:
            sortColumnsByCoverage.toggle()
            keepingCursor { $0.reorder() }
            message = sortColumnsByCoverage ? "documents sorted by coverage" : "documents in argument order"
        case .sortRows:
            sortRowsByAdoption.toggle()
            keepingCursor { $0.rebuildLines() }
            message = sortRowsByAdoption ? "provisions sorted by adoption" : "provisions in document order"
        case .search: mode = .search(query: "", line: cursorLine)
        case .nextMatch: findMatch(lastQuery, from: cursorLine + 1, step: 1)
        case .previousMatch: findMatch(lastQuery, from: cursorLine - 1, step: -1)
        case .help: return .help
        case .quit: return .quit
        }
        return .none
    }

    // MARK: Cursor and lines

    /// The provision under the cursor (nil on a chapter line).
    var cursorProvision: Int? {
        guard lines.indices.contains(cursorLine), case .provision(let index) = lines[cursorLine] else { return nil }
        return index
    }

    /// The document column under the cursor.
    var cursorColumn: Int? { order.indices.contains(cursorSlot) ? order[cursorSlot] : nil }

    mutating func moveCursor(lines delta: Int = 0, slots slotDelta: Int = 0) {
        cursorLine = max(0, min(lines.count - 1, cursorLine + delta))
        cursorSlot = max(0, min(order.count - 1, cursorSlot + slotDelta))
        scrollToCursor()
    }

    /// Rows between the column headings and the coverage row.
    var bodyRows: Int { max(1, height - 4) }

    mutating func scrollToCursor() {
        if cursorLine < topLine { topLine = cursorLine }
        if cursorLine >= topLine + bodyRows { topLine = cursorLine - bodyRows + 1 }
        topLine = max(0, min(topLine, max(0, lines.count - bodyRows)))
        let visible = max(1, geometry.visibleSlots)
        if cursorSlot < firstSlot { firstSlot = cursorSlot }
        if cursorSlot >= firstSlot + visible { firstSlot = cursorSlot - visible + 1 }
        firstSlot = max(0, min(firstSlot, max(0, order.count - visible)))
    }

    /// Runs `change` and puts the cursor back on the provision (or chapter) and document it was on.
    mutating func keepingCursor(_ change: (inout MatrixScreenModel) -> Void) {
        let line = lines.indices.contains(cursorLine) ? lines[cursorLine] : nil
        let column = cursorColumn
        change(&self)
        if let line, let index = lines.firstIndex(of: line) { cursorLine = index }
        if let column, let slot = order.firstIndex(of: column) { cursorSlot = slot }
        cursorLine = max(0, min(cursorLine, lines.count - 1))
        scrollToCursor()
    }

    /// In how many ready columns each provision survives.
    var survival: [Int] {
        provisions.indices.map { row in columns.compactMap { $0 }.filter { $0.cells[row].kind.survives }.count }
    }

    mutating func rebuildLines() {
        if sortRowsByAdoption {
            let counts = survival
            let carried = provisions.indices.map { row in columns.compactMap { $0?.cells[row].carried }.reduce(0, +) }
            lines = provisions.indices.sorted {
                (counts[$0], carried[$0], -$0) > (counts[$1], carried[$1], -$1)
            }.map(MatrixLine.provision)
            return
        }
        lines = []
        var chapter: DivisionHeading?
        for (index, provision) in provisions.enumerated() {
            if let heading = provision.chapter, heading != chapter { lines.append(.chapter(heading)) }
            chapter = provision.chapter
            if let heading = provision.chapter, folded.contains(heading.id) { continue }
            lines.append(.provision(index))
        }
    }

    mutating func reorder() {
        order = Array(columns.indices)
        if sortColumnsByCoverage {
            let coverage = columns.map { $0?.summary.coverage ?? -1 }
            order.sort { (coverage[$0], -$0) > (coverage[$1], -$1) }
        }
        if sortRowsByAdoption { rebuildLines() }
    }

    /// The chapter of the cursor line.
    var cursorChapter: DivisionHeading? {
        guard lines.indices.contains(cursorLine) else { return nil }
        switch lines[cursorLine] {
        case .chapter(let heading): return heading
        case .provision(let index): return provisions[index].chapter
        }
    }

    mutating func toggleFold() {
        guard !sortRowsByAdoption, let chapter = cursorChapter else {
            message =
                sortRowsByAdoption ? "sorted by adoption: no chapters to fold (a: document order)" : "no chapter here"
            return
        }
        if folded.contains(chapter.id) { folded.remove(chapter.id) } else { folded.insert(chapter.id) }
        rebuildLines()
        cursorLine = lines.firstIndex(of: .chapter(chapter)) ?? 0
        scrollToCursor()
    }

    mutating func toggleAllFolds() {
        let chapters = Set(provisions.compactMap { $0.chapter?.id })
        guard !sortRowsByAdoption, !chapters.isEmpty else { return }
        let line = lines.indices.contains(cursorLine) ? lines[cursorLine] : nil
        let chapter = cursorChapter
        folded = folded.isEmpty ? chapters : []
        rebuildLines()
        // The cursor stays on its line, or on its chapter when the line was folded away.
        if let line, let index = lines.firstIndex(of: line) {
            cursorLine = index
        } else if let chapter, let index = lines.firstIndex(of: .chapter(chapter)) {
            cursorLine = index
        }
        scrollToCursor()
    }

    mutating func open() -> MatrixAction {
        if case .chapter? = lines.indices.contains(cursorLine) ? lines[cursorLine] : nil {
            toggleFold()
            return .none
        }
        guard let row = cursorProvision, let column = cursorColumn else { return .none }
        if let problem = failures[column] {
            message = "\(fullName(column)): \(problem)"
            return .none
        }
        guard columns[column] != nil else {
            message = "\(fullName(column)) is still being compared"
            return .none
        }
        return .openPair(column: column, provisionID: provisions[row].id)
    }

    // MARK: Search

    mutating func handleSearchKey(_ event: InputEvent, query: String, startLine: Int) {
        switch event {
        case .escape:
            cursorLine = startLine
            mode = .browsing
            scrollToCursor()
        case .enter:
            lastQuery = query
            mode = .browsing
            if !query.isEmpty, cursorProvision.map({ !searchable[$0].contains(query.lowercased()) }) ?? true {
                message = "no provision matches \(query)"
            }
        case .backspace, .delete:
            let shorter = String(query.dropLast())
            mode = .search(query: shorter, line: startLine)
            cursorLine = startLine
            if !shorter.isEmpty { findMatch(shorter, from: startLine, step: 1) }
        case .character(let character) where !character.isNewline:
            let longer = query + String(character)
            mode = .search(query: longer, line: startLine)
            findMatch(longer, from: startLine, step: 1)
        default:
            break
        }
        scrollToCursor()
    }

    /// Moves to the next provision (wrapping) whose label, title or text contains `query`, unfolding its chapter.
    mutating func findMatch(_ query: String, from start: Int, step: Int) {
        guard !query.isEmpty else {
            message = "no search yet: press /"
            return
        }
        let needle = query.lowercased()
        // Search over provisions in line order, folded ones included.
        let allLines: [Int] =
            sortRowsByAdoption
            ? lines.compactMap {
                if case .provision(let index) = $0 { return index } else { return nil }
            } : Array(provisions.indices)
        let startProvision: Int = {
            let clamped = max(0, min(start, lines.count - 1))
            for line in stride(from: clamped, through: step > 0 ? lines.count - 1 : 0, by: step) {
                if case .provision(let index) = lines[line] { return allLines.firstIndex(of: index) ?? 0 }
            }
            return step > 0 ? allLines.count : -1
        }()
        let count = allLines.count
        guard count > 0 else { return }
        for offset in 0..<count {
            let position = ((startProvision + step * offset) % count + count) % count
            let index = allLines[position]
            guard searchable[index].contains(needle) else { continue }
            if let chapter = provisions[index].chapter, folded.contains(chapter.id) {
                folded.remove(chapter.id)
                rebuildLines()
            }
            cursorLine = lines.firstIndex(of: .provision(index)) ?? cursorLine
            scrollToCursor()
            return
        }
        message = "no provision matches \(query)"
    }
}

extension MatrixScreenModel: ScreenModel {
    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        switch message {
        case .input(let event):
            switch handle(event) {
            case .none: return []
            case .quit: return [.close]
            case .openPair(let column, let provisionID): return openReader(column: column, provisionID: provisionID)
            case .help: return [.push(HelpScreen(sections: Self.helpSections))]
            }
        case .matrixColumn(let index, let column):
            setColumn(index, column)
        case .matrixColumnFailed(let index, let problem):
            setFailure(index, problem: problem)
        case .comparisonProgress, .comparisonFinished, .bookmarksLoaded, .restorePosition, .notice, .problem:
            break
        }
        return []
    }

    /// The ordinary reader on the pair of `column`, with the matrix's comparison, at the national provision.
    func openReader(column: Int, provisionID: String) -> [ScreenAction] {
        guard let matrixColumn = columns[column] else { return [] }
        var reader = ReadingScreen(national: national, provincial: matrixColumn.document, width: width, height: height)
        reader.closesOnEscape = true
        _ = reader.update(.comparisonFinished(matrixColumn.comparison))
        _ = reader.update(.restorePosition(ReadingPosition(clauseID: provisionID, side: .national, focus: .national)))
        return [.push(reader)]
    }

    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        draw(into: &writer, notice: context.notice, noticeRole: context.noticeRole)
    }
}
