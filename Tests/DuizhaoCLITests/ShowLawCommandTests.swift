import DuizhaoTestSupport
import Foundation
import XCTest

/// `duizhao show` on a law: an article found by its printed label and printed as in the law, its 款 without
/// empty heading lines and its 项 with the label run into the text.
final class ShowLawCommandTests: XCTestCase {
    func testShowPrintsALawArticleAsPrinted() throws {
        let path = try ScratchDirectory("duizhao-cli", removedBy: addTeardownBlock).write(
            """
            某某管理法

            第一章 总则

            第一条 为了规范管理，制定本法。

            第二条 登记包括下列事项：
            （一）名称；
            （二）住所。
            登记应当公开。
            """, to: "law.md")
        let result = try runProcess(try BuiltBinary.duizhao(), ["show", "第2条", "--doc", path, "--width", "80"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(
            result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            [
                "第二条", "　　登记包括下列事项：", "　　（一）名称；", "　　（二）住所。", "　　登记应当公开。", "",
            ])
        let unknown = try runProcess(try BuiltBinary.duizhao(), ["show", "第九条", "--doc", path])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(
            unknown.standardError.contains("law.md") && unknown.standardError.contains("'第九条'"), unknown.standardError)
    }
}
