import DuizhaoCompare
import DuizhaoCore

/// The research dataset (`duizhao matrix … --links-csv FILE`): one row per link of every implementation (hand and
/// automatic), one per national provision it drops (`kind` = `dropped`) and one per provision only it has
/// (`kind` = `new`). RFC 4180 (quoted fields where needed, CRLF line ends), cells made safe for spreadsheets.
/// The columns are documented in `docs/MATRIX.md`.
public enum LinksCSV {
    public static let header = [
        "national_file", "national_label", "national_title", "document_file", "jurisdiction", "date",
        "provincial_label", "kind", "source", "score", "carried", "changes", "evidence",
    ]

    /// The whole dataset, header first.
    public static func text(_ matrix: AdoptionMatrix) -> String {
        var lines = [header.map(field).joined(separator: ",")]
        let nationalDivisions = ProvisionNames(matrix.national)
        let rowOrder = Dictionary(
            matrix.provisions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for column in matrix.columns {
            lines += rows(
                of: column, national: matrix.national, nationalDivisions: nationalDivisions, rowOrder: rowOrder)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The rows of one implementation: its links and dropped provisions in national order, then its own
    /// provisions in its order.
    static func rows(
        of column: MatrixColumn, national: PolicyDocument, nationalDivisions: ProvisionNames,
        rowOrder: [String: Int]
    ) -> [String] {
        let comparison = column.comparison
        let provincial = ProvisionNames(column.document)
        var changes: [String: [Change]] = [:]
        for pair in comparison.linkedPairs(national: national, provincial: column.document) {
            changes["\(pair.link.national)\u{0}\(pair.link.provincial)", default: []] += pair.changes
        }
        var carried: [String: Double] = [:]
        for entry in comparison.nationalCoverage where carried[entry.id] == nil {
            carried[entry.id] = entry.carriedShare
        }
        let document = [column.document.source, column.jurisdiction, column.document.date ?? ""]
        func nationalCells(_ id: String) -> [String] {
            [national.source, nationalDivisions.label(id), nationalDivisions.title(id)]
        }
        func share(_ id: String) -> String { carried[id].map { TextFormatting.fixed($0, digits: 3) } ?? "" }

        var entries: [(order: Int, cells: [String])] = []
        for link in comparison.links {
            let counts = ChangeClassifier.counts(changes["\(link.national)\u{0}\(link.provincial)"] ?? [])
            entries.append(
                (
                    rowOrder[link.national] ?? Int.max,
                    nationalCells(link.national) + document + [
                        provincial.label(link.provincial), link.kind.rawValue, link.source.rawValue,
                        TextFormatting.fixed(link.score, digits: 3), share(link.national), changesCell(counts),
                        evidenceCell(link.evidence),
                    ]
                ))
        }
        for id in comparison.nationalOnly {
            entries.append(
                (
                    rowOrder[id] ?? Int.max,
                    nationalCells(id) + document + ["", "dropped", "", "", share(id), "", ""]
                ))
        }
        // Stable: links of one provision keep the comparison's order, the dropped row after them.
        var lines = entries.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .map { $0.element.cells.map(field).joined(separator: ",") }
        for id in comparison.provincialOnly {
            let cells = ["", "", ""] + document + [provincial.label(id), "new", "", "", "", "", ""]
            lines.append(cells.map(field).joined(separator: ","))
        }
        return lines
    }

    /// `localized:2;stronger:1`, kinds in their fixed order, zero counts left out.
    static func changesCell(_ counts: [ChangeKind: Int]) -> String {
        ChangeKind.allCases.compactMap { kind in
            guard let count = counts[kind], count > 0 else { return nil }
            return "\(kind.rawValue):\(count)"
        }.joined(separator: ";")
    }

    /// `sentences:3;heading;citation:《…》第十条`: what the link rests on.
    static func evidenceCell(_ evidence: LinkEvidence) -> String {
        var parts: [String] = []
        if evidence.sharedSentences > 0 { parts.append("sentences:\(evidence.sharedSentences)") }
        if evidence.matchingHeading { parts.append("heading") }
        parts += evidence.citations.map { "citation:" + $0 }
        return parts.joined(separator: ";")
    }

    /// One CSV field: the program's one CSV writer (`CSVField`: controls made visible, a formula neutralised with
    /// `'`, quoted as RFC 4180 requires).
    static func field(_ raw: String) -> String { CSVField.encode(raw) }
}

/// Printed label and title of divisions by id.
struct ProvisionNames {
    private let divisions: [String: Division]

    init(_ document: PolicyDocument) {
        var table: [String: Division] = [:]
        for division in document.allDivisions where table[division.id] == nil { table[division.id] = division }
        divisions = table
    }

    /// The printed label of a provision, else its id (an unlabelled division, or one the document lacks).
    func label(_ id: String) -> String {
        guard let label = divisions[id]?.label, !label.isEmpty else { return id }
        return label
    }

    /// The title, or the first words of an untitled provision; empty for an id the document lacks.
    func title(_ id: String) -> String { divisions[id]?.displayTitle ?? "" }
}
