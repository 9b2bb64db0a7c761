import DuizhaoTestSupport
import Foundation
import XCTest

/// Issue 24: a FIFO never makes a command wait; each says what it is in one line and exits 1, and a directory
/// given to `matrix` skips one with a warning.
final class HardInputCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-hard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { [directory] in try? FileManager.default.removeItem(at: directory!) }
    }

    func testEveryCommandRefusesANamedFIFOAtOnce() throws {
        let binary = try BuiltBinary.duizhao()
        let corpus = TestCorpus.corpus.appendingPathComponent("nongjituiguang")
        let national = corpus.appendingPathComponent("national.md").path
        let fifo = directory.appendingPathComponent("law.md").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let environment = ProcessInfo.processInfo.environment.merging(
            ["DUIZHAO_DATA_DIR": directory.appendingPathComponent("store").path]) { _, new in new }
        for arguments in [
            ["outline", fifo], ["show", "1", "--doc", fifo], ["compare", national, fifo], ["compare", fifo, national],
            ["matrix", fifo, national, "--json"], ["matrix", national, fifo, "--json"],
            ["bookmarks", "add", "1", "--doc", fifo], [fifo],
        ] {
            let result = try runProcess(binary, arguments, environment: environment)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.standardError)")
            XCTAssertTrue(
                result.standardError.contains("\(fifo): is a FIFO (named pipe), not a text file"),
                "\(arguments): \(result.standardError)")
            XCTAssertEqual(
                result.standardError.split(separator: "\n").count, 1, "\(arguments): \(result.standardError)")
        }
    }

    func testMatrixSkipsAFIFOInADirectoryWithAWarning() throws {
        let binary = try BuiltBinary.duizhao()
        let corpus = TestCorpus.corpus.appendingPathComponent("nongjituiguang")
        let national = corpus.appendingPathComponent("national.md").path
        let implementation = directory.appendingPathComponent("zhejiang.md")
        try FileManager.default.copyItem(at: corpus.appendingPathComponent("zhejiang-2020.md"), to: implementation)
        let fifo = directory.appendingPathComponent("pending.md").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let result = try runProcess(binary, ["matrix", national, directory.path, "--json"])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(
            result.standardError.contains("warning: \(fifo): a FIFO (named pipe), not a text file; skipped"),
            result.standardError)
        let matrix = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let documents = try XCTUnwrap(matrix["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["file"] as? String }, [implementation.path])
    }
}
