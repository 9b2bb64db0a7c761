import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// Small hand-built documents and a hand-built comparison, so tests do not depend on the importer or the
/// comparison engine.
enum Fixture {
    static func clause(_ id: String, _ number: Int, _ title: String, _ paragraphs: [String]) -> Division {
        Division(id: id, kind: .clause, label: "\(number).", number: number, title: title, paragraphs: paragraphs)
    }

    static func section(_ id: String, _ label: String, _ number: Int, _ title: String, _ children: [Division])
        -> Division
    {
        Division(id: id, kind: .section, label: label, number: number, title: title, children: children)
    }

    /// A document of sections 一、二、… holding numbered clauses, one paragraph each; a clause's id is
    /// `section.number` (the importer's scheme).
    static func document(
        _ title: String, preamble: String, source: String,
        sections: [(title: String, clauses: [(number: Int, title: String, text: String)])]
    ) -> PolicyDocument {
        let numerals = ["一", "二", "三", "四"]
        return PolicyDocument(
            title: title, preamble: [preamble],
            divisions: sections.enumerated().map { index, entry in
                section(
                    "\(index + 1)", numerals[index] + "、", index + 1, entry.title,
                    entry.clauses.map { clause("\(index + 1).\($0.number)", $0.number, $0.title, [$0.text]) })
            },
            source: source)
    }

    /// National: 一、总体要求 (1.1 指导思想, 1.2 基本原则), 二、主要任务 (2.3 完善准入, 2.4 加强监管).
    static let national = document(
        "关于测试的意见", preamble: "为了测试阅读器，现提出如下意见。", source: "fixture:national",
        sections: [
            ("总体要求", [(1, "指导思想", "坚持发展为民。推动创新发展。"), (2, "基本原则", "坚持安全可控，全面排查风险隐患。")]),
            ("主要任务", [(3, "完善准入", "完善市场准入制度。"), (4, "加强监管", "加强事中事后监管。")]),
        ])

    /// Provincial: 1.1 rewrites national 1.1 (one sentence extended, one new), 2.2 is new (龙江故事),
    /// 2.3 carries national 2.3; national 1.2 and 2.4 have no counterpart.
    static let provincial = document(
        "关于测试的实施意见", preamble: "结合我省实际，现提出如下实施意见。", source: "fixture:provincial",
        sections: [
            ("总体要求", [(1, "指导思想", "坚持发展为民，服务龙江。讲好龙江故事。")]),
            ("重点任务", [(2, "龙江特色", "建设龙江特色网络平台。"), (3, "完善准入", "完善市场准入制度。")]),
        ])

    static let comparison = Comparison(
        links: [
            ClauseLink(national: "1.1", provincial: "1.1", kind: .match, score: 0.8),
            ClauseLink(national: "2.3", provincial: "2.3", kind: .match, score: 1.0),
        ],
        nationalOnly: ["1.2", "2.4"],
        provincialOnly: ["2.2"],
        provenance: [
            SentenceProvenance(
                provincial: SentenceRef(division: "1.1", index: 0), sources: [SentenceRef(division: "1.1", index: 0)],
                score: 0.7),
            SentenceProvenance(provincial: SentenceRef(division: "1.1", index: 1), sources: [], score: 0),
            SentenceProvenance(
                provincial: SentenceRef(division: "2.3", index: 0), sources: [SentenceRef(division: "2.3", index: 0)],
                score: 1),
        ],
        nationalFates: [
            SentenceRef(division: "1.1", index: 0): .rewritten,
            SentenceRef(division: "1.1", index: 1): .dropped,
            SentenceRef(division: "2.3", index: 0): .carried,
        ])

    static func model(width: Int = 80, height: Int = 24, compared: Bool = true, options: ReaderOptions = .init())
        -> ReaderModel
    {
        var model = ReaderModel(
            national: national, provincial: provincial, width: width, height: height, options: options)
        if compared { _ = model.update(.comparisonFinished(comparison)) }
        return model
    }

    /// A long document: `sections` sections of `clauses` clauses, each clause `sentences` sentences long.
    static func long(sections: Int, clauses: Int, sentences: Int, marker: String = "") -> PolicyDocument {
        var divisions: [Division] = []
        var number = 0
        for sectionNumber in 1...sections {
            var children: [Division] = []
            for _ in 0..<clauses {
                number += 1
                let text = (0..<sentences).map { "第\(number)条第\($0 + 1)句内容\(marker)，用于测试滚动和换行。" }.joined()
                children.append(clause("\(sectionNumber).\(number)", number, "条款\(number)", [text]))
            }
            divisions.append(
                section("\(sectionNumber)", "\(sectionNumber)、", sectionNumber, "部分\(sectionNumber)", children))
        }
        return PolicyDocument(title: "长文档", divisions: divisions, source: "fixture:long")
    }
}

