import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoStore

/// The reader's bookmarks and reading position, kept in the bookmark store.
///
/// Store failures never end a reading session: they come back as status-line messages, and a read-only or
/// disabled store (corrupt file, newer schema, read-only directory) is announced once at start.
public final class StorePersistence: ReaderPersistence {
    private let store: BookmarkStore
    private let national: PolicyDocument
    private let provincial: PolicyDocument?
    private let nationalIdentity: DocumentIdentity
    private let provincialIdentity: DocumentIdentity?
    private let pair: DocumentPairKey
    private var lastRevision: Int64?
    /// The corrections made in this reader, newest last (what `u` takes back).
    private var correctionsMadeHere: [Int64] = []

    public init(store: BookmarkStore, national: PolicyDocument, provincial: PolicyDocument?) {
        self.store = store
        self.national = national
        self.provincial = provincial
        nationalIdentity = DocumentIdentity(national)
        provincialIdentity = provincial.map(DocumentIdentity.init)
        pair = DocumentPairKey(national: nationalIdentity, provincial: provincialIdentity)
    }

    /// The store's notice (read-only or disabled, naming the file and the problem), if any.
    public var notice: String? { store.notice }

    public func bookmarks() throws -> [ReaderBookmark] {
        guard store.access != .disabled else { return [] }
        lastRevision = try? store.revision()
        var marks = try store.resolvedBookmarks(in: national, identity: nationalIdentity).map { mark(.national, $0) }
        if let provincial {
            marks += try store.resolvedBookmarks(in: provincial, identity: provincialIdentity).map {
                mark(.provincial, $0)
            }
        }
        return marks
    }

    /// Bookmarks again when another reader or the CLI changed the store since the last load; nil otherwise.
    public func bookmarksIfChanged() -> [ReaderBookmark]? {
        guard store.access != .disabled, let revision = try? store.revision(), revision != lastRevision else {
            return nil
        }
        return try? bookmarks()
    }

    public func lastPosition() throws -> ReadingPosition? {
        guard store.access != .disabled, let state = try store.readingState(for: pair) else { return nil }
        guard let side = DocumentSide(rawValue: state.documentSide), let focus = Pane(rawValue: state.focusedPane)
        else {
            return nil
        }
        return ReadingPosition(clauseID: state.clauseID, side: side, focus: focus)
    }

    public func perform(_ effect: ReaderEffect) throws -> String? {
        do {
            switch effect {
            case .addBookmark(let request):
                let (document, identity) = documentAndIdentity(request.side)
                try store.addBookmark(clauseID: request.clauseID, in: document, identity: identity, note: request.note)
                // The provision by its label and title, as the reader shows it (the id is internal).
                let name = request.clauseTitle.isEmpty ? request.clauseID : request.clauseTitle
                return request.note.isEmpty ? "bookmarked \(name)" : "bookmarked \(name) with a note"
            case .removeBookmark(let id):
                try store.remove(id: id)
                return "bookmark removed"
            case .updateBookmarkNote(let id, let note):
                try store.updateNote(id: id, note: note)
                return "note saved"
            case .saveReadingState(let position):
                guard store.access == .readWrite else { return nil }
                try store.saveReadingState(
                    ReadingState(
                        clauseID: position.clauseID, documentSide: position.side.rawValue,
                        focusedPane: position.focus.rawValue),
                    for: pair)
                return nil
            case .correctAlignment(let correction, _):
                guard let provincial, store.access == .readWrite else {
                    return "the correction is not kept: " + (store.notice ?? "no store")
                }
                let stored = try store.addCorrection(
                    national: national, nationalID: correction.national, provincial: provincial,
                    provincialID: correction.provincial, action: CorrectionAction(correction.kind),
                    nationalIdentity: nationalIdentity, provincialIdentity: provincialIdentity)
                correctionsMadeHere.append(stored.id)
                return nil
            case .undoCorrection:
                guard let last = correctionsMadeHere.popLast() else { return "no correction made here to undo" }
                try store.removeCorrection(id: last)
                return "correction undone"
            case .quit:
                return nil
            }
        } catch {
            if case .saveReadingState = effect { return nil }
            return "\(error)"
        }
    }

    public func correctedComparison() throws -> Comparison? {
        guard let provincial, store.access != .disabled else { return nil }
        let corrections = try store.corrections(national: national, provincial: provincial).corrections
        return Comparator.compare(national: national, provincial: provincial, corrections: corrections)
    }

    private func documentAndIdentity(_ side: DocumentSide) -> (PolicyDocument, DocumentIdentity) {
        if side == .provincial, let provincial, let provincialIdentity { return (provincial, provincialIdentity) }
        return (national, nationalIdentity)
    }

    /// The reader's bookmark, its clause named as in the document now (label and title or excerpt).
    private func mark(_ side: DocumentSide, _ resolved: ResolvedBookmark) -> ReaderBookmark {
        let division = resolved.isOrphaned ? nil : documentAndIdentity(side).0.division(id: resolved.clauseID)
        return ReaderBookmark(
            id: resolved.bookmark.id, side: side, clauseID: resolved.clauseID,
            clauseTitle: division?.namedHeading ?? resolved.bookmark.anchor.clauseHeading, note: resolved.bookmark.note,
            isOrphaned: resolved.isOrphaned)
    }
}
