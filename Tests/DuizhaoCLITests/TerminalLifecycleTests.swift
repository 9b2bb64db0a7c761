import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// The real binary in tmux: start-up, locale, colours, quitting, signals, and refusing to start without a terminal.
final class TerminalLifecycleTests: XCTestCase {
    private var sessions: [TmuxSession] = []
    private let nationalTitle = BundledDocument.national.load().title
    private let provincialTitle = BundledDocument.provincial.load().title

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    private func session(width: Int = 160, height: Int = 45, command: String, environment: [String: String] = [:])
        throws -> TmuxSession
    {
        let session = try TmuxSession(width: width, height: height, command: command, environment: environment)
        sessions.append(session)
        return session
    }

    /// A shell in the pane with a recognisable prompt, so tests can see what is left after the reader exits.
    private func shellSession(width: Int = 200, height: Int = 30, environment: [String: String] = [:]) throws
        -> TmuxSession
    {
        let shell = try session(
            width: width, height: height, command: "exec /bin/sh",
            environment: environment.merging(["PS1": "READY$ "]) { $1 })
        try shell.waitFor("the shell prompt") { $0.contains { $0.hasPrefix("READY$") } }
        return shell
    }

    private func screenShowsBothTitles(_ lines: [String]) -> Bool {
        lines.contains { $0.contains(nationalTitle) } && lines.contains { $0.contains(provincialTitle) }
    }

    func testTitlesAreBundledDocumentTitles() {
        // Guards the other tests: they look for these strings on screen.
        XCTAssertTrue(nationalTitle.contains("移动互联网"), nationalTitle)
        XCTAssertTrue(provincialTitle.contains("实施意见"), provincialTitle)
        XCTAssertNotEqual(nationalTitle, provincialTitle)
    }

    func testQuitLeavesACleanShellPrompt() throws {
        let binary = try BuiltBinary.duizhao()
        let shell = try shellSession()
        try shell.type("\(shellQuoted(binary)); echo \"EXIT=$?\"")
        try shell.send("Enter")
        try shell.waitFor("both titles") { self.screenShowsBothTitles($0) }
        XCTAssertEqual(try shell.paneValue("#{alternate_on}"), "1", "the reader draws on the alternate screen")
        try shell.send("q")
        let after = try shell.waitFor("the exit status and a new prompt") { lines in
            lines.contains("EXIT=0") && lines.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true
        }
        XCTAssertFalse(
            after.contains { $0.contains(self.nationalTitle) },
            "the reader's screen is gone:\n\(after.joined(separator: "\n"))")
        try shell.waitForValue("#{alternate_on}", toBe: "0")
        XCTAssertEqual(try shell.paneValue("#{cursor_flag}"), "1", "the cursor is visible again")
        XCTAssertEqual(try shell.paneValue("#{mouse_any_flag}"), "0", "mouse reporting is off again")
    }

    func testSIGTERMRestoresTheTerminalAndExitsWith143() throws {
        let binary = try BuiltBinary.duizhao()
        let pidFile = try ScratchDirectory("duizhao-test", removedBy: addTeardownBlock).path("reader.pid")
        let shell = try shellSession()
        try shell.type("sh -c 'echo $$ > \(pidFile); exec \(binary)'; echo \"EXIT=$?\"")
        try shell.send("Enter")
        try shell.waitFor("both titles") { self.screenShowsBothTitles($0) }
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let pid = try XCTUnwrap(Int32(pidText), "pid file held '\(pidText)'")
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        try shell.waitFor("exit status 143 and a new prompt") { lines in
            lines.contains("EXIT=143") && lines.last(where: { !$0.isEmpty })?.hasPrefix("READY$") == true
        }
        try shell.waitForValue("#{alternate_on}", toBe: "0")
        XCTAssertEqual(try shell.paneValue("#{cursor_flag}"), "1")
        XCTAssertEqual(try shell.paneValue("#{mouse_any_flag}"), "0")
    }

    /// Runs the reader in the pane and, after it exits, prints its exit status and keeps the pane open.
    private func readerCommand(_ binary: String) -> String {
        "\(shellQuoted(binary)); echo \"EXIT=$?\"; exec sleep 600"
    }

    func testClosingTheTerminalEndsTheReader() throws {
        let binary = try BuiltBinary.duizhao()
        let pidFile = try ScratchDirectory("duizhao-test", removedBy: addTeardownBlock).path("reader.pid")
        let reader = try session(command: "echo $$ > \(pidFile); exec \(shellQuoted(binary))")
        try reader.waitFor("both titles") { self.screenShowsBothTitles($0) }
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let pid = try XCTUnwrap(Int32(pidText), "pid file held '\(pidText)'")
        reader.stop()  // kills the tmux server: the pane's terminal goes away
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertNotEqual(
            kill(pid, 0), 0, "the reader exits when its terminal is closed (no orphan left reading a dead terminal)")
    }

    func testChineseShowsUnderTheCLocale() throws {
        let binary = try BuiltBinary.duizhao()
        let reader = try session(
            command: readerCommand(binary), environment: ["LANG": "C", "LC_ALL": "C", "LC_CTYPE": "C"])
        let lines = try reader.waitFor("both titles under LANG=C") { self.screenShowsBothTitles($0) }
        XCTAssertFalse(lines.joined().contains("\u{FFFD}"), "no replacement characters for the Chinese text")
        XCTAssertTrue(lines.contains { $0.contains("关于促进") && $0.contains("│") }, "the panes are drawn")
        try reader.send("q")
        try reader.waitFor("exit status 0") { $0.contains { $0.hasPrefix("EXIT=0") } }
    }

