import DuizhaoCore
import Foundation
import XCTest

@testable import DuizhaoStore

final class BookmarkStoreTests: XCTestCase {
    let national = BundledDocument.national.load()
    let provincial = BundledDocument.provincial.load()

    func openStore(_ directory: URL) throws -> BookmarkStore {
        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        XCTAssertNil(store.problem)
        XCTAssertNil(store.notice)
        return store
    }

    func testOpenCreatesTheDirectoryAndTheDatabase() throws {
        let directory = try temporaryDirectory().appendingPathComponent("nested/data", isDirectory: true)
        let store = try openStore(directory)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("bookmarks.sqlite").path))
        XCTAssertEqual(store.databaseURL.lastPathComponent, "bookmarks.sqlite")
        XCTAssertEqual(try store.count(), 0)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }

    func testAddListUpdateAndRemove() throws {
        let store = try openStore(try temporaryDirectory())
        let units = national.comparableUnits
        let first = try store.addBookmark(
            clauseID: units[0].id, in: national, note: "要点", tags: ["review", " review ", ""])
        let second = try store.addBookmark(clauseID: units[1].id, in: national)
        XCTAssertEqual(first.tags, ["review"], "tags are trimmed, de-duplicated, empty ones dropped")
        XCTAssertLessThan(first.id, second.id)

        let listed = try store.bookmarks()
        XCTAssertEqual(listed.map(\.id), [first.id, second.id])
        XCTAssertEqual(listed[0].anchor.clauseID, units[0].id)
        XCTAssertEqual(listed[0].anchor.clauseHeading, units[0].heading)
        XCTAssertEqual(listed[0].anchor.documentTitle, national.title)
        XCTAssertEqual(listed[0].anchor.documentSource, "bundled:national")
        XCTAssertEqual(listed[0].anchor.documentFingerprint, national.fingerprint)
        XCTAssertEqual(listed[0].note, "要点")

        let edited = try store.updateNote(id: second.id, note: "改写\n两行")
        XCTAssertEqual(edited.note, "改写\n两行")
        XCTAssertEqual(try store.bookmark(id: second.id)?.note, "改写\n两行")
        XCTAssertEqual(try store.updateTags(id: second.id, tags: ["a", "b"]).tags, ["a", "b"])
        XCTAssertEqual(try store.bookmarks(BookmarkFilter(tag: "a")).map(\.id), [second.id])

        try store.remove(id: first.id)
        XCTAssertEqual(try store.bookmarks().map(\.id), [second.id])
        XCTAssertThrowsError(try store.remove(id: first.id)) { error in
            XCTAssertEqual(error as? StoreError, .noSuchBookmark(first.id))
        }
        XCTAssertThrowsError(try store.updateNote(id: 9999, note: "x")) { error in
            XCTAssertEqual(error as? StoreError, .noSuchBookmark(9999))
        }
        // Ids are never reused after a removal.
        let third = try store.addBookmark(clauseID: units[2].id, in: national)
        XCTAssertGreaterThan(third.id, second.id)
    }

    func testAddingAnUnknownClauseFails() throws {
        let store = try openStore(try temporaryDirectory())
        XCTAssertThrowsError(try store.addBookmark(clauseID: "99.99", in: national)) { error in
            XCTAssertEqual(error as? StoreError, .noSuchClause(id: "99.99", document: "bundled:national"))
        }
        XCTAssertEqual(try store.count(), 0)
    }

    func testSentenceBookmarksKeepTheirSentence() throws {
        let store = try openStore(try temporaryDirectory())
        let unit = national.comparableUnits[1]
        let sentence = try XCTUnwrap(unit.sentences.first)
        let bookmark = try store.addBookmark(clauseID: unit.id, in: national, sentence: sentence)
        XCTAssertEqual(try store.bookmark(id: bookmark.id)?.anchor.sentence, sentence)
    }

    func testBookmarksAreFilteredByDocument() throws {
        let store = try openStore(try temporaryDirectory())
        let nationalMark = try store.addBookmark(clauseID: national.comparableUnits[0].id, in: national)
        let provincialMark = try store.addBookmark(clauseID: provincial.comparableUnits[0].id, in: provincial)
        XCTAssertEqual(try store.bookmarks(.document(DocumentIdentity(national))).map(\.id), [nationalMark.id])
        XCTAssertEqual(try store.bookmarks(.document(DocumentIdentity(provincial))).map(\.id), [provincialMark.id])
        let resolved = try store.resolvedBookmarks(in: provincial)
        XCTAssertEqual(resolved.map(\.bookmark.id), [provincialMark.id])
        XCTAssertEqual(resolved.first?.resolution, .exact(clauseID: provincial.comparableUnits[0].id))
    }

    func testADocumentListsTheBookmarksOfItsOtherVersionsButNotOfNamesakes() throws {
        let store = try openStore(try temporaryDirectory())
        let original = BookmarkAnchoringTests.document(BookmarkAnchoringTests.clauses)
        let revised = BookmarkAnchoringTests.document(
            source: "revised-copy.txt",
            BookmarkAnchoringTests.clauses.map { ($0.0, $0.1.replacingOccurrences(of: "坚持创新发展", with: "坚持创新驱动发展")) })
        let namesake = BookmarkAnchoringTests.document(
            source: "other-province.txt", [("工作目标", "到二〇二〇年，全省移动互联网用户普及率达到百分之八十以上。")])
        XCTAssertNotEqual(revised.fingerprint, original.fingerprint)
        let onOriginal = try store.addBookmark(clauseID: "1.3", in: original)
        let onNamesake = try store.addBookmark(clauseID: "1.1", in: namesake)

        let forRevised = try store.resolvedBookmarks(in: revised)
        XCTAssertEqual(forRevised.map(\.bookmark.id), [onOriginal.id])
        XCTAssertEqual(forRevised.first?.resolution, .exact(clauseID: "1.3"))
        XCTAssertEqual(try store.resolvedBookmarks(in: namesake).map(\.bookmark.id), [onNamesake.id])
        XCTAssertEqual(Set(try store.documentSketches().keys), [original.fingerprint, namesake.fingerprint])
    }

    func testAFirstVersionStoreIsMigratedKeepingItsBookmarks() throws {
        let directory = try temporaryDirectory()
        let anchor = BookmarkAnchor(document: national, division: national.comparableUnits[1])
        try BookmarkStore.createStoreAtFirstVersion(at: directory, bookmark: anchor)
        let store = try openStore(directory)
        XCTAssertEqual(try store.appliedMigrations(), StoreSchema.migrationIdentifiers)
        XCTAssertEqual(try store.bookmarks().map(\.note), ["from v1"])
        // A bookmark from before sketches were recorded still belongs to its document by title.
        let resolved = try store.resolvedBookmarks(in: national)
        XCTAssertEqual(resolved.map(\.bookmark.note), ["from v1"])
        XCTAssertEqual(resolved.first?.resolution, .exact(clauseID: anchor.clauseID))
        try store.addBookmark(clauseID: national.comparableUnits[2].id, in: national)
        XCTAssertEqual(try store.count(), 2)
    }

    func testDataSurvivesReopening() throws {
        let directory = try temporaryDirectory()
        var bookmarkID: Int64 = 0
        do {
            let store = try openStore(directory)
            bookmarkID = try store.addBookmark(clauseID: national.comparableUnits[3].id, in: national, note: "n").id
            try store.saveReadingState(
                ReadingState(clauseID: "2.4", documentSide: "provincial", focusedPane: "outline"),
                for: DocumentPairKey(national: national, provincial: provincial))
        }
        let reopened = try openStore(directory)
        XCTAssertEqual(try reopened.bookmark(id: bookmarkID)?.note, "n")
        XCTAssertEqual(
            try reopened.readingState(for: DocumentPairKey(national: national, provincial: provincial)),
            ReadingState(clauseID: "2.4", documentSide: "provincial", focusedPane: "outline"))
    }

    func testReadingStateIsKeptPerDocumentPair() throws {
        let store = try openStore(try temporaryDirectory())
        let pair = DocumentPairKey(national: national, provincial: provincial)
        let alone = DocumentPairKey(national: national, provincial: nil)
        XCTAssertNil(try store.readingState(for: pair))
        try store.saveReadingState(
            ReadingState(clauseID: "1.2", documentSide: "national", focusedPane: "national"), for: pair)
        try store.saveReadingState(
            ReadingState(clauseID: nil, documentSide: "national", focusedPane: "outline"), for: alone)
        try store.saveReadingState(
            ReadingState(clauseID: "3.1", documentSide: "provincial", focusedPane: "provincial"), for: pair)
        XCTAssertEqual(
            try store.readingState(for: pair),
            ReadingState(clauseID: "3.1", documentSide: "provincial", focusedPane: "provincial"))
        XCTAssertEqual(
            try store.readingState(for: alone),
            ReadingState(clauseID: nil, documentSide: "national", focusedPane: "outline"))
    }

    func testTwoConnectionsSeeEachOthersChangesThroughTheRevision() throws {
        let directory = try temporaryDirectory()
        let first = try openStore(directory)
        let second = try openStore(directory)
        let start = try second.revision()
        let added = try first.addBookmark(clauseID: national.comparableUnits[0].id, in: national)
        let afterAdd = try second.revision()
        XCTAssertGreaterThan(afterAdd, start)
        XCTAssertEqual(try second.bookmarks().map(\.id), [added.id])
        try second.updateNote(id: added.id, note: "from the second")
        XCTAssertGreaterThan(try first.revision(), afterAdd)
        XCTAssertEqual(try first.bookmark(id: added.id)?.note, "from the second")
        let beforeRemove = try first.revision()
        try second.remove(id: added.id)
        XCTAssertGreaterThan(try first.revision(), beforeRemove)
        XCTAssertEqual(try first.count(), 0)
        // Reading state is not a bookmark change.
        let beforeState = try first.revision()
        try first.saveReadingState(
            ReadingState(clauseID: nil, documentSide: "national", focusedPane: "national"),
            for: DocumentPairKey(nationalFingerprint: "a", provincialFingerprint: nil))
        XCTAssertEqual(try second.revision(), beforeState)
    }

    func testConcurrentWritersInOneProcessLoseNothing() throws {
        let directory = try temporaryDirectory()
        let stores = [try openStore(directory), try openStore(directory)]
        let anchor = BookmarkAnchor(document: national, division: national.comparableUnits[0])
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<50 {
                do {
                    try stores[worker % 2].add(anchor, note: "\(worker)-\(index)")
                } catch {
                    failures.record("\(error)")
                }
            }
        }
        XCTAssertEqual(failures.messages, [])
        let notes = try stores[0].bookmarks().map(\.note)
        XCTAssertEqual(notes.count, 200)
        XCTAssertEqual(Set(notes).count, 200)
    }

    func testDefaultDirectory() {
        XCTAssertEqual(
            StoreLocation.defaultDirectory(environment: ["DUIZHAO_DATA_DIR": "/d", "XDG_DATA_HOME": "/x", "HOME": "/h"])
                .path,
            "/d")
        XCTAssertEqual(
            StoreLocation.defaultDirectory(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path, "/x/duizhao")
        XCTAssertEqual(
            StoreLocation.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).path,
            "/h/.local/share/duizhao", "a relative XDG_DATA_HOME is ignored, as the XDG specification says")
        XCTAssertEqual(StoreLocation.defaultDirectory(environment: ["HOME": "/h"]).path, "/h/.local/share/duizhao")
    }
}

/// Collects error messages from concurrent workers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func record(_ message: String) {
        lock.lock()
        collected.append(message)
        lock.unlock()
    }

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
