import DuizhaoCore
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A store as opened: what it may do, why not more, and its connections.
struct StoreConnection: Sendable {
    var access: StoreAccess
    var problem: StoreProblem?
    var writer: SQLiteConnection?
    var reader: SQLiteConnection?
    /// A private copy of the file read in place of the original when the original cannot be opened in place.
    var snapshotDirectory: URL?
}

/// What SQLite's or the file system's refusal means for the store.
enum StoreFailure: Equatable {
    /// Another process holds a lock: wait and try again; never a reason for read-only.
    case busy
    /// A file (the database, its `-wal` or `-shm`) disappeared or was replaced under SQLite, as happens when
    /// the last connection of another process closes: try again.
    case vanished
    /// The file system refuses writes (permissions, read-only file system): read what can be read.
    case notWritable(StoreProblem)
    /// The file cannot be used at all.
    case unusable(StoreProblem)
}

/// Opens a store by trying: SQLite opens the file read-write and takes the write lock once; only when that is
/// refused is the refusal classified, asking the file system what it says to a write of each file.
struct StoreOpener {
    let directory: URL
    let options: StoreOptions
    var databasePath: String { directory.appendingPathComponent(StoreLocation.databaseFileName).path }
    private var fileSystem: any StoreFileSystem { options.fileSystem }

    /// The result of an attempt: a store, or `nil` when the file stayed busy for the whole timeout.
    func open() -> StoreConnection? {
        switch prepareDirectory() {
        case .failure(let problem): return Self.disabled(problem)
        case .success: break
        }
        if fileSystem.itemKind(atPath: databasePath) == .directory {
            // SQLite cannot open it, and nothing will change that by retrying.
            return Self.disabled(
                StoreProblem(kind: .notAStore, path: databasePath, detail: "is a directory, not a bookmark store"))
        }
        if fileSystem.itemKind(atPath: databasePath) == .missing
            && !fileSystem.canCreateFiles(inDirectory: directory.path)
        {
            // The only pre-check: the store directory does not come and go under another duizhao.
            return Self.disabled(
                StoreProblem(
                    kind: .readOnlyLocation, path: directory.path,
                    detail: "the directory is not writable, so the bookmark store cannot be created"))
        }
        let deadline = Date().addingTimeInterval(options.busyTimeout)
        var vanishedRetries = 0
        while true {
            do {
                return try withOpeningLock { try attemptOpen() }
            } catch {
                switch classify(error) {
                case .busy:
                    guard Date() < deadline else { return nil }
                    pause(seconds: 0.005)
                case .vanished:
                    vanishedRetries += 1
                    guard vanishedRetries < 20 else {
                        return Self.disabled(
                            StoreProblem(
                                kind: .openFailed, path: databasePath,
                                detail: "keeps changing while being opened (\(BookmarkStore.describe(error)))"))
                    }
                    pause(seconds: 0.002 * Double(vanishedRetries))
                case .notWritable(let problem):
                    return openSnapshot(problem: problem)
                case .unusable(let problem):
                    return Self.disabled(problem)
                }
            }
        }
    }

