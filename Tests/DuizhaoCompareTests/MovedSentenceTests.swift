import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import XCTest

/// A national article whose sentences a province moved into another article (村民委员会组织法 第二条 款2–3 → 浙江
/// 第八条, a list of the committee's duties): the pair with the article that kept the rest shows where they went,
/// not that they were deleted; the pair with the article they went to reports no `actor` change for the subject
/// the list's lead-in names (村民委员会的主要职责：办理…).
final class MovedSentenceTests: XCTestCase {
    func documents() throws -> (national: PolicyDocument, provincial: PolicyDocument) {
        (
            try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path),
            try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/zhejiang-2020.md").path)
        )
    }

    func provision(_ label: String, in document: PolicyDocument) throws -> Division {
        try XCTUnwrap(document.provisions.first { $0.label == label }, label)
    }

    func testMovedSentencesPointToWhereTheyWent() throws {
        let (national, provincial) = try documents()
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let nationalArticle = try provision("第二条", in: national)
        let kept = try provision("第二条", in: provincial)
        let duties = try provision("第八条", in: provincial)
        let links = comparison.provincialLinks(ofNational: nationalArticle.id)
        XCTAssertEqual(Set(links.map(\.provincial)), [kept.id, duties.id])
        let pairs = comparison.linkedPairs(national: national, provincial: provincial)
        let keptPair = try XCTUnwrap(
            pairs.first { $0.link.national == nationalArticle.id && $0.link.provincial == kept.id })
        let moved = keptPair.rows.filter { !$0.movedTo.isEmpty }
        XCTAssertEqual(moved.count, 2, "款2 and 款3 went to 第八条: \(keptPair.rows.map(\.nationalText))")
        XCTAssertTrue(moved.allSatisfy { $0.movedTo == [duties.id] && $0.provincial == nil })
        XCTAssertTrue(moved[0].nationalText.hasPrefix("村民委员会办理本村的公共事务"))
        XCTAssertFalse(keptPair.changes.contains { $0.kind == .deleted }, "\(keptPair.changes)")

        let dutiesPair = try XCTUnwrap(
            pairs.first { $0.link.national == nationalArticle.id && $0.link.provincial == duties.id })
        XCTAssertFalse(dutiesPair.changes.contains { $0.kind == .actor }, "\(dutiesPair.changes)")
        // A sentence really dropped everywhere is still deleted, and an actor really changed is still one.
        XCTAssertTrue(
            pairs.flatMap(\.rows).contains { $0.provincial == nil && $0.movedTo.isEmpty && !$0.changes.isEmpty })
    }

    func testCompareClauseSaysWhereTheSentencesWent() throws {
        let result = try runProcess(
            try BuiltBinary.duizhao(),
            [
                "compare", TestCorpus.url("cunweihui/national.md").path,
                TestCorpus.url("cunweihui/zhejiang-2020.md").path, "--clause", "第二条",
            ])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("→ 第八条"), result.standardOutput)
        XCTAssertTrue(result.standardOutput.contains("[moved to 第八条"), result.standardOutput)
        XCTAssertFalse(result.standardOutput.contains("[deleted: -村民委员会办理本村"), result.standardOutput)
        XCTAssertFalse(result.standardOutput.contains("[actor: -村民委员会-]"), result.standardOutput)
    }
}
