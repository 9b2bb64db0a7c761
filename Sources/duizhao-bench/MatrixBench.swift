import DuizhaoCore
import DuizhaoStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmark of `duizhao matrix` (release binary next to this one, or `--binary PATH`):
/// - 30 implementations: `duizhao matrix NATIONAL DIR --json` against `duizhao compare NATIONAL DOC --json` run once
///   per document in a shell loop;
/// - 300 law-size implementations: `duizhao matrix NATIONAL DIR --json`, wall time and peak memory (ru_maxrss).
/// The implementations are variants of the corpus laws (`Tests/Fixtures/corpus/cunweihui`, or `--corpus DIR`): variant k
/// of a file leaves out every line whose position p has (7p + k) mod 11 = 0 among the article lines, so each one
/// keeps, drops and adds different provisions. `duizhao-bench matrix [--corpus DIR] [--counts 30,300]
/// [--corrections 1000]`: at the largest count, the matrix again with that many hand corrections stored
/// (`duizhao align`, spread over the implementations) against no store at all.
func runMatrixBenchmark(_ arguments: [String]) throws {
    func option(_ name: String) -> String? {
        arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }
    let corpus = option("--corpus") ?? "Tests/Fixtures/corpus/cunweihui"
    let binary = try duizhaoBinary(option("--binary"))
    let counts = option("--counts")?.split(separator: ",").compactMap { Int($0) } ?? [30, 300]
    let corrections = option("--corrections").flatMap { Int($0) } ?? 1000
    let national = (corpus as NSString).appendingPathComponent("national.md")
    let sources = try FileManager.default.contentsOfDirectory(atPath: corpus)
        .filter { $0.hasSuffix(".md") && $0 != "national.md" }.sorted()
        .map { try String(contentsOfFile: (corpus as NSString).appendingPathComponent($0), encoding: .utf8) }
    guard !sources.isEmpty else { throw BenchError("no implementations in \(corpus)") }
    print(
        "duizhao: \(binary); national: \(national); \(sources.count) source implementations; "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")

    for count in counts {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "duizhao-bench-matrix-\(getpid())-\(count)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = 0
        for index in 0..<count {
            let text = matrixBenchVariant(sources[index % sources.count], variant: index / sources.count + index)
            bytes += text.utf8.count
            try text.write(
                to: directory.appendingPathComponent(String(format: "impl-%04d.md", index)), atomically: true,
                encoding: .utf8)
        }
        let matrix = try measureChild(binary, ["matrix", national, directory.path, "--json"])
        print(
            String(
                format:
                    "%d implementations (%.0f KB each on average): duizhao matrix --json %.2f s wall, %.2f s CPU, peak RSS %.0f MB",
                count, Double(bytes) / Double(count) / 1024, matrix.seconds, matrix.cpuSeconds, matrix.peakMegabytes))
        if count == counts.max(), corrections > 0 {
            try measureMatrixCorrections(
                binary: binary, national: national, directory: directory, corrections: corrections)
        }
        if count <= 60 {
            let loop = try measureChild(
                "/bin/sh",
                [
                    "-c", "for f in \"$2\"/*; do \"$0\" compare \"$1\" \"$f\" --json || exit 1; done",
                    binary, national, directory.path,
                ])
            print(
                String(
                    format:
                        "  duizhao compare --json once per document in a shell loop: %.2f s wall; matrix / loop = %.2f",
                    loop.seconds, matrix.seconds / loop.seconds))
        }
    }
}

/// Variant `variant` of an implementation: every article line at position p with (7p + variant) % 11 == 0 is left
/// out (headings and the front matter stay).
func matrixBenchVariant(_ text: String, variant: Int) -> String {
    var position = 0
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("第") && !line.hasPrefix("第一章") && line.contains("条") {
            position += 1
            if (7 * position + variant) % 11 == 0 { continue }
        }
        lines.append(line)
    }
    return lines.joined(separator: "\n")
}

struct ChildMeasurement {
    var seconds: Double
    var cpuSeconds: Double
    var peakMegabytes: Double
}

