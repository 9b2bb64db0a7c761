import DuizhaoTestSupport
import Foundation
import XCTest

/// A hand correction made in the shell, or in the reader (`a`), shows in the terminal matrix (tmux): a national
/// provision no implementation keeps survives in one once it is linked by hand.
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

    /// The grid row of national 第十七条 (only 河南 keeps it until 北京's is linked by hand).
    private func seventeenth(_ lines: [String]) -> String? {
        lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("第十七条") }
    }

    /// Runs `command` (ending in the matrix) at the shell prompt and returns 第十七条's grid row, the matrix left
    /// open.
    private func seventeenthRow(after command: String, in shell: TmuxSession) throws -> String {
        try shell.type(command)
        try shell.send("Enter")
        try shell.waitFor("the matrix") { self.isMatrix($0) }
        try shell.send("G")  // the last provisions (the grid scrolls at 45 lines)
        let lines = try shell.waitFor("第十七条 on the screen") { self.isMatrix($0) && self.seventeenth($0) != nil }
        return try XCTUnwrap(seventeenth(lines))
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

        let plainRow = try seventeenthRow(after: matrix, in: shell)
        XCTAssertTrue(plainRow.contains("1/6"), plainRow)
        try shell.send("q")
        try shell.waitFor("the prompt again") { $0.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true }

        let correctedRow = try seventeenthRow(
            after: "\(binary) align link \(national) \(beijing) 第十七条 第三十四条 && \(matrix)", in: shell)
        XCTAssertTrue(correctedRow.contains("2/6"), "北京 keeps 第十七条 by hand: \(correctedRow)")
        try shell.send("q")
        try shell.waitForValue("#{alternate_on}", toBe: "0")
    }

    func testACorrectionMadeInTheReaderShowsInTheMatrix() throws {
        let shell = try TmuxSession(
            width: 160, height: 45, command: "exec /bin/sh", environment: ["PS1": "READY$ "])
        sessions.append(shell)
        try shell.waitFor("the shell prompt") { $0.contains { $0.hasPrefix("READY$") } }
        let binary = shellQuoted(try BuiltBinary.duizhao())
        let national = shellQuoted(Self.law.appendingPathComponent("national.md").path)
        let beijing = shellQuoted(Self.law.appendingPathComponent("beijing-2012.md").path)

        // In the reader: national 第十七条, a, pick 北京 第三十四条, kind m.
        try shell.type("\(binary) \(national) \(beijing)")
        try shell.send("Enter")
        try shell.waitFor("the reader, aligned") { lines in
            lines.last(where: { !$0.isEmpty }).map { $0.contains("side by side") && !$0.contains("comparing") } == true
        }
        try shell.type(":第十七条")
        try shell.send("Enter")
        try shell.type("a")
        try shell.waitFor("the picker") { $0.contains { $0.contains("link 第十七条") } }
        try shell.type("第三十四条")
        try shell.send("Enter")
        try shell.waitFor("the kind question") { $0.contains { $0.contains("m match · p partial · r related") } }
        try shell.type("m")
        try shell.waitFor("the hand link in the status line") { $0.contains { $0.contains("✎ linked by hand") } }
        try shell.send("q")
        try shell.waitFor("the prompt again") { $0.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true }

        let row = try seventeenthRow(
            after: "\(binary) matrix \(national) \(shellQuoted(Self.law.path))", in: shell)
        XCTAssertTrue(row.contains("2/6"), "北京 keeps 第十七条 by hand: \(row)")
        XCTAssertTrue(row.contains("✓✎"), "the hand link is marked: \(row)")
        try shell.send("q")
        try shell.waitForValue("#{alternate_on}", toBe: "0")
    }

    func testACorrectionWhoseProvisionIsGoneIsReportedInTheReader() throws {
        let directory = try ScratchDirectory("duizhao-align-gone", removedBy: addTeardownBlock).url
        let national = directory.appendingPathComponent("law.md")
        let local = directory.appendingPathComponent("local.md")
        try "某某示范法\n\n第一条 为了规范示范工作，制定本法。\n\n第二条 示范工作实行统一管理。\n\n第三条 本法自公布之日起施行。\n"
            .write(to: national, atomically: true, encoding: .utf8)
        let withArticle =
            "某省示范办法\n\n第一条 为了规范示范工作，结合本省实际，制定本办法。\n\n第二条 本省示范工作实行统一管理。\n\n"
            + "第三条 省人民政府设立示范奖励基金，奖励有突出贡献的单位。\n\n第四条 本办法自公布之日起施行。\n"
        try withArticle.write(to: local, atomically: true, encoding: .utf8)
        let shell = try TmuxSession(
            width: 120, height: 30, command: "exec /bin/sh", environment: ["PS1": "READY$ "])
        sessions.append(shell)
        try shell.waitFor("the shell prompt") { $0.contains { $0.hasPrefix("READY$") } }
        let binary = shellQuoted(try BuiltBinary.duizhao())
        try shell.type(
            "\(binary) align link \(shellQuoted(national.path)) \(shellQuoted(local.path)) 第二条 第三条 --kind partial")
        try shell.send("Enter")
        try shell.waitFor("the link stored") { $0.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true }
        // The province drops its 第三条 (the fund): the correction has nowhere to go.
        try withArticle.replacingOccurrences(of: "第三条 省人民政府设立示范奖励基金，奖励有突出贡献的单位。\n\n第四条", with: "第三条")
            .write(to: local, atomically: true, encoding: .utf8)
        try shell.type("\(binary) \(shellQuoted(national.path)) \(shellQuoted(local.path))")
        try shell.send("Enter")
        try shell.waitFor("the notice in the status line") { lines in
            lines.last(where: { !$0.isEmpty })?.contains("1 hand correction not applied") == true
        }
        try shell.send("q")
        try shell.waitForValue("#{alternate_on}", toBe: "0")
    }
}
