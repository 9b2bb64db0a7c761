import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

final class ReaderNavigationTests: XCTestCase {
    /// A long pair: 6 sections × 8 clauses, every clause linked to its twin, sentences carried.
    static func longPair(width: Int = 80, height: Int = 24, options: ReaderOptions = .init()) -> ReaderModel {
        let national = Fixture.long(sections: 6, clauses: 8, sentences: 5)
        let provincial = Fixture.long(sections: 6, clauses: 8, sentences: 4, marker: "省")
        let links = national.comparableUnits.map {
            ClauseLink(national: $0.id, provincial: $0.id, kind: .match, score: 0.9)
        }
        var model = ReaderModel(
            national: national, provincial: provincial, width: width, height: height, options: options)
        _ = model.update(.comparisonFinished(Comparison(links: links)))
        return model
    }

    func testReaderStartsAtTopWithNationalFocus() {
        let model = Self.longPair()
        XCTAssertEqual(model.focus, .national)
        XCTAssertEqual(model.render().role(of: " 长文档"), .paneTitleFocused)
        XCTAssertEqual(model.currentClause(.national), "1")
    }

    func testLineScrollMovesBothPanesTogether() {
        var model = Self.longPair(options: .init(showOutline: false))
        let before = model.render()
        model.press(.character("j"))
        let after = model.render()
        for row in 2..<(before.height - 1) {
            XCTAssertEqual(
                after.text(ofRow: row - 1), before.text(ofRow: row), "row \(row) moved up by one in both panes")
        }
        model.press(.down)
        model.press(.up)
        model.press(.character("k"))
        XCTAssertEqual(model.render(), before)
        // Scrolling up at the top stays at the top.
        model.press(.character("k"), times: 3)
        XCTAssertEqual(model.render(), before)
    }

    func testPagesAndEnds() {
        var model = Self.longPair(options: .init(showOutline: false))
        let first = model.render()
        let bodyRows = first.height - 2
        model.press(.character(" "))
        let paged = model.render()
        // The row below the last visible row is now the first one.
        model.press(.character("b"))
        XCTAssertEqual(model.render(), first)
        model.press(.pageDown)
        XCTAssertEqual(model.render(), paged)
        model.press(.pageUp)
        model.press(.character("j"), times: bodyRows)
        XCTAssertEqual(model.render(), paged, "a page is \(bodyRows) lines")

        model.press(.character("G"))
        let end = model.render()
        XCTAssertTrue(end.statusLine.contains("100%"), end.statusLine)
        XCTAssertNotNil(end.row(containing: "第48条第5句"), "the last clause is visible at the end")
        model.press(.character("j"), times: 5)
        XCTAssertEqual(model.render(), end, "no scrolling past the end")
        model.press(.home)
        XCTAssertEqual(model.render(), first)
        model.press(.end)
        XCTAssertEqual(model.render(), end)
        model.press(.character("g"))
        XCTAssertEqual(model.render(), first)
    }

    func testNextAndPreviousClauseMoveBothPanesToLinkedClauses() {
        var model = Self.longPair()
        model.press(.character("]"))
        XCTAssertEqual(model.currentClause(.national), "1.1", "from the section heading to its first clause")
        model.press(.character("]"))
        XCTAssertEqual(model.currentClause(.national), "1.2")
        XCTAssertEqual(model.currentClause(.provincial), "1.2")
        var screen = model.render()
        XCTAssertEqual(screen.row(containing: "2.条款2"), 1)
        XCTAssertEqual(screen.text(ofRow: 1).components(separatedBy: "2.条款2").count - 1, 2, "both panes at clause 2")
        XCTAssertTrue(screen.statusLine.contains("1、部分1 › 2.条款2"), screen.statusLine)
        model.press(.character("]"), times: 7)
        XCTAssertEqual(model.currentClause(.national), "2.9", "crosses into the next section")
        model.press(.character("["), times: 2)
        XCTAssertEqual(model.currentClause(.national), "1.7")
        // From inside a clause, [ returns to its start.
        model.press(.character("j"), times: 2)
        XCTAssertEqual(model.currentClause(.national), "1.7")
        model.press(.character("["))
        screen = model.render()
        XCTAssertEqual(screen.row(containing: "7.条款7"), 1)
    }

