import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// The real reader in tmux: what the screen shows on start, after `]`, after a search and across resizes.
/// Expected texts come from the bundled documents themselves (titles, clause headings), not from the reader.
final class ReaderScreenTests: XCTestCase {
    private var sessions: [TmuxSession] = []
    private let national = BundledDocument.national.load()
    private let provincial = BundledDocument.provincial.load()

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    /// The reader on the bundled pair in a `width` x `height` pane, once both titles are on screen.
    private func startReader(width: Int = 160, height: Int = 45) throws -> TmuxSession {
        let binary = try BuiltBinary.duizhao()
        let session = try TmuxSession(
            width: width, height: height, command: "\(shellQuoted(binary)); echo \"EXIT=$?\"; exec sleep 600")
        sessions.append(session)
        try session.waitFor("both titles") { lines in
            lines.first.map { $0.contains(self.national.title) && $0.contains(self.provincial.title) } ?? false
        }
        return session
    }

    /// Where the two text panes start: the columns of the two titles in the header row.
    private struct PaneColumns {
        var national: Int
        var provincial: Int
    }

    private func paneColumns(_ lines: [String]) throws -> PaneColumns {
        let columns = try XCTUnwrap(findPaneColumns(lines), "both titles in the header row: \(lines.first ?? "")")
        XCTAssertLessThan(columns.national, columns.provincial, "national left, provincial right")
        return columns
    }

    /// The pane columns when both titles are in the header row (no assertion: used while polling). Each header
    /// starts with its side (中央 · …, 黑龙江 · …): a pane's text starts where its header does, one column after
    /// the separator before it.
    private func findPaneColumns(_ lines: [String]) -> PaneColumns? {
        guard let header = lines.first, let nationalTitle = header.displayColumn(of: " · " + national.title),
            let provincialTitle = header.displayColumn(of: " · " + provincial.title)
        else { return nil }
        func paneStart(before column: Int) -> Int {
            let separators = (0..<column).filter { header.displaySlice(from: $0, to: $0 + 1) == "│" }
            return (separators.last ?? -1) + 2
        }
        return PaneColumns(national: paneStart(before: nationalTitle), provincial: paneStart(before: provincialTitle))
    }

    /// The national and provincial pane text of one screen line.
    private func panes(_ line: String, _ columns: PaneColumns) -> (national: String, provincial: String) {
        (
            line.displaySlice(from: columns.national, to: columns.provincial),
            line.displaySlice(from: columns.provincial, to: Int.max)
        )
    }

    func testFirstScreenShowsBothTitlesAndTheFirstClauses() throws {
        let reader = try startReader()
        let nationalFirst = try XCTUnwrap(national.comparableUnits.first).heading
        let provincialFirst = try XCTUnwrap(provincial.comparableUnits.first).heading
        var columns = PaneColumns(national: 0, provincial: 0)
        let lines = try reader.waitFor("the first clause of each document in its pane") { lines in
            guard let found = self.findPaneColumns(lines) else { return false }
            columns = found
            let body = lines.dropFirst().map { self.panes($0, found) }
            return body.contains { $0.national.contains(nationalFirst) }
                && body.contains { $0.provincial.contains(provincialFirst) }
        }
        // The reader starts at the top: the national preamble begins on the first text row.
        let preambleStart = String(try XCTUnwrap(national.preamble.first).prefix(6))
        XCTAssertTrue(
            panes(lines[1], columns).national.contains(preambleStart), "top of the national pane: \(lines[1])")
    }

