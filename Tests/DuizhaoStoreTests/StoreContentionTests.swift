import DuizhaoCore
import Foundation
import XCTest

@testable import DuizhaoStore

/// Other processes using the store at the same moment: sidecars that vanish while a store opens, locks held
/// for a moment or for too long. None of these is a permission problem; a store never reports them as
/// read-only or disabled.
final class StoreContentionTests: XCTestCase {
    let national = BundledDocument.national.load()

    func databasePath(_ directory: URL) -> String {
        directory.appendingPathComponent(StoreLocation.databaseFileName).path
    }

    /// A store with one bookmark, closed again.
    func makeStore() throws -> URL {
        let directory = try temporaryDirectory()
        let store = BookmarkStore.open(at: directory)
        try store.addBookmark(clauseID: national.comparableUnits[0].id, in: national, note: "first")
        return directory
    }

    /// The exact interleaving of issue 14: another process's last connection closes (and SQLite deletes the
    /// `-wal` and `-shm` files) after the store looked at the directory and before it opens the database.
    func testSidecarsVanishingBetweenTheLookAndTheOpenAreNotAPermissionProblem() throws {
        let directory = try makeStore()
        let path = databasePath(directory)
        let other = try SQLiteConnection(path: path)
        try other.write { db in try db.execute("UPDATE bookmark SET note = 'other process' WHERE id = 1") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-shm"))

        let fileSystem = InterjectingFileSystem()
        fileSystem.interject(whenAskedAbout: path) {
            other.close()
        }
        let store = BookmarkStore.open(at: directory, options: StoreOptions(fileSystem: fileSystem))

        XCTAssertEqual(fileSystem.interjections, 1, "the other process closed between the look and the open")
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        XCTAssertNil(store.problem)
        XCTAssertEqual(try store.bookmarks().map(\.note), ["other process"])
        try store.addBookmark(clauseID: national.comparableUnits[1].id, in: national)
        XCTAssertEqual(try store.count(), 2)
    }

    /// SQLite's refusals are classified by asking the file system about a write of each file: sidecars that are
    /// gone ask for another try, a refused write makes the store read-only.
    func testAVanishedSidecarIsClassifiedAsATryAgainAndARefusedWriteAsReadOnly() throws {
        let directory = try makeStore()
        let path = databasePath(directory)
        let fileSystem = InterjectingFileSystem()
        let opener = StoreOpener(directory: directory, options: StoreOptions(fileSystem: fileSystem))
        let cannotOpen = SQLiteError(code: SQLiteError.cannotOpen, message: "unable to open database file")
        let readOnly = SQLiteError(code: SQLiteError.readOnly, message: "attempt to write a readonly database")

        fileSystem.openErrors = [path + "-wal": ENOENT, path + "-shm": ENOENT]
        XCTAssertEqual(opener.classify(cannotOpen), .vanished)
        XCTAssertEqual(opener.classify(readOnly), .vanished)
        XCTAssertEqual(opener.classify(SQLiteError(code: SQLiteError.busy)), .busy)
        XCTAssertEqual(opener.classify(SQLiteError(code: SQLiteError.locked)), .busy)
        XCTAssertEqual(opener.classify(SQLiteError(code: SQLiteError.readOnlyDatabaseMoved)), .vanished)

        fileSystem.openErrors = [path + "-shm": EACCES]
        guard case .notWritable(let sidecarProblem) = opener.classify(readOnly) else {
            return XCTFail("a sidecar that refuses writes makes the store read-only")
        }
        XCTAssertEqual(sidecarProblem.kind, .readOnlyLocation)
        XCTAssertTrue(sidecarProblem.detail.contains(path + "-shm"), sidecarProblem.detail)

        fileSystem.writeErrors = [path: EROFS]
        guard case .notWritable(let fileProblem) = opener.classify(cannotOpen) else {
            return XCTFail("a read-only file system makes the store read-only")
        }
        XCTAssertTrue(fileProblem.detail.contains("read-only file system"), fileProblem.detail)

        fileSystem.openErrors = [path: EACCES]
        guard case .unusable(let unreadable) = opener.classify(cannotOpen) else {
            return XCTFail("a database that cannot even be read is unusable")
        }
        XCTAssertEqual(unreadable.kind, .unreadable)
    }

    func testALockHeldForAMomentIsWaitedFor() throws {
        let directory = try makeStore()
        let holder = try LockHolder(path: databasePath(directory))
        // The lock is taken just before the store opens and released a little later.
        let fileSystem = InterjectingFileSystem()
        fileSystem.interject(whenAskedAbout: databasePath(directory)) {
            holder.lock()
            holder.release(after: 0.2)
        }
        let store = BookmarkStore.open(at: directory, options: StoreOptions(busyTimeout: 30, fileSystem: fileSystem))
        XCTAssertEqual(fileSystem.interjections, 1)
        XCTAssertFalse(store.isBusy)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")

        holder.lock()
        holder.release(after: 0.2)
        try store.addBookmark(clauseID: national.comparableUnits[1].id, in: national)
        XCTAssertEqual(try store.count(), 2)
    }

    func testALockHeldPastTheTimeoutIsBusyNeverReadOnlyAndNothingIsWritten() throws {
        let directory = try makeStore()
        let path = databasePath(directory)
        let holder = try LockHolder(path: path)
        let options = StoreOptions(busyTimeout: 0.1)

        // Locked while an open store writes.
        let store = BookmarkStore.open(at: directory, options: options)
        XCTAssertEqual(store.access, .readWrite)
        holder.lock()
        XCTAssertThrowsError(try store.addBookmark(clauseID: national.comparableUnits[1].id, in: national)) { error in
            XCTAssertEqual(error as? StoreError, .busy(path: path))
            XCTAssertEqual("\(error)", "\(path): the bookmark store is busy; try again")
        }
        XCTAssertEqual(store.access, .readWrite)
        XCTAssertNil(store.problem)

        holder.unlock()
        XCTAssertEqual(try store.count(), 1, "the refused add left nothing behind")
    }

    func testAStoreThatStaysLockedWhileItOpensIsBusyAndOpensOnItsNextOperation() throws {
        let directory = try temporaryDirectory()
        let path = databasePath(directory)
        // A first-version store: opening it migrates, which needs the write lock.
        try BookmarkStore.createStoreAtFirstVersion(
            at: directory, bookmark: BookmarkAnchor(document: national, division: national.comparableUnits[0]))
        let holder = try LockHolder(path: path)
        holder.lock()
        let store = BookmarkStore.open(at: directory, options: StoreOptions(busyTimeout: 0.1))
        XCTAssertTrue(store.isBusy)
        XCTAssertEqual(store.access, .readWrite, "busy is not read-only")
        XCTAssertNil(store.problem)
        XCTAssertEqual(store.notice, "\(path): the bookmark store is busy; try again")
        XCTAssertThrowsError(try store.addBookmark(clauseID: national.comparableUnits[2].id, in: national)) { error in
            XCTAssertEqual(error as? StoreError, .busy(path: path))
        }

        holder.unlock()
        try store.addBookmark(clauseID: national.comparableUnits[2].id, in: national)
        XCTAssertFalse(store.isBusy)
        XCTAssertNil(store.notice)
        XCTAssertEqual(try store.appliedMigrations(), StoreSchema.migrationIdentifiers)
        XCTAssertEqual(
            try store.bookmarks().map(\.anchor.clauseID),
            [national.comparableUnits[0].id, national.comparableUnits[2].id])
    }

    func testBusyTimeoutFromTheEnvironment() {
        XCTAssertEqual(StoreOptions.fromEnvironment(["DUIZHAO_STORE_BUSY_TIMEOUT": "0.5"]).busyTimeout, 0.5)
        XCTAssertEqual(StoreOptions.fromEnvironment(["DUIZHAO_STORE_BUSY_TIMEOUT": "soon"]).busyTimeout, 10)
        XCTAssertEqual(StoreOptions.fromEnvironment(["DUIZHAO_STORE_BUSY_TIMEOUT": "-1"]).busyTimeout, 10)
        XCTAssertEqual(StoreOptions.fromEnvironment([:]).busyTimeout, 10)
    }
}

/// The real file system, with answers the test overrides and actions it runs the first time a path is asked
/// about (what another process would do at that moment).
final class InterjectingFileSystem: StoreFileSystem, @unchecked Sendable {
    private let base = LocalStoreFileSystem()
    private let lock = NSLock()
    private var pending: [String: () -> Void] = [:]
    private var count = 0
    /// errno answers for `openError(atPath:writing:)`, reading or writing.
    var openErrors: [String: Int32] {
        get { lock.withLock { storedOpenErrors } }
        set { lock.withLock { storedOpenErrors = newValue } }
    }
    /// errno answers for `openError(atPath:writing: true)` only.
    var writeErrors: [String: Int32] {
        get { lock.withLock { storedWriteErrors } }
        set { lock.withLock { storedWriteErrors = newValue } }
    }
    private var storedOpenErrors: [String: Int32] = [:]
    private var storedWriteErrors: [String: Int32] = [:]

