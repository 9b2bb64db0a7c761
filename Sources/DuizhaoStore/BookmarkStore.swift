import DuizhaoCore
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The schema version this build writes (the number of migrations it knows).
public enum BookmarkStoreInfo {
    public static let schemaVersion = StoreSchema.migrationIdentifiers.count
}

/// Bookmarks and per-pair reading state in an SQLite file (WAL mode, one serial connection per process,
/// through SQLite's C API: `SQLiteConnection`).
///
/// `open(at:)` never fails: a store that cannot be used fully opens read-only or disabled, with `problem`
/// saying which file and what is wrong, and the file is then never written. Writability is decided by trying
/// (SQLite opens the file read-write and takes the write lock once); a lock held by another process is waited
/// for and is never a reason for read-only. Every write is one short IMMEDIATE transaction, so several
/// processes (two readers and the CLI) can write at once without losing or duplicating anything; each sees the
/// others' changes on its next read (`revision()` tells when to reload).
public final class BookmarkStore: @unchecked Sendable {
    /// The store directory.
    public let directory: URL
    /// The database file (`bookmarks.sqlite` in `directory`).
    public let databaseURL: URL
    public let options: StoreOptions

    /// nil while the file has stayed locked by another process since the store was created: every operation
    /// tries to open it again (and throws `StoreError.busy` if it still cannot).
    private let connection = Mutex<StoreConnection?>(nil)

    private init(directory: URL, options: StoreOptions) {
        self.directory = directory
        databaseURL = directory.appendingPathComponent(StoreLocation.databaseFileName)
        self.options = options
    }

    deinit {
        let opened = connection.withLock { $0 }
        opened?.reader?.close()
        opened?.writer?.close()
        if let snapshotDirectory = opened?.snapshotDirectory {
            try? FileManager.default.removeItem(at: snapshotDirectory)
        }
    }

    /// The connection, opening the file first when the last attempt found it busy.
    private func connected() throws -> StoreConnection {
        try connection.withLock { connection in
            if let connection { return connection }
            guard let opened = StoreOpener(directory: directory, options: options).open() else {
                throw StoreError.busy(path: databaseURL.path)
            }
            connection = opened
            return opened
        }
    }

    private var currentConnection: StoreConnection? { connection.withLock { $0 } }

    /// What the store may do. A store still waiting for another process's lock counts as read-write: nothing
    /// has refused a write.
    public var access: StoreAccess { currentConnection?.access ?? .readWrite }

    /// Why the store is read-only or disabled; nil when it is read-write (or still waiting for a lock).
    public var problem: StoreProblem? { currentConnection?.problem }

    /// True while the file has been locked by another process for longer than `options.busyTimeout` since
    /// this store was created; the next operation tries again.
    public var isBusy: Bool { currentConnection == nil }

    /// A line for the reader's status bar when bookmarks are read-only, disabled or busy; nil otherwise.
    public var notice: String? {
        guard let connection = currentConnection else { return StoreError.busy(path: databaseURL.path).description }
        guard let problem = connection.problem else { return nil }
        switch connection.access {
        case .readWrite: return nil
        case .readOnly: return "bookmarks are read-only: \(problem)"
        case .disabled: return "bookmarks are disabled: \(problem)"
        }
    }

    /// Opens the store in the default directory (`StoreLocation.defaultDirectory()`), with the busy timeout
    /// from `$DUIZHAO_STORE_BUSY_TIMEOUT` when set.
    public static func openDefault() -> BookmarkStore {
        open(at: StoreLocation.defaultDirectory(), options: .fromEnvironment())
    }

    // MARK: - Opening

    /// Opens (creating when needed) the store in `directory`. Never fails and never modifies a file it cannot
    /// use: see `access` and `problem`. Waits up to `options.busyTimeout` for a lock held by another process;
    /// if it stays locked, `isBusy` is true and each operation tries again.
    public static func open(at directory: URL, options: StoreOptions = StoreOptions()) -> BookmarkStore {
        let store = BookmarkStore(directory: directory, options: options)
        _ = try? store.connected()
        return store
    }

    /// What `inspect` found.
    enum Verdict: Sendable {
        case usable
        /// Readable, but must not be written.
        case readOnly(StoreProblem.Kind, String)
        case unusable(StoreProblem.Kind, String)
    }

