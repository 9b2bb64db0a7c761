import Foundation

/// The kind of a numbered division, following the 公文 numbering convention.
public enum DivisionKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// 一、二、三、
    case section
    /// （一）（二） or (一)
    case item
    /// 1. 1． 1。 １． 1、
    case clause
    /// （1）（2） or (1)
    case subItem = "subitem"
    /// The single division of a document without recognisable numbering.
    case body

    /// Rank in the hierarchy: a division nests inside the nearest open division of lower rank.
    public var rank: Int {
        switch self {
        case .body: return 0
        case .section: return 1
        case .item: return 2
        case .clause: return 3
        case .subItem: return 4
        }
    }

    public static func < (lhs: DivisionKind, rhs: DivisionKind) -> Bool { lhs.rank < rhs.rank }
}

/// A numbered unit of a policy document (section, item, clause, sub-item) with its text and sub-divisions.
public struct Division: Sendable, Equatable, Codable {
    /// Stable id: the path of printed ordinals, e.g. `2.4` for clause 4 in section 二.
    public var id: String
    public var kind: DivisionKind
    /// The label as printed, e.g. `一、`, `（三）`, `4.`.
    public var label: String
    /// The printed number of this division (一 = 1, （三） = 3, 4. = 4).
    public var number: Int
    /// The heading: the leading phrase up to the first 。 for inline titles, or the whole stand-alone heading.
    public var title: String
    /// Body paragraphs, without the label and title.
    public var paragraphs: [String]
    public var children: [Division]

    public init(
        id: String, kind: DivisionKind, label: String, number: Int, title: String,
        paragraphs: [String] = [], children: [Division] = []
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.number = number
        self.title = title
        self.paragraphs = paragraphs
        self.children = children
    }

    /// Sentences of every paragraph, in order (split on 。！？； outside quotes and brackets).
    public var sentences: [String] { paragraphs.flatMap(SentenceSplitter.split) }

    /// This division and all its descendants, depth first.
    public var flattened: [Division] {
        var result: [Division] = []
        appendFlattened(into: &result)
        return result
    }

    func appendFlattened(into result: inout [Division]) {
        result.append(self)
        for child in children { child.appendFlattened(into: &result) }
    }

    /// The heading as a reader shows it: label followed by the title.
    public var heading: String { title.isEmpty ? label : label + title }
}

/// A policy document imported from plain text: metadata, preamble and the tree of divisions.
public struct PolicyDocument: Sendable, Equatable {
    public var title: String
    public var issuers: [String]
    /// ISO 8601 date (yyyy-MM-dd) when the document states one.
    public var date: String?
    /// e.g. 甘办发〔2017〕52号
    public var documentNumber: String?
    /// Lines of the notice or news release that frames the document (kept as metadata, not body text).
    public var notice: [String]
    public var preamble: [String]
    public var divisions: [Division]
    /// Things the importer noticed and worked around (noise dropped, structure missing, …).
    public var warnings: [String]
    /// Where the text came from (a path, or `bundled:national`).
    public var source: String

    public init(
        title: String = "", issuers: [String] = [], date: String? = nil, documentNumber: String? = nil,
        notice: [String] = [], preamble: [String] = [], divisions: [Division] = [], warnings: [String] = [],
        source: String = ""
    ) {
        self.title = title
        self.issuers = issuers
        self.date = date
        self.documentNumber = documentNumber
        self.notice = notice
        self.preamble = preamble
        self.divisions = divisions
        self.warnings = warnings
        self.source = source
    }

    /// Every division, depth first in document order.
    public var allDivisions: [Division] {
        var result: [Division] = []
        for division in divisions { division.appendFlattened(into: &result) }
        return result
    }

    /// The division with this id, if any.
    public func division(id: String) -> Division? {
        allDivisions.first { $0.id == id }
    }

    /// The units a comparison aligns: the divisions one level below the sections (clauses, or items when
    /// the document has no clauses directly under its sections); the sections themselves when they have
    /// no numbered children; the single body division of an unstructured document.
    public var comparableUnits: [Division] {
        var result: [Division] = []
        func visit(_ division: Division) {
            if division.kind == .section || division.kind == .body {
                if division.children.isEmpty { result.append(division) } else { division.children.forEach(visit) }
            } else if division.kind == .item, division.children.contains(where: { $0.kind == .clause }) {
                division.children.forEach(visit)
            } else {
                result.append(division)
            }
        }
        divisions.forEach(visit)
        return result
    }

    /// Finds a division by full id (`2.4`) or, when unambiguous, by its printed number alone (`4`),
    /// preferring clauses.
    public func resolveDivision(_ reference: String) -> Division? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let all = allDivisions
        if let exact = all.first(where: { $0.id == trimmed }) { return exact }
        guard let number = Int(trimmed) else { return nil }
        for kind in [DivisionKind.clause, .item, .section, .subItem] {
            let candidates = all.filter { $0.kind == kind && $0.number == number }
            if candidates.count == 1 { return candidates[0] }
            if candidates.count > 1 { return nil }
        }
        return nil
    }
}
