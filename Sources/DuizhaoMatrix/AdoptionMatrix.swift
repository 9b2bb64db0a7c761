import DuizhaoCompare
import DuizhaoCore

/// What became of one national provision in one implementation.
public enum CellKind: String, Sendable, Codable, CaseIterable {
    /// Implemented by at least one provincial provision.
    case match
    /// Only partly carried over.
    case partial
    /// Not found in the implementation.
    case dropped

    /// Whether the provision survives (fully or partly) in the implementation.
    public var survives: Bool { self != .dropped }
}

/// One national provision in one implementation: the comparison's verdict for that pair.
public struct MatrixCell: Sendable, Equatable {
    public var kind: CellKind
    /// Provincial provision ids linked with the national provision, best link first.
    public var provincial: [String]
    /// Share of the national provision's sentences carried over or rewritten (0…1).
    public var carried: Double
    /// Similarity of the best link (0 when dropped).
    public var score: Double
    /// Kept by reference: a provincial provision cites this one (`依照《…》的规定执行`) and carries none of its
    /// sentences, so a carried share of 0 means implemented, not emptied. Shown as `ref`, not `0%`.
    public var byReference: Bool
    /// Linked by hand (a researcher's correction, `LinkSource.hand`): marked ✎ in every format.
    public var hand: Bool = false
}

/// A national provision: one row of the matrix.
public struct MatrixProvision: Sendable, Equatable {
    /// Division id in the national document.
    public var id: String
    /// The label as printed (第三条, 4.).
    public var label: String
    /// The title as printed (empty for an untitled article).
    public var title: String
    /// The title, or the first words of an untitled provision's text (`Division.displayTitle`).
    public var displayTitle: String
    /// Id, label and title of the top-level division (chapter, section) it belongs to; nil at the top level.
    public var chapter: DivisionHeading?

    public init(id: String, label: String, title: String, displayTitle: String? = nil, chapter: DivisionHeading?) {
        self.id = id
        self.label = label
        self.title = title
        self.displayTitle = displayTitle ?? title
        self.chapter = chapter
    }
}

/// Id, label and title of a division: a chapter (or section) a provision belongs to, a linked provision.
public struct DivisionHeading: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var label: String
    public var title: String
}

/// The figures of one implementation against the national document (encoded as is in the matrix JSON).
public struct DocumentSummary: Sendable, Equatable, Encodable {
    /// National provisions implemented.
    public var kept: Int
    /// National provisions partly carried over.
    public var partly: Int
    /// National provisions not found.
    public var dropped: Int
    /// Provincial provisions with no national counterpart.
    public var additions: Int
    /// Share of the implementation's compared text (characters of its sentences) with no national source (0…1).
    public var newShare: Double
    /// Mean carried share over the national provisions (0…1): how much of the national text survives.
    public var coverage: Double
}

/// One implementation compared with the national document: a column of the matrix.
public struct MatrixColumn: Sendable {
    public var document: PolicyDocument
    /// Short name of the issuing province or city, else the file name (see `Jurisdiction`).
    public var jurisdiction: String
    /// Exactly `Comparator.compare(national:provincial:)` for this pair.
    public var comparison: Comparison
    /// One cell per national provision, in row order.
    public var cells: [MatrixCell]
    public var summary: DocumentSummary
    /// The implementation's sentences with no national source, in document order (for `SharedAdditionFinder`).
    public var newSentences: [NewSentence]