    /// How many interjections ran.
    var interjections: Int { lock.withLock { count } }

    func interject(whenAskedAbout path: String, _ action: @escaping () -> Void) {
        lock.withLock { pending[path] = action }
    }

    private func arrive(at path: String) {
        let action = lock.withLock { () -> (() -> Void)? in
            guard let action = pending.removeValue(forKey: path) else { return nil }
            count += 1
            return action
        }
        action?()
    }

    func itemKind(atPath path: String) -> StoreItemKind {
        arrive(at: path)
        return base.itemKind(atPath: path)
    }

    func createDirectory(atPath path: String) throws {
        arrive(at: path)
        try base.createDirectory(atPath: path)
    }

    func canCreateFiles(inDirectory path: String) -> Bool {
        arrive(at: path)
        return base.canCreateFiles(inDirectory: path)
    }

    func openError(atPath path: String, writing: Bool) -> Int32 {
        arrive(at: path)
        let overrides = lock.withLock { (storedOpenErrors, storedWriteErrors) }
        if writing, let code = overrides.1[path] { return code }
        return overrides.0[path] ?? base.openError(atPath: path, writing: writing)
    }
}

/// Holds an EXCLUSIVE lock on a database from another connection, as another process would.
final class LockHolder: @unchecked Sendable {
    private let connection: SQLiteConnection
    private let condition = NSCondition()
    private var held = false
    private var releaseRequested = false

    init(path: String) throws {
        connection = try SQLiteConnection(path: path, busyTimeout: 10)
    }

    /// Takes the lock on a background thread and returns once it is held.
    func lock() {
        condition.lock()
        while held { condition.wait() }
        releaseRequested = false
        condition.unlock()
        Thread.detachNewThread { [self] in
            try? connection.serialized { db in
                try db.execute("BEGIN EXCLUSIVE")
                condition.lock()
                held = true
                condition.broadcast()
                while !releaseRequested { condition.wait() }
                condition.unlock()
                try db.execute("ROLLBACK")
            }
            condition.lock()
            held = false
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        while !held { condition.wait() }
        condition.unlock()
    }

    /// Releases the lock and returns once it is released.
    func unlock() {
        condition.lock()
        releaseRequested = true
        condition.broadcast()
        while held { condition.wait() }
        condition.unlock()
    }

    /// Releases the lock `seconds` from now, without waiting.
    func release(after seconds: TimeInterval) {
        Thread.detachNewThread { [self] in
            Thread.sleep(forTimeInterval: seconds)
            unlock()
        }
    }
}
