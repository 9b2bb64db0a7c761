import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// Documents and helpers shared by the comparison tests.
enum TestDocuments {
    static let national = BundledDocument.national.load()
    static let provincial = BundledDocument.provincial.load()

    /// An unrelated policy text (agriculture mechanisation) written for these tests in the same 公文 style.
    static let agricultureText = """
        关于加快推进农业机械化和农机装备产业转型升级的意见
        （2018年12月12日）
        为加快推进农业机械化和农机装备产业转型升级，保障国家粮食安全，促进农民增收，现提出如下意见。
        一、总体要求
        1.指导思想。以推进农业供给侧结构性改革为主线，以服务乡村振兴战略、满足亿万农民对机械化生产的需要为目标，加快推进农机装备创新，推动农机农艺融合、机械化信息化融合、农机服务模式与农业适度规模经营相适应，为实现农业农村现代化提供有力支撑。
        2.基本原则。坚持市场主导与政府引导相结合，充分发挥农民和农业生产经营组织的主体作用；坚持因地制宜、分类指导，推进主要作物生产全程机械化；坚持农机农艺融合，推广先进适用、安全可靠、节能环保的农业机械；坚持绿色发展，促进农业资源永续利用。
        二、推动农机装备产业高质量发展
        3.加强农机装备技术创新。围绕粮棉油糖等主要作物和丘陵山区、设施农业、畜牧水产养殖、农产品初加工等薄弱环节，组织开展大马力拖拉机、高效联合收割机、精量播种机、植保无人机等关键装备研发，突破动力换挡、无级变速等核心零部件制约。支持农机企业与科研院所联合建设重点实验室和工程技术研究中心。
        4.优化农机装备产业结构布局。引导农机制造企业兼并重组，培育一批具有国际竞争力的农机装备骨干企业，扶持发展一批专精特新中小企业。推动农机装备制造向产业集群集聚，提高关键零部件配套能力。
        5.加强农机装备质量可靠性建设。完善农机产品质量标准体系，强化农机产品认证和鉴定，加大对农机产品质量的监督抽查力度，依法查处制售假冒伪劣农机产品行为，切实维护农民合法权益。
        三、加快推进农业机械化
        6.推进主要农作物生产全程机械化。聚焦薄弱环节，加快水稻机插秧、玉米籽粒收获、马铃薯收获、油菜和花生机收等机械化技术推广，建设一批主要农作物生产全程机械化示范县。
        7.大力推广先进适用农业机械。落实农机购置补贴政策，对购置深松整地、秸秆还田离田、高效植保、节水灌溉等绿色生产装备的农户加大补贴力度，推进老旧农机报废更新。
        8.改善农机作业基础条件。结合高标准农田建设，开展农田宜机化改造，完善机耕道路和农机库棚等配套设施，将农机具存放和维修用地纳入设施农用地管理。
        9.发展农机社会化服务。培育农机专业合作社、农机作业公司等新型农机服务组织，发展农机跨区作业、订单作业、托管服务，推动农机服务向农业生产全过程延伸，提高农机利用效率。
        四、加强组织领导
        10.强化组织保障。各地要把推进农业机械化纳入农业农村发展规划，建立健全农业农村、工业和信息化、财政等部门协调机制，加大财政投入力度，落实税收优惠政策，加强农机人才队伍建设，为农业机械化发展提供有力保障。
        """

    static var agriculture: PolicyDocument { PolicyImporter.importText(agricultureText, source: "test:agriculture") }

    /// A law with articles 第一条…, each a list of paragraphs (款), read by the importer; `id(n)` names article n.
    static func law(_ title: String, _ articles: [[String]]) -> PolicyDocument {
        var text = title + "\n\n"
        for (index, paragraphs) in articles.enumerated() {
            text += "第\(RobustnessTests.chineseNumber(index + 1))条 " + paragraphs.joined(separator: "\n") + "\n"
        }
        let document = PolicyImporter.importText(text, source: "test:\(title)")
        precondition(
            document.provisions.count == articles.count && document.provisions.allSatisfy { $0.kind == .article })
        return document
    }

    /// The division id of article `number` in `document`.
    static func id(_ number: Int, in document: PolicyDocument) -> String {
        document.provisions.first { $0.number == number }!.id
    }

    /// A fresh temporary directory, removed by the test case's teardown.
    static func temporaryDirectory(for testCase: XCTestCase) throws -> URL {
        try ScratchDirectory("duizhao-compare-tests", removedBy: testCase.addTeardownBlock).url
    }
}

extension PolicyDocument {
    /// Title of a comparable unit, for messages and title-keyed comparisons.
    func unitTitle(_ id: String) -> String { comparableUnits.first { $0.id == id }?.title ?? "?\(id)" }

    /// Sentences of a comparable unit and its descendants with their references.
    func unitSentences(_ id: String) -> [(ref: SentenceRef, text: String)] {
        guard let unit = comparableUnits.first(where: { $0.id == id }) else { return [] }
        return unit.flattened.flatMap { division in
            division.sentences.enumerated().map { (SentenceRef(division: division.id, index: $0.offset), $0.element) }
        }
    }

    /// The first sentence of a comparable unit (and its descendants) that contains `fragment`; an error naming
    /// both when there is none.
    func sentence(in id: String, containing fragment: String) throws -> (ref: SentenceRef, text: String) {
        guard let sentence = unitSentences(id).first(where: { $0.text.contains(fragment) }) else {
            throw TestSupportError("\(source): no sentence of \(id) contains \(fragment)")
        }
        return sentence
    }
}

extension Comparison {
    /// Links as comparable triples.
    var linkTriples: Set<String> { Set(links.map { "\($0.national)→\($0.provincial):\($0.kind.rawValue)" }) }

    /// Links keyed by clause titles (stable when a reformatting renumbers clauses).
    func titledLinks(national: PolicyDocument, provincial: PolicyDocument) -> Set<String> {
        Set(
            links.map {
                "\(national.unitTitle($0.national))→\(provincial.unitTitle($0.provincial)):\($0.kind.rawValue)"
            })
    }
}
