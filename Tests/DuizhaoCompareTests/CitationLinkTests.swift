import DuizhaoCompare
import DuizhaoCore
import XCTest

/// Citations as evidence for links: a provincial article citing a national one is linked to it whatever the
/// similarity; citations of other documents or of the provincial text itself link nothing.
final class CitationLinkTests: XCTestCase {
    static let national = TestDocuments.law(
        "中华人民共和国示范管理法",
        [
            ["为了规范示范区的设立和管理，促进示范区健康发展，根据宪法，制定本法。"],
            ["示范区管理委员会由主任、副主任和委员共五至九人组成，任期五年。"],
            ["设立示范区应当编制建设规划，报省级人民政府批准后公布实施。"],
            ["示范区内的企业应当依法缴纳税款，接受税务机关的监督检查。"],
            ["本法自公布之日起施行。"],
        ])

    /// A provincial law of `articles` (each a list of paragraphs) compared with `national`.
    static func compare(_ title: String, _ articles: [[String]]) -> (provincial: PolicyDocument, comparison: Comparison)
    {
        let provincial = TestDocuments.law(title, articles)
        return (provincial, Comparator.compare(national: national, provincial: provincial))
    }

    func testACitedArticleIsLinkedEvenWithoutSharedWording() {
        let (provincial, comparison) = Self.compare(
            "某省实施《中华人民共和国示范管理法》办法",
            [
                ["为了规范示范区的设立和管理，根据《中华人民共和国示范管理法》，结合本省实际，制定本办法。"],
                // Nothing in common with national 第3条 but the citation.
                ["依照《中华人民共和国示范管理法》第三条的规定，本省各市县的示范园地图由省住房城乡建设厅审定。"],
                ["本办法自2020年1月1日起施行。"],
            ])
        let cited = comparison.links.first {
            $0.national == TestDocuments.id(3, in: Self.national)
                && $0.provincial == TestDocuments.id(2, in: provincial)
        }
        XCTAssertEqual(cited?.kind, .match)
        XCTAssertEqual(cited?.evidence.citations, ["《中华人民共和国示范管理法》第三条"])
        // The whole-law citation in the purpose article is no link to any particular article.
        XCTAssertEqual(
            comparison.links.first { $0.provincial == TestDocuments.id(1, in: provincial) }?.evidence.citations, [])
        XCTAssertFalse(comparison.provincialOnly.contains(TestDocuments.id(2, in: provincial)))
    }

    func testAnotherLawsArticleAndSelfCitationsAreNoLinks() {
        let (provincial, comparison) = Self.compare(
            "某省示范区条例",
            [
                ["依照《中华人民共和国税收征收管理法》第三条的规定，本省各市县的示范园地图由省住房城乡建设厅审定。"],
                ["本条例第一条规定的地图每年公布一次。"],
            ])
        XCTAssertEqual(comparison.links, [])
        XCTAssertEqual(comparison.provincialOnly, provincial.provisions.map(\.id))
    }

    func testAnAliasAndADeferralToTheWholeLaw() {
        let (provincial, comparison) = Self.compare(
            "某省实施办法",
            [
                ["根据《中华人民共和国示范管理法》（以下简称《示范管理法》），结合本省实际，制定本办法。"],
                ["示范区管理委员会的组成和任期，按照《示范管理法》的规定执行。", "管理委员会每年向社会公布工作报告。"],
            ])
        let deferred = comparison.links.first { $0.provincial == TestDocuments.id(2, in: provincial) }
        XCTAssertEqual(deferred?.national, TestDocuments.id(2, in: Self.national))
        XCTAssertEqual(deferred?.kind, .match)
        XCTAssertEqual(deferred?.evidence.citations, ["《示范管理法》"])
    }

    func testDeferringToTheLawAndAnotherTextAtOnceIsNoLink() {
        let (_, comparison) = Self.compare(
            "某省实施办法",
            [
                ["为了规范示范区的设立和管理，结合本省实际，制定本办法。"],
                ["示范区管理委员会的组成和任期，依照《中华人民共和国示范管理法》和《某省示范区选举办法》的规定执行。"],
            ])
        XCTAssert(comparison.links.allSatisfy { $0.evidence.citations.isEmpty }, "\(comparison.links)")
    }
}
