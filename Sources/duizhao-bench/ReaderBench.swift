import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reader benchmark: drives the real `duizhao` binary in a pseudo-terminal of 160x45 (TERM=xterm-256color)
/// and measures, against `less` and `vim -d` in the same run:
/// launch to the first full frame, key press to the last byte of the new frame for a one-line scroll,
/// bytes written per one-line scroll (outline shown and hidden), and a 10 MB document's opening time and
/// scroll latency. Also times the model's own frame computation in-process.
///
/// `duizhao-bench reader [--binary PATH] [--presses N] [--launches N] [--skip-large]`
func runReaderBenchmark(_ arguments: [String]) throws {
    let options = try ReaderBenchOptions(arguments)
    let resources = try readerLocateResources()
    let national = resources.appendingPathComponent("national.txt").path
    let provincial = resources.appendingPathComponent("provincial.txt").path
    let binary = options.binary
    let nationalTitle = BundledDocument.national.load().title
    let provincialTitle = BundledDocument.provincial.load().title
    let lessProgram = readerFindProgram("less")
    let vimProgram = readerFindProgram("vim")
    print(
        "terminal: pseudo-terminal \(ReaderPseudoTerminal.columns)x\(ReaderPseudoTerminal.rows), TERM=xterm-256color, LANG=C.UTF-8"
    )
    print("duizhao: \(binary)")
    print(
        "launches: \(options.launches) (median), key presses: \(options.presses) (\(ReaderScrollPattern.block) down, \(ReaderScrollPattern.block) up, …)"
    )
    print("")

    var table = ReaderResultTable()

    // Launch to the first full frame.
    let readerLaunch = try readerMeasureLaunch(
        runs: options.launches, command: [binary], needles: [nationalTitle, provincialTitle, "side by side"],
        settle: true,
        completeAtNeedles: true)
    table.add("launch → first full frame, bundled pair", readerLaunch.firstFrame.formattedMedian, reference: "")
    table.add("launch → comparison applied (settled)", readerLaunch.settled.formattedMedian, reference: "")
    if let lessProgram {
        let lessLaunch = try readerMeasureLaunch(
            runs: options.launches, command: [lessProgram, provincial], needles: [String(provincialTitle.prefix(8))],
            settle: false)
        table.add("  less provincial.txt → first full frame", "", reference: lessLaunch.firstFrame.formattedMedian)
    }
    if let vimProgram {
        let vimLaunch = try readerMeasureLaunch(
            runs: options.launches, command: readerVimCommand(vimProgram, national, provincial),
            needles: [String(nationalTitle.prefix(6))], settle: false)
        table.add(
            "  vim -d national provincial → first full frame", "", reference: vimLaunch.firstFrame.formattedMedian)
    }

    // One-line synchronized scroll.
    let readerScroll = try readerMeasureScroll(
        command: [binary], presses: options.presses, down: "j", up: "k", setup: nil)
    let hiddenOutline = try readerMeasureScroll(
        command: [binary], presses: options.presses, down: "j", up: "k", setup: "t")
    table.add("key → last byte, one-line scroll (j), median", readerScroll.latency.formattedMedian, reference: "")
    table.add("key → last byte, one-line scroll (j), p95", readerScroll.latency.formattedP95, reference: "")
    table.add("bytes per one-line scroll, outline shown", readerScroll.bytes.formattedBytes, reference: "")
    table.add("bytes per one-line scroll, outline hidden (t)", hiddenOutline.bytes.formattedBytes, reference: "")
    table.add("key → last byte, outline hidden, median", hiddenOutline.latency.formattedMedian, reference: "")
    if let vimProgram {
        let vimScroll = try readerMeasureScroll(
            command: readerVimCommand(vimProgram, national, provincial), presses: options.presses, down: "\u{05}",
            up: "\u{19}", setup: nil)
        table.add("  vim -d, Ctrl-E/Ctrl-Y one-line scroll, median", "", reference: vimScroll.latency.formattedMedian)
        table.add("  vim -d, one-line scroll, p95", "", reference: vimScroll.latency.formattedP95)
        table.add("  vim -d, bytes per one-line scroll", "", reference: vimScroll.bytes.formattedBytes)
    }
    if let lessProgram {
        let lessScroll = try readerMeasureScroll(
            command: [lessProgram, provincial], presses: options.presses, down: "j", up: "k", setup: nil)
        table.add(
            "  less provincial.txt, j/k one-line scroll, median", "", reference: lessScroll.latency.formattedMedian)
        table.add("  less, bytes per one-line scroll", "", reference: lessScroll.bytes.formattedBytes)
    }

    // The model's own work (no terminal): import, start-up, a key.
    let work = ReaderInProcessWork.measure(runs: options.launches, presses: options.presses, compared: true) {
        (BundledDocument.national.load(), BundledDocument.provincial.load())
    }
    work.addRows(to: &table, prefix: "in-process, bundled pair: ")
    table.add(
        "process start → main (`duizhao --version`)",
        try readerMeasureBareStart(binary: binary, runs: options.launches).formattedMedian, reference: "")

    // A 10 MB document.
    if !options.skipLarge {
        let large = try readerMakeLargeDocument(from: national, megabytes: 10)
        defer { try? FileManager.default.removeItem(atPath: large.path) }
        let sizeLabel = String(format: "%.1f MB", Double(large.bytes) / 1_048_576)
        let largeLaunch = try readerMeasureLaunch(
            runs: max(3, options.launches / 2), command: [binary, large.path], needles: [nationalTitle, "single"],
            settle: false,
            completeAtNeedles: true)
        table.add(
            "\(sizeLabel) document: launch → first full frame", largeLaunch.firstFrame.formattedMedian, reference: "")
        let largeScroll = try readerMeasureScroll(
            command: [binary, large.path], presses: options.presses, down: "j", up: "k", setup: nil)
        table.add("\(sizeLabel) document: one-line scroll, median", largeScroll.latency.formattedMedian, reference: "")
        table.add("\(sizeLabel) document: one-line scroll, p95", largeScroll.latency.formattedP95, reference: "")
        let largeEnd = try readerMeasureKeys(command: [binary, large.path], keys: ["G", "g"], repeats: 5)
        table.add("\(sizeLabel) document: G / g (jump to end/start), median", largeEnd.formattedMedian, reference: "")
        // The same document in-process, so that the model's share is visible apart from the terminal and the
        // machine's load.
        let largeWork = try ReaderInProcessWork.measure(runs: 3, presses: options.presses, compared: false) {
            (try PolicyImporter.importFile(at: large.path), nil)
        }
        largeWork.addRows(to: &table, prefix: "  in-process: ")
        if let lessProgram {
            let lessLarge = try readerMeasureLaunch(
                runs: max(3, options.launches / 2), command: [lessProgram, large.path], needles: [nationalTitle],
                settle: false)
            table.add(
                "  less on the \(sizeLabel) document → first full frame", "",
                reference: lessLarge.firstFrame.formattedMedian)
        }
    }
    table.print()
    try? FileManager.default.removeItem(at: ReaderPseudoTerminal.dataDirectory)
}

