import DuizhaoCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Helpers for tests that run the built `duizhao`: finding it, running it to completion, driving it in tmux.
// Shared by the CLI, compare and store tests (no XCTest here: failures are thrown errors that name the problem).

/// Finds the built `duizhao` executable next to the running test bundle (`.build/debug/duizhao`).
public enum BuiltBinary {
    public static func duizhao() throws -> String {
        var candidates: [URL] = []
        let runningExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runningExecutable.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in candidates {
            let path = directory.appendingPathComponent("duizhao").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw TestSupportError(
            "the duizhao executable was not found next to the test bundle (looked in "
                + candidates.map(\.path).joined(separator: ", ") + "); build it with `swift build` first")
    }
}

/// The result of running a process to completion.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs a command to completion (see `SpawnedProcess`).
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> ProcessResult
{
    try SpawnedProcess(executable, arguments, environment: environment).wait()
}

/// A running command with stdin from /dev/null and stdout/stderr captured in temporary files, so it is never
/// attached to a terminal and never blocks on a full pipe. Spawned with posix_spawn and reaped with waitpid rather
/// than Foundation's `Process`, which waits for descriptors that a daemon it forks (the tmux server) keeps open.
public final class SpawnedProcess: @unchecked Sendable {
    public let pid: pid_t
    private let outputPath: String
    private let errorPath: String
    /// The exit status once reaped.
    private var exitStatus: Int32?

    /// Starts `executable ARGUMENTS` with `environment` (this process's when nil).
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        let directory = FileManager.default.temporaryDirectory
        outputPath = directory.appendingPathComponent("duizhao-test-out-\(UUID().uuidString)").path
        errorPath = directory.appendingPathComponent("duizhao-test-err-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environmentStrings = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environmentStrings.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawnResult = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawnResult == 0 else {
            throw TestSupportError("cannot run \(executable): \(String(cString: strerror(spawnResult)))")
        }
        self.pid = pid
    }

    deinit {
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
    }

    /// What it has written to standard output so far.
    public var standardOutputSoFar: String {
        String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    }

    /// Whether it has not ended yet (an ended process is reaped here and its status kept for `wait`).
    public var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        exitStatus = Self.shellStatus(status)
        return false
    }

    /// Waits for it to end: its exit status (128 + signal when killed, like a shell) and all it wrote.
    public func wait() -> ProcessResult {
        if exitStatus == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            exitStatus = Self.shellStatus(status)
        }
        return ProcessResult(
            status: exitStatus!, standardOutput: standardOutputSoFar,
            standardError: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self))
    }

    /// Exit status, or 128 + signal like a shell.
    private static func shellStatus(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// A private tmux server with one session of a fixed size, for driving the real binary in a terminal.
/// Every instance uses its own socket; `stop()` (or deinit) kills the server.
public final class TmuxSession {
    public let socket: String
    /// The bookmark store directory of this session (DUIZHAO_DATA_DIR), removed by `stop()`.
    public let dataDirectory: URL
    public private(set) var stopped = false
    nonisolated(unsafe) private static var counter = 0

    /// Starts `command` (run by /bin/sh in the pane) in a detached session of `width` x `height` cells.
    /// `environment` is applied by `env` inside the pane (tmux itself sets TERM for its panes, so a TERM given
    /// to tmux would be overridden); LANG defaults to C.UTF-8 and TERM to tmux-256color; NO_COLOR, COLUMNS,
    /// LINES, LC_ALL and LC_CTYPE are unset unless given; DUIZHAO_DATA_DIR points to a fresh directory.
    public init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        Self.counter += 1
        socket = "duizhao-test-\(getpid())-\(Self.counter)-\(UInt32.random(in: 0...UInt32.max))"
        // A private bookmark store per session, so a reading position saved by one test (or by the user)
        // never moves where another starts.
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "duizhao-test-data-\(UUID().uuidString)")
        self.dataDirectory = dataDirectory
        let variables = ["TERM": "tmux-256color", "LANG": "C.UTF-8", "DUIZHAO_DATA_DIR": dataDirectory.path]
            .merging(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { shellQuoted("\($0.key)=\($0.value)") }
        // Variables the test runner may carry that would change what the reader draws are removed first.
        let removals = ["NO_COLOR", "COLUMNS", "LINES", "LC_ALL", "LC_CTYPE"].filter { variables[$0] == nil }.map {
            "-u \($0)"
        }
        let paneCommand =
            "exec env \((removals + assignments).joined(separator: " ")) /bin/sh -c \(shellQuoted(command))"
        let arguments = [
            "-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
            paneCommand,
        ]
        let result = try Self.tmux(arguments, socket: nil)
        guard result.status == 0 else {
            throw TestSupportError("tmux new-session failed (\(result.status)): \(result.standardError)")
        }
    }

    deinit { stop() }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.tmux(["kill-server"], socket: socket)
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// Types keys: tmux key names (`Enter`, `Escape`, `C-c`) or characters.
    public func send(_ keys: String...) throws {
        _ = try Self.tmux(["send-keys", "-t", "0"] + keys, socket: socket)
    }

    /// Types text literally (including Chinese).
    public func type(_ text: String) throws {
        _ = try Self.tmux(["send-keys", "-t", "0", "-l", text], socket: socket)
    }

    /// The visible screen as text lines.
    public func capture(escapes: Bool = false) throws -> [String] {
        let result = try Self.tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []), socket: socket)
        return result.standardOutput.components(separatedBy: "\n")
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    public func paneValue(_ format: String) throws -> String {
        try Self.tmux(["display-message", "-p", "-t", "0", format], socket: socket).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(width: Int, height: Int) throws {
        _ = try Self.tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"], socket: socket)
    }

    /// Polls the screen until `condition` holds; returns the lines that satisfied it, or fails the test with
    /// the last screen after `timeout` seconds.
    @discardableResult
    public func waitFor(
        _ description: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        repeat {
            lines = try capture()
            if condition(lines) { return lines }
            Thread.sleep(forTimeInterval: 0.03)
        } while Date() < deadline
        throw TestSupportError("timed out waiting for \(description); screen was:\n" + lines.joined(separator: "\n"))
    }

    /// Polls a tmux format value until it equals `expected`.
    public func waitForValue(_ format: String, toBe expected: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var value = ""
        repeat {
            value = try paneValue(format)
            if value == expected { return }
            Thread.sleep(forTimeInterval: 0.03)
        } while Date() < deadline
        throw TestSupportError("\(format) stayed '\(value)', expected '\(expected)'")
    }

    public static func tmux(_ arguments: [String], socket: String?) throws -> ProcessResult {
        let full = (socket.map { ["-L", $0] } ?? []) + arguments
        return try runProcess("/usr/bin/env", ["tmux"] + full)
    }

    public static var isAvailable: Bool {
        (try? runProcess("/usr/bin/env", ["tmux", "-V"]).status) == 0
    }
}

/// A test helper could not do its job (binary missing, process not started, screen never as expected).
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Quotes a string for /bin/sh.
public func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension String {
    /// The display column where `needle` starts in this screen line (CJK characters count two), if present.
    public func displayColumn(of needle: String) -> Int? {
        guard let range = range(of: needle) else { return nil }
        return DisplayWidth.of(self[..<range.lowerBound])
    }
}
