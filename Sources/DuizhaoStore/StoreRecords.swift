import Foundation
import GRDB

/// A `bookmark` row, decoded by column name (`StoreSchema.bookmarkColumns`).
struct BookmarkRecord: FetchableRecord {
    var bookmark: Bookmark

    init(row: Row) throws {
        let anchor = BookmarkAnchor(
            documentFingerprint: try row.decode(forColumn: "documentFingerprint"),
            documentTitle: try row.decode(forColumn: "documentTitle"),
            documentSource: try row.decode(forColumn: "documentSource"),
            clauseID: try row.decode(forColumn: "clauseID"),
            clauseHeading: try row.decode(forColumn: "clauseHeading"),
            snippet: try row.decode(forColumn: "snippet"),
            sentence: try row.decode(forColumn: "sentence"))
        bookmark = Bookmark(
            id: try row.decode(forColumn: "id"), anchor: anchor, note: try row.decode(forColumn: "note"),
            tags: StoreSchema.decodeTags(try row.decode(forColumn: "tags")),
            createdAt: Date(timeIntervalSince1970: try row.decode(forColumn: "createdAt")),
            updatedAt: Date(timeIntervalSince1970: try row.decode(forColumn: "updatedAt")))
    }
}

/// A `readingState` row, decoded by column name.
struct ReadingStateRecord: FetchableRecord {
    var state: ReadingState

    init(row: Row) throws {
        state = ReadingState(
            clauseID: try row.decode(forColumn: "clauseID"), documentSide: try row.decode(forColumn: "documentSide"),
            focusedPane: try row.decode(forColumn: "focusedPane"))
    }
}