// MARK: Options and locations

struct ReaderBenchOptions {
    var binary: String
    var presses = 200
    var launches = 9
    var skipLarge = false

    init(_ arguments: [String]) throws {
        var binary: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            func value() throws -> String {
                index += 1
                guard index < arguments.count else { throw BenchError("\(argument) needs a value") }
                return arguments[index]
            }
            switch argument {
            case "--binary": binary = try value()
            case "--presses": presses = max(10, Int(try value()) ?? presses)
            case "--launches": launches = max(1, Int(try value()) ?? launches)
            case "--skip-large": skipLarge = true
            default:
                if binary == nil, !argument.hasPrefix("-") {
                    binary = argument
                } else {
                    throw BenchError("unknown option \(argument)")
                }
            }
            index += 1
        }
        self.binary = try duizhaoBinary(binary)
    }
}

/// `Resources/` of the package: searched upwards from the working directory and from the bench executable.
func readerLocateResources() throws -> URL {
    let starts = [
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
    ]
    for start in starts {
        var directory = start
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Resources")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("provincial.txt").path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
    }
    throw BenchError("Resources/provincial.txt not found; run from the package directory")
}

func readerFindProgram(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Plain vim in diff mode: no user configuration, swap file or viminfo.
func readerVimCommand(_ vim: String, _ national: String, _ provincial: String) -> [String] {
    [vim, "-N", "-u", "NONE", "-i", "NONE", "-n", "-d", national, provincial]
}

// MARK: Measurements

struct ReaderLaunchTimes {
    var firstFrame = ReaderSamples()
    var settled = ReaderSamples()
}

/// Starts `command` `runs` times. The first frame ends with the byte that completes the last of `needles`
/// when `completeAtNeedles` (duizhao: its status line is the last row ncurses draws, so the frame is complete
/// when the status text has arrived; later status updates, e.g. the comparison's progress, do not count), else
/// with the last byte before 8 ms without output (less and vim write their first screen in one go).
/// "settled" waits for a long quiet (600 ms), e.g. for the background comparison to be applied.
func readerMeasureLaunch(
    runs: Int, command: [String], needles: [String], settle: Bool, completeAtNeedles: Bool = false
) throws -> ReaderLaunchTimes {
    var times = ReaderLaunchTimes()
    let needleBytes = needles.map { Array($0.utf8) }
    for _ in 0..<runs {
        let start = ReaderClock.now
        let session = try ReaderPseudoTerminal(command: command)
        defer { session.close() }
        var seen = 0
        let first = session.readUntilQuiet(quietMilliseconds: completeAtNeedles ? 0 : 8, timeoutSeconds: 20) { output in
            while seen < needleBytes.count, output.readerContainsSequence(needleBytes[seen]) { seen += 1 }
            return seen == needleBytes.count
        }
        guard first.satisfied else { throw BenchError("\(command[0]) did not show its first frame within 20 s") }
        times.firstFrame.add(first.lastByte - start)
        if settle {
            let later = session.readUntilQuiet(quietMilliseconds: 600, timeoutSeconds: 30) { _ in true }
            times.settled.add((later.count > 0 ? later.lastByte : first.lastByte) - start)
        }
    }
    return times
}

struct ReaderScrollTimes {
    var latency = ReaderSamples()
    var bytes = ReaderSamples()
}

/// Alternates `ReaderScrollPattern.block` presses down and up, so that short documents never hit their end.
enum ReaderScrollPattern {
    static let block = 40
}

/// Opens `command`, waits until it has settled, optionally sends `setup`, then presses keys one at a time and
/// measures from the write of the key to the last byte of the terminal's answer (output quiet for 15 ms).
func readerMeasureScroll(command: [String], presses: Int, down: String, up: String, setup: String?) throws
    -> ReaderScrollTimes
{
    let session = try ReaderPseudoTerminal(command: command)
    defer { session.close() }
    _ = session.readUntilQuiet(quietMilliseconds: 800, timeoutSeconds: 30) { $0.count > 0 }
    if let setup {
        session.write(setup)
        _ = session.readUntilQuiet(quietMilliseconds: 300, timeoutSeconds: 5) { $0.count > 0 }
    }
    var times = ReaderScrollTimes()
    // Warm-up presses (down and back) are not counted.
    for key in [down, down, up, up] {
        session.write(key)
        _ = session.readUntilQuiet(quietMilliseconds: 15, timeoutSeconds: 2) { $0.count > 0 }
    }
    for press in 0..<presses {
        let key = (press / ReaderScrollPattern.block) % 2 == 0 ? down : up
        let start = ReaderClock.now
        session.write(key)
        let answer = session.readUntilQuiet(quietMilliseconds: 15, timeoutSeconds: 2) { $0.count > 0 }
        guard answer.satisfied else { continue }  // nothing redrawn (an end of the document): not a scroll
        times.latency.add(answer.lastByte - start)
        times.bytes.add(UInt64(answer.count))
    }
    return times
}

/// Latency of arbitrary keys (e.g. G and g on a large document).
func readerMeasureKeys(command: [String], keys: [String], repeats: Int) throws -> ReaderSamples {
    let session = try ReaderPseudoTerminal(command: command)
    defer { session.close() }
    _ = session.readUntilQuiet(quietMilliseconds: 800, timeoutSeconds: 30) { $0.count > 0 }
    var samples = ReaderSamples()
    for _ in 0..<repeats {
        for key in keys {
            let start = ReaderClock.now
            session.write(key)
            let answer = session.readUntilQuiet(quietMilliseconds: 30, timeoutSeconds: 10) { $0.count > 0 }
            if answer.satisfied { samples.add(answer.lastByte - start) }
        }
    }
    return samples
}

/// The bare cost of starting the binary (dynamic loading, runtime start-up) with stdout to /dev/null.
func readerMeasureBareStart(binary: String, runs: Int) throws -> ReaderSamples {
    var samples = ReaderSamples()
    for _ in 0..<runs {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(binary), strdup("--version"), nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ReaderClock.now
        guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else {
            throw BenchError("cannot start \(binary)")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        samples.add(ReaderClock.now - start)
    }
    return samples
}

/// The reader's own work in-process, at 160x45 with no terminal: importing the documents, building the model
/// with its first frame (`runs` times each), then on the last model a one-line scroll (`update` j/k + `render`,
/// `presses` times) and jumps to the ends (G/g, 10 times).
struct ReaderInProcessWork {
    var importing = ReaderSamples()
    var modelAndFrame = ReaderSamples()
    var scroll = ReaderSamples()
    var ends = ReaderSamples()

    /// `load` imports the documents (a provincial one or nil); `compared` installs their comparison before the
    /// keys, as the reader has it once the background comparison is done.
    static func measure(
        runs: Int, presses: Int, compared: Bool, load: () throws -> (PolicyDocument, PolicyDocument?)
    ) rethrows -> ReaderInProcessWork {
        var work = ReaderInProcessWork()
        var last: (model: ReaderModel, national: PolicyDocument, provincial: PolicyDocument?)?
        for _ in 0..<max(1, runs) {
            let start = ReaderClock.now
            let (national, provincial) = try load()
            let imported = ReaderClock.now
            let model = ReaderModel(
                national: national, provincial: provincial, width: ReaderPseudoTerminal.columns,
                height: ReaderPseudoTerminal.rows)
            let screen = model.render()
            let rendered = ReaderClock.now
            precondition(screen.height == ReaderPseudoTerminal.rows)
            work.importing.add(imported - start)
            work.modelAndFrame.add(rendered - imported)
            last = (model, national, provincial)
        }
        guard let last else { return work }
        var model = last.model
        if compared, let provincial = last.provincial {
            _ = model.update(.comparisonFinished(Comparator.compare(national: last.national, provincial: provincial)))
            _ = model.render()
        }
        for press in 0..<presses {
            let key: Character = (press / ReaderScrollPattern.block) % 2 == 0 ? "j" : "k"
            work.scroll.add(timeKey(key, on: &model))
        }
        for press in 0..<10 { work.ends.add(timeKey(press % 2 == 0 ? "G" : "g", on: &model)) }
        return work
    }

    /// Nanoseconds for `update` with the key and the `render` after it.
    private static func timeKey(_ key: Character, on model: inout ReaderModel) -> UInt64 {
        let start = ReaderClock.now
        _ = model.update(.input(.character(key)))
        let screen = model.render()
        precondition(screen.height == ReaderPseudoTerminal.rows)
        return ReaderClock.now - start
    }

    func addRows(to table: inout ReaderResultTable, prefix: String) {
        table.add(prefix + "import", importing.formattedMedian, reference: "")
        table.add(prefix + "reader model init + first render", modelAndFrame.formattedMedian, reference: "")
        table.add(prefix + "update j + render, median", scroll.formattedMedian, reference: "")
        table.add(prefix + "update j + render, p95", scroll.formattedP95, reference: "")
        table.add(prefix + "update G or g + render, median", ends.formattedMedian, reference: "")
    }
}

/// Writes a synthetic document of at least `megabytes` MB: the national text's title once, then its body
/// repeated (every repetition keeps the 一、 … 六、 numbering, so the outline grows with it).
func readerMakeLargeDocument(from path: String, megabytes: Int) throws -> (path: String, bytes: Int) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.components(separatedBy: "\n")
    let title = lines.removeFirst()
    let body = lines.joined(separator: "\n")
    var output = title + "\n"
    output.reserveCapacity(megabytes * 1_048_576 + body.utf8.count)
    while output.utf8.count < megabytes * 1_048_576 { output += body + "\n" }
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-large-\(getpid()).txt")
        .path
    try output.write(toFile: target, atomically: true, encoding: .utf8)
    return (target, output.utf8.count)
}

// MARK: ReaderSamples and table

enum ReaderClock {
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
}

struct ReaderSamples {
    private(set) var values: [UInt64] = []

    mutating func add(_ value: UInt64) { values.append(value) }

    func percentile(_ fraction: Double) -> UInt64? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
        return sorted[index]
    }

    var formattedMedian: String { Self.milliseconds(percentile(0.5)) + count }
    var formattedP95: String { Self.milliseconds(percentile(0.95)) + count }
    var formattedBytes: String {
        guard let median = percentile(0.5) else { return "n/a" }
        return "\(median) B (median)" + count
    }
    private var count: String { values.isEmpty ? "" : " n=\(values.count)" }

    static func milliseconds(_ nanoseconds: UInt64?) -> String {
        guard let nanoseconds else { return "n/a" }
        let value = Double(nanoseconds) / 1_000_000
        return value < 10 ? String(format: "%.3f ms", value) : String(format: "%.1f ms", value)
    }
}

