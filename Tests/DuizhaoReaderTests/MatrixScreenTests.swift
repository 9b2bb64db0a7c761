import DuizhaoCore
import DuizhaoMatrix
import DuizhaoReader
import DuizhaoTestSupport
import XCTest

/// A national document of five clauses in two sections and eight implementations with known cells: implementation
/// k keeps clause i verbatim unless (i + k) % 3 == 0, and adds one rule of its own.
enum MatrixScreenFixture {
    static let clauses = RoadMaintenanceFixture.clauses
    static let places = ["江州", "云岭", "海川", "青原", "石门", "白河", "金沙", "松江"]

    static let national = RoadMaintenanceFixture.national

    static func implementation(_ k: Int) -> PolicyDocument {
        let kept = clauses.indices.filter { ($0 + k) % 3 != 0 }.map { clauses[$0] }
        return PolicyImporter.importText(
            RoadMaintenanceFixture.text(
                title: "\(places[k])市关于加强农村公路养护工作的实施意见",
                clauses: kept + ["第\(k + 1)项规定。本市设立第\(k + 1)号养护示范路段，由市交通部门每年评定并公布评定结果。"]),
            source: "impl\(k).txt")
    }

    static var files: [String] { places.indices.map { "impl\($0).txt" } }

    /// The matrix screen with every column computed.
    static func screen(width: Int, height: Int, ready: Range<Int> = 0..<8) -> MatrixScreenModel {
        var model = MatrixScreenModel(national: national, files: files, width: width, height: height)
        let provisions = AdoptionMatrix.provisions(of: national)
        for k in ready {
            model.setColumn(
                k, MatrixComputation.column(national: national, document: implementation(k), provisions: provisions))
        }
        return model
    }
}

final class MatrixScreenTests: XCTestCase {
    func press(_ model: inout MatrixScreenModel, _ events: InputEvent...) {
        for event in events { _ = model.handle(event) }
    }

    func testWholeFrameAt80x24() {
        let screen = MatrixScreenFixture.screen(width: 80, height: 24).render()
        XCTAssertEqual(
            screen.lines,
            [
                " 对照 matrix · 关于加强农村公路养护工作的意见                       8 documents",
                " provision              adopted 江州   云岭   海川   青原   石门   白河        >",
                "- 一、 总体要求",
                "   1. 指导思想              5/8 ✗      ✓ 100% ✓ 100% ✗      ✓ 100% ✓ 100%",
                "   2. 基本原则              6/8 ✓ 100% ✓ 100% ✗      ✓ 100% ✓ 100% ✗",
                "- 二、 主要任务",
                "   3. 健全管理机构          5/8 ✓ 100% ✗      ✓ 100% ✓ 100% ✗      ✓ 100%",
                "   4. 加强资金保障          5/8 ✗      ✓ 100% ✓ 100% ✗      ✓ 100% ✓ 100%",
                "   5. 推进养护市场化        6/8 ✓ 100% ✓ 100% ✗      ✓ 100% ✓ 100% ✗",
            ] + Array(repeating: "", count: 13) + [
                " coverage                   68%   60%    80%    60%    60%    80%    60%",
                "江州 · 1. 指导思想: dropped                                               ? keys",
            ])
        // Cells are coloured by kind; the cursor cell and the cursor column's heading stand out.
        XCTAssertEqual(screen.rows[3][32].role, .matrixCursor)
        XCTAssertEqual(screen.rows[3][39].role, .matrixKept)
        XCTAssertEqual(screen.rows[4][46].role, .matrixDropped)
        XCTAssertEqual(screen.rows[1][32].role, .paneTitleFocused)
        XCTAssertEqual(screen.rows[3][3].role, .outlineCurrent)
    }

    func testWholeFrameAt40x12WhileColumnsAreStillComing() {
        let screen = MatrixScreenFixture.screen(width: 40, height: 12, ready: 0..<3).render()
        XCTAssertEqual(
            screen.lines,
            [
                " 对照 matrix · 关于加强农  compared 3/8",
                " provision        adopted 江州   云岭  >",
                "- 一、 总体要求",
                "   1. 指导思想        2/3 ✗      ✓ 100%",
                "   2. 基本原则        2/3 ✓ 100% ✓ 100%",
                "- 二、 主要任务",
                "   3. 健全管理机      2/3 ✓ 100% ✗",
                "   4. 加强资金保      2/3 ✗      ✓ 100%",
                "   5. 推进养护市      2/3 ✓ 100% ✓ 100%",
                "",
                " coverage             67%   60%    80%",
                "江州 · 1. 指导思想: dropped       ? keys",
            ])
    }

