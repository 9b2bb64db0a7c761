extension Division {
    /// The division as a list names it: label and title, or for an untitled division (an article printed without
    /// a heading) its label and the excerpt of its first words (`第三条 村民委员会根据…`).
    public var namedHeading: String {
        guard let excerpt else { return heading }
        return label.isEmpty ? excerpt : label + " " + excerpt
    }
}

extension PolicyDocument {
    /// Finds a division by a reference as a reader types it (see `DivisionResolver`): the division when the
    /// reference names exactly one, else nil. To resolve many references in one document, build a
    /// `DivisionResolver` once; to tell "ambiguous" from "none", use `DivisionResolver.resolution`.
    public func resolveDivision(_ reference: String) -> Division? {
        DivisionResolver(self).resolve(reference)
    }
}

/// What a typed reference names in one document: one division, several (the reference is ambiguous: the
/// candidates, in document order), or none.
public enum DivisionResolution: Sendable, Equatable {
    case found(Division)
    case ambiguous([Division])
    case none

    public var division: Division? {
        if case .found(let division) = self { return division }
        return nil
    }
}

/// Finds divisions of one document by a reference as a reader types it: an id (`2.4`), a label as printed
/// (`第二十四条`, `（三）`, `一、`, `附件1`), that label with other numerals or brackets (`第24条`, `(3)`), or a bare
/// number (`24`, `二十四`). A bare number names a provision before anything else: the article of a law, the
/// clause of a 意见 (`4` and `四` are both clause 4, never the section whose id is `4`); only when no division has
/// that number is it read as an id. `第N条` names article N, or in a document without articles its clause N. A
/// label or number several divisions share resolves by the first kind that has it (articles, then clauses, items,
/// sections, chapters, sub-items): when that kind has it once, that division, else the reference is ambiguous and
/// the candidates are returned. The one resolver of the CLI (`show`, `compare --clause`, `bookmarks add`) and the
/// reader's `:`; indexes the document once.
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

    /// The division a reference names when it names exactly one.
    public func resolve(_ reference: String) -> Division? { resolution(reference).division }

    public func resolution(_ reference: String) -> DivisionResolution {
        let trimmed = reference.trimmingWhitespace()
        let wanted = DivisionReference.normalized(trimmed)
        guard !wanted.isEmpty else { return .none }
        // A bare number (24, 二十四, ２４): a provision's number before an id.
        if let number = DivisionReference.bareNumber(wanted) {
            let numbered = DivisionReference.pick(numbered(number), kinds: DivisionReference.numberPreference)
            if numbered != .none { return numbered }
            if let exact = byID[trimmed] { return .found(divisions[exact]) }
            return .none
        }
        if let exact = byID[trimmed] { return .found(divisions[exact]) }
        if let labelled = byLabel[wanted] {
            let picked = DivisionReference.pick(
                labelled.map { divisions[$0] }, kinds: DivisionReference.labelPreference)
            if picked != .none { return picked }
        }
        guard let parsed = DivisionReference.parse(wanted) else { return .none }
        return DivisionReference.pick(numbered(parsed.number), kinds: parsed.kinds)
    }

    private func numbered(_ number: Int) -> [Division] { (byNumber[number] ?? []).map { divisions[$0] } }

    /// How many candidates an ambiguity lists by name before "and N more".
    public static let listedCandidates = 6

    /// The one-line problem of a reference that did not name one division (nil when it did). An ambiguous one
    /// lists its candidates (an item with the provision it is in) with their ids, which always resolve:
    /// `'（一）' is ambiguous: 第八条（一） 宣传宪法… [2.8.1.1], 第十五条（一） 本村建设规划… [3.15.1.1]; give the id`.
    public func problem(_ resolution: DivisionResolution, reference: String) -> String? {
        switch resolution {
        case .found: return nil
        case .none: return "no division with id, number or label '\(reference)'"
        case .ambiguous(let candidates):
            var names = candidates.prefix(Self.listedCandidates).map { contextName($0) + " [" + $0.id + "]" }
                .joined(separator: ", ")
            if candidates.count > Self.listedCandidates {
                names += " and \(candidates.count - Self.listedCandidates) more"
            }
            return "'\(reference)' is ambiguous: \(names); give the id"
        }
    }

    /// A division's name with the label of the nearest enclosing outline-level division when it is below them
    /// (an item of an article: `第八条（一） 宣传宪法…`).
    func contextName(_ division: Division) -> String {
        guard !division.kind.isOutlineLevel else { return division.namedHeading }
        var id = Substring(division.id)
        while let dot = id.lastIndex(of: ".") {
            id = id[..<dot]
            if let index = byID[String(id)], divisions[index].kind.isOutlineLevel {
                return divisions[index].label + division.namedHeading
            }
        }
        return division.namedHeading
    }
}

/// Reading a typed reference to a division (see `PolicyDocument.resolveDivision`).
enum DivisionReference {
    /// Kinds tried, in order, for a bare number.
    static let numberPreference: [DivisionKind] = [.article, .clause, .item, .section, .chapter, .subItem, .attachment]

    /// Kinds tried, in order, for a label several divisions print.
    static let labelPreference = numberPreference + DivisionKind.allCases.filter { !numberPreference.contains($0) }

    /// The division of the first kind (in `kinds` order) that any candidate has, when exactly one candidate has
    /// it; the candidates of that kind when several have it.
    static func pick(_ candidates: [Division], kinds: [DivisionKind]) -> DivisionResolution {
        for kind in kinds {
            let ofKind = candidates.filter { $0.kind == kind }
            if ofKind.count == 1 { return .found(ofKind[0]) }
            if ofKind.count > 1 { return .ambiguous(ofKind) }
        }
        return .none
    }

    /// The value of a reference that is only a number (ASCII, full-width or Chinese numerals), else nil.
    static func bareNumber(_ text: String) -> Int? {
        Numerals.value(Array(text.unicodeScalars))
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
            // 第N条 in a document without articles: its clause N (what `?` offers as an example works everywhere).
            kinds = kind == .article ? [.article, .clause] : [kind]
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
