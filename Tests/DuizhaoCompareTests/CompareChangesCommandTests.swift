import DuizhaoCompare
import DuizhaoCore
import Foundation
import XCTest

/// The change kinds in `duizhao compare`: the JSON's changes and counts, the table's column and summary.
extension CompareCommandTests {
    func testJSONCarriesEveryChangeWithItsKindAndCounts() throws {
        let result = try run(["compare", "--json"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let kinds = Set(ChangeKind.allCases.map(\.rawValue))
        let documentCounts = try XCTUnwrap(object["changeCounts"] as? [String: Int])
        XCTAssertEqual(Set(documentCounts.keys), kinds)
        let links = try XCTUnwrap(object["links"] as? [[String: Any]])
        var summed: [String: Int] = [:]
        var localized: [String] = []
        let provincial = TestDocuments.provincial
        let national = TestDocuments.national
        for link in links {
            let counts = try XCTUnwrap(link["changeCounts"] as? [String: Int])
            let changes = try XCTUnwrap(link["changes"] as? [[String: Any]])
            XCTAssertEqual(Set(counts.keys), kinds)
            for kind in kinds {
                XCTAssertEqual(counts[kind], changes.filter { $0["kind"] as? String == kind }.count, kind)
            }
            for (kind, count) in counts { summed[kind, default: 0] += count }
            for change in changes {
                let kind = try XCTUnwrap(change["kind"] as? String)
                let nationalText = try XCTUnwrap(change["national"] as? String)
                let provincialText = try XCTUnwrap(change["provincial"] as? String)
                XCTAssertTrue(kinds.contains(kind))
                XCTAssertFalse(nationalText.isEmpty && provincialText.isEmpty)
                if kind == "added" { XCTAssertEqual(nationalText, "") }
                if kind == "deleted" { XCTAssertEqual(provincialText, "") }
                if kind == "localized" { localized.append("\(nationalText)→\(provincialText)") }
                // The change's text is where its offset says, in the sentence(s) it names.
                if let ref = change["provincialSentence"] as? [String: Any], !provincialText.isEmpty {
                    let sentence = try XCTUnwrap(
                        provincial.division(id: ref["division"] as? String ?? "")?.sentences[ref["index"] as? Int ?? 0])
                    let offset = try XCTUnwrap(change["provincialOffset"] as? Int)
                    XCTAssertEqual(
                        String(Array(sentence).dropFirst(offset).prefix(provincialText.count)), provincialText)
                }
                let refs = try XCTUnwrap(change["nationalSentences"] as? [[String: Any]])
                if !nationalText.isEmpty {
                    let joined = try refs.map { ref in
                        try XCTUnwrap(
                            national.division(id: ref["division"] as? String ?? "")?.sentences[
                                ref["index"] as? Int ?? 0])
                    }.joined()
                    let offset = try XCTUnwrap(change["nationalOffset"] as? Int)
                    XCTAssertEqual(String(Array(joined).dropFirst(offset).prefix(nationalText.count)), nationalText)
                }
            }
        }
        XCTAssertEqual(summed, documentCounts, "the document's counts are the sum of its links'")
        XCTAssertEqual(localized.filter { $0 == "中央→省委" }.count, 2, "\(localized)")
        XCTAssertTrue(localized.contains("我国→我省"), "\(localized)")
        // Per provision: each link counts once, under its national provision.
        let coverage = try XCTUnwrap(object["coverage"] as? [[String: Any]])
        var provisionSum: [String: Int] = [:]
        for entry in coverage {
            for (kind, count) in try XCTUnwrap(entry["changeCounts"] as? [String: Int]) {
                provisionSum[kind, default: 0] += count
            }
        }
        XCTAssertEqual(provisionSum, documentCounts)
    }

    func testTableShowsChangesPerLinkAndForTheDocument() throws {
        let result = try run(["compare"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("national clause") && $0.hasSuffix("changes") })
        // 6.21 加强组织领导 → 5.17: 中央→省委 twice and 地方 left out (localized), 三级→两级 (number),
        // 工业和信息化→通信管理 and 和军队 (actor).
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("21。") })
        XCTAssertTrue(row.contains("loc 3"), row)
        XCTAssertTrue(row.contains("num 1"), row)
        XCTAssertTrue(row.contains("act 2"), row)
        let summary = try XCTUnwrap(lines.first { $0.hasPrefix("changes: ") })
        XCTAssertTrue(
            summary.contains("localized") && summary.contains("wording") && summary.contains("added"), summary)
        XCTAssertEqual(lines.last?.hasPrefix("22 links"), true)
    }

    func testClauseViewShowsTheKindBesideEachChange() throws {
        let result = try run(["compare", "--clause", "6.21", "--width", "100"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(
            lines.first { $0.hasPrefix("kinds:") },
            "kinds: " + ChangeKind.allCases.map(\.rawValue).joined(separator: " "))
        for expected in [
            "  [localized: -中央- +省委+]", "  [number: -三级- +两级+]", "  [actor: -工业和信息化- +通信管理+]",
            "  [actor: -和军队-]", "  [localized: -地方-]",
        ] {
            XCTAssertTrue(lines.contains(expected), "\(expected) missing in\n\(result.standardOutput)")
        }
        // Inline markers too when piped, and every line within the width.
        XCTAssertTrue(result.standardOutput.contains("[-三级-]") && result.standardOutput.contains("{+两级+}"))
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 100 }, "a line wider than 100 cells")
        // Every change of the pair is listed once under its row.
        let json = try run(["compare", "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let link = try XCTUnwrap(
            (object["links"] as? [[String: Any]])?.first {
                ($0["national"] as? [String: Any])?["id"] as? String == "6.21"
            })
        let count = try XCTUnwrap(link["changes"] as? [Any]).count
        XCTAssertEqual(lines.filter { $0.hasPrefix("  [") }.count, count)
    }
}
