import XCTest

@testable import DuizhaoCore

/// Shuffled, truncated and garbled documents never crash the importer, and its output stays well-formed.
final class ImporterRobustnessTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testRandomisedDocumentsImportWithUniqueIDsAndNoLostText() {
        let pieces =
            BundledDocument.provincial.text.split(separator: "\n").map(String.init)
            + BundledDocument.national.text.split(separator: "\n").map(String.init)
            + [
                "— 3 —", "23.11.2017  18:33", "(责任编辑: 某某 )", "（1）", "一、", "1.", "（一）", "**", "&nbsp;", "\u{1B}[31m", "",
                "2017年1月1日", "《》全文如下",
            ]
        var generator = SeededGenerator(state: 42)
        for round in 0..<300 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                var line = pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator), !line.isEmpty {
                    let cut = Int.random(in: 0...line.count, using: &generator)
                    line = String(line.prefix(cut))
                }
                lines.append(line)
            }
            let separator = ["\n", "\r\n", "\r"].randomElement(using: &generator)!
            let document = PolicyImporter.importText(lines.joined(separator: separator), source: "round \(round)")
            let ids = document.allDivisions.map(\.id)
            XCTAssertEqual(Set(ids).count, ids.count, "round \(round): duplicate ids")
            XCTAssertFalse(document.title.isEmpty, "round \(round)")
            XCTAssertFalse(document.divisions.isEmpty, "round \(round)")
            for division in document.allDivisions {
                XCTAssertFalse(division.paragraphs.contains { $0.isEmpty }, "round \(round)")
                _ = division.sentences
            }
        }
    }
}
