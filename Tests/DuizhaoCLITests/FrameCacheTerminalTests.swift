import DuizhaoCore
import DuizhaoReader
import DuizhaoSession
import DuizhaoStore
import DuizhaoTestSupport
import Foundation
import XCTest

/// The frame cache in the real binary: a session that ends with `q` keeps the screen the next start on the same
/// documents and size will draw; that start shows it first, then goes on as a live reader, and a kept frame
/// that is wrong is drawn over at once.
final class FrameCacheTerminalTests: XCTestCase {
    private var sessions: [TmuxSession] = []
    private let national = BundledDocument.national.load()
    /// The start of the national title (the whole title is cut to the pane's width).
    private let titleStart = "关于促进移动互联网"

    override func setUpWithError() throws {
        guard TmuxSession.isAvailable else { throw XCTSkip("tmux is not installed") }
    }

    override func tearDown() {
        for session in sessions { session.stop() }
        sessions.removeAll()
    }

    private func reader(_ dataDirectory: URL) throws -> TmuxSession {
        let binary = try BuiltBinary.duizhao()
        let session = try TmuxSession(
            width: 100, height: 30, command: "\(shellQuoted(binary)); echo \"EXIT=$?\"; exec sleep 600",
            environment: [
                "DUIZHAO_DATA_DIR": dataDirectory.path,
                "DUIZHAO_CACHE_DIR": dataDirectory.appendingPathComponent("cache").path,
            ])
        sessions.append(session)
        return session
    }

    /// Reads the bundled pair, moves three clauses on once the comparison is in, quits; returns the kept frame.
    private func readAndQuit(_ dataDirectory: URL) throws -> (file: URL, screen: Screen) {
        let first = try reader(dataDirectory)
        try first.waitFor("the aligned pair") { lines in
            lines.first?.contains(self.titleStart) == true && lines[29].contains("side by side")
                && !lines[29].contains("comparing")
        }
        for _ in 0..<3 { try first.send("]") }
        let target = national.comparableUnits[2].heading
        try first.waitFor("clause \(target) in the status line") { $0[29].contains(target) }
        try first.send("q")
        try first.waitFor("a clean exit") { $0.contains { $0.hasPrefix("EXIT=0") } }
        let frames = dataDirectory.appendingPathComponent("cache/frames")
        let files = try FileManager.default.contentsOfDirectory(at: frames, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "frame" }
        XCTAssertEqual(files.count, 1, "one frame kept: \(files)")
        let file = try XCTUnwrap(files.first)
        let bytes = Array(try Data(contentsOf: file))
        let kept = try XCTUnwrap(FrameCache.kept(inFile: bytes), "a readable frame")
        let screen = kept.screen
        // Made with the store as it is now (closed), so that the next start uses the frame without opening it.
        XCTAssertEqual(
            kept.storeStamp, StoreLocation.stamp(directoryPath: dataDirectory.path),
            "the frame was made with the store as the next start finds it")
        XCTAssertEqual(screen.width, 100)
        XCTAssertEqual(screen.height, 30)
        XCTAssertTrue(screen.lines[29].contains(target), "the frame shows the saved position:\n\(screen.lines[29])")
        return (file, screen)
    }

    func testTheKeptFrameIsTheScreenTheNextStartSettlesOnAndTheReaderStaysLive() throws {
        let dataDirectory = try ScratchDirectory("duizhao-frames", removedBy: addTeardownBlock).url
        let kept = try readAndQuit(dataDirectory)

        let second = try reader(dataDirectory)
        var last: [String] = []
        do {
            try second.waitFor("the kept frame") { lines in
                last = Array(lines.prefix(30))
                return last == kept.screen.lines
            }
        } catch {
            XCTFail(
                "the next start settles on another screen than the kept one:\nkept:\n"
                    + kept.screen.lines.joined(separator: "\n") + "\nshown:\n" + last.joined(separator: "\n"))
            return
        }
        try second.send("]")
        let next = national.comparableUnits[3].heading
        try second.waitFor("the next clause after a key") { $0[29].contains(next) }
    }

    func testNoFrameIsKeptForInputsThatAreNotRegularFiles() throws {
        let scratch = try ScratchDirectory("duizhao-frames", removedBy: addTeardownBlock)
        let national = try scratch.write(BundledDocument.national.text, to: "national.txt")
        let provincial = try scratch.write(BundledDocument.provincial.text, to: "provincial.txt")
        let dataDirectory = scratch.url.appendingPathComponent("data")
        let binary = try BuiltBinary.duizhao()
        // Process substitution: each input is a pipe, new at every start.
        let reader = try TmuxSession(
            width: 100, height: 30,
            command:
                "bash -c \(shellQuoted("\(shellQuoted(binary)) <(cat \(shellQuoted(national))) <(cat \(shellQuoted(provincial))); echo EXIT=$?")); exec sleep 600",
            environment: [
                "DUIZHAO_DATA_DIR": dataDirectory.path,
                "DUIZHAO_CACHE_DIR": dataDirectory.appendingPathComponent("cache").path,
            ])
        sessions.append(reader)
        try reader.waitFor("the aligned pair") { lines in
            lines.first?.contains(self.titleStart) == true && lines[29].contains("side by side")
                && !lines[29].contains("comparing")
        }
        try reader.send("q")
        try reader.waitFor("a clean exit") { $0.contains { $0.hasPrefix("EXIT=0") } }
        let frames = dataDirectory.appendingPathComponent("cache/frames").path
        let kept = (try? FileManager.default.contentsOfDirectory(atPath: frames)) ?? []
        XCTAssertEqual(kept.filter { $0.hasSuffix(".frame") }, [], "no frame for pipes")
    }

    func testAWrongKeptFrameIsDrawnOverAtStart() throws {
        let dataDirectory = try ScratchDirectory("duizhao-frames", removedBy: addTeardownBlock).url
        let kept = try readAndQuit(dataDirectory)
        // Same key and store stamp, other text: every 关 (three UTF-8 bytes) becomes 错.
        var bytes = Array(try Data(contentsOf: kept.file))
        let from = Array("关".utf8)
        let to = Array("错".utf8)
        var replaced = 0
        var index = 0
        while index + from.count <= bytes.count {
            if Array(bytes[index..<index + from.count]) == from {
                bytes.replaceSubrange(index..<index + from.count, with: to)
                replaced += 1
            }
            index += 1
        }
        XCTAssertGreaterThan(replaced, 0, "the frame shows the title")
        try Data(bytes).write(to: kept.file)

        let second = try reader(dataDirectory)
        let lines = try second.waitFor("the real title over the wrong one") { lines in
            lines.first?.contains(self.titleStart) == true && lines[29].contains("side by side")
        }
        XCTAssertFalse(
            lines.joined().contains("错于促进"), "nothing of the wrong frame is left:\n" + lines.joined(separator: "\n"))
    }
}
