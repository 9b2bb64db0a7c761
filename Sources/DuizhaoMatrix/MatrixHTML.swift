import DuizhaoCompare
import DuizhaoCore

/// The matrix as one self-contained HTML page (no scripts, no network): the implementations with their summaries,
/// the coloured matrix (each cell links to that pair's side-by-side differences lower on the page), the shared
/// additions, then per implementation and provision the sentences side by side with changed characters marked
/// (each link laid out by `LinkedPair`, as `duizhao compare --clause` lays it out).
public enum MatrixHTML {
    /// Anchor of the side-by-side differences of one cell.
    public static func anchor(column: Int, row: Int) -> String { "pair-\(column)-\(row)" }

    public static func page(_ matrix: AdoptionMatrix) -> String {
        let names = MatrixFormats.uniqueNames(matrix)
        let survival = matrix.survivalCounts
        var html = """
            <!DOCTYPE html>
            <html lang="zh">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(matrix.national.title)) — duizhao matrix</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>\(escape(matrix.national.title))</h1>
            <p class="meta">National: \(escape(matrix.national.source)) · \(matrix.provisions.count) provisions · \
            \(matrix.columns.count) implementations. Made by duizhao.</p>

            """
        html += implementationsTable(matrix, names: names)
        html += "<h2 id=\"matrix\">Provisions</h2>\n"
        html +=
            "<p class=\"legend\"><span class=\"match\">✓ kept</span> <span class=\"partial\">◐ partly</span> "
            + "<span class=\"dropped\">✗ dropped</span> — with the share of the national provision carried over, or "
            + "<i>ref</i>: kept by reference (a provision cites it, 依照《…》的规定执行, and carries none of its text); "
            + "✎: linked by hand (duizhao align); "
            + "each cell links to its differences.</p>\n"
        html += "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th class=\"provision\">provision</th>"
        for (index, column) in matrix.columns.enumerated() {
            html +=
                "<th title=\"\(escape(column.document.title))\"><a href=\"#doc-\(index)\">\(escape(names[index]))</a></th>"
        }
        html += "<th>survives</th></tr></thead>\n<tbody>\n"
        var chapter: DivisionHeading?
        for (row, provision) in matrix.provisions.enumerated() {
            if let heading = provision.chapter, heading != chapter {
                html +=
                    "<tr class=\"chapter\"><th colspan=\"\(matrix.columns.count + 2)\">"
                    + escape(heading.label + " " + heading.title) + "</th></tr>\n"
            }
            chapter = provision.chapter
            html +=
                "<tr><th class=\"provision\" id=\"row-\(row)\">\(escape(MatrixFormats.provisionHeading(provision)))</th>"
            for (index, column) in matrix.columns.enumerated() {
                let cell = column.cells[row]
                let label = MatrixFormats.label(cell)
                html +=
                    "<td class=\"\(cell.kind.rawValue)\"><a href=\"#\(anchor(column: index, row: row))\" "
                    + "title=\"\(escape(names[index])): \(cell.kind.rawValue)\">\(label)</a></td>"
            }
            html += "<td class=\"survives\">\(survival[row])/\(matrix.columns.count)</td></tr>\n"
        }
        html += "</tbody>\n<tfoot>\n"
        let footer: [(String, (DocumentSummary) -> String)] = [
            ("kept", { "\($0.kept)" }), ("partly", { "\($0.partly)" }), ("dropped", { "\($0.dropped)" }),
            ("additions", { "\($0.additions)" }), ("new text", { TextFormatting.percent($0.newShare) }),
            ("coverage", { TextFormatting.percent($0.coverage) }),
        ]
        for (name, value) in footer {
            html +=
                "<tr><th class=\"provision\">\(name)</th>"
                + matrix.columns.map { "<td>\(value($0.summary))</td>" }.joined() + "<td></td></tr>\n"
        }
        html += "</tfoot></table></div>\n"
        html += sharedAdditions(matrix, names: names)
        html += "<h2 id=\"differences\">Differences</h2>\n"
        for (index, column) in matrix.columns.enumerated() {
            html += differences(matrix, column: index, name: names[index], of: column)
        }
        html += "</body>\n</html>\n"
        return html
    }

