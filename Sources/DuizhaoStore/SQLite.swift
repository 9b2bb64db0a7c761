internal import CSQLite
import FoundationEssentials
import Synchronization

// Every call into SQLite's C API is in this file, so that how SQLite is linked or loaded can change in one place.

/// An error SQLite answered: its result code (extended, as `sqlite3_extended_errcode` gives it) and message.
struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. `SQLITE_READONLY_DBMOVED` (776).
    var extendedCode: Int32
    var message: String
    /// The system's errno behind an I/O failure (`sqlite3_system_errno`: `EFBIG` past a file size limit, `ENOSPC`
    /// on a full disk), or 0.
    var systemErrno: Int32 = 0

    init(code: Int32, message: String? = nil, systemErrno: Int32 = 0) {
        extendedCode = code
        self.message = message ?? String(cString: sqlite3_errstr(code))
        self.systemErrno = systemErrno
    }

    /// The error SQLite recorded for `handle`'s last failed call.
    init(handle: OpaquePointer, message: String? = nil) {
        self.init(
            code: sqlite3_extended_errcode(handle), message: message ?? String(cString: sqlite3_errmsg(handle)),
            systemErrno: sqlite3_system_errno(handle))
    }

    /// The primary result code (the low byte of the extended one), e.g. `SQLITE_READONLY` (8).
    var code: Int32 { extendedCode & 0xFF }

    var description: String { "\(message) (SQLite error \(extendedCode))" }

    static let busy = SQLITE_BUSY
    static let ioError = SQLITE_IOERR
    static let full = SQLITE_FULL
    static let locked = SQLITE_LOCKED
    static let readOnly = SQLITE_READONLY
    static let cannotOpen = SQLITE_CANTOPEN
    static let permission = SQLITE_PERM
    static let notADatabase = SQLITE_NOTADB
    static let corrupt = SQLITE_CORRUPT
    static let authorization = SQLITE_AUTH
    static let `protocol` = SQLITE_PROTOCOL
    // Extended codes, as sqlite3.h defines them (its macros with parentheses are not imported into Swift).
    static let readOnlyDatabaseMoved = SQLITE_READONLY | (4 << 8)  // SQLITE_READONLY_DBMOVED
    static let readOnlyRecovery = SQLITE_READONLY | (1 << 8)  // SQLITE_READONLY_RECOVERY
    static let busyRecovery = SQLITE_BUSY | (1 << 8)  // SQLITE_BUSY_RECOVERY
    static let cannotOpenIsDirectory = SQLITE_CANTOPEN | (2 << 8)  // SQLITE_CANTOPEN_ISDIR
}

/// A value bound to a statement parameter.
enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    static func text(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }
}

/// One SQLite connection (`sqlite3 *`), used by one thread at a time: `read`, `write` and `serialized` take its
/// lock, and everything done with the connection they pass runs under it. Closed (`sqlite3_close_v2`) by `close`
/// or, at the latest, when the last reference goes.
final class SQLiteConnection: @unchecked Sendable {
    let path: String
    private var handle: OpaquePointer?
    private let serial = Mutex(())

