import DuizhaoCore

/// One division's text inside a piece: its heading and its own paragraphs.
struct PiecePart: Sendable {
    /// Division id; nil for the preamble.
    var divisionID: String?
    var heading: String
    /// Whether the heading is a bare label that runs into the first paragraph, as printed (an article's item:
    /// `（一）名称；`), rather than a line of its own.
    var runsIn = false
    var paragraphs: [String]
}

/// A run of one document laid out as a whole: the preamble, a container division's own heading and text
/// (a section above its clauses), or a comparable unit together with its descendants.
struct DocumentPiece: Sendable {
    enum Kind: Sendable, Equatable {
        case preamble
        case container
        case unit
    }

    var kind: Kind
    /// The piece's division (the unit, or the container); nil for the preamble.
    var divisionID: String?
    var divisionKind: DivisionKind?
    var parts: [PiecePart]
    /// Size in UTF-8 bytes, used for the position percentage without laying anything out.
    var weight: Int
}

/// An entry of the outline: a division of an outline level (`DivisionKind.isOutlineLevel`: a chapter, article,
/// section, item or clause; an article's 款 项 目 and a clause's sub-items stay inside it).
struct OutlineEntry: Sendable {
    var divisionID: String
    var heading: String
    /// The first words of an untitled division (an article printed without a heading), shown after its label.
    var excerpt: String?
    var depth: Int
    var kind: DivisionKind
    /// Index of the parent entry, if any.
    var parent: Int?
    /// Whether the entry has child entries (it can be folded).
    var hasChildren: Bool
}

/// A document cut into pieces in reading order, with lookups the reader needs.
struct PiecedDocument: Sendable {
    let document: PolicyDocument
    let pieces: [DocumentPiece]
    /// Piece index holding each division id (sub-divisions map to their unit's piece).
    let pieceOfDivision: [String: Int]
    /// The comparable unit (or container) each division belongs to: the clause a reader is "in".
    let unitOfDivision: [String: String]
    let outline: [OutlineEntry]
    let outlineIndexOfDivision: [String: Int]
    /// Every division by id.
    let divisions: [String: Division]

    init(_ document: PolicyDocument) {
        self.document = document
        var pieces: [DocumentPiece] = []
        var pieceOfDivision: [String: Int] = [:]
        var unitOfDivision: [String: String] = [:]
        var divisions: [String: Division] = [:]
        let preamble = document.preamble.filter { !$0.allSatisfy(\.isWhitespace) }
        if !preamble.isEmpty {
            pieces.append(
                DocumentPiece(
                    kind: .preamble, divisionID: nil, divisionKind: nil,
                    parts: [PiecePart(divisionID: nil, heading: "", paragraphs: preamble)],
                    weight: preamble.reduce(0) { $0 + $1.utf8.count }))
        }
        let unitIDs = Set(document.comparableUnits.map(\.id))

        func weight(of parts: [PiecePart]) -> Int {
            parts.reduce(0) { total, part in
                total + part.heading.utf8.count + part.paragraphs.reduce(0) { $0 + $1.utf8.count }
            }
        }
        func visit(_ division: Division) {
            // A unit is one piece with all its descendants; a container is a piece of its own heading and text,
            // its children pieces of their own.
            let isUnit = unitIDs.contains(division.id)
            let members = isUnit ? division.flattened : [division]
            let parts = members.map {
                PiecePart(
                    divisionID: $0.id, heading: $0.heading, runsIn: isUnit && $0.labelRunsIn,
                    paragraphs: $0.paragraphs)
            }
            for member in members {
                divisions[member.id] = member
                pieceOfDivision[member.id] = pieces.count
                unitOfDivision[member.id] = division.id
            }
            pieces.append(
                DocumentPiece(
                    kind: isUnit ? .unit : .container, divisionID: division.id, divisionKind: division.kind,
                    parts: parts, weight: weight(of: parts)))
            if !isUnit { division.children.forEach(visit) }
        }
        document.divisions.forEach(visit)

        var outline: [OutlineEntry] = []
        var outlineIndex: [String: Int] = [:]
        func addEntries(_ division: Division, depth: Int, parent: Int?) {
            guard division.kind.isOutlineLevel else { return }
            let index = outline.count
            outline.append(
                OutlineEntry(
                    divisionID: division.id, heading: division.heading, excerpt: division.excerpt, depth: depth,
                    kind: division.kind,
                    parent: parent, hasChildren: false))
            outlineIndex[division.id] = index
            for child in division.children { addEntries(child, depth: depth + 1, parent: index) }
            outline[index].hasChildren = outline.count > index + 1
        }
        for division in document.divisions { addEntries(division, depth: 0, parent: nil) }

        self.pieces = pieces
        self.pieceOfDivision = pieceOfDivision
        self.unitOfDivision = unitOfDivision
        self.outline = outline
        self.outlineIndexOfDivision = outlineIndex
        self.divisions = divisions
    }

    /// The section (top-level outline entry) containing a division, if the division is not itself top level.
    func sectionEntry(containing divisionID: String) -> OutlineEntry? {
        guard var index = outlineIndexOfDivision[divisionID] else { return nil }
        while let parent = outline[index].parent { index = parent }
        return index == outlineIndexOfDivision[divisionID] ? nil : outline[index]
    }
}