    static func implementationsTable(_ matrix: AdoptionMatrix, names: [String]) -> String {
        var html =
            "<h2 id=\"implementations\">Implementations</h2>\n<table class=\"summary\">\n"
            + "<thead><tr><th>#</th><th>jurisdiction</th><th>title</th><th>date</th><th>kept</th><th>partly</th>"
            + "<th>dropped</th><th>additions</th><th>new text</th><th>coverage</th></tr></thead>\n<tbody>\n"
        for (index, column) in matrix.columns.enumerated() {
            let summary = column.summary
            html +=
                "<tr><td>\(index + 1)</td><td><a href=\"#doc-\(index)\">\(escape(names[index]))</a></td>"
                + "<td>\(escape(column.document.title))</td><td>\(escape(column.document.date ?? ""))</td>"
                + "<td>\(summary.kept)</td><td>\(summary.partly)</td><td>\(summary.dropped)</td>"
                + "<td>\(summary.additions)</td><td>\(TextFormatting.percent(summary.newShare))</td>"
                + "<td>\(TextFormatting.percent(summary.coverage))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    static func sharedAdditions(_ matrix: AdoptionMatrix, names: [String]) -> String {
        var html = "<h2 id=\"shared\">Shared additions</h2>\n"
        guard !matrix.sharedAdditions.isEmpty else {
            return html + "<p>No new text is shared by two or more implementations.</p>\n"
        }
        html += "<p>Text with no national source found in two or more implementations.</p>\n<ol class=\"shared\">\n"
        for addition in matrix.sharedAdditions {
            html += "<li><p>\(escape(addition.text))</p><ul>"
            for occurrence in addition.occurrences {
                html +=
                    "<li><a href=\"#doc-\(occurrence.column)\">\(escape(names[occurrence.column]))</a> "
                    + "\(escape(occurrence.sentence.division)): \(escape(occurrence.text))</li>"
            }
            html += "</ul></li>\n"
        }
        return html + "</ol>\n"
    }

    static func differences(_ matrix: AdoptionMatrix, column index: Int, name: String, of column: MatrixColumn)
        -> String
    {
        // Looked up by id in tables made once: `PolicyDocument.division(id:)` walks the whole tree for every row.
        let provincial = MatrixFormats.DivisionLookup(column.document)
        let national = MatrixFormats.DivisionLookup(matrix.national)
        var html =
            "<section class=\"document\" id=\"doc-\(index)\">\n<h3>\(escape(name)) — \(escape(column.document.title))</h3>\n"
        // The pairs laid out row by row as `duizhao compare --clause` does (`LinkedPair`), by national provision.
        let pairs = Dictionary(
            grouping: column.comparison.linkedPairs(national: matrix.national, provincial: column.document),
            by: \.link.national)
        for (row, provision) in matrix.provisions.enumerated() {
            let cell = column.cells[row]
            let linked = cell.provincial.map(provincial.heading).joined(separator: "、")
            html +=
                "<div class=\"pair\" id=\"\(anchor(column: index, row: row))\">\n"
                + "<h4><span class=\"\(cell.kind.rawValue)\">\(MatrixFormats.mark(cell.kind)) \(cell.kind.rawValue)</span> "
                + "\(escape(MatrixFormats.provisionHeading(provision))) ⇄ \(linked.isEmpty ? "—" : escape(linked)) "
                + "<small>\(cell.byReference ? "kept by reference" : "carried \(TextFormatting.percent(cell.carried))") · "
                + "<a href=\"#row-\(row)\">back to the matrix</a>"
                + "</small></h4>\n"
            let linkedPairs = pairs[provision.id] ?? []
            for pair in linkedPairs {
                if linkedPairs.count > 1 {
                    html +=
                        "<p class=\"part\">⇄ \(escape(provincial.heading(pair.link.provincial))) · \(pair.link.kind.rawValue)</p>\n"
                }
                html += "<table class=\"sbs\">\n"
                for pairRow in pair.rows {
                    html +=
                        "<tr>"
                        + sides(
                            national: pairRow.national.isEmpty ? nil : pairRow.nationalText,
                            provincial: pairRow.provincial == nil ? nil : pairRow.provincialText) + "</tr>\n"
                }
                html += "</table>\n"
            }
            if linkedPairs.isEmpty {
                // Dropped: the national provision's sentences, all deleted.
                let sentences = national.division(provision.id)?.allSentences ?? []
                html +=
                    "<table class=\"sbs\">\n"
                    + sentences.map { "<tr>" + sides(national: $0, provincial: nil) + "</tr>\n" }.joined()
                    + "</table>\n"
            }
            html += "</div>\n"
        }
        if !column.comparison.provincialOnly.isEmpty {
            html += "<h4>Provisions only in \(escape(name))</h4>\n<ul class=\"additions\">\n"
            for id in column.comparison.provincialOnly {
                let text = provincial.division(id)?.allSentences.joined() ?? ""
                html += "<li><b>\(escape(provincial.heading(id)))</b> <ins>\(escape(text))</ins></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// The two cells of a row: deleted national characters struck through, inserted provincial ones underlined.
    static func sides(national: String?, provincial: String?) -> String {
        guard let provincial else { return "<td><del>\(escape(national ?? ""))</del></td><td></td>" }
        guard let national else { return "<td></td><td><ins>\(escape(provincial))</ins></td>" }
        let diff = CharacterDiff.sides(national: national, provincial: provincial)
        func render(_ segments: [DiffSegment], tag: String) -> String {
            segments.map { $0.operation == .equal ? escape($0.text) : "<\(tag)>\(escape($0.text))</\(tag)>" }.joined()
        }
        return "<td>\(render(diff.national, tag: "del"))</td><td>\(render(diff.provincial, tag: "ins"))</td>"
    }

    /// Text for HTML: markup characters escaped, control characters (other than line breaks) and bidirectional
    /// controls (which would reorder the page's title and headings) shown as U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result += " "
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || TerminalSafeText.isBidiControl(scalar)
                {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
        margin:1.5em;color:#1d1d1d;line-height:1.5}
        h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse}td,th{border:1px solid #d0d0d0;padding:2px 6px;vertical-align:top}
        .scroll{overflow-x:auto}
        table.matrix th.provision{text-align:left;position:sticky;left:0;background:#fafafa;min-width:14em;max-width:22em;font-weight:normal}
        table.matrix thead th{position:sticky;top:0;background:#eee}
        table.matrix td{text-align:center;white-space:nowrap;font-variant-numeric:tabular-nums}
        table.matrix td a{color:inherit;text-decoration:none;display:block}
        table.matrix tr.chapter th{text-align:left;background:#e6ecf5;font-weight:bold}
        table.matrix tfoot td{text-align:right}
        .match{background:#c9ecc9}.partial{background:#fbe6a6}.dropped{background:#f6cfcf;color:#7a1f1f}
        .legend span{padding:1px 6px;margin-right:4px}
        td.survives{text-align:right;background:#f4f4f4}
        table.summary td:nth-child(n+5){text-align:right}
        table.sbs{width:100%;table-layout:fixed;margin-bottom:1em}table.sbs td{width:50%}
        del{background:#f8c7c7;color:#7a1f1f}ins{background:#c4ecc4;text-decoration:underline;color:#0f4d0f}
        .pair h4{margin:1.2em 0 .3em}.pair p.part{margin:.4em 0 .2em;color:#444}.pair h4 span{padding:0 4px}.pair small{font-weight:normal;color:#666}
        ol.shared li p{margin:.2em 0}
        """
}
