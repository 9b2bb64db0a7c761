import Foundation
import XCTest

@testable import DuizhaoStore

/// The store's wrapper of SQLite's C API: values round-trip, transactions commit or roll back whole, errors
/// carry SQLite's code and message.
final class SQLiteWrapperTests: XCTestCase {
    func openDatabase() throws -> SQLiteConnection {
        let path = try temporaryDirectory().appendingPathComponent("test.sqlite").path
        let db = try SQLiteConnection(path: path)
        try db.serialized { db in
            try db.execute(
                "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, weight REAL, note TEXT)")
        }
        return db
    }

    func testValuesRoundTrip() throws {
        let db = try openDatabase()
        let name = "第二十四条 \u{1F} «ü» 🀄"
        let id = try db.write { db -> Int64 in
            try db.execute(
                "INSERT INTO item (name, weight, note) VALUES (?, ?, ?)", [.text(name), .real(2.5), .text(nil)])
            return db.lastInsertedRowID
        }
        let row = try db.read { db in
            try db.fetchOne("SELECT id, name, weight, note FROM item WHERE id = ?", [.integer(id)]) { row in
                "\(row.int64(0))|\(row.string(1))|\(row.double(2))|\(row.optionalString(3) ?? "NULL")"
            }
        }
        XCTAssertEqual(row, "\(id)|\(name)|2.5|NULL")
        let missing = try db.read { db in try db.fetchOne("SELECT id FROM item WHERE id = 99") { $0.int64(0) } }
        XCTAssertNil(missing)
    }

    func testAFailedWriteRollsBackWholeAndReportsSQLitesCodeAndMessage() throws {
        let db = try openDatabase()
        try db.write { db in try db.execute("INSERT INTO item (name) VALUES ('a')") }
        XCTAssertThrowsError(
            try db.write { db in
                try db.execute("INSERT INTO item (name) VALUES ('b')")
                try db.execute("INSERT INTO item (name) VALUES ('a')")
            }
        ) { error in
            let error = error as? SQLiteError
            XCTAssertEqual(error?.code, 19, "SQLITE_CONSTRAINT")
            XCTAssertEqual(error?.extendedCode, 19 | (8 << 8), "SQLITE_CONSTRAINT_UNIQUE")
            XCTAssertTrue(
                error?.message.contains("UNIQUE constraint failed: item.name") ?? false, "\(String(describing: error))")
        }
        XCTAssertEqual(try db.read { db in try db.strings("SELECT name FROM item ORDER BY id") }, ["a"])
        // The connection is usable after the rollback (no transaction left open).
        try db.write { db in try db.execute("INSERT INTO item (name) VALUES ('c')") }
        XCTAssertEqual(try db.read { db in try db.strings("SELECT name FROM item ORDER BY id") }, ["a", "c"])
    }

    func testWrongArgumentCountsAndBadSQLAreErrors() throws {
        let db = try openDatabase()
        XCTAssertThrowsError(
            try db.serialized { db in try db.execute("INSERT INTO item (name) VALUES (?)", [.integer(1), .null]) }
        ) {
            XCTAssertEqual(($0 as? SQLiteError)?.code, 25, "SQLITE_RANGE")
        }
        XCTAssertThrowsError(try db.serialized { db in try db.execute("SELECT * FROM missing") }) {
            let error = $0 as? SQLiteError
            XCTAssertEqual(error?.code, 1, "SQLITE_ERROR")
            XCTAssertEqual(error?.message, "no such table: missing")
        }
    }

    func testAFileThatIsNotADatabaseFailsAtOpenAndAClosedConnectionRefusesWork() throws {
        let path = try temporaryDirectory().appendingPathComponent("text.sqlite").path
        try Data(String(repeating: "not a database ", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SQLiteConnection(path: path)) { error in
            XCTAssertEqual((error as? SQLiteError)?.code, 26, "SQLITE_NOTADB")
        }
        XCTAssertThrowsError(try SQLiteConnection(path: path + ".missing", create: false)) { error in
            XCTAssertEqual((error as? SQLiteError)?.code, 14, "SQLITE_CANTOPEN")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".missing"))

        let db = try openDatabase()
        db.close()
        db.close()
        XCTAssertThrowsError(try db.read { db in try db.strings("SELECT 1") }) { error in
            XCTAssertEqual((error as? SQLiteError)?.code, 21, "SQLITE_MISUSE")
        }
    }
}
