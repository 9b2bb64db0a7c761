import DuizhaoCore
import DuizhaoStore
import Foundation

/// `duizhao-bench store-stress [--seconds S] [--writers N] [--binary PATH]`: the bookmark store under
/// contention (issue 14), not in CI. On a CPU kept busy by two busy loops: N CLI writers adding, removing and
/// re-noting bookmarks of a document file (some adding in bursts, killed with SIGKILL at random moments), two
/// CLI readers listing and exporting, and two readers in tmux adding bookmarks with `M` on the bundled pair.
/// Then it checks that every command that exited 0 is in the store exactly once (a killed burst: what it
/// reported, nothing twice), that every failure said why, that no failure claimed the store was read-only,
/// `PRAGMA integrity_check`, and that both readers list exactly the bookmarks of their pair. Exits 1 when a
/// check fails.
func runStoreStress(_ arguments: [String]) throws {
    func option(_ name: String) -> String? {
        arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }
    let seconds = option("--seconds").flatMap(Double.init) ?? 30
    let writerCount = option("--writers").flatMap(Int.init) ?? 4
    let binary = try duizhaoBinary(option("--binary"))

    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
        "duizhao-stress-\(getpid())", isDirectory: true)
    let storeDirectory = work.appendingPathComponent("store", isDirectory: true)
    try FileManager.default.createDirectory(at: storeDirectory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let documentPath = work.appendingPathComponent("stress-policy.txt").path
    try stressDocumentText().write(toFile: documentPath, atomically: true, encoding: .utf8)
    let clauseIDs = try PolicyImporter.importFile(at: documentPath).comparableUnits.map(\.id)
    let environment = ProcessInfo.processInfo.environment.merging(
        ["DUIZHAO_DATA_DIR": storeDirectory.path, "LANG": "C.UTF-8"]) { _, new in new }
    let cli = StressCLI(binary: binary, environment: environment)

    let started = Date()
    let deadline = started.addingTimeInterval(seconds)
    let load = (0..<2).map { _ in startBusyLoop() }
    defer {
        for process in load {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
    let readers = try (0..<2).map { index in
        try TmuxReader(
            name: "duizhao-stress-\(getpid())-\(index)", binary: binary,
            environment: [
                "DUIZHAO_DATA_DIR": storeDirectory.path, "LANG": "C.UTF-8", "TERM": "tmux-256color",
            ])
    }
    defer { for reader in readers { reader.stop() } }
    Thread.sleep(forTimeInterval: 1.5)  // the readers' first frames

    let journal = StressJournal()
    let group = DispatchGroup()
    for writer in 0..<writerCount {
        DispatchQueue.global().async(group: group) {
            var generator = SystemRandomNumberGenerator()
            var operation = 0
            while Date() < deadline {
                operation += 1
                runWriterOperation(
                    writer: writer, operation: operation, cli: cli, documentPath: documentPath, clauseIDs: clauseIDs,
                    journal: journal, generator: &generator)
            }
        }
    }
    for reader in 0..<2 {
        DispatchQueue.global().async(group: group) {
            var turn = 0
            while Date() < deadline {
                turn += 1
                let arguments = turn % 2 == 0 ? ["bookmarks", "list"] : ["bookmarks", "export", "--format", "json"]
                journal.record(read: cli.run(arguments), label: "reader \(reader)")
            }
        }
    }
    // Random SIGKILLs of running bursts.
    DispatchQueue.global().async(group: group) {
        while Date() < deadline {
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.4))
            if cli.killOneBurst() { journal.countKill() }
        }
    }
    // The tmux readers: A walks down from the top, B up from the bottom, each adding a bookmark with a note on
    // every clause it passes, so they never toggle each other's.
    let readerSteps = 10
    readers[1].send(["G"])
    for step in 1...readerSteps {
        for (index, reader) in readers.enumerated() {
            reader.send([index == 0 ? "]" : "[", "M"])
            reader.type("r\(index)-\(step)")
            reader.send(["Enter"])
        }
        Thread.sleep(forTimeInterval: max(0.1, seconds / Double(readerSteps + 2)))
        for reader in readers { journal.note(readerScreen: reader.capture()) }
    }
    group.wait()
    let elapsed = Date().timeIntervalSince(started)

    // Checks.
    let store = BookmarkStore.open(at: storeDirectory)
    var problems: [String] = []
    if store.access != .readWrite { problems.append("store \(store.access): \(store.notice ?? "")") }
    let integrity = try store.integrityCheck()
    if integrity != ["ok"] { problems.append("integrity_check: \(integrity.prefix(3))") }
    let all = try store.bookmarks()
    problems += journal.verify(all)

    let national = BundledDocument.national.load()
    let provincial = BundledDocument.provincial.load()
    let pairNotes = Set(
        try store.bookmarks(.document(DocumentIdentity(national))).map(\.note)
            + store.bookmarks(.document(DocumentIdentity(provincial))).map(\.note))
    let expectedNotes = Set((0..<2).flatMap { index in (1...readerSteps).map { "r\(index)-\($0)" } })
    if pairNotes != expectedNotes {
        problems.append("reader bookmarks in the store: \(pairNotes.sorted()) (expected \(expectedNotes.sorted()))")
    }
    Thread.sleep(forTimeInterval: 1.5)  // a change poll
    for (index, reader) in readers.enumerated() {
        reader.send(["Escape", "B"])
        Thread.sleep(forTimeInterval: 0.5)
        let screen = reader.capture()
        let shown = Set(expectedNotes.filter { screen.contains("— \($0)") || screen.contains("— \($0) ") })
        let listed = screen.components(separatedBy: "— r").count - 1
        if shown != pairNotes || listed != pairNotes.count {
            problems.append(
                "reader \(index) lists \(listed) bookmarks, \(shown.count) of the \(pairNotes.count) in the store:\n\(screen)"
            )
        }
        journal.note(readerScreen: screen)
    }

    let summary = journal.summary()
    print(
        String(
            format: "store stress: %.1f s, %d writers, 2 CLI readers, 2 tmux readers, 2 busy loops", elapsed,
            writerCount))
    print(summary)
    print(
        "bookmarks at the end: \(all.count) (\(pairNotes.count) by the tmux readers); integrity_check: \(integrity.joined(separator: " "))"
    )
    if problems.isEmpty {
        print("all checks passed")
    } else {
        print("FAILED:\n" + problems.joined(separator: "\n"))
        throw BenchError("\(problems.count) checks failed")
    }
}