    func testPendingColumnsShowDotsAndFillIn() {
        var model = MatrixScreenFixture.screen(width: 80, height: 24, ready: 0..<2)
        XCTAssertEqual(model.render().lines[3], "   1. 指导思想              1/2 ✗      ✓ 100%  ...    ...    ...    ...")
        press(&model, .character("l"), .character("l"))
        XCTAssertEqual(
            model.render().lines.last, "impl2 · 1. 指导思想 · comparing…                                          ? keys")
        XCTAssertEqual(model.handle(.enter), .none)
        XCTAssertEqual(model.render().lines.last, "impl2 is still being compared")
        model.setColumn(
            2,
            MatrixComputation.column(
                national: MatrixScreenFixture.national, document: MatrixScreenFixture.implementation(2),
                provisions: model.provisions))
        XCTAssertEqual(model.render().lines[3], "   1. 指导思想              2/3 ✗      ✓ 100% ✓ 100%  ...    ...    ...")
        XCTAssertEqual(model.render().lines[0].hasSuffix("compared 3/8"), true)
        model.setFailure(3, problem: "impl3.txt: the file is empty")
        XCTAssertEqual(model.progress.done, 4)
        press(&model, .character("l"))
        XCTAssertEqual(model.handle(.enter), .none)
        XCTAssertEqual(model.render().lines.last, "impl3: impl3.txt: the file is empty")
    }

