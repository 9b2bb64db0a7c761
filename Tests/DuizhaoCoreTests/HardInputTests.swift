import DuizhaoCore
import Foundation
import XCTest

/// Issue 24: the model splits a division's sentences once and keeps them true to its text; JSON never carries a
/// control that could reorder or drive what shows it.
final class HardInputTests: XCTestCase {
    func testSentencesFollowTheParagraphsThroughEveryChange() {
        var division = Division(
            id: "1", kind: .section, label: "一、", number: 1, title: "总体要求",
            paragraphs: ["坚持问题导向。突出重点！"],
            children: [Division(id: "1.1", kind: .item, label: "（一）", number: 1, title: "", paragraphs: ["加强领导；压实责任。"])]
        )
        XCTAssertEqual(division.sentences, ["坚持问题导向。", "突出重点！"])
        XCTAssertEqual(division.allSentences, ["坚持问题导向。", "突出重点！", "加强领导；", "压实责任。"])
        // A copy made before a change keeps the old sentences; the changed value has the new ones.
        let before = division
        division.paragraphs.append("强化保障。")
        XCTAssertEqual(division.sentences, ["坚持问题导向。", "突出重点！", "强化保障。"])
        XCTAssertEqual(before.sentences, ["坚持问题导向。", "突出重点！"])
        division.children[0].paragraphs = ["统筹推进。"]
        XCTAssertEqual(division.allSentences, ["坚持问题导向。", "突出重点！", "强化保障。", "统筹推进。"])
        XCTAssertEqual(before.allSentences, ["坚持问题导向。", "突出重点！", "加强领导；", "压实责任。"])
        division.paragraphs = []
        XCTAssertEqual(division.sentences, [])
        XCTAssertEqual(division.allSentences, ["统筹推进。"])
    }

    func testTheSplitIsNotPartOfEqualityOrTheEncoding() throws {
        let text = "关于推进某项工作的意见\n一、总体要求\n坚持问题导向。突出重点。\n二、主要任务\n加强领导。\n"
        let split = PolicyImporter.importText(text, source: "a.txt")
        let unsplit = PolicyImporter.importText(text, source: "a.txt")
        _ = split.divisions.map(\.allSentences)
        XCTAssertEqual(split, unsplit)
        let encoded = try JSONEncoder().encode(split.divisions[0])
        let keys = try XCTUnwrap(JSONSerialization.jsonObject(with: encoded) as? [String: Any]).keys
        XCTAssertEqual(
            Set(keys),
            ["id", "kind", "label", "number", "title", "paragraphs", "children", "responsibleUnits", "responsibility"])
        let decoded = try JSONDecoder().decode(Division.self, from: encoded)
        XCTAssertEqual(decoded, split.divisions[0])
        XCTAssertEqual(decoded.sentences, ["坚持问题导向。", "突出重点。"])
    }

    func testJSONEscapesBidiAndC1Controls() throws {
        let title = "关于\u{202E}txt.exe\u{202C}和\u{2066}隔离\u{2069}及\u{9B}31m的通知"
        let json = try JSONOutput.text(["title": title])
        for scalar in json.unicodeScalars {
            XCTAssertFalse(
                TerminalSafeText.isBidiControl(scalar) || TerminalSafeText.isControl(scalar) && scalar != "\n", json)
        }
        XCTAssertTrue(json.contains("\\u202e"), json)
        XCTAssertTrue(json.contains("\\u2066"), json)
        XCTAssertTrue(json.contains("\\u009b"), json)
        // Still the same string once decoded.
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        XCTAssertEqual(decoded["title"], title)
    }
}
