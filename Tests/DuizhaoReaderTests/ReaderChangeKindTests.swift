import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// Change kinds in the reader: styles by kind, `L` hides localisations, the kind under the cursor in the status
/// line, `c`/`C` move from substantive change to substantive change.
final class ReaderChangeKindTests: XCTestCase {
    /// Two clauses: the first localised (本法→本办法) and weakened (应当→可以) with a changed period (三十→十五);
    /// the second only localised (国务院有关部门→省人民政府有关部门); the third gives the task to another body.
    static func model(height: Int = 24) -> ReaderModel {
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
            national: national, provincial: provincial, width: 120, height: height,
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

    func testCMovesBetweenSubstantiveChangesAndTheStatusLineNamesTheKind() {
        var model = Self.model(height: 10)  // eight text rows: the last clause needs scrolling to
        model.press(.tab)  // focus the provincial pane
        var kinds: [String] = []
        for _ in 0..<3 {
            model.press(.character("c"))
            let status = model.render().statusLine
            kinds.append(
                status.components(separatedBy: "change: ").dropFirst().first?.components(separatedBy: " ").first ?? "")
        }
        // Clause 1 (weaker first on its row), clause 3 (actor); clause 2 has only a localisation and is skipped.
        XCTAssertEqual(kinds, ["weaker", "actor", "actor"], "a third c stays on the last change")
        XCTAssertTrue(model.render().statusLine.contains("no further substantive change"))
        model.press(.character("C"))
        XCTAssertTrue(model.render().statusLine.contains("change: weaker"), model.render().statusLine)
    }

    func testHelpListsTheChangeKeys() {
        let help = ReadingScreen.keys.helpSection.lines.map(\.keys)
        XCTAssertTrue(help.contains("L") && help.contains("c") && help.contains("C"))
    }
}
