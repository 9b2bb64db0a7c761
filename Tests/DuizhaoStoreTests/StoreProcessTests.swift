import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoStore

/// Process-level tests: the built `duizhao bookmarks` binary writing the store from several processes, being
/// killed mid-write, and meeting stores it must not touch.
final class StoreProcessTests: XCTestCase {
    let national = BundledDocument.national.load()

    /// The `duizhao` executable built next to this test bundle.
    func duizhaoBinary() throws -> String { try BuiltBinary.duizhao() }

    /// Starts `duizhao ARGUMENTS` with the store in `directory`, as an unprivileged user when asked (and when
    /// running as root, where permissions would not apply otherwise).
    func launch(
        _ arguments: [String], storeDirectory: URL, unprivileged: Bool = false,
        environment extra: [String: String] = [:]
    ) throws -> SpawnedProcess {
        let binary = try duizhaoBinary()
        var environment = ProcessInfo.processInfo.environment
        environment["DUIZHAO_DATA_DIR"] = storeDirectory.path
        environment["LANG"] = "C.UTF-8"
        environment.merge(extra) { _, new in new }
        if unprivileged && getuid() == 0 {
            let dropPrivileges = ["--reuid=65534", "--regid=65534", "--clear-groups", binary]
            return try SpawnedProcess("/usr/bin/setpriv", dropPrivileges + arguments, environment: environment)
        }
        return try SpawnedProcess(binary, arguments, environment: environment)
    }

    /// Runs `duizhao ARGUMENTS` to completion, as `launch` starts it.
    func run(
        _ arguments: [String], storeDirectory: URL, unprivileged: Bool = false, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        try launch(arguments, storeDirectory: storeDirectory, unprivileged: unprivileged, environment: environment)
            .wait()
    }

    func testTwoProcessesAddingFiveHundredEachEndWithExactlyOneThousand() throws {
        let directory = try temporaryDirectory()
        let ids = national.comparableUnits.map(\.id)
        let clauseIDs = (0..<500).map { ids[$0 % ids.count] }
        // Both start on a store that does not exist yet: creation and migration race too.
        let writers = try ["writer-a", "writer-b"].map { tag in
            (
                tag,
                try launch(
                    ["bookmarks", "add"] + clauseIDs + ["--doc", "national", "--tag", tag], storeDirectory: directory)
            )
        }
        for (tag, writer) in writers {
            let result = writer.wait()
            XCTAssertEqual(result.status, 0, "\(tag) failed: \(result.standardError)")
            XCTAssertEqual(
                result.standardOutput.split(separator: "\n").count, 500, "\(tag) reported every committed bookmark")
        }

        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        let bookmarks = try store.bookmarks()
        XCTAssertEqual(bookmarks.count, 1000)
        XCTAssertEqual(Set(bookmarks.map(\.id)).count, 1000)
        XCTAssertEqual(bookmarks.filter { $0.tags == ["writer-a"] }.count, 500)
        XCTAssertEqual(bookmarks.filter { $0.tags == ["writer-b"] }.count, 500)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }

    /// Issue 14: separate `bookmarks add` commands from three processes at once on a fresh store; each command
    /// opens the store while others close theirs (and SQLite deletes the sidecars). None may conclude that the
    /// store is read-only.
    func testThreeProcessesAddingFiftyTimesEachOnAFreshStoreEndWithExactlyOneHundredFifty() throws {
        let directory = try temporaryDirectory()
        let ids = BundledDocument.provincial.load().comparableUnits.map(\.id)
        let results = Collected()
        let failures = Collected()
        let binary = try duizhaoBinary()
        let environment = ProcessInfo.processInfo.environment.merging(["DUIZHAO_DATA_DIR": directory.path]) { $1 }
        DispatchQueue.concurrentPerform(iterations: 3) { writer in
            for index in 0..<50 {
                do {
                    let result = try runProcess(
                        binary,
                        [
                            "bookmarks", "add", ids[index % ids.count], "--doc", "provincial", "--note",
                            "w\(writer)-\(index)",
                        ],
                        environment: environment)
                    if result.status == 0 {
                        results.append(Data("w\(writer)-\(index)\n".utf8))
                    } else {
                        failures.append(Data("w\(writer)-\(index): \(result.standardError)\n".utf8))
                    }
                } catch {
                    failures.append(Data("w\(writer)-\(index): \(error)\n".utf8))
                }
            }
        }
        XCTAssertEqual(failures.text, "", "no command failed")
        XCTAssertEqual(results.text.split(separator: "\n").count, 150)

        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        let notes = try store.bookmarks().map(\.note)
        XCTAssertEqual(notes.count, 150)
        XCTAssertEqual(Set(notes), Set(results.text.split(separator: "\n").map(String.init)), "each add exactly once")
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }

