import FoundationEssentials

extension Bookmark {
    /// A `bookmark` row read with `StoreSchema.bookmarkColumns`, in that order.
    init(row: SQLiteStatement) {
        let anchor = BookmarkAnchor(
            documentFingerprint: row.string(1), documentTitle: row.string(2), documentSource: row.string(3),
            clauseID: row.string(4), clauseHeading: row.string(5), snippet: row.string(6),
            sentence: row.optionalString(7))
        self.init(
            id: row.int64(0), anchor: anchor, note: row.string(8), tags: StoreSchema.decodeTags(row.string(9)),
            createdAt: Date(timeIntervalSince1970: row.double(10)),
            updatedAt: Date(timeIntervalSince1970: row.double(11)))
    }
}

extension ReadingState {
    /// A `readingState` row read as `clauseID, documentSide, focusedPane`.
    init(row: SQLiteStatement) {
        self.init(clauseID: row.optionalString(0), documentSide: row.string(1), focusedPane: row.string(2))
    }
}