    func testBracketMovesBothPanesToLinkedClauses() throws {
        let reader = try startReader()
        let columns = try paneColumns(try reader.capture())
        // National 1.2 指导思想 is implemented by provincial 1.1 指导思想, national 1.3 基本原则 by 1.2 基本原则.
        let nationalGuiding = try XCTUnwrap(national.division(id: "1.2")).heading
        let provincialGuiding = try XCTUnwrap(provincial.division(id: "1.1")).heading
        let nationalPrinciples = try XCTUnwrap(national.division(id: "1.3")).heading
        let provincialPrinciples = try XCTUnwrap(provincial.division(id: "1.2")).heading
        XCTAssertTrue(nationalGuiding.hasSuffix("指导思想") && provincialGuiding.hasSuffix("指导思想"))
        XCTAssertTrue(nationalPrinciples.hasSuffix("基本原则") && provincialPrinciples.hasSuffix("基本原则"))

        try reader.send("]")
        let firstClause = try XCTUnwrap(national.comparableUnits.first).heading
        try reader.waitFor("national clause 1.1 at the top") {
            self.panes($0[1], columns).national.contains(firstClause)
        }
        try reader.send("]")
        try reader.waitFor("指导思想 level in both panes at the top") { lines in
            let top = self.panes(lines[1], columns)
            return top.national.contains(nationalGuiding) && top.provincial.contains(provincialGuiding)
        }
        try reader.send("]")
        try reader.waitFor("基本原则 level in both panes at the top") { lines in
            let top = self.panes(lines[1], columns)
            return top.national.contains(nationalPrinciples) && top.provincial.contains(provincialPrinciples)
        }
        // A transient message (comparison progress, the store opening) may hold the status line for a moment.
        try reader.waitFor("the status line names the clause") { lines in
            lines.contains { $0.contains("›") && $0.contains(nationalPrinciples) }
        }
        try reader.send("[")
        try reader.waitFor("back to 指导思想") { self.panes($0[1], columns).national.contains(nationalGuiding) }
    }

    /// Under `TERM=xterm-256color` inside tmux, Home and End arrive as `ESC [ 1 ~` and `ESC [ 4 ~`, which that
    /// terminfo entry does not list: they still go to the top and the bottom, and their bytes never act as keys
    /// (`[` would move to the previous clause).
    func testHomeAndEndSequencesCursesDoesNotKnowAreStillHomeAndEnd() throws {
        let binary = try BuiltBinary.duizhao()
        let reader = try TmuxSession(
            width: 120, height: 30, command: "\(shellQuoted(binary)); exec sleep 600",
            environment: ["TERM": "xterm-256color"])
        sessions.append(reader)
        let statusEnds = { (suffix: String) in
            { (lines: [String]) in lines.last(where: { !$0.isEmpty })?.hasSuffix(suffix) == true }
        }
        // Aligned first: a comparison arriving later re-aligns the panes and moves the bottom.
        try reader.waitFor("the reader, aligned") { lines in
            lines.first?.contains(self.national.title) == true
                && lines.last(where: { !$0.isEmpty }).map {
                    $0.contains("side by side") && !$0.contains("compar") && !$0.contains("not aligned")
                }
                    == true
        }
        try reader.send("G")
        try reader.waitFor("the bottom", statusEnds("100%"))
        try reader.send("Home")
        try reader.waitFor("the top again", statusEnds(" 0%"))
        try reader.send("End")
        try reader.waitFor("the bottom again", statusEnds("100%"))
    }

    func testSearchFindsTextInTheProvincialPane() throws {
        let reader = try startReader()
        let columns = try paneColumns(try reader.capture())
        let needle = "龙江故事"
        XCTAssertFalse(
            national.allDivisions.contains { $0.paragraphs.joined().contains(needle) },
            "only the provincial text has it")
        XCTAssertTrue(provincial.allDivisions.contains { $0.paragraphs.joined().contains(needle) })
        try reader.send("/")
        try reader.type(needle)
        try reader.send("Enter")
        let lines = try reader.waitFor("\(needle) in the provincial pane") { lines in
            lines.dropFirst().contains { self.panes($0, columns).provincial.contains(needle) }
        }
        XCTAssertFalse(lines.dropFirst().contains { self.panes($0, columns).national.contains(needle) })
        // The match is highlighted: the cells of the match carry an SGR attribute change in tmux's capture.
        let styled = try reader.capture(escapes: true).joined(separator: "\n")
        XCTAssertTrue(styled.contains("m龙江故事") || styled.contains("m龙"), "the match is drawn with its own style")
    }

