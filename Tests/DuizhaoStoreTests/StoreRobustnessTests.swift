import DuizhaoCore
import Foundation
import XCTest

@testable import DuizhaoStore

/// A store that cannot be used fully opens read-only or disabled, says which file and what is wrong, and never
/// changes the file.
final class StoreRobustnessTests: XCTestCase {
    let national = BundledDocument.national.load()

    func databasePath(_ directory: URL) -> String {
        directory.appendingPathComponent("bookmarks.sqlite").path
    }

    /// Opens the store at `directory` and checks that it opened `access` with a `kind` problem whose notice names
    /// `path`, and that it refuses every change.
    func openRefusingChanges(
        _ directory: URL, access: StoreAccess, kind: StoreProblem.Kind, path: String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> BookmarkStore {
        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, access, file: file, line: line)
        XCTAssertEqual(store.problem?.kind, kind, store.notice ?? "", file: file, line: line)
        XCTAssertTrue(store.notice?.contains(path) ?? false, store.notice ?? "no notice", file: file, line: line)
        assertRefusesChanges(store, file: file, line: line)
        return store
    }

    func assertRefusesChanges(_ store: BookmarkStore, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(
            try store.addBookmark(clauseID: national.comparableUnits[0].id, in: national), file: file, line: line
        ) { error in
            guard case .notWritable(let problem) = error as? StoreError else {
                return XCTFail("expected notWritable, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(problem, store.problem, file: file, line: line)
        }
        XCTAssertThrowsError(try store.remove(id: 1), file: file, line: line)
        XCTAssertThrowsError(try store.updateNote(id: 1, note: "x"), file: file, line: line)
        XCTAssertThrowsError(
            try store.saveReadingState(
                ReadingState(clauseID: nil, documentSide: "national", focusedPane: "national"),
                for: DocumentPairKey(national: national, provincial: nil)), file: file, line: line)
    }

    func testRandomBytesAreReportedCorruptAndLeftUntouched() throws {
        let directory = try temporaryDirectory()
        let path = databasePath(directory)
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: path))
        let before = try FileSnapshot(directory: directory)

        let store = openRefusingChanges(directory, access: .disabled, kind: .corrupt, path: path)
        XCTAssertEqual(store.problem?.path, path)
        let notice = try XCTUnwrap(store.notice)
        XCTAssertTrue(notice.contains("not an SQLite database"), notice)
        XCTAssertThrowsError(try store.bookmarks()) { error in
            XCTAssertEqual(error as? StoreError, .unavailable(store.problem!))
        }
        XCTAssertEqual(
            try FileSnapshot(directory: directory), before, "the corrupt file and its directory are unchanged")
    }

    func testATruncatedDatabaseIsReportedAndLeftUntouched() throws {
        let directory = try temporaryDirectory()
        do {
            let store = BookmarkStore.open(at: directory)
            for unit in national.comparableUnits {
                try store.addBookmark(clauseID: unit.id, in: national, note: String(repeating: "注", count: 400))
            }
        }
        let path = databasePath(directory)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(data.count, 4096 * 3)
        // Keep the valid header page, damage the rest.
        var damaged = data.prefix(4096)
        damaged.append(Data(repeating: 0xA5, count: data.count - 4096))
        try damaged.write(to: URL(fileURLWithPath: path))
        let before = try FileSnapshot(directory: directory)

        _ = openRefusingChanges(directory, access: .disabled, kind: .corrupt, path: path)
        XCTAssertEqual(try FileSnapshot(directory: directory).files[path], before.files[path])
    }

    func testAStoreFromANewerVersionOpensReadOnly() throws {
        let directory = try temporaryDirectory()
        let anchor = BookmarkAnchor(document: national, division: national.comparableUnits[2])
        try BookmarkStore.createStoreFromNewerVersion(at: directory, bookmark: anchor)
        let path = databasePath(directory)
        let before = try FileSnapshot(directory: directory)

        let store = openRefusingChanges(directory, access: .readOnly, kind: .newerSchema, path: path)
        let notice = try XCTUnwrap(store.notice)
        XCTAssertTrue(notice.contains("newer duizhao"), notice)
        let listed = try store.bookmarks()
        XCTAssertEqual(listed.map(\.note), ["from the future"])
        XCTAssertEqual(listed.first?.anchor.clauseID, anchor.clauseID)
        XCTAssertEqual(try FileSnapshot(directory: directory).files[path], before.files[path])
    }

