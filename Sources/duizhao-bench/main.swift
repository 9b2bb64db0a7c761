import Foundation

/// `duizhao-bench AREA`: release-mode benchmarks; each area prints its measured figures.
let arguments = Array(CommandLine.arguments.dropFirst())
let area = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())
let areas: [(String, ([String]) throws -> Void)] = [
    ("import", runImportBenchmark),
    ("formats", runFormatImportBenchmark),
    ("compare", runCompareBenchmark),
    ("store", runStoreBenchmark),
    ("reader", runReaderBenchmark),
    ("matrix", runMatrixBenchmark),
    ("startup", runStartupBenchmark),
    ("kinds", runKindsBenchmark),
    ("growth", runGrowthBenchmark),
]
/// Not part of `all`: minutes of load, for a report.
let occasional: [(String, ([String]) throws -> Void)] = [("store-stress", runStoreStress), ("features", runFeatures)]
do {
    var ran = false
    for (name, run) in areas + occasional where (area == "all" && !occasional.contains { $0.0 == name }) || area == name
    {
        print("== \(name) ==")
        try run(rest)
        ran = true
    }
    if !ran {
        FileHandle.standardError.write(
            Data("usage: duizhao-bench [all|\((areas + occasional).map(\.0).joined(separator: "|"))]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("duizhao-bench: \(error)\n".utf8))
    exit(1)
}
