import Foundation
import XCTest

@testable import DuizhaoCore

/// Traditional-character copies (government Big5 mirrors): read and shown as printed, folded to simplified only
/// for matching. The traditional text is written here by hand from `Tests/Fixtures/corpus/cunweihui/national.md`.
final class TraditionalTextTests: XCTestCase {
    static let traditional = """
        中華人民共和國村民委員會組織法
        第一章　總則
        第一條　為了保障農村村民實行自治，由村民依法辦理自己的事情，發展農村基層民主，維護村民的合法權益，促進社會主義新農村建設，根據憲法，制定本法。
        第二條　村民委員會是村民自我管理、自我教育、自我服務的基層群眾性自治組織，實行民主選舉、民主決策、民主管理、民主監督。
        村民委員會辦理本村的公共事務和公益事業，調解民間糾紛，協助維護社會治安，向人民政府反映村民的意見、要求和提出建議。
        村民委員會向村民會議、村民代表會議負責並報告工作。
        """

    func testFoldingMatchesTheSimplifiedText() throws {
        // OpenCC is loaded at run time, not linked, so a missing or misnamed library would fold nothing silently:
        // the project's machines install it (`.ci/run`: libopencc-dev), and this must find it.
        XCTAssertTrue(TextFolding.canFoldTraditional, "OpenCC or its t2s data was not found (apt: libopencc-dev)")
        let document = PolicyImporter.importText(Self.traditional, source: "big5.txt")
        XCTAssertEqual(document.title, "中華人民共和國村民委員會組織法", "shown as printed")
        XCTAssertEqual(document.allDivisions.filter { $0.kind == .chapter }.map(\.heading), ["第一章 總則"])
        XCTAssertEqual(document.provisions.map(\.label), ["第一條", "第二條"])
        let simplified = try PolicyImporter.importFile(
            at: LawOutlineTests.corpus.appendingPathComponent("cunweihui/national.md").path)
        XCTAssertEqual(TextFolding.simplified(document.title), simplified.title)
        for (traditional, reference) in zip(document.provisions, simplified.provisions) {
            XCTAssertEqual(traditional.allParagraphs.map(TextFolding.simplified), reference.allParagraphs)
        }
        XCTAssertEqual(TextFolding.simplified("plain ASCII"), "plain ASCII")
    }

    func testBig5BytesAreDecodedAsBig5() throws {
        // Big5 bytes of 第一條　為了保障農村村民實行自治。 written out, so the test does not depend on an encoder.
        let bytes: [UInt8] = [
            0xB2, 0xC4, 0xA4, 0x40, 0xB1, 0xF8, 0xA1, 0x40, 0xAC, 0xB0, 0xA4, 0x46, 0xAB, 0x4F, 0xBB, 0xD9,
            0xB9, 0x41, 0xA7, 0xF8, 0xA7, 0xF8, 0xA5, 0xC1, 0xB9, 0xEA, 0xA6, 0xE6, 0xA6, 0xDB, 0xAA, 0x76, 0xA1, 0x43,
        ]
        let (text, encoding) = try TextDecoder.decode(bytes, path: "big5.txt")
        XCTAssertEqual(encoding, .big5)
        XCTAssertEqual(text, "第一條　為了保障農村村民實行自治。")
    }
}
