import DuizhaoTestSupport
import Foundation
import XCTest

/// `duizhao matrix` on a terminal (tmux): the grid at 160x45 and 80x24, Enter into a pair and back, q quits cleanly.
final class MatrixTerminalTests: XCTestCase {
    private var sessions: [TmuxSession] = []
    static let law = MatrixCommandTests.corpus.appendingPathComponent("cunweihui")

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    /// A shell in the pane running the matrix on the 村民委员会组织法 and its six implementations.
    private func matrixInShell(width: Int, height: Int) throws -> TmuxSession {
        let shell = try TmuxSession(
            width: width, height: height, command: "exec /bin/sh", environment: ["PS1": "READY$ "])
        sessions.append(shell)
        try shell.waitFor("the shell prompt") { $0.contains { $0.hasPrefix("READY$") } }
        let national = Self.law.appendingPathComponent("national.md").path
        try shell.type(
            "\(shellQuoted(try BuiltBinary.duizhao())) matrix \(shellQuoted(national)) \(shellQuoted(Self.law.path)); echo \"EXIT=$?\""
        )
        try shell.send("Enter")
        return shell
    }

    /// The complete matrix: every column computed, and the frame drawn down to the status line (tmux may show a
    /// frame half drawn), which no longer says "comparing".
    private func isMatrix(_ lines: [String]) -> Bool {
        lines.first?.contains("6 documents") == true && lines.contains { $0.hasPrefix(" coverage") }
            && lines.last(where: { !$0.isEmpty }).map { !$0.contains("comparing") && $0.hasSuffix("? keys") } == true
    }

    func testGridAt160x45EnterIntoAPairAndBackThenQuit() throws {
        let shell = try matrixInShell(width: 160, height: 45)
        let grid = try shell.waitFor("the complete matrix") { self.isMatrix($0) }
        XCTAssertTrue(grid[1].contains("北京   重庆   河南   山东   上海   浙江"), grid[1])
        XCTAssertTrue(grid.contains { $0.contains("第一章 总则") })
        XCTAssertTrue(grid.contains { $0.contains("第五条") && $0.contains("6/6") }, "第五条 survives everywhere")
        XCTAssertTrue(grid[44].hasPrefix("北京 · 第一条"), grid[44])

        try shell.send("j", "j", "l")
        try shell.waitFor("the cursor on 重庆 · 第三条") { $0[44].hasPrefix("重庆 · 第三条") }
        try shell.send("Enter")
        let reader = try shell.waitFor("the pair side by side") { lines in
            lines[0].contains("中华人民共和国村民委员会组织法") && lines[0].contains("重庆市实施")
        }
        XCTAssertTrue(reader.contains { $0.contains("第三条") }, "the reader opens at the provision")
        try shell.send("j", "j")
        try shell.send("q")
        try shell.waitFor("the matrix where it was") { self.isMatrix($0) && $0[44].hasPrefix("重庆 · 第三条") }
        try shell.send("Enter")
        try shell.waitFor("the pair again") { $0[0].contains("重庆市实施") }
        try shell.send("Escape")
        try shell.waitFor("the matrix after Esc") { self.isMatrix($0) && $0[44].hasPrefix("重庆 · 第三条") }

        try shell.send("q")
        try shell.waitFor("the exit status and a new prompt") { lines in
            lines.contains("EXIT=0") && lines.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true
        }
        try shell.waitForValue("#{alternate_on}", toBe: "0")
        XCTAssertEqual(try shell.paneValue("#{cursor_flag}"), "1", "the cursor is visible again")
    }

    func testGridAt80x24() throws {
        let shell = try matrixInShell(width: 80, height: 24)
        let grid = try shell.waitFor("the complete matrix") { self.isMatrix($0) }
        XCTAssertTrue(grid[1].contains("北京"), grid[1])
        XCTAssertTrue(grid[2].hasPrefix("- 第一章 总则"), grid[2])
        XCTAssertTrue(grid[3].hasPrefix("   第一条") && grid[3].contains("/6"), grid[3])
        try shell.send("$", "G")
        let end = try shell.waitFor("the last provision of the last document") { $0[23].hasPrefix("浙江 · 第四十一条") }
        XCTAssertTrue(end.contains { $0.contains("第四十一条") })
        try shell.send("Enter")
        try shell.waitFor("the pair") { $0[0].contains("浙江") }
        try shell.send("q")
        try shell.waitFor("the matrix") { self.isMatrix($0) && $0[23].hasPrefix("浙江 · 第四十一条") }
        try shell.send("q")
        try shell.waitFor("the exit status") { $0.contains("EXIT=0") }
        try shell.waitForValue("#{alternate_on}", toBe: "0")
    }

    /// `?` then `j` × 20 at 80x24: the help is one scrolled box (the reader's overlay), title row kept, no matrix
    /// rows around it; `q` closes it and the matrix is back.
    func testHelpScrolledAt80x24StaysOneBox() throws {
        let shell = try matrixInShell(width: 80, height: 24)
        try shell.waitFor("the complete matrix") { self.isMatrix($0) }
        try shell.send("?")
        try shell.waitFor("the help") { $0.contains { $0.contains("keys · ? or Esc closes, j/k scroll") } }
        for _ in 0..<20 { try shell.send("j") }
        let help = try shell.waitFor("the help scrolled to its end") { lines in
            lines.contains { $0.contains("quit") } && !lines.contains { $0.contains("next provision") }
        }
        XCTAssertTrue(help.contains { $0.contains("keys · ? or Esc closes, j/k scroll") }, help.joined(separator: "\n"))
        XCTAssertFalse(help.contains { $0.contains("第一章 总则") || $0.contains("6/6") }, help.joined(separator: "\n"))
        try shell.send("q")
        try shell.waitFor("the matrix again") { self.isMatrix($0) }
        try shell.send("q")
        try shell.waitFor("a clean exit") { $0.contains("EXIT=0") }
    }
}
