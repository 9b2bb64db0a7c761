/// Documents that hold several instruments: a notice followed by `附件1`, `附件2`, each with its own title and
/// numbering, and appended tables (任务分工表 with 序号 rows) kept as rows.
extension DocumentParser {
    /// Splits the lines at attachment markers (`附件1`, `附件 2：`, `附件一`, `附件` alone on a line) that come before
    /// the end of the page; returns the main text and each attachment with its printed label.
    func attachmentSplit() -> (main: [SourceLine], attachments: [(label: String, title: String?, lines: [SourceLine])])
    {
        let pageEnd =
            lines.firstIndex { LineClassifier.isEndMarker($0.text) || LineClassifier.isSiteFooter($0.text) }
            ?? lines.count
        var starts: [(index: Int, label: String, title: String?)] = []
        for index in lines.indices where index > 0 && index + 1 < pageEnd {
            if let (label, title) = LineClassifier.attachmentHeading(lines[index].text) {
                starts.append((index, label, title))
            }
        }
        // Titled markers on consecutive lines list the attachments (`附件1：…` `附件2：…`); they start none.
        let titled = Set(starts.filter { $0.title != nil }.map(\.index))
        starts.removeAll { $0.title != nil && (titled.contains($0.index - 1) || titled.contains($0.index + 1)) }
        // A notice may list its attachments (`附件1：…` `附件2：…`) before printing them under the same labels: the
        // last marker of a label starts the attachment, an earlier one is a line of the notice.
        starts = starts.enumerated().filter { position, start in
            start.label == "附件" || !starts[(position + 1)...].contains { $0.label == start.label }
        }.map(\.element)
        // Only an instrument has attachments: the text before the first marker must have a title of its own (a
        // blog post that quotes a document after `附件：` is not one).
        if let first = starts.first,
            !lines[..<first.index].contains(where: {
                LineClassifier.title($0.text) != nil || LineClassifier.noticeTitle($0.text) != nil
            })
        {
            starts = []
        }
        // Instruments printed one after the other without markers, in the main text.
        let unmarked = unmarkedInstrumentStarts(in: 0..<(starts.first?.index ?? pageEnd))
        starts = unmarked.map { (index: $0.index, label: "", title: Optional($0.title)) } + starts
        guard !starts.isEmpty else { return (lines, []) }
        var attachments: [(label: String, title: String?, lines: [SourceLine])] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : lines.count
            attachments.append((start.label, start.title, Array(lines[(start.index + 1)..<end])))
        }
        return (Array(lines[..<starts[0].index]), attachments)
    }

    /// Where a notice that issues two instruments (`关于印发《若干政策》和《行动计划》的通知`) prints the second right
    /// after the first, without an `附件` marker: a title line (`某某行动计划`) after which the top numbering of the
    /// text starts again at 1 within a few lines, when it had reached 2 or more before. Returns each such line
    /// and the title it prints.
    func unmarkedInstrumentStarts(in range: Range<Int>) -> [(index: Int, title: String)] {
        // Laws keep their own parts; only the 公文 numbering (一、 （一） 1.) restarts per instrument.
        guard !lines[range].contains(where: { $0.heading?.kind == .article }),
            let topKind = [DivisionKind.section, .item, .clause].first(where: { kind in
                lines[range].contains { $0.heading?.kind == kind && $0.heading?.number == 2 }
            })
        else { return [] }
        var result: [(index: Int, title: String)] = []
        var highest = 0
        var sawTitle = false
        for index in range {
            let line = lines[index]
            if let heading = line.heading {
                if heading.kind == topKind { highest = max(highest, heading.number) }
                continue
            }
            // Cheap gates first: a title line is short and ends in no sentence punctuation.
            guard line.text.utf8.count <= 240, let last = line.text.unicodeScalars.last,
                !LineClassifier.sentenceEnders.contains(last)
                    || last == "）" || last == "》",
                line.text.unicodeScalars.count <= 60, let title = LineClassifier.title(line.text)
            else {
                if !sawTitle, LineClassifier.noticeTitle(line.text) != nil { sawTitle = true }
                continue
            }
            defer { sawTitle = true }
            guard sawTitle, highest >= 2,
                let next = lines[(index + 1)..<min(index + 8, range.upperBound)].firstIndex(where: { $0.heading != nil }
                ),
                lines[next].heading?.kind == topKind, lines[next].heading?.number == 1
            else { continue }
            result.append((index, title))
            highest = 0
        }
        return result
    }

    /// Parses one attachment as a document of its own and wraps it in a division of kind `.attachment` whose id
    /// (`A1`) prefixes every id inside it; a table becomes one `.table` division holding its rows.
    /// `title` is the one printed on the marker's line (`附件1：标题`); without it the line under the marker is the title.
    static func attachmentDivision(
        label: String, title markerTitle: String?, lines: [SourceLine], ordinal: Int, source: String
    )
        -> (Division, [ImportWarning])
    {
        let id = "A\(ordinal)"
        if let table = TableRows.rows(of: lines) {
            let title = markerTitle ?? table.title ?? ""
            let rows = Division(id: id + ".1", kind: .table, label: "", number: 1, title: "", paragraphs: table.rows)
            return (
                Division(id: id, kind: .attachment, label: label, number: ordinal, title: title, children: [rows]),
                [
                    .tableRows(
                        attachment: label, count: table.rows.count, firstLine: lines.first!.number,
                        lastLine: lines.last!.number)
                ]
            )
        }
        // The line under the marker is the attachment's title, whatever words it ends with.
        var lines = lines
        var printedTitle = markerTitle
        if markerTitle == nil, let first = lines.first, first.heading == nil, first.width <= 80,
            !LineClassifier.endsSentence(first.text),
            lines.count > 1
        {
            printedTitle = first.text
            lines.removeFirst()
        }
        var parser = DocumentParser(lines: lines, source: source)
        var document = parser.parseStructure()
        if document.warnings.contains(where: { if case .noTitle = $0 { return true } else { return false } }) {
            // An attachment without a title line has no title (not a guess from the file name).
            document.title = printedTitle ?? ""
            document.warnings.removeAll { if case .noTitle = $0 { return true } else { return false } }
        } else if let printedTitle {
            document.title = printedTitle
        }
        func prefixed(_ division: Division) -> Division {
            var copy = division
            copy.id = id + "." + division.id
            copy.children = division.children.map(prefixed)
            return copy
        }
        let attachment = Division(
            id: id, kind: .attachment, label: label, number: ordinal, title: document.title,
            paragraphs: document.notice + document.preamble, children: document.divisions.map(prefixed))
        return (attachment, document.warnings)
    }
}

