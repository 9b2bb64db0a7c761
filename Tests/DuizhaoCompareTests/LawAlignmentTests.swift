import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// The engine against the hand-made readings of real law pairs (LawAlignmentTruth), and the properties a law
/// pair must keep: self-comparison, and the same links whatever shape the files come in.
final class LawAlignmentTests: XCTestCase {
    func load(_ relativePath: String) throws -> PolicyDocument {
        let path = LawCorpus.url(relativePath).path
        return try PolicyImporter.importFile(at: path)
    }

    /// Both laws of a pair, loaded from the corpus.
    func load(_ pair: LawAlignmentTruth.Pair) throws -> (national: PolicyDocument, provincial: PolicyDocument) {
        (try load(pair.nationalFile), try load(pair.provincialFile))
    }

    /// The links the engine finds between two laws, keyed by printed article numbers (`N15→P23`).
    static func compareArticles(national: PolicyDocument, provincial: PolicyDocument) -> [String: ClauseLink] {
        articleLinks(
            Comparator.compare(national: national, provincial: provincial), national: national, provincial: provincial)
    }

    /// Links between printed article numbers: `N15→P23:partial`.
    static func articleLinks(_ comparison: Comparison, national: PolicyDocument, provincial: PolicyDocument) -> [String:
        ClauseLink]
    {
        let nationalNumbers = articleNumbers(national)
        let provincialNumbers = articleNumbers(provincial)
        var result: [String: ClauseLink] = [:]
        // The truth tables list the links that carry a national article; `related` pairs are neither.
        for link in comparison.implementingLinks {
            guard let n = nationalNumbers[link.national], let p = provincialNumbers[link.provincial] else { continue }
            result["N\(n)→P\(p)"] = link
        }
        return result
    }

    /// Division id → printed article number, for the articles of a law.
    static func articleNumbers(_ document: PolicyDocument) -> [String: Int] {
        Dictionary(
            document.provisions.filter { $0.kind == .article }.map { ($0.id, $0.number) },
            uniquingKeysWith: { first, _ in first })
    }

    struct Evaluation {
        var expected: Set<String>
        var found: Set<String>
        var kindsAgreeing: Int
        var provincialOnlyExpected: Set<Int>
        var provincialOnlyFound: Set<Int>
        /// Every disagreement, one line each.
        var disagreements: [String]

        static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
        var precision: Double { Self.ratio(found.intersection(expected).count, found.count) }
        var recall: Double { Self.ratio(found.intersection(expected).count, expected.count) }
        var kindAgreement: Double { Self.ratio(kindsAgreeing, found.intersection(expected).count) }
        var provincialOnlyPrecision: Double {
            Self.ratio(provincialOnlyFound.intersection(provincialOnlyExpected).count, provincialOnlyFound.count)
        }
        var provincialOnlyRecall: Double {
            Self.ratio(provincialOnlyFound.intersection(provincialOnlyExpected).count, provincialOnlyExpected.count)
        }

        var summary: String {
            String(
                format: "links P %.3f R %.3f (%d found, %d true, %d agree), kinds %.3f, provincial-only P %.3f R %.3f",
                precision, recall, found.count, expected.count, found.intersection(expected).count, kindAgreement,
                provincialOnlyPrecision, provincialOnlyRecall)
        }
    }

    /// Compares the engine's links with a truth table (a link counts when both articles agree; the kind is
    /// scored separately).
    static func evaluate(_ pair: LawAlignmentTruth.Pair, national: PolicyDocument, provincial: PolicyDocument)
        -> Evaluation
    {
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let found = articleLinks(comparison, national: national, provincial: provincial)
        let expected = Dictionary(
            pair.links.map { ("N\($0.national)→P\($0.provincial)", $0) }, uniquingKeysWith: { a, _ in a })
        var disagreements: [String] = []
        var kindsAgreeing = 0
        let keys = Set(expected.keys).union(found.keys).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        for key in keys {
            switch (expected[key], found[key]) {
            case (let truth?, let link?):
                if truth.kind == link.kind {
                    kindsAgreeing += 1
                } else {
                    disagreements.append("kind \(key): truth \(truth.kind), engine \(link.kind) (score \(link.score))")
                }
            case (let truth?, nil): disagreements.append("missed \(key) \(truth.kind): \(truth.evidence)")
            case (nil, let link?): disagreements.append("extra \(key) \(link.kind) (score \(link.score))")
            default: break
            }
        }
        let provincialNumbers = articleNumbers(provincial)
        return Evaluation(
            expected: Set(expected.keys), found: Set(found.keys), kindsAgreeing: kindsAgreeing,
            provincialOnlyExpected: Set(pair.provincialOnly.map(\.article)),
            provincialOnlyFound: Set(comparison.provincialOnly.compactMap { provincialNumbers[$0] }),
            disagreements: disagreements)
    }

