import XCTest

@testable import DuizhaoCore

final class SyntheticDocumentTests: XCTestCase {
    func testSyntheticDocumentImportsWithEveryClauseAndLargeSectionNumbers() {
        let document = PolicyImporter.importText(SyntheticDocument.text(clauseCount: 1000), source: "synthetic")
        XCTAssertEqual(document.comparableUnits.count, 1000)
        XCTAssertEqual(document.divisions.count, 125)
        XCTAssertEqual(document.divisions.last?.label, "一百二十五、")
        XCTAssertEqual(document.comparableUnits.last?.id, "125.1000")
        XCTAssertTrue(document.warnings.isEmpty, "\(document.warnings.prefix(3))")
    }

    func testLawShapedSyntheticDocumentImportsEveryArticle() {
        let document = PolicyImporter.importText(SyntheticDocument.lawText(articleCount: 1234), source: "synthetic-law")
        XCTAssertEqual(document.provisions.count, 1234)
        XCTAssertEqual(document.provisions.last?.label, "第一千二百三十四条")
        XCTAssertEqual(document.divisions.count, 62)
        XCTAssertEqual(
            document.provisions[0].children.map(\.kind), [.articleParagraph, .articleParagraph, .articleParagraph])
        XCTAssertEqual(
            document.provisions[0].flattened.filter { $0.kind == .articleItem }.map(\.label), ["（一）", "（二）"])
        XCTAssertEqual(document.history.count, 1)
        XCTAssertTrue(document.warnings.isEmpty, "\(document.warnings.prefix(3))")
    }

    func testChineseNumeralsRoundTrip() {
        XCTAssertEqual(Numerals.value(Array("二〇一一".unicodeScalars)), 2011)
        XCTAssertEqual(Numerals.value(Array("一百零五".unicodeScalars)), 105)
        XCTAssertEqual(Numerals.value(Array("１２".unicodeScalars)), 12)
        XCTAssertNil(Numerals.value(Array("1二".unicodeScalars)))
        for value in [1, 9, 10, 11, 20, 99, 100, 101, 110, 999, 1000, 1001, 2024, 9999] {
            XCTAssertEqual(
                Numerals.value(Array(Numerals.chinese(value).unicodeScalars)), value, Numerals.chinese(value))
        }
    }
}