/// One writer operation, chosen at random: add one, add a burst (which may be killed), remove or re-note one of
/// this writer's bookmarks.
private func runWriterOperation(
    writer: Int, operation: Int, cli: StressCLI, documentPath: String, clauseIDs: [String], journal: StressJournal,
    generator: inout SystemRandomNumberGenerator
) {
    let token = "w\(writer)-\(operation)"
    let choice = Int.random(in: 0..<100, using: &generator)
    if choice < 45 {
        let id = clauseIDs.randomElement(using: &generator)!
        let result = cli.run(["bookmarks", "add", id, "--doc", documentPath, "--note", token, "--tag", token])
        journal.record(add: result, token: token, size: 1)
    } else if choice < 60 {
        let ids = (0..<30).map { _ in clauseIDs.randomElement(using: &generator)! }
        let result = cli.run(
            ["bookmarks", "add"] + ids + ["--doc", documentPath, "--note", token, "--tag", token], burst: true)
        journal.record(add: result, token: token, size: ids.count)
    } else if let id = journal.ownBookmark(writer: writer, using: &generator) {
        if choice < 80 {
            journal.record(remove: cli.run(["bookmarks", "remove", "#\(id)"]), id: id)
        } else {
            let note = token + "-edited"
            journal.record(note: cli.run(["bookmarks", "note", "\(id)", note]), id: id, text: note)
        }
    }
}

/// A finished command.
private struct CommandResult {
    var status: Int32
    var killed: Bool
    var output: String
    var error: String
}

/// Runs the CLI; remembers running bursts so that one can be killed.
private final class StressCLI: @unchecked Sendable {
    let binary: String
    let environment: [String: String]
    private let lock = NSLock()
    private var bursts: [Int32] = []

    init(binary: String, environment: [String: String]) {
        self.binary = binary
        self.environment = environment
    }

