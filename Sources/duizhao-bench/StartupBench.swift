import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoSession
import DuizhaoStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Start-up (issue 13): for duizhao on the bundled pair, `less` on the provincial text and `vim -N -u NONE -d` on
/// the pair, launched in turn in one run on a 160x45 pseudo-terminal: the first byte of output, the first
/// complete frame (duizhao: the status line, the last row it draws, has arrived; less and vim: the last byte
/// before 8 ms of quiet) and the settled frame (the last byte before 150 ms of quiet: the screen a user reads),
/// with the peak RSS of each process; duizhao with its frame cache (a pair read before at this size) and without.
/// Then `duizhao --version`, a cached pair from the corpus, a 10 MB pair
/// (first screen before its alignment), and the floor: a minimal Swift + ncursesw program drawing one frame.
///
/// `duizhao-bench startup [--binary PATH] [--launches N] [--floor PATH] [--timeline] [--skip-large]`
func runStartupBenchmark(_ arguments: [String]) throws {
    var rest = arguments
    var floor: String?
    if let index = rest.firstIndex(of: "--floor") {
        floor = index + 1 < rest.count ? rest[index + 1] : nil
        rest.removeSubrange(index..<min(index + 2, rest.count))
    }
    let showTimeline = rest.contains("--timeline")
    rest.removeAll { $0 == "--timeline" }
    let options = try ReaderBenchOptions(rest)
    let pair = try StartupPair()
    let (national, provincial, binary) = (pair.national, pair.provincial, options.binary)
    let (nationalTitle, provincialTitle) = (pair.nationalTitle, pair.provincialTitle)
    print(
        "terminal: pseudo-terminal \(ReaderPseudoTerminal.columns)x\(ReaderPseudoTerminal.rows), TERM=xterm-256color; "
            + "launches: \(options.launches) each, interleaved; medians")
    print("duizhao: \(binary)")
    print("")

    // Each duizhao launch quits with `q`, which keeps its first frame for the next launch (the frame cache):
    // the first row is a pair read before at this size; the second clears the frame cache before each launch
    // (a pair read before at another size, or a store changed since: everything is built before the frame).
    let duizhaoNeedles = [nationalTitle, provincialTitle, "side by side"]
    let frames = ReaderPseudoTerminal.dataDirectory.appendingPathComponent("cache/frames")
    var programs: [(name: String, command: [String], frameNeedles: [String]?, before: () -> Void)] = [
        ("duizhao (bundled pair)", [binary], duizhaoNeedles, {}),
        (
            "duizhao (bundled pair), frame cache cleared", [binary], duizhaoNeedles,
            { try? FileManager.default.removeItem(at: frames) }
        ),
    ]
    if let less = readerFindProgram("less") { programs.append(("less provincial.txt", [less, provincial], nil, {})) }
    if let vim = readerFindProgram("vim") {
        programs.append(("vim -N -u NONE -d", readerVimCommand(vim, national, provincial), nil, {}))
    }
    if let floor { programs.append(("floor: Swift + ncursesw, one frame", [floor], nil, {})) }

    // The bundled pair's comparison is cached after the first run, like any pair.
    _ = try StartupRun(command: [binary], frameNeedles: programs[0].frameNeedles)
    var results = Array(repeating: StartupSamples(), count: programs.count)
    var timelines: [String] = []
    for launch in 0..<options.launches {
        for (index, program) in programs.enumerated() {
            program.before()
            let run = try StartupRun(command: program.command, frameNeedles: program.frameNeedles)
            results[index].add(run)
            if showTimeline && launch == 0 { timelines.append("\(program.name):\n" + run.timeline) }
        }
    }
    var table = ReaderResultTable()
    table.add("", "first byte · first frame · settled · peak RSS", reference: "")
    for (index, program) in programs.enumerated() {
        table.add(program.name, results[index].formatted, reference: "")
    }
    if let vimIndex = programs.firstIndex(where: { $0.name.hasPrefix("vim") }),
        let ours = results[0].settled.percentile(0.5), let vims = results[vimIndex].settled.percentile(0.5)
    {
        table.add("settled frame, duizhao / vim -d", String(format: "%.2f", Double(ours) / Double(vims)), reference: "")
    }
    table.add(
        "duizhao --version (spawn → exit)",
        try readerMeasureBareStart(binary: binary, runs: options.launches).formattedMedian, reference: "")

    // A pair whose comparison was cached by an earlier run.
    let corpus = pair.resources.deletingLastPathComponent().appendingPathComponent(
        "Tests/Fixtures/corpus/cunweihui")
    let corpusNational = corpus.appendingPathComponent("national.md").path
    let corpusLocal = corpus.appendingPathComponent("zhejiang-2020.md").path
    if FileManager.default.fileExists(atPath: corpusNational), FileManager.default.fileExists(atPath: corpusLocal) {
        let command = [binary, corpusNational, corpusLocal]
        _ = try StartupRun(command: command, frameNeedles: ["side by side"], settleMilliseconds: 1_500)
        var cached = StartupSamples()
        var comparisonOnly = StartupSamples()
        for _ in 0..<options.launches {
            cached.add(try StartupRun(command: command, frameNeedles: ["side by side"]))
            try? FileManager.default.removeItem(at: frames)
            comparisonOnly.add(try StartupRun(command: command, frameNeedles: ["side by side"]))
        }
        table.add("cached pair (cunweihui national + zhejiang)", cached.formatted, reference: "")
        table.add("the same, frame cache cleared (comparison cached)", comparisonOnly.formatted, reference: "")
    }

    if !options.skipLarge {
        let largeNational = try readerMakeLargeDocument(from: national, megabytes: 10)
        let largeProvincial = try startupMakeLargeCopy(of: provincial, megabytes: 10)
        defer {
            try? FileManager.default.removeItem(atPath: largeNational.path)
            try? FileManager.default.removeItem(atPath: largeProvincial)
        }
        var large = StartupSamples()
        for _ in 0..<max(3, options.launches / 3) {
            // Not cached: the first screen comes before the alignment, which continues in the background.
            try? FileManager.default.removeItem(at: ReaderPseudoTerminal.dataDirectory.appendingPathComponent("cache"))
            large.add(
                try StartupRun(
                    command: [binary, largeNational.path, largeProvincial], frameNeedles: ["side by side"],
                    settleMilliseconds: nil))
        }
        table.add("10 MB pair, uncached: first screen (before alignment)", large.formatted, reference: "")
    }
    for (label, samples) in startupInProcessCosts(runs: options.launches) {
        table.add("in-process: \(label)", samples.formattedMedian, reference: "")
    }
    table.print()
    for timeline in timelines { print("\n" + timeline) }
    try? FileManager.default.removeItem(at: ReaderPseudoTerminal.dataDirectory)
}

