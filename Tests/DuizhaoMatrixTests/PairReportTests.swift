import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix
import DuizhaoTestSupport
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `duizhao compare --html`: the pair report parses, links only inside itself, and carries both documents'
/// provisions along the alignment, the counts and the dropped and provincial-only lists.
final class PairReportTests: XCTestCase {
    struct Report {
        let national: PolicyDocument
        let provincial: PolicyDocument
        let comparison: Comparison
        let page: String
        let collector: ReportCollector
    }

    func report(
        _ national: PolicyDocument, _ provincial: PolicyDocument, corrections: [AlignmentCorrection] = []
    ) throws -> Report {
        let comparison = Comparator.compare(national: national, provincial: provincial, corrections: corrections)
        let page = PairReportHTML.page(national: national, provincial: provincial, comparison: comparison)
        let collector = ReportCollector()
        let parser = XMLParser(data: Data(page.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "page is not well-formed: \(String(describing: parser.parserError))")
        return Report(
            national: national, provincial: provincial, comparison: comparison, page: page, collector: collector)
    }

    /// What every report must satisfy, whatever the pair.
    func checkSelfContainedAndComplete(_ report: Report) {
        let collector = report.collector
        XCTAssertFalse(
            ["http://", "https://", "<script", "<link", "<img", "src="].contains { report.page.contains($0) },
            "self-contained: no scripts and no external resources")
        XCTAssertEqual(collector.duplicateIDs, [], "ids are unique")
        for link in collector.links {
            XCTAssertTrue(link.hasPrefix("#"), "only links inside the page: \(link)")
            XCTAssertTrue(collector.ids.contains(String(link.dropFirst())), "dangling link \(link)")
        }
        // Every national provision has its place and a contents entry; its text is on the page.
        for unit in report.national.comparableUnits {
            let anchor = PairReportHTML.anchor(national: unit.id)
            XCTAssertTrue(collector.ids.contains(anchor), "national \(unit.id) has no place")
            XCTAssertTrue(collector.contentsLinks.contains("#" + anchor), "national \(unit.id) not in the contents")
        }
        // Every provincial provision is either linked beside a national one or in the provincial-only list, and
        // each of its sentences is on the page (inside the marked-up side-by-side cells: compared without tags).
        let text = collector.text
        let linked = Set(report.comparison.links.map(\.provincial))
        for unit in report.provincial.comparableUnits {
            XCTAssertTrue(
                linked.contains(unit.id) || report.comparison.provincialOnly.contains(unit.id),
                "provincial \(unit.id) neither linked nor provincial-only")
            for sentence in unit.allSentences.prefix(3) where linked.contains(unit.id) {
                XCTAssertTrue(text.contains(sentence), "provincial sentence missing: \(sentence)")
            }
        }
        // The counts are the comparison's.
        XCTAssertEqual(collector.counts["links"], "\(report.comparison.links.count)")
        XCTAssertEqual(collector.counts["national provisions dropped"], "\(report.comparison.nationalOnly.count)")
        XCTAssertEqual(collector.counts["provincial-only provisions"], "\(report.comparison.provincialOnly.count)")
        let changes = ChangeClassifier.counts(
            report.comparison.linkedPairs(national: report.national, provincial: report.provincial).flatMap(\.changes))
        for kind in ChangeKind.allCases {
            XCTAssertEqual(collector.counts[kind.rawValue], "\(changes[kind] ?? 0)", kind.rawValue)
        }
        // A provincial-only provision has its place along the alignment (linked from the list).
        for id in report.comparison.provincialOnly {
            let anchor = PairReportHTML.anchor(provincial: id)
            XCTAssertTrue(collector.ids.contains(anchor) && collector.links.contains("#" + anchor), id)
        }
        // The lists: one entry per dropped national and per provincial-only provision.
        XCTAssertEqual(collector.listItems["dropped"] ?? 0, report.comparison.nationalOnly.count)
        XCTAssertEqual(collector.listItems["provincial-only"] ?? 0, report.comparison.provincialOnly.count)
        // Each link's kind and its evidence, printed from the data.
        XCTAssertEqual(collector.linkParagraphs, report.comparison.links.count)
        for kind in Set(report.comparison.links.map(\.kind.rawValue)) {
            XCTAssertTrue(report.page.contains("<span class=\"link \(kind)\">\(kind)</span>"), kind)
        }
    }

    func testAHandLinkIsMarked() throws {
        let national = BundledDocument.national.load()
        let provincial = BundledDocument.provincial.load()
        let dropped = try XCTUnwrap(Comparator.compare(national: national, provincial: provincial).nationalOnly.first)
        let report = try report(
            national, provincial,
            corrections: [.link(national: dropped, provincial: provincial.provisions[0].id, kind: .partial)])
        checkSelfContainedAndComplete(report)
        XCTAssertEqual(report.page.components(separatedBy: "✎ by hand").count - 1, 1)
    }

    func testTheBundledPairsReport() throws {
        let report = try report(BundledDocument.national.load(), BundledDocument.provincial.load())
        checkSelfContainedAndComplete(report)
        XCTAssertGreaterThan(report.comparison.nationalOnly.count, 0, "the bundled pair drops national provisions")
        // The province's own addition in 提升网络安全保障水平, marked inserted and named by its kind.
        XCTAssertTrue(report.page.contains("<ins>充分利用哈尔滨工业大学"), "the addition is marked")
        XCTAssertTrue(report.page.contains("<span class=\"kind kind-added\">added</span>"))
        // The contents follow the national sections (一、 二、 …).
        XCTAssertTrue(report.collector.contentsText.contains("一、重要意义和总体要求"), report.collector.contentsText)
    }

    func testALawAndItsImplementingMeasuresByChapter() throws {
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/zhejiang-2020.md").path)
        let report = try report(national, provincial)
        checkSelfContainedAndComplete(report)
        // Chapters in the contents (第一章 总则 …), articles under them.
        let chapters = national.allDivisions.filter { $0.kind == .chapter }
        XCTAssertGreaterThan(chapters.count, 2)
        for chapter in chapters {
            XCTAssertTrue(report.collector.contentsText.contains(chapter.heading), chapter.heading)
        }
        XCTAssertGreaterThan(report.comparison.provincialOnly.count, 0, "a 实施办法 adds provisions of its own")
        // 第二条's duties went into 第八条's list: shown where they went (a link to that pair), not deleted.
        let duties = try XCTUnwrap(provincial.provisions.first { $0.label == "第八条" })
        XCTAssertTrue(
            report.page.contains("<td class=\"moved\">→ <a href=\"#\(PairReportHTML.anchor(provincial: duties.id))-"),
            "moved sentences point to 第八条")
        XCTAssertFalse(report.page.contains("<del>村民委员会办理本村的公共事务和公益事业，调解民间纠纷"))
    }
}

/// Collects what the report test checks: links, ids, the contents, the counts table, the lists' items, the link
/// paragraphs and the page's text.
final class ReportCollector: NSObject, XMLParserDelegate {
    var links: [String] = []
    var ids: Set<String> = []
    var duplicateIDs: [String] = []
    var contentsLinks: [String] = []
    var contentsText = ""
    var counts: [String: String] = [:]
    var listItems: [String: Int] = [:]
    var linkParagraphs = 0
    var text = ""
    private var stack: [(name: String, id: String?, classes: String?)] = []
    private var section: String?
    private var cell = ""
    private var countName: String?

    private var inContents: Bool { stack.contains { $0.id == "contents" } }
    private var inCounts: Bool { stack.contains { $0.name == "table" && ($0.classes ?? "").hasPrefix("counts") } }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append((name, attributes["id"], attributes["class"]))
        if let href = attributes["href"] {
            links.append(href)
            if inContents { contentsLinks.append(href) }
        }
        if let id = attributes["id"] {
            if ids.contains(id) { duplicateIDs.append(id) }
            ids.insert(id)
            if name == "section" { section = id }
        }
        if name == "li", let section, section == "dropped" || section == "provincial-only" {
            listItems[section, default: 0] += 1
        }
        if name == "p", attributes["class"] == "link" { linkParagraphs += 1 }
        if inCounts, name == "th" || name == "td" { cell = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if inContents { contentsText += string }
        if inCounts { cell += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if inCounts, name == "th" { countName = cell.trimmingCharacters(in: .whitespaces) }
        if inCounts, name == "td", let countName { counts[countName] = cell.trimmingCharacters(in: .whitespaces) }
        if name == "section" { section = nil }
        if !stack.isEmpty { stack.removeLast() }
    }
}