/// Runs a command to completion with its output discarded; wall time, CPU time and peak RSS (of the largest process
/// it waited for) from wait4.
func measureChild(_ executable: String, _ arguments: [String]) throws -> ChildMeasurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
        throw BenchError("cannot start \(executable)")
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var children = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &children)
    guard status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) failed (status \(status))") }
    let cpu =
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
        / 1e6
    return ChildMeasurement(
        seconds: seconds, cpuSeconds: cpu, peakMegabytes: Double(max(usage.ru_maxrss, children.ru_maxrss)) / 1024)
}

/// `duizhao matrix NATIONAL DIR --json` with `corrections` stored hand corrections against no store (each run
/// twice, alternating, the faster kept: two cores are shared), on copies of the implementations made distinct. The corrections link or reject provisions spread
/// over the implementations, one in four a rejection.
func measureMatrixCorrections(binary: String, national: String, directory: URL, corrections: Int) throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-corrections-\(getpid())")
    defer { try? FileManager.default.removeItem(at: base) }
    let empty = base.appendingPathComponent("empty")
    let stored = base.appendingPathComponent("stored")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let nationalDocument = try PolicyImporter.importFile(at: national)
    let nationalIdentity = DocumentIdentity(nationalDocument)
    let units = nationalDocument.comparableUnits
    // The variants repeat (11 per source file): each copy gets a last line of its own, so that the 300 are 300
    // documents (a correction applies to every copy with the same content), both runs on the same copies.
    let copies = base.appendingPathComponent("copies")
    try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
    for (index, name) in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().enumerated() {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        try (text + "\n（本件为第\(index + 1)份）\n").write(
            to: copies.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let directory = copies
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        .map { directory.appendingPathComponent($0).path }
    let documents = try files.map { try PolicyImporter.importFile(at: $0) }
    let identities = documents.map { DocumentIdentity($0) }
    let store = BookmarkStore.open(at: stored)
    let writing = DispatchTime.now().uptimeNanoseconds
    for index in 0..<corrections {
        let column = index % documents.count
        let provincialUnits = documents[column].comparableUnits
        guard !units.isEmpty, !provincialUnits.isEmpty else { continue }
        try store.addCorrection(
            national: nationalDocument, nationalID: units[(index * 7) % units.count].id,
            provincial: documents[column], provincialID: provincialUnits[(index * 13) % provincialUnits.count].id,
            action: index % 4 == 3 ? .rejected : .match, nationalIdentity: nationalIdentity,
            provincialIdentity: identities[column])
    }
    let writeSeconds = Double(DispatchTime.now().uptimeNanoseconds - writing) / 1e9
    // What finding the corrections costs alone (one thread): reading the store, resolving both sides.
    let finding = DispatchTime.now().uptimeNanoseconds
    let set = try store.correctionSet(national: nationalDocument)
    let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - finding) / 1e9
    var applied = 0
    for document in documents { applied += set.corrections(for: document).corrections.count }
    let findSeconds = Double(DispatchTime.now().uptimeNanoseconds - finding) / 1e9
    func run(_ data: URL) throws -> ChildMeasurement {
        setenv("DUIZHAO_DATA_DIR", data.path, 1)
        return try measureChild(binary, ["matrix", national, directory.path, "--json"])
    }
    var without: [Double] = []
    var with: [Double] = []
    for _ in 0..<2 {
        without.append(try run(empty).seconds)
        with.append(try run(stored).seconds)
    }
    unsetenv("DUIZHAO_DATA_DIR")
    let plain = without.min() ?? 0
    let corrected = with.min() ?? 0
    print(
        String(
            format:
                "  with %d stored corrections (written in %.2f s): %.2f s wall against %.2f s without a store (%+.1f%%); "
                + "finding them: %.3f s reading the store, %.3f s in all on one thread (%d applied)",
            corrections, writeSeconds, corrected, plain, (corrected / plain - 1) * 100, loadSeconds, findSeconds,
            applied))
}