    func run(_ arguments: [String], burst: Bool = false) -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return CommandResult(status: -1, killed: false, output: "", error: "cannot launch: \(error)")
        }
        if burst { lock.withLock { bursts.append(process.processIdentifier) } }
        let errorData = StressBox()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        process.waitUntilExit()
        if burst { lock.withLock { bursts.removeAll { $0 == process.processIdentifier } } }
        return CommandResult(
            status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
            output: String(decoding: outputData, as: UTF8.self), error: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Kills one running burst with SIGKILL; false when none is running.
    func killOneBurst() -> Bool {
        lock.withLock {
            guard let pid = bursts.randomElement() else { return false }
            return kill(pid, SIGKILL) == 0
        }
    }
}

private final class StressBox: @unchecked Sendable {
    var data = Data()
}

/// What every command did, and what the store must therefore hold.
private final class StressJournal: @unchecked Sendable {
    private let lock = NSLock()
    /// Bookmark id → (writer token of the add, expected note, expected present).
    private var expected: [Int64: (note: String, present: Bool)] = [:]
    private var owners: [Int: [Int64]] = [:]
    /// Every add command by its token (also its tag): ids reported committed, how many it asked for, and
    /// whether it exited 0, was killed, or failed.
    private var adds: [String: (reported: [Int64], size: Int, outcome: AddOutcome)] = [:]
    enum AddOutcome { case succeeded, killed, failed }
    private var killedBursts: Int { adds.values.filter { $0.outcome == .killed }.count }
    private var counts: [String: Int] = [:]
    private var failures: [String] = []
    private var falseReadOnly = 0
    private var busy = 0
    private var kills = 0
    private var readerMessages: Set<String> = []

    private func count(_ key: String) { counts[key, default: 0] += 1 }

    /// A failed command must say why; saying "read-only" of this store is always false.
    private func check(_ result: CommandResult, _ label: String) -> Bool {
        if result.status == 0 && !result.killed { return true }
        if result.killed { return false }
        count("failed")
        if result.error.contains("read-only") || result.error.contains("disabled") { falseReadOnly += 1 }
        if result.error.contains("busy; try again") { busy += 1 }
        if !result.error.hasPrefix("duizhao: error: ") {
            failures.append("\(label) failed without a message: \(result.error)")
        }
        if !result.error.contains("busy; try again") {
            failures.append("\(label) failed: \(result.error)")
        }
        return false
    }

    static func reportedIDs(_ output: String) -> [Int64] {
        output.split(separator: "\n").compactMap { line -> Int64? in
            guard line.hasPrefix("added bookmark #"), let end = line.firstIndex(of: ":") else { return nil }
            return Int64(line[line.index(line.startIndex, offsetBy: 16)..<end])
        }
    }

    func record(add result: CommandResult, token: String, size: Int) {
        lock.withLock {
            count(size == 1 ? "add" : "burst add (\(size))")
            let ids = Self.reportedIDs(result.output)
            if result.killed {
                adds[token] = (ids, size, .killed)
                return
            }
            guard check(result, "add \(token)") else {
                adds[token] = (ids, size, .failed)
                return
            }
            adds[token] = (ids, size, .succeeded)
            if ids.count != size { failures.append("add \(token) exited 0 but reported \(ids.count) of \(size)") }
            let writer = Int(token.dropFirst().prefix { $0 != "-" }) ?? -1
            for id in ids {
                expected[id] = (token, true)
                owners[writer, default: []].append(id)
            }
        }
    }

    func record(remove result: CommandResult, id: Int64) {
        lock.withLock {
            count("remove")
            if check(result, "remove #\(id)") { expected[id]?.present = false }
        }
    }

    func record(note result: CommandResult, id: Int64, text: String) {
        lock.withLock {
            count("note")
            if check(result, "note #\(id)") { expected[id]?.note = text }
        }
    }

    func record(read result: CommandResult, label: String) {
        lock.withLock {
            count("list/export")
            _ = check(result, label)
        }
    }

    func countKill() { lock.withLock { kills += 1 } }

    func note(readerScreen: String) {
        lock.withLock {
            for line in readerScreen.split(separator: "\n")
            where line.contains("read-only") || line.contains("disabled") || line.contains("busy")
                || line.contains("error")
            {
                readerMessages.insert(line.trimmingCharacters(in: .whitespaces))
            }
        }
    }

    /// One of the writer's bookmarks that should be present (removes and note edits pick from these).
    func ownBookmark(writer: Int, using generator: inout SystemRandomNumberGenerator) -> Int64? {
        lock.withLock {
            owners[writer]?.filter { expected[$0]?.present == true }.randomElement(using: &generator)
        }
    }

