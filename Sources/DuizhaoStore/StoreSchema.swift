import FoundationEssentials

/// The versioned schema: migrations applied in order from v1, each recorded in GRDB's `grdb_migrations` table
/// (`identifier TEXT NOT NULL PRIMARY KEY`), as the GRDB-based versions of duizhao recorded them, so that stores
/// written by either open in both.
enum StoreSchema {
    /// A schema change: its identifier and the SQL that makes it.
    struct Migration: Sendable {
        var identifier: String
        var sql: String
    }

    static let migrations = [
        Migration(
            identifier: "v1",
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
                """),
        // v2: one row per bookmarked document with a sketch of its content, to tell another version of a
        // document from a different document with the same title.
        Migration(
            identifier: "v2",
            sql: """
                CREATE TABLE document (
                    fingerprint TEXT NOT NULL PRIMARY KEY,
                    title TEXT NOT NULL,
                    titleKey TEXT NOT NULL,
                    sketch TEXT NOT NULL
                );
                CREATE INDEX document_on_titleKey ON document(titleKey);
                """),
        // v3: hand corrections of the alignment (issue 20): a link made by hand or a rejection of the machine's,
        // anchored on each side like a bookmark (document fingerprint, title, source; provision id, heading,
        // snippet), so that it follows its provisions into other versions of the files.
        Migration(
            identifier: "v3",
            sql: """
                CREATE TABLE alignmentCorrection (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    nationalFingerprint TEXT NOT NULL,
                    nationalTitle TEXT NOT NULL,
                    nationalTitleKey TEXT NOT NULL,
                    nationalSource TEXT NOT NULL,
                    nationalClauseID TEXT NOT NULL,
                    nationalHeading TEXT NOT NULL,
                    nationalSnippet TEXT NOT NULL,
                    provincialFingerprint TEXT NOT NULL,
                    provincialTitle TEXT NOT NULL,
                    provincialTitleKey TEXT NOT NULL,
                    provincialSource TEXT NOT NULL,
                    provincialClauseID TEXT NOT NULL,
                    provincialHeading TEXT NOT NULL,
                    provincialSnippet TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    createdAt REAL NOT NULL
                );
                CREATE INDEX alignmentCorrection_on_titleKeys
                    ON alignmentCorrection(nationalTitleKey, provincialTitleKey);
                CREATE TRIGGER alignmentCorrection_inserted AFTER INSERT ON alignmentCorrection
                    BEGIN UPDATE storeRevision SET value = value + 1; END;
                CREATE TRIGGER alignmentCorrection_deleted AFTER DELETE ON alignmentCorrection
                    BEGIN UPDATE storeRevision SET value = value + 1; END;
                """),
    ]

    /// Identifiers of the migrations this build knows, oldest first.
    static let migrationIdentifiers = migrations.map(\.identifier)

    /// The table that records applied migrations, exactly as GRDB's `DatabaseMigrator` creates it.
    static let migrationTableSQL = "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"

    /// The identifiers recorded in the file (known or not); empty when it has no migration table yet.
    static func appliedIdentifiers(_ db: SQLiteConnection) throws -> Set<String> {
        let hasTable =
            try db.fetchOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") { _ in 1 }
            != nil
        guard hasTable else { return [] }
        return Set(try db.strings("SELECT identifier FROM grdb_migrations"))
    }

    /// Whether every migration this build knows is recorded (checked in a read transaction).
    /// The schema version recorded in the file's header (0 for a store written before it was set).
    static func userVersion(_ db: SQLiteConnection) throws -> Int {
        Int(try db.strings("PRAGMA user_version").first ?? "") ?? 0
    }

    static func hasCompletedMigrations(_ db: SQLiteConnection) throws -> Bool {
        try db.read { db in Set(migrationIdentifiers).isSubset(of: try appliedIdentifiers(db)) }
    }

    /// Applies the migrations not yet recorded, up to and including `last` (all when nil), each in its own
    /// IMMEDIATE transaction together with its record, as GRDB's `DatabaseMigrator` did.
    static func migrate(_ db: SQLiteConnection, upTo last: String? = nil, with extra: [Migration] = []) throws {
        try db.serialized { db in
            try db.execute(migrationTableSQL)
            for (index, migration) in (migrations + extra).enumerated() {
                try db.inTransaction("BEGIN IMMEDIATE") { db in
                    let applied = try appliedIdentifiers(db)
                    if !applied.contains(migration.identifier) {
                        try db.execute(migration.sql)
                        try db.execute(
                            "INSERT INTO grdb_migrations (identifier) VALUES (?)", [.text(migration.identifier)])
                    }
                    // The schema version in the file's header too (`PRAGMA user_version`), so that a newer
                    // version is recognised without the migration table; a store from before it is brought up to
                    // date once.
                    if try userVersion(db) < index + 1 { try db.execute("PRAGMA user_version = \(index + 1)") }
                }
                if migration.identifier == last { break }
            }
        }
    }

    /// The columns every listing reads (decoded in this order by `BookmarkRecord`).
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
        let scalars = tag.unicodeScalars.filter { $0.properties.generalCategory != .control }
        let kept = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
        return String(String.UnicodeScalarView(kept.reversed()))
    }
}
