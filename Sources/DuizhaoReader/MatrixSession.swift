import DuizhaoCore
import DuizhaoMatrix

/// What the matrix session asks of whoever runs it.
public enum MatrixSessionEffect: Sendable, Equatable {
    /// Leave the program.
    case quit
    /// The side-by-side reader opened on the pair of this column (load its bookmarks).
    case openedPair(column: Int)
    /// An effect of the open pair's reader other than quitting (bookmarks, reading state), for its store.
    case reader(ReaderEffect, column: Int)
}

/// The matrix screen and the side-by-side reader it opens: `Enter` on a cell opens the ordinary reader on that
/// pair at that provision, with the pair's comparison from the matrix; `q` or `Esc` in the reader comes back to
/// the matrix where it was; `q` in the matrix quits.
public struct MatrixSessionModel: Sendable {
    public private(set) var matrix: MatrixScreenModel
    /// The reader on the pair of a column, while one is open.
    public private(set) var pair: (column: Int, reader: ReaderModel)?

    public init(matrix: MatrixScreenModel) {
        self.matrix = matrix
    }

    public mutating func setColumn(_ index: Int, _ column: MatrixColumn) { matrix.setColumn(index, column) }

    public mutating func setFailure(_ index: Int, problem: String) { matrix.setFailure(index, problem: problem) }

    /// Passes bookmarks of the open pair to its reader.
    public mutating func setPairBookmarks(_ bookmarks: [ReaderBookmark]) { _ = pair?.reader.update(.bookmarksLoaded(bookmarks)) }

    /// Shows a message in the open reader's status line (or the matrix's).
    public mutating func showMessage(_ text: String) {
        if pair != nil { _ = pair?.reader.update(.notice(text)) } else { matrix.message = text }
    }

    public mutating func handle(_ event: InputEvent) -> [MatrixSessionEffect] {
        if case .resize = event {
            _ = matrix.handle(event)
            _ = pair?.reader.update(.input(event))
            return []
        }
        if var open = pair {
            if event == .escape, !open.reader.isShowingHelp, !open.reader.isShowingBookmarks, !open.reader.isPrompting,
               open.reader.searchQuery == nil {
                pair = nil
                return []
            }
            var effects: [MatrixSessionEffect] = []
            for effect in open.reader.update(.input(event)) {
                if effect == .quit {
                    pair = nil
                    return effects
                }
                effects.append(.reader(effect, column: open.column))
            }
            pair = open
            return effects
        }
        switch matrix.handle(event) {
        case .none: return []
        case .quit: return [.quit]
        case .openPair(let column, let provisionID):
            guard let matrixColumn = matrix.columns[column] else { return [] }
            var reader = ReaderModel(
                national: matrix.national, provincial: matrixColumn.document, width: matrix.width, height: matrix.height)
            _ = reader.update(.comparisonFinished(matrixColumn.comparison))
            _ = reader.update(.restorePosition(ReadingPosition(clauseID: provisionID, side: .national, focus: .national)))
            pair = (column, reader)
            return [.openedPair(column: column)]
        }
    }

    /// Work for when no input is waiting: the open reader lays out what its next key needs.
    public func prefetch() { pair?.reader.prefetch() }

    public func render() -> Screen {
        pair?.reader.render() ?? matrix.render()
    }
}
