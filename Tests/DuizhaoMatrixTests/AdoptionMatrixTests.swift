import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix
import DuizhaoTestSupport
import Foundation
import XCTest

/// A national document and two implementations written for these tests: what each keeps, drops and adds is known
/// by construction.
enum MatrixFixture {
    static let clauses = RoadMaintenanceFixture.clauses

    /// `clauses` then `extra`, numbered 1. … under two sections (1–2, 3 on), after a title line.
    static func document(title: String, clauses: [String], extra: [String] = []) -> String {
        RoadMaintenanceFixture.text(title: title, clauses: clauses + extra)
    }

    static let national = RoadMaintenanceFixture.national

    /// Keeps clauses 1–3, drops 4 and 5, adds a patrol rule (worded for a city).
    static let city = PolicyImporter.importText(
        document(
            title: "江州市关于加强农村公路养护工作的实施意见", clauses: Array(clauses[0...2]),
            extra: ["建立巡查制度。本市建立农村公路日常巡查制度，乡镇人民政府每月组织一次全面巡查并向社会公布巡查结果。"]),
        source: "jiangzhou.txt")

    /// Keeps clauses 1 and 4, drops 2, 3 and 5, adds the same patrol rule (worded for a province) and a rule of its own.
    static let province = PolicyImporter.importText(
        document(
            title: "云岭省实施《关于加强农村公路养护工作的意见》办法", clauses: [clauses[0], clauses[3]],
            extra: [
                "建立巡查制度。本省建立农村公路日常巡查制度，乡镇人民政府每月组织一次全面巡查并向社会公布巡查结果。",
                "鼓励群众监督。设立农村公路养护举报电话，对查证属实的举报给予适当奖励，奖励办法由交通部门另行制定。",
            ]),
        source: "yunling.txt")

    static func matrix() -> AdoptionMatrix {
        AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [city, province]))
    }
}

final class AdoptionMatrixTests: XCTestCase {
    func testRowsAreTheNationalProvisionsWithTheirChapters() {
        let matrix = MatrixFixture.matrix()
        XCTAssertEqual(matrix.provisions.count, MatrixFixture.clauses.count)
        XCTAssertEqual(matrix.provisions.map(\.id), MatrixFixture.national.provisions.map(\.id))
        XCTAssertEqual(matrix.provisions.map { $0.chapter?.title }, ["总体要求", "总体要求", "主要任务", "主要任务", "主要任务"])
        XCTAssertEqual(matrix.columns.map(\.jurisdiction), ["江州", "云岭"])
    }

    func testCellsFollowWhatEachImplementationKept() {
        let matrix = MatrixFixture.matrix()
        XCTAssertEqual(matrix.columns[0].cells.map(\.kind), [.match, .match, .match, .dropped, .dropped])
        XCTAssertEqual(matrix.columns[1].cells.map(\.kind), [.match, .dropped, .dropped, .match, .dropped])
        XCTAssertEqual(matrix.survivalCounts, [2, 1, 1, 1, 0])
        // A verbatim clause is carried whole and linked with the provincial clause at the same place.
        XCTAssertEqual(matrix.columns[1].cells[3].carried, 1, accuracy: 1e-9)
        XCTAssertEqual(matrix.columns[1].cells[3].provincial, [MatrixFixture.province.provisions[1].id])
        XCTAssertEqual(matrix.columns[0].cells[4].provincial, [])
    }

