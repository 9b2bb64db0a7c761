import DuizhaoCore
import DuizhaoTestSupport
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// The status line names a pair that is only `related` (side by side, nothing carried) and a link made by hand.
final class LinkNoteTests: XCTestCase {
    func model(_ links: [ClauseLink]) -> ReaderModel {
        let national = PolicyDocument(
            title: "国", divisions: [Fixture.clause("1", 1, "处罚", ["违反本法规定，开垦湿地的，处以罚款。"])])
        let provincial = PolicyDocument(
            title: "省", divisions: [Fixture.clause("1", 1, "处罚", ["违反本办法规定，在湿地内采砂的，没收违法所得。"])])
        var model = ReaderModel(
            national: national, provincial: provincial, width: 120, height: 20, options: .init(showOutline: false))
        _ = model.update(.comparisonFinished(Comparison(links: links)))
        return model
    }

    func statusLine(_ model: ReaderModel) -> String {
        let screen = model.render()
        return screen.text(ofRow: screen.height - 1)
    }

    func testRelatedAndHandLinksAreNamedInTheStatusLine() {
        let related = model([ClauseLink(national: "1", provincial: "1", kind: .related, score: 0.12)])
        XCTAssertTrue(statusLine(related).contains("related: same subject, another norm"), statusLine(related))
        // Side by side all the same: both texts on one row.
        let screen = related.render()
        XCTAssertEqual(screen.row(containing: "开垦湿地"), screen.row(containing: "在湿地内采砂"))

        let hand = model([ClauseLink(national: "1", provincial: "1", kind: .match, score: 0.12, source: .hand)])
        XCTAssertTrue(statusLine(hand).contains("✎ linked by hand"), statusLine(hand))
        // And in the gutter of the provision's first line, in both panes.
        let handScreen = hand.render()
        let gutter = handScreen.lines.dropLast().filter { $0.contains("✎") }
        XCTAssertEqual(gutter.count, 1, handScreen.lines.joined(separator: "\n"))
        XCTAssertEqual(gutter.first?.filter { $0 == "✎" }.count, 2, handScreen.lines.joined(separator: "\n"))
        XCTAssertFalse(statusLine(hand).contains("related"))

        let automatic = model([ClauseLink(national: "1", provincial: "1", kind: .match, score: 0.9)])
        XCTAssertFalse(statusLine(automatic).contains("related"), statusLine(automatic))
        XCTAssertFalse(statusLine(automatic).contains("✎"), statusLine(automatic))
    }
}

/// A national article carried into two provincial ones (村民委员会组织法 第二条 → 浙江 第二条 and 第八条, where its
/// duties went): the status line names both, and `=` goes to the one not already beside it.
final class MovedClauseNavigationTests: XCTestCase {
    func testEqualsGoesWhereTheRestOfTheArticleWent() throws {
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/zhejiang-2020.md").path)
        var model = ReaderModel(
            national: national, provincial: provincial, width: 160, height: 40, options: .init(showOutline: false))
        _ = model.update(.comparisonFinished(Comparator.compare(national: national, provincial: provincial)))
        _ = model.type(":第二条\n")
        XCTAssertTrue(model.render().statusLine.contains("carried in 第二条、第八条 (=)"), model.render().statusLine)
        model.press(.character("="))
        XCTAssertTrue(model.render().statusLine.contains("linked: 第八条"), model.render().statusLine)
    }
}