/// What the reader does before its first frame, step by step, in this process (warm: after one untimed round).
private func startupInProcessCosts(runs: Int) -> [(String, ReaderSamples)] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-startup-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    var steps: [(String, ReaderSamples)] = []
    func measure(_ label: String, _ body: () -> Void) {
        var samples = ReaderSamples()
        for round in 0...runs {
            let start = ReaderClock.now
            body()
            if round > 0 { samples.add(ReaderClock.now - start) }
        }
        steps.append((label, samples))
    }
    var national = BundledDocument.national.load()
    var provincial = BundledDocument.provincial.load()
    measure("import the bundled pair") {
        national = BundledDocument.national.load()
        provincial = BundledDocument.provincial.load()
    }
    var comparison = Comparator.compare(national: national, provincial: provincial)
    measure("compare the bundled pair") { comparison = Comparator.compare(national: national, provincial: provincial) }
    let cache = ComparisonCache(directory: directory.appendingPathComponent("cache"), toolVersion: "bench")
    cache.store(comparison, national: national, provincial: provincial)
    measure("comparison cache: key of the pair") { _ = cache.key(national: national, provincial: provincial) }
    measure("comparison cache: key + load (hit)") { _ = cache.comparison(national: national, provincial: provincial) }
    measure("comparison cache: store") { cache.store(comparison, national: national, provincial: provincial) }
    measure("document identities of the pair (fingerprints; sketches on first use)") {
        _ = DocumentIdentity(national)
        _ = DocumentIdentity(provincial)
    }
    measure("content sketches of the pair (when a bookmark is added)") {
        _ = national.contentSketch
        _ = provincial.contentSketch
    }
    let nationalIdentity = DocumentIdentity(national)
    let provincialIdentity = DocumentIdentity(provincial)
    // The stores stay open (a reader keeps its store until it quits; closing the last connection checkpoints).
    var open: [BookmarkStore] = []
    measure("open the bookmark store + bookmarks + position (empty store)") {
        let store = BookmarkStore.open(at: directory.appendingPathComponent("store"))
        _ = try? store.resolvedBookmarks(in: national, identity: nationalIdentity)
        _ = try? store.resolvedBookmarks(in: provincial, identity: provincialIdentity)
        _ = try? store.readingState(for: DocumentPairKey(national: nationalIdentity, provincial: provincialIdentity))
        open.append(store)
    }
    open.removeAll()
    // The start of a pair compared before (no kept frame): the model, the comparison installed, the first render
    // (layout and the change kinds, with their character diffs, of the sentences on the screen).
    measure("first 160x45 frame of a cached pair: model + comparison + render") {
        var fresh = ReaderModel(national: national, provincial: provincial, width: 160, height: 45)
        _ = fresh.update(.comparisonFinished(comparison))
        _ = fresh.render()
    }
    // The start of a pair read before at this size: a 160x45 first frame found and read back.
    var model = ReaderModel(national: national, provincial: provincial, width: 160, height: 45)
    _ = model.update(.comparisonFinished(comparison))
    let frames = FrameCache(path: directory.appendingPathComponent("frames").path)
    let storePath = directory.appendingPathComponent("store").path
    let frameKey = FrameCache.key(build: "bench", inputs: [], width: 160, height: 45)
    frames.store(
        model.render(), forKey: frameKey, storeStamp: StoreLocation.stamp(directoryPath: storePath), pairKey: "",
        storeView: "")
    measure("frame cache: key + store stamp + read + decode a 160x45 frame (hit)") {
        let key = FrameCache.key(build: "bench", inputs: [], width: 160, height: 45)
        _ = frames.frame(forKey: key, storeStamp: StoreLocation.stamp(directoryPath: storePath))
    }
    return steps
}