    func testAProvisionKeptByCitingItIsMarkedByReferenceNotZeroPercent() throws {
        let national = PolicyImporter.importText(
            """
            中华人民共和国示范管理法
            第一条　为了规范示范区的设立和管理，促进示范区健康发展，根据宪法，制定本法。
            第二条　示范区管理委员会由主任、副主任和委员共五至九人组成，任期五年。
            第三条　设立示范区应当编制建设规划，报省级人民政府批准后公布实施。
            """, source: "law.txt")
        let local = PolicyImporter.importText(
            """
            某省实施《中华人民共和国示范管理法》办法
            第一条　为了规范示范区的设立和管理，促进示范区健康发展，结合本省实际，制定本办法。
            第二条　本省各园区领导机构的人数与届期，依照《中华人民共和国示范管理法》第二条的规定执行。
            """, source: "local.txt")
        let matrix = AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [local]))
        let cells = matrix.columns[0].cells
        XCTAssertEqual(cells.map(\.kind), [.match, .match, .dropped])
        XCTAssertEqual(cells.map(\.byReference), [false, true, false], "only the cited article, carrying nothing")
        XCTAssertEqual(cells[1].carried, 0)
        XCTAssertGreaterThan(cells[0].carried, 0)
        let markdown = MatrixFormats.markdown(matrix)
        XCTAssertTrue(markdown.contains("| ✓ ref |"), markdown)
        XCTAssertFalse(markdown.contains("✓ 0%"), markdown)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(MatrixFormats.json(matrix).utf8)) as? [String: Any])
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        XCTAssertEqual(
            rows.compactMap { ($0["cells"] as? [[String: Any]])?.first?["byReference"] as? Bool }, [false, true, false])
        XCTAssertTrue(MatrixHTML.page(matrix).contains(">✓ ref</a>"))
    }

    func testSummariesCountKeptDroppedAndNewText() {
        let matrix = MatrixFixture.matrix()
        let city = matrix.columns[0].summary
        let province = matrix.columns[1].summary
        XCTAssertEqual([city.kept, city.partly, city.dropped, city.additions], [3, 0, 2, 1])
        XCTAssertEqual([province.kept, province.partly, province.dropped, province.additions], [2, 0, 3, 2])
        // New text: the added clauses' sentences against all sentences of the implementation.
        func share(_ document: PolicyDocument, newClauses: Int) -> Double {
            let units = document.provisions
            let length = { (unit: Division) in unit.sentences.map(\.count).reduce(0, +) }
            return Double(units.suffix(newClauses).map(length).reduce(0, +)) / Double(units.map(length).reduce(0, +))
        }
        XCTAssertEqual(city.newShare, share(MatrixFixture.city, newClauses: 1), accuracy: 1e-9)
        XCTAssertEqual(province.newShare, share(MatrixFixture.province, newClauses: 2), accuracy: 1e-9)
        XCTAssertEqual(city.coverage, 3.0 / 5.0, accuracy: 1e-9)
    }

    func testTheNationalDocumentAgainstItselfKeepsEverything() {
        let national = MatrixFixture.national
        let matrix = AdoptionMatrix(
            national: national, columns: MatrixComputation.columns(national: national, documents: [national]))
        let summary = matrix.columns[0].summary
        XCTAssertEqual([summary.kept, summary.partly, summary.dropped, summary.additions], [5, 0, 0, 0])
        XCTAssertEqual(summary.newShare, 0)
        XCTAssertEqual(summary.coverage, 1, accuracy: 1e-9)
        XCTAssertEqual(matrix.sharedAdditions, [])
    }

    func testEachColumnIsThePairwiseComparison() {
        let matrix = MatrixFixture.matrix()
        for (column, document) in zip(matrix.columns, [MatrixFixture.city, MatrixFixture.province]) {
            let pairwise = Comparator.compare(national: MatrixFixture.national, provincial: document)
            XCTAssertEqual(column.comparison.links, pairwise.links)
            XCTAssertEqual(column.comparison.provincialOnly, pairwise.provincialOnly)
            XCTAssertEqual(column.comparison.provenance, pairwise.provenance)
        }
    }

    func testTheSameAdditionInTwoImplementationsIsShared() {
        let matrix = MatrixFixture.matrix()
        XCTAssertEqual(matrix.sharedAdditions.count, 1)
        let shared = matrix.sharedAdditions[0]
        XCTAssertEqual(shared.columns, [0, 1])
        XCTAssertTrue(shared.text.contains("本市建立农村公路日常巡查制度"), shared.text)
        XCTAssertEqual(Set(shared.occurrences.map(\.column)), [0, 1])
        XCTAssertTrue(shared.occurrences.allSatisfy { $0.text.contains("日常巡查制度") })
        // The province's own rule is new text but shared with nobody.
        XCTAssertFalse(matrix.sharedAdditions.contains { $0.text.contains("举报电话") })
    }

    func testUnrelatedNewTextIsNotShared() {
        let other = PolicyImporter.importText(
            MatrixFixture.document(
                title: "江州市实施意见", clauses: [MatrixFixture.clauses[0]],
                extra: ["加强养护队伍建设。定期组织养护人员技术培训，提高机械化养护作业能力和应急抢通水平。"]),
            source: "other.txt")
        let matrix = AdoptionMatrix(
            national: MatrixFixture.national,
            columns: MatrixComputation.columns(
                national: MatrixFixture.national, documents: [other, MatrixFixture.province]))
        XCTAssertEqual(matrix.sharedAdditions, [])
    }

    func testParallelColumnsFromFilesKeepArgumentOrderAndNameBadFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for index in 0..<6 {
            let path = directory.appendingPathComponent("doc\(index).txt").path
            let document = index % 2 == 0 ? MatrixFixture.city : MatrixFixture.province
            let text = MatrixFixture.document(
                title: document.title, clauses: document.provisions.map { $0.title + "。" + $0.paragraphs.joined() })
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let matrix = try MatrixComputation.matrix(national: MatrixFixture.national, files: files)
        XCTAssertEqual(matrix.columns.map(\.document.source), files)
        XCTAssertEqual(matrix.columns.map(\.jurisdiction), ["江州", "云岭", "江州", "云岭", "江州", "云岭"])

        let empty = directory.appendingPathComponent("empty.txt").path
        try "  \n".write(toFile: empty, atomically: true, encoding: .utf8)
        let missing = directory.appendingPathComponent("missing.txt").path
        XCTAssertThrowsError(
            try MatrixComputation.matrix(national: MatrixFixture.national, files: [files[0], empty, missing])
        ) { error in
            let failures = (error as? MatrixError)?.failures ?? []
            XCTAssertEqual(failures.map(\.path), [empty, missing])
            XCTAssertTrue("\(error)".contains("empty.txt"))
        }
    }
}
