import DuizhaoTestSupport
import Foundation
import XCTest

/// `duizhao matrix`, run as a real process on the corpus and on written files.
final class MatrixCommandTests: XCTestCase {
    /// `Tests/Fixtures/corpus`.
    static let corpus = TestCorpus.corpus

    func json(_ result: ProcessResult) throws -> [String: Any] {
        XCTAssertEqual(result.status, 0, result.standardError)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    func testEachColumnIsWhatCompareGivesForThatPair() throws {
        let directory = Self.corpus.appendingPathComponent("nongjituiguang")
        let national = directory.appendingPathComponent("national.md").path
        let binary = try BuiltBinary.duizhao()
        let matrix = try json(try runProcess(binary, ["matrix", national, directory.path, "--json"]))
        let documents = try XCTUnwrap(matrix["documents"] as? [[String: Any]])
        let rows = try XCTUnwrap(matrix["rows"] as? [[String: Any]])
        // The directory's files by name, the national one skipped.
        let expectedFiles = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0 != "national.md" }.sorted().map { directory.appendingPathComponent($0).path }
        XCTAssertEqual(documents.map { $0["file"] as? String }, expectedFiles)
        for (column, file) in expectedFiles.enumerated() {
            let pair = try json(try runProcess(binary, ["compare", national, file, "--json"]))
            let coverage = try XCTUnwrap(pair["coverage"] as? [[String: Any]])
            XCTAssertEqual(rows.count, coverage.count, file)
            // The matrix shows what each province carries: `related` pairs are not kept.
            let links = try XCTUnwrap(pair["links"] as? [[String: Any]]).filter { $0["kind"] as? String != "related" }
            for (row, entry) in zip(rows, coverage) {
                let id = try XCTUnwrap(entry["id"] as? String)
                XCTAssertEqual((row["national"] as? [String: Any])?["id"] as? String, id)
                let cell = try XCTUnwrap((row["cells"] as? [[String: Any]])?[column])
                let expectedKind = ["implemented": "match", "partial": "partial", "dropped": "dropped"][
                    entry["status"] as? String ?? ""]
                XCTAssertEqual(cell["kind"] as? String, expectedKind, "\(file) \(id)")
                XCTAssertEqual(cell["carried"] as? Double, entry["carriedShare"] as? Double, "\(file) \(id)")
                let linked = links.filter { ($0["national"] as? [String: Any])?["id"] as? String == id }
                    .compactMap { ($0["provincial"] as? [String: Any])?["id"] as? String }
                let provincial = ((cell["provincial"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
                XCTAssertEqual(Set(provincial), Set(linked), "\(file) \(id)")
            }
            let summary = try XCTUnwrap(documents[column]["summary"] as? [String: Any])
            XCTAssertEqual(summary["additions"] as? Int, (pair["provincialOnly"] as? [Any])?.count, file)
        }
    }

    func testABadFileIsNamedAndNothingIsPrinted() throws {
        let scratch = try ScratchDirectory("duizhao-matrix", removedBy: addTeardownBlock)
        let national = try scratch.write("关于测试的意见\n一、总体要求\n1.目标。做好测试工作。\n2.原则。认真负责。\n", to: "national.txt")
        let good = try scratch.write("江州市关于测试的实施意见\n一、总体要求\n1.目标。做好测试工作。\n", to: "good.txt")
        let binaryFile = try scratch.write(
            Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]), to: "image.bin")
        let missing = scratch.path("missing.txt")
        let binary = try BuiltBinary.duizhao()

        let result = try runProcess(binary, ["matrix", national, good, binaryFile])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertTrue(result.standardError.contains("image.bin"), result.standardError)

        let absent = try runProcess(binary, ["matrix", national, good, missing])
        XCTAssertEqual(absent.status, 1)
        XCTAssertTrue(absent.standardError.contains("missing.txt: no such file"), absent.standardError)

        let onlyNational = try runProcess(binary, ["matrix", national, scratch.url.path, "--json"])
        XCTAssertEqual(onlyNational.status, 1, "the directory holds a binary file")

        try FileManager.default.removeItem(atPath: binaryFile)
        let fromDirectory = try json(try runProcess(binary, ["matrix", national, scratch.url.path, "--json"]))
        XCTAssertEqual((fromDirectory["documents"] as? [[String: Any]])?.map { $0["jurisdiction"] as? String }, ["江州"])

        let unwritable = try runProcess(
            binary, ["matrix", national, good, "--html", scratch.path("no/such/dir/m.html")])
        XCTAssertEqual(unwritable.status, 1)
        XCTAssertTrue(unwritable.standardError.contains("m.html"), unwritable.standardError)
    }

    func testTextOutputNeverCarriesControlCharacters() throws {
        let scratch = try ScratchDirectory("duizhao-matrix", removedBy: addTeardownBlock)
        let national = try scratch.write(
            "关于测试的意见\n一、总体要求\n1.目标\u{1B}]0;pwned\u{07}。做好测试工作\u{1B}[2J。\n", to: "national.txt")
        let local = try scratch.write(
            "江州市关于测试的实施意见\n一、总体要求\n1.目标\u{1B}]0;pwned\u{07}。做好测试工作\u{1B}[2J。\n2.新增\u{9B}31m。另行规定。\n",
            to: "local.txt")
        for format in [[], ["--csv"], ["--markdown"]] {
            let result = try runProcess(try BuiltBinary.duizhao(), ["matrix", national, local] + format)
            XCTAssertEqual(result.status, 0, result.standardError)
            XCTAssertFalse(
                result.standardOutput.unicodeScalars.contains {
                    $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B
                },
                "raw control characters in \(format)")
            XCTAssertTrue(result.standardOutput.contains("江州"))
        }
    }
}