    func testNextAndPreviousSection() {
        var model = Self.longPair()
        model.press(.character("}"))
        var screen = model.render()
        XCTAssertEqual(screen.row(containing: "2、部分2"), 1, screen.lines.joined(separator: "\n"))
        model.press(.character("}"), times: 2)
        XCTAssertEqual(model.render().row(containing: "4、部分4"), 1)
        model.press(.character("{"))
        screen = model.render()
        XCTAssertEqual(screen.row(containing: "3、部分3"), 1)
        model.press(.character("}"), times: 10)
        XCTAssertNotNil(model.render().row(containing: "6、部分6"))
        XCTAssertNotNil(model.message)
    }

    func testTabCyclesFocusAndHeadersFollow() {
        var model = Fixture.model(width: 100, height: 24)
        func focusedTitle() -> String {
            let screen = model.render()
            var title = ""
            for column in 0..<screen.width where screen.rows[0][column].role == .paneTitleFocused {
                title += screen.rows[0][column].text
            }
            return title
        }
        XCTAssertTrue(focusedTitle().contains("关于测试的意见"))
        model.press(.tab)
        XCTAssertEqual(model.focus, .provincial)
        XCTAssertTrue(focusedTitle().contains("实施意见"))
        model.press(.tab)
        XCTAssertEqual(model.focus, .outline)
        XCTAssertTrue(focusedTitle().contains("目录"))
        XCTAssertEqual(model.focuses(after: [.tab, .backTab]), [.national, .outline])
        // Hidden outline: Tab skips it.
        XCTAssertEqual(model.focuses(after: [.character("t"), .tab, .tab]), [.national, .provincial, .national])
    }

    func testOutlineHighlightsCurrentClauseJumpsAndFolds() {
        var model = Self.longPair(width: 100, height: 30)
        _ = model.type(":3.20\n")
        var screen = model.render()
        // The outline is the first 20 columns at this width.
        let outlineRow = (1..<screen.height).first { (screen.column(of: "20.条款20", inRow: $0) ?? 99) < 20 }!
        XCTAssertEqual(screen.rows[outlineRow][screen.column(of: "20.条款20", inRow: outlineRow)!].role, .outlineCurrent)
        XCTAssertEqual(
            screen.roles(of: "20.条款20", minimumColumn: 21)?.first, .heading, "the pane heading is not highlighted")
        // Into the outline: the cursor starts on the current clause; move down two and open it.
        model.press(.backTab)
        XCTAssertEqual(model.focus, .outline)
        model.press(.character("j"), times: 2)
        model.press(.enter)
        XCTAssertEqual(model.focus, .national)
        XCTAssertEqual(model.currentClause(.national), "3.22")
        // Fold section 3 from the text pane: its clauses leave the outline, a + marks it.
        model.press(.character("o"))
        screen = model.render()
        XCTAssertNil(screen.row(containing: "21.条款21"))
        XCTAssertNotNil(screen.row(containing: "+3、部分3"))
        XCTAssertEqual(screen.role(of: "+3、部分3"), .outlineCurrent, "the folded section stands for the current clause")
        model.press(.character("o"))
        XCTAssertNotNil(model.render().row(containing: "21.条款21"))
        // Hide and show the outline.
        model.press(.character("t"))
        screen = model.render()
        XCTAssertFalse(screen.text(ofRow: 0).contains("目录"))
        XCTAssertEqual(screen.column(of: "国家 · 长文档", inRow: 0), 1, "the national pane starts at the left edge")
        model.press(.character("t"))
        XCTAssertTrue(model.render().text(ofRow: 0).contains("目录"))
    }

    func testOutlineFollowsTheFocusedDocument() {
        var model = Fixture.model(width: 100, height: 24)
        // The outline takes the first 20 columns at this width.
        func inOutline(_ text: String) -> Bool {
            let screen = model.render()
            return (1..<screen.height - 1).contains { row in (screen.column(of: text, inRow: row) ?? 99) < 20 }
        }
        XCTAssertTrue(inOutline("4.加强监管"))
        model.press(.tab)
        XCTAssertFalse(inOutline("4.加强监管"), "provincial outline has no national-only clause")
        XCTAssertTrue(inOutline("2.龙江特色"))
        let screen = model.render()
        XCTAssertTrue(screen.statusLine.contains("省级"))
    }

