import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoCompare

final class ChangeClassifierTests: XCTestCase {
    /// Real phrases (the bundled pair, the village committee and agricultural extension laws) with one edit each,
    /// and the kind of the edit read national → provincial.
    static let table: [(national: String, provincial: String, kind: ChangeKind)] = [
        // localized
        ("着力提升我国骨干企业、科研机构在核心技术研发中的贡献", "着力提升我省骨干企业、科研机构在核心技术研发中的贡献", .localized),
        ("中央网信办要进一步强化移动互联网管理的统筹协调", "省委网信办要进一步强化移动互联网管理的统筹协调", .localized),
        ("补选程序参照本法第十五条的规定办理。", "补选程序参照本办法第十五条的规定办理。", .localized),
        ("明确地方网信部门承担互联网信息内容的监督管理执法职责", "明确网信部门承担互联网信息内容的监督管理执法职责", .localized),
        ("由国务院有关部门制定。", "由省人民政府有关部门制定。", .localized),
        // stronger (and, read backwards, weaker)
        ("召开村民会议，根据需要可以邀请驻本村的企业派代表列席。", "召开村民会议，根据需要应当邀请驻本村的企业派代表列席。", .stronger),
        ("村民委员会应当教育和引导各民族村民增进团结。", "村民委员会必须教育和引导各民族村民增进团结。", .stronger),
        ("村民委员会成员及其近亲属担任村务监督机构成员。", "村民委员会成员及其近亲属不得担任村务监督机构成员。", .stronger),
        ("鼓励和支持有条件的企业建设移动互联网平台", "鼓励和支持企业建设移动互联网平台", .stronger),
        // weaker
        ("村民委员会应当教育和引导各民族村民增进团结。", "村民委员会可以教育和引导各民族村民增进团结。", .weaker),
        ("推进宽带网络在农村地区覆盖", "推进宽带网络在农村地区逐步覆盖", .weaker),
        ("推动信息服务企业融合创新", "鼓励信息服务企业融合创新", .weaker),
        ("全方位推进移动互联网发展", "积极稳妥推进移动互联网发展", .weaker),
        // number
        ("召集村民会议，应当提前十天通知村民。", "召集村民会议，应当提前七天通知村民。", .number),
        ("健全中央、省、市三级管理体系", "健全中央、省、市两级管理体系", .number),
        ("应当自收到申诉之日起三日内作出处理决定", "应当自收到申诉之日起5个工作日内作出处理决定", .number),
        ("本村五分之一以上有选举权的村民联名", "本村百分之十以上有选举权的村民联名", .number),
        ("给予二万元以下的罚款", "给予5万元以下的罚款", .number),
        // actor
        ("工业和信息化、公安、文化等有关部门要根据职责切实负起责任", "通信管理、公安、文化等有关部门要根据职责切实负起责任", .actor),
        ("由国务院教育行政部门制定", "由省人力资源社会保障部门制定", .actor),
        ("各级人民政府应当加强农业技术推广", "县级以上人民政府应当加强农业技术推广", .actor),
        ("村民会议由村民委员会召集。", "村民会议由乡镇人民政府召集。", .actor),
        // wording
        ("办事公道，廉洁奉公，热心为村民服务，接受村民监督。", "办事公道，廉洁奉公，全心全意为村民服务，接受村民监督。", .wording),
        ("推进知识产权运营交易和服务平台建设", "开展知识产权运营交易和服务平台建设", .wording),
        // Zhejiang moves 村民委员会应当 into a list header (村民委员会的主要职责：): no change of force or actor.
        ("村民委员会应当尊重并支持集体经济组织依法独立进行经济活动的自主权", "尊重并支持集体经济组织依法独立进行经济活动的自主权", .wording),
        ("村民会议可以授权村民代表会议审议村民委员会的年度工作报告", "授权村民代表会议审议村民委员会的年度工作报告", .wording),
        // added (and, read backwards, deleted)
        ("接受村民监督。", "接受村民监督，定期报告工作情况。", .added),
        ("发展文化教育，普及科技知识，促进男女平等。", "发展文化教育，促进男女平等。", .deleted),
    ]

    static func reversed(_ kind: ChangeKind) -> ChangeKind {
        switch kind {
        case .stronger: .weaker
        case .weaker: .stronger
        case .added: .deleted
        case .deleted: .added
        default: kind
        }
    }