/// Expected whole frames, one text file a frame in `Frames/` (`reading-80x24.txt`): every row as the terminal
/// shows it, one a line, trailing blanks trimmed as in `Screen.lines`.
enum ExpectedFrame {
    static func lines(_ name: String) throws -> [String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let text = try String(contentsOf: directory.appendingPathComponent("Frames/\(name).txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }  // the file's final newline
        return lines
    }
}

/// Reading a prepared screen in tests.
extension Screen {
    /// The first row whose text contains `text`.
    func row(containing text: String) -> Int? {
        (0..<height).first { self.text(ofRow: $0).contains(text) }
    }

    /// The column where `text` starts in a row (continuation cells counted), if it is there.
    func column(of text: String, inRow row: Int, from minimumColumn: Int = 0) -> Int? {
        let target = Array(text.unicodeScalars)
        let cells = rows[row]
        for start in cells.indices where start >= minimumColumn {
            var column = start
            var matched = 0
            while matched < target.count, column < cells.count {
                let cell = cells[column]
                if cell.isContinuation {
                    column += 1
                    continue
                }
                let scalars = Array(cell.text.unicodeScalars)
                guard scalars.count == 1, scalars[0] == target[matched] else { break }
                matched += 1
                column += 1
            }
            if matched == target.count, !cells[start].isContinuation { return start }
        }
        return nil
    }

    /// Roles of the cells showing `text` in the first row that contains it (continuation cells skipped).
    func roles(of text: String, minimumColumn: Int = 0) -> [StyleRole]? {
        for row in 0..<height {
            guard let column = column(of: text, inRow: row, from: minimumColumn) else { continue }
            var roles: [StyleRole] = []
            var x = column
            while roles.count < text.unicodeScalars.count, x < width {
                if !rows[row][x].isContinuation { roles.append(rows[row][x].role) }
                x += 1
            }
            return roles
        }
        return nil
    }

    /// The first row showing `text` at or right of a column (e.g. in the panes, not the outline).
    func row(containing text: String, from column: Int) -> Int? {
        (0..<height).first { self.column(of: text, inRow: $0, from: column) != nil }
    }

    /// The role of the cell where `text` starts.
    func role(of text: String) -> StyleRole? { roles(of: text)?.first }

    var statusLine: String { text(ofRow: height - 1) }
}

extension ReaderModel {
    /// Sends characters one by one.
    mutating func type(_ text: String) -> [ReaderEffect] {
        var effects: [ReaderEffect] = []
        for character in text { effects += update(.input(.character(character))) }
        return effects
    }

    mutating func press(_ event: InputEvent, times: Int = 1) {
        for _ in 0..<times { _ = update(.input(event)) }
    }

    /// Presses the keys one by one; the focus after each.
    mutating func focuses(after events: [InputEvent]) -> [Pane] {
        events.map { event in
            press(event)
            return focus
        }
    }
}

extension XCTestCase {
    /// Every row is exactly as wide as the screen, double-width characters are followed by their
    /// continuation cell, and no cell holds a control character.
    func assertWellFormed(_ screen: Screen, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(screen.rows.count, screen.height, file: file, line: line)
        for (rowIndex, row) in screen.rows.enumerated() {
            XCTAssertEqual(row.count, screen.width, "row \(rowIndex)", file: file, line: line)
            var column = 0
            while column < row.count {
                let cell = row[column]
                XCTAssertFalse(
                    cell.isContinuation, "orphan continuation at \(rowIndex):\(column)", file: file, line: line)
                for scalar in cell.text.unicodeScalars {
                    XCTAssertFalse(
                        scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value),
                        "control character in cell \(rowIndex):\(column)", file: file, line: line)
                }
                if DisplayWidth.of(cell.text) == 2 {
                    XCTAssertTrue(
                        column + 1 < row.count && row[column + 1].isContinuation,
                        "wide character without continuation at \(rowIndex):\(column)", file: file, line: line)
                    column += 2
                } else {
                    column += 1
                }
            }
        }
    }

}

extension ReaderModel {
    /// The topmost reading screen, read and changed directly by tests.
    var readingScreen: ReadingScreen {
        get { reading! }
        set { stack[stack.lastIndex { $0 is ReadingScreen }!] = newValue }
    }

    var focus: Pane { readingScreen.focus }
    var layout: LayoutCache { readingScreen.layout }
    var geometry: Geometry { readingScreen.geometry }
    var isSinglePane: Bool { readingScreen.isSinglePane }
    var searchQuery: String? { readingScreen.searchQuery }

    func currentClause(_ side: DocumentSide) -> String? { readingScreen.currentClause(side) }

    @discardableResult
    mutating func jump(toClause id: String, side: DocumentSide? = nil, focus: Pane) -> Bool {
        readingScreen.jump(toClause: id, side: side, focus: focus)
    }
}
