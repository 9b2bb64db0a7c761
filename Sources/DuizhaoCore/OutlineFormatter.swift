/// Renders a document's outline as an indented tree or as a JSON-ready dictionary.
public enum OutlineFormatter {
    /// Title, metadata lines, then one line per division indented by depth with its paragraph count.
    public static func tree(_ document: PolicyDocument) -> String {
        var lines = [document.title.isEmpty ? "(untitled)" : document.title]
        var meta: [String] = []
        if !document.issuers.isEmpty { meta.append(document.issuers.joined(separator: "、")) }
        if let date = document.date { meta.append(date) }
        if let number = document.documentNumber { meta.append(number) }
        if !meta.isEmpty { lines.append(meta.joined(separator: " · ")) }
        if !document.preamble.isEmpty { lines.append("  序言 (\(document.preamble.count) ¶)") }
        func visit(_ division: Division, depth: Int) {
            let indent = String(repeating: "  ", count: depth + 1)
            if division.kind == .article {
                // An article's 款, 项 and 目 are counted, not listed; an untitled article shows its first words.
                lines.append("\(indent)\(division.namedHeading) (\(division.allParagraphs.count) ¶)")
                return
            }
            if division.kind == .table {
                lines.append("\(indent)表 (\(division.paragraphs.count) rows)")
                return
            }
            let count = division.paragraphs.isEmpty ? "" : " (\(division.paragraphs.count) ¶)"
            lines.append("\(indent)\(division.heading)\(count)")
            for child in division.children { visit(child, depth: depth + 1) }
        }
        for division in document.divisions { visit(division, depth: 0) }
        return lines.joined(separator: "\n")
    }

    /// The `--json` shape: title, issuers, date, documentNumber, notice, preamble, divisions (id, label as printed,
    /// kind, title, excerpt for an untitled outline level, paragraphs, children, responsibleUnits and responsibility
    /// where an item names them), parts (the main text and each attachment, only when there are attachments),
    /// metadata (a web page's table), history, warnings. Absent dates, numbers and bodies are `null`.
    public static func json(_ document: PolicyDocument) -> OutlineJSON { OutlineJSON(document: document) }
}

/// One document's outline as `outline --json` prints it (see `OutlineFormatter.json`).
public struct OutlineJSON: Encodable, Sendable {
    let document: PolicyDocument

    private enum Key: String, CodingKey {
        case title, issuers, date, documentNumber, notice, preamble, divisions, metadata, history, warnings, parts
        case id, label, kind, paragraphs, children, excerpt, responsibleUnits, responsibility, value, body, action
        case text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(document.title, forKey: .title)
        try container.encode(document.issuers, forKey: .issuers)
        try container.encode(document.date, forKey: .date)
        try container.encode(document.documentNumber, forKey: .documentNumber)
        try container.encode(document.notice, forKey: .notice)
        try container.encode(document.preamble, forKey: .preamble)
        try container.encode(document.divisions.map(DivisionJSON.init), forKey: .divisions)
        try container.encode(document.metadata.map { ["label": $0.label, "value": $0.value] }, forKey: .metadata)
        try container.encode(document.history.map(EventJSON.init), forKey: .history)
        try container.encode(document.warnings.map(\.description), forKey: .warnings)
        if !document.parts.isEmpty { try container.encode(document.parts.map(PartJSON.init), forKey: .parts) }
    }

    private struct DivisionJSON: Encodable {
        let division: Division

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(division.id, forKey: .id)
            try container.encode(division.label, forKey: .label)
            try container.encode(division.kind.rawValue, forKey: .kind)
            try container.encode(division.title, forKey: .title)
            try container.encode(division.paragraphs, forKey: .paragraphs)
            try container.encode(division.children.map(DivisionJSON.init), forKey: .children)
            if division.kind.isOutlineLevel, let excerpt = division.excerpt {
                try container.encode(excerpt, forKey: .excerpt)
            }
            if !division.responsibleUnits.isEmpty {
                try container.encode(division.responsibleUnits, forKey: .responsibleUnits)
                try container.encode(division.responsibility, forKey: .responsibility)
            }
        }
    }

    private struct EventJSON: Encodable {
        let event: LegislativeEvent

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            // Each written even when absent (`null`), as a consumer reading events expects all four keys.
            for (key, value) in [(Key.date, event.date), (.body, event.body), (.action, event.action)] {
                try container.encode(value, forKey: key)
            }
            try container.encode(event.text, forKey: .text)
        }
    }

    private struct PartJSON: Encodable {
        let label: String
        let title: String
        let paragraphs: [String]
        let divisions: [DivisionJSON]

        init(_ part: DocumentPart) {
            (label, title, paragraphs) = (part.label, part.title, part.paragraphs)
            divisions = part.divisions.map(DivisionJSON.init)
        }
    }
}
