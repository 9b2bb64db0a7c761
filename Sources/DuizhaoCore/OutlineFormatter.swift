import Foundation

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
    /// where an item names them), parts (the main text and each
    /// attachment, only when there are attachments), metadata (a web page's table),
    /// history, warnings.
    public static func jsonObject(_ document: PolicyDocument) -> [String: Any] {
        func divisionObject(_ division: Division) -> [String: Any] {
            var object: [String: Any] = [
                "id": division.id, "label": division.label, "kind": division.kind.rawValue,
                "title": division.title, "paragraphs": division.paragraphs,
                "children": division.children.map(divisionObject),
            ]
            if division.kind.isOutlineLevel, let excerpt = division.excerpt { object["excerpt"] = excerpt }
            if !division.responsibleUnits.isEmpty {
                object["responsibleUnits"] = division.responsibleUnits
                object["responsibility"] = division.responsibility
            }
            return object
        }
        var object: [String: Any] = [
            "title": document.title,
            "issuers": document.issuers,
            "date": document.date as Any? ?? NSNull(),
            "documentNumber": document.documentNumber as Any? ?? NSNull(),
            "notice": document.notice,
            "preamble": document.preamble,
            "divisions": document.divisions.map(divisionObject),
            "metadata": document.metadata.map { ["label": $0.label, "value": $0.value] },
            "history": document.history.map { event -> [String: Any] in
                [
                    "date": event.date as Any? ?? NSNull(), "body": event.body as Any? ?? NSNull(),
                    "action": event.action as Any? ?? NSNull(), "text": event.text,
                ]
            },
            "warnings": document.warnings.map(\.description),
        ]
        if !document.parts.isEmpty {
            object["parts"] = document.parts.map { part -> [String: Any] in
                [
                    "label": part.label, "title": part.title, "paragraphs": part.paragraphs,
                    "divisions": part.divisions.map(divisionObject),
                ]
            }
        }
        return object
    }
}
