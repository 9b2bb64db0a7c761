import XCTest

@testable import DuizhaoReader

/// Whole frames of the main screens at 80x24 and 40x12 on the fixture pair (compared): every row as the
/// terminal shows it, so any change to layout, wrapping, alignment or overlays shows up here.
final class WholeFrameTests: XCTestCase {
    static let bookmarks = [
        ReaderBookmark(id: 1, side: .national, clauseID: "1.2", clauseTitle: "2.基本原则", note: "已删去"),
        ReaderBookmark(id: 2, side: .provincial, clauseID: "2.2", clauseTitle: "2.龙江特色"),
    ]

    /// The reading screen at 80x24: outline, both panes aligned clause by clause, placeholders, the status line.
    static let readingAt80x24 = [
        " 目录 · 国家    │ 关于测试的意见                │ 关于测试的实施意见",
        " -一、总体要求  │     为了测试阅读器，现提出如  │     结合我省实际，现提出如下",
        "    1.指导思想  │ 下意见。                      │ 实施意见。",
        "    2.基本原则  │                               │",
        " -二、主要任务  │ 一、总体要求                  │ 一、总体要求",
        "    3.完善准入  │                               │",
        "    4.加强监管  │ 1.指导思想                    │ 1.指导思想",
        "                │     坚持发展为民。推动创新发  │     坚持发展为民，服务龙江。",
        "                │ 展。                          │ 讲好龙江故事。",
        "                │                               │",
        "                │ 2.基本原则                    │ — 无对应条款 —",
        "                │     坚持安全可控，全面排查风  │",
        "                │ 险隐患。                      │",
        "                │                               │",
        "                │ 二、主要任务                  │ 二、重点任务",
        "                │                               │",
        "                │ — 无对应条款 —                │ 2.龙江特色",
        "                │                               │     建设龙江特色网络平台。",
        "                │                               │",
        "                │ 3.完善准入                    │ 3.完善准入",
        "                │     完善市场准入制度。        │     完善市场准入制度。",
        "                │                               │",
        "                │ 4.加强监管                    │ — 无对应条款 —",
        " 国家 │ 序言                                                  side by side · 0%",
    ]

    func testReadingAt80x24() {
        let screen = Fixture.model(width: 80, height: 24).render()
        XCTAssertEqual(screen.lines, Self.readingAt80x24)
        XCTAssertEqual(screen.role(of: "关于测试的意见"), .paneTitleFocused)
        XCTAssertEqual(screen.role(of: "关于测试的实施意见"), .paneTitle)
        XCTAssertEqual(screen.role(of: "1.指导思想"), .outline, "in the preamble no outline entry is current")
        XCTAssertEqual(screen.roles(of: "— 无对应条款 —")?.first, .placeholder)
        XCTAssertEqual(screen.scrollableRows, 1..<23)
        XCTAssertNil(screen.cursor)
    }

    /// The reading screen at 40x12: no outline (too narrow), both panes, the status line.
    static let readingAt40x12 = [
        " 关于测试的意见    │ 关于测试的实施意见",
        "     为了测试阅读  │     结合我省实际，",
        " 器，现提出如下意  │ 现提出如下实施意",
        " 见。              │ 见。",
        "                   │",
        " 一、总体要求      │ 一、总体要求",
        "                   │",
        " 1.指导思想        │ 1.指导思想",
        "     坚持发展为    │     坚持发展为民，",
        " 民。推动创新发    │ 服务龙江。讲好龙江",
        " 展。              │ 故事。",
        " 国家 │ 序言          side by side · 0%",
    ]

    func testReadingAt40x12HasNoOutline() {
        XCTAssertEqual(Fixture.model(width: 40, height: 12).render().lines, Self.readingAt40x12)
    }

    func testHelpAt40x12() {
        var model = Fixture.model(width: 40, height: 12)
        model.press(.character("?"))
        let screen = model.render()
        XCTAssertEqual(
            screen.lines,
            [
                "  keys · ? or Esc closes, j/k scroll",
                "  reading",
                "  j  ↓  Enter  Ctrl-N      scroll one",
                "  k  ↑  Ctrl-P             scroll one",
                "  Space  PgDn  f  Ctrl-F   page down",
                "  b  PgUp  Ctrl-B          page up",
                "  g  Home  <               top",
                "  G  End  >                bottom",
                "  ]                        next clause",
                "  [                        previous cl",
                "  }                        next sectio",
                "",
            ])
        XCTAssertEqual(screen.role(of: "reading"), .overlayHeading)
    }