    func testTheSchemaVersionIsInTheHeaderAndANewerOneOpensReadOnly() throws {
        let directory = try temporaryDirectory()
        let anchor = BookmarkAnchor(document: national, division: national.comparableUnits[2])
        do {
            let store = BookmarkStore.open(at: directory)
            try store.add(anchor, note: "kept")
        }
        let path = databasePath(directory)
        do {
            let connection = try SQLiteConnection(path: path)
            XCTAssertEqual(try connection.strings("PRAGMA user_version"), [String(BookmarkStoreInfo.schemaVersion)])
            // A newer duizhao that records its version only in the header (no migration unknown by name).
            try connection.execute("PRAGMA user_version = \(BookmarkStoreInfo.schemaVersion + 1)")
            connection.close()
        }
        let before = try FileSnapshot(directory: directory)
        let store = openRefusingChanges(directory, access: .readOnly, kind: .newerSchema, path: path)
        let notice = try XCTUnwrap(store.notice)
        XCTAssertTrue(notice.contains("schema v\(BookmarkStoreInfo.schemaVersion + 1)"), notice)
        XCTAssertEqual(try store.bookmarks().map(\.note), ["kept"])
        XCTAssertEqual(try FileSnapshot(directory: directory).files[path], before.files[path])
    }

    func testADirectoryAtTheStorePathSaysSo() throws {
        let directory = try temporaryDirectory()
        let path = databasePath(directory)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let store = openRefusingChanges(directory, access: .disabled, kind: .notAStore, path: path)
        let notice = try XCTUnwrap(store.notice)
        XCTAssertTrue(notice.contains("is a directory"), notice)
        XCTAssertFalse(notice.contains("keeps changing"), notice)
    }

    func testAnotherApplicationsDatabaseIsLeftAlone() throws {
        let directory = try temporaryDirectory()
        let path = databasePath(directory)
        do {
            let other = try SQLiteConnection(path: path)
            try other.write { db in
                try db.execute(
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'x')")
            }
            other.close()
        }
        let before = try FileSnapshot(directory: directory)
        _ = openRefusingChanges(directory, access: .disabled, kind: .notAStore, path: path)
        XCTAssertEqual(try FileSnapshot(directory: directory).files[path], before.files[path])
    }

    func testAFileInPlaceOfTheDirectoryDisablesTheStore() throws {
        let parent = try temporaryDirectory()
        let blocker = parent.appendingPathComponent("data")
        try Data("not a directory".utf8).write(to: blocker)
        let store = BookmarkStore.open(at: blocker)
        XCTAssertEqual(store.access, .disabled)
        XCTAssertEqual(store.problem?.kind, .cannotCreate)
        XCTAssertEqual(store.problem?.path, blocker.path)
        XCTAssertEqual(try Data(contentsOf: blocker), Data("not a directory".utf8))
    }

    func testADirectoryThatCannotBeCreatedSaysWhyInTheSystemsWords() throws {
        let parent = try temporaryDirectory()
        let blocker = parent.appendingPathComponent("data")
        try Data("not a directory".utf8).write(to: blocker)
        let directory = blocker.appendingPathComponent("duizhao", isDirectory: true)
        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .disabled)
        XCTAssertEqual(store.problem?.kind, .cannotCreate)
        XCTAssertEqual(store.problem?.path, directory.path)
        XCTAssertEqual(
            store.problem?.detail, "cannot create the bookmark directory (\(String(cString: strerror(ENOTDIR))))")
        XCTAssertEqual(try Data(contentsOf: blocker), Data("not a directory".utf8))
    }

    // Permission checks do not apply to root; `StoreProcessTests` covers these cases for root by running the
    // CLI as an unprivileged user.

    func testAnUnreadableFileDisablesTheStore() throws {
        try XCTSkipIf(
            getuid() == 0, "root reads any file; covered by StoreProcessTests.testUnreadableStoreThroughTheCLI")
        let directory = try temporaryDirectory()
        do { try BookmarkStore.open(at: directory).addBookmark(clauseID: national.comparableUnits[0].id, in: national) }
        let path = databasePath(directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        _ = openRefusingChanges(directory, access: .disabled, kind: .unreadable, path: path)
    }

    func testAReadOnlyDirectoryOpensReadOnlyWithItsBookmarks() throws {
        try XCTSkipIf(
            getuid() == 0, "root writes anywhere; covered by StoreProcessTests.testReadOnlyDirectoryThroughTheCLI")
        let directory = try temporaryDirectory()
        let added = try BookmarkStore.open(at: directory).addBookmark(
            clauseID: national.comparableUnits[0].id, in: national)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        let before = try FileSnapshot(directory: directory)
        do {
            let store = BookmarkStore.open(at: directory)
            XCTAssertEqual(store.access, .readOnly)
            XCTAssertEqual(store.problem?.kind, .readOnlyLocation)
            XCTAssertEqual(try store.bookmarks().map(\.id), [added.id])
            assertRefusesChanges(store)
        }
        XCTAssertEqual(try FileSnapshot(directory: directory), before)
    }
}

/// The names and content digests of the files in a directory, to prove a store left them alone.
struct FileSnapshot: Equatable {
    var files: [String: String]

    init(directory: URL) throws {
        files = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            var hash = FNV1a64()
            hash.combine(try Data(contentsOf: URL(fileURLWithPath: path)))
            files[path] = hash.hexDigest
        }
    }
}
