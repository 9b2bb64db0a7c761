import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// A law and its implementing measures in the reader: the outline lists chapters and articles (an article's 款
/// 项 目 stay inside it), untitled articles are named by label and excerpt in the outline, the pane headings and
/// the status line, and `:` finds an article by its printed label.
final class LawReadingTests: XCTestCase {
    static let nationalText = """
        某某管理法

        第一章 总则

        第一条 为了规范某某管理，保障公民合法权益，制定本法。

        第二条 本法适用于全国。
        国务院有关部门负责实施。

        第二章 管理

        第三条 登记包括下列事项：
        （一）名称；
        （二）住所。
        """

    static let provincialText = """
        某某省实施《某某管理法》办法

        第一章 总则

        第一条 为了规范某某管理，根据《某某管理法》，结合本省实际，制定本办法。

        第二条 本办法适用于本省。

        第二章 管理

        第三条 登记包括下列事项：
        （一）名称；
        （二）住所；
        （三）联系电话。
        """

    static func model(width: Int, height: Int) -> ReaderModel {
        let national = PolicyImporter.importText(nationalText, source: "law.txt")
        let provincial = PolicyImporter.importText(provincialText, source: "measures.txt")
        var model = ReaderModel(national: national, provincial: provincial, width: width, height: height)
        let links = ["1.1", "1.2", "2.3"].map { ClauseLink(national: $0, provincial: $0, kind: .match, score: 0.9) }
        _ = model.update(
            .comparisonFinished(
                Comparison(
                    links: links, nationalOnly: [], provincialOnly: [], provenance: [], nationalFates: [:])))
        return model
    }

    /// The outline holds chapters and articles only (no blank rows for 款), each untitled article with its
    /// excerpt; in the panes an untitled article's label stands alone above its text (its first words once); a
    /// 项's label runs into its text as printed (`（一）名称；`).
    static let readingAt80x24 = [
        " 目录 · 国家    │ 国家 · 某某管理法             │ 某某 · 某某省实施《某某管理…",
        " -第一章 总则   │ 第一章 总则                   │ 第一章 总则",
        "    第一条 为了…│                               │",
        "    第二条 本法…│ 第一条                        │ 第一条",
        " -第二章 管理   │     为了规范某某管理，保障公  │     为了规范某某管理，根据",
        "    第三条 登记…│ 民合法权益，制定本法。        │ 《某某管理法》，结合本省实",
        "                │                               │ 际，制定本办法。",
        "                │                               │",
        "                │ 第二条                        │ 第二条",
        "                │     本法适用于全国。          │     本办法适用于本省。",
        "                │     国务院有关部门负责实施。  │",
        "                │                               │",
        "                │ 第二章 管理                   │ 第二章 管理",
        "                │                               │",
        "                │ 第三条                        │ 第三条",
        "                │     登记包括下列事项：        │     登记包括下列事项：",
        "                │     （一）名称；              │     （一）名称；",
        "                │     （二）住所。              │     （二）住所；",
        "                │                               │     （三）联系电话。",
        "                │                               │",
        "                │                               │",
        "                │                               │",
        "                │                               │",
        " 国家 │ 第一章 总则                                 side by side · ? keys · all",
    ]

    func testReadingAt80x24() {
        let screen = Self.model(width: 80, height: 24).render()
        XCTAssertEqual(screen.lines, Self.readingAt80x24)
        XCTAssertEqual(screen.roles(of: "第一条"), [.outline, .outline, .outline])
        XCTAssertEqual(screen.roles(of: "为了…")?.first, .excerpt, "the outline marks the excerpt as one")
        let paneColumn = 17
        XCTAssertEqual(screen.roles(of: "第一条", minimumColumn: paneColumn), [.heading, .heading, .heading])
        // An untitled article's first words once: in its text, not again after its label (issue 22).
        XCTAssertEqual(screen.lines.filter { $0.contains("为了规范某某管理") }.count, 1)
        XCTAssertEqual(screen.roles(of: "（三）联系电话"), [.heading, .heading, .heading, .normal, .normal, .normal, .normal])
    }

    func testTheOutlineOfALawListsOnlyItsOutlineLevels() {
        let model = Self.model(width: 80, height: 24)
        let outline = model.readingScreen.pieces.national!.outline
        XCTAssertEqual(outline.map(\.heading), ["第一章 总则", "第一条", "第二条", "第二章 管理", "第三条"])
        XCTAssertEqual(outline.map(\.excerpt), [nil, "为了规范某某管理，保障公民合法权…", "本法适用于全国…", nil, "登记包括下列事项…"])
        XCTAssertEqual(outline.map(\.hasChildren), [true, false, false, true, false], "an article folds nothing")
    }

