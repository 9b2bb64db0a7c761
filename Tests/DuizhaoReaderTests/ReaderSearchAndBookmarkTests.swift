import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

final class ReaderSearchTests: XCTestCase {
    func testIncrementalSearchFindsTextInTheProvincialPaneAndHighlightsIt() {
        var model = ReaderNavigationTests.longPair(width: 100, height: 24)
        _ = model.type("/第20条第2")
        var screen = model.render()
        XCTAssertTrue(screen.statusLine.hasPrefix("/第20条第2"), screen.statusLine)
        XCTAssertEqual(
            model.currentClause(.national), "3.19", "the view moved to show the match (not necessarily at the top)")
        XCTAssertEqual(screen.role(of: "第20条第2"), .searchCurrent)
        // While typing, the view follows the first match after where the search started.
        _ = model.type("句内容省")
        screen = model.render()
        let row = screen.row(containing: "第20条第2句内容省")!
        let provincialColumn = screen.column(of: "第20条第2句内容省", inRow: row)!
        XCTAssertGreaterThan(provincialColumn, 55, "the match is in the provincial pane")
        XCTAssertEqual(screen.rows[row][provincialColumn].role, .searchCurrent)
        _ = model.update(.input(.enter))
        screen = model.render()
        XCTAssertFalse(model.isPrompting)
        XCTAssertTrue(screen.statusLine.contains("/第20条第2句内容省"), "the search stays in effect")
    }

    func testNextAndPreviousWrapAroundWithMessage() {
        var model = ReaderNavigationTests.longPair(width: 100, height: 24)
        // "第48条第1句" occurs once per document (national left, provincial right, same row).
        _ = model.type("/第48条第1句\n")
        let first = model.render()
        let row = first.row(containing: "第48条第1句")!
        XCTAssertEqual(first.role(of: "第48条第1句"), .searchCurrent)
        model.press(.character("n"))
        var screen = model.render()
        let provincialColumn = screen.column(of: "第48条第1句", inRow: row, from: 55)!
        XCTAssertEqual(screen.rows[row][provincialColumn].role, .searchCurrent, "n goes to the provincial match")
        XCTAssertEqual(screen.role(of: "第48条第1句"), .searchMatch, "the national one stays highlighted")
        XCTAssertTrue(screen.statusLine.contains("match 2 of 2"), screen.statusLine)
        model.press(.character("n"))
        screen = model.render()
        XCTAssertTrue(screen.statusLine.contains("wrapped"), screen.statusLine)
        XCTAssertTrue(screen.statusLine.contains("match 1 of 2"), screen.statusLine)
        XCTAssertEqual(screen.role(of: "第48条第1句"), .searchCurrent, "back to the national match")
        model.press(.character("N"))
        screen = model.render()
        XCTAssertTrue(screen.statusLine.contains("wrapped"), screen.statusLine)
        XCTAssertEqual(screen.rows[row][provincialColumn].role, .searchCurrent)
        model.press(.character("N"))
        XCTAssertEqual(model.render().role(of: "第48条第1句"), .searchCurrent)
    }

    func testNoMatchMessageKeepsThePosition() {
        var model = ReaderNavigationTests.longPair()
        model.press(.character("]"), times: 3)
        let clause = model.currentClause(.national)
        _ = model.type("/不存在的词")
        XCTAssertTrue(model.render().statusLine.contains("no match"), model.render().statusLine)
        _ = model.update(.input(.enter))
        XCTAssertTrue(model.render().statusLine.contains("no match"))
        XCTAssertEqual(model.currentClause(.national), clause)
        model.press(.character("n"))
        XCTAssertTrue(model.render().statusLine.contains("no match"))
    }

    func testEscapeCancelsSearchAndRestoresPosition() {
        var model = ReaderNavigationTests.longPair()
        _ = model.type("/第40条")
        XCTAssertEqual(model.currentClause(.national), "5.39")
        model.press(.escape)
        XCTAssertEqual(model.currentClause(.national), "1")
        XCTAssertNil(model.searchQuery)
        // Backspace edits; on an empty prompt it cancels.
        _ = model.type("/条款")
        model.press(.backspace, times: 3)
        XCTAssertFalse(model.isPrompting)
    }

