import DuizhaoCompare
import DuizhaoCore
import XCTest

/// The engine reproduces the hand-made reading of the bundled pair (Truth/bundled.tsv, read by BundledAlignmentTruth).
final class BundledAlignmentTests: XCTestCase {
    let national = TestDocuments.national
    let provincial = TestDocuments.provincial
    lazy var comparison = Comparator.compare(national: national, provincial: provincial)

    func testTheImporterGivesTheClausesTheTruthTableNames() throws {
        let truth = try BundledAlignmentTruth.load()
        XCTAssertEqual(national.comparableUnits.count, 24)
        XCTAssertEqual(provincial.comparableUnits.count, 20)
        for link in truth.links {
            XCTAssertNotNil(national.comparableUnits.first { $0.id == link.national }, link.national)
            XCTAssertNotNil(provincial.comparableUnits.first { $0.id == link.provincial }, link.provincial)
        }
    }

    func testEveryLinkOfTheTruthTableAndNoOther() throws {
        let truth = try BundledAlignmentTruth.load()
        let expected = Set(truth.links.map { "\($0.national)→\($0.provincial):\($0.kind.rawValue)" })
        let actual = comparison.linkTriples
        for missing in expected.subtracting(actual).sorted() {
            let link = truth.links.first {
                "\($0.national)→\($0.provincial):\($0.kind.rawValue)" == missing
            }!
            XCTFail(
                "missing link \(missing) (\(national.unitTitle(link.national)) → \(provincial.unitTitle(link.provincial))): \(link.evidence)"
            )
        }
        for extra in actual.subtracting(expected).sorted() {
            XCTFail("unexpected link \(extra)")
        }
        XCTAssertEqual(comparison.links.count, truth.links.count)
    }

    func testDroppedAndAddedClauses() throws {
        let truth = try BundledAlignmentTruth.load()
        XCTAssertEqual(comparison.nationalOnly, truth.nationalOnly)
        XCTAssertEqual(comparison.provincialOnly, truth.provincialOnly)
    }

    func testScoresSeparateMatchesFromPartialLinks() {
        for link in comparison.links {
            XCTAssert((0...1).contains(link.score), "\(link)")
        }
        let weakestMatch = comparison.links.filter { $0.kind == .match }.map(\.score).min() ?? 0
        let strongestPartial = comparison.links.filter { $0.kind == .partial }.map(\.score).max() ?? 1
        XCTAssertGreaterThan(weakestMatch, strongestPartial)
        // The lookups the reader uses return the same links, best first.
        XCTAssertEqual(comparison.nationalLinks(ofProvincial: "3.8").map(\.national), ["3.9", "5.18"])
        XCTAssertEqual(comparison.nationalLinks(ofProvincial: "3.12").map(\.national), ["3.13", "5.20"])
        XCTAssertEqual(comparison.provincialLinks(ofNational: "1.1"), [])
    }

    func testSentenceProvenanceAcrossLinkedClauses() throws {
        let truth = try BundledAlignmentTruth.load()
        for expected in truth.sentenceSources {
            let sentence = try provincial.sentence(
                in: expected.provincialClause, containing: expected.provincialFragment)
            let source = try national.sentence(in: expected.nationalClause, containing: expected.nationalFragment)
            let entry = comparison.provenance.first { $0.provincial == sentence.ref }
            XCTAssertNotNil(entry, "no provenance for \(sentence.text)")
            XCTAssert(
                entry?.sources.contains(source.ref) == true,
                "\(sentence.text) should come from \(source.text), got \(entry?.sources ?? [])")
            XCTAssertGreaterThan(entry?.score ?? 0, 0)
        }
        for expected in truth.newSentences {
            let sentence = try provincial.sentence(in: expected.provincialClause, containing: expected.fragment)
            let entry = comparison.provenance.first { $0.provincial == sentence.ref }
            XCTAssertEqual(entry?.sources, [], "\(expected.fragment) is new in the provincial text")
        }
    }

    func testAFusedSentenceHasBothSourcesInDocumentOrder() throws {
        let fused = try provincial.sentence(in: "2.4", containing: "我省区域全面覆盖")
        let fourG = try national.sentence(in: "2.5", containing: "全面推进第四代移动通信")
        let broadband = try national.sentence(in: "2.5", containing: "扩大用户宽带接入网普及范围")
        let entry = comparison.provenance.first { $0.provincial == fused.ref }
        XCTAssertEqual(entry?.sources, [fourG.ref, broadband.ref])
    }

