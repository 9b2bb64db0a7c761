import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// A document carrying terminal control sequences (an OSC window-title change ended by BEL, a clear-screen CSI,
/// a C1 CSI introducer) fed to every command: none of them reaches standard output or standard error raw in
/// human-readable output; JSON escapes them.
final class SafeOutputTests: XCTestCase {
    static let title = "\u{1B}]0;pwned\u{07}关于测试控制字符的意见"
    static let hostile = "坚持发展为民\u{1B}[2J。推动\u{9B}31m创新发展。"

    var directory: URL!
    var national: String!
    var provincial: String!
    var environment: [String: String]!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        national = directory.appendingPathComponent("national.txt").path
        provincial = directory.appendingPathComponent("provincial.txt").path
        try "\(Self.title)\n一、总体要求\n1.指导思想。\(Self.hostile)\n2.基本原则。坚持安全可控。\n"
            .write(toFile: national, atomically: true, encoding: .utf8)
        try "\(Self.title)实施意见\n一、总体要求\n1.指导思想。\(Self.hostile)服务龙江。\n2.基本原则。坚持安全可控。\n"
            .write(toFile: provincial, atomically: true, encoding: .utf8)
        environment = ProcessInfo.processInfo.environment
        environment["DUIZHAO_DATA_DIR"] = directory.appendingPathComponent("data").path
        environment["NO_COLOR"] = nil
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(try BuiltBinary.duizhao(), arguments, environment: environment)
    }

    /// No ESC, BEL or C1 control anywhere; the document's escape is shown as `^[`.
    func assertSafe(
        _ text: String, showsEscape: Bool = true, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let raw = text.unicodeScalars.filter {
            $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
        }
        XCTAssertEqual(
            raw.map { String(format: "U+%04X", $0.value) }, [], "\(what) passes control characters:\n\(text)",
            file: file, line: line)
        if showsEscape {
            XCTAssertTrue(text.contains("^["), "\(what) shows the escape visibly:\n\(text)", file: file, line: line)
        }
    }

    func testHumanReadableOutputOfEveryCommandIsSanitised() throws {
        let outline = try run(["outline", national])
        XCTAssertEqual(outline.status, 0, outline.standardError)
        assertSafe(outline.standardOutput, "outline")
        XCTAssertTrue(outline.standardOutput.contains("^[]0;pwned^G关于测试控制字符的意见"), outline.standardOutput)

        let show = try run(["show", "1", "--doc", national])
        XCTAssertEqual(show.status, 0, show.standardError)
        assertSafe(show.standardOutput, "show")
        XCTAssertTrue(show.standardOutput.contains("\u{FFFD}31m"), "C1 CSI becomes U+FFFD:\n\(show.standardOutput)")

        let table = try run(["compare", national, provincial])
        XCTAssertEqual(table.status, 0, table.standardError)
        assertSafe(table.standardOutput, "compare")

        let clause = try run(["compare", national, provincial, "--clause", "1.1", "--width", "80"])
        XCTAssertEqual(clause.status, 0, clause.standardError)
        assertSafe(clause.standardOutput, "compare --clause")

        for format in ["--markdown", "--csv"] {
            let matrix = try run(["matrix", national, provincial, format])
            XCTAssertEqual(matrix.status, 0, matrix.standardError)
            // CSV has no titles, so only Markdown shows the escape.
            assertSafe(matrix.standardOutput, showsEscape: format == "--markdown", "matrix \(format)")
        }

        let add = try run(["bookmarks", "add", "1", "--doc", national, "--note", "看\u{1B}[2J这里"])
        XCTAssertEqual(add.status, 0, add.standardError)
        assertSafe(add.standardOutput, "bookmarks add")
        let list = try run(["bookmarks", "list"])
        XCTAssertEqual(list.status, 0, list.standardError)
        assertSafe(list.standardOutput, "bookmarks list")
        XCTAssertTrue(list.standardOutput.contains("看^[[2J这里"), list.standardOutput)
        let export = try run(["bookmarks", "export"])
        XCTAssertEqual(export.status, 0, export.standardError)
        assertSafe(export.standardOutput, "bookmarks export")
    }

    func testErrorsAndWarningsAreSanitised() throws {
        let missing = try run(["show", "9.\u{1B}[2J", "--doc", national])
        XCTAssertNotEqual(missing.status, 0)
        assertSafe(missing.standardError, "an error quoting the id")
        let badFile = try run(["outline", directory.appendingPathComponent("\u{1B}]0;x\u{07}.txt").path])
        XCTAssertNotEqual(badFile.status, 0)
        assertSafe(badFile.standardError, "an error naming a file")
        let reader = try run([national])  // no terminal: the usage on standard error
        XCTAssertEqual(reader.status, 2)
        assertSafe(reader.standardError, showsEscape: false, "the reader without a terminal")
    }

    func testJSONEscapesControlCharacters() throws {
        let outline = try run(["outline", national, "--json"])
        XCTAssertEqual(outline.status, 0, outline.standardError)
        assertSafe(outline.standardOutput, showsEscape: false, "outline --json")
        XCTAssertTrue(outline.standardOutput.contains("\\u001b"), outline.standardOutput)
        XCTAssertTrue(outline.standardOutput.contains("\\u009b"), outline.standardOutput)
        let document = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outline.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual(document["title"] as? String, Self.title, "the text itself is kept")
        let compare = try run(["compare", national, provincial, "--json"])
        XCTAssertEqual(compare.status, 0, compare.standardError)
        assertSafe(compare.standardOutput, showsEscape: false, "compare --json")
        let matrix = try run(["matrix", national, provincial, "--json"])
        XCTAssertEqual(matrix.status, 0, matrix.standardError)
        assertSafe(matrix.standardOutput, showsEscape: false, "matrix --json")
    }

    /// The reader in a real terminal (tmux): the title is not changed, the screen not cleared, the escape shown.
    func testTheReaderShowsControlsVisibly() throws {
        let binary = try BuiltBinary.duizhao()
        let session = try TmuxSession(
            width: 100, height: 24,
            command: "\(shellQuoted(binary)) \(shellQuoted(national)) \(shellQuoted(provincial))")
        defer { session.stop() }
        let titleBefore = try session.paneValue("#{pane_title}")
        let lines = try session.waitFor("the documents with visible escapes") { $0.joined().contains("^[]0;pwned^G") }
        XCTAssertTrue(lines.joined().contains("关于测试控制字符"), "the title, shortened to its pane")
        try session.send("]")
        try session.waitFor("the clause with its escape") { $0.joined().contains("^[[2J") }
        XCTAssertEqual(try session.paneValue("#{pane_title}"), titleBefore, "the window title is unchanged")
        XCTAssertFalse(try session.paneValue("#{pane_title}").contains("pwned"))
    }
}