    func verify(_ bookmarks: [Bookmark]) -> [String] {
        lock.withLock {
            var problems = failures
            let byID = Dictionary(bookmarks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (id, expectation) in expected {
                let found = byID[id]
                if expectation.present && found == nil {
                    problems.append("bookmark #\(id) (\(expectation.note)) is missing")
                }
                if !expectation.present && found != nil { problems.append("bookmark #\(id) was removed but is there") }
                if let found, expectation.present, found.note != expectation.note {
                    problems.append("bookmark #\(id) has note \(found.note), expected \(expectation.note)")
                }
            }
            // Exactly once: the rows tagged with an add's token are the ones it reported (less those removed
            // since); a killed burst may have committed one more than it printed, never more than it asked for.
            let byTag = Dictionary(grouping: bookmarks.filter { $0.tags.count == 1 }, by: { $0.tags[0] })
            for (token, add) in adds {
                let stored = Set((byTag[token] ?? []).map(\.id))
                let kept = Set(add.reported.filter { expected[$0]?.present ?? true })
                switch add.outcome {
                case .succeeded:
                    if stored != kept {
                        problems.append("add \(token): stored \(stored.sorted()), expected \(kept.sorted())")
                    }
                case .killed:
                    if !kept.isSubset(of: stored) || stored.count > add.size {
                        problems.append("killed burst \(token): stored \(stored.sorted()), reported \(add.reported)")
                    }
                case .failed:
                    if !stored.isEmpty { problems.append("failed add \(token) left \(stored.count) bookmarks") }
                }
            }
            for tag in byTag.keys where tag.hasPrefix("w") && adds[tag] == nil {
                problems.append("bookmarks tagged \(tag) from no recorded add")
            }
            if falseReadOnly > 0 { problems.append("\(falseReadOnly) failures said read-only or disabled") }
            let readerProblems = readerMessages.filter { $0.contains("read-only") || $0.contains("disabled") }
            if !readerProblems.isEmpty { problems.append("reader messages: \(readerProblems.sorted())") }
            return problems
        }
    }

    func summary() -> String {
        lock.withLock {
            let operations = counts.filter { $0.key != "failed" }.values.reduce(0, +)
            var lines = [
                "operations: \(operations) ("
                    + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            ]
            lines.append(
                "failures: \(counts["failed"] ?? 0) (busy \(busy), false read-only \(falseReadOnly)); SIGKILLed bursts: \(killedBursts) (kills sent \(kills))"
            )
            if !readerMessages.isEmpty {
                lines.append("reader status lines seen: \(readerMessages.sorted().joined(separator: " | "))")
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// A reader in its own tmux server, 160x45.
private final class TmuxReader: @unchecked Sendable {
    let socket: String

    init(name: String, binary: String, environment: [String: String]) throws {
        socket = name
        let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let status = tmux(["new-session", "-d", "-x", "160", "-y", "45", "env"] + variables + [binary])
        if status.status != 0 { throw BenchError("tmux new-session failed: \(status.output)") }
    }

    func send(_ keys: [String]) { _ = tmux(["send-keys", "-t", "0"] + keys) }
    func type(_ text: String) { _ = tmux(["send-keys", "-t", "0", "-l", text]) }
    func capture() -> String { tmux(["capture-pane", "-p", "-t", "0"]).output }
    func stop() {
        send(["Escape", "q"])
        Thread.sleep(forTimeInterval: 0.3)
        _ = tmux(["kill-server"])
    }

    /// Spawned with posix_spawn and waited for with waitpid, output through a file: Foundation's `Process`
    /// waits for descriptors that the tmux server it forks keeps open.
    private func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] =
            (["/usr/bin/env", "tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp) == 0 else { return (-1, "cannot run tmux") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        return ((status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }
}

private func startBusyLoop() -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "while :; do :; done"]
    try? process.run()
    return process
}

/// A policy document of 24 clauses for the CLI writers (the tmux readers show the bundled pair).
private func stressDocumentText() -> String {
    var text = "关于压力测试书签存储的意见\n"
    for section in 1...4 {
        text += "\(["一", "二", "三", "四"][section - 1])、第\(section)部分\n"
        for clause in 1...6 {
            let number = (section - 1) * 6 + clause
            text += "\(number).条款\(number)。推进第\(number)项工作，完善制度，加强保障，确保落实到位。\n"
        }
    }
    return text
}