    /// The bars, on every pair: links P ≥ 0.85 and R ≥ 0.75, kinds ≥ 0.8, provincial-only P ≥ 0.6 and R ≥ 0.5.
    /// (Provincial-only recall was 0.85 before the gap pass (`Comparator.gapLinks`, issue 19): it links a
    /// provincial article to the weak candidate in its place, which raised link F1 and provincial-only F1 on all
    /// four independent truth files (`TruthFileTests`), and costs this reading of 农业技术推广 → 浙江 four
    /// articles it calls provincial-only and the engine now links in order: 第四条 ↔ 第七条 (the governments'
    /// leadership), 第二十七条 ↔ 第二十八条, 第三十条 ↔ 第三十三条, 第三十四条 ↔ 第三十条.)
    /// What stays below 1 are partial links whose provincial side shares only a stock phrase with the national
    /// article (extra) or paraphrases it (missed): Henan writing out the national 第十五条 (具体选举办法) in its own
    /// words over eight articles; Zhejiang's 农业技术推广 办法 worded after the 1993 law. A provincial article
    /// linked only by such a phrase is wrongly counted as linked or as provincial-only, which is why that
    /// precision is the lowest figure; and which piece of a split article is "the" match is a judgement the
    /// truth and the engine make differently in a few near-even splits. The bars sit a few points under today's
    /// worst pair, so a change that loses real links fails; every disagreement is printed for review.
    func testTheEngineReproducesTheTruthTables() throws {
        for pair in try LawAlignmentTruth.pairs {
            let (national, provincial) = try load(pair)
            let evaluation = Self.evaluate(pair, national: national, provincial: provincial)
            // On standard error: XCTest's standard output is block-buffered and may be lost.
            var report = "\(pair.name): \(evaluation.summary)\n"
            for line in evaluation.disagreements { report += "  \(line)\n" }
            FileHandle.standardError.write(Data(report.utf8))
            XCTAssertGreaterThanOrEqual(evaluation.precision, 0.85, "\(pair.name): \(evaluation.summary)")
            XCTAssertGreaterThanOrEqual(evaluation.recall, 0.75, "\(pair.name): \(evaluation.summary)")
            XCTAssertGreaterThanOrEqual(evaluation.kindAgreement, 0.8, "\(pair.name): \(evaluation.summary)")
            XCTAssertGreaterThanOrEqual(evaluation.provincialOnlyPrecision, 0.6, "\(pair.name): \(evaluation.summary)")
            XCTAssertGreaterThanOrEqual(evaluation.provincialOnlyRecall, 0.5, "\(pair.name): \(evaluation.summary)")
        }
    }

    func testLinksTheTruthCallsCertainAreAllFound() throws {
        // Articles that are verbatim or nearly so: no excuse to miss them.
        let (national, provincial) = try load(try LawAlignmentTruth.zhejiang)
        let found = Self.compareArticles(national: national, provincial: provincial)
        for (n, p) in [(1, 1), (4, 4), (5, 5), (21, 12), (22, 13), (29, 28), (34, 37), (39, 47), (41, 48)] {
            XCTAssertEqual(found["N\(n)→P\(p)"]?.kind, .match, "N\(n)→P\(p)")
        }
        // 村务公开: each cites the articles on what the 村民会议 decides, and those are linked in turn.
        XCTAssertEqual(found["N30→P29"]?.evidence.citations, ["本法第二十三条、第二十四条 ↔ 本办法第十四条、第十五条"])
        XCTAssertEqual(
            found["N1→P1"]?.evidence.citations, [], "a whole-law citation in the purpose article is no link evidence")
    }

    func testADocumentComparedWithItselfLinksEveryProvisionToItselfWithScoreOne() throws {
        let law = try load("cunweihui/henan-undated.md")
        XCTAssertEqual(law.provisions.count, 61)
        for document in [law, TestDocuments.national, TestDocuments.provincial] {
            let comparison = Comparator.compare(national: document, provincial: document)
            XCTAssertEqual(comparison.links.map(\.national), document.provisions.map(\.id), document.title)
            XCTAssertEqual(comparison.links.map(\.provincial), document.provisions.map(\.id), document.title)
            XCTAssert(
                comparison.links.allSatisfy { $0.kind == .match && $0.score == 1 },
                "\(comparison.links.filter { $0.score != 1 || $0.kind != .match })")
            XCTAssertEqual(comparison.nationalOnly, [])
            XCTAssertEqual(comparison.provincialOnly, [])
        }
    }

    /// The Zhejiang pair as plain text (no markdown, chapters spaced with U+3000), hard-wrapped like a PDF copy,
    /// and in GB18030 gives the same article links.
    func testTheSameLinksWhateverShapeTheFilesComeIn() throws {
        let pair = try LawAlignmentTruth.zhejiang
        let (national, provincial) = try load(pair)
        let reference = Self.compareArticles(national: national, provincial: provincial).mapValues(\.kind)

        let directory = try TestDocuments.temporaryDirectory(for: self)
        func plain(_ relativePath: String) throws -> String {
            let text = try String(contentsOf: LawCorpus.url(relativePath), encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var line = String(line)
                if line.hasPrefix("# ") || line.hasPrefix("## ") { line = String(line.drop { $0 == "#" || $0 == " " }) }
                if line.contains("INFO END") { return "" }
                return line.replacingOccurrences(of: " ", with: "　")
            }.joined(separator: "\n")
        }
        let plainNational = PolicyImporter.importText(try plain(pair.nationalFile), source: "test:plain-national")
        let wrappedProvincial = PolicyImporter.importText(
            TextReshaping.hardWrap(try plain(pair.provincialFile), width: 38), source: "test:wrapped-provincial")
        let gbPath = directory.appendingPathComponent("provincial-gb18030.txt")
        try GB18030.write(try plain(pair.provincialFile), to: gbPath)
        XCTAssertNil(String(data: try Data(contentsOf: gbPath), encoding: .utf8))
        let gbProvincial = try PolicyImporter.importFile(at: gbPath.path)

        for (name, otherNational, otherProvincial) in [
            ("plain", plainNational, provincial),
            ("hard-wrapped", national, wrappedProvincial),
            ("GB18030", plainNational, gbProvincial),
        ] {
            XCTAssertEqual(otherNational.provisions.count, national.provisions.count, name)
            XCTAssertEqual(otherProvincial.provisions.count, provincial.provisions.count, name)
            let links = Self.compareArticles(national: otherNational, provincial: otherProvincial).mapValues(\.kind)
            XCTAssertEqual(links, reference, name)
        }
    }
}
