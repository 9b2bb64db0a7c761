import DuizhaoCompare
import DuizhaoCore

/// Renders an `AdoptionMatrix` as JSON, CSV or Markdown (see `MatrixHTML` for the page).
public enum MatrixFormats {
    // MARK: JSON

    /// A document in the JSON: the national one with its issuers and number of provisions, an implementation
    /// with its jurisdiction and summary. Absent fields are left out.
    struct DocumentJSON: Encodable {
        /// An implementation's number, from 1 in column order (the Markdown and HTML `#`); the additions refer to it.
        var number: Int?
        var file: String
        var title: String
        var date: String?
        var issuers: [String]?
        var provisions: Int?
        var jurisdiction: String?
        /// Encoded as is (its field names are the JSON keys), shares rounded.
        var summary: DocumentSummary?
    }

    struct CellJSON: Encodable {
        var kind: String
        var provincial: [DivisionHeading]
        var carried: Double
        var score: Double
        var byReference: Bool
        /// Linked by hand (`duizhao align`).
        var hand: Bool
    }

    struct RowJSON: Encodable {
        var national: DivisionHeading
        var chapter: DivisionHeading?
        /// In how many documents the provision survives (kept or partly).
        var survives: Int
        var cells: [CellJSON]
    }

    struct OccurrenceJSON: Encodable {
        var document: Int
        var file: String
        var jurisdiction: String
        var provision: DivisionHeading
        var sentence: Int
        var text: String
    }

    struct AdditionJSON: Encodable {
        var text: String
        /// The `number`s of the documents (from 1).
        var documents: [Int]
        var jurisdictions: [String]
        var occurrences: [OccurrenceJSON]
    }

    struct MatrixJSON: Encodable {
        var national: DocumentJSON
        var documents: [DocumentJSON]
        var rows: [RowJSON]
        var additions: [AdditionJSON]
    }

    /// The summary with its shares rounded to three decimals, as every share in the JSON.
    static func roundedShares(_ summary: DocumentSummary) -> DocumentSummary {
        var result = summary
        result.newShare = JSONOutput.rounded(summary.newShare)
        result.coverage = JSONOutput.rounded(summary.coverage)
        return result
    }

    /// The matrix as JSON: one row per national provision in document order, one cell per document in column order.
    public static func json(_ matrix: AdoptionMatrix) throws -> String {
        let survival = matrix.survivalCounts
        let lookups = matrix.columns.map { DivisionLookup($0.document) }
        let report = MatrixJSON(
            national: DocumentJSON(
                file: matrix.national.source, title: matrix.national.title, date: matrix.national.date,
                issuers: matrix.national.issuers, provisions: matrix.provisions.count),
            documents: matrix.columns.enumerated().map { index, column in
                DocumentJSON(
                    number: index + 1, file: column.document.source, title: column.document.title,
                    date: column.document.date,
                    jurisdiction: column.jurisdiction, summary: roundedShares(column.summary))
            },
            rows: matrix.provisions.enumerated().map { row, provision in
                RowJSON(
                    national: DivisionHeading(id: provision.id, label: provision.label, title: provision.title),
                    chapter: provision.chapter,
                    survives: survival[row],
                    cells: matrix.columns.enumerated().map { index, column in
                        let cell = column.cells[row]
                        return CellJSON(
                            kind: cell.kind.rawValue, provincial: cell.provincial.map { lookups[index].provision($0) },
                            carried: JSONOutput.rounded(cell.carried), score: JSONOutput.rounded(cell.score),
                            byReference: cell.byReference, hand: cell.hand)
                    })
            },
            additions: matrix.sharedAdditions.map { addition in
                AdditionJSON(
                    text: addition.text, documents: addition.columns.map { $0 + 1 },
                    jurisdictions: addition.columns.map { matrix.columns[$0].jurisdiction },
                    occurrences: addition.occurrences.map { occurrence in
                        let column = matrix.columns[occurrence.column]
                        return OccurrenceJSON(
                            document: occurrence.column + 1, file: column.document.source,
                            jurisdiction: column.jurisdiction,
                            provision: lookups[occurrence.column].provision(occurrence.sentence.division),
                            sentence: occurrence.sentence.index, text: occurrence.text)
                    })
            })
        return try JSONOutput.text(report)
    }

    /// Id, label and title of divisions by id.
    struct DivisionLookup {
        private let divisions: [String: Division]

        init(_ document: PolicyDocument) {
            var table: [String: Division] = [:]
            for division in document.allDivisions where table[division.id] == nil { table[division.id] = division }
            divisions = table
        }

        /// The division with this id (the first, as `PolicyDocument.division(id:)`), found in constant time.
        func division(_ id: String) -> Division? { divisions[id] }

        func provision(_ id: String) -> DivisionHeading {
            DivisionHeading(id: id, label: divisions[id]?.label ?? "", title: divisions[id]?.title ?? "")
        }

        /// Label and title (or the first words of an untitled provision).
        func heading(_ id: String) -> String {
            guard let division = divisions[id] else { return id }
            return division.displayTitle.isEmpty ? division.label : division.label + " " + division.displayTitle
        }
    }

    // MARK: CSV

