import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoSession

/// `FrameCache`: a frame is found only under its key and with the store as it was when the frame was made.
final class FrameCacheTests: XCTestCase {
    private func keep(_ text: String, in cache: FrameCache, forKey key: String, stamp: String) {
        cache.store(frame(text), forKey: key, storeStamp: stamp, pairKey: "n+p", storeView: "read-write||0|-")
    }

    private func frame(_ text: String) -> Screen {
        var writer = ScreenWriter(screen: Screen(width: 12, height: 2))
        writer.write(text, row: 0, column: 0, limit: 12, role: .heading)
        return writer.screen
    }

    func testAFrameIsFoundUnderItsKeyWithTheSameStoreStamp() throws {
        let directory = try ScratchDirectory("duizhao-frames", removedBy: addTeardownBlock)
        let cache = FrameCache(path: directory.path("frames"))
        let key = FrameCache.key(build: "test", inputs: ["file:a"], width: 12, height: 2)
        XCTAssertNil(cache.frame(forKey: key, storeStamp: "s1"), "nothing kept yet")
        keep("第一条", in: cache, forKey: key, stamp: "s1")
        XCTAssertEqual(cache.frame(forKey: key, storeStamp: "s1"), frame("第一条"))
        let kept = try XCTUnwrap(cache.kept(forKey: key))
        XCTAssertEqual(kept.screen, frame("第一条"))
        XCTAssertEqual(
            [kept.storeStamp, kept.pairKey, kept.storeView], ["s1", "n+p", "read-write||0|-"],
            "with the store it was made with")
        XCTAssertNil(cache.frame(forKey: key, storeStamp: "s2"), "the store changed since")
        keep("第二条", in: cache, forKey: key, stamp: "s2")
        XCTAssertEqual(cache.frame(forKey: key, storeStamp: "s2"), frame("第二条"), "the newer frame replaces it")
    }

    func testKeysDifferByBuildInputsAndSize() {
        let key = FrameCache.key(build: "b", inputs: ["file:a"], width: 80, height: 24)
        XCTAssertEqual(key, FrameCache.key(build: "b", inputs: ["file:a"], width: 80, height: 24))
        XCTAssertEqual(key.count, 16)
        let others = [
            FrameCache.key(build: "c", inputs: ["file:a"], width: 80, height: 24),
            FrameCache.key(build: "b", inputs: ["file:b"], width: 80, height: 24),
            FrameCache.key(build: "b", inputs: ["file:a", "file:b"], width: 80, height: 24),
            FrameCache.key(build: "b", inputs: [], width: 80, height: 24),
            FrameCache.key(build: "b", inputs: ["file:a"], width: 81, height: 24),
            FrameCache.key(build: "b", inputs: ["file:a"], width: 80, height: 25),
        ]
        XCTAssertEqual(Set(others + [key]).count, others.count + 1)
    }

    func testADamagedFrameIsAMissAndGoes() throws {
        let directory = try ScratchDirectory("duizhao-frames", removedBy: addTeardownBlock)
        let cache = FrameCache(path: directory.path("frames"))
        let key = FrameCache.key(build: "test", inputs: [], width: 12, height: 2)
        keep("第一条", in: cache, forKey: key, stamp: "s1")
        let file = directory.path("frames/\(key).frame")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertNotNil(FrameCache.kept(inFile: bytes))
        bytes.removeLast()
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        XCTAssertNil(cache.frame(forKey: key, storeStamp: "s1"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "the damaged file is removed")
    }

    func testTheStoreStampChangesWithEveryWrite() throws {
        let directory = try ScratchDirectory("duizhao-store", removedBy: addTeardownBlock)
        XCTAssertEqual(StoreLocation.stamp(directoryPath: directory.url.path), "-|-", "no store yet")
        let national = BundledDocument.national.load()
        let store = BookmarkStore.open(at: directory.url)
        let empty = StoreLocation.stamp(directoryPath: directory.url.path)
        XCTAssertNotEqual(empty, "-|-")
        _ = try store.addBookmark(
            clauseID: national.comparableUnits[0].id, in: national, identity: DocumentIdentity(national), note: "")
        let written = StoreLocation.stamp(directoryPath: directory.url.path)
        XCTAssertNotEqual(written, empty, "a bookmark changes the stamp")
        XCTAssertEqual(
            StoreLocation.stamp(directoryPath: directory.url.path), written, "reading the stamp changes nothing")
    }

    func testSavingAnUnchangedPositionLeavesTheStoreFilesAsTheyWere() throws {
        // A session that ends where it began must not invalidate the kept frame's stamp (nor write to disk).
        let directory = try ScratchDirectory("duizhao-store", removedBy: addTeardownBlock)
        let pair = DocumentPairKey(national: BundledDocument.national.load(), provincial: nil)
        let position = ReadingState(clauseID: "2.4", documentSide: "national", focusedPane: "national")
        /// A session's save: the store opened, the position saved, the store closed (released).
        func save(_ state: ReadingState) throws {
            try BookmarkStore.open(at: directory.url).saveReadingState(state, for: pair)
        }
        try save(position)
        let saved = StoreLocation.stamp(directoryPath: directory.url.path)
        usleep(20_000)  // a later write would carry a later modification time
        try save(position)
        XCTAssertEqual(StoreLocation.stamp(directoryPath: directory.url.path), saved, "the same position again")
        try save(ReadingState(clauseID: "2.4", documentSide: "national", focusedPane: "provincial"))
        XCTAssertEqual(
            try BookmarkStore.open(at: directory.url).readingState(for: pair)?.focusedPane, "provincial",
            "a change is saved")
        XCTAssertNotEqual(StoreLocation.stamp(directoryPath: directory.url.path), saved, "and changes the files")
    }

    func testTheStoreViewChangesWithWhatTheFirstFrameShowsOnly() throws {
        let directory = try ScratchDirectory("duizhao-store", removedBy: addTeardownBlock)
        let national = BundledDocument.national.load()
        let provincial = BundledDocument.provincial.load()
        let pair = DocumentPairKey(national: national, provincial: provincial)
        let other = DocumentPairKey(national: provincial, provincial: nil)
        let store = BookmarkStore.open(at: directory.url)
        let first = store.firstFrameView(of: pair)
        let stamp = StoreLocation.stamp(directoryPath: directory.url.path)

        try store.saveReadingState(
            ReadingState(clauseID: "2.4", documentSide: "national", focusedPane: "national"), for: other)
        XCTAssertNotEqual(StoreLocation.stamp(directoryPath: directory.url.path), stamp, "the files changed")
        XCTAssertEqual(store.firstFrameView(of: pair), first, "another pair's position is not in this pair's frame")

        try store.saveReadingState(
            ReadingState(clauseID: "3.9", documentSide: "national", focusedPane: "national"), for: pair)
        let moved = store.firstFrameView(of: pair)
        XCTAssertNotEqual(moved, first, "this pair's position is")

        _ = try store.addBookmark(clauseID: national.comparableUnits[1].id, in: national)
        XCTAssertNotEqual(store.firstFrameView(of: pair), moved, "so are the bookmarks")
    }
}
