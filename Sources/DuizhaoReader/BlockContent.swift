import DuizhaoCompare
import DuizhaoCore

/// A paragraph ready to wrap: terminal-safe scalars with one style role each.
struct DisplayParagraph: Sendable {
    var scalars: [Unicode.Scalar]
    var roles: [StyleRole]
    /// The kind of change each scalar belongs to (nil: unchanged), for the status line and change movement.
    var kinds: [ChangeKind?]
    /// Cells taken by each scalar.
    var widths: [UInt8]
    /// Division this text belongs to (a part of a unit), and the unit or container the reader is "in".
    var divisionID: String?
    var unitID: String?
    var isHeading: Bool
    /// The first paragraph of a comparable unit or of a section (targets of `]` and `}`).
    var startsUnit: Bool
    var startsSection: Bool
    /// Whether the first line gets the paragraph indentation (two ideographic spaces).
    var indented: Bool
    /// Sentence sync point: paragraphs with the same anchor on both sides start on the same row.
    var anchor: Int?

    init(
        raw: [Unicode.Scalar], roles rawRoles: [StyleRole], kinds rawKinds: [ChangeKind?]? = nil, divisionID: String?,
        unitID: String?, isHeading: Bool, indented: Bool, anchor: Int?
    ) {
        var scalars: [Unicode.Scalar] = []
        var roles: [StyleRole] = []
        var kinds: [ChangeKind?] = []
        var widths: [UInt8] = []
        scalars.reserveCapacity(raw.count)
        roles.reserveCapacity(raw.count)
        widths.reserveCapacity(raw.count)
        for (index, scalar) in raw.enumerated() {
            let before = scalars.count
            defer { kinds += repeatElement(rawKinds?[index] ?? nil, count: scalars.count - before) }
            if TerminalSafe.isBidiControl(scalar) {
                // Direction overrides would reorder what the terminal shows: made visible instead.
                scalars.append("\u{FFFD}")
                roles.append(.control)
                widths.append(1)
            } else if TerminalSafe.isControl(scalar) {
                for visible in TerminalSafeText.sanitize(String(scalar)).unicodeScalars {
                    scalars.append(visible)
                    roles.append(scalar == "\t" ? rawRoles[index] : .control)
                    widths.append(UInt8(DisplayWidth.of(visible)))
                }
            } else {
                scalars.append(scalar)
                roles.append(rawRoles[index])
                widths.append(UInt8(DisplayWidth.of(scalar)))
            }
        }
        self.scalars = scalars
        self.roles = roles
        self.kinds = kinds
        self.widths = widths
        self.divisionID = divisionID
        self.unitID = unitID
        self.isHeading = isHeading
        self.startsUnit = false
        self.startsSection = false
        self.indented = indented
        self.anchor = anchor
    }

    var text: String { String(String.UnicodeScalarView(scalars)) }
}

/// The styled text of one alignment block, both sides (width-independent; wrapping happens later).
struct BlockContent: Sendable {
    var paragraphs: Sides<[DisplayParagraph]>
    /// Text shown opposite a side that has no pieces in an unmatched block.
    var placeholder: String?
}

extension StyleRole {
    /// The style of text with no counterpart in the other document, per side.
    static let unmatched = Sides<StyleRole>(national: .nationalOnly, provincial: .provincialOnly)
}

/// Lookups over a comparison, built once when it arrives.
struct ComparisonIndex: Sendable {
    let comparison: Comparison
    let provenance: [SentenceRef: SentenceProvenance]
    /// For each national sentence, the provincial sentences drawing on it.
    let users: [SentenceRef: [SentenceRef]]
    /// Divisions with no counterpart, per side.
    let unlinked: Sides<Set<String>>

    init(_ comparison: Comparison) {
        self.comparison = comparison
        var provenance: [SentenceRef: SentenceProvenance] = [:]
        var users: [SentenceRef: [SentenceRef]] = [:]
        for entry in comparison.provenance {
            provenance[entry.provincial] = entry
            for source in entry.sources { users[source, default: []].append(entry.provincial) }
        }
        self.provenance = provenance
        self.users = users
        unlinked = Sides(national: Set(comparison.nationalOnly), provincial: Set(comparison.provincialOnly))
    }

    /// Whether a division of one side is linked to some division of the other.
    func isLinked(_ id: String, side: DocumentSide) -> Bool {
        switch side {
        case .national: return !comparison.provincialLinks(ofNational: id).isEmpty
        case .provincial: return !comparison.nationalLinks(ofProvincial: id).isEmpty
        }
    }

