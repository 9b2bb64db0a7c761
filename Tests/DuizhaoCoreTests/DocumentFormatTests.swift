import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoCore

/// Saved web pages, Word files and PDFs (`Tests/Fixtures/formats/`, written by its `make-fixtures.py` from clean
/// texts): each imports as the same document as its clean text — title, issuers, date, number, preamble, every
/// division with its paragraphs, attachments.
final class DocumentFormatTests: XCTestCase {
    static let formats = TestCorpus.fixtures.appendingPathComponent("formats")

    static func format(_ name: String) -> String { formats.appendingPathComponent(name).path }

    /// The document as a reader sees it, without where it came from and what the importer noticed on the way.
    func assertSameDocument(
        _ document: PolicyDocument, _ clean: PolicyDocument, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(document.title, clean.title, file: file, line: line)
        XCTAssertEqual(document.issuers, clean.issuers, file: file, line: line)
        XCTAssertEqual(document.date, clean.date, file: file, line: line)
        XCTAssertEqual(document.documentNumber, clean.documentNumber, file: file, line: line)
        XCTAssertEqual(document.notice, clean.notice, file: file, line: line)
        XCTAssertEqual(document.preamble, clean.preamble, file: file, line: line)
        XCTAssertEqual(document.history, clean.history, file: file, line: line)
        XCTAssertEqual(document.parts, clean.parts, file: file, line: line)
        XCTAssertEqual(document.divisions.map(\.id), clean.divisions.map(\.id), file: file, line: line)
        XCTAssertEqual(document.divisions, clean.divisions, file: file, line: line)
        XCTAssertEqual(OutlineFormatter.tree(document), OutlineFormatter.tree(clean), file: file, line: line)
    }

    func testGovernmentPageWithChromeIsTheCleanText() throws {
        let page = try PolicyImporter.importFile(at: Self.format("gov-page.html"))
        let clean = BundledDocument.national.load()
        XCTAssertGreaterThan(clean.provisions.count, 10)
        assertSameDocument(page, clean)
        // The 政府信息公开 table and the page's <meta> fields are kept as metadata.
        let fields = Dictionary(page.metadata.map { ($0.label, $0.value) }) { first, _ in first }
        XCTAssertEqual(fields["索引号"], "000014349/2017-00011")
        XCTAssertEqual(fields["发文机关"], "中共中央办公厅　国务院办公厅")
        XCTAssertEqual(fields["ArticleTitle"], "关于促进移动互联网健康有序发展的意见")
        XCTAssertEqual(fields["PubDate"], "2017-01-15 20:00")
        // No chrome anywhere in the text.
        let text = ([page.title] + page.notice + page.preamble + page.allDivisions.flatMap(\.paragraphs))
            .joined(separator: "\n")
        for chrome in ["字体", "打印本页", "相关稿件", "责任编辑", "分享到", "版权所有", "统计代码", "margin", "当前位置"] {
            XCTAssertFalse(text.contains(chrome), chrome)
        }
    }

    func testWordPastedPageIsTheCleanLaw() throws {
        let page = try PolicyImporter.importFile(at: Self.format("word-pasted.html"))
        let clean = try PolicyImporter.importFile(at: TestCorpus.url("xianxuefa/henan-1999.md").path)
        XCTAssertGreaterThan(clean.provisions.count, 20)
        assertSameDocument(page, clean)
    }

    func testGBKPageIsTheCleanLaw() throws {
        let page = try PolicyImporter.importFile(at: Self.format("gbk-page.htm"))
        let clean = try PolicyImporter.importFile(at: TestCorpus.url("xianxuefa/zhejiang-2020.md").path)
        assertSameDocument(page, clean)
        XCTAssertEqual(page.warnings.first, .decoded(.gb18030))
    }