    static func verdict(_ db: SQLiteConnection) throws -> Verdict {
        let check = try db.strings("PRAGMA quick_check")
        guard check == ["ok"] else {
            return .unusable(
                .corrupt, "the database is damaged (quick_check: \(check.prefix(3).joined(separator: "; ")))")
        }
        let tables = Set(try db.strings("SELECT name FROM sqlite_master WHERE type = 'table'"))
        if tables.isEmpty { return .usable }
        guard tables.contains("grdb_migrations") else {
            return .unusable(.notAStore, "is an SQLite database but not a duizhao bookmark store")
        }
        let applied = try StoreSchema.appliedIdentifiers(db)
        let unknown = applied.subtracting(StoreSchema.migrationIdentifiers).sorted()
        let userVersion = try StoreSchema.userVersion(db)
        guard unknown.isEmpty, userVersion <= BookmarkStoreInfo.schemaVersion else {
            let detail =
                unknown.isEmpty
                ? "was written by a newer duizhao (schema v\(userVersion); this version writes schema "
                    + "v\(BookmarkStoreInfo.schemaVersion))"
                : "was written by a newer duizhao (schema changes \(unknown.joined(separator: ", ")) are "
                    + "unknown to this version, which writes schema v\(BookmarkStoreInfo.schemaVersion))"
            // Listing may still work if the columns this build reads are there.
            do {
                _ = try db.fetchAll("SELECT \(StoreSchema.bookmarkColumns) FROM bookmark LIMIT 1") { Bookmark(row: $0) }
                return .readOnly(.newerSchema, detail + "; opened read-only")
            } catch {
                return .unusable(.newerSchema, detail + "; its bookmarks cannot be read by this version")
            }
        }
        return .usable
    }

