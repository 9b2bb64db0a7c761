import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix
import DuizhaoTestSupport
import Foundation
import XCTest

/// The matrix over the real laws in `Tests/Fixtures/corpus`: a national law with six and one with four implementations.
final class CorpusMatrixTests: XCTestCase {
    static let corpus = TestCorpus.corpus

    /// Implementations of a corpus law, by file name, and the matrix over them.
    func matrix(_ law: String) throws -> (files: [String], national: String, matrix: AdoptionMatrix) {
        let directory = Self.corpus.appendingPathComponent(law)
        let national = directory.appendingPathComponent("national.md").path
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".md") && $0 != "national.md" }.sorted()
            .map { directory.appendingPathComponent($0).path }
        let nationalDocument = try PolicyImporter.importFile(at: national)
        return (files, national, try MatrixComputation.matrix(national: nationalDocument, files: files))
    }

    /// Articles counted straight from the markdown: lines starting 第…条 (an article's number, then a space).
    func articleCount(_ path: String) throws -> Int {
        let numerals = Set("零一二三四五六七八九十百千")
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { line in
            guard line.hasPrefix("第"), let end = line.firstIndex(of: "条") else { return false }
            let number = line[line.index(after: line.startIndex)..<end]
            return !number.isEmpty && number.allSatisfy(numerals.contains)
                && line[line.index(after: end)...].first.map { $0 == " " || $0 == "\u{3000}" } ?? true
        }.count
    }

    /// The jurisdiction of each corpus file, known from its name.
    static let places = [
        "beijing": "北京", "chongqing": "重庆", "henan": "河南", "shandong": "山东", "shanghai": "上海",
        "zhejiang": "浙江",
    ]

    func checkLaw(_ law: String, implementations: Int) throws {
        let (files, national, matrix) = try matrix(law)
        XCTAssertEqual(files.count, implementations)
        XCTAssertEqual(matrix.columns.count, implementations)
        XCTAssertEqual(matrix.provisions.count, try articleCount(national), law)
        XCTAssertEqual(
            matrix.columns.map(\.jurisdiction),
            files.map { Self.places[String(($0 as NSString).lastPathComponent.split(separator: "-")[0])] })
        XCTAssertTrue(matrix.provisions.allSatisfy { $0.chapter != nil }, "every article of \(law) is in a chapter")

        var survival = Array(repeating: 0, count: matrix.provisions.count)
        for (column, file) in zip(matrix.columns, files) {
            // The column is the pairwise comparison, made again here.
            let document = try PolicyImporter.importFile(at: file)
            let pairwise = Comparator.compare(national: matrix.national, provincial: document)
            XCTAssertEqual(column.comparison.links, pairwise.links, file)
            XCTAssertEqual(column.comparison.provenance, pairwise.provenance, file)
            XCTAssertEqual(column.comparison.provincialOnly, pairwise.provincialOnly, file)
            // Each cell follows the links of its national provision.
            for (row, provision) in matrix.provisions.enumerated() {
                let links = pairwise.implementingLinks.filter { $0.national == provision.id }
                let expected: CellKind =
                    links.contains { $0.kind == .match } ? .match : links.isEmpty ? .dropped : .partial
                XCTAssertEqual(column.cells[row].kind, expected, "\(file) \(provision.label)")
                XCTAssertEqual(
                    Set(column.cells[row].provincial), Set(links.map(\.provincial)), "\(file) \(provision.label)")
                if !links.isEmpty { survival[row] += 1 }
            }
            // The summary counts the cells; the additions are the provincial provisions nothing links to.
            let summary = column.summary
            XCTAssertEqual(summary.kept + summary.partly + summary.dropped, matrix.provisions.count)
            XCTAssertEqual(
                summary.dropped,
                matrix.provisions.filter { id in !pairwise.implementingLinks.contains { $0.national == id.id } }.count)
            let linked = Set(pairwise.implementingLinks.map(\.provincial))
            XCTAssertEqual(summary.additions, document.provisions.filter { !linked.contains($0.id) }.count, file)
            // Added provisions are new text through and through, so they bound the share of new text from below.
            let length = { (division: Division) in division.allSentences.map(\.count).reduce(0, +) }
            let total = document.provisions.map(length).reduce(0, +)
            let added = document.provisions.filter { !linked.contains($0.id) }.map(length).reduce(0, +)
            XCTAssertGreaterThanOrEqual(summary.newShare, Double(added) / Double(total) - 1e-9, file)
            XCTAssertLessThan(summary.newShare, 1, file)
            XCTAssertGreaterThan(summary.kept, 0, file)
        }
        XCTAssertEqual(matrix.survivalCounts, survival)
    }

    func testVillageCommitteeLawWithSixImplementations() throws {
        try checkLaw("cunweihui", implementations: 6)
    }

    func testAgriculturalExtensionLawWithFourImplementations() throws {
        try checkLaw("nongjituiguang", implementations: 4)
    }

    func testSharedAdditionsAreNewTextInEveryImplementationSharingThem() throws {
        let (_, _, matrix) = try matrix("cunweihui")
        XCTAssertFalse(matrix.sharedAdditions.isEmpty, "implementations of one law share some new text")
        for addition in matrix.sharedAdditions {
            XCTAssertGreaterThanOrEqual(addition.columns.count, 2)
            XCTAssertEqual(addition.columns, Array(Set(addition.occurrences.map(\.column))).sorted())
            for occurrence in addition.occurrences {
                let provenance = matrix.columns[occurrence.column].comparison.provenance
                let entry = provenance.first { $0.provincial == occurrence.sentence }
                XCTAssertEqual(entry?.sources, [], "\(occurrence.text) has a national source")
            }
        }
        // Most widely shared first.
        let widths = matrix.sharedAdditions.map(\.columns.count)
        XCTAssertEqual(widths, widths.sorted(by: >))
    }
}