    func testBookmarkListAt80x24() {
        var model = Fixture.model(width: 80, height: 24)
        _ = model.update(.bookmarksLoaded(Self.bookmarks))
        model.press(.character("B"))
        let screen = model.render()
        // Rows 10-13: the list box; around it the reading screen, with the bookmark marks now shown.
        var expected = Self.readingAt80x24
        expected.replaceSubrange(
            10...13,
            with: [
                "          bookmarks (all) · Enter jump · e note · d delete · f filter ·",
                "          国家 2.基本原则 — 已删去",
                "          省级 2.龙江特色",
                "",
            ])
        expected[3] = "*" + expected[3].dropFirst()
        expected[16] = expected[16].replacingOccurrences(of: "│ 2.龙江特色", with: "│*2.龙江特色")
        XCTAssertEqual(screen.lines, expected)
        XCTAssertEqual(screen.role(of: "国家 2.基本原则"), .outlineCurrent, "the selected entry")
        XCTAssertEqual(screen.role(of: "省级 2.龙江特色"), .overlay)
    }

    func testBookmarkListAt40x12() {
        var model = Fixture.model(width: 40, height: 12)
        _ = model.update(.bookmarksLoaded(Self.bookmarks))
        model.press(.character("B"))
        // Rows 4-7: the list box; the reading screen around it unchanged.
        var expected = Self.readingAt40x12
        expected.replaceSubrange(
            4...7,
            with: [
                "  bookmarks (all) · Enter jump · e note",
                "  国家 2.基本原则 — 已删去",
                "  省级 2.龙江特色",
                "",
            ])
        XCTAssertEqual(model.render().lines, expected)
    }

    func testSearchPromptAt40x12() {
        var model = Fixture.model(width: 40, height: 12)
        _ = model.type("/龙江")
        let screen = model.render()
        XCTAssertEqual(
            screen.lines, Self.readingAt40x12.dropLast() + ["/龙江"], "the prompt replaces the status line only")
        XCTAssertEqual(screen.cursor, CursorPosition(row: 11, column: 5), "after 龙江 (two double-width characters)")
        XCTAssertEqual(screen.roles(of: "龙江")?.first, .searchCurrent, "the first match, in the provincial pane")
    }

    func testHelpAt80x24() {
        var model = Fixture.model(width: 80, height: 24)
        model.press(.character("?"))
        let screen = model.render()
        XCTAssertEqual(
            screen.lines,
            [
                "  keys · ? or Esc closes, j/k scroll",
                "  reading",
                "  j  ↓  Enter  Ctrl-N      scroll one line down (both panes)",
                "  k  ↑  Ctrl-P             scroll one line up",
                "  Space  PgDn  f  Ctrl-F   page down",
                "  b  PgUp  Ctrl-B          page up",
                "  g  Home  <               top",
                "  G  End  >                bottom",
                "  ]                        next clause",
                "  [                        previous clause",
                "  }                        next section",
                "  {                        previous section",
                "  Tab                      focus national / provincial / outline",
                "  Shift-Tab                focus the other way round",
                "  ←                        focus the pane to the left",
                "  →                        focus the pane to the right",
                "  o                        fold / unfold the current section in the outline",
                "  t                        show / hide the outline",
                "  w                        single full-width pane / side by side",
                "  /                        search both documents (as you type)",
                "  n                        next match",
                "  N                        previous match",
                "  :                        jump to a clause (2.4, 4, 第4条, 四)",
                "",
            ])
        model.press(.character("j"))
        XCTAssertEqual(
            model.render().lines[1], "  j  ↓  Enter  Ctrl-N      scroll one line down (both panes)",
            "j scrolls the list")
    }

    func testSearchPromptAt80x24() {
        var model = Fixture.model(width: 80, height: 24)
        _ = model.type("/龙江")
        let screen = model.render()
        XCTAssertEqual(screen.lines, Self.readingAt80x24.dropLast() + ["/龙江"], "the match is in view: nothing moves")
        XCTAssertEqual(screen.cursor, CursorPosition(row: 23, column: 5))
    }
}