struct ReaderResultTable {
    private var rows: [(String, String, String)] = []

    mutating func add(_ label: String, _ value: String, reference: String) { rows.append((label, value, reference)) }

    func print() {
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = max(8, rows.map(\.1.count).max() ?? 0)
        Swift.print(
            "measure".padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
                + "duizhao".padding(toLength: valueWidth, withPad: " ", startingAt: 0) + "  reference")
        Swift.print(String(repeating: "-", count: labelWidth + valueWidth + 14))
        for (label, value, reference) in rows {
            Swift.print(
                label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
                    + value.padding(toLength: valueWidth, withPad: " ", startingAt: 0) + "  " + reference)
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func readerContainsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = count - needle.count
        while index <= last {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

// MARK: Pseudo-terminal

// The system calls, under names that do not clash with `ReaderPseudoTerminal`'s own `close`/`write` methods.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
private func readDescriptor(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}

/// A child process on the slave side of a fresh pseudo-terminal (its controlling terminal), with the master
/// side read by the benchmark.
final class ReaderPseudoTerminal {
    static let columns = 160
    static let rows = 45
    /// A private bookmark store for the benchmark's runs.
    static let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "duizhao-bench-data-\(getpid())")

    let master: Int32
    let pid: pid_t
    private var closed = false
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    struct ReadResult {
        var satisfied: Bool
        var count: Int
        var lastByte: UInt64
    }

    init(command: [String]) throws {
        #if os(Linux)
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            guard master >= 0 else { throw BenchError("cannot open /dev/ptmx") }
            var unlock: Int32 = 0
            var number: UInt32 = 0
            let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
            let getNumber: UInt = 0x8004_5430  // TIOCGPTN
            guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
                closeDescriptor(master)
                throw BenchError("cannot unlock the pseudo-terminal")
            }
            let slavePath = "/dev/pts/\(number)"
            var size = winsize(ws_row: UInt16(Self.rows), ws_col: UInt16(Self.columns), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(master, UInt(TIOCSWINSZ), &size)

            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            let setSession: Int16 = 0x80  // POSIX_SPAWN_SETSID: the child leads a new session...
            var defaultSignals = sigset_t()
            sigemptyset(&defaultSignals)
            for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH] { sigaddset(&defaultSignals, signal) }
            posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
            posix_spawnattr_setflags(&attributes, setSession | Int16(POSIX_SPAWN_SETSIGDEF))
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            // ...so opening the slave makes it the controlling terminal.
            posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
            posix_spawn_file_actions_addclose(&actions, master)

            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm-256color"
            environment["LANG"] = "C.UTF-8"
            environment["LC_ALL"] = nil
            environment["COLUMNS"] = nil
            environment["LINES"] = nil
            environment["LESS"] = nil
            environment["LESSHISTFILE"] = "-"
            environment["NO_COLOR"] = nil
            environment["DUIZHAO_DATA_DIR"] = Self.dataDirectory.path  // never the user's bookmarks or last position
            let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                for pointer in argv { free(pointer) }
                for pointer in envp { free(pointer) }
            }
            var child: pid_t = 0
            let result = posix_spawn(&child, command[0], &actions, &attributes, argv, envp)
            guard result == 0 else {
                closeDescriptor(master)
                throw BenchError("cannot start \(command[0]): \(String(cString: strerror(result)))")
            }
            pid = child
        #else
            throw BenchError("the reader benchmark drives a Linux pseudo-terminal")
        #endif
    }

    deinit { close() }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = writeDescriptor(master, raw.baseAddress! + written, raw.count - written)
                if result <= 0 { break }
                written += result
            }
        }
    }

    /// Reads until `condition` (given all output of this call) holds and then nothing arrives for
    /// `quietMilliseconds` (0: return as soon as it holds), or until `timeoutSeconds`.
    func readUntilQuiet(quietMilliseconds: Int, timeoutSeconds: Double, _ condition: ([UInt8]) -> Bool) -> ReadResult {
        var output: [UInt8] = []
        var lastByte = ReaderClock.now
        var satisfied = condition(output)
        let deadline = ReaderClock.now + UInt64(timeoutSeconds * 1e9)
        while true {
            let now = ReaderClock.now
            if now >= deadline { break }
            let quietLeft =
                satisfied ? Int64(quietMilliseconds) * 1_000_000 - Int64(now - lastByte) : Int64(deadline - now)
            if satisfied, quietLeft <= 0 { break }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let waitMilliseconds = Int32(max(1, min(Int64(deadline - now), quietLeft) / 1_000_000))
            let ready = poll(&poller, 1, waitMilliseconds)
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { readDescriptor(master, $0.baseAddress, $0.count) }
            if count <= 0 { break }  // the child closed the terminal
            lastByte = ReaderClock.now
            output.append(contentsOf: buffer[0..<count])
            if !satisfied {
                satisfied = condition(output)
                if satisfied, quietMilliseconds == 0 { break }  // complete at the byte that satisfied it
            }
        }
        return ReadResult(satisfied: satisfied, count: output.count, lastByte: lastByte)
    }

    /// Ends the child (SIGTERM, then SIGKILL) and closes the terminal.
    func close() {
        guard !closed else { return }
        closed = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = ReaderClock.now + 2_000_000_000
        while waitpid(pid, &status, WNOHANG) == 0 {
            // Keep draining so the child is never blocked on a full terminal while it restores it.
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 10) > 0 {
                _ = buffer.withUnsafeMutableBytes { readDescriptor(master, $0.baseAddress, $0.count) }
            }
            if ReaderClock.now > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
        }
        closeDescriptor(master)
    }
}
