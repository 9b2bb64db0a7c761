import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import XCTest

/// A 公文 pair where the locality rewrites (`Tests/Fixtures/shapes/notice-*.txt`, written for this test in the shape
/// of a ministries' 通知 and a municipal 通知 that implements it, citing it by number): the local text carries three
/// of the five national items in its own words, in the same order, and adds two of its own. No pair shares a
/// sentence, so there is no strong link to anchor the order on; the items that are each other's best still are.
final class RewrittenNoticeTests: XCTestCase {
    func testItemsRewrittenInTheLocalitysOwnWordsAreFound() throws {
        let national = try PolicyImporter.importFile(
            at: TestCorpus.fixtures.appendingPathComponent("shapes/notice-national.txt").path)
        let local = try PolicyImporter.importFile(
            at: TestCorpus.fixtures.appendingPathComponent("shapes/notice-local-rewritten.txt").path)
        XCTAssertEqual(national.provisions.count, 5)
        XCTAssertEqual(local.provisions.count, 5)
        let comparison = Comparator.compare(national: national, provincial: local)
        let label = { (document: PolicyDocument, id: String) in document.division(id: id)?.title ?? id }
        let links = Set(
            comparison.implementingLinks.map { "\(label(national, $0.national))→\(label(local, $0.provincial))" })
        XCTAssertEqual(links, ["加强组织领导→明确工作责任", "规范资金管理→严格资金使用", "保障食品安全→确保食品安全"])
        XCTAssertEqual(comparison.provincialOnly.map { label(local, $0) }, ["开展营养监测", "加强督导检查"])
        XCTAssertEqual(comparison.nationalOnly.map { label(national, $0) }, ["改善供餐条件", "加强宣传教育"])
    }
}
