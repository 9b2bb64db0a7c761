import DuizhaoCore
import DuizhaoMatrix
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class MatrixFormatTests: XCTestCase {
    func testJSONHasOneRowPerProvisionAndOneCellPerDocument() throws {
        let matrix = MatrixFixture.matrix()
        let object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(MatrixFormats.json(matrix).utf8)) as? [String: Any])
        let national = try XCTUnwrap(object["national"] as? [String: Any])
        XCTAssertEqual(national["title"] as? String, "关于加强农村公路养护工作的意见")
        XCTAssertEqual(national["file"] as? String, "national.txt")
        let documents = try XCTUnwrap(object["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["jurisdiction"] as? String }, ["江州", "云岭"])
        XCTAssertEqual(documents.map { $0["file"] as? String }, ["jiangzhou.txt", "yunling.txt"])
        let summary = try XCTUnwrap(documents[1]["summary"] as? [String: Any])
        XCTAssertEqual(summary["kept"] as? Int, 2)
        XCTAssertEqual(summary["dropped"] as? Int, 3)
        XCTAssertEqual(summary["additions"] as? Int, 2)
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 5)
        let kinds = rows.map { row in ((row["cells"] as? [[String: Any]]) ?? []).map { $0["kind"] as? String ?? "?" } }
        XCTAssertEqual(
            kinds,
            [
                ["match", "match"], ["match", "dropped"], ["match", "dropped"], ["dropped", "match"],
                ["dropped", "dropped"],
            ])
        XCTAssertEqual(rows.map { $0["survives"] as? Int }, [2, 1, 1, 1, 0])
        let firstRow = try XCTUnwrap(rows[0]["national"] as? [String: Any])
        XCTAssertEqual(firstRow["title"] as? String, "指导思想")
        let linked = try XCTUnwrap((rows[3]["cells"] as? [[String: Any]])?[1]["provincial"] as? [[String: Any]])
        XCTAssertEqual(linked.map { $0["title"] as? String }, ["加强资金保障"])
        let additions = try XCTUnwrap(object["additions"] as? [[String: Any]])
        XCTAssertEqual(additions.count, 1)
        // Documents are numbered from 1, as the Markdown and HTML `#` column numbers them.
        XCTAssertEqual(documents.map { $0["number"] as? Int }, [1, 2])
        XCTAssertEqual(additions[0]["documents"] as? [Int], [1, 2])
        XCTAssertEqual(additions[0]["jurisdictions"] as? [String], ["江州", "云岭"])
    }

    func testCSVIsRectangularAndQuotesFields() {
        // A chapter heading with a comma and quotes.
        let text = MatrixFixture.document(title: "意见", clauses: MatrixFixture.clauses)
            .replacingOccurrences(of: "一、总体要求", with: "一、总体\"要求\",原则")
        let national = PolicyImporter.importText(text, source: "n.txt")
        let matrix = AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [MatrixFixture.city]))
        let lines = MatrixFormats.csv(matrix).components(separatedBy: "\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 1 + 5)
        XCTAssertEqual(lines[0], "id,label,title,chapter,survives,江州,江州 carried,江州 source")
        XCTAssertTrue(lines[1].hasPrefix("1.1,1.,指导思想,\"总体\"\"要求\"\",原则\",1,match,1.000,auto"), lines[1])
        XCTAssertTrue(lines[5].hasSuffix(",0,dropped,0.000,"), lines[5])
    }

    func testCSVNeutralisesFormulasFromTheDocuments() {
        // A chapter title a spreadsheet would run as a formula: prefixed with ' (and quoted for its comma).
        let text = MatrixFixture.document(title: "意见", clauses: MatrixFixture.clauses)
            .replacingOccurrences(of: "一、总体要求", with: "一、=HYPERLINK(\"http://x\",\"要求\")")
        let national = PolicyImporter.importText(text, source: "n.txt")
        let matrix = AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [MatrixFixture.city]))
        let lines = MatrixFormats.csv(matrix).components(separatedBy: "\n").filter { !$0.isEmpty }
        XCTAssertTrue(
            lines[1].hasPrefix("1.1,1.,指导思想,\"'=HYPERLINK(\"\"http://x\"\",\"\"要求\"\")\",1,"), lines[1])
        for line in lines {
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                XCTAssertFalse(field.first.map { "=+-@".contains($0) } ?? false, line)
            }
        }
    }

    func testCSVFieldNeutralisesEveryFormulaStart() {
        XCTAssertEqual(CSVField.encode("=1+2"), "'=1+2")
        XCTAssertEqual(CSVField.encode("+86 10"), "'+86 10")
        XCTAssertEqual(CSVField.encode("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0")
        XCTAssertEqual(CSVField.encode("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVField.encode("=A1,B1"), "\"'=A1,B1\"")
        // Made visible first: a leading tab is no longer a tab, and text that only contains = is left alone.
        XCTAssertFalse(CSVField.encode("\t=1").contains("\t"))
        XCTAssertEqual(CSVField.encode("a=b"), "a=b")
        XCTAssertEqual(CSVField.encode("0.500"), "0.500")
        XCTAssertEqual(CSVField.line(["1.1", "@x", "y"]), "1.1,'@x,y")
    }

    func testMarkdownShowsMarksAndSanitisesText() {
        var city = MatrixFixture.city
        city.title = "江州市\u{1B}[31m实施意见"
        let matrix = AdoptionMatrix(
            national: MatrixFixture.national,
            columns: MatrixComputation.columns(
                national: MatrixFixture.national, documents: [city, MatrixFixture.province]))
        let text = MatrixFormats.markdown(matrix)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertTrue(text.contains("江州市^[[31m实施意见"))
        XCTAssertTrue(text.contains("| provision | 江州 | 云岭 | survives |"))
        XCTAssertTrue(text.contains("| 1. 指导思想 | ✓ 100% | ✓ 100% | 2/2 |"), text)
        XCTAssertTrue(text.contains("| 5. 推进养护市场化 | ✗ | ✗ | 0/2 |"), text)
        XCTAssertTrue(text.contains("**二、 主要任务**"))
        XCTAssertTrue(text.contains("日常巡查制度"))
    }

    func testHTMLParsesAndEveryCellLinksToItsDifferences() throws {
        let matrix = MatrixFixture.matrix()
        let page = MatrixHTML.page(matrix)
        XCTAssertFalse(page.contains("http://") || page.contains("https://") || page.contains("<script"))
        let collector = HTMLCollector()
        let parser = XMLParser(data: Data(page.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "page is not well-formed: \(String(describing: parser.parserError))")
        // Every cell of the matrix links to an element of the page; one link per provision and document.
        let cellLinks = collector.links.filter { $0.hasPrefix("#pair-") }
        XCTAssertEqual(cellLinks.count, matrix.provisions.count * matrix.columns.count)
        for link in collector.links where link.hasPrefix("#") {
            XCTAssertTrue(collector.ids.contains(String(link.dropFirst())), "dangling link \(link)")
        }
        // The matrix table: one row per provision plus one per chapter, cells coloured by kind.
        XCTAssertEqual(collector.matrixBodyRows, matrix.provisions.count + 2)
        XCTAssertEqual(collector.cellClasses.filter { $0 == "match" }.count, 5)
        XCTAssertEqual(collector.cellClasses.filter { $0 == "dropped" }.count, 5)
        // The dropped clause's differences show its national text deleted; the added rule appears inserted.
        XCTAssertTrue(page.contains("<del>鼓励通过政府购买服务方式"))
        XCTAssertTrue(page.contains("<ins>本市建立农村公路日常巡查制度"))
    }

    func testHTMLEscapesMarkupAndControls() {
        XCTAssertEqual(MatrixHTML.escape("<a href=\"x\">&'\u{1B}"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\u{FFFD}")
        XCTAssertEqual(MatrixHTML.escape("通知\u{202E}fdp.exe\u{2066}"), "通知\u{FFFD}fdp.exe\u{FFFD}")
    }

    func testBidiControlsNeverReachTheHTMLTitleOrTheJSON() throws {
        var national = MatrixFixture.national
        national.title = "关于\u{202E}养护\u{202C}的意见"
        let matrix = AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [MatrixFixture.city]))
        let page = MatrixHTML.page(matrix)
        XCTAssertFalse(page.unicodeScalars.contains { TerminalSafeText.isBidiControl($0) })
        XCTAssertTrue(page.contains("<title>关于\u{FFFD}养护\u{FFFD}的意见"), String(page.prefix(400)))
        let json = try MatrixFormats.json(matrix)
        XCTAssertFalse(json.unicodeScalars.contains { TerminalSafeText.isBidiControl($0) })
        XCTAssertTrue(json.contains("\\u202e"))
    }
}

/// Collects what the HTML test checks: link targets, ids, the matrix body's rows and its cell classes.
final class HTMLCollector: NSObject, XMLParserDelegate {
    var links: [String] = []
    var ids: Set<String> = []
    var matrixBodyRows = 0
    var cellClasses: [String] = []
    private var inMatrix = false
    private var inBody = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if let href = attributes["href"] { links.append(href) }
        if let id = attributes["id"] { ids.insert(id) }
        if name == "table" { inMatrix = attributes["class"] == "matrix" }
        if inMatrix && name == "tbody" { inBody = true }
        if inMatrix && inBody && name == "tr" { matrixBodyRows += 1 }
        if inMatrix && inBody && name == "td", let cellClass = attributes["class"], cellClass != "survives" {
            cellClasses.append(cellClass)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "tbody" { inBody = false }
        if name == "table" { inMatrix = false }
    }
}
