import DuizhaoCore
import XCTest

@testable import DuizhaoCompare

final class CharacterDiffTests: XCTestCase {
    /// The national text is the equal and deleted runs; the provincial text the equal and inserted runs.
    func assertReconstructs(
        _ national: String, _ provincial: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let sides = CharacterDiff.sides(national: national, provincial: provincial)
        XCTAssertEqual(
            sides.national.filter { $0.operation != .insert }.map(\.text).joined(), national, file: file, line: line)
        XCTAssertEqual(
            sides.provincial.filter { $0.operation != .delete }.map(\.text).joined(), provincial, file: file, line: line
        )
        XCTAssertEqual(
            sides.national.filter { $0.operation == .equal }.count,
            sides.provincial.filter { $0.operation == .equal }.count,
            file: file, line: line)
        let segments = CharacterDiff.diff(national: national, provincial: provincial)
        XCTAssert(segments.allSatisfy { !$0.text.isEmpty }, "empty segment", file: file, line: line)
        for (first, second) in zip(segments, segments.dropFirst()) {
            XCTAssertNotEqual(
                first.operation, second.operation, "adjacent runs of one operation", file: file, line: line)
            XCTAssertFalse(
                first.operation == .insert && second.operation == .delete, "insertion before deletion", file: file,
                line: line)
        }
        // Equal runs carry the provincial text, so equal + insert is the provincial sentence exactly.
        XCTAssertEqual(
            segments.filter { $0.operation != .delete }.map(\.text).joined(), provincial, file: file, line: line)
        let minimal = CharacterDiff.minimalDiff(national: national, provincial: provincial)
        XCTAssertEqual(
            minimal.filter { $0.operation != .insert }.map(\.text).joined(), national, file: file, line: line)
        XCTAssertEqual(
            minimal.filter { $0.operation != .delete }.map(\.text).joined(), provincial, file: file, line: line)
    }

