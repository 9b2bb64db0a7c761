import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

final class ReaderScreenTests: XCTestCase {
    static let sizes = [(80, 24), (40, 12), (160, 45)]

    func testFirstScreenShowsBothTitlesPreamblesAndFirstClausesAtEverySize() {
        for (width, height) in Self.sizes {
            let model = Fixture.model(width: width, height: height)
            let screen = model.render()
            assertWellFormed(screen)
            let header = screen.text(ofRow: 0)
            // Titles may be cut to the pane width, but each pane header starts with its title.
            XCTAssertTrue(header.contains("关于测试"), "\(width)x\(height): \(header)")
            if width >= 80 {
                XCTAssertTrue(header.contains("关于测试的意见"), header)
                XCTAssertTrue(header.contains("关于测试的实施意见"), header)
            }
            XCTAssertNotNil(screen.row(containing: "为了测试"), "\(width)x\(height) national preamble")
            XCTAssertNotNil(screen.row(containing: "结合我省"), "\(width)x\(height) provincial preamble")
            if height >= 24 {
                XCTAssertNotNil(screen.row(containing: "1.指导思想"), "\(width)x\(height) first clause")
            }
            XCTAssertEqual(screen.height, height)
            XCTAssertTrue(screen.statusLine.contains("国家"), screen.statusLine)
            // The short fixture fits on 160x45: "all"; on 40x12 it does not: "0%".
            if height == 45 { XCTAssertTrue(screen.statusLine.hasSuffix(" all "), screen.statusLine) }
            if height == 12 { XCTAssertTrue(screen.statusLine.hasSuffix(" 0% "), screen.statusLine) }
        }
    }

    func testNationalLeftProvincialRightAndOutlineOnWideScreens() {
        let screen = Fixture.model(width: 160, height: 45).render()
        let header = screen.text(ofRow: 0)
        let outline = header.range(of: "目录")!
        let left = header.range(of: "关于测试的意见")!
        let right = header.range(of: "关于测试的实施意见")!
        XCTAssertLessThan(outline.lowerBound, left.lowerBound)
        XCTAssertLessThan(left.lowerBound, right.lowerBound)
        // The outline lists sections and clauses of the focused (national) document.
        XCTAssertNotNil(screen.row(containing: "一、总体要求"))
        XCTAssertNotNil(screen.row(containing: "4.加强监管"))
        // At 40 columns the outline gives way to the two panes.
        let narrow = Fixture.model(width: 40, height: 12).render()
        XCTAssertFalse(narrow.text(ofRow: 0).contains("目录"))
    }

    func testLinkedClausesStartLevelAndUnmatchedClausesFacePlaceholder() {
        for (width, height) in Self.sizes {
            var model = Fixture.model(width: width, height: height)
            _ = model.jump(toClause: "1.1", focus: .national)
            let screen = model.render()
            let paneStart = model.geometry.frames.national!.x
            let headingRow = screen.row(containing: "1.指导思想", from: paneStart)!
            // Both documents have "1.指导思想": the row shows it twice, once per pane.
            XCTAssertEqual(
                screen.text(ofRow: headingRow).components(separatedBy: "1.指导思想").count - 1, 2,
                "\(width)x\(height)")
            model.press(.character("]"))
            let next = model.render()
            let dropped = next.row(containing: "2.基本原则", from: paneStart)!
            XCTAssertTrue(
                next.text(ofRow: dropped).contains("无对应条款"), "\(width)x\(height): \(next.text(ofRow: dropped))")
            XCTAssertEqual(next.role(of: "无对应条款"), .placeholder)
            // A provincial-only clause has the placeholder on the national (left) side.
            _ = model.jump(toClause: "2.2", side: .provincial, focus: .provincial)
            let added = model.render()
            let addedRow = added.row(containing: "2.龙江特色", from: model.geometry.frames.provincial!.x)!
            let placeholderColumn = added.column(of: "— 无对应条款 —", inRow: addedRow)
            XCTAssertNotNil(placeholderColumn, "\(width)x\(height): " + added.text(ofRow: addedRow))
            XCTAssertLessThan(placeholderColumn ?? 999, model.geometry.frames.provincial!.x)
        }
    }

    func testBeforeTheComparisonSectionsStillLineUp() {
        // Section 二 follows one clause in the provincial text but two in the national: paired by position,
        // the section headings still start on the same row.
        let model = Fixture.model(width: 160, height: 45, compared: false, options: .init(showOutline: false))
        let screen = model.render()
        let row = screen.row(containing: "二、主要任务")!
        XCTAssertTrue(screen.text(ofRow: row).contains("二、重点任务"), screen.lines.joined(separator: "\n"))
    }