    func testAWriterThatCannotGetTheLockSaysTheStoreIsBusyAndExitsNonZero() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bookmarks.sqlite").path
        XCTAssertEqual(try run(["bookmarks", "add", "1.1", "--doc", "national"], storeDirectory: directory).status, 0)
        let holder = try LockHolder(path: path)
        holder.lock()
        let add = try run(
            ["bookmarks", "add", "1.2", "--doc", "national"], storeDirectory: directory,
            environment: [StoreOptions.busyTimeoutVariable: "0.2"])
        let list = try run(
            ["bookmarks", "list"], storeDirectory: directory, environment: [StoreOptions.busyTimeoutVariable: "0.2"])
        holder.unlock()

        XCTAssertNotEqual(add.status, 0)
        XCTAssertEqual(add.standardError, "duizhao: error: \(path): the bookmark store is busy; try again\n")
        XCTAssertEqual(add.standardOutput, "")
        // Opening may need the lock for a moment (recovering a WAL another process left): a reader then
        // waits too, and says the same if the lock is never released. Never read-only.
        XCTAssertTrue(
            list.status == 0 || list.standardError.contains("the bookmark store is busy; try again"), list.standardError
        )
        XCTAssertFalse(list.standardError.contains("read-only"), list.standardError)
        XCTAssertEqual(try BookmarkStore.open(at: directory).bookmarks().map(\.anchor.clauseID), ["1.1"])
    }

    func testKillNineDuringAWriteBurstKeepsEveryCommittedBookmark() throws {
        let directory = try temporaryDirectory()
        let ids = national.comparableUnits.map(\.id)
        let clauseIDs = (0..<3_000).map { ids[$0 % ids.count] }
        let writer = try launch(["bookmarks", "add"] + clauseIDs + ["--doc", "national"], storeDirectory: directory)
        // Each output line is printed after its transaction committed.
        let deadline = Date().addingTimeInterval(60)
        while writer.isRunning, writer.standardOutputSoFar.filter({ $0 == "\n" }).count < 200, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.001)
        }
        XCTAssertTrue(writer.isRunning, "the writer should still be writing when killed")
        kill(writer.pid, SIGKILL)
        let killed = writer.wait()
        XCTAssertEqual(killed.status, 128 + SIGKILL, "ended by the signal")
        let reported = killed.standardOutput.split(separator: "\n").compactMap { line -> Int64? in
            guard line.hasPrefix("added bookmark #"), let end = line.firstIndex(of: ":") else { return nil }
            return Int64(line[line.index(line.startIndex, offsetBy: 16)..<end])
        }
        XCTAssertGreaterThanOrEqual(reported.count, 200)
        XCTAssertLessThan(reported.count, clauseIDs.count, "killed before the end")

        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        let present = Set(try store.bookmarks().map(\.id))
        XCTAssertTrue(Set(reported).isSubset(of: present), "every bookmark reported committed is in the store")
        XCTAssertGreaterThanOrEqual(present.count, reported.count)
        // The store keeps working after the crash.
        let next = try store.addBookmark(clauseID: ids[0], in: national)
        XCTAssertGreaterThan(next.id, reported.max() ?? 0)
    }

    /// A write the file system refuses half-way (the files may not grow: `ulimit -f`, as on a full disk) fails
    /// with the file named, rolls back whole and leaves the store healthy and usable.
    func testAWriteTheFileSystemCannotHoldFailsNamingTheFileAndLosesNothing() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        let ids = national.comparableUnits.map(\.id)
        XCTAssertEqual(try run(["bookmarks", "add", ids[0], "--note", "first"], storeDirectory: directory).status, 0)
        let databaseSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        // Room for the database and its 32 KiB -shm, not for a WAL holding a 120 KB note.
        let blocks = (databaseSize + 32_768 + 16_384) / 512
        let script = "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\""
        func addUnderTheLimit(_ clauseID: String, note: String) throws -> ProcessResult {
            var environment = ProcessInfo.processInfo.environment
            environment["DUIZHAO_DATA_DIR"] = directory.path
            environment["LANG"] = "C.UTF-8"
            let arguments = ["-c", script, try duizhaoBinary(), "bookmarks", "add", clauseID, "--note", note]
            return try SpawnedProcess("/bin/sh", arguments, environment: environment).wait()
        }

        let refused = try addUnderTheLimit(ids[1], note: String(repeating: "注", count: 40_000))
        XCTAssertEqual(refused.status, 1, refused.standardError)
        XCTAssertEqual(refused.standardOutput, "")
        XCTAssertTrue(refused.standardError.hasPrefix("duizhao: error: \(path): "), refused.standardError)
        XCTAssertFalse(refused.standardError.contains("busy"), refused.standardError)
        XCTAssertFalse(refused.standardError.contains("read-only"), refused.standardError)

        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite, store.notice ?? "")
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        XCTAssertEqual(try store.bookmarks().map(\.note), ["first"], "the refused bookmark left nothing behind")
        // Under the same limit, a bookmark that fits is written.
        let small = try addUnderTheLimit(ids[1], note: "small")
        XCTAssertEqual(small.status, 0, small.standardError)
        XCTAssertEqual(try store.bookmarks().map(\.note), ["first", "small"])
    }

    func testCorruptStoreThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bookmarks.sqlite").path
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: path))
        let before = try FileSnapshot(directory: directory)

        let add = try run(["bookmarks", "add", "1.1", "--doc", "national"], storeDirectory: directory)
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(
            add.standardError.contains(path) && add.standardError.contains("not an SQLite database"), add.standardError)
        XCTAssertEqual(add.standardOutput, "")
        let list = try run(["bookmarks", "list"], storeDirectory: directory)
        XCTAssertNotEqual(list.status, 0)
        XCTAssertTrue(list.standardError.contains(path), list.standardError)
        let remove = try run(["bookmarks", "remove", "1"], storeDirectory: directory)
        XCTAssertNotEqual(remove.status, 0)
        XCTAssertEqual(try FileSnapshot(directory: directory), before)
    }

    func testNewerSchemaStoreThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bookmarks.sqlite").path
        try BookmarkStore.createStoreFromNewerVersion(
            at: directory, bookmark: BookmarkAnchor(document: national, division: national.comparableUnits[0]))
        let before = try FileSnapshot(directory: directory).files[path]

        let add = try run(["bookmarks", "add", "1.1", "--doc", "national"], storeDirectory: directory)
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(
            add.standardError.contains(path) && add.standardError.contains("newer duizhao"), add.standardError)
        let list = try run(["bookmarks", "list"], storeDirectory: directory)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardError.contains("read-only"), list.standardError)
        XCTAssertTrue(list.standardOutput.contains("from the future"), list.standardOutput)
        XCTAssertEqual(try FileSnapshot(directory: directory).files[path], before)
    }

    func testUnreadableStoreThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bookmarks.sqlite").path
        XCTAssertEqual(try run(["bookmarks", "add", "1.1", "--doc", "national"], storeDirectory: directory).status, 0)
        let before = try FileSnapshot(directory: directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        // Let the unprivileged user write the directory, so that only the file's permissions are in the way.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)

        let list = try run(["bookmarks", "list"], storeDirectory: directory, unprivileged: true)
        XCTAssertNotEqual(list.status, 0)
        XCTAssertTrue(
            list.standardError.contains(path) && list.standardError.contains("cannot be read"), list.standardError)
        let add = try run(
            ["bookmarks", "add", "1.2", "--doc", "national"], storeDirectory: directory, unprivileged: true)
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(add.standardError.contains(path), add.standardError)
        // Readable again for the comparison (the content is what must not have changed).
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        XCTAssertEqual(try FileSnapshot(directory: directory), before)
    }

    func testReadOnlyDirectoryThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bookmarks.sqlite").path
        let added = try run(
            ["bookmarks", "add", "1.1", "--doc", "national", "--note", "只读"], storeDirectory: directory)
        XCTAssertEqual(added.status, 0, added.standardError)
        // Readable by everyone, writable by nobody but the owner (root) — or by no one when not root.
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try FileSnapshot(directory: directory)

        let list = try run(["bookmarks", "list"], storeDirectory: directory, unprivileged: true)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardError.contains(path) && list.standardError.contains("read-only"), list.standardError)
        XCTAssertTrue(list.standardOutput.contains("只读"), list.standardOutput)
        let add = try run(
            ["bookmarks", "add", "1.2", "--doc", "national"], storeDirectory: directory, unprivileged: true)
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(add.standardError.contains(path) && add.standardError.contains("not writable"), add.standardError)
        XCTAssertEqual(try FileSnapshot(directory: directory), before)
    }

    /// A store file nobody may write, in a directory anybody may: `list` says it is read-only (issue 24), `add`
    /// is refused naming the file, and the file is left as it was.
    func testReadOnlyFileInAWritableDirectoryThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bookmarks.sqlite").path
        let added = try run(
            ["bookmarks", "add", "1.1", "--doc", "national", "--note", "只读文件"], storeDirectory: directory)
        XCTAssertEqual(added.status, 0, added.standardError)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let list = try run(["bookmarks", "list"], storeDirectory: directory, unprivileged: true)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardError.contains(path) && list.standardError.contains("read-only"), list.standardError)
        XCTAssertTrue(list.standardOutput.contains("只读文件"), list.standardOutput)
        let add = try run(
            ["bookmarks", "add", "1.2", "--doc", "national"], storeDirectory: directory, unprivileged: true)
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(add.standardError.contains(path) && add.standardError.contains("not writable"), add.standardError)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testNewStoreInAReadOnlyDirectoryIsRefusedWithoutCreatingAnything() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        let add = try run(
            ["bookmarks", "add", "1.1", "--doc", "national"], storeDirectory: directory, unprivileged: true)
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(
            add.standardError.contains(directory.path) && add.standardError.contains("not writable"), add.standardError)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }

    func testBookmarksOnAFileFollowItsEditsThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("policy.txt")
        let text = """
            关于测试书签的意见
            一、总体要求
            1.指导思想。深入贯彻落实网络强国战略思想，推动移动互联网健康有序发展。
            2.基本原则。坚持以人民为中心，坚持创新发展，坚持依法管网。
            3.完善市场准入制度。简化审批流程，推进互联网行业准入便利化。
            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        for id in ["1.2", "1.3"] {
            let add = try run(["bookmarks", "add", id, "--doc", file.path], storeDirectory: directory)
            XCTAssertEqual(add.status, 0, add.standardError)
        }
        // The file is edited: clause 2 is dropped, so 3 becomes 2.
        let edited = text.replacingOccurrences(of: "2.基本原则。坚持以人民为中心，坚持创新发展，坚持依法管网。\n", with: "")
            .replacingOccurrences(of: "3.完善", with: "2.完善")
        XCTAssertNotEqual(edited, text)
        try edited.write(to: file, atomically: true, encoding: .utf8)

        let json = try run(["bookmarks", "list", "--json"], storeDirectory: directory)
        XCTAssertEqual(json.status, 0, json.standardError)
        let listed = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        XCTAssertEqual(listed.count, 2, "the orphan is listed, not dropped")
        XCTAssertEqual(listed[0]["status"] as? String, "orphaned")
        XCTAssertNil(listed[0]["currentClauseID"] as? String)
        XCTAssertEqual((listed[0]["clause"] as? [String: Any])?["id"] as? String, "1.2")
        XCTAssertEqual(listed[1]["status"] as? String, "relocated")
        XCTAssertEqual(listed[1]["currentClauseID"] as? String, "1.2")

        let text2 = try run(["bookmarks", "list"], storeDirectory: directory)
        XCTAssertTrue(text2.standardOutput.contains("orphaned"), text2.standardOutput)
    }

    func testAddListRemoveAndExportThroughTheCLI() throws {
        let directory = try temporaryDirectory()
        let unit = national.comparableUnits[3]
        let add = try run(
            ["bookmarks", "add", unit.id, "--doc", "national", "--note", "核对这一条", "--tag", "准入", "--tag", "todo"],
            storeDirectory: directory)
        XCTAssertEqual(add.status, 0, add.standardError)
        XCTAssertTrue(
            add.standardOutput.hasPrefix("added bookmark #1: \(unit.heading) [\(unit.id)]"), add.standardOutput)
        let unknown = try run(["bookmarks", "add", "99.99", "--doc", "national"], storeDirectory: directory)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.standardError.contains("99.99"), unknown.standardError)

        let json = try run(["bookmarks", "list", "--json"], storeDirectory: directory)
        XCTAssertEqual(json.status, 0, json.standardError)
        let listed = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        XCTAssertEqual(listed.count, 1)
        XCTAssertEqual(listed[0]["id"] as? Int, 1)
        XCTAssertEqual(listed[0]["note"] as? String, "核对这一条")
        XCTAssertEqual(listed[0]["tags"] as? [String], ["准入", "todo"])
        XCTAssertEqual(listed[0]["status"] as? String, "exact")
        XCTAssertEqual(listed[0]["currentClauseID"] as? String, unit.id)
        XCTAssertEqual((listed[0]["document"] as? [String: Any])?["fingerprint"] as? String, national.fingerprint)

        let markdown = try run(["bookmarks", "export"], storeDirectory: directory)
        XCTAssertEqual(markdown.status, 0, markdown.standardError)
        XCTAssertTrue(markdown.standardOutput.contains("## \(national.title)"), markdown.standardOutput)
        XCTAssertTrue(markdown.standardOutput.contains("### \(unit.heading) (\(unit.id))"), markdown.standardOutput)
        XCTAssertTrue(markdown.standardOutput.contains("> 核对这一条"), markdown.standardOutput)
        XCTAssertTrue(
            markdown.standardOutput.contains(try XCTUnwrap(unit.paragraphs.first)), "the clause text is exported")

        let exportedJSON = try run(["bookmarks", "export", "--format", "json"], storeDirectory: directory)
        let exported = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(exportedJSON.standardOutput.utf8)) as? [[String: Any]])
        XCTAssertEqual(exported.first?["text"] as? [String], unit.paragraphs)

        let note = try run(["bookmarks", "note", "#1", "改过的注"], storeDirectory: directory)
        XCTAssertEqual(note.status, 0, note.standardError)
        XCTAssertEqual(try BookmarkStore.open(at: directory).bookmark(id: 1)?.note, "改过的注")
        let noteOfNothing = try run(["bookmarks", "note", "9", "x"], storeDirectory: directory)
        XCTAssertNotEqual(noteOfNothing.status, 0)
        XCTAssertTrue(noteOfNothing.standardError.contains("no bookmark with id 9"), noteOfNothing.standardError)

        XCTAssertNotEqual(try run(["bookmarks", "remove", "7"], storeDirectory: directory).status, 0)
        let remove = try run(["bookmarks", "remove", "#1"], storeDirectory: directory)
        XCTAssertEqual(remove.status, 0, remove.standardError)
        XCTAssertEqual(try BookmarkStore.open(at: directory).count(), 0)
    }
}

/// Text gathered from another thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
