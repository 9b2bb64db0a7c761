import DuizhaoCompare
import DuizhaoCore
import Foundation
import XCTest

/// One prepared national document compared with many implementations gives, for each, exactly what a comparison
/// of that pair alone gives: whatever was compared before, in whatever order, on whatever thread.
final class PreparedNationalTests: XCTestCase {
    func load(_ relativePath: String) throws -> PolicyDocument {
        let path = LawCorpus.url(relativePath).path
        return try PolicyImporter.importFile(at: path)
    }

    /// The six implementations of 村民委员会组织法, one of 农业技术推广法 (a different law: most of its bigrams are
    /// new to the national vocabulary) and the bundled 意见 (another kind of document altogether).
    func implementations() throws -> [PolicyDocument] {
        let cunweihui = [
            "beijing-2012", "chongqing-2013", "henan-undated", "shandong-2012", "shanghai-2020",
            "zhejiang-2020",
        ].map { "cunweihui/\($0).md" }
        return try (cunweihui + ["nongjituiguang/henan-undated.md"]).map(load) + [TestDocuments.provincial]
    }

    func testReusedPreparationGivesEachPairsOwnComparison() throws {
        let national = try load("cunweihui/national.md")
        let documents = try implementations()
        let prepared = Comparator.prepare(national: national)
        XCTAssertEqual(prepared.title, national.title)
        // Each pair from a preparation of its own, before the shared one has been used for anything.
        let alone = documents.map { Comparator.prepare(national: national).compare(with: $0) }
        XCTAssertTrue(alone.prefix(6).allSatisfy { $0.links.count >= 20 }, "each implementation links most articles")
        // Forward, backward and again: nothing carries over from one comparison to the next.
        for order in [Array(documents.indices), documents.indices.reversed(), Array(documents.indices)] {
            for index in order {
                XCTAssertEqual(prepared.compare(with: documents[index]), alone[index], "document \(index)")
            }
        }
        // The convenience entry point is the same computation.
        for (document, expected) in zip(documents, alone) {
            XCTAssertEqual(Comparator.compare(national: national, provincial: document), expected)
        }
    }

    func testPreparationSharedAcrossThreads() throws {
        let national = try load("cunweihui/national.md")
        let documents = try implementations()
        let prepared = Comparator.prepare(national: national)
        let sequential = documents.map { prepared.compare(with: $0) }
        let results = ResultBox(count: documents.count * 3)
        DispatchQueue.concurrentPerform(iterations: documents.count * 3) { index in
            results.set(index, prepared.compare(with: documents[index % documents.count]))
        }
        for index in 0..<(documents.count * 3) {
            XCTAssertEqual(results.value(index), sequential[index % documents.count], "run \(index)")
        }
    }

    func testProgressStillReported() {
        let prepared = Comparator.prepare(national: TestDocuments.national)
        let recorder = ProgressValues()
        _ = prepared.compare(with: TestDocuments.provincial) { recorder.append($0) }
        let values = recorder.values
        XCTAssertEqual(values.last, 1)
        XCTAssertEqual(values, values.sorted(), "progress only goes forward")
    }
}

/// Results written by concurrent workers, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [Comparison?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Comparison) { lock.withLock { slots[index] = value } }
    func value(_ index: Int) -> Comparison? { lock.withLock { slots[index] } }
}

/// Progress values as reported.
private final class ProgressValues: @unchecked Sendable {
    private var stored: [Double] = []
    private let lock = NSLock()
    func append(_ value: Double) { lock.withLock { stored.append(value) } }
    var values: [Double] { lock.withLock { stored } }
}