    func testMouseWheelScrollsThreeLines() throws {
        let reader = try startReader()
        // Once the comparison is installed the alignment no longer changes under the test.
        let before = try reader.waitFor("the comparison installed") { lines in
            lines.count >= 45 && !lines[44].contains("comparing") && lines[44].contains("side by side")
        }
        let columns = try paneColumns(before)
        let fourthRow = panes(before[4], columns).national
        XCTAssertFalse(fourthRow.trimmingCharacters(in: .whitespaces).isEmpty)
        // An X10 mouse report (tmux-256color: kmous=\E[M): button 65 = wheel down, at column 60, row 10.
        let column = Character(Unicode.Scalar(UInt8(32 + 60 + 1)))
        let row = Character(Unicode.Scalar(UInt8(32 + 10 + 1)))
        try reader.type("\u{1B}[Ma\(column)\(row)")
        try reader.waitFor("the fourth text row moved to the top") { self.panes($0[1], columns).national == fourthRow }
        try reader.type("\u{1B}[M`\(column)\(row)")  // button 64 = wheel up
        try reader.waitFor("back at the top") {
            self.panes($0[1], columns).national == self.panes(before[1], columns).national
        }
    }

    func testEscapeSequencesInADocumentAreShownNotObeyed() throws {
        let binary = try BuiltBinary.duizhao()
        let path = try ScratchDirectory("duizhao-escapes", removedBy: addTeardownBlock).write(
            "关于测试的意见\n一、总体要求\n1.目标。做好\u{1B}]2;PWNED\u{07}测试\u{1B}[2J工作。\n2.原则。认真负责。\n", to: "escapes.txt")
        let reader = try TmuxSession(
            width: 100, height: 20, command: "exec \(shellQuoted(binary)) \(shellQuoted(path))")
        sessions.append(reader)
        let lines = try reader.waitFor("the clause text with its escape characters made visible") { lines in
            lines.contains { $0.contains("做好") && $0.contains("工作。") }
        }
        let clause = try XCTUnwrap(lines.first { $0.contains("做好") })
        XCTAssertTrue(clause.contains("^["), "ESC is shown as ^[: \(clause)")
        XCTAssertTrue(clause.contains("PWNED"), "the would-be title is shown as text: \(clause)")
        XCTAssertNotEqual(try reader.paneValue("#{pane_title}"), "PWNED", "the title-setting sequence was not obeyed")
        XCTAssertTrue(lines.contains { $0.contains("关于测试的意见") }, "ESC [2J did not clear the screen")
    }

    func testReadingStartsWhileALargePairIsCompared() throws {
        let binary = try BuiltBinary.duizhao()
        let scratch = try ScratchDirectory("duizhao-large", removedBy: addTeardownBlock)
        // The bundled texts with their bodies repeated 100 times (about 2 MB each): the comparison takes a while.
        var paths: [String] = []
        for document in BundledDocument.allCases {
            var lines = document.text.components(separatedBy: "\n")
            let title = lines.removeFirst()
            paths.append(
                try scratch.write(
                    title + "\n" + String(repeating: lines.joined(separator: "\n") + "\n", count: 100),
                    to: "\(document.rawValue).txt"))
        }
        let reader = try TmuxSession(
            width: 160, height: 45,
            command: "exec \(shellQuoted(binary)) \(paths.map(shellQuoted).joined(separator: " "))")
        sessions.append(reader)
        try reader.waitFor("the panes drawn while the status line reports the comparison's progress", timeout: 60) {
            lines in
            lines.first.map { $0.contains(self.national.title) } == true && lines[44].contains("comparing")
        }
        try reader.send("]")
        let firstClause = try XCTUnwrap(national.comparableUnits.first).heading
        try reader.waitFor("a key handled during or after the comparison") { lines in
            lines[1].contains(firstClause)
        }
        let done = try reader.waitFor("the comparison result installed", timeout: 120) { lines in
            !lines[44].contains("comparing") && lines[44].contains("side by side")
        }
        XCTAssertTrue(done[1].contains(firstClause), "the current clause stays in view when the result arrives")
    }