    func testEveryKindInBothDirections() {
        for kind in ChangeKind.allCases {
            XCTAssertTrue(Self.table.contains { $0.kind == kind }, "no case for \(kind)")
        }
        for (national, provincial, kind) in Self.table {
            XCTAssertEqual(
                ChangeClassifier.kind(national: national, provincial: provincial), kind, "\(national) → \(provincial)")
            XCTAssertEqual(
                ChangeClassifier.kind(national: provincial, provincial: national), Self.reversed(kind),
                "\(provincial) → \(national)")
            let changes = ChangeClassifier.changes(national: national, provincial: provincial)
            XCTAssertEqual(changes.count, 1, "one change expected: \(changes)")
        }
    }

    func testChangesCarryTheirTextAndPlace() throws {
        let national = "国务院教育行政部门应当在三十日内作出决定，并依照本法公布。"
        let provincial = "省人力资源社会保障部门应当在十五日内作出决定，并依照本办法公布。"
        let changes = ChangeClassifier.changes(national: national, provincial: provincial)
        XCTAssertEqual(changes.map(\.kind), [.actor, .number, .localized])
        for change in changes {
            XCTAssertEqual(String(Array(national)[change.nationalRange]), change.national)
            XCTAssertEqual(String(Array(provincial)[change.provincialRange]), change.provincial)
        }
        XCTAssertEqual(changes[0].national, "国务院教育行政")
        XCTAssertEqual(changes[0].provincial, "省人力资源社会保障")
        XCTAssertEqual(changes[2].national, "本法")
        XCTAssertEqual(changes[2].provincial, "本办法")
        XCTAssertEqual(ChangeClassifier.counts(changes)[.number], 1)
        XCTAssertEqual(ChangeClassifier.counts(changes)[.wording], 0)
        XCTAssertEqual(ChangeClassifier.changes(national: national, provincial: national), [])
        XCTAssertNil(ChangeClassifier.kind(national: "加强网络普法，推进", provincial: "加强网络普法,推进"))
        // A change of punctuation alone is not a change of the norm.
        XCTAssertNil(ChangeClassifier.kind(national: "加强网络普法。推进", provincial: "加强网络普法；推进"))
    }

    func testWordsThatOnlyLookModalOrNumericAreWording() {
        // 重要 is not 要, 统一 is not a number, 第十条 is a reference, not a quantity.
        XCTAssertEqual(ChangeClassifier.kind(national: "这是重要任务", provincial: "这是主要任务"), .wording)
        XCTAssertEqual(ChangeClassifier.kind(national: "统一部署", provincial: "进一步部署"), .wording)
        XCTAssertEqual(ChangeClassifier.kind(national: "依照第十条规定", provincial: "依照第十二条规定"), .wording)
        XCTAssertEqual(ChangeClassifier.kind(national: "由上一级人民政府责令改正", provincial: "由上一级人民政府依法责令改正"), .wording)
        // The same quantity written otherwise is wording.
        XCTAssertEqual(ChangeClassifier.kind(national: "应当提前十天通知村民", provincial: "应当提前十日通知村民"), .wording)
        XCTAssertEqual(ChangeClassifier.kind(national: "期限三十日", provincial: "期限30日"), .wording)
        // A long rewrite is wording even when a modal word or a number happens to be inside it.
        XCTAssertEqual(
            ChangeClassifier.kind(
                national: "加快民航客机、高速铁路、城市交通等公共场所无线局域网建设和应用",
                provincial: "将宽带接入工程纳入各级城乡规划，可以在三个县先行试点"),
            .wording)
    }

    /// The bundled pair: its localisations come out `localized`, and no localisation is ever called anything else.
    func testBundledPairLocalisations() {
        let national = TestDocuments.national
        let provincial = TestDocuments.provincial
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let changes = comparison.linkedPairs(national: national, provincial: provincial).flatMap(\.changes)
        let localized = changes.filter { $0.kind == .localized }.map { "\($0.national)→\($0.provincial)" }
        XCTAssertEqual(localized.filter { $0 == "中央→省委" }.count, 2, "\(localized)")  // 中央网络安全…领导小组, 中央网信办
        XCTAssertTrue(localized.contains("我国→我省"), "\(localized)")
        for change in changes
        where Localization.isLocalization(national: change.national, provincial: change.provincial) {
            XCTAssertEqual(change.kind, .localized, "\(change)")
        }
        XCTAssertTrue(changes.contains { $0.kind == .actor && $0.national == "工业和信息化" && $0.provincial == "通信管理" })
        XCTAssertTrue(changes.contains { $0.kind == .number && $0.national == "三级" && $0.provincial == "两级" })
    }

    /// One planned edit of the law and the kind it must come back with.
    struct Edit {
        var national: String
        var provincial: String
        var kind: ChangeKind
    }

