import DuizhaoTestSupport
import XCTest

@testable import DuizhaoCore

/// A notice that attaches two instruments and a table of tasks (text invented for this test).
final class AttachmentTests: XCTestCase {
    static let notice = """
        某某市人民政府关于印发《某某市促进产业发展若干政策》和《某某市产业发展行动计划》的通知
        某政发〔2020〕3号
        各区人民政府，市政府各部门：
        现将《某某市促进产业发展若干政策》和《某某市产业发展行动计划》印发给你们，请认真贯彻执行。
        附件：1.某某市促进产业发展若干政策
        2.某某市产业发展行动计划
        某某市人民政府
        2020年3月1日
        附件1
        某某市促进产业发展若干政策
        为促进产业发展，制定以下政策。
        一、加大资金支持。设立专项资金。
        二、优化用地保障。优先安排用地。
        三、强化人才支撑。引进高层次人才。
        附件 2：
        某某市产业发展行动计划
        一、总体目标
        到2025年，产业规模翻番。
        二、重点任务
        （一）培育龙头企业。支持企业做大做强。
        （二）建设产业园区。完善配套设施。
        附件3
        重点任务分工表
        序号
        重点任务
        责任单位
        1
        培育龙头企业
        市发展改革委
        2
        建设产业园区
        市规划自然资源委、各区政府
        """

    func testAttachmentsAreParts() {
        let document = PolicyImporter.importText(Self.notice, source: "notice.txt")
        XCTAssertEqual(document.title, "某某市促进产业发展若干政策")
        let parts = document.parts
        XCTAssertEqual(parts.map(\.label), ["", "附件1", "附件2", "附件3"])
        XCTAssertEqual(parts.map(\.title), [document.title, "某某市促进产业发展若干政策", "某某市产业发展行动计划", "重点任务分工表"])
        XCTAssertEqual(parts[1].divisions.map(\.title), ["加大资金支持", "优化用地保障", "强化人才支撑"])
        XCTAssertEqual(parts[1].paragraphs, ["为促进产业发展，制定以下政策。"])
        XCTAssertEqual(parts[2].divisions.map(\.title), ["总体目标", "重点任务"])
        XCTAssertEqual(parts[2].divisions[1].children.map(\.title), ["培育龙头企业", "建设产业园区"])
        // The table keeps its rows; none of them is a clause.
        let table = try? XCTUnwrap(parts[3].divisions.first)
        XCTAssertEqual(table?.kind, .table)
        XCTAssertEqual(table?.paragraphs, ["序号 | 重点任务 | 责任单位", "1 | 培育龙头企业 | 市发展改革委", "2 | 建设产业园区 | 市规划自然资源委、各区政府"])
        XCTAssertFalse(document.provisions.contains { $0.kind == .table })
        XCTAssertEqual(document.provisions.map(\.id), ["A1.1", "A1.2", "A1.3", "A2.1", "A2.2.1", "A2.2.2"])
        let ids = document.allDivisions.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "ids are unique across parts")
        XCTAssertEqual(document.documentNumber, "某政发〔2020〕3号")
        XCTAssertEqual(document.issuers, ["某某市人民政府"])
        XCTAssertEqual(document.date, "2020-03-01")
    }

    func testOutlineJSONHasPartsOnlyWhenThereAreSeveral() throws {
        let several = try outlineObject(PolicyImporter.importText(Self.notice, source: "notice.txt"))
        let parts = try XCTUnwrap(several["parts"] as? [[String: Any]])
        XCTAssertEqual(parts.compactMap { $0["label"] as? String }, ["", "附件1", "附件2", "附件3"])
        let single = try outlineObject(
            PolicyImporter.importText(ImporterShapeTests.cleanText, source: "one.txt"))
        XCTAssertNil(single["parts"])
        let division = try XCTUnwrap((single["divisions"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(division.keys), ["id", "label", "kind", "title", "paragraphs", "children"])
    }

    func testAttachmentMarkers() {
        XCTAssertEqual(LineClassifier.attachmentMarker("附件1"), "附件1")
        XCTAssertEqual(LineClassifier.attachmentMarker("附件 2："), "附件2")
        XCTAssertEqual(LineClassifier.attachmentMarker("附件二"), "附件二")
        XCTAssertEqual(LineClassifier.attachmentMarker("附件"), "附件")
        XCTAssertNil(LineClassifier.attachmentMarker("附件：1.某某市促进产业发展若干政策"))
        XCTAssertNil(LineClassifier.attachmentMarker("附件所列事项按程序办理。"))
    }
}
