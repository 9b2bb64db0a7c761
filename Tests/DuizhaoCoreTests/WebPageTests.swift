import Foundation
import XCTest

@testable import DuizhaoCore

/// Pages saved from government sites: the two captures in `Tests/Fixtures/corpus/web/` (expectations derived from the
/// raw text here) and invented pages for the other shapes.
final class WebPageTests: XCTestCase {
    static func corpusFile(_ name: String) -> URL {
        LawOutlineTests.corpus.appendingPathComponent("web/\(name)")
    }

    /// Raw lines (indentation removed) that start with `pattern`'s match.
    static func labels(in url: URL, matching pattern: String) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).components(separatedBy: .newlines).compactMap { line in
            let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " 　\u{FEFF}\u{A0}\t"))
            return trimmed.range(of: pattern, options: .regularExpression).map { String(trimmed[$0]) }
        }
    }

    /// The title, issuing bodies and date the importer read from a page's header.
    func assertHeader(
        _ document: PolicyDocument, title: String, issuers: [String], date: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(document.title, title, file: file, line: line)
        XCTAssertEqual(document.issuers, issuers, file: file, line: line)
        XCTAssertEqual(document.date, date, file: file, line: line)
    }

    func testCentralGovernmentInformationPage() throws {
        let url = Self.corpusFile("nat-migrant-workers-2014.txt")
        let document = try PolicyImporter.importFile(at: url.path)
        assertHeader(document, title: "国务院关于进一步做好为农民工服务工作的意见", issuers: ["国务院"], date: "2014-09-12")
        XCTAssertEqual(document.documentNumber, "国发〔2014〕40号")
        XCTAssertEqual(document.metadata.map(\.label), ["索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词"])
        XCTAssertEqual(document.metadata.first { $0.label == "发布日期" }?.value, "2014年09月30日")
        let sections = try Self.labels(in: url, matching: "^[一二三四五六七八九十]+、")
        let items = try Self.labels(in: url, matching: "^（[一二三四五六七八九十]+）")
        XCTAssertEqual(document.divisions.map(\.label), sections)
        XCTAssertEqual(document.allDivisions.filter { $0.kind == .item }.map(\.label), items)
        XCTAssertEqual(items.count, 28, "items are numbered straight through the six sections")
        XCTAssertEqual(document.provisions.count, 28)
        XCTAssertTrue(document.notice.contains("（此件公开发布）"))
        // Nothing of the table or the signature is body text.
        let body = document.preamble + document.allDivisions.flatMap(\.paragraphs)
        XCTAssertFalse(body.contains { $0.contains("索") && $0.contains("引") && $0.contains("号：") })
        XCTAssertFalse(body.contains { $0.hasSuffix("国务院") || $0.hasPrefix("2014年9月12日") })
    }

    func testProvincialRepostWithFooterAndRelatedLinks() throws {
        let url = Self.corpusFile("prov-hunan-mobile-internet-industry-2014.txt")
        let document = try PolicyImporter.importFile(at: url.path)
        assertHeader(document, title: "湖南省人民政府关于鼓励移动互联网产业发展的意见", issuers: ["湖南省人民政府"], date: "2014-02-19")
        XCTAssertEqual(document.divisions.map(\.label), try Self.labels(in: url, matching: "^[一二三四五六七八九十]+、"))
        XCTAssertEqual(document.preamble.count, 2, "\(document.preamble)")
        XCTAssertTrue(document.preamble[0].hasPrefix("各市州"))
        XCTAssertTrue(
            document.warnings.contains {
                if case .droppedPageFurniture(5, 3, 13) = $0 { return true } else { return false }
            },
            "breadcrumb, timestamp line, 【字体…】, 【E-mail推荐 and 】: \(document.warnings)")
        XCTAssertTrue(
            document.warnings.contains {
                if case .ignoredFromEndMarker(1, 79, let marker) = $0 {
                    return marker.contains("责任编辑")
                } else {
                    return false
                }
            }, "\(document.warnings)")
        let last = try XCTUnwrap(document.divisions.last)
        XCTAssertFalse(last.allParagraphs.contains { $0.contains("栏目推荐") || $0.contains("领导活动") })
    }

    /// A provincial page: table with labels on their own lines, body indented with U+3000, untitled numbered
    /// sentences, a letter-spaced signature, a date in Chinese numerals, then the site footer.
    static let provincialPage = """
        北京市人民政府关于加强城市绿地管理的实施意见_首都之窗
        首页 > 政务公开 > 政策文件
        标　　题：
        北京市人民政府关于加强城市绿地管理的实施意见
        发文字号：
        京政发［２０１１］２７号
        　　各区县人民政府，市政府各委、办、局：
        　　为改善人居环境，现提出如下实施意见。
        　　一、市政府相关部门按照各自职责分工，抓紧制定配套措施，确保各项任务落到实处。
        　　二、各区县人民政府要加强组织领导，明确责任分工，确保绿地建设取得实效。
        　　三、本意见自印发之日起施行。
        　　　　　　　　　　北 京 市 人 民 政 府
        　　　　　　　　　二〇一一年五月二十七日
        【打印本页】【关闭窗口】
        相关链接：北京市园林绿化局
        主办：北京市人民政府办公厅　版权所有
        京ICP备05060933号
        网站标识码：1100000088
        """

    func testProvincialPageShapes() {
        let document = PolicyImporter.importText(Self.provincialPage, source: "page.txt")
        assertHeader(document, title: "北京市人民政府关于加强城市绿地管理的实施意见", issuers: ["北京市人民政府"], date: "2011-05-27")
        XCTAssertEqual(document.documentNumber, "京政发〔2011〕27号")
        XCTAssertEqual(document.divisions.map(\.label), ["一、", "二、", "三、"])
        XCTAssertEqual(document.divisions.map(\.title), ["", "", "本意见自印发之日起施行"])
        XCTAssertEqual(document.divisions[0].excerpt, "市政府相关部门按照各自职责分工…")
        XCTAssertEqual(document.divisions[0].paragraphs, ["市政府相关部门按照各自职责分工，抓紧制定配套措施，确保各项任务落到实处。"])
        XCTAssertEqual(document.divisions[2].paragraphs, [], "a short sentence with no comma reads as a title")
        XCTAssertTrue(
            document.warnings.contains {
                if case .ignoredFromEndMarker(5, 14, _) = $0 { return true } else { return false }
            }, "\(document.warnings)")
        XCTAssertFalse(
            document.allDivisions.flatMap(\.paragraphs).contains { $0.contains("版权所有") || $0.contains("北 京") })
    }

    func testLetterSpacingAndDocumentNumbers() {
        XCTAssertEqual(LineClassifier.collapsingLetterSpacing("北 京 市 人 民 政 府"), "北京市人民政府")
        XCTAssertEqual(LineClassifier.collapsingLetterSpacing("中共北京市委　　北京市人民政府"), "中共北京市委 北京市人民政府")
        XCTAssertEqual(LineClassifier.splitIssuers("中 共 北 京 市 委    北 京 市 人 民 政 府"), ["中共北京市委", "北京市人民政府"])
        XCTAssertEqual(LineClassifier.documentNumber(in: "京政发［２０１１］２７号"), "京政发〔2011〕27号")
        XCTAssertEqual(LineClassifier.documentNumber(in: "国发[2014]40号"), "国发〔2014〕40号")
        XCTAssertEqual(LineClassifier.standaloneDate("二〇一一年五月二十七日"), "2011-05-27")
        XCTAssertEqual(LineClassifier.standaloneDate("二○一七年十二月三十一日"), "2017-12-31")
    }

    func testOneLineTableWithSeveralPairs() {
        let text = """
            索 引 号：000014349/2014-00114　　主题分类：综合政务
            发文机关：国务院办公厅　　成文日期：2015年03月01日
            标　　题：国务院办公厅关于加强某项工作的通知
            发文字号：国办发〔2015〕9号　　发布日期：2015年03月05日
            国务院办公厅关于加强某项工作的通知
            一、总体要求。做好某项工作。
            二、保障措施。加强领导。
            """
        let document = PolicyImporter.importText(text, source: "table.txt")
        XCTAssertEqual(document.metadata.count, 7)
        XCTAssertEqual(document.metadata[0], MetadataField(label: "索引号", value: "000014349/2014-00114"))
        assertHeader(document, title: "国务院办公厅关于加强某项工作的通知", issuers: ["国务院办公厅"], date: "2015-03-01")
        XCTAssertEqual(document.documentNumber, "国办发〔2015〕9号")
        XCTAssertEqual(document.divisions.map(\.title), ["总体要求", "保障措施"])
        XCTAssertTrue(document.preamble.isEmpty, "\(document.preamble)")
    }
}