    func testJumpToClauseByNumber() {
        var model = Self.longPair()
        _ = model.type(":2.12\n")
        XCTAssertEqual(model.currentClause(.national), "2.12")
        _ = model.type(":30\n")
        XCTAssertEqual(model.currentClause(.national), "4.30", "a bare number finds the clause")
        _ = model.type(":99\n")
        XCTAssertEqual(model.currentClause(.national), "4.30")
        XCTAssertTrue(model.render().statusLine.contains("no clause 99"))
        // The prompt shows in the status line with the cursor after the text.
        _ = model.type(":1")
        let screen = model.render()
        XCTAssertTrue(screen.statusLine.hasPrefix("clause: 1"), screen.statusLine)
        XCTAssertEqual(screen.cursor, CursorPosition(row: screen.height - 1, column: 9))
        model.press(.escape)
        XCTAssertNil(model.render().cursor)
    }

    func testResizeKeepsTheCurrentClauseAndLine() {
        var model = Self.longPair()
        _ = model.type(":3.19\n")
        model.press(.character("j"), times: 2)
        let lineAtTop = model.render().text(ofRow: 1)
        model.press(.resize(width: 60, height: 20))
        XCTAssertEqual(model.currentClause(.national), "3.19")
        model.press(.resize(width: 160, height: 45))
        XCTAssertEqual(model.currentClause(.national), "3.19")
        model.press(.resize(width: 80, height: 24))
        XCTAssertEqual(model.currentClause(.national), "3.19")
        XCTAssertEqual(model.render().text(ofRow: 1), lineAtTop)
    }

    func testMouseWheelScrollsAndClickFocuses() {
        var model = Self.longPair(width: 100, height: 24)
        var expected = model
        expected.press(.character("j"), times: 3)
        model.press(.wheel(column: 50, row: 5, lines: 3))
        XCTAssertEqual(model.render(), expected.render())
        model.press(.wheel(column: 50, row: 5, lines: -3))
        XCTAssertEqual(model.currentClause(.national), "1")
        // A click on the provincial pane focuses it.
        model.press(.click(column: 90, row: 5))
        XCTAssertEqual(model.focus, .provincial)
        // The wheel over the outline moves its cursor.
        model.press(.wheel(column: 3, row: 5, lines: 2))
        XCTAssertEqual(model.focus, .outline)
    }

    func testQuitSavesReadingState() {
        var model = Self.longPair()
        _ = model.type(":2.10\n")
        model.press(.tab)
        let effects = model.update(.input(.character("q")))
        XCTAssertEqual(
            effects,
            [
                .saveReadingState(ReadingPosition(clauseID: "2.10", side: .provincial, focus: .provincial)), .quit,
            ])
    }

    func testRestoringAReadingPosition() {
        var model = Self.longPair()
        XCTAssertTrue(model.jump(toClause: "5.33", side: .provincial, focus: .provincial))
        XCTAssertEqual(model.focus, .provincial)
        XCTAssertEqual(model.currentClause(.provincial), "5.33")
        XCTAssertEqual(model.currentClause(.national), "5.33")
        XCTAssertFalse(model.jump(toClause: "no-such", focus: .national))
        XCTAssertEqual(model.currentClause(.national), "5.33", "position unchanged")
    }

    func testPositionPercentGrows() {
        var model = Self.longPair()
        func percent() -> Int {
            let status = model.render().statusLine
            let digits = status.split(separator: " ").last { $0.hasSuffix("%") }!.dropLast()
            return Int(digits)!
        }
        XCTAssertEqual(percent(), 0)
        model.press(.character("}"), times: 3)
        let middle = percent()
        XCTAssertGreaterThan(middle, 30)
        XCTAssertLessThan(middle, 70)
        model.press(.character("G"))
        XCTAssertEqual(percent(), 100)
    }
}
