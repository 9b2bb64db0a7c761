import DuizhaoCore
import Foundation
import XCTest

@testable import DuizhaoStore

/// Stores written by the GRDB-based versions of duizhao open and read the same with the store on SQLite's C API,
/// and the files this version writes have the schema and migration records those versions expect. The fixtures
/// are written here by plain SQL: GRDB's `grdb_migrations` table and the v1/v2 schema exactly as the GRDB
/// version's `StoreSchema` created them (whitespace aside).
final class GRDBCompatibilityTests: XCTestCase {
    let national = BundledDocument.national.load()

    static let grdbMigrationTable = "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"

    static let grdbVersion1 = """
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
        """

    static let grdbVersion2 = """
        CREATE TABLE document (
            fingerprint TEXT NOT NULL PRIMARY KEY,
            title TEXT NOT NULL,
            titleKey TEXT NOT NULL,
            sketch TEXT NOT NULL
        );
        CREATE INDEX document_on_titleKey ON document(titleKey);
        """

    /// Writes `bookmarks.sqlite` in `directory` as the GRDB version did, migrated through `version` (1 or 2),
    /// each migration in its own transaction with its `grdb_migrations` row; then `contents` in a transaction.
    func writeGRDBStore(
        at directory: URL, version: Int, contents: (SQLiteConnection) throws -> Void = { _ in }
    ) throws {
        let path = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        let connection = try SQLiteConnection(path: path)
        defer { connection.close() }
        try connection.serialized { db in
            try db.execute("PRAGMA journal_mode = WAL")
            try db.execute(Self.grdbMigrationTable)
            try db.execute("BEGIN IMMEDIATE; \(Self.grdbVersion1); INSERT INTO grdb_migrations VALUES ('v1'); COMMIT")
            if version >= 2 {
                try db.execute(
                    "BEGIN IMMEDIATE; \(Self.grdbVersion2); INSERT INTO grdb_migrations VALUES ('v2'); COMMIT")
            }
        }
        try connection.write { db in try contents(db) }
    }