    func testTheMinimalDiffIsMinimalAndComparesCharactersAsSwiftDoes() {
        // Canonically equivalent characters are one character to the diff: a compatibility ideograph and its
        // unified form, a precomposed letter and its decomposed spelling.
        XCTAssertEqual(
            CharacterDiff.minimalDiff(national: "\u{F900}是", provincial: "\u{8C48}是").map(\.operation), [.equal])
        XCTAssertEqual(
            CharacterDiff.minimalDiff(national: "café", provincial: "cafe\u{301}").map(\.operation), [.equal])
        // Random texts over a small alphabet (CJK, ASCII, a combining sequence): as many edited characters as
        // the longest common subsequence leaves, never more.
        let alphabet: [Character] = ["的", "规", "定", "a", "，", "e\u{301}", "é", "\u{F900}", "\u{8C48}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let a = (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }
            let b = (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }
            var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in a.indices.reversed() {
                for j in b.indices.reversed() {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            let edits = DiffAlgorithm.minimalDiff(a, b)
            let edited = edits.filter { $0.operation != .equal }.map(\.text.count).reduce(0, +)
            XCTAssertEqual(edited, a.count + b.count - 2 * lcs[0][0], "\(String(a)) → \(String(b))")
            XCTAssertEqual(edits.filter { $0.operation != .insert }.flatMap(\.text).count, a.count)
            XCTAssertEqual(edits.filter { $0.operation != .delete }.flatMap(\.text).count, b.count)
        }
    }

    func testIdenticalAndEmptyTexts() {
        XCTAssertEqual(CharacterDiff.diff(national: "加强网络普法。", provincial: "加强网络普法。"), [DiffSegment(.equal, "加强网络普法。")])
        XCTAssertEqual(CharacterDiff.diff(national: "", provincial: ""), [])
        XCTAssertEqual(CharacterDiff.diff(national: "", provincial: "新增"), [DiffSegment(.insert, "新增")])
        XCTAssertEqual(CharacterDiff.diff(national: "删去", provincial: ""), [DiffSegment(.delete, "删去")])
    }

    func testAnInsertedPhrase() {
        XCTAssertEqual(
            CharacterDiff.diff(national: "结合实际，深入贯彻实施网络安全法。", provincial: "结合我省实际，深入贯彻实施网络安全法。"),
            [DiffSegment(.equal, "结合"), DiffSegment(.insert, "我省"), DiffSegment(.equal, "实际，深入贯彻实施网络安全法。")])
    }

    func testPunctuationWidthDoesNotCountAsAChange() {
        let segments = CharacterDiff.diff(national: "增强网络服务能力，简化电信资费结构。", provincial: "增强网络服务能力,简化电信资费结构。")
        XCTAssertEqual(segments, [DiffSegment(.equal, "增强网络服务能力,简化电信资费结构。")])
        let sides = CharacterDiff.sides(national: "第四代移动通信（4G）", provincial: "第四代移动通信(4Ｇ)")
        XCTAssertEqual(sides.national, [DiffSegment(.equal, "第四代移动通信（4G）")])
        XCTAssertEqual(sides.provincial, [DiffSegment(.equal, "第四代移动通信(4Ｇ)")])
    }

    /// A clean-up pass of the diff turns `before` into `after` (edits written as operation and text).
    func assertPass(
        _ pass: (inout [DiffEdit]) -> Void, _ before: [(DiffOperation, String)],
        gives after: [(DiffOperation, String)], file: StaticString = #filePath, line: UInt = #line
    ) {
        var edits = before.map { DiffEdit(operation: $0.0, text: Array($0.1)) }
        pass(&edits)
        XCTAssertEqual(edits, after.map { DiffEdit(operation: $0.0, text: Array($0.1)) }, file: file, line: line)
    }

    func testEditsAreAlignedToPunctuation() {
        // An insertion the diff placed mid-phrase (…数据[安全，网络]安全。) slides to the punctuation.
        assertPass(
            DiffAlgorithm.alignToPunctuation, [(.equal, "网络安全，数据"), (.insert, "安全，网络"), (.equal, "安全。")],
            gives: [(.equal, "网络安全，数据安全"), (.insert, "，网络安全"), (.equal, "。")])
        // Through the public entry point: a sentence added in front is one insertion ending at its comma.
        XCTAssertEqual(
            CharacterDiff.diff(national: "加强监管。", provincial: "加强监督，加强监管。"),
            [DiffSegment(.insert, "加强监督，"), DiffSegment(.equal, "加强监管。")])
    }

    func testSemanticCleanupFoldsShortEqualitiesIntoEdits() {
        // 的 between two rewrites is a coincidence, not a shared phrase.
        assertPass(
            DiffAlgorithm.cleanupSemantic, [(.delete, "甲乙丙"), (.equal, "的"), (.insert, "丁戊己")],
            gives: [(.delete, "甲乙丙的"), (.insert, "的丁戊己")])
        // A long equality stays.
        let kept: [(DiffOperation, String)] = [(.delete, "甲"), (.equal, "移动互联网"), (.insert, "丁")]
        assertPass(DiffAlgorithm.cleanupSemantic, kept, gives: kept)
    }

    func testRewritesReadAsFewEditsNotConfetti() {
        // Real rewrite from the bundled pair (national 5.20 → provincial 3.12).
        let national = "深化中外人文交流，积极利用各类社交平台，有效运用各种传播渠道，采用融通中外的概念、范畴、表述，讲好中国故事，展现中国形象。"
        let provincial = "加强对外传播能力建设,积极利用各类社交平台,有效运用各种传播渠道,讲好龙江故事,展现我省良好形象。"
        assertReconstructs(national, provincial)
        let minimal = CharacterDiff.minimalDiff(national: national, provincial: provincial)
        let cleaned = CharacterDiff.diff(national: national, provincial: provincial)
        XCTAssertLessThan(cleaned.count, minimal.count)
        // No single shared character is left standing between two edits.
        for index in cleaned.indices.dropFirst().dropLast() where cleaned[index].operation == .equal {
            let surroundedByEdits = cleaned[index - 1].operation != .equal && cleaned[index + 1].operation != .equal
            XCTAssertFalse(surroundedByEdits && cleaned[index].text.count == 1, "confetti: \(cleaned)")
        }
        // The long shared phrases survive as equalities.
        let equalities = cleaned.filter { $0.operation == .equal }.map(\.text)
        XCTAssert(equalities.contains { $0.contains("积极利用各类社交平台") }, "\(equalities)")
        XCTAssert(equalities.contains { $0.contains("有效运用各种传播渠道") }, "\(equalities)")
        XCTAssertEqual(cleaned.filter { $0.operation == .delete }.map(\.text).first, "深化中外人文交流")
    }

    func testLongSharedPhrasesSurviveBetweenLongRewrites() {
        // Provincial 2.4's first sentence fuses two national 2.5 sentences; the 13-character phrase they share
        // stays visible although far more text around it changed.
        let national =
            "全面推进第四代移动通信（4G）网络在城市地区深度覆盖、在农村地区逐步覆盖、在贫困地区优先覆盖。"
            + "创新投资和运营模式，扩大用户宽带接入网普及范围，加快民航客机、高速铁路、城市交通等公共场所无线局域网建设和应用，带动引导商业性服务场所实现无线局域网覆盖和免费开放。"
        let provincial = "推进第四代移动通信(4G)网络在我省区域全面覆盖,扩大用户宽带接入网普及范围,将宽带接入工程纳入各级城乡规划,加快宽带进农村,县以上主城区重点区域、重要公共场所实现免费WIFI基本覆盖。"
        assertReconstructs(national, provincial)
        let equalities = CharacterDiff.diff(national: national, provincial: provincial).filter {
            $0.operation == .equal
        }.map(\.text)
        XCTAssert(equalities.contains { $0.contains("扩大用户宽带接入网普及范围") }, "\(equalities)")
        XCTAssert(equalities.contains { $0.contains("推进第四代移动通信(4G)网络在") }, "\(equalities)")
    }

    func testTotallyDifferentSentencesBecomeOneReplacement() {
        let national = "推进网上丝绸之路国际合作。"
        let provincial = "开展信息经济测算及研究工作。"
        // They share only 作。 at the end; nothing in the middle survives as an equality.
        XCTAssertEqual(
            CharacterDiff.diff(national: national, provincial: provincial),
            [
                DiffSegment(.delete, "推进网上丝绸之路国际合"), DiffSegment(.insert, "开展信息经济测算及研究工"),
                DiffSegment(.equal, "作。"),
            ])
    }

    func testEveryProvenancePairOfTheBundledDocumentsReconstructs() {
        let national = TestDocuments.national
        let provincial = TestDocuments.provincial
        let comparison = Comparator.compare(national: national, provincial: provincial)
        var pairs = 0
        for entry in comparison.provenance where !entry.sources.isEmpty {
            let provincialText = provincial.division(id: entry.provincial.division)!.sentences[entry.provincial.index]
            let nationalText = entry.sources.map { national.division(id: $0.division)!.sentences[$0.index] }.joined()
            assertReconstructs(nationalText, provincialText)
            pairs += 1
        }
        XCTAssertGreaterThan(pairs, 60)
    }

    func testLongTextsAndCombiningCharacters() {
        let national = String(repeating: "移动互联网健康有序发展，", count: 200)
        let provincial = String(repeating: "移动互联网健康发展，", count: 150) + "新增内容"
        assertReconstructs(national, provincial)
        assertReconstructs("cafe\u{301} 网络", "café 网络安全")
    }
}
