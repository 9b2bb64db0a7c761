import DuizhaoCore
import Foundation
import GRDB

/// The schema version this build writes (the number of migrations it knows).
public enum BookmarkStoreInfo {
    public static let schemaVersion = StoreSchema.migrationIdentifiers.count
}

/// Bookmarks and per-pair reading state in an SQLite file (WAL mode, through GRDB).
///
/// `open(at:)` never fails: a store that cannot be used fully opens read-only or disabled, with `problem`
/// saying which file and what is wrong, and the file is then never written. Every write is one short
/// IMMEDIATE transaction, so several processes (two readers and the CLI) can write at once without losing or
/// duplicating anything; each sees the others' changes on its next read (`revision()` tells when to reload).
public final class BookmarkStore: Sendable {
    /// The store directory.
    public let directory: URL
    /// The database file (`bookmarks.sqlite` in `directory`).
    public let databaseURL: URL
    public let access: StoreAccess
    /// Why the store is read-only or disabled; nil when it is read-write.
    public let problem: StoreProblem?

    private let writer: DatabasePool?
    private let reader: (any DatabaseReader)?
    /// A private copy of the file read in place of the original when the original cannot be opened in place.
    private let snapshotDirectory: URL?

    private init(
        directory: URL, access: StoreAccess, problem: StoreProblem?, writer: DatabasePool?,
        reader: (any DatabaseReader)?, snapshotDirectory: URL? = nil
    ) {
        self.directory = directory
        databaseURL = directory.appendingPathComponent(StoreLocation.databaseFileName)
        self.access = access
        self.problem = problem
        self.writer = writer
        self.reader = reader
        self.snapshotDirectory = snapshotDirectory
    }

    deinit {
        if let snapshotDirectory { try? FileManager.default.removeItem(at: snapshotDirectory) }
    }

    /// A line for the reader's status bar when bookmarks are read-only or disabled; nil otherwise.
    public var notice: String? {
        guard let problem else { return nil }
        switch access {
        case .readWrite: return nil
        case .readOnly: return "bookmarks are read-only: \(problem)"
        case .disabled: return "bookmarks are disabled: \(problem)"
        }
    }

    /// Opens the store in the default directory (`StoreLocation.defaultDirectory()`).
    public static func openDefault() -> BookmarkStore {
        open(at: StoreLocation.defaultDirectory())
    }

    // MARK: - Opening

