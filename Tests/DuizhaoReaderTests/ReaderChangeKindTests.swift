import DuizhaoCore
import Foundation
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// Change kinds in the reader: styles by kind, `L` hides localisations, the kind under the cursor in the status
/// line, `c`/`C` move from substantive change to substantive change.
final class ReaderChangeKindTests: XCTestCase {
    /// Two clauses: the first localised (本法→本办法) and weakened (应当→可以) with a changed period (三十→十五);
    /// the second only localised (国务院有关部门→省人民政府有关部门); the third gives the task to another body.
    static func model(width: Int = 120, height: Int = 24) -> ReaderModel {
        let clauses = [
            ("甲", "依照本法规定，县级以上人民政府应当依法在三十日内作出决定。", "依照本办法规定，县级以上人民政府可以依法在十五日内作出决定。"),
            ("乙", "国务院有关部门负责监督检查工作。", "省人民政府有关部门负责监督检查工作。"),
            ("丙", "村民委员会负责召集村民会议。", "乡镇人民政府负责召集村民会议。"),
        ]
        let national = PolicyDocument(
            title: "某法",
            divisions: clauses.enumerated().map {
                Fixture.clause("\($0.offset + 1)", $0.offset + 1, $0.element.0, [$0.element.1])
            })
        let provincial = PolicyDocument(
            title: "某省实施办法",
            divisions: clauses.enumerated().map {
                Fixture.clause("\($0.offset + 1)", $0.offset + 1, $0.element.0, [$0.element.2])
            })
        var links: [ClauseLink] = []
        var provenance: [SentenceProvenance] = []
        var fates: [SentenceRef: SentenceFate] = [:]
        for id in national.divisions.map(\.id) {
            links.append(ClauseLink(national: id, provincial: id, kind: .match, score: 0.8))
            provenance.append(
                SentenceProvenance(
                    provincial: SentenceRef(division: id, index: 0), sources: [SentenceRef(division: id, index: 0)],
                    score: 0.8))
            fates[SentenceRef(division: id, index: 0)] = .rewritten
        }
        var model = ReaderModel(
            national: national, provincial: provincial, width: width, height: height,
            options: .init(showOutline: false))
        _ = model.update(.comparisonFinished(Comparison(links: links, provenance: provenance, nationalFates: fates)))
        return model
    }

    func testChangesAreStyledByKind() {
        let screen = Self.model().render()
        XCTAssertEqual(screen.roles(of: "本办法"), [.changeLocalized, .changeLocalized, .changeLocalized])
        XCTAssertEqual(screen.roles(of: "本法"), [.changeLocalized, .changeLocalized])
        XCTAssertEqual(screen.roles(of: "可以"), [.changeWeaker, .changeWeaker])
        XCTAssertEqual(screen.roles(of: "应当"), [.changeWeaker, .changeWeaker])
        XCTAssertEqual(screen.roles(of: "十五"), [.changeNumber, .changeNumber])
        XCTAssertEqual(screen.role(of: "省人民政府有关部门"), .changeLocalized)
        XCTAssertEqual(screen.roles(of: "乡镇人民政府"), Array(repeating: .changeActor, count: 6))
        XCTAssertEqual(
            screen.roles(of: "十五日内"), [.changeNumber, .changeNumber, .changeNumber, .normal], "the whole quantity")
    }

    func testLHidesLocalisationsOnly() {
        var model = Self.model()
        model.press(.character("L"))
        let screen = model.render()
        XCTAssertEqual(screen.roles(of: "本办法"), [.normal, .normal, .normal])
        XCTAssertEqual(screen.role(of: "省人民政府有关部门"), .normal)
        XCTAssertEqual(screen.role(of: "可以"), .changeWeaker, "substance stays highlighted")
        XCTAssertTrue(screen.statusLine.contains("substance only"), screen.statusLine)
        model.press(.character("L"))
        XCTAssertEqual(model.render().role(of: "本办法"), .changeLocalized)
        // With differences off (d), nothing is highlighted, and c says why it does not move.
        model.press(.character("d"))
        XCTAssertEqual(model.render().role(of: "可以"), .normal)
    }

    /// The status line's "change N of M · kind" after each press, until `c` says there is no further change.
    static func walk(_ model: inout ReaderModel, key: Character, limit: Int = 20) -> [String] {
        var stops: [String] = []
        for _ in 0..<limit {
            model.press(.character(key))
            let status = model.render().statusLine
            guard let range = status.range(of: #"change \d+ of \d+ · [a-z]+"#, options: .regularExpression) else {
                break
            }
            stops.append(String(status[range]))
        }
        return stops
    }

    func testCWalksTheChangesOfBothDocumentsInReadingOrderWithACounter() {
        for focusProvincial in [false, true] {
            var model = Self.model(height: 10)  // eight text rows: the last clause needs scrolling to
            if focusProvincial { model.press(.tab) }
            let stops = Self.walk(&model, key: "c")
            // Clause 1: 应当→可以 on both sides (weaker), 三十→十五 (number); clause 2 only localised (no stop);
            // clause 3: 村民委员会→乡镇人民政府 (actor) on both sides. A row is read left to right: the national
            // pane's changes on it first.
            XCTAssertEqual(
                stops,
                [
                    "change 1 of 6 · weaker", "change 2 of 6 · number", "change 3 of 6 · weaker",
                    "change 4 of 6 · number", "change 5 of 6 · actor", "change 6 of 6 · actor",
                ], "focus on the provincial side: \(focusProvincial)")
            XCTAssertTrue(model.render().statusLine.contains("no further substantive change"))
            XCTAssertEqual(
                Self.walk(&model, key: "C"),
                [
                    "change 5 of 6 · actor", "change 4 of 6 · number", "change 3 of 6 · weaker",
                    "change 2 of 6 · number", "change 1 of 6 · weaker",
                ])
        }
    }

