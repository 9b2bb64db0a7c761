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

    func testAFileSizeLimitIsReportedLikeAFullDiskAndLosesNothing() throws {
        let binary = try BuiltBinary.duizhao()
        let store = directory.appendingPathComponent("store")
        let environment = ProcessInfo.processInfo.environment.merging(["DUIZHAO_DATA_DIR": store.path]) { $1 }
        let first = try runProcess(binary, ["bookmarks", "add", "1", "--note", "first"], environment: environment)
        XCTAssertEqual(first.status, 0, first.standardError)
        // A limit a little above the store's size (in the shell's 512-byte blocks), and a note that cannot fit
        // under it: without SIGXFSZ ignored, the kernel would kill the process (status 153) without a word.
        let largest =
            try FileManager.default.contentsOfDirectory(atPath: store.path).map {
                try FileManager.default.attributesOfItem(atPath: store.appendingPathComponent($0).path)[.size] as? Int
                    ?? 0
            }.max() ?? 0
        let blocks = largest / 512 + 40
        let note = String(repeating: "长", count: 40_000)
        let limited = try runProcess(
            "/bin/sh",
            ["-c", "ulimit -f \(blocks); exec \(shellQuoted(binary)) bookmarks add 2 --note \(note)"],
            environment: environment)
        XCTAssertEqual(limited.status, 1, limited.standardError)
        XCTAssertTrue(
            limited.standardError.contains("the bookmark store cannot grow: file size limit"), limited.standardError)
        XCTAssertEqual(limited.standardError.split(separator: "\n").count, 1, limited.standardError)
        // The store is whole: the first bookmark is there, the failed one is not, and it takes a small one.
        let list = try runProcess(binary, ["bookmarks", "list", "--json"], environment: environment)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardOutput.contains("\"first\""), list.standardOutput)
        XCTAssertFalse(list.standardOutput.contains("长长长"), list.standardOutput)
        let small = try runProcess(
            "/bin/sh", ["-c", "ulimit -f \(blocks); exec \(shellQuoted(binary)) bookmarks add 2 --note small"],
            environment: environment)
        XCTAssertEqual(small.status, 0, small.standardError)
    }

    func testASymbolicLinkLoopReadsTheSameInMatrixAsInOutline() throws {
        let binary = try BuiltBinary.duizhao()
        let national = TestCorpus.corpus.appendingPathComponent("nongjituiguang/national.md").path
        let first = directory.appendingPathComponent("a.md").path
        let second = directory.appendingPathComponent("b.md").path
        XCTAssertEqual(symlink(second, first), 0)
        XCTAssertEqual(symlink(first, second), 0)
        let outline = try runProcess(binary, ["outline", first])
        let matrix = try runProcess(binary, ["matrix", national, first, "--json"])
        XCTAssertEqual(outline.status, 1)
        XCTAssertEqual(matrix.status, 1)
        XCTAssertTrue(outline.standardError.contains("symbolic links"), outline.standardError)
        XCTAssertEqual(matrix.standardError, outline.standardError)
        XCTAssertTrue(matrix.standardOutput.isEmpty)
    }

    func testBookmarksOfADocumentThatBecameAFIFOStillList() throws {
        let binary = try BuiltBinary.duizhao()
        let environment = ProcessInfo.processInfo.environment.merging(
            ["DUIZHAO_DATA_DIR": directory.appendingPathComponent("store").path]) { $1 }
        let law = directory.appendingPathComponent("law.md")
        try FileManager.default.copyItem(
            at: TestCorpus.corpus.appendingPathComponent("nongjituiguang/national.md"), to: law)
        let added = try runProcess(binary, ["bookmarks", "add", "1", "--doc", law.path], environment: environment)
        XCTAssertEqual(added.status, 0, added.standardError)
        try FileManager.default.removeItem(at: law)
        XCTAssertEqual(mkfifo(law.path, 0o600), 0)
        for arguments in [
            ["bookmarks", "list"], ["bookmarks", "export"], ["bookmarks", "export", "--format", "json"],
        ] {
            let result = try runProcess(binary, arguments, environment: environment)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.standardError)")
            XCTAssertTrue(result.standardOutput.contains("第一条"), "\(arguments): \(result.standardOutput)")
        }
    }
}