    func testSearchIgnoresCaseOfLatinLetters() {
        let national = PolicyDocument(title: "国", divisions: [Fixture.clause("1", 1, "甲", ["推动IPv6规模部署。"])])
        var model = ReaderModel(national: national, provincial: nil, width: 80, height: 24)
        _ = model.type("/ipv6\n")
        XCTAssertEqual(model.render().role(of: "IPv6"), .searchCurrent)
    }

    func testBundledPairFindsLongjiangStoryInTheProvincialPane() {
        let nationalDocument = BundledDocument.national.load()
        let provincialDocument = BundledDocument.provincial.load()
        var model = ReaderModel(national: nationalDocument, provincial: provincialDocument, width: 160, height: 45)
        _ = model.update(
            .comparisonFinished(Comparator.compare(national: nationalDocument, provincial: provincialDocument)))
        _ = model.type("/龙江故事\n")
        let screen = model.render()
        guard let row = screen.row(containing: "龙江故事") else {
            return XCTFail("龙江故事 not on screen:\n" + screen.lines.joined(separator: "\n"))
        }
        let column = screen.column(of: "龙江故事", inRow: row)!
        XCTAssertGreaterThan(column, 90, "in the provincial pane")
        XCTAssertEqual(screen.rows[row][column].role, .searchCurrent)
    }
}

final class ReaderBookmarkTests: XCTestCase {
    func testMTogglesABookmarkOnTheCurrentClause() {
        var model = Fixture.model(width: 100, height: 24)
        _ = model.jump(toClause: "2.3", focus: .national)
        var effects = model.update(.input(.character("m")))
        XCTAssertEqual(
            effects, [.addBookmark(BookmarkRequest(side: .national, clauseID: "2.3", clauseTitle: "3.完善准入"))])
        XCTAssertTrue(model.render().statusLine.contains("bookmarked"))
        // The adapter stores it and passes the list back: marks appear in the outline and the pane gutter.
        _ = model.update(
            .bookmarksLoaded([ReaderBookmark(id: 7, side: .national, clauseID: "2.3", clauseTitle: "3.完善准入")]))
        let screen = model.render()
        let outlineRow = screen.row(containing: "3.完善准入")!
        XCTAssertEqual(screen.rows[outlineRow][0], Cell("*", .bookmark), "outline mark")
        let paneRow = (1..<screen.height).first { screen.column(of: "3.完善准入", inRow: $0, from: 21) != nil }!
        let headingColumn = screen.column(of: "3.完善准入", inRow: paneRow, from: 21)!
        XCTAssertEqual(screen.rows[paneRow][headingColumn - 1], Cell("*", .bookmark), "gutter mark")
        effects = model.update(.input(.character("m")))
        XCTAssertEqual(effects, [.removeBookmark(id: 7)])
        XCTAssertNil(model.render().row(containing: "*"))
    }

    func testProvincialBookmarkUsesTheProvincialClause() {
        var model = Fixture.model(width: 100, height: 24)
        _ = model.jump(toClause: "2.2", side: .provincial, focus: .provincial)
        let effects = model.update(.input(.character("m")))
        XCTAssertEqual(
            effects, [.addBookmark(BookmarkRequest(side: .provincial, clauseID: "2.2", clauseTitle: "2.龙江特色"))])
    }

