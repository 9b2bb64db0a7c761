import DuizhaoCompare
import DuizhaoCore
import XCTest

/// Shapes of law pairs the alignment must handle: order as evidence between close candidates, moved provisions,
/// mechanical localisation, boilerplate 施行 and 法律责任 articles.
final class LawShapeTests: XCTestCase {
    static let principle = "湿地保护应当坚持保护优先、科学修复、合理利用的原则。"

    static let national = TestDocuments.law(
        "中华人民共和国湿地示范法",
        [
            ["为了规范湿地保护工作，维护湿地生态功能，制定本法。"],
            [principle + "县级以上人民政府应当建立湿地保护协调机制，统筹解决湿地保护中的重大问题。"],
            ["国家建立湿地名录制度，湿地名录由国务院林业草原主管部门会同有关部门编制并向社会公布。"],
            ["禁止在湿地范围内开垦、围垦、填埋湿地，禁止排放不符合水污染物排放标准的废水。"],
            [principle + "湿地修复应当尊重自然规律，采取自然恢复为主、人工修复为辅的方式。"],
            ["违反本法规定，开垦、围垦、填埋湿地的，由县级以上人民政府林业草原主管部门责令停止违法行为，限期修复湿地，处五万元以上五十万元以下的罚款；构成犯罪的，依法追究刑事责任。"],
            ["违反本法规定，排放不符合水污染物排放标准的废水的，由县级以上人民政府生态环境主管部门责令改正，处十万元以上一百万元以下的罚款；构成犯罪的，依法追究刑事责任。"],
            ["违反本法规定，擅自移动、破坏湿地保护标志的，由县级以上人民政府林业草原主管部门责令限期改正，给予警告；构成犯罪的，依法追究刑事责任。"],
            ["本法自2022年6月1日起施行。"],
        ])

    /// The provincial text: four articles of its own first, then the national order with the penalty articles
    /// partly replaced, and national 第五条 moved to the end.
    static let provincial = TestDocuments.law(
        "某省湿地保护办法",
        [
            ["本省湿地科普教育基地由省林业主管部门认定并公布。"],
            ["每年组织湿地宣传周活动，普及湿地知识。"],
            ["湿地周边村庄应当开展环境整治，建设生活污水收集处理设施。"],
            ["鼓励社会资本参与湿地修复，引导公众开展志愿服务。"],
            ["为了规范湿地保护工作，维护湿地生态功能，结合本省实际，制定本办法。"],
            // The principle alone, found in national 第二条 and 第五条.
            [principle],
            ["本省建立湿地名录制度，湿地名录由省林业草原主管部门会同有关部门编制并向社会公布。"],
            ["禁止在湿地范围内开垦、围垦、填埋湿地，禁止排放不符合水污染物排放标准的废水。"],
            // Stock penalty wording around an act the national law does not name: the province's own.
            ["违反本办法规定，在湿地内采砂、取土的，由县级以上人民政府自然资源主管部门责令停止违法行为，没收违法所得；构成犯罪的，依法追究刑事责任。"],
            ["违反本办法规定，开垦、围垦、填埋湿地的，由县级以上人民政府林业草原主管部门责令停止违法行为，限期修复湿地，处十万元以上五十万元以下的罚款。"],
            ["本办法自2023年1月1日起施行。"],
            // National 第五条, moved to the end.
            [principle + "湿地修复应当尊重自然规律，采取自然恢复为主、人工修复为辅的方式。"],
        ])

    lazy var comparison = Comparator.compare(national: Self.national, provincial: Self.provincial)

    func links(_ comparison: Comparison) -> Set<String> {
        Set(
            comparison.links.map {
                "N\(Self.national.division(id: $0.national)!.number)→P\(Self.provincial.division(id: $0.provincial)!.number):\($0.kind.rawValue)"
            })
    }

    func testMovedProvisionsAreFoundAndASharedSentenceLinksBothSources() {
        XCTAssertEqual(
            links(comparison),
            [
                "N1→P5:match", "N2→P6:match", "N3→P7:match", "N4→P8:match", "N6→P10:match", "N9→P11:match",
                // Moved to the end: still found.
                "N5→P12:match",
                // The principle alone is in 第二条 and 第五条; 第五条 is implemented by its moved copy.
                "N5→P6:partial",
                // The province's own penalty stands where the national 第六条's would: same subject, another
                // norm, so related (shown side by side, still provincial-only below).
                "N6→P9:related",
            ])
        XCTAssertEqual(comparison.provincialOnly, [1, 2, 3, 4, 9].map { TestDocuments.id($0, in: Self.provincial) })
    }

    func testLocalisationIsNoDifference() {
        // 国家 → 本省, 国务院林业草原主管部门 → 省林业草原主管部门: the same article after folding.
        let link = comparison.links.first { $0.national == TestDocuments.id(3, in: Self.national) }
        XCTAssertEqual(link?.score, 1)
    }

    func testBoilerplateDoesNotLinkUnrelatedArticles() {
        // National 第六条 and provincial 第九条 share the stock 法律责任 wording (由县级以上人民政府…主管部门责令停止
        // 违法行为…构成犯罪的，依法追究刑事责任) but punish different acts: no link.
        XCTAssertEqual(comparison.nationalOnly, [7, 8].map { TestDocuments.id($0, in: Self.national) })
        // The 施行 articles link to each other only.
        XCTAssertEqual(
            comparison.provincialLinks(ofNational: TestDocuments.id(9, in: Self.national)).map(\.provincial),
            [TestDocuments.id(11, in: Self.provincial)])
    }
}
extension LawShapeTests {
    /// National 第三条 is split in two; the moved piece scores a little higher than the piece in its place, but
    /// order says the piece in place implements it and the moved one takes part of it.
    func testOrderDecidesWhichPieceOfASplitProvisionImplementsIt() {
        let national = TestDocuments.law(
            "中华人民共和国森林示范法",
            [
                ["为了保护森林资源，制定本法。"],
                ["国家实行森林分类经营管理。"],
                ["县级以上人民政府应当组织编制森林防火规划，建设防火隔离带和瞭望设施。各级林业主管部门应当建立森林火情监测预警制度，及时发布火险等级。"],
                ["禁止毁林开垦和毁林采石、采砂、采土。"],
                ["本法自2020年1月1日起施行。"],
            ])
        let provincial = TestDocuments.law(
            "某省森林办法",
            [
                ["为了保护森林资源，结合本省实际，制定本办法。"],
                ["本省实行森林分类经营管理。"],
                ["各级林业主管部门应当建立森林火情监测预警制度，及时发布火险等级。"],
                ["禁止毁林开垦和毁林采石、采砂、采土。"],
                ["本办法自2021年1月1日起施行。"],
                ["县级以上人民政府应当组织编制森林防火规划，建设防火隔离带和瞭望设施。"],
            ])
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let pieces = comparison.provincialLinks(ofNational: TestDocuments.id(3, in: national))
        XCTAssertEqual(
            pieces.map(\.provincial), [6, 3].map { TestDocuments.id($0, in: provincial) }, "best score first")
        XCTAssertGreaterThan(pieces[0].score, pieces[1].score)
        XCTAssertEqual(pieces.map(\.kind), [.partial, .match])
        XCTAssertEqual(comparison.links.filter { $0.kind == .match }.count, 5)
    }
}
