import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// Runs the built `duizhao compare` (found next to the test bundle, e.g. `.build/debug/duizhao`).
final class CompareCommandTests: XCTestCase {
    func duizhaoPath() throws -> String { try BuiltBinary.duizhao() }

    func run(_ arguments: [String], executable: String? = nil, noColor: Bool = false) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        environment["NO_COLOR"] = noColor ? "1" : nil
        return try runProcess(try executable ?? duizhaoPath(), arguments, environment: environment)
    }

    func testTableHasOneRowPerNationalClauseThenTheProvincialOnlyClauses() throws {
        let result = try run(["compare"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "national:   关于促进移动互联网健康有序发展的意见")
        // Provisions are named as printed (label and title), not by id.
        let rows = lines.filter { $0.range(of: "^\\d+。", options: .regularExpression) != nil }
        XCTAssertEqual(rows.count, 24, "one row per national clause")
        let row = { (prefix: String) in rows.first { $0.hasPrefix(prefix) } ?? "" }
        XCTAssert(row("1。重要性和紧迫性").contains("dropped"), row("1。"))
        XCTAssert(row("18。拓展国际合作空间").contains("8.不断激发信息经济活力"), row("18。"))
        XCTAssert(row("18。拓展国际合作空间").contains("partial"))
        XCTAssert(row("4。完善市场准入制度").contains("3.进一步完善市场准入制度"))
        XCTAssert(row("4。完善市场准入制度").contains("match"))
        XCTAssert(lines.contains("provincial-only clauses: none"))
        XCTAssert(lines.last?.hasPrefix("22 links (20 match, 2 partial)") == true, lines.last ?? "")
    }

    func testJSONShape() throws {
        let result = try run(["compare", "--json"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        XCTAssertEqual((object["national"] as? [String: Any])?["title"] as? String, "关于促进移动互联网健康有序发展的意见")
        XCTAssertEqual((object["provincial"] as? [String: Any])?["title"] as? String, "关于促进移动互联网健康有序发展的实施意见")
        let links = try XCTUnwrap(object["links"] as? [[String: Any]])
        XCTAssertEqual(links.count, 22)
        let partial = links.filter { $0["kind"] as? String == "partial" }
        XCTAssertEqual(
            Set(partial.compactMap { ($0["national"] as? [String: Any])?["id"] as? String }), ["5.18", "5.20"])
        for link in links {
            let national = try XCTUnwrap(link["national"] as? [String: Any])
            let provincial = try XCTUnwrap(link["provincial"] as? [String: Any])
            XCTAssertNotNil(national["id"] as? String)
            XCTAssertFalse((national["title"] as? String ?? "").isEmpty)
            XCTAssertFalse((provincial["title"] as? String ?? "").isEmpty)
            XCTAssert(["match", "partial"].contains(link["kind"] as? String ?? ""))
            let score = try XCTUnwrap(link["score"] as? Double)
            XCTAssert((0...1).contains(score))
            let evidence = try XCTUnwrap(link["evidence"] as? [String: Any])
            XCTAssertGreaterThan(
                try XCTUnwrap(evidence["sharedSentences"] as? Int), 0, "every bundled link shares sentences")
            XCTAssertEqual(evidence["citations"] as? [String], [], "the bundled 意见 cite no provisions")
            XCTAssertNotNil(evidence["matchingHeading"] as? Bool)
        }
        // 基本原则 → 基本原则: the same heading; 5.18 拓展国际合作空间 → 3.8 不断激发信息经济活力: not.
        func evidence(_ national: String, _ provincial: String) -> [String: Any]? {
            links.first {
                ($0["national"] as? [String: Any])?["id"] as? String == national
                    && ($0["provincial"] as? [String: Any])?["id"] as? String == provincial
            }?["evidence"] as? [String: Any]
        }
        XCTAssertEqual(evidence("1.3", "1.2")?["matchingHeading"] as? Bool, true)
        XCTAssertEqual(evidence("5.18", "3.8")?["matchingHeading"] as? Bool, false)
        XCTAssertEqual(evidence("5.18", "3.8")?["sharedSentences"] as? Int, 1)
        let nationalOnly = try XCTUnwrap(object["nationalOnly"] as? [[String: Any]])
        XCTAssertEqual(nationalOnly.compactMap { $0["id"] as? String }, ["1.1", "5.19"])
        XCTAssertEqual(nationalOnly.first?["title"] as? String, "重要性和紧迫性")
        XCTAssertEqual((object["provincialOnly"] as? [Any])?.count, 0)
        let sentences = try XCTUnwrap(object["sentences"] as? [[String: Any]])
        XCTAssertEqual(
            sentences.count,
            TestDocuments.provincial.comparableUnits.flatMap { TestDocuments.provincial.unitSentences($0.id) }.count)
        let silkRoad = try XCTUnwrap(
            sentences.first { (($0["provincial"] as? [String: Any])?["text"] as? String)?.contains("一带一路") == true })
        XCTAssertEqual((silkRoad["sources"] as? [[String: Any]])?.first?["division"] as? String, "5.18")
        let coverage = try XCTUnwrap(object["coverage"] as? [[String: Any]])
        XCTAssertEqual(coverage.count, 24)
        XCTAssertEqual(coverage.first { $0["id"] as? String == "5.19" }?["status"] as? String, "dropped")
        XCTAssertEqual((object["provincialCoverage"] as? [Any])?.count, 20)
    }

    func testOutputIsByteForByteDeterministic() throws {
        let first = try run(["compare", "--json"])
        let second = try run(["compare", "--json"])
        XCTAssertEqual(first.standardOutput, second.standardOutput)
        XCTAssertEqual(try run(["compare"]).standardOutput, try run(["compare"]).standardOutput)
    }

    func testClauseViewMarksChangesWhenPiped() throws {
        let result = try run(["compare", "--clause", "5.18", "--width", "90"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let text = result.standardOutput
        XCTAssertFalse(text.contains("\u{1B}"), "no colour codes when piped")
        XCTAssert(text.hasPrefix("18。拓展国际合作空间  ⇄  8.不断激发信息经济活力  · partial"), text)
        // 围绕“一带一路”国家战略 → 围绕国家“一带一路”建设: the province's words are marked as inserted …
        XCTAssert(text.contains("{+国家+}"), text)
        XCTAssert(text.contains("{+建设+}"), text)
        // … and the dropped sentence on 5G and international standards is marked as deleted.
        XCTAssert(text.contains("[-在第五代移动通信"), text)
        for line in text.split(separator: "\n") where line.contains("│") {
            // Two columns of at most (90 - 3) / 2 = 43 cells each.
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 90, String(line))
        }
    }

    func testClauseNumberAloneResolvesLikeTheFullId() throws {
        let byNumber = try run(["compare", "--clause", "18", "--width", "90"])
        let byID = try run(["compare", "--clause", "5.18", "--width", "90"])
        XCTAssertEqual(byNumber.status, 0, byNumber.standardError)
        XCTAssertEqual(byNumber.standardOutput, byID.standardOutput)
    }

    func testUnrelatedFilesListEveryClauseAsUnlinked() throws {
        let directory = try TestDocuments.temporaryDirectory(for: self)
        let path = directory.appendingPathComponent("agriculture.txt").path
        try TestDocuments.agricultureText.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["compare", "national", path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines.filter { $0.contains("dropped") && $0.range(of: "^\\d+。", options: .regularExpression) != nil }.count,
            24)
        XCTAssert(lines.contains("provincial-only clauses:"))
        XCTAssert(lines.contains("  1.指导思想"), result.standardOutput)
        XCTAssert(
            lines.last?.hasPrefix("0 links (0 match, 0 partial); 24 national clauses dropped; 10 provincial-only")
                == true, lines.last ?? "")
    }

    func testClauseViewOfAProvincialClauseShowsEachLinkedNationalClause() throws {
        let result = try run(["compare", "--clause", "p:3.12"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let headers = result.standardOutput.split(separator: "\n").filter { $0.contains("⇄") }
        XCTAssertEqual(headers.count, 2)
        XCTAssert(headers[0].hasPrefix("13。繁荣发展网络文化"))
        XCTAssert(headers[1].hasPrefix("20。加强国际传播能力建设"))
    }

    func testClauseViewOfADroppedClauseAndOfAnUnknownId() throws {
        let dropped = try run(["compare", "--clause", "1.1"])
        XCTAssertEqual(dropped.status, 0)
        XCTAssert(dropped.standardOutput.contains("no provincial counterpart (dropped)"), dropped.standardOutput)
        let unknown = try run(["compare", "--clause", "99"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssert(unknown.standardError.contains("bundled:national"), unknown.standardError)
        XCTAssert(unknown.standardError.contains("'99'"), unknown.standardError)
    }

    func testClauseViewIsColouredOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("util-linux script(1) is needed to give the command a terminal")
        }
        let binary = try duizhaoPath()
        let result = try run(
            ["-qec", "\(binary) compare --clause 5.18 --width 90", "/dev/null"], executable: "/usr/bin/script")
        XCTAssertEqual(result.status, 0, result.standardError)
        // The reader's one converter (Screen.ansiText) with the roles' appearance: black on green, white on red,
        // and each change kind in its own colour (the legend shows them all: stronger is bold underlined magenta).
        XCTAssert(result.standardOutput.contains("\u{1B}[0;30;42m"), "insertions coloured")
        XCTAssert(result.standardOutput.contains("\u{1B}[0;37;41m"), "deletions coloured")
        XCTAssert(result.standardOutput.contains("\u{1B}[0;1;4;35mstronger"), "kinds coloured")
        XCTAssertFalse(result.standardOutput.contains("{+"), "no plain markers on a terminal")
        // NO_COLOR turns colour off even on a terminal.
        let plain = try run(
            ["-qec", "\(binary) compare --clause 5.18 --width 90", "/dev/null"], executable: "/usr/bin/script",
            noColor: true)
        XCTAssertFalse(plain.standardOutput.contains("\u{1B}["))
        XCTAssert(plain.standardOutput.contains("{+国家+}"))
    }

    func testFilesGiveTheSameComparisonAsTheBundledPair() throws {
        let directory = try TestDocuments.temporaryDirectory(for: self)
        let nationalPath = directory.appendingPathComponent("national.txt").path
        let provincialPath = directory.appendingPathComponent("provincial.txt").path
        try BundledDocument.national.text.write(toFile: nationalPath, atomically: true, encoding: .utf8)
        try BundledDocument.provincial.text.write(toFile: provincialPath, atomically: true, encoding: .utf8)
        let files = try run(["compare", nationalPath, provincialPath, "--json"])
        let bundled = try run(["compare", "--json"])
        XCTAssertEqual(files.status, 0, files.standardError)
        func links(_ output: String) throws -> [[String: String]] {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return (object["links"] as? [[String: Any]] ?? []).map {
                [
                    "national": ($0["national"] as? [String: Any])?["id"] as? String ?? "",
                    "provincial": ($0["provincial"] as? [String: Any])?["id"] as? String ?? "",
                    "kind": $0["kind"] as? String ?? "",
                ]
            }
        }
        XCTAssertEqual(try links(files.standardOutput), try links(bundled.standardOutput))
    }

    func testBadArgumentsAreClearErrors() throws {
        let one = try run(["compare", "only-one.txt"])
        XCTAssertNotEqual(one.status, 0)
        XCTAssert(one.standardError.contains("give both NATIONAL and PROVINCIAL"), one.standardError)
        let missing = try run(["compare", "/nonexistent/national.txt", "provincial"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssert(missing.standardError.contains("/nonexistent/national.txt"), missing.standardError)
        let both = try run(["compare", "--json", "--clause", "2.4"])
        XCTAssertNotEqual(both.status, 0)
    }

    func testHTMLWritesThePairReportOrSaysWhyNot() throws {
        let scratch = try ScratchDirectory("pair-report", removedBy: addTeardownBlock)
        let file = scratch.path("pair.html")
        let written = try run(["compare", "--html", file])
        XCTAssertEqual(written.status, 0, written.standardError)
        XCTAssertTrue(written.standardOutput.hasPrefix("wrote \(file)"), written.standardOutput)
        let page = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>") && page.contains(BundledDocument.provincial.load().title))
        let unwritable = try run(["compare", "--html", "/nonexistent-directory/pair.html"])
        XCTAssertNotEqual(unwritable.status, 0)
        XCTAssertTrue(
            unwritable.standardError.hasPrefix("duizhao: error: /nonexistent-directory/pair.html: cannot write"),
            unwritable.standardError)
        XCTAssertNotEqual(try run(["compare", "--json", "--html", file]).status, 0, "one output format at a time")
    }
}

extension CompareCommandTests {
    /// `show`, `compare --clause` and `bookmarks add` share the resolver: an ambiguous reference is an error that
    /// lists the candidates with their ids; `4`, `四` and `第4条` all name clause 4 of the bundled 意见.
    func testEveryCommandSaysWhenAReferenceIsAmbiguous() throws {
        let law = TestCorpus.url("cunweihui/national.md").path
        let measures = TestCorpus.url("cunweihui/zhejiang-2020.md").path
        let show = try run(["show", "（一）", "--doc", law])
        XCTAssertNotEqual(show.status, 0)
        XCTAssertTrue(show.standardError.contains("'（一）' is ambiguous: 第十三条（一）"), show.standardError)
        XCTAssertTrue(show.standardError.hasSuffix("give the id\n"), show.standardError)
        XCTAssertEqual(show.standardError.split(separator: "\n").count, 1, "one line")
        let compare = try run(["compare", law, measures, "--clause", "p:（一）"])
        XCTAssertNotEqual(compare.status, 0)
        XCTAssertTrue(compare.standardError.contains("'（一）' is ambiguous: 第八条（一）"), compare.standardError)
        let headings = try ["4", "四", "第4条"].map { reference -> String in
            let result = try run(["show", reference, "--width", "60"])
            XCTAssertEqual(result.status, 0, result.standardError)
            return String(result.standardOutput.split(separator: "\n").first ?? "")
        }
        XCTAssertEqual(Set(headings).count, 1, "\(headings)")
        XCTAssertTrue(headings[0].hasPrefix("4"), headings[0])
    }

    /// An untitled article's first words are printed once: the clause view's header names it by its label, its
    /// text follows.
    func testClauseViewOfAnUntitledArticleShowsItsFirstWordsOnce() throws {
        let law = TestCorpus.url("cunweihui/national.md").path
        let measures = TestCorpus.url("cunweihui/zhejiang-2020.md").path
        let result = try run(["compare", law, measures, "--clause", "第一条", "--width", "100"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("第一条  ⇄  第一条  · match") ?? false, "\(lines.first ?? "")")
        XCTAssertEqual(lines.filter { $0.contains("为了保障农村村民实行自治") }.count, 1, result.standardOutput)
    }
}

extension CompareCommandTests {
    /// Piped at a narrow width the clause view's header breaks between the two provisions, never inside a name.
    func testClauseViewHeaderBreaksBetweenTheProvisions() throws {
        let national = BundledDocument.national.load()
        let clause = try XCTUnwrap(national.comparableUnits.first { $0.number == 21 })
        let result = try run(["compare", "--clause", "21", "--width", "40"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], clause.heading)
        XCTAssertTrue(lines[1].hasPrefix("⇄  ") && lines[1].contains("· match"), lines[1])
    }
}