    func testSentencesOfLinkedClausesStayLevel() {
        // The provincial first sentence is much longer: the national second sentence must wait for it.
        let national = PolicyDocument(
            title: "国",
            divisions: [
                Fixture.clause("1", 1, "甲", ["短句一。短句二。"])
            ])
        let provincial = PolicyDocument(
            title: "省",
            divisions: [
                Fixture.clause("1", 1, "甲", [String(repeating: "很长的改写内容", count: 12) + "短句一。短句二。"])
            ])
        let comparison = Comparison(
            links: [ClauseLink(national: "1", provincial: "1", kind: .match, score: 0.9)],
            provenance: [
                SentenceProvenance(
                    provincial: SentenceRef(division: "1", index: 0), sources: [SentenceRef(division: "1", index: 0)],
                    score: 0.5),
                SentenceProvenance(
                    provincial: SentenceRef(division: "1", index: 1), sources: [SentenceRef(division: "1", index: 1)],
                    score: 1),
            ])
        var model = ReaderModel(
            national: national, provincial: provincial, width: 80, height: 24, options: .init(showOutline: false))
        _ = model.update(.comparisonFinished(comparison))
        let screen = model.render()
        let row = screen.row(containing: "短句二")!
        XCTAssertEqual(
            screen.text(ofRow: row).components(separatedBy: "短句二").count - 1, 2, screen.lines.joined(separator: "\n"))
    }

    func testChangedCharactersAreHighlightedAndDToggles() {
        var model = Fixture.model(width: 160, height: 45)
        var screen = model.render()
        // Provincial 1.1: "坚持发展为民，服务龙江。" derives from "坚持发展为民。": the addition is inserted.
        XCTAssertEqual(screen.roles(of: "服务龙江"), [.inserted, .inserted, .inserted, .inserted])
        XCTAssertEqual(screen.roles(of: "坚持发展")?.allSatisfy { $0 == .normal }, true)
        // "讲好龙江故事。" has no source: provincial-only. "推动创新发展。" was dropped: national-only.
        XCTAssertEqual(screen.role(of: "讲好龙江故事"), .provincialOnly)
        XCTAssertEqual(screen.role(of: "推动创新发展"), .nationalOnly)
        // A whole unmatched clause: its body takes the subdued role of its side.
        XCTAssertEqual(screen.role(of: "坚持安全可控"), .nationalOnly)
        XCTAssertEqual(screen.role(of: "建设龙江特色"), .provincialOnly)
        XCTAssertEqual(screen.role(of: "完善市场准入"), .normal)

        model.press(.character("d"))
        screen = model.render()
        XCTAssertEqual(screen.roles(of: "服务龙江"), [.normal, .normal, .normal, .normal])
        XCTAssertEqual(screen.role(of: "推动创新发展"), .normal)
        XCTAssertTrue(screen.statusLine.contains("diff off"), screen.statusLine)
        model.press(.character("d"))
        XCTAssertEqual(model.render().role(of: "服务龙江"), .inserted)
    }

    func testDeletedNationalCharactersAreMarked() {
        let national = PolicyDocument(title: "国", divisions: [Fixture.clause("1", 1, "甲", ["加快推进贫困地区网络全覆盖。"])])
        let provincial = PolicyDocument(title: "省", divisions: [Fixture.clause("1", 1, "甲", ["加快推进网络全覆盖。"])])
        let comparison = Comparison(
            links: [ClauseLink(national: "1", provincial: "1", kind: .match, score: 0.9)],
            provenance: [
                SentenceProvenance(
                    provincial: SentenceRef(division: "1", index: 0), sources: [SentenceRef(division: "1", index: 0)],
                    score: 0.6)
            ],
            nationalFates: [SentenceRef(division: "1", index: 0): .rewritten])
        var model = ReaderModel(
            national: national, provincial: provincial, width: 80, height: 24, options: .init(showOutline: false))
        _ = model.update(.comparisonFinished(comparison))
        let screen = model.render()
        let roles = screen.roles(of: "加快推进贫困地区网络全覆盖")!
        XCTAssertEqual(roles[0], .normal)  // 加
        XCTAssertEqual(roles[4], .deleted)  // 贫
        XCTAssertEqual(roles[7], .deleted)  // 区
        XCTAssertEqual(roles[8], .normal)  // 网
    }

    func testControlCharactersNeverReachTheScreenRaw() {
        let national = PolicyDocument(
            title: "标题\u{1B}[2J\u{2067}", preamble: ["前言\u{1B}[31m红色\u{7}响铃\u{9B}结束\u{202E}反向"], divisions: [])
        let model = ReaderModel(national: national, provincial: nil, width: 80, height: 24)
        let screen = model.render()
        assertWellFormed(screen)
        XCTAssertNotNil(screen.row(containing: "前言^[[31m红色^G响铃\u{FFFD}结束\u{FFFD}反向"))
        let row = screen.row(containing: "前言")!
        XCTAssertEqual(screen.rows[row][screen.column(of: "^[", inRow: row)!].role, .control)
        XCTAssertTrue(screen.text(ofRow: 0).contains("标题^[[2J\u{FFFD}"))
    }

