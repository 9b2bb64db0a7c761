import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoSession

/// The reader's bookmarks on a law, through the real store: an untitled article is named by label and excerpt.
final class StorePersistenceLawTests: XCTestCase {
    func testABookmarkedArticleIsNamedByItsLabelAndExcerpt() throws {
        let directory = try ScratchDirectory("duizhao-session", removedBy: addTeardownBlock).url
        let law = PolicyImporter.importText(
            "某某管理法\n\n第一章 总则\n\n第一条 为了规范管理，制定本法。\n\n第二条 本法适用于全国。\n", source: "law.md")
        let persistence = StorePersistence(store: BookmarkStore.open(at: directory), national: law, provincial: nil)
        let notice = try persistence.perform(
            .addBookmark(BookmarkRequest(side: .national, clauseID: "1.2", clauseTitle: "第二条")))
        XCTAssertEqual(notice, "bookmarked 第二条", "the provision by its label, not its id")
        let withNote = try persistence.perform(
            .addBookmark(BookmarkRequest(side: .national, clauseID: "1.1", clauseTitle: "第一条", note: "注")))
        XCTAssertEqual(withNote, "bookmarked 第一条 with a note")
        _ = try persistence.perform(.removeBookmark(id: try XCTUnwrap(persistence.bookmarks().last?.id)))
        XCTAssertEqual(try persistence.bookmarks().map(\.clauseTitle), ["第二条 本法适用于全国…"])

        var model = ReaderModel(national: law, provincial: nil, width: 80, height: 12)
        _ = model.update(.input(.character(":")))
        for character in "第2条" { _ = model.update(.input(.character(character))) }
        _ = model.update(.input(.enter))
        let effects = model.update(.input(.character("m")))
        XCTAssertEqual(
            effects, [.addBookmark(BookmarkRequest(side: .national, clauseID: "1.2", clauseTitle: "第二条 本法适用于全国…"))])
        XCTAssertTrue(model.message?.hasPrefix("bookmarked: 第二条 本法适用于全国…") == true, model.message ?? "")
    }

    func testABookmarkMadeInTheReaderKeepsTheDocumentsAbsolutePath() throws {
        let directory = try ScratchDirectory("duizhao-session", removedBy: addTeardownBlock).url
        // Loaded as typed, relative to the working directory (`duizhao n.md`).
        let law = PolicyImporter.importText(
            "某某管理法\n\n第一章 总则\n\n第一条 为了规范管理，制定本法。\n\n第二条 本法适用于全国。\n", source: "sub/../n.md")
        let store = BookmarkStore.open(at: directory)
        let persistence = StorePersistence(store: store, national: law, provincial: nil)
        _ = try persistence.perform(.addBookmark(BookmarkRequest(side: .national, clauseID: "1.2", clauseTitle: "第二条")))
        let working = FileManager.default.currentDirectoryPath
        let stored = try store.bookmarks(.all).map(\.anchor.documentSource)
        XCTAssertEqual(stored, [URL(fileURLWithPath: working).appendingPathComponent("n.md").standardizedFileURL.path])
        XCTAssertTrue(stored[0].hasPrefix("/"), stored[0])
        XCTAssertFalse(stored[0].contains(".."), stored[0])
        XCTAssertEqual(DocumentIdentity.storedSource("bundled:national"), "bundled:national")
    }
}
