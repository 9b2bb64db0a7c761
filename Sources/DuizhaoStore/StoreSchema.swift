import Foundation
import GRDB

/// The versioned schema: one GRDB migration per version, applied in order from v1.
enum StoreSchema {
    /// Identifiers of the migrations this build knows, oldest first.
    static let migrationIdentifiers = ["v1", "v2"]

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bookmark (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        documentFingerprint TEXT NOT NULL,
                        documentTitle TEXT NOT NULL,
                        documentTitleKey TEXT NOT NULL,
                        documentSource TEXT NOT NULL,
                        clauseID TEXT NOT NULL,
                        clauseHeading TEXT NOT NULL,
                        snippet TEXT NOT NULL,
                        sentence TEXT,
                        note TEXT NOT NULL DEFAULT '',
                        tags TEXT NOT NULL DEFAULT '',
                        createdAt REAL NOT NULL,
                        updatedAt REAL NOT NULL
                    );
                    CREATE INDEX bookmark_on_documentFingerprint ON bookmark(documentFingerprint);
                    CREATE INDEX bookmark_on_documentTitleKey ON bookmark(documentTitleKey);
                    CREATE TABLE readingState (
                        pairKey TEXT NOT NULL PRIMARY KEY,
                        clauseID TEXT,
                        documentSide TEXT NOT NULL,
                        focusedPane TEXT NOT NULL,
                        updatedAt REAL NOT NULL
                    );
                    CREATE TABLE storeRevision (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        value INTEGER NOT NULL
                    );
                    INSERT INTO storeRevision (id, value) VALUES (1, 0);
                    CREATE TRIGGER bookmark_inserted AFTER INSERT ON bookmark
                        BEGIN UPDATE storeRevision SET value = value + 1; END;
                    CREATE TRIGGER bookmark_updated AFTER UPDATE ON bookmark
                        BEGIN UPDATE storeRevision SET value = value + 1; END;
                    CREATE TRIGGER bookmark_deleted AFTER DELETE ON bookmark
                        BEGIN UPDATE storeRevision SET value = value + 1; END;
                    """)
        }
        // v2: one row per bookmarked document with a sketch of its content, to tell another version of a
        // document from a different document with the same title.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document (
                        fingerprint TEXT NOT NULL PRIMARY KEY,
                        title TEXT NOT NULL,
                        titleKey TEXT NOT NULL,
                        sketch TEXT NOT NULL
                    );
                    CREATE INDEX document_on_titleKey ON document(titleKey);
                    """)
        }
        return migrator
    }

    /// The columns every listing reads (decoded by name in `BookmarkRecord`).
    static let bookmarkColumns = """
        id, documentFingerprint, documentTitle, documentSource, clauseID, clauseHeading, snippet, sentence, \
        note, tags, createdAt, updatedAt
        """

    /// Tags are stored in one column, separated by U+001F (which `sanitizedTag` removes from tags).
    static let tagSeparator: Character = "\u{1F}"

    static func encodeTags(_ tags: [String]) -> String { tags.joined(separator: String(tagSeparator)) }

    static func decodeTags(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: tagSeparator, omittingEmptySubsequences: true).map(String.init)
    }

    /// A tag without control characters and surrounding whitespace.
    static func sanitizedTag(_ tag: String) -> String {
        String(String.UnicodeScalarView(tag.unicodeScalars.filter { $0.properties.generalCategory != .control }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