    /// One line per national provision: id, label, title, chapter, survives, then per document its kind, carried
    /// share and who linked it (headed `JURISDICTION`, `JURISDICTION carried`, `JURISDICTION source`: `auto`, `hand`
    /// for a researcher's correction, empty when dropped). Fields through `CSVField`: RFC 4180 quoting, control
    /// characters made visible, a cell that a spreadsheet would run as a formula prefixed with `'`; LF line ends.
    public static func csv(_ matrix: AdoptionMatrix) -> String {
        var header = ["id", "label", "title", "chapter", "survives"]
        for name in uniqueNames(matrix) { header += [name, name + " carried", name + " source"] }
        var lines = [header.map(csvField).joined(separator: ",")]
        let survival = matrix.survivalCounts
        for (row, provision) in matrix.provisions.enumerated() {
            var fields = [
                provision.id, provision.label, provision.title, provision.chapter?.title ?? "", String(survival[row]),
            ]
            for column in matrix.columns {
                let cell = column.cells[row]
                let source = cell.kind == .dropped ? "" : cell.hand ? "hand" : "auto"
                fields += [cell.kind.rawValue, TextFormatting.fixed(cell.carried, digits: 3), source]
            }
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One field, through the program's one CSV writer (`CSVField`: sanitised, formulas neutralised, quoted).
    static func csvField(_ raw: String) -> String { CSVField.encode(raw) }

    /// Jurisdictions as column headings, with the file name added where two documents share one.
    public static func uniqueNames(_ matrix: AdoptionMatrix) -> [String] {
        let names = matrix.columns.map(\.jurisdiction)
        return matrix.columns.map { column in
            names.filter { $0 == column.jurisdiction }.count > 1
                ? "\(column.jurisdiction) (\(TextFormatting.lastPathComponent(column.document.source)))"
                : column.jurisdiction
        }
    }

    // MARK: Markdown

    /// Mark of a cell kind for text output: readable without colour.
    public static func mark(_ kind: CellKind) -> String {
        switch kind {
        case .match: return "✓"
        case .partial: return "◐"
        case .dropped: return "✗"
        }
    }

    /// The documents with their summaries, the matrix (✓ kept, ◐ partly, ✗ dropped, with the carried share), the
    /// survival count per provision and the shared additions. Text is sanitised for terminals and markdown tables.
    public static func markdown(_ matrix: AdoptionMatrix) -> String {
        let names = uniqueNames(matrix)
        var lines: [String] = []
        lines.append("# " + cellText(matrix.national.title))
        lines.append("")
        lines.append(
            "National: \(cellText(matrix.national.source)), \(matrix.provisions.count) provisions; \(matrix.columns.count) implementations."
        )
        lines.append("")
        lines.append("## Implementations")
        lines.append("")
        lines.append("| # | jurisdiction | title | date | kept | partly | dropped | additions | new text | coverage |")
        lines.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|")
        for (index, column) in matrix.columns.enumerated() {
            let summary = column.summary
            lines.append(
                "| \(index + 1) | \(cellText(names[index])) | \(cellText(column.document.title)) | \(column.document.date ?? "") | "
                    + "\(summary.kept) | \(summary.partly) | \(summary.dropped) | \(summary.additions) | "
                    + "\(TextFormatting.percent(summary.newShare)) | \(TextFormatting.percent(summary.coverage)) |")
        }
        lines.append("")
        lines.append("## Provisions")
        lines.append("")
        lines.append(
            "✓ kept, ◐ partly, ✗ dropped; the share of the national provision carried over, or ref: kept by "
                + "reference (a provision cites it, 依照《…》的规定执行, and carries none of its text)"
                + (matrix.columns.contains { $0.cells.contains(where: \.hand) } ? "; ✎: linked by hand." : "."))
        lines.append("")
        lines.append("| provision | " + names.map(cellText).joined(separator: " | ") + " | survives |")
        lines.append("|---|" + String(repeating: "---|", count: names.count) + "---:|")
        let survival = matrix.survivalCounts
        var chapter: DivisionHeading?
        for (row, provision) in matrix.provisions.enumerated() {
            if let heading = provision.chapter, heading != chapter {
                lines.append(
                    "| **\(cellText(heading.label + " " + heading.title))** |"
                        + String(repeating: " |", count: names.count + 1))
            }
            chapter = provision.chapter
            let cells = matrix.columns.map { column -> String in
                label(column.cells[row])
            }
            lines.append(
                "| \(cellText(provisionHeading(provision))) | " + cells.joined(separator: " | ")
                    + " | \(survival[row])/\(matrix.columns.count) |")
        }
        lines.append("")
        lines.append("## Shared additions")
        lines.append("")
        if matrix.sharedAdditions.isEmpty {
            lines.append("No new text is shared by two or more implementations.")
        }
        for addition in matrix.sharedAdditions {
            let sharedBy = addition.columns.map { names[$0] }.joined(separator: "、")
            lines.append("- \(cellText(addition.text)) — \(addition.columns.count): \(cellText(sharedBy))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `第三条 title` (or its first words when untitled), `4. title`.
    public static func provisionHeading(_ provision: MatrixProvision) -> String {
        provision.displayTitle.isEmpty ? provision.label : "\(provision.label) \(provision.displayTitle)"
    }

    /// A cell as the markdown and HTML matrices show it: `✗`, `✓ 100%`, `◐ 40%`, or `✓ ref` (kept by reference);
    /// ` ✎` after a cell linked by hand.
    static func label(_ cell: MatrixCell) -> String {
        if cell.kind == .dropped { return mark(cell.kind) }
        return mark(cell.kind) + " " + (cell.byReference ? "ref" : TextFormatting.percent(cell.carried))
            + (cell.hand ? " ✎" : "")
    }

    /// Text safe for one markdown table cell on a terminal: controls made visible, pipes escaped, lines joined.
    static func cellText(_ text: String) -> String {
        TerminalSafeText.sanitize(text.replacing("\n", with: " "))
            .replacing("|", with: "\\|")
    }
}
