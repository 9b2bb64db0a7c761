import DuizhaoTestSupport
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

extension InstrumentShapeTests {
    static let plan = """
        某某省关于加快数字经济发展的实施意见
        一、总体要求
        （一）指导思想。坚持创新驱动。
        （二）发展目标。到2025年，数字经济规模显著扩大。
        ——数字产业化水平明显提升。
        ——产业数字化转型加快。
        二、重点任务
        （三）建设数字基础设施。加快5G网络建设。（责任单位：省通信管理局、省发展改革委）
        （四）培育数字产业。壮大电子信息产业。
        （牵头单位：省工业和信息化厅；配合单位：省科技厅，省财政厅）
        专栏1 数字经济重点工程
        1.5G网络覆盖工程。新建基站2万个。
        2.工业互联网工程。培育平台10个。
        （五）推进数字治理。建设一体化平台。（省大数据局负责）
        三、保障措施
        （六）加强组织领导。建立工作机制。
        （七）强化督促检查（责任单位：省政府督查室）
        专栏2：重点园区
        某某数字经济产业园。
        """

    func testResponsibilityTailsAreKeptApartFromTheText() throws {
        let document = PolicyImporter.importText(Self.plan, source: "plan.txt")
        let items = document.allDivisions.filter { $0.kind == .item }
        XCTAssertEqual(items.map(\.label), ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"])
        XCTAssertEqual(items[2].paragraphs, ["加快5G网络建设。"])
        XCTAssertEqual(items[2].responsibleUnits, ["省通信管理局", "省发展改革委"])
        XCTAssertEqual(items[2].responsibility, ["责任单位：省通信管理局、省发展改革委"])
        // A tail on a line of its own, with roles.
        XCTAssertEqual(items[3].paragraphs, ["壮大电子信息产业。"])
        XCTAssertEqual(items[3].responsibleUnits, ["省工业和信息化厅", "省科技厅", "省财政厅"])
        // A bracket that names no role is text.
        XCTAssertEqual(items[4].paragraphs, ["建设一体化平台。（省大数据局负责）"])
        XCTAssertEqual(items[4].responsibleUnits, [])
        // A tail closing a heading line is not part of the title.
        XCTAssertEqual(items[6].title, "强化督促检查")
        XCTAssertEqual(items[6].responsibleUnits, ["省政府督查室"])
        // The comparison sees the text without the tails.
        XCTAssertFalse(
            document.provisions.flatMap(\.allSentences).contains { $0.contains("责任单位") || $0.contains("牵头单位") })
        let json = try outlineObject(document)
        let sections = json["divisions"] as? [[String: Any]]
        let third = (sections?[1]["children"] as? [[String: Any]])?.first
        XCTAssertEqual(third?["responsibleUnits"] as? [String], ["省通信管理局", "省发展改革委"])
    }

    func testBulletsStayParagraphsOfTheirItem() {
        let document = PolicyImporter.importText(Self.plan, source: "plan.txt")
        let second = document.allDivisions.first { $0.kind == .item && $0.number == 2 }
        XCTAssertEqual(second?.paragraphs, ["到2025年，数字经济规模显著扩大。", "——数字产业化水平明显提升。", "——产业数字化转型加快。"])
    }

    func testBoxesAreDivisionsOfTheirOwn() {
        let document = PolicyImporter.importText(Self.plan, source: "plan.txt")
        let boxes = document.allDivisions.filter { $0.kind == .box }
        XCTAssertEqual(boxes.map(\.label), ["专栏1", "专栏2"])
        XCTAssertEqual(boxes.map(\.title), ["数字经济重点工程", "重点园区"])
        XCTAssertEqual(boxes.map(\.id), ["2.B1", "3.B2"])
        // The box's own numbered lines are its text; the next item closes it.
        XCTAssertEqual(boxes[0].paragraphs, ["1.5G网络覆盖工程。新建基站2万个。", "2.工业互联网工程。培育平台10个。"])
        XCTAssertEqual(boxes[1].paragraphs, ["某某数字经济产业园。"])
        let fourth = document.allDivisions.first { $0.kind == .item && $0.number == 4 }
        XCTAssertEqual(fourth?.paragraphs, ["壮大电子信息产业。"])
        XCTAssertEqual(document.divisions[1].children.map(\.label), ["（三）", "（四）", "专栏1", "（五）"])
        XCTAssertEqual(Set(document.allDivisions.map(\.id)).count, document.allDivisions.count)
        XCTAssertFalse(document.warnings.contains { if case .outOfSequence = $0 { return true } else { return false } })
    }

    func testBoxHeadings() {
        XCTAssertEqual(LineClassifier.boxHeading("专栏 3：重大项目")?.number, 3)
        XCTAssertEqual(LineClassifier.boxHeading("专栏三 重大项目")?.label, "专栏三")
        XCTAssertNil(LineClassifier.boxHeading("专栏介绍如下："))
        XCTAssertNil(LineClassifier.boxHeading("专栏1所列项目，由各地组织实施，省级给予支持。"))
    }
}

extension InstrumentShapeTests {
    func testANoticeIssuingTwoInstrumentsWithoutMarkers() {
        let text = """
            某某市人民政府关于印发《某某市支持企业发展若干政策》和《某某市营商环境提升行动计划》的通知
            某政发〔2023〕8号
            各区人民政府，市政府各部门：
            现将《某某市支持企业发展若干政策》和《某某市营商环境提升行动计划》印发给你们，请认真贯彻执行。
            某某市人民政府
            2023年4月10日
            某某市支持企业发展若干政策
            一、减轻企业负担。降低用电成本。
            二、加大融资支持。扩大信贷规模。
            三、支持技术改造。给予设备补助。
            某某市营商环境提升行动计划
            为提升营商环境，制定本行动计划。
            一、优化审批服务。压缩办理时限。
            二、强化要素保障。保障用地需求。
            """
        let document = PolicyImporter.importText(text, source: "two-instruments.txt")
        XCTAssertEqual(document.parts.count, 2)
        XCTAssertEqual(document.parts.map(\.title), ["某某市支持企业发展若干政策", "某某市营商环境提升行动计划"])
        XCTAssertEqual(document.parts[0].divisions.map(\.title), ["减轻企业负担", "加大融资支持", "支持技术改造"])
        XCTAssertEqual(document.parts[1].paragraphs, ["为提升营商环境，制定本行动计划。"])
        XCTAssertEqual(document.parts[1].divisions.map(\.title), ["优化审批服务", "强化要素保障"])
        XCTAssertEqual(document.provisions.map(\.id), ["1", "2", "3", "A1.1", "A1.2"])
        // The first instrument's last section does not swallow the second one's title.
        XCTAssertEqual(document.parts[0].divisions.last?.paragraphs, ["给予设备补助。"])
        XCTAssertEqual(document.documentNumber, "某政发〔2023〕8号")
    }

    func testASubheadingBeforeRestartedSubNumberingIsNoInstrument() {
        // Clauses restart under each item and a line ending in 措施 sits before them: one instrument.
        let text = """
            某某县关于推进乡村振兴的实施方案
            一、重点任务
            （一）发展特色产业。
            1.建设种植基地。
            2.培育加工企业。
            （二）改善人居环境。
            主要措施
            1.治理生活污水。
            2.清运生活垃圾。
            二、保障措施
            加强组织领导。
            """
        let document = PolicyImporter.importText(text, source: "one-instrument.txt")
        XCTAssertEqual(document.parts, [])
        XCTAssertEqual(document.divisions.map(\.label), ["一、", "二、"])
    }
}