    /// Whether this process may not write files past some size (`ulimit -f`).
    static func fileSizeIsLimited() -> Bool {
        var limit = rlimit()
        return getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 && limit.rlim_cur != rlim_t.max
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? SQLiteError {
            // A write past the file size limit (`ulimit -f`; SIGXFSZ is ignored, so it fails with EFBIG) or onto
            // a full disk: the operation is rolled back whole, and the message says why in the user's terms.
            // SQLite reports errno as it is when it records the failure, often no longer the write's EFBIG: a
            // write error or "full" while a file size limit is set is taken as that limit.
            let writeFailed = error.code == SQLiteError.ioError || error.code == SQLiteError.full
            if error.systemErrno == EFBIG || (writeFailed && fileSizeIsLimited()) {
                return "the bookmark store cannot grow: file size limit"
            }
            if error.systemErrno == ENOSPC || error.code == SQLiteError.full {
                return "the bookmark store cannot grow: the disk is full"
            }
            return error.message
        }
        if let posix = (error as? CocoaError)?.underlying as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))  // e.g. "Permission denied"
        }
        return "\(error)"
    }

    // MARK: - Access

    func requireWriter() throws -> SQLiteConnection {
        let connection = try connected()
        guard let writer = connection.writer else {
            throw StoreError.notWritable(
                connection.problem
                    ?? StoreProblem(kind: .openFailed, path: databaseURL.path, detail: "not open for writing"))
        }
        return writer
    }

    func requireReader() throws -> SQLiteConnection {
        let connection = try connected()
        guard let reader = connection.reader else {
            throw StoreError.unavailable(
                connection.problem ?? StoreProblem(kind: .openFailed, path: databaseURL.path, detail: "not open"))
        }
        return reader
    }

    /// Runs a database operation. A lock held by another process is waited for (SQLite's busy timeout, then
    /// retries until the same deadline) and then reported as `StoreError.busy`; a write the file system
    /// refuses becomes `StoreError.notWritable`; other SQLite failures `StoreError.databaseFailure`, naming
    /// the file. A failed transaction was rolled back, so retrying cannot apply a change twice.
    func perform<T>(_ operation: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(options.busyTimeout)
        while true {
            do {
                return try operation()
            } catch let error as SQLiteError {
                let opener = StoreOpener(directory: directory, options: options)
                switch opener.classify(error) {
                case .busy, .vanished:
                    guard Date() < deadline else { throw StoreError.busy(path: databaseURL.path) }
                    pause(seconds: 0.005)
                case .notWritable(let problem):
                    throw StoreError.notWritable(problem)
                case .unusable:
                    throw StoreError.databaseFailure(path: databaseURL.path, detail: Self.describe(error))
                }
            }
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
                        "INSERT OR IGNORE INTO document (fingerprint, title, titleKey, sketch) VALUES (?, ?, ?, ?)",
                        [
                            .text(documentRow.fingerprint), .text(documentRow.title), .text(documentRow.titleKey),
                            .text(documentRow.encodedSketch),
                        ])
                }
                try db.execute(
                    """
                    INSERT INTO bookmark (documentFingerprint, documentTitle, documentTitleKey, documentSource,
                        clauseID, clauseHeading, snippet, sentence, note, tags, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(anchor.documentFingerprint), .text(anchor.documentTitle), .text(anchor.documentTitleKey),
                        .text(anchor.documentSource), .text(anchor.clauseID), .text(anchor.clauseHeading),
                        .text(anchor.snippet), .text(anchor.sentence), .text(note),
                        .text(StoreSchema.encodeTags(cleanTags)), .real(now.timeIntervalSince1970),
                        .real(now.timeIntervalSince1970),
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
                try db.execute("DELETE FROM bookmark WHERE id = ?", [.integer(id)])
                return db.changes
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
                    "UPDATE bookmark SET \(assignment), updatedAt = ? WHERE id = ?",
                    [.text(argument), .real(Date().timeIntervalSince1970), .integer(id)])
                guard db.changes > 0 else { return nil }
                return try Self.fetchBookmarks(db, whereClause: "WHERE id = ?", arguments: [.integer(id)]).first
            }
        }
        guard let updated else { throw StoreError.noSuchBookmark(id) }
        return updated
    }

    /// The bookmark with this id, if any.
    public func bookmark(id: Int64) throws -> Bookmark? {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                try Self.fetchBookmarks(db, whereClause: "WHERE id = ?", arguments: [.integer(id)]).first
            }
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
                let sameTitle = try db.fetchAll(
                    "SELECT fingerprint, sketch FROM document WHERE titleKey = ? AND fingerprint != ?",
                    [.text(identity.titleKey), .text(identity.fingerprint)]
                ) { row in (fingerprint: row.string(0), sketch: ContentSketch(encoded: row.string(1))) }
                for row in sameTitle {
                    if identity.isSameDocument(
                        fingerprint: row.fingerprint, titleKey: identity.titleKey, source: "", sketch: row.sketch)
                    {
                        fingerprints.append(row.fingerprint)
                    }
                }
                let placeholders = Array(repeating: "?", count: fingerprints.count).joined(separator: ", ")
                let arguments =
                    fingerprints.map { SQLiteValue.text($0) } + [.text(identity.titleKey), .text(identity.source)]
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
    public func resolvedBookmarks(in document: PolicyDocument, identity: DocumentIdentity? = nil) throws
        -> [ResolvedBookmark]
    {
        let identity = identity ?? DocumentIdentity(document)
        let marks = try bookmarks(.document(identity))
        // The resolver indexes every division's normalised text: not worth it for no bookmarks (a reader's start).
        guard !marks.isEmpty else { return [] }
        return BookmarkAnchorResolver(document: document, identity: identity).resolve(marks)
    }

    /// The content sketches of the bookmarked documents, by fingerprint.
    public func documentSketches() throws -> [String: ContentSketch] {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                var sketches: [String: ContentSketch] = [:]
                let rows = try db.fetchAll("SELECT fingerprint, sketch FROM document") { row in
                    (fingerprint: row.string(0), sketch: ContentSketch(encoded: row.string(1)))
                }
                for row in rows {
                    if let sketch = row.sketch { sketches[row.fingerprint] = sketch }
                }
                return sketches
            }
        }
    }

    /// The number of bookmarks.
    public func count() throws -> Int {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in try db.fetchOne("SELECT COUNT(*) FROM bookmark") { Int($0.int64(0)) } ?? 0 }
        }
    }

    /// What a reader's first frame on `pair` shows of the store, as one line: its access and notice, the bookmark
    /// revision and the pair's reading state. Equal views give equal first frames (`FrameCache`).
    public func firstFrameView(of pair: DocumentPairKey) -> String {
        let revision = (try? revision()).map { String($0) } ?? "?"
        let state = (try? readingState(for: pair)) ?? nil
        let position = state.map { "\($0.clauseID ?? "")|\($0.documentSide)|\($0.focusedPane)" } ?? "-"
        let view = "\(access.rawValue)|\(notice ?? "")|\(revision)|\(position)"
        return String(view.map { $0.isNewline ? " " : $0 })  // one line
    }

    /// A counter that grows with every change to the bookmarks, from any process: reload when it changed.
    public func revision() throws -> Int64 {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in try db.fetchOne("SELECT value FROM storeRevision WHERE id = 1") { $0.int64(0) } ?? 0
            }
        }
    }

    private static func fetchBookmarks(
        _ db: SQLiteConnection, whereClause: String, arguments: [SQLiteValue]
    ) throws -> [Bookmark] {
        try db.fetchAll(
            "SELECT \(StoreSchema.bookmarkColumns) FROM bookmark \(whereClause) ORDER BY id", arguments
        ) { Bookmark(row: $0) }
    }

    private static func cleanTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.map(StoreSchema.sanitizedTag).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    // MARK: - Reading state

    /// Remembers where the reader is in a document pair (replacing what was there). An unchanged position writes nothing (`updatedAt` is when it last
    /// changed): the store's files stay as they were, so a kept first frame is still known good by their stamps.
    public func saveReadingState(_ state: ReadingState, for pair: DocumentPairKey) throws {
        let writer = try requireWriter()
        try perform {
            try writer.write { db in
                try db.execute(
                    """
                    INSERT INTO readingState (pairKey, clauseID, documentSide, focusedPane, updatedAt)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(pairKey) DO UPDATE SET clauseID = excluded.clauseID,
                        documentSide = excluded.documentSide, focusedPane = excluded.focusedPane,
                        updatedAt = excluded.updatedAt
                    WHERE clauseID IS NOT excluded.clauseID OR documentSide IS NOT excluded.documentSide
                        OR focusedPane IS NOT excluded.focusedPane
                    """,
                    [
                        .text(pair.rawValue), .text(state.clauseID), .text(state.documentSide),
                        .text(state.focusedPane), .real(Date().timeIntervalSince1970),
                    ])
            }
        }
    }

    /// Where the reader was in this document pair, if it was ever saved.
    public func readingState(for pair: DocumentPairKey) throws -> ReadingState? {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                try db.fetchOne(
                    "SELECT clauseID, documentSide, focusedPane FROM readingState WHERE pairKey = ?",
                    [.text(pair.rawValue)]
                ) { ReadingState(row: $0) }
            }
        }
    }

    // MARK: - Maintenance

    /// The identifiers of the schema migrations applied to the file, in order.
    func appliedMigrations() throws -> [String] {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                try db.strings("SELECT identifier FROM grdb_migrations ORDER BY identifier")
            }
        }
    }

    /// SQLite's `PRAGMA integrity_check` of the file: `["ok"]` when healthy.
    public func integrityCheck() throws -> [String] {
        let reader = try requireReader()
        return try perform { try reader.read { db in try db.strings("PRAGMA integrity_check") } }
    }

    /// Writes a store as the first version (schema v1) did, with one bookmark. For tests of migrations.
    static func createStoreAtFirstVersion(at directory: URL, bookmark anchor: BookmarkAnchor) throws {
        let connection = try createStore(at: directory, upTo: "v1")
        defer { connection.close() }
        try insertTestBookmark(anchor, note: "from v1", into: connection)
    }

    /// Writes a store as a future duizhao would: this build's schema plus a migration it does not know.
    /// For tests of the newer-schema behaviour.
    static func createStoreFromNewerVersion(at directory: URL, bookmark anchor: BookmarkAnchor) throws {
        let future = StoreSchema.Migration(
            identifier: "v3-from-a-newer-duizhao",
            sql: """
                ALTER TABLE bookmark ADD COLUMN colour TEXT;
                CREATE TABLE collection (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                """)
        let connection = try createStore(at: directory, with: [future])
        defer { connection.close() }
        try insertTestBookmark(anchor, note: "from the future", into: connection, extraColumn: ("colour", "red"))
    }

    /// A WAL store in `directory` migrated up to `last` (all), plus `extra` migrations.
    private static func createStore(
        at directory: URL, upTo last: String? = nil, with extra: [StoreSchema.Migration] = []
    ) throws -> SQLiteConnection {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let connection = try SQLiteConnection(
            path: directory.appendingPathComponent(StoreLocation.databaseFileName).path)
        try connection.serialized { db in try db.execute("PRAGMA journal_mode = WAL") }
        try StoreSchema.migrate(connection, upTo: last, with: extra)
        return connection
    }

    private static func insertTestBookmark(
        _ anchor: BookmarkAnchor, note: String, into connection: SQLiteConnection,
        extraColumn: (name: String, value: String)? = nil
    ) throws {
        let extraName = extraColumn.map { ", " + $0.name } ?? ""
        let extraValue: [SQLiteValue] = extraColumn.map { [.text($0.value)] } ?? []
        try connection.write { db in
            try db.execute(
                """
                INSERT INTO bookmark (documentFingerprint, documentTitle, documentTitleKey, documentSource,
                    clauseID, clauseHeading, snippet, note, createdAt, updatedAt\(extraName))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0\(extraColumn == nil ? "" : ", ?"))
                """,
                [
                    .text(anchor.documentFingerprint), .text(anchor.documentTitle), .text(anchor.documentTitleKey),
                    .text(anchor.documentSource), .text(anchor.clauseID), .text(anchor.clauseHeading),
                    .text(anchor.snippet), .text(note),
                ] + extraValue)
        }
    }
}