    func testAStopShowsItsWholeParagraph() {
        // Panes of 12 cells: clause 1's sentence wraps over several rows, 十五 well below its first.
        var model = Self.model(width: 30, height: 12)
        model.press(.character("j"))
        let stops = Self.walk(&model, key: "c", limit: 4)
        XCTAssertEqual(stops.last, "change 4 of 6 · number")
        let lines = model.render().lines
        let numberRow = lines.firstIndex { $0.contains("十五") }
        XCTAssertNotNil(numberRow, lines.joined(separator: "\n"))
        XCTAssertTrue(
            lines[1].contains("依照"), "the paragraph starts on the first text row: \(lines.joined(separator: "\n"))")
        XCTAssertGreaterThan(numberRow ?? 0, 2, "the changed row is not the top row")
    }

    /// The bundled pair, national pane focused (how the reader opens): `c` reaches the province's own additions
    /// (text only the provincial pane has), and every stop's counter runs 1, 2, 3 … of one total.
    func testCOnTheBundledPairStopsAtProvincialAdditions() throws {
        let national = BundledDocument.national.load()
        let provincial = BundledDocument.provincial.load()
        var model = ReaderModel(
            national: national, provincial: provincial, width: 120, height: 40, options: .init(showOutline: false))
        _ = model.update(.comparisonFinished(Comparator.compare(national: national, provincial: provincial)))
        // Provincial-only additions of the bundled pair, found from the documents (not the reader).
        let additions = ["充分利用哈尔滨工业大学", "健全打击网络违法犯罪工作机制"]
        for addition in additions {
            XCTAssertTrue(provincial.allDivisions.contains { $0.paragraphs.joined().contains(addition) })
            XCTAssertFalse(national.allDivisions.contains { $0.paragraphs.joined().contains(addition) })
        }
        var seen: Set<String> = []
        var numbers: [Int] = []
        var total: Int?
        for _ in 0..<400 {
            model.press(.character("c"))
            let screen = model.render()
            guard let range = screen.statusLine.range(of: #"change \d+ of \d+"#, options: .regularExpression) else {
                break
            }
            let parts = screen.statusLine[range].split(separator: " ")
            numbers.append(Int(parts[1]) ?? 0)
            XCTAssertEqual(total ?? Int(parts[3]), Int(parts[3]))
            total = Int(parts[3])
            // The provincial pane's text (right of the divider), its wrapped rows joined.
            let body = screen.lines.dropFirst().dropLast().map {
                $0.components(separatedBy: "│").dropFirst().joined().trimmingCharacters(in: .whitespaces)
            }.joined()
            for addition in additions where body.contains(addition) { seen.insert(addition) }
        }
        XCTAssertEqual(seen, Set(additions), "c stopped at both provincial additions")
        XCTAssertEqual(numbers, Array(1...(total ?? 0)), "every change once, in order")
    }

    func testHelpListsTheChangeKeys() {
        let help = ReadingScreen.keys.helpSection.lines.map(\.keys)
        XCTAssertTrue(help.contains("L") && help.contains("c") && help.contains("C"))
    }
}

extension ReaderChangeKindTests {
    /// Long status text is shortened with … at a word (or, in Chinese, character) boundary, never cut mid-word.
    func testStatusTextIsShortenedAtAWordBoundary() throws {
        XCTAssertEqual(
            ReadingScreen.shortened("localisations hidden: substantive changes only", room: 32),
            "localisations hidden:…")
        XCTAssertEqual(ReadingScreen.shortened("二、推动移动互联网创新发展", room: 11), "二、推动移…")
        XCTAssertEqual(ReadingScreen.shortened("short", room: 10), "short")
        XCTAssertNil(ReadingScreen.shortened("二、推动移动互联网创新发展", room: 5, minimum: 6))
        // At 60 columns the L message does not fit beside the indicators: it ends in … after a whole word.
        var model = Self.model(width: 60, height: 12)
        model.press(.character("L"))
        let status = model.render().statusLine
        let message = try XCTUnwrap(status.components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces))
        XCTAssertTrue(
            "localisations hidden: substantive changes only".hasPrefix(message)
                || (message.hasSuffix("…")
                    && "localisations hidden: substantive changes only ".contains(String(message.dropLast()) + " ")),
            status)
    }
}

extension ReaderChangeKindTests {
    /// Red is for problems: an ordinary message (c's counter, a bookmark) is drawn as a message, a problem (the
    /// store cannot be written) as a problem, and only the problem's colour is red.
    func testOnlyProblemsAreRed() {
        var model = Self.model()
        model.press(.character("c"))
        XCTAssertEqual(model.render().role(of: "change 1 of"), .statusMessage)
        _ = model.update(.problem("bookmarks disabled: store read-only"))
        XCTAssertEqual(model.render().role(of: "bookmarks disabled"), .statusProblem)
        _ = model.update(.notice("bookmarked 1.甲"))
        XCTAssertEqual(model.render().role(of: "bookmarked"), .statusMessage)
        XCTAssertEqual(StyleRole.statusProblem.colorAppearance(rich: true).background, Appearance.red)
        XCTAssertNotEqual(StyleRole.statusMessage.colorAppearance(rich: true).background, Appearance.red)
        XCTAssertNotEqual(
            StyleRole.statusMessage.monochromeAppearance, StyleRole.statusProblem.monochromeAppearance,
            "told apart without colour")
    }
}
