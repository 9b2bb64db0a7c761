import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoReader

/// The reader's first screen at 80x24 on real pairs, whole frames expected in `Frames/`: the bundled pair (two
/// titles that start alike: each header starts with its side, 中央 and 黑龙江) and a law with its 实施办法.
final class FirstScreenFrameTests: XCTestCase {
    static func firstScreen(_ national: PolicyDocument, _ provincial: PolicyDocument?) -> Screen {
        var model = ReaderModel(national: national, provincial: provincial, width: 80, height: 24)
        if let provincial {
            _ = model.update(.comparisonFinished(Comparator.compare(national: national, provincial: provincial)))
        }
        return model.render()
    }

    func testTheBundledPairAt80x24() throws {
        let screen = Self.firstScreen(BundledDocument.national.load(), BundledDocument.provincial.load())
        XCTAssertEqual(screen.lines, try ExpectedFrame.lines("bundled-80x24"))
        let header = screen.lines[0]
        XCTAssertTrue(header.contains("│ 中央 · 关于") && header.contains("│ 黑龙江 · 关于"), header)
    }

    func testALawAndItsImplementingMeasuresAt80x24() throws {
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/zhejiang-2020.md").path)
        let screen = Self.firstScreen(national, provincial)
        XCTAssertEqual(screen.lines, try ExpectedFrame.lines("law-pair-80x24"))
        XCTAssertTrue(screen.lines[0].contains("│ 国家 · 中华人民共和国") && screen.lines[0].contains("│ 浙江 · "))
    }

    /// One document read alone is not called 国家, and `c` does not promise a comparison.
    func testOneDocumentAloneNamesNoSide() {
        var model = ReaderModel(national: BundledDocument.national.load(), provincial: nil, width: 80, height: 24)
        let screen = model.render()
        XCTAssertFalse(screen.lines[0].contains("国家") || screen.lines[0].contains("中央"), screen.lines[0])
        XCTAssertFalse(screen.statusLine.contains("国家"), screen.statusLine)
        model.press(.character("c"))
        XCTAssertTrue(model.render().statusLine.contains("one document: nothing to compare"))
        XCTAssertFalse(model.render().statusLine.contains("no comparison yet"))
    }
}