    /// Opens `path` read-write (creating a missing file when `create`; SQLite falls back to read-only when the
    /// file system refuses writes) with extended result codes and `busyTimeout` for locks held by other
    /// connections, then reads the schema once, so that a file that is not a database fails here
    /// (SQLITE_NOTADB) rather than at the first query.
    init(path: String, create: Bool = true, busyTimeout: Double = 0) throws {
        self.path = path
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0)
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error =
                opened.map { SQLiteError(handle: $0) }
                ?? SQLiteError(code: code)
            sqlite3_close_v2(opened)  // releases a half-open handle (a no-op for nil)
            throw error
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        setBusyTimeout(busyTimeout)
        do {
            try execute("SELECT * FROM sqlite_master LIMIT 1")
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Closes the connection (idempotent). `sqlite3_close_v2` closes once the last statement is finalised.
    func close() {
        guard let handle else { return }
        self.handle = nil
        sqlite3_close_v2(handle)
    }

    private func liveHandle() throws -> OpaquePointer {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "the connection to \(path) is closed") }
        return handle
    }

    /// The error SQLite recorded for the connection's last failed call.
    func lastError(_ code: Int32) -> SQLiteError {
        guard let handle else { return SQLiteError(code: code) }
        return SQLiteError(handle: handle)
    }

    /// Whether SQLite opened the main database read-only (the file system refused it for writing): asked of the
    /// connection, without opening the file again.
    var isReadOnly: Bool {
        guard let handle else { return true }
        return sqlite3_db_readonly(handle, "main") == 1
    }

    /// How long SQLite's busy handler waits for another connection's lock (0: not at all).
    func setBusyTimeout(_ seconds: Double) {
        guard let handle else { return }
        sqlite3_busy_timeout(handle, Int32(clamping: Int((seconds * 1000).rounded())))
    }

    // MARK: - Serial access and transactions

    /// Runs `body` holding the connection's lock, outside any transaction.
    func serialized<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try serial.withLock { _ in try body(self) }
    }

    /// Runs `body` in a DEFERRED transaction (one consistent snapshot for all its reads).
    func read<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try serialized { db in try db.inTransaction("BEGIN DEFERRED", body) }
    }

    /// Runs `body` in an IMMEDIATE transaction (the write lock is taken at the start, so a transaction never
    /// fails half-way for a lock), committed when it returns and rolled back when it throws.
    func write<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try serialized { db in try db.inTransaction("BEGIN IMMEDIATE", body) }
    }

    /// Runs `body` between `begin` and COMMIT; rolls back when anything fails (the commit too).
    func inTransaction<T>(_ begin: String, _ body: (SQLiteConnection) throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            if let handle, sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    // MARK: - Statements

    /// Runs `sql`: one statement with `arguments`, or several separated by semicolons without.
    func execute(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
        if arguments.isEmpty {
            let handle = try liveHandle()
            var message: UnsafeMutablePointer<CChar>?
            let code = sqlite3_exec(handle, sql, nil, nil, &message)
            if code != SQLITE_OK {
                let text = message.map { String(cString: $0) }
                sqlite3_free(message)
                throw SQLiteError(handle: handle, message: text)
            }
            return
        }
        let statement = try prepare(sql, arguments)
        while try statement.step() {}
    }

    /// A prepared statement with `arguments` bound.
    func prepare(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> SQLiteStatement {
        let handle = try liveHandle()
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            sqlite3_finalize(prepared)
            throw code == SQLITE_OK
                ? SQLiteError(code: SQLITE_MISUSE, message: "no statement in: \(sql)") : lastError(code)
        }
        let statement = SQLiteStatement(prepared, connection: self)
        try statement.bind(arguments)
        return statement
    }

    /// Every row of `sql`, each made by `row` from the statement positioned on it.
    func fetchAll<T>(_ sql: String, _ arguments: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try prepare(sql, arguments)
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// The first row of `sql`, if any.
    func fetchOne<T>(_ sql: String, _ arguments: [SQLiteValue] = [], row: (SQLiteStatement) throws -> T) throws -> T? {
        let statement = try prepare(sql, arguments)
        return try statement.step() ? try row(statement) : nil
    }

    /// The first column of every row, as text (NULL as "").
    func strings(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [String] {
        try fetchAll(sql, arguments) { $0.string(0) }
    }

    /// The rowid of the last row inserted through this connection.
    var lastInsertedRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }
}

/// A prepared statement (`sqlite3_stmt *`), finalised when the last reference goes.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    fileprivate init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Binds `arguments` to the parameters `?1`, `?2`, … in order.
    func bind(_ arguments: [SQLiteValue]) throws {
        guard Int(sqlite3_bind_parameter_count(statement)) == arguments.count else {
            throw SQLiteError(
                code: SQLITE_RANGE,
                message: "\(arguments.count) arguments for \(sqlite3_bind_parameter_count(statement)) parameters")
        }
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let integer): code = sqlite3_bind_int64(statement, index, integer)
            case .real(let real): code = sqlite3_bind_double(statement, index, real)
            case .null: code = sqlite3_bind_null(statement, index)
            case .text(let text):
                // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
                let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
                code = sqlite3_bind_text(statement, index, text, -1, transient)
            }
            guard code == SQLITE_OK else { throw connection.lastError(code) }
        }
    }

    /// Advances to the next row: true on a row, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = connection.lastError(code)
            sqlite3_reset(statement)
            throw error
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    /// The column as text ("" for NULL).
    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column as text, nil for NULL.
    func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }
}