    /// The divisions of the other side linked to a division of one side.
    func counterparts(of id: String, side: DocumentSide) -> [String] {
        switch side {
        case .national: return comparison.provincialLinks(ofNational: id).map(\.provincial)
        case .provincial: return comparison.nationalLinks(ofProvincial: id).map(\.national)
        }
    }
}

/// Per-build cache of divisions' sentences.
final class SentenceMemo {
    var sentences = Sides<[String: [String]]>(repeating: [:])
}

/// Builds `BlockContent`: headings, paragraphs split at sentence sync points, difference styles.
struct BlockContentBuilder {
    let documents: Sides<PiecedDocument?>
    let index: ComparisonIndex?
    /// Classified changes of a provincial sentence against its sources (cached by the caller).
    let changes: (SentenceRef, _ sources: String, _ sentence: String) -> [Change]
    /// Sentences of divisions already split during this build.
    let memo = SentenceMemo()

    func build(_ block: AlignmentBlock) -> BlockContent {
        var anchors = Sides<[SentenceRef: Int]>(repeating: [:])
        if block.kind == .linked, let index, let national = documents.national, let provincial = documents.provincial {
            anchors = sentenceAnchors(block, index: index, national: national, provincial: provincial)
        }
        var content = BlockContent(paragraphs: Sides(repeating: []), placeholder: nil)
        for side in DocumentSide.allCases {
            guard let document = documents[side] else { continue }
            content.paragraphs[side] = paragraphs(block, side: side, anchors: anchors[side], document: document)
        }
        if block.kind == .unmatched {
            content.placeholder = placeholder(block)
        }
        return content
    }

    /// "— 无对应条款 —", or where the counterpart is when it was placed elsewhere (links crossing others).
    func placeholder(_ block: AlignmentBlock) -> String {
        guard let index else { return "— 无对应条款 —" }
        var elsewhere: [String] = []
        for side in DocumentSide.allCases {
            guard let document = documents[side] else { continue }
            for pieceIndex in block.pieces[side] {
                guard let id = document.pieces[pieceIndex].divisionID else { continue }
                // Named as the other document prints them (label and title), never by the internal id.
                elsewhere += index.counterparts(of: id, side: side).map { counterpart in
                    documents[side.other]?.divisions[counterpart]?.heading ?? counterpart
                }
            }
        }
        if elsewhere.isEmpty { return "— 无对应条款 —" }
        return "— 对应条款 " + elsewhere.prefix(3).joined(separator: "、") + " 在别处 · = 前往 —"
    }

    /// Sentence pairs kept level: provincial sentences in order with their first source in this block,
    /// kept when they run forward in the national text.
    func sentenceAnchors(
        _ block: AlignmentBlock, index: ComparisonIndex, national: PiecedDocument, provincial: PiecedDocument
    ) -> Sides<[SentenceRef: Int]> {
        var ordinal: [SentenceRef: Int] = [:]
        for pieceIndex in block.pieces.national {
            for part in national.pieces[pieceIndex].parts {
                guard let id = part.divisionID, let division = national.divisions[id] else { continue }
                for sentenceIndex in division.sentences.indices {
                    ordinal[SentenceRef(division: id, index: sentenceIndex)] = ordinal.count
                }
            }
        }
        var nationalAnchors: [SentenceRef: Int] = [:]
        var provincialAnchors: [SentenceRef: Int] = [:]
        var lastOrdinal = -1
        for pieceIndex in block.pieces.provincial {
            for part in provincial.pieces[pieceIndex].parts {
                guard let id = part.divisionID, let division = provincial.divisions[id] else { continue }
                for sentenceIndex in division.sentences.indices {
                    let ref = SentenceRef(division: id, index: sentenceIndex)
                    guard let sources = index.provenance[ref]?.sources,
                        let first = sources.compactMap({ source in ordinal[source].map { (source, $0) } })
                            .min(by: { $0.1 < $1.1 }),
                        first.1 > lastOrdinal
                    else { continue }
                    lastOrdinal = first.1
                    let anchor = nationalAnchors.count + 1
                    nationalAnchors[first.0] = anchor
                    provincialAnchors[ref] = anchor
                }
            }
        }
        return Sides(national: nationalAnchors, provincial: provincialAnchors)
    }

