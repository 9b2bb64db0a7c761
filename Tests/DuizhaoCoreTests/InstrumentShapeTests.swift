import XCTest
@testable import DuizhaoCore

/// Shapes of 意见/通知 that hold several instruments or carry more than clauses: attachment titles on the marker's
/// line, 责任单位 tails, 专栏 boxes, `——` bullets, two instruments issued by one notice. Invented fixtures.
final class InstrumentShapeTests: XCTestCase {
    func testAttachmentTitleOnTheMarkerLine() {
        let text = """
        某某省人民政府关于印发两个文件的通知
        各市人民政府，省政府各部门：
        现将两个文件印发给你们，请认真贯彻执行。
        附件1：某某省若干政策措施
        附件2：某某省产业升级行动计划（2024—2026年）
        某某省人民政府
        2024年5月6日
        附件1：某某省若干政策措施
        一、加大财政支持。省级财政安排专项资金。
        二、强化金融服务。鼓励银行增加信贷投放。
        附件2：某某省产业升级行动计划（2024—2026年）
        为推动产业升级，制定本行动计划。
        一、总体要求
        到2026年，产业结构明显优化。
        二、主要任务
        推进智能化改造。
        """
        let document = PolicyImporter.importText(text, source: "titled-markers.txt")
        XCTAssertEqual(document.parts.map(\.label), ["", "附件1", "附件2"])
        XCTAssertEqual(document.parts.dropFirst().map(\.title), ["某某省若干政策措施", "某某省产业升级行动计划（2024—2026年）"])
        XCTAssertEqual(document.parts[1].divisions.map(\.title), ["加大财政支持", "强化金融服务"])
        XCTAssertEqual(document.parts[2].paragraphs, ["为推动产业升级，制定本行动计划。"])
        XCTAssertEqual(document.parts[2].divisions.map(\.title), ["总体要求", "主要任务"])
        // The listing in the notice is the notice's text, not two empty attachments.
        XCTAssertEqual(document.issuers, ["某某省人民政府"])
        XCTAssertEqual(document.date, "2024-05-06")
    }

    func testAttachmentMarkerWithTitle() {
        XCTAssertEqual(LineClassifier.attachmentHeading("附件1：某某行动计划")?.title, "某某行动计划")
        XCTAssertEqual(LineClassifier.attachmentHeading("附件 2： 某某实施方案")?.label, "附件2")
        XCTAssertEqual(LineClassifier.attachmentHeading("附件三 某某实施细则")?.title, "某某实施细则")
        XCTAssertNil(LineClassifier.attachmentHeading("附件1")?.title)
        XCTAssertNil(LineClassifier.attachmentHeading("附件：1.某某市促进产业发展若干政策"))
        XCTAssertNil(LineClassifier.attachmentHeading("附件1：请各单位于5月底前报送材料，逾期不予受理。"))
        XCTAssertNil(LineClassifier.attachmentHeading("附件所列事项按程序办理。"))
    }
}
