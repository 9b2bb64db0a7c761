import XCTest

@testable import DuizhaoCore

/// Web captures as a new user pastes them (issue 21): joint issuers signed on two lines, a news headline above the
/// document's own title, a portal's blocks under the signature, a repost's 来源. The same text as an HTML page
/// reads the same.
final class WebCaptureShapeTests: XCTestCase {
    static let body = """
        为贯彻落实党中央、国务院决策部署，加快推进农村公路养护，提出如下实施意见。
        一、总体要求
        （一）指导思想。坚持以人民为中心，把农村公路养护作为服务乡村振兴的基础性工作。
        （二）工作目标。到2025年底，全省农村公路优良中等路率达到85%以上。
        二、重点任务
        （一）落实养护责任。县级人民政府是农村公路养护的责任主体。
        （二）保障养护资金。各级财政应当将农村公路养护资金纳入预算。
        """
    static let title = "关于加快推进农村公路养护的实施意见"

    func testNewsHeadlineTwoLineSignatureAndPortalBlocks() {
        let text = """
            省委办公厅、省政府办公厅印发《关于加快推进农村公路养护的实施意见》
            2024-03-05 09:30　来源：江北日报
            近日，省委办公厅、省政府办公厅印发了《关于加快推进农村公路养护的实施意见》，并发出通知，要求各地各部门结合实际认真贯彻落实。
            \(Self.title)
            \(Self.body)
            中共江北省委办公厅
            江北省人民政府办公厅
            2024年3月1日
            【页面纠错】【打印】【关闭】
            我的浏览记录
            江北省人民政府关于印发某某方案的通知
            热点排行
            1. 江北省2024年政府工作报告
            2. 关于调整最低工资标准的通知
            友情链接
            中国政府网　江北省人大
            """
        let document = PolicyImporter.importText(text, source: "capture.txt")
        XCTAssertEqual(document.title, Self.title)
        XCTAssertEqual(document.issuers, ["中共江北省委办公厅", "江北省人民政府办公厅"])
        XCTAssertEqual(document.date, "2024-03-01")
        let last = document.divisions.last?.children.last
        XCTAssertEqual(last?.label, "（二）")
        XCTAssertEqual(last?.paragraphs, ["各级财政应当将农村公路养护资金纳入预算。"])
        XCTAssertTrue(last?.children.isEmpty ?? false)
        // The same page as HTML: the same document.
        let page = """
            <html><body><h2>省委办公厅、省政府办公厅印发《关于加快推进农村公路养护的实施意见》</h2>
            <div class="info">2024-03-05 09:30　来源：江北日报</div>
            <div class="content">\((text.components(separatedBy: "\n").dropFirst(2).prefix(12)).map { "<p>\($0)</p>" }.joined())</div>
            <div>【<a>页面纠错</a>】【<a>打印</a>】【<a>关闭</a>】</div><div class="history">我的浏览记录</div>
            </body></html>
            """
        let fromPage = PolicyImporter.importHTML(page, source: "capture.html")
        XCTAssertEqual(fromPage?.title, document.title)
        XCTAssertEqual(fromPage?.issuers, document.issuers)
        XCTAssertEqual(fromPage?.date, document.date)
        XCTAssertEqual(fromPage?.divisions, document.divisions)
    }

    func testButtonRowsAreSiteFooters() {
        XCTAssertTrue(LineClassifier.isButtonRow("【页面纠错】【打印】【关闭】"))
        XCTAssertTrue(LineClassifier.isButtonRow("[打印本页]  [关闭窗口]"))
        XCTAssertFalse(LineClassifier.isButtonRow("【打印】"))
        XCTAssertFalse(LineClassifier.isButtonRow("【案例】某某县推进农村公路养护的做法"))
        XCTAssertFalse(LineClassifier.isButtonRow("【一】【二】之外还有正文"))
    }

    func testRepostSourceIsNotAnIssuer() {
        for source in ["来源：\n江北省人民政府办公厅", "来源：江北日报"] {
            let document = PolicyImporter.importText(
                "\(Self.title)\n\(source)\n\(Self.body)\n", source: "repost.txt")
            XCTAssertEqual(document.title, Self.title)
            XCTAssertEqual(document.issuers, [], source)
            XCTAssertEqual(document.preamble, ["为贯彻落实党中央、国务院决策部署，加快推进农村公路养护，提出如下实施意见。"], source)
        }
    }
}
