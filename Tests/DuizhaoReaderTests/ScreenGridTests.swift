import XCTest

@testable import DuizhaoReader

/// The grid itself: the one cell writer (double-width repair), `changes(since:)`, and the text converters.
final class ScreenGridTests: XCTestCase {
    func screen(_ width: Int, _ height: Int, _ lines: [(String, StyleRole)]) -> Screen {
        var writer = ScreenWriter(screen: Screen(width: width, height: height))
        for (row, line) in lines.enumerated() {
            writer.write(line.0, row: row, column: 0, limit: width, role: line.1)
        }
        return writer.screen
    }

    // MARK: Writing

    func testOverwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = screen(6, 1, [("国家", .normal)])
        XCTAssertEqual(grid.rows[0].map(\.text), ["国", "", "家", "", " ", " "])
        grid.put(Cell("x"), row: 0, column: 1)  // the right half of 国
        XCTAssertEqual(grid.rows[0].map(\.text), [" ", "x", "家", "", " ", " "])
        grid.put(Cell("y"), row: 0, column: 2)  // the left half of 家
        XCTAssertEqual(grid.rows[0].map(\.text), [" ", "x", "y", " ", " ", " "])
        XCTAssertEqual(grid.lines, [" xy"])
    }

    func testWritingClipsAtTheLimitWithoutHalfCharactersAndSanitises() {
        var writer = ScreenWriter(screen: Screen(width: 8, height: 2))
        XCTAssertEqual(
            writer.write("ab国家", row: 0, column: 0, limit: 5, role: .normal), 4, "家 does not fit in one cell")
        writer.write("\u{1B}]0;title\u{07}", row: 1, column: 0, limit: 8, role: .normal)
        XCTAssertEqual(writer.screen.lines, ["ab国", "^[]0;tit"])
        writer.write("e\u{301}", row: 0, column: 5, limit: 8, role: .normal)
        XCTAssertEqual(writer.screen.rows[0][5].text, "e\u{301}", "a combining mark joins its character")
    }

    // MARK: Differences

    func testChangesOfAFirstFrameOrANewSizeAreEveryRowWhole() {
        let grid = screen(4, 2, [("ab", .normal)])
        XCTAssertEqual(
            grid.changes(since: nil), [RowChange(row: 0, columns: 0...3), RowChange(row: 1, columns: 0...3)])
        XCTAssertEqual(grid.changes(since: Screen(width: 5, height: 2)).count, 2)
        XCTAssertEqual(grid.changes(since: grid), [])
    }

    func testChangesSpanFromTheFirstToTheLastDifferingCell() {
        let old = screen(10, 3, [("abcdefghij", .normal), ("same", .normal), ("0123456789", .normal)])
        let new = screen(10, 3, [("abXdeYghij", .normal), ("same", .normal), ("0123456789", .heading)])
        XCTAssertEqual(new.changes(since: old), [RowChange(row: 0, columns: 2...5), RowChange(row: 2, columns: 0...9)])
    }

    func testChangesAreWidenedSoNoWideCharacterIsCutInHalf() {
        let old = screen(8, 1, [("ab国cd", .normal)])  // 国 at columns 2-3
        let new = screen(8, 1, [("ab国ce", .normal)])
        XCTAssertEqual(new.changes(since: old), [RowChange(row: 0, columns: 5...5)])
        let narrow = screen(8, 1, [("abxycd", .normal)])  // the wide character replaced by two narrow ones
        XCTAssertEqual(narrow.changes(since: old), [RowChange(row: 0, columns: 2...3)])
        let shifted = screen(8, 1, [("abc国d", .normal)])  // 国 moves to columns 3-4
        XCTAssertEqual(shifted.changes(since: old), [RowChange(row: 0, columns: 2...4)])
        let rightHalf = screen(8, 1, [("a国", .normal)])  // 国 at 1-2: old 2-3 held 国 too, only a shift
        XCTAssertEqual(rightHalf.changes(since: old).first?.columns.lowerBound, 1)
    }

    // MARK: Text

    func testPlainTextSkipsContinuationCellsAndTrimsBlanks() {
        let grid = screen(10, 3, [("国家 a", .heading), ("", .normal), ("x", .status)])
        XCTAssertEqual(grid.plainText, "国家 a\n\nx\n")
    }

    func testAnsiTextSetsEachLookOnceAndResetsAtLineEnds() {
        var writer = ScreenWriter(screen: Screen(width: 8, height: 2))
        writer.write("ab", row: 0, column: 0, limit: 8, role: .normal)
        writer.write("新", row: 0, column: 2, limit: 8, role: .inserted)
        writer.write("c", row: 0, column: 4, limit: 8, role: .normal)
        writer.fill(row: 1, from: 0, to: 8, role: .status)
        writer.write("ok", row: 1, column: 0, limit: 8, role: .status)
        let color = writer.screen.ansiText(colors: true)
        XCTAssertEqual(color, "ab\u{1B}[0;30;42m新\u{1B}[0mc\n\u{1B}[0;30;47mok      \u{1B}[0m\n")
        let mono = writer.screen.ansiText(colors: false)
        XCTAssertEqual(mono, "ab\u{1B}[0;1;4m新\u{1B}[0mc\n\u{1B}[0;7mok      \u{1B}[0m\n")
    }

    func testAnsiTextNeverPassesAControlCharacterPutDirectly() {
        var grid = Screen(width: 4, height: 1)
        grid.put(Cell("\u{1B}"), row: 0, column: 0)
        grid.put(Cell("\u{9B}"), row: 0, column: 1)
        grid.put(Cell("\u{07}"), row: 0, column: 2)
        for text in [grid.ansiText(colors: true), grid.ansiText(colors: false), grid.plainText] {
            XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x9B })
            XCTAssertEqual(text.unicodeScalars.filter { $0.value == 0x1B }.count, 0, "no escape but ours: \(text)")
        }
        XCTAssertEqual(grid.plainText, "\u{FFFD}\u{FFFD}\u{FFFD}\n")
    }
}
