import DuizhaoCompare
import Foundation
import XCTest

/// Citations in legal texts: what they point to, as the alignment uses them.
final class CitationTests: XCTestCase {
    func parse(_ text: String) -> [Citation] {
        var parser = CitationParser()
        return parser.citations(in: text)
    }

    func testANamedLawWithAnArticle() {
        let citations = parse("依照《中华人民共和国教师法》第十条的规定，取得教师资格。")
        XCTAssertEqual(citations.count, 1)
        XCTAssertEqual(citations[0].scope, .named("中华人民共和国教师法"))
        XCTAssertEqual(citations[0].article, 10)
        XCTAssertNil(citations[0].paragraph)
        XCTAssertEqual(citations[0].introducer, "依照")
        XCTAssertEqual(citations[0].text, "《中华人民共和国教师法》第十条")
        XCTAssertTrue(citations[0].names(documentTitled: "中华人民共和国教师法"))
        XCTAssertTrue(citations[0].names(documentTitled: "教师法"))
        XCTAssertFalse(citations[0].names(documentTitled: "中华人民共和国村民委员会组织法"))
    }

    func testAWholeLawIsCitedWithoutAnArticle() {
        let citations = parse("根据《中华人民共和国村民委员会组织法》，结合本省实际，制定本办法。")
        XCTAssertEqual(citations.map(\.scope), [.named("中华人民共和国村民委员会组织法")])
        XCTAssertNil(citations[0].article)
        XCTAssertEqual(citations[0].introducer, "根据")
    }

    func testSelfReferencesWithListsAndDeepLocations() {
        let list = parse("（一）本法第二十三条、第二十四条规定的由村民会议讨论决定的事项；")
        XCTAssertEqual(list.map(\.scope), [.sameDocument, .sameDocument])
        XCTAssertEqual(list.map(\.article), [23, 24])
        let measure = parse("本办法第八条第一款第二项规定的事项")
        XCTAssertEqual(measure.count, 1)
        XCTAssertEqual(measure[0].scope, .sameDocument)
        XCTAssertEqual([measure[0].article, measure[0].paragraph, measure[0].item], [8, 1, 2])
        XCTAssertEqual(parse("补选程序参照本法第十五条的规定办理。").first?.introducer, "参照")
        XCTAssertEqual(parse("按照本条例第3条执行").map(\.article), [3])
    }

    func testItemsInheritTheirParagraphAcrossAList() {
        let citations = parse("对讨论决定第一款第五项、第六项、第八项和第九项等事项另有规定的")
        XCTAssertEqual(citations.map(\.scope), Array(repeating: .sameArticle, count: 4))
        XCTAssertEqual(citations.map(\.paragraph), [1, 1, 1, 1])
        XCTAssertEqual(citations.map(\.item), [5, 6, 8, 9])
        XCTAssertEqual(citations.map(\.article), [nil, nil, nil, nil])
    }

    func testRangesAndBareArticles() {
        XCTAssertEqual(parse("依照第十条至第十二条的规定").map(\.article), [10, 11, 12])
        let bare = parse("违反第三十二条第二款规定的")
        XCTAssertEqual(bare.map(\.scope), [.sameDocument])
        XCTAssertEqual(bare.first?.paragraph, 2)
        XCTAssertEqual(bare.first?.introducer, "违反")
    }

    func testPrecedingParagraphs() {
        let one = parse("村民会议可以授权村民代表会议讨论决定前款规定的事项。")
        XCTAssertEqual(one, [Citation(scope: .sameArticle, precedingParagraphs: 1, text: "前款")])
        XCTAssertEqual(parse("违反前两款规定的").first?.precedingParagraphs, 2)
        XCTAssertEqual(parse("本条第二款另有规定的除外").map(\.paragraph), [2])
    }

    func testAnAliasResolvesToTheFullTitleInLaterParagraphs() {
        var parser = CitationParser()
        let first = parser.citations(in: "根据《中华人民共和国村民委员会组织法》（以下简称《村民委员会组织法》），结合我省实际，制定本办法。")
        XCTAssertEqual(first.map(\.scope), [.named("中华人民共和国村民委员会组织法")])
        let later = parser.citations(in: "村民会议的组成和召集,按照《村民委员会组织法》的规定执行。")
        XCTAssertEqual(later.map(\.scope), [.named("中华人民共和国村民委员会组织法")])
        XCTAssertEqual(later.first?.introducer, "按照")
        XCTAssertEqual(parser.aliases, ["村民委员会组织法": "中华人民共和国村民委员会组织法"])
    }

    func testNestedTitlesAndOtherDocuments() {
        let amendment = parse("《关于修改〈浙江省村民委员会选举办法〉的决定》第一次修正")
        XCTAssertEqual(amendment.map(\.scope), [.named("关于修改〈浙江省村民委员会选举办法〉的决定")])
        XCTAssertNil(amendment.first?.article, "第一次 is not an article")
        let other = parse("村民委员会的成员按照《浙江省村民委员会选举办法》选举产生。")
        XCTAssertEqual(other.count, 1)
        XCTAssertFalse(other[0].names(documentTitled: "中华人民共和国村民委员会组织法"))
    }

    func testTextWithoutCitations() {
        XCTAssertEqual(parse("第一次会议通过，第二十二次会议修正，本法自公布之日起施行。前进。"), [])
        XCTAssertEqual(parse(""), [])
    }

    func testEveryCitationInARealLawPointsSomewhereSensible() throws {
        let url = LawCorpus.url("cunweihui/national.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var parser = CitationParser()
        let citations = text.split(separator: "\n").flatMap { parser.citations(in: String($0)) }
        let selfArticles = citations.filter { $0.scope == .sameDocument }.compactMap(\.article)
        XCTAssertEqual(selfArticles, [15, 23, 24])
        XCTAssertEqual(citations.filter { $0.precedingParagraphs == 1 }.count, 4)
    }
}