    func testWordFileWithNumberingAndTableIsTheCleanText() throws {
        let word = try PolicyImporter.importFile(at: Self.format("numbered-notice.docx"))
        let clean = try PolicyImporter.importFile(at: Self.format("numbered-notice.txt"))
        assertSameDocument(word, clean)
        // The labels exist only as Word's numbering (styles for 一、 and （一）, direct numbering for 1. that never
        // restarts), and the table only as a w:tbl.
        XCTAssertEqual(word.divisions.first { $0.kind == .section }?.label, "一、")
        XCTAssertEqual(
            word.allDivisions.filter { $0.kind == .clause }.map(\.label), ["1.", "2.", "3.", "4.", "5.", "6."])
        let table = try XCTUnwrap(word.allDivisions.first { $0.kind == .table })
        XCTAssertEqual(table.paragraphs.count, 4)
        XCTAssertEqual(table.paragraphs.last, "3 | 提升养护水平 | 省交通运输厅")
    }

    func testPrintedPDFIsTheCleanLaw() throws {
        let pdf = try PolicyImporter.importFile(at: Self.format("printed-law.pdf"))
        let clean = try PolicyImporter.importFile(at: TestCorpus.url("xianxuefa/national.md").path)
        XCTAssertGreaterThan(clean.provisions.count, 20)
        assertSameDocument(pdf, clean)
    }

    func testScannedPDFFailsSayingItHasNoText() {
        let path = Self.format("scanned.pdf")
        XCTAssertThrowsError(try PolicyImporter.importFile(at: path)) { error in
            XCTAssertEqual(error as? ImportError, ImportError(path: path, problem: .pdfWithoutText))
            XCTAssertTrue("\(error)".contains("no text layer"))
        }
    }

    func testPageIsRecognisedByContentWhateverItsName() throws {
        let scratch = try ScratchDirectory("formats") { addTeardownBlock($0) }
        let copy = scratch.path("saved-page.txt")
        try FileManager.default.copyItem(atPath: Self.format("gov-page.html"), toPath: copy)
        assertSameDocument(try PolicyImporter.importFile(at: copy), BundledDocument.national.load())
        // A text file whose name says HTML but which holds no markup stays text.
        let plain = try scratch.write(
            String(contentsOfFile: Self.format("numbered-notice.txt"), encoding: .utf8),
            to: "notice.html")
        assertSameDocument(
            try PolicyImporter.importFile(at: plain),
            try PolicyImporter.importFile(at: Self.format("numbered-notice.txt")))
    }

