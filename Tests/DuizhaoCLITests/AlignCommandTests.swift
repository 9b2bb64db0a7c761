import DuizhaoTestSupport
import Foundation
import XCTest

/// `duizhao align` and the corrections it keeps, applied by `compare` and `matrix` (with `--links-csv`), run as
/// real processes on the corpus with a store of the test's own.
final class AlignCommandTests: XCTestCase {
    static let directory = TestCorpus.url("cunweihui")
    static let national = directory.appendingPathComponent("national.md").path
    static let beijing = directory.appendingPathComponent("beijing-2012.md").path

    var environment: [String: String] = [:]
    var binary = ""

    override func setUpWithError() throws {
        let scratch = try ScratchDirectory("duizhao-align", removedBy: addTeardownBlock)
        environment = ProcessInfo.processInfo.environment
        environment["DUIZHAO_DATA_DIR"] = scratch.path("data")
        environment["DUIZHAO_CACHE_DIR"] = scratch.path("cache")
        binary = try BuiltBinary.duizhao()
    }

    func run(_ arguments: String...) throws -> ProcessResult {
        try runProcess(binary, arguments, environment: environment)
    }

    func json(_ result: ProcessResult) throws -> Any {
        XCTAssertEqual(result.status, 0, result.standardError)
        return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    }

    /// The compare JSON's links as `national label ⇄ provincial label` with their source.
    func links(_ compare: Any) throws -> [String: String] {
        let links = try XCTUnwrap((compare as? [String: Any])?["links"] as? [[String: Any]])
        var result: [String: String] = [:]
        for link in links {
            let national = try XCTUnwrap((link["national"] as? [String: Any])?["label"] as? String)
            let provincial = try XCTUnwrap((link["provincial"] as? [String: Any])?["label"] as? String)
            result["\(national)⇄\(provincial)"] = try XCTUnwrap(link["source"] as? String)
        }
        return result
    }

