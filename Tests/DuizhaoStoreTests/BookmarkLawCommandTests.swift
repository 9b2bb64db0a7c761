import DuizhaoCore
import Foundation
import XCTest

/// Bookmarks on a law through the CLI: added by printed label, listed and exported by label and excerpt.
extension StoreProcessTests {
    func testBookmarksOnALawAreAddedByLabelAndNamedByLabelAndExcerpt() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("law.md")
        try """
        某某管理法

        第一章 总则

        第一条 为了规范某某管理，保障公民合法权益，制定本法。

        第二条 村民委员会根据村民居住状况、人口多少设立。
        村民委员会的设立由乡镇人民政府提出。
        """.write(to: file, atomically: true, encoding: .utf8)
        let add = try run(["bookmarks", "add", "第2条", "--doc", file.path], storeDirectory: directory)
        XCTAssertEqual(add.status, 0, add.standardError)
        XCTAssertTrue(
            add.standardOutput.hasPrefix("added bookmark #1: 第二条 村民委员会根据村民居住状况、人口… [1.2]"), add.standardOutput)

        let list = try run(["bookmarks", "list"], storeDirectory: directory)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardOutput.hasPrefix("#1  某某管理法 › 第二条 村民委员会根据村民居住状况、人口… [1.2]"), list.standardOutput)

        let markdown = try run(["bookmarks", "export"], storeDirectory: directory)
        XCTAssertTrue(markdown.standardOutput.contains("### 第二条 村民委员会根据村民居住状况、人口… (1.2)"), markdown.standardOutput)

        let unknown = try run(["bookmarks", "add", "第九条", "--doc", file.path], storeDirectory: directory)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(
            unknown.standardError.contains("law.md") && unknown.standardError.contains("'第九条'"), unknown.standardError)

        // Two articles with an item （一）: the reference is ambiguous, nothing is added, the candidates are named.
        try (try String(contentsOf: file, encoding: .utf8) + "\n第三条 下列事项：\n（一）名称；\n（二）住所。\n第四条 下列事项：\n（一）财务；\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let ambiguous = try run(["bookmarks", "add", "（一）", "--doc", file.path], storeDirectory: directory)
        XCTAssertNotEqual(ambiguous.status, 0)
        XCTAssertTrue(
            ambiguous.standardError.contains("'（一）' is ambiguous: 第三条（一）")
                && ambiguous.standardError.contains("第四条（一）"), ambiguous.standardError)
        let after = try run(["bookmarks", "list"], storeDirectory: directory)
        XCTAssertFalse(after.standardOutput.contains("#2"), "nothing added")
    }
}
