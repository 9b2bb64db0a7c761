import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoCore

/// Exact outlines of the two bundled documents.
final class BundledDocumentsTests: XCTestCase {
    private var resources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Resources")
    }

    func testEmbeddedTextsMatchResources() throws {
        for document in BundledDocument.allCases {
            let onDisk = try String(
                contentsOf: resources.appendingPathComponent("\(document.rawValue).txt"), encoding: .utf8)
            XCTAssertEqual(document.text + "\n", onDisk, "run Scripts/embed-resources.sh after editing Resources/")
        }
    }

    func testNationalOutline() {
        let document = BundledDocument.national.load()
        XCTAssertEqual(document.title, "关于促进移动互联网健康有序发展的意见")
        XCTAssertEqual(document.issuers, ["中共中央办公厅", "国务院办公厅"])
        XCTAssertEqual(document.date, "2017-01-15")
        XCTAssertNil(document.documentNumber)
        XCTAssertEqual(document.preamble.count, 1)
        XCTAssertTrue(document.preamble[0].hasPrefix("随着信息网络技术迅猛发展"))
        XCTAssertEqual(
            document.divisions.map(\.title),
            [
                "重要意义和总体要求", "推动移动互联网创新发展", "强化移动互联网驱动引领作用", "防范移动互联网安全风险",
                "深化移动互联网国际交流合作", "加强组织领导和工作保障",
            ])
        let clauses = document.comparableUnits
        XCTAssertEqual(clauses.map(\.number), Array(1...24))
        XCTAssertEqual(
            clauses.map(\.title),
            [
                "重要性和紧迫性", "指导思想", "基本原则", "完善市场准入制度", "加快信息基础设施演进升级", "实现核心技术系统性突破",
                "推动产业生态体系协同创新", "加强知识产权运用和保护", "激发信息经济活力", "支持中小微互联网企业发展壮大",
                "推进信息服务惠及全民", "实施网络扶贫行动计划", "繁荣发展网络文化", "提升网络安全保障水平", "维护用户合法权益",
                "打击网络违法犯罪", "增强网络管理能力", "拓展国际合作空间", "参与全球移动互联网治理", "加强国际传播能力建设",
                "完善管理体制", "扩大社会参与", "推进人才队伍建设", "强化法治保障",
            ])
        XCTAssertEqual(
            clauses.map(\.id),
            [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6]
                .enumerated().map { "\($0.element).\($0.offset + 1)" })
        XCTAssertTrue(clauses.allSatisfy { $0.paragraphs.count == 1 })
        XCTAssertTrue(clauses[23].paragraphs[0].hasSuffix("提升全民网络素养。"))
    }

    func testProvincialOutline() {
        let document = BundledDocument.provincial.load()
        XCTAssertEqual(document.title, "关于促进移动互联网健康有序发展的实施意见")
        XCTAssertEqual(document.issuers, ["中共黑龙江省委办公厅", "黑龙江省人民政府办公厅"])
        XCTAssertEqual(document.date, "2017-11-08")
        XCTAssertEqual(document.notice.count, 4)
        XCTAssertEqual(document.preamble.count, 1)
        XCTAssertEqual(
            document.divisions.map(\.title),
            [
                "总体要求", "推动移动互联网创新发展", "强化移动互联网驱动引领作用", "防范移动互联网安全风险", "加强组织领导和工作保障",
            ])
        let clauses = document.comparableUnits
        XCTAssertEqual(clauses.map(\.number), Array(1...20))
        XCTAssertEqual(
            clauses.map(\.title),
            [
                "指导思想", "基本原则", "进一步完善市场准入制度", "推进信息基础设施建设演进升级", "实现核心技术系统性突破",
                "推动移动互联网产业协同创新", "加强知识产权运用和保护", "不断激发信息经济活力", "支持中小微互联网企业发展壮大",
                "推进信息服务惠及人民群众", "实施网络扶贫行动计划", "繁荣发展网络文化", "提升网络安全保障水平", "维护用户合法权益",
                "打击网络违法犯罪", "增强网络管理能力", "完善管理体制", "扩大社会参与", "推进人才队伍建设", "强化法治保障",
            ])
        XCTAssertEqual(clauses.map(\.paragraphs.count), [1, 1, 2, 4, 2, 4, 2, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3])
        XCTAssertTrue(document.warnings.isEmpty, "\(document.warnings)")
    }

    /// The raw web captures (in Tests/Fixtures/seeds) import to the same outlines as the clean texts.
    func testRawCapturesImportLikeTheCleanTexts() throws {
        let seeds = TestCorpus.seeds
        let pairs = [
            ("000_7383e359a54bc1c8.txt", BundledDocument.national),
            ("003_dfb45d2c94a8e8f4.txt", BundledDocument.provincial),
        ]
        for (name, bundled) in pairs {
            let raw = try PolicyImporter.importFile(at: seeds.appendingPathComponent(name).path)
            let clean = bundled.load()
            XCTAssertEqual(raw.title, clean.title, name)
            XCTAssertEqual(raw.issuers, clean.issuers, name)
            XCTAssertEqual(raw.date, clean.date, name)
            XCTAssertEqual(raw.preamble, clean.preamble, name)
            XCTAssertEqual(raw.allDivisions.map(\.id), clean.allDivisions.map(\.id), name)
            XCTAssertEqual(raw.allDivisions.map(\.title), clean.allDivisions.map(\.title), name)
            XCTAssertEqual(raw.allDivisions.map(\.paragraphs.count), clean.allDivisions.map(\.paragraphs.count), name)
            XCTAssertFalse(
                raw.allDivisions.flatMap(\.paragraphs).contains { $0.contains("责任编辑") || $0.contains("Hljnews") }, name)
        }
    }
}
