import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix
import Foundation
import XCTest

/// `matrix --links-csv`: one row per link, dropped and new provision; RFC 4180; safe in spreadsheets.
final class LinksCSVTests: XCTestCase {
    /// Splits RFC 4180 text (CRLF records, quoted fields with doubled quotes) into records of fields.
    func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.append(character)
            }
        }
        XCTAssertTrue(record.isEmpty && field.isEmpty, "the text ends with a record's CRLF")
        return records
    }

    func testEveryLinkDroppedAndNewProvisionIsARowWithItsSource() throws {
        let matrix = MatrixFixture.matrix()
        let records = parse(LinksCSV.text(matrix))
        XCTAssertEqual(records.first, LinksCSV.header)
        XCTAssertEqual(
            LinksCSV.header.joined(separator: ","),
            "national_file,national_label,national_title,document_file,jurisdiction,date,provincial_label,kind,source,score,carried,changes,evidence"
        )
        let rows = records.dropFirst()
        XCTAssertTrue(rows.allSatisfy { $0.count == LinksCSV.header.count })
        for column in matrix.columns {
            let mine = rows.filter { $0[3] == column.document.source }
            XCTAssertEqual(mine.filter { $0[7] == "dropped" }.count, column.comparison.nationalOnly.count)
            XCTAssertEqual(mine.filter { $0[7] == "new" }.count, column.comparison.provincialOnly.count)
            XCTAssertEqual(mine.filter { !["dropped", "new"].contains($0[7]) }.count, column.comparison.links.count)
            XCTAssertTrue(mine.allSatisfy { $0[4] == column.jurisdiction })
        }
        XCTAssertTrue(rows.filter { !["dropped", "new"].contains($0[7]) }.allSatisfy { $0[8] == "auto" })
    }

    func testAHandLinkIsMarkedAndARejectedLinkIsGone() throws {
        let national = MatrixFixture.national
        let city = MatrixFixture.city
        let plain = MatrixComputation.columns(national: national, documents: [city])[0]
        let machine = try XCTUnwrap(plain.comparison.links.first)
        let dropped = try XCTUnwrap(plain.comparison.nationalOnly.first)
        let spare = try XCTUnwrap(plain.comparison.links.last?.provincial)
        let corrections: [AlignmentCorrection] = [
            .rejection(national: machine.national, provincial: machine.provincial),
            .link(national: dropped, provincial: spare, kind: .partial),
        ]
        let columns = MatrixComputation.columns(
            national: national, documents: [city], corrections: { _ in corrections })
        let matrix = AdoptionMatrix(national: national, columns: columns)
        let rows = parse(LinksCSV.text(matrix)).dropFirst()
        let label = { (id: String) in national.division(id: id)?.label ?? "" }
        let provincialLabel = { (id: String) in city.division(id: id)?.label ?? "" }
        XCTAssertFalse(
            rows.contains { $0[1] == label(machine.national) && $0[6] == provincialLabel(machine.provincial) })
        let hand = rows.filter { $0[8] == "hand" }
        XCTAssertEqual(hand.count, 1)
        XCTAssertEqual(hand.first?[1], label(dropped))
        XCTAssertEqual(hand.first?[6], provincialLabel(spare))
        XCTAssertEqual(hand.first?[7], "partial")
        let row = try XCTUnwrap(matrix.provisions.firstIndex { $0.id == dropped })
        XCTAssertTrue(columns[0].cells[row].hand)
        XCTAssertTrue(MatrixFormats.markdown(matrix).contains("✎"))
        XCTAssertFalse(MatrixFormats.markdown(AdoptionMatrix(national: national, columns: [plain])).contains("✎"))
    }

    func testFormulaCellsAreNeutralisedAndFieldsQuoted() {
        XCTAssertEqual(CSVField.encode("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(CSVField.encode("+1"), "'+1")
        XCTAssertEqual(CSVField.encode("-1"), "'-1")
        XCTAssertEqual(CSVField.encode("@cmd"), "'@cmd")
        XCTAssertEqual(CSVField.encode("第一条"), "第一条")
        XCTAssertEqual(CSVField.encode(""), "")
        // A document whose title and file name begin with formula characters and hold commas and quotes.
        let text = MatrixFixture.document(title: "意见", clauses: MatrixFixture.clauses)
            .replacingOccurrences(of: "指导思想", with: "=HYPERLINK(\"x\",\"y\")")
        let national = PolicyImporter.importText(text, source: "@national,\"v2\".txt")
        let matrix = AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [MatrixFixture.city]))
        let records = parse(LinksCSV.text(matrix))
        let first = records[1]
        XCTAssertEqual(first[0], "'@national,\"v2\".txt")
        XCTAssertEqual(first[2], "'=HYPERLINK(\"x\",\"y\")")
    }
}
