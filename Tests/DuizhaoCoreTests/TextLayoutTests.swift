import XCTest

@testable import DuizhaoCore

final class TextLayoutTests: XCTestCase {
    func testDisplayWidthFollowsEastAsianWidth() {
        XCTAssertEqual(DisplayWidth.of("移动互联网"), 10)
        XCTAssertEqual(DisplayWidth.of("4G网络"), 6)
        XCTAssertEqual(DisplayWidth.of("，。（）"), 8)
        XCTAssertEqual(DisplayWidth.of("１．"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }

    func testWrappedLinesFitAndRespectKinsoku() {
        let text = BundledDocument.national.load().allDivisions.flatMap(\.paragraphs).joined()
        for width in [7, 10, 21, 40, 79] {
            let lines = LineBreaker.wrap(text, width: width)
            XCTAssertEqual(lines.joined(), text)
            for (index, line) in lines.enumerated() {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width)
                if index > 0, let first = line.unicodeScalars.first {
                    XCTAssertFalse(
                        LineBreaker.noLineStart.contains(first), "line starts with \(first) at width \(width)")
                }
                if index < lines.count - 1, let last = line.unicodeScalars.last {
                    XCTAssertFalse(LineBreaker.noLineEnd.contains(last), "line ends with \(last) at width \(width)")
                }
            }
        }
    }

    func testClosingPunctuationIsPulledBackWithItsCharacter() {
        XCTAssertEqual(LineBreaker.wrap("一二三四，五六", width: 8), ["一二三", "四，五六"])
        XCTAssertEqual(LineBreaker.wrap("一二三《四五》", width: 8), ["一二三", "《四五》"])
    }

    func testABracketedLatinWordGoesToTheNextLineWithItsBracket() {
        // `通信（4G）网络` at 14 cells would break inside 4G; the bracket, the word and its closing go down together.
        let lines = LineBreaker.wrap("全面推进第四代移动通信（4G）网络", width: 26)
        XCTAssertEqual(lines, ["全面推进第四代移动通信", "（4G）网络"])
        for width in 23...27 {
            let wrapped = LineBreaker.wrap("全面推进第四代移动通信（4G）网络", width: width)
            XCTAssertFalse(wrapped.contains { $0.hasSuffix("4") || $0.hasSuffix("（") }, "width \(width): \(wrapped)")
        }
    }

    func testLatinWordsStayWhole() {
        XCTAssertEqual(LineBreaker.wrap("推进WIFI覆盖", width: 7), ["推进", "WIFI覆", "盖"])
    }

    func testControlCharactersAreMadeVisible() {
        XCTAssertEqual(TerminalSafeText.sanitize("a\u{1B}[31mb\tc\u{7F}\u{85}"), "a^[[31mb c^?\u{FFFD}")
        XCTAssertEqual(TerminalSafeText.sanitize("正常文本"), "正常文本")
    }
}