    func paragraphs(
        _ block: AlignmentBlock, side: DocumentSide, anchors: [SentenceRef: Int], document: PiecedDocument
    ) -> [DisplayParagraph] {
        var result: [DisplayParagraph] = []
        for pieceIndex in block.pieces[side] {
            let piece = document.pieces[pieceIndex]
            let baseRole: StyleRole
            switch block.kind {
            case .unmatched:
                if let id = piece.divisionID, let index {
                    let alone = index.unlinked[side].contains(id) || !index.isLinked(id, side: side)
                    baseRole = alone ? StyleRole.unmatched[side] : .normal
                } else {
                    baseRole = .normal
                }
            default:
                baseRole = .normal
            }
            for (partIndex, part) in piece.parts.enumerated() {
                let first = result.count
                let unitID = piece.divisionID
                if !part.heading.isEmpty, !part.runsIn {
                    let raw = Array(part.heading.unicodeScalars)
                    let heading = DisplayParagraph(
                        raw: raw, roles: Array(repeating: .heading, count: raw.count), divisionID: part.divisionID,
                        unitID: unitID, isHeading: true, indented: false, anchor: nil)
                    result.append(heading)
                }
                var sentenceIndex = 0
                for (paragraphIndex, paragraph) in part.paragraphs.enumerated() {
                    appendParagraph(
                        paragraph, label: part.runsIn && paragraphIndex == 0 ? part.heading : "", side: side,
                        divisionID: part.divisionID, unitID: unitID, baseRole: baseRole,
                        linked: block.kind == .linked, anchors: anchors, sentenceIndex: &sentenceIndex, into: &result)
                }
                if partIndex == 0, result.count > first {
                    if piece.kind == .unit { result[first].startsUnit = true }
                    if piece.kind == .container, piece.divisionKind?.isSectionStop == true {
                        result[first].startsSection = true
                    }
                    if piece.kind == .preamble { result[first].startsUnit = true }
                }
            }
        }
        return result
    }

    /// Splits one paragraph into display paragraphs at sync points and styles its sentences. `label`, when not
    /// empty, is printed before the text in the heading style (a run-in label such as an item's `（一）`).
    func appendParagraph(
        _ paragraph: String, label: String = "", side: DocumentSide, divisionID: String?, unitID: String?,
        baseRole: StyleRole, linked: Bool, anchors: [SentenceRef: Int], sentenceIndex: inout Int,
        into result: inout [DisplayParagraph]
    ) {
        let text = trimmed(Array(paragraph.unicodeScalars))
        guard !text.isEmpty else { return }
        let labelScalars = Array(label.unicodeScalars)
        let labelLength = labelScalars.count
        let scalars = labelScalars + text
        var roles =
            Array(repeating: StyleRole.heading, count: labelLength) + Array(repeating: baseRole, count: text.count)
        // A whole clause with no counterpart is an added or deleted clause.
        let baseKind: ChangeKind? = baseRole == .provincialOnly ? .added : baseRole == .nationalOnly ? .deleted : nil
        var kinds =
            [ChangeKind?](repeating: nil, count: labelLength) + [ChangeKind?](repeating: baseKind, count: text.count)
        var cuts: [(offset: Int, anchor: Int)] = []
        var cursor = labelLength
        for sentence in SentenceSplitter.split(paragraph) {
            let sentenceScalars = Array(sentence.unicodeScalars)
            defer { sentenceIndex += 1 }
            guard let start = locate(sentenceScalars, in: scalars, from: cursor) else { continue }
            cursor = start + sentenceScalars.count
            guard let divisionID else { continue }
            let ref = SentenceRef(division: divisionID, index: sentenceIndex)
            // A sync point at the first sentence keeps a run-in label with it.
            if let anchor = anchors[ref] { cuts.append((start == labelLength ? 0 : start, anchor)) }
            if linked, let index {
                styleSentence(
                    ref, side: side, index: index, text: sentence, range: start..<cursor, roles: &roles, kinds: &kinds)
            }
        }
        var pieceStart = 0
        var pieceAnchor: Int?
        func emit(upTo end: Int) {
            guard end > pieceStart else { return }
            result.append(
                DisplayParagraph(
                    raw: Array(scalars[pieceStart..<end]), roles: Array(roles[pieceStart..<end]),
                    kinds: Array(kinds[pieceStart..<end]), divisionID: divisionID,
                    unitID: unitID, isHeading: false, indented: pieceStart == 0, anchor: pieceAnchor))
        }
        for cut in cuts {
            if cut.offset > pieceStart { emit(upTo: cut.offset) }
            pieceStart = cut.offset
            pieceAnchor = cut.anchor
        }
        emit(upTo: scalars.count)
    }