extension LineClassifier {
    private static let attachmentPrefix = Array("附件".utf8)

    /// `附件1`, `附件 2：`, `附件一`, `附件` on a line of its own, or `附件1：某某行动计划` → the label as printed without
    /// spaces and colon.
    static func attachmentMarker(_ text: String) -> String? { attachmentHeading(text)?.label }

    /// An attachment marker and the title printed on its line: `附件2：某某行动计划` → (`附件2`, `某某行动计划`);
    /// `附件1` alone → (`附件1`, nil). A title needs a numbered label (`附件：1.…` lists the attachments) and
    /// reads as a title: short, not a sentence, not a numbered entry.
    static func attachmentHeading(_ text: String) -> (label: String, title: String?)? {
        guard text.utf8.count <= 240, text.utf8.starts(with: attachmentPrefix) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var index = 2
        func skipSpaces() { while index < scalars.count, scalars[index].isLayoutSpace { index += 1 } }
        skipSpaces()
        var number = String.UnicodeScalarView()
        while index < scalars.count, number.count < 4,
            Numerals.digitValue(scalars[index]) != nil || Numerals.isChineseNumeral(scalars[index])
        {
            number.append(scalars[index])
            index += 1
        }
        skipSpaces()
        var separated = false
        while index < scalars.count, scalars[index] == "：" || scalars[index] == ":" {
            separated = true
            index += 1
        }
        let label = "附件" + String(number)
        let title = String(String.UnicodeScalarView(scalars[index...])).trimmingWhitespace()
        if title.isEmpty { return (label, nil) }
        guard !number.isEmpty, separated || index > 2 + number.count, title.unicodeScalars.count <= 60,
            let first = title.unicodeScalars.first, Numerals.digitValue(first) == nil, heading(title) == nil,
            !endsSentence(title) || title.hasSuffix("）"), !isSentenceNotTitle(title)
        else { return nil }
        return (label, title)
    }
}

/// An appended table copied from a web page or PDF: a title (`…分工表`), a header starting with 序号, then rows
/// numbered 1, 2, 3… whose cells may sit on one line or on several.
enum TableRows {
    static func rows(of lines: [SourceLine]) -> (title: String?, rows: [String])? {
        guard let header = lines.prefix(4).firstIndex(where: { $0.text.hasPrefix("序号") }) else { return nil }
        let title = lines[..<header].last { !$0.text.isEmpty }?.text
        var rows: [[String]] = [[]]
        var expected = 1
        for line in lines[header...] {
            let cells = cells(of: line.text)
            if let first = cells.first, Numerals.decimalValue(first.unicodeScalars) == expected {
                rows.append([])
                expected += 1
            }
            rows[rows.count - 1] += cells
        }
        guard expected > 1 else { return nil }
        return (title, rows.map { $0.joined(separator: " | ") })
    }

    /// Cells of a row line: separated by tabs, ideographic spaces or runs of two or more spaces; a leading number
    /// followed by one space is a cell of its own (`1 完善市场准入`).
    static func cells(of text: String) -> [String] {
        var cells: [String] = []
        var current = String.UnicodeScalarView()
        var spaces = 0
        func flush() {
            let cell = String(current).trimmingWhitespace()
            if !cell.isEmpty { cells.append(cell) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == " " {
                spaces += 1
                continue
            }
            if scalar == "\t" || scalar == "\u{3000}" {
                flush()
                spaces = 0
                continue
            }
            let leadingNumber =
                cells.isEmpty && !current.isEmpty && current.allSatisfy { Numerals.digitValue($0) != nil }
            if spaces >= 2 || (spaces == 1 && leadingNumber) { flush() } else if spaces == 1 { current.append(" ") }
            spaces = 0
            current.append(scalar)
        }
        flush()
        return cells
    }
}
