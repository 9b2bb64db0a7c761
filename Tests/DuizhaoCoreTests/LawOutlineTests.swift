import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoCore

/// Laws and their local implementations from `Tests/Fixtures/corpus/`: every expectation is derived from the raw file
/// by simple line matching here, independently of the importer.
final class LawOutlineTests: XCTestCase {
    static let corpus = TestCorpus.corpus

    static func lawFiles() throws -> [URL] {
        var files: [URL] = []
        for folder in ["cunweihui", "nongjituiguang"] {
            let directory = corpus.appendingPathComponent(folder)
            files += try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "md" }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// A raw line that starts an article: 第 + Chinese numerals + 条, then a space or the end of the line.
    static func articleLabel(_ line: String) -> String? {
        guard let match = line.range(of: "^第[一二三四五六七八九十百零〇]+条(?=[ 　]|$)", options: .regularExpression) else {
            return nil
        }
        return String(line[match])
    }

    /// `（一）` … `（二十）` at the start of a line.
    static func isItemLine(_ line: String) -> Bool {
        line.range(of: "^（[一二三四五六七八九十]+）", options: .regularExpression) != nil
    }

    /// The lines of an article below its label as printed: each part's label before its first paragraph.
    static func printedText(of article: Division) -> [String] {
        article.flattened.dropFirst().flatMap { part in
            part.paragraphs.enumerated().map { $0.offset == 0 ? part.label + $0.element : $0.element }
        }
    }

    func testEveryLawInTheCorpus() throws {
        let files = try Self.lawFiles()
        XCTAssertEqual(files.count, 12, "the corpus README lists 12 law files")
        for file in files {
            let raw = try String(contentsOf: file, encoding: .utf8)
            let rawLines = raw.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let document = try PolicyImporter.importFile(at: file.path)
            let name = file.deletingPathExtension().path.split(separator: "/").suffix(2).joined(separator: "/")

            // Title: the markdown `# ` line.
            let titleLine = try XCTUnwrap(rawLines.first { $0.hasPrefix("# ") }, name)
            XCTAssertEqual(document.title, String(titleLine.dropFirst(2)), name)

            // Articles: every line that starts with 第X条, in order, and nothing else.
            let expectedArticles = rawLines.compactMap(Self.articleLabel)
            XCTAssertGreaterThan(expectedArticles.count, 20, name)
            XCTAssertEqual(document.provisions.map(\.label), expectedArticles, name)
            XCTAssertTrue(
                document.provisions.allSatisfy { $0.kind == .article && $0.title.isEmpty && $0.excerpt != nil }, name)

            // Chapters printed as `## 第X章 title` appear, in order, with their titles (spaces inside closed up).
            let printedChapters = rawLines.filter { $0.hasPrefix("## ") }.map { line -> String in
                let words = line.dropFirst(3).split(whereSeparator: { $0 == " " || $0 == "　" })
                return words[0] + " " + words.dropFirst().joined()
            }
            let chapters = document.allDivisions.filter { $0.kind == .chapter && !$0.label.isEmpty }.map(\.heading)
            XCTAssertEqual(chapters, printedChapters, name)

            // Each article's text is exactly the raw lines from its label to the next article or chapter.
            var expectedText: [[String]] = []
            for line in rawLines where !line.isEmpty {
                if let label = Self.articleLabel(line) {
                    let rest = line.dropFirst(label.count).trimmingCharacters(in: CharacterSet(charactersIn: " 　"))
                    expectedText.append(rest.isEmpty ? [] : [rest])
                } else if line.hasPrefix("## ") || line.hasPrefix("<!--") || line.hasPrefix("# ") {
                    if !expectedText.isEmpty { expectedText.append([]) }
                } else if !expectedText.isEmpty {
                    expectedText[expectedText.count - 1].append(line)
                }
            }
            // A bare chapter title (a short line without punctuation before an article) is not article text.
            let bareChapters = Set(
                document.allDivisions.filter { $0.kind == .chapter && $0.label.isEmpty }.map(\.title))
            let articleTexts = expectedText.map { $0.filter { !bareChapters.contains($0) } }.filter { !$0.isEmpty }
            XCTAssertEqual(document.provisions.count, articleTexts.count, name)
            for (article, text) in zip(document.provisions, articleTexts) {
                XCTAssertEqual(Self.printedText(of: article), text, "\(name) \(article.label)")
                XCTAssertEqual(article.allParagraphs.count, text.count, "\(name) \(article.label)")
                // 款: the lines that are not items; 项: the （一） lines.
                let items = text.filter { $0.hasPrefix("（") && Self.isItemLine($0) }
                XCTAssertEqual(
                    article.children.filter { $0.kind == .articleParagraph }.count, text.count - items.count,
                    "\(name) \(article.label)")
                XCTAssertEqual(
                    article.flattened.filter { $0.kind == .articleItem }.count, items.count, "\(name) \(article.label)")
            }

            // History: every dated line between the title and `<!-- INFO END -->`; the date is the last of them.
            let infoEnd = rawLines.firstIndex { $0.hasPrefix("<!-- INFO END") } ?? 0
            let historyDates = rawLines[..<infoEnd].compactMap { line -> String? in
                guard let match = line.range(of: "^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日", options: .regularExpression) else {
                    return nil
                }
                let parts = line[match].split(whereSeparator: { "年月日".contains($0) }).map { Int($0)! }
                return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
            }
            XCTAssertEqual(document.history.map(\.date), historyDates, name)
            XCTAssertEqual(document.date, historyDates.last, name)
            if !historyDates.isEmpty {
                XCTAssertEqual(document.issuers.count, 1, name)
                XCTAssertTrue(document.issuers[0].hasSuffix("人民代表大会常务委员会"), "\(name): \(document.issuers)")
                XCTAssertTrue(document.history.allSatisfy { ["通过", "修订", "修正"].contains($0.action ?? "") }, "\(name)")
            }
            XCTAssertTrue(document.preamble.isEmpty, "\(name): \(document.preamble)")
            XCTAssertEqual(Set(document.allDivisions.map(\.id)).count, document.allDivisions.count, name)
        }
    }

    /// The printed shapes of law headings, written here: a bare `总则` line, a spaced PDF heading, U+3000 after the
    /// label, an article label alone on its line, 节 inside 章, items and sub-items, a parenthesised history and a
    /// table of contents.
    static let headingShapes = """
        某某条例
        （2009年8月27日某某省第十一届人民代表大会常务委员会第十次会议通过　根据2015年5月1日某某省第十二届人民代表大会常务委员会第三次会议《关于修改〈某某条例〉的决定》修正）
        目　　录
        总则
        第 二 章  管 理
        第一节 登记
        第二节 监督
        第三章 附则
        总则
        第一条　为了加强管理，制定本条例。
        第二条
        本条例适用于本省。
        第 二 章  管 理
        第一节 登记
        第三条 登记包括下列事项：
        （一）名称；
        （二）住所，包括：
        1.通讯地址；
        2.电话。
        登记应当公开。
        第二节 监督
        第四条 有关部门应当监督。
        第三章 附则
        第五条 本条例自2010年1月1日起施行。
        """

    func testHeadingShapes() {
        let document = PolicyImporter.importText(Self.headingShapes, source: "shapes.txt")
        XCTAssertEqual(document.title, "某某条例")
        XCTAssertEqual(document.history.map(\.date), ["2009-08-27", "2015-05-01"])
        XCTAssertEqual(document.history.map(\.action), ["通过", "修正"])
        XCTAssertEqual(document.issuers, ["某某省人民代表大会常务委员会"])
        XCTAssertEqual(document.date, "2015-05-01")
        XCTAssertTrue(document.preamble.isEmpty, "\(document.preamble)")
        XCTAssertTrue(
            document.warnings.contains(.skippedTableOfContents(firstLine: 3, lastLine: 8)), "\(document.warnings)")
        XCTAssertEqual(
            document.allDivisions.filter(\.kind.isOutlineLevel).map { "\($0.kind.rawValue) \($0.heading)" },
            [
                "章 总则", "条 第一条", "条 第二条", "章 第二章 管理", "节 第一节 登记", "条 第三条", "节 第二节 监督", "条 第四条",
                "章 第三章 附则", "条 第五条",
            ])
        XCTAssertEqual(document.provisions.map(\.id), ["1.1", "1.2", "2.1.3", "2.2.4", "3.5"])
        let third = document.provisions[2]
        XCTAssertEqual(third.children.map(\.kind), [.articleParagraph, .articleParagraph])
        XCTAssertEqual(third.children[0].children.map(\.label), ["（一）", "（二）"])
        XCTAssertEqual(
            third.children[0].children[1].children.map { "\($0.kind.rawValue)\($0.label)\($0.paragraphs[0])" },
            ["目1.通讯地址；", "目2.电话。"])
        XCTAssertEqual(third.allSentences, ["登记包括下列事项：", "名称；", "住所，包括：", "通讯地址；", "电话。", "登记应当公开。"])
        XCTAssertTrue(third.sentences.isEmpty, "an article's own paragraphs are its 款 children")
        XCTAssertEqual(third.allParagraphs, ["登记包括下列事项：", "名称；", "住所，包括：", "通讯地址；", "电话。", "登记应当公开。"])
        XCTAssertEqual(document.provisions[1].allParagraphs, ["本条例适用于本省。"])
        XCTAssertEqual(document.provisions[1].excerpt, "本条例适用于本省…")
        XCTAssertEqual(document.resolveDivision("4")?.label, "第四条")
    }

    func testOutlineJSONOfALaw() throws {
        let object = try outlineObject(PolicyImporter.importText(Self.headingShapes, source: "shapes.txt"))
        let divisions = try XCTUnwrap(object["divisions"] as? [[String: Any]])
        XCTAssertEqual(divisions.compactMap { $0["kind"] as? String }, ["章", "章", "章"])
        XCTAssertEqual(divisions.compactMap { $0["label"] as? String }, ["", "第二章", "第三章"])
        let chapter = try XCTUnwrap((divisions[1]["children"] as? [[String: Any]])?.first)
        XCTAssertEqual(chapter["kind"] as? String, "节")
        let article = try XCTUnwrap((chapter["children"] as? [[String: Any]])?.first)
        XCTAssertEqual(article["label"] as? String, "第三条")
        XCTAssertEqual(article["kind"] as? String, "条")
        XCTAssertEqual(article["title"] as? String, "")
        XCTAssertEqual(article["excerpt"] as? String, "登记包括下列事项…")
        let paragraphs = try XCTUnwrap(article["children"] as? [[String: Any]])
        XCTAssertEqual(paragraphs.compactMap { $0["kind"] as? String }, ["款", "款"])
        XCTAssertEqual(paragraphs[0]["paragraphs"] as? [String], ["登记包括下列事项："])
        XCTAssertNil(paragraphs[0]["excerpt"], "a 款 is not an outline level")
        let items = try XCTUnwrap(paragraphs[0]["children"] as? [[String: Any]])
        XCTAssertEqual(items.compactMap { $0["kind"] as? String }, ["项", "项"])
        XCTAssertEqual((object["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }, ["通过", "修正"])
    }
}
