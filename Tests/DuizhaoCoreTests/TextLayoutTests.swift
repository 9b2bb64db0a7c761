import XCTest

@testable import DuizhaoCore

final class TextLayoutTests: XCTestCase {
    func testDisplayWidthFollowsEastAsianWidth() {
        XCTAssertEqual(DisplayWidth.of("移动互联网"), 10)
        XCTAssertEqual(DisplayWidth.of("4G网络"), 6)
        XCTAssertEqual(DisplayWidth.of("，。（）"), 8)
        XCTAssertEqual(DisplayWidth.of("１．"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }

    func testWrappedLinesFitAndRespectKinsoku() {
        let text = BundledDocument.national.load().allDivisions.flatMap(\.paragraphs).joined()
        for width in [7, 10, 21, 40, 79] {
            let lines = LineBreaker.wrap(text, width: width)
            XCTAssertEqual(lines.joined(), text)
            for (index, line) in lines.enumerated() {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width)
                if index > 0, let first = line.unicodeScalars.first {
                    XCTAssertFalse(
                        LineBreaker.noLineStart.contains(first), "line starts with \(first) at width \(width)")
                }
                if index < lines.count - 1, let last = line.unicodeScalars.last {
                    XCTAssertFalse(LineBreaker.noLineEnd.contains(last), "line ends with \(last) at width \(width)")
                }
            }
        }
    }

    func testClosingPunctuationIsPulledBackWithItsCharacter() {
        XCTAssertEqual(LineBreaker.wrap("一二三四，五六", width: 8), ["一二三", "四，五六"])
        XCTAssertEqual(LineBreaker.wrap("一二三《四五》", width: 8), ["一二三", "《四五》"])
    }

    func testABracketedLatinWordGoesToTheNextLineWithItsBracket() {
        // `通信（4G）网络` at 14 cells would break inside 4G; the bracket, the word and its closing go down together.
        let lines = LineBreaker.wrap("全面推进第四代移动通信（4G）网络", width: 26)
        XCTAssertEqual(lines, ["全面推进第四代移动通信", "（4G）网络"])
        for width in 23...27 {
            let wrapped = LineBreaker.wrap("全面推进第四代移动通信（4G）网络", width: width)
            XCTAssertFalse(wrapped.contains { $0.hasSuffix("4") || $0.hasSuffix("（") }, "width \(width): \(wrapped)")
        }
    }

    func testLatinWordsStayWhole() {
        XCTAssertEqual(LineBreaker.wrap("推进WIFI覆盖", width: 7), ["推进", "WIFI覆", "盖"])
    }

    func testControlCharactersAreMadeVisible() {
        XCTAssertEqual(TerminalSafeText.sanitize("a\u{1B}[31mb\tc\u{7F}\u{85}"), "a^[[31mb c^?\u{FFFD}")
        XCTAssertEqual(TerminalSafeText.sanitize("正常文本"), "正常文本")
    }
}

/// The importer's fast paths give exactly what the plain definitions give.
final class FastPathEquivalenceTests: XCTestCase {
    func testTheWordAtATimeBinaryCheckAgreesWithByteByByte() {
        func naive(_ bytes: [UInt8]) -> Bool {
            var controls = 0
            for byte in bytes {
                if byte == 0 { return true }
                if byte < 0x20, ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains(byte) { controls += 1 }
            }
            return controls > max(8, bytes.count / 100)
        }
        let rare: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1B, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0x9F, 0xE4, 0xFF]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<3000 {
            // Mostly text with a few rare bytes, at every length around the word size; sometimes controls galore.
            let share = round % 3 == 0 ? 2 : 8
            let bytes = (0..<(round % 67)).map { _ in
                next(share) == 0 ? rare[next(rare.count)] : UInt8(0x20 + next(0x5F))
            }
            XCTAssertEqual(TextDecoder.looksBinary(bytes), naive(bytes), "\(bytes)")
            let slice = bytes.dropFirst(3).prefix(40)  // not starting at the array's first byte
            XCTAssertEqual(TextDecoder.looksBinary(slice), naive(Array(slice)), "\(slice)")
        }
    }

    func testTheWidthOfEveryBasicPlaneCharacterFollowsTheWideRanges() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), value >= 0x1100 else { continue }
            let zero =
                (0x200B...0x200F).contains(value) || (0xFE00...0xFE0F).contains(value) || value == 0xFEFF
                || (0x20D0...0x20FF).contains(value)
            XCTAssertEqual(DisplayWidth.of(scalar), DisplayWidth.isWide(value) ? 2 : zero ? 0 : 1, "U+\(value)")
        }
    }
}
