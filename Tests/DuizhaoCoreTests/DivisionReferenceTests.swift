import XCTest

@testable import DuizhaoCore

/// `PolicyDocument.resolveDivision`: ids, printed labels, labels with other numerals, bare numbers.
final class DivisionReferenceTests: XCTestCase {
    /// A law of 24 articles in two chapters; articles 3 and 24 have items, article 24 two paragraphs.
    static let law: String = {
        var lines = [
            "某某条例", "", "第一章 总则", "", "第一条 为了规范管理，制定本条例。", "", "第二条 本条例适用于本省。", "",
            "第二章 管理", "", "第三条 登记包括下列事项：", "（一）名称；", "（二）住所。",
        ]
        for number in 4...23 { lines.append("第\(chineseNumeral(number))条 第\(number)项规定的事项由登记机关办理。") }
        lines += ["第二十四条 登记应当公开。", "登记机关应当提供查询。", "（一）当面查询；", "（二）网上查询。"]
        return lines.joined(separator: "\n")
    }()

    static func chineseNumeral(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        return number < 10 ? digits[number] : (number >= 20 ? digits[number / 10] : "") + "十" + digits[number % 10]
    }

    static let notice = """
        关于做好某项工作的意见

        一、总体要求
        （一）指导思想。坚持稳中求进。
        1．加强领导。各地要加强领导。
        2．落实责任。各地要落实责任。
        二、重点任务
        （二）完善制度。健全制度。
        3．健全机制。各地要健全机制。
        """

    func testALawArticleIsFoundByItsIdLabelOrNumberInEitherNumeral() throws {
        let document = PolicyImporter.importText(Self.law, source: "law.txt")
        let article = try XCTUnwrap(document.provisions.last)
        XCTAssertEqual(article.label, "第二十四条")
        for reference in [article.id, "第二十四条", "第24条", "第 24 条", "二十四", "24", "２４", " 第二十四条 "] {
            XCTAssertEqual(document.resolveDivision(reference)?.id, article.id, reference)
        }
        XCTAssertEqual(document.resolveDivision("第二章")?.title, "管理")
        XCTAssertEqual(
            document.resolveDivision("2")?.label, "第二条", "a bare number prefers the article to the chapter with that id"
        )
        XCTAssertEqual(document.resolveDivision("2.3")?.label, "第三条")
    }

    func testAnAmbiguousOrUnknownReferenceResolvesToNothing() {
        let document = PolicyImporter.importText(Self.law, source: "law.txt")
        XCTAssertNil(document.resolveDivision("（一）"), "two articles each have an item （一）")
        XCTAssertNil(document.resolveDivision("第九十条"))
        XCTAssertNil(document.resolveDivision("第二十四章"))
        XCTAssertNil(document.resolveDivision("总则"))
        XCTAssertNil(document.resolveDivision(""))
    }

    func testANoticeClauseItemAndSectionAreFoundByTheirLabels() {
        let document = PolicyImporter.importText(Self.notice, source: "notice.txt")
        XCTAssertEqual(document.resolveDivision("（二）")?.title, "完善制度")
        XCTAssertEqual(document.resolveDivision("(2)")?.title, "完善制度", "ASCII brackets read as the printed ones")
        XCTAssertEqual(document.resolveDivision("二、")?.title, "重点任务")
        XCTAssertEqual(document.resolveDivision("3.")?.title, "健全机制")
        XCTAssertEqual(document.resolveDivision("3")?.title, "健全机制", "a bare number prefers the clause")
        XCTAssertEqual(document.resolveDivision("三")?.title, "健全机制")
    }

    func testAnAmbiguousReferenceListsItsCandidatesWithTheirArticles() throws {
        let document = PolicyImporter.importText(Self.law, source: "law.txt")
        let resolver = DivisionResolver(document)
        let resolution = resolver.resolution("（一）")
        guard case .ambiguous(let candidates) = resolution else {
            return XCTFail("（一） is in articles 3 and 24: \(resolution)")
        }
        XCTAssertEqual(candidates.map(\.label), ["（一）", "（一）"])
        let problem = try XCTUnwrap(resolver.problem(resolution, reference: "（一）"))
        XCTAssertTrue(problem.hasPrefix("'（一）' is ambiguous: 第三条（一）"), problem)
        XCTAssertTrue(problem.contains("第二十四条（一）"), problem)
        for candidate in candidates {
            XCTAssertTrue(problem.contains("[" + candidate.id + "]"), "names the id")
            XCTAssertEqual(resolver.resolution(candidate.id), .found(candidate), "the id the problem gives resolves")
        }
        XCTAssertEqual(resolver.resolution("第九十条"), .none)
        XCTAssertEqual(
            resolver.problem(.none, reference: "第九十条"), "no division with id, number or label '第九十条'")
        XCTAssertNil(resolver.problem(resolver.resolution("第二条"), reference: "第二条"))
    }

    /// In a 意见 whose sections have ids 1, 2 … and whose clauses are numbered through the document, every way to
    /// write a clause's number names the clause, never the section with that id: `4`, `四`, `第4条`, `4.`.
    func testEveryWayToWriteAClauseNumberNamesTheClause() throws {
        let document = BundledDocument.national.load()
        let clause = try XCTUnwrap(document.comparableUnits.first { $0.number == 4 })
        XCTAssertNotNil(document.division(id: "4"), "a section has the id 4")
        XCTAssertNotEqual(document.division(id: "4")?.id, clause.id)
        for reference in ["4", "四", "第4条", "第四条", "４", clause.id, clause.label] {
            XCTAssertEqual(document.resolveDivision(reference)?.id, clause.id, reference)
        }
        XCTAssertEqual(document.resolveDivision("四、")?.id, "4", "the section by its printed label")
    }

    func testAnUntitledArticleIsNamedByItsLabelAndExcerpt() throws {
        let document = PolicyImporter.importText(Self.law, source: "law.txt")
        XCTAssertEqual(document.provisions[0].namedHeading, "第一条 为了规范管理，制定本条例…")
        XCTAssertEqual(document.resolveDivision("第二章")?.namedHeading, "第二章 管理")
    }
}

extension DivisionReferenceTests {
    func testAnArticleIsPrintedWithItsItemLabelsRunIntoTheirText() throws {
        let document = PolicyImporter.importText(Self.law, source: "law.txt")
        let article = try XCTUnwrap(document.resolveDivision("第二十四条"))
        XCTAssertEqual(
            article.printedLines,
            [
                PrintedLine(text: "第二十四条", isHeading: true),
                PrintedLine(text: "登记应当公开。", isHeading: false),
                PrintedLine(text: "登记机关应当提供查询。", isHeading: false),
                PrintedLine(text: "（一）当面查询；", isHeading: false),
                PrintedLine(text: "（二）网上查询。", isHeading: false),
            ])
        let section = try XCTUnwrap(PolicyImporter.importText(Self.notice, source: "notice.txt").resolveDivision("二、"))
        XCTAssertEqual(
            section.printedLines.filter(\.isHeading).map(\.text), ["二、重点任务", "（二）完善制度", "3．健全机制"],
            "titled divisions keep their heading lines")
    }
}