    func testAProvisionKeptByCitingItSaysSoInItsCellAndStatusLine() {
        let national = PolicyImporter.importText(
            "中华人民共和国示范管理法\n第一条　为了规范示范区的设立和管理，根据宪法，制定本法。\n"
                + "第二条　示范区管理委员会由主任、副主任和委员共五至九人组成，任期五年。\n", source: "law.txt")
        let local = PolicyImporter.importText(
            "某省实施办法\n第一条　为了规范示范区的设立和管理，结合本省实际，制定本办法。\n"
                + "第二条　本省各园区领导机构的人数与届期，依照《中华人民共和国示范管理法》第二条的规定执行。\n",
            source: "local.txt")
        var model = MatrixScreenModel(national: national, files: ["local.txt"], width: 120, height: 12)
        model.setColumn(
            0,
            MatrixComputation.column(
                national: national, document: local, provisions: AdoptionMatrix.provisions(of: national)))
        press(&model, .character("j"))
        let lines = model.render().lines
        XCTAssertTrue(lines.contains { $0.contains("第二条") && $0.hasSuffix("✓  ref") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.last?.contains(": kept by reference → 第二条 ") ?? false, lines.last ?? "")
    }

    /// The terminal marks cells as the Markdown and HTML matrices do: ✓ kept, ◐ partly, ✗ dropped (a law and its
    /// 实施办法, which keeps some articles only in part).
    func testCellsUseTheMarksOfTheExportedMatrices() throws {
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let measures = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/beijing-2012.md").path)
        var model = MatrixScreenModel(national: national, files: ["beijing.md"], width: 120, height: 200)
        let column = MatrixComputation.column(
            national: national, document: measures, provisions: AdoptionMatrix.provisions(of: national))
        model.setColumn(0, column)
        let grid = model.render().lines.dropFirst(2).dropLast().joined(separator: "\n")
        let kinds = Set(column.cells.map(\.kind))
        XCTAssertEqual(kinds, [.match, .partial, .dropped], "the pair has every kind of cell")
        for kind in kinds { XCTAssertTrue(grid.contains(MatrixFormats.mark(kind)), "\(kind)") }
        XCTAssertFalse(grid.contains("~"))
    }

    /// A status line longer than the screen is shortened with … (not cut), the `? keys` hint kept.
    func testTheStatusLineIsShortenedWithAnEllipsis() {
        var wide = MatrixScreenFixture.screen(width: 120, height: 24)
        var narrow = MatrixScreenFixture.screen(width: 40, height: 24)
        for _ in 0..<7 {
            press(&wide, .character("l"))
            press(&narrow, .character("l"))
        }
        let full = (wide.render().lines.last ?? "").replacingOccurrences(of: "? keys", with: "")
            .trimmingCharacters(in: .whitespaces)
        let line = narrow.render().lines.last ?? ""
        XCTAssertTrue(line.hasSuffix("? keys"), line)
        let shown = line.replacingOccurrences(of: "? keys", with: "").trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(shown.hasSuffix("…"), line)
        XCTAssertTrue(
            full.hasPrefix(String(shown.dropLast()).trimmingCharacters(in: .whitespaces)), "\(shown) of \(full)")
    }

    func testHorizontalScrollKeepsTheRowLabelsFrozen() {
        var model = MatrixScreenFixture.screen(width: 80, height: 24)
        for _ in 0..<7 { press(&model, .character("l")) }
        let lines = model.render().lines
        XCTAssertEqual(lines[1], " provision              adopted<海川   青原   石门   白河   金沙   松江")
        XCTAssertEqual(lines[3], "   1. 指导思想              5/8 ✓ 100% ✗      ✓ 100% ✓ 100% ✗      ✓ 100%")
        XCTAssertEqual(lines.last, "松江 · 1. 指导思想: kept 100% → 1. 指导思想                               ? keys")
        press(&model, .character("0"))
        XCTAssertEqual(model.render().lines[1].contains("江州"), true)
    }

    func testChaptersFoldAndUnfold() {
        var model = MatrixScreenFixture.screen(width: 80, height: 24)
        press(&model, .character("o"))
        var lines = model.render().lines
        XCTAssertEqual(lines[2], "+ 一、 总体要求  (2)")
        XCTAssertEqual(lines[3], "- 二、 主要任务")
        XCTAssertEqual(lines.last, "一、 总体要求 · 2 provisions · o or Enter folds                           ? keys")
        press(&model, .enter)
        lines = model.render().lines
        XCTAssertEqual(lines[3], "   1. 指导思想              5/8 ✗      ✓ 100% ✓ 100% ✗      ✓ 100% ✓ 100%")
        press(&model, .character("O"))
        XCTAssertEqual(Array(model.render().lines[2...4]), ["+ 一、 总体要求  (2)", "+ 二、 主要任务  (3)", ""])
    }

    func testSortingColumnsByCoverageAndRowsByAdoption() {
        var model = MatrixScreenFixture.screen(width: 80, height: 24)
        press(&model, .character("s"))
        // Coverage: implementations 1, 4 and 7 keep four clauses of five, the others three; ties keep argument order.
        XCTAssertEqual(model.render().lines[1], " provision              adopted 云岭   石门   松江   江州   海川   青原        >")
        XCTAssertEqual(model.render().lines.last, "documents sorted by coverage")
        press(&model, .character("a"))
        let lines = model.render().lines
        // Adoption: clauses 2 and 5 survive in six implementations, the others in five.
        XCTAssertEqual(lines[1], " provision by adoption  adopted 云岭   石门   松江   江州   海川   青原        >")
        XCTAssertEqual(lines[2...6].map { String($0.prefix(6)) }, [" 2. 基本", " 5. 推进", " 1. 指导", " 3. 健全", " 4. 加强"])
        press(&model, .character("s"), .character("a"))
        XCTAssertEqual(
            model.render().lines,
            MatrixScreenFixture.screen(width: 80, height: 24).render().lines.dropLast() + [
                "provisions in document order"
            ])
    }

    func testSearchFindsProvisionsByTitleAndText() {
        var model = MatrixScreenFixture.screen(width: 80, height: 24)
        press(&model, .character("/"), .character("资"), .character("金"))
        var screen = model.render()
        XCTAssertEqual(screen.lines.last, "/资金")
        XCTAssertEqual(screen.cursor, CursorPosition(row: 23, column: 5))
        XCTAssertEqual(screen.rows[7][3].role, .outlineCurrent, "the cursor is on 4. 加强资金保障")
        press(&model, .enter)
        // 市场 is in the text of clause 5 only; n wraps around to it again.
        press(&model, .character("/"), .character("购"), .character("买"), .enter, .character("n"))
        screen = model.render()
        XCTAssertEqual(screen.rows[8][3].role, .outlineCurrent)
        press(&model, .character("/"), .character("无"), .character("此"), .enter)
        XCTAssertEqual(model.render().lines.last, "no provision matches 无此")
        press(&model, .character("/"), .character("x"), .escape)
        XCTAssertEqual(model.render().rows[8][3].role, .outlineCurrent, "Esc returns to where the search started")
    }

    func testHelpListsEveryKeyOfTheTable() {
        var root = matrixReader(width: 100, height: 40)
        _ = root.update(.input(.character("?")))
        let text = root.render().lines.joined(separator: "\n")
        for binding in MatrixScreenModel.keys.bindings {
            XCTAssertTrue(text.contains(binding.help), "help lacks \(binding.help)")
        }
        _ = root.update(.input(.character("q")))
        XCTAssertFalse(root.render().lines.joined().contains("read the pair side by side"), "q closes the help")
        XCTAssertEqual(root.update(.input(.character("q"))), [.quit])
    }

    /// The help scrolled (`?` then `j` × 20 on a short terminal) stays one box: the same `HelpScreen` as the
    /// reader's, its title row kept and every visible row a help line, no matrix rows showing through.
    func testScrolledHelpStaysOneBox() {
        var root = matrixReader(width: 80, height: 12)
        _ = root.update(.input(.character("?")))
        let first = root.render().lines
        for _ in 0..<20 { _ = root.update(.input(.character("j"))) }
        let lines = root.render().lines
        XCTAssertNotEqual(lines, first, "j scrolls")
        XCTAssertTrue(lines[0].contains("keys · ? or Esc closes, j/k scroll"), lines.joined(separator: "\n"))
        let helps = Set(MatrixScreen.allHelpTexts)
        for line in lines.dropFirst().dropLast() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            XCTAssertTrue(
                helps.contains { line.contains($0) } || line.contains("Matrix") || line.contains("this help"),
                "a row that is not help: \(line)\n\(lines.joined(separator: "\n"))")
        }
    }

