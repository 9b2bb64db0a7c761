import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// `duizhao outline` on a saved web page, a Word file and PDFs, run as real processes: the page's outline is the clean
/// text's, and a scan or a missing `pdftotext` is one line naming the file and the problem, with a non-zero exit.
final class FormatCommandTests: XCTestCase {
    static func format(_ name: String) -> String {
        TestCorpus.fixtures.appendingPathComponent("formats").appendingPathComponent(name).path
    }

    func testOutlineOfASavedPageIsTheCleanTextsOutline() throws {
        let page = try runProcess(try BuiltBinary.duizhao(), ["outline", Self.format("gov-page.html")])
        XCTAssertEqual(page.status, 0, page.standardError)
        // The clean text the page was made from (`Tests/Fixtures/formats/make-fixtures.py`).
        let clean = TestCorpus.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/national.txt").path
        let text = try runProcess(try BuiltBinary.duizhao(), ["outline", clean])
        XCTAssertEqual(page.standardOutput, text.standardOutput)
        XCTAssertTrue(page.standardOutput.hasPrefix("关于促进移动互联网健康有序发展的意见\n"))
    }

    func testScannedPDFAndMissingPdftotextAreOneLineErrors() throws {
        let scanned = Self.format("scanned.pdf")
        let scan = try runProcess(try BuiltBinary.duizhao(), ["outline", scanned])
        XCTAssertNotEqual(scan.status, 0)
        XCTAssertEqual(scan.standardError.split(separator: "\n").count, 1, scan.standardError)
        XCTAssertTrue(scan.standardError.contains(scanned) && scan.standardError.contains("no text layer"))

        var environment = ProcessInfo.processInfo.environment
        environment["DUIZHAO_PDFTOTEXT"] = "/nonexistent/pdftotext"
        let printed = Self.format("printed-law.pdf")
        let missing = try runProcess(try BuiltBinary.duizhao(), ["outline", printed], environment: environment)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertEqual(missing.standardError.split(separator: "\n").count, 1, missing.standardError)
        XCTAssertTrue(missing.standardError.contains("poppler-utils"), missing.standardError)
    }
}
