import DuizhaoCore
import DuizhaoStore
import Foundation

/// The bookmark store: adding one bookmark (what a reader key press pays: one committed, fsynced transaction),
/// listing 10,000 bookmarks, listing and re-anchoring them against a document, the change check a reader polls,
/// and opening a store of that size. `duizhao-bench store [--count N]` (default 10,000 bookmarks).
func runStoreBenchmark(_ arguments: [String]) throws {
    let count =
        arguments.firstIndex(of: "--count").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
        ?? 10_000
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("duizhao-store-bench-\(getpid())", isDirectory: true)
    try? FileManager.default.removeItem(at: directory)
    defer { try? FileManager.default.removeItem(at: directory) }

    let national = BundledDocument.national.load()
    let identity = DocumentIdentity(national)
    let units = national.comparableUnits
    let anchors = units.map { BookmarkAnchor(document: national, division: $0, identity: identity) }

    var identitySamples: [Double] = []
    for _ in 0..<20 { identitySamples.append(measure { _ = DocumentIdentity(national) }) }
    report("document identity of the national text (fingerprint + sketch, once per loaded document)", identitySamples)

    var addSamples: [Double] = []
    do {
        let store = BookmarkStore.open(at: directory)
        guard store.access == .readWrite else { throw BenchError(store.notice ?? "store not writable") }
        addSamples.reserveCapacity(count)
        for index in 0..<count {
            let anchor = anchors[index % anchors.count]
            let seconds = try measure {
                try store.add(anchor, note: "benchmark note \(index)", tags: ["bench"], document: identity)
            }
            addSamples.append(seconds)
        }
        // Through the reader-facing call (resolves the division by id first).
        var addByIDSamples: [Double] = []
        for index in 0..<200 {
            let unit = units[index % units.count]
            addByIDSamples.append(
                try measure {
                    try store.addBookmark(clauseID: unit.id, in: national, identity: identity, note: "by id")
                })
        }
        for bookmark in try store.bookmarks(.document(identity)).suffix(200) {
            try store.remove(id: bookmark.id)
        }
        report("add one bookmark (store.add, \(count) samples)", addSamples)
        report("add one bookmark by clause id (store.addBookmark, 200 samples)", addByIDSamples)

        var listSamples: [Double] = []
        var listed = 0
        for _ in 0..<30 {
            listSamples.append(try measure { listed = try store.bookmarks().count })
        }
        report("list \(listed) bookmarks (store.bookmarks())", listSamples)

        var resolveSamples: [Double] = []
        var resolved = 0
        for _ in 0..<15 {
            resolveSamples.append(
                try measure {
                    resolved = try store.resolvedBookmarks(in: national, identity: identity).count
                })
        }
        report("list and re-anchor \(resolved) bookmarks of one document (store.resolvedBookmarks)", resolveSamples)

        var revisionSamples: [Double] = []
        for _ in 0..<200 { revisionSamples.append(try measure { _ = try store.revision() }) }
        report("change check (store.revision())", revisionSamples)
    }

    var openSamples: [Double] = []
    for _ in 0..<10 {
        openSamples.append(
            try measure {
                let store = BookmarkStore.open(at: directory)
                guard store.access == .readWrite else { throw BenchError(store.notice ?? "store not writable") }
            })
    }
    report("open a store of \(count) bookmarks (checks included)", openSamples)
}

private func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

private func report(_ name: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    func percentile(_ fraction: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))] * 1000
    }
    print(
        name
            + String(
                format: ": median %.3f ms, p95 %.3f ms, max %.3f ms", percentile(0.5), percentile(0.95),
                (sorted.last ?? 0) * 1000))
}