    func testBadContainersFailWithTheirProblem() throws {
        let scratch = try ScratchDirectory("formats") { addTeardownBlock($0) }
        // A ZIP archive that is no Word file (the docx's members renamed), a truncated one, an old .doc, a damaged PDF.
        var docx = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.format("numbered-notice.docx"))))
        let name = Array("word/document.xml".utf8)
        var index = 0
        while index + name.count <= docx.count {
            if Array(docx[index..<(index + name.count)]) == name { docx[index] = UInt8(ascii: "x") }
            index += 1
        }
        let notWord = scratch.path("archive.docx")
        try Data(docx).write(to: URL(fileURLWithPath: notWord))
        let truncated = scratch.path("truncated.docx")
        try Data(docx.prefix(200)).write(to: URL(fileURLWithPath: truncated))
        let legacy = scratch.path("old.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 500))
            .write(to: URL(fileURLWithPath: legacy))
        let damaged = scratch.path("damaged.pdf")
        try Data("%PDF-1.4\n1 0 obj garbage".utf8).write(to: URL(fileURLWithPath: damaged))
        for (path, expected) in [
            (notWord, "not a Word .docx file"), (truncated, "damaged ZIP archive"), (legacy, "old binary Office file"),
            (damaged, "cannot be read (damaged or encrypted)"),
        ] {
            XCTAssertThrowsError(try PolicyImporter.importFile(at: path)) { error in
                XCTAssertEqual((error as? ImportError)?.path, path)
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }

    // MARK: Shapes of markup

    func testBreaksBlocksCellsAndHiddenText() throws {
        let page = try XCTUnwrap(
            HTMLPage.extract(
                """
                <html><body><div class="content">
                <p>第一行<br>第二
                行<br/>third line</p>
                <table><tr><td>序号</td><td>名称</td></tr></table>
                <p style="display: none">隐藏的文字</p><script>var a = "<p>脚本</p>";</script>
                <p>a  b&nbsp;&nbsp;c&#12288;d&lt;e</p>
                </div></body></html>
                """))
        XCTAssertEqual(
            page.text.components(separatedBy: "\n"),
            ["第一行", "第二行", "third line", "序号", "名称", "a b\u{A0}\u{A0}c\u{3000}d<e"])
    }

    func testShortDocumentAmongHeavyChromeKeepsTheDocument() throws {
        // The document is under 4/5 of the page's text: the element the site names as content is taken.
        let footer = String(repeating: "本网站由某某省人民政府办公厅主办，地址某某路一号，联系电话略。", count: 6)
        let page = try XCTUnwrap(
            HTMLPage.extract(
                """
                <html><body><div class="wrap"><div class="crumb">当前位置：首页 &gt; 通知公告</div>
                <div class="article-content"><p>某某省人民政府关于调整工作时间的通知</p>
                <p>各市人民政府：</p><p>经研究，自下月起，全省各级机关夏季作息时间调整为上午八时至十二时，下午三时至六时。</p>
                <p>某某省人民政府</p><p>2024年5月1日</p></div>
                <div class="foot">\(footer)</div></div></body></html>
                """))
        let lines = page.text.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "某某省人民政府关于调整工作时间的通知")
        XCTAssertEqual(lines.last, "2024年5月1日")
    }

    func testDeeplyNestedMarkupAndPagesWithoutText() throws {
        // Unclosed <font> tags nest hundreds deep in pages pasted from old editors.
        let nested = "<html><body>" + String(repeating: "<font>", count: 600) + "<p>一、总体要求</p><p>正文。</p>"
        let page = try XCTUnwrap(HTMLPage.extract(nested))
        XCTAssertEqual(page.text, "一、总体要求\n正文。")
        let scratch = try ScratchDirectory("formats") { addTeardownBlock($0) }
        let empty = try scratch.write(
            "<html><head><title>首页</title><script>var a=1;</script></head><body><nav><a>首页</a></nav></body></html>",
            to: "empty.html")
        XCTAssertThrowsError(try PolicyImporter.importFile(at: empty)) { error in
            XCTAssertEqual(error as? ImportError, ImportError(path: empty, problem: .noTextFound(what: "web page")))
        }
    }

    func testTitleBrokenOverLinesInTheBlockIsNotRepeated() throws {
        let page = try XCTUnwrap(
            HTMLPage.extract(
                """
                <html><head><meta name="ArticleTitle" content="国务院关于进一步做好为农民工服务工作的意见"></head><body>
                <div class="content"><p align="center">国务院关于进一步做好</p><p align="center">为农民工服务工作的意见</p>
                <p>国发〔2014〕40号</p><p>一、总体要求</p><p>做好为农民工服务工作。</p></div></body></html>
                """))
        XCTAssertEqual(
            page.text.components(separatedBy: "\n"),
            ["国务院关于进一步做好", "为农民工服务工作的意见", "国发〔2014〕40号", "一、总体要求", "做好为农民工服务工作。"])
    }

    func testWordNumberFormats() {
        XCTAssertEqual(ListCounter.format(11, as: "chineseCounting"), "十一")
        XCTAssertEqual(ListCounter.format(20, as: "chineseCountingThousand"), "二十")
        XCTAssertEqual(ListCounter.format(3, as: "ideographTraditional"), "丙")
        XCTAssertEqual(ListCounter.format(12, as: "decimalFullWidth"), "１２")
        XCTAssertEqual(ListCounter.format(4, as: "upperRoman"), "IV")
        XCTAssertEqual(ListCounter.format(28, as: "lowerLetter"), "bb")
        XCTAssertEqual(ListCounter.format(2, as: "decimalEnclosedCircle"), "②")
        XCTAssertEqual(ListCounter.format(7, as: "decimal"), "7")
    }
}
