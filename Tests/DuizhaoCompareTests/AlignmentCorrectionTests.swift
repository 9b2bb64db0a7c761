import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import XCTest

/// Hand corrections given to the engine: a hand link and a rejection change the links and everything that follows
/// from them (provenance, coverage, dropped and provincial-only lists), and are marked as the researcher's.
final class AlignmentCorrectionTests: XCTestCase {
    func testCorrectionsReachEveryPartOfTheComparison() throws {
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/zhejiang-2020.md").path)
        let automatic = Comparator.compare(national: national, provincial: provincial)
        XCTAssertTrue(automatic.links.allSatisfy { $0.source == .auto })
        // Reject the machine's best link, and link a dropped national article to a provincial-only one by hand.
        let rejected = try XCTUnwrap(automatic.links.first { $0.kind == .match && $0.evidence.sharedSentences > 0 })
        let dropped = try XCTUnwrap(automatic.nationalOnly.first)
        let added = try XCTUnwrap(automatic.provincialOnly.first)
        let corrected = Comparator.compare(
            national: national, provincial: provincial,
            corrections: [
                .rejection(national: rejected.national, provincial: rejected.provincial),
                .link(national: dropped, provincial: added, kind: .partial),
            ])
        XCTAssertFalse(
            corrected.links.contains { $0.national == rejected.national && $0.provincial == rejected.provincial })
        let hand = try XCTUnwrap(corrected.links.first { $0.national == dropped && $0.provincial == added })
        XCTAssertEqual(hand.kind, .partial)
        XCTAssertEqual(hand.source, .hand)
        XCTAssertEqual(corrected.links.filter { $0.source == .hand }.count, 1)
        XCTAssertFalse(corrected.nationalOnly.contains(dropped))
        XCTAssertFalse(corrected.provincialOnly.contains(added))
        // The rejected pair's provincial sentences no longer draw on that national article.
        let nationalSentenceDivisions = Set(
            (national.division(id: rejected.national)?.flattened ?? []).map(\.id))
        let provincialDivisions = Set((provincial.division(id: rejected.provincial)?.flattened ?? []).map(\.id))
        XCTAssertFalse(
            corrected.provenance.contains { entry in
                provincialDivisions.contains(entry.provincial.division)
                    && entry.sources.contains { nationalSentenceDivisions.contains($0.division) }
            })
        XCTAssertTrue(
            automatic.provenance.contains { entry in
                provincialDivisions.contains(entry.provincial.division)
                    && entry.sources.contains { nationalSentenceDivisions.contains($0.division) }
            })
        // A correction naming no provision changes nothing.
        XCTAssertEqual(
            Comparator.compare(
                national: national, provincial: provincial,
                corrections: [.link(national: "no-such", provincial: added, kind: .match)]),
            automatic)
        // A related hand link is shown but carries nothing: the national article stays dropped.
        let relatedOnly = Comparator.compare(
            national: national, provincial: provincial,
            corrections: [.link(national: dropped, provincial: added, kind: .related)])
        XCTAssertTrue(relatedOnly.nationalOnly.contains(dropped))
        XCTAssertTrue(
            relatedOnly.links.contains { $0.national == dropped && $0.kind == .related && $0.source == .hand })
    }
}