    func testTheStatusLineNamesAnUntitledArticleByItsExcerptWhereThereIsRoom() {
        var wide = Self.model(width: 100, height: 24)
        _ = wide.type(":第二条\n")
        XCTAssertEqual(wide.currentClause(.national), "1.2")
        XCTAssertTrue(wide.render().statusLine.contains("第一章 总则 › 第二条 本法适用于全国…"), wide.render().statusLine)
        var narrow = Self.model(width: 60, height: 12)
        _ = narrow.type(":第二条\n")
        XCTAssertTrue(narrow.render().statusLine.contains("第一章 总则 › 第二条 "), narrow.render().statusLine)
        XCTAssertFalse(narrow.render().statusLine.contains("本法适用"), "no room: the label alone")
    }

    func testJumpFindsAnArticleByItsPrintedLabelInEitherNumeral() {
        for reference in ["第三条", "第3条", "三", "3", "2.3"] {
            var model = Self.model(width: 80, height: 24)
            _ = model.type(":" + reference + "\n")
            XCTAssertEqual(model.currentClause(.national), "2.3", reference)
        }
        var model = Self.model(width: 80, height: 24)
        _ = model.type(":第九条\n")
        XCTAssertTrue(model.render().statusLine.contains("no clause 第九条"))
    }

    /// No outline; the excerpts of the pane headings cut to the narrow panes.
    func testReadingAt40x12() throws {
        XCTAssertEqual(Self.model(width: 40, height: 12).render().lines, try ExpectedFrame.lines("law-reading-40x12"))
    }

    func testSearchFindsTextAcrossARunInLabel() {
        var model = Self.model(width: 80, height: 24)
        _ = model.type("/（三）联系\n")
        let current = model.readingScreen.search?.current
        XCTAssertEqual(current?.side, .provincial, model.render().statusLine)
        XCTAssertEqual(model.render().roles(of: "（三）联系")?.first, .searchCurrent)
    }

    func testTheCurrentArticleIsMarkedInTheOutlineWithItsExcerpt() {
        var model = Self.model(width: 80, height: 24)
        _ = model.type(":第三条\n")
        let screen = model.render()
        XCTAssertEqual(
            screen.roles(of: "第三条 登记…"), Array(repeating: .outlineCurrent, count: 7), "label and excerpt marked alike")
        XCTAssertEqual(screen.roles(of: "第二条 本法…")?.last, .excerpt, "other rows keep the excerpt quiet")
    }
}

extension LawReadingTests {
    /// `:` goes through the one resolver: an ambiguous reference is reported with its candidates (the view does
    /// not move), and every way to write a 意见's clause number opens the clause, not the section with that id.
    func testJumpReportsAnAmbiguousReferenceAndReadsClauseNumbersAlike() throws {
        let text = Self.nationalText + "\n\n第四条 下列事项应当公开：\n（一）财务；\n（二）人事。"
        let national = PolicyImporter.importText(text, source: "law.txt")
        var model = ReaderModel(national: national, provincial: nil, width: 160, height: 24)
        let top = model.render().lines
        _ = model.type(":（一）\n")
        let ambiguous = model.render().statusLine
        XCTAssertTrue(ambiguous.contains("'（一）' is ambiguous: 第三条（一）"), ambiguous)
        XCTAssertEqual(Array(model.render().lines.dropLast()), Array(top.dropLast()), "the view stays")

        let bundled = BundledDocument.national.load()
        let clause = try XCTUnwrap(bundled.comparableUnits.first { $0.number == 4 })
        for reference in ["4", "四", "第4条"] {
            var reader = ReaderModel(national: bundled, provincial: nil, width: 80, height: 24)
            _ = reader.type(":" + reference + "\n")
            XCTAssertEqual(reader.currentClause(.national), clause.id, reference)
        }
    }
}

extension LawReadingTests {
    /// `}`/`{` move chapter by chapter on a law (and by 节 where a chapter has them).
    func testBracesMoveByChapterAndSubchapter() {
        var model = Self.model(width: 80, height: 8)
        model.press(.character("}"))
        XCTAssertTrue(model.render().lines[1].contains("第二章"), model.render().lines.joined(separator: "\n"))
        model.press(.character("}"))
        XCTAssertTrue(model.render().statusLine.contains("no next section"), "the last chapter")
        model.press(.character("{"))
        XCTAssertTrue(model.render().lines[1].contains("第一章"), model.render().lines.joined(separator: "\n"))

        let text = """
            某某法

            第一章 总则

            第一条 为了规范管理，制定本法。

            第二章 管理

            第一节 登记

            第二条 登记应当公开。

            第二节 监督

            第三条 监督应当依法进行。

            第四条 监督结果应当公开。

            第五条 本法自公布之日起施行。
            """
        var sections = ReaderModel(
            national: PolicyImporter.importText(text, source: "law.txt"), provincial: nil, width: 80, height: 8,
            options: .init(showOutline: false))
        var headings: [String] = []
        for _ in 0..<3 {
            sections.press(.character("}"))
            headings.append(sections.render().lines[1].trimmingCharacters(in: .whitespaces))
        }
        XCTAssertEqual(headings.map { String($0.prefix(3)) }, ["第二章", "第一节", "第二节"], "\(headings)")
    }
}