    /// Derives the column from the pair's comparison; `provisions` are the matrix rows.
    public init(document: PolicyDocument, comparison: Comparison, provisions: [MatrixProvision]) {
        self.document = document
        self.comparison = comparison
        jurisdiction = Jurisdiction.of(document)
        var coverage: [String: NationalCoverage] = [:]
        for entry in comparison.nationalCoverage where coverage[entry.id] == nil { coverage[entry.id] = entry }
        cells = provisions.map { provision in
            let links = comparison.provincialLinks(ofNational: provision.id)
            let status = coverage[provision.id]?.status ?? (links.isEmpty ? .dropped : .partial)
            let kind: CellKind = status == .implemented ? .match : status == .partial ? .partial : .dropped
            let carried = coverage[provision.id]?.carriedShare ?? 0
            let cited = links.contains { $0.kind == .match && !$0.evidence.citations.isEmpty }
            return MatrixCell(
                kind: kind, provincial: links.map(\.provincial), carried: carried, score: links.first?.score ?? 0,
                byReference: kind == .match && carried == 0 && cited,
                hand: links.contains { $0.source == .hand })
        }
        let sentences = SentenceTexts(document, divisions: Set(comparison.provenance.map(\.provincial.division)))
        var newCharacters = 0
        var allCharacters = 0
        var newSentences: [NewSentence] = []
        for entry in comparison.provenance {
            let text = sentences.text(entry.provincial)
            allCharacters += text.count
            guard entry.sources.isEmpty else { continue }
            newCharacters += text.count
            newSentences.append(NewSentence(sentence: entry.provincial, text: text))
        }
        self.newSentences = newSentences
        summary = Self.summarise(
            cells: cells, comparison: comparison,
            newShare: allCharacters == 0 ? 0 : Double(newCharacters) / Double(allCharacters))
    }

    static func summarise(cells: [MatrixCell], comparison: Comparison, newShare: Double) -> DocumentSummary {
        DocumentSummary(
            kept: cells.filter { $0.kind == .match }.count,
            partly: cells.filter { $0.kind == .partial }.count,
            dropped: cells.filter { $0.kind == .dropped }.count,
            additions: comparison.provincialOnly.count,
            newShare: newShare,
            coverage: cells.isEmpty ? 0 : cells.map(\.carried).reduce(0, +) / Double(cells.count))
    }
}

/// A provincial sentence with no national source.
public struct NewSentence: Sendable, Equatable {
    public var sentence: SentenceRef
    public var text: String
}

/// One national document against all its implementations.
public struct AdoptionMatrix: Sendable {
    public var national: PolicyDocument
    /// The rows: national provisions in document order.
    public var provisions: [MatrixProvision]
    /// The columns, in argument order.
    public var columns: [MatrixColumn]
    /// New text found in two or more implementations.
    public var sharedAdditions: [SharedAddition]

    /// Assembles the matrix from computed columns (see `MatrixComputation` to compute them).
    public init(national: PolicyDocument, columns: [MatrixColumn]) {
        self.national = national
        provisions = Self.provisions(of: national)
        self.columns = columns
        sharedAdditions = SharedAdditionFinder.find(in: columns)
    }

    /// In how many implementations each national provision survives (fully or partly), in row order.
    public var survivalCounts: [Int] {
        provisions.indices.map { row in columns.filter { $0.cells[row].kind.survives }.count }
    }

    /// The rows of a national document: the provisions a comparison aligns, with their chapters.
    public static func provisions(of national: PolicyDocument) -> [MatrixProvision] {
        var chapterOf: [String: DivisionHeading] = [:]
        for top in national.divisions where !top.children.isEmpty {
            let heading = DivisionHeading(id: top.id, label: top.label, title: top.title)
            for division in top.flattened.dropFirst() where chapterOf[division.id] == nil {
                chapterOf[division.id] = heading
            }
        }
        return comparedUnits(of: national).map {
            MatrixProvision(
                id: $0.id, label: $0.label, title: $0.title, displayTitle: $0.displayTitle, chapter: chapterOf[$0.id])
        }
    }

    /// The units `Comparator` aligns, in document order.
    static func comparedUnits(of document: PolicyDocument) -> [Division] {
        document.provisions
    }
}

/// Looks up sentence texts of a document by `SentenceRef`.
struct SentenceTexts {
    private let sentences: [String: [String]]

    /// The sentences of `divisions` (all when nil): splitting sentences is the costly part.
    init(_ document: PolicyDocument, divisions: Set<String>? = nil) {
        var table: [String: [String]] = [:]
        for division in document.allDivisions
        where table[division.id] == nil && divisions?.contains(division.id) != false {
            table[division.id] = division.sentences
        }
        sentences = table
    }

    func text(_ ref: SentenceRef) -> String {
        guard let list = sentences[ref.division], list.indices.contains(ref.index) else { return "" }
        return list[ref.index]
    }
}