    func testBookmarkAndReadingPositionOutliveTheSession() throws {
        let binary = try BuiltBinary.duizhao()
        let dataDirectory = try ScratchDirectory("duizhao-store", removedBy: addTeardownBlock).url
        let environment = ["DUIZHAO_DATA_DIR": dataDirectory.path]
        let command = "\(shellQuoted(binary)); echo \"EXIT=$?\"; exec sleep 600"
        let target = national.comparableUnits[4]

        let first = try TmuxSession(width: 160, height: 45, command: command, environment: environment)
        sessions.append(first)
        let columns = try paneColumns(try first.waitFor("both titles") { self.findPaneColumns($0) != nil })
        for _ in 0..<5 { try first.send("]") }
        try first.waitFor("clause \(target.id) at the top") {
            self.panes($0[1], columns).national.contains(target.heading)
        }
        try first.send("m")
        try first.waitFor("the bookmark confirmed in the status line") { $0[44].contains("bookmarked") }
        try first.send("q")
        try first.waitFor("a clean exit") { $0.contains { $0.hasPrefix("EXIT=0") } }
        first.stop()

        var listEnvironment = ProcessInfo.processInfo.environment
        listEnvironment["DUIZHAO_DATA_DIR"] = dataDirectory.path
        let listed = try runProcess(binary, ["bookmarks", "list"], environment: listEnvironment)
        XCTAssertEqual(listed.status, 0, listed.standardError)
        XCTAssertTrue(
            listed.standardOutput.contains(target.id), "the store holds the bookmark:\n\(listed.standardOutput)")

        let second = try TmuxSession(width: 160, height: 45, command: command, environment: environment)
        sessions.append(second)
        // Both conditions in one wait: tmux may show a frame whose first rows are drawn and whose status line
        // is not yet (a heavily loaded machine).
        let reopened = try second.waitFor("the reader reopened at clause \(target.id), named in the status line") {
            lines in
            guard let found = self.findPaneColumns(lines) else { return false }
            return self.panes(lines[1], found).national.contains(target.heading) && lines[44].contains(target.heading)
        }
        XCTAssertTrue(reopened[44].contains(target.heading), "the status line names the clause")
    }

    func testResizeKeepsTheCurrentClause() throws {
        let reader = try startReader()
        let columns = try paneColumns(try reader.capture())
        let target = national.comparableUnits[4].heading  // five presses of ] from the top
        for _ in 0..<5 { try reader.send("]") }
        try reader.waitFor("clause \(target) at the top") { self.panes($0[1], columns).national.contains(target) }

        try reader.resize(width: 60, height: 20)
        let small = try reader.waitFor("a 60x20 frame with the same clause") { lines in
            let body = lines.prefix(20).joined()
            return lines.prefix(20).allSatisfy { DisplayWidth.of($0) <= 60 }
                && lines.count >= 20 && !lines[19].isEmpty
                && body.contains(String(target.prefix(6)))
        }
        XCTAssertTrue(
            small[1].contains(String(target.prefix(6))),
            "the clause heading stays on the first text row:\n\(small.joined(separator: "\n"))")

        try reader.resize(width: 20, height: 5)
        try reader.waitFor("the too-small screen") { lines in
            lines.prefix(5).allSatisfy { DisplayWidth.of($0) <= 20 } && !lines.joined().contains(self.national.title)
        }

        try reader.resize(width: 160, height: 45)
        let restored = try reader.waitFor("the clause back at the top at 160x45, named in the status line") { lines in
            guard let found = self.findPaneColumns(lines) else { return false }
            return self.panes(lines[1], found).national.contains(target)
                && lines.contains { $0.contains("›") && $0.contains(target) }
        }
        XCTAssertTrue(
            restored.contains { $0.contains("›") && $0.contains(target) }, "the status line still names the clause")
    }
}

extension String {
    /// The characters of a screen line between two display columns (double-width characters count two).
    func displaySlice(from start: Int, to end: Int) -> String {
        var column = 0
        var result = ""
        for character in self {
            let width = DisplayWidth.of(String(character))
            if column >= start && column + width <= end { result.append(character) }
            column += width
            if column >= end { break }
        }
        return result
    }
}
