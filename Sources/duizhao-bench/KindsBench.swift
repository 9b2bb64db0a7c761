import DuizhaoCompare
import DuizhaoCore
import Foundation

/// Benchmark of the change kinds (release mode):
/// - `Localization.fold` throughput (the aligner folds every text before scoring) on the bundled texts and the
///   corpus laws repeated to about 4 MB;
/// - classifying every change of every link (`Comparison.linkedPairs`) of the bundled pair and of a law pair
///   from `Tests/Fixtures/corpus` when present, next to the comparison itself.
/// - the same on synthetic pairs of 1,000 and 5,000 clauses (`SyntheticDocument`, two overlapping variants), once
///   each, to show that classification grows linearly with the text.
/// `duizhao-bench kinds`.
func runKindsBenchmark(_ arguments: [String]) throws {
    var sample = BundledDocument.national.text + BundledDocument.provincial.text
    for path in ["cunweihui/national.md", "cunweihui/zhejiang-2020.md", "nongjituiguang/national.md"] {
        if let text = try? String(contentsOfFile: "Tests/Fixtures/corpus/" + path, encoding: .utf8) { sample += text }
    }
    let big = String(repeating: sample, count: max(1, 4_000_000 / sample.utf8.count))
    var foldTimes: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = Localization.fold(big)
        foldTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    foldTimes.sort()
    let megabytes = Double(big.utf8.count) / 1e6
    print(
        String(
            format: "Localization.fold: %.1f MB in %.0f ms median (%.1f MB/s)", megabytes, foldTimes[2],
            megabytes / (foldTimes[2] / 1000)))

    var pairs: [(String, PolicyDocument, PolicyDocument)] = [
        ("bundled pair", BundledDocument.national.load(), BundledDocument.provincial.load())
    ]
    let lawNational = "Tests/Fixtures/corpus/cunweihui/national.md"
    let lawLocal = "Tests/Fixtures/corpus/cunweihui/zhejiang-2020.md"
    if let national = try? PolicyImporter.importFile(at: lawNational),
        let local = try? PolicyImporter.importFile(at: lawLocal)
    {
        pairs.append(("村民委员会组织法 / Zhejiang 2020", national, local))
    }
    for (name, national, provincial) in pairs {
        var compareTimes: [Double] = []
        var classifyTimes: [Double] = []
        var changeCount = 0
        for _ in 0..<15 {
            let start = DispatchTime.now().uptimeNanoseconds
            let comparison = Comparator.compare(national: national, provincial: provincial)
            let compared = DispatchTime.now().uptimeNanoseconds
            changeCount = comparison.linkedPairs(national: national, provincial: provincial).reduce(0) {
                $0 + $1.changes.count
            }
            let end = DispatchTime.now().uptimeNanoseconds
            compareTimes.append(Double(compared - start) / 1e6)
            classifyTimes.append(Double(end - compared) / 1e6)
        }
        compareTimes.sort()
        classifyTimes.sort()
        print(
            name
                + String(
                    format: ": compare %.2f ms, classify %d changes %.2f ms (medians of 15)", compareTimes[7],
                    changeCount, classifyTimes[7]))
    }
    for clauses in [1000, 5000] {
        let national = PolicyImporter.importText(
            SyntheticDocument.text(clauseCount: clauses, variant: 0), source: "synthetic:0")
        let provincial = PolicyImporter.importText(
            SyntheticDocument.text(clauseCount: clauses, variant: 1), source: "synthetic:1")
        let start = DispatchTime.now().uptimeNanoseconds
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let compared = DispatchTime.now().uptimeNanoseconds
        let changes = comparison.linkedPairs(national: national, provincial: provincial).reduce(0) {
            $0 + $1.changes.count
        }
        let end = DispatchTime.now().uptimeNanoseconds
        print(
            String(
                format: "synthetic %d clauses: compare %.0f ms, classify %d changes of %d links %.0f ms", clauses,
                Double(compared - start) / 1e6, changes, comparison.links.count, Double(end - compared) / 1e6))
    }
}
