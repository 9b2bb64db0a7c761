extension Division {
    /// The division as a list names it: label and title, or for an untitled division (an article printed without
    /// a heading) its label and the excerpt of its first words (`第三条 村民委员会根据…`).
    public var namedHeading: String {
        guard let excerpt else { return heading }
        return label.isEmpty ? excerpt : label + " " + excerpt
    }
}

extension PolicyDocument {
    /// Finds a division by a reference as a reader types it (see `DivisionResolver`). To resolve many
    /// references in one document, build a `DivisionResolver` once.
    public func resolveDivision(_ reference: String) -> Division? {
        DivisionResolver(self).resolve(reference)
    }
}

/// Finds divisions of one document by a reference as a reader types it: an id (`2.4`), a label as printed
/// (`第二十四条`, `（三）`, `一、`, `附件1`), that label with other numerals or brackets (`第24条`, `(3)`), or a bare
/// number (`24`, `二十四`; in a law the article, before the chapter whose id is `2`). A label or number that several
/// divisions share resolves by the first kind that has it (articles, then clauses, items, sections, chapters,
/// sub-items) and only when that kind has it once; otherwise nil. The one resolver of the CLI (`show`,
/// `compare --clause`, `bookmarks add`) and the reader's `:`; indexes the document once.
public struct DivisionResolver: Sendable {
    private let divisions: [Division]
    private let byID: [String: Int]
    private let byLabel: [String: [Int]]
    private let byNumber: [Int: [Int]]

    public init(_ document: PolicyDocument) {
        divisions = document.allDivisions
        var byID: [String: Int] = [:]
        var byLabel: [String: [Int]] = [:]
        var byNumber: [Int: [Int]] = [:]
        for (index, division) in divisions.enumerated() {
            if byID[division.id] == nil { byID[division.id] = index }
            if !division.label.isEmpty {
                byLabel[DivisionReference.normalized(division.label), default: []].append(index)
            }
            byNumber[division.number, default: []].append(index)
        }
        self.byID = byID
        self.byLabel = byLabel
        self.byNumber = byNumber
    }

    public func resolve(_ reference: String) -> Division? {
        let trimmed = reference.trimmingWhitespace()
        // In a law a bare number names its article (numbered through the whole law), not the chapter with that id.
        if let number = Int(trimmed), let article = DivisionReference.unique(numbered(number), kinds: [.article]) {
            return article
        }
        if let exact = byID[trimmed] { return divisions[exact] }
        let wanted = DivisionReference.normalized(trimmed)
        guard !wanted.isEmpty else { return nil }
        if let labelled = byLabel[wanted] {
            return DivisionReference.unique(labelled.map { divisions[$0] }, kinds: DivisionReference.labelPreference)
        }
        guard let parsed = DivisionReference.parse(wanted) else { return nil }
        return DivisionReference.unique(numbered(parsed.number), kinds: parsed.kinds)
    }

    private func numbered(_ number: Int) -> [Division] { (byNumber[number] ?? []).map { divisions[$0] } }
}

/// Reading a typed reference to a division (see `PolicyDocument.resolveDivision`).
enum DivisionReference {
    /// Kinds tried, in order, for a bare number.
    static let numberPreference: [DivisionKind] = [.article, .clause, .item, .section, .chapter, .subItem, .attachment]

    /// Kinds tried, in order, for a label several divisions print.
    static let labelPreference = numberPreference + DivisionKind.allCases.filter { !numberPreference.contains($0) }

    /// The division of the first kind (in `kinds` order) that any candidate has, when exactly one candidate has it.
    static func unique(_ candidates: [Division], kinds: [DivisionKind]) -> Division? {
        for kind in kinds {
            let ofKind = candidates.filter { $0.kind == kind }
            if ofKind.count == 1 { return ofKind[0] }
            if ofKind.count > 1 { return nil }
        }
        return nil
    }

    /// Without spaces, with ASCII brackets and full stops as the full-width ones printed in documents.
    static func normalized(_ text: String) -> String {
        var result = ""
        for character in text where !character.isWhitespace {
            switch character {
            case "(": result.append("（")
            case ")": result.append("）")
            case "．", "。": result.append(".")
            default: result.append(character)
            }
        }
        return result
    }

    /// The number and the kinds a normalised reference can name: `第24条` an article, `（三）` an item, `一、` a
    /// section, `4.` a clause, `24` or `二十四` any kind (by `numberPreference`).
    static func parse(_ text: String) -> (number: Int, kinds: [DivisionKind])? {
        var scalars = Array(text.unicodeScalars)
        var kinds = numberPreference
        if scalars.first == "第", scalars.count >= 3, let unit = scalars.last {
            let levels: [Unicode.Scalar: DivisionKind] = [
                "编": .part, "章": .chapter, "节": .subchapter, "条": .article, "款": .articleParagraph,
                "项": .articleItem, "目": .articleSubitem,
            ]
            guard let kind = levels[unit] else { return nil }
            kinds = [kind]
            scalars = Array(scalars.dropFirst().dropLast())
        } else if scalars.first == "（", scalars.last == "）", scalars.count >= 3 {
            kinds = [.item, .subItem, .articleItem]
            scalars = Array(scalars.dropFirst().dropLast())
        } else if scalars.last == "、", scalars.count >= 2 {
            kinds = [.section, .clause]
            scalars.removeLast()
        } else if scalars.last == ".", scalars.count >= 2 {
            kinds = [.clause, .articleSubitem]
            scalars.removeLast()
        }
        guard let number = Numerals.value(scalars) else { return nil }
        return (number, kinds)
    }
}

/// One line of a division's text as printed: a heading, or a paragraph (with a run-in label).
public struct PrintedLine: Sendable, Equatable {
    public var text: String
    public var isHeading: Bool
}

extension Division {
    /// Whether the label is printed at the start of the first paragraph (`（一）名称；`) rather than on a line of
    /// its own: an untitled division below the outline levels (an article's 项 and 目).
    public var labelRunsIn: Bool { !kind.isOutlineLevel && title.isEmpty && !paragraphs.isEmpty }

    /// This division and its descendants as printed: a heading line for each division with a heading (none for a
    /// 款, which has no label), the paragraphs, an item's label run into its first paragraph.
    public var printedLines: [PrintedLine] {
        flattened.flatMap { division -> [PrintedLine] in
            var lines = division.paragraphs.map { PrintedLine(text: $0, isHeading: false) }
            if division.labelRunsIn {
                lines[0].text = division.label + lines[0].text
            } else if !division.heading.isEmpty {
                lines.insert(PrintedLine(text: division.heading, isHeading: true), at: 0)
            }
            return lines
        }
    }
}
