import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// Keys of issue 22 in the real reader (tmux): `c` across both documents from the national pane, `}` by chapter
/// on a law, `:第4条` on the bundled 意见.
final class ReaderKeysTerminalTests: XCTestCase {
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    /// The reader on `files` (the bundled pair when empty), once compared (the status line no longer says so).
    private func startReader(_ files: [String] = [], width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let command = ([try BuiltBinary.duizhao()] + files).map(shellQuoted).joined(separator: " ")
        let session = try TmuxSession(width: width, height: height, command: command + "; exec sleep 600")
        sessions.append(session)
        try session.waitFor("the compared pair") { lines in
            (lines.last(where: { !$0.isEmpty }) ?? "").contains("side by side")
                && !lines.joined().contains("comparing") && !lines.joined().contains("not aligned")
        }
        return session
    }

    /// The provincial pane's text: each row's part right of the last separator, joined.
    private func provincialText(_ lines: [String]) -> String {
        lines.dropFirst().dropLast().map {
            ($0.components(separatedBy: "│").last ?? "").trimmingCharacters(in: .whitespaces)
        }.joined()
    }

    func testCFromTheNationalPaneReachesTheProvincialAdditions() throws {
        let reader = try startReader()
        var seen: [String] = []
        for number in 1...150 {
            try reader.send("c")
            let lines = try reader.waitFor("change \(number)") { lines in
                lines.last(where: { !$0.isEmpty })?.contains("change \(number) of ") ?? false
            }
            let status = lines.last(where: { !$0.isEmpty }) ?? ""
            XCTAssertTrue(status.contains("中央 │"), "the national pane keeps focus: \(status)")
            if status.contains("· added"), provincialText(lines).contains("充分利用哈尔滨工业大学") {
                seen.append("哈尔滨工业大学")
                break
            }
        }
        XCTAssertEqual(seen, ["哈尔滨工业大学"], "c stopped at clause 14's provincial addition")
    }

    func testBraceMovesByChapterOnALaw() throws {
        let law = TestCorpus.url("cunweihui/national.md").path
        let measures = TestCorpus.url("cunweihui/zhejiang-2020.md").path
        let reader = try startReader([law, measures])
        try reader.send("}")
        try reader.waitFor("第二章 at the top") { $0.count > 1 && $0[1].contains("第二章") }
        try reader.send("}")
        try reader.waitFor("第三章 at the top") { $0.count > 1 && $0[1].contains("第三章") }
        try reader.send("{")
        try reader.waitFor("第二章 again") { $0.count > 1 && $0[1].contains("第二章") }
        XCTAssertFalse(try reader.capture().joined().contains("no next section"))
    }

    func testColonJumpsToClause4WrittenAsAnArticle() throws {
        let national = BundledDocument.national.load()
        let clause = try XCTUnwrap(national.comparableUnits.first { $0.number == 4 })
        let reader = try startReader()
        try reader.send(":")
        try reader.type("第4条")
        try reader.send("Enter")
        try reader.waitFor("clause 4 at the top") { $0.count > 1 && $0[1].contains(clause.heading) }
    }
}