    func testCapitalMAsksForANote() {
        var model = Fixture.model(width: 100, height: 24)
        _ = model.jump(toClause: "1.1", focus: .national)
        XCTAssertEqual(model.update(.input(.character("M"))), [])
        XCTAssertTrue(model.isPrompting)
        XCTAssertTrue(model.render().statusLine.hasPrefix("bookmark note: "))
        XCTAssertEqual(model.type("对照龙江"), [])
        let effects = model.update(.input(.enter))
        XCTAssertEqual(
            effects,
            [
                .addBookmark(
                    BookmarkRequest(
                        side: .national, clauseID: "1.1", clauseTitle: "1.指导思想", note: "对照龙江"))
            ])
        XCTAssertFalse(model.isPrompting)
        // M on a bookmarked clause edits its note.
        _ = model.update(
            .bookmarksLoaded([
                ReaderBookmark(id: 3, side: .national, clauseID: "1.1", clauseTitle: "1.指导思想", note: "对照龙江")
            ]))
        model.press(.character("M"))
        XCTAssertTrue(model.render().statusLine.hasPrefix("edit note: 对照龙江"))
        model.press(.backspace, times: 2)
        XCTAssertEqual(model.type("省\n"), [.updateBookmarkNote(id: 3, note: "对照省")])
    }

    func testBookmarkListJumpsDeletesEditsAndFilters() {
        var model = Fixture.model(width: 100, height: 24)
        _ = model.update(
            .bookmarksLoaded([
                ReaderBookmark(id: 1, side: .national, clauseID: "1.2", clauseTitle: "2.基本原则", note: "已删去"),
                ReaderBookmark(id: 2, side: .provincial, clauseID: "2.2", clauseTitle: "2.龙江特色"),
                ReaderBookmark(id: 3, side: .national, clauseID: "9.9", clauseTitle: "9.旧条款", isOrphaned: true),
            ]))
        model.press(.character("B"))
        XCTAssertTrue(model.isShowingBookmarks)
        var screen = model.render()
        XCTAssertEqual(screen.role(of: "国家 2.基本原则 — 已删去"), .outlineCurrent, "first entry selected")
        XCTAssertNotNil(screen.row(containing: "省级 2.龙江特色"))
        XCTAssertNotNil(screen.row(containing: "9.旧条款 (orphaned)"))
        // Enter on the second entry jumps to the provincial clause and focuses that pane.
        model.press(.character("j"))
        model.press(.enter)
        XCTAssertFalse(model.isShowingBookmarks)
        XCTAssertEqual(model.focus, .provincial)
        XCTAssertEqual(model.currentClause(.provincial), "2.2")
        // The orphaned one cannot be opened: a message, the position stays. (The list reopens at the top.)
        model.press(.character("B"))
        model.press(.character("G"))
        model.press(.enter)
        XCTAssertTrue(model.render().statusLine.contains("orphaned"), model.render().statusLine)
        XCTAssertEqual(model.currentClause(.provincial), "2.2")
        // Filter to the provincial document, edit its note, then delete it.
        model.press(.character("B"))
        model.press(.character("f"))
        model.press(.character("f"))
        screen = model.render()
        XCTAssertNil(screen.row(containing: "国家 2.基本原则"))
        XCTAssertNotNil(screen.row(containing: "省级 2.龙江特色"))
        model.press(.character("e"))
        XCTAssertEqual(model.type("特色\n"), [.updateBookmarkNote(id: 2, note: "特色")])
        XCTAssertTrue(model.isShowingBookmarks, "back in the list after editing a note")
        XCTAssertNotNil(model.render().row(containing: "省级 2.龙江特色 — 特色"))
        XCTAssertEqual(model.update(.input(.character("d"))), [.removeBookmark(id: 2)])
        XCTAssertNotNil(model.render().row(containing: "no bookmarks"))
        model.press(.escape)
        XCTAssertFalse(model.isShowingBookmarks)
    }
}

