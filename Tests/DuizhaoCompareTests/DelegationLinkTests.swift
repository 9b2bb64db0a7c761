import DuizhaoCompare
import DuizhaoCore
import XCTest

/// The national delegation clause (`省、自治区、直辖市的人民代表大会常务委员会…制定实施办法`) is what the local
/// enactment clause (`…结合本省实际，制定本办法`) rests on: a `partial` link with both phrases as evidence, besides
/// the local clause's own link to the national purpose clause. A national text without such a clause links nothing
/// that way, and neither does a local article that does not enact the text.
final class DelegationLinkTests: XCTestCase {
    static let national = TestDocuments.law(
        "中华人民共和国河道示范法",
        [
            ["为了加强河道管理，保障防洪安全，发挥江河湖泊的综合效益，制定本法。"],
            ["河道管理实行按水系统一管理和分级管理相结合的原则。"],
            ["禁止在河道管理范围内建设妨碍行洪的建筑物、构筑物。"],
            ["省、自治区、直辖市的人民代表大会常务委员会可以根据本法，结合本行政区域的实际情况，制定实施办法。"],
        ])

    static let provincial = TestDocuments.law(
        "某省河道管理办法",
        [
            ["根据《中华人民共和国河道示范法》，结合本省实际，制定本办法。"],
            ["本省河道管理实行按水系统一管理和分级管理相结合的原则，县级以上人民政府水行政主管部门负责本行政区域的河道管理。"],
            ["禁止在河道管理范围内建设妨碍行洪的建筑物、构筑物，禁止倾倒垃圾、渣土。"],
        ])

    func testTheEnactmentClauseRestsOnTheDelegationClause() throws {
        let comparison = Comparator.compare(national: Self.national, provincial: Self.provincial)
        let delegation = try XCTUnwrap(
            comparison.links.first {
                $0.national == TestDocuments.id(4, in: Self.national)
                    && $0.provincial == TestDocuments.id(1, in: Self.provincial)
            }, "\(comparison.links)")
        XCTAssertEqual(delegation.kind, .partial)
        XCTAssertEqual(delegation.evidence.citations, ["制定实施办法 ↔ 制定本办法"])
        // Only the enactment clause rests on it.
        XCTAssertEqual(
            comparison.links.filter { $0.national == TestDocuments.id(4, in: Self.national) }.count, 1)
        XCTAssertFalse(comparison.nationalOnly.contains(TestDocuments.id(4, in: Self.national)))

        // Without the delegation clause, no such link.
        let withoutDelegation = TestDocuments.law(
            "中华人民共和国河道示范法", Array(Self.national.provisions.prefix(3).map(\.allParagraphs)))
        let plain = Comparator.compare(national: withoutDelegation, provincial: Self.provincial)
        XCTAssertFalse(plain.links.contains { $0.evidence.citations.contains { $0.contains("制定实施办法") } })
    }
}
