import XCTest

@testable import DuizhaoCore

/// Article labels as PDFs and web copies print them: run into the text (`第一条为了…`) and with a bracketed title
/// (`第一条【立法目的】…`, `第一条（目的）…`). Invented fixtures.
final class ArticleLabelShapeTests: XCTestCase {
    private func articles(_ document: PolicyDocument) -> [Division] {
        document.allDivisions.filter { $0.kind == .article }
    }

    func testArticleLabelsRunIntoTheirText() {
        let text = """
            某某省河道保护条例
            第一章总则
            第一条为了加强河道保护，制定本条例。
            第二条本条例适用于本省行政区域内的河道。
            第一条第二款规定的河道，由县级人民政府确定。
            第三条规定的事项另行公布。
            第三条县级以上人民政府负责河道保护工作。
            第二章管理
            第四条河道管理实行分级负责。
            第二条、第三条所称河道包括湖泊。
            第五条本条例自公布之日起施行。
            """
        let document = PolicyImporter.importText(text, source: "run-in.txt")
        let found = articles(document)
        XCTAssertEqual(found.map(\.label), ["第一条", "第二条", "第三条", "第四条", "第五条"])
        XCTAssertEqual(found[0].allParagraphs, ["为了加强河道保护，制定本条例。"])
        // A paragraph that starts with a reference is text of the article before it, never an article.
        XCTAssertEqual(
            found[1].allParagraphs,
            [
                "本条例适用于本省行政区域内的河道。", "第一条第二款规定的河道，由县级人民政府确定。",
                "第三条规定的事项另行公布。",
            ])
        XCTAssertEqual(found[3].allParagraphs, ["河道管理实行分级负责。", "第二条、第三条所称河道包括湖泊。"])
        XCTAssertEqual(document.divisions.map(\.title), ["总则", "管理"])
        XCTAssertFalse(document.warnings.contains { if case .outOfSequence = $0 { return true } else { return false } })
    }

    func testARunInReferenceThatLooksLikeTheNextArticleNeedsTheNumbering() {
        // `第四条为…` at the start of article 2's continuation paragraph skips a number: text, not an article.
        let text = """
            某某市物业管理办法
            第一条为规范物业管理，制定本办法。
            第二条本办法适用于本市。
            第四条为准的事项，适用前款规定。
            第三条本办法自发布之日起施行。
            """
        let found = articles(PolicyImporter.importText(text, source: "numbering.txt"))
        XCTAssertEqual(found.map(\.label), ["第一条", "第二条", "第三条"])
        XCTAssertEqual(found[1].allParagraphs.last, "第四条为准的事项，适用前款规定。")
    }

    func testChapterTitlesRunIntoTheirLabel() {
        let text = """
            某某省村务公开条例
            第一章总则
            第一条为了规范村务公开，制定本条例。
            第二章村务公开的内容、程序和监督
            第二条村务公开的内容包括财务收支。
            第一章规定的事项另行公布
            村民委员会应当及时公开村务。
            第三条本条例自公布之日起施行。
            """
        let document = PolicyImporter.importText(text, source: "chapters.txt")
        XCTAssertEqual(document.divisions.map(\.label), ["第一章", "第二章"])
        XCTAssertEqual(document.divisions.map(\.title), ["总则", "村务公开的内容、程序和监督"])
        let second = document.allDivisions.first { $0.kind == .article && $0.number == 2 }
        XCTAssertEqual(second?.allParagraphs, ["村务公开的内容包括财务收支。", "第一章规定的事项另行公布", "村民委员会应当及时公开村务。"])
    }

    func testTwoRunInLinesInAPlanMakeNoLaw() {
        let text = """
            某某市交通发展规划
            一、发展思路
            第一条主线是建设综合交通枢纽
            第二条主线是完善城乡路网
            二、重点任务
            加快轨道交通建设。
            """
        let document = PolicyImporter.importText(text, source: "plan.txt")
        XCTAssertEqual(document.divisions.map(\.label), ["一、", "二、"])
        XCTAssertEqual(document.divisions[0].paragraphs, ["第一条主线是建设综合交通枢纽", "第二条主线是完善城乡路网"])
    }

    func testBracketedArticleTitles() {
        let text = """
            某某省数据条例
            第一条【立法目的】为了促进数据依法有序流动，制定本条例。
            第二条 【适用范围】本省行政区域内的数据处理活动，适用本条例。
            第三条（管理体制）省人民政府统筹全省数据工作。
            第四条　【数据安全】
            数据处理者应当履行安全保护义务。
            第五条 （一）这一条没有标题。
            """
        let found = articles(PolicyImporter.importText(text, source: "bracketed.txt"))
        XCTAssertEqual(found.map(\.label), ["第一条", "第二条", "第三条", "第四条", "第五条"])
        XCTAssertEqual(found.map(\.title), ["立法目的", "适用范围", "管理体制", "数据安全", ""])
        XCTAssertEqual(found[0].allParagraphs, ["为了促进数据依法有序流动，制定本条例。"])
        XCTAssertEqual(found[1].allParagraphs, ["本省行政区域内的数据处理活动，适用本条例。"])
        XCTAssertEqual(found[3].allParagraphs, ["数据处理者应当履行安全保护义务。"])
        XCTAssertEqual(found[1].heading, "第二条 适用范围")
    }
}
