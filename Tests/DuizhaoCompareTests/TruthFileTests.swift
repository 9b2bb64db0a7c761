import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// The engine against the independent hand-made alignments in `Tests/Fixtures/corpus/truth/` (made by people who
/// never ran duizhao; conventions in its README), scored as `../shared/tools/truthscore.py` scores them: a link is
/// a (provincial article, national article) pair of kind `match` or `partial`; a link the engine makes to a pair
/// the truth calls `related` counts neither way; provincial-only articles are those with no link. Every
/// disagreement is printed.
final class TruthFileTests: XCTestCase {
    struct Score {
        var precision: Double
        var recall: Double
        var f1: Double
        var provincialOnlyF1: Double
        var missed: [String]
        var wrong: [String]
    }

    static func label(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    static func f1(_ want: Set<String>, _ got: Set<String>) -> Double {
        if want.isEmpty && got.isEmpty { return 1 }
        let shared = Double(want.intersection(got).count)
        let precision = shared / Double(max(got.count, 1))
        let recall = shared / Double(max(want.count, 1))
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    static func score(provincialPath: String, truth: [String: Any]) throws -> Score {
        let nationalPath = try XCTUnwrap(truth["national"] as? String)
        let national = try PolicyImporter.importFile(at: TestCorpus.url(nationalPath).path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url(provincialPath).path)
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let nationalLabels = Dictionary(
            national.provisions.map { ($0.id, label($0.label)) }, uniquingKeysWith: { a, _ in a })
        let provincialLabels = Dictionary(
            provincial.provisions.map { ($0.id, label($0.label)) }, uniquingKeysWith: { a, _ in a })
        func key(_ provincial: String, _ national: String) -> String { "\(provincial)→\(national)" }
        var want: Set<String> = []
        for link in truth["links"] as? [[String: Any]] ?? [] {
            let provincialLabel = label(link["provincial"] as? String ?? "")
            for nationalLabel in link["national"] as? [String] ?? [] {
                want.insert(key(provincialLabel, label(nationalLabel)))
            }
        }
        let related = Set(
            (truth["related"] as? [[String: Any]] ?? []).map {
                key(label($0["provincial"] as? String ?? ""), label($0["national"] as? String ?? ""))
            })
        let got = Set(
            comparison.links.map {
                key(provincialLabels[$0.provincial] ?? $0.provincial, nationalLabels[$0.national] ?? $0.national)
            }
        ).filter { !related.contains($0) || want.contains($0) }
        let shared = Double(want.intersection(got).count)
        let newWant = Set((truth["new"] as? [String] ?? []).map(label))
        let newGot = Set(comparison.provincialOnly.map { provincialLabels[$0] ?? $0 })
        return Score(
            precision: shared / Double(max(got.count, 1)), recall: shared / Double(max(want.count, 1)),
            f1: f1(want, got), provincialOnlyF1: f1(newWant, newGot),
            missed: want.subtracting(got).sorted(), wrong: got.subtracting(want).sorted())
    }

    /// Bars a little under today's figures on every pair (measured 2026-12-08: links F1 0.84–0.92, precision
    /// 0.93–0.96, provincial-only F1 0.78–0.80), so a change that loses real links or adds false ones fails.
    /// The issue's aim (F1 ≥ 0.90, provincial-only F1 ≥ 0.80 on every pair) is not reached yet: see
    /// docs/COMPARISON.md.
    func testEveryTruthFile() throws {
        let folder = TestCorpus.corpus.appendingPathComponent("truth")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        XCTAssertGreaterThanOrEqual(files.count, 4, "the truth files are in the fixtures")
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let pairs = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
            for (provincialPath, truth) in pairs.sorted(by: { $0.key < $1.key }) {
                let score = try Self.score(provincialPath: provincialPath, truth: truth)
                let summary = String(
                    format: "%@: links P %.2f R %.2f F1 %.2f, provincial-only F1 %.2f", provincialPath,
                    score.precision, score.recall, score.f1, score.provincialOnlyF1)
                FileHandle.standardError.write(
                    Data(
                        "\(summary)\n  missed \(score.missed.joined(separator: " "))\n  wrong \(score.wrong.joined(separator: " "))\n"
                            .utf8))
                XCTAssertGreaterThanOrEqual(score.precision, 0.90, summary)
                XCTAssertGreaterThanOrEqual(score.f1, 0.82, summary)
                XCTAssertGreaterThanOrEqual(score.provincialOnlyF1, 0.75, summary)
            }
        }
    }

    /// On every law pair of the corpus: one link a pair of provisions, and a `related` link changes neither the
    /// dropped nor the provincial-only list (a provision with only related links is on it).
    func testEveryCorpusPairKeepsOneLinkAPairAndRelatedLinksCarryNothing() throws {
        for law in ["cunweihui", "daibiaofa", "nongjituiguang", "xianxuefa", "yiwujiaoyu"] {
            let folder = TestCorpus.url(law)
            let national = try PolicyImporter.importFile(at: folder.appendingPathComponent("national.md").path)
            let prepared = Comparator.prepare(national: national)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".md") && name != "national.md" {
                let provincial = try PolicyImporter.importFile(at: folder.appendingPathComponent(name).path)
                let comparison = prepared.compare(with: provincial)
                let pairs = comparison.links.map { "\($0.national)→\($0.provincial)" }
                XCTAssertEqual(Set(pairs).count, pairs.count, "\(law)/\(name): a pair linked twice")
                let implementing = comparison.implementingLinks
                for link in comparison.links where link.kind == .related {
                    XCTAssertEqual(
                        comparison.nationalOnly.contains(link.national),
                        !implementing.contains { $0.national == link.national }, "\(law)/\(name) \(link)")
                    XCTAssertEqual(
                        comparison.provincialOnly.contains(link.provincial),
                        !implementing.contains { $0.provincial == link.provincial }, "\(law)/\(name) \(link)")
                }
            }
        }
    }

    /// The candidate pairs `LinkFeatures` describes (what `Scripts/fit-gap-links.py` fits on) hold nearly every
    /// link of the truth: the clause search does not hide the links a better rule could find. Measured: 203 of 204.
    func testTheCandidatePairsHoldTheTruthsLinks() throws {
        let folder = TestCorpus.corpus.appendingPathComponent("truth")
        var found = 0
        var total = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let pairs = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
            for (provincialPath, truth) in pairs {
                let national = try PolicyImporter.importFile(
                    at: TestCorpus.url(try XCTUnwrap(truth["national"] as? String)).path)
                let provincial = try PolicyImporter.importFile(at: TestCorpus.url(provincialPath).path)
                let label = { (document: PolicyDocument, id: String) in
                    Self.label(document.division(id: id)?.label ?? id)
                }
                let features = Comparator.linkFeatures(national: national, provincial: provincial)
                XCTAssertTrue(features.allSatisfy { (0...1).contains($0.body) && (0...1).contains($0.chapter) })
                let candidates = Set(
                    features.map { "\(label(provincial, $0.provincial))→\(label(national, $0.national))" })
                for link in truth["links"] as? [[String: Any]] ?? [] {
                    for nationalLabel in link["national"] as? [String] ?? [] {
                        total += 1
                        if candidates.contains(
                            "\(Self.label(link["provincial"] as? String ?? ""))→\(Self.label(nationalLabel))")
                        {
                            found += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(Double(found) / Double(max(total, 1)), 0.98, "\(found) of \(total)")
    }
}