    /// Styles every change of a sentence by its kind (`StyleRole.change`), and text with no counterpart.
    func styleSentence(
        _ ref: SentenceRef, side: DocumentSide, index: ComparisonIndex, text: String, range: Range<Int>,
        roles: inout [StyleRole], kinds: inout [ChangeKind?]
    ) {
        switch side {
        case .provincial:
            guard let provenance = index.provenance[ref] else { return }
            if provenance.sources.isEmpty {
                for offset in range {
                    roles[offset] = .provincialOnly
                    kinds[offset] = .added
                }
                return
            }
            let sources = provenance.sources.compactMap { sentence(.national, $0) }.joined()
            let offsets = ScalarOffsets(text)
            for change in changes(ref, sources, text) {
                for position in offsets.scalars(of: change.provincialRange)
                where position + range.lowerBound < range.upperBound {
                    roles[range.lowerBound + position] = .change(change.kind, side: .provincial)
                    kinds[range.lowerBound + position] = change.kind
                }
            }
        case .national:
            if index.comparison.nationalFates[ref] == .dropped {
                for offset in range {
                    roles[offset] = .nationalOnly
                    kinds[offset] = .deleted
                }
                return
            }
            guard let users = index.users[ref] else { return }
            // A character is changed when no provincial sentence drawing on this one keeps it; it takes the
            // kind of a change that covers it (a substantive one over a localisation).
            let length = range.count
            var kept = Array(repeating: false, count: length)
            var changedKind = [ChangeKind?](repeating: nil, count: length)
            var covered = false
            for user in users {
                guard let provenance = index.provenance[user],
                    let sentenceText = sentence(.provincial, user)
                else { continue }
                var sourceStart = 0
                var found = false
                var sourceTexts: [String] = []
                for source in provenance.sources {
                    guard let sourceText = sentence(.national, source) else { continue }
                    if source == ref { found = true }
                    if !found { sourceStart += sourceText.unicodeScalars.count }
                    sourceTexts.append(sourceText)
                }
                guard found else { continue }
                let sources = sourceTexts.joined()
                covered = true
                let offsets = ScalarOffsets(sources)
                var changedHere = Array(repeating: false, count: length)
                for change in changes(user, sources, sentenceText) {
                    for position in offsets.scalars(of: change.nationalRange)
                    where position >= sourceStart && position < sourceStart + length {
                        changedHere[position - sourceStart] = true
                        if changedKind[position - sourceStart].map({ !$0.isSubstantive }) ?? true {
                            changedKind[position - sourceStart] = change.kind
                        }
                    }
                }
                for position in 0..<length where !changedHere[position] { kept[position] = true }
            }
            guard covered else { return }
            for position in 0..<length where !kept[position] {
                guard let kind = changedKind[position] else { continue }
                roles[range.lowerBound + position] = .change(kind, side: .national)
                kinds[range.lowerBound + position] = kind
            }
        }
    }

    func sentence(_ side: DocumentSide, _ ref: SentenceRef) -> String? {
        let sentences: [String]
        if let cached = memo.sentences[side][ref.division] {
            sentences = cached
        } else {
            guard let division = documents[side]?.divisions[ref.division] else { return nil }
            sentences = division.sentences
            memo.sentences[side][ref.division] = sentences
        }
        return sentences.indices.contains(ref.index) ? sentences[ref.index] : nil
    }

    func trimmed(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return Array(scalars[start..<end])
    }

    /// First position at or after `from` where `needle` occurs in `haystack`.
    func locate(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var start = from
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) {
                return start
            }
            start += 1
        }
        return nil
    }
}

/// Character offsets of a text (what `Change` ranges count) turned into Unicode scalar offsets (what the
/// reader's paragraphs count).
struct ScalarOffsets {
    private var startOfCharacter: [Int] = [0]

    init(_ text: String) {
        for character in text {
            startOfCharacter.append(startOfCharacter[startOfCharacter.count - 1] + character.unicodeScalars.count)
        }
    }

    /// The scalar offsets covered by a range of characters.
    func scalars(of characters: Range<Int>) -> Range<Int> {
        let lower = startOfCharacter[min(characters.lowerBound, startOfCharacter.count - 1)]
        let upper = startOfCharacter[min(characters.upperBound, startOfCharacter.count - 1)]
        return lower..<upper
    }
}
