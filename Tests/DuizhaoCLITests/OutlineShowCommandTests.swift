import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// `duizhao outline`, `duizhao show` and the options every command has, run as real processes.
final class OutlineShowCommandTests: XCTestCase {
    func testOutlineJSONHasTheDocumentedShape() throws {
        let result = try runProcess(try BuiltBinary.duizhao(), ["outline", "--json"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let documents = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        XCTAssertEqual(documents.count, 2)
        for document in documents {
            for key in ["title", "issuers", "date", "documentNumber", "preamble", "divisions", "warnings"] {
                XCTAssertNotNil(document[key], "missing \(key)")
            }
        }
        XCTAssertEqual(documents[1]["date"] as? String, "2017-11-08")
        XCTAssertEqual(documents[1]["issuers"] as? [String], ["中共黑龙江省委办公厅", "黑龙江省人民政府办公厅"])
        let sections = try XCTUnwrap(documents[0]["divisions"] as? [[String: Any]])
        XCTAssertEqual(sections.count, 6)
        let firstClause = try XCTUnwrap((sections[0]["children"] as? [[String: Any]])?.first)
        XCTAssertEqual(firstClause["id"] as? String, "1.1")
        XCTAssertEqual(firstClause["label"] as? String, "1。")
        XCTAssertEqual(firstClause["kind"] as? String, "clause")
        XCTAssertEqual(firstClause["title"] as? String, "重要性和紧迫性")
        XCTAssertEqual((firstClause["paragraphs"] as? [String])?.count, 1)
    }

    func testOutlineOfAFileIsOneDocumentTree() throws {
        let scratch = try ScratchDirectory("duizhao-cli", removedBy: addTeardownBlock)
        let path = try scratch.write("关于测试的意见\n一、总体要求\n1.目标。做好测试。\n2.原则。认真负责。\n", to: "doc.txt")
        let result = try runProcess(try BuiltBinary.duizhao(), ["outline", path])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(
            result.standardOutput.split(separator: "\n").map(String.init),
            ["关于测试的意见", "  一、总体要求", "    1.目标 (1 ¶)", "    2.原则 (1 ¶)"])
    }

    func testBadFilesGiveAnErrorNamingTheFileAndFail() throws {
        let binary = try BuiltBinary.duizhao()
        let missing = "/nonexistent/duizhao-\(UUID().uuidString).txt"
        for arguments in [["outline", missing], ["show", "1", "--doc", missing], ["outline", "/"]] {
            let result = try runProcess(binary, arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.standardError.contains(arguments.last!), result.standardError)
            XCTAssertTrue(result.standardOutput.isEmpty)
        }
    }

    /// `duizhao FILE…` opens the reader without swift-argument-parser (a start-up fast path); it must behave
    /// exactly like `duizhao read FILE…`, and anything else must still reach the parser.
    func testTheReaderFastPathAgreesWithTheParsedCommand() throws {
        let binary = try BuiltBinary.duizhao()
        let missing = "/nonexistent/duizhao-\(UUID().uuidString).txt"
        let scratch = try ScratchDirectory("duizhao-cli", removedBy: addTeardownBlock)
        let national = try scratch.write("关于测试的意见\n一、总体要求\n1.目标。做好测试。\n", to: "national.txt")
        for files in [[missing], [national, missing], [missing, national]] {
            let fast = try runProcess(binary, files)
            let parsed = try runProcess(binary, ["read"] + files)
            XCTAssertEqual(fast.status, 1, "\(files)")
            XCTAssertEqual(fast.status, parsed.status, "\(files)")
            XCTAssertEqual(fast.standardError, parsed.standardError, "\(files)")
            XCTAssertTrue(fast.standardError.contains(missing), fast.standardError)
            XCTAssertTrue(fast.standardOutput.isEmpty)
        }
        // A good file without a terminal: the same explanation and exit status 2 either way.
        let fastWithoutTerminal = try runProcess(binary, [national])
        let parsedWithoutTerminal = try runProcess(binary, ["read", national])
        XCTAssertEqual(fastWithoutTerminal.status, 2)
        XCTAssertEqual(fastWithoutTerminal.status, parsedWithoutTerminal.status)
        XCTAssertEqual(fastWithoutTerminal.standardError, parsedWithoutTerminal.standardError)
        XCTAssertTrue(fastWithoutTerminal.standardError.contains("needs a terminal"), fastWithoutTerminal.standardError)
        // It names every non-interactive command the parser knows (read from `--help`, so a new one is not missed).
        let help = try runProcess(binary, ["--help"]).standardOutput
        let subcommands = help.components(separatedBy: "SUBCOMMANDS:").last!.split(separator: "\n")
            .compactMap { line -> String? in
                let words = line.split(separator: " ")
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = words.first else { return nil }
                return String(name)
            }
            .filter { $0 != "read" && $0 != "See" }
        XCTAssertTrue(subcommands.contains("matrix"), help)
        for name in subcommands {
            XCTAssertTrue(
                fastWithoutTerminal.standardError.contains("duizhao \(name) "),
                "\(name) missing from: \(fastWithoutTerminal.standardError)")
        }
        // Three files, an option or a subcommand's name: the parser's answers, not the reader's.
        let tooMany = try runProcess(binary, [national, national, national])
        XCTAssertNotEqual(tooMany.status, 0)
        XCTAssertTrue(tooMany.standardError.contains("at most two files"), tooMany.standardError)
        let version = try runProcess(binary, ["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
        let outline = try runProcess(binary, ["outline", national])
        XCTAssertEqual(outline.status, 0, outline.standardError)
        XCTAssertFalse(outline.standardOutput.isEmpty)
    }

    func testShowWrapsByDisplayWidthWithKinsoku() throws {
        let result = try runProcess(try BuiltBinary.duizhao(), ["show", "2.4", "--doc", "provincial", "--width", "30"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "4.推进信息基础设施建设演进升级")
        let division = try XCTUnwrap(BundledDocument.provincial.load().division(id: "2.4"))
        let shown = lines.joined().replacingOccurrences(of: "　　", with: "")
        XCTAssertEqual(shown, division.heading + division.paragraphs.joined())
        for line in lines {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 30, line)
            if let first = line.unicodeScalars.first {
                XCTAssertFalse("，。、；：？！）》」』,;:)".unicodeScalars.contains(first), line)
            }
        }
    }

    func testShowResolvesAClauseNumberAndRejectsUnknownIDs() throws {
        let binary = try BuiltBinary.duizhao()
        let byNumber = try runProcess(binary, ["show", "24", "--width", "200"])
        XCTAssertEqual(byNumber.status, 0)
        XCTAssertTrue(byNumber.standardOutput.hasPrefix("24。强化法治保障\n"))
        let unknown = try runProcess(binary, ["show", "9.99"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.standardError.contains("9.99"))
    }

    func testEveryCommandHasHelpAndVersion() throws {
        let binary = try BuiltBinary.duizhao()
        for command in [[], ["outline"], ["show"], ["compare"], ["bookmarks"], ["read"]] {
            let version = try runProcess(binary, command + ["--version"])
            XCTAssertEqual(version.status, 0, "\(command)")
            XCTAssertEqual(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
            let help = try runProcess(binary, command + ["--help"])
            XCTAssertEqual(help.status, 0, "\(command)")
            XCTAssertTrue(help.standardOutput.contains("USAGE"), "\(command): \(help.standardOutput)")
        }
    }
}

/// The bundled pair is compiled into the binary, so a copied binary still finds it.
final class CopiedBinaryTests: XCTestCase {
    func testACopiedBinaryStillOpensTheBundledPair() throws {
        let copy = try ScratchDirectory("duizhao-copy", removedBy: addTeardownBlock).path("duizhao")
        try FileManager.default.copyItem(atPath: try BuiltBinary.duizhao(), toPath: copy)
        let result = try runProcess(copy, ["outline"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("24。强化法治保障"))
        XCTAssertTrue(result.standardOutput.contains("20.强化法治保障"))
    }
}
