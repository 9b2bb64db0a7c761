import DuizhaoCompare
import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

/// The alignment holds on reformatted versions of the same texts, on restructured documents, and gives no
/// links between unrelated documents — with the same fixed thresholds.
final class RobustnessTests: XCTestCase {
    let national = TestDocuments.national
    let provincial = TestDocuments.provincial
    lazy var reference = Comparator.compare(national: national, provincial: provincial)
    lazy var referenceTitledLinks = reference.titledLinks(national: national, provincial: provincial)

    // MARK: Reformatting

    /// 1 → 一, 18 → 十八 (up to 99).
    static func chineseNumber(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if value < 10 { return digits[value] }
        return (value / 10 == 1 ? "" : digits[value / 10]) + "十" + digits[value % 10]
    }

    /// Replaces every clause label at the start of a line (`4。`, `3.`) with `relabel(number within its section)`,
    /// as 公文 number their （一）（二） items afresh in each section.
    static func relabelClauses(_ text: String, _ relabel: (Int) -> String) -> String {
        let clause = try! NSRegularExpression(pattern: "^(\\s*)(\\d+)[。.](?!\\d)")
        let section = try! NSRegularExpression(pattern: "^\\s*[一二三四五六七八九十]+、")
        var numberInSection = 0
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            let range = NSRange(location: 0, length: (line as NSString).length)
            if section.firstMatch(in: line, range: range) != nil { numberInSection = 0 }
            guard let match = clause.firstMatch(in: line, range: range) else { return line }
            numberInSection += 1
            let source = line as NSString
            return source.substring(with: match.range(at: 1)) + relabel(numberInSection)
                + source.substring(from: match.range.location + match.range.length)
        }.joined(separator: "\n")
    }

    func assertSameLinks(
        national otherNational: PolicyDocument, provincial otherProvincial: PolicyDocument,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(
            otherNational.comparableUnits.count, national.comparableUnits.count, "national import", file: file,
            line: line)
        XCTAssertEqual(
            otherProvincial.comparableUnits.count, provincial.comparableUnits.count, "provincial import", file: file,
            line: line)
        let comparison = Comparator.compare(national: otherNational, provincial: otherProvincial)
        let titled = comparison.titledLinks(national: otherNational, provincial: otherProvincial)
        XCTAssertEqual(
            titled, referenceTitledLinks,
            "links differ: missing \(referenceTitledLinks.subtracting(titled)), extra \(titled.subtracting(referenceTitledLinks))",
            file: file, line: line)
        XCTAssertEqual(
            Set(comparison.nationalOnly.map(otherNational.unitTitle)),
            Set(reference.nationalOnly.map(national.unitTitle)), file: file, line: line)
        XCTAssertEqual(
            Set(comparison.provincialOnly.map(otherProvincial.unitTitle)),
            Set(reference.provincialOnly.map(provincial.unitTitle)), file: file, line: line)
    }

    func testOtherNumberingStylesGiveTheSameLinks() {
        // National clauses as （一）（二）… items, provincial clauses as 1、2、…, both numbered per section.
        let nationalText = Self.relabelClauses(BundledDocument.national.text) { "（\(Self.chineseNumber($0))）" }
        let provincialText = Self.relabelClauses(BundledDocument.provincial.text) { "\($0)、" }
        XCTAssertTrue(nationalText.contains("（一）拓展国际合作空间"))
        XCTAssertTrue(provincialText.contains("1、不断激发信息经济活力"))
        assertSameLinks(
            national: PolicyImporter.importText(nationalText, source: "test:national-items"),
            provincial: PolicyImporter.importText(provincialText, source: "test:provincial-dun"))
    }

    func testHardWrappedLinesGiveTheSameLinks() {
        let nationalText = TextReshaping.hardWrap(BundledDocument.national.text, width: 37)
        let provincialText = TextReshaping.hardWrap(BundledDocument.provincial.text, width: 41)
        XCTAssertGreaterThan(nationalText.split(separator: "\n").count, 100)
        assertSameLinks(
            national: PolicyImporter.importText(nationalText, source: "test:national-wrapped"),
            provincial: PolicyImporter.importText(provincialText, source: "test:provincial-wrapped"))
    }

    func testSwappedPunctuationWidthsGiveTheSameLinks() {
        let halfWidth: [(String, String)] = [("，", ","), ("；", ";"), ("：", ":"), ("（", "("), ("）", ")")]
        var nationalText = BundledDocument.national.text
        var provincialText = BundledDocument.provincial.text
        for (full, half) in halfWidth {
            nationalText = nationalText.replacingOccurrences(of: full, with: half)
            provincialText = provincialText.replacingOccurrences(of: half, with: full)
        }
        assertSameLinks(
            national: PolicyImporter.importText(nationalText, source: "test:national-halfwidth"),
            provincial: PolicyImporter.importText(provincialText, source: "test:provincial-fullwidth"))
    }

    func testGB18030FilesGiveTheSameLinks() throws {
        let directory = try TestDocuments.temporaryDirectory(for: self)
        var paths: [String] = []
        for document in BundledDocument.allCases {
            let gb = directory.appendingPathComponent("\(document.rawValue)-gb18030.txt")
            try GB18030.write(document.text, to: gb)
            let bytes = try Data(contentsOf: gb)
            XCTAssertNil(String(data: bytes, encoding: .utf8), "the converted file must not be valid UTF-8")
            paths.append(gb.path)
        }
        assertSameLinks(
            national: try PolicyImporter.importFile(at: paths[0]),
            provincial: try PolicyImporter.importFile(at: paths[1]))
    }

    /// The raw web captures the bundled texts were cleaned from (in Tests/Fixtures/seeds: a CSDN blog page and a news page with their navigation and footers) give the same links.
    func testRawWebCapturesGiveTheSameLinks() throws {
        let seeds = TestCorpus.seeds
        let nationalPath = seeds.appendingPathComponent("000_7383e359a54bc1c8.txt").path
        let provincialPath = seeds.appendingPathComponent("003_dfb45d2c94a8e8f4.txt").path
        let rawNational = try PolicyImporter.importFile(at: nationalPath)
        let rawProvincial = try PolicyImporter.importFile(at: provincialPath)
        assertSameLinks(national: rawNational, provincial: rawProvincial)
        XCTAssertEqual(
            Comparator.compare(national: rawNational, provincial: rawProvincial).linkTriples, reference.linkTriples)
    }

    // MARK: Restructuring

    static func clause(_ id: String, _ title: String, _ paragraphs: [String]) -> Division {
        let number = Int(id.split(separator: ".").last!)!
        return Division(
            id: id, kind: .clause, label: "\(number).", number: number, title: title, paragraphs: paragraphs)
    }

    static func section(_ number: Int, _ title: String, _ children: [Division]) -> Division {
        Division(
            id: "\(number)", kind: .section, label: "\(RobustnessTests.chineseNumber(number))、", number: number,
            title: title, children: children)
    }

    /// Merged, split, reordered and new clauses in a hand-built provincial document.
    func testMergesSplitsReorderingAndNewClauses() {
        func paragraphs(_ id: String) -> [String] { national.comparableUnits.first { $0.id == id }!.paragraphs }
        let economy = national.unitSentences("3.9").map(\.text)
        XCTAssertEqual(economy.count, 3)
        let agricultureClause = TestDocuments.agriculture.comparableUnits.first { $0.title.contains("技术创新") }!
        let restructured = PolicyDocument(
            title: "重组的实施方案",
            divisions: [
                Self.section(
                    1, "法治和安全",
                    [
                        // Reversed order relative to the national text.
                        Self.clause("1.1", "法治", paragraphs("6.24")),
                        Self.clause("1.2", "网络管理", paragraphs("4.17")),
                        Self.clause("1.3", "网络安全", paragraphs("4.14")),
                    ]),
                Self.section(
                    2, "发展",
                    [
                        // Two national clauses merged into one.
                        Self.clause("2.4", "市场准入和基础设施", paragraphs("2.4") + paragraphs("2.5")),
                        // One national clause split into two.
                        Self.clause("2.5", "信息经济政策", [economy[0]]),
                        Self.clause("2.6", "信息经济模式", [economy[1] + economy[2]]),
                        // The province's own clause (from an unrelated text).
                        Self.clause("2.7", agricultureClause.title, agricultureClause.paragraphs),
                    ]),
            ], source: "test:restructured")
        let comparison = Comparator.compare(national: national, provincial: restructured)
        XCTAssertEqual(
            comparison.linkTriples,
            [
                "6.24→1.1:match", "4.17→1.2:match", "4.14→1.3:match",
                "2.4→2.4:match", "2.5→2.4:match",
                // Split: the piece with two of its three sentences implements it, the other takes part of it.
                "3.9→2.5:partial", "3.9→2.6:match",
            ])
        XCTAssertEqual(comparison.provincialOnly, ["2.7"])
        let linkedNational = Set(["6.24", "4.17", "4.14", "2.4", "2.5", "3.9"])
        XCTAssertEqual(
            comparison.nationalOnly, national.comparableUnits.map(\.id).filter { !linkedNational.contains($0) })
        // The merged clause's sentences come from both national clauses.
        let sources = Set(
            comparison.provenance.filter { $0.provincial.division == "2.4" }.flatMap(\.sources).map(\.division))
        XCTAssertEqual(sources, ["2.4", "2.5"])
        XCTAssertEqual(comparison.provincialCoverage.first { $0.id == "2.7" }?.newShare, 1)
    }

    // MARK: Unrelated documents

    func testUnrelatedDocumentsGiveNoLinks() {
        let agriculture = TestDocuments.agriculture
        XCTAssertEqual(agriculture.comparableUnits.count, 10)
        // The agriculture text shares the titles 指导思想 and 基本原则 with both bundled documents: titles alone
        // must not link clauses.
        XCTAssertTrue(agriculture.comparableUnits.contains { $0.title == "指导思想" })
        for (first, second) in [(national, agriculture), (agriculture, provincial), (provincial, agriculture)] {
            let comparison = Comparator.compare(national: first, provincial: second)
            XCTAssertEqual(comparison.links, [], "\(first.title) vs \(second.title)")
            XCTAssertEqual(comparison.nationalOnly.count, first.comparableUnits.count)
            XCTAssertEqual(comparison.provincialOnly.count, second.comparableUnits.count)
            XCTAssert(comparison.provenance.allSatisfy { $0.sources.isEmpty })
            XCTAssert(comparison.nationalCoverage.allSatisfy { $0.status == .dropped && $0.carriedShare == 0 })
        }
    }

    func testADocumentComparedWithItselfLinksEveryClauseToItself() {
        // The counterpart of the test above: the same thresholds do link related text.
        let agriculture = TestDocuments.agriculture
        let comparison = Comparator.compare(national: agriculture, provincial: agriculture)
        XCTAssertEqual(comparison.linkTriples, Set(agriculture.comparableUnits.map { "\($0.id)→\($0.id):match" }))
        XCTAssert(comparison.nationalFates.values.allSatisfy { $0 == .carried })
    }

    func testEmptyAndUnstructuredDocuments() {
        let empty = PolicyDocument(title: "空", source: "test:empty")
        let nothing = Comparator.compare(national: empty, provincial: provincial)
        XCTAssertEqual(nothing.links, [])
        XCTAssertEqual(nothing.provincialOnly.count, 20)
        let both = Comparator.compare(national: empty, provincial: empty)
        XCTAssertEqual(both.links, [])
        XCTAssertEqual(both.provenance, [])
        // A document without numbering is one body unit; its text still finds the clauses it contains.
        let body = PolicyImporter.importText(
            "关于网络治理的若干要求\n" + national.unitSentences("4.16").map(\.text).joined() + "\n"
                + national.unitSentences("6.22").map(\.text).joined() + "\n",
            source: "test:body")
        XCTAssertEqual(body.comparableUnits.count, 1)
        let unstructured = Comparator.compare(national: national, provincial: body)
        let bodyID = body.comparableUnits[0].id
        XCTAssertEqual(comparisonLinks(unstructured), ["4.16→\(bodyID):match", "6.22→\(bodyID):match"])
    }

    func comparisonLinks(_ comparison: Comparison) -> Set<String> { comparison.linkTriples }
}