final class ReaderScalingTests: XCTestCase {
    /// Opening a long document and moving through it lays out only the blocks that are looked at.
    func testLayoutIsLazy() {
        let national = Fixture.long(sections: 250, clauses: 8, sentences: 6)
        let provincial = Fixture.long(sections: 250, clauses: 8, sentences: 5, marker: "省")
        let links = national.comparableUnits.map {
            ClauseLink(national: $0.id, provincial: $0.id, kind: .match, score: 0.9)
        }
        var model = ReaderModel(national: national, provincial: provincial, width: 160, height: 45)
        _ = model.update(.comparisonFinished(Comparison(links: links)))
        XCTAssertEqual(model.layout.pair.blockCount, 2250)
        _ = model.render()
        model.press(.character("j"), times: 10)
        model.press(.character("G"))
        XCTAssertNotNil(model.render().row(containing: "第2000条第6句"))
        model.press(.character("k"), times: 10)
        _ = model.render()
        XCTAssertLessThan(model.layout.laidOutBlockCount, 60, "only blocks near the top and the end were wrapped")
        // Jumping to the middle wraps a handful more.
        _ = model.type(":1000\n")
        XCTAssertEqual(model.currentClause(.national), "125.1000")
        XCTAssertLessThan(model.layout.laidOutBlockCount, 90)
    }

    func testPrefetchLaysOutAroundTheViewOnly() {
        let national = Fixture.long(sections: 100, clauses: 8, sentences: 6)
        let model = ReaderModel(national: national, provincial: nil, width: 80, height: 24)
        _ = model.render()
        let visible = model.layout.laidOutBlockCount
        model.prefetch(pages: 2)
        let prefetched = model.layout.laidOutBlockCount
        XCTAssertGreaterThan(prefetched, visible, "blocks below the view are laid out ahead")
        XCTAssertLessThan(prefetched, 60, "but not the whole document")
        let before = model.render()
        model.prefetch()
        XCTAssertEqual(model.render(), before, "prefetching changes nothing on screen")
    }

    func testMonotoneChainDropsCrossingLinks() {
        // Links 0-0, 1-3 (crossing), 2-1, 3-2: the best forward chain is 0-0, 2-1, 3-2.
        let chain = AlignmentBuilder.monotoneChain(
            [(0, 0, 1.0), (1, 3, 0.9), (2, 1, 0.8), (3, 2, 0.8)], provincialCount: 4)
        XCTAssertEqual(chain.map { [$0.national, $0.provincial] }, [[0, 0], [2, 1], [3, 2]])
        // Many-to-one links stay together.
        let merged = AlignmentBuilder.monotoneChain([(0, 0, 0.5), (1, 0, 0.5), (2, 1, 0.9)], provincialCount: 2)
        XCTAssertEqual(merged.map { [$0.national, $0.provincial] }, [[0, 0], [1, 0], [2, 1]])
    }

    func testCrossingLinkShowsWhereTheCounterpartIs() throws {
        var comparison = Fixture.comparison
        // Pretend national 2.4 implements provincial 1.1's neighbour… linked backwards to provincial 1.1.
        comparison.links.append(ClauseLink(national: "2.4", provincial: "1.1", kind: .partial, score: 0.3))
        comparison.nationalOnly.removeAll { $0 == "2.4" }
        var model = ReaderModel(national: Fixture.national, provincial: Fixture.provincial, width: 160, height: 45)
        _ = model.update(.comparisonFinished(comparison))
        let screen = model.render()
        let row = screen.row(containing: "4.加强监管", from: model.geometry.frames.national!.x)!
        // Named as the provincial document prints it, not by its id (1.1).
        let heading = try XCTUnwrap(Fixture.provincial.division(id: "1.1")).heading
        XCTAssertTrue(screen.text(ofRow: row).contains("对应条款 \(heading) 在别处"), screen.text(ofRow: row))
        XCTAssertEqual(screen.role(of: "加强事中事后监管"), .normal, "not dropped, only placed elsewhere")
        XCTAssertTrue(screen.text(ofRow: row).contains("= 前往"), "the placeholder names the key")
        // = goes there: from national 2.4 to provincial 1.1, the provincial pane focused.
        _ = model.type(":2.4\n")
        XCTAssertEqual(model.currentClause(.national), "2.4")
        model.press(.character("="))
        XCTAssertEqual(model.readingScreen.focus, .provincial)
        XCTAssertEqual(model.currentClause(.provincial), "1.1")
        XCTAssertTrue(model.render().statusLine.contains("linked: " + heading), model.render().statusLine)
    }
}
