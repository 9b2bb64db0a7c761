import DuizhaoTestSupport
import Foundation
import XCTest

/// A hand correction made in the shell shows in the terminal matrix (tmux): a national provision no implementation
/// keeps survives in one once it is linked by hand. (The reader's own `a`/`x`/`u` keys come later.)
final class AlignTerminalTests: XCTestCase {
    private var sessions: [TmuxSession] = []
    static let law = TestCorpus.url("cunweihui")

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    /// The complete matrix: every column computed and the status line drawn.
    private func isMatrix(_ lines: [String]) -> Bool {
        lines.first?.contains("6 documents") == true && lines.contains { $0.hasPrefix(" coverage") }
            && lines.last(where: { !$0.isEmpty }).map { !$0.contains("comparing") && $0.hasSuffix("? keys") } == true
    }

    /// The grid row of national 第四十条 (no implementation keeps it until it is linked by hand).
    private func fortieth(_ lines: [String]) -> String? {
        lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("第四十条") }
    }

    func testACorrectionMadeInTheShellShowsInTheMatrix() throws {
        let shell = try TmuxSession(
            width: 160, height: 45, command: "exec /bin/sh", environment: ["PS1": "READY$ "])
        sessions.append(shell)
        try shell.waitFor("the shell prompt") { $0.contains { $0.hasPrefix("READY$") } }
        let binary = shellQuoted(try BuiltBinary.duizhao())
        let national = shellQuoted(Self.law.appendingPathComponent("national.md").path)
        let beijing = shellQuoted(Self.law.appendingPathComponent("beijing-2012.md").path)
        let matrix = "\(binary) matrix \(national) \(shellQuoted(Self.law.path))"

        try shell.type(matrix)
        try shell.send("Enter")
        try shell.waitFor("the matrix") { self.isMatrix($0) }
        try shell.send("G")  // the last provisions (the grid scrolls at 45 lines)
        let before = try shell.waitFor("第四十条 on the screen") { self.isMatrix($0) && self.fortieth($0) != nil }
        let plainRow = try XCTUnwrap(fortieth(before))
        XCTAssertTrue(plainRow.contains("0/6"), plainRow)
        try shell.send("q")
        try shell.waitFor("the prompt again") { $0.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true }

        try shell.type("\(binary) align link \(national) \(beijing) 第四十条 第三十四条 && \(matrix)")
        try shell.send("Enter")
        try shell.waitFor("the matrix with the correction") { self.isMatrix($0) }
        try shell.send("G")
        let after = try shell.waitFor("第四十条 on the screen again") { self.isMatrix($0) && self.fortieth($0) != nil }
        let correctedRow = try XCTUnwrap(fortieth(after))
        XCTAssertTrue(correctedRow.contains("1/6"), "北京 keeps 第四十条 by hand: \(correctedRow)")
        try shell.send("q")
        try shell.waitForValue("#{alternate_on}", toBe: "0")
    }
}
