import DuizhaoCore
import Foundation

/// Import throughput on ≥10 MB synthetic documents (law-shaped and 公文-shaped), and peak memory in a fresh child
/// process (公文-shaped).
/// `duizhao-bench import [--megabytes N]`; the child mode `import --child PATH` imports one file and reports;
/// `import --write PATH [--law]` writes the synthetic document and exits.
func runImportBenchmark(_ arguments: [String]) throws {
    if let childIndex = arguments.firstIndex(of: "--child"), childIndex + 1 < arguments.count {
        try importChild(path: arguments[childIndex + 1])
        return
    }
    let megabytes = arguments.firstIndex(of: "--megabytes").flatMap { Int(arguments[$0 + 1]) } ?? 10
    if let writeIndex = arguments.firstIndex(of: "--write"), writeIndex + 1 < arguments.count {
        // `import --write PATH [--law]`: only write the synthetic document (to time `--child PATH` in CPU time).
        try SyntheticDocument.text(minimumBytes: megabytes * 1_000_000, law: arguments.contains("--law"))
            .write(toFile: arguments[writeIndex + 1], atomically: true, encoding: .utf8)
        return
    }
    let lawPath = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-law-\(getpid()).txt")
        .path
    try SyntheticDocument.text(minimumBytes: megabytes * 1_000_000, law: true).write(
        toFile: lawPath, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: lawPath) }
    try measureImport(label: "law-shaped synthetic document", path: lawPath)

    let text = SyntheticDocument.text(minimumBytes: megabytes * 1_000_000)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-\(getpid()).txt").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let size = Double(text.utf8.count)
    try measureImport(label: "synthetic document", path: path)

    // Peak memory: a child process that only imports the file.
    let fields = try runBenchChild(["import", "--child", path]).figures
    if fields.count == 2 {
        let growth = fields[1] - fields[0]
        print(
            String(
                format: "peak RSS: %.1f MB before import, %.1f MB after; import added %.1f MB = %.2fx the file size",
                fields[0] / 1e6, fields[1] / 1e6, growth / 1e6, growth / size))
    }
}

/// Throughput in this process: best and median of seven imports of the file at `path`.
private func measureImport(label: String, path: String) throws {
    let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
    var seconds: [Double] = []
    var provisions = 0
    var warnings: [ImportWarning] = []
    for _ in 0..<7 {
        let start = DispatchTime.now().uptimeNanoseconds
        let document = try PolicyImporter.importFile(at: path)
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        provisions = document.provisions.count
        warnings = document.warnings
    }
    seconds.sort()
    let median = seconds[seconds.count / 2]
    print(
        String(format: "%@: %.1f MB, %d provisions, %d import warnings", label, size / 1e6, provisions, warnings.count))
    for warning in warnings.prefix(3) { print("  warning: \(warning)") }
    print(
        String(
            format: "import (read+decode+parse): median %.1f ms = %.0f MB/s, best %.1f ms = %.0f MB/s",
            median * 1000, size / 1e6 / median, seconds[0] * 1000, size / 1e6 / seconds[0]))
}

private func importChild(path: String) throws {
    let before = peakResidentBytes()
    let document = try PolicyImporter.importFile(at: path)
    let after = peakResidentBytes()
    precondition(!document.divisions.isEmpty)
    print("\(before) \(after)")
}

/// Peak resident set size of this process in bytes (VmHWM: unlike ru_maxrss it is not inherited across exec).
func peakResidentBytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kilobytes * 1024
}

/// Import speed of the other formats: a 2 MB saved web page, a 1 MB Word file and a 100-page PDF, written by
/// `Tests/Fixtures/formats/make-fixtures.py --bench DIR` (python3, run from the repository root), or read from
/// `DIR` when given: `duizhao-bench formats [DIR]`. Best and median of five imports each.
func runFormatImportBenchmark(_ arguments: [String]) throws {
    var directory = arguments.first
    var made: String?
    if directory == nil {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-bench-formats-\(getpid())")
            .path
        let script = "Tests/Fixtures/formats/make-fixtures.py"
        guard FileManager.default.fileExists(atPath: script) else {
            print("skipped: run from the repository root (needs \(script) and python3), or pass a directory")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--bench", scratch]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("make-fixtures.py failed") }
        directory = scratch
        made = scratch
    }
    defer { if let made { try? FileManager.default.removeItem(atPath: made) } }
    for name in ["page-2mb.html", "notice-1mb.docx", "law-100-pages.pdf"] {
        let path = URL(fileURLWithPath: directory!).appendingPathComponent(name).path
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        var seconds: [Double] = []
        var provisions = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = try PolicyImporter.importFile(at: path)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            provisions = document.provisions.count
        }
        seconds.sort()
        print(
            String(
                format: "%@ (%.2f MB, %d provisions): median %.1f ms, best %.1f ms = %.1f MB/s", name, size / 1e6,
                provisions, seconds[2] * 1000, seconds[0] * 1000, size / 1e6 / seconds[0]))
    }
}
