import DuizhaoCompare
import DuizhaoCore
import XCTest

@testable import DuizhaoReader

/// A stand-in for the next screen (the corpus matrix): a list of pairs; Enter opens a reading screen on one,
/// `q` closes it (and so quits, being the last screen).
struct PairListScreen: ScreenModel {
    var width: Int
    var height: Int
    var opened = 0

    mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        switch message {
        case .input(.resize(let newWidth, let newHeight)):
            width = newWidth
            height = newHeight
            return []
        case .input(.enter):
            opened += 1
            var reading = ReadingScreen(
                national: Fixture.national, provincial: Fixture.provincial, width: width, height: height)
            reading.closesOnEscape = true
            return [.push(reading)]
        case .input(.character("q")):
            return [.close]
        default:
            return []
        }
    }

    func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        writer.write("pairs: \(opened) opened", row: area.y, column: area.x, limit: area.x + area.width, role: .normal)
        if let notice = context.notice {
            writer.write(notice, row: area.bottom, column: area.x, limit: area.x + area.width, role: .statusMessage)
        }
    }
}

final class ScreenStackTests: XCTestCase {
    func testAScreenBeneathOpensAReadingScreenAndIsBackOnQuit() {
        var model = ReaderModel(root: PairListScreen(width: 80, height: 24), width: 80, height: 24)
        XCTAssertEqual(model.render().lines.first, "pairs: 0 opened")
        XCTAssertNil(model.reading)

        XCTAssertEqual(model.update(.input(.enter)), [])
        XCTAssertNotNil(model.reading, "Enter pushed a reading screen")
        XCTAssertTrue(model.render().lines.first?.contains("关于测试的意见") ?? false)
        model.press(.character("]"))
        let position = model.readingPosition

        // q in the reading screen saves its position and closes it; the list is back, the reader goes on.
        let effects = model.update(.input(.character("q")))
        XCTAssertEqual(effects, [.saveReadingState(position!)])
        XCTAssertNil(model.reading)
        XCTAssertEqual(model.render().lines.first, "pairs: 1 opened")

        // Esc closes the help first, then clears the search highlight, then goes back to the list.
        _ = model.update(.input(.enter))
        _ = model.type("/准入\n")
        model.press(.character("?"))
        model.press(.escape)
        XCTAssertFalse(model.isShowingHelp)
        model.press(.escape)
        XCTAssertNotNil(model.reading)
        XCTAssertNil(model.reading?.searchQuery)
        XCTAssertEqual(model.update(.input(.escape)).count, 1, "the position is saved")
        XCTAssertNil(model.reading)
        XCTAssertEqual(model.render().lines.first, "pairs: 2 opened")
        XCTAssertEqual(model.update(.input(.character("q"))), [.quit], "closing the last screen quits")
    }

    func testEscapeNeverClosesAReadingScreenThatWasNotOpenedFromAnother() {
        var model = Fixture.model()
        XCTAssertEqual(model.update(.input(.escape)), [])
        XCTAssertNotNil(model.reading)
    }

    func testResizesReachEveryScreenAndTheOverlayDrawsOverTheReadingScreen() {
        var model = ReaderModel(root: PairListScreen(width: 80, height: 24), width: 80, height: 24)
        _ = model.update(.input(.enter))
        model.press(.character("B"))
        _ = model.update(.input(.resize(width: 60, height: 16)))
        XCTAssertEqual(model.reading?.width, 60)
        XCTAssertEqual((model.stack.first as? PairListScreen)?.width, 60, "the screen beneath follows the resize too")
        let screen = model.render()
        XCTAssertEqual(screen.width, 60)
        XCTAssertNotNil(screen.row(containing: "no bookmarks"), "the list is drawn")
        XCTAssertTrue(screen.lines.first?.contains("关于测试") ?? false, "over the reading screen")
    }

    /// A note prompt opened from the bookmark list sits on the list; its text reaches the reading screen
    /// beneath both, and the list shows the new note when the prompt closes.
    func testRequestsPassThroughTheScreensThatDoNotTakeThem() {
        var model = Fixture.model()
        _ = model.update(
            .bookmarksLoaded([ReaderBookmark(id: 4, side: .national, clauseID: "2.3", clauseTitle: "3.完善准入")]))
        model.press(.character("B"))
        model.press(.character("e"))
        XCTAssertTrue(model.isPrompting)
        XCTAssertEqual(model.stack.count, 3)
        XCTAssertEqual(model.type("准入\n"), [.updateBookmarkNote(id: 4, note: "准入")])
        XCTAssertTrue(model.isShowingBookmarks)
        XCTAssertEqual(model.reading?.bookmarks.first?.note, "准入")
        XCTAssertNotNil(model.render().row(containing: "3.完善准入 — 准入"))
        XCTAssertEqual(model.message, "note saved")
    }

    func testNoticesLastUntilTheNextKey() {
        var model = Fixture.model()
        _ = model.update(.notice("store is read-only"))
        XCTAssertTrue(model.render().statusLine.contains("store is read-only"))
        _ = model.update(.comparisonProgress(0.5))
        XCTAssertTrue(model.render().statusLine.contains("store is read-only"), "background news keeps it")
        model.press(.character("j"))
        XCTAssertFalse(model.render().statusLine.contains("store is read-only"))
    }
}