    func testLinkUnlinkListAndRemoveChangeWhatCompareSays() throws {
        let before = try links(try json(try run("compare", Self.national, Self.beijing, "--json")))
        XCTAssertEqual(before["第三条⇄第八条"], "auto")
        XCTAssertNil(before["第六条⇄第九条"])
        XCTAssertEqual(Set(before.values), ["auto"])

        let link = try run(
            "align", "link", Self.national, Self.beijing, "第六条", "9", "--kind", "partial", "--note", "=见第九条")
        XCTAssertEqual(link.status, 0, link.standardError)
        XCTAssertTrue(link.standardOutput.hasPrefix("#1 linked (partial)"), link.standardOutput)
        let unlink = try run("align", "unlink", Self.national, Self.beijing, "3", "第八条")
        XCTAssertEqual(unlink.status, 0, unlink.standardError)

        let after = try links(try json(try run("compare", Self.national, Self.beijing, "--json")))
        XCTAssertEqual(after["第六条⇄第九条"], "hand")
        XCTAssertNil(after["第三条⇄第八条"], "a rejected link does not come back")
        let table = try run("compare", Self.national, Self.beijing)
        XCTAssertTrue(
            table.standardOutput.split(separator: "\n").contains { $0.contains("第九条") && $0.contains("partial ✎") },
            table.standardOutput)

        XCTAssertTrue(table.standardOutput.contains(", 1 by hand ✎; "), table.standardOutput)
        XCTAssertFalse(
            try run("compare", Self.national, Self.directory.appendingPathComponent("shandong-2012.md").path)
                .standardOutput.contains("by hand"), "another pair has no hand links")
        let listed = try XCTUnwrap(try json(try run("align", "list", "--json")) as? [[String: Any]])
        XCTAssertEqual(listed.map { $0["id"] as? Int }, [1, 2])
        XCTAssertEqual(listed.map { $0["kind"] as? String }, ["partial", "rejected"])
        XCTAssertEqual(listed.map { $0["nationalRef"] as? String }, ["第六条", "第三条"])
        XCTAssertEqual(listed.map { $0["provincialRef"] as? String }, ["第九条", "第八条"])
        XCTAssertEqual(listed.map { $0["nationalFile"] as? String }, [Self.national, Self.national])
        XCTAssertEqual(listed.map { $0["provincialFile"] as? String }, [Self.beijing, Self.beijing])
        XCTAssertEqual(listed.map { $0["note"] as? String }, ["=见第九条", ""])
        XCTAssertEqual(listed.map { $0["status"] as? String }, ["exact", "exact"])
        XCTAssertNotNil(listed.first?["time"] as? String)
        let pairList = try run("align", "list", Self.national, Self.beijing)
        XCTAssertEqual(pairList.status, 0, pairList.standardError)
        XCTAssertTrue(pairList.standardOutput.contains("#1  ✎ partial"), pairList.standardOutput)
        XCTAssertTrue(pairList.standardOutput.contains("#2  ✗ unlinked"), pairList.standardOutput)
        let otherPair = try run(
            "align", "list", Self.national, Self.directory.appendingPathComponent("shandong-2012.md").path)
        XCTAssertTrue(otherPair.standardOutput.hasPrefix("no alignment corrections"), otherPair.standardOutput)

        XCTAssertEqual(try run("align", "remove", "#2").status, 0)
        let restored = try links(try json(try run("compare", Self.national, Self.beijing, "--json")))
        XCTAssertEqual(restored["第三条⇄第八条"], "auto", "removing the rejection brings the machine's link back")
        let missing = try run("align", "remove", "2")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.standardError.contains("no alignment correction with id 2"), missing.standardError)
    }

    func testAReferenceThatNamesNoProvisionFailsNamingItAndStoresNothing() throws {
        let result = try run("align", "link", Self.national, Self.beijing, "第九十九条", "第九条")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.standardError.trimmingCharacters(in: .newlines),
            "duizhao: error: \(Self.national): no provision with id, number or label '第九十九条'")
        let provincial = try run("align", "unlink", Self.national, Self.beijing, "第一条", "p99")
        XCTAssertEqual(provincial.status, 1)
        XCTAssertTrue(provincial.standardError.contains("\(Self.beijing)"), provincial.standardError)
        XCTAssertTrue(provincial.standardError.contains("'p99'"), provincial.standardError)
        let badKind = try run("align", "link", Self.national, Self.beijing, "1", "1", "--kind", "maybe")
        XCTAssertNotEqual(badKind.status, 0)
        let listed = try XCTUnwrap(try json(try run("align", "list", "--json")) as? [Any])
        XCTAssertTrue(listed.isEmpty, "nothing stored")
    }

    func testTheMatrixAndItsLinksCSVCarryTheCorrections() throws {
        let scratch = try ScratchDirectory("duizhao-align-csv", removedBy: addTeardownBlock)
        XCTAssertEqual(try run("align", "link", Self.national, Self.beijing, "第六条", "第九条").status, 0)
        XCTAssertEqual(try run("align", "unlink", Self.national, Self.beijing, "第三条", "第八条").status, 0)
        let csvPath = scratch.path("links.csv")
        let markdown = try run("matrix", Self.national, Self.directory.path, "--markdown", "--links-csv", csvPath)
        XCTAssertEqual(markdown.status, 0, markdown.standardError)
        let sixth = try XCTUnwrap(markdown.standardOutput.split(separator: "\n").first { $0.hasPrefix("| 第六条") })
        XCTAssertEqual(sixth.components(separatedBy: "✎").count, 2, "one hand-linked cell: \(sixth)")

        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").dropLast()
        XCTAssertEqual(
            rows.first,
            "national_file,national_label,national_title,document_file,jurisdiction,date,provincial_label,kind,source,score,carried,changes,evidence"
        )
        let beijingRows = rows.dropFirst().map { $0.components(separatedBy: ",") }.filter {
            $0[3].hasSuffix("beijing-2012.md")
        }
        XCTAssertTrue(beijingRows.allSatisfy { $0.count == 13 }, "no field of these rows needs quoting")
        XCTAssertTrue(
            beijingRows.contains { $0[1] == "第六条" && $0[6] == "第九条" && $0[7] == "match" && $0[8] == "hand" })
        XCTAssertFalse(beijingRows.contains { $0[1] == "第三条" && $0[6] == "第八条" }, "the rejected link is gone")

        // Every national provision has a row per implementation: a link or `dropped`; every provincial-only one
        // a `new` row; and the counts agree with the matrix JSON.
        let matrix = try XCTUnwrap(
            try json(try run("matrix", Self.national, Self.directory.path, "--json")) as? [String: Any])
        let documents = try XCTUnwrap(matrix["documents"] as? [[String: Any]])
        let beijingIndex = try XCTUnwrap(
            documents.firstIndex { ($0["file"] as? String)?.hasSuffix("beijing-2012.md") == true })
        let summary = try XCTUnwrap(documents[beijingIndex]["summary"] as? [String: Any])
        XCTAssertEqual(beijingRows.filter { $0[7] == "dropped" }.count, summary["dropped"] as? Int)
        XCTAssertEqual(beijingRows.filter { $0[7] == "new" }.count, summary["additions"] as? Int)
        let matrixRows = try XCTUnwrap(matrix["rows"] as? [[String: Any]])
        let sixthCell = try XCTUnwrap(
            matrixRows.first { ($0["national"] as? [String: Any])?["label"] as? String == "第六条" }?["cells"]
                as? [[String: Any]])
        XCTAssertEqual(sixthCell[beijingIndex]["hand"] as? Bool, true)

        // The matrix CSV names who linked each cell: 北京's 第六条 by hand, the others by the engine.
        let matrixCSV = try run("matrix", Self.national, Self.directory.path, "--csv")
        XCTAssertEqual(matrixCSV.status, 0, matrixCSV.standardError)
        let csvLines = matrixCSV.standardOutput.split(separator: "\n").map(String.init)
        let header = csvLines[0].components(separatedBy: ",")
        let sourceColumn = try XCTUnwrap(header.firstIndex { $0.hasPrefix("北京") && $0.hasSuffix(" source") })
        let sixthLine = try XCTUnwrap(csvLines.first { $0.contains(",第六条,") }).components(separatedBy: ",")
        XCTAssertEqual(sixthLine[sourceColumn], "hand", csvLines[0])
        XCTAssertEqual(sixthLine.filter { $0 == "hand" }.count, 1)
    }
}
