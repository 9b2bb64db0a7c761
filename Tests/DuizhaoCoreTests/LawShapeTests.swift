import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoCore

/// The same law as a researcher finds it in five shapes, each written here from the markdown in
/// `Tests/Fixtures/corpus/`: the law collection's markdown, a government web page, the legislature's page (history in
/// parentheses, 目录), a hard-wrapped PDF copy (spaced headings, page footers), GB18030 text with CRLF and a web
/// copy with every label run into its text. Every shape must give the same outline.
final class LawShapeTests: XCTestCase {
    /// The parts of a law in the corpus markdown.
    struct Law {
        var title: String
        var history: [String]
        /// Chapter headings (`第一章 总则`, or a bare `总则`) and article lines (`第一条 …`) and their paragraphs.
        var body: [Line]

        enum Line {
            case chapter(label: String, title: String)
            case text(String)
        }

        init(markdown: String) {
            title = ""
            history = []
            body = []
            var afterInfo = false
            for raw in markdown.components(separatedBy: "\n") {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                if line.hasPrefix("# ") {
                    title = String(line.dropFirst(2))
                    continue
                }
                if line.hasPrefix("<!--") {
                    afterInfo = true
                    continue
                }
                if !afterInfo {
                    history.append(line)
                    continue
                }
                if line.hasPrefix("## ") {
                    let words = line.dropFirst(3).split(whereSeparator: { $0 == " " || $0 == "　" })
                    body.append(.chapter(label: String(words[0]), title: words.dropFirst().joined()))
                } else {
                    body.append(.text(line))
                }
            }
            // A wrapped history line (`…《关于修改〈…〉` + `的决定》修正`) is one event.
            var joined: [String] = []
            for line in history {
                if line.range(of: "^[0-9]{4}年", options: .regularExpression) == nil, !joined.isEmpty {
                    joined[joined.count - 1] += line
                } else {
                    joined.append(line)
                }
            }
            history = joined
        }

        func chapterLine(_ label: String, _ title: String, spaced: Bool = false, separator: String = " ") -> String {
            if spaced {
                return label.map(String.init).joined(separator: " ") + "  "
                    + title.map(String.init).joined(separator: " ")
            }
            return label + separator + title
        }

        /// Body lines with chapters printed as `第一章<separator>总则`; articles get `separator` after their label.
        func bodyLines(separator: String) -> [String] {
            body.map { line in
                switch line {
                case .chapter(let label, let title): return chapterLine(label, title, separator: separator)
                case .text(let text):
                    guard let label = LawOutlineTests.articleLabel(text) else { return text }
                    return label + separator + text.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
                }
            }
        }
    }

    static func markdownShape(_ law: Law, markdown: String) -> String { markdown }

    static func webPageShape(_ law: Law) -> String {
        var lines = [
            "\(law.title)_中国政府网", "首页 > 法律法规 > 地方性法规",
            "           标　　题：            \(law.title)",
            "           发布机构：            人民代表大会常务委员会            发布日期：            2020年01月01日", "",
            law.title, "",
        ]
        lines += law.bodyLines(separator: "　").map { "　　" + $0 }
        lines += [
            "", "【打印本页】【关闭窗口】", "相关链接：全国人大网", "主办：国务院办公厅　运行维护单位：中国政府网运行中心", "版权所有：中国政府网",
            "京ICP备05070218号", "网站标识码bm01000001",
        ]
        return lines.joined(separator: "\n")
    }

    static func legislaturePageShape(_ law: Law) -> String {
        var lines = [law.title]
        if !law.history.isEmpty { lines.append("（" + law.history.joined(separator: "　") + "）") }
        let chapters = law.body.compactMap { line -> String? in
            if case .chapter(let label, let title) = line { return law.chapterLine(label, title, separator: "　") }
            return nil
        }
        if !chapters.isEmpty { lines += ["目　　录"] + chapters }
        lines += law.bodyLines(separator: "　")
        return lines.joined(separator: "\n")
    }

    /// Paragraphs indented by two ideographic spaces and hard-wrapped at `width` characters, a page footer every
    /// 40 lines, chapter headings centred and letter-spaced.
    static func pdfShape(_ law: Law, width: Int = 28) -> String {
        var lines = ["          " + law.title]
        lines += law.history.map { "（\($0)）" }
        lines.append("")
        for line in law.body {
            switch line {
            case .chapter(let label, let title):
                lines += ["", "            " + law.chapterLine(label, title, spaced: true), ""]
            case .text(let text):
                let characters = Array("　　" + text)
                var start = 0
                while start < characters.count {
                    lines.append(String(characters[start..<min(start + width, characters.count)]))
                    start += width
                }
            }
        }
        var paged: [String] = []
        for (index, line) in lines.enumerated() {
            paged.append(line)
            if index % 40 == 39 { paged += ["", "— \(index / 40 + 1) —", ""] }
        }
        return paged.joined(separator: "\n")
    }

    /// A web copy that prints every label run into its text: `第一章总则`, `第一条为了…`.
    static func runInShape(_ law: Law) -> String {
        ([law.title] + law.history + law.bodyLines(separator: "")).joined(separator: "\n")
    }

    static func gb18030Shape(_ law: Law) throws -> [UInt8] {
        let text = ([law.title] + law.history + law.bodyLines(separator: "　")).joined(separator: "\r\n") + "\r\n"
        return Array(try GB18030.encode(text))
    }

    /// What must agree between shapes: title, every outline division (kind, label, title) and every article's text.
    static func outline(_ document: PolicyDocument) -> [String] {
        [document.title]
            + document.allDivisions.filter(\.kind.isOutlineLevel).map { division in
                "\(division.kind.rawValue)|\(division.heading)|" + division.allParagraphs.joined(separator: "¶")
            }
    }

    func testEveryShapeOfEveryCorpusLawGivesTheSameOutline() throws {
        let scratch = try ScratchDirectory("duizhao-shapes", removedBy: addTeardownBlock)
        for file in try LawOutlineTests.lawFiles() {
            let markdown = try String(contentsOf: file, encoding: .utf8)
            let law = Law(markdown: markdown)
            let name = file.deletingPathExtension().lastPathComponent
            let reference = try PolicyImporter.importFile(at: file.path)
            let expected = Self.outline(reference)
            XCTAssertGreaterThan(expected.count, 20, name)
            let shapes: [(String, [UInt8])] = [
                ("web", Array(Self.webPageShape(law).utf8)),
                ("legislature", Array(Self.legislaturePageShape(law).utf8)),
                ("pdf", Array(Self.pdfShape(law).utf8)),
                ("gb18030", try Self.gb18030Shape(law)),
                ("run-in", Array(Self.runInShape(law).utf8)),
            ]
            for (shape, bytes) in shapes {
                let path = try scratch.write(Data(bytes), to: "\(name)-\(shape).txt")
                let document = try PolicyImporter.importFile(at: path)
                let outline = Self.outline(document)
                XCTAssertEqual(outline.count, expected.count, "\(name) as \(shape)")
                for (got, want) in zip(outline, expected) where got != want {
                    XCTFail("\(name) as \(shape):\n got \(got.prefix(160))\nwant \(want.prefix(160))")
                    break
                }
                if shape != "web" {
                    XCTAssertEqual(document.history.map(\.date), reference.history.map(\.date), "\(name) as \(shape)")
                    XCTAssertEqual(document.issuers, reference.issuers, "\(name) as \(shape)")
                }
                XCTAssertTrue(document.preamble.isEmpty, "\(name) as \(shape): \(document.preamble.prefix(3))")
            }
        }
    }
}
