import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import DuizhaoTestSupport
import XCTest

@testable import DuizhaoSession

/// A correction made in the reader goes through the session into the store and back into the reader's
/// alignment; `u` takes it back out of both; a new session on the pair finds it in the store.
final class HandCorrectionSessionTests: XCTestCase {
    func testACorrectionMadeInTheReaderIsStoredAppliedAndUndone() throws {
        let directory = try ScratchDirectory("duizhao-corrections", removedBy: addTeardownBlock).url
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/zhejiang-2020.md").path)
        let automatic = Comparator.compare(national: national, provincial: provincial)
        // A national article the engine calls dropped, and a provincial one it calls provincial-only.
        let dropped = try XCTUnwrap(automatic.nationalOnly.first)
        let added = try XCTUnwrap(automatic.provincialOnly.first)
        let addedLabel = try XCTUnwrap(provincial.division(id: added)?.label)

        func session() -> ReaderSession {
            var model = ReaderModel(national: national, provincial: provincial, width: 120, height: 40)
            _ = model.update(.comparisonFinished(automatic))
            let session = ReaderSession(model: model)
            session.install(
                PersistenceStartup(
                    StorePersistence(
                        store: BookmarkStore.open(at: directory), national: national, provincial: provincial)
                ))
            return session
        }
        func send(_ session: ReaderSession, _ text: String) throws {
            for character in text { _ = try session.send(.input(.character(character))) }
        }
        let reader = session()
        let droppedLabel = try XCTUnwrap(national.division(id: dropped)?.label)
        try send(reader, ":" + droppedLabel + "\n")
        try send(reader, "a" + addedLabel)
        _ = try reader.send(.input(.enter))
        try send(reader, "m")
        let corrected = try XCTUnwrap(reader.model.reading?.comparison)
        let hand = try XCTUnwrap(corrected.links.first { $0.national == dropped && $0.provincial == added })
        XCTAssertEqual(hand.source, .hand)
        XCTAssertEqual(hand.kind, .match)
        XCTAssertFalse(corrected.nationalOnly.contains(dropped))
        // Kept: the store has it, and a new reader on the pair applies it.
        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(try store.corrections().count, 1)
        let again = try XCTUnwrap(
            StorePersistence(store: store, national: national, provincial: provincial).correctedComparison())
        XCTAssertTrue(again.links.contains { $0.national == dropped && $0.provincial == added && $0.source == .hand })
        // u: out of the store and out of the alignment.
        try send(reader, "u")
        XCTAssertEqual(try BookmarkStore.open(at: directory).corrections().count, 0)
        XCTAssertTrue(try XCTUnwrap(reader.model.reading?.comparison).nationalOnly.contains(dropped))
        XCTAssertFalse(try XCTUnwrap(reader.model.reading?.comparison).links.contains { $0.source == .hand })
    }
}
