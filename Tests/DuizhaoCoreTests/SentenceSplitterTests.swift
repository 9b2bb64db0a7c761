import XCTest

@testable import DuizhaoCore

final class SentenceSplitterTests: XCTestCase {
    func testSplitsOnChineseTerminators() {
        XCTAssertEqual(
            SentenceSplitter.split("加强管理。提升能力！是否可行？完善制度；结束"),
            ["加强管理。", "提升能力！", "是否可行？", "完善制度；", "结束"])
    }

    func testDoesNotSplitInsideQuotesOrBrackets() {
        XCTAssertEqual(
            SentenceSplitter.split("推动“互联网+。政务”发展。实施《办法。细则》。"),
            ["推动“互联网+。政务”发展。", "实施《办法。细则》。"])
    }

    func testClosingQuoteStaysWithItsSentence() {
        XCTAssertEqual(SentenceSplitter.split("他说：“好。”然后走了。"), ["他说：“好。”", "然后走了。"])
    }
}