    /// Inserts a bookmark row as the GRDB version's `add` did.
    func insertBookmark(
        _ db: SQLiteConnection, _ anchor: BookmarkAnchor, note: String, tags: String, createdAt: Double,
        updatedAt: Double
    ) throws {
        try db.execute(
            """
            INSERT INTO bookmark (documentFingerprint, documentTitle, documentTitleKey, documentSource, clauseID,
                clauseHeading, snippet, sentence, note, tags, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(anchor.documentFingerprint), .text(anchor.documentTitle), .text(anchor.documentTitleKey),
                .text(anchor.documentSource), .text(anchor.clauseID), .text(anchor.clauseHeading),
                .text(anchor.snippet), .text(anchor.sentence), .text(note), .text(tags), .real(createdAt),
                .real(updatedAt),
            ])
    }

    /// `type name: sql` of every schema object of the store in `directory`, whitespace collapsed.
    func schema(of directory: URL) throws -> [String] {
        let path = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        let connection = try SQLiteConnection(path: path, create: false)
        defer { connection.close() }
        return try connection.read { db in
            try db.fetchAll("SELECT type, name, sql FROM sqlite_master ORDER BY type, name") { row in
                let sql = row.string(2).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return "\(row.string(0)) \(row.string(1)): \(sql)"
            }
        }
    }

    func testAStoreWrittenByTheGRDBVersionOpensAndReadsTheSame() throws {
        let directory = try temporaryDirectory()
        let units = national.comparableUnits
        let identity = DocumentIdentity(national)
        let pair = DocumentPairKey(national: identity, provincial: nil)
        func anchor(_ index: Int, sentence: String? = nil) -> BookmarkAnchor {
            BookmarkAnchor(document: national, division: units[index], sentence: sentence, identity: identity)
        }
        try writeGRDBStore(at: directory, version: 2) { db in
            try db.execute(
                "INSERT INTO document (fingerprint, title, titleKey, sketch) VALUES (?, ?, ?, ?)",
                [
                    .text(identity.fingerprint), .text(identity.title), .text(identity.titleKey),
                    .text(identity.sketch.encoded),
                ])
            try insertBookmark(db, anchor(0), note: "removed", tags: "", createdAt: 1, updatedAt: 1)
            try insertBookmark(
                db, anchor(3, sentence: "一句话。"), note: "", tags: "", createdAt: 1_700_000_200, updatedAt: 1_700_000_200)
            try insertBookmark(
                db, anchor(1), note: "要点", tags: "复核\u{1F}law", createdAt: 1_700_000_000.5, updatedAt: 1_700_000_100.25)
            try db.execute("DELETE FROM bookmark WHERE id = 1")
            try db.execute(
                "INSERT INTO readingState (pairKey, clauseID, documentSide, focusedPane, updatedAt) VALUES (?, ?, ?, ?, ?)",
                [.text(pair.rawValue), .text(units[3].id), .text("national"), .text("outline"), .real(1_700_000_300)])
        }
        let schemaBefore = try schema(of: directory)

        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        XCTAssertNil(store.problem)
        XCTAssertEqual(try store.appliedMigrations(), ["v1", "v2", "v3"])
        let listed = try store.bookmarks()
        XCTAssertEqual(listed.map(\.id), [2, 3], "ids as stored")
        XCTAssertEqual(listed.map(\.anchor), [anchor(3, sentence: "一句话。"), anchor(1)])
        XCTAssertEqual(listed.map(\.note), ["", "要点"])
        XCTAssertEqual(listed.map(\.tags), [[], ["复核", "law"]])
        XCTAssertEqual(listed[1].createdAt, Date(timeIntervalSince1970: 1_700_000_000.5))
        XCTAssertEqual(listed[1].updatedAt, Date(timeIntervalSince1970: 1_700_000_100.25))
        XCTAssertEqual(try store.bookmark(id: 3), listed[1])
        XCTAssertEqual(try store.bookmarks(BookmarkFilter(tag: "law")).map(\.id), [3])
        XCTAssertEqual(try store.bookmarks(.document(identity)).map(\.id), [2, 3])
        XCTAssertEqual(try store.documentSketches()[identity.fingerprint], identity.sketch)
        XCTAssertEqual(
            try store.readingState(for: pair),
            ReadingState(clauseID: units[3].id, documentSide: "national", focusedPane: "outline"))
        // Three inserts and a delete, each counted by the GRDB version's triggers.
        XCTAssertEqual(try store.revision(), 4)
        XCTAssertEqual(
            try store.resolvedBookmarks(in: national, identity: identity).map(\.resolution),
            [.exact(clauseID: units[3].id), .exact(clauseID: units[1].id)])

        // Writing keeps the file what the GRDB version expects.
        let added = try store.addBookmark(clauseID: units[1].id, in: national, identity: identity)
        XCTAssertEqual(added.id, 4, "AUTOINCREMENT never reuses a removed id")
        XCTAssertEqual(try store.revision(), 5)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        XCTAssertEqual(
            try schema(of: directory).filter { !$0.contains("alignmentCorrection") }, schemaBefore,
            "opening and writing changed no schema object of the GRDB version's (v3 only adds its own)")
    }

    func testAFirstVersionGRDBStoreIsMigratedAndRecordedAsGRDBDid() throws {
        let directory = try temporaryDirectory()
        let unit = national.comparableUnits[2]
        let anchor = BookmarkAnchor(document: national, division: unit)
        try writeGRDBStore(at: directory, version: 1) { db in
            try insertBookmark(db, anchor, note: "from GRDB v1", tags: "", createdAt: 0, updatedAt: 0)
        }

        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        XCTAssertEqual(try store.appliedMigrations(), ["v1", "v2", "v3"])
        XCTAssertEqual(try store.bookmarks().map(\.note), ["from GRDB v1"])
        XCTAssertEqual(try store.resolvedBookmarks(in: national).map(\.resolution), [.exact(clauseID: unit.id)])

        // The migrated file has exactly the schema a GRDB-created v2 store has.
        let reference = try temporaryDirectory()
        try writeGRDBStore(at: reference, version: 2)
        XCTAssertEqual(
            try schema(of: directory).filter { !$0.contains("alignmentCorrection") }, try schema(of: reference))
    }

    func testANewStoreHasTheSchemaAndRecordsOfTheGRDBVersion() throws {
        let directory = try temporaryDirectory()
        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        try store.addBookmark(clauseID: national.comparableUnits[0].id, in: national)

        let reference = try temporaryDirectory()
        try writeGRDBStore(at: reference, version: 2)
        let created = try schema(of: directory)
        XCTAssertEqual(created.filter { !$0.contains("alignmentCorrection") }, try schema(of: reference))
        XCTAssertTrue(created.contains { $0.hasPrefix("table alignmentCorrection:") }, "v3: hand corrections")
        XCTAssertTrue(created.contains("table grdb_migrations: \(Self.grdbMigrationTable)"), "\(created)")
        XCTAssertEqual(try store.appliedMigrations(), StoreSchema.migrationIdentifiers)
        let path = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        let connection = try SQLiteConnection(path: path, create: false)
        defer { connection.close() }
        XCTAssertEqual(try connection.serialized { db in try db.strings("PRAGMA journal_mode") }, ["wal"])
    }
}