    /// Runs `body` holding an exclusive `flock` on the store directory, so that only one process at a time
    /// creates, checks or migrates the file: several commands started at once on a fresh store otherwise see one
    /// another's half-made schema. Held for the opening only (milliseconds), never for writes. The lock is on the
    /// directory itself, so no file is added beside the store; where the directory cannot be opened the body runs
    /// without it.
    private func withOpeningLock<T>(_ body: () throws -> T) rethrows -> T {
        let descriptor = Glibc.open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }  // closing releases the lock
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return try body()
    }

    private func prepareDirectory() -> Result<Void, StoreProblem> {
        switch fileSystem.itemKind(atPath: directory.path) {
        case .directory:
            return .success(())
        case .file:
            return .failure(StoreProblem(kind: .cannotCreate, path: directory.path, detail: "is not a directory"))
        case .missing:
            do {
                try fileSystem.createDirectory(atPath: directory.path)
                return .success(())
            } catch {
                return .failure(
                    StoreProblem(
                        kind: .cannotCreate, path: directory.path,
                        detail: "cannot create the bookmark directory (\(BookmarkStore.describe(error)))"))
            }
        }
    }

    /// One try: open read-write, check the file is a healthy store through that connection (nothing is written
    /// yet), ask for the write lock once, then migrate if needed. Throws what SQLite answered.
    ///
    /// One serial connection on the WAL file serves the process.
    private func attemptOpen() throws -> StoreConnection {
        let connection = try SQLiteConnection(path: databasePath, busyTimeout: options.busyTimeout)
        do {
            // Room for a 10,000-bookmark store in the page cache (the default is 2 MiB), so listings do not
            // re-read the file.
            try connection.serialized { db in try db.execute("PRAGMA cache_size = -16384") }
            switch try connection.read({ db in try BookmarkStore.verdict(db) }) {
            case .unusable(let kind, let detail):
                connection.close()
                return Self.disabled(StoreProblem(kind: kind, path: databasePath, detail: detail))
            case .readOnly(let kind, let detail):
                // Readable by this build but written by a newer one: read through this connection, never write.
                return StoreConnection(
                    access: .readOnly, problem: StoreProblem(kind: kind, path: databasePath, detail: detail),
                    writer: nil, reader: connection)
            case .usable:
                break
            }
            if connection.isReadOnly {
                // A file the file system refuses for writing (mode 0444 in a writable directory): SQLite opened it
                // read-only. Read through this connection and say so; asked of the connection, not by opening the
                // file again (closing another descriptor of it would drop this process's locks).
                return StoreConnection(
                    access: .readOnly,
                    problem: StoreProblem(
                        kind: .readOnlyLocation, path: databasePath,
                        detail: "the file is not writable, so changes cannot be saved"),
                    writer: nil, reader: connection)
            }
            try connection.serialized { db in
                // The answer to "may this process write?": SQLite opened the file read-only if the file system
                // refused it for writing, and then refuses a write transaction at once (SQLITE_READONLY, before
                // any lock is asked for). A busy answer means another process is writing: the file is writable,
                // and this store does not need the lock until it writes.
                db.setBusyTimeout(0)
                do {
                    try db.execute("BEGIN IMMEDIATE")
                    try db.execute("ROLLBACK")
                } catch let error as SQLiteError where error.code == SQLiteError.busy {
                    // Writable; locked by another process for now.
                }
                db.setBusyTimeout(options.busyTimeout)
                // FULL syncs the WAL at every commit, so a returned write is on disk.
                try db.execute("PRAGMA synchronous = FULL")
                // WAL (set once, when the store is created): readers never block the writer.
                if try db.strings("PRAGMA journal_mode") != ["wal"] {
                    try db.execute("PRAGMA journal_mode = WAL")
                }
            }
            // Two processes creating the store at once may both try a migration; the loser's transaction fails
            // (busy) and the next attempt finds the work done. A store that is up to date is only read here, so
            // opening does not wait for another process's write lock.
            var attempts = 0
            while try !StoreSchema.hasCompletedMigrations(connection) {
                do {
                    try StoreSchema.migrate(connection)
                } catch {
                    // Another process applied the same migration first ("table … already exists"): look again.
                    attempts += 1
                    if attempts >= 5 { throw error }
                }
            }
        } catch {
            connection.close()
            throw error
        }
        return StoreConnection(access: .readWrite, problem: nil, writer: connection, reader: connection)
    }

    // MARK: - Classifying refusals

    /// What an error from SQLite (or from opening) means. Permission problems are decided by asking the file
    /// system about a write of each file, never by whether a file is listed: a sidecar that is gone is not a
    /// permission problem.
    func classify(_ error: any Error) -> StoreFailure {
        guard let error = error as? SQLiteError else {
            return .unusable(
                StoreProblem(
                    kind: .openFailed, path: databasePath, detail: "cannot be opened (\(BookmarkStore.describe(error)))"
                ))
        }
        switch error.extendedCode {
        case SQLiteError.readOnlyDatabaseMoved:
            return .vanished
        case SQLiteError.readOnlyRecovery, SQLiteError.busyRecovery, SQLiteError.protocol:
            // Another connection is recovering the WAL.
            return .busy
        default:
            break
        }
        switch error.code {
        case SQLiteError.busy, SQLiteError.locked:
            return .busy
        case SQLiteError.readOnly, SQLiteError.cannotOpen, SQLiteError.permission:
            if Self.refusalReason(fileSystem.openError(atPath: databasePath, writing: false)) != nil {
                return .unusable(
                    StoreProblem(kind: .unreadable, path: databasePath, detail: "cannot be read (permission denied)"))
            }
            if let problem = writeRefusal() { return .notWritable(problem) }
            if error.extendedCode == SQLiteError.cannotOpenIsDirectory {
                return .unusable(StoreProblem(kind: .openFailed, path: databasePath, detail: "is a directory"))
            }
            // Every file accepts a write: what SQLite met is gone now (the database or a sidecar removed or
            // recreated by another process between two of SQLite's steps).
            return .vanished
        case SQLiteError.notADatabase:
            return .unusable(
                StoreProblem(
                    kind: .corrupt, path: databasePath,
                    detail: "is not a bookmark store: the file is not an SQLite database (corrupt or foreign file)"))
        case SQLiteError.corrupt:
            return .unusable(
                StoreProblem(
                    kind: .corrupt, path: databasePath,
                    detail: "the database is damaged (\(BookmarkStore.describe(error)))"))
        case SQLiteError.authorization:
            return .unusable(
                StoreProblem(kind: .unreadable, path: databasePath, detail: "cannot be read (permission denied)"))
        default:
            return .unusable(
                StoreProblem(
                    kind: .openFailed, path: databasePath, detail: "cannot be opened (\(BookmarkStore.describe(error)))"
                ))
        }
    }

    /// Why the file system refuses writes to the store, asked file by file (the database, then its directory,
    /// then each sidecar that is there); nil when nothing refuses.
    func writeRefusal() -> StoreProblem? {
        if let reason = Self.refusalReason(fileSystem.openError(atPath: databasePath, writing: true)) {
            return StoreProblem(
                kind: .readOnlyLocation, path: databasePath,
                detail: "the file is not writable (\(reason)), so changes cannot be saved")
        }
        if !fileSystem.canCreateFiles(inDirectory: directory.path) {
            return StoreProblem(
                kind: .readOnlyLocation, path: databasePath,
                detail:
                    "its directory is not writable (SQLite keeps its -wal and -shm files there), so changes cannot be saved"
            )
        }
        for sidecar in [databasePath + "-wal", databasePath + "-shm"] {
            // ENOENT (gone) is not a refusal.
            if let reason = Self.refusalReason(fileSystem.openError(atPath: sidecar, writing: true)) {
                return StoreProblem(
                    kind: .readOnlyLocation, path: databasePath,
                    detail: "\(sidecar) is not writable (\(reason)), so changes cannot be saved")
            }
        }
        return nil
    }

    /// Words for an errno that means "writing is not allowed here"; nil for any other answer.
    static func refusalReason(_ code: Int32) -> String? {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "read-only file system"
        default: return nil
        }
    }

    static func disabled(_ problem: StoreProblem) -> StoreConnection {
        StoreConnection(access: .disabled, problem: problem, writer: nil, reader: nil)
    }

    /// Reads a private copy of the database (and its WAL) when the original must not or cannot be opened.
    private func openSnapshot(problem: StoreProblem) -> StoreConnection {
        let fileManager = FileManager.default
        guard fileSystem.itemKind(atPath: databasePath) == .file else { return Self.disabled(problem) }
        let snapshotDirectory = fileManager.temporaryDirectory
            .appendingPathComponent("duizhao-store-\(ProcessInfo.processInfo.globallyUniqueString)", isDirectory: true)
        let copyPath = snapshotDirectory.appendingPathComponent(StoreLocation.databaseFileName).path
        do {
            try fileManager.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: databasePath, toPath: copyPath)
            // A WAL that vanished meanwhile was checkpointed into the file by its last writer.
            try? fileManager.copyItem(atPath: databasePath + "-wal", toPath: copyPath + "-wal")
            // The copy is ours: open it normally so SQLite can replay its WAL.
            let queue = try SQLiteConnection(path: copyPath)
            switch try queue.read({ db in try BookmarkStore.verdict(db) }) {
            case .usable:
                return StoreConnection(
                    access: .readOnly, problem: problem, writer: nil, reader: queue,
                    snapshotDirectory: snapshotDirectory)
            case .readOnly(let kind, let detail):
                return StoreConnection(
                    access: .readOnly,
                    problem: StoreProblem(kind: kind, path: databasePath, detail: detail + "; " + problem.detail),
                    writer: nil, reader: queue, snapshotDirectory: snapshotDirectory)
            case .unusable(let kind, let detail):
                queue.close()
                try? fileManager.removeItem(at: snapshotDirectory)
                return Self.disabled(StoreProblem(kind: kind, path: databasePath, detail: detail))
            }
        } catch {
            try? fileManager.removeItem(at: snapshotDirectory)
            if case .unusable(let unusable) = classify(error) { return Self.disabled(unusable) }
            return Self.disabled(
                StoreProblem(
                    kind: .openFailed, path: databasePath, detail: "cannot be opened (\(BookmarkStore.describe(error)))"
                ))
        }
    }
}

/// Sleeps the calling thread for `seconds` (a short wait before trying a busy file again).
func pause(seconds: Double) {
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
