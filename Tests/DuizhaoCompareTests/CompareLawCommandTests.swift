import DuizhaoCore
import Foundation
import XCTest

/// `duizhao compare` on a law and its implementing measures: provisions named by printed label and excerpt,
/// `--clause` by label in either numeral, ids and labels in the JSON.
extension CompareCommandTests {
    /// A law of 24 untitled articles in two chapters, and measures that carry each article with 本法 → 本办法.
    static func lawPair(in directory: URL) throws -> (national: String, provincial: String) {
        func text(title: String, act: String) -> String {
            var lines = [title, "", "第一章 总则", ""]
            for number in 1...24 {
                if number == 13 { lines += ["第二章 管理", ""] }
                let numeral =
                    number < 10
                    ? chinese[number] : (number >= 20 ? chinese[number / 10] : "") + "十" + chinese[number % 10]
                lines.append("第\(numeral)条 \(subjects[number % subjects.count])应当依照\(act)履行第\(number)项职责。")
                lines.append("")
            }
            return lines.joined(separator: "\n")
        }
        let national = directory.appendingPathComponent("law.md").path
        let provincial = directory.appendingPathComponent("measures.md").path
        try text(title: "某某管理法", act: "本法").write(toFile: national, atomically: true, encoding: .utf8)
        try text(title: "某某省实施《某某管理法》办法", act: "本办法").write(toFile: provincial, atomically: true, encoding: .utf8)
        return (national, provincial)
    }

    static let chinese = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let subjects = ["县级以上人民政府", "乡镇人民政府", "村民委员会", "有关部门", "登记机关"]

    func testTheTableNamesLawProvisionsByLabelAndExcerpt() throws {
        let pair = try Self.lawPair(in: try TestDocuments.temporaryDirectory(for: self))
        let result = try run(["compare", pair.national, pair.provincial])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("第三条 ") }, result.standardOutput)
        XCTAssertTrue(row.hasPrefix("第三条 有关部门应当依照本法履行"), row)
        XCTAssertTrue(row.contains("第三条 有关部门应当依照本办法"), row)
        XCTAssertTrue(row.contains("match"), row)
        XCTAssertEqual(lines.filter { $0.hasPrefix("第") && $0.contains("match") }.count, 24, "one row per article")
        XCTAssertFalse(
            lines.contains { $0.range(of: "^\\d+\\.\\d+ ", options: .regularExpression) != nil },
            "no internal ids: \(result.standardOutput)")
    }

    func testClauseAcceptsThePrintedLabelInEitherNumeral() throws {
        let pair = try Self.lawPair(in: try TestDocuments.temporaryDirectory(for: self))
        let byID = try run(["compare", pair.national, pair.provincial, "--clause", "2.24", "--width", "90"])
        XCTAssertEqual(byID.status, 0, byID.standardError)
        XCTAssertTrue(byID.standardOutput.hasPrefix("第二十四条 "), byID.standardOutput)
        for reference in ["第二十四条", "二十四", "24", "第24条", "p:第二十四条"] {
            let result = try run(["compare", pair.national, pair.provincial, "--clause", reference, "--width", "90"])
            XCTAssertEqual(result.status, 0, result.standardError)
            XCTAssertEqual(result.standardOutput, byID.standardOutput, reference)
        }
        let unknown = try run(["compare", pair.national, pair.provincial, "--clause", "第九十条"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(
            unknown.standardError.contains("law.md") && unknown.standardError.contains("'第九十条'"), unknown.standardError)
    }

    func testJSONKeepsIdsAndAddsLabels() throws {
        let pair = try Self.lawPair(in: try TestDocuments.temporaryDirectory(for: self))
        let result = try run(["compare", pair.national, pair.provincial, "--json"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let links = try XCTUnwrap(object["links"] as? [[String: Any]])
        let national = try XCTUnwrap(links.first?["national"] as? [String: Any])
        XCTAssertEqual(national["id"] as? String, "1.1")
        XCTAssertEqual(national["label"] as? String, "第一条")
        let coverage = try XCTUnwrap(object["coverage"] as? [[String: Any]])
        XCTAssertEqual(coverage.last?["label"] as? String, "第二十四条")
        XCTAssertEqual(coverage.last?["id"] as? String, "2.24")
    }

    func testAClauseWhoseLabelRepeatsIsNamedWithItsId() throws {
        let directory = try TestDocuments.temporaryDirectory(for: self)
        let path = directory.appendingPathComponent("notice.txt").path
        try """
        关于做好某项工作的意见
        一、总体要求
        1.指导思想。坚持稳中求进，推动高质量发展。
        2.基本原则。坚持问题导向，突出重点。
        二、重点任务
        1.完善制度。健全登记制度，规范办理流程。
        2.加强监管。强化事中事后监管，依法查处违法行为。
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["compare", path, path])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("1.完善制度 [2.1] ") && $0.components(separatedBy: "1.完善制度 [2.1]").count == 3 },
            result.standardOutput)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2.基本原则 [1.2] ") }, result.standardOutput)
    }
}