    /// The matrix as the bottom screen of a reader, as `duizhao matrix` runs it.
    func matrixReader(width: Int = 100, height: Int = 30) -> ReaderModel {
        ReaderModel(root: MatrixScreenFixture.screen(width: width, height: height), width: width, height: height)
    }

    func testEnterOpensThePairAndQOrEscapeComesBack() {
        var root = matrixReader()
        XCTAssertEqual(root.update(.input(.down)), [])
        XCTAssertEqual(root.update(.input(.character("l"))), [])
        let matrixFrame = root.render()
        XCTAssertEqual(root.update(.input(.enter)), [])
        let reader = root.render()
        XCTAssertTrue(reader.lines[0].contains("关于加强农村公路养护工作的意见"), reader.lines[0])
        XCTAssertTrue(reader.lines[0].contains("│ 云岭 · 云岭市关于加强农村公路养护工"), reader.lines[0])
        XCTAssertEqual(root.reading?.provincial?.source, "impl1.txt")
        XCTAssertEqual(root.reading?.currentClause(.national), "1.2", "the reader opens at the provision")
        XCTAssertNotNil(root.reading?.comparison, "with the matrix's comparison, not a new one")
        _ = root.update(.input(.character("j")))
        let effects = root.update(.input(.character("q")))
        XCTAssertEqual(effects.count, 1)
        if case .saveReadingState? = effects.first {} else { XCTFail("\(effects)") }
        XCTAssertNil(root.reading)
        XCTAssertEqual(root.render(), matrixFrame, "back in the matrix where it was")
        XCTAssertEqual(root.update(.input(.enter)), [])
        _ = root.update(.input(.character("/")))
        XCTAssertTrue(root.isPrompting)
        _ = root.update(.input(.escape))
        XCTAssertNotNil(root.reading, "Esc first closes the reader's prompt")
        _ = root.update(.input(.escape))
        XCTAssertNil(root.reading)
        XCTAssertEqual(root.render(), matrixFrame)
        XCTAssertEqual(root.update(.input(.character("q"))), [.quit])
    }

    func testBookmarksInThePairGoOut() {
        var root = matrixReader()
        _ = root.update(.input(.character("l")))
        _ = root.update(.input(.character("l")))
        _ = root.update(.input(.enter))
        let effects = root.update(.input(.character("m")))
        XCTAssertEqual(effects.count, 1)
        guard case .addBookmark(let request)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(request.clauseID, "1.1")
        let mark = ReaderBookmark(
            id: 7, side: request.side, clauseID: request.clauseID, clauseTitle: request.clauseTitle)
        _ = root.update(.bookmarksLoaded([mark]))
        XCTAssertEqual(root.reading?.bookmarks.map(\.id), [7])
    }

    func testColumnsArriveAsMessages() {
        let national = MatrixScreenFixture.national
        var root = ReaderModel(
            root: MatrixScreenModel(national: national, files: MatrixScreenFixture.files, width: 80, height: 24),
            width: 80, height: 24)
        XCTAssertTrue(root.render().lines[0].hasSuffix("compared 0/8"))
        let column = MatrixComputation.column(
            national: national, document: MatrixScreenFixture.implementation(0),
            provisions: AdoptionMatrix.provisions(of: national))
        _ = root.update(.matrixColumn(index: 0, column))
        _ = root.update(.matrixColumnFailed(index: 1, problem: "empty"))
        XCTAssertTrue(root.render().lines[0].hasSuffix("compared 2/8"))
        XCTAssertTrue(root.render().lines[3].hasPrefix("   1. 指导思想              0/1 ✗       !"), root.render().lines[3])
    }

    func testTwoDocumentsOfOnePlaceAreToldApart() {
        let national = MatrixScreenFixture.national
        var model = MatrixScreenModel(national: national, files: ["a/2012.txt", "b/2020.txt"], width: 80, height: 24)
        for index in 0..<2 {
            model.setColumn(
                index,
                MatrixComputation.column(
                    national: national, document: MatrixScreenFixture.implementation(0), provisions: model.provisions))
        }
        let lines = model.render().lines
        XCTAssertTrue(lines[1].hasSuffix("adopted 江州#1 江州#2"), lines[1])
        XCTAssertTrue(lines[23].hasPrefix("江州 (2012.txt) · 1. 指导思想: dropped"), lines[23])
    }
}

enum MatrixScreen {
    /// Every help text the matrix's `?` lists.
    static var allHelpTexts: [String] { MatrixScreenModel.helpSections.flatMap { $0.lines.map(\.help) } }
}