    func testWrappedLinesKeepKinsoku() {
        let text = String(repeating: "推进信息服务，“互联网+”行动。", count: 20)
        let national = PolicyDocument(title: "国", divisions: [Fixture.clause("1", 1, "甲", [text])])
        for width in [40, 53, 80, 161] {
            let screen = ReaderModel(national: national, provincial: nil, width: width, height: 40).render()
            for row in 1..<(screen.height - 1) {
                let line = screen.text(ofRow: row).trimmingCharacters(in: .whitespaces)
                guard let first = line.unicodeScalars.first else { continue }
                XCTAssertFalse(LineBreaker.noLineStart.contains(first), "\(width): row starts with \(first): \(line)")
                if let last = line.unicodeScalars.last {
                    XCTAssertFalse(LineBreaker.noLineEnd.contains(last), "\(width): row ends with \(last): \(line)")
                }
            }
        }
    }

    func testTooSmallTerminalShowsMessageAndRecovers() {
        var model = Fixture.model(width: 80, height: 24)
        model.press(.character("]"))
        let clause = model.currentClause(.national)
        model.press(.resize(width: 20, height: 5))
        let small = model.render()
        XCTAssertNotNil(small.row(containing: "too small"))
        XCTAssertNil(small.row(containing: "关于测试"))
        assertWellFormed(small)
        model.press(.resize(width: 80, height: 24))
        let restored = model.render()
        XCTAssertNil(restored.row(containing: "too small"))
        XCTAssertTrue(restored.text(ofRow: 0).contains("关于测试的意见"))
        XCTAssertEqual(model.currentClause(.national), clause)
        // Tiny and empty screens do not crash.
        model.press(.resize(width: 1, height: 1))
        assertWellFormed(model.render())
        model.press(.resize(width: 0, height: 0))
        XCTAssertEqual(model.render().rows.count, 0)
    }

    func testBeforeTheComparisonBothDocumentsShowWithProgress() {
        var model = Fixture.model(width: 80, height: 24, compared: false)
        var screen = model.render()
        XCTAssertNil(screen.row(containing: "无对应条款"), "no placeholders before the comparison")
        XCTAssertNotNil(screen.row(containing: "结合我省"))
        XCTAssertEqual(screen.role(of: "服务龙江"), .normal, "no differences before the comparison")
        _ = model.update(.comparisonProgress(0.42))
        screen = model.render()
        XCTAssertTrue(screen.statusLine.contains("comparing 42%"), screen.statusLine)
        _ = model.update(.comparisonFinished(Fixture.comparison))
        XCTAssertFalse(model.render().statusLine.contains("comparing"))
    }

    func testComparisonArrivalKeepsTheCurrentClause() {
        var model = Fixture.model(width: 80, height: 12, compared: false)
        _ = model.type(":2.3\n")
        XCTAssertEqual(model.currentClause(.national), "2.3")
        _ = model.update(.comparisonFinished(Fixture.comparison))
        XCTAssertEqual(model.currentClause(.national), "2.3")
        // The document is too short to bring 2.3 to the top, but it is in view and it is the current clause.
        XCTAssertNotNil(model.render().row(containing: "3.完善准入", from: model.geometry.frames.national!.x))
        XCTAssertTrue(model.render().statusLine.contains("3.完善准入"))
    }

    func testSinglePaneModeUsesTheFullWidth() {
        var model = Fixture.model(width: 80, height: 24, options: .init(showOutline: false))
        model.press(.character("w"))
        var screen = model.render()
        XCTAssertTrue(model.isSinglePane)
        XCTAssertTrue(screen.text(ofRow: 0).contains("关于测试的意见"))
        XCTAssertFalse(screen.text(ofRow: 0).contains("实施意见"))
        XCTAssertFalse((0..<screen.height - 1).contains { screen.text(ofRow: $0).contains("│") }, "no pane separator")
        XCTAssertNil(screen.row(containing: "无对应条款"), "no placeholders in a single pane")
        // Tab switches the document shown.
        model.press(.tab)
        screen = model.render()
        XCTAssertEqual(model.focus, .provincial)
        XCTAssertTrue(screen.text(ofRow: 0).contains("实施意见"))
        model.press(.character("w"))
        XCTAssertTrue(model.render().text(ofRow: 0).contains("关于测试的意见"))
    }

    func testOneDocumentAloneReadsInOnePane() {
        var model = ReaderModel(national: Fixture.national, provincial: nil, width: 80, height: 24)
        let screen = model.render()
        XCTAssertTrue(screen.text(ofRow: 0).contains("关于测试的意见"))
        XCTAssertNotNil(screen.row(containing: "1.指导思想"))
        XCTAssertEqual(model.focuses(after: [.tab, .tab]), [.outline, .national])
    }

    func testHelpOverlayListsEveryKey() {
        var model = Fixture.model(width: 80, height: 48)
        model.press(.character("?"))
        let screen = model.render()
        let text = screen.lines.joined(separator: "\n")
        for key in ["j  ↓", "Space", "PgUp", "Home", "End", "]", "}", "Tab", "Enter", "t", "w", "/", ":", "quit"] {
            XCTAssertTrue(text.contains(key), "help lacks \(key)")
        }
        XCTAssertEqual(screen.role(of: "next clause"), .overlay)
        XCTAssertEqual(screen.role(of: "reading"), .overlayHeading)
        model.press(.escape)
        XCTAssertNil(model.render().row(containing: "next clause"))
    }
}
