import DuizhaoCore
import DuizhaoTestSupport
import XCTest

@testable import DuizhaoCompare

final class LocalizationTests: XCTestCase {
    /// National phrase → local phrase that only localises it (from the corpus, the bundled pair and the brief).
    static let localizations: [(national: String, local: String)] = [
        ("依照本法规定", "依照本办法规定"),
        ("本法自公布之日起施行", "本条例自公布之日起施行"),
        ("本法所称农业技术", "本实施办法所称农业技术"),
        ("适用本法", "适用本规定"),
        ("加强中央网信办统筹协调", "加强省委网信办统筹协调"),
        ("我国移动互联网快速发展", "我省移动互联网快速发展"),
        ("全国移动互联网用户", "全省移动互联网用户"),
        ("在全国推广", "在全市推广"),
        ("国务院有关部门负责", "省人民政府有关部门负责"),
        ("国务院有关部门负责", "省有关部门负责"),
        ("由国务院教育行政部门制定", "由省教育行政部门制定"),
        ("国务院农业行政部门", "省农业行政部门"),
        ("国家发展改革委牵头", "省发展改革委牵头"),
        ("报国务院批准", "报省人民政府批准"),
        ("报国务院批准", "报黑龙江省人民政府批准"),
        ("报国务院批准", "报省政府批准"),
        ("国务院负责", "。甘孜藏族自治州人民政府负责"),
        ("国务院负责", "佳木斯市人民政府负责"),
        ("中共中央、国务院", "省委、省政府"),
        ("中共中央办公厅", "中共黑龙江省委办公厅"),
        ("全国人民代表大会常务委员会", "省人民代表大会常务委员会"),
        ("全国人民代表大会常务委员会", "市人民代表大会常务委员会"),
        ("在中华人民共和国境内从事", "在本省行政区域内从事"),
        ("国家鼓励和支持", "本省鼓励和支持"),
        ("国家鼓励和支持", "广西壮族自治区鼓励和支持"),
        ("县级以上地方人民政府", "县级以上人民政府"),
        ("建设国家级示范区", "建设省级示范区"),
        ("各省、自治区、直辖市要结合实际", "各市（地）、县（市、区）要结合实际"),
    ]

    /// Pairs that differ in substance, or where a word only looks like a localisation form.
    static let notLocalizations: [(national: String, local: String)] = [
        ("应当建立", "可以建立"),
        ("国务院教育行政部门", "省人力资源社会保障部门"),
        ("各级人民政府", "县级以上人民政府"),
        ("三十日内", "十五日内"),
        ("基本法律", "基本办法律"),
        ("国务院负责", "城市人民政府负责"),
        ("国务院负责", "设区的市人民政府负责"),
        ("全国", "本省"),
        ("依照本法规定", "依照本法规定"),
        ("国家鼓励和支持", "哈尔滨鼓励和支持"),
    ]

    func testLocalisationsAreRecognisedInBothDirections() {
        for (national, local) in Self.localizations {
            XCTAssertTrue(Localization.isLocalization(national: national, provincial: local), "\(national) → \(local)")
            XCTAssertTrue(Localization.isLocalization(national: local, provincial: national), "\(local) → \(national)")
            XCTAssertEqual(
                TextContent.scalars(of: Localization.fold(national)), TextContent.scalars(of: Localization.fold(local)),
                "\(national) / \(local)")
        }
    }

    func testSubstantiveChangesAreNotLocalisations() {
        for (national, local) in Self.notLocalizations {
            XCTAssertFalse(Localization.isLocalization(national: national, provincial: local), "\(national) → \(local)")
            XCTAssertFalse(Localization.isLocalization(national: local, provincial: national), "\(local) → \(national)")
        }
    }

    func testFoldLeavesOrdinaryWordsAlone() {
        for text in ["节省人力", "全市场统一", "全区域覆盖", "城市建设", "超市", "基本法", "成本办法", "根本办法", "省略号", "设区的市人民政府", "直辖市人民政府"] {
            XCTAssertEqual(Localization.fold(text), text, text)
        }
        XCTAssertEqual(Localization.fold("依照本实施办法第三条，报省人民政府批准。"), "依照本法第三条，报国务院批准。")
        XCTAssertEqual(Localization.fold("本办法"), Localization.fold("本法"))
        XCTAssertEqual(Localization.fold("全国"), Localization.fold("全省"))
        XCTAssertEqual(Localization.fold(""), "")
    }

    func testMatchesReportSideAndPlace() {
        let matches = Localization.matches(in: "依照本法，省教育行政部门会同我省农民专业合作社")
        XCTAssertEqual(matches.map(\.canonical), ["本法", "国务院", "国家"])
        XCTAssertEqual(matches.map(\.side), [.national, .local, .local])
        XCTAssertEqual(matches.map(\.start), [2, 5, 14])
        XCTAssertEqual(matches.map(\.end), [4, 6, 16])
    }

    func testEveryRuleFoldsItsOwnForms() {
        for rule in Localization.rules {
            for form in rule.national + rule.local where !form.contains("{") {
                XCTAssertEqual(Localization.fold(form), rule.canonical, "\(rule.meaning): \(form)")
            }
        }
    }

    /// The bundled pair's own localisations come out folded alike.
    func testBundledPairLocalisations() {
        let national = BundledDocument.national.text
        let provincial = BundledDocument.provincial.text
        XCTAssertTrue(national.contains("中央网信办") && provincial.contains("省委网信办"))
        XCTAssertEqual(Localization.fold("中央网信办"), Localization.fold("省委网信办"))
        let provincialMatches = Localization.matches(in: provincial)
        XCTAssertTrue(provincialMatches.contains { $0.canonical == "国家" && $0.side == .local }, "我省")
        XCTAssertTrue(provincialMatches.contains { $0.canonical == "全国" && $0.side == .local }, "全省")
    }
}

extension LocalizationTests {
    func testLevelsOfLocalFormsAndDocuments() throws {
        XCTAssertEqual(Localization.matches(in: "报省人民政府批准").first?.level, "省")
        XCTAssertEqual(Localization.matches(in: "本市各级人民政府").first?.level, "市")
        XCTAssertEqual(Localization.matches(in: "广西壮族自治区鼓励").first?.level, "自治区")
        XCTAssertNil(Localization.matches(in: "依照本办法").first?.level)
        XCTAssertNil(Localization.matches(in: "国务院有关部门").first?.level, "national forms have no level")
        XCTAssertEqual(Localization.dominantLevel(of: BundledDocument.provincial.load()), "省")
        XCTAssertNil(Localization.dominantLevel(of: BundledDocument.national.load()))
        for (file, level) in [
            ("zhejiang-2020", "省"), ("shanghai-2020", "市"), ("chongqing-2013", "市"), ("henan-undated", "省"),
        ] {
            let path = TestCorpus.url("cunweihui/\(file).md").path
            XCTAssertEqual(Localization.dominantLevel(of: try PolicyImporter.importFile(at: path)), level, file)
        }
    }

    func testCountyLevelGovernmentsInALocalText() {
        XCTAssertTrue(Localization.isLocalization(national: "由县级人民政府监督", provincial: "由区、县人民政府监督"))
        XCTAssertTrue(Localization.isLocalization(national: "报县级人民政府备案", provincial: "报区人民政府备案"))
        XCTAssertFalse(Localization.isLocalization(national: "报县级人民政府备案", provincial: "报社区人民政府备案"))
    }
}