    /// 《村民委员会组织法》 rewritten by this test into a fictional province's 实施办法: every 本法 becomes 本办法,
    /// and one edit of each substantive kind.
    func testFictionalImplementationOfTheVillageCommitteeLaw() throws {
        let path = TestCorpus.url("cunweihui/national.md").path
        let lawText = try String(contentsOfFile: path, encoding: .utf8)
        let edits = [
            Edit(national: "根据需要可以邀请", provincial: "根据需要应当邀请", kind: .stronger),
            Edit(national: "村民委员会应当教育和引导", provincial: "村民委员会可以教育和引导", kind: .weaker),
            Edit(national: "应当提前十天通知村民", provincial: "应当提前七天通知村民", kind: .number),
            Edit(national: "村民会议由村民委员会召集", provincial: "村民会议由乡镇人民政府召集", kind: .actor),
            Edit(national: "热心为村民服务", provincial: "全心全意为村民服务", kind: .wording),
            Edit(national: "热心为村民服务，接受村民监督。", provincial: "热心为村民服务，接受村民监督，定期报告工作情况。", kind: .added),
            Edit(national: "发展文化教育，普及科技知识，", provincial: "发展文化教育，", kind: .deleted),
        ]
        var provincialText = lawText.replacingOccurrences(of: "本法", with: "本办法")
        for edit in edits where edit.kind != .wording {
            let range = try XCTUnwrap(
                provincialText.range(of: edit.national), "the law no longer says \(edit.national)")
            provincialText.replaceSubrange(range, with: edit.provincial)
        }
        // The wording edit shares its sentence with the added clause; applied after it.
        provincialText = provincialText.replacingOccurrences(of: "热心为村民服务，接受村民监督，定期", with: "全心全意为村民服务，接受村民监督，定期")
        provincialText = provincialText.replacingOccurrences(
            of: "# 中华人民共和国村民委员会组织法", with: "# 某某省实施《中华人民共和国村民委员会组织法》办法")

        let national = PolicyImporter.importText(lawText, source: path)
        let provincial = PolicyImporter.importText(provincialText, source: "test:fictional-province")
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let changes = comparison.linkedPairs(national: national, provincial: provincial).flatMap(\.changes)

        let selfReferences = lawText.components(separatedBy: "本法").count - 1
        XCTAssertGreaterThan(selfReferences, 0)
        let localized = changes.filter { $0.kind == .localized }
        XCTAssertEqual(localized.count, selfReferences, "\(localized)")
        for change in changes where change.national.contains("本法") || change.provincial.contains("本办法") {
            XCTAssertEqual(change.kind, .localized, "\(change)")
        }
        for edit in edits {
            let core = Self.differingCore(edit.national, edit.provincial)
            XCTAssertTrue(
                changes.contains {
                    $0.kind == edit.kind && (core.national.isEmpty || $0.national.contains(core.national))
                        && (core.provincial.isEmpty || $0.provincial.contains(core.provincial))
                },
                "\(edit.kind): \(core) not found in \(changes.filter { $0.kind != .localized })")
        }
        XCTAssertEqual(
            changes.filter { $0.kind != .localized }.count, edits.count, "\(changes.filter { $0.kind != .localized })")
    }

    /// The differing middle of two strings (common prefix and suffix removed).
    static func differingCore(_ a: String, _ b: String) -> (national: String, provincial: String) {
        let x = Array(a)
        let y = Array(b)
        var prefix = 0
        while prefix < min(x.count, y.count), x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(x.count, y.count) - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] {
            suffix += 1
        }
        return (String(x[prefix..<x.count - suffix]), String(y[prefix..<y.count - suffix]))
    }
}

extension ChangeClassifierTests {
    /// The direct counterpart is a localisation; a body of another level than the local document's is an actor.
    func testLevelBeyondTheDirectCounterpartIsAnActor() {
        let national = "由国务院有关部门制定。"
        let city = "由市人民政府有关部门制定。"
        let province = "由省人民政府有关部门制定。"
        XCTAssertEqual(ChangeClassifier.kind(national: national, provincial: province, localLevel: "省"), .localized)
        XCTAssertEqual(ChangeClassifier.kind(national: national, provincial: city, localLevel: "市"), .localized)
        XCTAssertEqual(ChangeClassifier.kind(national: national, provincial: city, localLevel: "省"), .actor)
        XCTAssertEqual(ChangeClassifier.kind(national: national, provincial: province, localLevel: "市"), .actor)
        XCTAssertEqual(ChangeClassifier.kind(national: national, provincial: city), .localized, "no level known")
    }
}
