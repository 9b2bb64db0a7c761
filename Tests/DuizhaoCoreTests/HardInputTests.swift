import DuizhaoCore
import DuizhaoTestSupport
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

    private func written(_ bytes: [UInt8], _ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "duizhao-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private var law: (path: String, text: String) {
        let path = TestCorpus.corpus.appendingPathComponent("nongjituiguang/national.md").path
        return (path, try! String(contentsOfFile: path, encoding: .utf8))
    }

    func testAStrayByteIsReplacedAndReportedWithItsLineAndOffset() throws {
        let original = Array(law.text.utf8)
        // A 0xFF at the start of the 40th line.
        var offset = 0
        var line = 1
        while line < 40 {
            if original[offset] == 0x0A { line += 1 }
            offset += 1
        }
        var damaged = original
        damaged.insert(0xFF, at: offset)
        let document = try PolicyImporter.importFile(at: try written(damaged, "law.md"))
        let clean = try PolicyImporter.importFile(at: law.path)
        XCTAssertEqual(document.warnings.first, .replacedInvalidBytes(count: 1, line: 40, offset: offset))
        XCTAssertTrue(document.warnings[0].description.contains("source line 40, byte offset \(offset)"))
        XCTAssertEqual(document.title, clean.title)
        XCTAssertEqual(document.provisions.count, clean.provisions.count)
        XCTAssertTrue(document.provisions.contains { $0.allParagraphs.joined().contains("\u{FFFD}") })
    }

    func testMostlyInvalidBytesAreStillRefused() throws {
        // Every third byte broken: not a damaged UTF-8 text.
        var bytes = Array(law.text.utf8)
        for index in stride(from: 0, to: bytes.count, by: 3) where bytes[index] >= 0x80 { bytes[index] = 0xFF }
        XCTAssertThrowsError(try PolicyImporter.importFile(at: try written(bytes, "broken.md")))
        // Random bytes with NULs: binary, as before.
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        XCTAssertThrowsError(try PolicyImporter.importFile(at: try written(random, "random.bin"))) { error in
            XCTAssertEqual((error as? ImportError)?.problem, .binary)
        }
    }

    func testUTF16WithoutAByteOrderMarkIsRead() throws {
        let clean = try PolicyImporter.importFile(at: law.path)
        for (name, encoding) in [("le.md", String.Encoding.utf16LittleEndian), ("be.md", .utf16BigEndian)] {
            let bytes = Array(try XCTUnwrap(law.text.data(using: encoding)))
            XCTAssertNotEqual(Array(bytes.prefix(2)), [0xFF, 0xFE])
            XCTAssertNotEqual(Array(bytes.prefix(2)), [0xFE, 0xFF])
            let document = try PolicyImporter.importFile(at: try written(bytes, name))
            XCTAssertEqual(document.title, clean.title, name)
            XCTAssertEqual(document.provisions, clean.provisions, name)
        }
    }
}