/// The bundled pair's files in `Resources/` and their titles.
private struct StartupPair {
    let resources: URL
    let national: String
    let provincial: String
    let nationalTitle = BundledDocument.national.load().title
    let provincialTitle = BundledDocument.provincial.load().title

    init() throws {
        resources = try readerLocateResources()
        national = resources.appendingPathComponent("national.txt").path
        provincial = resources.appendingPathComponent("provincial.txt").path
    }
}

/// Every sample of one program.
private struct StartupSamples {
    var firstByte = ReaderSamples()
    var firstFrame = ReaderSamples()
    var settled = ReaderSamples()
    var peakRSS = ReaderSamples()

    mutating func add(_ run: StartupRun) {
        firstByte.add(run.firstByte)
        firstFrame.add(run.firstFrame)
        if let settled = run.settled { self.settled.add(settled) }
        if let rss = run.peakRSSKilobytes { peakRSS.add(rss) }
    }

    var formatted: String {
        let rss = peakRSS.percentile(0.5).map { String(format: "%.1f MB", Double($0) / 1024) } ?? "n/a"
        return [firstByte, firstFrame, settled].map { ReaderSamples.milliseconds($0.percentile(0.5)) }.joined(
            separator: " · ")
            + " · " + rss
    }
}

/// One launch in a fresh pseudo-terminal, with the arrival time of every chunk of output.
private struct StartupRun {
    var firstByte: UInt64 = 0
    var firstFrame: UInt64 = 0
    var settled: UInt64?
    var peakRSSKilobytes: UInt64?
    var timeline = ""