    func testProvenanceCoversEveryProvincialSentenceOnce() {
        let allProvincial = provincial.comparableUnits.flatMap { provincial.unitSentences($0.id).map(\.ref) }
        XCTAssertEqual(comparison.provenance.map(\.provincial), allProvincial)
        let nationalRefs = Set(national.comparableUnits.flatMap { national.unitSentences($0.id).map(\.ref) })
        for entry in comparison.provenance {
            XCTAssert(entry.sources.allSatisfy(nationalRefs.contains), "\(entry)")
            // A source always lies in a national clause linked to the sentence's provincial clause.
            let linked = Set(comparison.nationalLinks(ofProvincial: entry.provincial.division).map(\.national))
            for source in entry.sources {
                XCTAssert(linked.contains(source.division), "\(entry.provincial) sourced from unlinked \(source)")
            }
        }
    }

    func testNationalSentenceFates() throws {
        let truth = try BundledAlignmentTruth.load()
        // 基本原则 is copied verbatim: every sentence is carried.
        for sentence in national.unitSentences("1.3") {
            XCTAssertEqual(comparison.nationalFates[sentence.ref], .carried, sentence.text)
        }
        for expected in truth.droppedSentences {
            let sentence = try national.sentence(in: expected.nationalClause, containing: expected.fragment)
            XCTAssertEqual(comparison.nationalFates[sentence.ref], .dropped, expected.fragment)
        }
        // The 4G sentence is rewritten for the province.
        let fourG = try national.sentence(in: "2.5", containing: "第四代移动通信")
        XCTAssertEqual(comparison.nationalFates[fourG.ref], .rewritten)
        // Sentences of dropped clauses are dropped.
        for sentence in national.unitSentences("5.19") {
            XCTAssertEqual(comparison.nationalFates[sentence.ref], .dropped)
        }
    }

    func testCoverage() throws {
        let truth = try BundledAlignmentTruth.load()
        let coverage = Dictionary(uniqueKeysWithValues: comparison.nationalCoverage.map { ($0.id, $0) })
        XCTAssertEqual(coverage.count, 24)
        XCTAssertEqual(coverage["1.1"]?.status, .dropped)
        XCTAssertEqual(coverage["5.19"]?.status, .dropped)
        XCTAssertEqual(coverage["5.18"]?.status, .partial)
        XCTAssertEqual(coverage["5.20"]?.status, .partial)
        XCTAssertEqual(coverage["1.3"]?.status, .implemented)
        XCTAssertEqual(coverage["1.3"]?.carriedShare, 1)
        XCTAssertEqual(coverage["1.1"]?.carriedShare, 0)
        // 拓展国际合作空间: one of its three sentences survives.
        XCTAssertEqual(coverage["5.18"]?.carriedShare ?? 0, 1.0 / 3.0, accuracy: 1e-9)
        let implemented = comparison.nationalCoverage.filter { $0.status == .implemented }.map(\.id)
        XCTAssertEqual(Set(implemented), Set(truth.links.filter { $0.kind == .match }.map(\.national)))

        let newShares = Dictionary(uniqueKeysWithValues: comparison.provincialCoverage.map { ($0.id, $0.newShare) })
        XCTAssertEqual(newShares.count, 20)
        XCTAssertEqual(newShares["1.2"], 0, "基本原则 is copied")
        // 不断激发信息经济活力: its first sentence (信息经济创新发展工程) is the province's own.
        XCTAssertEqual(newShares["3.8"] ?? 0, 1.0 / Double(provincial.unitSentences("3.8").count), accuracy: 1e-9)
    }

    func testTheResultIsDeterministic() {
        let again = Comparator.compare(national: national, provincial: provincial)
        XCTAssertEqual(again.links, comparison.links)
        XCTAssertEqual(again.provenance, comparison.provenance)
        XCTAssertEqual(again.nationalFates, comparison.nationalFates)
        XCTAssertEqual(again.nationalCoverage, comparison.nationalCoverage)
        XCTAssertEqual(again.provincialCoverage, comparison.provincialCoverage)
    }

    func testProgressIsReportedInOrderUpToOne() {
        final class Recorder: @unchecked Sendable {
            var values: [Double] = []
        }
        let recorder = Recorder()
        _ = Comparator.compare(national: national, provincial: provincial) { recorder.values.append($0) }
        XCTAssertFalse(recorder.values.isEmpty)
        XCTAssertEqual(recorder.values, recorder.values.sorted())
        XCTAssertEqual(recorder.values.last, 1)
        XCTAssert(recorder.values.allSatisfy { (0...1).contains($0) })
    }
}
