import DuizhaoCore
import XCTest

@testable import DuizhaoReader

/// Whole frames of the main screens at 80x24 and 40x12 on the fixture pair (compared), expected in `Frames/`:
/// every row as the terminal shows it, so any change to layout, wrapping, alignment or overlays shows up here.
final class WholeFrameTests: XCTestCase {
    static let bookmarks = [
        ReaderBookmark(id: 1, side: .national, clauseID: "1.2", clauseTitle: "2.基本原则", note: "已删去"),
        ReaderBookmark(id: 2, side: .provincial, clauseID: "2.2", clauseTitle: "2.龙江特色"),
    ]

    /// The reading screen at 80x24: outline, both panes aligned clause by clause, placeholders, the status line.
    func testReadingAt80x24() throws {
        let screen = Fixture.model(width: 80, height: 24).render()
        XCTAssertEqual(screen.lines, try ExpectedFrame.lines("reading-80x24"))
        XCTAssertEqual(screen.role(of: "关于测试的意见"), .paneTitleFocused)
        XCTAssertEqual(screen.role(of: "关于测试的实施意见"), .paneTitle)
        XCTAssertEqual(screen.role(of: "1.指导思想"), .outline, "in the preamble no outline entry is current")
        XCTAssertEqual(screen.roles(of: "— 无对应条款 —")?.first, .placeholder)
        XCTAssertEqual(screen.scrollableRows, 1..<23)
        XCTAssertNil(screen.cursor)
    }

    /// The reading screen at 40x12: no outline (too narrow), both panes, the status line.
    func testReadingAt40x12HasNoOutline() throws {
        XCTAssertEqual(Fixture.model(width: 40, height: 12).render().lines, try ExpectedFrame.lines("reading-40x12"))
    }

    func testHelpAt40x12() throws {
        var model = Fixture.model(width: 40, height: 12)
        model.press(.character("?"))
        let screen = model.render()
        XCTAssertEqual(screen.lines, try ExpectedFrame.lines("help-40x12"))
        XCTAssertEqual(screen.role(of: "reading"), .overlayHeading)
    }

    func testBookmarkListAt80x24() throws {
        var model = Fixture.model(width: 80, height: 24)
        _ = model.update(.bookmarksLoaded(Self.bookmarks))
        model.press(.character("B"))
        let screen = model.render()
        // Rows 10-13: the list box, wide enough for its whole title; around it the reading screen, with the
        // bookmark marks now shown.
        var expected = try ExpectedFrame.lines("reading-80x24")
        expected.replaceSubrange(
            10...13,
            with: [
                "       bookmarks (all) · Enter jump · e note · d delete · f filter · Esc",
                "       国家 2.基本原则 — 已删去",
                "       省级 2.龙江特色",
                "",
            ])
        expected[3] = "*" + expected[3].dropFirst()
        expected[16] = expected[16].replacingOccurrences(of: "│ 2.龙江特色", with: "│*2.龙江特色")
        XCTAssertEqual(screen.lines, expected)
        XCTAssertEqual(screen.role(of: "国家 2.基本原则"), .outlineCurrent, "the selected entry")
        XCTAssertEqual(screen.role(of: "省级 2.龙江特色"), .overlay)
    }

    func testBookmarkListAt40x12() throws {
        var model = Fixture.model(width: 40, height: 12)
        _ = model.update(.bookmarksLoaded(Self.bookmarks))
        model.press(.character("B"))
        // Rows 4-7: the list box (the hints that do not fit left out, not cut); the reading screen around it.
        var expected = try ExpectedFrame.lines("reading-40x12")
        expected.replaceSubrange(
            4...7,
            with: [
                "  bookmarks (all) · Enter jump",
                "  国家 2.基本原则 — 已删去",
                "  省级 2.龙江特色",
                "",
            ])
        XCTAssertEqual(model.render().lines, expected)
    }

    func testHelpAt80x24() throws {
        var model = Fixture.model(width: 80, height: 24)
        model.press(.character("?"))
        let screen = model.render()
        XCTAssertEqual(screen.lines, try ExpectedFrame.lines("help-80x24"))
        model.press(.character("j"))
        XCTAssertEqual(
            model.render().lines[1], "  j  ↓  Enter  Ctrl-N      scroll one line down (both panes)",
            "j scrolls the list")
    }

    /// The prompt replaces the status line only (the first match is in view at both sizes: nothing moves); the
    /// cursor stands after 龙江 (two double-width characters).
    func testSearchPrompt() throws {
        for (width, height) in [(40, 12), (80, 24)] {
            var model = Fixture.model(width: width, height: height)
            _ = model.type("/龙江")
            let screen = model.render()
            let size = "\(width)x\(height)"
            XCTAssertEqual(screen.lines, try ExpectedFrame.lines("reading-\(size)").dropLast() + ["/龙江"], size)
            XCTAssertEqual(screen.cursor, CursorPosition(row: height - 1, column: 5), size)
            XCTAssertEqual(screen.roles(of: "龙江")?.first, .searchCurrent, "\(size): the first match, provincial pane")
        }
    }
}

extension WholeFrameTests {
    /// At 80 columns help text longer than its column wraps under itself: no binding loses words.
    func testHelpWrapsInsteadOfCutting() throws {
        let help = HelpScreen(sections: ReadingScreen.helpSections)
        let rows = help.rows(helpRoom: 40)
        var texts: [String] = []
        for row in rows {
            guard case .help(let keys, let text) = row else { continue }
            XCTAssertLessThanOrEqual(DisplayWidth.of(text), 40, text)
            if keys.isEmpty, !texts.isEmpty { texts[texts.count - 1] += text } else { texts.append(text) }
        }
        let expected = ReadingScreen.helpSections.flatMap { $0.lines.map(\.help) }
        XCTAssertEqual(
            texts.map { $0.filter { !$0.isWhitespace } }, expected.map { $0.filter { !$0.isWhitespace } },
            "every help text whole, in order")
        // On screen: scrolled to the Esc line, its whole text shows over its rows.
        var model = Fixture.model(width: 80, height: 24)
        model.press(.character("?"))
        var all = ""
        for _ in 0..<80 {
            all += model.render().lines.dropFirst().joined(separator: "\n") + "\n"
            model.press(.character("j"))
        }
        let escape = try XCTUnwrap(
            ReadingScreen.keys.bindings.first { $0.keys.contains(.escape) }?.help, "Esc is bound")
        let squeezed = all.filter { !$0.isWhitespace && $0 != "\n" }
        XCTAssertTrue(squeezed.contains(escape.filter { !$0.isWhitespace }), escape)
    }
}