    /// `frameNeedles`: the frame is complete at the byte that completes the last of them; nil: at the last byte
    /// before 8 ms of quiet. `settleMilliseconds`: the quiet that ends the settled frame (nil: not waited for).
    init(command: [String], frameNeedles: [String]?, settleMilliseconds: Int? = 150) throws {
        let start = ReaderClock.now
        let terminal = try ReaderPseudoTerminal(command: command)
        defer { terminal.close() }
        var chunks: [(time: UInt64, bytes: [UInt8])] = []
        let needles = (frameNeedles ?? []).map { Array($0.utf8) }
        var seen = 0
        var output: [UInt8] = []
        var frameAt: UInt64?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = start + 30_000_000_000
        while ReaderClock.now < deadline {
            let now = ReaderClock.now
            let lastTime = chunks.last?.time ?? now
            var quiet: Int64?
            if frameAt == nil, needles.isEmpty, !chunks.isEmpty { quiet = 8 }
            if frameAt != nil { quiet = Int64(settleMilliseconds ?? 0) }
            if let quiet, Int64(now) - Int64(lastTime) >= quiet * 1_000_000 {
                if frameAt == nil { frameAt = lastTime }
                break
            }
            var poller = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
            let wait = quiet.map { max(1, Int32(($0 * 1_000_000 - (Int64(now) - Int64(lastTime))) / 1_000_000)) } ?? 100
            guard poll(&poller, 1, wait) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(terminal.master, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            let time = ReaderClock.now
            chunks.append((time, Array(buffer[0..<count])))
            output.append(contentsOf: buffer[0..<count])
            if frameAt == nil, !needles.isEmpty {
                while seen < needles.count, startupContains(output, needles[seen]) { seen += 1 }
                if seen == needles.count {
                    frameAt = time
                    if settleMilliseconds == nil { break }
                }
            }
        }
        guard let frameAt, let first = chunks.first else { throw BenchError("\(command[0]) drew nothing within 30 s") }
        firstByte = first.time - start
        firstFrame = frameAt - start
        if settleMilliseconds != nil { settled = chunks.last!.time - start }
        timeline = chunks.map { chunk in
            let text = String(decoding: chunk.bytes, as: UTF8.self).unicodeScalars
                .map { $0.value < 0x20 || $0.value == 0x7F ? "·" : String($0) }.joined()
            return String(format: "  %7.2f ms %6d B  ", Double(chunk.time - start) / 1e6, chunk.bytes.count)
                + String(text.prefix(90))
        }.joined(separator: "\n")
        // The peak RSS so far (the frame has settled), then quit. Not the child's ru_maxrss: it counts the
        // benchmark's own image, which the child had until it exec'd.
        peakRSSKilobytes = startupHighWaterMarkKilobytes(of: terminal.pid)
        terminal.write(command[0].hasSuffix("vim") ? "\u{1B}:qa!\r" : "q")
        var status: Int32 = 0
        var usage = rusage()
        let quitDeadline = ReaderClock.now + 2_000_000_000
        while ReaderClock.now < quitDeadline {
            var poller = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 5) > 0 {
                _ = buffer.withUnsafeMutableBytes { read(terminal.master, $0.baseAddress, $0.count) }
            }
            if wait4(terminal.pid, &status, WNOHANG, &usage) == terminal.pid { break }
        }
    }
}

/// `VmHWM` of a running process, in kilobytes (nil when it cannot be read).
private func startupHighWaterMarkKilobytes(of process: pid_t) -> UInt64? {
    guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first.flatMap { UInt64($0) }
    }
    return nil
}

private func startupContains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

/// A copy of a document's body repeated to at least `megabytes` MB, keeping its title line once.
private func startupMakeLargeCopy(of path: String, megabytes: Int) throws -> String {
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    let title = lines.removeFirst()
    let body = lines.joined(separator: "\n")
    var output = title + "\n"
    while output.utf8.count < megabytes << 20 { output += body + "\n" }
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-large-p-\(getpid()).txt")
        .path
    try output.write(toFile: target, atomically: true, encoding: .utf8)
    return target
}
