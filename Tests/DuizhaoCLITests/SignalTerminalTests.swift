import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// Issue 24: every signal that ends the reader leaves the terminal as it found it (main screen, cursor shown,
/// mouse reporting and keypad mode off), and the process then dies by that signal; a terminal type that cannot
/// move the cursor is refused before the screen is touched.
final class SignalTerminalTests: XCTestCase {
    private var sessions: [TmuxSession] = []
    private let nationalTitle = BundledDocument.national.load().title

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    private func readerKilled(by signal: Int32, arguments: String = "", title: String? = nil) throws {
        let title = title ?? nationalTitle
        let binary = try BuiltBinary.duizhao()
        let scratch = try ScratchDirectory("duizhao-test", removedBy: addTeardownBlock)
        let pidFile = scratch.path("reader.pid")
        let shell = try TmuxSession(
            width: 200, height: 30, command: "exec /bin/sh", environment: ["PS1": "READY$ "])
        sessions.append(shell)
        try shell.waitFor("the shell prompt") { $0.contains { $0.hasPrefix("READY$") } }
        // No core file from SIGQUIT; `exec` so the pid is the reader's.
        try shell.type(
            "sh -c 'ulimit -c 0; echo $$ > \(pidFile); exec \(shellQuoted(binary)) \(arguments)'; echo \"EXIT=$?\"")
        try shell.send("Enter")
        try shell.waitFor("the reader") { $0.contains { $0.contains(title) } }
        XCTAssertEqual(try shell.paneValue("#{alternate_on}"), "1")
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try XCTUnwrap(Int32(pidText), "pid file held '\(pidText)'")
        XCTAssertEqual(kill(pid, signal), 0)
        try shell.waitFor("exit status \(128 + signal) and a new prompt") { lines in
            lines.contains { $0.hasSuffix("EXIT=\(128 + signal)") }
                && lines.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true
        }
        try shell.waitForValue("#{alternate_on}", toBe: "0")
        XCTAssertEqual(try shell.paneValue("#{cursor_flag}"), "1", "signal \(signal): the cursor is shown")
        XCTAssertEqual(try shell.paneValue("#{mouse_any_flag}"), "0", "signal \(signal): mouse reporting is off")
        XCTAssertEqual(try shell.paneValue("#{keypad_flag}"), "0", "signal \(signal): keypad mode is off")
    }

    func testSIGQUITRestoresTheTerminal() throws { try readerKilled(by: SIGQUIT) }

    func testSIGUSR1RestoresTheTerminal() throws { try readerKilled(by: SIGUSR1) }

    func testSIGPIPERestoresTheTerminal() throws { try readerKilled(by: SIGPIPE) }

    func testSIGUSR2OnOneDocumentRestoresTheTerminal() throws {
        let national = TestCorpus.corpus.appendingPathComponent("nongjituiguang/national.md").path
        let title = try PolicyImporter.importFile(at: national).title
        try readerKilled(by: SIGUSR2, arguments: shellQuoted(national), title: title)
    }

    func testATerminalThatCannotMoveTheCursorIsRefusedLikeAnUnknownOne() throws {
        let binary = try BuiltBinary.duizhao()
        for terminal in ["dumb", "no-such-terminal-type"] {
            let reader = try TmuxSession(
                width: 120, height: 30,
                command: "\(shellQuoted(binary)); echo \"EXIT=$?\"; exec sleep 600", environment: ["TERM": terminal])
            sessions.append(reader)
            let lines = try reader.waitFor("an error and exit status 1 with TERM=\(terminal)") {
                $0.contains { $0.hasPrefix("EXIT=1") }
            }
            XCTAssertTrue(
                lines.contains {
                    $0.contains("cannot use the terminal type '\(terminal)'") && $0.contains("TERM=xterm")
                },
                lines.joined(separator: "\n"))
            XCTAssertFalse(lines.contains { $0.contains(nationalTitle) }, lines.joined(separator: "\n"))
        }
    }
}
