import DuizhaoCompare
import DuizhaoCore

/// One national document and one provincial implementation as a self-contained HTML page to hand around
/// (`duizhao compare NATIONAL PROVINCIAL --html FILE`): no scripts, no network, no external resources; it prints.
/// The documents side by side along the alignment (each link laid out by `LinkedPair`, as `compare --clause` lays
/// it out) with the changed characters marked and every classified change named by its kind, each link's kind,
/// score and evidence, the summary counts, the dropped and provincial-only provisions, and a table of contents by
/// the national document's chapters or sections. Kinds (of links and changes) are printed from the data.
public enum PairReportHTML {
    /// Anchor of a national provision's place in the side-by-side part.
    public static func anchor(national id: String) -> String { "n-" + slug(id) }
    /// Anchor of a provincial provision's place (its first link, or the provincial-only list).
    public static func anchor(provincial id: String) -> String { "p-" + slug(id) }

    static func slug(_ id: String) -> String {
        String(id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
    }

    public static func page(national: PolicyDocument, provincial: PolicyDocument, comparison: Comparison) -> String {
        let report = Builder(national: national, provincial: provincial, comparison: comparison)
        return report.page()
    }

    struct Builder {
        let national: PolicyDocument
        let provincial: PolicyDocument
        let comparison: Comparison
        let pairs: [String: [LinkedPair]]
        let units: Set<String>
        let coverage: [String: NationalCoverage]
        let nationalName: String
        let provincialName: String
        /// Provincial-only provisions placed along the alignment: after the national provision that the provincial
        /// provision before them is linked to ("" for those before any linked one).
        let additionsAfter: [String: [String]]

        init(national: PolicyDocument, provincial: PolicyDocument, comparison: Comparison) {
            self.national = national
            self.provincial = provincial
            self.comparison = comparison
            pairs = Dictionary(
                grouping: comparison.linkedPairs(national: national, provincial: provincial), by: \.link.national)
            units = Set(national.comparableUnits.map(\.id))
            coverage = Dictionary(
                comparison.nationalCoverage.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            nationalName = Jurisdiction.nationalName(of: national)
            provincialName = Jurisdiction.place(of: provincial) ?? Jurisdiction.of(provincial)
            let provincialOnly = Set(comparison.provincialOnly)
            var after: [String: [String]] = [:]
            var previous = ""
            for unit in provincial.comparableUnits {
                if provincialOnly.contains(unit.id) {
                    after[previous, default: []].append(unit.id)
                } else if let link = comparison.nationalLinks(ofProvincial: unit.id).last {
                    previous = link.national
                }
            }
            additionsAfter = after
        }

        func page() -> String {
            let e = MatrixHTML.escape
            var html = """
                <!DOCTYPE html>
                <html lang="zh">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>\(e(national.title)) ⇄ \(e(provincial.title)) — duizhao</title>
                <style>\(MatrixHTML.style)\(style)</style>
                </head>
                <body>
                <h1>\(e(provincial.title))</h1>
                <p class="meta">compared with \(e(national.title)). Made by duizhao.</p>

                """
            html += documentsTable()
            html += contents()
            html += summary()
            html += "<h2 id=\"side-by-side\">Side by side</h2>\n"
            html +=
                "<p class=\"legend\">Left: \(e(nationalName)) · right: \(e(provincialName)). "
                + "<del>struck</del>: national text the province left out or changed; <ins>underlined</ins>: "
                + "provincial text that is new or changed. Under each row, its changes by kind.</p>\n"
            if !national.preamble.isEmpty || !provincial.preamble.isEmpty {
                html += "<section class=\"pair\" id=\"preamble\">\n<h3>序言 / Preamble</h3>\n<table class=\"sbs\">\n"
                html +=
                    "<tr><td>\(e(national.preamble.joined(separator: " ")))</td>"
                    + "<td>\(e(provincial.preamble.joined(separator: " ")))</td></tr>\n</table>\n</section>\n"
            }
            html += (additionsAfter[""] ?? []).map(addition).joined()
            for division in national.divisions { html += walk(division, depth: 0) }
            html += droppedList()
            html += provincialOnlyList()
            html += "</body>\n</html>\n"
            return html
        }

        func documentsTable() -> String {
            let e = MatrixHTML.escape
            var html =
                "<table class=\"docs\">\n<thead><tr><th></th><th>title</th><th>issued by</th><th>date</th>"
                + "<th>number</th><th>file</th></tr></thead>\n<tbody>\n"
            for (name, document) in [(nationalName, national), (provincialName, provincial)] {
                html +=
                    "<tr><th>\(e(name))</th><td>\(e(document.title))</td><td>\(e(document.issuers.joined(separator: "、")))</td>"
                    + "<td>\(e(document.date ?? ""))</td><td>\(e(document.documentNumber ?? ""))</td>"
                    + "<td>\(e(TextFormatting.lastPathComponent(document.source)))</td></tr>\n"
            }
            return html + "</tbody></table>\n"
        }

        /// The table of contents: the national document's chapters or sections, each with its provisions.
        func contents() -> String {
            let e = MatrixHTML.escape
            var html =
                "<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#summary\">Summary</a></li>\n"
                + "<li><a href=\"#side-by-side\">Side by side</a>\n<ol>\n"
            func entry(_ division: Division) -> String {
                if units.contains(division.id) {
                    let mark = pairs[division.id] == nil ? " <span class=\"dropped\">dropped</span>" : ""
                    return
                        "<li><a href=\"#\(anchor(national: division.id))\">\(e(division.namedHeading))</a>\(mark)</li>\n"
                }
                let children = division.children.map(entry).joined()
                guard !children.isEmpty else { return "" }
                return "<li><a href=\"#\(sectionAnchor(division.id))\">\(e(division.heading))</a>\n<ol>\n"
                    + children + "</ol></li>\n"
            }
            html += national.divisions.map(entry).joined()
            html += "</ol></li>\n"
            html += "<li><a href=\"#dropped\">Dropped national provisions (\(comparison.nationalOnly.count))</a></li>\n"
            html +=
                "<li><a href=\"#provincial-only\">Provincial-only provisions (\(comparison.provincialOnly.count))</a></li>\n"
            return html + "</ol>\n</nav>\n"
        }

        func sectionAnchor(_ id: String) -> String { "s-" + slug(id) }

        func summary() -> String {
            let linked = comparison.linkedPairs(national: national, provincial: provincial)
            let counts = ChangeClassifier.counts(linked.flatMap(\.changes))
            let linkKinds = Dictionary(grouping: comparison.links, by: \.kind.rawValue).mapValues(\.count)
            let newSentences = comparison.provenance.filter { $0.sources.isEmpty }.count
            var html = "<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\">\n<tbody>\n"
            let rows: [(String, String)] =
                [
                    ("national provisions", "\(national.comparableUnits.count)"),
                    ("provincial provisions", "\(provincial.comparableUnits.count)"),
                    ("links", "\(comparison.links.count)"),
                ]
                + linkKinds.keys.sorted().map { ("links: " + $0, "\(linkKinds[$0] ?? 0)") }
                + [
                    ("national provisions dropped", "\(comparison.nationalOnly.count)"),
                    ("provincial-only provisions", "\(comparison.provincialOnly.count)"),
                    ("new provincial sentences", "\(newSentences) of \(comparison.provenance.count)"),
                ]
            for (name, value) in rows { html += "<tr><th>\(name)</th><td>\(value)</td></tr>\n" }
            html += "</tbody></table>\n<h3>Changes by kind</h3>\n<table class=\"counts kinds\">\n<tbody>\n"
            for kind in ChangeKind.allCases {
                html +=
                    "<tr><th><span class=\"kind kind-\(kind.rawValue)\">\(kind.rawValue)</span></th>"
                    + "<td>\(counts[kind] ?? 0)</td></tr>\n"
            }
            return html + "</tbody></table>\n</section>\n"
        }

        /// A national division: a chapter or section heading with its provisions, or a provision with its links.
        func walk(_ division: Division, depth: Int) -> String {
            if units.contains(division.id) { return provision(division) }
            let inner = division.children.map { walk($0, depth: depth + 1) }.joined()
            guard !inner.isEmpty else { return "" }
            let level = min(6, 3 + depth)
            return
                "<h\(level) class=\"section\" id=\"\(sectionAnchor(division.id))\">\(MatrixHTML.escape(division.heading))</h\(level)>\n"
                + inner
        }

        /// A `related` pair: both provisions side by side, no differences (another norm on the same subject).
        func relatedPair(_ link: ClauseLink) -> String {
            let e = MatrixHTML.escape
            let name = provincial.division(id: link.provincial)?.namedHeading ?? link.provincial
            let nationalSentences = national.division(id: link.national)?.allSentences ?? []
            let provincialSentences = provincial.division(id: link.provincial)?.allSentences ?? []
            var html =
                "<p class=\"link\">⇄ <b>\(e(name))</b> <span class=\"link related\">related</span> "
                + "score \(TextFormatting.fixed(link.score, digits: 3)) · same subject, another norm</p>\n"
                + "<table class=\"sbs related\">\n"
            for index in 0..<max(nationalSentences.count, provincialSentences.count) {
                let left = index < nationalSentences.count ? e(nationalSentences[index]) : ""
                let right = index < provincialSentences.count ? e(provincialSentences[index]) : ""
                html += "<tr><td>\(left)</td><td>\(right)</td></tr>\n"
            }
            return html + "</table>\n"
        }

        func provision(_ division: Division) -> String {
            let e = MatrixHTML.escape
            let linked = pairs[division.id] ?? []
            let related = comparison.links.filter { $0.national == division.id && $0.kind == .related }
            let carried = coverage[division.id].map { " · carried " + TextFormatting.percent($0.carriedShare) } ?? ""
            var html = "<section class=\"pair\" id=\"\(anchor(national: division.id))\">\n"
            guard !linked.isEmpty else {
                html +=
                    "<h4>\(e(division.namedHeading)) ⇄ — <span class=\"link dropped\">dropped</span></h4>\n"
                    + "<table class=\"sbs\">\n"
                    + division.allSentences.map { "<tr>" + MatrixHTML.sides(national: $0, provincial: nil) + "</tr>\n" }
                    .joined() + "</table>\n" + related.map(relatedPair).joined() + "</section>\n"
                return html
            }
            html += "<h4>\(e(division.namedHeading))<small>\(carried)</small></h4>\n"
            for pair in linked {
                let link = pair.link
                let name = provincial.division(id: link.provincial)?.namedHeading ?? link.provincial
                html +=
                    "<p class=\"link\" id=\"\(anchor(provincial: link.provincial))-\(slug(link.national))\">⇄ "
                    + "<b>\(e(name))</b> <span class=\"link \(e(link.kind.rawValue))\">\(e(link.kind.rawValue))</span> "
                    + (link.source == .hand ? "<span class=\"hand\">✎ by hand</span> " : "")
                    + "score \(TextFormatting.fixed(link.score, digits: 3)) · evidence: \(evidence(link.evidence))</p>\n"
                html += "<table class=\"sbs\">\n"
                for row in pair.rows {
                    guard row.movedTo.isEmpty else {
                        // Carried by another provincial provision: where it went, not a deletion.
                        let names = row.movedTo.map { provincial.division(id: $0)?.namedHeading ?? $0 }
                        html +=
                            "<tr><td>\(e(row.nationalText))</td><td class=\"moved\">→ "
                            + zip(row.movedTo, names).map { id, name in
                                // The place where that provision is shown: its first link's paragraph.
                                let target = comparison.nationalLinks(ofProvincial: id).first.map {
                                    anchor(provincial: id) + "-" + slug($0.national)
                                }
                                return target.map { "<a href=\"#\($0)\">\(e(name))</a>" } ?? e(name)
                            }
                            .joined(separator: "、") + "</td></tr>\n"
                        continue
                    }
                    html +=
                        "<tr>"
                        + MatrixHTML.sides(
                            national: row.national.isEmpty ? nil : row.nationalText,
                            provincial: row.provincial == nil ? nil : row.provincialText) + "</tr>\n"
                    if !row.changes.isEmpty {
                        html += "<tr class=\"changes\"><td colspan=\"2\">"
                        html += row.changes.map(change).joined(separator: " ")
                        html += "</td></tr>\n"
                    }
                }
                html += "</table>\n"
            }
            return html + related.map(relatedPair).joined() + "</section>\n"
                + (additionsAfter[division.id] ?? []).map(addition).joined()
        }

        /// A provincial-only provision where it stands in the provincial text: its text all inserted, nothing
        /// on the national side.
        func addition(_ id: String) -> String {
            let e = MatrixHTML.escape
            let division = provincial.division(id: id)
            return "<section class=\"pair addition\" id=\"\(anchor(provincial: id))\">\n"
                + "<h4>— ⇄ \(e(division?.namedHeading ?? id)) <span class=\"link added\">provincial only</span></h4>\n"
                + "<table class=\"sbs\">\n"
                + (division?.allSentences ?? []).map {
                    "<tr>" + MatrixHTML.sides(national: nil, provincial: $0) + "</tr>\n"
                }.joined() + "</table>\n</section>\n"
        }

        func change(_ change: Change) -> String {
            let e = MatrixHTML.escape
            var text = "<span class=\"change\"><span class=\"kind kind-\(e(change.kind.rawValue))\">"
            text += e(change.kind.rawValue) + "</span> "
            if !change.national.isEmpty { text += "<del>\(e(change.national))</del>" }
            if !change.national.isEmpty, !change.provincial.isEmpty { text += " → " }
            if !change.provincial.isEmpty { text += "<ins>\(e(change.provincial))</ins>" }
            return text + "</span>"
        }

        func evidence(_ evidence: LinkEvidence) -> String {
            var parts: [String] = []
            if evidence.sharedSentences > 0 { parts.append("\(evidence.sharedSentences) shared sentence(s)") }
            if !evidence.citations.isEmpty {
                parts.append("cites " + evidence.citations.map(MatrixHTML.escape).joined(separator: "、"))
            }
            if evidence.matchingHeading { parts.append("matching heading") }
            return parts.isEmpty ? "none recorded" : parts.joined(separator: "; ")
        }

        func droppedList() -> String {
            let e = MatrixHTML.escape
            var html = "<section id=\"dropped\">\n<h2>Dropped national provisions</h2>\n"
            guard !comparison.nationalOnly.isEmpty else {
                return html + "<p>None: every national provision has a provincial counterpart.</p>\n</section>\n"
            }
            html += "<ul class=\"dropped-list\">\n"
            for id in comparison.nationalOnly {
                let name = national.division(id: id)?.namedHeading ?? id
                html += "<li><a href=\"#\(anchor(national: id))\">\(e(name))</a></li>\n"
            }
            return html + "</ul>\n</section>\n"
        }

        func provincialOnlyList() -> String {
            let e = MatrixHTML.escape
            var html = "<section id=\"provincial-only\">\n<h2>Provincial-only provisions</h2>\n"
            guard !comparison.provincialOnly.isEmpty else {
                return html + "<p>None: every provincial provision draws on a national one.</p>\n</section>\n"
            }
            html += "<ul class=\"additions\">\n"
            for id in comparison.provincialOnly {
                let division = provincial.division(id: id)
                html +=
                    "<li><a href=\"#\(anchor(provincial: id))\">\(e(division?.namedHeading ?? id))</a> "
                    + "<ins>\(e(division?.allSentences.joined() ?? ""))</ins></li>\n"
            }
            return html + "</ul>\n</section>\n"
        }
    }

    /// Added to the matrix page's style: link and change kinds, the contents, and printing.
    static let style = """
        table.docs{margin:.5em 0 1em}table.docs th{text-align:left}
        nav#contents ol{padding-left:1.4em;margin:.2em 0}nav#contents ol ol{list-style:none}nav#contents li{margin:.1em 0}
        table.counts th{text-align:left;font-weight:normal}table.counts td{text-align:right;font-variant-numeric:tabular-nums}
        .kind{display:inline-block;padding:0 4px;border:1px solid #888;border-radius:3px;font-size:.85em;margin-right:2px}
        .kind-localized{color:#555;border-style:dotted}.kind-stronger{background:#dbe9ff}.kind-weaker{background:#ffe3c2}
        .kind-number{background:#efd9ff}.kind-actor{background:#d5f2f0}.kind-wording{background:#f2f2f2}
        .kind-added{background:#c4ecc4}.kind-deleted{background:#f8c7c7}
        span.link{display:inline-block;padding:0 4px;border:1px solid #888;border-radius:3px;font-size:.85em}
        p.link{margin:.3em 0;color:#333}section.pair h4 small{font-weight:normal;color:#666}
        tr.changes td{border-top:none;font-size:.9em;color:#333;background:#fcfcfc}
        span.change{margin-right:.8em;white-space:normal}
        h3.section,h4.section,h5.section,h6.section{margin-top:1.6em;color:#24466e}
        @media print{body{margin:0;font-size:10pt}nav#contents{page-break-after:always}
        section.pair{page-break-inside:avoid}a{color:inherit;text-decoration:none}
        del{text-decoration:line-through}ins{text-decoration:underline}}
        """
}
