import Foundation

/// A benchmark that cannot run: the message it prints.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The `duizhao` binary to measure: `given` (`--binary PATH`), else the one built beside this bench; an error
/// naming the path when it is not an executable.
func duizhaoBinary(_ given: String?) throws -> String {
    let path =
        given
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("duizhao").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
        throw BenchError("no duizhao binary at \(path); build it (swift build -c release) or pass --binary PATH")
    }
    return path
}

/// What this bench printed when run again as a child for a figure that needs a fresh process (peak memory).
struct BenchChildResult {
    var status: Int32
    var output: String
    /// The numbers on the last line of the output, the child's figures.
    var figures: [Double]
}

/// Runs this bench executable with `arguments` (e.g. `compare --child 30`) to completion, its output captured.
func runBenchChild(_ arguments: [String]) throws -> BenchChildResult {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = arguments
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    let lastLine = output.split(separator: "\n").last ?? ""
    let figures = lastLine.split(separator: " ").compactMap {
        Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return BenchChildResult(status: child.terminationStatus, output: output, figures: figures)
}
