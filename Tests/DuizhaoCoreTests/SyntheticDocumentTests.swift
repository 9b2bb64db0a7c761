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

    func testChineseNumeralsRoundTrip() {
        for value in [1, 9, 10, 11, 20, 99, 100, 101, 110, 999, 1000, 1001, 2024, 9999] {
            XCTAssertEqual(Numerals.chineseValue(Array(Numerals.chinese(value).unicodeScalars)), value, Numerals.chinese(value))
        }
    }
}