    /// Opens (creating when needed) the store in `directory`. Never fails and never modifies a file it cannot
    /// use: see `access` and `problem`.
    public static func open(at directory: URL) -> BookmarkStore {
        let fileManager = FileManager.default
        let databasePath = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        func disabled(_ kind: StoreProblem.Kind, _ path: String, _ detail: String) -> BookmarkStore {
            BookmarkStore(
                directory: directory, access: .disabled, problem: StoreProblem(kind: kind, path: path, detail: detail),
                writer: nil, reader: nil)
        }

        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return disabled(.cannotCreate, directory.path, "is not a directory")
            }
        } else {
            do {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                return disabled(.cannotCreate, directory.path, "cannot create the bookmark directory (\(describe(error)))")
            }
        }

        let exists = fileManager.fileExists(atPath: databasePath)
        let sidecars = [databasePath + "-wal", databasePath + "-shm"].filter { fileManager.fileExists(atPath: $0) }
        let writable = isAccessible(directory.path, W_OK | X_OK)
            && (!exists || isAccessible(databasePath, W_OK))
            && sidecars.allSatisfy { isAccessible($0, W_OK) }

        guard exists else {
            guard writable else {
                return disabled(
                    .readOnlyLocation, directory.path,
                    "the directory is not writable, so the bookmark store cannot be created")
            }
            return openReadWrite(directory: directory, databasePath: databasePath)
        }

        guard isAccessible(databasePath, R_OK) else {
            return disabled(.unreadable, databasePath, "cannot be read (permission denied)")
        }

        if !writable {
            // Never let SQLite touch the original: read a private copy.
            return openSnapshot(
                directory: directory, databasePath: databasePath,
                problem: StoreProblem(
                    kind: .readOnlyLocation, path: databasePath,
                    detail: "the file or its directory is not writable, so changes cannot be saved"))
        }

        // Check the file with a read-only connection before any connection that could write it.
        let inspected: (reader: DatabaseQueue, verdict: Verdict)
        do {
            inspected = try inspect(path: databasePath)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            return openSnapshot(
                directory: directory, databasePath: databasePath,
                problem: StoreProblem(
                    kind: .readOnlyLocation, path: databasePath,
                    detail: "cannot be opened for writing (\(describe(error)))"))
        } catch {
            return disabled(problemKind(for: error), databasePath, describeOpenFailure(error))
        }
        switch inspected.verdict {
        case .usable:
            return openReadWrite(directory: directory, databasePath: databasePath)
        case .unusable(let kind, let detail):
            return disabled(kind, databasePath, detail)
        case .readOnly(let kind, let detail):
            return BookmarkStore(
                directory: directory, access: .readOnly,
                problem: StoreProblem(kind: kind, path: databasePath, detail: detail),
                writer: nil, reader: inspected.reader)
        }
    }

    /// What `inspect` found.
    enum Verdict {
        case usable
        /// Readable, but must not be written.
        case readOnly(StoreProblem.Kind, String)
        case unusable(StoreProblem.Kind, String)
    }

    /// Opens a read-only connection on `path` and checks that it is a healthy store this build can use.
    private static func inspect(path: String) throws -> (reader: DatabaseQueue, verdict: Verdict) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.label = "duizhao.bookmarks.inspect"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let found = try queue.read { db in try verdict(db) }
        return (queue, found)
    }

    static func verdict(_ db: Database) throws -> Verdict {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard check == ["ok"] else {
            return .unusable(.corrupt, "the database is damaged (quick_check: \(check.prefix(3).joined(separator: "; ")))")
        }
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if tables.isEmpty { return .usable }
        guard tables.contains("grdb_migrations") else {
            return .unusable(.notAStore, "is an SQLite database but not a duizhao bookmark store")
        }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let unknown = applied.subtracting(StoreSchema.migrationIdentifiers).sorted()
        guard unknown.isEmpty else {
            let detail = "was written by a newer duizhao (schema changes \(unknown.joined(separator: ", ")) are "
                + "unknown to this version, which writes schema v\(BookmarkStoreInfo.schemaVersion))"
            // Listing may still work if the columns this build reads are there.
            do {
                _ = try Row.fetchAll(db, sql: "SELECT \(StoreSchema.bookmarkColumns) FROM bookmark LIMIT 1")
                return .readOnly(.newerSchema, detail + "; opened read-only")
            } catch {
                return .unusable(.newerSchema, detail + "; its bookmarks cannot be read by this version")
            }
        }
        return .usable
    }

    private static func openReadWrite(directory: URL, databasePath: String) -> BookmarkStore {
        var configuration = Configuration()
        // Another process may hold the write lock for a moment: wait rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.label = "duizhao.bookmarks"
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            // Room for a 10,000-bookmark store in the page cache (the default is 2 MiB), so listings do not
            // re-read the file.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        do {
            let pool = try DatabasePool(path: databasePath, configuration: configuration)
            // GRDB chooses NORMAL for WAL (safe against a killed process, not against power loss); FULL syncs the
            // WAL at every commit, so a returned write is on disk.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try migrate(pool)
            return BookmarkStore(directory: directory, access: .readWrite, problem: nil, writer: pool, reader: pool)
        } catch {
            return BookmarkStore(
                directory: directory, access: .disabled,
                problem: StoreProblem(kind: problemKind(for: error), path: databasePath, detail: describeOpenFailure(error)),
                writer: nil, reader: nil)
        }
    }

    /// Applies pending migrations. Two processes creating the store at the same moment may both try the same
    /// migration; the loser fails inside its transaction and simply finds the work done on the next attempt.
    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = StoreSchema.migrator()
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                if attempt >= 5 { throw error }
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
            }
        }
    }

    /// Reads a private copy of the database (and its WAL) when the original must not or cannot be opened.
    private static func openSnapshot(directory: URL, databasePath: String, problem: StoreProblem) -> BookmarkStore {
        let fileManager = FileManager.default
        let snapshotDirectory = fileManager.temporaryDirectory
            .appendingPathComponent("duizhao-store-\(ProcessInfo.processInfo.globallyUniqueString)", isDirectory: true)
        let copyPath = snapshotDirectory.appendingPathComponent(StoreLocation.databaseFileName).path
        do {
            try fileManager.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: databasePath, toPath: copyPath)
            if fileManager.isReadableFile(atPath: databasePath + "-wal") {
                try fileManager.copyItem(atPath: databasePath + "-wal", toPath: copyPath + "-wal")
            }
            // The copy is ours: open it normally so SQLite can replay its WAL.
            var configuration = Configuration()
            configuration.label = "duizhao.bookmarks.snapshot"
            let queue = try DatabaseQueue(path: copyPath, configuration: configuration)
            switch try queue.read({ db in try verdict(db) }) {
            case .usable:
                return BookmarkStore(
                    directory: directory, access: .readOnly, problem: problem, writer: nil, reader: queue,
                    snapshotDirectory: snapshotDirectory)
            case .readOnly(let kind, let detail):
                return BookmarkStore(
                    directory: directory, access: .readOnly,
                    problem: StoreProblem(kind: kind, path: databasePath, detail: detail + "; " + problem.detail),
                    writer: nil, reader: queue, snapshotDirectory: snapshotDirectory)
            case .unusable(let kind, let detail):
                try? fileManager.removeItem(at: snapshotDirectory)
                return BookmarkStore(
                    directory: directory, access: .disabled,
                    problem: StoreProblem(kind: kind, path: databasePath, detail: detail), writer: nil, reader: nil)
            }
        } catch {
            try? fileManager.removeItem(at: snapshotDirectory)
            return BookmarkStore(
                directory: directory, access: .disabled,
                problem: StoreProblem(kind: problemKind(for: error), path: databasePath, detail: describeOpenFailure(error)),
                writer: nil, reader: nil)
        }
    }

    private static func problemKind(for error: any Error) -> StoreProblem.Kind {
        guard let error = error as? DatabaseError else { return .openFailed }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt
        case .SQLITE_PERM, .SQLITE_AUTH: return .unreadable
        case .SQLITE_READONLY: return .readOnlyLocation
        default: return .openFailed
        }
    }

    private static func describeOpenFailure(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "cannot be opened (\(describe(error)))" }
        switch error.resultCode {
        case .SQLITE_NOTADB: return "is not a bookmark store: the file is not an SQLite database (corrupt or foreign file)"
        case .SQLITE_CORRUPT: return "the database is damaged (\(describe(error)))"
        default: return "cannot be opened (\(describe(error)))"
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return error.localizedDescription
    }

    // MARK: - Access

    private func requireWriter() throws -> DatabasePool {
        guard let writer else {
            throw StoreError.notWritable(
                problem ?? StoreProblem(kind: .openFailed, path: databaseURL.path, detail: "not open for writing"))
        }
        return writer
    }

    private func requireReader() throws -> any DatabaseReader {
        guard let reader else {
            throw StoreError.unavailable(
                problem ?? StoreProblem(kind: .openFailed, path: databaseURL.path, detail: "not open"))
        }
        return reader
    }

    /// Runs a database operation, turning SQLite failures into `StoreError.databaseFailure` naming the file.
    private func perform<T>(_ operation: () throws -> T) throws -> T {
        do {
            return try operation()
        } catch let error as DatabaseError {
            throw StoreError.databaseFailure(path: databaseURL.path, detail: Self.describe(error))
        }
    }

    // MARK: - Bookmarks

    /// Adds a bookmark; returns it with its new id. Pass the `identity` of the bookmarked document (whose
    /// fingerprint is the anchor's) so that later versions of the document can be told from other documents
    /// with the same title.
    @discardableResult
    public func add(
        _ anchor: BookmarkAnchor, note: String = "", tags: [String] = [], document identity: DocumentIdentity? = nil
    ) throws -> Bookmark {
        let writer = try requireWriter()
        let now = Date()
        let cleanTags = Self.cleanTags(tags)
        let documentRow = identity.flatMap { $0.fingerprint == anchor.documentFingerprint ? $0 : nil }
        let id = try perform {
            try writer.write { db -> Int64 in
                if let documentRow {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO document (fingerprint, title, titleKey, sketch) VALUES (?, ?, ?, ?)",
                        arguments: [
                            documentRow.fingerprint, documentRow.title, documentRow.titleKey, documentRow.encodedSketch,
                        ])
                }
                try db.execute(
                    sql: """
                        INSERT INTO bookmark (documentFingerprint, documentTitle, documentTitleKey, documentSource,
                            clauseID, clauseHeading, snippet, sentence, note, tags, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        anchor.documentFingerprint, anchor.documentTitle, anchor.documentTitleKey,
                        anchor.documentSource, anchor.clauseID, anchor.clauseHeading, anchor.snippet, anchor.sentence,
                        note, StoreSchema.encodeTags(cleanTags), now.timeIntervalSince1970, now.timeIntervalSince1970,
                    ])
                return db.lastInsertedRowID
            }
        }
        return Bookmark(id: id, anchor: anchor, note: note, tags: cleanTags, createdAt: now, updatedAt: now)
    }

    /// Adds a bookmark on the division `clauseID` of `document` (pass its `identity` when the caller keeps it,
    /// as a reader should: computing it reads the whole text). Throws `StoreError.noSuchClause` when the
    /// document has no such division.
    @discardableResult
    public func addBookmark(
        clauseID: String, in document: PolicyDocument, identity: DocumentIdentity? = nil, sentence: String? = nil,
        note: String = "", tags: [String] = []
    ) throws -> Bookmark {
        guard let division = document.division(id: clauseID) else {
            throw StoreError.noSuchClause(id: clauseID, document: document.source)
        }
        let identity = identity ?? DocumentIdentity(document)
        return try add(
            BookmarkAnchor(document: document, division: division, sentence: sentence, identity: identity),
            note: note, tags: tags, document: identity)
    }

    /// Removes a bookmark. Throws `StoreError.noSuchBookmark` when there is none with this id (e.g. another
    /// process removed it first).
    public func remove(id: Int64) throws {
        let writer = try requireWriter()
        let removed = try perform {
            try writer.write { db -> Int in
                try db.execute(sql: "DELETE FROM bookmark WHERE id = ?", arguments: [id])
                return db.changesCount
            }
        }
        if removed == 0 { throw StoreError.noSuchBookmark(id) }
    }

    /// Replaces a bookmark's note; returns the updated bookmark.
    @discardableResult
    public func updateNote(id: Int64, note: String) throws -> Bookmark {
        try update(id: id, sql: "note = ?", argument: note)
    }

    /// Replaces a bookmark's tags; returns the updated bookmark.
    @discardableResult
    public func updateTags(id: Int64, tags: [String]) throws -> Bookmark {
        try update(id: id, sql: "tags = ?", argument: StoreSchema.encodeTags(Self.cleanTags(tags)))
    }

    private func update(id: Int64, sql assignment: String, argument: String) throws -> Bookmark {
        let writer = try requireWriter()
        let updated = try perform {
            try writer.write { db -> Bookmark? in
                try db.execute(
                    sql: "UPDATE bookmark SET \(assignment), updatedAt = ? WHERE id = ?",
                    arguments: [argument, Date().timeIntervalSince1970, id])
                guard db.changesCount > 0 else { return nil }
                return try Self.fetchBookmarks(db, whereClause: "WHERE id = ?", arguments: [id]).first
            }
        }
        guard let updated else { throw StoreError.noSuchBookmark(id) }
        return updated
    }

    /// The bookmark with this id, if any.
    public func bookmark(id: Int64) throws -> Bookmark? {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in try Self.fetchBookmarks(db, whereClause: "WHERE id = ?", arguments: [id]).first }
        }
    }

    /// The bookmarks matching `filter`, oldest first. Always reads the committed state of the file, so it
    /// includes changes made by other processes.
    public func bookmarks(_ filter: BookmarkFilter = .all) throws -> [Bookmark] {
        let reader = try requireReader()
        let all = try perform {
            try reader.read { db -> [Bookmark] in
                guard let identity = filter.document else {
                    return try Self.fetchBookmarks(db, whereClause: "", arguments: [])
                }
                // This document; other versions of it: the same title and either similar content or the same
                // source; and bookmarks with the same title whose document has no recorded sketch.
                var fingerprints = [identity.fingerprint]
                let sameTitle = try Row.fetchAll(
                    db, sql: "SELECT fingerprint, sketch FROM document WHERE titleKey = ? AND fingerprint != ?",
                    arguments: [identity.titleKey, identity.fingerprint])
                for row in sameTitle {
                    let sketch = ContentSketch(encoded: row[1])
                    if identity.isSameDocument(fingerprint: row[0], titleKey: identity.titleKey, source: "", sketch: sketch) {
                        fingerprints.append(row[0])
                    }
                }
                let placeholders = Array(repeating: "?", count: fingerprints.count).joined(separator: ", ")
                var arguments = StatementArguments(fingerprints)
                arguments += [identity.titleKey, identity.source]
                return try Self.fetchBookmarks(
                    db,
                    whereClause: """
                        WHERE documentFingerprint IN (\(placeholders))
                            OR (documentTitleKey = ? AND (documentSource = ?
                                OR documentFingerprint NOT IN (SELECT fingerprint FROM document)))
                        """,
                    arguments: arguments)
            }
        }
        guard let tag = filter.tag else { return all }
        return all.filter { $0.tags.contains(tag) }
    }

    /// The bookmarks of `document` (and of other versions of it), each with where its clause is now: exact,
    /// relocated or orphaned. Pass the document's `identity` when the caller keeps it.
    public func resolvedBookmarks(in document: PolicyDocument, identity: DocumentIdentity? = nil) throws -> [ResolvedBookmark] {
        let resolver = BookmarkAnchorResolver(document: document, identity: identity)
        return resolver.resolve(try bookmarks(.document(resolver.identity)))
    }

    /// The content sketches of the bookmarked documents, by fingerprint.
    public func documentSketches() throws -> [String: ContentSketch] {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                var sketches: [String: ContentSketch] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT fingerprint, sketch FROM document") {
                    if let sketch = ContentSketch(encoded: row[1]) { sketches[row[0]] = sketch }
                }
                return sketches
            }
        }
    }

    /// The number of bookmarks.
    public func count() throws -> Int {
        let reader = try requireReader()
        return try perform { try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookmark") ?? 0 } }
    }

    /// A counter that grows with every change to the bookmarks, from any process: reload when it changed.
    public func revision() throws -> Int64 {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM storeRevision WHERE id = 1") ?? 0 }
        }
    }

    private static func fetchBookmarks(
        _ db: Database, whereClause: String, arguments: StatementArguments
    ) throws -> [Bookmark] {
        let statement = try db.cachedStatement(
            sql: "SELECT \(StoreSchema.bookmarkColumns) FROM bookmark \(whereClause) ORDER BY id")
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var result: [Bookmark] = []
        while let row = try rows.next() {
            let anchor = BookmarkAnchor(
                documentFingerprint: row[1], documentTitle: row[2], documentSource: row[3], clauseID: row[4],
                clauseHeading: row[5], snippet: row[6], sentence: row[7])
            result.append(
                Bookmark(
                    id: row[0], anchor: anchor, note: row[8], tags: StoreSchema.decodeTags(row[9]),
                    createdAt: Date(timeIntervalSince1970: row[10]), updatedAt: Date(timeIntervalSince1970: row[11])))
        }
        return result
    }

    private static func cleanTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.map(StoreSchema.sanitizedTag).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    // MARK: - Reading state

    /// Remembers where the reader was in a document pair (replacing what was there).
    public func saveReadingState(_ state: ReadingState, for pair: DocumentPairKey) throws {
        let writer = try requireWriter()
        try perform {
            try writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO readingState (pairKey, clauseID, documentSide, focusedPane, updatedAt)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(pairKey) DO UPDATE SET clauseID = excluded.clauseID,
                            documentSide = excluded.documentSide, focusedPane = excluded.focusedPane,
                            updatedAt = excluded.updatedAt
                        """,
                    arguments: [
                        pair.rawValue, state.clauseID, state.documentSide, state.focusedPane,
                        Date().timeIntervalSince1970,
                    ])
            }
        }
    }

    /// Where the reader was in this document pair, if it was ever saved.
    public func readingState(for pair: DocumentPairKey) throws -> ReadingState? {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT clauseID, documentSide, focusedPane FROM readingState WHERE pairKey = ?",
                    arguments: [pair.rawValue]
                ).map { ReadingState(clauseID: $0[0], documentSide: $0[1], focusedPane: $0[2]) }
            }
        }
    }

    // MARK: - Maintenance

    /// The identifiers of the schema migrations applied to the file, in order.
    func appliedMigrations() throws -> [String] {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        }
    }

    /// SQLite's `PRAGMA integrity_check` of the file: `["ok"]` when healthy.
    public func integrityCheck() throws -> [String] {
        let reader = try requireReader()
        return try perform { try reader.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
    }

    /// Writes a store as the first version (schema v1) did, with one bookmark. For tests of migrations.
    static func createStoreAtFirstVersion(at directory: URL, bookmark anchor: BookmarkAnchor) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: directory.appendingPathComponent(StoreLocation.databaseFileName).path)
        try StoreSchema.migrator().migrate(pool, upTo: "v1")
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bookmark (documentFingerprint, documentTitle, documentTitleKey, documentSource,
                        clauseID, clauseHeading, snippet, note, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'from v1', 0, 0)
                    """,
                arguments: [
                    anchor.documentFingerprint, anchor.documentTitle, anchor.documentTitleKey, anchor.documentSource,
                    anchor.clauseID, anchor.clauseHeading, anchor.snippet,
                ])
        }
        try pool.close()
    }

    /// Writes a store as a future duizhao would: this build's schema plus a migration it does not know.
    /// For tests of the newer-schema behaviour.
    static func createStoreFromNewerVersion(at directory: URL, bookmark anchor: BookmarkAnchor) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        let pool = try DatabasePool(path: path)
        var migrator = StoreSchema.migrator()
        migrator.registerMigration("v3-from-a-newer-duizhao") { db in
            try db.execute(sql: "ALTER TABLE bookmark ADD COLUMN colour TEXT")
            try db.execute(sql: "CREATE TABLE collection (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        }
        try migrator.migrate(pool)
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bookmark (documentFingerprint, documentTitle, documentTitleKey, documentSource,
                        clauseID, clauseHeading, snippet, note, createdAt, updatedAt, colour)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'from the future', 0, 0, 'red')
                    """,
                arguments: [
                    anchor.documentFingerprint, anchor.documentTitle, anchor.documentTitleKey, anchor.documentSource,
                    anchor.clauseID, anchor.clauseHeading, anchor.snippet,
                ])
        }
        try pool.close()
    }
}

/// Whether the current user may access `path` in `mode` (`R_OK`, `W_OK`, `X_OK`), as access(2) says.
private func isAccessible(_ path: String, _ mode: Int32) -> Bool {
    access(path, mode) == 0
}