    func testWorksOnSeveralTerminalTypes() throws {
        let binary = try BuiltBinary.duizhao()
        for terminal in ["xterm-256color", "screen", "tmux-256color", "linux", "vt100"] {
            let reader = try session(command: readerCommand(binary), environment: ["TERM": terminal])
            try reader.waitFor("both titles with TERM=\(terminal)") { self.screenShowsBothTitles($0) }
            try reader.send("]")
            let firstClause = try XCTUnwrap(BundledDocument.national.load().comparableUnits.first).heading
            try reader.waitFor("the first clause at the top with TERM=\(terminal)") { lines in
                lines.count > 1 && lines[1].contains(firstClause)
            }
            try reader.send("q")
            try reader.waitFor("exit status 0 with TERM=\(terminal)") { $0.contains { $0.hasPrefix("EXIT=0") } }
            reader.stop()
        }
    }

    func testColoursOnColourTerminalsAndNoneWithNO_COLOR() throws {
        let binary = try BuiltBinary.duizhao()
        let colourful = try session(command: readerCommand(binary), environment: ["TERM": "xterm-256color"])
        try colourful.waitFor("both titles") { self.screenShowsBothTitles($0) }
        let colourEscapes = try colourful.capture(escapes: true).joined(separator: "\n")
        XCTAssertTrue(containsColourSGR(colourEscapes), "a colour terminal gets colours")

        let plain = try session(
            command: readerCommand(binary), environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        try plain.waitFor("both titles with NO_COLOR") { self.screenShowsBothTitles($0) }
        let plainEscapes = try plain.capture(escapes: true).joined(separator: "\n")
        XCTAssertFalse(containsColourSGR(plainEscapes), "NO_COLOR: no colour at all:\n\(plainEscapes.prefix(400))")
        XCTAssertTrue(
            plainEscapes.contains("\u{1B}["), "NO_COLOR still marks roles with attributes (bold/reverse/underline)")

        let monochrome = try session(command: readerCommand(binary), environment: ["TERM": "vt100"])
        try monochrome.waitFor("both titles on vt100") { self.screenShowsBothTitles($0) }
        XCTAssertFalse(
            containsColourSGR(try monochrome.capture(escapes: true).joined(separator: "\n")), "vt100 has no colours")
    }

    /// True when SGR sequences in tmux's capture set a foreground or background colour.
    private func containsColourSGR(_ text: String) -> Bool {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let parameters = text[range].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            var index = 0
            while index < parameters.count {
                let value = parameters[index]
                if (30...37).contains(value) || (40...47).contains(value) || (90...97).contains(value)
                    || (100...107).contains(value)
                {
                    return true
                }
                if value == 38 || value == 48 { return true }
                index += 1
            }
        }
        return false
    }

    func testWithoutATerminalExplainsTheNonInteractiveCommands() throws {
        let binary = try BuiltBinary.duizhao()
        let result = try runProcess(binary, [])
        XCTAssertNotEqual(result.status, 0)
        for command in ["outline", "show", "compare", "bookmarks"] {
            XCTAssertTrue(
                result.standardError.contains("duizhao \(command)"), "mentions \(command):\n\(result.standardError)")
        }
        XCTAssertFalse(result.standardOutput.contains("\u{1B}["), "no escape sequences written to a pipe")
    }

    func testMissingFileIsReportedBeforeTheTerminalIsTouched() throws {
        let binary = try BuiltBinary.duizhao()
        let missing = "/nonexistent/duizhao-\(UUID().uuidString).txt"
        let shell = try shellSession()
        try shell.type("\(shellQuoted(binary)) \(missing); echo \"EXIT=$?\"")
        try shell.send("Enter")
        let lines = try shell.waitFor("the error and the exit status") { $0.contains(where: isExitStatusLine) }
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains(missing), "the error names the file:\n\(text)")
        XCTAssertTrue(text.contains("no such file"), text)
        XCTAssertTrue(lines.contains("EXIT=1"), "exit status 1:\n\(text)")
        XCTAssertTrue(
            lines.contains { $0.contains("READY$") && $0.contains(missing) },
            "the command line is still on screen: nothing was cleared")
        XCTAssertEqual(try shell.paneValue("#{alternate_on}"), "0")
    }

    func testBinaryFileIsReportedBeforeTheTerminalIsTouched() throws {
        let binary = try BuiltBinary.duizhao()
        let path = try ScratchDirectory("duizhao-binary", removedBy: addTeardownBlock).write(
            Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 0, 0, 3]), to: "program.bin")
        let shell = try shellSession()
        try shell.type("\(shellQuoted(binary)) \(path) \(path); echo \"EXIT=$?\"")
        try shell.send("Enter")
        let lines = try shell.waitFor("the error and the exit status") { $0.contains(where: isExitStatusLine) }
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("duizhao: error: \(path)"), "the error names the file:\n\(text)")
        XCTAssertTrue(text.contains("binary"), text)
        XCTAssertTrue(lines.contains("EXIT=1"), "exit status 1:\n\(text)")
        XCTAssertEqual(try shell.paneValue("#{alternate_on}"), "0")
    }
}

/// A line `EXIT=<digits>` as printed by `echo "EXIT=$?"` (not the echoed command line, which a long path
/// may wrap so that `EXIT=$?"` starts a row).
private func isExitStatusLine(_ line: String) -> Bool {
    guard line.hasPrefix("EXIT=") else { return false }
    let status = line.dropFirst(5)
    return !status.isEmpty && status.allSatisfy(\.isNumber)
}
